#!/bin/bash
# Issue 23's repeated searches of one or more supernets of the comparison, on both cores: the four evolution seeds 0-3 (the
# run's own seed without --search-seed, the others with it), each without a FLOPs limit and under the median FLOPs
# (bench/ranking/search.sh), two searches at a time in two copies of the run folder, their score files merged after each pair
# so that the next pair reuses every score (bench/search/merge_scores.py).
#
# From the repository root:  bash bench/search/repeat.sh full NAME [NAME ...]      every candidate scored fully
#                            bash bench/search/repeat.sh halving NAME [NAME ...]   --halving 0.25, then bench/search/halving_cost.py
# NAME: a folder of bench/ranking/checkpoints/. WORK (default runs/repeat) holds the two copies, WORK/a/NAME and WORK/b/NAME,
# made on first use from the checkpoint folder with bench/search/NAME_scores.csv (if committed) as their scores.csv; OUT
# (default bench/search) receives the search files and the merged NAME_scores.csv. A finished search leaves WORK/done_NAME_SEED[_halving],
# so the command started again after a kill skips it and resumes the unfinished ones from their score files.
set -euo pipefail
MODE=$1; shift
[ "$MODE" = full ] || [ "$MODE" = halving ] || { echo "usage: bash bench/search/repeat.sh full|halving NAME [NAME ...]" >&2; exit 2; }
WORK=$(realpath -m "${WORK:-runs/repeat}"); OUT=$(realpath -m "${OUT:-bench/search}")
mkdir -p "$WORK/a" "$WORK/b" "$OUT"
for NAME in "$@"; do
  ckpt=bench/ranking/checkpoints/$NAME
  [ -f "$ckpt/config.json" ] || { echo "$ckpt holds no config.json: NAME must be a supernet of bench/ranking/checkpoints/" >&2; exit 2; }
  own=$(python -c "import json, sys; print(json.load(open(sys.argv[1]))['train']['seed'])" "$ckpt/config.json")
  others=(); for s in 0 1 2 3; do [ $s = "$own" ] || others+=($s); done
  for side in a b; do
    if [ ! -d "$WORK/$side/$NAME" ]; then
      cp -r "$ckpt" "$WORK/$side/"; rm -f "$WORK/$side/$NAME/scores.csv"
      [ ! -f "$OUT/${NAME}_scores.csv" ] || cp "$OUT/${NAME}_scores.csv" "$WORK/$side/$NAME/scores.csv"
    fi
  done
  pair() {  # $1, $2: the evolution seeds searched in copies a and b ('own' is the run's seed, no --search-seed)
    local halving=''; [ "$MODE" = full ] || halving=0.25
    local side=a
    for seed in "$1" "$2"; do
      local done_mark="$WORK/done_${NAME}_${seed}${halving:+_halving}" env_=(OUT="$OUT" RUNS="$WORK/$side")
      [ "$seed" = own ] || env_+=(SEED=$seed)
      [ -z "$halving" ] || env_+=(HALVING=$halving)
      [ -f "$done_mark" ] || (env "${env_[@]}" bash bench/ranking/search.sh "$NAME" > "$WORK/log_${NAME}_${seed}${halving:+_halving}.txt" 2>&1 && touch "$done_mark") &
      side=b
    done
    wait
    python bench/search/merge_scores.py "$OUT/${NAME}_scores.csv" "$WORK/a/$NAME" "$WORK/b/$NAME"
    cp "$OUT/${NAME}_scores.csv" "$WORK/a/$NAME/scores.csv"; cp "$OUT/${NAME}_scores.csv" "$WORK/b/$NAME/scores.csv"
  }
  pair own "${others[0]}"
  pair "${others[1]}" "${others[2]}"
  for seed in own "${others[@]}"; do  # a search that failed left no mark: say so rather than merge on
    [ -f "$WORK/done_${NAME}_${seed}$([ "$MODE" = full ] || echo _halving)" ] || { echo "$NAME: the search with seed $seed did not finish: see $WORK/log_${NAME}_${seed}*.txt" >&2; exit 1; }
  done
  [ "$MODE" = full ] || [ -f "$OUT/${NAME}_halving_cost.txt" ] || \
    OMP_NUM_THREADS=1 python bench/search/halving_cost.py "$ckpt" > "$OUT/${NAME}_halving_cost.txt"
  echo "$NAME: four searches ($MODE) done, files in $OUT"
done
