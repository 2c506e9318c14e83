//! The method table with text signatures, the module definition and `PyInit_<module>`.

use crate::cstr;
use crate::wrapper::wrapper_name;
use crate::{ExportFn, WrapperInput};

/// The docstring CPython parses for `inspect.signature()`: `name($module, x, y=1.0)\n--\n\n` and the doc.
pub fn signature_doc(f: &ExportFn) -> String {
    let mut sig = format!("{}($module", f.name);
    for p in &f.params {
        sig.push_str(", ");
        sig.push_str(&p.name);
        if let Some(d) = &p.default {
            sig.push_str(&format!("={d}"));
        }
    }
    sig.push_str(")\n--\n\n");
    if let Some(doc) = &f.doc {
        sig.push_str(doc);
    }
    sig
}

/// Appends the method table, the module definition and the init function.
/// `funcs` holds each Python name once: its first function, and whether a dispatcher chooses
/// among several.
pub fn emit(input: &WrapperInput, funcs: &[(usize, &ExportFn, bool)], out: &mut String) {
    out.push_str("static PyMethodDef pyaot_methods[] = {\n");
    for (i, f, dispatched) in funcs {
        let target = if *dispatched {
            crate::dispatch::dispatcher_name(*i)
        } else {
            wrapper_name(*i)
        };
        out.push_str(&format!(
            "    {{{}, (PyCFunction)(void (*)(void)){}, METH_FASTCALL | METH_KEYWORDS,\n     {}}},\n",
            cstr::literal(&f.name),
            target,
            cstr::literal(&signature_doc(f))
        ));
    }
    out.push_str("    {NULL, NULL, 0, NULL},\n};\n\n");
    let doc = match &input.doc {
        Some(d) => cstr::literal(d),
        None => "NULL".into(),
    };
    out.push_str(&format!(
        "static struct PyModuleDef pyaot_module = {{\n    PyModuleDef_HEAD_INIT, {}, {doc}, -1, pyaot_methods, NULL, NULL, NULL, NULL,\n}};\n\n",
        cstr::literal(&input.module)
    ));
    out.push_str(&format!(
        "PyMODINIT_FUNC PyInit_{}(void)\n{{\n    if (pyaot_runtime_init() < 0) {{\n        return NULL;\n    }}\n    return PyModule_Create(&pyaot_module);\n}}\n",
        input.module
    ));
}
