"""The paper-scale comparison on one GPU: two supernets trained side by side, each predicting 1,000 fixed cells and searched.

    python bench/gpu/compare.py --out DIR [--pair seed0] [--data CIFAR10.tgz] [--device cuda]      (bench/gpu/compare.sh)
    python bench/gpu/compare.py --toy --out DIR                                                     (any device; the default tests)

A pair is two runs of `PAIRS` (SPOS and DCNAS with the same seed, or two ablations). For each, in its own process and
both at once on the one device: `dcnas search` (train on NAS-Bench-201 at the paper's scale: C = 16, N = 5, 45,000
CIFAR-10 training images, 5,000 held out, batch 256, crop and flip; then the default evolutionary search), then
`dcnas predict --archs sample:1000 --sample-seed 1`. The schedule is the `nb201` preset's shape (T_w : T : T_f = 30 : 5 : 60,
150 epochs) scaled by --warmup/--per-layer/--finetune to what a GPU window allows; results.csv says which ran.
DIR gets PAIR.tar.gz (every small file of both runs: config, logs, predictions, search log, best.json, topology records,
timings; no checkpoint) and results.csv (one row per run: Kendall tau, Spearman rho, the true top 10 % among the
predicted top 10 %, the searched cell's NAS-Bench-201 accuracy, seconds; rows of other pairs already in it are kept). Runs
already finished in DIR are not redone, and a run cut off part-way (a window that ended) continues with `dcnas search --resume`;
--only NAME runs one member of the pair (a window too short for both).
"""
import argparse, json, os, subprocess, sys, tarfile, time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

PAIRS = {  # the order in which GPU windows run them
    'seed0': {'spos_s0': ['--strategy', 'spos', '--seed', '0'], 'dcnas_s0': ['--strategy', 'dcnas', '--seed', '0']},
    'seed1': {'spos_s1': ['--strategy', 'spos', '--seed', '1'], 'dcnas_s1': ['--strategy', 'dcnas', '--seed', '1']},
    'ablations': {'random_s0': ['--strategy', 'random', '--seed', '0'], 'lambda_fixed_s0': ['--strategy', 'dcnas', '--seed', '0', '--meta-lr', '0']},
}
KEEP = ('config.json', 'log.csv', 'assignment.csv', 'predictions.csv', 'search.csv', 'best.json', 'train.log', 'timings.json')
TRUTH = 'cifar10_test_200ep'  # NAS-Bench-201's CIFAR-10 test accuracy after its 200-epoch training

def parse(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--out', required=True, help='folder for the runs, PAIR.tar.gz and results.csv')
    p.add_argument('--pair', default='seed0', choices=list(PAIRS), help='which pair of runs (default seed0)')
    p.add_argument('--data', default='../shared/data/cifar10-jpg.tgz', help='CIFAR-10 folder or .tgz (ignored with --toy)')
    p.add_argument('--device', default=None, help='cpu, cuda or cuda:N (default: the GPU if there is one)')
    p.add_argument('--warmup', type=int, default=6, help='T_w (paper: 30; default 6)')
    p.add_argument('--per-layer', type=int, default=1, help='T (paper: 5; default 1)')
    p.add_argument('--finetune', type=int, default=12, help='T_f (paper: 60; default 12)')
    p.add_argument('--cells', type=int, default=1000, help='fixed cells to predict (sample:N, seed 1; default 1000)')
    p.add_argument('--only', default=None, help='run only this member of the pair (a window too short for both)')
    p.add_argument('--toy', action='store_true', help='toy size (digits, C = 4, N = 1, a short schedule) on any device')
    a = p.parse_args(argv)
    if a.only is not None and a.only not in PAIRS[a.pair]: p.error(f"--only must name a run of the pair {a.pair}: {', '.join(PAIRS[a.pair])}")
    return a

def run_args(a, extra:list, out:Path)->tuple:
    "The `dcnas search` and `dcnas predict` command lines of one run"
    size = (['--data', 'digits', '--width', '4', '--cells', '1', '--bs', '32', '--n-per-class', '16', '--n-archs', '24',
             '--population', '8', '--iterations', '2'] if a.toy else
            ['--data', a.data, '--width', '16', '--cells', '5', '--bs', '256', '--augment'])
    schedule = ['--warmup', '1', '--per-layer', '1', '--finetune', '1'] if a.toy else \
               ['--warmup', str(a.warmup), '--per-layer', str(a.per_layer), '--finetune', str(a.finetune)]
    device = ['--device', a.device] if a.device else []
    dcnas = [sys.executable, '-m', 'dcnas.launch']
    resume = (out/'checkpoint.pt').exists() or (out/'config.json').exists()  # a run cut off by the end of a window continues
    search = dcnas + (['search', '--resume', str(out), *device] if resume else ['search', '--preset', 'nb201', *size, *schedule, *extra, *device, '--out', str(out)])
    predict = dcnas + ['predict', str(out), '--archs', f'sample:{20 if a.toy else a.cells}', '--sample-seed', '1', '--quiet', *device]
    return search, predict

def run_pair_member(name:str, a, extra:list, runs:Path)->int:
    "One run: `dcnas search`, then `dcnas predict`, output in RUN/train.log, seconds in RUN/timings.json; the exit status"
    out = runs/name
    out.mkdir(parents=True, exist_ok=True)
    times = dict(device=a.device or 'default')
    with open(out/'train.log', 'a') as log:
        for step, cmd in zip(('search', 'predict'), run_args(a, extra, out)):
            t = time.perf_counter()
            rc = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, 'PYTHONUNBUFFERED': '1'}).returncode
            if rc: return rc
            times[f'{step}_seconds'] = round(time.perf_counter() - t, 1)
    (out/'timings.json').write_text(json.dumps(times))
    return 0

