"""The peer for bench/run.sh: the same national job in DuckDB (PyPI), for a side-by-side ratio.

DSRs (ESP2013, Dobson 95% limits) for England, England x IMD quintile, each ICS and ICS x quintile
for the event datasets; Wilson proportions at the same geographies; SII/RII (log/logit, national
positions, closed form) for England and each ICS. Usage: peer_duckdb.py FOLDER (benchmark layout).
"""
import sys

import duckdb
from peer_common import dsr_row, proportion_row, sii_rows

folder = sys.argv[1]
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
                results.append(dsr_row(name, period, geo, g, q, o, dsr, var, pop))
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
                results.append(proportion_row(name, period, geo, g, q, x, n))

sii = sii_rows(results, proportions)
print(len(results), "values,", len(sii), "SII rows")
