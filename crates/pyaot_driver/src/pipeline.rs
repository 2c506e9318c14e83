//! The ordered stages of a build, with diagnostics collected and internal errors caught.

use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use pyaot_diagnostics::{render, render_plain, Code, Diagnostic, Files, RenderOptions, SourceFile};

use crate::timing::Clock;
use crate::{emit, exit, exports, BuildOptions, BuildOutcome};

/// Build writes an extension; check stops after sema.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Build,
    Check,
}

fn fail(code: i32, stderr: String) -> BuildOutcome {
    BuildOutcome {
        exit_code: code,
        output: None,
        stderr,
        functions: 0,
        seconds: 0.0,
        up_to_date: false,
    }
}

/// An error that is not about the program's text (unreadable file, failed link): `error[code]: message`.
fn plain_error(code: Code, msg: &str) -> String {
    format!("error[{}]: {msg}\n", code.name())
}

pub(crate) fn run(
    path: &Path,
    opts: &BuildOptions,
    render_opts: RenderOptions,
    mode: Mode,
) -> BuildOutcome {
    let started = std::time::Instant::now();
    // An unchanged module is not built again (unless forced, or intermediate forms are asked for).
    let key = (mode == Mode::Build && opts.emit.is_empty())
        .then(|| stamp_key(path, opts))
        .flatten();
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if let (Some((key, suffix)), false) = (&key, opts.force) {
        if let Some((output, functions)) =
            crate::incremental::up_to_date(&opts.out_dir, stem, suffix, *key)
        {
            return BuildOutcome {
                exit_code: exit::OK,
                output: Some(output),
                stderr: String::new(),
                functions,
                seconds: started.elapsed().as_secs_f64(),
                up_to_date: true,
            };
        }
    }
    if mode == Mode::Build {
        crate::incremental::forget(&opts.out_dir, stem);
    }
    let mut clock = Clock::new();
    let (hir, stem, mut stderr, python, files) = match frontend(path, render_opts, opts) {
        Ok(r) => r,
        Err(mut outcome) => {
            // User errors are rendered diagnostics already; the others are plain errors.
            if outcome.exit_code != exit::USER_ERROR {
                outcome.stderr = render_plain(&outcome.stderr, render_opts.format);
            }
            return outcome;
        }
    };
    let functions = hir.funcs.iter().filter(|f| f.exported).count();
    if mode == Mode::Check && hir.funcs.iter().any(|f| f.kernel) {
        // What the GPU backend cannot compile is an error of the program too.
        let checked = lower_and_optimise(&hir, opts).and_then(|(_, mir)| {
            crate::gpu::kernels_ptx(&hir, &mir, opts.cuda_arch)
                .map_err(|d| (exit::USER_ERROR, render(&files, &d, render_opts)))
        });
        if let Err((code, msg)) = checked {
            stderr.push_str(&if code == exit::USER_ERROR {
                msg
            } else {
                render_plain(&msg, render_opts.format)
            });
            return fail(code, stderr);
        }
    }
    if mode == Mode::Check {
        return BuildOutcome {
            exit_code: exit::OK,
            output: None,
            stderr,
            functions,
            seconds: started.elapsed().as_secs_f64(),
            up_to_date: false,
        };
    }
    clock.lap("parse and check");
    let python = pyaot_pywrap::PythonPart {
        filename: path.display().to_string(),
        source: python,
    };
    let show = |d: &Diagnostic| render(&files, d, render_opts);
    match backend(&hir, &stem, &python, opts, &mut clock, &show) {
        Ok(output) => {
            if opts.verbose {
                stderr.push_str(&clock.report(&path.display().to_string()));
            }
            if let Some((key, _)) = key {
                crate::incremental::record(&opts.out_dir, &stem, key, functions);
            }
            BuildOutcome {
                exit_code: exit::OK,
                output: Some(output),
                stderr,
                functions,
                seconds: started.elapsed().as_secs_f64(),
                up_to_date: false,
            }
        }
        Err((code, msg)) if code == exit::USER_ERROR => {
            // A rendered diagnostic already.
            stderr.push_str(&msg);
            fail(code, stderr)
        }
        Err((code, msg)) => {
            stderr.push_str(&render_plain(&msg, render_opts.format));
            fail(code, stderr)
        }
    }
}

/// The fingerprint of building `path` with `opts`, and the target's extension suffix; `None`
/// when the file or the interpreter cannot be read (the build then reports why).
fn stamp_key(path: &Path, opts: &BuildOptions) -> Option<(u64, String)> {
    let mut text = std::fs::read_to_string(path).ok()?;
    // The package's other modules are inputs too: their functions are compiled into this one.
    for (file, dotted) in opts.package.iter().flat_map(|p| &p.siblings) {
        text.push_str(&format!("\n#{dotted}\n"));
        text.push_str(&std::fs::read_to_string(file).unwrap_or_default());
    }
    let py = pyaot_link::python_config_cached(&opts.python, opts.cache_dir.as_deref()).ok()?;
    let py = if opts.abi3 { py.stable_abi() } else { py };
    Some((
        crate::incremental::fingerprint(&text, opts, &py),
        py.ext_suffix,
    ))
}

