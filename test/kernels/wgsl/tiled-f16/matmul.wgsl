// ==== matmul(TK=16,TM=2,TN=4,WG_X=16,WG_Y=16,act=none,bias=true,residual=false,transB=true,wdt=f16)
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  K: u32,
  lda: u32,
  ldb: u32,
  ldo: u32,
  a_batch: u32,
  b_batch: u32,
  o_batch: u32,
  alpha: f32,
  batch: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> a: array<f32>;
@group(0) @binding(2) var<storage, read_write> b: array<u32>;
@group(0) @binding(3) var<storage, read_write> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> residual: array<f32>;
@group(0) @binding(5) var<storage, read_write> out: array<f32>;

// a: [batch][M, K] (row stride lda), b: [batch][K, N] or [N, K] (transB), out: [batch][M, N]

fn activate(x: f32) -> f32 { return x; }

fn b_at(i: u32) -> f32 { return unpack2x16float(b[i >> 1u])[i & 1u]; }
const BM = 32u;
const BN = 64u;
const TK = 16u;
var<workgroup> tile_a: array<f32, 512>; // [TK][BM]
var<workgroup> tile_b: array<f32, 1024>; // [TK][BN]

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let tid = lid.y * 16u + lid.x;
  let row0 = wg.y * BM;
  let col0 = wg.x * BN;
  let a_base = wg.z * params.a_batch;
  let b_base = wg.z * params.b_batch;
  var acc: array<array<f32, 4>, 2>;
  var a_reg: array<f32, 2>;
  var b_reg: array<f32, 4>;

  for (var k0 = 0u; k0 < params.K; k0 += TK) {
    for (var i = tid; i < BM * TK; i += 256u) {
      let m = row0 + i / TK;
      let k = k0 + i % TK;
      var v = 0.0;
      if (m < params.M && k < params.K) { v = a[a_base + m * params.lda + k]; }
      tile_a[(i % TK) * BM + i / TK] = v;
    }
    for (var i = tid; i < BN * TK; i += 256u) {
      let n = col0 + i / TK; let k = k0 + i % TK; let slot = (i % TK) * BN + i / TK;
      var v = 0.0;
      if (n < params.N && k < params.K) { v = b_at(b_base + n * params.ldb + k); }
      tile_b[slot] = v;
    }
    workgroupBarrier();
    for (var kk = 0u; kk < TK; kk++) {
      for (var i = 0u; i < 2u; i++) { a_reg[i] = tile_a[kk * BM + lid.y * 2u + i]; }
      for (var j = 0u; j < 4u; j++) { b_reg[j] = tile_b[kk * BN + lid.x * 4u + j]; }
      for (var i = 0u; i < 2u; i++) {
        for (var j = 0u; j < 4u; j++) { acc[i][j] = fma(a_reg[i], b_reg[j], acc[i][j]); }
      }
    }
    workgroupBarrier();
  }

  let o_base = wg.z * params.o_batch;
  for (var i = 0u; i < 2u; i++) {
    let m = row0 + lid.y * 2u + i;
    if (m >= params.M) { break; }
    for (var j = 0u; j < 4u; j++) {
      let n = col0 + lid.x * 4u + j;
      if (n >= params.N) { break; }
      var v = acc[i][j] * params.alpha;
      v += bias[n];
      v = activate(v);
      let o = o_base + m * params.ldo + n;
      
      out[o] = v;
    }
  }
}

// ==== matmul(TK=16,TM=2,TN=4,WG_X=16,WG_Y=16,act=relu,bias=true,residual=false,transB=true,wdt=f16)
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  K: u32,
  lda: u32,
  ldb: u32,
  ldo: u32,
  a_batch: u32,
  b_batch: u32,
  o_batch: u32,
  alpha: f32,
  batch: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> a: array<f32>;
@group(0) @binding(2) var<storage, read_write> b: array<u32>;
@group(0) @binding(3) var<storage, read_write> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> residual: array<f32>;
@group(0) @binding(5) var<storage, read_write> out: array<f32>;

// a: [batch][M, K] (row stride lda), b: [batch][K, N] or [N, K] (transB), out: [batch][M, N]

fn activate(x: f32) -> f32 { return max(x, 0.0); }

