// ==== unary(act=none)
// generated from the kernel's uniform and binding lists
struct Params {
  n: u32,
  scale: f32,
  shift: f32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

// x: [n] -> out: [n]

fn activate(x: f32) -> f32 { return x; }


fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * 256u + li;
  if (i >= params.n) { return; }
  out[i] = activate(x[i] * params.scale + params.shift);
}
