//! Reads a filled-in workbook back: [`open`] checks that the file is a workbook of bounded size
//! and reads its sheets; [`Sheets::answers`] checks every cell against the questionnaire and
//! gives the answers, or every problem, each named by sheet and cell with how to fix it.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx};

use super::{
    Column, EVIDENCE, EvidenceColumn, FIRST_FIELD_ROW, Field, MAX_UNPACKED_BYTES, QUESTIONS,
    SUMMARY, cell_name,
};
use crate::answers::{Answer, Answers, Evidence, format_date, parse_date};
use crate::error::{Problem, first_problems};
use crate::questionnaire::{NOT_APPLICABLE, Question, Questionnaire};

/// What a cell holds, as import reads it.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Empty,
    Text(String),
    /// A date typed into a cell, which the spreadsheet stored as a day number.
    Date(time::Date),
    /// `#N/A` and the like: a formula's failure.
    Error(String),
}

impl Value {
    fn of(data: Option<&Data>) -> Value {
        match data {
            None | Some(Data::Empty) => Value::Empty,
            // An ISO 8601 date cell (`t="d"`): its day, whatever the time of day.
            Some(Data::DateTimeIso(text)) => {
                iso_day(text).map_or_else(|| Value::Text(text.clone()), Value::Date)
            }
            Some(Data::String(text) | Data::DurationIso(text)) => Value::Text(text.clone()),
            Some(Data::Int(n)) => Value::Text(n.to_string()),
            // A number typed where text is wanted (an option id `3`): as it was typed.
            Some(Data::Float(x)) => Value::Text(x.to_string()),
            Some(Data::Bool(b)) => Value::Text(if *b { "TRUE" } else { "FALSE" }.to_string()),
            Some(Data::DateTime(serial)) => day_of(serial.as_f64())
                .map_or_else(|| Value::Text(serial.as_f64().to_string()), Value::Date),
            Some(Data::Error(error)) => Value::Error(error.to_string()),
        }
    }

    /// The text, with a date as YYYY-MM-DD; `None` when empty. An error cell is reported.
    fn text(&self) -> Option<String> {
        match self {
            Value::Empty => None,
            Value::Text(text) => Some(text.clone()),
            Value::Date(date) => Some(format_date(*date)),
            Value::Error(error) => Some(error.clone()),
        }
    }

    fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(text) => text.trim().is_empty(),
            Value::Date(_) | Value::Error(_) => false,
        }
    }
}

/// `2026-06-30` or `2026-06-30T…`: the day; `None` for anything else.
fn iso_day(text: &str) -> Option<time::Date> {
    let (day, rest) = text.split_at_checked(10)?;
    if rest.is_empty() || rest.starts_with('T') {
        parse_date(day)
    } else {
        None
    }
}

