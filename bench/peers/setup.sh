#!/usr/bin/env bash
# Sets up the peer benchmark (README.md): Debian's PyTorch (to make the ONNX workloads), the
# peers' npm packages in bench/peers/node_modules (not the main package's), the models and our
# weights for them in bench/peers/models. Steps already done are skipped. The main package must
# be set up (bash scripts/setup.sh): the benchmark uses its esbuild, webgpu and playwright-core.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export_models="${PEERS_EXPORT_MODELS:-$here/export_models.py}"
[ -f "$export_models" ] || { echo "setup: $export_models is missing (set PEERS_EXPORT_MODELS)" >&2; exit 1; }
[ -d "$repo/node_modules/webgpu" ] || { echo "setup: the main package is not installed: run bash scripts/setup.sh first" >&2; exit 1; }

if ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "setup: installing python3-torch (Debian's PyTorch, to export the ONNX workloads)"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends python3-torch >/dev/null
fi

cd "$here"
if [ ! -d node_modules/onnxruntime-web ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

mkdir -p models
if [ ! -f models/bert_layer.out.bin ] || [ "$export_models" -nt models/bert_layer.out.bin ]; then
  # export_models.py writes into ./models/ of its working directory.
  /usr/bin/python3 "$export_models"
fi
if [ ! -f models/bert_layer.safetensors ] || [ export_weights.py -nt models/bert_layer.safetensors ] || [ models/bert_layer.out.bin -nt models/bert_layer.safetensors ]; then
  /usr/bin/python3 export_weights.py "$export_models" models
fi
echo "setup: bench/peers ready (models in bench/peers/models)"
