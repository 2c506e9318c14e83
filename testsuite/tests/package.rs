//! Package builds: every module of `fixtures/package/mypkg` is compiled, the compiled functions of
//! one module call those of the others directly (`from .util import clamp`, `from . import util`,
//! `from ..util import LIMIT`), and the built tree under the output directory imports and agrees
//! with the sources (`fixtures/package/compare.py`).

use libtest_mimic::{Arguments, Failed, Trial};

use pyaot_driver::{build_file, package_builds, BuildOptions};
use pyaot_testsuite::{python, python_works, run_capture, testsuite_dir};
use std::process::Command;

fn main() {
    let args = Arguments::from_args();
    let trial = Trial::test("package/mypkg", check_package);
    libtest_mimic::run(&args, vec![trial]).exit();
}

fn check_package() -> Result<(), Failed> {
    let python = python();
    python_works(&python)?;
    let dir = testsuite_dir().join("fixtures/package");
    let out = tempfile::tempdir().map_err(|e| format!("tempdir: {e}"))?;
    let opts = BuildOptions {
        out_dir: out.path().to_path_buf(),
        python: python.clone(),
        ..BuildOptions::default()
    };
    let builds = package_builds(&dir.join("mypkg"), &opts, true).map_err(|e| e.to_string())?;
    let names: Vec<String> = builds
        .iter()
        .filter_map(|(_, o)| o.package.as_ref().map(|p| p.module.clone()))
        .collect();
    if names != ["mypkg.geometry", "mypkg.sub.deep", "mypkg.util"] {
        return Err(format!("package modules: {names:?}").into());
    }
    for (file, o) in &builds {
        let outcome = build_file(file, o);
        if outcome.exit_code != 0 {
            return Err(format!("{}:\n{}", file.display(), outcome.stderr).into());
        }
        let want = o.out_dir.join(format!(
            "{}.pyi",
            file.file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
        ));
        if !want.exists() {
            return Err(format!("no {} (the tree is not mirrored)", want.display()).into());
        }
    }
    let (ok, text) = run_capture(
        Command::new(&python)
            .arg(dir.join("compare.py"))
            .arg(out.path())
            .arg(&dir),
    )?;
    if ok {
        Ok(())
    } else {
        Err(text.into())
    }
}
