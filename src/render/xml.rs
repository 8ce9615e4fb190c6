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
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
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