/// The MIR of a file as lowered and after the pass pipeline (for tests and tools).
pub(crate) fn mir(
    path: &Path,
    opts: &BuildOptions,
) -> Result<(pyaot_mir::Module, pyaot_mir::Module), String> {
    let (hir, _, _, _, _) = frontend(path, RenderOptions::default(), opts).map_err(|o| o.stderr)?;
    lower_and_optimise(&hir, opts).map_err(|(_, msg)| msg)
}

/// Reads, parses and checks a file: its HIR, module name and rendered warnings, or the outcome
/// of a failed build.
fn frontend(
    path: &Path,
    render_opts: RenderOptions,
    opts: &BuildOptions,
) -> Result<(pyaot_hir::Module, String, String, String, Files), BuildOutcome> {
    let allow_python = opts.allow_python;
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            return Err(fail(
                exit::USAGE,
                plain_error(
                    Code::ReadError,
                    &format!("cannot read {}: {e}", path.display()),
                ),
            ))
        }
    };
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string();
    if !is_identifier(&stem) {
        let msg = format!(
            "`{stem}` is not a valid Python module name (the file name must be an identifier)"
        );
        return Err(fail(exit::USAGE, plain_error(Code::ReadError, &msg)));
    }
    let mut files = Files::default();
    let user = files.add(SourceFile {
        name: path.display().to_string(),
        text,
    });
    let mut stderr = String::new();
    let show = |stderr: &mut String, files: &Files, diags: &[Diagnostic]| {
        for d in diags {
            stderr.push_str(&render(files, d, render_opts));
        }
    };

    let (ast, syntax_errors) = pyaot_syntax::parse(&files.get(user).text, user);
    if !syntax_errors.is_empty() {
        show(&mut stderr, &files, &syntax_errors);
        return Err(fail(exit::USER_ERROR, stderr));
    }
    let libs = match parse_library(&mut files) {
        Ok(libs) => libs,
        Err(ice) => return Err(fail(exit::INTERNAL, ice)),
    };
    let lib_refs: Vec<pyaot_sema::LibraryModule> = libs
        .iter()
        .map(|(name, ast)| pyaot_sema::LibraryModule { name, ast })
        .collect();
    // The package's other modules; one that does not parse is left out (its own build says why).
    let mut siblings = Vec::new();
    for (file, dotted) in opts.package.iter().flat_map(|p| &p.siblings) {
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        let id = files.add(SourceFile {
            name: file.display().to_string(),
            text,
        });
        let (ast, errors) = pyaot_syntax::parse(&files.get(id).text, id);
        if errors.is_empty() {
            siblings.push((dotted.clone(), ast));
        }
    }
    let sibling_refs: Vec<pyaot_sema::SiblingModule> = siblings
        .iter()
        .map(|(name, ast)| pyaot_sema::SiblingModule { name, ast })
        .collect();
    let dotted = opts
        .package
        .as_ref()
        .map_or(stem.clone(), |p| p.module.clone());
    let check = |module: &pyaot_syntax::ast::Module| {
        catch_ice(
            || pyaot_sema::check_package_module(&stem, &dotted, module, &lib_refs, &sibling_refs),
            || "while checking the module".to_string(),
        )
    };
    let (mut hir, mut diags) = match check(&ast) {
        Ok(r) => r,
        Err(ice) => return Err(fail(exit::INTERNAL, ice)),
    };
    if allow_python && diags.iter().any(|d| d.is_error()) {
        // Functions that do not compile stay Python (and so do the functions calling them).
        let mut kept = ast.clone();
        let mut python = Vec::new();
        while let Some(failing) = crate::dropin::failing_functions(&kept, &diags) {
            python.extend(failing.iter().cloned());
            kept.body.retain(|s| !matches!(&s.kind, pyaot_syntax::ast::StmtKind::FunctionDef(f) if failing.iter().any(|(n, _)| *n == f.name)));
            (hir, diags) = match check(&kept) {
                Ok(r) => r,
                Err(ice) => return Err(fail(exit::INTERNAL, ice)),
            };
            if !diags.iter().any(|d| d.is_error()) {
                break;
            }
        }
        diags.extend(crate::dropin::kept_as_python(&ast, &python));
    }
    show(&mut stderr, &files, &diags);
    if diags.iter().any(|d| d.is_error()) {
        return Err(fail(exit::USER_ERROR, stderr));
    }
    let compiled: std::collections::HashSet<&str> = hir
        .funcs
        .iter()
        .filter(|f| f.exported)
        .map(|f| f.name.as_str())
        .collect();
    let python = crate::dropin::python_part(&files.get(user).text, &ast, &compiled);
    Ok((hir, stem, stderr, python, files))
}

