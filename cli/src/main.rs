//! The `pyaot` command line: argument parsing, colour choice and exit codes over `pyaot_driver`.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

mod config;
use pyaot_driver::{BuildOptions, MessageFormat, RenderOptions};

/// The version and the commit it was built from: `0.1.0 (3f2a9c1d0b7e)`.
const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("PYAOT_COMMIT"), ")");

/// Ahead-of-time compiler from annotated numerical Python to CPython extension modules.
#[derive(Parser)]
#[command(name = "pyaot", version = VERSION, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compile each FILE.py into an importable extension module `<stem><EXT_SUFFIX>`.
    Build(BuildArgs),
    /// Report every diagnostic of each FILE.py without writing anything.
    Check(CheckArgs),
    /// Show where the compiled runtime is cached, or clear the cache.
    Cache(CacheArgs),
}

#[derive(Args)]
struct CacheArgs {
    /// Remove every cached runtime object (the next build compiles the runtime again).
    #[arg(long)]
    clear: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Text with a source snippet.
    Human,
    /// One JSON object per line on stdout: each diagnostic, then one record per built module.
    Json,
    /// GitHub Actions workflow commands on stdout, which annotate the lines in a pull request.
    Github,
}

/// Options of both `build` and `check`.
#[derive(Args)]
struct OutputArgs {
    /// How diagnostics are written.
    #[arg(long, value_enum, default_value = "human")]
    message_format: Format,
    /// Print nothing but diagnostics (no summary line).
    #[arg(short = 'q', long)]
    quiet: bool,
    /// Keep annotated functions that do not compile as Python (with a warning naming each and
    /// why) instead of failing the build.
    #[arg(long)]
    allow_python: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum OnOff {
    On,
    Off,
}

#[derive(Clone, Copy, ValueEnum)]
enum TargetCpu {
    /// A baseline x86-64 that runs on any machine of the architecture.
    Portable,
    /// Every feature of this machine's CPU.
    Native,
}

#[derive(Args)]
struct BuildArgs {
    /// Python files to compile, or package directories: every module of the package tree, whose
    /// compiled functions call each other directly. Without any, the `modules` of `[tool.pyaot]`
    /// in ./pyproject.toml.
    files: Vec<PathBuf>,
    /// Output directory (default: the current one for files; for a package, beside each source,
    /// or under this directory mirroring the package's tree).
    #[arg(short = 'o', long = "out-dir")]
    out_dir: Option<PathBuf>,
    /// The target interpreter, asked for its headers and extension suffix.
    #[arg(long, default_value = "python3")]
    python: String,
    /// Intermediate forms to write next to the output, comma-separated:
    /// hir,mir,mir-opt,clif,asm,c,ptx.
    #[arg(long, value_delimiter = ',')]
    emit: Vec<String>,
    /// Bounds checks on array indexing.
    #[arg(long, value_enum, default_value = "on")]
    boundscheck: OnOff,
    /// Optimisation level.
    #[arg(short = 'O', default_value = "2", value_parser = clap::value_parser!(u8).range(0..=2))]
    opt_level: u8,
    /// Let float sums, products, min and max over a loop run in vector lanes: a sum may differ
    /// from CPython's in its last bits, a min or max of equal zeros may pick the other sign.
    #[arg(long)]
    fastmath: bool,
    /// Which CPU the code is tuned for.
    #[arg(long, value_enum, default_value = "portable")]
    target_cpu: TargetCpu,
    /// Print the time of each stage.
    #[arg(short = 'v', long)]
    verbose: bool,
    /// Build even when the source, options, compiler and interpreter are those of the module
    /// already in the output directory.
    #[arg(long)]
    force: bool,
    /// Build against the stable ABI (limited API) of CPython 3.11: one `NAME.abi3.so` that loads
    /// on every later CPython.
    #[arg(long)]
    abi3: bool,
    /// The NVIDIA GPU architecture GPU kernels are compiled for: sm_60 and later (the PTX runs
    /// on that GPU and every newer one).
    #[arg(long, default_value = "sm_70", value_parser = parse_cuda_arch)]
    cuda_arch: u32,
    #[command(flatten)]
    output: OutputArgs,
}

/// `sm_80` (or `80`) as 80: compute capability 6.0 to 12.x.
fn parse_cuda_arch(s: &str) -> Result<u32, String> {
    let n = s.strip_prefix("sm_").unwrap_or(s);
    match n.parse::<u32>() {
        Ok(v) if (60..=129).contains(&v) => Ok(v),
        _ => Err(format!(
            "`{s}` is not a CUDA architecture: write sm_60 or later (sm_70, sm_80, sm_90)"
        )),
    }
}

#[derive(Args)]
struct CheckArgs {
    /// Python files or package directories to check (default: `[tool.pyaot]` modules).
    files: Vec<PathBuf>,
    #[command(flatten)]
    output: OutputArgs,
}

/// `pyaot cache [--clear]`: prints the cache directory, or empties it.
fn cache(clear: bool) -> ExitCode {
    let Some(dir) = pyaot_driver::default_cache_dir() else {
        eprintln!("error: no cache directory: set PYAOT_CACHE_DIR, XDG_CACHE_HOME or HOME");
        return ExitCode::from(2);
    };
    if !clear {
        println!("{}", dir.display());
        return ExitCode::SUCCESS;
    }
    match pyaot_driver::clear_cache(&dir) {
        Ok(n) => {
            println!(
                "removed {n} cached runtime object(s) from {}",
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot clear {}: {e}", dir.display());
            ExitCode::from(2)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut explicit_out = false;
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let (files, opts, check, output) = match cli.command {
        Command::Build(a) => {
            if let Some(bad) = a
                .emit
                .iter()
                .find(|k| !pyaot_driver::EMIT_KINDS.contains(&k.as_str()))
            {
                eprintln!(
                    "error: unknown --emit kind `{bad}` (expected some of {})",
                    pyaot_driver::EMIT_KINDS.join(",")
                );
                return ExitCode::from(2);
            }
            let opts = BuildOptions {
                out_dir: a.out_dir.clone().unwrap_or_else(|| PathBuf::from(".")),
                python: a.python,
                emit: a.emit,
                boundscheck: matches!(a.boundscheck, OnOff::On),
                opt_level: a.opt_level,
                fastmath: a.fastmath,
                native_cpu: matches!(a.target_cpu, TargetCpu::Native),
                verbose: a.verbose,
                allow_python: a.output.allow_python,
                force: a.force,
                abi3: a.abi3,
                cuda_arch: a.cuda_arch,
                ..BuildOptions::default()
            };
            explicit_out = a.out_dir.is_some();
            (a.files, opts, false, a.output)
        }
        Command::Check(a) => {
            let opts = BuildOptions {
                allow_python: a.output.allow_python,
                ..BuildOptions::default()
            };
            (a.files, opts, true, a.output)
        }
        Command::Cache(a) => return cache(a.clear),
    };
    let (files, opts) = if files.is_empty() {
        match config::read(Path::new(".")) {
            Ok(Some(cfg)) if !cfg.modules.is_empty() => {
                let opts = BuildOptions {
                    fastmath: opts.fastmath || cfg.fastmath,
                    allow_python: opts.allow_python || cfg.allow_python,
                    abi3: opts.abi3 || cfg.abi3,
                    ..opts
                };
                (cfg.modules, opts)
            }
            Ok(_) => {
                eprintln!(
                    "error: no files given, and ./pyproject.toml lists no [tool.pyaot] modules"
                );
                return ExitCode::from(2);
            }
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        (files, opts)
    };
    let format = match output.message_format {
        Format::Human => MessageFormat::Human,
        Format::Json => MessageFormat::Json,
        Format::Github => MessageFormat::Github,
    };
    let render = RenderOptions {
        color: color && format == MessageFormat::Human,
        width: 100,
        format,
    };
    let mut worst = 0;
    for (file, opts) in expand(&files, &opts, explicit_out) {
        let outcome = if check {
            pyaot_driver::check_file(&file, &opts, render)
        } else {
            pyaot_driver::build_file_with(&file, &opts, render)
        };
        report(&file, &outcome, format, output.quiet, check);
        worst = worst.max(outcome.exit_code);
    }
    ExitCode::from(worst as u8)
}

/// Each file to build with its options: a package directory becomes its modules (see
/// `pyaot_driver::package_builds`).
fn expand(
    paths: &[PathBuf],
    opts: &BuildOptions,
    explicit_out: bool,
) -> Vec<(PathBuf, BuildOptions)> {
    let mut out = Vec::new();
    for path in paths {
        if !path.is_dir() {
            out.push((path.clone(), pyaot_driver::file_build(path, opts)));
            continue;
        }
        match pyaot_driver::package_builds(path, opts, explicit_out) {
            Ok(builds) => out.extend(builds),
            Err(e) => eprintln!("error: cannot read {}: {e}", path.display()),
        }
    }
    out
}

/// Writes a build's diagnostics and, unless quiet, its one-line summary: human text on stderr,
/// JSON lines and workflow commands on stdout (where tools and GitHub read them).
fn report(
    file: &std::path::Path,
    outcome: &pyaot_driver::BuildOutcome,
    format: MessageFormat,
    quiet: bool,
    check: bool,
) {
    let ok = outcome.exit_code == 0;
    let verb = if check { "checked" } else { "built" };
    let output = outcome
        .output
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let summary = if !ok {
        format!("error: {} failed ({})\n", file.display(), outcome.exit_code)
    } else if outcome.up_to_date {
        format!(
            "{} is up to date: {output} ({} exported function(s))\n",
            file.display(),
            outcome.functions
        )
    } else if check {
        format!(
            "{verb} {}: {} exported function(s), no errors, in {:.2} s\n",
            file.display(),
            outcome.functions,
            outcome.seconds
        )
    } else {
        format!(
            "{verb} {} -> {output}: {} exported function(s) in {:.2} s\n",
            file.display(),
            outcome.functions,
            outcome.seconds
        )
    };
    if format == MessageFormat::Human {
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(outcome.stderr.as_bytes());
        // A failure is told by its diagnostics.
        if !quiet && ok {
            let _ = err.write_all(summary.as_bytes());
        }
        return;
    }
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(outcome.stderr.as_bytes());
    if quiet {
        return;
    }
    let line = if format == MessageFormat::Json {
        let record = serde_json::json!({
            "type": if check { "check" } else { "build" },
            "source": file.display().to_string(),
            "success": ok,
            "exit_code": outcome.exit_code,
            "output": outcome.output.as_ref().map(|p| p.display().to_string()),
            "functions": outcome.functions,
            "seconds": outcome.seconds,
            "up_to_date": outcome.up_to_date,
        });
        format!("{record}\n")
    } else {
        summary
    };
    let _ = out.write_all(line.as_bytes());
}
