// ==== patch-merge-norm(blockedOut=false)
// generated from the kernel's uniform and binding lists
struct Params {
  H: u32,
  W: u32,
  C: u32,
  W2: u32,
  tokens: u32,
  eps: f32,
  out_kc_log2: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> gamma: array<f32>;
@group(0) @binding(3) var<storage, read_write> beta: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<f32>;

// x: [H*W, C], gamma/beta: [4C] -> out: [ceil(H/2) * ceil(W/2), 4C]

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }

var<workgroup> partial: array<f32, 64>;

fn gathered(oy: u32, ox: u32, k: u32) -> f32 {
  let part = k / params.C;
  let y = 2u * oy + (part & 1u);
  let xx = 2u * ox + (part >> 1u);
  if (y >= params.H || xx >= params.W) { return 0.0; }
  return x[(y * params.W + xx) * params.C + k % params.C];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let o = linear_workgroup(wg, nwg);
  if (o >= params.tokens) { return; }
  let oy = o / params.W2;
  let ox = o % params.W2;
  let cols = 4u * params.C;
  var s = 0.0;
  for (var k = li; k < cols; k += 64u) { s += gathered(oy, ox, k); }

  partial[li] = s;
  workgroupBarrier();
  for (var stride = 32u; stride > 0u; stride >>= 1u) {
    if (li < stride) { partial[li] = partial[li] + partial[li + stride]; }
    workgroupBarrier();
  }
  s = partial[0];
  workgroupBarrier();
  let mean = s / f32(cols);
  var q = 0.0;
  for (var k = li; k < cols; k += 64u) { let d = gathered(oy, ox, k) - mean; q += d * d; }

  partial[li] = q;
  workgroupBarrier();
  for (var stride = 32u; stride > 0u; stride >>= 1u) {
    if (li < stride) { partial[li] = partial[li] + partial[li + stride]; }
    workgroupBarrier();
  }
  q = partial[0];
  workgroupBarrier();
  let rstd = inverseSqrt(q / f32(cols) + params.eps);
  for (var k = li; k < cols; k += 64u) {
    out[o * cols + k] = (gathered(oy, ox, k) - mean) * rstd * gamma[k] + beta[k];
  }
}