/// A spreadsheet day number (the 1900 date system: day 1 is 1900-01-01, with its phantom
/// 29 February, so day 61 on are counted from 1899-12-30) as a date.
fn day_of(serial: f64) -> Option<time::Date> {
    if !(61.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let epoch = time::macros::date!(1899 - 12 - 30);
    #[allow(clippy::cast_possible_truncation)]
    let days = serial.floor() as i64;
    epoch.checked_add(time::Duration::days(days))
}

/// Day 0 of the 1904 date system (1904-01-01) is day 1462 of the 1900 one.
const DAYS_1900_TO_1904: f64 = 1462.0;

/// A date of a workbook saved with the 1904 date system (Excel for the Mac's default until
/// 2011; openpyxl's `CALENDAR_MAC_1904`) as the 1900 system's day number, which [`day_of`]
/// reads: without it every date would be four years and a day early. A duration is no day.
fn in_1900_days(value: Data, epoch_1904: bool) -> Data {
    match value {
        Data::DateTime(serial) if epoch_1904 && serial.is_datetime() => {
            Data::DateTime(calamine::ExcelDateTime::new(
                serial.as_f64() + DAYS_1900_TO_1904,
                calamine::ExcelDateTimeType::DateTime,
                false,
            ))
        }
        other => other,
    }
}

/// One cell, with its place.
#[derive(Debug, Clone)]
struct Cell {
    sheet: &'static str,
    row: u32,
    column: u16,
    value: Value,
}

impl Cell {
    fn place(&self) -> String {
        format!("{}!{}", self.sheet, cell_name(self.row, self.column))
    }

    fn problem(&self, message: impl std::fmt::Display) -> Problem {
        Problem::new(format!("{}: {message}", self.place()))
    }
}

/// A row of the questions sheet.
#[derive(Debug, Clone)]
struct QuestionRow {
    id: Cell,
    answer: Cell,
    note: Cell,
    evidence: Cell,
}

/// A row of the evidence sheet.
#[derive(Debug, Clone)]
struct EvidenceRow {
    id: Cell,
    reference: Cell,
    date: Cell,
    expires: Cell,
    owner: Cell,
}

/// A workbook's sheets as read, before they are checked against a questionnaire.
#[derive(Debug, Clone)]
pub struct Sheets {
    fields: Vec<(Field, Cell)>,
    questions: Vec<QuestionRow>,
    evidence: Vec<EvidenceRow>,
}

/// What every problem with the file as a whole is told to do.
const EXPORT_HINT: &str =
    "give `jsp import` a workbook that `jsp export ANSWERS --format xlsx -o FILE.xlsx` wrote";

/// Reads the workbook in `bytes`: a zip of bounded unpacked size, with the three sheets.
pub fn open(bytes: &[u8]) -> Result<Sheets, Vec<Problem>> {
    check_container(bytes).map_err(|problem| vec![problem])?;
    let mut workbook: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|error| {
            vec![
                Problem::new(format!("cannot read the workbook: {error}"))
                    .hint("open it in a spreadsheet and save it again as .xlsx (Excel workbook)"),
            ]
        })?;
    let names = workbook.sheet_names();
    let mut range = |name: &'static str| -> Result<Grid, Problem> {
        if !names.iter().any(|n| n == name) {
            return Err(Problem::new(format!(
                "the workbook has no sheet `{name}` (its sheets: {})",
                names.join(", ")
            ))
            .hint(format!(
                "put the sheet back under its name, or {EXPORT_HINT}"
            )));
        }
        Grid::read(&mut workbook, name)
    };
    let (summary, questions, evidence) = (range(SUMMARY), range(QUESTIONS), range(EVIDENCE));
    let (summary, questions, evidence) = match (summary, questions, evidence) {
        (Ok(s), Ok(q), Ok(e)) => (s, q, e),
        (s, q, e) => {
            return Err([s.err(), q.err(), e.err()].into_iter().flatten().collect());
        }
    };
    let mut problems = Vec::new();
    let fields = read_fields(&summary, &mut problems);
    let questions = read_questions(&questions, &mut problems);
    let evidence = read_evidence(&evidence, &mut problems);
    if problems.is_empty() {
        Ok(Sheets {
            fields,
            questions,
            evidence,
        })
    } else {
        Err(problems)
    }
}

/// An xlsx file is a zip: anything else is named for what it is; a zip is unpacked part by
/// part, counting what comes out, and refused past [`MAX_UNPACKED_BYTES`] or encrypted.
fn check_container(bytes: &[u8]) -> Result<(), Problem> {
    if !bytes.starts_with(b"PK\x03\x04") {
        let (what, hint) = if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            (
                "an Excel 97-2003 workbook (.xls) or a workbook protected by a password",
                "save it as .xlsx (Excel workbook), without a password to open",
            )
        } else if std::str::from_utf8(bytes).is_ok() {
            (
                "a text file",
                "an answers file is given to the other commands as it is; export one with `jsp export ANSWERS --format xlsx -o FILE.xlsx`",
            )
        } else {
            ("not a zip file", EXPORT_HINT)
        };
        return Err(Problem::new(format!("this is not an xlsx workbook: it is {what}")).hint(hint));
    }
    let broken = |error: &dyn std::fmt::Display| {
        Problem::new(format!("this is not a readable xlsx workbook: {error}"))
            .hint("open it in a spreadsheet and save it again as .xlsx (Excel workbook)")
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| broken(&e))?;
    if archive.index_for_name("xl/workbook.xml").is_none() {
        return Err(Problem::new(
            "this zip is not an xlsx workbook (it has no xl/workbook.xml; an OpenDocument .ods?)",
        )
        .hint("save it as .xlsx (Excel workbook)"));
    }
    let mut left = MAX_UNPACKED_BYTES;
    for index in 0..archive.len() {
        let mut part = archive.by_index(index).map_err(|e| broken(&e))?;
        if part.encrypted() {
            return Err(Problem::new("a part of this workbook is encrypted")
                .hint("save it without a password"));
        }
        let read = std::io::copy(&mut (&mut part).take(left + 1), &mut std::io::sink())
            .map_err(|e| broken(&e))?;
        if read > left {
            return Err(Problem::new(format!(
                "the workbook unpacks to more than {} MiB",
                MAX_UNPACKED_BYTES / 1024 / 1024
            ))
            .hint("a filled-in assessment unpacks to well under a megabyte: check that this is the file you meant"));
        }
        left -= read;
    }
    Ok(())
}