/// Lowers HIR to MIR and runs the pass pipeline: the MIR as lowered and as optimised.
fn lower_and_optimise(
    hir: &pyaot_hir::Module,
    opts: &BuildOptions,
) -> Result<(pyaot_mir::Module, pyaot_mir::Module), (i32, String)> {
    let lower_opts = pyaot_lower::LowerOptions {
        boundscheck: opts.boundscheck,
    };
    let lowered = catch_ice(
        || pyaot_lower::lower_module(hir, &lower_opts),
        || format!("while lowering; the HIR was:\n{hir}"),
    )
    .map_err(|ice| (exit::INTERNAL, ice))?;
    let mut mir = lowered.clone();
    let opt_opts = pyaot_opt::OptOptions {
        level: opts.opt_level,
        verify_each: cfg!(debug_assertions),
        fastmath: opts.fastmath,
    };
    catch_ice(
        || pyaot_opt::optimize(&mut mir, &opt_opts),
        || format!("while optimising; the MIR was:\n{lowered}"),
    )
    .map_err(|ice| (exit::INTERNAL, ice))?
    .map_err(|e| (exit::INTERNAL, ice_message(&e, &lowered.to_string())))?;
    Ok((lowered, mir))
}

/// Parses the bundled library modules into `files`; a syntax error there is the compiler's fault.
fn parse_library(
    files: &mut Files,
) -> Result<Vec<(&'static str, pyaot_syntax::ast::Module)>, String> {
    let mut libs = Vec::new();
    for b in pyaot_stdlib::MODULES {
        let id = files.add(SourceFile {
            name: b.path.to_string(),
            text: b.source.to_string(),
        });
        let (ast, errors) = pyaot_syntax::parse(b.source, id);
        if let Some(e) = errors.first() {
            return Err(format!(
                "error[{}]: the bundled module `{}` does not parse; please report this\n{}",
                Code::InternalError.name(),
                b.name,
                render(files, e, RenderOptions::default())
            ));
        }
        libs.push((b.name, ast));
    }
    Ok(libs)
}

/// Everything after sema: no user errors are possible here, only I/O and internal ones.
fn backend(
    hir: &pyaot_hir::Module,
    stem: &str,
    python: &pyaot_pywrap::PythonPart,
    opts: &BuildOptions,
    clock: &mut Clock,
    show: &dyn Fn(&Diagnostic) -> String,
) -> Result<PathBuf, (i32, String)> {
    let io = |e: std::io::Error| {
        (
            exit::USAGE,
            plain_error(Code::ReadError, &format!("cannot write output: {e}")),
        )
    };
    std::fs::create_dir_all(&opts.out_dir).map_err(io)?;
    emit::write_if(&opts.emit, "hir", &opts.out_dir, stem, || hir.to_string()).map_err(io)?;

    let (lowered, mir) = lower_and_optimise(hir, opts)?;
    emit::write_if(&opts.emit, "mir", &opts.out_dir, stem, || {
        lowered.to_string()
    })
    .map_err(io)?;
    drop(lowered);
    emit::write_if(&opts.emit, "mir-opt", &opts.out_dir, stem, || {
        mir.to_string()
    })
    .map_err(io)?;
    clock.lap("lower and optimise MIR");
    let ptx = crate::gpu::kernels_ptx(hir, &mir, opts.cuda_arch)
        .map_err(|d| (exit::USER_ERROR, show(&d)))?;
    if let Some(ptx) = &ptx {
        emit::write_if(&opts.emit, "ptx", &opts.out_dir, stem, || ptx.clone()).map_err(io)?;
        clock.lap("generate PTX");
    }
    let kernels = crate::gpu::kernel_exports(hir, &mir);
    let (mir, _) = mir.split_kernels();

    // The wrapper needs only the signatures, symbols and messages: its C compile starts now and
    // runs while Cranelift generates the code.
    let functions = hir
        .funcs
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.kernel)
        .zip(&mir.funcs)
        .filter(|((_, f), _)| f.exported)
        .map(|((i, _), body)| exports::export(hir, i, &body.symbol))
        .collect();
    let wrapper = pyaot_pywrap::WrapperInput {
        module: stem.to_string(),
        doc: hir.doc.clone(),
        functions,
        messages: mir.messages.clone(),
        python: Some(python.clone()),
        kernels,
        ptx,
    };
    let c_source = pyaot_pywrap::generate(&wrapper);
    let runtime_source = pyaot_pywrap::runtime_source();
    emit::write_if(&opts.emit, "c", &opts.out_dir, stem, || c_source.clone()).map_err(io)?;
    clock.lap("generate the C wrapper");

    let link_err = |e: pyaot_link::LinkError| {
        (
            exit::USAGE,
            plain_error(
                Code::ReadError,
                &format!("building the extension failed: {e}"),
            ),
        )
    };
    let cache = opts.cache_dir.as_deref();
    let py = pyaot_link::python_config_cached(&opts.python, cache).map_err(link_err)?;
    let py = if opts.abi3 { py.stable_abi() } else { py };
    clock.lap("ask the interpreter for its configuration");
    let work = work_dir(&opts.out_dir, stem);
    std::fs::create_dir_all(&work).map_err(io)?;
    let sources = pyaot_link::CSources {
        module: &c_source,
        header: pyaot_pywrap::RUNTIME_HEADER,
        runtime: &runtime_source,
    };
    let pending = pyaot_link::start_link(&sources, &work, &py, cache);
    let pending = match pending {
        Ok(p) => p,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&work);
            return Err(link_err(e));
        }
    };
    clock.lap("start compiling the C wrapper");

    let generated = generate(&mir, opts, stem, &work, clock);
    let linked = generated.and_then(|obj_path| {
        let output = opts.out_dir.join(format!("{stem}{}", py.ext_suffix));
        pending
            .finish(&[obj_path], &output)
            .map(|r| (r, output))
            .map_err(link_err)
    });
    let _ = std::fs::remove_dir_all(&work);
    let (report, output) = linked?;
    let runtime = if report.runtime_cached {
        "the runtime (cached)"
    } else {
        "compile the runtime"
    };
    clock.record(runtime, report.runtime_secs);
    clock.record(
        "compile the C wrapper (runtime header precompiled, alongside code generation)",
        report.module_secs,
    );
    clock.record("link", report.link_secs);
    // Type checkers read the signatures from a stub beside the module.
    std::fs::write(
        opts.out_dir.join(format!("{stem}.pyi")),
        crate::stub::stub(hir),
    )
    .map_err(io)?;
    Ok(output)
}

