// ==== upsample-bilinear(alignCorners=true)
// generated from the kernel's uniform and binding lists
struct Params {
  channels: u32,
  in_h: u32,
  in_w: u32,
  out_h: u32,
  out_w: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

// x: [channels, in_h, in_w] -> out: [channels, out_h, out_w]

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }


struct LinearTap { i0: u32, i1: u32, w1: f32 }
fn linear_tap(dst: u32, in_size: u32, out_size: u32, align_corners: bool) -> LinearTap {
  var src: f32;
  if (align_corners) {
    var scale = 0.0;
    if (out_size > 1u) { scale = f32(in_size - 1u) / f32(out_size - 1u); }
    src = scale * f32(dst);
  } else {
    let scale = f32(in_size) / f32(out_size);
    src = max(scale * (f32(dst) + 0.5) - 0.5, 0.0);
  }
  let i0 = min(u32(src), in_size - 1u);
  let i1 = select(i0, i0 + 1u, i0 + 1u < in_size);
  return LinearTap(i0, i1, src - f32(i0));
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let o = linear_workgroup(wg, nwg) * 256u + li;
  if (o >= params.channels * params.out_h * params.out_w) { return; }
  let ox = o % params.out_w;
  let oy = (o / params.out_w) % params.out_h;
  let base = (o / (params.out_w * params.out_h)) * params.in_h * params.in_w;
  let ty = linear_tap(oy, params.in_h, params.out_h, true);
  let tx = linear_tap(ox, params.in_w, params.out_w, true);
  let r0 = base + ty.i0 * params.in_w;
  let r1 = base + ty.i1 * params.in_w;
  out[o] = (x[r0 + tx.i0] * (1.0 - tx.w1) + x[r0 + tx.i1] * tx.w1) * (1.0 - ty.w1) + (x[r1 + tx.i0] * (1.0 - tx.w1) + x[r1 + tx.i1] * tx.w1) * ty.w1;
}
