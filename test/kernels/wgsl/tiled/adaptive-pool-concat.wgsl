// ==== adaptive-pool-concat()
// generated from the kernel's uniform and binding lists
struct Params {
  c0: u32,
  c1: u32,
  c2: u32,
  c3: u32,
  h0: u32,
  w0: u32,
  h1: u32,
  w1: u32,
  h2: u32,
  w2: u32,
  h3: u32,
  w3: u32,
  oh: u32,
  ow: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> s0: array<f32>;
@group(0) @binding(2) var<storage, read_write> s1: array<f32>;
@group(0) @binding(3) var<storage, read_write> s2: array<f32>;
@group(0) @binding(4) var<storage, read_write> s3: array<f32>;
@group(0) @binding(5) var<storage, read_write> out: array<f32>;

// s_i: [c_i, h_i, w_i] -> out: [oh * ow, c0 + c1 + c2 + c3]

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }


fn pool0(c: u32, oy: u32, ox: u32) -> f32 {
  let h = params.h0;
  let w = params.w0;
  let y0 = (oy * h) / params.oh;
  let y1 = ((oy + 1u) * h + params.oh - 1u) / params.oh;
  let x0 = (ox * w) / params.ow;
  let x1 = ((ox + 1u) * w + params.ow - 1u) / params.ow;
  var sum = 0.0;
  for (var y = y0; y < y1; y++) {
    let row = (c * h + y) * w;
    for (var x = x0; x < x1; x++) { sum += s0[row + x]; }
  }
  return sum / f32(y1 - y0) / f32(x1 - x0);
}

fn pool1(c: u32, oy: u32, ox: u32) -> f32 {
  let h = params.h1;
  let w = params.w1;
  let y0 = (oy * h) / params.oh;
  let y1 = ((oy + 1u) * h + params.oh - 1u) / params.oh;
  let x0 = (ox * w) / params.ow;
  let x1 = ((ox + 1u) * w + params.ow - 1u) / params.ow;
  var sum = 0.0;
  for (var y = y0; y < y1; y++) {
    let row = (c * h + y) * w;
    for (var x = x0; x < x1; x++) { sum += s1[row + x]; }
  }
  return sum / f32(y1 - y0) / f32(x1 - x0);
}

fn pool2(c: u32, oy: u32, ox: u32) -> f32 {
  let h = params.h2;
  let w = params.w2;
  let y0 = (oy * h) / params.oh;
  let y1 = ((oy + 1u) * h + params.oh - 1u) / params.oh;
  let x0 = (ox * w) / params.ow;
  let x1 = ((ox + 1u) * w + params.ow - 1u) / params.ow;
  var sum = 0.0;
  for (var y = y0; y < y1; y++) {
    let row = (c * h + y) * w;
    for (var x = x0; x < x1; x++) { sum += s2[row + x]; }
  }
  return sum / f32(y1 - y0) / f32(x1 - x0);
}

fn pool3(c: u32, oy: u32, ox: u32) -> f32 {
  let h = params.h3;
  let w = params.w3;
  let y0 = (oy * h) / params.oh;
  let y1 = ((oy + 1u) * h + params.oh - 1u) / params.oh;
  let x0 = (ox * w) / params.ow;
  let x1 = ((ox + 1u) * w + params.ow - 1u) / params.ow;
  var sum = 0.0;
  for (var y = y0; y < y1; y++) {
    let row = (c * h + y) * w;
    for (var x = x0; x < x1; x++) { sum += s3[row + x]; }
  }
  return sum / f32(y1 - y0) / f32(x1 - x0);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let o = linear_workgroup(wg, nwg) * 256u + li;
  let total = params.c0 + params.c1 + params.c2 + params.c3;
  if (o >= params.oh * params.ow * total) { return; }
  var c = o % total;
  let p = o / total;
  let oy = p / params.ow;
  let ox = p % params.ow;
  if (c < params.c0) { out[o] = pool0(c, oy, ox); return; }
  c -= params.c0;
  if (c < params.c1) { out[o] = pool1(c, oy, ox); return; }
  c -= params.c1;
  if (c < params.c2) { out[o] = pool2(c, oy, ox); return; }
  out[o] = pool3(c - params.c2, oy, ox);
}
