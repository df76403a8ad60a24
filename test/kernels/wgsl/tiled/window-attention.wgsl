// ==== window-attention(headDim=32,shift=0,window=12)
// generated from the kernel's uniform and binding lists
struct Params {
  H: u32,
  W: u32,
  C: u32,
  heads: u32,
  Hp: u32,
  Wp: u32,
  win_cols: u32,
  jobs: u32,
  scale: f32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> qkv: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> qkv_bias: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read_write> table: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<vec4<f32>>;

// qkv: [H*W, 3C] (q | k | v, head h in columns h*D..h*D+D of each), qkv_bias: [3C],
// table: [(2w-1)^2, heads] -> out: [H*W, C]; vec4 views, C and D multiples of 4

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }


const N = 144u;
const D4 = 8u;
var<workgroup> kv: array<vec4<f32>, 1152>; // [N][D4]: K, then V
var<workgroup> rel_bias: array<f32, 529>;

@compute @workgroup_size(144)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) t: u32) {
  let job = linear_workgroup(wg, nwg);
  if (job >= params.jobs) { return; }
  let head = job % params.heads;
  let win = job / params.heads;
  let qi = t / 12u;
  let qj = t % 12u;
  // This thread's position on the rolled, padded grid, and the token it holds.
  let r = (win / params.win_cols) * 12u + qi;
  let c = (win % params.win_cols) * 12u + qj;
  let pr = (r + 0u) % params.Hp;
  let pc = (c + 0u) % params.Wp;
  let real = pr < params.H && pc < params.W;
  let tok = pr * params.W + pc;
  let c4 = params.C / 4u;
  let row = tok * 3u * c4;
  let q_off = head * D4;
  let k_off = c4 + head * D4;
  let v_off = 2u * c4 + head * D4;

  var q: array<vec4<f32>, 8>;
  var v: array<vec4<f32>, 8>;
  for (var e = 0u; e < D4; e++) {
    if (real) {
      q[e] = qkv[row + q_off + e] * params.scale;
      kv[t * D4 + e] = qkv[row + k_off + e];
      v[e] = qkv[row + v_off + e];
    } else {
      q[e] = qkv_bias[q_off + e] * params.scale;
      kv[t * D4 + e] = qkv_bias[k_off + e];
      v[e] = qkv_bias[v_off + e];
    }
  }
  for (var i = t; i < 529u; i += N) { rel_bias[i] = table[i * params.heads + head]; }
  workgroupBarrier();

  var p: array<f32, 144>;
  var m = -3.4028234663852886e38f;
  
  for (var ki = 0u; ki < 12u; ki++) {
    // Relative-position index (qi - ki + w - 1) * (2w - 1) + (qj - kj + w - 1), minus kj.
    let bias_row = (qi + 11u - ki) * 23u + qj + 11u;
    
    for (var kj = 0u; kj < 12u; kj++) {
      let j = ki * 12u + kj;
      var s = 0.0;
      for (var e = 0u; e < D4; e++) { s += dot(q[e], kv[j * D4 + e]); }
      s += rel_bias[bias_row - kj];
      
      p[j] = s;
      m = max(m, s);
    }
  }
  var sum = 0.0;
  for (var j = 0u; j < N; j++) {
    let e = exp(p[j] - m);
    p[j] = e;
    sum += e;
  }
  workgroupBarrier();
  for (var e = 0u; e < D4; e++) { kv[t * D4 + e] = v[e]; }
  workgroupBarrier();

  var acc: array<vec4<f32>, 8>;
  for (var j = 0u; j < N; j++) {
    let pj = p[j];
    for (var e = 0u; e < D4; e++) { acc[e] += pj * kv[j * D4 + e]; }
  }
  if (real) {
    let inv = 1.0 / sum;
    for (var e = 0u; e < D4; e++) { out[tok * c4 + head * D4 + e] = acc[e] * inv; }
  }
}