/// A sheet's cells that hold something, by (row, column). calamine's own range is a rectangle
/// from the first cell to the last, so that two cells at A1 and XFD1048576 would take 17
/// billion; this holds only the cells the file has, at most [`MAX_CELLS`].
struct Grid {
    cells: BTreeMap<(u32, u32), Data>,
}

/// A full assessment's workbook has about 1,500 cells.
const MAX_CELLS: usize = 200_000;

impl Grid {
    fn read(workbook: &mut Xlsx<Cursor<&[u8]>>, name: &'static str) -> Result<Grid, Problem> {
        let unreadable = |error: calamine::XlsxError| {
            Problem::new(format!("cannot read the sheet `{name}`: {error}"))
        };
        let epoch_1904 = workbook.has_1904_epoch();
        let mut reader = workbook.worksheet_cells_reader(name).map_err(unreadable)?;
        let mut cells = BTreeMap::new();
        while let Some(cell) = reader.next_cell().map_err(unreadable)? {
            let position = cell.get_position();
            let value = in_1900_days(Data::from(cell.get_value().clone()), epoch_1904);
            if value == Data::Empty {
                continue;
            }
            if cells.len() >= MAX_CELLS {
                return Err(Problem::new(format!(
                    "the sheet `{name}` holds more than {MAX_CELLS} cells"
                ))
                .hint("a filled-in assessment has a few thousand: check that this is the file you meant"));
            }
            cells.insert(position, value);
        }
        Ok(Grid { cells })
    }

    /// The rows that hold a cell, in order, from `first` on.
    fn rows(&self, first: u32) -> Vec<u32> {
        let mut rows: Vec<u32> = self
            .cells
            .range((first, 0)..)
            .map(|((row, _), _)| *row)
            .collect();
        rows.dedup();
        rows
    }

    /// The columns of the first row that hold a cell.
    fn headings(&self) -> impl Iterator<Item = (u16, &Data)> {
        self.cells
            .range((0, 0)..(1, 0))
            .filter_map(|((_, column), data)| u16::try_from(*column).ok().map(|c| (c, data)))
    }
}

fn cell(grid: &Grid, sheet: &'static str, row: u32, column: u16) -> Cell {
    Cell {
        sheet,
        row,
        column,
        value: Value::of(grid.cells.get(&(row, u32::from(column)))),
    }
}

/// The summary's fields, found by their labels in column A.
fn read_fields(range: &Grid, problems: &mut Vec<Problem>) -> Vec<(Field, Cell)> {
    let mut fields = Vec::new();
    for row in range.rows(0) {
        let label = cell(range, SUMMARY, row, 0).value.text();
        let Some(field) = Field::ALL
            .into_iter()
            .find(|f| label.as_deref().map(str::trim) == Some(f.label()))
        else {
            continue;
        };
        if !fields.iter().any(|(f, _)| *f == field) {
            fields.push((field, cell(range, SUMMARY, row, 1)));
        }
    }
    if !fields.iter().any(|(f, _)| *f == Field::Questionnaire) {
        problems.push(
            Problem::new(format!(
                "{SUMMARY}: no row `{}` (it was at A{})",
                Field::Questionnaire.label(),
                FIRST_FIELD_ROW + 1
            ))
            .hint(format!(
                "put back the label `{}` in column A and the questionnaire's id beside it, or {EXPORT_HINT}",
                Field::Questionnaire.label()
            )),
        );
    }
    fields
}

/// What a heading is compared by: its words before ` (`, in lower case.
fn heading_key(text: &str) -> String {
    text.split(" (")
        .next()
        .unwrap_or_default()
        .trim()
        .to_lowercase()
}

