"""The GPU check of dcnas (issue 12): a short NAS-Bench-201 supernet run at the paper's scale, with its figures in one JSON file.

On a machine with a CUDA device (run through tools/gpu_check.sh, which also runs the `cuda` tests first):
    python tools/gpu_check.py --data ../shared/data/cifar10-jpg.tgz --out gpu_check
trains SPOS on all 50,000 CIFAR-10 training images (C = 16, N = 5, batch 256, bf16 where the device has it, else fp16)
for --epochs epochs, predicts --cells architectures sampled from the space, and writes OUT/gpu_check.json: the device,
steps per second, peak memory, training and prediction seconds, and the Kendall tau and Spearman rho of the predictions
against NAS-Bench-201's cifar10_test_200ep. With --toy it does the same at toy size (the embedded digits, C = 4) on
whatever device there is: that is what the default tests run on a CPU.
"""
import argparse, json, resource, sys, time
from pathlib import Path

def parse(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--out', required=True, help='folder for the run, the predictions and gpu_check.json')
    p.add_argument('--data', default='../shared/data/cifar10-jpg.tgz', help='CIFAR-10 folder or .tgz (ignored with --toy)')
    p.add_argument('--epochs', type=int, default=3, help='training epochs (default 3)')
    p.add_argument('--cells', type=int, default=200, help='architectures to predict and rank (default 200)')
    p.add_argument('--strategy', default='spos', choices=['spos', 'random', 'dcnas'], help='training strategy (default spos)')
    p.add_argument('--precision', default=None, choices=['fp32', 'bf16', 'fp16'],
                   help='default: bf16 on a GPU that has it, else fp16 (fp32 for dcnas without bf16), fp32 on a CPU')
    p.add_argument('--toy', action='store_true', help='toy size (digits, C = 4, batch 32) on any device')
    a = p.parse_args(argv)
    if a.epochs < 1: p.error('--epochs must be at least 1')
    if a.cells < 2: p.error('--cells must be at least 2 (a rank correlation needs two architectures)')
    return a

def default_precision(strategy:str)->str:
    "bf16 where the GPU has it, else fp16 (fp32 for dcnas, which refuses fp16), fp32 on a CPU"
    import torch
    if not torch.cuda.is_available(): return 'fp32'
    if torch.cuda.is_bf16_supported(): return 'bf16'
    return 'fp32' if strategy == 'dcnas' else 'fp16'

def peak_memory_mib()->dict:
    "Peak GPU memory allocated by torch (on a GPU) and peak resident memory of this process"
    import torch
    out = dict(peak_resident_MiB=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1))
    if torch.cuda.is_available(): out['peak_gpu_allocated_MiB'] = round(torch.cuda.max_memory_allocated() / 2**20, 1)
    return out

def main(argv=None):
    a = parse(argv)
    import torch
    from dcnas.cli import fit_run, train_args, predict
    from dcnas.evaluate import rank
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
    precision = a.precision or default_precision(a.strategy)
    size = (dict(data='digits', width=4, cells=1, resolution=8, bs=32, n_per_class=16) if a.toy else
            dict(data=a.data, width=16, cells=5, bs=256, augment=True))
    args = train_args(space='nb201', strategy=a.strategy, preset='nb201', warmup=a.epochs, per_layer=0, finetune=0,
                      out=str(out/'run'), precision=precision, **size)
    t0 = time.perf_counter()
    learn = fit_run(args)
    if torch.cuda.is_available(): torch.cuda.synchronize()
    train_s = time.perf_counter() - t0
    steps = a.epochs * len(learn.dls.train)
    t1 = time.perf_counter()
    predict(str(out/'run'), archs=f'sample:{a.cells}', out=str(out/'predictions.csv'), quiet=True)
    predict_s = time.perf_counter() - t1
    report = rank(str(out/'predictions.csv'), 'nb201:cifar10_test_200ep', quiet=True)
    figures = dict(command=' '.join(['python', 'tools/gpu_check.py', *(sys.argv[1:] if argv is None else argv)]),
                   device=torch.cuda.get_device_name() if torch.cuda.is_available() else 'cpu', torch=torch.__version__,
                   strategy=a.strategy, precision=precision, images=len(learn.dls.train.dataset), batch=args['bs'],
                   width=args['width'], cells_per_stage=args['cells'], epochs=a.epochs, steps=steps,
                   train_seconds=round(train_s, 2), steps_per_second=round(steps / train_s, 3),
                   predicted=a.cells, predict_seconds=round(predict_s, 2),
                   kendall_tau=round(float(report.loc['all', 'kendall_tau']), 4), spearman_rho=round(float(report.loc['all', 'spearman_rho']), 4),
                   **peak_memory_mib())
    (out/'gpu_check.json').write_text(json.dumps(figures, indent=1))
    print(json.dumps(figures, indent=1))
    return figures

if __name__ == '__main__': main()
