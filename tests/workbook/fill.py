"""Fills in a workbook that `jsp export` wrote, as an assessor's spreadsheet would, with
openpyxl (a reader and writer that is not jsp's):
python3 fill.py IN.xlsx OUT.xlsx ANSWERS.json [1904|iso]

ANSWERS.json maps question ids to {"answer", "note", "evidence": [...]}, and `_date` to the
assessment's date, typed as a date on the summary sheet; an evidence item that
is a list [ref, date, expires, owner] (the last ones optional or null) goes on the Evidence
sheet: its date and expiry typed as dates, unless written `text:YYYY-MM-DD` (typed as text);
any of the four written `date:YYYY-MM-DD` is typed as a date, whatever the column. `1904` saves
the workbook with the 1904 date system, as Excel for the Mac did by default; `iso` writes dates
as ISO 8601 text cells of type date (`t="d"`), as some programs do, not as day numbers."""

import datetime
import json
import sys

import openpyxl
import openpyxl.utils.datetime


def columns(sheet):
    """Each heading's column number, by the words before ` (`."""
    return {
        str(cell.value).split(" (")[0].lower(): cell.column
        for cell in sheet[1]
        if cell.value is not None
    }


def text(cell, value):
    # openpyxl takes a string that starts with `=` for a formula: keep it text.
    cell.value = value
    cell.data_type = "s"


def typed(cell, value, dates):
    """`value` in `cell`: a date cell for `date:…` (or any value when `dates`), else text."""
    if value is None:
        return
    if value.startswith("date:"):
        cell.value = datetime.date.fromisoformat(value[len("date:"):])
    elif value.startswith("text:"):
        text(cell, value[len("text:"):])
    elif dates:
        cell.value = datetime.date.fromisoformat(value)
    else:
        text(cell, value)


def main(source, target, answers_file, epoch=None):
    with open(answers_file, encoding="utf-8") as f:
        answers = json.load(f)
    book = openpyxl.load_workbook(source)
    if epoch == "1904":
        book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    elif epoch == "iso":
        book.iso_dates = True
    questions = book["Questions"]
    at = columns(questions)
    evidence = book["Evidence"]
    at_evidence = columns(evidence)
    next_row = evidence.max_row + 1
    for row in range(2, questions.max_row + 1):
        qid = questions.cell(row, at["id"]).value
        given = answers.get(qid)
        if given is None:
            continue
        text(questions.cell(row, at["answer"]), given["answer"])
        if "note" in given:
            text(questions.cell(row, at["note"]), given["note"])
        lines = [e for e in given.get("evidence", []) if isinstance(e, str)]
        if lines:
            text(questions.cell(row, at["evidence"]), "\n".join(lines))
        for item in given.get("evidence", []):
            if isinstance(item, list):
                item = item + [None] * (4 - len(item))
                evidence.cell(next_row, at_evidence["question id"]).value = qid
                for heading, value, dates in zip(
                    ["reference", "date", "expires", "owner"],
                    item,
                    [False, True, True, False],
                ):
                    typed(evidence.cell(next_row, at_evidence[heading]), value, dates)
                next_row += 1
    book["Summary"]["B8"] = "An assessor with openpyxl"
    if "_date" in answers:
        book["Summary"]["B9"] = datetime.date.fromisoformat(answers.pop("_date"))
    book.save(target)


if __name__ == "__main__":
    main(*sys.argv[1:])
