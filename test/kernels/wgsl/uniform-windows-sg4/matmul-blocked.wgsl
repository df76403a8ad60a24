// ==== matmul-blocked(GP=0,NB=128,P=1,Q=1,SG=4,TM=16,TN=2,activated=false,passes=false,residual=false,wdt=f32)
enable subgroups;
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  ldo: u32,
  out_t: u32,
  m0: u32,
  n0: u32,
  first: u32,
  last: u32,
  alpha: f32,
  kc4: u32,
  h: u32,
  w: u32,
  gh: u32,
  gw: u32,
  pitch: u32,
  o_off: u32,
  act: u32,
  out_kc_log2: u32,
  has_bias: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<uniform> a0: array<vec4<f32>, 4096>;
@group(0) @binding(2) var<uniform> w0: array<vec4<f32>, 4096>;
@group(0) @binding(3) var<storage, read_write> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> residual: array<f32>;
@group(0) @binding(5) var<storage, read_write> out: array<f32>;

// a_p: [16384 / KC rows][KC] block of A, w_p: [KC][128 cols] block of W^T (KC = 4 kc4) -> out tile [M, N] (or [N, M]) at (m0, n0)

fn activate(x: vec4<f32>) -> vec4<f32> { return x; }

fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = 14u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << 14u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }

// bias[n .. n + 3] (zeros without a bias; indices past N are clamped: those columns are not stored).
fn bias_at(n: u32) -> vec4<f32> {
  if (params.has_bias == 0u) { return vec4<f32>(); }
  let last = params.N - 1u;
  return vec4(bias[min(n, last)], bias[min(n + 1u, last)], bias[min(n + 2u, last)], bias[min(n + 3u, last)]);
}

// Outputs (m, n .. n + 3): one index for the four (they are consecutive in a row-major or blocked
// output, KC being a multiple of 4, and ldo apart in a transposed one).
fn store4(m: u32, n: u32, s: vec4<f32>, b: vec4<f32>) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  var o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
  if (params.out_kc_log2 != 0u) { o = blocked_index(mo, n, blocked_k_count(params.N)); }
  let step = select(1u, params.ldo, params.out_t != 0u);
  let count = min(4u, params.N - n);
  var v = s * params.alpha;
  
  {
    if (params.has_bias != 0u) { v += b; }
    v = activate(v);
    
    
  }
  for (var q = 0u; q < count; q++) { out[o + q * step] = v[q]; }
}

