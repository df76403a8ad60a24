// ==== im2col-blocks(KC=128,KS=1,MB=128,inB=false,upA=false)
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
  KB: u32,
  start: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> xa: array<f32>;
@group(0) @binding(2) var<storage, read_write> xb: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;

// xa: view of [ca, ha, wa], xb: [cb, h, w] -> out: window [start, start + n) of
// Ab [ceil(h*w / 128)][KB][128][128], K = (ca + cb) * 1


fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }


fn blocked_rc(i: u32, kb_count: u32) -> vec2u {
  let block = i / 16384u;
  return vec2u((block / kb_count) * 128u + (i / 128u) % 128u, (block % kb_count) * 128u + i % 128u);
}
const KS = 1u;
const KK = 1u;
const PAD = 0;
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * 256u + li;
  if (i >= params.n) { return; }
  let rc = blocked_rc(params.start + i, params.KB);
  let m = rc.x;
  let k = rc.y;
  let hw = params.h * params.w;
  var v = 0.0;
  if (m < hw && k < (params.ca + params.cb) * KK) {
    let ci = k / KK;
    let t = k % KK;
    let yy = i32(m / params.w) + i32(t / KS) - PAD;
    let xx = i32(m % params.w) + i32(t % KS) - PAD;
    if (yy >= 0 && yy < i32(params.h) && xx >= 0 && xx < i32(params.w)) {
      let sy = u32(yy);
      let sx = u32(xx);
      if (ci < params.ca) {
            v = xa[params.a_off + ci * params.a_cs + (sy * params.wa + sx) * params.a_ps];
          }
    }
  }
  out[i] = v;
}

// ==== im2col-blocks(KC=256,KS=1,MB=64,inB=false,upA=false)
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
  KB: u32,
  start: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> xa: array<f32>;
@group(0) @binding(2) var<storage, read_write> xb: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;

// xa: view of [ca, ha, wa], xb: [cb, h, w] -> out: window [start, start + n) of
// Ab [ceil(h*w / 64)][KB][64][256], K = (ca + cb) * 1


fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }


fn blocked_rc(i: u32, kb_count: u32) -> vec2u {
  let block = i / 16384u;
  return vec2u((block / kb_count) * 64u + (i / 256u) % 64u, (block % kb_count) * 256u + i % 256u);
}
const KS = 1u;
const KK = 1u;
const PAD = 0;
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * 256u + li;
  if (i >= params.n) { return; }
  let rc = blocked_rc(params.start + i, params.KB);
  let m = rc.x;
  let k = rc.y;
  let hw = params.h * params.w;
  var v = 0.0;
  if (m < hw && k < (params.ca + params.cb) * KK) {
    let ci = k / KK;
    let t = k % KK;
    let yy = i32(m / params.w) + i32(t / KS) - PAD;
    let xx = i32(m % params.w) + i32(t % KS) - PAD;
    if (yy >= 0 && yy < i32(params.h) && xx >= 0 && xx < i32(params.w)) {
      let sy = u32(yy);
      let sx = u32(xx);
      if (ci < params.ca) {
            v = xa[params.a_off + ci * params.a_cs + (sy * params.wa + sx) * params.a_ps];
          }
    }
  }
  out[i] = v;
}
