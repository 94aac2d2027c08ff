# What the number of BN-calibration batches and of held-out images does to the ranking (issue 10, item 4).
# For each cell of CELLS and each n_calib, recalibrate BN exactly on n_calib training batches, then score every held-out
# image once; the first k held-out images give the prediction at k images (accuracy and mean loss), so one pass serves
# every k (the held-out images in one fixed random order). Writes one row per (cell, n_calib, k) to OUT.
# Usage (repository root): OMP_NUM_THREADS=1 python bench/prediction_budget.py RUN CELLS.csv OUT.csv [N_CALIB ...]
import json, sys, torch, numpy as np, pandas as pd
import torch.nn.functional as F
from pathlib import Path
from dcnas.cli import load_run
from dcnas.evaluate import recalibrate_bn
from dcnas.supernet import image_batch
torch.set_num_threads(1)
run, cells, out = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
n_calibs = [int(v) for v in sys.argv[4:]] or [1, 4, 16]
learn = load_run(run)
net, dls = learn.model.net, learn.dls
assign = learn.strategy.assigner()
archs = [net.space.parse(a) for a in pd.read_csv(cells).arch]
valid = [(image_batch(x), y) for x, y in dls.valid]
ks = [k for k in (250, 500, 1000, 2000, 4000) if k <= sum(len(y) for _, y in valid)]
rows = []
for a in archs:
    o = assign(a)
    for n in n_calibs:
        recalibrate_bn(net, a, o, dls.train, n, seed=0)
        with torch.no_grad():
            out_ = [net(x, a, o) for x, _ in valid]
        logits, y = torch.cat(out_), torch.cat([y for _, y in valid])
        perm = torch.randperm(len(y), generator=torch.Generator().manual_seed(0))  # the first k: a uniform subset
        logits, y = logits[perm], y[perm]
        loss, hit = F.cross_entropy(logits, y, reduction='none'), (logits.argmax(1) == y).float()
        rows += [dict(arch=str(a), n_calib=n, images=k, supernet_accuracy=hit[:k].mean().item(), loss=loss[:k].mean().item()) for k in ks]
pd.DataFrame(rows).to_csv(out, index=False)
