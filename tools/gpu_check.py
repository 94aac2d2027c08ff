"""The GPU check of dcnas: where a training step's and a prediction's time goes on a device, against their floors.

    python tools/gpu_check.py --out DIR [--data CIFAR10.tgz] [--steps 100] [--cells 30]      (run by tools/gpu_check.sh)
    python tools/gpu_check.py --toy --out DIR                                                 (any device; the default tests)

At the paper's NAS-Bench-201 scale (C = 16, N = 5, 32 x 32, batch 256; 45,000 CIFAR-10 training images, 5,000 held out)
it measures, on one device and in one process, and writes DIR/gpu_check.json:
- training: steps per second of a plain PyTorch loop over random paths (no fastai), of the heaviest path replayed as one
  captured CUDA graph (the launch-free floor), and of `train_supernet` for SPOS (fp32, bf16, NCHW, cuDNN benchmark mode)
  and for DCNAS's pair steps (Algorithm 1's costliest phase), each over --steps steps after a warm-up;
- prediction: seconds per cell of `subnet_accuracies` with `EvalBatches` (what `dcnas predict` and `dcnas search` run)
  over --cells cells, against the floor: the same forward passes on the same device-resident batches, nothing else
  with the held-out images in the loader's batches and in batches of 1,000 and 2,500 (`--eval-bs`);
- agreement: accuracy and loss of two cells evaluated on the device and on the CPU with the same weights;
- peak GPU memory.
With --toy the same runs at toy size (the embedded digits, C = 4, N = 1, batch 32) on whatever device there is.
"""
import argparse, copy, json, resource, statistics, sys, time
from pathlib import Path

HEAVIEST = '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|'

def parse(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--out', required=True, help='folder for gpu_check.json')
    p.add_argument('--data', default='../shared/data/cifar10-jpg.tgz', help='CIFAR-10 folder or .tgz (ignored with --toy)')
    p.add_argument('--steps', type=int, default=100, help='timed training steps of each kind (default 100)')
    p.add_argument('--cells', type=int, default=30, help='cells whose prediction is timed (default 30)')
    p.add_argument('--device', default=None, help='cpu, cuda or cuda:N (default: the GPU if there is one)')
    p.add_argument('--toy', action='store_true', help='toy size (digits, C = 4, batch 32) on any device')
    p.add_argument('--prediction-only', action='store_true', help='time predictions alone, on an untrained supernet')
    a = p.parse_args(argv)
    if a.steps < 2: p.error('--steps must be at least 2')
    if a.cells < 2: p.error('--cells must be at least 2')
    return a

def sync(device):
    import torch
    if device.type == 'cuda': torch.cuda.synchronize(device)

def per_step(fn, device, n:int, warmup:int=5)->float:
    "Seconds per call of `fn(i)` over `n` calls after `warmup`, the device finished before and after"
    for i in range(warmup): fn(i)
    sync(device); t0 = time.perf_counter()
    for i in range(n): fn(warmup + i)
    sync(device)
    return (time.perf_counter() - t0) / n

def plain_loop(space, device, bs:int, steps:int)->dict:
    "A bare PyTorch training loop over random paths: forward, cross-entropy, backward, SGD; one batch kept on the device"
    import torch, torch.nn.functional as F
    from dcnas.supernet import supernet
    torch.manual_seed(0)
    net = supernet(space, M=1).to(device).train()
    opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9, weight_decay=5e-4)
    x = torch.randn(bs, space.in_chans, space.resolution, space.resolution, device=device)
    y = torch.randint(0, space.n_classes, (bs,), device=device)
    archs, zeros = space.sample(steps + 10, seed=0), (0,) * space.n_layers
    def step(i, arch=None):
        loss = F.cross_entropy(net(x, arch or archs[i], zeros), y)
        opt.zero_grad(set_to_none=True); loss.backward(); opt.step()
    out = dict(plain_loop_ms=1000 * per_step(step, device, steps))
    heavy = space.parse(HEAVIEST)
    out['plain_heaviest_ms'] = 1000 * per_step(lambda i: step(i, heavy), device, steps)
    if device.type == 'cuda': out['graph_heaviest_ms'] = 1000 * graph_step(net, opt, x, y, heavy, zeros, steps)
    net.to(memory_format=torch.channels_last); x = x.contiguous(memory_format=torch.channels_last)  # fastai's runs are channels-last:
    out['plain_loop_channels_last_ms'] = 1000 * per_step(step, device, steps)                     # the same layout, to compare with them
    return out

