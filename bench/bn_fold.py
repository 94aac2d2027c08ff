# What folding BatchNorm into the convolutions saves when scoring on a CPU (02_ops, `ReLUConvBN`, `fold_bn`), in one process
# on one thread: each cell is scored twice, alternately folded and with BatchNorm as its own layer (`ReLUConvBN.forward`
# replaced by `nn.Sequential.forward`), as `dcnas search` scores on a CPU; reports the CPU seconds and how far the scores
# moved (images whose prediction changed, loss). Cells: a random draw from those a committed search scored.
# Usage (repository root): OMP_NUM_THREADS=1 python bench/bn_fold.py RUN SEARCH_CSV N_CELLS
import sys, time, torch, numpy as np, pandas as pd
from pathlib import Path
from torch import nn
from dcnas.ops import ReLUConvBN
from dcnas.cli import load_run
from dcnas.evaluate import EvalBatches, held_batch_size, subnet_accuracies, unpack_bits
torch.set_num_threads(1)
run, scored, n = Path(sys.argv[1]), pd.read_csv(sys.argv[2]), int(sys.argv[3])
learn = load_run(run, 'cpu')  # the run's own supernet (any strategy), trained weights, data
net, dls, sp = learn.model.net, learn.dls, learn.model.net.space
batches = EvalBatches(dls.valid, dls.train, 4, 0, held_bs=held_batch_size('cpu'))
cells = pd.unique(scored.arch).tolist()
cells = [cells[i] for i in np.random.default_rng(0).choice(len(cells), n, replace=False)]
folding = ReLUConvBN.forward
def score(a, fwd):
    ReLUConvBN.forward = fwd
    t = time.process_time()
    r = subnet_accuracies(net, [a], None, None, progress=False, batches=batches).iloc[0]
    return time.process_time() - t, r
rows = []
for i, a in enumerate(cells):
    order = (folding, nn.Sequential.forward) if i % 2 else (nn.Sequential.forward, folding)
    (t1, r1), (t2, r2) = [score(a, f) for f in order]
    (tf, rf), (tu, ru) = ((t1, r1), (t2, r2)) if order[0] is folding else ((t2, r2), (t1, r1))
    changed = int((unpack_bits(rf.correct, batches.n) != unpack_bits(ru.correct, batches.n)).sum())
    rows.append((tf, tu, changed, abs(rf.loss - ru.loss), rf.accuracy - ru.accuracy))
r = np.array(rows)
print(f"{n} cells, {batches.n} held-out images in passes of {held_batch_size('cpu')}; CPU s a cell (mean): folded {r[:, 0].mean():.3f}, "
      f"BatchNorm as a layer {r[:, 1].mean():.3f}, ratio {r[:, 0].sum() / r[:, 1].sum():.3f}; images right in one and wrong in the other: "
      f"{int(r[:, 2].sum())} of {n * batches.n} ({int((r[:, 2] > 0).sum())} cells), largest accuracy change {np.abs(r[:, 4]).max():.4f}, largest loss change {r[:, 3].max():.1e}")
