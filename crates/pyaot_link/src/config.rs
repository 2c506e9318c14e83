//! Asks the target interpreter's sysconfig for its include directory and extension suffix.

use crate::{cache, LinkError, PythonConfig};
use std::path::{Path, PathBuf};
use std::process::Command;

const QUERY: &str = "import sysconfig\n\
print(sysconfig.get_paths()['include'])\n\
print(sysconfig.get_config_var('EXT_SUFFIX'))\n";

/// As [`query`], remembering the answer in `cache_dir` for an interpreter that is a native binary
/// (keyed by the name given, and the path, size and modification time of the binary it resolves
/// to). Scripts such as pyenv shims pick an interpreter at run time, so they are asked every time.
pub fn query_cached(python: &str, cache_dir: Option<&Path>) -> Result<PythonConfig, LinkError> {
    let Some((dir, name)) = cache_dir.zip(cache::interpreter_key(python)) else {
        return query(python);
    };
    let file = dir.join(name);
    if let Ok(text) = std::fs::read_to_string(&file) {
        if let Ok(cfg) = parse(python, &text) {
            return Ok(cfg);
        }
    }
    let cfg = query(python)?;
    let text = format!("{}\n{}\n", cfg.include_dir.display(), cfg.ext_suffix);
    if std::fs::create_dir_all(dir).is_ok() {
        let tmp = dir.join(format!("tmp-{}.txt", crate::compile::unique()));
        if std::fs::write(&tmp, text).is_ok() && std::fs::rename(&tmp, &file).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
    Ok(cfg)
}

/// Runs `python -c QUERY` and parses its two lines.
pub fn query(python: &str) -> Result<PythonConfig, LinkError> {
    let output = Command::new(python)
        .args(["-I", "-c", QUERY])
        .output()
        .map_err(|e| {
            LinkError::new(format!("cannot run the Python interpreter `{python}`: {e}"))
        })?;
    if !output.status.success() {
        return Err(LinkError::new(format!(
            "`{python}` could not report its sysconfig ({}):\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        )));
    }
    parse(python, &String::from_utf8_lossy(&output.stdout))
}

/// The include directory and extension suffix from the query's two lines.
fn parse(python: &str, stdout: &str) -> Result<PythonConfig, LinkError> {
    let mut lines = stdout.lines();
    let include = lines.next().unwrap_or("").trim();
    let suffix = lines.next().unwrap_or("").trim();
    if include.is_empty() || suffix.is_empty() || suffix == "None" {
        return Err(LinkError::new(format!(
            "`{python}` reported no include directory or EXT_SUFFIX:\n{stdout}"
        )));
    }
    let include_dir = PathBuf::from(include);
    if !include_dir.join("Python.h").is_file() {
        return Err(LinkError::new(format!(
            "`{python}` has no Python.h in {} (install the interpreter's development headers)",
            include_dir.display()
        )));
    }
    Ok(PythonConfig {
        include_dir,
        ext_suffix: suffix.to_string(),
        limited_api: false,
    })
}
