#!/bin/bash
# The budget curve of the ranking benchmark (issue 10; nbs/90_ranking.ipynb, BENCHMARKS.md "Budget curve"):
# SPOS's Kendall tau against NAS-Bench-201 as a function of its training budget. Each point is its own run, because
# the learning rate anneals over the whole run (a short run is not a prefix of a long one).
# From the repository root:  bash bench/ranking/curve.sh NAME EPOCHS [extra dcnas train flags...]
#   e.g. bash bench/ranking/curve.sh spos_e100 100
# Trains (or resumes, if RUNS/NAME holds a checkpoint) a supernet on 10,000 CIFAR-10 images at 32x32 (C=16, N=1),
# predicts the 300 cells of bench/ranking/cells300.csv, and copies the small files to bench/ranking/curve/
# (predictions, log, config, time reports; for DCNAS the topology record of each layer).
# EPOCHS is split as T_w = 0.4 E, T = E / 25 per layer (x 2 x 6 layers), T_f = 0.12 E, the proportions of the 50-epoch
# pilot; for SPOS only the total matters. Defaults: batch 64, lr 0.05 (override with extra flags, which come last).
# /usr/bin/time -v gives the training's CPU time and peak resident memory (bench/ranking/curve/NAME_train_time.txt).
# Run it from a copy of the repository outside the work tree when the work tree is being edited (RUNS and DATA are
# then absolute paths): the prediction step imports dcnas when training ends.
set -euo pipefail
NAME=$1; E=$2; shift 2
RUNS=${RUNS:-runs/curve}
DATA=${DATA:-../shared/data/cifar10-jpg.tgz}
OUT=${OUT:-bench/ranking/curve}
STRATEGY=${STRATEGY:-spos}
export OMP_NUM_THREADS=1
mkdir -p $OUT $RUNS
run=$RUNS/$NAME
TW=$(( E * 2 / 5 )); T=$(( E / 25 )); TF=$(( E - TW - 12 * T ))
if [ -f $run/checkpoint.pt ]; then
  /usr/bin/time -v -o $OUT/${NAME}_resume_time.txt dcnas train --resume $run
else
  /usr/bin/time -v -o $OUT/${NAME}_train_time.txt \
    dcnas train --space nb201 --width 16 --cells 1 --data $DATA --n-per-class 1000 --n-valid-per-class 200 \
      --augment --strategy $STRATEGY --preset nb201 --n-archs 500 --tau 2 --seed 0 \
      --warmup $TW --per-layer $T --finetune $TF --bs 64 --lr 0.05 --out $run "$@"
fi
/usr/bin/time -v -o $OUT/${NAME}_predict_time.txt \
  dcnas predict $run --archs bench/ranking/cells300.csv --n-calib 4 --out $OUT/${NAME}.csv --quiet
cp $run/log.csv $OUT/${NAME}_log.csv; cp $run/config.json $OUT/${NAME}_config.json
for f in $run/topology_layer*.csv; do [ -f $f ] && cp $f $OUT/${NAME}_$(basename $f); done  # DCNAS: what each layer's decision was
dcnas rank $OUT/${NAME}.csv nb201:cifar10_test_200ep
