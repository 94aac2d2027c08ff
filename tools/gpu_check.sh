#!/bin/bash
# The GPU check of dcnas (issue 12), for a machine with a CUDA device. From the repository root, in its environment:
#   bash tools/gpu_check.sh [OUT] [flags of tools/gpu_check.py...]        (OUT defaults to gpu_check)
# 1. the notebooks' `cuda` tests (nbdev-test --flags cuda), log in OUT/cuda_tests.log;
# 2. tools/gpu_check.py: SPOS on all 50,000 CIFAR-10 training images at the paper's scale (C = 16, N = 5, batch 256,
#    bf16 where the GPU has it), a few epochs, then predictions of a few hundred cells ranked against NAS-Bench-201;
#    its figures (steps per second, memory, tau) in OUT/gpu_check.json, its output in OUT/gpu_check.log.
# Without a CUDA device it stops at once and says so; `python tools/gpu_check.py --toy --out DIR` is the part a CPU
# can check (the default tests run it).
set -euo pipefail
OUT=${1:-gpu_check}; [ $# -gt 0 ] && shift
python -c "import torch, sys; sys.exit(0 if torch.cuda.is_available() else 'gpu_check.sh: no CUDA device on this machine; python tools/gpu_check.py --toy --out DIR runs the part a CPU can check')"
mkdir -p "$OUT"
nbdev-test --flags cuda --file-re '^(07a|08)' 2>&1 | tee "$OUT/cuda_tests.log"
python tools/gpu_check.py --out "$OUT" "$@" 2>&1 | tee "$OUT/gpu_check.log"
