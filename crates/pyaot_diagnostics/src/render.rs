//! Renders diagnostics the way the CLI prints them: `error[code]: message`, a miette snippet and `help:`.

use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode};

use crate::{Diagnostic, Severity, SourceFile};

/// How to render.
#[derive(Clone, Copy, Debug)]
pub struct RenderOptions {
    /// ANSI colours (for a terminal).
    pub color: bool,
    /// Wrap width.
    pub width: usize,
}

impl Default for RenderOptions {
    /// No colour, 80 columns: the form used by tests and pipes.
    fn default() -> Self {
        RenderOptions {
            color: false,
            width: 80,
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

/// Renders one diagnostic of `file` as text ending in a newline.
pub fn render(file: &SourceFile, diag: &Diagnostic, opts: RenderOptions) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Code, Span};

    #[test]
    fn renders_header_location_label_and_help() {
        let file = SourceFile {
            name: "k.py".into(),
            text: "def f(x: int) -> int:\n    return y\n".into(),
        };
        let d = Diagnostic::error(
            Code::UnknownName,
            "unknown name `y`",
            Span::new(33, 34),
            "not defined",
        )
        .with_help("define `y` before using it");
        let text = render(&file, &d, RenderOptions::default());
        assert!(
            text.starts_with("error[unknown-name]: unknown name `y`\n"),
            "{text}"
        );
        assert!(text.contains("k.py:2:12"), "{text}");
        assert!(text.contains("not defined"), "{text}");
        assert!(text.contains("help: define `y` before using it"), "{text}");
    }
}
