// ==== reduce(op=max)
// generated from the kernel's uniform and binding lists
struct Params {
  outer: u32,
  axis: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

// x: [outer, axis, inner] -> out: [outer, inner]

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }

var<workgroup> partial: array<f32, 64>;
fn combine(a: f32, b: f32) -> f32 { return max(a, b); }

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let o = linear_workgroup(wg, nwg);
  if (o >= params.outer * params.inner) { return; }
  let base = (o / params.inner) * params.axis * params.inner + o % params.inner;
  var acc = -3.4028234663852886e38f;
  for (var i = li; i < params.axis; i += 64u) { acc = combine(acc, x[base + i * params.inner]); }

  partial[li] = acc;
  workgroupBarrier();
  for (var stride = 32u; stride > 0u; stride >>= 1u) {
    if (li < stride) { partial[li] = combine(partial[li], partial[li + stride]); }
    workgroupBarrier();
  }
  acc = partial[0];
  workgroupBarrier();
  if (li == 0u) { out[o] = acc; }
}

// ==== reduce(op=mean)
// generated from the kernel's uniform and binding lists
struct Params {
  outer: u32,
  axis: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

// x: [outer, axis, inner] -> out: [outer, inner]

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }

var<workgroup> partial: array<f32, 64>;
fn combine(a: f32, b: f32) -> f32 { return a + b; }

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let o = linear_workgroup(wg, nwg);
  if (o >= params.outer * params.inner) { return; }
  let base = (o / params.inner) * params.axis * params.inner + o % params.inner;
  var acc = 0.0;
  for (var i = li; i < params.axis; i += 64u) { acc = combine(acc, x[base + i * params.inner]); }

  partial[li] = acc;
  workgroupBarrier();
  for (var stride = 32u; stride > 0u; stride >>= 1u) {
    if (li < stride) { partial[li] = combine(partial[li], partial[li + stride]); }
    workgroupBarrier();
  }
  acc = partial[0];
  workgroupBarrier();
  if (li == 0u) { out[o] = acc / f32(params.axis); }
}
