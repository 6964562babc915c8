"""The arithmetic both benchmark peers share (bench/peer_duckdb.py, bench/peer_polars.py): Dobson
limits for a DSR, Wilson limits for a proportion, and the closed-form SII/RII across national
quintiles. Each peer does its own reading, joining and summing; this is what it does with the sums.
"""
import math
from statistics import NormalDist

Z = NormalDist().inv_cdf(0.975)


def dsr_row(name, period, geo, g, q, o, dsr, var, pop):
    """A DSR per 100,000 with Dobson 95% limits (Byar's for the count); withheld below 10 events."""
    if o < 10:
        return (name, period, geo, g, q, None, None, None, pop)
    lo = o * (1 - 1 / (9 * o) - Z / (3 * math.sqrt(o))) ** 3
    hi = (o + 1) * (1 - 1 / (9 * (o + 1)) + Z / (3 * math.sqrt(o + 1))) ** 3
    s = math.sqrt(var / o)
    return (name, period, geo, g, q, dsr * 1e5, (dsr + s * (lo - o)) * 1e5, (dsr + s * (hi - o)) * 1e5, pop)


def proportion_row(name, period, geo, g, q, x, n):
    """A proportion with Wilson 95% limits."""
    c = math.sqrt(Z * Z + 4 * x * (1 - x / n))
    return (name, period, geo, g, q, x / n, (2 * x + Z * Z - Z * c) / 2 / (n + Z * Z), (2 * x + Z * Z + Z * c) / 2 / (n + Z * Z), n)


def sii_rows(results, proportions):
    """SII/RII (log scale for rates, logit for proportions, national positions, closed form) for every
    dataset x period x geography with five positive quintile values."""
    by_key = {}
    for name, period, geo, g, q, v, lo, hi, pop in results:
        if q:
            by_key.setdefault((name, period, geo, g), {})[q] = (v, lo, hi, pop)
    national = {(k[0], k[1]): v for k, v in by_key.items() if k[2] == "england"}
    sii = []
    for (name, period, geo, g), quint in by_key.items():
        if len(quint) < 5 or any(quint[q][0] is None or quint[q][0] <= 0 for q in quint):
            continue
        logit = name in proportions
        f = (lambda p: math.log(p / (1 - p))) if logit else math.log
        inv = (lambda t: 1 / (1 + math.exp(-t))) if logit else math.exp
        npop = [national[(name, period)][q][3] for q in range(1, 6)]
        total = sum(npop); cum = 0; b = []
        for p in npop:
            b.append(cum + p / total / 2); cum += p / total
        own = sum(quint[q][3] for q in range(1, 6))
        a = [quint[q][3] / own for q in range(1, 6)]
        y = [f(quint[q][0]) for q in range(1, 6)]
        se = [(f(quint[q][2]) - f(quint[q][1])) / (2 * Z) for q in range(1, 6)]
        s0 = sum(a); s1 = sum(ai * bi for ai, bi in zip(a, b)); s2 = sum(ai * bi * bi for ai, bi in zip(a, b))
        t0 = sum(ai * yi for ai, yi in zip(a, y)); t1 = sum(ai * bi * yi for ai, bi, yi in zip(a, b, y))
        det = s0 * s2 - s1 * s1
        b0 = (s2 * t0 - s1 * t1) / det; b1 = (s0 * t1 - s1 * t0) / det
        sd = math.sqrt(sum((ai * (s0 * bi - s1) / det * sei) ** 2 for ai, bi, sei in zip(a, b, se)))
        mid = b0 + b1 / 2
        lims = [(inv(mid + s / 2) - inv(mid - s / 2)) for s in (b1 - Z * sd, b1 + Z * sd)]
        sii.append((name, period, geo, g, inv(b0 + b1) - inv(b0), inv(b0 + b1) / inv(b0), *lims))
    return sii
