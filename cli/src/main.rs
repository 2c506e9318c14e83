//! The `pyaot` command line: argument parsing, colour choice and exit codes over `pyaot_driver`.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use pyaot_driver::{BuildOptions, RenderOptions};

/// Ahead-of-time compiler from annotated numerical Python to CPython extension modules.
#[derive(Parser)]
#[command(name = "pyaot", version, about, long_about = None)]
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
    /// Python files to compile.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Output directory.
    #[arg(short = 'o', long = "out-dir", default_value = ".")]
    out_dir: PathBuf,
    /// The target interpreter, asked for its headers and extension suffix.
    #[arg(long, default_value = "python3")]
    python: String,
    /// Intermediate forms to write next to the output, comma-separated: hir,mir,clif,asm,c.
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
}

#[derive(Args)]
struct CheckArgs {
    /// Python files to check.
    #[arg(required = true)]
    files: Vec<PathBuf>,
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
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let render = RenderOptions { color, width: 100 };
    let (files, opts, check) = match cli.command {
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
                out_dir: a.out_dir,
                python: a.python,
                emit: a.emit,
                boundscheck: matches!(a.boundscheck, OnOff::On),
                opt_level: a.opt_level,
                fastmath: a.fastmath,
                native_cpu: matches!(a.target_cpu, TargetCpu::Native),
                verbose: a.verbose,
                ..BuildOptions::default()
            };
            (a.files, opts, false)
        }
        Command::Check(a) => (a.files, BuildOptions::default(), true),
        Command::Cache(a) => return cache(a.clear),
    };
    let mut worst = 0;
    for file in &files {
        let outcome = if check {
            pyaot_driver::check_file(file, &opts, render)
        } else {
            pyaot_driver::build_file_with(file, &opts, render)
        };
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(outcome.stderr.as_bytes());
        worst = worst.max(outcome.exit_code);
    }
    ExitCode::from(worst as u8)
}
