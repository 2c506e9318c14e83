//! Frontend fuzzing: mutated and generated sources go through parse, check and diagnostic rendering,
//! and every one must end in exit 0, 1 or 2 with rendered diagnostics: never a panic, an abort or a hang.
//!
//! The seeds are the test programs and reject cases; mutations delete, duplicate, insert Python
//! tokens, swap lines and truncate. `PYAOT_FRONTEND_FUZZ_CASES=N` runs N cases per property
//! (default 1500) for a longer session. Deeply nested and very long inputs have their own tests.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use pyaot_driver::{check_file, BuildOptions, RenderOptions, MAX_NESTING};
use pyaot_testsuite::{python_files, testsuite_dir};

/// Python tokens that mutations insert and token soups are made of.
const TOKENS: &[&str] = &[
    "def ",
    "return ",
    "if ",
    "elif ",
    "else",
    "while ",
    "for ",
    " in ",
    "range(",
    "break",
    "continue",
    "pass",
    "assert ",
    "raise ",
    "ValueError(",
    "import ",
    "from ",
    "numpy",
    " as ",
    "np",
    "math",
    "lambda ",
    "not ",
    " and ",
    " or ",
    "True",
    "False",
    "None",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ".",
    ";",
    "=",
    "==",
    "+=",
    "-",
    "+",
    "*",
    "**",
    "/",
    "//",
    "%",
    "@",
    "<",
    "<=",
    "!=",
    "~",
    "&",
    "|",
    "^",
    "<<",
    ">>",
    "->",
    "0",
    "1",
    "-1",
    "2.5",
    "1e308",
    "9223372036854775808",
    "0x7f",
    "'s'",
    "\"\"\"doc\"\"\"",
    "f'{x}'",
    "x",
    "y",
    "a",
    "i",
    "n",
    "len(",
    "abs(",
    "min(",
    "float(",
    "int(",
    "np.zeros(",
    "np.full(",
    "a[i]",
    "a[i, j]",
    "a.shape",
    "f64[:]",
    "i8",
    "u64",
    "int",
    "float",
    "bool",
    "tuple[int, float]",
    "f64[:, ::1]",
    "\n",
    "\n    ",
    "\n        ",
    "    ",
    "#",
    "\\",
    "...",
    "*",
    "**kw",
    "yield ",
    "await ",
    "async ",
    "class ",
    "with ",
    "try:",
    "except",
    "global ",
    ":=",
];

fn cases() -> u32 {
    std::env::var("PYAOT_FRONTEND_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1500)
}

fn seeds() -> Vec<String> {
    let dir = testsuite_dir();
    let mut files = python_files(&dir.join("programs"));
    files.extend(python_files(&dir.join("reject")));
    files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .filter(|s| s.len() < 20_000)
        .collect()
}

/// One edit of a source text; positions are fractions of the text's length.
#[derive(Clone, Debug)]
enum Mutation {
    Delete(u16, u16),
    Insert(u16, usize),
    Duplicate(u16, u16, u16),
    SwapLines(u16, u16),
    Truncate(u16),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<u16>();
    prop_oneof![
        (at, 0u16..200).prop_map(|(a, n)| Mutation::Delete(a, n)),
        (at, 0..TOKENS.len()).prop_map(|(a, t)| Mutation::Insert(a, t)),
        (at, 0u16..300, any::<u16>()).prop_map(|(a, n, to)| Mutation::Duplicate(a, n, to)),
        (any::<u16>(), any::<u16>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        at.prop_map(Mutation::Truncate),
    ]
}

/// The byte offset at fraction `f` of `s`, moved back to a character boundary.
fn offset(s: &str, f: u16) -> usize {
    let mut i = s.len() * f as usize / (u16::MAX as usize + 1);
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(src: &str, muts: &[Mutation]) -> String {
    let mut s = src.to_string();
    for m in muts {
        match *m {
            Mutation::Delete(a, n) => {
                let i = offset(&s, a);
                let mut j = (i + n as usize).min(s.len());
                while !s.is_char_boundary(j) {
                    j -= 1;
                }
                s.replace_range(i..j, "");
            }
            Mutation::Insert(a, t) => {
                let i = offset(&s, a);
                s.insert_str(i, TOKENS[t]);
            }
            Mutation::Duplicate(a, n, to) => {
                let i = offset(&s, a);
                let mut j = (i + n as usize).min(s.len());
                while !s.is_char_boundary(j) {
                    j -= 1;
                }
                let piece = s[i..j].to_string();
                let k = offset(&s, to);
                s.insert_str(k, &piece);
            }
            Mutation::SwapLines(a, b) => {
                let mut lines: Vec<&str> = s.lines().collect();
                if !lines.is_empty() {
                    let n = lines.len();
                    lines.swap(a as usize % n, b as usize % n);
                }
                s = lines.join("\n");
            }
            Mutation::Truncate(a) => {
                let i = offset(&s, a);
                s.truncate(i);
            }
        }
    }
    s
}

/// Checks `source` (written as `case.py`) and holds the outcome to the frontend's promises.
fn check_source(source: &str, render: RenderOptions) -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| format!("tempdir: {e}"))?;
    let path = dir.path().join("case.py");
    std::fs::write(&path, source).map_err(|e| format!("write: {e}"))?;
    check_path(&path, render)
}

fn check_path(path: &Path, render: RenderOptions) -> Result<(), String> {
    let (tx, rx) = mpsc::channel();
    let owned = path.to_path_buf();
    std::thread::spawn(move || {
        let _ = tx.send(check_file(&owned, &BuildOptions::default(), render));
    });
    let outcome = rx
        .recv_timeout(Duration::from_secs(60))
        .map_err(|_| "no answer within 60 s: the frontend hangs or died".to_string())?;
    match outcome.exit_code {
        0 => Ok(()),
        1 | 2 if outcome.stderr.contains("error[") && !outcome.stderr.contains("internal") => {
            Ok(())
        }
        code => Err(format!("exit {code} with:\n{}", outcome.stderr)),
    }
}

fn render_options() -> impl Strategy<Value = RenderOptions> {
    (any::<bool>(), prop_oneof![Just(80usize), 1usize..200]).prop_map(|(color, width)| {
        RenderOptions {
            color,
            width,
            format: pyaot_driver::MessageFormat::Human,
        }
    })
}

fn runner() -> TestRunner {
    TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    })
}

