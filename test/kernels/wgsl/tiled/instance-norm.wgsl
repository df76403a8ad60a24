// ==== instance-norm(blockedOut=false,mul=false,residual=false)
// generated from the kernel's uniform and binding lists
struct Params {
  rows: u32,
  cols: u32,
  eps: f32,
  out_kc_log2: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> mul: array<f32>;
@group(0) @binding(3) var<storage, read_write> residual: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<f32>;

// x: [rows, cols] (mul, residual: [rows, cols]) -> out: [rows, cols], normalised per column
var<workgroup> partial: array<f32, 256>;

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let col = wg.x * 16u + lid.x;
  let live = col < params.cols;
  let slot = lid.y * 16u + lid.x;
  let n = f32(params.rows);
  var s = 0.0;
  if (live) {
    for (var r = lid.y; r < params.rows; r += 16u) { s += x[r * params.cols + col]; }
  }

  partial[slot] = s;
  workgroupBarrier();
  for (var stride = 8u; stride > 0u; stride >>= 1u) {
    if (lid.y < stride) { partial[slot] = partial[slot] + partial[slot + stride * 16u]; }
    workgroupBarrier();
  }
  s = partial[lid.x];
  workgroupBarrier();
  let mean = s / n;
  var q = 0.0;
  if (live) {
    for (var r = lid.y; r < params.rows; r += 16u) { let d = x[r * params.cols + col] - mean; q += d * d; }
  }

  partial[slot] = q;
  workgroupBarrier();
  for (var stride = 8u; stride > 0u; stride >>= 1u) {
    if (lid.y < stride) { partial[slot] = partial[slot] + partial[slot + stride * 16u]; }
    workgroupBarrier();
  }
  q = partial[lid.x];
  workgroupBarrier();
  let rstd = inverseSqrt(q / n + params.eps);
  if (live) {
    for (var r = lid.y; r < params.rows; r += 16u) {
      let i = r * params.cols + col;
      var y = (x[i] - mean) * rstd;
      
      
      out[i] = y;
    }
  }
}

// ==== instance-norm(blockedOut=false,mul=false,residual=true)
// generated from the kernel's uniform and binding lists
struct Params {
  rows: u32,
  cols: u32,
  eps: f32,
  out_kc_log2: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> mul: array<f32>;
@group(0) @binding(3) var<storage, read_write> residual: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<f32>;

// x: [rows, cols] (mul, residual: [rows, cols]) -> out: [rows, cols], normalised per column
var<workgroup> partial: array<f32, 256>;

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let col = wg.x * 16u + lid.x;
  let live = col < params.cols;
  let slot = lid.y * 16u + lid.x;
  let n = f32(params.rows);
  var s = 0.0;
  if (live) {
    for (var r = lid.y; r < params.rows; r += 16u) { s += x[r * params.cols + col]; }
  }

  partial[slot] = s;
  workgroupBarrier();
  for (var stride = 8u; stride > 0u; stride >>= 1u) {
    if (lid.y < stride) { partial[slot] = partial[slot] + partial[slot + stride * 16u]; }
    workgroupBarrier();
  }
  s = partial[lid.x];
  workgroupBarrier();
  let mean = s / n;
  var q = 0.0;
  if (live) {
    for (var r = lid.y; r < params.rows; r += 16u) { let d = x[r * params.cols + col] - mean; q += d * d; }
  }

  partial[slot] = q;
  workgroupBarrier();
  for (var stride = 8u; stride > 0u; stride >>= 1u) {
    if (lid.y < stride) { partial[slot] = partial[slot] + partial[slot + stride * 16u]; }
    workgroupBarrier();
  }
  q = partial[lid.x];
  workgroupBarrier();
  let rstd = inverseSqrt(q / n + params.eps);
  if (live) {
    for (var r = lid.y; r < params.rows; r += 16u) {
      let i = r * params.cols + col;
      var y = (x[i] - mean) * rstd;
      
      y = y + residual[i];
      out[i] = y;
    }
  }
}

// ==== instance-norm(blockedOut=false,mul=true,residual=false)
// generated from the kernel's uniform and binding lists
struct Params {
  rows: u32,
  cols: u32,
  eps: f32,
  out_kc_log2: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> mul: array<f32>;
@group(0) @binding(3) var<storage, read_write> residual: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<f32>;

// x: [rows, cols] (mul, residual: [rows, cols]) -> out: [rows, cols], normalised per column
var<workgroup> partial: array<f32, 256>;

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let col = wg.x * 16u + lid.x;
  let live = col < params.cols;
  let slot = lid.y * 16u + lid.x;
  let n = f32(params.rows);
  var s = 0.0;
  if (live) {
    for (var r = lid.y; r < params.rows; r += 16u) { s += x[r * params.cols + col]; }
  }

  partial[slot] = s;
  workgroupBarrier();
  for (var stride = 8u; stride > 0u; stride >>= 1u) {
    if (lid.y < stride) { partial[slot] = partial[slot] + partial[slot + stride * 16u]; }
    workgroupBarrier();
  }
  s = partial[lid.x];
  workgroupBarrier();
  let mean = s / n;
  var q = 0.0;
  if (live) {
    for (var r = lid.y; r < params.rows; r += 16u) { let d = x[r * params.cols + col] - mean; q += d * d; }
  }

  partial[slot] = q;
  workgroupBarrier();
  for (var stride = 8u; stride > 0u; stride >>= 1u) {
    if (lid.y < stride) { partial[slot] = partial[slot] + partial[slot + stride * 16u]; }
    workgroupBarrier();
  }
  q = partial[lid.x];
  workgroupBarrier();
  let rstd = inverseSqrt(q / n + params.eps);
  if (live) {
    for (var r = lid.y; r < params.rows; r += 16u) {
      let i = r * params.cols + col;
      var y = (x[i] - mean) * rstd;
      y = y * mul[i];
      
      out[i] = y;
    }
  }
}
