//! Asks the target interpreter's sysconfig for its include directory and extension suffix.

use crate::{LinkError, PythonConfig};
use std::path::PathBuf;
use std::process::Command;

const QUERY: &str = "import sysconfig\n\
print(sysconfig.get_paths()['include'])\n\
print(sysconfig.get_config_var('EXT_SUFFIX'))\n";

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
    let stdout = String::from_utf8_lossy(&output.stdout);
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
    })
}
