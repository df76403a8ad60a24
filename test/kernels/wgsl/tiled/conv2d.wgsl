// ==== conv2d(KS=1,TK=16,TM=4,TN=4,WG_X=16,WG_Y=4,act=none,bias=true,gate=false,inB=false,upA=false,wdt=f32)
// generated from the kernel's uniform and binding lists
struct Params {
  cout: u32,
  h: u32,
  w: u32,
  ca: u32,
  ha: u32,
  wa: u32,
  a_off: u32,
  a_cs: u32,
  a_ps: u32,
  cb: u32,
  gh: u32,
  gw: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> xa: array<f32>;
@group(0) @binding(2) var<storage, read_write> xb: array<f32>;
@group(0) @binding(3) var<storage, read_write> w: array<f32>;
@group(0) @binding(4) var<storage, read_write> bias: array<f32>;
@group(0) @binding(5) var<storage, read_write> gate_mul: array<f32>;
@group(0) @binding(6) var<storage, read_write> gate_add: array<f32>;
@group(0) @binding(7) var<storage, read_write> out: array<f32>;

// xa: view of [ca, ha, wa], xb: [cb, h, w], w: [cout, (ca + cb) * KS * KS], bias: [cout],
// gate_mul, gate_add: [cout, gh, gw] -> out: [cout, h, w]

fn activate(x: f32) -> f32 { return x; }

fn w_at(i: u32) -> f32 { return w[i]; }


const KS = 1u;
const KK = 1u;
const PAD = 0;
const BM = 16u;
const BN = 64u;
const TK = 16u;
const THREADS = 64u;
var<workgroup> tile_w: array<vec4<f32>, 64>; // [TK][BM]
var<workgroup> tile_x: array<vec4<f32>, 256>; // [TK][BN]

fn store(m: u32, n: u32, acc: f32) {
  let hw = params.h * params.w;
  if (m >= params.cout || n >= hw) { return; }
  var v = acc;
  v += bias[m];
  v = activate(v);
  
  out[m * hw + n] = v;
}

@compute @workgroup_size(16, 4, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let tid = lid.y * 16u + lid.x;
  let hw = params.h * params.w;
  let m0 = wg.y * BM;
  let n0 = wg.x * BN;
  let K = (params.ca + params.cb) * KK;
  // The X-tile column (output pixel) this thread loads at every K step.
  let ln = tid % BN;
  let p = n0 + ln;
  let py = i32(p / params.w);
  let px = i32(p % params.w);
  var acc0_0 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  for (var k0 = 0u; k0 < K; k0 += TK) {
    for (var i = tid; i < BM * TK; i += THREADS) {
      let m = m0 + i / TK;
      let k = k0 + i % TK;
      var v = 0.0;
      if (m < params.cout && k < K) { v = w_at(m * K + k); }
      let slot = (i % TK) * BM + i / TK;
      tile_w[slot / 4u][slot % 4u] = v;
    }
    for (var r = tid / BN; r < TK; r += THREADS / BN) {
      let k = k0 + r;
      var v = 0.0;
      if (k < K && p < hw) {
        let ci = k / KK;
        let t = k % KK;
        let yy = py + i32(t / KS) - PAD;
        let xx = px + i32(t % KS) - PAD;
        if (yy >= 0 && yy < i32(params.h) && xx >= 0 && xx < i32(params.w)) {
          let sy = u32(yy);
          let sx = u32(xx);
          if (ci < params.ca) {
            v = xa[params.a_off + ci * params.a_cs + (sy * params.wa + sx) * params.a_ps];
          }
        }
      }
      let slot = r * BN + ln;
      tile_x[slot / 4u][slot % 4u] = v;
    }
    workgroupBarrier();
    for (var kk = 0u; kk < TK; kk++) {
      let a0 = tile_w[kk * 4u + lid.y * 1u + 0u];
      let b0 = tile_x[kk * 16u + lid.x * 1u + 0u];
      acc0_0 = fma(vec4<f32>(a0[0]), b0, acc0_0);
      acc1_0 = fma(vec4<f32>(a0[1]), b0, acc1_0);
      acc2_0 = fma(vec4<f32>(a0[2]), b0, acc2_0);
      acc3_0 = fma(vec4<f32>(a0[3]), b0, acc3_0);
    }
    workgroupBarrier();
  }
  store(m0 + lid.y * 4u + 0u, n0 + lid.x * 4u + 0u, acc0_0[0]);
  store(m0 + lid.y * 4u + 0u, n0 + lid.x * 4u + 1u, acc0_0[1]);
  store(m0 + lid.y * 4u + 0u, n0 + lid.x * 4u + 2u, acc0_0[2]);
  store(m0 + lid.y * 4u + 0u, n0 + lid.x * 4u + 3u, acc0_0[3]);
  store(m0 + lid.y * 4u + 1u, n0 + lid.x * 4u + 0u, acc1_0[0]);
  store(m0 + lid.y * 4u + 1u, n0 + lid.x * 4u + 1u, acc1_0[1]);
  store(m0 + lid.y * 4u + 1u, n0 + lid.x * 4u + 2u, acc1_0[2]);
  store(m0 + lid.y * 4u + 1u, n0 + lid.x * 4u + 3u, acc1_0[3]);
  store(m0 + lid.y * 4u + 2u, n0 + lid.x * 4u + 0u, acc2_0[0]);
  store(m0 + lid.y * 4u + 2u, n0 + lid.x * 4u + 1u, acc2_0[1]);
  store(m0 + lid.y * 4u + 2u, n0 + lid.x * 4u + 2u, acc2_0[2]);
  store(m0 + lid.y * 4u + 2u, n0 + lid.x * 4u + 3u, acc2_0[3]);
  store(m0 + lid.y * 4u + 3u, n0 + lid.x * 4u + 0u, acc3_0[0]);
  store(m0 + lid.y * 4u + 3u, n0 + lid.x * 4u + 1u, acc3_0[1]);
  store(m0 + lid.y * 4u + 3u, n0 + lid.x * 4u + 2u, acc3_0[2]);
  store(m0 + lid.y * 4u + 3u, n0 + lid.x * 4u + 3u, acc3_0[3]);
}

// ==== conv2d(KS=1,TK=8,TM=8,TN=8,WG_X=8,WG_Y=8,act=hsigmoid,bias=true,gate=false,inB=false,upA=false,wdt=f32)
// generated from the kernel's uniform and binding lists
struct Params {
  cout: u32,
  h: u32,
  w: u32,
  ca: u32,
  ha: u32,
  wa: u32,
  a_off: u32,
  a_cs: u32,
  a_ps: u32,
  cb: u32,
  gh: u32,
  gw: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> xa: array<f32>;
@group(0) @binding(2) var<storage, read_write> xb: array<f32>;
@group(0) @binding(3) var<storage, read_write> w: array<f32>;
@group(0) @binding(4) var<storage, read_write> bias: array<f32>;
@group(0) @binding(5) var<storage, read_write> gate_mul: array<f32>;
@group(0) @binding(6) var<storage, read_write> gate_add: array<f32>;
@group(0) @binding(7) var<storage, read_write> out: array<f32>;

// xa: view of [ca, ha, wa], xb: [cb, h, w], w: [cout, (ca + cb) * KS * KS], bias: [cout],
// gate_mul, gate_add: [cout, gh, gw] -> out: [cout, h, w]

fn activate(x: f32) -> f32 { return min(max(x + 3.0, 0.0), 6.0) / 6.0; }

fn w_at(i: u32) -> f32 { return w[i]; }


const KS = 1u;
const KK = 1u;
const PAD = 0;
const BM = 64u;
const BN = 64u;
const TK = 8u;
const THREADS = 64u;
var<workgroup> tile_w: array<vec4<f32>, 128>; // [TK][BM]
var<workgroup> tile_x: array<vec4<f32>, 128>; // [TK][BN]

fn store(m: u32, n: u32, acc: f32) {
  let hw = params.h * params.w;
  if (m >= params.cout || n >= hw) { return; }
  var v = acc;
  v += bias[m];
  v = activate(v);
  
  out[m * hw + n] = v;
}

@compute @workgroup_size(8, 8, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let tid = lid.y * 8u + lid.x;
  let hw = params.h * params.w;
  let m0 = wg.y * BM;
  let n0 = wg.x * BN;
  let K = (params.ca + params.cb) * KK;
  // The X-tile column (output pixel) this thread loads at every K step.
  let ln = tid % BN;
  let p = n0 + ln;
  let py = i32(p / params.w);
  let px = i32(p % params.w);
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
  for (var k0 = 0u; k0 < K; k0 += TK) {
    for (var i = tid; i < BM * TK; i += THREADS) {
      let m = m0 + i / TK;
      let k = k0 + i % TK;
      var v = 0.0;
      if (m < params.cout && k < K) { v = w_at(m * K + k); }
      let slot = (i % TK) * BM + i / TK;
      tile_w[slot / 4u][slot % 4u] = v;
    }
    for (var r = tid / BN; r < TK; r += THREADS / BN) {
      let k = k0 + r;
      var v = 0.0;
      if (k < K && p < hw) {
        let ci = k / KK;
        let t = k % KK;
        let yy = py + i32(t / KS) - PAD;
        let xx = px + i32(t % KS) - PAD;
        if (yy >= 0 && yy < i32(params.h) && xx >= 0 && xx < i32(params.w)) {
          let sy = u32(yy);
          let sx = u32(xx);
          if (ci < params.ca) {
            v = xa[params.a_off + ci * params.a_cs + (sy * params.wa + sx) * params.a_ps];
          }
        }
      }
      let slot = r * BN + ln;
      tile_x[slot / 4u][slot % 4u] = v;
    }
    workgroupBarrier();
    for (var kk = 0u; kk < TK; kk++) {
      let a0 = tile_w[kk * 16u + lid.y * 2u + 0u];
      let a1 = tile_w[kk * 16u + lid.y * 2u + 1u];
      let b0 = tile_x[kk * 16u + lid.x * 2u + 0u];
      let b1 = tile_x[kk * 16u + lid.x * 2u + 1u];
      acc0_0 = fma(vec4<f32>(a0[0]), b0, acc0_0);
      acc0_1 = fma(vec4<f32>(a0[0]), b1, acc0_1);
      acc1_0 = fma(vec4<f32>(a0[1]), b0, acc1_0);
      acc1_1 = fma(vec4<f32>(a0[1]), b1, acc1_1);
      acc2_0 = fma(vec4<f32>(a0[2]), b0, acc2_0);
      acc2_1 = fma(vec4<f32>(a0[2]), b1, acc2_1);
      acc3_0 = fma(vec4<f32>(a0[3]), b0, acc3_0);
      acc3_1 = fma(vec4<f32>(a0[3]), b1, acc3_1);
      acc4_0 = fma(vec4<f32>(a1[0]), b0, acc4_0);
      acc4_1 = fma(vec4<f32>(a1[0]), b1, acc4_1);
      acc5_0 = fma(vec4<f32>(a1[1]), b0, acc5_0);
      acc5_1 = fma(vec4<f32>(a1[1]), b1, acc5_1);
      acc6_0 = fma(vec4<f32>(a1[2]), b0, acc6_0);
      acc6_1 = fma(vec4<f32>(a1[2]), b1, acc6_1);
      acc7_0 = fma(vec4<f32>(a1[3]), b0, acc7_0);
      acc7_1 = fma(vec4<f32>(a1[3]), b1, acc7_1);
    }
    workgroupBarrier();
  }
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 0u, acc0_0[0]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 1u, acc0_0[1]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 2u, acc0_0[2]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 3u, acc0_0[3]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 4u, acc0_1[0]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 5u, acc0_1[1]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 6u, acc0_1[2]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 7u, acc0_1[3]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 0u, acc1_0[0]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 1u, acc1_0[1]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 2u, acc1_0[2]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 3u, acc1_0[3]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 4u, acc1_1[0]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 5u, acc1_1[1]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 6u, acc1_1[2]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 7u, acc1_1[3]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 0u, acc2_0[0]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 1u, acc2_0[1]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 2u, acc2_0[2]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 3u, acc2_0[3]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 4u, acc2_1[0]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 5u, acc2_1[1]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 6u, acc2_1[2]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 7u, acc2_1[3]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 0u, acc3_0[0]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 1u, acc3_0[1]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 2u, acc3_0[2]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 3u, acc3_0[3]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 4u, acc3_1[0]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 5u, acc3_1[1]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 6u, acc3_1[2]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 7u, acc3_1[3]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 0u, acc4_0[0]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 1u, acc4_0[1]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 2u, acc4_0[2]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 3u, acc4_0[3]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 4u, acc4_1[0]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 5u, acc4_1[1]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 6u, acc4_1[2]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 7u, acc4_1[3]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 0u, acc5_0[0]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 1u, acc5_0[1]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 2u, acc5_0[2]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 3u, acc5_0[3]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 4u, acc5_1[0]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 5u, acc5_1[1]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 6u, acc5_1[2]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 7u, acc5_1[3]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 0u, acc6_0[0]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 1u, acc6_0[1]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 2u, acc6_0[2]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 3u, acc6_0[3]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 4u, acc6_1[0]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 5u, acc6_1[1]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 6u, acc6_1[2]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 7u, acc6_1[3]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 0u, acc7_0[0]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 1u, acc7_0[1]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 2u, acc7_0[2]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 3u, acc7_0[3]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 4u, acc7_1[0]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 5u, acc7_1[1]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 6u, acc7_1[2]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 7u, acc7_1[3]);
}

// ==== conv2d(KS=1,TK=8,TM=8,TN=8,WG_X=8,WG_Y=8,act=none,bias=true,gate=false,inB=false,upA=false,wdt=f32)
// generated from the kernel's uniform and binding lists
struct Params {
  cout: u32,
  h: u32,
  w: u32,
  ca: u32,
  ha: u32,
  wa: u32,
  a_off: u32,
  a_cs: u32,
  a_ps: u32,
  cb: u32,
  gh: u32,
  gw: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> xa: array<f32>;
@group(0) @binding(2) var<storage, read_write> xb: array<f32>;
@group(0) @binding(3) var<storage, read_write> w: array<f32>;
@group(0) @binding(4) var<storage, read_write> bias: array<f32>;
@group(0) @binding(5) var<storage, read_write> gate_mul: array<f32>;
@group(0) @binding(6) var<storage, read_write> gate_add: array<f32>;
@group(0) @binding(7) var<storage, read_write> out: array<f32>;

// xa: view of [ca, ha, wa], xb: [cb, h, w], w: [cout, (ca + cb) * KS * KS], bias: [cout],
// gate_mul, gate_add: [cout, gh, gw] -> out: [cout, h, w]

fn activate(x: f32) -> f32 { return x; }

fn w_at(i: u32) -> f32 { return w[i]; }


const KS = 1u;
const KK = 1u;
const PAD = 0;
const BM = 64u;
const BN = 64u;
const TK = 8u;
const THREADS = 64u;
var<workgroup> tile_w: array<vec4<f32>, 128>; // [TK][BM]
var<workgroup> tile_x: array<vec4<f32>, 128>; // [TK][BN]

fn store(m: u32, n: u32, acc: f32) {
  let hw = params.h * params.w;
  if (m >= params.cout || n >= hw) { return; }
  var v = acc;
  v += bias[m];
  v = activate(v);
  
  out[m * hw + n] = v;
}

@compute @workgroup_size(8, 8, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let tid = lid.y * 8u + lid.x;
  let hw = params.h * params.w;
  let m0 = wg.y * BM;
  let n0 = wg.x * BN;
  let K = (params.ca + params.cb) * KK;
  // The X-tile column (output pixel) this thread loads at every K step.
  let ln = tid % BN;
  let p = n0 + ln;
  let py = i32(p / params.w);
  let px = i32(p % params.w);
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
  for (var k0 = 0u; k0 < K; k0 += TK) {
    for (var i = tid; i < BM * TK; i += THREADS) {
      let m = m0 + i / TK;
      let k = k0 + i % TK;
      var v = 0.0;
      if (m < params.cout && k < K) { v = w_at(m * K + k); }
      let slot = (i % TK) * BM + i / TK;
      tile_w[slot / 4u][slot % 4u] = v;
    }
    for (var r = tid / BN; r < TK; r += THREADS / BN) {
      let k = k0 + r;
      var v = 0.0;
      if (k < K && p < hw) {
        let ci = k / KK;
        let t = k % KK;
        let yy = py + i32(t / KS) - PAD;
        let xx = px + i32(t % KS) - PAD;
        if (yy >= 0 && yy < i32(params.h) && xx >= 0 && xx < i32(params.w)) {
          let sy = u32(yy);
          let sx = u32(xx);
          if (ci < params.ca) {
            v = xa[params.a_off + ci * params.a_cs + (sy * params.wa + sx) * params.a_ps];
          }
        }
      }
      let slot = r * BN + ln;
      tile_x[slot / 4u][slot % 4u] = v;
    }
    workgroupBarrier();
    for (var kk = 0u; kk < TK; kk++) {
      let a0 = tile_w[kk * 16u + lid.y * 2u + 0u];
      let a1 = tile_w[kk * 16u + lid.y * 2u + 1u];
      let b0 = tile_x[kk * 16u + lid.x * 2u + 0u];
      let b1 = tile_x[kk * 16u + lid.x * 2u + 1u];
      acc0_0 = fma(vec4<f32>(a0[0]), b0, acc0_0);
      acc0_1 = fma(vec4<f32>(a0[0]), b1, acc0_1);
      acc1_0 = fma(vec4<f32>(a0[1]), b0, acc1_0);
      acc1_1 = fma(vec4<f32>(a0[1]), b1, acc1_1);
      acc2_0 = fma(vec4<f32>(a0[2]), b0, acc2_0);
      acc2_1 = fma(vec4<f32>(a0[2]), b1, acc2_1);
      acc3_0 = fma(vec4<f32>(a0[3]), b0, acc3_0);
      acc3_1 = fma(vec4<f32>(a0[3]), b1, acc3_1);
      acc4_0 = fma(vec4<f32>(a1[0]), b0, acc4_0);
      acc4_1 = fma(vec4<f32>(a1[0]), b1, acc4_1);
      acc5_0 = fma(vec4<f32>(a1[1]), b0, acc5_0);
      acc5_1 = fma(vec4<f32>(a1[1]), b1, acc5_1);
      acc6_0 = fma(vec4<f32>(a1[2]), b0, acc6_0);
      acc6_1 = fma(vec4<f32>(a1[2]), b1, acc6_1);
      acc7_0 = fma(vec4<f32>(a1[3]), b0, acc7_0);
      acc7_1 = fma(vec4<f32>(a1[3]), b1, acc7_1);
    }
    workgroupBarrier();
  }
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 0u, acc0_0[0]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 1u, acc0_0[1]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 2u, acc0_0[2]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 3u, acc0_0[3]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 4u, acc0_1[0]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 5u, acc0_1[1]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 6u, acc0_1[2]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 7u, acc0_1[3]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 0u, acc1_0[0]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 1u, acc1_0[1]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 2u, acc1_0[2]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 3u, acc1_0[3]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 4u, acc1_1[0]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 5u, acc1_1[1]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 6u, acc1_1[2]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 7u, acc1_1[3]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 0u, acc2_0[0]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 1u, acc2_0[1]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 2u, acc2_0[2]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 3u, acc2_0[3]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 4u, acc2_1[0]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 5u, acc2_1[1]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 6u, acc2_1[2]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 7u, acc2_1[3]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 0u, acc3_0[0]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 1u, acc3_0[1]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 2u, acc3_0[2]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 3u, acc3_0[3]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 4u, acc3_1[0]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 5u, acc3_1[1]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 6u, acc3_1[2]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 7u, acc3_1[3]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 0u, acc4_0[0]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 1u, acc4_0[1]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 2u, acc4_0[2]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 3u, acc4_0[3]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 4u, acc4_1[0]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 5u, acc4_1[1]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 6u, acc4_1[2]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 7u, acc4_1[3]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 0u, acc5_0[0]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 1u, acc5_0[1]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 2u, acc5_0[2]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 3u, acc5_0[3]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 4u, acc5_1[0]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 5u, acc5_1[1]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 6u, acc5_1[2]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 7u, acc5_1[3]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 0u, acc6_0[0]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 1u, acc6_0[1]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 2u, acc6_0[2]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 3u, acc6_0[3]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 4u, acc6_1[0]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 5u, acc6_1[1]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 6u, acc6_1[2]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 7u, acc6_1[3]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 0u, acc7_0[0]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 1u, acc7_0[1]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 2u, acc7_0[2]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 3u, acc7_0[3]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 4u, acc7_1[0]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 5u, acc7_1[1]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 6u, acc7_1[2]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 7u, acc7_1[3]);
}

// ==== conv2d(KS=1,TK=8,TM=8,TN=8,WG_X=8,WG_Y=8,act=none,bias=true,gate=true,inB=false,upA=false,wdt=f32)
// generated from the kernel's uniform and binding lists
struct Params {
  cout: u32,
  h: u32,
  w: u32,
  ca: u32,
  ha: u32,
  wa: u32,
  a_off: u32,
  a_cs: u32,
  a_ps: u32,
  cb: u32,
  gh: u32,
  gw: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> xa: array<f32>;
@group(0) @binding(2) var<storage, read_write> xb: array<f32>;
@group(0) @binding(3) var<storage, read_write> w: array<f32>;
@group(0) @binding(4) var<storage, read_write> bias: array<f32>;
@group(0) @binding(5) var<storage, read_write> gate_mul: array<f32>;
@group(0) @binding(6) var<storage, read_write> gate_add: array<f32>;
@group(0) @binding(7) var<storage, read_write> out: array<f32>;

// xa: view of [ca, ha, wa], xb: [cb, h, w], w: [cout, (ca + cb) * KS * KS], bias: [cout],
// gate_mul, gate_add: [cout, gh, gw] -> out: [cout, h, w]

fn activate(x: f32) -> f32 { return x; }

fn w_at(i: u32) -> f32 { return w[i]; }

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


fn gate_mul_at(m: u32, ty: LinearTap, tx: LinearTap) -> f32 {
  let base = m * params.gh * params.gw;
  let r0 = base + ty.i0 * params.gw;
  let r1 = base + ty.i1 * params.gw;
  return (gate_mul[r0 + tx.i0] * (1.0 - tx.w1) + gate_mul[r0 + tx.i1] * tx.w1) * (1.0 - ty.w1) + (gate_mul[r1 + tx.i0] * (1.0 - tx.w1) + gate_mul[r1 + tx.i1] * tx.w1) * ty.w1;
}
fn gate_add_at(m: u32, ty: LinearTap, tx: LinearTap) -> f32 {
  let base = m * params.gh * params.gw;
  let r0 = base + ty.i0 * params.gw;
  let r1 = base + ty.i1 * params.gw;
  return (gate_add[r0 + tx.i0] * (1.0 - tx.w1) + gate_add[r0 + tx.i1] * tx.w1) * (1.0 - ty.w1) + (gate_add[r1 + tx.i0] * (1.0 - tx.w1) + gate_add[r1 + tx.i1] * tx.w1) * ty.w1;
}
struct GateTaps { y: LinearTap, x: LinearTap }
fn gate_taps(p: u32) -> GateTaps {
  return GateTaps(linear_tap(p / params.w, params.gh, params.h, false), linear_tap(p % params.w, params.gw, params.w, false));
}
fn gate(v: f32, m: u32, t: GateTaps) -> f32 {
  return v * gate_mul_at(m, t.y, t.x) + gate_add_at(m, t.y, t.x);
}
const KS = 1u;
const KK = 1u;
const PAD = 0;
const BM = 64u;
const BN = 64u;
const TK = 8u;
const THREADS = 64u;
var<workgroup> tile_w: array<vec4<f32>, 128>; // [TK][BM]
var<workgroup> tile_x: array<vec4<f32>, 128>; // [TK][BN]

fn store(m: u32, n: u32, acc: f32) {
  let hw = params.h * params.w;
  if (m >= params.cout || n >= hw) { return; }
  var v = acc;
  v += bias[m];
  v = activate(v);
  v = gate(v, m, gate_taps(n));
  out[m * hw + n] = v;
}

@compute @workgroup_size(8, 8, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let tid = lid.y * 8u + lid.x;
  let hw = params.h * params.w;
  let m0 = wg.y * BM;
  let n0 = wg.x * BN;
  let K = (params.ca + params.cb) * KK;
  // The X-tile column (output pixel) this thread loads at every K step.
  let ln = tid % BN;
  let p = n0 + ln;
  let py = i32(p / params.w);
  let px = i32(p % params.w);
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
  for (var k0 = 0u; k0 < K; k0 += TK) {
    for (var i = tid; i < BM * TK; i += THREADS) {
      let m = m0 + i / TK;
      let k = k0 + i % TK;
      var v = 0.0;
      if (m < params.cout && k < K) { v = w_at(m * K + k); }
      let slot = (i % TK) * BM + i / TK;
      tile_w[slot / 4u][slot % 4u] = v;
    }
    for (var r = tid / BN; r < TK; r += THREADS / BN) {
      let k = k0 + r;
      var v = 0.0;
      if (k < K && p < hw) {
        let ci = k / KK;
        let t = k % KK;
        let yy = py + i32(t / KS) - PAD;
        let xx = px + i32(t % KS) - PAD;
        if (yy >= 0 && yy < i32(params.h) && xx >= 0 && xx < i32(params.w)) {
          let sy = u32(yy);
          let sx = u32(xx);
          if (ci < params.ca) {
            v = xa[params.a_off + ci * params.a_cs + (sy * params.wa + sx) * params.a_ps];
          }
        }
      }
      let slot = r * BN + ln;
      tile_x[slot / 4u][slot % 4u] = v;
    }
    workgroupBarrier();
    for (var kk = 0u; kk < TK; kk++) {
      let a0 = tile_w[kk * 16u + lid.y * 2u + 0u];
      let a1 = tile_w[kk * 16u + lid.y * 2u + 1u];
      let b0 = tile_x[kk * 16u + lid.x * 2u + 0u];
      let b1 = tile_x[kk * 16u + lid.x * 2u + 1u];
      acc0_0 = fma(vec4<f32>(a0[0]), b0, acc0_0);
      acc0_1 = fma(vec4<f32>(a0[0]), b1, acc0_1);
      acc1_0 = fma(vec4<f32>(a0[1]), b0, acc1_0);
      acc1_1 = fma(vec4<f32>(a0[1]), b1, acc1_1);
      acc2_0 = fma(vec4<f32>(a0[2]), b0, acc2_0);
      acc2_1 = fma(vec4<f32>(a0[2]), b1, acc2_1);
      acc3_0 = fma(vec4<f32>(a0[3]), b0, acc3_0);
      acc3_1 = fma(vec4<f32>(a0[3]), b1, acc3_1);
      acc4_0 = fma(vec4<f32>(a1[0]), b0, acc4_0);
      acc4_1 = fma(vec4<f32>(a1[0]), b1, acc4_1);
      acc5_0 = fma(vec4<f32>(a1[1]), b0, acc5_0);
      acc5_1 = fma(vec4<f32>(a1[1]), b1, acc5_1);
      acc6_0 = fma(vec4<f32>(a1[2]), b0, acc6_0);
      acc6_1 = fma(vec4<f32>(a1[2]), b1, acc6_1);
      acc7_0 = fma(vec4<f32>(a1[3]), b0, acc7_0);
      acc7_1 = fma(vec4<f32>(a1[3]), b1, acc7_1);
    }
    workgroupBarrier();
  }
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 0u, acc0_0[0]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 1u, acc0_0[1]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 2u, acc0_0[2]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 3u, acc0_0[3]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 4u, acc0_1[0]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 5u, acc0_1[1]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 6u, acc0_1[2]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 7u, acc0_1[3]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 0u, acc1_0[0]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 1u, acc1_0[1]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 2u, acc1_0[2]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 3u, acc1_0[3]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 4u, acc1_1[0]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 5u, acc1_1[1]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 6u, acc1_1[2]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 7u, acc1_1[3]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 0u, acc2_0[0]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 1u, acc2_0[1]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 2u, acc2_0[2]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 3u, acc2_0[3]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 4u, acc2_1[0]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 5u, acc2_1[1]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 6u, acc2_1[2]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 7u, acc2_1[3]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 0u, acc3_0[0]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 1u, acc3_0[1]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 2u, acc3_0[2]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 3u, acc3_0[3]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 4u, acc3_1[0]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 5u, acc3_1[1]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 6u, acc3_1[2]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 7u, acc3_1[3]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 0u, acc4_0[0]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 1u, acc4_0[1]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 2u, acc4_0[2]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 3u, acc4_0[3]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 4u, acc4_1[0]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 5u, acc4_1[1]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 6u, acc4_1[2]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 7u, acc4_1[3]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 0u, acc5_0[0]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 1u, acc5_0[1]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 2u, acc5_0[2]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 3u, acc5_0[3]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 4u, acc5_1[0]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 5u, acc5_1[1]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 6u, acc5_1[2]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 7u, acc5_1[3]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 0u, acc6_0[0]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 1u, acc6_0[1]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 2u, acc6_0[2]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 3u, acc6_0[3]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 4u, acc6_1[0]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 5u, acc6_1[1]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 6u, acc6_1[2]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 7u, acc6_1[3]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 0u, acc7_0[0]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 1u, acc7_0[1]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 2u, acc7_0[2]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 3u, acc7_0[3]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 4u, acc7_1[0]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 5u, acc7_1[1]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 6u, acc7_1[2]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 7u, acc7_1[3]);
}

// ==== conv2d(KS=3,TK=8,TM=8,TN=8,WG_X=8,WG_Y=8,act=relu,bias=true,gate=false,inB=false,upA=false,wdt=f32)
// generated from the kernel's uniform and binding lists
struct Params {
  cout: u32,
  h: u32,
  w: u32,
  ca: u32,
  ha: u32,
  wa: u32,
  a_off: u32,
  a_cs: u32,
  a_ps: u32,
  cb: u32,
  gh: u32,
  gw: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> xa: array<f32>;
@group(0) @binding(2) var<storage, read_write> xb: array<f32>;
@group(0) @binding(3) var<storage, read_write> w: array<f32>;
@group(0) @binding(4) var<storage, read_write> bias: array<f32>;
@group(0) @binding(5) var<storage, read_write> gate_mul: array<f32>;
@group(0) @binding(6) var<storage, read_write> gate_add: array<f32>;
@group(0) @binding(7) var<storage, read_write> out: array<f32>;

// xa: view of [ca, ha, wa], xb: [cb, h, w], w: [cout, (ca + cb) * KS * KS], bias: [cout],
// gate_mul, gate_add: [cout, gh, gw] -> out: [cout, h, w]

fn activate(x: f32) -> f32 { return max(x, 0.0); }

fn w_at(i: u32) -> f32 { return w[i]; }


const KS = 3u;
const KK = 9u;
const PAD = 1;
const BM = 64u;
const BN = 64u;
const TK = 8u;
const THREADS = 64u;
var<workgroup> tile_w: array<vec4<f32>, 128>; // [TK][BM]
var<workgroup> tile_x: array<vec4<f32>, 128>; // [TK][BN]

fn store(m: u32, n: u32, acc: f32) {
  let hw = params.h * params.w;
  if (m >= params.cout || n >= hw) { return; }
  var v = acc;
  v += bias[m];
  v = activate(v);
  
  out[m * hw + n] = v;
}

@compute @workgroup_size(8, 8, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let tid = lid.y * 8u + lid.x;
  let hw = params.h * params.w;
  let m0 = wg.y * BM;
  let n0 = wg.x * BN;
  let K = (params.ca + params.cb) * KK;
  // The X-tile column (output pixel) this thread loads at every K step.
  let ln = tid % BN;
  let p = n0 + ln;
  let py = i32(p / params.w);
  let px = i32(p % params.w);
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
  for (var k0 = 0u; k0 < K; k0 += TK) {
    for (var i = tid; i < BM * TK; i += THREADS) {
      let m = m0 + i / TK;
      let k = k0 + i % TK;
      var v = 0.0;
      if (m < params.cout && k < K) { v = w_at(m * K + k); }
      let slot = (i % TK) * BM + i / TK;
      tile_w[slot / 4u][slot % 4u] = v;
    }
    for (var r = tid / BN; r < TK; r += THREADS / BN) {
      let k = k0 + r;
      var v = 0.0;
      if (k < K && p < hw) {
        let ci = k / KK;
        let t = k % KK;
        let yy = py + i32(t / KS) - PAD;
        let xx = px + i32(t % KS) - PAD;
        if (yy >= 0 && yy < i32(params.h) && xx >= 0 && xx < i32(params.w)) {
          let sy = u32(yy);
          let sx = u32(xx);
          if (ci < params.ca) {
            v = xa[params.a_off + ci * params.a_cs + (sy * params.wa + sx) * params.a_ps];
          }
        }
      }
      let slot = r * BN + ln;
      tile_x[slot / 4u][slot % 4u] = v;
    }
    workgroupBarrier();
    for (var kk = 0u; kk < TK; kk++) {
      let a0 = tile_w[kk * 16u + lid.y * 2u + 0u];
      let a1 = tile_w[kk * 16u + lid.y * 2u + 1u];
      let b0 = tile_x[kk * 16u + lid.x * 2u + 0u];
      let b1 = tile_x[kk * 16u + lid.x * 2u + 1u];
      acc0_0 = fma(vec4<f32>(a0[0]), b0, acc0_0);
      acc0_1 = fma(vec4<f32>(a0[0]), b1, acc0_1);
      acc1_0 = fma(vec4<f32>(a0[1]), b0, acc1_0);
      acc1_1 = fma(vec4<f32>(a0[1]), b1, acc1_1);
      acc2_0 = fma(vec4<f32>(a0[2]), b0, acc2_0);
      acc2_1 = fma(vec4<f32>(a0[2]), b1, acc2_1);
      acc3_0 = fma(vec4<f32>(a0[3]), b0, acc3_0);
      acc3_1 = fma(vec4<f32>(a0[3]), b1, acc3_1);
      acc4_0 = fma(vec4<f32>(a1[0]), b0, acc4_0);
      acc4_1 = fma(vec4<f32>(a1[0]), b1, acc4_1);
      acc5_0 = fma(vec4<f32>(a1[1]), b0, acc5_0);
      acc5_1 = fma(vec4<f32>(a1[1]), b1, acc5_1);
      acc6_0 = fma(vec4<f32>(a1[2]), b0, acc6_0);
      acc6_1 = fma(vec4<f32>(a1[2]), b1, acc6_1);
      acc7_0 = fma(vec4<f32>(a1[3]), b0, acc7_0);
      acc7_1 = fma(vec4<f32>(a1[3]), b1, acc7_1);
    }
    workgroupBarrier();
  }
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 0u, acc0_0[0]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 1u, acc0_0[1]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 2u, acc0_0[2]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 3u, acc0_0[3]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 4u, acc0_1[0]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 5u, acc0_1[1]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 6u, acc0_1[2]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 7u, acc0_1[3]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 0u, acc1_0[0]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 1u, acc1_0[1]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 2u, acc1_0[2]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 3u, acc1_0[3]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 4u, acc1_1[0]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 5u, acc1_1[1]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 6u, acc1_1[2]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 7u, acc1_1[3]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 0u, acc2_0[0]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 1u, acc2_0[1]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 2u, acc2_0[2]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 3u, acc2_0[3]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 4u, acc2_1[0]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 5u, acc2_1[1]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 6u, acc2_1[2]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 7u, acc2_1[3]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 0u, acc3_0[0]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 1u, acc3_0[1]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 2u, acc3_0[2]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 3u, acc3_0[3]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 4u, acc3_1[0]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 5u, acc3_1[1]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 6u, acc3_1[2]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 7u, acc3_1[3]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 0u, acc4_0[0]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 1u, acc4_0[1]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 2u, acc4_0[2]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 3u, acc4_0[3]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 4u, acc4_1[0]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 5u, acc4_1[1]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 6u, acc4_1[2]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 7u, acc4_1[3]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 0u, acc5_0[0]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 1u, acc5_0[1]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 2u, acc5_0[2]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 3u, acc5_0[3]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 4u, acc5_1[0]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 5u, acc5_1[1]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 6u, acc5_1[2]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 7u, acc5_1[3]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 0u, acc6_0[0]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 1u, acc6_0[1]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 2u, acc6_0[2]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 3u, acc6_0[3]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 4u, acc6_1[0]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 5u, acc6_1[1]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 6u, acc6_1[2]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 7u, acc6_1[3]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 0u, acc7_0[0]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 1u, acc7_0[1]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 2u, acc7_0[2]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 3u, acc7_0[3]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 4u, acc7_1[0]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 5u, acc7_1[1]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 6u, acc7_1[2]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 7u, acc7_1[3]);
}

// ==== conv2d(KS=3,TK=8,TM=8,TN=8,WG_X=8,WG_Y=8,act=relu,bias=true,gate=false,inB=true,upA=true,wdt=f32)
// generated from the kernel's uniform and binding lists
struct Params {
  cout: u32,
  h: u32,
  w: u32,
  ca: u32,
  ha: u32,
  wa: u32,
  a_off: u32,
  a_cs: u32,
  a_ps: u32,
  cb: u32,
  gh: u32,
  gw: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> xa: array<f32>;
@group(0) @binding(2) var<storage, read_write> xb: array<f32>;
@group(0) @binding(3) var<storage, read_write> w: array<f32>;
@group(0) @binding(4) var<storage, read_write> bias: array<f32>;
@group(0) @binding(5) var<storage, read_write> gate_mul: array<f32>;
@group(0) @binding(6) var<storage, read_write> gate_add: array<f32>;
@group(0) @binding(7) var<storage, read_write> out: array<f32>;

// xa: view of [ca, ha, wa], xb: [cb, h, w], w: [cout, (ca + cb) * KS * KS], bias: [cout],
// gate_mul, gate_add: [cout, gh, gw] -> out: [cout, h, w]

fn activate(x: f32) -> f32 { return max(x, 0.0); }

fn w_at(i: u32) -> f32 { return w[i]; }

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


const KS = 3u;
const KK = 9u;
const PAD = 1;
const BM = 64u;
const BN = 64u;
const TK = 8u;
const THREADS = 64u;
var<workgroup> tile_w: array<vec4<f32>, 128>; // [TK][BM]
var<workgroup> tile_x: array<vec4<f32>, 128>; // [TK][BN]

fn store(m: u32, n: u32, acc: f32) {
  let hw = params.h * params.w;
  if (m >= params.cout || n >= hw) { return; }
  var v = acc;
  v += bias[m];
  v = activate(v);
  
  out[m * hw + n] = v;
}

@compute @workgroup_size(8, 8, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let tid = lid.y * 8u + lid.x;
  let hw = params.h * params.w;
  let m0 = wg.y * BM;
  let n0 = wg.x * BN;
  let K = (params.ca + params.cb) * KK;
  // The X-tile column (output pixel) this thread loads at every K step.
  let ln = tid % BN;
  let p = n0 + ln;
  let py = i32(p / params.w);
  let px = i32(p % params.w);
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
  for (var k0 = 0u; k0 < K; k0 += TK) {
    for (var i = tid; i < BM * TK; i += THREADS) {
      let m = m0 + i / TK;
      let k = k0 + i % TK;
      var v = 0.0;
      if (m < params.cout && k < K) { v = w_at(m * K + k); }
      let slot = (i % TK) * BM + i / TK;
      tile_w[slot / 4u][slot % 4u] = v;
    }
    for (var r = tid / BN; r < TK; r += THREADS / BN) {
      let k = k0 + r;
      var v = 0.0;
      if (k < K && p < hw) {
        let ci = k / KK;
        let t = k % KK;
        let yy = py + i32(t / KS) - PAD;
        let xx = px + i32(t % KS) - PAD;
        if (yy >= 0 && yy < i32(params.h) && xx >= 0 && xx < i32(params.w)) {
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
      }
      let slot = r * BN + ln;
      tile_x[slot / 4u][slot % 4u] = v;
    }
    workgroupBarrier();
    for (var kk = 0u; kk < TK; kk++) {
      let a0 = tile_w[kk * 16u + lid.y * 2u + 0u];
      let a1 = tile_w[kk * 16u + lid.y * 2u + 1u];
      let b0 = tile_x[kk * 16u + lid.x * 2u + 0u];
      let b1 = tile_x[kk * 16u + lid.x * 2u + 1u];
      acc0_0 = fma(vec4<f32>(a0[0]), b0, acc0_0);
      acc0_1 = fma(vec4<f32>(a0[0]), b1, acc0_1);
      acc1_0 = fma(vec4<f32>(a0[1]), b0, acc1_0);
      acc1_1 = fma(vec4<f32>(a0[1]), b1, acc1_1);
      acc2_0 = fma(vec4<f32>(a0[2]), b0, acc2_0);
      acc2_1 = fma(vec4<f32>(a0[2]), b1, acc2_1);
      acc3_0 = fma(vec4<f32>(a0[3]), b0, acc3_0);
      acc3_1 = fma(vec4<f32>(a0[3]), b1, acc3_1);
      acc4_0 = fma(vec4<f32>(a1[0]), b0, acc4_0);
      acc4_1 = fma(vec4<f32>(a1[0]), b1, acc4_1);
      acc5_0 = fma(vec4<f32>(a1[1]), b0, acc5_0);
      acc5_1 = fma(vec4<f32>(a1[1]), b1, acc5_1);
      acc6_0 = fma(vec4<f32>(a1[2]), b0, acc6_0);
      acc6_1 = fma(vec4<f32>(a1[2]), b1, acc6_1);
      acc7_0 = fma(vec4<f32>(a1[3]), b0, acc7_0);
      acc7_1 = fma(vec4<f32>(a1[3]), b1, acc7_1);
    }
    workgroupBarrier();
  }
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 0u, acc0_0[0]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 1u, acc0_0[1]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 2u, acc0_0[2]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 3u, acc0_0[3]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 4u, acc0_1[0]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 5u, acc0_1[1]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 6u, acc0_1[2]);
  store(m0 + lid.y * 8u + 0u, n0 + lid.x * 8u + 7u, acc0_1[3]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 0u, acc1_0[0]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 1u, acc1_0[1]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 2u, acc1_0[2]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 3u, acc1_0[3]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 4u, acc1_1[0]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 5u, acc1_1[1]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 6u, acc1_1[2]);
  store(m0 + lid.y * 8u + 1u, n0 + lid.x * 8u + 7u, acc1_1[3]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 0u, acc2_0[0]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 1u, acc2_0[1]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 2u, acc2_0[2]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 3u, acc2_0[3]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 4u, acc2_1[0]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 5u, acc2_1[1]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 6u, acc2_1[2]);
  store(m0 + lid.y * 8u + 2u, n0 + lid.x * 8u + 7u, acc2_1[3]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 0u, acc3_0[0]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 1u, acc3_0[1]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 2u, acc3_0[2]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 3u, acc3_0[3]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 4u, acc3_1[0]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 5u, acc3_1[1]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 6u, acc3_1[2]);
  store(m0 + lid.y * 8u + 3u, n0 + lid.x * 8u + 7u, acc3_1[3]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 0u, acc4_0[0]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 1u, acc4_0[1]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 2u, acc4_0[2]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 3u, acc4_0[3]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 4u, acc4_1[0]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 5u, acc4_1[1]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 6u, acc4_1[2]);
  store(m0 + lid.y * 8u + 4u, n0 + lid.x * 8u + 7u, acc4_1[3]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 0u, acc5_0[0]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 1u, acc5_0[1]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 2u, acc5_0[2]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 3u, acc5_0[3]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 4u, acc5_1[0]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 5u, acc5_1[1]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 6u, acc5_1[2]);
  store(m0 + lid.y * 8u + 5u, n0 + lid.x * 8u + 7u, acc5_1[3]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 0u, acc6_0[0]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 1u, acc6_0[1]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 2u, acc6_0[2]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 3u, acc6_0[3]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 4u, acc6_1[0]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 5u, acc6_1[1]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 6u, acc6_1[2]);
  store(m0 + lid.y * 8u + 6u, n0 + lid.x * 8u + 7u, acc6_1[3]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 0u, acc7_0[0]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 1u, acc7_0[1]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 2u, acc7_0[2]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 3u, acc7_0[3]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 4u, acc7_1[0]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 5u, acc7_1[1]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 6u, acc7_1[2]);
  store(m0 + lid.y * 8u + 7u, n0 + lid.x * 8u + 7u, acc7_1[3]);
}