@compute @workgroup_size(16, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(subgroup_invocation_id) sg_lane: u32) {
  let col4 = lid.x;
  let r0 = wg.y * 16u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc1_1 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc2_1 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  var acc3_1 = vec4<f32>();
  var acc4_0 = vec4<f32>();
  var acc4_1 = vec4<f32>();
  var acc5_0 = vec4<f32>();
  var acc5_1 = vec4<f32>();
  var acc6_0 = vec4<f32>();
  var acc6_1 = vec4<f32>();
  var acc7_0 = vec4<f32>();
  var acc7_1 = vec4<f32>();
  var acc8_0 = vec4<f32>();
  var acc8_1 = vec4<f32>();
  var acc9_0 = vec4<f32>();
  var acc9_1 = vec4<f32>();
  var acc10_0 = vec4<f32>();
  var acc10_1 = vec4<f32>();
  var acc11_0 = vec4<f32>();
  var acc11_1 = vec4<f32>();
  var acc12_0 = vec4<f32>();
  var acc12_1 = vec4<f32>();
  var acc13_0 = vec4<f32>();
  var acc13_1 = vec4<f32>();
  var acc14_0 = vec4<f32>();
  var acc14_1 = vec4<f32>();
  var acc15_0 = vec4<f32>();
  var acc15_1 = vec4<f32>();

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 128u + col4;
    let w0_0 = w0[w0_at];
    let w0_1 = w0[w0_at + 32u];
    let w0_2 = w0[w0_at + 64u];
    let w0_3 = w0[w0_at + 96u];
    let w1_at = k4 * 128u + col4 + 16u;
    let w1_0 = w0[w1_at];
    let w1_1 = w0[w1_at + 32u];
    let w1_2 = w0[w1_at + 64u];
    let w1_3 = w0[w1_at + 96u];
    let a_0 = a0[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a0[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a0[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a0[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  // Column vec4 j of the lane: c4 within its block (j / TN), first column n (columns past N are not stored).
  let accs = array<vec4<f32>, 32>(acc0_0, acc0_1, acc1_0, acc1_1, acc2_0, acc2_1, acc3_0, acc3_1, acc4_0, acc4_1, acc5_0, acc5_1, acc6_0, acc6_1, acc7_0, acc7_1, acc8_0, acc8_1, acc9_0, acc9_1, acc10_0, acc10_1, acc11_0, acc11_1, acc12_0, acc12_1, acc13_0, acc13_1, acc14_0, acc14_1, acc15_0, acc15_1);
  let biases = array<vec4<f32>, 2>(bias_at(params.n0 + 0u + 4u * (col4 + 0u)), bias_at(params.n0 + 0u + 4u * (col4 + 16u)));
  for (var i = 0u; i < 16u; i++) {
    let m = params.m0 + r0 + i;
    for (var j = 0u; j < 2u; j++) {
      let c4 = col4 + (j % 2u) * 16u;
      store4(m, params.n0 + (j / 2u) * 128u + 4u * c4, accs[i * 2u + j], biases[j]);
    }
  }
}

// ==== matmul-blocked(GP=0,NB=128,P=1,Q=1,SG=4,TM=16,TN=2,activated=false,passes=false,residual=true,wdt=f32)
enable subgroups;
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  ldo: u32,
  out_t: u32,
  m0: u32,
  n0: u32,
  first: u32,
  last: u32,
  alpha: f32,
  kc4: u32,
  h: u32,
  w: u32,
  gh: u32,
  gw: u32,
  pitch: u32,
  o_off: u32,
  act: u32,
  out_kc_log2: u32,
  has_bias: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<uniform> a0: array<vec4<f32>, 4096>;
@group(0) @binding(2) var<uniform> w0: array<vec4<f32>, 4096>;
@group(0) @binding(3) var<storage, read_write> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> residual: array<f32>;
@group(0) @binding(5) var<storage, read_write> out: array<f32>;

// a_p: [16384 / KC rows][KC] block of A, w_p: [KC][128 cols] block of W^T (KC = 4 kc4) -> out tile [M, N] (or [N, M]) at (m0, n0)

fn activate(x: vec4<f32>) -> vec4<f32> { return x; }

fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = 14u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << 14u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }

// bias[n .. n + 3] (zeros without a bias; indices past N are clamped: those columns are not stored).
fn bias_at(n: u32) -> vec4<f32> {
  if (params.has_bias == 0u) { return vec4<f32>(); }
  let last = params.N - 1u;
  return vec4(bias[min(n, last)], bias[min(n + 1u, last)], bias[min(n + 2u, last)], bias[min(n + 3u, last)]);
}

// Outputs (m, n .. n + 3): one index for the four (they are consecutive in a row-major or blocked
// output, KC being a multiple of 4, and ldo apart in a transposed one).
fn store4(m: u32, n: u32, s: vec4<f32>, b: vec4<f32>) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  var o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
  if (params.out_kc_log2 != 0u) { o = blocked_index(mo, n, blocked_k_count(params.N)); }
  let step = select(1u, params.ldo, params.out_t != 0u);
  let count = min(4u, params.N - n);
  var v = s * params.alpha;
  
  {
    if (params.has_bias != 0u) { v += b; }
    v = activate(v);
    
    for (var q = 0u; q < count; q++) { v[q] += residual[o + q * step]; }
  }
  for (var q = 0u; q < count; q++) { out[o + q * step] = v[q]; }
}

@compute @workgroup_size(16, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(subgroup_invocation_id) sg_lane: u32) {
  let col4 = lid.x;
  let r0 = wg.y * 16u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc1_1 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc2_1 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  var acc3_1 = vec4<f32>();
  var acc4_0 = vec4<f32>();
  var acc4_1 = vec4<f32>();
  var acc5_0 = vec4<f32>();
  var acc5_1 = vec4<f32>();
  var acc6_0 = vec4<f32>();
  var acc6_1 = vec4<f32>();
  var acc7_0 = vec4<f32>();
  var acc7_1 = vec4<f32>();
  var acc8_0 = vec4<f32>();
  var acc8_1 = vec4<f32>();
  var acc9_0 = vec4<f32>();
  var acc9_1 = vec4<f32>();
  var acc10_0 = vec4<f32>();
  var acc10_1 = vec4<f32>();
  var acc11_0 = vec4<f32>();
  var acc11_1 = vec4<f32>();
  var acc12_0 = vec4<f32>();
  var acc12_1 = vec4<f32>();
  var acc13_0 = vec4<f32>();
  var acc13_1 = vec4<f32>();
  var acc14_0 = vec4<f32>();
  var acc14_1 = vec4<f32>();
  var acc15_0 = vec4<f32>();
  var acc15_1 = vec4<f32>();

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 128u + col4;
    let w0_0 = w0[w0_at];
    let w0_1 = w0[w0_at + 32u];
    let w0_2 = w0[w0_at + 64u];
    let w0_3 = w0[w0_at + 96u];
    let w1_at = k4 * 128u + col4 + 16u;
    let w1_0 = w0[w1_at];
    let w1_1 = w0[w1_at + 32u];
    let w1_2 = w0[w1_at + 64u];
    let w1_3 = w0[w1_at + 96u];
    let a_0 = a0[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a0[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a0[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a0[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  // Column vec4 j of the lane: c4 within its block (j / TN), first column n (columns past N are not stored).
  let accs = array<vec4<f32>, 32>(acc0_0, acc0_1, acc1_0, acc1_1, acc2_0, acc2_1, acc3_0, acc3_1, acc4_0, acc4_1, acc5_0, acc5_1, acc6_0, acc6_1, acc7_0, acc7_1, acc8_0, acc8_1, acc9_0, acc9_1, acc10_0, acc10_1, acc11_0, acc11_1, acc12_0, acc12_1, acc13_0, acc13_1, acc14_0, acc14_1, acc15_0, acc15_1);
  let biases = array<vec4<f32>, 2>(bias_at(params.n0 + 0u + 4u * (col4 + 0u)), bias_at(params.n0 + 0u + 4u * (col4 + 16u)));
  for (var i = 0u; i < 16u; i++) {
    let m = params.m0 + r0 + i;
    for (var j = 0u; j < 2u; j++) {
      let c4 = col4 + (j % 2u) * 16u;
      store4(m, params.n0 + (j / 2u) * 128u + 4u * c4, accs[i * 2u + j], biases[j]);
    }
  }
}

// ==== matmul-blocked(GP=0,NB=128,P=1,Q=1,SG=4,TM=16,TN=2,activated=true,passes=false,residual=false,wdt=f32)
enable subgroups;
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  ldo: u32,
  out_t: u32,
  m0: u32,
  n0: u32,
  first: u32,
  last: u32,
  alpha: f32,
  kc4: u32,
  h: u32,
  w: u32,
  gh: u32,
  gw: u32,
  pitch: u32,
  o_off: u32,
  act: u32,
  out_kc_log2: u32,
  has_bias: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<uniform> a0: array<vec4<f32>, 4096>;
@group(0) @binding(2) var<uniform> w0: array<vec4<f32>, 4096>;
@group(0) @binding(3) var<storage, read_write> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> residual: array<f32>;
@group(0) @binding(5) var<storage, read_write> out: array<f32>;

// a_p: [16384 / KC rows][KC] block of A, w_p: [KC][128 cols] block of W^T (KC = 4 kc4) -> out tile [M, N] (or [N, M]) at (m0, n0)


fn erf_vec4(v: vec4<f32>) -> vec4<f32> {
  let x = clamp(v, vec4(-4.0), vec4(4.0));
  let x2 = x * x;
  var p = x2 * -2.72614225801306e-10 + 2.77068142495902e-08;
  p = x2 * p - 2.10102402082508e-06;
  p = x2 * p - 5.69250639462346e-05;
  p = x2 * p - 7.34990630326855e-04;
  p = x2 * p - 2.95459980854025e-03;
  p = x2 * p - 1.60960333262415e-02;
  var q = x2 * -1.45660718464996e-05 - 2.13374055278905e-04;
  q = x2 * q - 1.68282697438203e-03;
  q = x2 * q - 7.37332916720468e-03;
  q = x2 * q - 1.42647390514189e-02;
  return x * p / q;
}

fn activate(x: vec4<f32>) -> vec4<f32> {
  switch params.act {
    case 1u: { return max(x, vec4(0.0)); }
    case 2u: { return 0.5 * x * (1.0 + erf_vec4(x * 0.7071067811865476)); }
    case 3u: { return tanh(clamp(x, vec4(-15.0), vec4(15.0))); }
    case 4u: { return 1.0 / (1.0 + exp(-x)); }
    case 5u: { return min(max(x + 3.0, vec4(0.0)), vec4(6.0)) / 6.0; }
    default: { return x; }
  }
}


fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = 14u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << 14u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }

// bias[n .. n + 3] (zeros without a bias; indices past N are clamped: those columns are not stored).
fn bias_at(n: u32) -> vec4<f32> {
  if (params.has_bias == 0u) { return vec4<f32>(); }
  let last = params.N - 1u;
  return vec4(bias[min(n, last)], bias[min(n + 1u, last)], bias[min(n + 2u, last)], bias[min(n + 3u, last)]);
}

// Outputs (m, n .. n + 3): one index for the four (they are consecutive in a row-major or blocked
// output, KC being a multiple of 4, and ldo apart in a transposed one).
fn store4(m: u32, n: u32, s: vec4<f32>, b: vec4<f32>) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  var o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
  if (params.out_kc_log2 != 0u) { o = blocked_index(mo, n, blocked_k_count(params.N)); }
  let step = select(1u, params.ldo, params.out_t != 0u);
  let count = min(4u, params.N - n);
  var v = s * params.alpha;
  
  {
    if (params.has_bias != 0u) { v += b; }
    v = activate(v);
    
    
  }
  for (var q = 0u; q < count; q++) { out[o + q * step] = v[q]; }
}

@compute @workgroup_size(16, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(subgroup_invocation_id) sg_lane: u32) {
  let col4 = lid.x;
  let r0 = wg.y * 16u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc1_1 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc2_1 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  var acc3_1 = vec4<f32>();
  var acc4_0 = vec4<f32>();
  var acc4_1 = vec4<f32>();
  var acc5_0 = vec4<f32>();
  var acc5_1 = vec4<f32>();
  var acc6_0 = vec4<f32>();
  var acc6_1 = vec4<f32>();
  var acc7_0 = vec4<f32>();
  var acc7_1 = vec4<f32>();
  var acc8_0 = vec4<f32>();
  var acc8_1 = vec4<f32>();
  var acc9_0 = vec4<f32>();
  var acc9_1 = vec4<f32>();
  var acc10_0 = vec4<f32>();
  var acc10_1 = vec4<f32>();
  var acc11_0 = vec4<f32>();
  var acc11_1 = vec4<f32>();
  var acc12_0 = vec4<f32>();
  var acc12_1 = vec4<f32>();
  var acc13_0 = vec4<f32>();
  var acc13_1 = vec4<f32>();
  var acc14_0 = vec4<f32>();
  var acc14_1 = vec4<f32>();
  var acc15_0 = vec4<f32>();
  var acc15_1 = vec4<f32>();

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 128u + col4;
    let w0_0 = w0[w0_at];
    let w0_1 = w0[w0_at + 32u];
    let w0_2 = w0[w0_at + 64u];
    let w0_3 = w0[w0_at + 96u];
    let w1_at = k4 * 128u + col4 + 16u;
    let w1_0 = w0[w1_at];
    let w1_1 = w0[w1_at + 32u];
    let w1_2 = w0[w1_at + 64u];
    let w1_3 = w0[w1_at + 96u];
    let a_0 = a0[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a0[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a0[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a0[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  // Column vec4 j of the lane: c4 within its block (j / TN), first column n (columns past N are not stored).
  let accs = array<vec4<f32>, 32>(acc0_0, acc0_1, acc1_0, acc1_1, acc2_0, acc2_1, acc3_0, acc3_1, acc4_0, acc4_1, acc5_0, acc5_1, acc6_0, acc6_1, acc7_0, acc7_1, acc8_0, acc8_1, acc9_0, acc9_1, acc10_0, acc10_1, acc11_0, acc11_1, acc12_0, acc12_1, acc13_0, acc13_1, acc14_0, acc14_1, acc15_0, acc15_1);
  let biases = array<vec4<f32>, 2>(bias_at(params.n0 + 0u + 4u * (col4 + 0u)), bias_at(params.n0 + 0u + 4u * (col4 + 16u)));
  for (var i = 0u; i < 16u; i++) {
    let m = params.m0 + r0 + i;
    for (var j = 0u; j < 2u; j++) {
      let c4 = col4 + (j % 2u) * 16u;
      store4(m, params.n0 + (j / 2u) * 128u + 4u * c4, accs[i * 2u + j], biases[j]);
    }
  }
}

// ==== matmul-blocked(GP=0,NB=128,P=3,Q=1,SG=4,TM=16,TN=2,activated=true,passes=true,residual=false,wdt=f32)
enable subgroups;
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  ldo: u32,
  out_t: u32,
  m0: u32,
  n0: u32,
  first: u32,
  last: u32,
  alpha: f32,
  kc4: u32,
  h: u32,
  w: u32,
  gh: u32,
  gw: u32,
  pitch: u32,
  o_off: u32,
  act: u32,
  out_kc_log2: u32,
  has_bias: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<uniform> a0: array<vec4<f32>, 4096>;
@group(0) @binding(2) var<uniform> w0: array<vec4<f32>, 4096>;
@group(0) @binding(3) var<uniform> a1: array<vec4<f32>, 4096>;
@group(0) @binding(4) var<uniform> w1: array<vec4<f32>, 4096>;
@group(0) @binding(5) var<uniform> a2: array<vec4<f32>, 4096>;
@group(0) @binding(6) var<uniform> w2: array<vec4<f32>, 4096>;
@group(0) @binding(7) var<storage, read_write> bias: array<f32>;
@group(0) @binding(8) var<storage, read_write> residual: array<f32>;
@group(0) @binding(9) var<storage, read_write> out: array<f32>;

// a_p: [16384 / KC rows][KC] block of A, w_p: [KC][128 cols] block of W^T (KC = 4 kc4) -> out tile [M, N] (or [N, M]) at (m0, n0)


fn erf_vec4(v: vec4<f32>) -> vec4<f32> {
  let x = clamp(v, vec4(-4.0), vec4(4.0));
  let x2 = x * x;
  var p = x2 * -2.72614225801306e-10 + 2.77068142495902e-08;
  p = x2 * p - 2.10102402082508e-06;
  p = x2 * p - 5.69250639462346e-05;
  p = x2 * p - 7.34990630326855e-04;
  p = x2 * p - 2.95459980854025e-03;
  p = x2 * p - 1.60960333262415e-02;
  var q = x2 * -1.45660718464996e-05 - 2.13374055278905e-04;
  q = x2 * q - 1.68282697438203e-03;
  q = x2 * q - 7.37332916720468e-03;
  q = x2 * q - 1.42647390514189e-02;
  return x * p / q;
}

fn activate(x: vec4<f32>) -> vec4<f32> {
  switch params.act {
    case 1u: { return max(x, vec4(0.0)); }
    case 2u: { return 0.5 * x * (1.0 + erf_vec4(x * 0.7071067811865476)); }
    case 3u: { return tanh(clamp(x, vec4(-15.0), vec4(15.0))); }
    case 4u: { return 1.0 / (1.0 + exp(-x)); }
    case 5u: { return min(max(x + 3.0, vec4(0.0)), vec4(6.0)) / 6.0; }
    default: { return x; }
  }
}


fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = 14u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << 14u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }

// bias[n .. n + 3] (zeros without a bias; indices past N are clamped: those columns are not stored).
fn bias_at(n: u32) -> vec4<f32> {
  if (params.has_bias == 0u) { return vec4<f32>(); }
  let last = params.N - 1u;
  return vec4(bias[min(n, last)], bias[min(n + 1u, last)], bias[min(n + 2u, last)], bias[min(n + 3u, last)]);
}

// Outputs (m, n .. n + 3): one index for the four (they are consecutive in a row-major or blocked
// output, KC being a multiple of 4, and ldo apart in a transposed one).
fn store4(m: u32, n: u32, s: vec4<f32>, b: vec4<f32>) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  var o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
  if (params.out_kc_log2 != 0u) { o = blocked_index(mo, n, blocked_k_count(params.N)); }
  let step = select(1u, params.ldo, params.out_t != 0u);
  let count = min(4u, params.N - n);
  var v = s * params.alpha;
  if (params.first == 0u) { for (var q = 0u; q < count; q++) { v[q] += out[o + q * step]; } }
  if (params.last != 0u) {
    if (params.has_bias != 0u) { v += b; }
    v = activate(v);
    
    
  }
  for (var q = 0u; q < count; q++) { out[o + q * step] = v[q]; }
}

@compute @workgroup_size(16, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(subgroup_invocation_id) sg_lane: u32) {
  let col4 = lid.x;
  let r0 = wg.y * 16u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc1_1 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc2_1 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  var acc3_1 = vec4<f32>();
  var acc4_0 = vec4<f32>();
  var acc4_1 = vec4<f32>();
  var acc5_0 = vec4<f32>();
  var acc5_1 = vec4<f32>();
  var acc6_0 = vec4<f32>();
  var acc6_1 = vec4<f32>();
  var acc7_0 = vec4<f32>();
  var acc7_1 = vec4<f32>();
  var acc8_0 = vec4<f32>();
  var acc8_1 = vec4<f32>();
  var acc9_0 = vec4<f32>();
  var acc9_1 = vec4<f32>();
  var acc10_0 = vec4<f32>();
  var acc10_1 = vec4<f32>();
  var acc11_0 = vec4<f32>();
  var acc11_1 = vec4<f32>();
  var acc12_0 = vec4<f32>();
  var acc12_1 = vec4<f32>();
  var acc13_0 = vec4<f32>();
  var acc13_1 = vec4<f32>();
  var acc14_0 = vec4<f32>();
  var acc14_1 = vec4<f32>();
  var acc15_0 = vec4<f32>();
  var acc15_1 = vec4<f32>();

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 128u + col4;
    let w0_0 = w0[w0_at];
    let w0_1 = w0[w0_at + 32u];
    let w0_2 = w0[w0_at + 64u];
    let w0_3 = w0[w0_at + 96u];
    let w1_at = k4 * 128u + col4 + 16u;
    let w1_0 = w0[w1_at];
    let w1_1 = w0[w1_at + 32u];
    let w1_2 = w0[w1_at + 64u];
    let w1_3 = w0[w1_at + 96u];
    let a_0 = a0[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a0[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a0[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a0[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 128u + col4;
    let w0_0 = w1[w0_at];
    let w0_1 = w1[w0_at + 32u];
    let w0_2 = w1[w0_at + 64u];
    let w0_3 = w1[w0_at + 96u];
    let w1_at = k4 * 128u + col4 + 16u;
    let w1_0 = w1[w1_at];
    let w1_1 = w1[w1_at + 32u];
    let w1_2 = w1[w1_at + 64u];
    let w1_3 = w1[w1_at + 96u];
    let a_0 = a1[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a1[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a1[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a1[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 128u + col4;
    let w0_0 = w2[w0_at];
    let w0_1 = w2[w0_at + 32u];
    let w0_2 = w2[w0_at + 64u];
    let w0_3 = w2[w0_at + 96u];
    let w1_at = k4 * 128u + col4 + 16u;
    let w1_0 = w2[w1_at];
    let w1_1 = w2[w1_at + 32u];
    let w1_2 = w2[w1_at + 64u];
    let w1_3 = w2[w1_at + 96u];
    let a_0 = a2[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a2[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a2[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a2[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  // Column vec4 j of the lane: c4 within its block (j / TN), first column n (columns past N are not stored).
  let accs = array<vec4<f32>, 32>(acc0_0, acc0_1, acc1_0, acc1_1, acc2_0, acc2_1, acc3_0, acc3_1, acc4_0, acc4_1, acc5_0, acc5_1, acc6_0, acc6_1, acc7_0, acc7_1, acc8_0, acc8_1, acc9_0, acc9_1, acc10_0, acc10_1, acc11_0, acc11_1, acc12_0, acc12_1, acc13_0, acc13_1, acc14_0, acc14_1, acc15_0, acc15_1);
  let biases = array<vec4<f32>, 2>(bias_at(params.n0 + 0u + 4u * (col4 + 0u)), bias_at(params.n0 + 0u + 4u * (col4 + 16u)));
  for (var i = 0u; i < 16u; i++) {
    let m = params.m0 + r0 + i;
    for (var j = 0u; j < 2u; j++) {
      let c4 = col4 + (j % 2u) * 16u;
      store4(m, params.n0 + (j / 2u) * 128u + 4u * c4, accs[i * 2u + j], biases[j]);
    }
  }
}

// ==== matmul-blocked(GP=0,NB=256,P=1,Q=1,SG=4,TM=16,TN=2,activated=false,passes=false,residual=false,wdt=f32)
enable subgroups;
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  ldo: u32,
  out_t: u32,
  m0: u32,
  n0: u32,
  first: u32,
  last: u32,
  alpha: f32,
  kc4: u32,
  h: u32,
  w: u32,
  gh: u32,
  gw: u32,
  pitch: u32,
  o_off: u32,
  act: u32,
  out_kc_log2: u32,
  has_bias: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<uniform> a0: array<vec4<f32>, 4096>;
@group(0) @binding(2) var<uniform> w0: array<vec4<f32>, 4096>;
@group(0) @binding(3) var<storage, read_write> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> residual: array<f32>;
@group(0) @binding(5) var<storage, read_write> out: array<f32>;

// a_p: [16384 / KC rows][KC] block of A, w_p: [KC][256 cols] block of W^T (KC = 4 kc4) -> out tile [M, N] (or [N, M]) at (m0, n0)

fn activate(x: vec4<f32>) -> vec4<f32> { return x; }

fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = 14u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << 14u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }

// bias[n .. n + 3] (zeros without a bias; indices past N are clamped: those columns are not stored).
fn bias_at(n: u32) -> vec4<f32> {
  if (params.has_bias == 0u) { return vec4<f32>(); }
  let last = params.N - 1u;
  return vec4(bias[min(n, last)], bias[min(n + 1u, last)], bias[min(n + 2u, last)], bias[min(n + 3u, last)]);
}

// Outputs (m, n .. n + 3): one index for the four (they are consecutive in a row-major or blocked
// output, KC being a multiple of 4, and ldo apart in a transposed one).
fn store4(m: u32, n: u32, s: vec4<f32>, b: vec4<f32>) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  var o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
  if (params.out_kc_log2 != 0u) { o = blocked_index(mo, n, blocked_k_count(params.N)); }
  let step = select(1u, params.ldo, params.out_t != 0u);
  let count = min(4u, params.N - n);
  var v = s * params.alpha;
  
  {
    if (params.has_bias != 0u) { v += b; }
    v = activate(v);
    
    
  }
  for (var q = 0u; q < count; q++) { out[o + q * step] = v[q]; }
}

@compute @workgroup_size(32, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(subgroup_invocation_id) sg_lane: u32) {
  let col4 = lid.x;
  let r0 = wg.y * 16u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc1_1 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc2_1 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  var acc3_1 = vec4<f32>();
  var acc4_0 = vec4<f32>();
  var acc4_1 = vec4<f32>();
  var acc5_0 = vec4<f32>();
  var acc5_1 = vec4<f32>();
  var acc6_0 = vec4<f32>();
  var acc6_1 = vec4<f32>();
  var acc7_0 = vec4<f32>();
  var acc7_1 = vec4<f32>();
  var acc8_0 = vec4<f32>();
  var acc8_1 = vec4<f32>();
  var acc9_0 = vec4<f32>();
  var acc9_1 = vec4<f32>();
  var acc10_0 = vec4<f32>();
  var acc10_1 = vec4<f32>();
  var acc11_0 = vec4<f32>();
  var acc11_1 = vec4<f32>();
  var acc12_0 = vec4<f32>();
  var acc12_1 = vec4<f32>();
  var acc13_0 = vec4<f32>();
  var acc13_1 = vec4<f32>();
  var acc14_0 = vec4<f32>();
  var acc14_1 = vec4<f32>();
  var acc15_0 = vec4<f32>();
  var acc15_1 = vec4<f32>();

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 256u + col4;
    let w0_0 = w0[w0_at];
    let w0_1 = w0[w0_at + 64u];
    let w0_2 = w0[w0_at + 128u];
    let w0_3 = w0[w0_at + 192u];
    let w1_at = k4 * 256u + col4 + 32u;
    let w1_0 = w0[w1_at];
    let w1_1 = w0[w1_at + 64u];
    let w1_2 = w0[w1_at + 128u];
    let w1_3 = w0[w1_at + 192u];
    let a_0 = a0[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a0[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a0[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a0[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  // Column vec4 j of the lane: c4 within its block (j / TN), first column n (columns past N are not stored).
  let accs = array<vec4<f32>, 32>(acc0_0, acc0_1, acc1_0, acc1_1, acc2_0, acc2_1, acc3_0, acc3_1, acc4_0, acc4_1, acc5_0, acc5_1, acc6_0, acc6_1, acc7_0, acc7_1, acc8_0, acc8_1, acc9_0, acc9_1, acc10_0, acc10_1, acc11_0, acc11_1, acc12_0, acc12_1, acc13_0, acc13_1, acc14_0, acc14_1, acc15_0, acc15_1);
  let biases = array<vec4<f32>, 2>(bias_at(params.n0 + 0u + 4u * (col4 + 0u)), bias_at(params.n0 + 0u + 4u * (col4 + 32u)));
  for (var i = 0u; i < 16u; i++) {
    let m = params.m0 + r0 + i;
    for (var j = 0u; j < 2u; j++) {
      let c4 = col4 + (j % 2u) * 32u;
      store4(m, params.n0 + (j / 2u) * 256u + 4u * c4, accs[i * 2u + j], biases[j]);
    }
  }
}

// ==== matmul-blocked(GP=0,NB=256,P=1,Q=1,SG=4,TM=16,TN=2,activated=true,passes=false,residual=false,wdt=f32)
enable subgroups;
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  ldo: u32,
  out_t: u32,
  m0: u32,
  n0: u32,
  first: u32,
  last: u32,
  alpha: f32,
  kc4: u32,
  h: u32,
  w: u32,
  gh: u32,
  gw: u32,
  pitch: u32,
  o_off: u32,
  act: u32,
  out_kc_log2: u32,
  has_bias: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<uniform> a0: array<vec4<f32>, 4096>;
@group(0) @binding(2) var<uniform> w0: array<vec4<f32>, 4096>;
@group(0) @binding(3) var<storage, read_write> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> residual: array<f32>;
@group(0) @binding(5) var<storage, read_write> out: array<f32>;

// a_p: [16384 / KC rows][KC] block of A, w_p: [KC][256 cols] block of W^T (KC = 4 kc4) -> out tile [M, N] (or [N, M]) at (m0, n0)


fn erf_vec4(v: vec4<f32>) -> vec4<f32> {
  let x = clamp(v, vec4(-4.0), vec4(4.0));
  let x2 = x * x;
  var p = x2 * -2.72614225801306e-10 + 2.77068142495902e-08;
  p = x2 * p - 2.10102402082508e-06;
  p = x2 * p - 5.69250639462346e-05;
  p = x2 * p - 7.34990630326855e-04;
  p = x2 * p - 2.95459980854025e-03;
  p = x2 * p - 1.60960333262415e-02;
  var q = x2 * -1.45660718464996e-05 - 2.13374055278905e-04;
  q = x2 * q - 1.68282697438203e-03;
  q = x2 * q - 7.37332916720468e-03;
  q = x2 * q - 1.42647390514189e-02;
  return x * p / q;
}

fn activate(x: vec4<f32>) -> vec4<f32> {
  switch params.act {
    case 1u: { return max(x, vec4(0.0)); }
    case 2u: { return 0.5 * x * (1.0 + erf_vec4(x * 0.7071067811865476)); }
    case 3u: { return tanh(clamp(x, vec4(-15.0), vec4(15.0))); }
    case 4u: { return 1.0 / (1.0 + exp(-x)); }
    case 5u: { return min(max(x + 3.0, vec4(0.0)), vec4(6.0)) / 6.0; }
    default: { return x; }
  }
}


fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = 14u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << 14u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }

// bias[n .. n + 3] (zeros without a bias; indices past N are clamped: those columns are not stored).
fn bias_at(n: u32) -> vec4<f32> {
  if (params.has_bias == 0u) { return vec4<f32>(); }
  let last = params.N - 1u;
  return vec4(bias[min(n, last)], bias[min(n + 1u, last)], bias[min(n + 2u, last)], bias[min(n + 3u, last)]);
}

// Outputs (m, n .. n + 3): one index for the four (they are consecutive in a row-major or blocked
// output, KC being a multiple of 4, and ldo apart in a transposed one).
fn store4(m: u32, n: u32, s: vec4<f32>, b: vec4<f32>) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  var o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
  if (params.out_kc_log2 != 0u) { o = blocked_index(mo, n, blocked_k_count(params.N)); }
  let step = select(1u, params.ldo, params.out_t != 0u);
  let count = min(4u, params.N - n);
  var v = s * params.alpha;
  
  {
    if (params.has_bias != 0u) { v += b; }
    v = activate(v);
    
    
  }
  for (var q = 0u; q < count; q++) { out[o + q * step] = v[q]; }
}

@compute @workgroup_size(32, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(subgroup_invocation_id) sg_lane: u32) {
  let col4 = lid.x;
  let r0 = wg.y * 16u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc1_1 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc2_1 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  var acc3_1 = vec4<f32>();
  var acc4_0 = vec4<f32>();
  var acc4_1 = vec4<f32>();
  var acc5_0 = vec4<f32>();
  var acc5_1 = vec4<f32>();
  var acc6_0 = vec4<f32>();
  var acc6_1 = vec4<f32>();
  var acc7_0 = vec4<f32>();
  var acc7_1 = vec4<f32>();
  var acc8_0 = vec4<f32>();
  var acc8_1 = vec4<f32>();
  var acc9_0 = vec4<f32>();
  var acc9_1 = vec4<f32>();
  var acc10_0 = vec4<f32>();
  var acc10_1 = vec4<f32>();
  var acc11_0 = vec4<f32>();
  var acc11_1 = vec4<f32>();
  var acc12_0 = vec4<f32>();
  var acc12_1 = vec4<f32>();
  var acc13_0 = vec4<f32>();
  var acc13_1 = vec4<f32>();
  var acc14_0 = vec4<f32>();
  var acc14_1 = vec4<f32>();
  var acc15_0 = vec4<f32>();
  var acc15_1 = vec4<f32>();

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 256u + col4;
    let w0_0 = w0[w0_at];
    let w0_1 = w0[w0_at + 64u];
    let w0_2 = w0[w0_at + 128u];
    let w0_3 = w0[w0_at + 192u];
    let w1_at = k4 * 256u + col4 + 32u;
    let w1_0 = w0[w1_at];
    let w1_1 = w0[w1_at + 64u];
    let w1_2 = w0[w1_at + 128u];
    let w1_3 = w0[w1_at + 192u];
    let a_0 = a0[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a0[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a0[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a0[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  // Column vec4 j of the lane: c4 within its block (j / TN), first column n (columns past N are not stored).
  let accs = array<vec4<f32>, 32>(acc0_0, acc0_1, acc1_0, acc1_1, acc2_0, acc2_1, acc3_0, acc3_1, acc4_0, acc4_1, acc5_0, acc5_1, acc6_0, acc6_1, acc7_0, acc7_1, acc8_0, acc8_1, acc9_0, acc9_1, acc10_0, acc10_1, acc11_0, acc11_1, acc12_0, acc12_1, acc13_0, acc13_1, acc14_0, acc14_1, acc15_0, acc15_1);
  let biases = array<vec4<f32>, 2>(bias_at(params.n0 + 0u + 4u * (col4 + 0u)), bias_at(params.n0 + 0u + 4u * (col4 + 32u)));
  for (var i = 0u; i < 16u; i++) {
    let m = params.m0 + r0 + i;
    for (var j = 0u; j < 2u; j++) {
      let c4 = col4 + (j % 2u) * 32u;
      store4(m, params.n0 + (j / 2u) * 256u + 4u * c4, accs[i * 2u + j], biases[j]);
    }
  }
}

// ==== matmul-blocked(GP=0,NB=64,P=1,Q=1,SG=4,TM=16,TN=2,activated=false,passes=false,residual=false,wdt=f32)
enable subgroups;
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  ldo: u32,
  out_t: u32,
  m0: u32,
  n0: u32,
  first: u32,
  last: u32,
  alpha: f32,
  kc4: u32,
  h: u32,
  w: u32,
  gh: u32,
  gw: u32,
  pitch: u32,
  o_off: u32,
  act: u32,
  out_kc_log2: u32,
  has_bias: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<uniform> a0: array<vec4<f32>, 4096>;
@group(0) @binding(2) var<uniform> w0: array<vec4<f32>, 4096>;
@group(0) @binding(3) var<storage, read_write> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> residual: array<f32>;
@group(0) @binding(5) var<storage, read_write> out: array<f32>;

// a_p: [16384 / KC rows][KC] block of A, w_p: [KC][64 cols] block of W^T (KC = 4 kc4) -> out tile [M, N] (or [N, M]) at (m0, n0)

fn activate(x: vec4<f32>) -> vec4<f32> { return x; }

fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = 14u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << 14u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }

// bias[n .. n + 3] (zeros without a bias; indices past N are clamped: those columns are not stored).
fn bias_at(n: u32) -> vec4<f32> {
  if (params.has_bias == 0u) { return vec4<f32>(); }
  let last = params.N - 1u;
  return vec4(bias[min(n, last)], bias[min(n + 1u, last)], bias[min(n + 2u, last)], bias[min(n + 3u, last)]);
}

// Outputs (m, n .. n + 3): one index for the four (they are consecutive in a row-major or blocked
// output, KC being a multiple of 4, and ldo apart in a transposed one).
fn store4(m: u32, n: u32, s: vec4<f32>, b: vec4<f32>) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  var o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
  if (params.out_kc_log2 != 0u) { o = blocked_index(mo, n, blocked_k_count(params.N)); }
  let step = select(1u, params.ldo, params.out_t != 0u);
  let count = min(4u, params.N - n);
  var v = s * params.alpha;
  
  {
    if (params.has_bias != 0u) { v += b; }
    v = activate(v);
    
    
  }
  for (var q = 0u; q < count; q++) { out[o + q * step] = v[q]; }
}

@compute @workgroup_size(8, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(subgroup_invocation_id) sg_lane: u32) {
  let col4 = lid.x;
  let r0 = wg.y * 16u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc1_1 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc2_1 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  var acc3_1 = vec4<f32>();
  var acc4_0 = vec4<f32>();
  var acc4_1 = vec4<f32>();
  var acc5_0 = vec4<f32>();
  var acc5_1 = vec4<f32>();
  var acc6_0 = vec4<f32>();
  var acc6_1 = vec4<f32>();
  var acc7_0 = vec4<f32>();
  var acc7_1 = vec4<f32>();
  var acc8_0 = vec4<f32>();
  var acc8_1 = vec4<f32>();
  var acc9_0 = vec4<f32>();
  var acc9_1 = vec4<f32>();
  var acc10_0 = vec4<f32>();
  var acc10_1 = vec4<f32>();
  var acc11_0 = vec4<f32>();
  var acc11_1 = vec4<f32>();
  var acc12_0 = vec4<f32>();
  var acc12_1 = vec4<f32>();
  var acc13_0 = vec4<f32>();
  var acc13_1 = vec4<f32>();
  var acc14_0 = vec4<f32>();
  var acc14_1 = vec4<f32>();
  var acc15_0 = vec4<f32>();
  var acc15_1 = vec4<f32>();

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w0[w0_at];
    let w0_1 = w0[w0_at + 16u];
    let w0_2 = w0[w0_at + 32u];
    let w0_3 = w0[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w0[w1_at];
    let w1_1 = w0[w1_at + 16u];
    let w1_2 = w0[w1_at + 32u];
    let w1_3 = w0[w1_at + 48u];
    let a_0 = a0[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a0[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a0[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a0[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  // Column vec4 j of the lane: c4 within its block (j / TN), first column n (columns past N are not stored).
  let accs = array<vec4<f32>, 32>(acc0_0, acc0_1, acc1_0, acc1_1, acc2_0, acc2_1, acc3_0, acc3_1, acc4_0, acc4_1, acc5_0, acc5_1, acc6_0, acc6_1, acc7_0, acc7_1, acc8_0, acc8_1, acc9_0, acc9_1, acc10_0, acc10_1, acc11_0, acc11_1, acc12_0, acc12_1, acc13_0, acc13_1, acc14_0, acc14_1, acc15_0, acc15_1);
  let biases = array<vec4<f32>, 2>(bias_at(params.n0 + 0u + 4u * (col4 + 0u)), bias_at(params.n0 + 0u + 4u * (col4 + 8u)));
  for (var i = 0u; i < 16u; i++) {
    let m = params.m0 + r0 + i;
    for (var j = 0u; j < 2u; j++) {
      let c4 = col4 + (j % 2u) * 8u;
      store4(m, params.n0 + (j / 2u) * 64u + 4u * c4, accs[i * 2u + j], biases[j]);
    }
  }
}

// ==== matmul-blocked(GP=0,NB=64,P=1,Q=1,SG=4,TM=16,TN=2,activated=false,passes=false,residual=true,wdt=f32)
enable subgroups;
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  ldo: u32,
  out_t: u32,
  m0: u32,
  n0: u32,
  first: u32,
  last: u32,
  alpha: f32,
  kc4: u32,
  h: u32,
  w: u32,
  gh: u32,
  gw: u32,
  pitch: u32,
  o_off: u32,
  act: u32,
  out_kc_log2: u32,
  has_bias: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<uniform> a0: array<vec4<f32>, 4096>;
@group(0) @binding(2) var<uniform> w0: array<vec4<f32>, 4096>;
@group(0) @binding(3) var<storage, read_write> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> residual: array<f32>;
@group(0) @binding(5) var<storage, read_write> out: array<f32>;

// a_p: [16384 / KC rows][KC] block of A, w_p: [KC][64 cols] block of W^T (KC = 4 kc4) -> out tile [M, N] (or [N, M]) at (m0, n0)

fn activate(x: vec4<f32>) -> vec4<f32> { return x; }

fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = 14u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << 14u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }

// bias[n .. n + 3] (zeros without a bias; indices past N are clamped: those columns are not stored).
fn bias_at(n: u32) -> vec4<f32> {
  if (params.has_bias == 0u) { return vec4<f32>(); }
  let last = params.N - 1u;
  return vec4(bias[min(n, last)], bias[min(n + 1u, last)], bias[min(n + 2u, last)], bias[min(n + 3u, last)]);
}

// Outputs (m, n .. n + 3): one index for the four (they are consecutive in a row-major or blocked
// output, KC being a multiple of 4, and ldo apart in a transposed one).
fn store4(m: u32, n: u32, s: vec4<f32>, b: vec4<f32>) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  var o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
  if (params.out_kc_log2 != 0u) { o = blocked_index(mo, n, blocked_k_count(params.N)); }
  let step = select(1u, params.ldo, params.out_t != 0u);
  let count = min(4u, params.N - n);
  var v = s * params.alpha;
  
  {
    if (params.has_bias != 0u) { v += b; }
    v = activate(v);
    
    for (var q = 0u; q < count; q++) { v[q] += residual[o + q * step]; }
  }
  for (var q = 0u; q < count; q++) { out[o + q * step] = v[q]; }
}

@compute @workgroup_size(8, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(subgroup_invocation_id) sg_lane: u32) {
  let col4 = lid.x;
  let r0 = wg.y * 16u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc1_1 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc2_1 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  var acc3_1 = vec4<f32>();
  var acc4_0 = vec4<f32>();
  var acc4_1 = vec4<f32>();
  var acc5_0 = vec4<f32>();
  var acc5_1 = vec4<f32>();
  var acc6_0 = vec4<f32>();
  var acc6_1 = vec4<f32>();
  var acc7_0 = vec4<f32>();
  var acc7_1 = vec4<f32>();
  var acc8_0 = vec4<f32>();
  var acc8_1 = vec4<f32>();
  var acc9_0 = vec4<f32>();
  var acc9_1 = vec4<f32>();
  var acc10_0 = vec4<f32>();
  var acc10_1 = vec4<f32>();
  var acc11_0 = vec4<f32>();
  var acc11_1 = vec4<f32>();
  var acc12_0 = vec4<f32>();
  var acc12_1 = vec4<f32>();
  var acc13_0 = vec4<f32>();
  var acc13_1 = vec4<f32>();
  var acc14_0 = vec4<f32>();
  var acc14_1 = vec4<f32>();
  var acc15_0 = vec4<f32>();
  var acc15_1 = vec4<f32>();

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w0[w0_at];
    let w0_1 = w0[w0_at + 16u];
    let w0_2 = w0[w0_at + 32u];
    let w0_3 = w0[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w0[w1_at];
    let w1_1 = w0[w1_at + 16u];
    let w1_2 = w0[w1_at + 32u];
    let w1_3 = w0[w1_at + 48u];
    let a_0 = a0[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a0[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a0[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a0[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  // Column vec4 j of the lane: c4 within its block (j / TN), first column n (columns past N are not stored).
  let accs = array<vec4<f32>, 32>(acc0_0, acc0_1, acc1_0, acc1_1, acc2_0, acc2_1, acc3_0, acc3_1, acc4_0, acc4_1, acc5_0, acc5_1, acc6_0, acc6_1, acc7_0, acc7_1, acc8_0, acc8_1, acc9_0, acc9_1, acc10_0, acc10_1, acc11_0, acc11_1, acc12_0, acc12_1, acc13_0, acc13_1, acc14_0, acc14_1, acc15_0, acc15_1);
  let biases = array<vec4<f32>, 2>(bias_at(params.n0 + 0u + 4u * (col4 + 0u)), bias_at(params.n0 + 0u + 4u * (col4 + 8u)));
  for (var i = 0u; i < 16u; i++) {
    let m = params.m0 + r0 + i;
    for (var j = 0u; j < 2u; j++) {
      let c4 = col4 + (j % 2u) * 8u;
      store4(m, params.n0 + (j / 2u) * 64u + 4u * c4, accs[i * 2u + j], biases[j]);
    }
  }
}

// ==== matmul-blocked(GP=0,NB=64,P=1,Q=1,SG=4,TM=16,TN=2,activated=true,passes=false,residual=false,wdt=f32)
enable subgroups;
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  ldo: u32,
  out_t: u32,
  m0: u32,
  n0: u32,
  first: u32,
  last: u32,
  alpha: f32,
  kc4: u32,
  h: u32,
  w: u32,
  gh: u32,
  gw: u32,
  pitch: u32,
  o_off: u32,
  act: u32,
  out_kc_log2: u32,
  has_bias: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<uniform> a0: array<vec4<f32>, 4096>;
@group(0) @binding(2) var<uniform> w0: array<vec4<f32>, 4096>;
@group(0) @binding(3) var<storage, read_write> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> residual: array<f32>;
@group(0) @binding(5) var<storage, read_write> out: array<f32>;

// a_p: [16384 / KC rows][KC] block of A, w_p: [KC][64 cols] block of W^T (KC = 4 kc4) -> out tile [M, N] (or [N, M]) at (m0, n0)


fn erf_vec4(v: vec4<f32>) -> vec4<f32> {
  let x = clamp(v, vec4(-4.0), vec4(4.0));
  let x2 = x * x;
  var p = x2 * -2.72614225801306e-10 + 2.77068142495902e-08;
  p = x2 * p - 2.10102402082508e-06;
  p = x2 * p - 5.69250639462346e-05;
  p = x2 * p - 7.34990630326855e-04;
  p = x2 * p - 2.95459980854025e-03;
  p = x2 * p - 1.60960333262415e-02;
  var q = x2 * -1.45660718464996e-05 - 2.13374055278905e-04;
  q = x2 * q - 1.68282697438203e-03;
  q = x2 * q - 7.37332916720468e-03;
  q = x2 * q - 1.42647390514189e-02;
  return x * p / q;
}

fn activate(x: vec4<f32>) -> vec4<f32> {
  switch params.act {
    case 1u: { return max(x, vec4(0.0)); }
    case 2u: { return 0.5 * x * (1.0 + erf_vec4(x * 0.7071067811865476)); }
    case 3u: { return tanh(clamp(x, vec4(-15.0), vec4(15.0))); }
    case 4u: { return 1.0 / (1.0 + exp(-x)); }
    case 5u: { return min(max(x + 3.0, vec4(0.0)), vec4(6.0)) / 6.0; }
    default: { return x; }
  }
}


fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = 14u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << 14u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }

// bias[n .. n + 3] (zeros without a bias; indices past N are clamped: those columns are not stored).
fn bias_at(n: u32) -> vec4<f32> {
  if (params.has_bias == 0u) { return vec4<f32>(); }
  let last = params.N - 1u;
  return vec4(bias[min(n, last)], bias[min(n + 1u, last)], bias[min(n + 2u, last)], bias[min(n + 3u, last)]);
}

// Outputs (m, n .. n + 3): one index for the four (they are consecutive in a row-major or blocked
// output, KC being a multiple of 4, and ldo apart in a transposed one).
fn store4(m: u32, n: u32, s: vec4<f32>, b: vec4<f32>) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  var o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
  if (params.out_kc_log2 != 0u) { o = blocked_index(mo, n, blocked_k_count(params.N)); }
  let step = select(1u, params.ldo, params.out_t != 0u);
  let count = min(4u, params.N - n);
  var v = s * params.alpha;
  
  {
    if (params.has_bias != 0u) { v += b; }
    v = activate(v);
    
    
  }
  for (var q = 0u; q < count; q++) { out[o + q * step] = v[q]; }
}

@compute @workgroup_size(8, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(subgroup_invocation_id) sg_lane: u32) {
  let col4 = lid.x;
  let r0 = wg.y * 16u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc1_1 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc2_1 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  var acc3_1 = vec4<f32>();
  var acc4_0 = vec4<f32>();
  var acc4_1 = vec4<f32>();
  var acc5_0 = vec4<f32>();
  var acc5_1 = vec4<f32>();
  var acc6_0 = vec4<f32>();
  var acc6_1 = vec4<f32>();
  var acc7_0 = vec4<f32>();
  var acc7_1 = vec4<f32>();
  var acc8_0 = vec4<f32>();
  var acc8_1 = vec4<f32>();
  var acc9_0 = vec4<f32>();
  var acc9_1 = vec4<f32>();
  var acc10_0 = vec4<f32>();
  var acc10_1 = vec4<f32>();
  var acc11_0 = vec4<f32>();
  var acc11_1 = vec4<f32>();
  var acc12_0 = vec4<f32>();
  var acc12_1 = vec4<f32>();
  var acc13_0 = vec4<f32>();
  var acc13_1 = vec4<f32>();
  var acc14_0 = vec4<f32>();
  var acc14_1 = vec4<f32>();
  var acc15_0 = vec4<f32>();
  var acc15_1 = vec4<f32>();

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w0[w0_at];
    let w0_1 = w0[w0_at + 16u];
    let w0_2 = w0[w0_at + 32u];
    let w0_3 = w0[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w0[w1_at];
    let w1_1 = w0[w1_at + 16u];
    let w1_2 = w0[w1_at + 32u];
    let w1_3 = w0[w1_at + 48u];
    let a_0 = a0[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a0[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a0[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a0[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  // Column vec4 j of the lane: c4 within its block (j / TN), first column n (columns past N are not stored).
  let accs = array<vec4<f32>, 32>(acc0_0, acc0_1, acc1_0, acc1_1, acc2_0, acc2_1, acc3_0, acc3_1, acc4_0, acc4_1, acc5_0, acc5_1, acc6_0, acc6_1, acc7_0, acc7_1, acc8_0, acc8_1, acc9_0, acc9_1, acc10_0, acc10_1, acc11_0, acc11_1, acc12_0, acc12_1, acc13_0, acc13_1, acc14_0, acc14_1, acc15_0, acc15_1);
  let biases = array<vec4<f32>, 2>(bias_at(params.n0 + 0u + 4u * (col4 + 0u)), bias_at(params.n0 + 0u + 4u * (col4 + 8u)));
  for (var i = 0u; i < 16u; i++) {
    let m = params.m0 + r0 + i;
    for (var j = 0u; j < 2u; j++) {
      let c4 = col4 + (j % 2u) * 8u;
      store4(m, params.n0 + (j / 2u) * 64u + 4u * c4, accs[i * 2u + j], biases[j]);
    }
  }
}

// ==== matmul-blocked(GP=0,NB=64,P=2,Q=1,SG=4,TM=16,TN=2,activated=false,passes=false,residual=false,wdt=f32)
enable subgroups;
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  ldo: u32,
  out_t: u32,
  m0: u32,
  n0: u32,
  first: u32,
  last: u32,
  alpha: f32,
  kc4: u32,
  h: u32,
  w: u32,
  gh: u32,
  gw: u32,
  pitch: u32,
  o_off: u32,
  act: u32,
  out_kc_log2: u32,
  has_bias: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<uniform> a0: array<vec4<f32>, 4096>;
@group(0) @binding(2) var<uniform> w0: array<vec4<f32>, 4096>;
@group(0) @binding(3) var<uniform> a1: array<vec4<f32>, 4096>;
@group(0) @binding(4) var<uniform> w1: array<vec4<f32>, 4096>;
@group(0) @binding(5) var<storage, read_write> bias: array<f32>;
@group(0) @binding(6) var<storage, read_write> residual: array<f32>;
@group(0) @binding(7) var<storage, read_write> out: array<f32>;

// a_p: [16384 / KC rows][KC] block of A, w_p: [KC][64 cols] block of W^T (KC = 4 kc4) -> out tile [M, N] (or [N, M]) at (m0, n0)

fn activate(x: vec4<f32>) -> vec4<f32> { return x; }

fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = 14u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << 14u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }

// bias[n .. n + 3] (zeros without a bias; indices past N are clamped: those columns are not stored).
fn bias_at(n: u32) -> vec4<f32> {
  if (params.has_bias == 0u) { return vec4<f32>(); }
  let last = params.N - 1u;
  return vec4(bias[min(n, last)], bias[min(n + 1u, last)], bias[min(n + 2u, last)], bias[min(n + 3u, last)]);
}

// Outputs (m, n .. n + 3): one index for the four (they are consecutive in a row-major or blocked
// output, KC being a multiple of 4, and ldo apart in a transposed one).
fn store4(m: u32, n: u32, s: vec4<f32>, b: vec4<f32>) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  var o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
  if (params.out_kc_log2 != 0u) { o = blocked_index(mo, n, blocked_k_count(params.N)); }
  let step = select(1u, params.ldo, params.out_t != 0u);
  let count = min(4u, params.N - n);
  var v = s * params.alpha;
  
  {
    if (params.has_bias != 0u) { v += b; }
    v = activate(v);
    
    
  }
  for (var q = 0u; q < count; q++) { out[o + q * step] = v[q]; }
}

@compute @workgroup_size(8, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(subgroup_invocation_id) sg_lane: u32) {
  let col4 = lid.x;
  let r0 = wg.y * 16u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc1_1 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc2_1 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  var acc3_1 = vec4<f32>();
  var acc4_0 = vec4<f32>();
  var acc4_1 = vec4<f32>();
  var acc5_0 = vec4<f32>();
  var acc5_1 = vec4<f32>();
  var acc6_0 = vec4<f32>();
  var acc6_1 = vec4<f32>();
  var acc7_0 = vec4<f32>();
  var acc7_1 = vec4<f32>();
  var acc8_0 = vec4<f32>();
  var acc8_1 = vec4<f32>();
  var acc9_0 = vec4<f32>();
  var acc9_1 = vec4<f32>();
  var acc10_0 = vec4<f32>();
  var acc10_1 = vec4<f32>();
  var acc11_0 = vec4<f32>();
  var acc11_1 = vec4<f32>();
  var acc12_0 = vec4<f32>();
  var acc12_1 = vec4<f32>();
  var acc13_0 = vec4<f32>();
  var acc13_1 = vec4<f32>();
  var acc14_0 = vec4<f32>();
  var acc14_1 = vec4<f32>();
  var acc15_0 = vec4<f32>();
  var acc15_1 = vec4<f32>();

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w0[w0_at];
    let w0_1 = w0[w0_at + 16u];
    let w0_2 = w0[w0_at + 32u];
    let w0_3 = w0[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w0[w1_at];
    let w1_1 = w0[w1_at + 16u];
    let w1_2 = w0[w1_at + 32u];
    let w1_3 = w0[w1_at + 48u];
    let a_0 = a0[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a0[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a0[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a0[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w1[w0_at];
    let w0_1 = w1[w0_at + 16u];
    let w0_2 = w1[w0_at + 32u];
    let w0_3 = w1[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w1[w1_at];
    let w1_1 = w1[w1_at + 16u];
    let w1_2 = w1[w1_at + 32u];
    let w1_3 = w1[w1_at + 48u];
    let a_0 = a1[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a1[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a1[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a1[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  // Column vec4 j of the lane: c4 within its block (j / TN), first column n (columns past N are not stored).
  let accs = array<vec4<f32>, 32>(acc0_0, acc0_1, acc1_0, acc1_1, acc2_0, acc2_1, acc3_0, acc3_1, acc4_0, acc4_1, acc5_0, acc5_1, acc6_0, acc6_1, acc7_0, acc7_1, acc8_0, acc8_1, acc9_0, acc9_1, acc10_0, acc10_1, acc11_0, acc11_1, acc12_0, acc12_1, acc13_0, acc13_1, acc14_0, acc14_1, acc15_0, acc15_1);
  let biases = array<vec4<f32>, 2>(bias_at(params.n0 + 0u + 4u * (col4 + 0u)), bias_at(params.n0 + 0u + 4u * (col4 + 8u)));
  for (var i = 0u; i < 16u; i++) {
    let m = params.m0 + r0 + i;
    for (var j = 0u; j < 2u; j++) {
      let c4 = col4 + (j % 2u) * 8u;
      store4(m, params.n0 + (j / 2u) * 64u + 4u * c4, accs[i * 2u + j], biases[j]);
    }
  }
}

// ==== matmul-blocked(GP=0,NB=64,P=2,Q=1,SG=4,TM=16,TN=2,activated=false,passes=false,residual=true,wdt=f32)
enable subgroups;
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  ldo: u32,
  out_t: u32,
  m0: u32,
  n0: u32,
  first: u32,
  last: u32,
  alpha: f32,
  kc4: u32,
  h: u32,
  w: u32,
  gh: u32,
  gw: u32,
  pitch: u32,
  o_off: u32,
  act: u32,
  out_kc_log2: u32,
  has_bias: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<uniform> a0: array<vec4<f32>, 4096>;
@group(0) @binding(2) var<uniform> w0: array<vec4<f32>, 4096>;
@group(0) @binding(3) var<uniform> a1: array<vec4<f32>, 4096>;
@group(0) @binding(4) var<uniform> w1: array<vec4<f32>, 4096>;
@group(0) @binding(5) var<storage, read_write> bias: array<f32>;
@group(0) @binding(6) var<storage, read_write> residual: array<f32>;
@group(0) @binding(7) var<storage, read_write> out: array<f32>;

// a_p: [16384 / KC rows][KC] block of A, w_p: [KC][64 cols] block of W^T (KC = 4 kc4) -> out tile [M, N] (or [N, M]) at (m0, n0)

fn activate(x: vec4<f32>) -> vec4<f32> { return x; }

fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = 14u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << 14u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }

// bias[n .. n + 3] (zeros without a bias; indices past N are clamped: those columns are not stored).
fn bias_at(n: u32) -> vec4<f32> {
  if (params.has_bias == 0u) { return vec4<f32>(); }
  let last = params.N - 1u;
  return vec4(bias[min(n, last)], bias[min(n + 1u, last)], bias[min(n + 2u, last)], bias[min(n + 3u, last)]);
}

// Outputs (m, n .. n + 3): one index for the four (they are consecutive in a row-major or blocked
// output, KC being a multiple of 4, and ldo apart in a transposed one).
fn store4(m: u32, n: u32, s: vec4<f32>, b: vec4<f32>) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  var o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
  if (params.out_kc_log2 != 0u) { o = blocked_index(mo, n, blocked_k_count(params.N)); }
  let step = select(1u, params.ldo, params.out_t != 0u);
  let count = min(4u, params.N - n);
  var v = s * params.alpha;
  
  {
    if (params.has_bias != 0u) { v += b; }
    v = activate(v);
    
    for (var q = 0u; q < count; q++) { v[q] += residual[o + q * step]; }
  }
  for (var q = 0u; q < count; q++) { out[o + q * step] = v[q]; }
}

@compute @workgroup_size(8, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(subgroup_invocation_id) sg_lane: u32) {
  let col4 = lid.x;
  let r0 = wg.y * 16u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc1_1 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc2_1 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  var acc3_1 = vec4<f32>();
  var acc4_0 = vec4<f32>();
  var acc4_1 = vec4<f32>();
  var acc5_0 = vec4<f32>();
  var acc5_1 = vec4<f32>();
  var acc6_0 = vec4<f32>();
  var acc6_1 = vec4<f32>();
  var acc7_0 = vec4<f32>();
  var acc7_1 = vec4<f32>();
  var acc8_0 = vec4<f32>();
  var acc8_1 = vec4<f32>();
  var acc9_0 = vec4<f32>();
  var acc9_1 = vec4<f32>();
  var acc10_0 = vec4<f32>();
  var acc10_1 = vec4<f32>();
  var acc11_0 = vec4<f32>();
  var acc11_1 = vec4<f32>();
  var acc12_0 = vec4<f32>();
  var acc12_1 = vec4<f32>();
  var acc13_0 = vec4<f32>();
  var acc13_1 = vec4<f32>();
  var acc14_0 = vec4<f32>();
  var acc14_1 = vec4<f32>();
  var acc15_0 = vec4<f32>();
  var acc15_1 = vec4<f32>();

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w0[w0_at];
    let w0_1 = w0[w0_at + 16u];
    let w0_2 = w0[w0_at + 32u];
    let w0_3 = w0[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w0[w1_at];
    let w1_1 = w0[w1_at + 16u];
    let w1_2 = w0[w1_at + 32u];
    let w1_3 = w0[w1_at + 48u];
    let a_0 = a0[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a0[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a0[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a0[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w1[w0_at];
    let w0_1 = w1[w0_at + 16u];
    let w0_2 = w1[w0_at + 32u];
    let w0_3 = w1[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w1[w1_at];
    let w1_1 = w1[w1_at + 16u];
    let w1_2 = w1[w1_at + 32u];
    let w1_3 = w1[w1_at + 48u];
    let a_0 = a1[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a1[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a1[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a1[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  // Column vec4 j of the lane: c4 within its block (j / TN), first column n (columns past N are not stored).
  let accs = array<vec4<f32>, 32>(acc0_0, acc0_1, acc1_0, acc1_1, acc2_0, acc2_1, acc3_0, acc3_1, acc4_0, acc4_1, acc5_0, acc5_1, acc6_0, acc6_1, acc7_0, acc7_1, acc8_0, acc8_1, acc9_0, acc9_1, acc10_0, acc10_1, acc11_0, acc11_1, acc12_0, acc12_1, acc13_0, acc13_1, acc14_0, acc14_1, acc15_0, acc15_1);
  let biases = array<vec4<f32>, 2>(bias_at(params.n0 + 0u + 4u * (col4 + 0u)), bias_at(params.n0 + 0u + 4u * (col4 + 8u)));
  for (var i = 0u; i < 16u; i++) {
    let m = params.m0 + r0 + i;
    for (var j = 0u; j < 2u; j++) {
      let c4 = col4 + (j % 2u) * 8u;
      store4(m, params.n0 + (j / 2u) * 64u + 4u * c4, accs[i * 2u + j], biases[j]);
    }
  }
}

// ==== matmul-blocked(GP=0,NB=64,P=2,Q=1,SG=4,TM=16,TN=2,activated=true,passes=false,residual=false,wdt=f32)
enable subgroups;
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  ldo: u32,
  out_t: u32,
  m0: u32,
  n0: u32,
  first: u32,
  last: u32,
  alpha: f32,
  kc4: u32,
  h: u32,
  w: u32,
  gh: u32,
  gw: u32,
  pitch: u32,
  o_off: u32,
  act: u32,
  out_kc_log2: u32,
  has_bias: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<uniform> a0: array<vec4<f32>, 4096>;
@group(0) @binding(2) var<uniform> w0: array<vec4<f32>, 4096>;
@group(0) @binding(3) var<uniform> a1: array<vec4<f32>, 4096>;
@group(0) @binding(4) var<uniform> w1: array<vec4<f32>, 4096>;
@group(0) @binding(5) var<storage, read_write> bias: array<f32>;
@group(0) @binding(6) var<storage, read_write> residual: array<f32>;
@group(0) @binding(7) var<storage, read_write> out: array<f32>;

// a_p: [16384 / KC rows][KC] block of A, w_p: [KC][64 cols] block of W^T (KC = 4 kc4) -> out tile [M, N] (or [N, M]) at (m0, n0)


fn erf_vec4(v: vec4<f32>) -> vec4<f32> {
  let x = clamp(v, vec4(-4.0), vec4(4.0));
  let x2 = x * x;
  var p = x2 * -2.72614225801306e-10 + 2.77068142495902e-08;
  p = x2 * p - 2.10102402082508e-06;
  p = x2 * p - 5.69250639462346e-05;
  p = x2 * p - 7.34990630326855e-04;
  p = x2 * p - 2.95459980854025e-03;
  p = x2 * p - 1.60960333262415e-02;
  var q = x2 * -1.45660718464996e-05 - 2.13374055278905e-04;
  q = x2 * q - 1.68282697438203e-03;
  q = x2 * q - 7.37332916720468e-03;
  q = x2 * q - 1.42647390514189e-02;
  return x * p / q;
}

fn activate(x: vec4<f32>) -> vec4<f32> {
  switch params.act {
    case 1u: { return max(x, vec4(0.0)); }
    case 2u: { return 0.5 * x * (1.0 + erf_vec4(x * 0.7071067811865476)); }
    case 3u: { return tanh(clamp(x, vec4(-15.0), vec4(15.0))); }
    case 4u: { return 1.0 / (1.0 + exp(-x)); }
    case 5u: { return min(max(x + 3.0, vec4(0.0)), vec4(6.0)) / 6.0; }
    default: { return x; }
  }
}


fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = 14u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << 14u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }

// bias[n .. n + 3] (zeros without a bias; indices past N are clamped: those columns are not stored).
fn bias_at(n: u32) -> vec4<f32> {
  if (params.has_bias == 0u) { return vec4<f32>(); }
  let last = params.N - 1u;
  return vec4(bias[min(n, last)], bias[min(n + 1u, last)], bias[min(n + 2u, last)], bias[min(n + 3u, last)]);
}

// Outputs (m, n .. n + 3): one index for the four (they are consecutive in a row-major or blocked
// output, KC being a multiple of 4, and ldo apart in a transposed one).
fn store4(m: u32, n: u32, s: vec4<f32>, b: vec4<f32>) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  var o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
  if (params.out_kc_log2 != 0u) { o = blocked_index(mo, n, blocked_k_count(params.N)); }
  let step = select(1u, params.ldo, params.out_t != 0u);
  let count = min(4u, params.N - n);
  var v = s * params.alpha;
  
  {
    if (params.has_bias != 0u) { v += b; }
    v = activate(v);
    
    
  }
  for (var q = 0u; q < count; q++) { out[o + q * step] = v[q]; }
}

@compute @workgroup_size(8, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(subgroup_invocation_id) sg_lane: u32) {
  let col4 = lid.x;
  let r0 = wg.y * 16u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc1_1 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc2_1 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  var acc3_1 = vec4<f32>();
  var acc4_0 = vec4<f32>();
  var acc4_1 = vec4<f32>();
  var acc5_0 = vec4<f32>();
  var acc5_1 = vec4<f32>();
  var acc6_0 = vec4<f32>();
  var acc6_1 = vec4<f32>();
  var acc7_0 = vec4<f32>();
  var acc7_1 = vec4<f32>();
  var acc8_0 = vec4<f32>();
  var acc8_1 = vec4<f32>();
  var acc9_0 = vec4<f32>();
  var acc9_1 = vec4<f32>();
  var acc10_0 = vec4<f32>();
  var acc10_1 = vec4<f32>();
  var acc11_0 = vec4<f32>();
  var acc11_1 = vec4<f32>();
  var acc12_0 = vec4<f32>();
  var acc12_1 = vec4<f32>();
  var acc13_0 = vec4<f32>();
  var acc13_1 = vec4<f32>();
  var acc14_0 = vec4<f32>();
  var acc14_1 = vec4<f32>();
  var acc15_0 = vec4<f32>();
  var acc15_1 = vec4<f32>();

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w0[w0_at];
    let w0_1 = w0[w0_at + 16u];
    let w0_2 = w0[w0_at + 32u];
    let w0_3 = w0[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w0[w1_at];
    let w1_1 = w0[w1_at + 16u];
    let w1_2 = w0[w1_at + 32u];
    let w1_3 = w0[w1_at + 48u];
    let a_0 = a0[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a0[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a0[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a0[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w1[w0_at];
    let w0_1 = w1[w0_at + 16u];
    let w0_2 = w1[w0_at + 32u];
    let w0_3 = w1[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w1[w1_at];
    let w1_1 = w1[w1_at + 16u];
    let w1_2 = w1[w1_at + 32u];
    let w1_3 = w1[w1_at + 48u];
    let a_0 = a1[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a1[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a1[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a1[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  // Column vec4 j of the lane: c4 within its block (j / TN), first column n (columns past N are not stored).
  let accs = array<vec4<f32>, 32>(acc0_0, acc0_1, acc1_0, acc1_1, acc2_0, acc2_1, acc3_0, acc3_1, acc4_0, acc4_1, acc5_0, acc5_1, acc6_0, acc6_1, acc7_0, acc7_1, acc8_0, acc8_1, acc9_0, acc9_1, acc10_0, acc10_1, acc11_0, acc11_1, acc12_0, acc12_1, acc13_0, acc13_1, acc14_0, acc14_1, acc15_0, acc15_1);
  let biases = array<vec4<f32>, 2>(bias_at(params.n0 + 0u + 4u * (col4 + 0u)), bias_at(params.n0 + 0u + 4u * (col4 + 8u)));
  for (var i = 0u; i < 16u; i++) {
    let m = params.m0 + r0 + i;
    for (var j = 0u; j < 2u; j++) {
      let c4 = col4 + (j % 2u) * 8u;
      store4(m, params.n0 + (j / 2u) * 64u + 4u * c4, accs[i * 2u + j], biases[j]);
    }
  }
}

// ==== matmul-blocked(GP=0,NB=64,P=3,Q=1,SG=4,TM=16,TN=2,activated=false,passes=false,residual=false,wdt=f32)
enable subgroups;
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  ldo: u32,
  out_t: u32,
  m0: u32,
  n0: u32,
  first: u32,
  last: u32,
  alpha: f32,
  kc4: u32,
  h: u32,
  w: u32,
  gh: u32,
  gw: u32,
  pitch: u32,
  o_off: u32,
  act: u32,
  out_kc_log2: u32,
  has_bias: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<uniform> a0: array<vec4<f32>, 4096>;
@group(0) @binding(2) var<uniform> w0: array<vec4<f32>, 4096>;
@group(0) @binding(3) var<uniform> a1: array<vec4<f32>, 4096>;
@group(0) @binding(4) var<uniform> w1: array<vec4<f32>, 4096>;
@group(0) @binding(5) var<uniform> a2: array<vec4<f32>, 4096>;
@group(0) @binding(6) var<uniform> w2: array<vec4<f32>, 4096>;
@group(0) @binding(7) var<storage, read_write> bias: array<f32>;
@group(0) @binding(8) var<storage, read_write> residual: array<f32>;
@group(0) @binding(9) var<storage, read_write> out: array<f32>;

// a_p: [16384 / KC rows][KC] block of A, w_p: [KC][64 cols] block of W^T (KC = 4 kc4) -> out tile [M, N] (or [N, M]) at (m0, n0)

fn activate(x: vec4<f32>) -> vec4<f32> { return x; }

fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = 14u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << 14u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }

// bias[n .. n + 3] (zeros without a bias; indices past N are clamped: those columns are not stored).
fn bias_at(n: u32) -> vec4<f32> {
  if (params.has_bias == 0u) { return vec4<f32>(); }
  let last = params.N - 1u;
  return vec4(bias[min(n, last)], bias[min(n + 1u, last)], bias[min(n + 2u, last)], bias[min(n + 3u, last)]);
}

// Outputs (m, n .. n + 3): one index for the four (they are consecutive in a row-major or blocked
// output, KC being a multiple of 4, and ldo apart in a transposed one).
fn store4(m: u32, n: u32, s: vec4<f32>, b: vec4<f32>) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  var o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
  if (params.out_kc_log2 != 0u) { o = blocked_index(mo, n, blocked_k_count(params.N)); }
  let step = select(1u, params.ldo, params.out_t != 0u);
  let count = min(4u, params.N - n);
  var v = s * params.alpha;
  
  {
    if (params.has_bias != 0u) { v += b; }
    v = activate(v);
    
    
  }
  for (var q = 0u; q < count; q++) { out[o + q * step] = v[q]; }
}

@compute @workgroup_size(8, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(subgroup_invocation_id) sg_lane: u32) {
  let col4 = lid.x;
  let r0 = wg.y * 16u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc1_1 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc2_1 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  var acc3_1 = vec4<f32>();
  var acc4_0 = vec4<f32>();
  var acc4_1 = vec4<f32>();
  var acc5_0 = vec4<f32>();
  var acc5_1 = vec4<f32>();
  var acc6_0 = vec4<f32>();
  var acc6_1 = vec4<f32>();
  var acc7_0 = vec4<f32>();
  var acc7_1 = vec4<f32>();
  var acc8_0 = vec4<f32>();
  var acc8_1 = vec4<f32>();
  var acc9_0 = vec4<f32>();
  var acc9_1 = vec4<f32>();
  var acc10_0 = vec4<f32>();
  var acc10_1 = vec4<f32>();
  var acc11_0 = vec4<f32>();
  var acc11_1 = vec4<f32>();
  var acc12_0 = vec4<f32>();
  var acc12_1 = vec4<f32>();
  var acc13_0 = vec4<f32>();
  var acc13_1 = vec4<f32>();
  var acc14_0 = vec4<f32>();
  var acc14_1 = vec4<f32>();
  var acc15_0 = vec4<f32>();
  var acc15_1 = vec4<f32>();

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w0[w0_at];
    let w0_1 = w0[w0_at + 16u];
    let w0_2 = w0[w0_at + 32u];
    let w0_3 = w0[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w0[w1_at];
    let w1_1 = w0[w1_at + 16u];
    let w1_2 = w0[w1_at + 32u];
    let w1_3 = w0[w1_at + 48u];
    let a_0 = a0[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a0[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a0[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a0[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w1[w0_at];
    let w0_1 = w1[w0_at + 16u];
    let w0_2 = w1[w0_at + 32u];
    let w0_3 = w1[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w1[w1_at];
    let w1_1 = w1[w1_at + 16u];
    let w1_2 = w1[w1_at + 32u];
    let w1_3 = w1[w1_at + 48u];
    let a_0 = a1[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a1[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a1[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a1[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w2[w0_at];
    let w0_1 = w2[w0_at + 16u];
    let w0_2 = w2[w0_at + 32u];
    let w0_3 = w2[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w2[w1_at];
    let w1_1 = w2[w1_at + 16u];
    let w1_2 = w2[w1_at + 32u];
    let w1_3 = w2[w1_at + 48u];
    let a_0 = a2[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a2[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a2[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a2[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  // Column vec4 j of the lane: c4 within its block (j / TN), first column n (columns past N are not stored).
  let accs = array<vec4<f32>, 32>(acc0_0, acc0_1, acc1_0, acc1_1, acc2_0, acc2_1, acc3_0, acc3_1, acc4_0, acc4_1, acc5_0, acc5_1, acc6_0, acc6_1, acc7_0, acc7_1, acc8_0, acc8_1, acc9_0, acc9_1, acc10_0, acc10_1, acc11_0, acc11_1, acc12_0, acc12_1, acc13_0, acc13_1, acc14_0, acc14_1, acc15_0, acc15_1);
  let biases = array<vec4<f32>, 2>(bias_at(params.n0 + 0u + 4u * (col4 + 0u)), bias_at(params.n0 + 0u + 4u * (col4 + 8u)));
  for (var i = 0u; i < 16u; i++) {
    let m = params.m0 + r0 + i;
    for (var j = 0u; j < 2u; j++) {
      let c4 = col4 + (j % 2u) * 8u;
      store4(m, params.n0 + (j / 2u) * 64u + 4u * c4, accs[i * 2u + j], biases[j]);
    }
  }
}

// ==== matmul-blocked(GP=0,NB=64,P=3,Q=1,SG=4,TM=16,TN=2,activated=false,passes=false,residual=true,wdt=f32)
enable subgroups;
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  ldo: u32,
  out_t: u32,
  m0: u32,
  n0: u32,
  first: u32,
  last: u32,
  alpha: f32,
  kc4: u32,
  h: u32,
  w: u32,
  gh: u32,
  gw: u32,
  pitch: u32,
  o_off: u32,
  act: u32,
  out_kc_log2: u32,
  has_bias: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<uniform> a0: array<vec4<f32>, 4096>;
@group(0) @binding(2) var<uniform> w0: array<vec4<f32>, 4096>;
@group(0) @binding(3) var<uniform> a1: array<vec4<f32>, 4096>;
@group(0) @binding(4) var<uniform> w1: array<vec4<f32>, 4096>;
@group(0) @binding(5) var<uniform> a2: array<vec4<f32>, 4096>;
@group(0) @binding(6) var<uniform> w2: array<vec4<f32>, 4096>;
@group(0) @binding(7) var<storage, read_write> bias: array<f32>;
@group(0) @binding(8) var<storage, read_write> residual: array<f32>;
@group(0) @binding(9) var<storage, read_write> out: array<f32>;

// a_p: [16384 / KC rows][KC] block of A, w_p: [KC][64 cols] block of W^T (KC = 4 kc4) -> out tile [M, N] (or [N, M]) at (m0, n0)

fn activate(x: vec4<f32>) -> vec4<f32> { return x; }

fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = 14u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << 14u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }

// bias[n .. n + 3] (zeros without a bias; indices past N are clamped: those columns are not stored).
fn bias_at(n: u32) -> vec4<f32> {
  if (params.has_bias == 0u) { return vec4<f32>(); }
  let last = params.N - 1u;
  return vec4(bias[min(n, last)], bias[min(n + 1u, last)], bias[min(n + 2u, last)], bias[min(n + 3u, last)]);
}

// Outputs (m, n .. n + 3): one index for the four (they are consecutive in a row-major or blocked
// output, KC being a multiple of 4, and ldo apart in a transposed one).
fn store4(m: u32, n: u32, s: vec4<f32>, b: vec4<f32>) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  var o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
  if (params.out_kc_log2 != 0u) { o = blocked_index(mo, n, blocked_k_count(params.N)); }
  let step = select(1u, params.ldo, params.out_t != 0u);
  let count = min(4u, params.N - n);
  var v = s * params.alpha;
  
  {
    if (params.has_bias != 0u) { v += b; }
    v = activate(v);
    
    for (var q = 0u; q < count; q++) { v[q] += residual[o + q * step]; }
  }
  for (var q = 0u; q < count; q++) { out[o + q * step] = v[q]; }
}

@compute @workgroup_size(8, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(subgroup_invocation_id) sg_lane: u32) {
  let col4 = lid.x;
  let r0 = wg.y * 16u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc1_1 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc2_1 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  var acc3_1 = vec4<f32>();
  var acc4_0 = vec4<f32>();
  var acc4_1 = vec4<f32>();
  var acc5_0 = vec4<f32>();
  var acc5_1 = vec4<f32>();
  var acc6_0 = vec4<f32>();
  var acc6_1 = vec4<f32>();
  var acc7_0 = vec4<f32>();
  var acc7_1 = vec4<f32>();
  var acc8_0 = vec4<f32>();
  var acc8_1 = vec4<f32>();
  var acc9_0 = vec4<f32>();
  var acc9_1 = vec4<f32>();
  var acc10_0 = vec4<f32>();
  var acc10_1 = vec4<f32>();
  var acc11_0 = vec4<f32>();
  var acc11_1 = vec4<f32>();
  var acc12_0 = vec4<f32>();
  var acc12_1 = vec4<f32>();
  var acc13_0 = vec4<f32>();
  var acc13_1 = vec4<f32>();
  var acc14_0 = vec4<f32>();
  var acc14_1 = vec4<f32>();
  var acc15_0 = vec4<f32>();
  var acc15_1 = vec4<f32>();

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w0[w0_at];
    let w0_1 = w0[w0_at + 16u];
    let w0_2 = w0[w0_at + 32u];
    let w0_3 = w0[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w0[w1_at];
    let w1_1 = w0[w1_at + 16u];
    let w1_2 = w0[w1_at + 32u];
    let w1_3 = w0[w1_at + 48u];
    let a_0 = a0[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a0[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a0[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a0[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w1[w0_at];
    let w0_1 = w1[w0_at + 16u];
    let w0_2 = w1[w0_at + 32u];
    let w0_3 = w1[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w1[w1_at];
    let w1_1 = w1[w1_at + 16u];
    let w1_2 = w1[w1_at + 32u];
    let w1_3 = w1[w1_at + 48u];
    let a_0 = a1[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a1[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a1[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a1[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w2[w0_at];
    let w0_1 = w2[w0_at + 16u];
    let w0_2 = w2[w0_at + 32u];
    let w0_3 = w2[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w2[w1_at];
    let w1_1 = w2[w1_at + 16u];
    let w1_2 = w2[w1_at + 32u];
    let w1_3 = w2[w1_at + 48u];
    let a_0 = a2[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a2[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a2[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a2[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  // Column vec4 j of the lane: c4 within its block (j / TN), first column n (columns past N are not stored).
  let accs = array<vec4<f32>, 32>(acc0_0, acc0_1, acc1_0, acc1_1, acc2_0, acc2_1, acc3_0, acc3_1, acc4_0, acc4_1, acc5_0, acc5_1, acc6_0, acc6_1, acc7_0, acc7_1, acc8_0, acc8_1, acc9_0, acc9_1, acc10_0, acc10_1, acc11_0, acc11_1, acc12_0, acc12_1, acc13_0, acc13_1, acc14_0, acc14_1, acc15_0, acc15_1);
  let biases = array<vec4<f32>, 2>(bias_at(params.n0 + 0u + 4u * (col4 + 0u)), bias_at(params.n0 + 0u + 4u * (col4 + 8u)));
  for (var i = 0u; i < 16u; i++) {
    let m = params.m0 + r0 + i;
    for (var j = 0u; j < 2u; j++) {
      let c4 = col4 + (j % 2u) * 8u;
      store4(m, params.n0 + (j / 2u) * 64u + 4u * c4, accs[i * 2u + j], biases[j]);
    }
  }
}

// ==== matmul-blocked(GP=0,NB=64,P=3,Q=1,SG=4,TM=16,TN=2,activated=true,passes=false,residual=false,wdt=f32)
enable subgroups;
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  ldo: u32,
  out_t: u32,
  m0: u32,
  n0: u32,
  first: u32,
  last: u32,
  alpha: f32,
  kc4: u32,
  h: u32,
  w: u32,
  gh: u32,
  gw: u32,
  pitch: u32,
  o_off: u32,
  act: u32,
  out_kc_log2: u32,
  has_bias: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<uniform> a0: array<vec4<f32>, 4096>;
@group(0) @binding(2) var<uniform> w0: array<vec4<f32>, 4096>;
@group(0) @binding(3) var<uniform> a1: array<vec4<f32>, 4096>;
@group(0) @binding(4) var<uniform> w1: array<vec4<f32>, 4096>;
@group(0) @binding(5) var<uniform> a2: array<vec4<f32>, 4096>;
@group(0) @binding(6) var<uniform> w2: array<vec4<f32>, 4096>;
@group(0) @binding(7) var<storage, read_write> bias: array<f32>;
@group(0) @binding(8) var<storage, read_write> residual: array<f32>;
@group(0) @binding(9) var<storage, read_write> out: array<f32>;

// a_p: [16384 / KC rows][KC] block of A, w_p: [KC][64 cols] block of W^T (KC = 4 kc4) -> out tile [M, N] (or [N, M]) at (m0, n0)


fn erf_vec4(v: vec4<f32>) -> vec4<f32> {
  let x = clamp(v, vec4(-4.0), vec4(4.0));
  let x2 = x * x;
  var p = x2 * -2.72614225801306e-10 + 2.77068142495902e-08;
  p = x2 * p - 2.10102402082508e-06;
  p = x2 * p - 5.69250639462346e-05;
  p = x2 * p - 7.34990630326855e-04;
  p = x2 * p - 2.95459980854025e-03;
  p = x2 * p - 1.60960333262415e-02;
  var q = x2 * -1.45660718464996e-05 - 2.13374055278905e-04;
  q = x2 * q - 1.68282697438203e-03;
  q = x2 * q - 7.37332916720468e-03;
  q = x2 * q - 1.42647390514189e-02;
  return x * p / q;
}

fn activate(x: vec4<f32>) -> vec4<f32> {
  switch params.act {
    case 1u: { return max(x, vec4(0.0)); }
    case 2u: { return 0.5 * x * (1.0 + erf_vec4(x * 0.7071067811865476)); }
    case 3u: { return tanh(clamp(x, vec4(-15.0), vec4(15.0))); }
    case 4u: { return 1.0 / (1.0 + exp(-x)); }
    case 5u: { return min(max(x + 3.0, vec4(0.0)), vec4(6.0)) / 6.0; }
    default: { return x; }
  }
}


fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = 14u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << 14u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }

// bias[n .. n + 3] (zeros without a bias; indices past N are clamped: those columns are not stored).
fn bias_at(n: u32) -> vec4<f32> {
  if (params.has_bias == 0u) { return vec4<f32>(); }
  let last = params.N - 1u;
  return vec4(bias[min(n, last)], bias[min(n + 1u, last)], bias[min(n + 2u, last)], bias[min(n + 3u, last)]);
}

// Outputs (m, n .. n + 3): one index for the four (they are consecutive in a row-major or blocked
// output, KC being a multiple of 4, and ldo apart in a transposed one).
fn store4(m: u32, n: u32, s: vec4<f32>, b: vec4<f32>) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  var o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
  if (params.out_kc_log2 != 0u) { o = blocked_index(mo, n, blocked_k_count(params.N)); }
  let step = select(1u, params.ldo, params.out_t != 0u);
  let count = min(4u, params.N - n);
  var v = s * params.alpha;
  
  {
    if (params.has_bias != 0u) { v += b; }
    v = activate(v);
    
    
  }
  for (var q = 0u; q < count; q++) { out[o + q * step] = v[q]; }
}

@compute @workgroup_size(8, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(subgroup_invocation_id) sg_lane: u32) {
  let col4 = lid.x;
  let r0 = wg.y * 16u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc1_1 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc2_1 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  var acc3_1 = vec4<f32>();
  var acc4_0 = vec4<f32>();
  var acc4_1 = vec4<f32>();
  var acc5_0 = vec4<f32>();
  var acc5_1 = vec4<f32>();
  var acc6_0 = vec4<f32>();
  var acc6_1 = vec4<f32>();
  var acc7_0 = vec4<f32>();
  var acc7_1 = vec4<f32>();
  var acc8_0 = vec4<f32>();
  var acc8_1 = vec4<f32>();
  var acc9_0 = vec4<f32>();
  var acc9_1 = vec4<f32>();
  var acc10_0 = vec4<f32>();
  var acc10_1 = vec4<f32>();
  var acc11_0 = vec4<f32>();
  var acc11_1 = vec4<f32>();
  var acc12_0 = vec4<f32>();
  var acc12_1 = vec4<f32>();
  var acc13_0 = vec4<f32>();
  var acc13_1 = vec4<f32>();
  var acc14_0 = vec4<f32>();
  var acc14_1 = vec4<f32>();
  var acc15_0 = vec4<f32>();
  var acc15_1 = vec4<f32>();

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w0[w0_at];
    let w0_1 = w0[w0_at + 16u];
    let w0_2 = w0[w0_at + 32u];
    let w0_3 = w0[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w0[w1_at];
    let w1_1 = w0[w1_at + 16u];
    let w1_2 = w0[w1_at + 32u];
    let w1_3 = w0[w1_at + 48u];
    let a_0 = a0[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a0[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a0[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a0[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w1[w0_at];
    let w0_1 = w1[w0_at + 16u];
    let w0_2 = w1[w0_at + 32u];
    let w0_3 = w1[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w1[w1_at];
    let w1_1 = w1[w1_at + 16u];
    let w1_2 = w1[w1_at + 32u];
    let w1_3 = w1[w1_at + 48u];
    let a_0 = a1[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a1[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a1[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a1[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w2[w0_at];
    let w0_1 = w2[w0_at + 16u];
    let w0_2 = w2[w0_at + 32u];
    let w0_3 = w2[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w2[w1_at];
    let w1_1 = w2[w1_at + 16u];
    let w1_2 = w2[w1_at + 32u];
    let w1_3 = w2[w1_at + 48u];
    let a_0 = a2[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a2[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a2[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a2[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  // Column vec4 j of the lane: c4 within its block (j / TN), first column n (columns past N are not stored).
  let accs = array<vec4<f32>, 32>(acc0_0, acc0_1, acc1_0, acc1_1, acc2_0, acc2_1, acc3_0, acc3_1, acc4_0, acc4_1, acc5_0, acc5_1, acc6_0, acc6_1, acc7_0, acc7_1, acc8_0, acc8_1, acc9_0, acc9_1, acc10_0, acc10_1, acc11_0, acc11_1, acc12_0, acc12_1, acc13_0, acc13_1, acc14_0, acc14_1, acc15_0, acc15_1);
  let biases = array<vec4<f32>, 2>(bias_at(params.n0 + 0u + 4u * (col4 + 0u)), bias_at(params.n0 + 0u + 4u * (col4 + 8u)));
  for (var i = 0u; i < 16u; i++) {
    let m = params.m0 + r0 + i;
    for (var j = 0u; j < 2u; j++) {
      let c4 = col4 + (j % 2u) * 8u;
      store4(m, params.n0 + (j / 2u) * 64u + 4u * c4, accs[i * 2u + j], biases[j]);
    }
  }
}

// ==== matmul-blocked(GP=0,NB=64,P=3,Q=1,SG=4,TM=16,TN=2,activated=true,passes=true,residual=false,wdt=f32)
enable subgroups;
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  ldo: u32,
  out_t: u32,
  m0: u32,
  n0: u32,
  first: u32,
  last: u32,
  alpha: f32,
  kc4: u32,
  h: u32,
  w: u32,
  gh: u32,
  gw: u32,
  pitch: u32,
  o_off: u32,
  act: u32,
  out_kc_log2: u32,
  has_bias: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<uniform> a0: array<vec4<f32>, 4096>;
@group(0) @binding(2) var<uniform> w0: array<vec4<f32>, 4096>;
@group(0) @binding(3) var<uniform> a1: array<vec4<f32>, 4096>;
@group(0) @binding(4) var<uniform> w1: array<vec4<f32>, 4096>;
@group(0) @binding(5) var<uniform> a2: array<vec4<f32>, 4096>;
@group(0) @binding(6) var<uniform> w2: array<vec4<f32>, 4096>;
@group(0) @binding(7) var<storage, read_write> bias: array<f32>;
@group(0) @binding(8) var<storage, read_write> residual: array<f32>;
@group(0) @binding(9) var<storage, read_write> out: array<f32>;

// a_p: [16384 / KC rows][KC] block of A, w_p: [KC][64 cols] block of W^T (KC = 4 kc4) -> out tile [M, N] (or [N, M]) at (m0, n0)


fn erf_vec4(v: vec4<f32>) -> vec4<f32> {
  let x = clamp(v, vec4(-4.0), vec4(4.0));
  let x2 = x * x;
  var p = x2 * -2.72614225801306e-10 + 2.77068142495902e-08;
  p = x2 * p - 2.10102402082508e-06;
  p = x2 * p - 5.69250639462346e-05;
  p = x2 * p - 7.34990630326855e-04;
  p = x2 * p - 2.95459980854025e-03;
  p = x2 * p - 1.60960333262415e-02;
  var q = x2 * -1.45660718464996e-05 - 2.13374055278905e-04;
  q = x2 * q - 1.68282697438203e-03;
  q = x2 * q - 7.37332916720468e-03;
  q = x2 * q - 1.42647390514189e-02;
  return x * p / q;
}

fn activate(x: vec4<f32>) -> vec4<f32> {
  switch params.act {
    case 1u: { return max(x, vec4(0.0)); }
    case 2u: { return 0.5 * x * (1.0 + erf_vec4(x * 0.7071067811865476)); }
    case 3u: { return tanh(clamp(x, vec4(-15.0), vec4(15.0))); }
    case 4u: { return 1.0 / (1.0 + exp(-x)); }
    case 5u: { return min(max(x + 3.0, vec4(0.0)), vec4(6.0)) / 6.0; }
    default: { return x; }
  }
}


fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = 14u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << 14u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }

// bias[n .. n + 3] (zeros without a bias; indices past N are clamped: those columns are not stored).
fn bias_at(n: u32) -> vec4<f32> {
  if (params.has_bias == 0u) { return vec4<f32>(); }
  let last = params.N - 1u;
  return vec4(bias[min(n, last)], bias[min(n + 1u, last)], bias[min(n + 2u, last)], bias[min(n + 3u, last)]);
}

// Outputs (m, n .. n + 3): one index for the four (they are consecutive in a row-major or blocked
// output, KC being a multiple of 4, and ldo apart in a transposed one).
fn store4(m: u32, n: u32, s: vec4<f32>, b: vec4<f32>) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  var o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
  if (params.out_kc_log2 != 0u) { o = blocked_index(mo, n, blocked_k_count(params.N)); }
  let step = select(1u, params.ldo, params.out_t != 0u);
  let count = min(4u, params.N - n);
  var v = s * params.alpha;
  if (params.first == 0u) { for (var q = 0u; q < count; q++) { v[q] += out[o + q * step]; } }
  if (params.last != 0u) {
    if (params.has_bias != 0u) { v += b; }
    v = activate(v);
    
    
  }
  for (var q = 0u; q < count; q++) { out[o + q * step] = v[q]; }
}

@compute @workgroup_size(8, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(subgroup_invocation_id) sg_lane: u32) {
  let col4 = lid.x;
  let r0 = wg.y * 16u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc1_1 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc2_1 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  var acc3_1 = vec4<f32>();
  var acc4_0 = vec4<f32>();
  var acc4_1 = vec4<f32>();
  var acc5_0 = vec4<f32>();
  var acc5_1 = vec4<f32>();
  var acc6_0 = vec4<f32>();
  var acc6_1 = vec4<f32>();
  var acc7_0 = vec4<f32>();
  var acc7_1 = vec4<f32>();
  var acc8_0 = vec4<f32>();
  var acc8_1 = vec4<f32>();
  var acc9_0 = vec4<f32>();
  var acc9_1 = vec4<f32>();
  var acc10_0 = vec4<f32>();
  var acc10_1 = vec4<f32>();
  var acc11_0 = vec4<f32>();
  var acc11_1 = vec4<f32>();
  var acc12_0 = vec4<f32>();
  var acc12_1 = vec4<f32>();
  var acc13_0 = vec4<f32>();
  var acc13_1 = vec4<f32>();
  var acc14_0 = vec4<f32>();
  var acc14_1 = vec4<f32>();
  var acc15_0 = vec4<f32>();
  var acc15_1 = vec4<f32>();

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w0[w0_at];
    let w0_1 = w0[w0_at + 16u];
    let w0_2 = w0[w0_at + 32u];
    let w0_3 = w0[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w0[w1_at];
    let w1_1 = w0[w1_at + 16u];
    let w1_2 = w0[w1_at + 32u];
    let w1_3 = w0[w1_at + 48u];
    let a_0 = a0[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a0[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a0[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a0[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w1[w0_at];
    let w0_1 = w1[w0_at + 16u];
    let w0_2 = w1[w0_at + 32u];
    let w0_3 = w1[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w1[w1_at];
    let w1_1 = w1[w1_at + 16u];
    let w1_2 = w1[w1_at + 32u];
    let w1_3 = w1[w1_at + 48u];
    let a_0 = a1[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a1[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a1[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a1[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w2[w0_at];
    let w0_1 = w2[w0_at + 16u];
    let w0_2 = w2[w0_at + 32u];
    let w0_3 = w2[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w2[w1_at];
    let w1_1 = w2[w1_at + 16u];
    let w1_2 = w2[w1_at + 32u];
    let w1_3 = w2[w1_at + 48u];
    let a_0 = a2[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a2[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a2[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a2[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  // Column vec4 j of the lane: c4 within its block (j / TN), first column n (columns past N are not stored).
  let accs = array<vec4<f32>, 32>(acc0_0, acc0_1, acc1_0, acc1_1, acc2_0, acc2_1, acc3_0, acc3_1, acc4_0, acc4_1, acc5_0, acc5_1, acc6_0, acc6_1, acc7_0, acc7_1, acc8_0, acc8_1, acc9_0, acc9_1, acc10_0, acc10_1, acc11_0, acc11_1, acc12_0, acc12_1, acc13_0, acc13_1, acc14_0, acc14_1, acc15_0, acc15_1);
  let biases = array<vec4<f32>, 2>(bias_at(params.n0 + 0u + 4u * (col4 + 0u)), bias_at(params.n0 + 0u + 4u * (col4 + 8u)));
  for (var i = 0u; i < 16u; i++) {
    let m = params.m0 + r0 + i;
    for (var j = 0u; j < 2u; j++) {
      let c4 = col4 + (j % 2u) * 8u;
      store4(m, params.n0 + (j / 2u) * 64u + 4u * c4, accs[i * 2u + j], biases[j]);
    }
  }
}

// ==== matmul-blocked(GP=0,NB=64,P=3,Q=2,SG=4,TM=12,TN=2,activated=false,passes=false,residual=false,wdt=f32)
enable subgroups;
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  ldo: u32,
  out_t: u32,
  m0: u32,
  n0: u32,
  first: u32,
  last: u32,
  alpha: f32,
  kc4: u32,
  h: u32,
  w: u32,
  gh: u32,
  gw: u32,
  pitch: u32,
  o_off: u32,
  act: u32,
  out_kc_log2: u32,
  has_bias: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<uniform> a0: array<vec4<f32>, 4096>;
@group(0) @binding(2) var<uniform> w0: array<vec4<f32>, 4096>;
@group(0) @binding(3) var<uniform> w1: array<vec4<f32>, 4096>;
@group(0) @binding(4) var<uniform> a1: array<vec4<f32>, 4096>;
@group(0) @binding(5) var<uniform> w2: array<vec4<f32>, 4096>;
@group(0) @binding(6) var<uniform> w3: array<vec4<f32>, 4096>;
@group(0) @binding(7) var<uniform> a2: array<vec4<f32>, 4096>;
@group(0) @binding(8) var<uniform> w4: array<vec4<f32>, 4096>;
@group(0) @binding(9) var<uniform> w5: array<vec4<f32>, 4096>;
@group(0) @binding(10) var<storage, read_write> bias: array<f32>;
@group(0) @binding(11) var<storage, read_write> residual: array<f32>;
@group(0) @binding(12) var<storage, read_write> out: array<f32>;

// a_p: [16384 / KC rows][KC] block of A, w_p: [KC][64 cols] block of W^T (KC = 4 kc4) -> out tile [M, N] (or [N, M]) at (m0, n0)

fn activate(x: vec4<f32>) -> vec4<f32> { return x; }

fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = 14u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << 14u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }

// bias[n .. n + 3] (zeros without a bias; indices past N are clamped: those columns are not stored).
fn bias_at(n: u32) -> vec4<f32> {
  if (params.has_bias == 0u) { return vec4<f32>(); }
  let last = params.N - 1u;
  return vec4(bias[min(n, last)], bias[min(n + 1u, last)], bias[min(n + 2u, last)], bias[min(n + 3u, last)]);
}

// Outputs (m, n .. n + 3): one index for the four (they are consecutive in a row-major or blocked
// output, KC being a multiple of 4, and ldo apart in a transposed one).
fn store4(m: u32, n: u32, s: vec4<f32>, b: vec4<f32>) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  var o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
  if (params.out_kc_log2 != 0u) { o = blocked_index(mo, n, blocked_k_count(params.N)); }
  let step = select(1u, params.ldo, params.out_t != 0u);
  let count = min(4u, params.N - n);
  var v = s * params.alpha;
  
  {
    if (params.has_bias != 0u) { v += b; }
    v = activate(v);
    
    
  }
  for (var q = 0u; q < count; q++) { out[o + q * step] = v[q]; }
}

@compute @workgroup_size(8, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(subgroup_invocation_id) sg_lane: u32) {
  let col4 = lid.x;
  let r0 = wg.y * 12u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  var acc0_2 = vec4<f32>();
  var acc0_3 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc1_1 = vec4<f32>();
  var acc1_2 = vec4<f32>();
  var acc1_3 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc2_1 = vec4<f32>();
  var acc2_2 = vec4<f32>();
  var acc2_3 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  var acc3_1 = vec4<f32>();
  var acc3_2 = vec4<f32>();
  var acc3_3 = vec4<f32>();
  var acc4_0 = vec4<f32>();
  var acc4_1 = vec4<f32>();
  var acc4_2 = vec4<f32>();
  var acc4_3 = vec4<f32>();
  var acc5_0 = vec4<f32>();
  var acc5_1 = vec4<f32>();
  var acc5_2 = vec4<f32>();
  var acc5_3 = vec4<f32>();
  var acc6_0 = vec4<f32>();
  var acc6_1 = vec4<f32>();
  var acc6_2 = vec4<f32>();
  var acc6_3 = vec4<f32>();
  var acc7_0 = vec4<f32>();
  var acc7_1 = vec4<f32>();
  var acc7_2 = vec4<f32>();
  var acc7_3 = vec4<f32>();
  var acc8_0 = vec4<f32>();
  var acc8_1 = vec4<f32>();
  var acc8_2 = vec4<f32>();
  var acc8_3 = vec4<f32>();
  var acc9_0 = vec4<f32>();
  var acc9_1 = vec4<f32>();
  var acc9_2 = vec4<f32>();
  var acc9_3 = vec4<f32>();
  var acc10_0 = vec4<f32>();
  var acc10_1 = vec4<f32>();
  var acc10_2 = vec4<f32>();
  var acc10_3 = vec4<f32>();
  var acc11_0 = vec4<f32>();
  var acc11_1 = vec4<f32>();
  var acc11_2 = vec4<f32>();
  var acc11_3 = vec4<f32>();

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w0[w0_at];
    let w0_1 = w0[w0_at + 16u];
    let w0_2 = w0[w0_at + 32u];
    let w0_3 = w0[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w0[w1_at];
    let w1_1 = w0[w1_at + 16u];
    let w1_2 = w0[w1_at + 32u];
    let w1_3 = w0[w1_at + 48u];
    let w2_at = k4 * 64u + col4;
    let w2_0 = w1[w2_at];
    let w2_1 = w1[w2_at + 16u];
    let w2_2 = w1[w2_at + 32u];
    let w2_3 = w1[w2_at + 48u];
    let w3_at = k4 * 64u + col4 + 8u;
    let w3_0 = w1[w3_at];
    let w3_1 = w1[w3_at + 16u];
    let w3_2 = w1[w3_at + 32u];
    let w3_3 = w1[w3_at + 48u];
    let a_0 = a0[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a0[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a0[(r0 + 8u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); acc0_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc0_2)))); acc0_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc0_3)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); acc1_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc1_2)))); acc1_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc1_3)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); acc2_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc2_2)))); acc2_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc2_3)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); acc3_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc3_2)))); acc3_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc3_3)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); acc4_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc4_2)))); acc4_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc4_3)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); acc5_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc5_2)))); acc5_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc5_3)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); acc6_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc6_2)))); acc6_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc6_3)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); acc7_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc7_2)))); acc7_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc7_3)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); acc8_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc8_2)))); acc8_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc8_3)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); acc9_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc9_2)))); acc9_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc9_3)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); acc10_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc10_2)))); acc10_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc10_3)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); acc11_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc11_2)))); acc11_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc11_3)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w2[w0_at];
    let w0_1 = w2[w0_at + 16u];
    let w0_2 = w2[w0_at + 32u];
    let w0_3 = w2[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w2[w1_at];
    let w1_1 = w2[w1_at + 16u];
    let w1_2 = w2[w1_at + 32u];
    let w1_3 = w2[w1_at + 48u];
    let w2_at = k4 * 64u + col4;
    let w2_0 = w3[w2_at];
    let w2_1 = w3[w2_at + 16u];
    let w2_2 = w3[w2_at + 32u];
    let w2_3 = w3[w2_at + 48u];
    let w3_at = k4 * 64u + col4 + 8u;
    let w3_0 = w3[w3_at];
    let w3_1 = w3[w3_at + 16u];
    let w3_2 = w3[w3_at + 32u];
    let w3_3 = w3[w3_at + 48u];
    let a_0 = a1[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a1[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a1[(r0 + 8u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); acc0_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc0_2)))); acc0_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc0_3)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); acc1_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc1_2)))); acc1_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc1_3)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); acc2_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc2_2)))); acc2_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc2_3)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); acc3_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc3_2)))); acc3_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc3_3)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); acc4_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc4_2)))); acc4_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc4_3)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); acc5_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc5_2)))); acc5_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc5_3)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); acc6_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc6_2)))); acc6_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc6_3)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); acc7_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc7_2)))); acc7_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc7_3)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); acc8_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc8_2)))); acc8_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc8_3)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); acc9_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc9_2)))); acc9_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc9_3)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); acc10_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc10_2)))); acc10_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc10_3)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); acc11_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc11_2)))); acc11_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc11_3)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w4[w0_at];
    let w0_1 = w4[w0_at + 16u];
    let w0_2 = w4[w0_at + 32u];
    let w0_3 = w4[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w4[w1_at];
    let w1_1 = w4[w1_at + 16u];
    let w1_2 = w4[w1_at + 32u];
    let w1_3 = w4[w1_at + 48u];
    let w2_at = k4 * 64u + col4;
    let w2_0 = w5[w2_at];
    let w2_1 = w5[w2_at + 16u];
    let w2_2 = w5[w2_at + 32u];
    let w2_3 = w5[w2_at + 48u];
    let w3_at = k4 * 64u + col4 + 8u;
    let w3_0 = w5[w3_at];
    let w3_1 = w5[w3_at + 16u];
    let w3_2 = w5[w3_at + 32u];
    let w3_3 = w5[w3_at + 48u];
    let a_0 = a2[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a2[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a2[(r0 + 8u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); acc0_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc0_2)))); acc0_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc0_3)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); acc1_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc1_2)))); acc1_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc1_3)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); acc2_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc2_2)))); acc2_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc2_3)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); acc3_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc3_2)))); acc3_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc3_3)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); acc4_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc4_2)))); acc4_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc4_3)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); acc5_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc5_2)))); acc5_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc5_3)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); acc6_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc6_2)))); acc6_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc6_3)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); acc7_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc7_2)))); acc7_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc7_3)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); acc8_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc8_2)))); acc8_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc8_3)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); acc9_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc9_2)))); acc9_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc9_3)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); acc10_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc10_2)))); acc10_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc10_3)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); acc11_2 = fma(vec4(a.x), w2_0, fma(vec4(a.y), w2_1, fma(vec4(a.z), w2_2, fma(vec4(a.w), w2_3, acc11_2)))); acc11_3 = fma(vec4(a.x), w3_0, fma(vec4(a.y), w3_1, fma(vec4(a.z), w3_2, fma(vec4(a.w), w3_3, acc11_3)))); }
  }
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  // Column vec4 j of the lane: c4 within its block (j / TN), first column n (columns past N are not stored).
  let accs = array<vec4<f32>, 48>(acc0_0, acc0_1, acc0_2, acc0_3, acc1_0, acc1_1, acc1_2, acc1_3, acc2_0, acc2_1, acc2_2, acc2_3, acc3_0, acc3_1, acc3_2, acc3_3, acc4_0, acc4_1, acc4_2, acc4_3, acc5_0, acc5_1, acc5_2, acc5_3, acc6_0, acc6_1, acc6_2, acc6_3, acc7_0, acc7_1, acc7_2, acc7_3, acc8_0, acc8_1, acc8_2, acc8_3, acc9_0, acc9_1, acc9_2, acc9_3, acc10_0, acc10_1, acc10_2, acc10_3, acc11_0, acc11_1, acc11_2, acc11_3);
  let biases = array<vec4<f32>, 4>(bias_at(params.n0 + 0u + 4u * (col4 + 0u)), bias_at(params.n0 + 0u + 4u * (col4 + 8u)), bias_at(params.n0 + 64u + 4u * (col4 + 0u)), bias_at(params.n0 + 64u + 4u * (col4 + 8u)));
  for (var i = 0u; i < 12u; i++) {
    let m = params.m0 + r0 + i;
    for (var j = 0u; j < 4u; j++) {
      let c4 = col4 + (j % 2u) * 8u;
      store4(m, params.n0 + (j / 2u) * 64u + 4u * c4, accs[i * 4u + j], biases[j]);
    }
  }
}

