//! The NumPy surface compiled code supports, listed from the code itself for docs/numpy.md.
//!
//! Functions of the bundled library are read from its parsed source (every public `def` with its
//! parameters); the ones sema implements itself come from the same tables sema dispatches on, so
//! the table cannot drift from what compiles.

use pyaot_hir::{Dtype, NpFn};
use pyaot_syntax::ast;

use crate::array::{ARRAY_METHODS, CONSTRUCTORS};
use crate::expr::fold_const;

/// Where a supported name is implemented.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A function of `stdlib/lib/numpy.py`, specialised per call.
    Library,
    /// Implemented by the compiler (constructors, views, element-wise functions, scalar types).
    Compiler,
}

/// One supported NumPy function, method or attribute.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SurfaceEntry {
    /// `np.sum`, `a.sum`, `a.shape`.
    pub name: String,
    /// The supported parameters, as Python spells them (`a, axis=None, dtype=None`).
    pub params: String,
    pub origin: Origin,
}

/// The parameters the compiler-implemented functions take.
const COMPILER_FUNCTIONS: &[(&str, &str)] = &[
    ("empty", "shape, dtype=float64"),
    ("zeros", "shape, dtype=float64"),
    ("ones", "shape, dtype=float64"),
    ("full", "shape, fill_value, dtype=None"),
    ("empty_like", "a, dtype=None"),
    ("zeros_like", "a, dtype=None"),
    ("ones_like", "a, dtype=None"),
    ("full_like", "a, fill_value, dtype=None"),
    (
        "arange",
        "[start,] stop[, step], dtype=None (int64 or float64)",
    ),
    ("reshape", "a, shape"),
    ("ravel", "a"),
    ("transpose", "a, axes=None"),
    ("dtype", "x"),
    ("result_type", "*arrays_and_dtypes"),
    ("ndim", "a"),
];

/// Every supported name, sorted within functions, methods and attributes, given the parsed
/// bundled modules `numpy` and `numpy.linalg`.
pub fn numpy_surface(numpy: &ast::Module, linalg: &ast::Module) -> Vec<SurfaceEntry> {
    let mut functions: Vec<SurfaceEntry> = Vec::new();
    let library = library_defs(numpy);
    for (name, params) in &library {
        functions.push(SurfaceEntry {
            name: format!("np.{name}"),
            params: params.clone(),
            origin: Origin::Library,
        });
    }
    for (name, params) in library_defs(linalg) {
        functions.push(SurfaceEntry {
            name: format!("np.linalg.{name}"),
            params,
            origin: Origin::Library,
        });
    }
    let compiler = |name: &str, params: &str| SurfaceEntry {
        name: format!("np.{name}"),
        params: params.to_string(),
        origin: Origin::Compiler,
    };
    debug_assert!(CONSTRUCTORS
        .iter()
        .all(|c| COMPILER_FUNCTIONS.iter().any(|(n, _)| n == c)));
    for (name, params) in COMPILER_FUNCTIONS {
        functions.push(compiler(name, params));
    }
    for (f, name) in NpFn::ALL {
        let params = if f.arity() == 2 { "x1, x2" } else { "x" };
        functions.push(compiler(name, params));
    }
    for (name, params) in [
        ("abs", "x"),
        ("absolute", "x"),
        ("square", "x"),
        ("negative", "x"),
        ("positive", "x"),
        ("power", "x1, x2"),
        ("isnan", "x"),
        ("isinf", "x"),
        ("isfinite", "x"),
        ("clip", "a, a_min, a_max"),
        ("where", "condition, x, y"),
        ("invert", "x"),
        ("bitwise_not", "x"),
        ("logical_not", "x"),
        ("real", "val"),
        ("imag", "val"),
        ("conj", "x"),
        ("conjugate", "x"),
        ("angle", "z"),
    ] {
        debug_assert!(crate::ufunc::is_ufunc(name));
        functions.push(compiler(name, params));
    }
    for name in crate::ufunc::operator_names() {
        functions.push(compiler(name, "x1, x2"));
    }
    for d in Dtype::ALL {
        functions.push(compiler(
            d.numpy_name(),
            "x (a conversion; also a dtype= value)",
        ));
    }
    functions.sort_by(|a, b| a.name.cmp(&b.name));
    functions.dedup_by(|a, b| a.name == b.name);

    let mut methods: Vec<SurfaceEntry> = ARRAY_METHODS
        .iter()
        .filter_map(|m| {
            let (_, params) = library.iter().find(|(n, _)| n == m)?;
            let rest = params.split_once(", ").map_or("", |(_, r)| r);
            Some(SurfaceEntry {
                name: format!("a.{m}"),
                params: rest.to_string(),
                origin: Origin::Library,
            })
        })
        .collect();
    for (m, params) in [
        ("copy", ""),
        ("reshape", "*shape"),
        ("ravel", ""),
        ("flatten", ""),
        ("transpose", "*axes"),
        ("astype", "dtype"),
        ("conj", ""),
        ("conjugate", ""),
    ] {
        methods.push(SurfaceEntry {
            name: format!("a.{m}"),
            params: params.to_string(),
            origin: Origin::Compiler,
        });
    }
    methods.sort_by(|a, b| a.name.cmp(&b.name));

    let mut attributes: Vec<SurfaceEntry> = [
        "shape", "ndim", "size", "dtype", "strides", "T", "real", "imag",
    ]
    .iter()
    .map(|a| SurfaceEntry {
        name: format!("a.{a}"),
        params: String::new(),
        origin: Origin::Compiler,
    })
    .collect();
    for c in ["pi", "e", "inf", "nan", "newaxis"] {
        attributes.push(SurfaceEntry {
            name: format!("np.{c}"),
            params: String::new(),
            origin: Origin::Compiler,
        });
    }
    functions
        .into_iter()
        .chain(methods)
        .chain(attributes)
        .collect()
}

