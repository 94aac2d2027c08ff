#!/bin/bash
# The search column of the ranking comparison (issue 10; nbs/90_ranking.ipynb, BENCHMARKS.md "Comparison").
# From the repository root:  bash bench/ranking/search.sh NAME     (after bench/ranking/curve.sh NAME ... has finished)
# Runs `dcnas search` with its default population and iterations (50 x 20) on the trained supernet RUNS/NAME twice:
# without a FLOPs limit, then under the median FLOPs of the space (15,647,360 multiply-adds for C=16, N=1 at 32x32:
# the median over all 15,625 cells of NB201Space(C=16, N=1).flops). The second search reuses the first one's scores
# (RUN/scores.csv), and a killed search started again continues where it stopped.
# Writes bench/ranking/curve/NAME_search.csv, NAME_best.json and NAME_search_median.csv, NAME_best_median.json,
# with /usr/bin/time -v reports beside them (a search that replays scores.csv times only the scores it adds).
# SCORE chooses the evaluator (`dcnas search --score`, default supernet); with another one the files are named
# NAME_score-SCORE_search.csv and so on, e.g. SCORE=naswot+synflow+jacob_cov bash bench/ranking/search.sh spos_e100
# (the run's proxy_scores.csv keeps the training-free scores it computes; a copy of another run's, of the same data and seed,
# saves computing them again: its rows are keyed by the scoring, so it never changes a score).
# SEED repeats the search with another evolution seed (`--search-seed`; files NAME_seed-SEED_...), reusing the kept scores.
# HALVING scores by successive halving (`--halving`, e.g. HALVING=0.25; files NAME_halving-HALVING_...), with --keep and
# --rung-calib at their defaults.
# WITHIN=1 searches only the set A the supernet trained (`--within-set`, the paper's reading; files NAME_within_...).
set -euo pipefail
NAME=$1
RUNS=${RUNS:-runs/curve}
OUT=${OUT:-bench/ranking/curve}
SCORE=${SCORE:-supernet}
SEED=${SEED:-}
HALVING=${HALVING:-}
WITHIN=${WITHIN:-}
MEDIAN=15647360
export OMP_NUM_THREADS=1
run=$RUNS/$NAME
tag=$NAME; [ "$SCORE" = supernet ] || tag=${NAME}_score-$SCORE
extra=(); [ -z "$SEED" ] || { extra=(--search-seed $SEED); tag=${tag}_seed-$SEED; }
[ -z "$HALVING" ] || { extra+=(--halving $HALVING); tag=${tag}_halving-$HALVING; }
[ -z "$WITHIN" ] || { extra+=(--within-set); tag=${tag}_within; }
/usr/bin/time -v -o $OUT/${tag}_search_time.txt dcnas search --resume $run --score $SCORE "${extra[@]}"
cp $run/search.csv $OUT/${tag}_search.csv; cp $run/best.json $OUT/${tag}_best.json
/usr/bin/time -v -o $OUT/${tag}_search_median_time.txt dcnas search --resume $run --max-flops $MEDIAN --score $SCORE "${extra[@]}"
cp $run/search.csv $OUT/${tag}_search_median.csv; cp $run/best.json $OUT/${tag}_best_median.json
