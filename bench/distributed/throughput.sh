#!/bin/bash
# Two-process CPU throughput against one process, at the same global batch (issue 12; BENCHMARKS.md "Several processes").
# From the repository root:  bash bench/distributed/throughput.sh [DATA]      (DATA: CIFAR-10 folder or .tgz)
# Trains SPOS (5,000 CIFAR-10 training images, 2 epochs) and DCNAS (1,000 images, 1 warm-up epoch and one pair and one
# single-path epoch per layer: 13 epochs, 39 steps, six topology generations of 200 architectures) supernets of the
# NAS-Bench-201 space (C = 16, N = 1, 32x32, global batch 256), each in 1 process and in 2 processes (torchrun, gloo),
# one thread per process, then predicts 16 cells with 1 and 2 processes. Writes bench/distributed/results.csv: what, processes, wall seconds, CPU seconds (user + system of all
# processes), peak resident memory of the largest process.
# Run it on an otherwise idle machine: a second process only helps if there is a free core for it.
set -euo pipefail
DATA=${1:-../shared/data/cifar10-jpg.tgz}
OUT=bench/distributed; W=$(mktemp -d)
export OMP_NUM_THREADS=1
CSV=$OUT/results.csv
echo "what,processes,wall_s,cpu_s,peak_rss_mib" > $CSV
launch() { if [ $1 -eq 1 ]; then echo "python -m dcnas.launch"; else echo "python -m torch.distributed.run --nproc-per-node $1 --master-port $((29600 + RANDOM % 1000)) -m dcnas.launch"; fi; }
measure() {  # what processes command...
  local what=$1 n=$2; shift 2
  /usr/bin/time -f "%e %U %S %M" -o $W/time.txt "$@" > $W/out.txt 2>&1 || { cat $W/out.txt; exit 1; }
  read wall user sys rss < $W/time.txt
  echo "$what,$n,$wall,$(python -c "print(round($user + $sys, 2))"),$((rss / 1024))" | tee -a $CSV
}
COMMON="--space nb201 --width 16 --cells 1 --data $DATA --n-per-class 500 --n-valid-per-class 100 --bs 256 --preset nb201 --n-archs 200 --tau 2"
for n in 1 2; do
  measure "train spos, 2 epochs" $n $(launch $n) train $COMMON --strategy spos --warmup 2 --per-layer 0 --finetune 0 --out $W/spos$n
  measure "train dcnas, 13 epochs" $n $(launch $n) train ${COMMON/--n-per-class 500/--n-per-class 100} --strategy dcnas --warmup 1 --per-layer 1 --finetune 0 --out $W/dcnas$n
done
for n in 1 2; do
  measure "predict 16 cells" $n $(launch $n) predict $W/spos1 --archs sample:16 --n-calib 4 --out $W/pred$n.csv --quiet
done
python - $W <<'PY'
import sys, pandas as pd
w = sys.argv[1]
a, b = pd.read_csv(f'{w}/pred1.csv'), pd.read_csv(f'{w}/pred2.csv')
print('predictions equal:', a.drop(columns='seconds').equals(b.drop(columns='seconds')))
PY
rm -rf $W
