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


fn blocked_slot(j: u32, kb_count: u32) -> vec3u {
  let block = j / (min(params.M, params.MB) * params.KC);
  let e = j % (min(params.M, params.MB) * params.KC);
  let r = e / params.KC;
  let c = e % params.KC;
  return vec3u((block / kb_count) * params.MB + r, (block % kb_count) * params.KC + c, block * params.MB * params.KC + r * params.KC + c);
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * 256u + li;
  if (i >= params.n) { return; }
  let written = params.zblocks * min(params.M, params.MB) * params.KC;
  let z = i / written;
  let s = blocked_slot(i % written, params.KB);
  var v = 0.0;
  if (s.x < params.M && s.y < params.K) { v = x[params.off + z * params.zstride + s.x * params.ldm + s.y * params.ldk]; }
  out[z * params.zblocks * params.MB * params.KC + s.z] = v;
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


fn blocked_slot(j: u32, kb_count: u32) -> vec3u {
  let block = j / (min(params.M, params.MB) * params.KC);
  let e = j % (min(params.M, params.MB) * params.KC);
  let r = e % min(params.M, params.MB);
  let c = e / min(params.M, params.MB);
  return vec3u((block / kb_count) * params.MB + r, (block % kb_count) * params.KC + c, block * params.MB * params.KC + c * params.MB + r);
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * 256u + li;
  if (i >= params.n) { return; }
  let written = params.zblocks * min(params.M, params.MB) * params.KC;
  let z = i / written;
  let s = blocked_slot(i % written, params.KB);
  var v = 0.0;
  if (s.x < params.M && s.y < params.K) { v = x[params.off + z * params.zstride + s.x * params.ldm + s.y * params.ldk]; }
  out[z * params.zblocks * params.MB * params.KC + s.z] = v;
}
