// ==== conv-input-rows(KC=128,KS=3,inB=true,upA=true)
// generated from the kernel's uniform and binding lists
struct Params {
  h: u32,
  w: u32,
  ca: u32,
  ha: u32,
  wa: u32,
  a_off: u32,
  a_cs: u32,
  a_ps: u32,
  cb: u32,
  rows: u32,
  pitch: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> xa: array<f32>;
@group(0) @binding(2) var<storage, read_write> xb: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;

// xa: view of [ca, ha, wa], xb: [cb, h, w] -> out: [KB][rows][128] (padded grid rows, channel blocks)

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


fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }

const PAD = 1;
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * 256u + li;
  if (i >= params.n) { return; }
  let k = i % 128u;
  let r = (i / 128u) % params.rows;
  let ci = (i / 128u / params.rows) * 128u + k;
  let hw = params.h * params.w;
  let yy = i32(r / params.pitch) - PAD;
  let xx = i32(r % params.pitch) - PAD;
  var v = 0.0;
  if (ci < params.ca + params.cb && yy >= 0 && yy < i32(params.h) && xx >= 0 && xx < i32(params.w)) {
    let sy = u32(yy);
    let sx = u32(xx);
    if (ci < params.ca) {
            let ta = linear_tap(sy, params.ha, params.h, true);
            let tb = linear_tap(sx, params.wa, params.w, true);
            let base = params.a_off + ci * params.a_cs;
            let r0 = ta.i0 * params.wa;
            let r1 = ta.i1 * params.wa;
            v = (xa[base + (r0 + tb.i0) * params.a_ps] * (1.0 - tb.w1) + xa[base + (r0 + tb.i1) * params.a_ps] * tb.w1) * (1.0 - ta.w1) + (xa[base + (r1 + tb.i0) * params.a_ps] * (1.0 - tb.w1) + xa[base + (r1 + tb.i1) * params.a_ps] * tb.w1) * ta.w1;
          } else { v = xb[(ci - params.ca) * hw + sy * params.w + sx]; }
  }
  out[i] = v;
}

// ==== conv-input-rows(KC=256,KS=3,inB=false,upA=false)
// generated from the kernel's uniform and binding lists
struct Params {
  h: u32,
  w: u32,
  ca: u32,
  ha: u32,
  wa: u32,
  a_off: u32,
  a_cs: u32,
  a_ps: u32,
  cb: u32,
  rows: u32,
  pitch: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> xa: array<f32>;
@group(0) @binding(2) var<storage, read_write> xb: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;

// xa: view of [ca, ha, wa], xb: [cb, h, w] -> out: [KB][rows][256] (padded grid rows, channel blocks)


fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }

const PAD = 1;
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * 256u + li;
  if (i >= params.n) { return; }
  let k = i % 256u;
  let r = (i / 256u) % params.rows;
  let ci = (i / 256u / params.rows) * 256u + k;
  let hw = params.h * params.w;
  let yy = i32(r / params.pitch) - PAD;
  let xx = i32(r % params.pitch) - PAD;
  var v = 0.0;
  if (ci < params.ca + params.cb && yy >= 0 && yy < i32(params.h) && xx >= 0 && xx < i32(params.w)) {
    let sy = u32(yy);
    let sx = u32(xx);
    if (ci < params.ca) {
            v = xa[params.a_off + ci * params.a_cs + (sy * params.wa + sx) * params.a_ps];
          }
  }
  out[i] = v;
}

// ==== conv-input-rows(KC=256,KS=3,inB=true,upA=true)
// generated from the kernel's uniform and binding lists
struct Params {
  h: u32,
  w: u32,
  ca: u32,
  ha: u32,
  wa: u32,
  a_off: u32,
  a_cs: u32,
  a_ps: u32,
  cb: u32,
  rows: u32,
  pitch: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> xa: array<f32>;
@group(0) @binding(2) var<storage, read_write> xb: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;

// xa: view of [ca, ha, wa], xb: [cb, h, w] -> out: [KB][rows][256] (padded grid rows, channel blocks)

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


fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }

const PAD = 1;
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * 256u + li;
  if (i >= params.n) { return; }
  let k = i % 256u;
  let r = (i / 256u) % params.rows;
  let ci = (i / 256u / params.rows) * 256u + k;
  let hw = params.h * params.w;
  let yy = i32(r / params.pitch) - PAD;
  let xx = i32(r % params.pitch) - PAD;
  var v = 0.0;
  if (ci < params.ca + params.cb && yy >= 0 && yy < i32(params.h) && xx >= 0 && xx < i32(params.w)) {
    let sy = u32(yy);
    let sx = u32(xx);
    if (ci < params.ca) {
            let ta = linear_tap(sy, params.ha, params.h, true);
            let tb = linear_tap(sx, params.wa, params.w, true);
            let base = params.a_off + ci * params.a_cs;
            let r0 = ta.i0 * params.wa;
            let r1 = ta.i1 * params.wa;
            v = (xa[base + (r0 + tb.i0) * params.a_ps] * (1.0 - tb.w1) + xa[base + (r0 + tb.i1) * params.a_ps] * tb.w1) * (1.0 - ta.w1) + (xa[base + (r1 + tb.i0) * params.a_ps] * (1.0 - tb.w1) + xa[base + (r1 + tb.i1) * params.a_ps] * tb.w1) * ta.w1;
          } else { v = xb[(ci - params.ca) * hw + sy * params.w + sx]; }
  }
  out[i] = v;
}
