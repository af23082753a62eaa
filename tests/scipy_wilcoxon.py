#!/usr/bin/python3
# Reads paired samples, one pair of lists a line ("x1 x2 …|y1 y2 …"), and prints for each what
# scipy.stats.wilcoxon(x, y) says with its defaults: "statistic p-value" with full precision, or "nan nan" when
# it raises (every difference zero). test_wilcoxon.c compares these with report/wilcoxon.c.
import sys
import warnings

import numpy as np
from scipy import stats

warnings.simplefilter("ignore")
for line in sys.stdin:
    line = line.strip()
    if not line:
        continue
    xs, ys = line.split("|")
    x = np.array([float(v) for v in xs.split()])
    y = np.array([float(v) for v in ys.split()])
    try:
        r = stats.wilcoxon(x, y)
        print(repr(float(r.statistic)), repr(float(r.pvalue)))
    except ValueError:
        print("nan nan")