def graph_step(net, opt, x, y, arch, assign, steps:int)->float:
    "Seconds per replay of one captured CUDA graph of a whole training step of `arch` (no launch cost: the floor of eager steps)"
    import torch, torch.nn.functional as F
    side = torch.cuda.Stream(); side.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(side):  # warm-up on a side stream, as capture requires
        for _ in range(3):
            opt.zero_grad(set_to_none=True); F.cross_entropy(net(x, arch, assign), y).backward(); opt.step()
    torch.cuda.current_stream().wait_stream(side)
    g = torch.cuda.CUDAGraph()
    opt.zero_grad(set_to_none=True)
    with torch.cuda.graph(g):
        F.cross_entropy(net(x, arch, assign), y).backward(); opt.step()
    return per_step(lambda i: g.replay(), x.device, steps)

def learner_rate(space, dls, strategy:str, steps:int, **cfg)->dict:
    "Training steps per second of `train_supernet` (fastai, the strategy's callbacks) over `steps` steps after 10"
    import torch
    from fastai.callback.core import Callback, CancelFitException
    from dcnas.train import train_supernet, preset
    device = dls.device
    class StepClock(Callback):
        order = 99
        def after_batch(self):
            if not self.training: return
            if self.iter == 9: sync(device); self.t0 = time.perf_counter()
            if self.iter == 9 + steps:
                sync(device); self.seconds = time.perf_counter() - self.t0; raise CancelFitException()
    clock = StepClock()
    if device.type == 'cuda': torch.cuda.reset_peak_memory_stats(device)
    learn = train_supernet(space, dls, preset('nb201', strategy=strategy, **cfg), cbs=[clock])
    if not hasattr(clock, 'seconds'): raise ValueError(f"an epoch has fewer than {10 + steps} steps: lower --steps")
    out = dict(steps_per_second=round(steps / clock.seconds, 2), ms_per_step=round(1000 * clock.seconds / steps, 2))
    if device.type == 'cuda': out['peak_gpu_MiB'] = round(torch.cuda.max_memory_allocated(device) / 2**20)
    return out, learn

def prediction(net, dls, cells:list, n_calib:int=4, held_bs:int|None=None)->dict:
    "Seconds per cell of `subnet_accuracies` on `EvalBatches` (what predict and search run) against the bare forward passes"
    import torch
    from dcnas.evaluate import EvalBatches, subnet_accuracies
    device = next(net.parameters()).device
    sync(device); t0 = time.perf_counter()
    b = EvalBatches(dls.valid, dls.train, n_calib, 0, device, held_bs=held_bs)
    sync(device); draw = time.perf_counter() - t0
    subnet_accuracies(net, cells[:2], None, None, progress=False, batches=b)  # warm-up
    sync(device); t0 = time.perf_counter()
    df = subnet_accuracies(net, cells, None, None, progress=False, batches=b)
    sync(device); total = time.perf_counter() - t0
    zeros = (0,) * net.space.n_layers
    def forwards(arch):
        with torch.no_grad():
            net.train()
            for x in b.calib: net(x, arch, zeros)
            net.eval()
            for x, _ in b.held: net(x, arch, zeros)
    floor = per_step(lambda i: forwards(cells[i % len(cells)]), device, len(cells), warmup=2)
    return dict(cells=len(cells), n_calib=n_calib, held_out_images=b.n, held_out_batches=len(b.held),
                image_forwards_per_cell=n_calib * len(b.calib[0]) + b.n, forward_passes_per_cell=n_calib + len(b.held),
                draw_batches_seconds=round(draw, 3), seconds_per_cell=round(total / len(cells), 4),
                median_row_seconds=round(float(df.seconds.median()), 4), floor_seconds_per_cell=round(floor, 4),
                over_floor=round(total / len(cells) / floor, 2))

