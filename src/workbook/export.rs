//! Writes the workbook: a summary sheet (the assessment's fields, the scores at export, the
//! roadmap when there is a target), the questions sheet to fill in, and the evidence sheet.
//! The same assessment gives the same bytes: the document's time is the assessment's date (or
//! a fixed one), never the clock.

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DocProperties, Format, FormatAlign, FormatBorder,
    Formula, IntoCustomDateTime, ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use super::{
    Column, EVIDENCE, EvidenceColumn, FIRST_FIELD_ROW, Field, LISTS, MAX_CELL_CHARS, QUESTIONS,
    SUMMARY, fits_a_line,
};
use crate::answers::{Answers, Evidence, format_date, parse_date};
use crate::assessment::Assessment;
use crate::error::Problem;
use crate::questionnaire::{NOT_APPLICABLE, Question, Questionnaire};
use crate::roadmap::Roadmap;
use crate::scoring::{Status, round2};

/// What the workbook is written from.
pub struct Export<'a> {
    pub assessment: &'a Assessment<'a>,
    /// The way to the target, on the summary sheet, when a target is given.
    pub roadmap: Option<&'a Roadmap<'a>>,
}

/// The workbook's bytes; or what in the answers no cell can hold (a note longer than a cell, an
/// empty reference).
pub fn write(export: &Export) -> Result<Vec<u8>, Vec<Problem>> {
    let unfit = unfit(export.assessment.answers);
    if !unfit.is_empty() {
        return Err(unfit);
    }
    build(export).map_err(|error| {
        vec![
            Problem::new(format!("cannot write the workbook: {error}")).hint(
                "this is a fault of jsp; please report it with the questionnaire and answers files",
            ),
        ]
    })
}

/// Every answer's text longer than a cell holds, and every empty reference, named by question.
fn unfit(answers: &Answers) -> Vec<Problem> {
    let long = |text: &str| text.chars().count() > MAX_CELL_CHARS;
    let mut problems = Vec::new();
    let fields = [
        ("organization", &answers.organization),
        ("subject", &answers.subject),
        ("assessor", &answers.assessor),
    ];
    for (name, value) in fields {
        if value.as_deref().is_some_and(long) {
            problems.push(too_long_problem(&format!("`{name}`")));
        }
    }
    for (id, answer) in &answers.answers {
        if answer.note.as_deref().is_some_and(long) {
            problems.push(too_long_problem(&format!("the note of `{id}`")));
        }
        if answer.evidence.iter().any(|e| e.reference.is_empty()) {
            problems.push(
                Problem::new(format!(
                    "an evidence item of `{id}` has an empty reference, which a workbook cannot tell from no item"
                ))
                .hint("name the document or record in `ref`, or remove the item"),
            );
        }
        let joined: Vec<&str> = answer
            .evidence
            .iter()
            .map(|e| e.reference.as_str())
            .collect();
        if answer
            .evidence
            .iter()
            .any(|e| long(&e.reference) || e.owner.as_deref().is_some_and(long))
            || long(&joined.join("\n"))
        {
            problems.push(too_long_problem(&format!("the evidence of `{id}`")));
        }
    }
    problems
}

fn too_long_problem(what: &str) -> Problem {
    Problem::new(format!(
        "{what} is longer than the {MAX_CELL_CHARS} characters a workbook cell holds"
    ))
    .hint("shorten it in the answers file (a long text can live in a document the evidence names)")
}

/// The styles of the workbook.
struct Styles {
    heading: Format,
    title: Format,
    text: Format,
    wrapped: Format,
    id: Format,
    input: Format,
    input_wrapped: Format,
    number: Format,
}

