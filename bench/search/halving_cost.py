"""CPU seconds per candidate: a search's full evaluation against the first rung of successive halving, side by side in one process.

usage: OMP_NUM_THREADS=1 python bench/search/halving_cost.py RUN [N]
RUN: a finished run folder (e.g. bench/ranking/checkpoints/spos_e100); N candidates (default 30) drawn with seed 5, each
scored at both fidelities in turn (so that a change of load hits both): the full evaluation of `dcnas search` (4 calibration
batches, all held-out images) and the first rung of `--halving 0.25` (1 calibration batch, the first quarter of them).
Prints the medians and their ratio; with the share of candidates a search scores fully, the ratio gives its cost."""
import sys, time
import numpy as np
from dcnas.cli import load_run
from dcnas.evaluate import EvalBatches, held_batch_size, subnet_accuracies

run, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 30
learn = load_run(run, 'cpu')
net, dls, seed = learn.model.net, learn.dls, learn.strategy.cfg.seed
full = EvalBatches(dls.valid, dls.train, 4, seed, 'cpu', held_bs=held_batch_size('cpu'))  # as `dcnas search` on a CPU
first = full.head(round(0.25 * full.n), 1)
assign, seconds = learn.strategy.assigner(), {'full': [], 'first rung': []}
for a in net.space.sample(n, seed=5):
    for name, b in (('full', full), ('first rung', first)):
        t = time.process_time()
        subnet_accuracies(net, [a], None, None, assign, progress=False, batches=b)
        seconds[name].append(time.process_time() - t)
med = {k: float(np.median(v)) for k, v in seconds.items()}
print(f"{run}: {n} candidates; median CPU s per candidate: full {med['full']:.3f} ({full.n} images, 4 calibration batches), "
      f"first rung {med['first rung']:.3f} ({first.n} images, 1 calibration batch); ratio {med['first rung'] / med['full']:.3f}")
