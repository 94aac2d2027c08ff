"""Build the documentation pages without Quarto, into _docs/ (nbdev_docs builds the Quarto site where Quarto exists).

usage: python tools/build_docs.py [--out DIR] [NOTEBOOK ...]   (default: every notebook of nbs/, into _docs/)

Each notebook is executed from nbs/ (cells flagged `slow` or `cuda` are shown but not run, as nbdev-test skips them),
then rendered to HTML with nbconvert (the template in tools/docs_template), outputs included: plotly figures stay
interactive (plotly.js is copied into the output folder once and every page loads it from there), and equations are typeset by a local MathJax (Debian's
libjs-mathjax, copied into OUT/mathjax; nbconvert's `mathjax_url` points at it), so the pages need no network.
As on the nbdev site, `#| hide` cells are left out and directive lines (`#| export` ...) are not shown."""
import argparse, os, re, shutil, sys, html
from pathlib import Path
import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import ExecutePreprocessor, CellExecutionError

ROOT = Path(__file__).resolve().parent.parent
os.environ.pop('IN_TEST', None)  # the kernels run the notebooks as a reader's would, also when nbdev-test calls this (98_docs)
NBS = ROOT/'nbs'
MATHJAX = Path('/usr/share/javascript/mathjax')  # Debian's libjs-mathjax (MathJax 2)
SKIP_FLAGS = ('slow', 'cuda')
KERNEL_SETUP = '''import plotly.io as _pio, plotly.graph_objects as _go
from plotly.io._base_renderers import MimetypeRenderer as _Mime
def _docs_html(fig): return {'text/html': _pio.to_html(fig, include_plotlyjs=False, include_mathjax=False, full_html=False)}
class _DocsRenderer(_Mime):
    def to_mimebundle(self, fig_dict): return _docs_html(fig_dict)
_pio.renderers['dcnas_docs'] = _DocsRenderer(); _pio.renderers.default = 'dcnas_docs'
_go.FigureWidget._repr_mimebundle_ = lambda self, *a, **k: _docs_html(self.to_dict())  # a static figure where no widget runs'''

def directives(src:str)->set: return {m.group(1) for m in re.finditer(r'^#\|\s*([\w-]+)', src, re.M)}

def flagged(cell)->bool: return cell.cell_type == 'code' and bool(directives(cell.source) & set(SKIP_FLAGS))

class SkipFlagged(ExecutePreprocessor):
    "Execute the code cells except those flagged slow or cuda"
    def preprocess_cell(self, cell, resources, index):
        if flagged(cell): return cell, resources
        return super().preprocess_cell(cell, resources, index)

def for_reading(nb):
    "Drop the setup cell, hidden cells and the directive lines, as the nbdev site shows a notebook"
    cells = []
    for c in nb.cells[1:]:
        if c.cell_type == 'code':
            d = directives(c.source)
            if 'hide' in d or 'default_exp' in d: continue
            c.source = '\n'.join(l for l in c.source.split('\n') if not l.startswith('#|')).strip('\n')
        cells.append(c)
    nb.cells = cells
    return nb

def build(names, out:Path):
    out.mkdir(parents=True, exist_ok=True)
    if not MATHJAX.exists(): raise SystemExit(f"no MathJax at {MATHJAX}: apt-get install libjs-mathjax")
    if not (out/'mathjax').exists(): shutil.copytree(MATHJAX, out/'mathjax', symlinks=False)
    import plotly
    shutil.copy(Path(plotly.__file__).parent/'package_data'/'plotly.min.js', out/'plotly.min.js')
    exporter = HTMLExporter(extra_template_basedirs=[str(ROOT/'tools')], template_name='docs_template',
                            mathjax_url='mathjax/MathJax.js?config=TeX-AMS_CHTML')
    failed = []
    for name in names:
        path = NBS/f'{name}.ipynb'
        nb = nbformat.read(path, as_version=4)
        nb.cells.insert(0, nbformat.v4.new_code_cell(KERNEL_SETUP))
        try: SkipFlagged(timeout=1800, kernel_name='python3', store_widget_state=False).preprocess(nb, {'metadata': {'path': str(NBS)}})
        except CellExecutionError as e:
            failed.append(name); print(f"{name}: a cell failed, so its page was not written:\n{str(e)[-2000:]}", flush=True); continue
        body, _ = exporter.from_notebook_node(for_reading(nb))
        (out/f'{name}.html').write_text(body)
        print(f"wrote {out/f'{name}.html'}", flush=True)
    pages = sorted(p.stem for p in out.glob('*.html') if p.stem != 'contents')
    links = ''.join(f'<li><a href="{p}.html">{html.escape(p)}</a></li>' for p in pages)
    (out/'contents.html').write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>dcnas</title></head>"
                                     f"<body><h1>dcnas: the notebooks</h1><ul>{links}</ul></body></html>")
    if failed: raise SystemExit(f"pages not built, a cell failed: {', '.join(failed)}")

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--out', default=str(ROOT/'_docs'))
    ap.add_argument('notebooks', nargs='*')
    a = ap.parse_args()
    names = a.notebooks or sorted(p.stem for p in NBS.glob('*.ipynb'))
    os.environ.setdefault('OMP_NUM_THREADS', '1')
    build(names, Path(a.out))
