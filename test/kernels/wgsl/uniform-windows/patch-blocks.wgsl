// ==== patch-blocks(KC=64,MB=256,patch=4)
// generated from the kernel's uniform and binding lists
struct Params {
  cin: u32,
  H: u32,
  W: u32,
  W1: u32,
  tokens: u32,
  K: u32,
  KB: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

// x: [cin, H, W] -> out: matmul-blocked A blocks [ceil(tokens/MB)][KB][MB][KC] of the patch matrix
// [tokens, cin * P * P] (feature k = (ci * P + ky) * P + kx), zero outside the image

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }


fn blocked_rc(i: u32, kb_count: u32) -> vec2u {
  let block = i / 16384u;
  return vec2u((block / kb_count) * 256u + (i / 64u) % 256u, (block % kb_count) * 64u + i % 64u);
}
const P = 4u;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * 256u + li;
  if (i >= params.n) { return; }
  let rc = blocked_rc(i, params.KB);
  let tok = rc.x;
  let k = rc.y;
  var v = 0.0;
  if (tok < params.tokens && k < params.K) {
    let ci = k / (P * P);
    let y = (tok / params.W1) * P + (k / P) % P;
    let xx = (tok % params.W1) * P + k % P;
    if (y < params.H && xx < params.W) { v = x[(ci * params.H + y) * params.W + xx]; }
  }
  out[i] = v;
}
