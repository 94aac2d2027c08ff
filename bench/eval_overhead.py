"""Cost of switching a supernet between train and eval mode during architecture scoring (issue 14; BENCHMARKS.md "Threads").
`OMP_NUM_THREADS=1 python bench/eval_overhead.py RUN [N_ARCHS] [ROUNDS]` scores N_ARCHS random architectures of the finished
run folder RUN with `subnet_accuracies` (4 calibration batches), alternating in each round between `set_training` (dcnas)
and `nn.Module.train` (what it replaced), and prints seconds per architecture of each and the median per-round ratio.
Both must give the same accuracies and losses; the script checks that."""
import sys, time, statistics, contextlib, io, torch
import dcnas.evaluate as ev
from dcnas.cli import load_run, path_assigner

torch.set_num_threads(1)
run, n, rounds = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 20, int(sys.argv[3]) if len(sys.argv) > 3 else 6
with contextlib.redirect_stdout(io.StringIO()): learn = load_run(run)
net, dls, assign = learn.model.net, learn.dls, path_assigner(learn)
archs = net.space.sample(n, seed=5)
fast = ev.set_training
def module_train(m, training=True): return m.train(training)
def timed(setter):
    ev.set_training = setter
    t = time.process_time(); r = ev.subnet_accuracies(net, archs, dls.valid, dls.train, assign, 4, 0, progress=False)
    return (time.process_time() - t) / n, r
timed(fast)  # warm-up
per = {'set_training': [], 'Module.train': []}
for i in range(rounds):
    order = [('set_training', fast), ('Module.train', module_train)][::1 if i % 2 == 0 else -1]
    res = {}
    for name, s in order: t, res[name] = timed(s); per[name].append(t)
    assert res['set_training'][['accuracy', 'loss']].equals(res['Module.train'][['accuracy', 'loss']])
ratios = [a / b for a, b in zip(per['set_training'], per['Module.train'])]
print({k: round(statistics.median(v), 4) for k, v in per.items()}, 'CPU s per architecture (median of rounds)')
print('ratio set_training / Module.train: median', round(statistics.median(ratios), 3), 'range', round(min(ratios), 3), round(max(ratios), 3))
