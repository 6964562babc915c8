"""Reads every published CSV with pandas, as an analyst would, and lists each column the JSON contract
types as a number (integer, count, number) that pandas did not read as numbers. Exit 1 if any.
A table with no rows is skipped: pandas has no values to infer a type from.

Usage: python3 pandas_reads_numbers.py <published folder>
"""
import json
import os
import sys

import pandas

folder = sys.argv[1]
problems = []
checked = 0
for name in sorted(os.listdir(os.path.join(folder, "csv"))):
    table = name[: -len(".csv")]
    with open(os.path.join(folder, "json", table + ".json"), encoding="utf-8") as handle:
        contract = json.load(handle)["columns"]
    frame = pandas.read_csv(os.path.join(folder, "csv", name))
    if list(frame.columns) != [column["name"] for column in contract]:
        problems.append(f"{name}: CSV header differs from the JSON contract")
        continue
    if frame.empty:
        continue  # no rows: nothing for pandas to infer a type from
    for column in contract:
        if column["type"] in ("integer", "count", "number"):
            checked += 1
            if not pandas.api.types.is_numeric_dtype(frame[column["name"]]):
                problems.append(f"{name}: {column['name']} read as {frame[column['name']].dtype}")
print(f"{checked} numeric columns checked")
for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
