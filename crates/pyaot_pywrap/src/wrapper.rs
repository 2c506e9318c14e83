//! One C wrapper per exported function: argument parsing and conversion, the native call, result boxing.

use crate::cstr;
use crate::{ExportFn, ExportParam};
use pyaot_types::{ArrayTy, Const, Dtype, Ty};

/// Whether the wrapper can pass every parameter: scalars, fixed-width scalars, arrays and tuples
/// of those (arrays and tuples without defaults).
pub fn supported(f: &ExportFn) -> bool {
    fn passable(t: &Ty) -> bool {
        match t {
            Ty::Int | Ty::Float | Ty::Bool | Ty::Complex | Ty::Scalar(_) | Ty::Array(_) => true,
            Ty::Str | Ty::Dict(..) | Ty::Set(_) => true,
            Ty::Tuple(items) => items.iter().all(passable),
            Ty::List(item) | Ty::TupleOf(item) => list_desc(item).is_some(),
            _ => false,
        }
    }
    f.params.iter().all(|p| match &p.ty {
        Ty::Int | Ty::Float | Ty::Bool | Ty::Complex | Ty::Scalar(_) | Ty::None => true,
        Ty::Str | Ty::Dict(..) | Ty::Set(_) => p.default.is_none(),
        Ty::Array(_) => p.default.is_none(),
        Ty::List(_) | Ty::TupleOf(_) => p.default.is_none() && passable(&p.ty),
        Ty::Tuple(_) => {
            passable(&p.ty)
                && (p.default.is_none() || !p.ty.flatten().is_empty() && no_arrays(&p.ty))
        }
        _ => false,
    })
}

/// The runtime's description of a list item type (see `Ty::item_desc`).
pub(crate) fn list_desc(t: &Ty) -> Option<String> {
    t.item_desc()
}

/// Whether a type holds a list (the wrapper then keeps a conversion memo).
pub(crate) fn has_list(t: &Ty) -> bool {
    match t {
        Ty::List(_) | Ty::TupleOf(_) => true,
        Ty::Tuple(items) => items.iter().any(has_list),
        _ => false,
    }
}

/// Whether a type holds no array (so a constant can give every leaf).
fn no_arrays(t: &Ty) -> bool {
    match t {
        Ty::Array(_) | Ty::List(_) | Ty::TupleOf(_) | Ty::Str | Ty::Dict(..) | Ty::Set(_) => false,
        Ty::Tuple(items) => items.iter().all(no_arrays),
        _ => true,
    }
}

/// The scalar constants of a default, one per leaf of its (tuple) type, in order.
fn const_leaves(ty: &Ty, c: &Const, out: &mut Vec<(Ty, Const)>) {
    match (ty, c) {
        (Ty::Tuple(tys), Const::Tuple(items)) => {
            for (t, c) in tys.iter().zip(items) {
                const_leaves(t, c, out);
            }
        }
        _ => out.push((ty.clone(), c.clone())),
    }
}

/// The statement giving leaf variable `var` of type `ty` the constant `c`.
fn default_init(var: &str, ty: &Ty, c: &Const) -> String {
    match complex_part(ty) {
        Some(part) => format!(
            "memcpy({var}, ({part}[2]){{{}}}, sizeof {var})",
            c_const(ty, c)
        ),
        None => format!("{var} = {}", c_const(ty, c)),
    }
}

/// One scalar or array a parameter passes: its C variable (`a3` or `a3_1`), its type, and the
/// Python object it is converted from.
struct Leaf {
    var: String,
    ty: Ty,
    src: String,
}

/// The leaves of a parameter of type `ty` read from `src`, with the tuple unpacking statements
/// (`items` declares the item arrays, `unpack` fills them; both in order).
fn leaves(
    ty: &Ty,
    var: String,
    src: String,
    fname: &str,
    pname: &str,
    items: &mut Vec<String>,
    unpack: &mut Vec<String>,
    out: &mut Vec<Leaf>,
) {
    match ty {
        Ty::Tuple(tys) => {
            let it = format!("t{}", &var[1..]);
            items.push(format!("PyObject *{it}[{}];", tys.len().max(1)));
            unpack.push(format!(
                "pyaot_arg_tuple({fname}, {pname}, {src}, {}, {it})",
                tys.len()
            ));
            for (j, t) in tys.iter().enumerate() {
                leaves(
                    t,
                    format!("{var}_{j}"),
                    format!("{it}[{j}]"),
                    fname,
                    pname,
                    items,
                    unpack,
                    out,
                );
            }
        }
        // A None parameter (a union's None variant) passes nothing.
        Ty::None => {}
        _ => out.push(Leaf {
            var,
            ty: ty.clone(),
            src,
        }),
    }
}