/// The column of each heading of `wanted` in the first row; a missing one is reported.
fn find_columns<const N: usize>(
    range: &Grid,
    sheet: &'static str,
    wanted: [&'static str; N],
    problems: &mut Vec<Problem>,
) -> Option<[u16; N]> {
    let headings: Vec<(u16, String)> = range
        .headings()
        .map(|(column, data)| {
            let text = Value::of(Some(data)).text().unwrap_or_default();
            (column, heading_key(&text))
        })
        .collect();
    let mut found = [0; N];
    let mut complete = true;
    for (slot, heading) in found.iter_mut().zip(wanted) {
        let key = heading_key(heading);
        match headings.iter().find(|(_, h)| *h == key) {
            Some((column, _)) => *slot = *column,
            None => {
                complete = false;
                problems.push(
                    Problem::new(format!("{sheet}!1: no column headed `{heading}`")).hint(
                        "put the column back with its heading in row 1 (columns may move, not go)",
                    ),
                );
            }
        }
    }
    complete.then_some(found)
}

fn read_questions(range: &Grid, problems: &mut Vec<Problem>) -> Vec<QuestionRow> {
    let wanted = [Column::Id, Column::Answer, Column::Note, Column::Evidence].map(Column::heading);
    let Some([id, answer, note, evidence]) = find_columns(range, QUESTIONS, wanted, problems)
    else {
        return Vec::new();
    };
    range
        .rows(1)
        .into_iter()
        .map(|row| QuestionRow {
            id: cell(range, QUESTIONS, row, id),
            answer: cell(range, QUESTIONS, row, answer),
            note: cell(range, QUESTIONS, row, note),
            evidence: cell(range, QUESTIONS, row, evidence),
        })
        .collect()
}

fn read_evidence(range: &Grid, problems: &mut Vec<Problem>) -> Vec<EvidenceRow> {
    let wanted = [
        EvidenceColumn::Id,
        EvidenceColumn::Reference,
        EvidenceColumn::Date,
        EvidenceColumn::Expires,
        EvidenceColumn::Owner,
    ]
    .map(EvidenceColumn::heading);
    let Some([id, reference, date, expires, owner]) =
        find_columns(range, EVIDENCE, wanted, problems)
    else {
        return Vec::new();
    };
    range
        .rows(1)
        .into_iter()
        .map(|row| EvidenceRow {
            id: cell(range, EVIDENCE, row, id),
            reference: cell(range, EVIDENCE, row, reference),
            date: cell(range, EVIDENCE, row, date),
            expires: cell(range, EVIDENCE, row, expires),
            owner: cell(range, EVIDENCE, row, owner),
        })
        .collect()
}

impl Sheets {
    /// The questionnaire id the summary names.
    pub fn questionnaire(&self) -> Option<String> {
        self.field(Field::Questionnaire)
            .and_then(|c| c.value.text())
            .map(|t| t.trim().to_string())
    }

    /// The summary's cell of the questionnaire id, for messages.
    pub fn questionnaire_place(&self) -> String {
        self.field(Field::Questionnaire)
            .map_or_else(|| SUMMARY.to_string(), Cell::place)
    }

    fn field(&self, field: Field) -> Option<&Cell> {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, c)| c)
    }

    /// The answers the workbook holds, checked cell by cell against `questionnaire`.
    pub fn answers(&self, questionnaire: &Questionnaire) -> Result<Answers, Vec<Problem>> {
        let mut problems = Vec::new();
        let text = |field: Field| {
            self.field(field)
                .and_then(|c| c.value.text())
                .filter(|t| !t.is_empty())
        };
        let mut answers = Answers {
            questionnaire: self.questionnaire().unwrap_or_default(),
            version: text(Field::Version),
            organization: text(Field::Organization),
            subject: text(Field::Subject),
            assessor: text(Field::Assessor),
            date: text(Field::Date),
            answers: BTreeMap::new(),
        };
        if let (Some(date), Some(cell)) = (&answers.date, self.field(Field::Date))
            && parse_date(date).is_none()
        {
            problems.push(
                cell.problem(format!("`{date}` is not a date of the calendar"))
                    .hint("write the date of the assessment as YYYY-MM-DD, such as 2026-11-28"),
            );
        }
        let mut rows: BTreeMap<String, u32> = BTreeMap::new();
        // Questions whose row is reported: their evidence rows are not reported again.
        let mut failed: Vec<String> = Vec::new();
        for row in &self.questions {
            let cells = [&row.answer, &row.note, &row.evidence];
            let Some(id) = row
                .id
                .value
                .text()
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
            else {
                if let Some(filled) = cells.iter().find(|c| !c.value.is_empty()) {
                    problems.push(
                        row.id
                            .problem(format!(
                                "a row without a question id, but {} is filled in",
                                filled.place()
                            ))
                            .hint("put back the question's id as exported, or clear the row"),
                    );
                }
                continue;
            };
            let Some((_, question)) = questionnaire.question(&id) else {
                problems.push(unknown_question(&row.id, &id, questionnaire));
                continue;
            };
            if let Some(first) = rows.get(&id) {
                problems.push(
                    row.id
                        .problem(format!("`{id}` is on row {} too", first + 1))
                        .hint("keep one of the two rows and delete the other"),
                );
                continue;
            }
            rows.insert(id.clone(), row.id.row);
            match read_answer(row, question, questionnaire) {
                Ok(Some(answer)) => {
                    answers.answers.insert(id, answer);
                }
                Ok(None) => {}
                Err(problem) => {
                    problems.push(problem);
                    failed.push(id);
                }
            }
        }
        for row in &self.evidence {
            match read_item(row, questionnaire, &answers, &failed) {
                Ok(Some((id, item))) => {
                    if let Some(answer) = answers.answers.get_mut(&id) {
                        answer.evidence.push(item);
                    }
                }
                Ok(None) => {}
                Err(found) => problems.extend(found),
            }
        }
        if problems.is_empty() {
            Ok(answers)
        } else {
            Err(first_problems(problems))
        }
    }
}

