# Held-out images per forward pass when scoring on a CPU (09_evaluate, `held_batch_size`), in one process on one thread:
# each cell is scored once per batch size, the sizes in alternating order from cell to cell; reports the mean CPU seconds a
# cell and their ratio to the loader's batches, and how far the scores move (accuracy: images whose prediction flipped).
# Usage (repository root): OMP_NUM_THREADS=1 python bench/eval_batch.py RUN N_CELLS SIZE...   (SIZE 0: the loader's batches)
import sys, time, torch, numpy as np
from pathlib import Path
from dcnas.cli import load_run
from dcnas.evaluate import EvalBatches, subnet_accuracies
torch.set_num_threads(1)
run, n, sizes = Path(sys.argv[1]), int(sys.argv[2]), [int(s) or None for s in sys.argv[3:]]
learn = load_run(run, 'cpu')  # the run's own supernet (any strategy), trained weights, data
net, dls, sp = learn.model.net, learn.dls, learn.model.net.space
batches = {s: EvalBatches(dls.valid, dls.train, 4, 0, held_bs=s) for s in sizes}
secs, rows = {s: [] for s in sizes}, {s: [] for s in sizes}
for i, a in enumerate(sp.sample(n, seed=11)):
    for s in (sizes if i % 2 else sizes[::-1]):
        t = time.process_time()
        r = subnet_accuracies(net, [a], None, None, progress=False, batches=batches[s]).iloc[0]
        secs[s].append(time.process_time() - t); rows[s].append((r.accuracy, r.loss))
ref = sizes[0]
print(f"{n} cells, {batches[ref].n} held-out images, loader batches of {dls.valid.bs}; CPU s a cell (mean), ratio to {ref or 'the loader'}, "
      f"largest change of accuracy (images) and of loss:")
for s in sizes:
    flips = max(abs(x[0] - y[0]) for x, y in zip(rows[s], rows[ref])) * batches[ref].n
    dloss = max(abs(x[1] - y[1]) for x, y in zip(rows[s], rows[ref]))
    print(f"  {s or 'loader'}: {np.mean(secs[s]):.3f} s, {np.mean(secs[s]) / np.mean(secs[ref]):.2f}, {flips:.0f}, {dloss:.1e}")