fn b_at(i: u32) -> f32 { return unpack2x16float(b[i >> 1u])[i & 1u]; }
const BM = 32u;
const BN = 64u;
const TK = 16u;
var<workgroup> tile_a: array<f32, 512>; // [TK][BM]
var<workgroup> tile_b: array<f32, 1024>; // [TK][BN]

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let tid = lid.y * 16u + lid.x;
  let row0 = wg.y * BM;
  let col0 = wg.x * BN;
  let a_base = wg.z * params.a_batch;
  let b_base = wg.z * params.b_batch;
  var acc: array<array<f32, 4>, 2>;
  var a_reg: array<f32, 2>;
  var b_reg: array<f32, 4>;

  for (var k0 = 0u; k0 < params.K; k0 += TK) {
    for (var i = tid; i < BM * TK; i += 256u) {
      let m = row0 + i / TK;
      let k = k0 + i % TK;
      var v = 0.0;
      if (m < params.M && k < params.K) { v = a[a_base + m * params.lda + k]; }
      tile_a[(i % TK) * BM + i / TK] = v;
    }
    for (var i = tid; i < BN * TK; i += 256u) {
      let n = col0 + i / TK; let k = k0 + i % TK; let slot = (i % TK) * BN + i / TK;
      var v = 0.0;
      if (n < params.N && k < params.K) { v = b_at(b_base + n * params.ldb + k); }
      tile_b[slot] = v;
    }
    workgroupBarrier();
    for (var kk = 0u; kk < TK; kk++) {
      for (var i = 0u; i < 2u; i++) { a_reg[i] = tile_a[kk * BM + lid.y * 2u + i]; }
      for (var j = 0u; j < 4u; j++) { b_reg[j] = tile_b[kk * BN + lid.x * 4u + j]; }
      for (var i = 0u; i < 2u; i++) {
        for (var j = 0u; j < 4u; j++) { acc[i][j] = fma(a_reg[i], b_reg[j], acc[i][j]); }
      }
    }
    workgroupBarrier();
  }

  let o_base = wg.z * params.o_batch;
  for (var i = 0u; i < 2u; i++) {
    let m = row0 + lid.y * 2u + i;
    if (m >= params.M) { break; }
    for (var j = 0u; j < 4u; j++) {
      let n = col0 + lid.x * 4u + j;
      if (n >= params.N) { break; }
      var v = acc[i][j] * params.alpha;
      v += bias[n];
      v = activate(v);
      let o = o_base + m * params.ldo + n;
      
      out[o] = v;
    }
  }
}

// ==== matmul(TK=16,TM=2,TN=4,WG_X=16,WG_Y=16,act=sigmoid,bias=true,residual=false,transB=true,wdt=f16)
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  K: u32,
  lda: u32,
  ldb: u32,
  ldo: u32,
  a_batch: u32,
  b_batch: u32,
  o_batch: u32,
  alpha: f32,
  batch: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> a: array<f32>;
@group(0) @binding(2) var<storage, read_write> b: array<u32>;
@group(0) @binding(3) var<storage, read_write> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> residual: array<f32>;
@group(0) @binding(5) var<storage, read_write> out: array<f32>;

// a: [batch][M, K] (row stride lda), b: [batch][K, N] or [N, K] (transB), out: [batch][M, N]

fn activate(x: f32) -> f32 { return 1.0 / (1.0 + exp(-x)); }