/// The public functions of the bundled library with their parameters.
fn library_defs(numpy: &ast::Module) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for s in &numpy.body {
        let ast::StmtKind::FunctionDef(f) = &s.kind else {
            continue;
        };
        if f.name.starts_with('_') {
            continue;
        }
        let params: Vec<String> = f
            .params
            .iter()
            .map(
                |p| match p.default.as_ref().and_then(|d| fold_const(d, &|_| None)) {
                    Some(c) => format!("{}={c}", p.name),
                    None => p.name.clone(),
                },
            )
            .collect();
        out.push((f.name.clone(), params.join(", ")));
    }
    out
}

/// The generated table of docs/numpy.md, as markdown.
pub fn surface_table(entries: &[SurfaceEntry]) -> String {
    let mut out =
        String::from("| name | supported arguments | implemented in |\n| --- | --- | --- |\n");
    for e in entries {
        let params = if e.params.is_empty() {
            String::new()
        } else {
            format!("`{}`", e.params)
        };
        let origin = match e.origin {
            Origin::Library if e.name.starts_with("np.linalg.") => "stdlib/lib/numpy_linalg.py",
            Origin::Library => "stdlib/lib/numpy.py",
            Origin::Compiler => "compiler",
        };
        out.push_str(&format!("| `{}` | {params} | {origin} |\n", e.name));
    }
    out
}

#[cfg(test)]
mod tests {
    const BEGIN: &str =
        "<!-- generated by `cargo test -p pyaot_sema` (PYAOT_BLESS=1 rewrites it) -->\n";
    const END: &str = "<!-- end of generated table -->";

    /// docs/numpy.md lists exactly what compiles; `PYAOT_BLESS=1` regenerates the table.
    #[test]
    fn numpy_doc_table_is_current() {
        let parse = |name: &str| {
            let lib = pyaot_stdlib::MODULES
                .iter()
                .find(|m| m.name == name)
                .expect("bundled module");
            let (ast, errors) = pyaot_syntax::parse(lib.source, pyaot_diagnostics::FileId(1));
            assert!(errors.is_empty(), "{errors:?}");
            ast
        };
        let (numpy, linalg) = (parse("numpy"), parse("numpy.linalg"));
        let table = super::surface_table(&super::numpy_surface(&numpy, &linalg));
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/numpy.md");
        let doc = std::fs::read_to_string(path).expect("docs/numpy.md");
        let start = doc.find(BEGIN).map(|i| i + BEGIN.len());
        let end = doc.find(END);
        let (Some(start), Some(end)) = (start, end) else {
            panic!("docs/numpy.md lacks the generated-table markers");
        };
        if doc[start..end] != table {
            if std::env::var_os("PYAOT_BLESS").is_some() {
                let new = format!("{}{table}{}", &doc[..start], &doc[end..]);
                std::fs::write(path, new).expect("write docs/numpy.md");
            } else {
                panic!("docs/numpy.md is out of date: run PYAOT_BLESS=1 cargo test -p pyaot_sema");
            }
        }
    }
}
