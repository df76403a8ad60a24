// ==== block-rows(KC=128,MB=128,rowsInner=false)
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
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

// x viewed as [batch][M, K] -> out: [batch][ceil(M/128)][KB] blocks of [128][128]

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }


fn blocked_rc(i: u32, kb_count: u32) -> vec2u {
  let block = i / 16384u;
  return vec2u((block / kb_count) * 128u + (i / 128u) % 128u, (block % kb_count) * 128u + i % 128u);
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * 256u + li;
  if (i >= params.n) { return; }
  let size = params.zblocks * 16384u;
  let z = i / size;
  let rc = blocked_rc(i % size, params.KB);
  var v = 0.0;
  if (rc.x < params.M && rc.y < params.K) { v = x[params.off + z * params.zstride + rc.x * params.ldm + rc.y * params.ldk]; }
  out[i] = v;
}

// ==== block-rows(KC=128,MB=32,rowsInner=true)
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
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

// x viewed as [batch][M, K] -> out: [batch][ceil(M/32)][KB] blocks of [128][32]

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }


fn blocked_rc(i: u32, kb_count: u32) -> vec2u {
  let block = i / 4096u;
  return vec2u((block / kb_count) * 32u + i % 32u, (block % kb_count) * 128u + (i / 32u) % 128u);
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * 256u + li;
  if (i >= params.n) { return; }
  let size = params.zblocks * 4096u;
  let z = i / size;
  let rc = blocked_rc(i % size, params.KB);
  var v = 0.0;
  if (rc.x < params.M && rc.y < params.K) { v = x[params.off + z * params.zstride + rc.x * params.ldm + rc.y * params.ldk]; }
  out[i] = v;
}

// ==== block-rows(KC=228,MB=64,rowsInner=true)
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
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

// x viewed as [batch][M, K] -> out: [batch][ceil(M/64)][KB] blocks of [228][64]

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }


fn blocked_rc(i: u32, kb_count: u32) -> vec2u {
  let block = i / 14592u;
  return vec2u((block / kb_count) * 64u + i % 64u, (block % kb_count) * 228u + (i / 64u) % 228u);
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * 256u + li;
  if (i >= params.n) { return; }
  let size = params.zblocks * 14592u;
  let z = i / size;
  let rc = blocked_rc(i % size, params.KB);
  var v = 0.0;
  if (rc.x < params.M && rc.y < params.K) { v = x[params.off + z * params.zstride + rc.x * params.ldm + rc.y * params.ldk]; }
  out[i] = v;
}

// ==== block-rows(KC=256,MB=32,rowsInner=true)
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
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

// x viewed as [batch][M, K] -> out: [batch][ceil(M/32)][KB] blocks of [256][32]

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }


fn blocked_rc(i: u32, kb_count: u32) -> vec2u {
  let block = i / 8192u;
  return vec2u((block / kb_count) * 32u + i % 32u, (block % kb_count) * 256u + (i / 32u) % 256u);
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * 256u + li;
  if (i >= params.n) { return; }
  let size = params.zblocks * 8192u;
  let z = i / size;
  let rc = blocked_rc(i % size, params.KB);
  var v = 0.0;
  if (rc.x < params.M && rc.y < params.K) { v = x[params.off + z * params.zstride + rc.x * params.ldm + rc.y * params.ldk]; }
  out[i] = v;
}

// ==== block-rows(KC=256,MB=64,rowsInner=false)
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
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

// x viewed as [batch][M, K] -> out: [batch][ceil(M/64)][KB] blocks of [64][256]

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }


fn blocked_rc(i: u32, kb_count: u32) -> vec2u {
  let block = i / 16384u;
  return vec2u((block / kb_count) * 64u + (i / 256u) % 64u, (block % kb_count) * 256u + i % 256u);
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * 256u + li;
  if (i >= params.n) { return; }
  let size = params.zblocks * 16384u;
  let z = i / size;
  let rc = blocked_rc(i % size, params.KB);
  var v = 0.0;
  if (rc.x < params.M && rc.y < params.K) { v = x[params.off + z * params.zstride + rc.x * params.ldm + rc.y * params.ldk]; }
  out[i] = v;
}

