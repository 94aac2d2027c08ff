# Source this on a bare GPU machine that has PyTorch but no network:   source tools/gpu_setup.sh WHEELS
# It installs the wheels of WHEELS (the package's other requirements, see README: "GPU windows") into .gpu/site of this
# checkout, puts them and this checkout on PYTHONPATH, and gives a `dcnas` command; nothing outside the checkout changes.
# Afterwards `python -c "import dcnas"`, `dcnas ...` and `nbdev-test` work as after `pip install -e .`.
_wheels=${1:?usage: source tools/gpu_setup.sh WHEELS (a folder of .whl files)}
_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
_site="$_root/.gpu/site"
ls "$_wheels"/*.whl >/dev/null 2>&1 || { echo "gpu_setup.sh: no .whl files in $_wheels" >&2; return 1; }
python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target "$_site" "$_wheels"/*.whl || return 1
mkdir -p "$_site/bin"
printf '#!/bin/sh\nexec python3 -m dcnas.launch "$@"\n' > "$_site/bin/dcnas"; chmod +x "$_site/bin/dcnas"
export PYTHONPATH="$_root:$_site${PYTHONPATH:+:$PYTHONPATH}" PATH="$_site/bin:$PATH"
python3 -c "import dcnas, fastai, nbdev, torch; print('dcnas', dcnas.__version__, 'fastai', fastai.__version__, 'nbdev', nbdev.__version__, 'torch', torch.__version__, 'cuda', torch.cuda.is_available())" || return 1
