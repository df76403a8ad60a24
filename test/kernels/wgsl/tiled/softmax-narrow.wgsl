// ==== softmax-narrow(bias=true)
// generated from the kernel's uniform and binding lists
struct Params {
  rows: u32,
  cols: u32,
  b_div: u32,
  b_rows: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> bias: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;

// x: [rows, cols], bias: [b_rows, cols] -> out: [rows, cols]; one row per thread

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }


fn value(base: u32, bbase: u32, i: u32) -> f32 {
  return x[base + i] + bias[bbase + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let row = linear_workgroup(wg, nwg) * 64u + li;
  if (row >= params.rows) { return; }
  let base = row * params.cols;
  let bbase = ((row / params.b_div) % params.b_rows) * params.cols;
  var m = -3.4028234663852886e38f;
  for (var i = 0u; i < params.cols; i++) { m = max(m, value(base, bbase, i)); }
  var sum = 0.0;
  for (var i = 0u; i < params.cols; i++) { sum += exp(value(base, bbase, i) - m); }
  let inv = 1.0 / sum;
  for (var i = 0u; i < params.cols; i++) { out[base + i] = exp(value(base, bbase, i) - m) * inv; }
}