impl Styles {
    fn new() -> Self {
        let top = Format::new().set_align(FormatAlign::Top);
        let wrapped = top.clone().set_text_wrap();
        Styles {
            heading: Format::new()
                .set_bold()
                .set_background_color("#D9E1F2")
                .set_border_bottom(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            title: Format::new().set_bold().set_font_size(14),
            id: top
                .clone()
                .set_background_color("#E7E6E6")
                .set_font_color("#595959"),
            input: top.clone().set_unlocked().set_background_color("#FFF2CC"),
            input_wrapped: wrapped
                .clone()
                .set_unlocked()
                .set_background_color("#FFF2CC"),
            number: top.clone().set_num_format("0.00"),
            text: top,
            wrapped,
        }
    }
}

fn build(export: &Export) -> Result<Vec<u8>, XlsxError> {
    let assessment = export.assessment;
    let questionnaire = assessment.card.questionnaire;
    let styles = Styles::new();
    let mut workbook = Workbook::new();
    let mut properties = DocProperties::new()
        .set_title(format!("{} assessment", questionnaire.title))
        .set_creation_datetime(DocumentTime::of(assessment.answers));
    if let Some(name) = assessment.answers.name() {
        properties = properties.set_subject(name);
    }
    workbook.set_properties(&properties);

    let lists = option_lists(questionnaire);
    summary(workbook.add_worksheet(), export, &styles)?;
    let mut on_sheet = Vec::new();
    questions(
        workbook.add_worksheet(),
        assessment,
        &lists,
        &styles,
        &mut on_sheet,
    )?;
    evidence(workbook.add_worksheet(), questionnaire, &on_sheet, &styles)?;
    if lists.iter().any(|list| list.in_sheet) {
        let sheet = workbook.add_worksheet().set_name(LISTS)?;
        for (column, list) in lists.iter().filter(|l| l.in_sheet).enumerate() {
            let column = u16::try_from(column).unwrap_or(u16::MAX);
            for (row, id) in list.ids.iter().enumerate() {
                sheet.write_string(u32::try_from(row).unwrap_or(u32::MAX), column, id)?;
            }
        }
        sheet.set_hidden(true);
    }
    workbook.save_to_buffer()
}

/// The document's time: the assessment's date at midnight (UTC), else the first day of 2000;
/// never the clock.
struct DocumentTime(String);

impl DocumentTime {
    fn of(answers: &Answers) -> Self {
        let date = answers
            .date
            .as_deref()
            .and_then(parse_date)
            .filter(|d| (1900..=9999).contains(&d.year()))
            .map_or_else(|| "2000-01-01".to_string(), format_date);
        DocumentTime(format!("{date}T00:00:00Z"))
    }
}

impl IntoCustomDateTime for DocumentTime {
    fn utc_datetime(self) -> String {
        self.0
    }
}

/// Writes text as text, never as a formula (`=SUM(A1:A9)` in a note stays a note); the writer
/// escapes what xlsx would otherwise read as its own escapes (`_x0041_`).
fn put(
    sheet: &mut Worksheet,
    row: u32,
    column: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(row, column, text, format)?;
    Ok(())
}

/// A row of column headings, from the first column on.
fn heading_row(
    sheet: &mut Worksheet,
    row: u32,
    headings: &[&str],
    styles: &Styles,
) -> Result<(), XlsxError> {
    for (column, heading) in (0..).zip(headings) {
        put(sheet, row, column, heading, &styles.heading)?;
    }
    Ok(())
}

fn column_index(column: Column) -> u16 {
    Column::ALL
        .iter()
        .position(|c| *c == column)
        .and_then(|i| u16::try_from(i).ok())
        .unwrap_or(0)
}

fn row_index(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

/// The drop-down of one set of options: written in place when short enough, else a column of
/// the hidden lists sheet.
struct OptionList {
    ids: Vec<String>,
    in_sheet: bool,
}

/// The option lists the questions use, each once: the scale, with `na` or without.
fn option_lists(questionnaire: &Questionnaire) -> Vec<OptionList> {
    let mut lists: Vec<OptionList> = Vec::new();
    for (_, question) in questionnaire.questions() {
        let ids = options_of(questionnaire, question);
        if lists.iter().any(|l| l.ids == ids) {
            continue;
        }
        // Excel's limit on a list written in the rule: 255 characters, commas included.
        let in_sheet = ids.join(",").encode_utf16().count() > 255;
        lists.push(OptionList { ids, in_sheet });
    }
    lists
}

/// The ids a question may be answered with, `na` last where it is allowed.
fn options_of(questionnaire: &Questionnaire, question: &Question) -> Vec<String> {
    let mut ids: Vec<String> = questionnaire
        .scale_of(question)
        .iter()
        .map(|o| o.id.clone())
        .collect();
    if question.na {
        ids.push(NOT_APPLICABLE.to_string());
    }
    ids
}

/// The drop-down for the answers of `question`.
fn validation(
    questionnaire: &Questionnaire,
    question: &Question,
    lists: &[OptionList],
) -> Result<DataValidation, XlsxError> {
    let ids = options_of(questionnaire, question);
    let mut rule = DataValidation::new();
    let in_sheet = lists
        .iter()
        .filter(|l| l.in_sheet)
        .position(|l| l.ids == ids);
    rule = match in_sheet {
        Some(column) => {
            let letter = super::cell_name(0, u16::try_from(column).unwrap_or(0));
            let letter = letter.trim_end_matches(char::is_numeric);
            rule.allow_list_formula(Formula::new(format!(
                "={LISTS}!${letter}$1:${letter}${}",
                ids.len()
            )))
        }
        None => rule.allow_list_strings(&ids)?,
    };
    let mut message: Vec<String> = questionnaire
        .scale_of(question)
        .iter()
        .map(|o| format!("{}: {}", o.id, o.label))
        .collect();
    if question.na {
        message.push(format!(
            "{NOT_APPLICABLE}: not applicable (say why in the note)"
        ));
    }
    let message = message.join("\n");
    rule = rule
        .set_error_title("Not an answer option")?
        .set_error_message(
            format!("Choose one of: {}", ids.join(", "))
                .chars()
                .take(255)
                .collect::<String>(),
        )?
        .set_error_style(DataValidationErrorStyle::Stop);
    // The input message is limited to 255 characters: shown only when the labels fit.
    if message.encode_utf16().count() <= 255 {
        rule = rule.set_input_title("Answer")?.set_input_message(message)?;
    }
    Ok(rule)
}

fn summary(sheet: &mut Worksheet, export: &Export, styles: &Styles) -> Result<(), XlsxError> {
    let assessment = export.assessment;
    let answers = assessment.answers;
    let card = assessment.card;
    let questionnaire = card.questionnaire;
    sheet.set_name(SUMMARY)?;
    sheet.set_column_width(0, 28)?;
    sheet.set_column_width(1, 48)?;
    for column in 2..=6 {
        sheet.set_column_width(column, 14)?;
    }
    put(sheet, 0, 0, &questionnaire.title, &styles.title)?;
    put(
        sheet,
        1,
        0,
        "Answer each question on the Questions sheet (the yellow cells), then run `jsp import` on this file. Grey cells are read back as they are: do not edit them.",
        &styles.text,
    )?;
    let values = [
        Some(answers.questionnaire.as_str()),
        answers.version.as_deref(),
        answers.organization.as_deref(),
        answers.subject.as_deref(),
        answers.assessor.as_deref(),
        answers.date.as_deref(),
    ];
    let mut row = FIRST_FIELD_ROW;
    for (field, value) in Field::ALL.iter().zip(values) {
        put(sheet, row, 0, field.label(), &styles.heading)?;
        let format = if field.is_input() {
            &styles.input_wrapped
        } else {
            &styles.id
        };
        put(sheet, row, 1, value.unwrap_or_default(), format)?;
        row += 1;
    }

    row += 1;
    put(sheet, row, 0, "Scores when exported", &styles.title)?;
    row += 1;
    let headings = ["Domain", "Title", "Level", "Score", "Target", "Answered"];
    heading_row(sheet, row, &headings, styles)?;
    row += 1;
    // Scored continuous: no staged level, so the level cells stay empty.
    let staged = !questionnaire.is_continuous();
    put(sheet, row, 0, "Overall", &styles.text)?;
    if staged {
        put(
            sheet,
            row,
            1,
            questionnaire.level_name(card.level),
            &styles.text,
        )?;
        sheet.write_number_with_format(row, 2, f64::from(card.level), &styles.text)?;
    }
    sheet.write_number_with_format(row, 3, round2(card.score), &styles.number)?;
    let answered: usize = card.domains.iter().map(|d| d.answered).sum();
    put(
        sheet,
        row,
        5,
        &format!("{answered} of {}", questionnaire.question_count()),
        &styles.text,
    )?;
    for domain in &card.domains {
        row += 1;
        put(sheet, row, 0, &domain.domain.id, &styles.text)?;
        put(sheet, row, 1, &domain.domain.title, &styles.wrapped)?;
        if domain.applicable {
            if staged {
                sheet.write_number_with_format(row, 2, f64::from(domain.level), &styles.text)?;
            }
            sheet.write_number_with_format(row, 3, round2(domain.score), &styles.number)?;
        } else {
            put(sheet, row, 2, "n/a", &styles.text)?;
        }
        if let Some(target) = domain.target {
            sheet.write_number_with_format(row, 4, f64::from(target), &styles.text)?;
        }
        put(
            sheet,
            row,
            5,
            &format!("{} of {}", domain.answered, domain.questions),
            &styles.text,
        )?;
    }

    // The default scale, then each named scale, for the questions that name it.
    let scales = std::iter::once(("Answer options".to_string(), &questionnaire.scale)).chain(
        questionnaire
            .scales
            .iter()
            .map(|s| (format!("Answer options of scale `{}`", s.id), &s.options)),
    );
    for (title, options) in scales {
        row += 2;
        put(sheet, row, 0, &title, &styles.title)?;
        for option in options {
            row += 1;
            put(sheet, row, 0, &option.id, &styles.text)?;
            put(
                sheet,
                row,
                1,
                &format!("{} ({})", option.label, option.value),
                &styles.text,
            )?;
        }
    }
    row += 1;
    put(sheet, row, 0, NOT_APPLICABLE, &styles.text)?;
    put(
        sheet,
        row,
        1,
        "Not applicable, where the question allows it: say why in the note",
        &styles.text,
    )?;

    if let Some(roadmap) = export.roadmap {
        row += 2;
        put(sheet, row, 0, "Roadmap to the target", &styles.title)?;
        row += 1;
        let headings = ["Phase", "Question", "Domain", "Level", "Priority", "Now"];
        heading_row(sheet, row, &headings, styles)?;
        if roadmap.is_empty() {
            row += 1;
            put(
                sheet,
                row,
                0,
                "Every domain is at its target.",
                &styles.text,
            )?;
        }
        for (phase, step) in roadmap.steps() {
            row += 1;
            sheet.write_number_with_format(row, 0, phase as f64, &styles.text)?;
            put(
                sheet,
                row,
                1,
                &format!("{}: {}", step.question.id, step.question.text),
                &styles.wrapped,
            )?;
            put(sheet, row, 2, &step.domain.id, &styles.text)?;
            sheet.write_number_with_format(row, 3, f64::from(step.question.level), &styles.text)?;
            sheet.write_number_with_format(row, 4, f64::from(step.priority), &styles.text)?;
            let now = match step.status {
                Status::Answered { .. } => answers
                    .answers
                    .get(&step.question.id)
                    .map_or("", |a| a.choice.as_str()),
                _ => "unanswered",
            };
            put(sheet, row, 5, now, &styles.text)?;
        }
    }
    let mut options = ProtectionOptions::new();
    options.format_columns = true;
    options.format_rows = true;
    sheet.protect_with_options(&options);
    sheet.set_active(true);
    Ok(())
}

fn questions(
    sheet: &mut Worksheet,
    assessment: &Assessment,
    lists: &[OptionList],
    styles: &Styles,
    on_sheet: &mut Vec<(String, Evidence)>,
) -> Result<(), XlsxError> {
    let questionnaire = assessment.card.questionnaire;
    sheet.set_name(QUESTIONS)?;
    let widths = [14.0, 22.0, 8.0, 50.0, 60.0, 28.0, 12.0, 40.0, 32.0];
    for (column, width) in Column::ALL.iter().zip(widths) {
        sheet.set_column_width(column_index(*column), width)?;
    }
    for column in Column::ALL {
        put(
            sheet,
            0,
            column_index(column),
            column.heading(),
            &styles.heading,
        )?;
    }
    sheet.set_freeze_panes(1, 1)?;
    let mut row = 0;
    // Consecutive questions with the same options share one drop-down rule.
    let mut run: Option<(u32, u32, &Question)> = None;
    for (domain, question) in questionnaire.questions() {
        row += 1;
        let answer = assessment.answers.answers.get(&question.id);
        put(
            sheet,
            row,
            column_index(Column::Id),
            &question.id,
            &styles.id,
        )?;
        put(
            sheet,
            row,
            column_index(Column::Domain),
            domain.short_title(),
            &styles.wrapped,
        )?;
        let level = format!(
            "{} {}",
            question.level,
            questionnaire.level_name(question.level)
        );
        put(
            sheet,
            row,
            column_index(Column::Level),
            level.trim(),
            &styles.wrapped,
        )?;
        put(
            sheet,
            row,
            column_index(Column::Question),
            &question.text,
            &styles.wrapped,
        )?;
        put(
            sheet,
            row,
            column_index(Column::Guidance),
            question.guidance.as_deref().unwrap_or_default(),
            &styles.wrapped,
        )?;
        put(
            sheet,
            row,
            column_index(Column::References),
            &question.references.join("\n"),
            &styles.wrapped,
        )?;
        let choice = answer.map_or("", |a| a.choice.as_str());
        put(
            sheet,
            row,
            column_index(Column::Answer),
            choice,
            &styles.input,
        )?;
        let note = answer.and_then(|a| a.note.as_deref()).unwrap_or_default();
        put(
            sheet,
            row,
            column_index(Column::Note),
            note,
            &styles.input_wrapped,
        )?;
        let evidence = answer.map_or(&[][..], |a| a.evidence.as_slice());
        // A question's items stay together, in their order: all in the cell, or all on the
        // evidence sheet when one of them needs its columns.
        let in_cell = evidence.iter().all(|e| {
            e.date.is_none()
                && e.expires.is_none()
                && e.owner.is_none()
                && fits_a_line(&e.reference)
        });
        let lines = if in_cell {
            evidence
                .iter()
                .map(|e| e.reference.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            on_sheet.extend(evidence.iter().map(|e| (question.id.clone(), e.clone())));
            String::new()
        };
        put(
            sheet,
            row,
            column_index(Column::Evidence),
            &lines,
            &styles.input_wrapped,
        )?;

        run = match run {
            Some((first, _, shown))
                if options_of(questionnaire, shown) == options_of(questionnaire, question) =>
            {
                Some((first, row, shown))
            }
            Some((first, last, shown)) => {
                add_validation(sheet, questionnaire, shown, lists, first, last)?;
                Some((row, row, question))
            }
            None => Some((row, row, question)),
        };
    }
    if let Some((first, last, shown)) = run {
        add_validation(sheet, questionnaire, shown, lists, first, last)?;
    }
    let last = u16::try_from(Column::ALL.len() - 1).unwrap_or(0);
    sheet.autofilter(0, 0, row.max(1), last)?;
    let mut options = ProtectionOptions::new();
    options.use_autofilter = true;
    options.format_columns = true;
    options.format_rows = true;
    sheet.protect_with_options(&options);
    Ok(())
}

fn add_validation(
    sheet: &mut Worksheet,
    questionnaire: &Questionnaire,
    question: &Question,
    lists: &[OptionList],
    first: u32,
    last: u32,
) -> Result<(), XlsxError> {
    let answer = column_index(Column::Answer);
    let rule = validation(questionnaire, question, lists)?;
    sheet.add_data_validation(first, answer, last, answer, &rule)?;
    Ok(())
}

fn evidence(
    sheet: &mut Worksheet,
    questionnaire: &Questionnaire,
    items: &[(String, Evidence)],
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name(EVIDENCE)?;
    let widths = [14.0, 50.0, 40.0, 18.0, 18.0, 20.0];
    for (column, (heading, width)) in EvidenceColumn::ALL.iter().zip(widths).enumerate() {
        let column = u16::try_from(column).unwrap_or(0);
        sheet.set_column_width(column, width)?;
        put(sheet, 0, column, heading.heading(), &styles.heading)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (index, (id, item)) in items.iter().enumerate() {
        let row = row_index(index + 1);
        put(sheet, row, 0, id, &styles.text)?;
        let text = questionnaire
            .question(id)
            .map_or("", |(_, q)| q.text.as_str());
        put(sheet, row, 1, text, &styles.wrapped)?;
        put(sheet, row, 2, &item.reference, &styles.wrapped)?;
        if let Some(date) = item.date {
            put(sheet, row, 3, &format_date(date), &styles.text)?;
        }
        if let Some(expires) = item.expires {
            put(sheet, row, 4, &format_date(expires), &styles.text)?;
        }
        if let Some(owner) = &item.owner {
            put(sheet, row, 5, owner, &styles.wrapped)?;
        }
    }
    // New rows pick the question from a drop-down of the questions sheet's ids.
    let count = questionnaire.question_count();
    let ids = DataValidation::new()
        .allow_list_formula(Formula::new(format!("={QUESTIONS}!$A$2:$A${}", count + 1)))
        .set_error_title("Not a question id")?
        .set_error_message(
            "Choose a question id from the list (column A of the Questions sheet).",
        )?;
    sheet.add_data_validation(1, 0, 10_000, 0, &ids)?;
    Ok(())
}