fn b_at(i: u32) -> f32 { return unpack2x16float(b[i >> 1u])[i & 1u]; }
const BM = 32u;
const BN = 64u;
const TK = 16u;
var<workgroup> tile_a: array<f32, 512>; // [TK][BM]
var<workgroup> tile_b: array<f32, 1024>; // [TK][BN]

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let tid = lid.y * 16u + lid.x;
  let row0 = wg.y * BM;
  let col0 = wg.x * BN;
  let a_base = wg.z * params.a_batch;
  let b_base = wg.z * params.b_batch;
  var acc: array<array<f32, 4>, 2>;
  var a_reg: array<f32, 2>;
  var b_reg: array<f32, 4>;

  for (var k0 = 0u; k0 < params.K; k0 += TK) {
    for (var i = tid; i < BM * TK; i += 256u) {
      let m = row0 + i / TK;
      let k = k0 + i % TK;
      var v = 0.0;
      if (m < params.M && k < params.K) { v = a[a_base + m * params.lda + k]; }
      tile_a[(i % TK) * BM + i / TK] = v;
    }
    for (var i = tid; i < BN * TK; i += 256u) {
      let n = col0 + i / TK; let k = k0 + i % TK; let slot = (i % TK) * BN + i / TK;
      var v = 0.0;
      if (n < params.N && k < params.K) { v = b_at(b_base + n * params.ldb + k); }
      tile_b[slot] = v;
    }
    workgroupBarrier();
    for (var kk = 0u; kk < TK; kk++) {
      for (var i = 0u; i < 2u; i++) { a_reg[i] = tile_a[kk * BM + lid.y * 2u + i]; }
      for (var j = 0u; j < 4u; j++) { b_reg[j] = tile_b[kk * BN + lid.x * 4u + j]; }
      for (var i = 0u; i < 2u; i++) {
        for (var j = 0u; j < 4u; j++) { acc[i][j] = fma(a_reg[i], b_reg[j], acc[i][j]); }
      }
    }
    workgroupBarrier();
  }

  let o_base = wg.z * params.o_batch;
  for (var i = 0u; i < 2u; i++) {
    let m = row0 + lid.y * 2u + i;
    if (m >= params.M) { break; }
    for (var j = 0u; j < 4u; j++) {
      let n = col0 + lid.x * 4u + j;
      if (n >= params.N) { break; }
      var v = acc[i][j] * params.alpha;
      v += bias[n];
      v = activate(v);
      let o = o_base + m * params.ldo + n;
      
      out[o] = v;
    }
  }
}

// ==== matmul(TK=16,TM=4,TN=4,WG_X=16,WG_Y=16,act=gelu,bias=true,residual=false,transB=true,wdt=f16)
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  K: u32,
  lda: u32,
  ldb: u32,
  ldo: u32,
  a_batch: u32,
  b_batch: u32,
  o_batch: u32,
  alpha: f32,
  batch: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> a: array<f32>;
@group(0) @binding(2) var<storage, read_write> b: array<u32>;
@group(0) @binding(3) var<storage, read_write> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> residual: array<f32>;
@group(0) @binding(5) var<storage, read_write> out: array<f32>;

// a: [batch][M, K] (row stride lda), b: [batch][K, N] or [N, K] (transB), out: [batch][M, N]

fn erf_f32(v: f32) -> f32 {
  let x = clamp(v, -4.0, 4.0);
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

fn activate(x: f32) -> f32 { return 0.5 * x * (1.0 + erf_f32(x * 0.7071067811865476)); }

fn b_at(i: u32) -> f32 { return unpack2x16float(b[i >> 1u])[i & 1u]; }
const BM = 64u;
const BN = 64u;
const TK = 16u;
var<workgroup> tile_a: array<f32, 1024>; // [TK][BM]
var<workgroup> tile_b: array<f32, 1024>; // [TK][BN]

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let tid = lid.y * 16u + lid.x;
  let row0 = wg.y * BM;
  let col0 = wg.x * BN;
  let a_base = wg.z * params.a_batch;
  let b_base = wg.z * params.b_batch;
  var acc: array<array<f32, 4>, 4>;
  var a_reg: array<f32, 4>;
  var b_reg: array<f32, 4>;

  for (var k0 = 0u; k0 < params.K; k0 += TK) {
    for (var i = tid; i < BM * TK; i += 256u) {
      let m = row0 + i / TK;
      let k = k0 + i % TK;
      var v = 0.0;
      if (m < params.M && k < params.K) { v = a[a_base + m * params.lda + k]; }
      tile_a[(i % TK) * BM + i / TK] = v;
    }
    for (var i = tid; i < BN * TK; i += 256u) {
      let n = col0 + i / TK; let k = k0 + i % TK; let slot = (i % TK) * BN + i / TK;
      var v = 0.0;
      if (n < params.N && k < params.K) { v = b_at(b_base + n * params.ldb + k); }
      tile_b[slot] = v;
    }
    workgroupBarrier();
    for (var kk = 0u; kk < TK; kk++) {
      for (var i = 0u; i < 4u; i++) { a_reg[i] = tile_a[kk * BM + lid.y * 4u + i]; }
      for (var j = 0u; j < 4u; j++) { b_reg[j] = tile_b[kk * BN + lid.x * 4u + j]; }
      for (var i = 0u; i < 4u; i++) {
        for (var j = 0u; j < 4u; j++) { acc[i][j] = fma(a_reg[i], b_reg[j], acc[i][j]); }
      }
    }
    workgroupBarrier();
  }

  let o_base = wg.z * params.o_batch;
  for (var i = 0u; i < 4u; i++) {
    let m = row0 + lid.y * 4u + i;
    if (m >= params.M) { break; }
    for (var j = 0u; j < 4u; j++) {
      let n = col0 + lid.x * 4u + j;
      if (n >= params.N) { break; }
      var v = acc[i][j] * params.alpha;
      v += bias[n];
      v = activate(v);
      let o = o_base + m * params.ldo + n;
      
      out[o] = v;
    }
  }
}