// ==== matmul-blocked(GP=0,NB=64,P=4,Q=1,SG=4,TM=16,TN=2,activated=false,passes=false,residual=false,wdt=f32)
enable subgroups;
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  ldo: u32,
  out_t: u32,
  m0: u32,
  n0: u32,
  first: u32,
  last: u32,
  alpha: f32,
  kc4: u32,
  h: u32,
  w: u32,
  gh: u32,
  gw: u32,
  pitch: u32,
  o_off: u32,
  act: u32,
  out_kc_log2: u32,
  has_bias: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<uniform> a0: array<vec4<f32>, 4096>;
@group(0) @binding(2) var<uniform> w0: array<vec4<f32>, 4096>;
@group(0) @binding(3) var<uniform> a1: array<vec4<f32>, 4096>;
@group(0) @binding(4) var<uniform> w1: array<vec4<f32>, 4096>;
@group(0) @binding(5) var<uniform> a2: array<vec4<f32>, 4096>;
@group(0) @binding(6) var<uniform> w2: array<vec4<f32>, 4096>;
@group(0) @binding(7) var<uniform> a3: array<vec4<f32>, 4096>;
@group(0) @binding(8) var<uniform> w3: array<vec4<f32>, 4096>;
@group(0) @binding(9) var<storage, read_write> bias: array<f32>;
@group(0) @binding(10) var<storage, read_write> residual: array<f32>;
@group(0) @binding(11) var<storage, read_write> out: array<f32>;

