//! The method table with text signatures, the module definition and `PyInit_<module>`.

use crate::cstr;
use crate::wrapper::wrapper_name;
use crate::{ExportFn, WrapperInput};

/// The `pyaot` annotation package, which a built module installs for its Python code when
/// it is not installed.
const ANNOTATIONS_PY: &str = include_str!("../../../stdlib/pyaot/__init__.py");
/// `pyaot.cuda` (the kernel language under CPython, and `simulate`), installed with the shim.
const CUDA_PY: &str = include_str!("../../../stdlib/pyaot/cuda.py");

/// The shim: the annotation package, with `pyaot.cuda` made from its source as a submodule.
fn shim() -> String {
    let escaped: String = CUDA_PY
        .chars()
        .map(|c| match c {
            '\\' => "\\\\".to_string(),
            '\'' => "\\'".to_string(),
            '\n' => "\\n".to_string(),
            c => c.to_string(),
        })
        .collect();
    format!(
        "{ANNOTATIONS_PY}\n\ndef _pyaot_cuda():\n    import sys, types\n    m = types.ModuleType('pyaot.cuda')\n    exec(compile('{escaped}', '<pyaot.cuda>', 'exec'), m.__dict__)\n    sys.modules['pyaot.cuda'] = m\n    return m\n\n\ncuda = _pyaot_cuda()\ndel _pyaot_cuda\n"
    )
}

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
    // Multi-phase initialisation: the exec slot runs once the import system has set
    // `__file__`, `__package__` and `__spec__`, which the module's Python code may use.
    crate::kernels::emit_ptx(input, out);
    out.push_str("static int pyaot_module_exec(PyObject *m)\n{\n    if (pyaot_runtime_init() < 0) {\n        return -1;\n    }\n");
    if let Some(py) = &input.python {
        out.push_str(&format!(
            "    static const char source[] = {};\n    static const char filename[] = {};\n    static const char shim[] = {};\n    if (pyaot_exec_source(m, source, filename, shim) < 0) {{\n        return -1;\n    }}\n",
            cstr::literal(&py.source),
            cstr::literal(&py.filename),
            cstr::literal(&shim())
        ));
    }
    // Kernels replace the Python functions the source defined, which they keep as `py_func`.
    crate::kernels::emit_adds(input, out);
    out.push_str("    (void)m;\n    return 0;\n}\n\n");
    // Free-threaded CPython (3.13t and later) asks whether a module runs without the GIL: the
    // runtime's caches assume one thread at a time, so it says it needs the GIL.
    out.push_str("static PyModuleDef_Slot pyaot_slots[] = {\n    {Py_mod_exec, (void *)pyaot_module_exec},\n#ifdef Py_mod_gil\n    {Py_mod_gil, Py_MOD_GIL_USED},\n#endif\n    {0, NULL},\n};\n\n");
    out.push_str(&format!(
        "static struct PyModuleDef pyaot_module = {{\n    PyModuleDef_HEAD_INIT, {}, {doc}, 0, pyaot_methods, pyaot_slots, NULL, NULL, NULL,\n}};\n\n",
        cstr::literal(&input.module)
    ));
    out.push_str(&format!(
        "PyMODINIT_FUNC PyInit_{}(void)\n{{\n    return PyModuleDef_Init(&pyaot_module);\n}}\n",
        input.module
    ));
}
