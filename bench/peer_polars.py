"""The second peer for bench/run.sh: the same national job as bench/peer_duckdb.py, in polars (PyPI).

Reads every extract and the reference files, joins LSOAs to ICB and IMD quintile, and computes the same
DSRs (ESP2013, Dobson 95% limits), Wilson proportions and SII/RII as the DuckDB peer, for a side-by-side
ratio. Usage: peer_polars.py FOLDER (benchmark layout). Threads: POLARS_MAX_THREADS (bench/run.sh sets 2).
"""
import sys

import polars as pl
from peer_common import dsr_row, proportion_row, sii_rows

folder = sys.argv[1]
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
                results.append(dsr_row(name, period, geo, g, q, o, dsr, var, popn))
for name in proportions:
    pr = (
        pl.scan_csv(f"{folder}/extracts/*/{name}.csv").join(lookup.lazy(), on="lsoa_code")
        .group_by(["period", "icb", "quintile"]).agg(pl.col("numerator").sum().alias("x"), pl.col("denominator").sum().alias("n"))
    ).collect()
    for geo in ("england", "icb"):
        for by in ("all", "quintile"):
            rows = keyed(pr, geo, by).group_by(["period", "g", "q"]).agg(pl.col("x").sum(), pl.col("n").sum()).rows()
            for period, g, q, x, n in rows:
                results.append(proportion_row(name, period, geo, g, q, x, n))

sii = sii_rows(results, proportions)
print(len(results), "values,", len(sii), "SII rows")
