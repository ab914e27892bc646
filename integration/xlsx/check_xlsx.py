#!/usr/bin/env python3
"""Check a workbook of `bulletin export DIR --xlsx FILE` against the CSV files of DIR, cell by cell,
with a real reader (openpyxl).

    python check_xlsx.py FILE.xlsx DIR

Every sheet (a split table's sheets `mentions (1 of 3)` … joined in order, each starting with the
header) must hold exactly the rows of its CSV file: numbers equal as numbers, dates equal to the
CSV's ISO text (and only where `date_precision` is `day`), booleans as `true`/`false`, empty cells
empty, text equal to the CSV's text (the CSV's formula guard `'` aside: a typed text cell has
none; characters XML 1.0 forbids are left out, and text past the 32,767 characters a cell holds is
cut). Each sheet must have its header row frozen and filtered. The first difference stops the
check with exit status 1; at the end it prints what it compared.
"""
import csv
import datetime
import re
import sys

import openpyxl

TABLES = ["articles", "mentions", "town_mechanism", "first_mentions"]
PART = re.compile(r"^(.*) \((\d+) of (\d+)\)$")
GUARDED = tuple("=+-@\t\r")
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
CELL_LIMIT = 32767


def fail(message):
    print(f"check_xlsx: FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def sheets_by_table(book):
    tables = {}
    for sheet in book.worksheets:
        match = PART.match(sheet.title)
        name = match.group(1) if match else sheet.title
        if match and int(match.group(2)) != len(tables.get(name, [])) + 1:
            fail(f"sheet {sheet.title!r} is out of order")
        tables.setdefault(name, []).append(sheet)
    return tables


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def same(text, value, cell, precision):
    """Whether the CSV field `text` and the workbook value agree; a reason when they do not."""
    if value is None:
        return text == "", "the workbook cell is empty"
    if isinstance(value, bool):
        return text == ("true" if value else "false"), "a boolean"
    if isinstance(value, datetime.datetime):
        if precision not in (None, "day"):
            return False, f"a date where date_precision is {precision!r}"
        if not cell.is_date:
            return False, "a date without a date format"
        return text == value.date().isoformat(), "a date"
    if isinstance(value, (int, float)):
        try:
            return float(text) == float(value), "a number"
        except ValueError:
            return False, "a number where the CSV has text"
    if isinstance(value, str):
        if text == value:
            return True, "text"
        if text == "'" + value and value.startswith(GUARDED):
            return True, "text"
        # What the workbook must leave out: characters XML 1.0 forbids, text past a cell's limit.
        cleaned = FORBIDDEN.sub("", text)
        if cleaned.startswith("'") and cleaned[1:].startswith(GUARDED):
            cleaned = cleaned[1:]  # the CSV's formula guard
        if len(cleaned.encode("utf-16-le")) // 2 > CELL_LIMIT:
            return cleaned.startswith(value) and len(value.encode("utf-16-le")) // 2 > CELL_LIMIT - 2, "text (cut at the cell limit)"
        return cleaned == value, "text"
    return False, f"an unexpected value of type {type(value).__name__}"


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    workbook, folder = sys.argv[1], sys.argv[2]
    book = openpyxl.load_workbook(workbook)
    tables = sheets_by_table(book)
    if list(tables) != TABLES:
        fail(f"sheets {[s.title for s in book.worksheets]}: expected the tables {TABLES} in order")
    kinds = {}
    for table in TABLES:
        expected = read_csv(f"{folder}/{table}.csv")
        header = expected[0]
        rows = []
        for sheet in tables[table]:
            if sheet.freeze_panes != "A2":
                fail(f"{sheet.title}: header row not frozen (freeze_panes {sheet.freeze_panes!r})")
            if not sheet.auto_filter.ref or not sheet.auto_filter.ref.startswith("A1:"):
                fail(f"{sheet.title}: no filter on the header row")
            sheet_rows = list(sheet.iter_rows())
            if [c.value for c in sheet_rows[0]] != header:
                fail(f"{sheet.title}: header {[c.value for c in sheet_rows[0]]} is not {table}.csv's {header}")
            rows += sheet_rows[1:]
        if len(rows) != len(expected) - 1:
            fail(f"{table}: {len(rows)} rows in the workbook, {len(expected) - 1} in {table}.csv")
        precision_column = header.index("date_precision") if "date_precision" in header else None
        for number, (cells, fields) in enumerate(zip(rows, expected[1:]), start=2):
            values = [c.value for c in cells] + [None] * (len(fields) - len(cells))
            if any(v is not None for v in values[len(fields):]):
                fail(f"{table} row {number}: more cells than {table}.csv's {len(fields)} columns")
            precision = fields[precision_column] if precision_column is not None else None
            for column, (field, value) in enumerate(zip(fields, values)):
                cell = cells[column] if column < len(cells) else None
                # Only the `date` column of a day-precise article may hold a date.
                date_precision = precision if header[column] == "date" else "none"
                ok, kind = same(field, value, cell, date_precision)
                if not ok:
                    fail(f"{table} row {number}, column {header[column]!r}: {table}.csv has {field!r}, "
                         f"the workbook {value!r} ({kind})")
                kinds[kind] = kinds.get(kind, 0) + 1
        print(f"{table}: {len(rows)} rows in {len(tables[table])} sheet(s) equal to {table}.csv")
    print("cells compared: " + ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items())))
    print("OK: every cell of the workbook equals its CSV file")


if __name__ == "__main__":
    main()
