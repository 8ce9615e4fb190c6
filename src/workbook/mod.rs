//! The assessment as a workbook (xlsx) that an assessor fills in without jsp, and read back:
//! [`export`] writes it, [`import`] turns a filled-in one into answers, every problem named by
//! sheet and cell. The layout both sides share is here.
//!
//! One sheet holds every question, the domain in a column: a consultant filters and sorts across
//! the whole questionnaire (what is unanswered, what is at level 2), an id cannot land on another
//! domain's sheet, and domain titles are not cut to the 31 characters a sheet name may have.

pub mod export;
pub mod import;

/// The sheets, in their order in the workbook.
pub const SUMMARY: &str = "Summary";
pub const QUESTIONS: &str = "Questions";
pub const EVIDENCE: &str = "Evidence";
/// Hidden: the option lists too long for a drop-down written in place (255 characters).
pub const LISTS: &str = "Lists";

/// The columns of the questions sheet, in order. Import finds them by their headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Id,
    Domain,
    Level,
    Question,
    Guidance,
    References,
    Answer,
    Note,
    Evidence,
}

impl Column {
    pub const ALL: [Column; 9] = [
        Column::Id,
        Column::Domain,
        Column::Level,
        Column::Question,
        Column::Guidance,
        Column::References,
        Column::Answer,
        Column::Note,
        Column::Evidence,
    ];

    /// The heading, as written; import compares what comes before ` (`, in any case.
    pub fn heading(self) -> &'static str {
        match self {
            Column::Id => "Id (do not edit)",
            Column::Domain => "Domain",
            Column::Level => "Level",
            Column::Question => "Question",
            Column::Guidance => "Guidance",
            Column::References => "References",
            Column::Answer => "Answer",
            Column::Note => "Note",
            Column::Evidence => "Evidence (one per line)",
        }
    }
}

/// The columns of the evidence sheet: an item with a date, an expiry or an owner (or a
/// reference a line of a cell cannot hold) has a row of its own there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceColumn {
    Id,
    Question,
    Reference,
    Date,
    Expires,
    Owner,
}

impl EvidenceColumn {
    pub const ALL: [EvidenceColumn; 6] = [
        EvidenceColumn::Id,
        EvidenceColumn::Question,
        EvidenceColumn::Reference,
        EvidenceColumn::Date,
        EvidenceColumn::Expires,
        EvidenceColumn::Owner,
    ];

    pub fn heading(self) -> &'static str {
        match self {
            EvidenceColumn::Id => "Question id",
            EvidenceColumn::Question => "Question (not read back)",
            EvidenceColumn::Reference => "Reference",
            EvidenceColumn::Date => "Date (YYYY-MM-DD)",
            EvidenceColumn::Expires => "Expires (YYYY-MM-DD)",
            EvidenceColumn::Owner => "Owner",
        }
    }
}

/// The assessment's own fields on the summary sheet: the label in column A, the value in B.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Questionnaire,
    Version,
    Organization,
    Subject,
    Assessor,
    Date,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::Questionnaire,
        Field::Version,
        Field::Organization,
        Field::Subject,
        Field::Assessor,
        Field::Date,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Field::Questionnaire => "Questionnaire",
            Field::Version => "Questionnaire version",
            Field::Organization => "Organization",
            Field::Subject => "Subject",
            Field::Assessor => "Assessor",
            Field::Date => "Date (YYYY-MM-DD)",
        }
    }

    /// The questionnaire and its version decide how the answers are read: not for editing.
    pub fn is_input(self) -> bool {
        !matches!(self, Field::Questionnaire | Field::Version)
    }
}

/// The summary's first row of fields (0-based): a title and a line of instructions above.
pub const FIRST_FIELD_ROW: u32 = 3;

/// What a cell holds at most in Excel (and so in any workbook it opens).
pub const MAX_CELL_CHARS: usize = 32_767;

/// A workbook file larger than this is refused before it is opened: a full assessment is tens
/// of kilobytes.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Nor is more than this unpacked from it, all parts together, whatever the zip says of their
/// sizes: a small file can unpack to gigabytes.
pub const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;

/// A cell's name in A1 notation, as spreadsheets show it: `G12` for (11, 6).
pub fn cell_name(row: u32, column: u16) -> String {
    let mut letters = Vec::new();
    let mut n = u32::from(column) + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", letters.into_iter().collect::<String>(), row + 1)
}

/// An evidence reference that a line of the questions sheet's cell holds as it is: not empty,
/// no line break, no space at either end (the lines are trimmed when read).
pub fn fits_a_line(reference: &str) -> bool {
    !reference.is_empty() && reference.trim() == reference && !reference.contains(['\n', '\r'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_spreadsheets_show_them() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(11, 6), "G12");
        assert_eq!(cell_name(0, 25), "Z1");
        assert_eq!(cell_name(0, 26), "AA1");
        assert_eq!(cell_name(0, 701), "ZZ1");
    }
}
