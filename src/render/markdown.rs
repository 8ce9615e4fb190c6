//! Markdown as GitHub and GitLab render it: user text made inert, evidence made a link only
//! when it is a plain web address.

/// Makes user text inert in markdown: no emphasis, links, HTML or table breaks, one line.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // At the start of a line these would begin a list or a heading underline.
    if text.starts_with(['-', '+', '=']) {
        out.push('\\');
    }
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' | '!' | '(' | ')' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || crate::text::is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// An evidence entry: a link when it is an http(s) address, escaped text otherwise (so that a
/// `javascript:` address is never a link).
pub fn link(evidence: &str) -> String {
    let Some(trimmed) = crate::text::web_address(evidence) else {
        return escape(evidence);
    };
    let mut target = String::new();
    for c in trimmed.chars() {
        match c {
            '(' => target.push_str("%28"),
            '\\' => target.push_str("%5C"),
            ')' => target.push_str("%29"),
            '<' => target.push_str("%3C"),
            '>' => target.push_str("%3E"),
            '|' => target.push_str("%7C"),
            '"' => target.push_str("%22"),
            c => target.push(c),
        }
    }
    format!("[{}]({target})", escape(trimmed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_keeps_tables_and_pages_intact() {
        assert_eq!(escape("a | b\nc"), "a \\| b<br>c");
        assert_eq!(escape("<script>"), "&lt;script&gt;");
        assert_eq!(escape("[x](javascript:y)"), "\\[x\\]\\(javascript:y\\)");
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(
            link("https://a.example/x(1)"),
            "[https://a.example/x\\(1\\)](https://a.example/x%281%29)"
        );
        assert_eq!(link("javascript:alert(1)"), "javascript:alert\\(1\\)");
        assert_eq!(link("SOP-7 rev C"), "SOP-7 rev C");
    }
}
