#!/bin/bash
# every 60 s: time, run, epochs logged, VmRSS (kB) of each dcnas process
while true; do
  for p in $(pgrep -f "bin/dcnas (train|predict)"); do
    run=$(tr '\0' ' ' < /proc/$p/cmdline 2>/dev/null | grep -o "runs/[a-z0-9_]*" | head -1)
    cmd=$(tr '\0' ' ' < /proc/$p/cmdline 2>/dev/null | awk '{print $3}')
    rss=$(grep VmRSS /proc/$p/status 2>/dev/null | awk '{print $2}')
    n=$(($(wc -l < /work/curve/$run/log.csv 2>/dev/null || echo 1) - 1))
    [ -n "$rss" ] && [ "$rss" -gt 100000 ] && echo "$(date +%s) $run $cmd $n $rss"
  done
  sleep 60
done
