"""System time of a forward loop of the C = 16 NAS-Bench-201 supernet (BENCHMARKS.md, "Memory allocation").
Run: OMP_NUM_THREADS=1 .venv/bin/python bench/forward_sys_time.py
and: OMP_NUM_THREADS=1 MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=17179869184 .venv/bin/python bench/forward_sys_time.py"""
import torch, time, resource
from dcnas.spaces import *; from dcnas.supernet import *
torch.set_num_threads(1)
sp = NB201Space(C=16, N=1)
net = supernet(sp, 2).eval()
a = sp.parse('|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|')
x = torch.randn(256, 3, 32, 32)
with torch.no_grad():
    net(x, a)
    r0 = resource.getrusage(resource.RUSAGE_SELF); t0 = time.perf_counter()
    for _ in range(6): net(x, a)
    r1 = resource.getrusage(resource.RUSAGE_SELF); t1 = time.perf_counter()
print(f"wall {t1-t0:.2f} user {r1.ru_utime-r0.ru_utime:.2f} sys {r1.ru_stime-r0.ru_stime:.2f} minflt {r1.ru_minflt-r0.ru_minflt}")
