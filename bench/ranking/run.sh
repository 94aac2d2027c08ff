#!/bin/bash
# The ranking benchmark (issue 5; nbs/90_ranking.ipynb, BENCHMARKS.md "Ranking").
# From the repository root: bash bench/ranking/run.sh [STRATEGY...]   (default: spos random dcnas)
# Each strategy: train its supernet (or finish a killed run), predict the supernet accuracy of the same
# 500 NAS-Bench-201 cells (the same 500 for every strategy), run a short evolutionary search (population 20,
# 5 iterations), and copy the files this folder keeps.
# About 40 min of one CPU core per strategy for training, 25 for the predictions (2-core machine, one thread each).
set -euo pipefail
RUNS=${RUNS:-runs/ranking}
DATA=${DATA:-../shared/data/cifar10-jpg.tgz}
OUT=bench/ranking
export OMP_NUM_THREADS=1
for s in ${*:-spos random dcnas}; do
  run=$RUNS/$s
  if [ -f $run/checkpoint.pt ]; then dcnas train --resume $run
  else /usr/bin/time -f "%e s wall, %U s user" -o $OUT/${s}_train_time.txt \
    dcnas train --space nb201 --width 16 --cells 1 --data $DATA --n-per-class 1000 --n-valid-per-class 200 \
      --bs 256 --augment --strategy $s --preset nb201 --n-archs 1000 --warmup 5 --per-layer 1 --finetune 5 \
      --tau 2 --seed 0 --out $run
  fi
  dcnas predict $run --archs sample:500 --sample-seed 1 --n-calib 4 --quiet
  /usr/bin/time -f "%e s wall, %U s user" -o $OUT/${s}_search_time.txt \
    dcnas search --resume $run --population 20 --iterations 5 --parents 5 --n-calib 4
  cp $run/predictions.csv $OUT/${s}_nb201.csv
  cp $run/search.csv $OUT/${s}_search.csv; cp $run/best.json $OUT/${s}_best.json
  cp $run/log.csv $OUT/${s}_log.csv; cp $run/config.json $OUT/${s}_config.json
  if [ $s = dcnas ]; then for f in $run/topology_layer*.csv; do cp $f $OUT/dcnas_$(basename $f); done; fi
  dcnas rank $OUT/${s}_nb201.csv nb201:cifar10_test_200ep
done
