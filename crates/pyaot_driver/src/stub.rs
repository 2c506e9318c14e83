//! The `.pyi` stub written beside each built module: the exported signatures in standard
//! annotations, so mypy and pyright check the code that imports the compiled module.

use pyaot_hir::{Dtype, Module, Ty};

/// The stub of a checked module: one `def` per exported function, `@overload`s for the
/// variants of a function with union parameters.
pub(crate) fn stub(m: &Module) -> String {
    let exported: Vec<&pyaot_hir::Function> = m.funcs.iter().filter(|f| f.exported).collect();
    let mut body = String::new();
    let mut needs = Needs::default();
    let mut done: Vec<&str> = Vec::new();
    for f in &exported {
        if done.contains(&f.name.as_str()) {
            continue;
        }
        done.push(&f.name);
        let variants: Vec<&pyaot_hir::Function> = exported
            .iter()
            .filter(|g| g.name == f.name)
            .copied()
            .collect();
        // Variants of a union function returning one type merge into one signature with
        // union parameters; otherwise each is an overload.
        let merged = variants.iter().all(|g| g.ret == variants[0].ret);
        let signatures = if merged {
            vec![signature(&variants, &mut needs)]
        } else {
            variants
                .iter()
                .map(|g| signature(std::slice::from_ref(g), &mut needs))
                .collect()
        };
        let overload = signatures.len() > 1;
        for (params, ret) in signatures {
            if overload {
                body.push_str("@overload\n");
                needs.overload = true;
            }
            body.push_str(&format!("def {}({params}) -> {ret}:", f.name));
            match f.doc.as_deref().filter(|_| !overload) {
                Some(doc) => body.push_str(&format!("\n    {}\n\n", docstring(doc))),
                None => body.push_str(" ...\n\n"),
            }
        }
    }
    // GPU kernels are launcher objects: `kernel[blocks, threads](args)`.
    let kernels: Vec<&str> = m
        .funcs
        .iter()
        .filter(|f| f.kernel)
        .map(|f| f.name.as_str())
        .collect();
    if !kernels.is_empty() {
        body.push_str(KERNEL_CLASS);
        for k in &kernels {
            body.push_str(&format!(
                "{k}: _Kernel
"
            ));
        }
    }
    let mut out = format!(
        "# Signatures of the compiled module `{}`, written by pyaot.\n",
        m.name
    );
    let typing: Vec<&str> = [
        ("Any", !kernels.is_empty()),
        ("Callable", !kernels.is_empty()),
        ("SupportsFloat", needs.supports_float),
        ("SupportsIndex", needs.supports_index),
        ("overload", needs.overload),
    ]
    .iter()
    .filter(|(_, n)| *n)
    .map(|(name, _)| *name)
    .collect();
    if !typing.is_empty() {
        out.push_str(&format!("from typing import {}\n", typing.join(", ")));
    }
    if needs.numpy {
        out.push_str("import numpy\n");
    }
    out.push('\n');
    out.push_str(body.trim_end());
    out.push('\n');
    out
}

/// The type of a GPU kernel's launcher object (`runtime/pyaot_cuda.c`).
const KERNEL_CLASS: &str = "class _Kernel:
    \"\"\"A GPU kernel: kernel[blocks, threads](args...) launches it.\"\"\"

    py_func: Callable[..., None]
    def __getitem__(self, config: tuple[Any, Any]) -> _Kernel: ...
    def __call__(self, *args: Any) -> None: ...
    def launch(self, grid: Any, block: Any, *args: Any, shared_mem: int = 0, stream: Any = None) -> None: ...
    def ptx(self) -> str: ...

";

/// The parameter list and the result annotation of `variants` (one or more of one function):
/// each parameter's annotation is the union of its types, with a default where some variant
/// has one. A parameter after one with a default gets one too, as Python requires.
fn signature(variants: &[&pyaot_hir::Function], needs: &mut Needs) -> (String, String) {
    let first = variants[0];
    let mut params = Vec::new();
    let mut defaulted = false;
    for (i, p) in first.params.iter().enumerate() {
        let mut anns: Vec<String> = Vec::new();
        for g in variants {
            let a = param_ann(&g.params[i].ty, needs);
            if !anns.contains(&a) {
                anns.push(a);
            }
            // A default of another type belongs to another variant.
            let q = &g.params[i];
            defaulted |= q.default.as_ref().is_some_and(|d| d.ty() == q.ty);
        }
        let ann = anns.join(" | ");
        params.push(if defaulted {
            format!("{}: {ann} = ...", p.name)
        } else {
            format!("{}: {ann}", p.name)
        });
    }
    (params.join(", "), ret_ann(&first.ret, needs))
}

/// The imports a stub needs.
#[derive(Default)]
struct Needs {
    numpy: bool,
    supports_float: bool,
    supports_index: bool,
    overload: bool,
}

/// A parameter's annotation: what the wrapper accepts (an `int` parameter takes any object with
/// `__index__`, a `float` one any with `__float__`).
fn param_ann(ty: &Ty, needs: &mut Needs) -> String {
    match ty {
        Ty::Int => {
            needs.supports_index = true;
            "SupportsIndex".into()
        }
        Ty::Float => {
            needs.supports_float = true;
            "SupportsFloat".into()
        }
        Ty::Scalar(d) if d.is_int() => {
            needs.supports_index = true;
            "SupportsIndex".into()
        }
        Ty::Scalar(d) if d.is_float() => {
            needs.supports_float = true;
            "SupportsFloat".into()
        }
        Ty::Scalar(Dtype::B1) | Ty::Bool => {
            needs.numpy = true;
            "bool | numpy.bool_".into()
        }
        Ty::Scalar(_) | Ty::Complex => "complex".into(),
        t => ann(t, needs),
    }
}

/// A result's annotation: the exact type returned.
fn ret_ann(ty: &Ty, needs: &mut Needs) -> String {
    ann(ty, needs)
}

fn ann(ty: &Ty, needs: &mut Needs) -> String {
    match ty {
        Ty::Int => "int".into(),
        Ty::Float => "float".into(),
        Ty::Bool => "bool".into(),
        Ty::Complex => "complex".into(),
        Ty::None => "None".into(),
        Ty::Str => "str".into(),
        Ty::Scalar(d) => {
            needs.numpy = true;
            format!("numpy.{}", d.numpy_name())
        }
        Ty::Array(a) => {
            needs.numpy = true;
            let dims = vec!["int"; a.ndim as usize].join(", ");
            format!(
                "numpy.ndarray[tuple[{dims}], numpy.dtype[numpy.{}]]",
                a.dtype.numpy_name()
            )
        }
        Ty::Tuple(items) if items.is_empty() => "tuple[()]".into(),
        Ty::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(|t| ann(t, needs)).collect();
            format!("tuple[{}]", parts.join(", "))
        }
        Ty::List(t) => format!("list[{}]", ann(t, needs)),
        Ty::TupleOf(t) => format!("tuple[{}, ...]", ann(t, needs)),
        Ty::Dict(k, v) => format!("dict[{}, {}]", ann(k, needs), ann(v, needs)),
        Ty::Set(t) => format!("set[{}]", ann(t, needs)),
        // Not exported (no Python value); kept total for safety.
        Ty::DtypeOf(_) | Ty::ScalarType(_) | Ty::Func(_) => "object".into(),
    }
}

/// A docstring literal for `doc`.
fn docstring(doc: &str) -> String {
    let text = doc.replace('\\', "\\\\").replace("\"\"\"", "\\\"\\\"\\\"");
    format!("\"\"\"{text}\"\"\"")
}
