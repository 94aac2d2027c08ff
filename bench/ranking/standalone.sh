#!/bin/bash
# Secondary truth of the ranking benchmark (issue 5): stand-alone accuracy of 32 of the 500 cells, two seeds each.
# From the repository root: bash bench/ranking/standalone.sh   (resumable: (arch, seed) rows already in
# bench/ranking/standalone.csv are skipped). 3-6 min of one CPU core per run, 64 runs; WORKERS=2 runs two at a time
# (one per core; each run appends its one line). Cells are run in a fixed shuffled order, both seeds each, so a
# partial file covers the range and has both seeds of every cell it holds.
# Column channels_last: the first 16 rows were trained with NCHW batches (the code of that time; `--nchw` repeats one),
# the others channels-last (the default since, about 1.5 times faster on a CPU): the same arithmetic up to float rounding.
# Then writes bench/ranking/<strategy>.csv (the predictions of those cells) and prints their rank statistics.
# The 32 cells: the 500 cells of the benchmark (sample:500, seed 1) sorted by cifar10_test_200ep, taken at 32
# evenly spaced ranks, so that they spread across the table's accuracy range.
set -euo pipefail
OUT=bench/ranking
DATA=${DATA:-../shared/data/cifar10-jpg.tgz}
export OMP_NUM_THREADS=1
python - <<'PY'
import numpy as np, pandas as pd
from dcnas.spaces import NB201Space
from dcnas.evaluate import nb201_accuracy
cells = NB201Space().sample(500, seed=1)
acc = np.array([nb201_accuracy(a, 'cifar10_test_200ep') for a in cells])
order = np.argsort(acc, kind='stable')[np.linspace(0, len(cells) - 1, 32).round().astype(int)]
pd.DataFrame(dict(arch=[str(cells[i]) for i in order], cifar10_test_200ep=acc[order])).to_csv('bench/ranking/standalone_cells.csv', index=False)
PY
todo=$(python - <<'PY'
import pandas as pd, os
cells = pd.read_csv('bench/ranking/standalone_cells.csv').arch
done = set(map(tuple, pd.read_csv('bench/ranking/standalone.csv')[['arch', 'seed']].astype(str).values)) if os.path.exists('bench/ranking/standalone.csv') else set()
order = __import__('numpy').random.default_rng(0).permutation(len(cells))  # any prefix spreads across the range
print('\n'.join(f'{s} {cells[i]}' for i in order for s in (0, 1) if (cells[i], str(s)) not in done))
PY
)
run() { # worker $1 of $WORKERS takes every WORKERS-th run of the list
  echo "$todo" | awk -v w=$WORKERS -v k=$1 'NF && (NR - 1) % w == k' | while read -r seed arch; do
    dcnas standalone "$arch" --data $DATA --epochs 10 --bs 256 --lr 0.1 --wd 5e-4 --sched cosine --seed $seed \
      --width 16 --cells 1 --n-per-class 1000 --n-valid-per-class 200 --out $OUT/standalone.csv --quiet
  done
}
WORKERS=${WORKERS:-1}
for k in $(seq 0 $((WORKERS - 1))); do run $k & done
wait
# The strategies' supernet accuracies of the 32 cells (rows of <strategy>_nb201.csv), and their rank statistics
# against the stand-alone truth (dcnas rank averages the two seeds of a cell).
python - <<'PY'
import pandas as pd
cells = set(pd.read_csv('bench/ranking/standalone_cells.csv').arch)
for s in ('spos', 'random', 'dcnas'):
    p = pd.read_csv(f'bench/ranking/{s}_nb201.csv')
    p[p.arch.isin(cells)].to_csv(f'bench/ranking/{s}.csv', index=False)
PY
for s in spos random dcnas; do echo "== $s"; dcnas rank $OUT/$s.csv $OUT/standalone.csv; done
