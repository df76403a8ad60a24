// ==== patch-embed(patch=4,wdt=f32)
// generated from the kernel's uniform and binding lists
struct Params {
  cin: u32,
  H: u32,
  W: u32,
  C: u32,
  W1: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> w: array<f32>;
@group(0) @binding(3) var<storage, read_write> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<f32>;

// x: [cin, H, W], w: [C, cin, P, P], bias: [C] -> out: [ceil(H/P) * ceil(W/P), C]

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }

fn w_at(i: u32) -> f32 { return w[i]; }
const P = 4u;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * 256u + li;
  if (i >= params.n) { return; }
  let ch = i % params.C;
  let tok = i / params.C;
  let y0 = (tok / params.W1) * P;
  let x0 = (tok % params.W1) * P;
  var s = 0.0;
  for (var ci = 0u; ci < params.cin; ci++) {
    for (var ky = 0u; ky < P; ky++) {
      let y = y0 + ky;
      if (y >= params.H) { break; }
      for (var kx = 0u; kx < P; kx++) {
        let xx = x0 + kx;
        if (xx >= params.W) { break; }
        s += w_at(((ch * params.cin + ci) * P + ky) * P + kx) * x[(ci * params.H + y) * params.W + xx];
      }
    }
  }
  out[i] = s + bias[ch];
}