// ==== window-attention(headDim=32,shift=6,window=12)
// generated from the kernel's uniform and binding lists
struct Params {
  H: u32,
  W: u32,
  C: u32,
  heads: u32,
  Hp: u32,
  Wp: u32,
  win_cols: u32,
  jobs: u32,
  scale: f32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> qkv: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> qkv_bias: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read_write> table: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<vec4<f32>>;

// qkv: [H*W, 3C] (q | k | v, head h in columns h*D..h*D+D of each), qkv_bias: [3C],
// table: [(2w-1)^2, heads] -> out: [H*W, C]; vec4 views, C and D multiples of 4

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }


fn region(v: u32, size: u32) -> u32 {
  if (v < size - 12u) { return 0u; }
  if (v < size - 6u) { return 1u; }
  return 2u;
}
const N = 144u;
const D4 = 8u;
var<workgroup> kv: array<vec4<f32>, 1152>; // [N][D4]: K, then V
var<workgroup> rel_bias: array<f32, 529>;

@compute @workgroup_size(144)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) t: u32) {
  let job = linear_workgroup(wg, nwg);
  if (job >= params.jobs) { return; }
  let head = job % params.heads;
  let win = job / params.heads;
  let qi = t / 12u;
  let qj = t % 12u;
  // This thread's position on the rolled, padded grid, and the token it holds.
  let r = (win / params.win_cols) * 12u + qi;
  let c = (win % params.win_cols) * 12u + qj;
  let pr = (r + 6u) % params.Hp;
  let pc = (c + 6u) % params.Wp;
  let real = pr < params.H && pc < params.W;
  let tok = pr * params.W + pc;
  let c4 = params.C / 4u;
  let row = tok * 3u * c4;
  let q_off = head * D4;
  let k_off = c4 + head * D4;
  let v_off = 2u * c4 + head * D4;

  var q: array<vec4<f32>, 8>;
  var v: array<vec4<f32>, 8>;
  for (var e = 0u; e < D4; e++) {
    if (real) {
      q[e] = qkv[row + q_off + e] * params.scale;
      kv[t * D4 + e] = qkv[row + k_off + e];
      v[e] = qkv[row + v_off + e];
    } else {
      q[e] = qkv_bias[q_off + e] * params.scale;
      kv[t * D4 + e] = qkv_bias[k_off + e];
      v[e] = qkv_bias[v_off + e];
    }
  }
  for (var i = t; i < 529u; i += N) { rel_bias[i] = table[i * params.heads + head]; }
  workgroupBarrier();

  var p: array<f32, 144>;
  var m = -3.4028234663852886e38f;
  let q_region = region(r, params.Hp) * 3u + region(c, params.Wp);
  for (var ki = 0u; ki < 12u; ki++) {
    // Relative-position index (qi - ki + w - 1) * (2w - 1) + (qj - kj + w - 1), minus kj.
    let bias_row = (qi + 11u - ki) * 23u + qj + 11u;
    let k_region_row = region(r - qi + ki, params.Hp) * 3u;
    for (var kj = 0u; kj < 12u; kj++) {
      let j = ki * 12u + kj;
      var s = 0.0;
      for (var e = 0u; e < D4; e++) { s += dot(q[e], kv[j * D4 + e]); }
      s += rel_bias[bias_row - kj];
      if (k_region_row + region(c - qj + kj, params.Wp) != q_region) { s += -100.0; }
      p[j] = s;
      m = max(m, s);
    }
  }
  var sum = 0.0;
  for (var j = 0u; j < N; j++) {
    let e = exp(p[j] - m);
    p[j] = e;
    sum += e;
  }
  workgroupBarrier();
  for (var e = 0u; e < D4; e++) { kv[t * D4 + e] = v[e]; }
  workgroupBarrier();

  var acc: array<vec4<f32>, 8>;
  for (var j = 0u; j < N; j++) {
    let pj = p[j];
    for (var e = 0u; e < D4; e++) { acc[e] += pj * kv[j * D4 + e]; }
  }
  if (real) {
    let inv = 1.0 / sum;
    for (var e = 0u; e < D4; e++) { out[tok * c4 + head * D4 + e] = acc[e] * inv; }
  }
}
