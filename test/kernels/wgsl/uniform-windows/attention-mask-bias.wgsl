// ==== attention-mask-bias(passes=3)
// generated from the kernel's uniform and binding lists
struct Params {
  n: u32,
  masked: f32,
  outside: f32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> m0: array<f32>;
@group(0) @binding(2) var<storage, read_write> m1: array<f32>;
@group(0) @binding(3) var<storage, read_write> m2: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<f32>;

// m0..m2: [n] 0/1 -> out: [3, 3 * n]

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * 64u + li;
  let width = 3u * params.n;
  if (i >= 3u * width) { return; }
  let b = i / width;
  let j = i % width;
  if (j / params.n != b) { out[i] = params.outside; return; }
  let t = j % params.n;
  var m = m0[t];
  if (b == 1u) { m = m1[t]; }
  if (b == 2u) { m = m2[t]; }
  out[i] = (1.0 - m) * params.masked;
}
