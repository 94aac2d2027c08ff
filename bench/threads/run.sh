#!/bin/bash
# `dcnas search` with no flags, idle and beside two CPU-bound processes (issue 14; BENCHMARKS.md "Threads").
# From the repository root, on an otherwise idle machine:  bash bench/threads/run.sh idle; bash bench/threads/run.sh loaded
# `loaded` starts two busy loops (python -c "while True: pass") beside the searches; with EXTERNAL_LOAD=1 it starts none
# and the caller provides the two CPU-bound processes (the measurement in BENCHMARKS.md used two single-threaded
# supernet trainings/searches of the ranking benchmark).
# For each case it waits until the 1-minute load average has settled (below 0.3 idle; at least 1.6 with the two
# busy loops), prints the thread count `dcnas` chooses, and times the search with /usr/bin/time: the default
# (one thread) and --threads 2.
# Appends to OUT/results.csv (default OUT=bench/threads): case, threads flag, chosen threads, wall s, user s, system s;
# and OUT/startup.csv: the wall time of `dcnas --help` and of four subcommands' --help, idle, five runs each.
set -uo pipefail
CASE=$1
OUT=${OUT:-bench/threads}
TMP=$(mktemp -d)
mkdir -p $OUT
[ -f $OUT/results.csv ] || echo "case,flag,chosen,wall_s,user_s,sys_s" > $OUT/results.csv
load() { cut -d' ' -f1 /proc/loadavg; }
settle() { # settle idle|loaded
  while true; do l=$(load)
    if [ $1 = idle ] && awk "BEGIN{exit !($l < 0.3)}"; then break; fi
    if [ $1 = loaded ] && awk "BEGIN{exit !($l >= 1.6)}"; then break; fi
    sleep 5; done; }
one() { # one CASE FLAG (FLAG: default, or a thread count for --threads)
  settle $1
  chosen=$(python -c "from dcnas.launch import choose_threads; print(choose_threads($([ $2 = default ] && echo None || echo $2)))")
  extra=$([ $2 = default ] || echo "--threads $2")
  echo "$1 threads=$2 (chosen $chosen), load $(load)"
  if timeout ${LIMIT:-600} /usr/bin/time -f "%e,%U,%S" -o $TMP/time dcnas search --out $TMP/run_$1_$2 $extra > $TMP/log_$1_$2.txt 2>&1
  then echo "$1,$2,$chosen,$(tail -1 $TMP/time)" | tee -a $OUT/results.csv
  else echo "$1,$2,$chosen,>${LIMIT:-600},," | tee -a $OUT/results.csv; fi  # not finished within the limit (or failed: TMP keeps the log)
}
unset OMP_NUM_THREADS
if [ $CASE = idle ]; then
settle idle  # start-up: five runs of each --help, wall seconds (OUT/startup.csv)
echo "command,run,wall_s" > $OUT/startup.csv
for c in "--help" "train --help" "search --help" "predict --help" "retrain --help"; do
  for i in 1 2 3 4 5; do /usr/bin/time -f "%e" -o $TMP/t dcnas $c > /dev/null; echo "dcnas $c,$i,$(tail -1 $TMP/t)" >> $OUT/startup.csv; done; done
one idle default; one idle 2
else
if [ "${EXTERNAL_LOAD:-0}" != 1 ]; then
  python -c "while True: pass" & b1=$!; python -c "while True: pass" & b2=$!
  trap "kill $b1 $b2" EXIT
fi
one loaded default; LIMIT=${LOADED_LIMIT:-600} one loaded 2
fi
