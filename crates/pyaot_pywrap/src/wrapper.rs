//! One C wrapper per exported function: argument parsing and conversion, the native call, result boxing.

use crate::cstr;
use crate::ExportFn;
use pyaot_types::{Const, Ty};

/// Whether the wrapper can pass every parameter (only `int`, `float` and `bool` for now).
pub fn supported(f: &ExportFn) -> bool {
    f.params.iter().all(|p| p.ty.is_scalar())
}

/// The C type of a scalar in the compiled-code ABI.
fn c_type(ty: &Ty) -> &'static str {
    match ty {
        Ty::Int => "int64_t",
        Ty::Float => "double",
        Ty::Bool => "int8_t",
        _ => unreachable!("only scalars cross the ABI"),
    }
}

/// The C name of the wrapper of function `index`.
pub fn wrapper_name(index: usize) -> String {
    format!("pyaot_w_{index}")
}

/// Declares each compiled symbol once, in order of first use.
pub fn emit_prototypes(funcs: &[(usize, &ExportFn)], out: &mut String) {
    out.push_str("/* The compiled functions. */\n");
    let mut seen = std::collections::BTreeSet::new();
    for (_, f) in funcs {
        if !seen.insert(f.symbol.as_str()) {
            continue;
        }
        let mut params: Vec<String> = f.params.iter().map(|p| c_type(&p.ty).to_string()).collect();
        params.extend(f.ret.flatten().iter().map(|t| format!("{} *", c_type(t))));
        let params = if params.is_empty() {
            "void".to_string()
        } else {
            params.join(", ")
        };
        out.push_str(&format!("extern int32_t {}({params});\n", f.symbol));
    }
    out.push('\n');
}

/// A default value as a C constant of the parameter's type.
fn c_const(ty: &Ty, c: &Const) -> String {
    let (i, f) = match *c {
        Const::Int(v) => (v, v as f64),
        Const::Float(v) => (v as i64, v),
        Const::Bool(b) => (b as i64, b as i64 as f64),
        Const::None => (0, 0.0),
    };
    match ty {
        Ty::Float if f.is_nan() => "NAN".into(),
        Ty::Float if f.is_infinite() => if f > 0.0 { "INFINITY" } else { "-INFINITY" }.into(),
        // `{:e}` prints the shortest digits that round-trip, a valid C double literal.
        Ty::Float => format!("{f:e}"),
        Ty::Int if i == i64::MIN => "INT64_MIN".into(),
        Ty::Int => format!("INT64_C({i})"),
        _ => format!("{}", (i != 0) as i32),
    }
}

/// Appends the wrapper of function `index`.
pub fn emit(index: usize, f: &ExportFn, out: &mut String) {
    let w = wrapper_name(index);
    let n = f.params.len();
    let fname = cstr::literal(&f.name);
    out.push_str(&format!("/* {} */\n", cstr::comment_safe(&f.name)));
    if n > 0 {
        let names: Vec<String> = f.params.iter().map(|p| cstr::literal(&p.name)).collect();
        out.push_str(&format!(
            "static const char *const {w}_names[{n}] = {{{}}};\n",
            names.join(", ")
        ));
    }
    out.push_str(&format!(
        "static PyObject *{w}(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)\n{{\n"
    ));
    out.push_str("    (void)self;\n");
    let nrequired = f.params.iter().take_while(|p| p.default.is_none()).count();
    if n > 0 {
        out.push_str(&format!("    PyObject *argv[{n}] = {{NULL}};\n"));
        // Fast path: every argument given positionally.
        out.push_str(&format!("    if (kwnames == NULL && nargs == {n}) {{\n"));
        for i in 0..n {
            out.push_str(&format!("        argv[{i}] = args[{i}];\n"));
        }
        out.push_str(&format!(
            "    }} else if (pyaot_parse_args({fname}, {w}_names, {n}, {nrequired}, args, nargs, kwnames, argv) < 0) {{\n        return NULL;\n    }}\n"
        ));
    } else {
        out.push_str(&format!(
            "    if ((nargs != 0 || kwnames != NULL) && pyaot_parse_args({fname}, NULL, 0, 0, args, nargs, kwnames, NULL) < 0) {{\n        return NULL;\n    }}\n"
        ));
    }
    for (i, p) in f.params.iter().enumerate() {
        let conv = match p.ty {
            Ty::Int => "pyaot_arg_int",
            Ty::Float => "pyaot_arg_float",
            _ => "pyaot_arg_bool",
        };
        out.push_str(&format!("    {} a{i};\n", c_type(&p.ty)));
        let call = format!(
            "{conv}({fname}, {}, argv[{i}], &a{i}) < 0",
            cstr::literal(&p.name)
        );
        match &p.default {
            Some(c) => out.push_str(&format!(
                "    if (argv[{i}] == NULL) {{\n        a{i} = {};\n    }} else if ({call}) {{\n        return NULL;\n    }}\n",
                c_const(&p.ty, c)
            )),
            None => out.push_str(&format!("    if ({call}) {{\n        return NULL;\n    }}\n")),
        }
    }
    let rets = f.ret.flatten();
    let mut call_args: Vec<String> = (0..n).map(|i| format!("a{i}")).collect();
    for (i, t) in rets.iter().enumerate() {
        out.push_str(&format!("    {} r{i};\n", c_type(t)));
        call_args.push(format!("&r{i}"));
    }
    let call = format!("{}({})", f.symbol, call_args.join(", "));
    out.push_str("    int32_t rc;\n");
    if f.release_gil {
        out.push_str(&format!(
            "    Py_BEGIN_ALLOW_THREADS\n    rc = {call};\n    Py_END_ALLOW_THREADS\n"
        ));
    } else {
        out.push_str(&format!("    rc = {call};\n"));
    }
    out.push_str("    if (rc != 0) {\n        return pyaot_set_pyerr();\n    }\n");
    let mut next_leaf = 0;
    let mut next_tmp = 0;
    let value = emit_box(&f.ret, &mut next_leaf, &mut next_tmp, out);
    out.push_str(&format!("    return {value};\n}}\n\n"));
}

/// Emits the statements that box a result of type `ty`; returns the C expression of the new reference.
fn emit_box(ty: &Ty, next_leaf: &mut usize, next_tmp: &mut usize, out: &mut String) -> String {
    match ty {
        Ty::None => "Py_NewRef(Py_None)".into(),
        Ty::Tuple(items) if items.is_empty() => "PyTuple_New(0)".into(),
        Ty::Tuple(items) => {
            let values: Vec<String> = items
                .iter()
                .map(|t| emit_box(t, next_leaf, next_tmp, out))
                .collect();
            let tmp = format!("t{next_tmp}");
            *next_tmp += 1;
            out.push_str(&format!(
                "    PyObject *{tmp}[{}] = {{{}}};\n",
                items.len(),
                values.join(", ")
            ));
            format!("pyaot_tuple_steal({}, {tmp})", items.len())
        }
        scalar => {
            let leaf = format!("r{next_leaf}");
            *next_leaf += 1;
            match scalar {
                Ty::Int => format!("PyLong_FromLongLong({leaf})"),
                Ty::Float => format!("PyFloat_FromDouble({leaf})"),
                _ => format!("PyBool_FromLong({leaf})"),
            }
        }
    }
}