// a_p: [16384 / KC rows][KC] block of A, w_p: [KC][64 cols] block of W^T (KC = 4 kc4) -> out tile [M, N] (or [N, M]) at (m0, n0)

fn activate(x: vec4<f32>) -> vec4<f32> { return x; }

fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = 14u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << 14u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }

// bias[n .. n + 3] (zeros without a bias; indices past N are clamped: those columns are not stored).
fn bias_at(n: u32) -> vec4<f32> {
  if (params.has_bias == 0u) { return vec4<f32>(); }
  let last = params.N - 1u;
  return vec4(bias[min(n, last)], bias[min(n + 1u, last)], bias[min(n + 2u, last)], bias[min(n + 3u, last)]);
}

// Outputs (m, n .. n + 3): one index for the four (they are consecutive in a row-major or blocked
// output, KC being a multiple of 4, and ldo apart in a transposed one).
fn store4(m: u32, n: u32, s: vec4<f32>, b: vec4<f32>) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  var o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
  if (params.out_kc_log2 != 0u) { o = blocked_index(mo, n, blocked_k_count(params.N)); }
  let step = select(1u, params.ldo, params.out_t != 0u);
  let count = min(4u, params.N - n);
  var v = s * params.alpha;
  
  {
    if (params.has_bias != 0u) { v += b; }
    v = activate(v);
    
    
  }
  for (var q = 0u; q < count; q++) { out[o + q * step] = v[q]; }
}