/// The C type of a scalar leaf in the compiled-code ABI (array words are `int64_t` leaves).
fn c_type(ty: &Ty) -> &'static str {
    match ty {
        Ty::Int | Ty::List(_) | Ty::TupleOf(_) | Ty::Str | Ty::Dict(..) | Ty::Set(_) => "int64_t",
        Ty::Float | Ty::Scalar(Dtype::F64) => "double",
        Ty::Bool | Ty::Scalar(Dtype::B1) => "int8_t",
        Ty::Scalar(Dtype::F32) => "float",
        Ty::Scalar(_) => "int64_t",
        _ => unreachable!("only scalars cross the ABI"),
    }
}

/// The C type of each part of a complex leaf, if the leaf is complex.
fn complex_part(ty: &Ty) -> Option<&'static str> {
    match ty {
        Ty::Complex | Ty::Scalar(Dtype::C128) => Some("double"),
        Ty::Scalar(Dtype::C64) => Some("float"),
        _ => None,
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
        let mut params: Vec<String> = f
            .params
            .iter()
            .flat_map(|p| p.ty.flatten())
            .map(|t| c_type(&t).to_string())
            .collect();
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
        Const::Tuple(_) => unreachable!("tuple defaults are given leaf by leaf"),
        Const::Int(v) => (v, v as f64),
        Const::Float(v) => (v as i64, v),
        Const::Bool(b) => (b as i64, b as i64 as f64),
        Const::Complex(re, im) => {
            let part = |v| c_const(&Ty::Float, &Const::Float(v));
            return format!("{}, {}", part(re), part(im));
        }
        Const::None | Const::Dtype(_) | Const::ScalarType(_) | Const::Func(_) => (0, 0.0),
    };
    if let Some(part) = complex_part(ty) {
        let f = c_const(&Ty::Float, &Const::Float(f));
        return if part == "float" {
            format!("(float){f}, 0.0f")
        } else {
            format!("{f}, 0.0")
        };
    }
    match ty {
        Ty::Float | Ty::Scalar(Dtype::F64) if f.is_nan() => "NAN".into(),
        Ty::Float | Ty::Scalar(Dtype::F64) if f.is_infinite() => {
            if f > 0.0 { "INFINITY" } else { "-INFINITY" }.into()
        }
        // `{:e}` prints the shortest digits that round-trip, a valid C double literal.
        Ty::Float | Ty::Scalar(Dtype::F64) => format!("{f:e}"),
        Ty::Scalar(Dtype::F32) => format!("(float){}", c_const(&Ty::Float, c)),
        Ty::Int | Ty::Scalar(_) if i == i64::MIN => "INT64_MIN".into(),
        Ty::Int => format!("INT64_C({i})"),
        Ty::Scalar(d) if d.is_int() => format!("INT64_C({i})"),
        _ => format!("{}", (i != 0) as i32),
    }
}

/// The call that converts a leaf of parameter `p` from its Python object; negative on failure.
fn conversion(fname: &str, leaf: &Leaf, p: &ExportParam) -> String {
    let pname = cstr::literal(&p.name);
    let arg = &leaf.src;
    let v = &leaf.var;
    let b = format!("b{}", &v[1..]);
    match leaf.ty {
        Ty::Int => format!("pyaot_arg_int({fname}, {pname}, {arg}, &{v})"),
        Ty::Float | Ty::Scalar(Dtype::F64) => {
            format!("pyaot_arg_float({fname}, {pname}, {arg}, &{v})")
        }
        Ty::Bool | Ty::Scalar(Dtype::B1) => {
            format!("pyaot_arg_bool({fname}, {pname}, {arg}, &{v})")
        }
        Ty::Scalar(Dtype::F32) => format!("pyaot_arg_f32({fname}, {pname}, {arg}, &{v})"),
        Ty::Complex | Ty::Scalar(Dtype::C128) => {
            format!("pyaot_arg_complex({fname}, {pname}, {arg}, {v})")
        }
        Ty::Scalar(Dtype::C64) => format!("pyaot_arg_c64({fname}, {pname}, {arg}, {v})"),
        Ty::Scalar(d) => format!(
            "pyaot_arg_dtype_int({fname}, {pname}, {arg}, {}, &{v})",
            d.code()
        ),
        Ty::Str => format!("pyaot_arg_str({fname}, {pname}, {arg}, &{v})"),
        Ty::Dict(..) => format!("pyaot_arg_object({fname}, {pname}, {arg}, 0, &{v})"),
        Ty::Set(_) => format!("pyaot_arg_object({fname}, {pname}, {arg}, 1, &{v})"),
        Ty::List(ref item) => format!(
            "(memo.writes_arrays = {}, pyaot_arg_list({fname}, {pname}, {arg}, {}, &memo, &{v}))",
            p.writes as i32,
            cstr::literal(&list_desc(item).expect("a passable list"))
        ),
        Ty::TupleOf(ref item) => format!(
            "(memo.writes_arrays = {}, pyaot_arg_tuple_of({fname}, {pname}, {arg}, {}, &memo, &{v}))",
            p.writes as i32,
            cstr::literal(&list_desc(item).expect("a passable tuple"))
        ),
        Ty::Array(a) => format!(
            "pyaot_arg_array({fname}, {pname}, {arg}, {}, {}, {}, {}, &{b}, {v})",
            a.dtype.code(),
            a.ndim,
            a.contig as i32,
            p.writes as i32
        ),
        _ => unreachable!("unsupported parameters are filtered out"),
    }
}

