// ==== fiam-combine()
// generated from the kernel's uniform and binding lists
struct Params {
  n: u32,
  C: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> ctx_gate: array<f32>;
@group(0) @binding(3) var<storage, read_write> ctx: array<f32>;
@group(0) @binding(4) var<storage, read_write> go_gate: array<f32>;
@group(0) @binding(5) var<storage, read_write> go: array<f32>;
@group(0) @binding(6) var<storage, read_write> attn: array<f32>;
@group(0) @binding(7) var<storage, read_write> modulation: array<f32>;
@group(0) @binding(8) var<storage, read_write> out: array<f32>;

// x, ctx_gate, ctx, go_gate, go: [T, C], attn: [T], modulation: [C] -> out: [T, C]

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * 256u + li;
  if (i >= params.n) { return; }
  let ctx_part = ctx_gate[i] * ctx[i];
  let go_part = (go_gate[i] * go[i]) * attn[i / params.C];
  out[i] = x[i] + (ctx_part + go_part) * modulation[i % params.C];
}