// ==== matmul(TK=16,TM=4,TN=4,WG_X=16,WG_Y=16,act=none,bias=false,residual=false,transB=true,wdt=f16)
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  K: u32,
  lda: u32,
  ldb: u32,
  ldo: u32,
  a_batch: u32,
  b_batch: u32,
  o_batch: u32,
  alpha: f32,
  batch: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> a: array<f32>;
@group(0) @binding(2) var<storage, read_write> b: array<u32>;
@group(0) @binding(3) var<storage, read_write> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> residual: array<f32>;
@group(0) @binding(5) var<storage, read_write> out: array<f32>;

// a: [batch][M, K] (row stride lda), b: [batch][K, N] or [N, K] (transB), out: [batch][M, N]

fn activate(x: f32) -> f32 { return x; }

fn b_at(i: u32) -> f32 { return unpack2x16float(b[i >> 1u])[i & 1u]; }
const BM = 64u;
const BN = 64u;
const TK = 16u;
var<workgroup> tile_a: array<f32, 1024>; // [TK][BM]
var<workgroup> tile_b: array<f32, 1024>; // [TK][BN]

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let tid = lid.y * 16u + lid.x;
  let row0 = wg.y * BM;
  let col0 = wg.x * BN;
  let a_base = wg.z * params.a_batch;
  let b_base = wg.z * params.b_batch;
  var acc: array<array<f32, 4>, 4>;
  var a_reg: array<f32, 4>;
  var b_reg: array<f32, 4>;

  for (var k0 = 0u; k0 < params.K; k0 += TK) {
    for (var i = tid; i < BM * TK; i += 256u) {
      let m = row0 + i / TK;
      let k = k0 + i % TK;
      var v = 0.0;
      if (m < params.M && k < params.K) { v = a[a_base + m * params.lda + k]; }
      tile_a[(i % TK) * BM + i / TK] = v;
    }
    for (var i = tid; i < BN * TK; i += 256u) {
      let n = col0 + i / TK; let k = k0 + i % TK; let slot = (i % TK) * BN + i / TK;
      var v = 0.0;
      if (n < params.N && k < params.K) { v = b_at(b_base + n * params.ldb + k); }
      tile_b[slot] = v;
    }
    workgroupBarrier();
    for (var kk = 0u; kk < TK; kk++) {
      for (var i = 0u; i < 4u; i++) { a_reg[i] = tile_a[kk * BM + lid.y * 4u + i]; }
      for (var j = 0u; j < 4u; j++) { b_reg[j] = tile_b[kk * BN + lid.x * 4u + j]; }
      for (var i = 0u; i < 4u; i++) {
        for (var j = 0u; j < 4u; j++) { acc[i][j] = fma(a_reg[i], b_reg[j], acc[i][j]); }
      }
    }
    workgroupBarrier();
  }

  let o_base = wg.z * params.o_batch;
  for (var i = 0u; i < 4u; i++) {
    let m = row0 + lid.y * 4u + i;
    if (m >= params.M) { break; }
    for (var j = 0u; j < 4u; j++) {
      let n = col0 + lid.x * 4u + j;
      if (n >= params.N) { break; }
      var v = acc[i][j] * params.alpha;
      
      v = activate(v);
      let o = o_base + m * params.ldo + n;
      
      out[o] = v;
    }
  }
}

// ==== matmul(TK=16,TM=4,TN=4,WG_X=16,WG_Y=16,act=none,bias=true,residual=false,transB=true,wdt=f16)
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  K: u32,
  lda: u32,
  ldb: u32,
  ldo: u32,
  a_batch: u32,
  b_batch: u32,
  o_batch: u32,
  alpha: f32,
  batch: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> a: array<f32>;
