"""What BatchNorm over the whole batch costs one process (issue 12; BENCHMARKS.md "Several processes").
    OMP_NUM_THREADS=1 python bench/distributed/bn_cost.py
A training step (forward, backward) of 12 random paths of the NAS-Bench-201 supernet (C = 16, N = 1, 32x32) at batch 256
and 128 with PyTorch's BatchNorm, and at batch 128 with `ShardedBatchNorm2d` inside `sharded` over a group of one process
(so no data travels: the cost of its own unfused arithmetic and of the collective calls), alternated in 4 rounds in one
process; medians in milliseconds per step."""
import time, socket, torch, torch.distributed as dist, torch.nn.functional as F, numpy as np
from dcnas.spaces import NB201Space
from dcnas.supernet import supernet, image_batch
from dcnas.distributed import ProcessGroup, ShardedBatchNorm2d, shard_batchnorm, sharded
torch.set_num_threads(1); torch.manual_seed(0)
with socket.socket() as s: s.bind(('127.0.0.1', 0)); port = s.getsockname()[1]
dist.init_process_group('gloo', init_method=f'tcp://127.0.0.1:{port}', rank=0, world_size=1)
group, space = ProcessGroup(), NB201Space(C=16, N=1)
net, rng = supernet(space, 1).train(), np.random.default_rng(0)
archs = [space.sample(1, rng=rng)[0] for _ in range(12)]
batches = {bs: (image_batch(torch.randn(bs, 3, 32, 32)), torch.randint(0, 10, (bs,))) for bs in (256, 128)}
def steps(bs, sync):
    x, y = batches[bs]
    shard_batchnorm(net, to=ShardedBatchNorm2d if sync else torch.nn.BatchNorm2d)
    t = time.perf_counter()
    for a in archs:
        net.zero_grad(set_to_none=True)
        with sharded(group) if sync else torch.enable_grad(): F.cross_entropy(net(x, a, (0,) * 6), y).backward()
    return 1000 * (time.perf_counter() - t) / len(archs)
cases = {'native BN, batch 256': (256, False), 'native BN, batch 128': (128, False), 'ShardedBatchNorm2d, batch 128': (128, True)}
steps(128, False)  # warm-up
times = {k: [] for k in cases}
for _ in range(4):
    for k, (bs, sync) in cases.items(): times[k].append(steps(bs, sync))
for k, v in times.items(): print(f"{k}: {np.median(v):.1f} ms a step")
print(f"ShardedBatchNorm2d / native at batch 128: {np.median(times['ShardedBatchNorm2d, batch 128']) / np.median(times['native BN, batch 128']):.2f}")
