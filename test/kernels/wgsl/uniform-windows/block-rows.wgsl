// ==== block-rows(rowsInner=false)
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  K: u32,
  KB: u32,
  n: u32,
  off: u32,
  ldm: u32,
  ldk: u32,
  zstride: u32,
  zblocks: u32,
  KC: u32,
  MB: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

// x viewed as [batch][M, K] -> out: [batch][ceil(M/MB)][KB] blocks of [MB][KC]

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }


fn blocked_rc(i: u32, kb_count: u32) -> vec2u {
  let block = i / (params.MB * params.KC);
  return vec2u((block / kb_count) * params.MB + (i / params.KC) % params.MB, (block % kb_count) * params.KC + i % params.KC);
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * 256u + li;
  if (i >= params.n) { return; }
  let size = params.zblocks * params.MB * params.KC;
  let z = i / size;
  let rc = blocked_rc(i % size, params.KB);
  var v = 0.0;
  if (rc.x < params.M && rc.y < params.K) { v = x[params.off + z * params.zstride + rc.x * params.ldm + rc.y * params.ldk]; }
  out[i] = v;
}

// ==== block-rows(rowsInner=true)
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  K: u32,
  KB: u32,
  n: u32,
  off: u32,
  ldm: u32,
  ldk: u32,
  zstride: u32,
  zblocks: u32,
  KC: u32,
  MB: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

// x viewed as [batch][M, K] -> out: [batch][ceil(M/MB)][KB] blocks of [KC][MB]

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }


fn blocked_rc(i: u32, kb_count: u32) -> vec2u {
  let block = i / (params.MB * params.KC);
  return vec2u((block / kb_count) * params.MB + i % params.MB, (block % kb_count) * params.KC + (i / params.MB) % params.KC);
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * 256u + li;
  if (i >= params.n) { return; }
  let size = params.zblocks * params.MB * params.KC;
  let z = i / size;
  let rc = blocked_rc(i % size, params.KB);
  var v = 0.0;
  if (rc.x < params.M && rc.y < params.K) { v = x[params.off + z * params.zstride + rc.x * params.ldm + rc.y * params.ldk]; }
  out[i] = v;
}