fn run<S: Strategy>(strategy: S, test: impl Fn(S::Value) -> Result<(), String>) {
    let result = runner().run(&strategy, |v| test(v).map_err(TestCaseError::fail));
    if let Err(e) = result {
        panic!("{e}");
    }
}

#[test]
fn mutated_programs_get_a_verdict() {
    let seeds = seeds();
    assert!(seeds.len() > 50, "too few seed programs: {}", seeds.len());
    let strategy = (
        0..seeds.len(),
        proptest::collection::vec(mutation(), 1..6),
        render_options(),
    );
    run(strategy, |(seed, muts, render)| {
        let source = apply(&seeds[seed], &muts);
        check_source(&source, render).map_err(|e| format!("{e}\nsource:\n{source}"))
    });
}

#[test]
fn token_soups_get_a_verdict() {
    let strategy = (
        proptest::collection::vec(0..TOKENS.len(), 0..120),
        render_options(),
    );
    run(strategy, |(tokens, render)| {
        let mut source = String::from("def f(x: int, a: f64[:]) -> int:\n    ");
        source.extend(tokens.iter().map(|&t| TOKENS[t]));
        source.push('\n');
        check_source(&source, render).map_err(|e| format!("{e}\nsource:\n{source}"))
    });
}

/// A function whose body returns `expr`.
fn returning(expr: &str) -> String {
    format!("def f(x: int) -> int:\n    return {expr}\n")
}

#[test]
fn deeply_nested_and_very_long_inputs_get_a_verdict() {
    let deep = 20_000;
    let nested = |open: &str, close: &str| format!("{}x{}", open.repeat(deep), close.repeat(deep));
    let mut blocks = String::from("def f(x: int) -> int:\n");
    for level in 1..300 {
        blocks.push_str(&format!("{}if x:\n", "    ".repeat(level)));
    }
    blocks.push_str(&format!("{}return x\n    return 0\n", "    ".repeat(300)));
    let cases: Vec<(&str, String)> = vec![
        ("unary minus", returning(&format!("{}x", "-".repeat(deep)))),
        ("not", returning(&format!("{}x", "not ".repeat(deep)))),
        ("invert", returning(&format!("{}x", "~".repeat(deep)))),
        ("sum", returning(&vec!["x"; deep].join(" + "))),
        ("power", returning(&vec!["x"; deep].join(" ** "))),
        ("and chain", returning(&vec!["x"; deep].join(" and "))),
        ("comparison chain", returning(&vec!["x"; deep].join(" < "))),
        ("parentheses", returning(&nested("(", ")"))),
        ("brackets", returning(&nested("[", "]"))),
        ("tuples", returning(&nested("(", ",)"))),
        ("calls", returning(&nested("abs(", ")"))),
        ("subscripts", returning(&format!("x{}", "[0]".repeat(deep)))),
        (
            "attributes",
            returning(&format!("x{}", ".real".repeat(deep))),
        ),
        (
            "if expressions",
            returning(&format!("{}x", "x if x else ".repeat(deep))),
        ),
        (
            "lambdas",
            returning(&format!("{}x", "lambda: ".repeat(deep))),
        ),
        ("nested blocks", blocks),
        (
            "long line",
            format!(
                "def f(x: int) -> int:\n    return 1{} x\n",
                " ".repeat(200_000)
            ),
        ),
        ("long name", returning(&"y".repeat(300_000))),
        (
            "long string",
            returning(&format!("'{}'", "s".repeat(1_000_000))),
        ),
        ("many lines", "x = 1\n".repeat(100_000)),
        (
            "many functions",
            (0..3000)
                .map(|i| format!("def f{i}(x: int) -> int:\n    return x + {i}\n"))
                .collect(),
        ),
        (
            "just below the limit",
            returning(&format!("{}x", "-".repeat(MAX_NESTING - 3))),
        ),
    ];
    let mut failures = Vec::new();
    for (name, source) in cases {
        if let Err(e) = check_source(&source, RenderOptions::default()) {
            failures.push(format!(
                "{name}: {}",
                e.chars().take(2000).collect::<String>()
            ));
        }
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("latin1.py");
    std::fs::write(&bad, b"def f(x: int) -> int:\n    return x  # caf\xe9\n").expect("write");
    if let Err(e) = check_path(&bad, RenderOptions::default()) {
        failures.push(format!("non-UTF-8 file: {e}"));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
