//! Markdown as GitHub and GitLab render it: user text made inert, evidence made a link only
//! when it is a plain web address.

/// Makes user text inert in markdown: no emphasis, links, HTML or table breaks, one line; and
/// no autolink, which GFM makes of a web address (`https://`, `www.`) or an e-mail address
/// anywhere in the text: the `:` of `://` and the `.` of `www.` are escaped, and a zero-width
/// joiner before `@` leaves an address without its local part.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // At the start of a line these would begin a list or a heading underline.
    if text.starts_with(['-', '+', '=']) {
        out.push('\\');
    }
    for (index, c) in text.char_indices() {
        let rest = text.get(index + c.len_utf8()..).unwrap_or_default();
        let before = text.get(..index).unwrap_or_default();
        match c {
            ':' if rest.starts_with("//") => out.push_str("\\:"),
            '.' if before
                .get(before.len().saturating_sub(3)..)
                .is_some_and(|w| w.eq_ignore_ascii_case("www")) =>
            {
                out.push_str("\\.");
            }
            '@' => out.push_str("\u{200D}@"),
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
        assert_eq!(
            escape("www.a.example https://b.example c@d.example"),
            "www\\.a.example https\\://b.example c\u{200D}@d.example"
        );
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(
            link("https://a.example/x(1)"),
            "[https\\://a.example/x\\(1\\)](https://a.example/x%281%29)"
        );
        assert_eq!(link("javascript:alert(1)"), "javascript:alert\\(1\\)");
        assert_eq!(link("SOP-7 rev C"), "SOP-7 rev C");
    }
}
