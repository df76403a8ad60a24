// ==== embedding-gather(pos=true,type=true,wdt=f16)
// generated from the kernel's uniform and binding lists
struct Params {
  rows: u32,
  cols: u32,
  n_ids: u32,
  vocab: u32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> ids: array<i32>;
@group(0) @binding(2) var<storage, read_write> table: array<u32>;
@group(0) @binding(3) var<storage, read_write> pos: array<f32>;
@group(0) @binding(4) var<storage, read_write> type_row: array<f32>;
@group(0) @binding(5) var<storage, read_write> out: array<f32>;

// ids: [n_ids] i32, table: [vocab, cols], pos: [>= n_ids, cols], type_row: [cols] -> out: [rows, cols]

fn linear_workgroup(wg: vec3u, nwg: vec3u) -> u32 { return wg.x + wg.y * nwg.x; }

fn table_at(i: u32) -> f32 { return unpack2x16float(table[i >> 1u])[i & 1u]; }
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = linear_workgroup(wg, nwg) * 256u + li;
  if (i >= params.rows * params.cols) { return; }
  let r = i / params.cols;
  let col = i % params.cols;
  let t = r % params.n_ids;
  let id = u32(clamp(ids[t], 0, i32(params.vocab) - 1));
  var v = table_at(id * params.cols + col);
  v += pos[t * params.cols + col];
  v += type_row[col];
  out[i] = v;
}