def agreement(net, dls, cells:list)->dict:
    "Largest difference of accuracy and loss between evaluations on the device and on the CPU, same weights and batches"
    import torch
    from dcnas.evaluate import EvalBatches, subnet_accuracies
    device = next(net.parameters()).device
    cpu = copy.deepcopy(net).to('cpu')
    here = subnet_accuracies(net, cells, None, None, progress=False, batches=EvalBatches(dls.valid, dls.train, 4, 0, device))
    there = subnet_accuracies(cpu, cells, None, None, progress=False, batches=EvalBatches(dls.valid, dls.train, 4, 0, torch.device('cpu')))
    return dict(cells=len(cells), max_accuracy_difference=float((here.accuracy - there.accuracy).abs().max()),
                max_loss_difference=float((here.loss - there.loss).abs().max()))

def main(argv=None):
    a = parse(argv)
    import torch
    from dcnas.data import pick_device
    from dcnas.evaluate import load_data, space_for_data
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
    device = pick_device(a.device)
    size = (dict(data='digits', bs=32, n_per_class=None, C=4, N=1, steps=min(a.steps, 20)) if a.toy else
            dict(data=a.data, bs=256, n_per_class=None, C=16, N=5, steps=a.steps))
    t0 = time.perf_counter()
    dls, _ = load_data(size['data'], bs=size['bs'], augment=not a.toy, device=device, progress=False)
    space = space_for_data('nb201', dls, C=size['C'], N=size['N'])
    figures = dict(command=' '.join(['python', 'tools/gpu_check.py', *(sys.argv[1:] if argv is None else argv)]),
                   device=torch.cuda.get_device_name(device) if device.type == 'cuda' else 'cpu', torch=torch.__version__,
                   space=repr(space), training_images=len(dls.train_ds), held_out_images=len(dls.valid_ds), batch=size['bs'],
                   load_seconds=round(time.perf_counter() - t0, 1))
    def save(): (out/'gpu_check.json').write_text(json.dumps(figures, indent=1))
    steps = size['steps']
    if not a.prediction_only: figures['plain'] = {k: round(v, 2) for k, v in plain_loop(space, device, size['bs'], steps).items()}; save()
    runs = dict(spos_fp32=('spos', {}), spos_bf16=('spos', dict(precision='bf16')), spos_fp32_nchw=('spos', dict(channels_last=False)),
                spos_fp32_cudnn_benchmark=('spos', {}), dcnas_pair_fp32=('dcnas', dict(T_w=0, T=1, T_f=0)))
    if device.type == 'cuda' and not torch.cuda.is_bf16_supported(): runs.pop('spos_bf16')
    figures['training'] = {}
    for name, (strategy, cfg) in runs.items():
        if a.prediction_only: net = learner_rate(space, dls, 'spos', 2)[1].model.net; break  # two steps: BN has statistics
        torch.backends.cudnn.benchmark = name.endswith('cudnn_benchmark')  # cuDNN times its algorithms once per shape and keeps the fastest
        figures['training'][name], learn = learner_rate(space, dls, strategy, steps, **cfg); save()
        if name == 'spos_fp32': net = learn.model.net
    cells = space.sample(a.cells, seed=1)
    figures['prediction'] = prediction(net, dls, cells); save()  # the held-out images in the loader's batches
    for bs in (1000, 2500): figures[f'prediction_held_bs{bs}'] = prediction(net, dls, cells, held_bs=bs); save()
    if device.type != 'cpu': figures['agreement'] = agreement(net, dls, cells[:2]); save()
    figures['peak_resident_MiB'] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    if device.type == 'cuda': figures['peak_gpu_allocated_MiB'] = round(torch.cuda.max_memory_allocated(device) / 2**20, 1)
    save()
    print(json.dumps(figures, indent=1))
    return figures

if __name__ == '__main__': main()
