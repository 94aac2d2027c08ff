#!/bin/bash
# The paper-scale comparison for a GPU window on a bare machine that has PyTorch and no network. From the repository root:
#   bash bench/gpu/compare.sh WHEELS CIFAR10 OUT [flags of bench/gpu/compare.py: --pair seed0, --warmup 6 ...]
# installs the wheels (tools/gpu_setup.sh), then trains, predicts and searches the pair (bench/gpu/compare.py).
# OUT/PAIR.tar.gz and OUT/results.csv are what to keep: commit them under bench/gpu/ (README, "GPU windows").
set -uo pipefail
WHEELS=${1:?usage: bash bench/gpu/compare.sh WHEELS CIFAR10 OUT [flags]}; DATA=${2:?usage}; OUT=${3:?usage}; shift 3
mkdir -p "$OUT"; WHEELS=$(realpath "$WHEELS"); DATA=$(realpath "$DATA"); OUT=$(realpath "$OUT")
cd "$(dirname "$0")/../.."
source tools/gpu_setup.sh "$WHEELS" || exit 1
PYTHONUNBUFFERED=1 python3 bench/gpu/compare.py --data "$DATA" --out "$OUT" "$@"