def result_row(name:str, run:Path, extra:list)->dict:
    "The table's row of a finished run"
    import pandas as pd
    from dcnas.spaces import nb201_table
    from dcnas.evaluate import kendall_tau, spearman_rho, top_k_overlap
    pred = pd.read_csv(run/'predictions.csv')
    table = nb201_table().set_index('arch')[TRUTH]
    truth = table.loc[pred.arch].to_numpy()
    best = json.loads((run/'best.json').read_text())
    times, log = json.loads((run/'timings.json').read_text()), pd.read_csv(run/'log.csv')
    return dict(run=name, flags=' '.join(extra), epochs=len(log), cells=len(pred),
                kendall_tau=round(kendall_tau(pred.supernet_accuracy, truth), 4), spearman_rho=round(spearman_rho(pred.supernet_accuracy, truth), 4),
                top10pct=round(top_k_overlap(pred.supernet_accuracy, truth, max(1, len(pred) // 10)), 4),
                searched=best['arch'], searched_nb201=round(best['nb201'][TRUTH], 2), searched_flops=best['flops'],
                search_seconds=round(times['search_seconds']), predict_seconds=round(times['predict_seconds']),
                predict_seconds_per_cell=round(float(pred.seconds.median()), 4), device=times['device'])

def main(argv=None):
    a = parse(argv)
    out = Path(a.out); runs = out/a.pair
    runs.mkdir(parents=True, exist_ok=True)
    t0, todo = time.perf_counter(), {}
    for name, extra in PAIRS[a.pair].items():
        if a.only is not None and name != a.only: continue
        if (runs/name/'timings.json').exists(): print(f"{name}: finished before, kept")
        else: todo[name] = extra
    with ThreadPoolExecutor(len(todo) or 1) as pool:  # both runs at once, each in processes of its own
        status = dict(zip(todo, pool.map(lambda n: run_pair_member(n, a, todo[n], runs), todo)))
    failed = [n for n, rc in status.items() if rc != 0]
    for n in failed: print(f"{n} failed; the end of {runs/n/'train.log'}:\n" + (runs/n/'train.log').read_text()[-3000:], file=sys.stderr)
    rows = [result_row(n, runs/n, e) for n, e in PAIRS[a.pair].items() if n not in failed and (runs/n/'timings.json').exists()]
    import pandas as pd
    table = pd.DataFrame(rows)
    if (out/'results.csv').exists():  # the rows of earlier windows' pairs stay; this pair's are replaced
        earlier = pd.read_csv(out/'results.csv')
        table = pd.concat([earlier[~earlier.run.isin(PAIRS[a.pair])], table], ignore_index=True)
    table.to_csv(out/'results.csv', index=False)
    with tarfile.open(out/f'{a.pair}.tar.gz', 'w:gz') as tar:
        for f in sorted(runs.rglob('*')):
            if f.is_file() and (f.name in KEEP or f.name.startswith('topology_layer')): tar.add(f, arcname=f.relative_to(out))
        tar.add(out/'results.csv', arcname=f'{a.pair}/results.csv')
    print(table.to_string(index=False))
    print(f"{a.pair}: {time.perf_counter() - t0:.0f} s; wrote {out/'results.csv'} and {out/(a.pair + '.tar.gz')}")
    if failed: sys.exit(1)
    return table

if __name__ == '__main__': main()
