// ==== window-kv-blocks(headDim=32,shift=0,window=12)
// generated from the kernel's uniform and binding lists
struct Params {
  H: u32,
  W: u32,
  C: u32,
  heads: u32,
  Hp: u32,
  Wp: u32,
  win_cols: u32,
  windows: u32,
  ts4: u32,
  part4: u32,
  groups: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> qkv: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> qkv_bias: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read_write> table: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<vec4<f32>>;

// qkv: [H*W, 3C], qkv_bias: [3C], table: [529, heads] -> out: [heads][ts4] (bias columns),
// then [heads * groups][2][part4] vec4 (K, V: [3][144][8] each)
const N = 144u;
const D4 = 8u;

fn kv_index(head: u32, win: u32, part: u32, t: u32, e: u32) -> u32 {
  let group = head * params.groups + win / 3u;
  return params.heads * params.ts4 + (2u * group + part) * params.part4 + ((win % 3u) * 144u + t) * 8u + e;
}
@compute @workgroup_size(16)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_index) li: u32) {
  // x: positions t of window wg.y of head wg.z; the row after the windows: the head's bias column.
  let t = wg.x * 16u + li;
  let win = wg.y;
  let head = wg.z;
  if (win == params.windows) {
    if (t >= params.ts4) { return; }
    let k0 = t * 4u;
    var b = vec4<f32>();
    for (var k = 0u; k < 4u; k++) {
      if (k0 + k < 529u) { b[k] = table[(k0 + k) * params.heads + head]; }
    }
    out[head * params.ts4 + t] = b;
    return;
  }
  if (t >= N) { return; }
  // Rolled position: y + shift < 2 Hp, so a conditional subtraction replaces % Hp.
  var py = (win / params.win_cols) * 12u + t / 12u + 0u;
  var px = (win % params.win_cols) * 12u + t % 12u + 0u;
  if (py >= params.Hp) { py -= params.Hp; }
  if (px >= params.Wp) { px -= params.Wp; }
  let c4 = params.C / 4u;
  let col = c4 + head * D4;
  let at = kv_index(head, win, 0u, t, 0u);
  let real = py < params.H && px < params.W;
  let src = (py * params.W + px) * 3u * c4 + col;
  for (var e = 0u; e < D4; e++) {
    if (real) {
      out[at + e] = qkv[src + e];
      out[at + params.part4 + e] = qkv[src + c4 + e];
    } else {
      out[at + e] = qkv_bias[col + e];
      out[at + params.part4 + e] = qkv_bias[col + c4 + e];
    }
  }
}

// ==== window-kv-blocks(headDim=32,shift=6,window=12)
// generated from the kernel's uniform and binding lists
struct Params {
  H: u32,
  W: u32,
  C: u32,
  heads: u32,
  Hp: u32,
  Wp: u32,
  win_cols: u32,
  windows: u32,
  ts4: u32,
  part4: u32,
  groups: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> qkv: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> qkv_bias: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read_write> table: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<vec4<f32>>;

// qkv: [H*W, 3C], qkv_bias: [3C], table: [529, heads] -> out: [heads][ts4] (bias columns),
// then [heads * groups][2][part4] vec4 (K, V: [3][144][8] each)
const N = 144u;
const D4 = 8u;

fn kv_index(head: u32, win: u32, part: u32, t: u32, e: u32) -> u32 {
  let group = head * params.groups + win / 3u;
  return params.heads * params.ts4 + (2u * group + part) * params.part4 + ((win % 3u) * 144u + t) * 8u + e;
}
@compute @workgroup_size(16)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_index) li: u32) {
  // x: positions t of window wg.y of head wg.z; the row after the windows: the head's bias column.
  let t = wg.x * 16u + li;
  let win = wg.y;
  let head = wg.z;
  if (win == params.windows) {
    if (t >= params.ts4) { return; }
    let k0 = t * 4u;
    var b = vec4<f32>();
    for (var k = 0u; k < 4u; k++) {
      if (k0 + k < 529u) { b[k] = table[(k0 + k) * params.heads + head]; }
    }
    out[head * params.ts4 + t] = b;
    return;
  }
  if (t >= N) { return; }
  // Rolled position: y + shift < 2 Hp, so a conditional subtraction replaces % Hp.
  var py = (win / params.win_cols) * 12u + t / 12u + 6u;
  var px = (win % params.win_cols) * 12u + t % 12u + 6u;
  if (py >= params.Hp) { py -= params.Hp; }
  if (px >= params.Wp) { px -= params.Wp; }
  let c4 = params.C / 4u;
  let col = c4 + head * D4;
  let at = kv_index(head, win, 0u, t, 0u);
  let real = py < params.H && px < params.W;
  let src = (py * params.W + px) * 3u * c4 + col;
  for (var e = 0u; e < D4; e++) {
    if (real) {
      out[at + e] = qkv[src + e];
      out[at + params.part4 + e] = qkv[src + c4 + e];
    } else {
      out[at + e] = qkv_bias[col + e];
      out[at + params.part4 + e] = qkv_bias[col + c4 + e];
    }
  }
}
