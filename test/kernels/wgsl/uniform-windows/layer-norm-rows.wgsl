// ==== layer-norm-rows(blockedOut=false,transposeOut=false)
// generated from the kernel's uniform and binding lists
struct Params {
  rows: u32,
  c4: u32,
  eps: f32,
  row0: u32,
  out_kc_log2: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> gamma: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read_write> beta: array<vec4<f32>>;
@group(0) @binding(4) var<storage, read_write> out: array<vec4<f32>>;

// x: [row0 + rows, 4 * c4] (rows row0.. are read) -> out: [rows, 4 * c4] (or [4 * c4, rows] with transposeOut); a row per thread

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }


@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let row = linear_workgroup(wg, nwg) * 64u + li;
  if (row >= params.rows) { return; }
  let base = (params.row0 + row) * params.c4;
  let n = f32(4u * params.c4);
  var s = vec4<f32>();
  for (var i = 0u; i < params.c4; i++) { s += x[base + i]; }
  let mean = (s.x + s.y + s.z + s.w) / n;
  var q = vec4<f32>();
  for (var i = 0u; i < params.c4; i++) { let d = x[base + i] - mean; q += d * d; }
  let rstd = inverseSqrt((q.x + q.y + q.z + q.w) / n + params.eps);
  for (var i = 0u; i < params.c4; i++) {
    let y = (x[base + i] - mean) * rstd * gamma[i] + beta[i];
    out[row * params.c4 + i] = y;
  }
}

// ==== layer-norm-rows(blockedOut=false,transposeOut=true)
// generated from the kernel's uniform and binding lists
struct Params {
  rows: u32,
  c4: u32,
  eps: f32,
  row0: u32,
  out_kc_log2: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> gamma: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read_write> beta: array<vec4<f32>>;
@group(0) @binding(4) var<storage, read_write> out: array<f32>;

// x: [row0 + rows, 4 * c4] (rows row0.. are read) -> out: [rows, 4 * c4] (or [4 * c4, rows] with transposeOut); a row per thread

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }

fn store(i: u32, row: u32, y: vec4<f32>) {
  for (var j = 0u; j < 4u; j++) { out[(4u * i + j) * params.rows + row] = y[j]; }
}
@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let row = linear_workgroup(wg, nwg) * 64u + li;
  if (row >= params.rows) { return; }
  let base = (params.row0 + row) * params.c4;
  let n = f32(4u * params.c4);
  var s = vec4<f32>();
  for (var i = 0u; i < params.c4; i++) { s += x[base + i]; }
  let mean = (s.x + s.y + s.z + s.w) / n;
  var q = vec4<f32>();
  for (var i = 0u; i < params.c4; i++) { let d = x[base + i] - mean; q += d * d; }
  let rstd = inverseSqrt((q.x + q.y + q.z + q.w) / n + params.eps);
  for (var i = 0u; i < params.c4; i++) {
    let y = (x[base + i] - mean) * rstd * gamma[i] + beta[i];
    store(i, row, y);
  }
}

// ==== layer-norm-rows(blockedOut=true,transposeOut=false)
// generated from the kernel's uniform and binding lists
struct Params {
  rows: u32,
  c4: u32,
  eps: f32,
  row0: u32,
  out_kc_log2: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> gamma: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read_write> beta: array<vec4<f32>>;
@group(0) @binding(4) var<storage, read_write> out: array<vec4<f32>>;

// x: [row0 + rows, 4 * c4] (rows row0.. are read) -> out: [rows, 4 * c4] in A blocks; a row per thread

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }


fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = 14u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << 14u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let row = linear_workgroup(wg, nwg) * 64u + li;
  if (row >= params.rows) { return; }
  let base = (params.row0 + row) * params.c4;
  let n = f32(4u * params.c4);
  var s = vec4<f32>();
  for (var i = 0u; i < params.c4; i++) { s += x[base + i]; }
  let mean = (s.x + s.y + s.z + s.w) / n;
  var q = vec4<f32>();
  for (var i = 0u; i < params.c4; i++) { let d = x[base + i] - mean; q += d * d; }
  let rstd = inverseSqrt((q.x + q.y + q.z + q.w) / n + params.eps);
  let kb_count = blocked_k_count(4u * params.c4);
  for (var i = 0u; i < params.c4; i++) {
    let y = (x[base + i] - mean) * rstd * gamma[i] + beta[i];
    out[blocked_index(row, 4u * i, kb_count) / 4u] = y;
  }
  // The last block's columns past the row are zeros, as block-rows writes them (W's are zero too, but 0 * NaN is not 0).
  for (var i = params.c4; i < (kb_count << params.out_kc_log2) / 4u; i++) { out[blocked_index(row, 4u * i, kb_count) / 4u] = vec4<f32>(); }
}
