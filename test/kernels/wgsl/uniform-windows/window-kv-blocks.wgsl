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
  group_wins: u32,
  groups: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> qkv: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> qkv_bias: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read_write> table: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<vec4<f32>>;

// qkv: [H*W, 3C], qkv_bias: [3C], table: [529, heads] -> out: [heads][ts4] (bias columns),
// then [heads * groups][2][part4] vec4 (K, V: [group_wins][144][8] each)
const N = 144u;
const D4 = 8u;

fn kv_index(head: u32, win: u32, part: u32, t: u32, e: u32) -> u32 {
  let group = head * params.groups + win / params.group_wins;
  return params.heads * params.ts4 + (2u * group + part) * params.part4 + ((win % params.group_wins) * 144u + t) * 8u + e;
}
@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_index) li: u32) {
  // Row wg.y: one (head, window) job, head-major; the rows after them: the bias columns.
  let r = wg.x * 64u + li;
  let job = wg.y;
  let jobs = params.heads * params.windows;
  if (job >= jobs) {
    let i = (job - jobs) * 2u * N * D4 + r;
    if (r >= 2u * N * D4 || i >= params.heads * params.ts4) { return; }
    let head = i / params.ts4;
    let k0 = (i % params.ts4) * 4u;
    var v = vec4<f32>();
    for (var k = 0u; k < 4u; k++) {
      if (k0 + k < 529u) { v[k] = table[(k0 + k) * params.heads + head]; }
    }
    out[i] = v;
    return;
  }
  if (r >= 2u * N * D4) { return; }
  let head = job / params.windows;
  let win = job % params.windows;
  let part = r / (N * D4); // 0: K, 1: V
  let t = (r % (N * D4)) / D4;
  let e = r % D4;
  let at = kv_index(head, win, part, t, e);
  // Rolled position: y + shift < 2 Hp, so a conditional subtraction replaces % Hp.
  var py = (win / params.win_cols) * 12u + t / 12u + 0u;
  var px = (win % params.win_cols) * 12u + t % 12u + 0u;
  if (py >= params.Hp) { py -= params.Hp; }
  if (px >= params.Wp) { px -= params.Wp; }
  let c4 = params.C / 4u;
  let col = (1u + part) * c4 + head * D4 + e;
  if (py < params.H && px < params.W) {
    out[at] = qkv[(py * params.W + px) * 3u * c4 + col];
  } else {
    out[at] = qkv_bias[col];
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
  group_wins: u32,
  groups: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> qkv: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> qkv_bias: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read_write> table: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<vec4<f32>>;

// qkv: [H*W, 3C], qkv_bias: [3C], table: [529, heads] -> out: [heads][ts4] (bias columns),
// then [heads * groups][2][part4] vec4 (K, V: [group_wins][144][8] each)
const N = 144u;
const D4 = 8u;

fn kv_index(head: u32, win: u32, part: u32, t: u32, e: u32) -> u32 {
  let group = head * params.groups + win / params.group_wins;
  return params.heads * params.ts4 + (2u * group + part) * params.part4 + ((win % params.group_wins) * 144u + t) * 8u + e;
}
@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_index) li: u32) {
  // Row wg.y: one (head, window) job, head-major; the rows after them: the bias columns.
  let r = wg.x * 64u + li;
  let job = wg.y;
  let jobs = params.heads * params.windows;
  if (job >= jobs) {
    let i = (job - jobs) * 2u * N * D4 + r;
    if (r >= 2u * N * D4 || i >= params.heads * params.ts4) { return; }
    let head = i / params.ts4;
    let k0 = (i % params.ts4) * 4u;
    var v = vec4<f32>();
    for (var k = 0u; k < 4u; k++) {
      if (k0 + k < 529u) { v[k] = table[(k0 + k) * params.heads + head]; }
    }
    out[i] = v;
    return;
  }
  if (r >= 2u * N * D4) { return; }
  let head = job / params.windows;
  let win = job % params.windows;
  let part = r / (N * D4); // 0: K, 1: V
  let t = (r % (N * D4)) / D4;
  let e = r % D4;
  let at = kv_index(head, win, part, t, e);
  // Rolled position: y + shift < 2 Hp, so a conditional subtraction replaces % Hp.
  var py = (win / params.win_cols) * 12u + t / 12u + 6u;
  var px = (win % params.win_cols) * 12u + t % 12u + 6u;
  if (py >= params.Hp) { py -= params.Hp; }
  if (px >= params.Wp) { px -= params.Wp; }
  let c4 = params.C / 4u;
  let col = (1u + part) * c4 + head * D4 + e;
  if (py < params.H && px < params.W) {
    out[at] = qkv[(py * params.W + px) * 3u * c4 + col];
  } else {
    out[at] = qkv_bias[col];
  }
}