@group(0) @binding(2) var<storage, read_write> b: array<u32>;
@group(0) @binding(3) var<storage, read_write> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> residual: array<f32>;
@group(0) @binding(5) var<storage, read_write> out: array<f32>;

// a: [batch][M, K] (row stride lda), b: [batch][K, N] or [N, K] (transB), out: [batch][M, N]

fn activate(x: f32) -> f32 { return x; }

fn b_at(i: u32) -> f32 { return unpack2x16float(b[i >> 1u])[i & 1u]; }
const BM = 64u;
const BN = 64u;
const TK = 16u;
var<workgroup> tile_a: array<f32, 1024>; // [TK][BM]
var<workgroup> tile_b: array<f32, 1024>; // [TK][BN]

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let tid = lid.y * 16u + lid.x;
  let row0 = wg.y * BM;
  let col0 = wg.x * BN;
  let a_base = wg.z * params.a_batch;
  let b_base = wg.z * params.b_batch;
  var acc: array<array<f32, 4>, 4>;
  var a_reg: array<f32, 4>;
  var b_reg: array<f32, 4>;

  for (var k0 = 0u; k0 < params.K; k0 += TK) {
    for (var i = tid; i < BM * TK; i += 256u) {
      let m = row0 + i / TK;
      let k = k0 + i % TK;
      var v = 0.0;
      if (m < params.M && k < params.K) { v = a[a_base + m * params.lda + k]; }
      tile_a[(i % TK) * BM + i / TK] = v;
    }
    for (var i = tid; i < BN * TK; i += 256u) {
      let n = col0 + i / TK; let k = k0 + i % TK; let slot = (i % TK) * BN + i / TK;
      var v = 0.0;
      if (n < params.N && k < params.K) { v = b_at(b_base + n * params.ldb + k); }
      tile_b[slot] = v;
    }
    workgroupBarrier();
    for (var kk = 0u; kk < TK; kk++) {
      for (var i = 0u; i < 4u; i++) { a_reg[i] = tile_a[kk * BM + lid.y * 4u + i]; }
      for (var j = 0u; j < 4u; j++) { b_reg[j] = tile_b[kk * BN + lid.x * 4u + j]; }
      for (var i = 0u; i < 4u; i++) {
        for (var j = 0u; j < 4u; j++) { acc[i][j] = fma(a_reg[i], b_reg[j], acc[i][j]); }
      }
    }
    workgroupBarrier();
  }

  let o_base = wg.z * params.o_batch;
  for (var i = 0u; i < 4u; i++) {
    let m = row0 + lid.y * 4u + i;
    if (m >= params.M) { break; }
    for (var j = 0u; j < 4u; j++) {
      let n = col0 + lid.x * 4u + j;
      if (n >= params.N) { break; }
      var v = acc[i][j] * params.alpha;
      v += bias[n];
      v = activate(v);
      let o = o_base + m * params.ldo + n;
      
      out[o] = v;
    }
  }
}

// ==== matmul(TK=16,TM=4,TN=4,WG_X=16,WG_Y=16,act=none,bias=true,residual=true,transB=true,wdt=f16)
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  K: u32,
  lda: u32,
  ldb: u32,
  ldo: u32,
  a_batch: u32,
  b_batch: u32,
  o_batch: u32,
  alpha: f32,
  batch: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> a: array<f32>;
@group(0) @binding(2) var<storage, read_write> b: array<u32>;
@group(0) @binding(3) var<storage, read_write> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> residual: array<f32>;
@group(0) @binding(5) var<storage, read_write> out: array<f32>;

// a: [batch][M, K] (row stride lda), b: [batch][K, N] or [N, K] (transB), out: [batch][M, N]

fn activate(x: f32) -> f32 { return x; }

