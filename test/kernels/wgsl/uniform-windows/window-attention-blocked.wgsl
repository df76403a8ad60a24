// ==== window-attention-blocked(J=3,TQ=6,WG=8,blockedOut=true,headDim=32,window=12)
// generated from the kernel's uniform and binding lists
struct Params {
  H: u32,
  W: u32,
  C: u32,
  Hp: u32,
  Wp: u32,
  win_cols: u32,
  win0: u32,
  count: u32,
  head: u32,
  scale: f32,
  shift: u32,
  out_kc_log2: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> qkv: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> qkv_bias: array<vec4<f32>>;
@group(0) @binding(3) var<uniform> k: array<vec4<f32>, 3456>;
@group(0) @binding(4) var<uniform> v: array<vec4<f32>, 3456>;
@group(0) @binding(5) var<uniform> table: array<vec4<f32>, 144>;
@group(0) @binding(6) var<storage, read_write> out: array<vec4<f32>>;

// qkv: [H*W, 3C], qkv_bias: [3C], k, v: [3][144][8] vec4 of windows win0.. of head head,
// table: bias column [(2w-1)^2] of head -> out: [H*W, C] in A blocks (those windows' tokens, the head's columns)

fn region(v: u32, size: u32) -> u32 {
  if (v < size - 12u) { return 0u; }
  if (v < size - params.shift) { return 1u; }
  return 2u;
}
fn blocked_index(m: u32, k: u32, kb_count: u32) -> u32 {
  let kc_log2 = params.out_kc_log2;
  let mb_log2 = 14u - kc_log2;
  return (((m >> mb_log2) * kb_count + (k >> kc_log2)) << 14u) + ((m & ((1u << mb_log2) - 1u)) << kc_log2) + (k & ((1u << kc_log2) - 1u));
}
fn blocked_k_count(cols: u32) -> u32 { return (cols + (1u << params.out_kc_log2) - 1u) >> params.out_kc_log2; }

fn bias(i: u32) -> f32 { return table[i / 4u][i % 4u]; }
const N = 144u;
const D4 = 8u;

@compute @workgroup_size(8)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_index) lid: u32) {
  if (wg.y >= params.count) { return; }
  let win = params.win0 + wg.y;
  let kb = wg.y * N * D4;
  let c4 = params.C / 4u;
  let y0 = (win / params.win_cols) * 12u;
  let x0 = (win % params.win_cols) * 12u;
  let q_col = params.head * D4;

  let i0 = wg.x * 48u + 0u + lid;
  let qi0 = min(i0, N - 1u) / 12u;
  let qj0 = min(i0, N - 1u) % 12u;
  let py0 = (y0 + qi0 + params.shift) % params.Hp;
  let px0 = (x0 + qj0 + params.shift) % params.Wp;
  let real0 = py0 < params.H && px0 < params.W;
  let tok0 = py0 * params.W + px0;
  var q0: array<vec4<f32>, 8>;
  if (real0) {
    q0[0] = qkv[tok0 * 3u * c4 + q_col + 0u] * params.scale;
    q0[1] = qkv[tok0 * 3u * c4 + q_col + 1u] * params.scale;
    q0[2] = qkv[tok0 * 3u * c4 + q_col + 2u] * params.scale;
    q0[3] = qkv[tok0 * 3u * c4 + q_col + 3u] * params.scale;
    q0[4] = qkv[tok0 * 3u * c4 + q_col + 4u] * params.scale;
    q0[5] = qkv[tok0 * 3u * c4 + q_col + 5u] * params.scale;
    q0[6] = qkv[tok0 * 3u * c4 + q_col + 6u] * params.scale;
    q0[7] = qkv[tok0 * 3u * c4 + q_col + 7u] * params.scale;
  } else {
    q0[0] = qkv_bias[q_col + 0u] * params.scale;
    q0[1] = qkv_bias[q_col + 1u] * params.scale;
    q0[2] = qkv_bias[q_col + 2u] * params.scale;
    q0[3] = qkv_bias[q_col + 3u] * params.scale;
    q0[4] = qkv_bias[q_col + 4u] * params.scale;
    q0[5] = qkv_bias[q_col + 5u] * params.scale;
    q0[6] = qkv_bias[q_col + 6u] * params.scale;
    q0[7] = qkv_bias[q_col + 7u] * params.scale;
  }
  // (qi - ki + w - 1) * (2w - 1) + (qj - kj + w - 1) = brow - boff
  let brow0 = (qi0 + 11u) * 23u + qj0 + 11u;
  let qreg0 = region(y0 + qi0, params.Hp) * 3u + region(x0 + qj0, params.Wp);
  var m0 = -3.4028234663852886e38f;
  var sum0 = 0.0;
  var acc0: array<vec4<f32>, 8>;

  let i1 = wg.x * 48u + 8u + lid;
  let qi1 = min(i1, N - 1u) / 12u;
  let qj1 = min(i1, N - 1u) % 12u;
  let py1 = (y0 + qi1 + params.shift) % params.Hp;
  let px1 = (x0 + qj1 + params.shift) % params.Wp;
  let real1 = py1 < params.H && px1 < params.W;
  let tok1 = py1 * params.W + px1;
  var q1: array<vec4<f32>, 8>;
  if (real1) {
    q1[0] = qkv[tok1 * 3u * c4 + q_col + 0u] * params.scale;
    q1[1] = qkv[tok1 * 3u * c4 + q_col + 1u] * params.scale;
    q1[2] = qkv[tok1 * 3u * c4 + q_col + 2u] * params.scale;
    q1[3] = qkv[tok1 * 3u * c4 + q_col + 3u] * params.scale;
    q1[4] = qkv[tok1 * 3u * c4 + q_col + 4u] * params.scale;
    q1[5] = qkv[tok1 * 3u * c4 + q_col + 5u] * params.scale;
    q1[6] = qkv[tok1 * 3u * c4 + q_col + 6u] * params.scale;
    q1[7] = qkv[tok1 * 3u * c4 + q_col + 7u] * params.scale;
  } else {
    q1[0] = qkv_bias[q_col + 0u] * params.scale;
    q1[1] = qkv_bias[q_col + 1u] * params.scale;
    q1[2] = qkv_bias[q_col + 2u] * params.scale;
    q1[3] = qkv_bias[q_col + 3u] * params.scale;
    q1[4] = qkv_bias[q_col + 4u] * params.scale;
    q1[5] = qkv_bias[q_col + 5u] * params.scale;
    q1[6] = qkv_bias[q_col + 6u] * params.scale;
    q1[7] = qkv_bias[q_col + 7u] * params.scale;
  }
  // (qi - ki + w - 1) * (2w - 1) + (qj - kj + w - 1) = brow - boff
  let brow1 = (qi1 + 11u) * 23u + qj1 + 11u;
  let qreg1 = region(y0 + qi1, params.Hp) * 3u + region(x0 + qj1, params.Wp);
  var m1 = -3.4028234663852886e38f;
  var sum1 = 0.0;
  var acc1: array<vec4<f32>, 8>;

  let i2 = wg.x * 48u + 16u + lid;
  let qi2 = min(i2, N - 1u) / 12u;
  let qj2 = min(i2, N - 1u) % 12u;
  let py2 = (y0 + qi2 + params.shift) % params.Hp;
  let px2 = (x0 + qj2 + params.shift) % params.Wp;
  let real2 = py2 < params.H && px2 < params.W;
  let tok2 = py2 * params.W + px2;
  var q2: array<vec4<f32>, 8>;
  if (real2) {
    q2[0] = qkv[tok2 * 3u * c4 + q_col + 0u] * params.scale;
    q2[1] = qkv[tok2 * 3u * c4 + q_col + 1u] * params.scale;
    q2[2] = qkv[tok2 * 3u * c4 + q_col + 2u] * params.scale;
    q2[3] = qkv[tok2 * 3u * c4 + q_col + 3u] * params.scale;
    q2[4] = qkv[tok2 * 3u * c4 + q_col + 4u] * params.scale;
    q2[5] = qkv[tok2 * 3u * c4 + q_col + 5u] * params.scale;
    q2[6] = qkv[tok2 * 3u * c4 + q_col + 6u] * params.scale;
    q2[7] = qkv[tok2 * 3u * c4 + q_col + 7u] * params.scale;
  } else {
    q2[0] = qkv_bias[q_col + 0u] * params.scale;
    q2[1] = qkv_bias[q_col + 1u] * params.scale;
    q2[2] = qkv_bias[q_col + 2u] * params.scale;
    q2[3] = qkv_bias[q_col + 3u] * params.scale;
    q2[4] = qkv_bias[q_col + 4u] * params.scale;
    q2[5] = qkv_bias[q_col + 5u] * params.scale;
    q2[6] = qkv_bias[q_col + 6u] * params.scale;
    q2[7] = qkv_bias[q_col + 7u] * params.scale;
  }
  // (qi - ki + w - 1) * (2w - 1) + (qj - kj + w - 1) = brow - boff
  let brow2 = (qi2 + 11u) * 23u + qj2 + 11u;
  let qreg2 = region(y0 + qi2, params.Hp) * 3u + region(x0 + qj2, params.Wp);
  var m2 = -3.4028234663852886e38f;
  var sum2 = 0.0;
  var acc2: array<vec4<f32>, 8>;

  let i3 = wg.x * 48u + 24u + lid;
  let qi3 = min(i3, N - 1u) / 12u;
  let qj3 = min(i3, N - 1u) % 12u;
  let py3 = (y0 + qi3 + params.shift) % params.Hp;
  let px3 = (x0 + qj3 + params.shift) % params.Wp;
  let real3 = py3 < params.H && px3 < params.W;
  let tok3 = py3 * params.W + px3;
  var q3: array<vec4<f32>, 8>;
  if (real3) {
    q3[0] = qkv[tok3 * 3u * c4 + q_col + 0u] * params.scale;
    q3[1] = qkv[tok3 * 3u * c4 + q_col + 1u] * params.scale;
    q3[2] = qkv[tok3 * 3u * c4 + q_col + 2u] * params.scale;
    q3[3] = qkv[tok3 * 3u * c4 + q_col + 3u] * params.scale;
    q3[4] = qkv[tok3 * 3u * c4 + q_col + 4u] * params.scale;
    q3[5] = qkv[tok3 * 3u * c4 + q_col + 5u] * params.scale;
    q3[6] = qkv[tok3 * 3u * c4 + q_col + 6u] * params.scale;
    q3[7] = qkv[tok3 * 3u * c4 + q_col + 7u] * params.scale;
  } else {
    q3[0] = qkv_bias[q_col + 0u] * params.scale;
    q3[1] = qkv_bias[q_col + 1u] * params.scale;
    q3[2] = qkv_bias[q_col + 2u] * params.scale;
    q3[3] = qkv_bias[q_col + 3u] * params.scale;
    q3[4] = qkv_bias[q_col + 4u] * params.scale;
    q3[5] = qkv_bias[q_col + 5u] * params.scale;
    q3[6] = qkv_bias[q_col + 6u] * params.scale;
    q3[7] = qkv_bias[q_col + 7u] * params.scale;
  }
  // (qi - ki + w - 1) * (2w - 1) + (qj - kj + w - 1) = brow - boff
  let brow3 = (qi3 + 11u) * 23u + qj3 + 11u;
  let qreg3 = region(y0 + qi3, params.Hp) * 3u + region(x0 + qj3, params.Wp);
  var m3 = -3.4028234663852886e38f;
  var sum3 = 0.0;
  var acc3: array<vec4<f32>, 8>;

  let i4 = wg.x * 48u + 32u + lid;
  let qi4 = min(i4, N - 1u) / 12u;
  let qj4 = min(i4, N - 1u) % 12u;
  let py4 = (y0 + qi4 + params.shift) % params.Hp;
  let px4 = (x0 + qj4 + params.shift) % params.Wp;
  let real4 = py4 < params.H && px4 < params.W;
  let tok4 = py4 * params.W + px4;
  var q4: array<vec4<f32>, 8>;
  if (real4) {
    q4[0] = qkv[tok4 * 3u * c4 + q_col + 0u] * params.scale;
    q4[1] = qkv[tok4 * 3u * c4 + q_col + 1u] * params.scale;
    q4[2] = qkv[tok4 * 3u * c4 + q_col + 2u] * params.scale;
    q4[3] = qkv[tok4 * 3u * c4 + q_col + 3u] * params.scale;
    q4[4] = qkv[tok4 * 3u * c4 + q_col + 4u] * params.scale;
    q4[5] = qkv[tok4 * 3u * c4 + q_col + 5u] * params.scale;
    q4[6] = qkv[tok4 * 3u * c4 + q_col + 6u] * params.scale;
    q4[7] = qkv[tok4 * 3u * c4 + q_col + 7u] * params.scale;
  } else {
    q4[0] = qkv_bias[q_col + 0u] * params.scale;
    q4[1] = qkv_bias[q_col + 1u] * params.scale;
    q4[2] = qkv_bias[q_col + 2u] * params.scale;
    q4[3] = qkv_bias[q_col + 3u] * params.scale;
    q4[4] = qkv_bias[q_col + 4u] * params.scale;
    q4[5] = qkv_bias[q_col + 5u] * params.scale;
    q4[6] = qkv_bias[q_col + 6u] * params.scale;
    q4[7] = qkv_bias[q_col + 7u] * params.scale;
  }
  // (qi - ki + w - 1) * (2w - 1) + (qj - kj + w - 1) = brow - boff
  let brow4 = (qi4 + 11u) * 23u + qj4 + 11u;
  let qreg4 = region(y0 + qi4, params.Hp) * 3u + region(x0 + qj4, params.Wp);
  var m4 = -3.4028234663852886e38f;
  var sum4 = 0.0;
  var acc4: array<vec4<f32>, 8>;

  let i5 = wg.x * 48u + 40u + lid;
  let qi5 = min(i5, N - 1u) / 12u;
  let qj5 = min(i5, N - 1u) % 12u;
  let py5 = (y0 + qi5 + params.shift) % params.Hp;
  let px5 = (x0 + qj5 + params.shift) % params.Wp;
  let real5 = py5 < params.H && px5 < params.W;
  let tok5 = py5 * params.W + px5;
  var q5: array<vec4<f32>, 8>;
  if (real5) {
    q5[0] = qkv[tok5 * 3u * c4 + q_col + 0u] * params.scale;
    q5[1] = qkv[tok5 * 3u * c4 + q_col + 1u] * params.scale;
    q5[2] = qkv[tok5 * 3u * c4 + q_col + 2u] * params.scale;
    q5[3] = qkv[tok5 * 3u * c4 + q_col + 3u] * params.scale;
    q5[4] = qkv[tok5 * 3u * c4 + q_col + 4u] * params.scale;
    q5[5] = qkv[tok5 * 3u * c4 + q_col + 5u] * params.scale;
    q5[6] = qkv[tok5 * 3u * c4 + q_col + 6u] * params.scale;
    q5[7] = qkv[tok5 * 3u * c4 + q_col + 7u] * params.scale;
  } else {
    q5[0] = qkv_bias[q_col + 0u] * params.scale;
    q5[1] = qkv_bias[q_col + 1u] * params.scale;
    q5[2] = qkv_bias[q_col + 2u] * params.scale;
    q5[3] = qkv_bias[q_col + 3u] * params.scale;
    q5[4] = qkv_bias[q_col + 4u] * params.scale;
    q5[5] = qkv_bias[q_col + 5u] * params.scale;
    q5[6] = qkv_bias[q_col + 6u] * params.scale;
    q5[7] = qkv_bias[q_col + 7u] * params.scale;
  }
  // (qi - ki + w - 1) * (2w - 1) + (qj - kj + w - 1) = brow - boff
  let brow5 = (qi5 + 11u) * 23u + qj5 + 11u;
  let qreg5 = region(y0 + qi5, params.Hp) * 3u + region(x0 + qj5, params.Wp);
  var m5 = -3.4028234663852886e38f;
  var sum5 = 0.0;
  var acc5: array<vec4<f32>, 8>;
  for (var ki = 0u; ki < 12u; ki++) {
    let kreg_row = region(y0 + ki, params.Hp) * 3u;
    for (var kj = 0u; kj < 12u; kj++) {
      let j = ki * 12u + kj;
      let boff = ki * 23u + kj;
      let kreg = kreg_row + region(x0 + kj, params.Wp);
      let k0 = k[kb + j * D4 + 0u];
      let k1 = k[kb + j * D4 + 1u];
      let k2 = k[kb + j * D4 + 2u];
      let k3 = k[kb + j * D4 + 3u];
      let k4 = k[kb + j * D4 + 4u];
      let k5 = k[kb + j * D4 + 5u];
      let k6 = k[kb + j * D4 + 6u];
      let k7 = k[kb + j * D4 + 7u];

      var s0 = dot(q0[0], k0) + dot(q0[1], k1) + dot(q0[2], k2) + dot(q0[3], k3) + dot(q0[4], k4) + dot(q0[5], k5) + dot(q0[6], k6) + dot(q0[7], k7);
      s0 += bias(brow0 - boff);
      if (kreg != qreg0) { s0 += -100.0; }
      let mn0 = max(m0, s0);
      let corr0 = exp(m0 - mn0);
      let p0 = exp(s0 - mn0);
      m0 = mn0;
      sum0 = sum0 * corr0 + p0;

      var s1 = dot(q1[0], k0) + dot(q1[1], k1) + dot(q1[2], k2) + dot(q1[3], k3) + dot(q1[4], k4) + dot(q1[5], k5) + dot(q1[6], k6) + dot(q1[7], k7);
      s1 += bias(brow1 - boff);
      if (kreg != qreg1) { s1 += -100.0; }
      let mn1 = max(m1, s1);
      let corr1 = exp(m1 - mn1);
      let p1 = exp(s1 - mn1);
      m1 = mn1;
      sum1 = sum1 * corr1 + p1;

      var s2 = dot(q2[0], k0) + dot(q2[1], k1) + dot(q2[2], k2) + dot(q2[3], k3) + dot(q2[4], k4) + dot(q2[5], k5) + dot(q2[6], k6) + dot(q2[7], k7);
      s2 += bias(brow2 - boff);
      if (kreg != qreg2) { s2 += -100.0; }
      let mn2 = max(m2, s2);
      let corr2 = exp(m2 - mn2);
      let p2 = exp(s2 - mn2);
      m2 = mn2;
      sum2 = sum2 * corr2 + p2;

      var s3 = dot(q3[0], k0) + dot(q3[1], k1) + dot(q3[2], k2) + dot(q3[3], k3) + dot(q3[4], k4) + dot(q3[5], k5) + dot(q3[6], k6) + dot(q3[7], k7);
      s3 += bias(brow3 - boff);
      if (kreg != qreg3) { s3 += -100.0; }
      let mn3 = max(m3, s3);
      let corr3 = exp(m3 - mn3);
      let p3 = exp(s3 - mn3);
      m3 = mn3;
      sum3 = sum3 * corr3 + p3;

      var s4 = dot(q4[0], k0) + dot(q4[1], k1) + dot(q4[2], k2) + dot(q4[3], k3) + dot(q4[4], k4) + dot(q4[5], k5) + dot(q4[6], k6) + dot(q4[7], k7);
      s4 += bias(brow4 - boff);
      if (kreg != qreg4) { s4 += -100.0; }
      let mn4 = max(m4, s4);
      let corr4 = exp(m4 - mn4);
      let p4 = exp(s4 - mn4);
      m4 = mn4;
      sum4 = sum4 * corr4 + p4;

      var s5 = dot(q5[0], k0) + dot(q5[1], k1) + dot(q5[2], k2) + dot(q5[3], k3) + dot(q5[4], k4) + dot(q5[5], k5) + dot(q5[6], k6) + dot(q5[7], k7);
      s5 += bias(brow5 - boff);
      if (kreg != qreg5) { s5 += -100.0; }
      let mn5 = max(m5, s5);
      let corr5 = exp(m5 - mn5);
      let p5 = exp(s5 - mn5);
      m5 = mn5;
      sum5 = sum5 * corr5 + p5;
      let v0 = v[kb + j * D4 + 0u];
      acc0[0] = acc0[0] * corr0 + p0 * v0;
      acc1[0] = acc1[0] * corr1 + p1 * v0;
      acc2[0] = acc2[0] * corr2 + p2 * v0;
      acc3[0] = acc3[0] * corr3 + p3 * v0;
      acc4[0] = acc4[0] * corr4 + p4 * v0;
      acc5[0] = acc5[0] * corr5 + p5 * v0;
      let v1 = v[kb + j * D4 + 1u];
      acc0[1] = acc0[1] * corr0 + p0 * v1;
      acc1[1] = acc1[1] * corr1 + p1 * v1;
      acc2[1] = acc2[1] * corr2 + p2 * v1;
      acc3[1] = acc3[1] * corr3 + p3 * v1;
      acc4[1] = acc4[1] * corr4 + p4 * v1;
      acc5[1] = acc5[1] * corr5 + p5 * v1;
      let v2 = v[kb + j * D4 + 2u];
      acc0[2] = acc0[2] * corr0 + p0 * v2;
      acc1[2] = acc1[2] * corr1 + p1 * v2;
      acc2[2] = acc2[2] * corr2 + p2 * v2;
      acc3[2] = acc3[2] * corr3 + p3 * v2;
      acc4[2] = acc4[2] * corr4 + p4 * v2;
      acc5[2] = acc5[2] * corr5 + p5 * v2;
      let v3 = v[kb + j * D4 + 3u];
      acc0[3] = acc0[3] * corr0 + p0 * v3;
      acc1[3] = acc1[3] * corr1 + p1 * v3;
      acc2[3] = acc2[3] * corr2 + p2 * v3;
      acc3[3] = acc3[3] * corr3 + p3 * v3;
      acc4[3] = acc4[3] * corr4 + p4 * v3;
      acc5[3] = acc5[3] * corr5 + p5 * v3;
      let v4 = v[kb + j * D4 + 4u];
      acc0[4] = acc0[4] * corr0 + p0 * v4;
      acc1[4] = acc1[4] * corr1 + p1 * v4;
      acc2[4] = acc2[4] * corr2 + p2 * v4;
      acc3[4] = acc3[4] * corr3 + p3 * v4;
      acc4[4] = acc4[4] * corr4 + p4 * v4;
      acc5[4] = acc5[4] * corr5 + p5 * v4;
      let v5 = v[kb + j * D4 + 5u];
      acc0[5] = acc0[5] * corr0 + p0 * v5;
      acc1[5] = acc1[5] * corr1 + p1 * v5;
      acc2[5] = acc2[5] * corr2 + p2 * v5;
      acc3[5] = acc3[5] * corr3 + p3 * v5;
      acc4[5] = acc4[5] * corr4 + p4 * v5;
      acc5[5] = acc5[5] * corr5 + p5 * v5;
      let v6 = v[kb + j * D4 + 6u];
      acc0[6] = acc0[6] * corr0 + p0 * v6;
      acc1[6] = acc1[6] * corr1 + p1 * v6;
      acc2[6] = acc2[6] * corr2 + p2 * v6;
      acc3[6] = acc3[6] * corr3 + p3 * v6;
      acc4[6] = acc4[6] * corr4 + p4 * v6;
      acc5[6] = acc5[6] * corr5 + p5 * v6;
      let v7 = v[kb + j * D4 + 7u];
      acc0[7] = acc0[7] * corr0 + p0 * v7;
      acc1[7] = acc1[7] * corr1 + p1 * v7;
      acc2[7] = acc2[7] * corr2 + p2 * v7;
      acc3[7] = acc3[7] * corr3 + p3 * v7;
      acc4[7] = acc4[7] * corr4 + p4 * v7;
      acc5[7] = acc5[7] * corr5 + p5 * v7;
    }
  }

  if (i0 < N && real0) {
    let inv = 1.0 / sum0;
    out[blocked_index(tok0, 4u * (q_col + 0u), blocked_k_count(params.C)) / 4u] = acc0[0] * inv;
    out[blocked_index(tok0, 4u * (q_col + 1u), blocked_k_count(params.C)) / 4u] = acc0[1] * inv;
    out[blocked_index(tok0, 4u * (q_col + 2u), blocked_k_count(params.C)) / 4u] = acc0[2] * inv;
    out[blocked_index(tok0, 4u * (q_col + 3u), blocked_k_count(params.C)) / 4u] = acc0[3] * inv;
    out[blocked_index(tok0, 4u * (q_col + 4u), blocked_k_count(params.C)) / 4u] = acc0[4] * inv;
    out[blocked_index(tok0, 4u * (q_col + 5u), blocked_k_count(params.C)) / 4u] = acc0[5] * inv;
    out[blocked_index(tok0, 4u * (q_col + 6u), blocked_k_count(params.C)) / 4u] = acc0[6] * inv;
    out[blocked_index(tok0, 4u * (q_col + 7u), blocked_k_count(params.C)) / 4u] = acc0[7] * inv;
  }

  if (i1 < N && real1) {
    let inv = 1.0 / sum1;
    out[blocked_index(tok1, 4u * (q_col + 0u), blocked_k_count(params.C)) / 4u] = acc1[0] * inv;
    out[blocked_index(tok1, 4u * (q_col + 1u), blocked_k_count(params.C)) / 4u] = acc1[1] * inv;
    out[blocked_index(tok1, 4u * (q_col + 2u), blocked_k_count(params.C)) / 4u] = acc1[2] * inv;
    out[blocked_index(tok1, 4u * (q_col + 3u), blocked_k_count(params.C)) / 4u] = acc1[3] * inv;
    out[blocked_index(tok1, 4u * (q_col + 4u), blocked_k_count(params.C)) / 4u] = acc1[4] * inv;
    out[blocked_index(tok1, 4u * (q_col + 5u), blocked_k_count(params.C)) / 4u] = acc1[5] * inv;
    out[blocked_index(tok1, 4u * (q_col + 6u), blocked_k_count(params.C)) / 4u] = acc1[6] * inv;
    out[blocked_index(tok1, 4u * (q_col + 7u), blocked_k_count(params.C)) / 4u] = acc1[7] * inv;
  }

  if (i2 < N && real2) {
    let inv = 1.0 / sum2;
    out[blocked_index(tok2, 4u * (q_col + 0u), blocked_k_count(params.C)) / 4u] = acc2[0] * inv;
    out[blocked_index(tok2, 4u * (q_col + 1u), blocked_k_count(params.C)) / 4u] = acc2[1] * inv;
    out[blocked_index(tok2, 4u * (q_col + 2u), blocked_k_count(params.C)) / 4u] = acc2[2] * inv;
    out[blocked_index(tok2, 4u * (q_col + 3u), blocked_k_count(params.C)) / 4u] = acc2[3] * inv;
    out[blocked_index(tok2, 4u * (q_col + 4u), blocked_k_count(params.C)) / 4u] = acc2[4] * inv;
    out[blocked_index(tok2, 4u * (q_col + 5u), blocked_k_count(params.C)) / 4u] = acc2[5] * inv;
    out[blocked_index(tok2, 4u * (q_col + 6u), blocked_k_count(params.C)) / 4u] = acc2[6] * inv;
    out[blocked_index(tok2, 4u * (q_col + 7u), blocked_k_count(params.C)) / 4u] = acc2[7] * inv;
  }

  if (i3 < N && real3) {
    let inv = 1.0 / sum3;
    out[blocked_index(tok3, 4u * (q_col + 0u), blocked_k_count(params.C)) / 4u] = acc3[0] * inv;
    out[blocked_index(tok3, 4u * (q_col + 1u), blocked_k_count(params.C)) / 4u] = acc3[1] * inv;
    out[blocked_index(tok3, 4u * (q_col + 2u), blocked_k_count(params.C)) / 4u] = acc3[2] * inv;
    out[blocked_index(tok3, 4u * (q_col + 3u), blocked_k_count(params.C)) / 4u] = acc3[3] * inv;
    out[blocked_index(tok3, 4u * (q_col + 4u), blocked_k_count(params.C)) / 4u] = acc3[4] * inv;
    out[blocked_index(tok3, 4u * (q_col + 5u), blocked_k_count(params.C)) / 4u] = acc3[5] * inv;
    out[blocked_index(tok3, 4u * (q_col + 6u), blocked_k_count(params.C)) / 4u] = acc3[6] * inv;
    out[blocked_index(tok3, 4u * (q_col + 7u), blocked_k_count(params.C)) / 4u] = acc3[7] * inv;
  }

  if (i4 < N && real4) {
    let inv = 1.0 / sum4;
    out[blocked_index(tok4, 4u * (q_col + 0u), blocked_k_count(params.C)) / 4u] = acc4[0] * inv;
    out[blocked_index(tok4, 4u * (q_col + 1u), blocked_k_count(params.C)) / 4u] = acc4[1] * inv;
    out[blocked_index(tok4, 4u * (q_col + 2u), blocked_k_count(params.C)) / 4u] = acc4[2] * inv;
    out[blocked_index(tok4, 4u * (q_col + 3u), blocked_k_count(params.C)) / 4u] = acc4[3] * inv;
    out[blocked_index(tok4, 4u * (q_col + 4u), blocked_k_count(params.C)) / 4u] = acc4[4] * inv;
    out[blocked_index(tok4, 4u * (q_col + 5u), blocked_k_count(params.C)) / 4u] = acc4[5] * inv;
    out[blocked_index(tok4, 4u * (q_col + 6u), blocked_k_count(params.C)) / 4u] = acc4[6] * inv;
    out[blocked_index(tok4, 4u * (q_col + 7u), blocked_k_count(params.C)) / 4u] = acc4[7] * inv;
  }

  if (i5 < N && real5) {
    let inv = 1.0 / sum5;
    out[blocked_index(tok5, 4u * (q_col + 0u), blocked_k_count(params.C)) / 4u] = acc5[0] * inv;
    out[blocked_index(tok5, 4u * (q_col + 1u), blocked_k_count(params.C)) / 4u] = acc5[1] * inv;
    out[blocked_index(tok5, 4u * (q_col + 2u), blocked_k_count(params.C)) / 4u] = acc5[2] * inv;
    out[blocked_index(tok5, 4u * (q_col + 3u), blocked_k_count(params.C)) / 4u] = acc5[3] * inv;
    out[blocked_index(tok5, 4u * (q_col + 4u), blocked_k_count(params.C)) / 4u] = acc5[4] * inv;
    out[blocked_index(tok5, 4u * (q_col + 5u), blocked_k_count(params.C)) / 4u] = acc5[5] * inv;
    out[blocked_index(tok5, 4u * (q_col + 6u), blocked_k_count(params.C)) / 4u] = acc5[6] * inv;
    out[blocked_index(tok5, 4u * (q_col + 7u), blocked_k_count(params.C)) / 4u] = acc5[7] * inv;
  }
}
