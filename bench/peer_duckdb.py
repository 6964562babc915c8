"""The peer for bench/run.sh: the same national job in DuckDB (PyPI), for a side-by-side ratio.

DSRs (ESP2013, Dobson 95% limits) for England, England x IMD quintile, each ICS and ICS x quintile
for the event datasets; Wilson proportions at the same geographies; SII/RII (log/logit, national
positions, closed form) for England and each ICS. Usage: peer_duckdb.py FOLDER (benchmark layout).
"""
import math
import sys

import duckdb

folder = sys.argv[1]
z = 1.959963984540054
con = duckdb.connect()
con.execute("SET threads TO 2")
con.execute(f"""
CREATE TABLE lookup AS
SELECT l.lsoa_code, l.icb_ods_code AS icb, (i.imd_decile + 1) // 2 AS quintile
FROM read_csv('{folder}/reference/lsoa_icb.csv', header=true) l
JOIN read_csv('{folder}/reference/lsoa_imd.csv', header=true) i USING (lsoa_code)""")
con.execute(f"""CREATE TABLE esp AS SELECT age_band, esp2013_weight AS w FROM read_csv('{folder}/reference/esp2013.csv', header=true)""")
con.execute(f"""
CREATE TABLE pop AS
SELECT icb, quintile, age_band, sum(population) AS n
FROM read_csv('{folder}/reference/population.csv', header=true) p JOIN lookup USING (lsoa_code)
GROUP BY ALL""")

events = ["acsc_admissions", "ae_attendances", "ae_mental_health_attendances", "cyp_mh_contacts"]
proportions = ["rtt_waits", "cancer_stage"]
results = []
for name in events:
    con.execute(f"""
    CREATE OR REPLACE TABLE ev AS
    SELECT period, icb, quintile, age_band, sum(events) AS x
    FROM read_csv('{folder}/extracts/*/{name}.csv', header=true) e JOIN lookup USING (lsoa_code) GROUP BY ALL""")
    for geo, keys in [("england", "'E'"), ("icb", "icb")]:
        for by, qcol in [("all", "0"), ("quintile", "quintile")]:
            rows = con.execute(f"""
            WITH p AS (SELECT {keys} AS g, {qcol} AS q, age_band, sum(n) AS n FROM pop GROUP BY 1, 2, 3),
                 e AS (SELECT period, {keys} AS g, {qcol} AS q, age_band, sum(x) AS x FROM ev GROUP BY 1, 2, 3, 4),
                 per AS (SELECT DISTINCT period FROM ev),
                 cells AS (SELECT per.period, p.g, p.q, p.n, esp.w, coalesce(e.x, 0) AS x
                           FROM per CROSS JOIN p JOIN esp USING (age_band)
                           LEFT JOIN e ON e.period = per.period AND e.g = p.g AND e.q = p.q AND e.age_band = p.age_band)
            SELECT period, g, q, sum(x) AS o, sum(x * w / n) / sum(w) AS dsr,
                   sum(x * (w / n) * (w / n)) / (sum(w) * sum(w)) AS var, sum(n) AS pop
            FROM cells WHERE n > 0 GROUP BY 1, 2, 3""").fetchall()
            for period, g, q, o, dsr, var, pop in rows:
                if o < 10:
                    results.append((name, period, geo, g, q, None, None, None, pop)); continue
                lo = o * (1 - 1 / (9 * o) - z / (3 * math.sqrt(o))) ** 3
                hi = (o + 1) * (1 - 1 / (9 * (o + 1)) + z / (3 * math.sqrt(o + 1))) ** 3
                s = math.sqrt(var / o)
                results.append((name, period, geo, g, q, dsr * 1e5, (dsr + s * (lo - o)) * 1e5, (dsr + s * (hi - o)) * 1e5, pop))
for name in proportions:
    con.execute(f"""
    CREATE OR REPLACE TABLE pr AS
    SELECT period, icb, quintile, sum(numerator) AS x, sum(denominator) AS n
    FROM read_csv('{folder}/extracts/*/{name}.csv', header=true) e JOIN lookup USING (lsoa_code) GROUP BY ALL""")
    for geo, keys in [("england", "'E'"), ("icb", "icb")]:
        for by, qcol in [("all", "0"), ("quintile", "quintile")]:
            rows = con.execute(f"""
            SELECT period, {keys} AS g, {qcol} AS q, sum(x) AS x, sum(n) AS n FROM pr GROUP BY 1, 2, 3""").fetchall()
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
