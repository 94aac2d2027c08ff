# Cost of one exact prediction against its bare forward passes (issue 10, item 4), in one process on one thread:
# per cell, dcnas predict runs `subnet_accuracies` (BN recalibration on 4 training batches, then the held-out images);
# the comparison is the same number of image-forwards of the same path, as plain eval-mode forwards of batches already
# in memory (and again at batch 500). Usage (repository root): OMP_NUM_THREADS=1 python bench/prediction_floor.py RUN N_CELLS
# RUN: a run folder of an M = 1 (SPOS) supernet, finished or still training (only its weights are read).
# Limits: the order is fixed (the prediction first in every cell, no alternation); each prediction draws its batches
# from the loaders again (it calls subnet_accuracies once per cell; dcnas predict now draws them once for all cells),
# the bare forwards reuse batches drawn once, so the difference includes that loading; the bare forwards run the
# calibration images in eval mode, cheaper than recalibration's training-mode passes, so they are a little below the
# true floor; the result is printed only (no file). BENCHMARKS.md's figures came from the code of commit f4afd52 or just
# before, with the loaders' batches of 64, before dead-edge skipping, held-out passes of 100 on a CPU and BatchNorm folding.
import json, sys, time, torch, numpy as np
from pathlib import Path
from dcnas.cli import make_setup
from dcnas.supernet import supernet, image_batch
from dcnas.evaluate import subnet_accuracies
torch.set_num_threads(1)
run, n = Path(sys.argv[1]), int(sys.argv[2])
saved = json.loads((run/'config.json').read_text())
sp, dls = make_setup(saved['setup'])
net = supernet(sp, M=1)
st = torch.load(run/'checkpoint.pt', weights_only=True, map_location='cpu')
net.load_state_dict(st['model'])
cells = sp.sample(n, seed=7)
xs_calib = [image_batch(b[0]) for _, b in zip(range(4), dls.train)]
xs_valid = [image_batch(b[0]) for b in dls.valid]
n_img = sum(len(x) for x in xs_calib) + sum(len(x) for x in xs_valid)
big = image_batch(torch.cat([b[0] for b in dls.valid]))
rows = []
for a in cells:
    t = time.process_time(); subnet_accuracies(net, [a], dls.valid, dls.train, None, 4, 0, progress=False); full = time.process_time() - t
    net.eval()
    with torch.no_grad():
        t = time.process_time()
        for x in xs_calib + xs_valid: net(x, a, (0,) * 6)
        same_batches = time.process_time() - t
        t = time.process_time()
        for i in range(0, len(big), 500): net(big[i:i + 500], a, (0,) * 6)
        net(torch.cat(xs_calib)[:256], a, (0,) * 6)
        batch500 = time.process_time() - t
    rows.append((full, same_batches, batch500))
r = np.array(rows)
print(f"images per prediction {n_img}; CPU s per cell (median of {n}): predict {np.median(r[:,0]):.3f}, "
      f"bare forwards at the loaders' batches {np.median(r[:,1]):.3f}, at batch 500 {np.median(r[:,2]):.3f}; "
      f"ratio predict / bare {np.median(r[:,0] / r[:,1]):.2f}, predict / batch-500 {np.median(r[:,0] / r[:,2]):.2f}")
