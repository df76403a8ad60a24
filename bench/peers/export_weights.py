# The weights of the peers' ONNX workloads under our checkpoint names, as safetensors, so our
# engine computes exactly what the ONNX models compute. Run with Debian's python (torch 1.13):
#   /usr/bin/python3 bench/peers/export_weights.py <path of export_models.py> <models dir>
#
# export_models.py seeds torch.manual_seed(0) when imported and, in its __main__, builds
# SwinBlock(), draws the Swin input, builds BertLayer(), draws the BERT input. Doing the same
# here in the same order reproduces its weights and inputs bit for bit; that is checked against
# the *.x.bin and *.out.bin it wrote (a mismatch means another export_models.py made the models).
import importlib.util, json, struct, sys
import numpy as np, torch

src, out_dir = sys.argv[1], sys.argv[2]
sys.argv = [src]  # export_models reads an optional opset from argv[1]
spec = importlib.util.spec_from_file_location("export_models", src)
em = importlib.util.module_from_spec(spec)
spec.loader.exec_module(em)  # seeds torch.manual_seed(0)

swin = em.SwinBlock().eval()
swin_x = torch.randn(1, 14400, 128)
bert = em.BertLayer().eval()
bert_x = torch.randn(1, 22, 768)
am = torch.ones(1, 22)
am[0, 18:] = 0

# ONNX module name -> our checkpoint name (src/model/swin-block.ts, src/model/bert.ts).
SWIN_NAMES = {
    "norm1": "norm1", "norm2": "norm2", "attn.qkv": "attn.qkv", "attn.proj": "attn.proj",
    "fc1": "mlp.fc1", "fc2": "mlp.fc2",
}
BERT_NAMES = {
    "q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
    "o": "attention.output.dense", "ln1": "attention.output.LayerNorm",
    "i": "intermediate.dense", "out": "output.dense", "ln2": "output.LayerNorm",
}


def save_safetensors(path, tensors):
    header, blobs, at = {}, [], 0
    for name, t in tensors.items():
        data = t.contiguous().numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [at, at + len(data)]}
        blobs.append(data)
        at += len(data)
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def check(name, tensor, path):
    ref = np.fromfile(path, dtype="<f4")
    got = tensor.detach().numpy().astype("<f4").ravel()
    if ref.shape != got.shape or not np.array_equal(ref, got):
        diff = np.abs(ref - got).max() if ref.shape == got.shape else "shape"
        raise SystemExit(f"export_weights: {name} differs from {path} (max |diff| {diff}): "
                         "these models were not made by this export_models.py")


with torch.no_grad():
    check("Swin input", swin_x, f"{out_dir}/swin_block.x.bin")
    check("Swin output", swin(swin_x), f"{out_dir}/swin_block.out.bin")
    check("BERT input", bert_x, f"{out_dir}/bert_layer.x.bin")
    check("BERT output", bert(bert_x, am), f"{out_dir}/bert_layer.out.bin")

# The relative-position table is the only parameter named differently inside a module.
swin_params = {"attn.rpb_table": "block.attn.relative_position_bias_table"}
swin_tensors = {v: dict(swin.named_parameters())[k].detach() for k, v in swin_params.items()}
for name, p in swin.named_parameters():
    if name in swin_params:
        continue
    mod, leaf = name.rsplit(".", 1)
    if mod not in SWIN_NAMES:
        raise SystemExit(f"export_weights: no checkpoint name for Swin parameter '{name}'")
    swin_tensors[f"block.{SWIN_NAMES[mod]}.{leaf}"] = p.detach()
bert_tensors = {}
for name, p in bert.named_parameters():
    mod, leaf = name.rsplit(".", 1)
    if mod not in BERT_NAMES:
        raise SystemExit(f"export_weights: no checkpoint name for BERT parameter '{name}'")
    bert_tensors[f"layer.{BERT_NAMES[mod]}.{leaf}"] = p.detach()

save_safetensors(f"{out_dir}/swin_block.safetensors", swin_tensors)
save_safetensors(f"{out_dir}/bert_layer.safetensors", bert_tensors)
print(f"export_weights: inputs and outputs reproduced exactly; wrote {len(swin_tensors)} Swin and "
      f"{len(bert_tensors)} BERT tensors to {out_dir}/*.safetensors")