/// Appends the wrapper of function `index`.
///
/// Every failure after argument parsing jumps to `done`, which releases the borrowed array buffers.
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
    // Declarations first: the jumps to `done` must not skip any.
    out.push_str("    PyObject *result = NULL;\n");
    let lists = f.params.iter().any(|p| has_list(&p.ty)) || has_list(&f.ret);
    if lists {
        // Array items of list arguments are borrowed for the call.
        out.push_str("    struct pyaot_memo memo = {NULL, 0, 0, NULL, 0, 0, 1, 0};\n");
    }
    let mut call_args = Vec::new();
    let mut params: Vec<(Vec<String>, Vec<Leaf>)> = Vec::new();
    for (i, p) in f.params.iter().enumerate() {
        let pname = cstr::literal(&p.name);
        let (mut items, mut unpack, mut ls) = (Vec::new(), Vec::new(), Vec::new());
        leaves(
            &p.ty,
            format!("a{i}"),
            format!("argv[{i}]"),
            &fname,
            &pname,
            &mut items,
            &mut unpack,
            &mut ls,
        );
        for decl in items {
            out.push_str(&format!("    {decl}\n"));
        }
        for leaf in &ls {
            let v = &leaf.var;
            match leaf.ty {
                Ty::Array(a) => {
                    out.push_str(&format!(
                        "    struct pyaot_borrow b{};\n    b{}.view.obj = NULL;\n    int64_t {v}[{}];\n",
                        &v[1..],
                        &v[1..],
                        a.abi_len()
                    ));
                    call_args.extend((0..a.abi_len()).map(|k| format!("{v}[{k}]")));
                }
                _ => match complex_part(&leaf.ty) {
                    Some(part) => {
                        out.push_str(&format!("    {part} {v}[2];\n"));
                        call_args.extend([format!("{v}[0]"), format!("{v}[1]")]);
                    }
                    None => {
                        out.push_str(&format!("    {} {v};\n", c_type(&leaf.ty)));
                        call_args.push(v.clone());
                    }
                },
            }
        }
        params.push((unpack, ls));
    }
    let rets = f.ret.flatten();
    for (i, t) in rets.iter().enumerate() {
        out.push_str(&format!("    {} r{i};\n", c_type(t)));
        call_args.push(format!("&r{i}"));
    }
    out.push_str("    int32_t rc;\n");
    for (i, (p, (unpack, ls))) in f.params.iter().zip(&params).enumerate() {
        let mut steps: Vec<String> = unpack.clone();
        steps.extend(ls.iter().map(|leaf| conversion(&fname, leaf, p)));
        match &p.default {
            Some(c) => {
                let mut consts = Vec::new();
                const_leaves(&p.ty, c, &mut consts);
                out.push_str(&format!("    if (argv[{i}] == NULL) {{\n"));
                for (leaf, (ty, c)) in ls.iter().zip(&consts) {
                    out.push_str(&format!("        {};\n", default_init(&leaf.var, ty, c)));
                }
                out.push_str("    } else {\n");
                for step in steps {
                    out.push_str(&format!(
                        "        if ({step} < 0) {{\n            goto done;\n        }}\n"
                    ));
                }
                out.push_str("    }\n");
            }
            None => {
                for step in steps {
                    out.push_str(&format!(
                        "    if ({step} < 0) {{\n        goto done;\n    }}\n"
                    ));
                }
            }
        }
    }
    let call = format!("{}({})", f.symbol, call_args.join(", "));
    if f.release_gil {
        out.push_str(&format!(
            "    Py_BEGIN_ALLOW_THREADS\n    rc = {call};\n    Py_END_ALLOW_THREADS\n"
        ));
    } else {
        out.push_str(&format!("    rc = {call};\n"));
    }
    if lists {
        // The caller's lists get what the call did to them, also when it raised.
        out.push_str("    if (rc != 0) {\n        pyaot_set_pyerr();\n        pyaot_memo_writeback(&memo);\n        goto done;\n    }\n");
        out.push_str("    if (pyaot_memo_writeback(&memo) < 0) {\n        rc = 1;\n    }\n");
    } else {
        out.push_str("    if (rc != 0) {\n        pyaot_set_pyerr();\n        goto done;\n    }\n");
    }
    let mut next_leaf = 0;
    let mut next_tmp = 0;
    let mut boxing = String::new();
    let value = emit_box(&f.ret, &mut next_leaf, &mut next_tmp, &mut boxing);
    if boxing.is_empty() {
        out.push_str(&format!("    result = {value};\n"));
    } else {
        // A block, so that no jump to `done` enters the scope of the temporaries.
        out.push_str("    {\n");
        for line in boxing.lines() {
            out.push_str(&format!("    {line}\n"));
        }
        out.push_str(&format!("        result = {value};\n    }}\n"));
    }
    if lists {
        // A failed write-back still releases every result.
        out.push_str("    if (rc != 0) {\n        Py_CLEAR(result);\n    }\n");
    }
    out.push_str("done:\n");
    if lists {
        out.push_str("    pyaot_memo_free(&memo);\n");
    }
    for (_, ls) in &params {
        for leaf in ls {
            if matches!(leaf.ty, Ty::Array(_)) {
                out.push_str(&format!("    pyaot_release(&b{});\n", &leaf.var[1..]));
            }
        }
    }
    out.push_str("    return result;\n}\n\n");
}

