#!/bin/bash
# The paper-scale comparison for a GPU window on a bare machine that has PyTorch and no network. From the repository root:
#   bash bench/gpu/compare.sh WHEELS CIFAR10 OUT [flags of bench/gpu/compare.py: --pair seed0, --warmup 6 ...]
# installs the wheels (tools/gpu_setup.sh), then trains, predicts and searches the pair (bench/gpu/compare.py).
# OUT/PAIR.tar.gz and OUT/results.csv are what to keep: commit them under bench/gpu/ (README, "GPU windows").
set -uo pipefail
python3 -c "import torch, sys; sys.exit(0 if torch.cuda.is_available() else 'compare.sh: no CUDA device on this machine; python bench/gpu/compare.py --toy --out DIR runs the toy mode on a CPU')" || exit 1
USAGE="usage: bash bench/gpu/compare.sh WHEELS CIFAR10 OUT [flags]"
WHEELS=${1:?$USAGE}; DATA=${2:?$USAGE}; OUT=${3:?$USAGE}; shift 3
mkdir -p "$OUT"; WHEELS=$(realpath "$WHEELS"); DATA=$(realpath "$DATA"); OUT=$(realpath "$OUT")
cd "$(dirname "$0")/../.."
source tools/gpu_setup.sh "$WHEELS" || exit 1
PYTHONUNBUFFERED=1 python3 bench/gpu/compare.py --data "$DATA" --out "$OUT" "$@"
