// ==== spatial-gate()
// generated from the kernel's uniform and binding lists
struct Params {
  H: u32,
  W: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> avg: array<f32>;
@group(0) @binding(2) var<storage, read_write> mx: array<f32>;
@group(0) @binding(3) var<storage, read_write> w: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<f32>;

// avg, mx: [H, W], w: [1, 2, 3, 3] -> out: [H, W]

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * 256u + li;
  if (i >= params.H * params.W) { return; }
  let y = i32(i / params.W);
  let x = i32(i % params.W);
  var s = 0.0;
  for (var ky = 0; ky < 3; ky++) {
    let yy = y + ky - 1;
    if (yy < 0 || yy >= i32(params.H)) { continue; }
    for (var kx = 0; kx < 3; kx++) {
      let xx = x + kx - 1;
      if (xx < 0 || xx >= i32(params.W)) { continue; }
      let j = u32(yy) * params.W + u32(xx);
      s += w[ky * 3 + kx] * avg[j] + w[9 + ky * 3 + kx] * mx[j];
    }
  }
  out[i] = 1.0 / (1.0 + exp(-s));
}