@compute @workgroup_size(8, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(subgroup_invocation_id) sg_lane: u32) {
  let col4 = lid.x;
  let r0 = wg.y * 16u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc1_1 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc2_1 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  var acc3_1 = vec4<f32>();
  var acc4_0 = vec4<f32>();
  var acc4_1 = vec4<f32>();
  var acc5_0 = vec4<f32>();
  var acc5_1 = vec4<f32>();
  var acc6_0 = vec4<f32>();
  var acc6_1 = vec4<f32>();
  var acc7_0 = vec4<f32>();
  var acc7_1 = vec4<f32>();
  var acc8_0 = vec4<f32>();
  var acc8_1 = vec4<f32>();
  var acc9_0 = vec4<f32>();
  var acc9_1 = vec4<f32>();
  var acc10_0 = vec4<f32>();
  var acc10_1 = vec4<f32>();
  var acc11_0 = vec4<f32>();
  var acc11_1 = vec4<f32>();
  var acc12_0 = vec4<f32>();
  var acc12_1 = vec4<f32>();
  var acc13_0 = vec4<f32>();
  var acc13_1 = vec4<f32>();
  var acc14_0 = vec4<f32>();
  var acc14_1 = vec4<f32>();
  var acc15_0 = vec4<f32>();
  var acc15_1 = vec4<f32>();

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w0[w0_at];
    let w0_1 = w0[w0_at + 16u];
    let w0_2 = w0[w0_at + 32u];
    let w0_3 = w0[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w0[w1_at];
    let w1_1 = w0[w1_at + 16u];
    let w1_2 = w0[w1_at + 32u];
    let w1_3 = w0[w1_at + 48u];
    let a_0 = a0[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a0[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a0[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a0[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w1[w0_at];
    let w0_1 = w1[w0_at + 16u];
    let w0_2 = w1[w0_at + 32u];
    let w0_3 = w1[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w1[w1_at];
    let w1_1 = w1[w1_at + 16u];
    let w1_2 = w1[w1_at + 32u];
    let w1_3 = w1[w1_at + 48u];
    let a_0 = a1[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a1[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a1[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a1[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w2[w0_at];
    let w0_1 = w2[w0_at + 16u];
    let w0_2 = w2[w0_at + 32u];
    let w0_3 = w2[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w2[w1_at];
    let w1_1 = w2[w1_at + 16u];
    let w1_2 = w2[w1_at + 32u];
    let w1_3 = w2[w1_at + 48u];
    let a_0 = a2[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a2[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a2[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a2[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w3[w0_at];
    let w0_1 = w3[w0_at + 16u];
    let w0_2 = w3[w0_at + 32u];
    let w0_3 = w3[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w3[w1_at];
    let w1_1 = w3[w1_at + 16u];
    let w1_2 = w3[w1_at + 32u];
    let w1_3 = w3[w1_at + 48u];
    let a_0 = a3[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a3[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a3[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a3[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  // Column vec4 j of the lane: c4 within its block (j / TN), first column n (columns past N are not stored).
  let accs = array<vec4<f32>, 32>(acc0_0, acc0_1, acc1_0, acc1_1, acc2_0, acc2_1, acc3_0, acc3_1, acc4_0, acc4_1, acc5_0, acc5_1, acc6_0, acc6_1, acc7_0, acc7_1, acc8_0, acc8_1, acc9_0, acc9_1, acc10_0, acc10_1, acc11_0, acc11_1, acc12_0, acc12_1, acc13_0, acc13_1, acc14_0, acc14_1, acc15_0, acc15_1);
  let biases = array<vec4<f32>, 2>(bias_at(params.n0 + 0u + 4u * (col4 + 0u)), bias_at(params.n0 + 0u + 4u * (col4 + 8u)));
  for (var i = 0u; i < 16u; i++) {
    let m = params.m0 + r0 + i;
    for (var j = 0u; j < 2u; j++) {
      let c4 = col4 + (j % 2u) * 8u;
      store4(m, params.n0 + (j / 2u) * 64u + 4u * c4, accs[i * 2u + j], biases[j]);
    }
  }
}

// ==== matmul-blocked(GP=0,NB=64,P=4,Q=1,SG=4,TM=16,TN=2,activated=false,passes=false,residual=true,wdt=f32)
enable subgroups;
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  ldo: u32,
  out_t: u32,
  m0: u32,
  n0: u32,
  first: u32,
  last: u32,
  alpha: f32,
  kc4: u32,
  h: u32,
  w: u32,
  gh: u32,
  gw: u32,
  pitch: u32,
  o_off: u32,
  act: u32,
  out_kc_log2: u32,
  has_bias: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<uniform> a0: array<vec4<f32>, 4096>;
@group(0) @binding(2) var<uniform> w0: array<vec4<f32>, 4096>;
@group(0) @binding(3) var<uniform> a1: array<vec4<f32>, 4096>;
@group(0) @binding(4) var<uniform> w1: array<vec4<f32>, 4096>;
@group(0) @binding(5) var<uniform> a2: array<vec4<f32>, 4096>;
@group(0) @binding(6) var<uniform> w2: array<vec4<f32>, 4096>;
@group(0) @binding(7) var<uniform> a3: array<vec4<f32>, 4096>;
@group(0) @binding(8) var<uniform> w3: array<vec4<f32>, 4096>;
@group(0) @binding(9) var<storage, read_write> bias: array<f32>;
@group(0) @binding(10) var<storage, read_write> residual: array<f32>;
@group(0) @binding(11) var<storage, read_write> out: array<f32>;

// a_p: [16384 / KC rows][KC] block of A, w_p: [KC][64 cols] block of W^T (KC = 4 kc4) -> out tile [M, N] (or [N, M]) at (m0, n0)

fn activate(x: vec4<f32>) -> vec4<f32> { return x; }

fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = 14u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << 14u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }

// bias[n .. n + 3] (zeros without a bias; indices past N are clamped: those columns are not stored).
fn bias_at(n: u32) -> vec4<f32> {
  if (params.has_bias == 0u) { return vec4<f32>(); }
  let last = params.N - 1u;
  return vec4(bias[min(n, last)], bias[min(n + 1u, last)], bias[min(n + 2u, last)], bias[min(n + 3u, last)]);
}

// Outputs (m, n .. n + 3): one index for the four (they are consecutive in a row-major or blocked
// output, KC being a multiple of 4, and ldo apart in a transposed one).
fn store4(m: u32, n: u32, s: vec4<f32>, b: vec4<f32>) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  var o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
  if (params.out_kc_log2 != 0u) { o = blocked_index(mo, n, blocked_k_count(params.N)); }
  let step = select(1u, params.ldo, params.out_t != 0u);
  let count = min(4u, params.N - n);
  var v = s * params.alpha;
  
  {
    if (params.has_bias != 0u) { v += b; }
    v = activate(v);
    
    for (var q = 0u; q < count; q++) { v[q] += residual[o + q * step]; }
  }
  for (var q = 0u; q < count; q++) { out[o + q * step] = v[q]; }
}

@compute @workgroup_size(8, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(subgroup_invocation_id) sg_lane: u32) {
  let col4 = lid.x;
  let r0 = wg.y * 16u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc1_1 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc2_1 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  var acc3_1 = vec4<f32>();
  var acc4_0 = vec4<f32>();
  var acc4_1 = vec4<f32>();
  var acc5_0 = vec4<f32>();
  var acc5_1 = vec4<f32>();
  var acc6_0 = vec4<f32>();
  var acc6_1 = vec4<f32>();
  var acc7_0 = vec4<f32>();
  var acc7_1 = vec4<f32>();
  var acc8_0 = vec4<f32>();
  var acc8_1 = vec4<f32>();
  var acc9_0 = vec4<f32>();
  var acc9_1 = vec4<f32>();
  var acc10_0 = vec4<f32>();
  var acc10_1 = vec4<f32>();
  var acc11_0 = vec4<f32>();
  var acc11_1 = vec4<f32>();
  var acc12_0 = vec4<f32>();
  var acc12_1 = vec4<f32>();
  var acc13_0 = vec4<f32>();
  var acc13_1 = vec4<f32>();
  var acc14_0 = vec4<f32>();
  var acc14_1 = vec4<f32>();
  var acc15_0 = vec4<f32>();
  var acc15_1 = vec4<f32>();

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w0[w0_at];
    let w0_1 = w0[w0_at + 16u];
    let w0_2 = w0[w0_at + 32u];
    let w0_3 = w0[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w0[w1_at];
    let w1_1 = w0[w1_at + 16u];
    let w1_2 = w0[w1_at + 32u];
    let w1_3 = w0[w1_at + 48u];
    let a_0 = a0[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a0[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a0[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a0[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w1[w0_at];
    let w0_1 = w1[w0_at + 16u];
    let w0_2 = w1[w0_at + 32u];
    let w0_3 = w1[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w1[w1_at];
    let w1_1 = w1[w1_at + 16u];
    let w1_2 = w1[w1_at + 32u];
    let w1_3 = w1[w1_at + 48u];
    let a_0 = a1[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a1[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a1[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a1[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w2[w0_at];
    let w0_1 = w2[w0_at + 16u];
    let w0_2 = w2[w0_at + 32u];
    let w0_3 = w2[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w2[w1_at];
    let w1_1 = w2[w1_at + 16u];
    let w1_2 = w2[w1_at + 32u];
    let w1_3 = w2[w1_at + 48u];
    let a_0 = a2[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a2[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a2[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a2[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w3[w0_at];
    let w0_1 = w3[w0_at + 16u];
    let w0_2 = w3[w0_at + 32u];
    let w0_3 = w3[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w3[w1_at];
    let w1_1 = w3[w1_at + 16u];
    let w1_2 = w3[w1_at + 32u];
    let w1_3 = w3[w1_at + 48u];
    let a_0 = a3[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a3[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a3[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a3[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  // Column vec4 j of the lane: c4 within its block (j / TN), first column n (columns past N are not stored).
  let accs = array<vec4<f32>, 32>(acc0_0, acc0_1, acc1_0, acc1_1, acc2_0, acc2_1, acc3_0, acc3_1, acc4_0, acc4_1, acc5_0, acc5_1, acc6_0, acc6_1, acc7_0, acc7_1, acc8_0, acc8_1, acc9_0, acc9_1, acc10_0, acc10_1, acc11_0, acc11_1, acc12_0, acc12_1, acc13_0, acc13_1, acc14_0, acc14_1, acc15_0, acc15_1);
  let biases = array<vec4<f32>, 2>(bias_at(params.n0 + 0u + 4u * (col4 + 0u)), bias_at(params.n0 + 0u + 4u * (col4 + 8u)));
  for (var i = 0u; i < 16u; i++) {
    let m = params.m0 + r0 + i;
    for (var j = 0u; j < 2u; j++) {
      let c4 = col4 + (j % 2u) * 8u;
      store4(m, params.n0 + (j / 2u) * 64u + 4u * c4, accs[i * 2u + j], biases[j]);
    }
  }
}

// ==== matmul-blocked(GP=0,NB=64,P=4,Q=1,SG=4,TM=16,TN=2,activated=false,passes=true,residual=false,wdt=f32)
enable subgroups;
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  ldo: u32,
  out_t: u32,
  m0: u32,
  n0: u32,
  first: u32,
  last: u32,
  alpha: f32,
  kc4: u32,
  h: u32,
  w: u32,
  gh: u32,
  gw: u32,
  pitch: u32,
  o_off: u32,
  act: u32,
  out_kc_log2: u32,
  has_bias: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<uniform> a0: array<vec4<f32>, 4096>;
@group(0) @binding(2) var<uniform> w0: array<vec4<f32>, 4096>;
@group(0) @binding(3) var<uniform> a1: array<vec4<f32>, 4096>;
@group(0) @binding(4) var<uniform> w1: array<vec4<f32>, 4096>;
@group(0) @binding(5) var<uniform> a2: array<vec4<f32>, 4096>;
@group(0) @binding(6) var<uniform> w2: array<vec4<f32>, 4096>;
@group(0) @binding(7) var<uniform> a3: array<vec4<f32>, 4096>;
@group(0) @binding(8) var<uniform> w3: array<vec4<f32>, 4096>;
@group(0) @binding(9) var<storage, read_write> bias: array<f32>;
@group(0) @binding(10) var<storage, read_write> residual: array<f32>;
@group(0) @binding(11) var<storage, read_write> out: array<f32>;

// a_p: [16384 / KC rows][KC] block of A, w_p: [KC][64 cols] block of W^T (KC = 4 kc4) -> out tile [M, N] (or [N, M]) at (m0, n0)

fn activate(x: vec4<f32>) -> vec4<f32> { return x; }

fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = 14u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << 14u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }

// bias[n .. n + 3] (zeros without a bias; indices past N are clamped: those columns are not stored).
fn bias_at(n: u32) -> vec4<f32> {
  if (params.has_bias == 0u) { return vec4<f32>(); }
  let last = params.N - 1u;
  return vec4(bias[min(n, last)], bias[min(n + 1u, last)], bias[min(n + 2u, last)], bias[min(n + 3u, last)]);
}

// Outputs (m, n .. n + 3): one index for the four (they are consecutive in a row-major or blocked
// output, KC being a multiple of 4, and ldo apart in a transposed one).
fn store4(m: u32, n: u32, s: vec4<f32>, b: vec4<f32>) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  var o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
  if (params.out_kc_log2 != 0u) { o = blocked_index(mo, n, blocked_k_count(params.N)); }
  let step = select(1u, params.ldo, params.out_t != 0u);
  let count = min(4u, params.N - n);
  var v = s * params.alpha;
  if (params.first == 0u) { for (var q = 0u; q < count; q++) { v[q] += out[o + q * step]; } }
  if (params.last != 0u) {
    if (params.has_bias != 0u) { v += b; }
    v = activate(v);
    
    
  }
  for (var q = 0u; q < count; q++) { out[o + q * step] = v[q]; }
}

@compute @workgroup_size(8, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(subgroup_invocation_id) sg_lane: u32) {
  let col4 = lid.x;
  let r0 = wg.y * 16u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc1_1 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc2_1 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  var acc3_1 = vec4<f32>();
  var acc4_0 = vec4<f32>();
  var acc4_1 = vec4<f32>();
  var acc5_0 = vec4<f32>();
  var acc5_1 = vec4<f32>();
  var acc6_0 = vec4<f32>();
  var acc6_1 = vec4<f32>();
  var acc7_0 = vec4<f32>();
  var acc7_1 = vec4<f32>();
  var acc8_0 = vec4<f32>();
  var acc8_1 = vec4<f32>();
  var acc9_0 = vec4<f32>();
  var acc9_1 = vec4<f32>();
  var acc10_0 = vec4<f32>();
  var acc10_1 = vec4<f32>();
  var acc11_0 = vec4<f32>();
  var acc11_1 = vec4<f32>();
  var acc12_0 = vec4<f32>();
  var acc12_1 = vec4<f32>();
  var acc13_0 = vec4<f32>();
  var acc13_1 = vec4<f32>();
  var acc14_0 = vec4<f32>();
  var acc14_1 = vec4<f32>();
  var acc15_0 = vec4<f32>();
  var acc15_1 = vec4<f32>();

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w0[w0_at];
    let w0_1 = w0[w0_at + 16u];
    let w0_2 = w0[w0_at + 32u];
    let w0_3 = w0[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w0[w1_at];
    let w1_1 = w0[w1_at + 16u];
    let w1_2 = w0[w1_at + 32u];
    let w1_3 = w0[w1_at + 48u];
    let a_0 = a0[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a0[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a0[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a0[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w1[w0_at];
    let w0_1 = w1[w0_at + 16u];
    let w0_2 = w1[w0_at + 32u];
    let w0_3 = w1[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w1[w1_at];
    let w1_1 = w1[w1_at + 16u];
    let w1_2 = w1[w1_at + 32u];
    let w1_3 = w1[w1_at + 48u];
    let a_0 = a1[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a1[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a1[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a1[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w2[w0_at];
    let w0_1 = w2[w0_at + 16u];
    let w0_2 = w2[w0_at + 32u];
    let w0_3 = w2[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w2[w1_at];
    let w1_1 = w2[w1_at + 16u];
    let w1_2 = w2[w1_at + 32u];
    let w1_3 = w2[w1_at + 48u];
    let a_0 = a2[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a2[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a2[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a2[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w3[w0_at];
    let w0_1 = w3[w0_at + 16u];
    let w0_2 = w3[w0_at + 32u];
    let w0_3 = w3[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w3[w1_at];
    let w1_1 = w3[w1_at + 16u];
    let w1_2 = w3[w1_at + 32u];
    let w1_3 = w3[w1_at + 48u];
    let a_0 = a3[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a3[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a3[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a3[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  // Column vec4 j of the lane: c4 within its block (j / TN), first column n (columns past N are not stored).
  let accs = array<vec4<f32>, 32>(acc0_0, acc0_1, acc1_0, acc1_1, acc2_0, acc2_1, acc3_0, acc3_1, acc4_0, acc4_1, acc5_0, acc5_1, acc6_0, acc6_1, acc7_0, acc7_1, acc8_0, acc8_1, acc9_0, acc9_1, acc10_0, acc10_1, acc11_0, acc11_1, acc12_0, acc12_1, acc13_0, acc13_1, acc14_0, acc14_1, acc15_0, acc15_1);
  let biases = array<vec4<f32>, 2>(bias_at(params.n0 + 0u + 4u * (col4 + 0u)), bias_at(params.n0 + 0u + 4u * (col4 + 8u)));
  for (var i = 0u; i < 16u; i++) {
    let m = params.m0 + r0 + i;
    for (var j = 0u; j < 2u; j++) {
      let c4 = col4 + (j % 2u) * 8u;
      store4(m, params.n0 + (j / 2u) * 64u + 4u * c4, accs[i * 2u + j], biases[j]);
    }
  }
}

// ==== matmul-blocked(GP=0,NB=64,P=4,Q=1,SG=4,TM=16,TN=2,activated=false,passes=true,residual=true,wdt=f32)
enable subgroups;
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  ldo: u32,
  out_t: u32,
  m0: u32,
  n0: u32,
  first: u32,
  last: u32,
  alpha: f32,
  kc4: u32,
  h: u32,
  w: u32,
  gh: u32,
  gw: u32,
  pitch: u32,
  o_off: u32,
  act: u32,
  out_kc_log2: u32,
  has_bias: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<uniform> a0: array<vec4<f32>, 4096>;
@group(0) @binding(2) var<uniform> w0: array<vec4<f32>, 4096>;
@group(0) @binding(3) var<uniform> a1: array<vec4<f32>, 4096>;
@group(0) @binding(4) var<uniform> w1: array<vec4<f32>, 4096>;
@group(0) @binding(5) var<uniform> a2: array<vec4<f32>, 4096>;
@group(0) @binding(6) var<uniform> w2: array<vec4<f32>, 4096>;
@group(0) @binding(7) var<uniform> a3: array<vec4<f32>, 4096>;
@group(0) @binding(8) var<uniform> w3: array<vec4<f32>, 4096>;
@group(0) @binding(9) var<storage, read_write> bias: array<f32>;
@group(0) @binding(10) var<storage, read_write> residual: array<f32>;
@group(0) @binding(11) var<storage, read_write> out: array<f32>;

// a_p: [16384 / KC rows][KC] block of A, w_p: [KC][64 cols] block of W^T (KC = 4 kc4) -> out tile [M, N] (or [N, M]) at (m0, n0)

fn activate(x: vec4<f32>) -> vec4<f32> { return x; }

fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = 14u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << 14u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }

// bias[n .. n + 3] (zeros without a bias; indices past N are clamped: those columns are not stored).
fn bias_at(n: u32) -> vec4<f32> {
  if (params.has_bias == 0u) { return vec4<f32>(); }
  let last = params.N - 1u;
  return vec4(bias[min(n, last)], bias[min(n + 1u, last)], bias[min(n + 2u, last)], bias[min(n + 3u, last)]);
}

// Outputs (m, n .. n + 3): one index for the four (they are consecutive in a row-major or blocked
// output, KC being a multiple of 4, and ldo apart in a transposed one).
fn store4(m: u32, n: u32, s: vec4<f32>, b: vec4<f32>) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  var o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
  if (params.out_kc_log2 != 0u) { o = blocked_index(mo, n, blocked_k_count(params.N)); }
  let step = select(1u, params.ldo, params.out_t != 0u);
  let count = min(4u, params.N - n);
  var v = s * params.alpha;
  if (params.first == 0u) { for (var q = 0u; q < count; q++) { v[q] += out[o + q * step]; } }
  if (params.last != 0u) {
    if (params.has_bias != 0u) { v += b; }
    v = activate(v);
    
    for (var q = 0u; q < count; q++) { v[q] += residual[o + q * step]; }
  }
  for (var q = 0u; q < count; q++) { out[o + q * step] = v[q]; }
}

@compute @workgroup_size(8, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(subgroup_invocation_id) sg_lane: u32) {
  let col4 = lid.x;
  let r0 = wg.y * 16u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc1_1 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc2_1 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  var acc3_1 = vec4<f32>();
  var acc4_0 = vec4<f32>();
  var acc4_1 = vec4<f32>();
  var acc5_0 = vec4<f32>();
  var acc5_1 = vec4<f32>();
  var acc6_0 = vec4<f32>();
  var acc6_1 = vec4<f32>();
  var acc7_0 = vec4<f32>();
  var acc7_1 = vec4<f32>();
  var acc8_0 = vec4<f32>();
  var acc8_1 = vec4<f32>();
  var acc9_0 = vec4<f32>();
  var acc9_1 = vec4<f32>();
  var acc10_0 = vec4<f32>();
  var acc10_1 = vec4<f32>();
  var acc11_0 = vec4<f32>();
  var acc11_1 = vec4<f32>();
  var acc12_0 = vec4<f32>();
  var acc12_1 = vec4<f32>();
  var acc13_0 = vec4<f32>();
  var acc13_1 = vec4<f32>();
  var acc14_0 = vec4<f32>();
  var acc14_1 = vec4<f32>();
  var acc15_0 = vec4<f32>();
  var acc15_1 = vec4<f32>();

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w0[w0_at];
    let w0_1 = w0[w0_at + 16u];
    let w0_2 = w0[w0_at + 32u];
    let w0_3 = w0[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w0[w1_at];
    let w1_1 = w0[w1_at + 16u];
    let w1_2 = w0[w1_at + 32u];
    let w1_3 = w0[w1_at + 48u];
    let a_0 = a0[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a0[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a0[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a0[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w1[w0_at];
    let w0_1 = w1[w0_at + 16u];
    let w0_2 = w1[w0_at + 32u];
    let w0_3 = w1[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w1[w1_at];
    let w1_1 = w1[w1_at + 16u];
    let w1_2 = w1[w1_at + 32u];
    let w1_3 = w1[w1_at + 48u];
    let a_0 = a1[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a1[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a1[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a1[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w2[w0_at];
    let w0_1 = w2[w0_at + 16u];
    let w0_2 = w2[w0_at + 32u];
    let w0_3 = w2[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w2[w1_at];
    let w1_1 = w2[w1_at + 16u];
    let w1_2 = w2[w1_at + 32u];
    let w1_3 = w2[w1_at + 48u];
    let a_0 = a2[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a2[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a2[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a2[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w3[w0_at];
    let w0_1 = w3[w0_at + 16u];
    let w0_2 = w3[w0_at + 32u];
    let w0_3 = w3[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w3[w1_at];
    let w1_1 = w3[w1_at + 16u];
    let w1_2 = w3[w1_at + 32u];
    let w1_3 = w3[w1_at + 48u];
    let a_0 = a3[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a3[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a3[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a3[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  // Column vec4 j of the lane: c4 within its block (j / TN), first column n (columns past N are not stored).
  let accs = array<vec4<f32>, 32>(acc0_0, acc0_1, acc1_0, acc1_1, acc2_0, acc2_1, acc3_0, acc3_1, acc4_0, acc4_1, acc5_0, acc5_1, acc6_0, acc6_1, acc7_0, acc7_1, acc8_0, acc8_1, acc9_0, acc9_1, acc10_0, acc10_1, acc11_0, acc11_1, acc12_0, acc12_1, acc13_0, acc13_1, acc14_0, acc14_1, acc15_0, acc15_1);
  let biases = array<vec4<f32>, 2>(bias_at(params.n0 + 0u + 4u * (col4 + 0u)), bias_at(params.n0 + 0u + 4u * (col4 + 8u)));
  for (var i = 0u; i < 16u; i++) {
    let m = params.m0 + r0 + i;
    for (var j = 0u; j < 2u; j++) {
      let c4 = col4 + (j % 2u) * 8u;
      store4(m, params.n0 + (j / 2u) * 64u + 4u * c4, accs[i * 2u + j], biases[j]);
    }
  }
}

// ==== matmul-blocked(GP=0,NB=64,P=4,Q=1,SG=4,TM=16,TN=2,activated=true,passes=false,residual=false,wdt=f32)
enable subgroups;
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  ldo: u32,
  out_t: u32,
  m0: u32,
  n0: u32,
  first: u32,
  last: u32,
  alpha: f32,
  kc4: u32,
  h: u32,
  w: u32,
  gh: u32,
  gw: u32,
  pitch: u32,
  o_off: u32,
  act: u32,
  out_kc_log2: u32,
  has_bias: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<uniform> a0: array<vec4<f32>, 4096>;
@group(0) @binding(2) var<uniform> w0: array<vec4<f32>, 4096>;
@group(0) @binding(3) var<uniform> a1: array<vec4<f32>, 4096>;
@group(0) @binding(4) var<uniform> w1: array<vec4<f32>, 4096>;
@group(0) @binding(5) var<uniform> a2: array<vec4<f32>, 4096>;
@group(0) @binding(6) var<uniform> w2: array<vec4<f32>, 4096>;
@group(0) @binding(7) var<uniform> a3: array<vec4<f32>, 4096>;
@group(0) @binding(8) var<uniform> w3: array<vec4<f32>, 4096>;
@group(0) @binding(9) var<storage, read_write> bias: array<f32>;
@group(0) @binding(10) var<storage, read_write> residual: array<f32>;
@group(0) @binding(11) var<storage, read_write> out: array<f32>;

// a_p: [16384 / KC rows][KC] block of A, w_p: [KC][64 cols] block of W^T (KC = 4 kc4) -> out tile [M, N] (or [N, M]) at (m0, n0)


fn erf_vec4(v: vec4<f32>) -> vec4<f32> {
  let x = clamp(v, vec4(-4.0), vec4(4.0));
  let x2 = x * x;
  var p = x2 * -2.72614225801306e-10 + 2.77068142495902e-08;
  p = x2 * p - 2.10102402082508e-06;
  p = x2 * p - 5.69250639462346e-05;
  p = x2 * p - 7.34990630326855e-04;
  p = x2 * p - 2.95459980854025e-03;
  p = x2 * p - 1.60960333262415e-02;
  var q = x2 * -1.45660718464996e-05 - 2.13374055278905e-04;
  q = x2 * q - 1.68282697438203e-03;
  q = x2 * q - 7.37332916720468e-03;
  q = x2 * q - 1.42647390514189e-02;
  return x * p / q;
}

fn activate(x: vec4<f32>) -> vec4<f32> {
  switch params.act {
    case 1u: { return max(x, vec4(0.0)); }
    case 2u: { return 0.5 * x * (1.0 + erf_vec4(x * 0.7071067811865476)); }
    case 3u: { return tanh(clamp(x, vec4(-15.0), vec4(15.0))); }
    case 4u: { return 1.0 / (1.0 + exp(-x)); }
    case 5u: { return min(max(x + 3.0, vec4(0.0)), vec4(6.0)) / 6.0; }
    default: { return x; }
  }
}


fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = 14u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << 14u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }

// bias[n .. n + 3] (zeros without a bias; indices past N are clamped: those columns are not stored).
fn bias_at(n: u32) -> vec4<f32> {
  if (params.has_bias == 0u) { return vec4<f32>(); }
  let last = params.N - 1u;
  return vec4(bias[min(n, last)], bias[min(n + 1u, last)], bias[min(n + 2u, last)], bias[min(n + 3u, last)]);
}

// Outputs (m, n .. n + 3): one index for the four (they are consecutive in a row-major or blocked
// output, KC being a multiple of 4, and ldo apart in a transposed one).
fn store4(m: u32, n: u32, s: vec4<f32>, b: vec4<f32>) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  var o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
  if (params.out_kc_log2 != 0u) { o = blocked_index(mo, n, blocked_k_count(params.N)); }
  let step = select(1u, params.ldo, params.out_t != 0u);
  let count = min(4u, params.N - n);
  var v = s * params.alpha;
  
  {
    if (params.has_bias != 0u) { v += b; }
    v = activate(v);
    
    
  }
  for (var q = 0u; q < count; q++) { out[o + q * step] = v[q]; }
}

@compute @workgroup_size(8, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(subgroup_invocation_id) sg_lane: u32) {
  let col4 = lid.x;
  let r0 = wg.y * 16u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc1_1 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc2_1 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  var acc3_1 = vec4<f32>();
  var acc4_0 = vec4<f32>();
  var acc4_1 = vec4<f32>();
  var acc5_0 = vec4<f32>();
  var acc5_1 = vec4<f32>();
  var acc6_0 = vec4<f32>();
  var acc6_1 = vec4<f32>();
  var acc7_0 = vec4<f32>();
  var acc7_1 = vec4<f32>();
  var acc8_0 = vec4<f32>();
  var acc8_1 = vec4<f32>();
  var acc9_0 = vec4<f32>();
  var acc9_1 = vec4<f32>();
  var acc10_0 = vec4<f32>();
  var acc10_1 = vec4<f32>();
  var acc11_0 = vec4<f32>();
  var acc11_1 = vec4<f32>();
  var acc12_0 = vec4<f32>();
  var acc12_1 = vec4<f32>();
  var acc13_0 = vec4<f32>();
  var acc13_1 = vec4<f32>();
  var acc14_0 = vec4<f32>();
  var acc14_1 = vec4<f32>();
  var acc15_0 = vec4<f32>();
  var acc15_1 = vec4<f32>();

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w0[w0_at];
    let w0_1 = w0[w0_at + 16u];
    let w0_2 = w0[w0_at + 32u];
    let w0_3 = w0[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w0[w1_at];
    let w1_1 = w0[w1_at + 16u];
    let w1_2 = w0[w1_at + 32u];
    let w1_3 = w0[w1_at + 48u];
    let a_0 = a0[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a0[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a0[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a0[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w1[w0_at];
    let w0_1 = w1[w0_at + 16u];
    let w0_2 = w1[w0_at + 32u];
    let w0_3 = w1[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w1[w1_at];
    let w1_1 = w1[w1_at + 16u];
    let w1_2 = w1[w1_at + 32u];
    let w1_3 = w1[w1_at + 48u];
    let a_0 = a1[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a1[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a1[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a1[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w2[w0_at];
    let w0_1 = w2[w0_at + 16u];
    let w0_2 = w2[w0_at + 32u];
    let w0_3 = w2[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w2[w1_at];
    let w1_1 = w2[w1_at + 16u];
    let w1_2 = w2[w1_at + 32u];
    let w1_3 = w2[w1_at + 48u];
    let a_0 = a2[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a2[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a2[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a2[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w3[w0_at];
    let w0_1 = w3[w0_at + 16u];
    let w0_2 = w3[w0_at + 32u];
    let w0_3 = w3[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w3[w1_at];
    let w1_1 = w3[w1_at + 16u];
    let w1_2 = w3[w1_at + 32u];
    let w1_3 = w3[w1_at + 48u];
    let a_0 = a3[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a3[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a3[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a3[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  // Column vec4 j of the lane: c4 within its block (j / TN), first column n (columns past N are not stored).
  let accs = array<vec4<f32>, 32>(acc0_0, acc0_1, acc1_0, acc1_1, acc2_0, acc2_1, acc3_0, acc3_1, acc4_0, acc4_1, acc5_0, acc5_1, acc6_0, acc6_1, acc7_0, acc7_1, acc8_0, acc8_1, acc9_0, acc9_1, acc10_0, acc10_1, acc11_0, acc11_1, acc12_0, acc12_1, acc13_0, acc13_1, acc14_0, acc14_1, acc15_0, acc15_1);
  let biases = array<vec4<f32>, 2>(bias_at(params.n0 + 0u + 4u * (col4 + 0u)), bias_at(params.n0 + 0u + 4u * (col4 + 8u)));
  for (var i = 0u; i < 16u; i++) {
    let m = params.m0 + r0 + i;
    for (var j = 0u; j < 2u; j++) {
      let c4 = col4 + (j % 2u) * 8u;
      store4(m, params.n0 + (j / 2u) * 64u + 4u * c4, accs[i * 2u + j], biases[j]);
    }
  }
}

// ==== matmul-blocked(GP=228,NB=64,P=1,Q=1,SG=4,TM=16,TN=2,activated=false,passes=false,residual=false,wdt=f32)
enable subgroups;
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  ldo: u32,
  out_t: u32,
  m0: u32,
  n0: u32,
  first: u32,
  last: u32,
  alpha: f32,
  kc4: u32,
  h: u32,
  w: u32,
  gh: u32,
  gw: u32,
  pitch: u32,
  o_off: u32,
  act: u32,
  out_kc_log2: u32,
  has_bias: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<uniform> a0: array<vec4<f32>, 4096>;
@group(0) @binding(2) var<uniform> w0: array<vec4<f32>, 4096>;
@group(0) @binding(3) var<storage, read_write> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> residual: array<f32>;
@group(0) @binding(5) var<uniform> gate_mul: array<vec4<f32>, 3648>;
@group(0) @binding(6) var<uniform> gate_add: array<vec4<f32>, 3648>;
@group(0) @binding(7) var<storage, read_write> out: array<f32>;

// a_p: [16384 / KC rows][KC] block of A, w_p: [KC][64 cols] block of W^T (KC = 4 kc4) -> out tile [M, N] (or [N, M]) at (m0, n0)
// gate_mul, gate_add: [228 (gh * gw used)][64 channels]; out [N, M] with M = h * w pixels
fn activate(x: vec4<f32>) -> vec4<f32> { return x; }

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

fn gate_mul_at(m: u32, ty: LinearTap, tx: LinearTap) -> vec4<f32> {
  let base = 0u;
  let r0 = base + ty.i0 * params.gw;
  let r1 = base + ty.i1 * params.gw;
  return (gate_mul[(r0 + tx.i0) * 16u + m] * (1.0 - tx.w1) + gate_mul[(r0 + tx.i1) * 16u + m] * tx.w1) * (1.0 - ty.w1) + (gate_mul[(r1 + tx.i0) * 16u + m] * (1.0 - tx.w1) + gate_mul[(r1 + tx.i1) * 16u + m] * tx.w1) * ty.w1;
}
fn gate_add_at(m: u32, ty: LinearTap, tx: LinearTap) -> vec4<f32> {
  let base = 0u;
  let r0 = base + ty.i0 * params.gw;
  let r1 = base + ty.i1 * params.gw;
  return (gate_add[(r0 + tx.i0) * 16u + m] * (1.0 - tx.w1) + gate_add[(r0 + tx.i1) * 16u + m] * tx.w1) * (1.0 - ty.w1) + (gate_add[(r1 + tx.i0) * 16u + m] * (1.0 - tx.w1) + gate_add[(r1 + tx.i1) * 16u + m] * tx.w1) * ty.w1;
}
struct GateTaps { y: LinearTap, x: LinearTap }
fn gate_taps(p: u32) -> GateTaps {
  return GateTaps(linear_tap(p / params.w, params.gh, params.h, false), linear_tap(p % params.w, params.gw, params.w, false));
}
fn gate(v: vec4<f32>, m: u32, t: GateTaps) -> vec4<f32> {
  return v * gate_mul_at(m, t.y, t.x) + gate_add_at(m, t.y, t.x);
}
fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = 14u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << 14u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }

// bias[n .. n + 3] (zeros without a bias; indices past N are clamped: those columns are not stored).
fn bias_at(n: u32) -> vec4<f32> {
  if (params.has_bias == 0u) { return vec4<f32>(); }
  let last = params.N - 1u;
  return vec4(bias[min(n, last)], bias[min(n + 1u, last)], bias[min(n + 2u, last)], bias[min(n + 3u, last)]);
}

// Outputs (m, n .. n + 3): one index for the four (they are consecutive in a row-major or blocked
// output, KC being a multiple of 4, and ldo apart in a transposed one).
fn store4(m: u32, n: u32, s: vec4<f32>, b: vec4<f32>, gm: vec4<f32>, ga: vec4<f32>) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  var o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
  if (params.out_kc_log2 != 0u) { o = blocked_index(mo, n, blocked_k_count(params.N)); }
  let step = select(1u, params.ldo, params.out_t != 0u);
  let count = min(4u, params.N - n);
  var v = s * params.alpha;
  
  {
    if (params.has_bias != 0u) { v += b; }
    v = activate(v);
    v = v * gm + ga;
    
  }
  for (var q = 0u; q < count; q++) { out[o + q * step] = v[q]; }
}

@compute @workgroup_size(8, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(subgroup_invocation_id) sg_lane: u32) {
  let col4 = lid.x;
  let r0 = wg.y * 16u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc1_1 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc2_1 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  var acc3_1 = vec4<f32>();
  var acc4_0 = vec4<f32>();
  var acc4_1 = vec4<f32>();
  var acc5_0 = vec4<f32>();
  var acc5_1 = vec4<f32>();
  var acc6_0 = vec4<f32>();
  var acc6_1 = vec4<f32>();
  var acc7_0 = vec4<f32>();
  var acc7_1 = vec4<f32>();
  var acc8_0 = vec4<f32>();
  var acc8_1 = vec4<f32>();
  var acc9_0 = vec4<f32>();
  var acc9_1 = vec4<f32>();
  var acc10_0 = vec4<f32>();
  var acc10_1 = vec4<f32>();
  var acc11_0 = vec4<f32>();
  var acc11_1 = vec4<f32>();
  var acc12_0 = vec4<f32>();
  var acc12_1 = vec4<f32>();
  var acc13_0 = vec4<f32>();
  var acc13_1 = vec4<f32>();
  var acc14_0 = vec4<f32>();
  var acc14_1 = vec4<f32>();
  var acc15_0 = vec4<f32>();
  var acc15_1 = vec4<f32>();

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w0[w0_at];
    let w0_1 = w0[w0_at + 16u];
    let w0_2 = w0[w0_at + 32u];
    let w0_3 = w0[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w0[w1_at];
    let w1_1 = w0[w1_at + 16u];
    let w1_2 = w0[w1_at + 32u];
    let w1_3 = w0[w1_at + 48u];
    let a_0 = a0[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a0[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a0[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a0[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  // Column vec4 j of the lane: c4 within its block (j / TN), first column n (columns past N are not stored).
  let accs = array<vec4<f32>, 32>(acc0_0, acc0_1, acc1_0, acc1_1, acc2_0, acc2_1, acc3_0, acc3_1, acc4_0, acc4_1, acc5_0, acc5_1, acc6_0, acc6_1, acc7_0, acc7_1, acc8_0, acc8_1, acc9_0, acc9_1, acc10_0, acc10_1, acc11_0, acc11_1, acc12_0, acc12_1, acc13_0, acc13_1, acc14_0, acc14_1, acc15_0, acc15_1);
  let biases = array<vec4<f32>, 2>(bias_at(params.n0 + 0u + 4u * (col4 + 0u)), bias_at(params.n0 + 0u + 4u * (col4 + 8u)));
  for (var i = 0u; i < 16u; i++) {
    let m = params.m0 + r0 + i;
    let t = gate_taps(m);
    for (var j = 0u; j < 2u; j++) {
      let c4 = col4 + (j % 2u) * 8u;
      store4(m, params.n0 + (j / 2u) * 64u + 4u * c4, accs[i * 2u + j], biases[j], gate_mul_at(c4, t.y, t.x), gate_add_at(c4, t.y, t.x));
    }
  }
}

// ==== matmul-blocked(GP=228,NB=64,P=2,Q=1,SG=4,TM=16,TN=2,activated=false,passes=false,residual=false,wdt=f32)
enable subgroups;
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  ldo: u32,
  out_t: u32,
  m0: u32,
  n0: u32,
  first: u32,
  last: u32,
  alpha: f32,
  kc4: u32,
  h: u32,
  w: u32,
  gh: u32,
  gw: u32,
  pitch: u32,
  o_off: u32,
  act: u32,
  out_kc_log2: u32,
  has_bias: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<uniform> a0: array<vec4<f32>, 4096>;
@group(0) @binding(2) var<uniform> w0: array<vec4<f32>, 4096>;
@group(0) @binding(3) var<uniform> a1: array<vec4<f32>, 4096>;
@group(0) @binding(4) var<uniform> w1: array<vec4<f32>, 4096>;
@group(0) @binding(5) var<storage, read_write> bias: array<f32>;
@group(0) @binding(6) var<storage, read_write> residual: array<f32>;
@group(0) @binding(7) var<uniform> gate_mul: array<vec4<f32>, 3648>;
@group(0) @binding(8) var<uniform> gate_add: array<vec4<f32>, 3648>;
@group(0) @binding(9) var<storage, read_write> out: array<f32>;

// a_p: [16384 / KC rows][KC] block of A, w_p: [KC][64 cols] block of W^T (KC = 4 kc4) -> out tile [M, N] (or [N, M]) at (m0, n0)
// gate_mul, gate_add: [228 (gh * gw used)][64 channels]; out [N, M] with M = h * w pixels
fn activate(x: vec4<f32>) -> vec4<f32> { return x; }

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

fn gate_mul_at(m: u32, ty: LinearTap, tx: LinearTap) -> vec4<f32> {
  let base = 0u;
  let r0 = base + ty.i0 * params.gw;
  let r1 = base + ty.i1 * params.gw;
  return (gate_mul[(r0 + tx.i0) * 16u + m] * (1.0 - tx.w1) + gate_mul[(r0 + tx.i1) * 16u + m] * tx.w1) * (1.0 - ty.w1) + (gate_mul[(r1 + tx.i0) * 16u + m] * (1.0 - tx.w1) + gate_mul[(r1 + tx.i1) * 16u + m] * tx.w1) * ty.w1;
}
fn gate_add_at(m: u32, ty: LinearTap, tx: LinearTap) -> vec4<f32> {
  let base = 0u;
  let r0 = base + ty.i0 * params.gw;
  let r1 = base + ty.i1 * params.gw;
  return (gate_add[(r0 + tx.i0) * 16u + m] * (1.0 - tx.w1) + gate_add[(r0 + tx.i1) * 16u + m] * tx.w1) * (1.0 - ty.w1) + (gate_add[(r1 + tx.i0) * 16u + m] * (1.0 - tx.w1) + gate_add[(r1 + tx.i1) * 16u + m] * tx.w1) * ty.w1;
}
struct GateTaps { y: LinearTap, x: LinearTap }
fn gate_taps(p: u32) -> GateTaps {
  return GateTaps(linear_tap(p / params.w, params.gh, params.h, false), linear_tap(p % params.w, params.gw, params.w, false));
}
fn gate(v: vec4<f32>, m: u32, t: GateTaps) -> vec4<f32> {
  return v * gate_mul_at(m, t.y, t.x) + gate_add_at(m, t.y, t.x);
}
fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = 14u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << 14u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }

// bias[n .. n + 3] (zeros without a bias; indices past N are clamped: those columns are not stored).
fn bias_at(n: u32) -> vec4<f32> {
  if (params.has_bias == 0u) { return vec4<f32>(); }
  let last = params.N - 1u;
  return vec4(bias[min(n, last)], bias[min(n + 1u, last)], bias[min(n + 2u, last)], bias[min(n + 3u, last)]);
}

// Outputs (m, n .. n + 3): one index for the four (they are consecutive in a row-major or blocked
// output, KC being a multiple of 4, and ldo apart in a transposed one).
fn store4(m: u32, n: u32, s: vec4<f32>, b: vec4<f32>, gm: vec4<f32>, ga: vec4<f32>) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  var o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
  if (params.out_kc_log2 != 0u) { o = blocked_index(mo, n, blocked_k_count(params.N)); }
  let step = select(1u, params.ldo, params.out_t != 0u);
  let count = min(4u, params.N - n);
  var v = s * params.alpha;
  
  {
    if (params.has_bias != 0u) { v += b; }
    v = activate(v);
    v = v * gm + ga;
    
  }
  for (var q = 0u; q < count; q++) { out[o + q * step] = v[q]; }
}

@compute @workgroup_size(8, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(subgroup_invocation_id) sg_lane: u32) {
  let col4 = lid.x;
  let r0 = wg.y * 16u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc1_1 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc2_1 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  var acc3_1 = vec4<f32>();
  var acc4_0 = vec4<f32>();
  var acc4_1 = vec4<f32>();
  var acc5_0 = vec4<f32>();
  var acc5_1 = vec4<f32>();
  var acc6_0 = vec4<f32>();
  var acc6_1 = vec4<f32>();
  var acc7_0 = vec4<f32>();
  var acc7_1 = vec4<f32>();
  var acc8_0 = vec4<f32>();
  var acc8_1 = vec4<f32>();
  var acc9_0 = vec4<f32>();
  var acc9_1 = vec4<f32>();
  var acc10_0 = vec4<f32>();
  var acc10_1 = vec4<f32>();
  var acc11_0 = vec4<f32>();
  var acc11_1 = vec4<f32>();
  var acc12_0 = vec4<f32>();
  var acc12_1 = vec4<f32>();
  var acc13_0 = vec4<f32>();
  var acc13_1 = vec4<f32>();
  var acc14_0 = vec4<f32>();
  var acc14_1 = vec4<f32>();
  var acc15_0 = vec4<f32>();
  var acc15_1 = vec4<f32>();

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w0[w0_at];
    let w0_1 = w0[w0_at + 16u];
    let w0_2 = w0[w0_at + 32u];
    let w0_3 = w0[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w0[w1_at];
    let w1_1 = w0[w1_at + 16u];
    let w1_2 = w0[w1_at + 32u];
    let w1_3 = w0[w1_at + 48u];
    let a_0 = a0[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a0[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a0[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a0[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w1[w0_at];
    let w0_1 = w1[w0_at + 16u];
    let w0_2 = w1[w0_at + 32u];
    let w0_3 = w1[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w1[w1_at];
    let w1_1 = w1[w1_at + 16u];
    let w1_2 = w1[w1_at + 32u];
    let w1_3 = w1[w1_at + 48u];
    let a_0 = a1[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a1[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a1[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a1[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  // Column vec4 j of the lane: c4 within its block (j / TN), first column n (columns past N are not stored).
  let accs = array<vec4<f32>, 32>(acc0_0, acc0_1, acc1_0, acc1_1, acc2_0, acc2_1, acc3_0, acc3_1, acc4_0, acc4_1, acc5_0, acc5_1, acc6_0, acc6_1, acc7_0, acc7_1, acc8_0, acc8_1, acc9_0, acc9_1, acc10_0, acc10_1, acc11_0, acc11_1, acc12_0, acc12_1, acc13_0, acc13_1, acc14_0, acc14_1, acc15_0, acc15_1);
  let biases = array<vec4<f32>, 2>(bias_at(params.n0 + 0u + 4u * (col4 + 0u)), bias_at(params.n0 + 0u + 4u * (col4 + 8u)));
  for (var i = 0u; i < 16u; i++) {
    let m = params.m0 + r0 + i;
    let t = gate_taps(m);
    for (var j = 0u; j < 2u; j++) {
      let c4 = col4 + (j % 2u) * 8u;
      store4(m, params.n0 + (j / 2u) * 64u + 4u * c4, accs[i * 2u + j], biases[j], gate_mul_at(c4, t.y, t.x), gate_add_at(c4, t.y, t.x));
    }
  }
}

// ==== matmul-blocked(GP=228,NB=64,P=4,Q=1,SG=4,TM=16,TN=2,activated=false,passes=false,residual=false,wdt=f32)
enable subgroups;
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  ldo: u32,
  out_t: u32,
  m0: u32,
  n0: u32,
  first: u32,
  last: u32,
  alpha: f32,
  kc4: u32,
  h: u32,
  w: u32,
  gh: u32,
  gw: u32,
  pitch: u32,
  o_off: u32,
  act: u32,
  out_kc_log2: u32,
  has_bias: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<uniform> a0: array<vec4<f32>, 4096>;
@group(0) @binding(2) var<uniform> w0: array<vec4<f32>, 4096>;
@group(0) @binding(3) var<uniform> a1: array<vec4<f32>, 4096>;
@group(0) @binding(4) var<uniform> w1: array<vec4<f32>, 4096>;
@group(0) @binding(5) var<uniform> a2: array<vec4<f32>, 4096>;
@group(0) @binding(6) var<uniform> w2: array<vec4<f32>, 4096>;
@group(0) @binding(7) var<uniform> a3: array<vec4<f32>, 4096>;
@group(0) @binding(8) var<uniform> w3: array<vec4<f32>, 4096>;
@group(0) @binding(9) var<storage, read_write> bias: array<f32>;
@group(0) @binding(10) var<storage, read_write> residual: array<f32>;
@group(0) @binding(11) var<uniform> gate_mul: array<vec4<f32>, 3648>;
@group(0) @binding(12) var<uniform> gate_add: array<vec4<f32>, 3648>;
@group(0) @binding(13) var<storage, read_write> out: array<f32>;

// a_p: [16384 / KC rows][KC] block of A, w_p: [KC][64 cols] block of W^T (KC = 4 kc4) -> out tile [M, N] (or [N, M]) at (m0, n0)
// gate_mul, gate_add: [228 (gh * gw used)][64 channels]; out [N, M] with M = h * w pixels
fn activate(x: vec4<f32>) -> vec4<f32> { return x; }

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

fn gate_mul_at(m: u32, ty: LinearTap, tx: LinearTap) -> vec4<f32> {
  let base = 0u;
  let r0 = base + ty.i0 * params.gw;
  let r1 = base + ty.i1 * params.gw;
  return (gate_mul[(r0 + tx.i0) * 16u + m] * (1.0 - tx.w1) + gate_mul[(r0 + tx.i1) * 16u + m] * tx.w1) * (1.0 - ty.w1) + (gate_mul[(r1 + tx.i0) * 16u + m] * (1.0 - tx.w1) + gate_mul[(r1 + tx.i1) * 16u + m] * tx.w1) * ty.w1;
}
fn gate_add_at(m: u32, ty: LinearTap, tx: LinearTap) -> vec4<f32> {
  let base = 0u;
  let r0 = base + ty.i0 * params.gw;
  let r1 = base + ty.i1 * params.gw;
  return (gate_add[(r0 + tx.i0) * 16u + m] * (1.0 - tx.w1) + gate_add[(r0 + tx.i1) * 16u + m] * tx.w1) * (1.0 - ty.w1) + (gate_add[(r1 + tx.i0) * 16u + m] * (1.0 - tx.w1) + gate_add[(r1 + tx.i1) * 16u + m] * tx.w1) * ty.w1;
}
struct GateTaps { y: LinearTap, x: LinearTap }
fn gate_taps(p: u32) -> GateTaps {
  return GateTaps(linear_tap(p / params.w, params.gh, params.h, false), linear_tap(p % params.w, params.gw, params.w, false));
}
fn gate(v: vec4<f32>, m: u32, t: GateTaps) -> vec4<f32> {
  return v * gate_mul_at(m, t.y, t.x) + gate_add_at(m, t.y, t.x);
}
fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = 14u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << 14u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }

// bias[n .. n + 3] (zeros without a bias; indices past N are clamped: those columns are not stored).
fn bias_at(n: u32) -> vec4<f32> {
  if (params.has_bias == 0u) { return vec4<f32>(); }
  let last = params.N - 1u;
  return vec4(bias[min(n, last)], bias[min(n + 1u, last)], bias[min(n + 2u, last)], bias[min(n + 3u, last)]);
}

// Outputs (m, n .. n + 3): one index for the four (they are consecutive in a row-major or blocked
// output, KC being a multiple of 4, and ldo apart in a transposed one).
fn store4(m: u32, n: u32, s: vec4<f32>, b: vec4<f32>, gm: vec4<f32>, ga: vec4<f32>) {
  if (m >= params.M || n >= params.N) { return; }
  var mo = m;
  if (params.pitch != 0u) {
    let x = m % params.pitch;
    if (x >= params.w) { return; }
    mo = (m / params.pitch) * params.w + x;
  }
  var o = params.o_off + select(mo * params.ldo + n, n * params.ldo + mo, params.out_t != 0u);
  if (params.out_kc_log2 != 0u) { o = blocked_index(mo, n, blocked_k_count(params.N)); }
  let step = select(1u, params.ldo, params.out_t != 0u);
  let count = min(4u, params.N - n);
  var v = s * params.alpha;
  
  {
    if (params.has_bias != 0u) { v += b; }
    v = activate(v);
    v = v * gm + ga;
    
  }
  for (var q = 0u; q < count; q++) { out[o + q * step] = v[q]; }
}

@compute @workgroup_size(8, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(subgroup_invocation_id) sg_lane: u32) {
  let col4 = lid.x;
  let r0 = wg.y * 16u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc1_1 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc2_1 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  var acc3_1 = vec4<f32>();
  var acc4_0 = vec4<f32>();
  var acc4_1 = vec4<f32>();
  var acc5_0 = vec4<f32>();
  var acc5_1 = vec4<f32>();
  var acc6_0 = vec4<f32>();
  var acc6_1 = vec4<f32>();
  var acc7_0 = vec4<f32>();
  var acc7_1 = vec4<f32>();
  var acc8_0 = vec4<f32>();
  var acc8_1 = vec4<f32>();
  var acc9_0 = vec4<f32>();
  var acc9_1 = vec4<f32>();
  var acc10_0 = vec4<f32>();
  var acc10_1 = vec4<f32>();
  var acc11_0 = vec4<f32>();
  var acc11_1 = vec4<f32>();
  var acc12_0 = vec4<f32>();
  var acc12_1 = vec4<f32>();
  var acc13_0 = vec4<f32>();
  var acc13_1 = vec4<f32>();
  var acc14_0 = vec4<f32>();
  var acc14_1 = vec4<f32>();
  var acc15_0 = vec4<f32>();
  var acc15_1 = vec4<f32>();

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w0[w0_at];
    let w0_1 = w0[w0_at + 16u];
    let w0_2 = w0[w0_at + 32u];
    let w0_3 = w0[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w0[w1_at];
    let w1_1 = w0[w1_at + 16u];
    let w1_2 = w0[w1_at + 32u];
    let w1_3 = w0[w1_at + 48u];
    let a_0 = a0[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a0[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a0[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a0[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w1[w0_at];
    let w0_1 = w1[w0_at + 16u];
    let w0_2 = w1[w0_at + 32u];
    let w0_3 = w1[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w1[w1_at];
    let w1_1 = w1[w1_at + 16u];
    let w1_2 = w1[w1_at + 32u];
    let w1_3 = w1[w1_at + 48u];
    let a_0 = a1[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a1[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a1[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a1[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w2[w0_at];
    let w0_1 = w2[w0_at + 16u];
    let w0_2 = w2[w0_at + 32u];
    let w0_3 = w2[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w2[w1_at];
    let w1_1 = w2[w1_at + 16u];
    let w1_2 = w2[w1_at + 32u];
    let w1_3 = w2[w1_at + 48u];
    let a_0 = a2[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a2[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a2[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a2[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }

  for (var k4 = 0u; k4 < params.kc4; k4++) {
    let w0_at = k4 * 64u + col4;
    let w0_0 = w3[w0_at];
    let w0_1 = w3[w0_at + 16u];
    let w0_2 = w3[w0_at + 32u];
    let w0_3 = w3[w0_at + 48u];
    let w1_at = k4 * 64u + col4 + 8u;
    let w1_0 = w3[w1_at];
    let w1_1 = w3[w1_at + 16u];
    let w1_2 = w3[w1_at + 32u];
    let w1_3 = w3[w1_at + 48u];
    let a_0 = a3[(r0 + sg_lane) * params.kc4 + k4];
    let a_1 = a3[(r0 + 4u + sg_lane) * params.kc4 + k4];
    let a_2 = a3[(r0 + 8u + sg_lane) * params.kc4 + k4];
    let a_3 = a3[(r0 + 12u + sg_lane) * params.kc4 + k4];
    { let a = subgroupBroadcast(a_0, 0u); acc0_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc0_0)))); acc0_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc0_1)))); }
    { let a = subgroupBroadcast(a_0, 1u); acc1_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc1_0)))); acc1_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc1_1)))); }
    { let a = subgroupBroadcast(a_0, 2u); acc2_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc2_0)))); acc2_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc2_1)))); }
    { let a = subgroupBroadcast(a_0, 3u); acc3_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc3_0)))); acc3_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc3_1)))); }
    { let a = subgroupBroadcast(a_1, 0u); acc4_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc4_0)))); acc4_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc4_1)))); }
    { let a = subgroupBroadcast(a_1, 1u); acc5_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc5_0)))); acc5_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc5_1)))); }
    { let a = subgroupBroadcast(a_1, 2u); acc6_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc6_0)))); acc6_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc6_1)))); }
    { let a = subgroupBroadcast(a_1, 3u); acc7_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc7_0)))); acc7_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc7_1)))); }
    { let a = subgroupBroadcast(a_2, 0u); acc8_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc8_0)))); acc8_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc8_1)))); }
    { let a = subgroupBroadcast(a_2, 1u); acc9_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc9_0)))); acc9_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc9_1)))); }
    { let a = subgroupBroadcast(a_2, 2u); acc10_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc10_0)))); acc10_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc10_1)))); }
    { let a = subgroupBroadcast(a_2, 3u); acc11_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc11_0)))); acc11_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc11_1)))); }
    { let a = subgroupBroadcast(a_3, 0u); acc12_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc12_0)))); acc12_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc12_1)))); }
    { let a = subgroupBroadcast(a_3, 1u); acc13_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc13_0)))); acc13_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc13_1)))); }
    { let a = subgroupBroadcast(a_3, 2u); acc14_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc14_0)))); acc14_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc14_1)))); }
    { let a = subgroupBroadcast(a_3, 3u); acc15_0 = fma(vec4(a.x), w0_0, fma(vec4(a.y), w0_1, fma(vec4(a.z), w0_2, fma(vec4(a.w), w0_3, acc15_0)))); acc15_1 = fma(vec4(a.x), w1_0, fma(vec4(a.y), w1_1, fma(vec4(a.z), w1_2, fma(vec4(a.w), w1_3, acc15_1)))); }
  }
  // The rows are stored in a loop, not written out like the k loop above: one copy of the
  // epilogue instead of TM makes the shader several times cheaper to compile (SwiftShader).
  // Column vec4 j of the lane: c4 within its block (j / TN), first column n (columns past N are not stored).
  let accs = array<vec4<f32>, 32>(acc0_0, acc0_1, acc1_0, acc1_1, acc2_0, acc2_1, acc3_0, acc3_1, acc4_0, acc4_1, acc5_0, acc5_1, acc6_0, acc6_1, acc7_0, acc7_1, acc8_0, acc8_1, acc9_0, acc9_1, acc10_0, acc10_1, acc11_0, acc11_1, acc12_0, acc12_1, acc13_0, acc13_1, acc14_0, acc14_1, acc15_0, acc15_1);
  let biases = array<vec4<f32>, 2>(bias_at(params.n0 + 0u + 4u * (col4 + 0u)), bias_at(params.n0 + 0u + 4u * (col4 + 8u)));
  for (var i = 0u; i < 16u; i++) {
    let m = params.m0 + r0 + i;
    let t = gate_taps(m);
    for (var j = 0u; j < 2u; j++) {
      let c4 = col4 + (j % 2u) * 8u;
      store4(m, params.n0 + (j / 2u) * 64u + 4u * c4, accs[i * 2u + j], biases[j], gate_mul_at(c4, t.y, t.x), gate_add_at(c4, t.y, t.x));
    }
  }
}
