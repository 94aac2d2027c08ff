"""Merge the score files (`scores.csv`) of the run folders in which a supernet was searched into one committed file.

usage: python bench/search/merge_scores.py OUT RUN [RUN ...]
OUT: e.g. bench/search/NAME_scores.csv (its rows, if it exists, come first); RUN: folders whose scores.csv to add.
A score is keyed by (arch, n_calib, checkpoint, n_images), as `dcnas search` keys its cache; where two files hold the
same key they must agree on the accuracy and on which images were right, and on the loss to float rounding (a pass size of
100 or 1,000 images sums it in another order), else the merge stops and says where; the first file's row is kept.
`nbs/92_search.ipynb` redoes every committed search's paired test from the merged file."""
import sys
from pathlib import Path
import numpy as np, pandas as pd

KEY = ['arch', 'n_calib', 'checkpoint', 'n_images']
out, runs = Path(sys.argv[1]), [Path(r)/'scores.csv' for r in sys.argv[2:]]
read = lambda f: pd.read_csv(f, dtype=str, keep_default_na=False)  # as written: no float parsed and printed again
files = ([out] if out.exists() else []) + runs
merged = pd.concat([read(f).assign(_file=str(f)) for f in files], ignore_index=True)
dup = merged[merged.duplicated(KEY, keep=False)]
def disagree(g): return g.accuracy.nunique() > 1 or g.correct.nunique() > 1 or np.ptp(g.loss.astype(float)) > 1e-6 * g.loss.astype(float).abs().max()
clash = dup.groupby(KEY).filter(disagree)
if len(clash): sys.exit(f"the files disagree on {clash.groupby(KEY).ngroups} scores, e.g.\n{clash.head(4).to_string()}")
merged = merged.drop_duplicates(KEY).drop(columns='_file')
merged.to_csv(out, index=False)
print(f"{out}: {len(merged)} scores from {len(files)} files")
