//! CSV cells, for a plan of action or a portfolio kept in a spreadsheet.

/// Text from a file defused for spreadsheets: a cell that starts with `=`, `+`, `-`, `@`, a tab
/// or a carriage return would be run as a formula, so it gets a leading `'` (OWASP's advice on
/// CSV injection).
pub fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The I/O error inside a CSV error, so that a closed pipe (`| head`) is still seen as one.
pub fn io_error(error: csv::Error) -> std::io::Error {
    let message = error.to_string();
    match error.into_kind() {
        csv::ErrorKind::Io(error) => error,
        _ => std::io::Error::other(message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_formula_in_a_cell_is_made_inert() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("Plain text"), "Plain text");
    }
}
