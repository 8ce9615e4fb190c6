//! A questionnaire as JSON: its own format, defaults filled in.

use std::io::{self, Write};

use crate::questionnaire::Questionnaire;
use crate::render::Style;

pub fn render(q: &Questionnaire, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    crate::render::json::write(q, out)
}