fn unknown_question(cell: &Cell, id: &str, questionnaire: &Questionnaire) -> Problem {
    let ids = questionnaire.questions().map(|(_, q)| q.id.as_str());
    let hint = match crate::text::nearest(&id.to_ascii_lowercase(), ids) {
        Some(near) => format!("did you mean `{near}`? Ids are read back as they were exported"),
        None => {
            "ids are read back as they were exported: put back the one that was there".to_string()
        }
    };
    cell.problem(format!(
        "`{id}` is not a question of `{}`",
        questionnaire.id
    ))
    .hint(hint)
}

/// The answer of one row: `None` when the row is not answered.
fn read_answer(
    row: &QuestionRow,
    question: &Question,
    questionnaire: &Questionnaire,
) -> Result<Option<Answer>, Problem> {
    let note = row.note.value.text().filter(|n| !n.trim().is_empty());
    let evidence: Vec<Evidence> = row
        .evidence
        .value
        .text()
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(Evidence::plain)
        .collect();
    if let Value::Error(error) = &row.answer.value {
        return Err(row
            .answer
            .problem(format!("the cell holds the error {error}"))
            .hint("choose an answer from the drop-down"));
    }
    let Some(given) = row
        .answer
        .value
        .text()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
    else {
        if note.is_some() || !evidence.is_empty() {
            return Err(row
                .answer
                .problem(format!(
                    "`{}` has a note or evidence but no answer",
                    question.id
                ))
                .hint("choose an answer from the drop-down, or clear the note and the evidence"));
        }
        return Ok(None);
    };
    let choice = choice_of(&given, question, questionnaire)
        .map_err(|(message, hint)| row.answer.problem(message).hint(hint))?;
    Ok(Some(Answer {
        choice,
        note,
        evidence,
    }))
}

/// The option `given` names: its id, or (in any case) its id or label; `na` where allowed.
/// Else the message and the hint of the problem.
fn choice_of(
    given: &str,
    question: &Question,
    questionnaire: &Questionnaire,
) -> Result<String, (String, String)> {
    let scale = questionnaire.scale_of(question);
    let mut ids: Vec<&str> = scale.iter().map(|o| o.id.as_str()).collect();
    if question.na {
        ids.push(NOT_APPLICABLE);
    }
    if let Some(id) = ids.iter().find(|id| **id == given) {
        return Ok((*id).to_string());
    }
    let found = scale.iter().find(|o| {
        o.id.eq_ignore_ascii_case(given) || o.label.to_lowercase() == given.to_lowercase()
    });
    if let Some(option) = found {
        return Ok(option.id.clone());
    }
    let choices = ids.join(", ");
    if given.eq_ignore_ascii_case(NOT_APPLICABLE) {
        if question.na {
            return Ok(NOT_APPLICABLE.to_string());
        }
        return Err((
            format!("`{}` cannot be answered `na`", question.id),
            format!(
                "the questionnaire does not allow not applicable here: choose one of {choices}"
            ),
        ));
    }
    let near = crate::text::nearest(&given.to_lowercase(), ids.iter().copied()).map_or_else(
        || format!("use one of {choices}"),
        |near| format!("did you mean `{near}`? Use one of {choices}"),
    );
    Err((
        format!("`{given}` is not an answer option of `{}`", question.id),
        near,
    ))
}

