"""Tables and weight fingerprints of the tiny DCNAS and random-assignment runs with seed 3 (08_train, "independent copies").
`python independent_reference.py KWARGS_JSON` with the dcnas to test on PYTHONPATH: KWARGS_JSON goes to `preset` (`{}` for
dcnas at commit c5fe997, which had independent copies only; `{"copies": "independent"}` for dcnas now). Prints JSON."""
import json, sys, torch
from dcnas.spaces import NB201Space
from dcnas.data import digits_dls
from dcnas.train import train_supernet, preset
import dcnas.supernet
torch.set_num_threads(1)
if hasattr(dcnas.supernet, 'nb201_live_edges'):  # compute every edge, as the reference did: skipping dead edges changes no
    dcnas.supernet.nb201_live_edges = lambda arch, zero_input=False: tuple(bool(k) for k in arch)  # output or gradient
    # (03_supernet), only the BN statistics of the skipped operators, which the fingerprints include
def fingerprint(sd):
    out = {}
    for k, v in sd.items():
        v = v.double().flatten()
        w = torch.randn(len(v), generator=torch.Generator().manual_seed(len(v)), dtype=torch.float64)
        out[k] = [float(v.sum()), float(v @ w)]
    return out
space = NB201Space(C=4, N=1, resolution=8, in_chans=1)
dls = digits_dls(bs=32, n_per_class=16, seed=0, device='cpu')  # where the numbers are exact (and the old code knew no other default)
kw = json.loads(sys.argv[1])
res = {}
for s in ('dcnas', 'random'):
    l = train_supernet(space, dls, preset('tiny', strategy=s, seed=3, **kw))
    res[s] = dict(table=l.strategy.table.table.tolist(), weights=fingerprint(l.model.net.state_dict()))
print(json.dumps(res))
