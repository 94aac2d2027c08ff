__version__ = "0.0.1"

import warnings
# fastai's layers call `torch.jit.script` when imported, which this torch deprecates: the warning names nothing a dcnas
# user can change, so it is silenced here for every entry point (the command line, notebooks, scripts).
warnings.filterwarnings('ignore', message=r'`torch\.jit\.script` is deprecated', category=FutureWarning)
