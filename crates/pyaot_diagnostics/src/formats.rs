//! Machine-readable diagnostics: one JSON object per line, or GitHub workflow commands.

use serde_json::json;

use crate::{Diagnostic, Files, Severity};

/// How diagnostics are written (`--message-format`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MessageFormat {
    /// Text with a source snippet, for people.
    #[default]
    Human,
    /// One JSON object per line, for tools.
    Json,
    /// GitHub Actions workflow commands (`::error file=...::...`), which annotate the lines.
    Github,
}

/// One diagnostic as a JSON line: severity, code, message, file, 1-based line and column of
/// the start and the end, label and help.
pub(crate) fn json_line(files: &Files, diag: &Diagnostic) -> String {
    let file = files.get(diag.span.file);
    let (line, column) = file.line_col(diag.span.start);
    let (end_line, end_column) = file.line_col(diag.span.end.max(diag.span.start));
    let value = json!({
        "type": "diagnostic",
        "severity": severity(diag.severity),
        "code": diag.code.name(),
        "message": diag.message,
        "file": file.name,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "label": diag.label,
        "help": diag.help,
    });
    format!("{value}\n")
}

/// One diagnostic as a GitHub workflow command.
pub(crate) fn github_line(files: &Files, diag: &Diagnostic) -> String {
    let file = files.get(diag.span.file);
    let (line, column) = file.line_col(diag.span.start);
    let (end_line, end_column) = file.line_col(diag.span.end.max(diag.span.start));
    let mut message = format!("{} ({})", diag.message, diag.label);
    if let Some(help) = &diag.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    let kind = match diag.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    format!(
        "::{kind} file={},line={line},col={column},endLine={end_line},endColumn={end_column},title={}::{}\n",
        property(&file.name),
        property(&format!("pyaot {}", diag.code.name())),
        data(&message)
    )
}

/// An error without a place in a source file (an unreadable file, a failed link), given as the
/// human text `error[code]: message` (continuation lines belong to the message).
pub fn render_plain(text: &str, format: MessageFormat) -> String {
    if format == MessageFormat::Human {
        return text.to_string();
    }
    let (head, rest) = text.split_once('\n').unwrap_or((text, ""));
    let (code, message) = head
        .strip_prefix("error[")
        .and_then(|h| h.split_once("]: "))
        .unwrap_or(("internal-error", head));
    let message = if rest.trim().is_empty() {
        message.to_string()
    } else {
        format!("{message}\n{}", rest.trim_end())
    };
    match format {
        MessageFormat::Json => {
            let value = json!({
                "type": "diagnostic",
                "severity": "error",
                "code": code,
                "message": message,
            });
            format!("{value}\n")
        }
        _ => format!(
            "::error title={}::{}\n",
            property(&format!("pyaot {code}")),
            data(&message)
        ),
    }
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A workflow command's message: `%`, CR and LF escaped.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: also `:` and `,` escaped.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Code, FileId, SourceFile, Span};

    fn sample() -> (Files, Diagnostic) {
        let mut files = Files::default();
        let id = files.add(SourceFile {
            name: "dir,a/k.py".into(),
            text: "def f(x: int) -> int:\n    return y\n".into(),
        });
        assert_eq!(id, FileId(0));
        let d = Diagnostic::error(
            Code::UnknownName,
            "unknown name `y`",
            Span {
                file: id,
                start: 33,
                end: 34,
            },
            "not defined",
        )
        .with_help("define it: 100% sure");
        (files, d)
    }

    #[test]
    fn json_has_the_place_and_the_texts() {
        let (files, d) = sample();
        let v: serde_json::Value = serde_json::from_str(json_line(&files, &d).trim()).unwrap();
        assert_eq!(v["code"], "unknown-name");
        assert_eq!(v["severity"], "error");
        assert_eq!(
            (v["line"].as_u64(), v["column"].as_u64()),
            (Some(2), Some(12))
        );
        assert_eq!(
            (v["end_line"].as_u64(), v["end_column"].as_u64()),
            (Some(2), Some(13))
        );
        assert_eq!(v["help"], "define it: 100% sure");
    }

    #[test]
    fn github_commands_escape_their_fields() {
        let (files, d) = sample();
        let line = github_line(&files, &d);
        assert!(line.starts_with("::error file=dir%2Ca/k.py,line=2,col=12,endLine=2,endColumn=13,title=pyaot unknown-name::"), "{line}");
        assert!(
            line.ends_with("::unknown name `y` (not defined)%0Ahelp: define it: 100%25 sure\n"),
            "{line}"
        );
    }

    #[test]
    fn plain_errors_become_records() {
        let text = "error[read-error]: cannot read k.py: gone\n";
        let v: serde_json::Value =
            serde_json::from_str(render_plain(text, MessageFormat::Json).trim()).unwrap();
        assert_eq!(v["code"], "read-error");
        assert_eq!(v["message"], "cannot read k.py: gone");
        assert_eq!(render_plain(text, MessageFormat::Human), text);
    }
}
