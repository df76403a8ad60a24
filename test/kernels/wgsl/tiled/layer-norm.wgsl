// ==== layer-norm(transposeOut=false)
// generated from the kernel's uniform and binding lists
struct Params {
  rows: u32,
  cols: u32,
  eps: f32,
  row0: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> gamma: array<f32>;
@group(0) @binding(3) var<storage, read_write> beta: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<f32>;

// x: [row0 + rows, cols] (rows row0.. are read) -> out: [rows, cols] (or [cols, rows] with transposeOut)

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }

var<workgroup> partial: array<f32, 64>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let row = linear_workgroup(wg, nwg);
  if (row >= params.rows) { return; }
  let base = (params.row0 + row) * params.cols;
  var s = 0.0;
  for (var i = li; i < params.cols; i += 64u) { s += x[base + i]; }

  partial[li] = s;
  workgroupBarrier();
  for (var stride = 32u; stride > 0u; stride >>= 1u) {
    if (li < stride) { partial[li] = partial[li] + partial[li + stride]; }
    workgroupBarrier();
  }
  s = partial[0];
  workgroupBarrier();
  let mean = s / f32(params.cols);
  var q = 0.0;
  for (var i = li; i < params.cols; i += 64u) { let d = x[base + i] - mean; q += d * d; }

  partial[li] = q;
  workgroupBarrier();
  for (var stride = 32u; stride > 0u; stride >>= 1u) {
    if (li < stride) { partial[li] = partial[li] + partial[li + stride]; }
    workgroupBarrier();
  }
  q = partial[0];
  workgroupBarrier();
  let rstd = inverseSqrt(q / f32(params.cols) + params.eps);
  for (var i = li; i < params.cols; i += 64u) {
    let y = (x[base + i] - mean) * rstd * gamma[i] + beta[i];
    out[row * params.cols + i] = y;
  }
}

// ==== layer-norm(transposeOut=true)
// generated from the kernel's uniform and binding lists
struct Params {
  rows: u32,
  cols: u32,
  eps: f32,
  row0: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> gamma: array<f32>;
@group(0) @binding(3) var<storage, read_write> beta: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<f32>;

// x: [row0 + rows, cols] (rows row0.. are read) -> out: [rows, cols] (or [cols, rows] with transposeOut)

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }

var<workgroup> partial: array<f32, 64>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let row = linear_workgroup(wg, nwg);
  if (row >= params.rows) { return; }
  let base = (params.row0 + row) * params.cols;
  var s = 0.0;
  for (var i = li; i < params.cols; i += 64u) { s += x[base + i]; }

  partial[li] = s;
  workgroupBarrier();
  for (var stride = 32u; stride > 0u; stride >>= 1u) {
    if (li < stride) { partial[li] = partial[li] + partial[li + stride]; }
    workgroupBarrier();
  }
  s = partial[0];
  workgroupBarrier();
  let mean = s / f32(params.cols);
  var q = 0.0;
  for (var i = li; i < params.cols; i += 64u) { let d = x[base + i] - mean; q += d * d; }

  partial[li] = q;
  workgroupBarrier();
  for (var stride = 32u; stride > 0u; stride >>= 1u) {
    if (li < stride) { partial[li] = partial[li] + partial[li + stride]; }
    workgroupBarrier();
  }
  q = partial[0];
  workgroupBarrier();
  let rstd = inverseSqrt(q / f32(params.cols) + params.eps);
  for (var i = li; i < params.cols; i += 64u) {
    let y = (x[base + i] - mean) * rstd * gamma[i] + beta[i];
    out[i * params.rows + row] = y;
  }
}
