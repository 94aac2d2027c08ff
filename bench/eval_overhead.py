"""Does switching a supernet between train and eval mode cost anything measurable while architectures are scored? (issue 14;
BENCHMARKS.md "Threads"). cProfile put 18 % of 40 evaluations in `nn.Module.train`; the profiler inflates many small calls.
`OMP_NUM_THREADS=1 python bench/eval_overhead.py RUN [N_ARCHS] [ROUNDS]` scores N_ARCHS random architectures of the finished
run folder RUN with `subnet_accuracies` (4 calibration batches), alternating in each round between torch's `nn.Module.train`
and a direct setter of the `training` flag (patched in for the round), and prints CPU seconds per architecture of each and
the median per-round ratio. Both must give the same accuracies and losses; the script checks that."""
import sys, time, statistics, contextlib, io, torch
from torch import nn
from dcnas.evaluate import subnet_accuracies
from dcnas.cli import load_run

torch.set_num_threads(1)
run, n, rounds = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 20, int(sys.argv[3]) if len(sys.argv) > 3 else 6
with contextlib.redirect_stdout(io.StringIO()): learn = load_run(run)
net, dls, assign = learn.model.net, learn.dls, learn.strategy.assigner()
archs = net.space.sample(n, seed=5)
module_train = nn.Module.train
def direct(self, mode=True):
    for m in self.modules(): object.__setattr__(m, 'training', mode)
    return self
def timed(train):
    nn.Module.train = train
    try:
        t = time.process_time(); r = subnet_accuracies(net, archs, dls.valid, dls.train, assign, 4, 0, progress=False)
        return (time.process_time() - t) / n, r
    finally: nn.Module.train = module_train
timed(module_train)  # warm-up
per = {'direct': [], 'Module.train': []}
for i in range(rounds):
    res = {}
    for name, f in [('direct', direct), ('Module.train', module_train)][::1 if i % 2 == 0 else -1]:
        t, res[name] = timed(f); per[name].append(t)
    assert res['direct'][['accuracy', 'loss']].equals(res['Module.train'][['accuracy', 'loss']])
ratios = [a / b for a, b in zip(per['direct'], per['Module.train'])]
print({k: round(statistics.median(v), 4) for k, v in per.items()}, 'CPU s per architecture (median of rounds)')
print('ratio direct / Module.train: median', round(statistics.median(ratios), 3), 'range', round(min(ratios), 3), round(max(ratios), 3))
