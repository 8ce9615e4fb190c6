"""Writes the bad workbooks of the corpus (tests/cmd/workbook-*.in/w.xlsx) from a workbook that
`jsp export tests/fixtures/acme-answers.yaml` wrote, each broken as an assessor (or an attacker)
might: python3 tests/workbook/bad.py EXPORTED.xlsx. Needs openpyxl; the files are committed."""

import io
import os
import sys
import zipfile

import openpyxl

CORPUS = os.path.join(os.path.dirname(__file__), "..", "cmd")


def edited(source, change):
    book = openpyxl.load_workbook(source)
    change(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def row_of(sheet, qid):
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == qid)


def unknown_option(book):
    sheet = book["Questions"]
    sheet.cell(row_of(sheet, "test-2a"), 7).value = "mostly"


def na_not_allowed(book):
    sheet = book["Questions"]
    sheet.cell(row_of(sheet, "gov-2a"), 7).value = "na"


def edited_id(book):
    sheet = book["Questions"]
    sheet.cell(row_of(sheet, "test-3a"), 1).value = "test-3z"


def duplicated_row(book):
    sheet = book["Questions"]
    source = row_of(sheet, "gov-3a")
    last = sheet.max_row + 1
    for column in range(1, 10):
        sheet.cell(last, column).value = sheet.cell(source, column).value
    sheet.cell(last, 7).value = "all"


def many(book):
    unknown_option(book)
    na_not_allowed(book)
    edited_id(book)
    duplicated_row(book)
    sheet = book["Questions"]
    row = row_of(sheet, "test-2b")
    sheet.cell(row, 7).value = None
    evidence = book["Evidence"]
    evidence.cell(2, 1).value = "gov-2a"
    evidence.cell(2, 3).value = "SOP-1"
    evidence.cell(2, 4).value = "last spring"


def missing_sheet(book):
    del book["Evidence"]


def zip_bomb():
    """A small zip whose sheet unpacks to 80 MiB of spaces."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b" " * (80 * 1024 * 1024))
    return out.getvalue()


def write(name, data):
    folder = os.path.join(CORPUS, f"workbook-{name}.in")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "w.xlsx"), "wb") as f:
        f.write(data)


def main(source):
    for name, change in [
        ("unknown-option", unknown_option),
        ("na-not-allowed", na_not_allowed),
        ("edited-id", edited_id),
        ("duplicated-row", duplicated_row),
        ("many-problems", many),
        ("missing-sheet", missing_sheet),
    ]:
        write(name, edited(source, change))
    write("zip-bomb", zip_bomb())
    write("not-xlsx", b"questionnaire: acme-lite\nanswers: {}\n")
    write("xls", bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504))


if __name__ == "__main__":
    main(sys.argv[1])
