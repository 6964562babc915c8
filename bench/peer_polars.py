"""The second peer for bench/run.sh: the same national job as bench/peer_duckdb.py, in polars (PyPI).

Reads every extract and the reference files, joins LSOAs to ICB and IMD quintile, and computes the same
DSRs (ESP2013, Dobson 95% limits), Wilson proportions and SII/RII as the DuckDB peer, for a side-by-side
ratio. Usage: peer_polars.py FOLDER (benchmark layout). Threads: POLARS_MAX_THREADS (bench/run.sh sets 2).
"""
import math
import sys

import polars as pl

folder = sys.argv[1]
z = 1.959963984540054
lookup = (
    pl.scan_csv(f"{folder}/reference/lsoa_icb.csv").select(["lsoa_code", pl.col("icb_ods_code").alias("icb")])
    .join(pl.scan_csv(f"{folder}/reference/lsoa_imd.csv").select(["lsoa_code", "imd_decile"]), on="lsoa_code")
    .with_columns(((pl.col("imd_decile") + 1) // 2).alias("quintile")).select(["lsoa_code", "icb", "quintile"])
).collect()
esp = pl.read_csv(f"{folder}/reference/esp2013.csv").select(["age_band", pl.col("esp2013_weight").alias("w")])
pop = (
    pl.scan_csv(f"{folder}/reference/population.csv").join(lookup.lazy(), on="lsoa_code")
    .group_by(["icb", "quintile", "age_band"]).agg(pl.col("population").sum().alias("n"))
).collect()

events = ["acsc_admissions", "ae_attendances", "ae_mental_health_attendances", "cyp_mh_contacts"]
proportions = ["rtt_waits", "cancer_stage"]
results = []


def keyed(frame, geo, by):
    g = pl.lit("E") if geo == "england" else pl.col("icb")
    q = pl.lit(0) if by == "all" else pl.col("quintile")
    return frame.with_columns(g.alias("g"), q.alias("q"))


for name in events:
    ev = (
        pl.scan_csv(f"{folder}/extracts/*/{name}.csv").join(lookup.lazy(), on="lsoa_code")
        .group_by(["period", "icb", "quintile", "age_band"]).agg(pl.col("events").sum().alias("x"))
    ).collect()
    periods = ev.select("period").unique()
    for geo in ("england", "icb"):
        for by in ("all", "quintile"):
            p = keyed(pop, geo, by).group_by(["g", "q", "age_band"]).agg(pl.col("n").sum())
            e = keyed(ev, geo, by).group_by(["period", "g", "q", "age_band"]).agg(pl.col("x").sum())
            cells = (
                periods.join(p, how="cross").join(esp, on="age_band")
                .join(e, on=["period", "g", "q", "age_band"], how="left").with_columns(pl.col("x").fill_null(0))
                .filter(pl.col("n") > 0)
            )
            rows = cells.group_by(["period", "g", "q"]).agg(
                pl.col("x").sum().alias("o"),
                ((pl.col("x") * pl.col("w") / pl.col("n")).sum() / pl.col("w").sum()).alias("dsr"),
                ((pl.col("x") * (pl.col("w") / pl.col("n")) ** 2).sum() / pl.col("w").sum() ** 2).alias("var"),
                pl.col("n").sum().alias("pop"),
            ).rows()
            for period, g, q, o, dsr, var, popn in rows:
                if o < 10:
                    results.append((name, period, geo, g, q, None, None, None, popn)); continue
                lo = o * (1 - 1 / (9 * o) - z / (3 * math.sqrt(o))) ** 3
                hi = (o + 1) * (1 - 1 / (9 * (o + 1)) + z / (3 * math.sqrt(o + 1))) ** 3
                s = math.sqrt(var / o)
                results.append((name, period, geo, g, q, dsr * 1e5, (dsr + s * (lo - o)) * 1e5, (dsr + s * (hi - o)) * 1e5, popn))
for name in proportions:
    pr = (
        pl.scan_csv(f"{folder}/extracts/*/{name}.csv").join(lookup.lazy(), on="lsoa_code")
        .group_by(["period", "icb", "quintile"]).agg(pl.col("numerator").sum().alias("x"), pl.col("denominator").sum().alias("n"))
    ).collect()
    for geo in ("england", "icb"):
        for by in ("all", "quintile"):
            rows = keyed(pr, geo, by).group_by(["period", "g", "q"]).agg(pl.col("x").sum(), pl.col("n").sum()).rows()
            for period, g, q, x, n in rows:
                c = math.sqrt(z * z + 4 * x * (1 - x / n))
                results.append((name, period, geo, g, q, x / n, (2 * x + z * z - z * c) / 2 / (n + z * z),
                                (2 * x + z * z + z * c) / 2 / (n + z * z), n))

# SII/RII (transform, closed form) per dataset x period x geography across quintiles, national positions.
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
    se = [(f(quint[q][2]) - f(quint[q][1])) / (2 * 1.959964) for q in range(1, 6)]
    s0 = sum(a); s1 = sum(ai * bi for ai, bi in zip(a, b)); s2 = sum(ai * bi * bi for ai, bi in zip(a, b))
    t0 = sum(ai * yi for ai, yi in zip(a, y)); t1 = sum(ai * bi * yi for ai, bi, yi in zip(a, b, y))
    det = s0 * s2 - s1 * s1
    b0 = (s2 * t0 - s1 * t1) / det; b1 = (s0 * t1 - s1 * t0) / det
    sd = math.sqrt(sum((ai * (s0 * bi - s1) / det * sei) ** 2 for ai, bi, sei in zip(a, b, se)))
    mid = b0 + b1 / 2
    lims = [(inv(mid + s / 2) - inv(mid - s / 2)) for s in (b1 - z * sd, b1 + z * sd)]
    sii.append((name, period, geo, g, inv(b0 + b1) - inv(b0), inv(b0 + b1) / inv(b0), *lims))
print(len(results), "values,", len(sii), "SII rows")
