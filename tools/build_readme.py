#!/usr/bin/env python
"""Render README.md from nbs/index.ipynb with nbconvert (nbdev_readme needs Quarto, which these machines lack).
The notebook is executed first (so the README shows real outputs); cells marked `#| hide` are then dropped and
nbdev directive lines stripped, as nbdev_readme does. README's verdict figure (docs/verdict.png) is the PNG that
90_ranking's cell `verdict-figure` carries in its committed output, copied here so that README and notebook agree.
usage: python tools/build_readme.py [--check]   (--check: exit 1 if README.md or docs/verdict.png is out of date)"""
import sys, re, copy, json, base64
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
def cell_png(notebook, cell_id)->bytes:
    "The PNG in the committed outputs of the cell `cell_id` of `notebook`"
    cell = next(c for c in json.loads(Path(notebook).read_text())['cells'] if c.get('id') == cell_id)
    pngs = [o['data']['image/png'] for o in cell.get('outputs', []) if 'image/png' in o.get('data', {})]
    if len(pngs) != 1: sys.exit(f'{notebook}, cell {cell_id}: {len(pngs)} PNG outputs, not 1; run nbdev-test --file-re ^90_ranking --save')
    return base64.b64decode(pngs[0])

out, figure = root/'README.md', root/'docs'/'verdict.png'
png = cell_png(root/'nbs'/'90_ranking.ipynb', 'verdict-figure')
if '--check' in sys.argv:
    sys.exit(0 if out.exists() and out.read_text() == text and figure.exists() and figure.read_bytes() == png else 1)
out.write_text(text); figure.write_bytes(png)
print(f'wrote {out} and {figure}')
