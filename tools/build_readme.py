#!/usr/bin/env python
"""Render README.md from nbs/index.ipynb with nbconvert (nbdev_readme needs Quarto, which these machines lack).
The notebook is executed first (so the README shows real outputs); cells marked `#| hide` are then dropped and
nbdev directive lines stripped, as nbdev_readme does.
usage: python tools/build_readme.py [--check]   (--check: exit 1 if README.md is out of date)"""
import sys, re, copy
from pathlib import Path
import nbformat
from nbconvert import MarkdownExporter
from nbconvert.preprocessors import ExecutePreprocessor

root = Path(__file__).resolve().parent.parent
nb = nbformat.read(root/'nbs'/'index.ipynb', as_version=4)
ExecutePreprocessor(timeout=600).preprocess(nb, {'metadata': {'path': str(root/'nbs')}})
directive = re.compile(r'^\s*#\|\s*(.*)$')

def keep(cell):
    "False for cells nbdev would hide from the docs"
    return not any(directive.match(l) and directive.match(l).group(1).split()[:1] in (['hide'], ['exporti'], ['export'])
                   for l in cell.source.splitlines())

cells = []
for c in nb.cells:
    if not keep(c): continue
    c = copy.deepcopy(c)
    c.source = '\n'.join(l for l in c.source.splitlines() if not directive.match(l)).strip()
    cells.append(c)
nb.cells = cells
body, _ = MarkdownExporter().from_notebook_node(nb)
text = '<!-- generated from nbs/index.ipynb by tools/build_readme.py: edit the notebook, not this file -->\n\n' + body.lstrip()
text = re.sub(r'\n{3,}', '\n\n', text).rstrip() + '\n'
out = root/'README.md'
if '--check' in sys.argv:
    sys.exit(0 if out.exists() and out.read_text() == text else 1)
out.write_text(text)
print(f'wrote {out}')
