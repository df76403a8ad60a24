#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine: the system packages CPU WebGPU needs (skipped when
# already installed), the npm packages, and the bundles in dist/.
set -euo pipefail
cd "$(dirname "$0")/.."

# Mesa llvmpipe (OpenGL ES) for Dawn's compatibility mode; Chromium ships SwiftShader's
# Vulkan ICD and is the browser of the browser tests; libvulkan1 is the Vulkan loader.
packages="libegl1 libegl-mesa0 libgles2 libgl1-mesa-dri libvulkan1 chromium"
missing=""
for p in $packages; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

npm ci --no-audit --no-fund
npm run build
