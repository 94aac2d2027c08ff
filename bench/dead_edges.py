# What skipping dead edges saves in a prediction (03_supernet, `nb201_live_edges`), in one process on one thread:
# each cell is scored twice, alternately with dead edges skipped and with every edge computed (`nb201_live_edges`
# replaced by one that keeps every non-`none` edge), and the two must agree bit for bit (accuracy, loss, images right).
# Cells: a random draw from those a committed search scored (the population a search pays for).
# Usage (repository root): OMP_NUM_THREADS=1 python bench/dead_edges.py RUN SEARCH_CSV N_CELLS
import sys, time, torch, numpy as np, pandas as pd
from pathlib import Path
import dcnas.supernet as sn
from dcnas.cli import load_run
from dcnas.evaluate import EvalBatches, held_batch_size, subnet_accuracies
torch.set_num_threads(1)
run, scored, n = Path(sys.argv[1]), pd.read_csv(sys.argv[2]), int(sys.argv[3])
learn = load_run(run, 'cpu')  # the run's own supernet (any strategy), trained weights, data
net, dls, sp = learn.model.net, learn.dls, learn.model.net.space
batches = EvalBatches(dls.valid, dls.train, 4, 0, held_bs=held_batch_size('cpu'))  # as `dcnas search` on a CPU
cells = pd.unique(scored.arch).tolist()
cells = [cells[i] for i in np.random.default_rng(0).choice(len(cells), n, replace=False)]
skipping = sn.nb201_live_edges
def every_edge(arch, zero_input=False): return tuple(bool(k) for k in arch)
def score(a, live):
    sn.nb201_live_edges = live
    t = time.process_time()
    r = subnet_accuracies(net, [a], None, None, progress=False, batches=batches).iloc[0]
    return time.process_time() - t, (r.accuracy, r.loss, r.correct)
rows = []
for i, a in enumerate(cells):
    order = (skipping, every_edge) if i % 2 else (every_edge, skipping)
    (t1, r1), (t2, r2) = [score(a, f) for f in order]
    assert r1 == r2, (a, r1[:2], r2[:2])
    skip_t, full_t = (t1, t2) if order[0] is skipping else (t2, t1)
    dead = not all(skipping(tuple(sp.arch(a)), True)[e] for e in range(6) if sp.arch(a)[e])
    rows.append((skip_t, full_t, dead))
r = np.array(rows)
print(f"{n} cells ({int(r[:, 2].sum())} with dead edges), identical scores; CPU s per cell: skipping {r[:, 0].mean():.3f}, "
      f"every edge {r[:, 1].mean():.3f}, total ratio {r[:, 0].sum() / r[:, 1].sum():.3f}; "
      f"cells with dead edges: median ratio {np.median(r[r[:, 2] == 1, 0] / r[r[:, 2] == 1, 1]):.3f}")
