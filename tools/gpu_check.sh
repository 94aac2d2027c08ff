#!/bin/bash
# The one GPU check of dcnas, for a GPU window on a bare machine that has PyTorch and no network. From the repository root:
#   bash tools/gpu_check.sh WHEELS CIFAR10 [OUT]      (OUT defaults to gpu_check)
# WHEELS: a folder with the package's other requirements as wheels (README, "GPU windows", says how to make it);
# CIFAR10: the CIFAR-10 folder or .tgz. In about 4 minutes on an H200 it
# 1. installs the wheels into .gpu/site (tools/gpu_setup.sh);
# 2. measures training and prediction against their floors (tools/gpu_check.py): OUT/gpu_check.json, OUT/gpu_check.log;
# 3. runs the tests with the GPU's own cells (nbdev-test --flags cuda) on the notebooks that run networks, leaving out the
#    ones that need a browser (12_viz, 97_test_utils, 98_docs, index) and the benchmarks (90_*): OUT/cuda_tests.log.
# Without a CUDA device it stops at once and says so; `python tools/gpu_check.py --toy --out DIR` is the part a CPU can run.
set -uo pipefail
python3 -c "import torch, sys; sys.exit(0 if torch.cuda.is_available() else 'gpu_check.sh: no CUDA device on this machine; python tools/gpu_check.py --toy --out DIR runs the part a CPU can check')" || exit 1
WHEELS=${1:?usage: bash tools/gpu_check.sh WHEELS CIFAR10 [OUT]}; DATA=${2:?usage: bash tools/gpu_check.sh WHEELS CIFAR10 [OUT]}; OUT=${3:-gpu_check}
mkdir -p "$OUT"; WHEELS=$(realpath "$WHEELS"); DATA=$(realpath "$DATA"); OUT=$(realpath "$OUT")
cd "$(dirname "$0")/.."
# the notebooks read the NAS-Bench-201 tables from ../shared/data: where that is missing, the folder of CIFAR10 stands in (put nb201_cost.csv and nb201_accuracy.csv beside the archive)
[ -e ../shared/data ] || { mkdir -p ../shared && ln -s "$(dirname "$DATA")" ../shared/data; }
source tools/gpu_setup.sh "$WHEELS" || { echo "gpu_check.sh: installing the wheels of $WHEELS failed" >&2; exit 1; }
status=0
PYTHONUNBUFFERED=1 python3 tools/gpu_check.py --data "$DATA" --out "$OUT" 2>&1 | tee "$OUT/gpu_check.log" || status=1
OMP_NUM_THREADS=1 nbdev-test --flags cuda --n-workers 8 --timing --skip-file-re "^(12_viz|97_test_utils|98_docs|index|90_)" 2>&1 | tee "$OUT/cuda_tests.log" || status=1
exit $status
