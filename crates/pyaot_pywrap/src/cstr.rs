//! Spelling text as C string literals and comments.

/// A C string literal holding `text` as UTF-8: quotes, backslashes and control characters escaped,
/// non-ASCII bytes as three-digit octal escapes; split after each newline for readability.
pub fn literal(text: &str) -> String {
    let mut out = String::from("\"");
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'?' => out.push_str("\\?"),
            b'\n' => {
                out.push_str("\\n");
                if i + 1 < bytes.len() {
                    out.push_str("\"\n    \"");
                }
            }
            b'\t' => out.push_str("\\t"),
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\{b:03o}")),
        }
    }
    out.push('"');
    out
}

/// Text safe inside a C block comment (no `*/`, printable ASCII only).
pub fn comment_safe(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c
            } else {
                '?'
            }
        })
        .collect::<String>()
        .replace("*/", "*?")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_quotes_newlines_and_non_ascii() {
        assert_eq!(literal("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(literal("x\ny"), "\"x\\n\"\n    \"y\"");
        assert_eq!(literal("é"), r#""\303\251""#);
        assert_eq!(literal("\u{0}1"), r#""\0001""#);
        assert_eq!(literal("??="), r#""\?\?=""#);
    }

    #[test]
    fn comments_cannot_close_early() {
        assert_eq!(comment_safe("a*/b\n"), "a*?b?");
    }
}
