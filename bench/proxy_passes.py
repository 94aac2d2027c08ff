# What sharing passes saves when computing training-free scores (09a_proxies, `proxy_scores`), in one process on one thread:
# each cell is scored twice, alternately by `proxy_scores` (NASWOT's codes recorded in jacob_cov's pass, grad_norm and snip
# from one loss gradient, NASWOT's kernel from one float32 product) and score by score, each with its own passes and NASWOT's
# kernel as two float64 products (the code before); reports the CPU seconds of each and checks that every score is the same.
# Cells: the first N_CELLS of the 300 fixed cells, at the ranking benchmark's size and batch (as `dcnas proxy` in 09a_proxies).
# Usage (repository root): OMP_NUM_THREADS=1 python bench/proxy_passes.py DATA N_CELLS [SCORES]   (SCORES: comma-joined, default all five)
import sys, time, torch, pandas as pd
from dcnas.evaluate import load_data, space_for_data, arch_list
from dcnas.supernet import standalone
from dcnas.proxies import PROXIES, proxy_batch, proxy_scores, relu_codes, synflow, jacob_cov, grad_norm, snip
torch.set_num_threads(1)
data, n = sys.argv[1], int(sys.argv[2])
names = sys.argv[3].split(',') if len(sys.argv) > 3 else list(PROXIES)
dls, _ = load_data(data, bs=64, size=32, n_per_class=1000, n_valid_per_class=200, seed=0, progress=False)
space = space_for_data('nb201', dls, C=16, N=1)
x, y = proxy_batch(dls, 64, 0)
cells = arch_list(space, 'bench/ranking/cells300.csv')[:n]

def naswot_before(net, x):  # the kernel as two float64 products, c c^T + (1 - c)(1 - c)^T
    c = relu_codes(net, x).double()
    return float(torch.linalg.slogdet(c @ c.T + (1 - c) @ (1 - c).T)[1])
ALONE = dict(synflow=lambda net: synflow(net, tuple(x.shape[1:])), naswot=lambda net: naswot_before(net, x),
             jacob_cov=lambda net: jacob_cov(net, x), grad_norm=lambda net: grad_norm(net, x, y), snip=lambda net: snip(net, x, y))
def score_by_score(a):
    torch.manual_seed(0)
    net = standalone(space, space.arch(a)).train()
    return {k: ALONE[k](net) for k in names}
def shared(a): return {k: v for k, v in proxy_scores(space, a, x, y, 0, scores=names).items() if k in names}

def timed(f, a):
    t = time.process_time(); r = f(a); return time.process_time() - t, r
rows = []
for i, a in enumerate(cells):
    order = (shared, score_by_score) if i % 2 else (score_by_score, shared)
    res = dict(zip([f.__name__ for f in order], [timed(f, a) for f in order]))
    (ts, rs), (tb, rb) = res['shared'], res['score_by_score']
    rows.append(dict(arch=str(a), shared_s=ts, before_s=tb, same=rs == rb))
df = pd.DataFrame(rows)
print(f"scores {','.join(names)} on {n} cells: shared passes {df.shared_s.sum():.1f} s of CPU, score by score {df.before_s.sum():.1f} s; "
      f"ratio {df.shared_s.sum() / df.before_s.sum():.3f} (median per cell {(df.shared_s / df.before_s).median():.3f}); "
      f"scores identical on {int(df.same.sum())} of {n} cells")