fn b_at(i: u32) -> f32 { return unpack2x16float(b[i >> 1u])[i & 1u]; }
const BM = 64u;
const BN = 64u;
const TK = 16u;
var<workgroup> tile_a: array<f32, 1024>; // [TK][BM]
var<workgroup> tile_b: array<f32, 1024>; // [TK][BN]

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let tid = lid.y * 16u + lid.x;
  let row0 = wg.y * BM;
  let col0 = wg.x * BN;
  let a_base = wg.z * params.a_batch;
  let b_base = wg.z * params.b_batch;
  var acc: array<array<f32, 4>, 4>;
  var a_reg: array<f32, 4>;
  var b_reg: array<f32, 4>;

  for (var k0 = 0u; k0 < params.K; k0 += TK) {
    for (var i = tid; i < BM * TK; i += 256u) {
      let m = row0 + i / TK;
      let k = k0 + i % TK;
      var v = 0.0;
      if (m < params.M && k < params.K) { v = a[a_base + m * params.lda + k]; }
      tile_a[(i % TK) * BM + i / TK] = v;
    }
    for (var i = tid; i < BN * TK; i += 256u) {
      let n = col0 + i / TK; let k = k0 + i % TK; let slot = (i % TK) * BN + i / TK;
      var v = 0.0;
      if (n < params.N && k < params.K) { v = b_at(b_base + n * params.ldb + k); }
      tile_b[slot] = v;
    }
    workgroupBarrier();
    for (var kk = 0u; kk < TK; kk++) {
      for (var i = 0u; i < 4u; i++) { a_reg[i] = tile_a[kk * BM + lid.y * 4u + i]; }
      for (var j = 0u; j < 4u; j++) { b_reg[j] = tile_b[kk * BN + lid.x * 4u + j]; }
      for (var i = 0u; i < 4u; i++) {
        for (var j = 0u; j < 4u; j++) { acc[i][j] = fma(a_reg[i], b_reg[j], acc[i][j]); }
      }
    }
    workgroupBarrier();
  }

  let o_base = wg.z * params.o_batch;
  for (var i = 0u; i < 4u; i++) {
    let m = row0 + lid.y * 4u + i;
    if (m >= params.M) { break; }
    for (var j = 0u; j < 4u; j++) {
      let n = col0 + lid.x * 4u + j;
      if (n >= params.N) { break; }
      var v = acc[i][j] * params.alpha;
      v += bias[n];
      v = activate(v);
      let o = o_base + m * params.ldo + n;
      v += residual[o];
      out[o] = v;
    }
  }
}

// ==== matmul(TK=16,TM=4,TN=4,WG_X=16,WG_Y=16,act=relu,bias=false,residual=false,transB=true,wdt=f16)
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  K: u32,
  lda: u32,
  ldb: u32,
  ldo: u32,
  a_batch: u32,
  b_batch: u32,
  o_batch: u32,
  alpha: f32,
  batch: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> a: array<f32>;
@group(0) @binding(2) var<storage, read_write> b: array<u32>;
@group(0) @binding(3) var<storage, read_write> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> residual: array<f32>;
@group(0) @binding(5) var<storage, read_write> out: array<f32>;

// a: [batch][M, K] (row stride lda), b: [batch][K, N] or [N, K] (transB), out: [batch][M, N]

fn activate(x: f32) -> f32 { return max(x, 0.0); }

fn b_at(i: u32) -> f32 { return unpack2x16float(b[i >> 1u])[i & 1u]; }
const BM = 64u;
const BN = 64u;
const TK = 16u;
var<workgroup> tile_a: array<f32, 1024>; // [TK][BM]
var<workgroup> tile_b: array<f32, 1024>; // [TK][BN]

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let tid = lid.y * 16u + lid.x;
  let row0 = wg.y * BM;
  let col0 = wg.x * BN;
  let a_base = wg.z * params.a_batch;
  let b_base = wg.z * params.b_batch;
  var acc: array<array<f32, 4>, 4>;
  var a_reg: array<f32, 4>;
  var b_reg: array<f32, 4>;

  for (var k0 = 0u; k0 < params.K; k0 += TK) {
    for (var i = tid; i < BM * TK; i += 256u) {
      let m = row0 + i / TK;
      let k = k0 + i % TK;
      var v = 0.0;
      if (m < params.M && k < params.K) { v = a[a_base + m * params.lda + k]; }
      tile_a[(i % TK) * BM + i / TK] = v;
    }
    for (var i = tid; i < BN * TK; i += 256u) {
      let n = col0 + i / TK; let k = k0 + i % TK; let slot = (i % TK) * BN + i / TK;
      var v = 0.0;
      if (n < params.N && k < params.K) { v = b_at(b_base + n * params.ldb + k); }
      tile_b[slot] = v;
    }
    workgroupBarrier();
    for (var kk = 0u; kk < TK; kk++) {
      for (var i = 0u; i < 4u; i++) { a_reg[i] = tile_a[kk * BM + lid.y * 4u + i]; }
      for (var j = 0u; j < 4u; j++) { b_reg[j] = tile_b[kk * BN + lid.x * 4u + j]; }
      for (var i = 0u; i < 4u; i++) {
        for (var j = 0u; j < 4u; j++) { acc[i][j] = fma(a_reg[i], b_reg[j], acc[i][j]); }
      }
    }
    workgroupBarrier();
  }

  let o_base = wg.z * params.o_batch;
  for (var i = 0u; i < 4u; i++) {
    let m = row0 + lid.y * 4u + i;
    if (m >= params.M) { break; }
    for (var j = 0u; j < 4u; j++) {
      let n = col0 + lid.x * 4u + j;
      if (n >= params.N) { break; }
      var v = acc[i][j] * params.alpha;
      
      v = activate(v);
      let o = o_base + m * params.ldo + n;
      
      out[o] = v;
    }
  }
}

