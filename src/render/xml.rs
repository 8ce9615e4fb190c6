//! HTML, SVG and XML: user text made inert in text and in attribute values, and evidence made a
//! link only when it is a plain web address.

/// Makes user text inert in HTML text: markup characters become entities, control characters
/// other than line breaks and tabs are dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() || !is_xml_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// A character XML 1.0 allows in a document: not a C0 control but tab and line breaks, not
/// U+FFFE or U+FFFF (a Rust string holds no lone surrogate). One of these anywhere makes the
/// whole document ill-formed, and CI drops the test results.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// A document written by a library that escapes markup but keeps characters XML forbids
/// (quick-junit keeps U+FFFE): those removed.
pub fn only_xml_chars(text: String) -> String {
    if text.chars().all(is_xml_char) {
        text
    } else {
        text.chars().filter(|c| is_xml_char(*c)).collect()
    }
}

/// A finished document (JUnit, from quick-junit) written with [`only_xml_chars`], ending in a
/// line break.
pub fn write_document(text: String, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let text = only_xml_chars(text);
    out.write_all(text.as_bytes())?;
    if text.ends_with('\n') {
        Ok(())
    } else {
        out.write_all(b"\n")
    }
}

/// Makes user text safe inside a double-quoted attribute value (and in XML), on one line.
pub fn attr(text: &str) -> String {
    escape(text).replace(['\n', '\t'], " ")
}

/// An evidence entry: a link when it is a web address (the rule of [`crate::text::web_address`]),
/// escaped text otherwise.
pub fn link(evidence: &str) -> String {
    match crate::text::web_address(evidence) {
        Some(address) => format!(
            "<a href=\"{}\" rel=\"noopener noreferrer nofollow\">{}</a>",
            attr(address),
            escape(address)
        ),
        None => escape(evidence),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_makes_markup_inert() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\"\u{7}"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(attr("a\nb\"c"), "a b&quot;c");
        assert_eq!(escape("a\u{FFFE}b\u{FFFF}c\u{1}d"), "abcd");
        assert_eq!(
            only_xml_chars("<a>\u{FFFE}\u{0}</a>\n".to_string()),
            "<a></a>\n"
        );
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(
            link("https://a.example/?a=1&b=\"2\""),
            "<a href=\"https://a.example/?a=1&amp;b=&quot;2&quot;\" rel=\"noopener noreferrer nofollow\">https://a.example/?a=1&amp;b=&quot;2&quot;</a>"
        );
        assert_eq!(link("javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(link("SOP-7 <rev C>"), "SOP-7 &lt;rev C&gt;");
    }
}
