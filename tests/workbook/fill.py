"""Fills in a workbook that `jsp export` wrote, as an assessor's spreadsheet would, with
openpyxl (a reader and writer that is not jsp's): python3 fill.py IN.xlsx OUT.xlsx ANSWERS.json

ANSWERS.json maps question ids to {"answer", "note", "evidence": [...]}; an evidence item that
is a list [ref, "YYYY-MM-DD"] goes on the Evidence sheet with its date typed as a date."""

import datetime
import json
import sys

import openpyxl


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


def main(source, target, answers_file):
    with open(answers_file, encoding="utf-8") as f:
        answers = json.load(f)
    book = openpyxl.load_workbook(source)
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
                evidence.cell(next_row, at_evidence["question id"]).value = qid
                text(evidence.cell(next_row, at_evidence["reference"]), item[0])
                evidence.cell(next_row, at_evidence["date"]).value = (
                    datetime.date.fromisoformat(item[1])
                )
                next_row += 1
    book["Summary"]["B8"] = "An assessor with openpyxl"
    book.save(target)


if __name__ == "__main__":
    main(*sys.argv[1:])