/// The C expression boxing an array result whose words start at leaf `first`.
fn box_array(a: ArrayTy, first: usize) -> String {
    let nd = a.ndim as usize;
    let words = |from: usize| -> String {
        let w: Vec<String> = (from..from + nd).map(|k| format!("r{k}")).collect();
        format!("(const int64_t[]){{{}}}", w.join(", "))
    };
    format!(
        "pyaot_box_array({}, {nd}, r{first}, r{}, {}, {})",
        a.dtype.code(),
        first + 1,
        words(first + 2),
        words(first + 2 + nd)
    )
}

/// Emits the statements that box a result of type `ty`; returns the C expression of the new reference.
///
/// Every leaf is boxed even when an earlier one fails, so each array result's reference is consumed.
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
        Ty::Array(a) => {
            let first = *next_leaf;
            *next_leaf += a.abi_len();
            box_array(*a, first)
        }
        Ty::Str | Ty::Dict(..) | Ty::Set(_) => {
            // The compiled function returns a new reference to the object.
            let leaf = *next_leaf;
            *next_leaf += 1;
            format!("(PyObject *)(uintptr_t)r{leaf}")
        }
        Ty::List(item) | Ty::TupleOf(item) => {
            let leaf = *next_leaf;
            *next_leaf += 1;
            let tmp = format!("t{next_tmp}");
            *next_tmp += 1;
            let boxer = if matches!(ty, Ty::List(_)) {
                "pyaot_box_list"
            } else {
                "pyaot_box_tuple_of"
            };
            out.push_str(&format!(
                "    PyObject *{tmp} = {boxer}(r{leaf}, {}, &memo);\n    pyaot_ref_release(r{leaf});\n",
                cstr::literal(&list_desc(item).expect("a passable list"))
            ));
            tmp
        }
        Ty::Complex | Ty::Scalar(Dtype::C64 | Dtype::C128) => {
            let (re, im) = (*next_leaf, *next_leaf + 1);
            *next_leaf += 2;
            match ty {
                Ty::Complex => format!("PyComplex_FromDoubles(r{re}, r{im})"),
                Ty::Scalar(Dtype::C64) => format!("pyaot_box_c64(r{re}, r{im})"),
                _ => format!("pyaot_box_c128(r{re}, r{im})"),
            }
        }
        scalar => {
            let leaf = format!("r{next_leaf}");
            *next_leaf += 1;
            match scalar {
                Ty::Int => format!("PyLong_FromLongLong({leaf})"),
                Ty::Float => format!("PyFloat_FromDouble({leaf})"),
                Ty::Bool => format!("PyBool_FromLong({leaf})"),
                Ty::Scalar(Dtype::B1) => format!("pyaot_box_b1({leaf})"),
                Ty::Scalar(Dtype::F32) => format!("pyaot_box_f32({leaf})"),
                Ty::Scalar(Dtype::F64) => format!("pyaot_box_f64({leaf})"),
                Ty::Scalar(d) => format!("pyaot_box_dtype_int({}, {leaf})", d.code()),
                _ => unreachable!("not a result type"),
            }
        }
    }
}
