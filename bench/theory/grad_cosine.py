"""Does the trained matching degree follow gradient agreement? (issue 24, item 5; nbs/93_grouping.ipynb)

usage: OMP_NUM_THREADS=1 python bench/theory/grad_cosine.py RUN OUT.csv [N_ARCHS]
Also writes OUT with _features before .csv: the pooled features entering the layer of every drawn architecture (one row
per layer, operator and architecture), so that the degrees of other meta networks (random directions, a control) can be
computed for the same pairs.
RUN: a finished DCNAS run folder (e.g. bench/ranking/checkpoints/dcnas_warm_e100). For every layer l and every operator
with weights, N_ARCHS (default 40) architectures of A that use it are drawn (seed 0); each one's gradient of the
cross-entropy on one fixed batch of 256 training images is taken with respect to copy 0 of that operator at layer l (the
weight the two would share), with the architecture's own copies everywhere else and BatchNorm in training mode, as in a
training step. For every pair of them OUT gets a row: the cosine of the two gradients, the trained meta network's
lambda_ij and lambda_ji (features entering layer l from the run's probe batch, `layer_features`), and whether topology
generation put the two in the same cluster. All at the run's final weights and meta networks (the meta network of layer l
stopped moving when layer l was decided; the supernet trained on)."""
import sys, time, itertools
import numpy as np, pandas as pd, torch
import torch.nn.functional as F
from dcnas.cli import load_run
from dcnas.supernet import param_index
from dcnas.cluster import layer_features, arch_codes, weighted_ops
from dcnas.data import probe_batch

run, out = sys.argv[1], sys.argv[2]
n_archs = int(sys.argv[3]) if len(sys.argv) > 3 else 40
t0 = time.process_time()
learn = load_run(run, 'cpu')
st, net, dls = learn.strategy, learn.model.net, learn.dls
meta, table, cfg = st.meta, st.table, st.cfg
x_probe, _ = probe_batch(dls, n=cfg.n_probe, seed=cfg.seed)
xs, ys = zip(*[b[:2] for _, b in zip(range(4), dls.train.new(shuffle=False))])
x, y = torch.cat(xs)[:256], torch.cat(ys)[:256]
index, codes, weighted, rng = param_index(net), arch_codes(table), weighted_ops(net), np.random.default_rng(0)
params, rows, feat_rows = dict(net.named_parameters()), [], []
net.train()
for l in range(net.space.n_layers):
    feats = layer_features(net, table, l, x_probe, None, progress=False)
    for k, op in enumerate(net.space.ops):
        idx = np.flatnonzero(codes[:, l] == k)
        if not weighted[l, k] or len(idx) < 2: continue
        pick = rng.choice(idx, min(n_archs, len(idx)), replace=False)
        names = index[(l, op, 0)]
        feat_rows += [dict(layer=l, op=op, arch=str(table.archs[i]), **{f'h{c}': float(v) for c, v in enumerate(feats[i])}) for i in pick]
        grads = []
        for i in pick:
            a = table.archs[i]
            assign = tuple(int(c) for c in table.table[i]); assign = assign[:l] + (0,) + assign[l + 1:]
            net.zero_grad(set_to_none=True)
            F.cross_entropy(net(x, a, assign), y).backward()
            grads.append(torch.cat([params[n].grad.flatten() if params[n].grad is not None else torch.zeros(params[n].numel()) for n in names]))
        with torch.no_grad():
            for (p, i), (q, j) in itertools.combinations(enumerate(pick), 2):
                gi, gj = grads[p], grads[q]
                cos = float(gi @ gj / (gi.norm() * gj.norm())) if gi.norm() > 0 and gj.norm() > 0 else float('nan')
                rows.append(dict(layer=l, op=op, arch_i=str(table.archs[i]), arch_j=str(table.archs[j]), cos=cos,
                                 lam_ij=float(meta.degree(l, k, feats[i], feats[j])), lam_ji=float(meta.degree(l, k, feats[j], feats[i])),
                                 same_cluster=bool(table.table[i, l] == table.table[j, l])))
    print(f"layer {l}: {len(rows)} pairs so far, {time.process_time() - t0:.0f} s CPU", flush=True)
pd.DataFrame(rows).to_csv(out, index=False)
pd.DataFrame(feat_rows).to_csv(out.replace('.csv', '_features.csv'), index=False)
print(f"wrote {out}: {len(rows)} pairs in {time.process_time() - t0:.0f} s CPU")