/// Generates the module's object with Cranelift into `work`, writing the `clif` and `asm` emits.
fn generate(
    mir: &pyaot_mir::Module,
    opts: &BuildOptions,
    stem: &str,
    work: &Path,
    clock: &mut Clock,
) -> Result<PathBuf, (i32, String)> {
    let io = |e: std::io::Error| {
        (
            exit::USAGE,
            plain_error(Code::ReadError, &format!("cannot write output: {e}")),
        )
    };
    let cg_opts = pyaot_codegen_clif::CodegenOptions {
        opt_level: opts.opt_level,
        portable: !opts.native_cpu,
    };
    let object = catch_ice(
        || pyaot_codegen_clif::compile_module(mir, &cg_opts),
        || format!("during code generation; the MIR was:\n{mir}"),
    )
    .map_err(|ice| (exit::INTERNAL, ice))?
    .map_err(|e| {
        (
            exit::INTERNAL,
            ice_message(
                &format!("code generation failed in `{}`: {}", e.function, e.message),
                &mir.to_string(),
            ),
        )
    })?;
    clock.lap("generate code (Cranelift)");
    emit::write_if(&opts.emit, "clif", &opts.out_dir, stem, || {
        object.clif.clone()
    })
    .map_err(io)?;
    emit::write_if(&opts.emit, "asm", &opts.out_dir, stem, || {
        object
            .asm
            .clone()
            .unwrap_or_else(|| "; disassembly is not available\n".into())
    })
    .map_err(io)?;
    let obj_path = work.join(format!("{stem}.o"));
    std::fs::write(&obj_path, &object.bytes).map_err(io)?;
    Ok(obj_path)
}

/// A scratch directory for one build; its name is fixed so builds are reproducible.
fn work_dir(out_dir: &Path, stem: &str) -> PathBuf {
    out_dir.join(format!(".pyaot-{stem}.{}", std::process::id()))
}

/// Runs a stage, turning a panic into the internal-error report (exit 101).
fn catch_ice<T>(stage: impl FnOnce() -> T, context: impl FnOnce() -> String) -> Result<T, String> {
    let prev = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let result = panic::catch_unwind(AssertUnwindSafe(stage));
    panic::set_hook(prev);
    result.map_err(|payload| {
        let what = payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "unknown panic".into());
        ice_message(&what, &context())
    })
}

fn ice_message(what: &str, context: &str) -> String {
    format!(
        "{}  {context}\n\nThis is a bug in pyaot, not in your program. Please report it with the file that triggered it.\n",
        plain_error(Code::InternalError, &format!("internal compiler error: {what}"))
    )
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric())
}
