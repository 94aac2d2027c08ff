"""Take the screenshot of a `dcnas search` report that README shows (docs/report.png).

usage: python tools/report_screenshot.py [RUN]   (RUN: an existing run folder; default: run `dcnas search` with no
flags into a temporary folder first, about 90 s on an idle 2-core machine)
Needs Debian's chromium (see `dcnas.test_utils.headless_page`)."""
import sys, subprocess, tempfile, os
from pathlib import Path
from dcnas.cli import write_report
from dcnas.test_utils import headless_page

root = Path(__file__).resolve().parent.parent
with tempfile.TemporaryDirectory() as tmp:
    run = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tmp)/'run'
    if len(sys.argv) == 1:
        subprocess.run([sys.executable, '-c', 'from dcnas.launch import main; main()', 'search', '--out', str(run)], check=True,
                       env={**os.environ, 'OMP_NUM_THREADS': '1'})
    write_report(run)
    (root/'docs').mkdir(exist_ok=True)
    dom, console = headless_page(run/'report.html', screenshot=root/'docs'/'report.png', size=(1200, 3000))
    if console: raise SystemExit(f"the report logged to the console: {console}")
    n_svg = dom.count('class="main-svg"')
    print(f"{n_svg} plotly SVG layers drawn; wrote {root/'docs'/'report.png'}")
