# Where the CPU time of scoring a cell goes (BENCHMARKS.md, "Where a CPU score's time goes"), in one process on one thread:
# torch.profiler over `subnet_accuracies` of N random cells on a trained supernet, as `dcnas search` scores them on a CPU
# (4 calibration batches, the held-out images in passes of `held_batch_size('cpu')`), after one cell to warm up.
# Then times the 3x3 average pool of one held-out pass in both memory layouts.
# Usage (repository root): OMP_NUM_THREADS=1 python bench/eval_profile.py RUN N_CELLS
import sys, torch
from pathlib import Path
from torch.profiler import profile, ProfilerActivity
from dcnas.cli import load_run
from dcnas.evaluate import EvalBatches, held_batch_size, subnet_accuracies
torch.set_num_threads(1)
run, n = Path(sys.argv[1]), int(sys.argv[2])
learn = load_run(run, 'cpu')  # the run's own supernet (any strategy), trained weights, data
net, dls, sp = learn.model.net, learn.dls, learn.model.net.space
batches = EvalBatches(dls.valid, dls.train, 4, 0, held_bs=held_batch_size('cpu'))
cells = sp.sample(n + 1, seed=11)
subnet_accuracies(net, cells[:1], None, None, progress=False, batches=batches)
with profile(activities=[ProfilerActivity.CPU]) as prof:
    subnet_accuracies(net, cells[1:], None, None, progress=False, batches=batches)
print(prof.key_averages().table(sort_by='self_cpu_time_total', row_limit=10))
import time, torch.nn.functional as F
def ms(f, x, n=50):
    f(x); t = time.process_time()
    for _ in range(n): f(x)
    return (time.process_time() - t) / n * 1e3
x = torch.randn(100, 16, 32, 32)  # a held-out pass at the first stage
pool = lambda a: F.avg_pool2d(a, 3, 1, 1, count_include_pad=False)
with torch.no_grad():
    print(f"3x3 average pool of 100 x 16 x 32 x 32: {ms(pool, x.contiguous(memory_format=torch.channels_last)):.2f} ms channels-last, "
          f"{ms(pool, x):.2f} ms channels-first")