// ==== block-rows(KC=32,MB=128,rowsInner=true)
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
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

// x viewed as [batch][M, K] -> out: [batch][ceil(M/128)][KB] blocks of [32][128]

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }


fn blocked_rc(i: u32, kb_count: u32) -> vec2u {
  let block = i / 4096u;
  return vec2u((block / kb_count) * 128u + i % 128u, (block % kb_count) * 32u + (i / 128u) % 32u);
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * 256u + li;
  if (i >= params.n) { return; }
  let size = params.zblocks * 4096u;
  let z = i / size;
  let rc = blocked_rc(i % size, params.KB);
  var v = 0.0;
  if (rc.x < params.M && rc.y < params.K) { v = x[params.off + z * params.zstride + rc.x * params.ldm + rc.y * params.ldk]; }
  out[i] = v;
}

// ==== block-rows(KC=32,MB=256,rowsInner=true)
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
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

// x viewed as [batch][M, K] -> out: [batch][ceil(M/256)][KB] blocks of [32][256]

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }


fn blocked_rc(i: u32, kb_count: u32) -> vec2u {
  let block = i / 8192u;
  return vec2u((block / kb_count) * 256u + i % 256u, (block % kb_count) * 32u + (i / 256u) % 32u);
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * 256u + li;
  if (i >= params.n) { return; }
  let size = params.zblocks * 8192u;
  let z = i / size;
  let rc = blocked_rc(i % size, params.KB);
  var v = 0.0;
  if (rc.x < params.M && rc.y < params.K) { v = x[params.off + z * params.zstride + rc.x * params.ldm + rc.y * params.ldk]; }
  out[i] = v;
}

// ==== block-rows(KC=32,MB=512,rowsInner=false)
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
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

// x viewed as [batch][M, K] -> out: [batch][ceil(M/512)][KB] blocks of [512][32]

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }


fn blocked_rc(i: u32, kb_count: u32) -> vec2u {
  let block = i / 16384u;
  return vec2u((block / kb_count) * 512u + (i / 32u) % 512u, (block % kb_count) * 32u + i % 32u);
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * 256u + li;
  if (i >= params.n) { return; }
  let size = params.zblocks * 16384u;
  let z = i / size;
  let rc = blocked_rc(i % size, params.KB);
  var v = 0.0;
  if (rc.x < params.M && rc.y < params.K) { v = x[params.off + z * params.zstride + rc.x * params.ldm + rc.y * params.ldk]; }
  out[i] = v;
}

// ==== block-rows(KC=64,MB=256,rowsInner=false)
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
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

// x viewed as [batch][M, K] -> out: [batch][ceil(M/256)][KB] blocks of [256][64]

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }


fn blocked_rc(i: u32, kb_count: u32) -> vec2u {
  let block = i / 16384u;
  return vec2u((block / kb_count) * 256u + (i / 64u) % 256u, (block % kb_count) * 64u + i % 64u);
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * 256u + li;
  if (i >= params.n) { return; }
  let size = params.zblocks * 16384u;
  let z = i / size;
  let rc = blocked_rc(i % size, params.KB);
  var v = 0.0;
  if (rc.x < params.M && rc.y < params.K) { v = x[params.off + z * params.zstride + rc.x * params.ldm + rc.y * params.ldk]; }
  out[i] = v;
}

// ==== block-rows(KC=64,MB=64,rowsInner=true)
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
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

// x viewed as [batch][M, K] -> out: [batch][ceil(M/64)][KB] blocks of [64][64]

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }


fn blocked_rc(i: u32, kb_count: u32) -> vec2u {
  let block = i / 4096u;
  return vec2u((block / kb_count) * 64u + i % 64u, (block % kb_count) * 64u + (i / 64u) % 64u);
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * 256u + li;
  if (i >= params.n) { return; }
  let size = params.zblocks * 4096u;
  let z = i / size;
  let rc = blocked_rc(i % size, params.KB);
  var v = 0.0;
  if (rc.x < params.M && rc.y < params.K) { v = x[params.off + z * params.zstride + rc.x * params.ldm + rc.y * params.ldk]; }
  out[i] = v;
}