/// One row of the evidence sheet: `None` when empty.
fn read_item(
    row: &EvidenceRow,
    questionnaire: &Questionnaire,
    answers: &Answers,
    failed: &[String],
) -> Result<Option<(String, Evidence)>, Vec<Problem>> {
    let cells = [&row.reference, &row.date, &row.expires, &row.owner];
    let id = row
        .id
        .value
        .text()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    let Some(id) = id else {
        return match cells.iter().find(|c| !c.value.is_empty()) {
            Some(filled) => Err(vec![
                row.id
                    .problem(format!(
                        "no question id, but {} is filled in",
                        filled.place()
                    ))
                    .hint("choose the question's id from the drop-down, or clear the row"),
            ]),
            None => Ok(None),
        };
    };
    let mut problems = Vec::new();
    if questionnaire.question(&id).is_none() {
        problems.push(unknown_question(&row.id, &id, questionnaire));
    } else if !answers.answers.contains_key(&id) && !failed.contains(&id) {
        problems.push(
            row.id
                .problem(format!(
                    "`{id}` has evidence but no answer on the {QUESTIONS} sheet"
                ))
                .hint(format!(
                    "answer `{id}` on the {QUESTIONS} sheet, or delete this row"
                )),
        );
    }
    // Taken as it is, spaces and all: only an empty cell is no reference.
    let reference = row.reference.value.text().filter(|r| !r.is_empty());
    if reference.is_none() {
        problems.push(
            row.reference
                .problem("no reference: an evidence item names a document, a record or an address")
                .hint("write the reference, or delete the row"),
        );
    }
    let mut date_of = |cell: &Cell| match &cell.value {
        Value::Empty => None,
        Value::Date(date) => Some(*date),
        value => {
            let text = value.text().unwrap_or_default();
            let date = parse_date(&text);
            if date.is_none() && !text.trim().is_empty() {
                problems.push(
                    cell.problem(format!("`{text}` is not a date (YYYY-MM-DD)"))
                        .hint("write the date as YYYY-MM-DD, such as 2026-06-30, or clear it"),
                );
            }
            date
        }
    };
    let date = date_of(&row.date);
    let expires = date_of(&row.expires);
    let owner = row.owner.value.text().filter(|o| !o.trim().is_empty());
    match reference {
        Some(reference) if problems.is_empty() => Ok(Some((
            id,
            Evidence {
                reference,
                date,
                expires,
                owner,
            },
        ))),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_are_the_spreadsheets_dates() {
        assert_eq!(day_of(45_658.0), Some(time::macros::date!(2025 - 01 - 01)));
        assert_eq!(day_of(61.0), Some(time::macros::date!(1900 - 03 - 01)));
        assert_eq!(day_of(1.0), None);
        let in_1904 = |serial| {
            let data = Data::DateTime(calamine::ExcelDateTime::new(
                serial,
                calamine::ExcelDateTimeType::DateTime,
                true,
            ));
            match in_1900_days(data, true) {
                Data::DateTime(serial) => day_of(serial.as_f64()),
                _ => None,
            }
        };
        assert_eq!(in_1904(0.0), Some(time::macros::date!(1904 - 01 - 01)));
        assert_eq!(in_1904(44_196.0), Some(time::macros::date!(2025 - 01 - 01)));
        assert_eq!(
            iso_day("2026-06-30T00:00:00"),
            Some(time::macros::date!(2026 - 06 - 30))
        );
        assert_eq!(iso_day("2026-02-30T00:00:00"), None);
        assert_eq!(iso_day("2026-06-30 12:00"), None);
        assert_eq!(iso_day("é"), None);
    }

    #[test]
    fn text_that_is_no_workbook_is_named_for_what_it_is() {
        let problems = open(b"questionnaire: x\n").unwrap_err();
        assert!(problems[0].message.contains("a text file"), "{problems:?}");
        let problems = open(&[0xD0, 0xCF, 0x11, 0xE0, 0, 0]).unwrap_err();
        assert!(problems[0].message.contains(".xls"), "{problems:?}");
    }
}
