#!/usr/bin/env bash
# The GPU kit's runner (README.md): ./run.sh [--quick] [--adapter KIND] [--out DIR] [--budget S]
# Runs on a bare Linux x64 machine with an NVIDIA driver, from the unpacked kit: the adapter
# and the GPU's name, `fianet bench`'s kernel suites, base480 end to end (formula weights)
# and its GPU-timestamp profile, within --budget seconds (default 470: under 8 minutes).
# Figures go to DIR (default ./fianet-gpu-results-DATE): one .md and .json per step, its
# stderr in .log, and summary.md with everything. --quick (for CPU adapters: llvmpipe by
# default) runs one matmul case and the tiny model's profile instead of base480.
set -uo pipefail
kit="$(cd "$(dirname "$0")" && pwd)"
quick=0 adapter="" out="" budget=470
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --adapter) adapter="$2"; shift ;;
    --out) out="$2"; shift ;;
    --budget) budget="$2"; shift ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option '$1' (see --help)" >&2; exit 1 ;;
  esac
  shift
done
[ -n "$adapter" ] || { [ $quick = 1 ] && adapter=llvmpipe || adapter=gpu; }
out="${out:-$PWD/fianet-gpu-results-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$out" && out="$(cd "$out" && pwd)"
start=$(date +%s)
node="$kit/bin/node"
export LD_LIBRARY_PATH="$kit/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

# dawn.node wants GLIBCXX_3.4.30: the system's libstdc++ when it has that, else the kit's.
loads() { (cd "$kit" && "$node" --input-type=module -e "await import('webgpu')") 2>>"$out/webgpu-load.log"; }
if ! loads; then
  export LD_LIBRARY_PATH="$kit/lib-cxx:$LD_LIBRARY_PATH"
  loads || { echo "run.sh: the webgpu package does not load here (see $out/webgpu-load.log; dawn.node needs glibc >= 2.34)" >&2; exit 1; }
fi

# The Vulkan loader finds NVIDIA's driver through its ICD file; a container given only the
# 'compute' capability has the library but no file: write one.
if [ "$adapter" = gpu ] && [ -z "${VK_ICD_FILENAMES:-}" ] && ! ls /usr/share/vulkan/icd.d/nvidia_icd*.json /etc/vulkan/icd.d/nvidia_icd*.json >/dev/null 2>&1; then
  glx="$( (ldconfig -p 2>/dev/null | awk '/libGLX_nvidia\.so\.0/ { print $NF; exit }'); ls /usr/lib/x86_64-linux-gnu/libGLX_nvidia.so.0 /usr/lib64/libGLX_nvidia.so.0 2>/dev/null | head -1)"
  glx="$(printf '%s\n' "$glx" | head -1)"
  if [ -n "$glx" ]; then
    printf '{ "file_format_version": "1.0.0", "ICD": { "library_path": "%s", "api_version": "1.3.0" } }\n' "$glx" > "$out/nvidia_icd.json"
    export VK_ICD_FILENAMES="$out/nvidia_icd.json"
  fi
fi

steps=()
# step NAME SECONDS COMMAND...: stdout to NAME.md, stderr to NAME.log, within what is left of the budget.
step() {
  local name="$1" limit="$2"; shift 2
  local left=$((budget - ($(date +%s) - start)))
  [ "$left" -lt "$limit" ] && limit=$left
  if [ "$limit" -lt 20 ]; then
    steps+=("| $name | skipped: the budget is spent | |")
    return
  fi
  local t0=$(date +%s)
  echo "run.sh: $name (at most ${limit} s)" >&2
  (cd "$kit" && timeout -k 10 "$limit" "$@") >"$out/$name.md" 2>"$out/$name.log"
  local rc=$?
  local verdict="ok"
  [ $rc = 124 ] || [ $rc = 137 ] && verdict="timed out after ${limit} s"
  [ $rc != 0 ] && [ "$verdict" = ok ] && verdict="failed (exit $rc): $(tail -1 "$out/$name.log")"
  steps+=("| $name | $verdict | $(($(date +%s) - t0)) |")
}

command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader >"$out/nvidia-smi.txt" 2>&1
step adapter 60 "$node" fianet.mjs info --adapter "$adapter"
if [ $quick = 1 ]; then
  step kernels 120 "$node" fianet.mjs bench --adapter "$adapter" --only matmul --variants uniform --cases 512 --runs 1 --json "$out/kernels.json"
  steps+=("| e2e | not run in --quick mode (base480 takes minutes per run on CPU adapters) | |")
  step profile 420 "$node" profile.mjs --adapter "$adapter" --config tiny-config.json --json "$out/profile.json"
else
  step kernels 150 "$node" fianet.mjs bench --adapter "$adapter" --runs 10 --json "$out/kernels.json"
  step e2e 180 "$node" fianet.mjs bench --adapter "$adapter" --only e2e --runs 5 --json "$out/e2e.json"
  step profile 120 "$node" profile.mjs --adapter "$adapter" --json "$out/profile.json"
fi

{
  echo "# fianet GPU kit run, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "- kit: $(cat "$kit/VERSION" 2>/dev/null)"
  echo "- GPU (nvidia-smi): $(cat "$out/nvidia-smi.txt" 2>/dev/null || echo 'no nvidia-smi')"
  echo "- adapter (--adapter $adapter): $(grep -E '^(description|backend|features):' "$out/adapter.md" 2>/dev/null | tr -s ' ' | paste -sd ';' -)"
  echo "- host: $(uname -srm), $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
  echo
  echo "| step | result | seconds |"
  echo "|---|---|---:|"
  printf '%s\n' "${steps[@]}"
  for name in kernels e2e profile; do [ -s "$out/$name.md" ] && { echo; cat "$out/$name.md"; }; done
} >"$out/summary.md"
echo "run.sh: figures in $out (summary.md); $(($(date +%s) - start)) s" >&2
grep -q '| ok |' "$out/summary.md" && ! grep -qE '\| (failed|timed out)' "$out/summary.md"
