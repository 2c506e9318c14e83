//! Renders diagnostics the way the CLI prints them: `error[code]: message`, a miette snippet and `help:`.

use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode};

use crate::{Diagnostic, Files, Severity, SourceFile};

/// How to render.
#[derive(Clone, Copy, Debug)]
pub struct RenderOptions {
    /// ANSI colours (for a terminal).
    pub color: bool,
    /// Wrap width.
    pub width: usize,
    /// Text for people, JSON lines or GitHub workflow commands.
    pub format: crate::MessageFormat,
}

impl Default for RenderOptions {
    /// No colour, 80 columns: the form used by tests and pipes.
    fn default() -> Self {
        RenderOptions {
            color: false,
            width: 80,
            format: crate::MessageFormat::Human,
        }
    }
}

/// The miette view of one diagnostic: only the snippet and the help; the header is written by [`render`].
struct Snippet<'a> {
    diag: &'a Diagnostic,
    source: NamedSource<String>,
    location: String,
}

impl fmt::Debug for Snippet<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.location)
    }
}

impl fmt::Display for Snippet<'_> {
    fn fmt(&self, _f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Ok(())
    }
}

impl std::error::Error for Snippet<'_> {}

impl miette::Diagnostic for Snippet<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diag.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.diag
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.diag.span;
        let len = (span.end.saturating_sub(span.start)) as usize;
        let label = LabeledSpan::new_primary_with_span(
            Some(self.diag.label.clone()),
            (span.start as usize, len),
        );
        Some(Box::new(std::iter::once(label)))
    }
}

/// Renders one diagnostic as text ending in a newline, with the snippet of the file its span is in.
pub fn render(files: &Files, diag: &Diagnostic, opts: RenderOptions) -> String {
    match opts.format {
        crate::MessageFormat::Json => return crate::formats::json_line(files, diag),
        crate::MessageFormat::Github => return crate::formats::github_line(files, diag),
        crate::MessageFormat::Human => {}
    }
    let file = files.get(diag.span.file);
    let (line, col) = file.line_col(diag.span.start);
    let severity = match diag.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let header = format!("{severity}[{}]: {}", diag.code.name(), diag.message);
    let mut out = String::new();
    if opts.color {
        let colour = if diag.is_error() {
            "\x1b[1;31m"
        } else {
            "\x1b[1;33m"
        };
        out.push_str(&format!(
            "{colour}{severity}[{}]\x1b[0m\x1b[1m: {}\x1b[0m\n",
            diag.code.name(),
            diag.message
        ));
    } else {
        out.push_str(&header);
        out.push('\n');
    }
    if too_long_for_miette(file, diag) {
        out.push_str(&compact_snippet(file, diag, line, col));
        return out;
    }
    let theme = if opts.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(opts.width)
        .with_links(false);
    let snippet = Snippet {
        diag,
        source: NamedSource::new(file.name.clone(), file.text.clone()),
        location: format!("{}:{line}:{col}", file.name),
    };
    let mut body = String::new();
    if handler.render_report(&mut body, &snippet).is_err() {
        out.push_str(&format!("  --> {}:{line}:{col}\n", file.name));
        return out;
    }
    // Miette opens with the (empty) message line; the snippet starts at the first box corner.
    let start = body
        .find(['╭', '['])
        .map_or(0, |i| body[..i].rfind('\n').map_or(0, |n| n + 1));
    out.push_str(&body[start..]);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Lines longer than this are shown as a window around the span, without miette.
const LONG_LINE: usize = 400;

/// Whether a line miette would show (the span's lines and one either side) is too long:
/// miette pads with widths that overflow its formatting beyond 65,535 columns.
fn too_long_for_miette(file: &SourceFile, diag: &Diagnostic) -> bool {
    let text = file.text.as_str();
    let start = (diag.span.start as usize).min(text.len());
    let end = (diag.span.end as usize).clamp(start, text.len());
    let from = text[..start]
        .rfind('\n')
        .map_or(0, |i| text[..i].rfind('\n').map_or(0, |j| j + 1));
    let to = text[end..].find('\n').map_or(text.len(), |i| {
        let after = end + i + 1;
        text[after..].find('\n').map_or(text.len(), |j| after + j)
    });
    text[from..to].split('\n').any(|l| l.len() > LONG_LINE)
}

/// The snippet for a very long line: the location, a window of the line around the span, the label and the help.
fn compact_snippet(file: &SourceFile, diag: &Diagnostic, line: usize, col: usize) -> String {
    let text = file.text.as_str();
    let start = (diag.span.start as usize).min(text.len());
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line_text = &text[line_start..line_end];
    let chars: Vec<char> = line_text.chars().collect();
    let at = col - 1;
    let from = at.saturating_sub(40);
    let to = (at + 40).min(chars.len());
    let window: String = chars[from..to].iter().collect();
    let (lead, trail) = (
        if from > 0 { "…" } else { "" },
        if to < chars.len() { "…" } else { "" },
    );
    let width =
        (diag.span.end.saturating_sub(diag.span.start) as usize).clamp(1, to.max(at + 1) - at);
    let gutter = " ".repeat(line.to_string().len());
    let pad = " ".repeat(at - from + lead.chars().count());
    let mut out = format!("{gutter} ╭─[{}:{line}:{col}]\n", file.name);
    out.push_str(&format!("{line} │ {lead}{window}{trail}\n"));
    out.push_str(&format!(
        "{gutter} · {pad}{} {}\n",
        "^".repeat(width),
        diag.label
    ));
    out.push_str(&format!("{gutter} ╰────\n"));
    if let Some(help) = &diag.help {
        out.push_str(&format!("  help: {help}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Code, FileId, Span};

    #[test]
    fn renders_header_location_label_and_help() {
        let file = SourceFile {
            name: "k.py".into(),
            text: "def f(x: int) -> int:\n    return y\n".into(),
        };
        let d = Diagnostic::error(
            Code::UnknownName,
            "unknown name `y`",
            Span::new(FileId(0), 33, 34),
            "not defined",
        )
        .with_help("define `y` before using it");
        let mut files = Files::default();
        files.add(file);
        let text = render(&files, &d, RenderOptions::default());
        assert!(
            text.starts_with("error[unknown-name]: unknown name `y`\n"),
            "{text}"
        );
        assert!(text.contains("k.py:2:12"), "{text}");
        assert!(text.contains("not defined"), "{text}");
        assert!(text.contains("help: define `y` before using it"), "{text}");
    }

    #[test]
    fn renders_a_span_far_out_on_a_very_long_line() {
        let text = format!(
            "def f(x: int) -> int:\n    return 1{} x\n",
            " ".repeat(70_000)
        );
        let at = text.rfind('x').unwrap() as u32;
        let file = SourceFile {
            name: "k.py".into(),
            text,
        };
        let d = Diagnostic::error(
            Code::SyntaxError,
            "invalid syntax",
            Span::new(FileId(0), at, at + 1),
            "here",
        )
        .with_help("fix it");
        let mut files = Files::default();
        files.add(file);
        let out = render(&files, &d, RenderOptions::default());
        assert!(out.contains("k.py:2:70014"), "{out}");
        assert!(out.contains("│ …") && out.contains(" x\n"), "{out}");
        assert!(out.contains("^ here"), "{out}");
        assert!(out.contains("help: fix it"), "{out}");
    }
}