// ==== matmul(TK=16,TM=4,TN=4,WG_X=16,WG_Y=16,act=tanh,bias=false,residual=false,transB=true,wdt=f16)
// generated from the kernel's uniform and binding lists
struct Params {
  M: u32,
  N: u32,
  K: u32,
  lda: u32,
  ldb: u32,
  ldo: u32,
  a_batch: u32,
  b_batch: u32,
  o_batch: u32,
  alpha: f32,
  batch: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> a: array<f32>;
@group(0) @binding(2) var<storage, read_write> b: array<u32>;
@group(0) @binding(3) var<storage, read_write> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> residual: array<f32>;
@group(0) @binding(5) var<storage, read_write> out: array<f32>;

// a: [batch][M, K] (row stride lda), b: [batch][K, N] or [N, K] (transB), out: [batch][M, N]

fn activate(x: f32) -> f32 { return tanh(clamp(x, -15.0, 15.0)); }

fn b_at(i: u32) -> f32 { return unpack2x16float(b[i >> 1u])[i & 1u]; }
const BM = 64u;
const BN = 64u;
const TK = 16u;
var<workgroup> tile_a: array<f32, 1024>; // [TK][BM]
var<workgroup> tile_b: array<f32, 1024>; // [TK][BN]

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let tid = lid.y * 16u + lid.x;
  let row0 = wg.y * BM;
  let col0 = wg.x * BN;
  let a_base = wg.z * params.a_batch;
  let b_base = wg.z * params.b_batch;
  var acc: array<array<f32, 4>, 4>;
  var a_reg: array<f32, 4>;
  var b_reg: array<f32, 4>;

  for (var k0 = 0u; k0 < params.K; k0 += TK) {
    for (var i = tid; i < BM * TK; i += 256u) {
      let m = row0 + i / TK;
      let k = k0 + i % TK;
      var v = 0.0;
      if (m < params.M && k < params.K) { v = a[a_base + m * params.lda + k]; }
      tile_a[(i % TK) * BM + i / TK] = v;
    }
    for (var i = tid; i < BN * TK; i += 256u) {
      let n = col0 + i / TK; let k = k0 + i % TK; let slot = (i % TK) * BN + i / TK;
      var v = 0.0;
      if (n < params.N && k < params.K) { v = b_at(b_base + n * params.ldb + k); }
      tile_b[slot] = v;
    }
    workgroupBarrier();
    for (var kk = 0u; kk < TK; kk++) {
      for (var i = 0u; i < 4u; i++) { a_reg[i] = tile_a[kk * BM + lid.y * 4u + i]; }
      for (var j = 0u; j < 4u; j++) { b_reg[j] = tile_b[kk * BN + lid.x * 4u + j]; }
      for (var i = 0u; i < 4u; i++) {
        for (var j = 0u; j < 4u; j++) { acc[i][j] = fma(a_reg[i], b_reg[j], acc[i][j]); }
      }
    }
    workgroupBarrier();
  }

  let o_base = wg.z * params.o_batch;
  for (var i = 0u; i < 4u; i++) {
    let m = row0 + lid.y * 4u + i;
    if (m >= params.M) { break; }
    for (var j = 0u; j < 4u; j++) {
      let n = col0 + lid.x * 4u + j;
      if (n >= params.N) { break; }
      var v = acc[i][j] * params.alpha;
      
      v = activate(v);
      let o = o_base + m * params.ldo + n;
      
      out[o] = v;
    }
  }
}
