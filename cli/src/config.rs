//! `[tool.pyaot]` in `pyproject.toml`: the modules `pyaot build` and `pyaot check` take when no
//! file is given, and the options they set (the same table the setuptools hook reads).

use std::path::{Path, PathBuf};

/// What `[tool.pyaot]` says.
#[derive(Default, Debug)]
pub struct ProjectConfig {
    /// Files and package directories, relative to the project.
    pub modules: Vec<PathBuf>,
    pub fastmath: bool,
    pub allow_python: bool,
    pub abi3: bool,
}

/// The `[tool.pyaot]` table of `dir/pyproject.toml`; `Ok(None)` when there is none.
pub fn read(dir: &Path) -> Result<Option<ProjectConfig>, String> {
    let path = dir.join("pyproject.toml");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(None);
    };
    let doc: toml::Table = text
        .parse()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let Some(table) = doc
        .get("tool")
        .and_then(|t| t.get("pyaot"))
        .and_then(|t| t.as_table())
    else {
        return Ok(None);
    };
    let mut cfg = ProjectConfig::default();
    for (key, value) in table {
        let flag = || {
            value.as_bool().ok_or_else(|| {
                format!(
                    "{}: [tool.pyaot] {key} must be true or false",
                    path.display()
                )
            })
        };
        match key.as_str() {
            "modules" => {
                let items = value.as_array().ok_or_else(|| {
                    format!(
                        "{}: [tool.pyaot] modules must be a list of paths",
                        path.display()
                    )
                })?;
                for item in items {
                    let p = item.as_str().ok_or_else(|| {
                        format!(
                            "{}: [tool.pyaot] modules must be a list of paths",
                            path.display()
                        )
                    })?;
                    cfg.modules.push(dir.join(p));
                }
            }
            "fastmath" => cfg.fastmath = flag()?,
            "allow-python" => cfg.allow_python = flag()?,
            "abi3" | "limited-api" => cfg.abi3 |= flag()?,
            // Read by the setuptools hook; `pyaot build` takes them from its command line.
            "boundscheck" | "opt-level" | "target-cpu" => {}
            other => {
                return Err(format!(
                    "{}: unknown setting `{other}` in [tool.pyaot]",
                    path.display()
                ))
            }
        }
    }
    Ok(Some(cfg))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_modules_and_flags() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(
            dir.path().join("pyproject.toml"),
            "[project]\nname = \"x\"\n\n[tool.pyaot]\nmodules = [\"src/p\", \"k.py\"]\nabi3 = true\nallow-python = true\n",
        )
        .expect("write");
        let cfg = read(dir.path()).expect("valid").expect("present");
        assert_eq!(
            cfg.modules,
            [dir.path().join("src/p"), dir.path().join("k.py")]
        );
        assert!(cfg.abi3 && cfg.allow_python && !cfg.fastmath);
        std::fs::write(
            dir.path().join("pyproject.toml"),
            "[tool.pyaot]\nfast = true\n",
        )
        .expect("write");
        assert!(read(dir.path())
            .unwrap_err()
            .contains("unknown setting `fast`"));
    }
}
