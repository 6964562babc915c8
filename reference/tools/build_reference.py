#!/usr/bin/env python3
"""Derive soc-pipeline's bundled reference data from the shared public files.

Run once by a maintainer (python3 reference/tools/build_reference.py SHARED_DIR);
the product never reads SHARED_DIR at run time. See reference/PROVENANCE.md.
"""
import csv, os, sys
from collections import defaultdict

shared = sys.argv[1] if len(sys.argv) > 1 else "../shared/reference-data"
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

BANDS = ["0-4","5-9","10-14","15-19","20-24","25-29","30-34","35-39","40-44","45-49",
         "50-54","55-59","60-64","65-69","70-74","75-79","80-84","85-89","90+"]

def band_of(age):
    return BANDS[min(age // 5, 18)]

def write(path, header, rows):
    path = os.path.join(out, path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)

# ICBs (July 2022) with region, and the 2023 ONS re-coding as an accepted alias.
icbs = list(csv.DictReader(open(os.path.join(shared, "geography/icb_2022.csv"))))
write("icb/2022-07/icbs.csv",
      ["icb_ods_code","icb_ons_code","icb_ons_code_2023","icb_name","icb_short_name",
       "region_ons_code","region_ods_code","region_name"],
      sorted([[r["icb22_ods_code"], r["icb22_ons_code"], r["icb23_24_ons_code"], r["icb22_name"],
               r["icb_short_name"], r["nhser22_ons_code"], r["nhser22_ods_code"], r["nhser22_name"]]
              for r in icbs], key=lambda r: r[1]))

# LSOA 2011 -> sub-ICB location -> ICB (July 2022).
lk = list(csv.DictReader(open(os.path.join(shared, "geography/lsoa11_to_sicbl22_icb22_lad22.csv"))))
write("icb/2022-07/lsoa_icb.csv",
      ["lsoa_code","sub_icb_ods_code","sub_icb_ons_code","icb_ods_code","icb_ons_code"],
      sorted([[r["lsoa11_code"], r["sicbl22_ods_code"], r["sicbl22_ons_code"],
               r["icb22_ods_code"], r["icb22_ons_code"]] for r in lk]))

# IMD 2019 overall rank and decile per LSOA 2011.
imd = list(csv.DictReader(open(os.path.join(shared, "deprivation/imd2019_lsoa11.csv"))))
deciles = {r["lsoa11_code"]: int(r["imd_decile"]) for r in imd}
write("imd/2019/lsoa_imd.csv", ["lsoa_code","imd_rank","imd_decile"],
      sorted([[r["lsoa11_code"], r["imd_rank"], r["imd_decile"]] for r in imd]))

# ESP2013, 19 bands.
esp = list(csv.DictReader(open(os.path.join(shared, "standard_population/esp2013_19_age_bands.csv"))))
write("standard-population/esp2013.csv", ["age_band","esp2013_weight"],
      [[r["age_band"], r["esp2013_weight"]] for r in esp])

# Male share by IMD quintile x 5-year band, England 2019 (ONS populations by IMD).
male = defaultdict(float); both = defaultdict(float)
for r in csv.DictReader(open(os.path.join(shared, "population/ons_england_population_by_imd_quintile_sex_age_2001_2019.csv"))):
    if r["year"] != "2019":
        continue
    a = r["age_band"]
    band = "0-4" if a in ("0", "1-4") else a
    key = (int(r["imd_quintile"]), band)
    both[key] += float(r["population"])
    if r["sex"] == "male":
        male[key] += float(r["population"])
share = {k: male[k] / both[k] for k in both}
assert len(share) == 5 * 19, len(share)

# LSOA persons by single year (mid-2020) -> 19 bands -> split by sex.
def split_by_sex(file, code_column, deciles_of, out_path, label):
    """Bands an LSOA persons-by-single-year file and splits each band by sex with the male share of the
    LSOA's IMD quintile (the modelled step described in PROVENANCE.md)."""
    rows = []
    for r in csv.DictReader(open(os.path.join(shared, file))):
        code = r[code_column]
        q = (deciles_of[code] + 1) // 2
        banded = defaultdict(int)
        for age in range(90):
            banded[band_of(age)] += int(r[f"age_{age}"])
        banded["90+"] += int(r["age_90_plus"] if "age_90_plus" in r else r["age_90"])
        for b in BANDS:
            persons = banded[b]
            m = int(persons * share[(q, b)] + 0.5)
            rows.append([code, "male", b, m])
            rows.append([code, "female", b, persons - m])
    rows.sort(key=lambda x: (x[0], x[1] != "male", BANDS.index(x[2])))
    write(out_path, ["lsoa_code","sex","age_band","population"], rows)
    print(label, sum(x[3] for x in rows))

split_by_sex("population/ons_mid2020_lsoa11_persons_single_year_of_age.csv", "lsoa11_code", deciles,
             "population/mid-2020/population.csv", "total persons")

# ---- The 2021 basis: LSOA 2021, ICB April 2024 footprints, IMD 2025 ----

# ICBs (April 2024): the same 42 ICBs and ODS codes as July 2022; the ONS code is the 2023 re-coding,
# and the 2022 code is kept as the accepted alias.
lk21 = list(csv.DictReader(open(os.path.join(shared, "geography/lsoa21_to_sicbl24_icb24.csv"))))
by_ods = {r["icb22_ods_code"]: r for r in icbs}
icb24 = {(r["icb24_ods_code"], r["icb24_ons_code"], r["icb24_name"]) for r in lk21}
assert len(icb24) == 42 and all(by_ods[o]["icb23_24_ons_code"] == n for o, n, _ in icb24)
write("icb/2024-04/icbs.csv",
      ["icb_ods_code","icb_ons_code","icb_ons_code_2023","icb_name","icb_short_name",
       "region_ons_code","region_ods_code","region_name"],
      sorted([[o, n, by_ods[o]["icb22_ons_code"], name, by_ods[o]["icb_short_name"],
               by_ods[o]["nhser22_ons_code"], by_ods[o]["nhser22_ods_code"], by_ods[o]["nhser22_name"]]
              for o, n, name in icb24], key=lambda r: r[1]))

# LSOA 2021 -> sub-ICB location -> ICB (April 2024).
write("icb/2024-04/lsoa_icb.csv",
      ["lsoa_code","sub_icb_ods_code","sub_icb_ons_code","icb_ods_code","icb_ons_code"],
      sorted([[r["lsoa21_code"], r["sicbl24_ods_code"], r["sicbl24_ons_code"],
               r["icb24_ods_code"], r["icb24_ons_code"]] for r in lk21]))

# IMD 2025 rank, decile and score per LSOA 2021.
imd25 = list(csv.DictReader(open(os.path.join(shared, "deprivation/imd2025_lsoa21.csv"))))
deciles25 = {r["lsoa21_code"]: int(r["imd2025_decile"]) for r in imd25}
write("imd/2025/lsoa_imd.csv", ["lsoa_code","imd_rank","imd_decile","imd_score"],
      sorted([[r["lsoa21_code"], r["imd2025_rank"], r["imd2025_decile"], r["imd2025_score"]] for r in imd25]))


# Persons by single year on 2021 LSOAs (mid-2020, derived by the team) -> 19 bands -> split by sex
# as for 2011, with each LSOA's IMD 2025 quintile.
split_by_sex("population/derived_lsoa21_mid2020_persons_single_year_of_age.csv", "lsoa21_code", deciles25,
             "population/mid-2020-lsoa21/population.csv", "total persons (LSOA 2021)")

# Conversions between the LSOA vintages (England), both ways, from ONS's best-fit lookup with its change
# code (U unchanged, S split, M merged, X irregular). Each code's share of its rows that goes to each
# code of the other vintage is that code's mid-2020 population over the total of the codes it shares
# with (1 where there is one), so a split area's events are shared out by population.
def persons(file, column):
    total = {}
    for r in csv.DictReader(open(os.path.join(shared, file))):
        total[r[column]] = int(r["all_ages"])
    return total
pop11 = persons("population/ons_mid2020_lsoa11_persons_single_year_of_age.csv", "lsoa11_code")
pop21 = persons("population/derived_lsoa21_mid2020_persons_single_year_of_age.csv", "lsoa21_code")
pairs = sorted({(r["lsoa11_code"], r["lsoa21_code"], r["change_code"])
                for r in csv.DictReader(open(os.path.join(shared, "geography/lsoa11_to_lsoa21_lad22.csv")))
                if r["lsoa11_code"].startswith("E")})
def conversion(path, header, key, target, weights):
    targets = defaultdict(list)
    for pair in pairs:
        targets[pair[key]].append((pair[target], pair[2]))
    rows = []
    for code in sorted(targets):
        total = sum(weights[t] for t, _ in targets[code])
        for t, change in sorted(targets[code]):
            share = 1.0 if len(targets[code]) == 1 else weights[t] / total
            rows.append([code, t, change, f"{share:.9f}"])
    write(path, header, rows)
conversion("lsoa/2011-to-2021/lsoa11_to_lsoa21.csv", ["from_code","to_code","change_code","share"], 0, 1, pop21)
conversion("lsoa/2011-to-2021/lsoa21_to_lsoa11.csv", ["from_code","to_code","change_code","share"], 1, 0, pop11)

# Acute trust catchments (OHID 2022) aggregated to ICB22: copied unchanged, for sources counted by trust.
import shutil
os.makedirs(os.path.join(out, "attribution"), exist_ok=True)
shutil.copyfile(os.path.join(shared, "geography/nhs_trust22_to_icb22_catchment_share.csv"),
                os.path.join(out, "attribution/nhs_trust22_to_icb22_catchment_share.csv"))

# IMD 2025 summary by ICB (April 2024): the average score and its rank (1 = most deprived), for the
# ecological view of ICS-level sources.
summary = list(csv.DictReader(open(os.path.join(shared, "deprivation/imd2025_icb24_summary.csv"))))
write("imd/2025/icb_summary.csv", ["icb_code","icb_name","imd_average_score","imd_rank_of_average_score"],
      sorted([[r["icb24_code"], r["icb24_name"], r["imd_average_score"], r["imd_rank_of_average_score"]] for r in summary]))

# Sub-ICB locations ("places") with their official name and a readable place name: the local
# authorities (2022) holding at least 10% of the location's LSOAs, largest first; a location spread
# over more than three is named by its ICB and the number of authorities.
lad_of_lsoa21 = {r["lsoa21_code"]: r["lad22_name"]
                 for r in csv.DictReader(open(os.path.join(shared, "geography/lsoa11_to_lsoa21_lad22.csv")))}
short_names = {r["icb22_ods_code"]: r["icb_short_name"] for r in icbs}

def place_name(lads, icb_ods):
    counts = defaultdict(int)
    for lad in lads:
        counts[lad] += 1
    main = sorted([l for l, n in counts.items() if n >= 0.1 * len(lads)], key=lambda l: (-counts[l], l))
    if len(main) > 3:
        return "%s: %d local authorities" % (short_names[icb_ods], len(main))
    return main[0] if len(main) == 1 else ", ".join(main[:-1]) + " and " + main[-1]

def sub_icbs(path, rows, code, ons, name, icb, lad_of):
    lads, meta = defaultdict(list), {}
    for r in rows:
        lads[r[code]].append(lad_of(r))
        meta[r[code]] = (r[ons], r[name], r[icb])
    names = {c: place_name(lads[c], meta[c][2]) for c in lads}
    # Two locations with the same authorities (e.g. the two halves of Sefton) are told apart by code.
    shared = {n for n in names.values() if list(names.values()).count(n) > 1}
    names = {c: (n + " (" + c + ")" if n in shared else n) for c, n in names.items()}
    write(path, ["sub_icb_ods_code","sub_icb_ons_code","sub_icb_name","place_name","icb_ods_code"],
          sorted([[c, meta[c][0], meta[c][1], names[c], meta[c][2]] for c in lads]))

sub_icbs("icb/2022-07/sub_icbs.csv", lk, "sicbl22_ods_code", "sicbl22_ons_code", "sicbl22_name",
         "icb22_ods_code", lambda r: r["lad22_name"])
sub_icbs("icb/2024-04/sub_icbs.csv", lk21, "sicbl24_ods_code", "sicbl24_ons_code", "sicbl24_name",
         "icb24_ods_code", lambda r: lad_of_lsoa21[r["lsoa21_code"]])
