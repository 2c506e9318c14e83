//! `--emit`: writes intermediate forms next to the output.

use std::path::Path;

/// Writes `<out_dir>/<stem>.<kind>` when `kind` was asked for; the text is built only then.
pub(crate) fn write_if(
    kinds: &[String],
    kind: &str,
    out_dir: &Path,
    stem: &str,
    text: impl FnOnce() -> String,
) -> std::io::Result<()> {
    if kinds.iter().any(|k| k == kind) {
        std::fs::write(out_dir.join(format!("{stem}.{kind}")), text())?;
    }
    Ok(())
}
