//! The dispatcher of a function exported once per choice of its union parameter types: it reads
//! the arguments' Python types and calls the wrapper of the variant they select.

use crate::cstr;
use crate::wrapper::wrapper_name;
use crate::ExportFn;
use pyaot_types::Ty;

/// The C name of the dispatcher of the functions starting at `index`.
pub fn dispatcher_name(index: usize) -> String {
    format!("pyaot_d_{index}")
}

/// The runtime's code for a Python type test (`pyaot_arg_is`).
fn kind(t: &Ty) -> i32 {
    match t {
        Ty::Int => 0,
        Ty::Float => 1,
        Ty::Bool => 2,
        Ty::Complex => 3,
        Ty::None => 5,
        _ => 4,
    }
}

/// Appends the dispatcher of `group` (the variants, in source order; they share parameter names
/// and defaults).
pub fn emit(first: usize, group: &[(usize, &ExportFn)], out: &mut String) {
    let f = group[0].1;
    let n = f.params.len();
    let fname = cstr::literal(&f.name);
    let names: Vec<String> = f.params.iter().map(|p| cstr::literal(&p.name)).collect();
    let d = dispatcher_name(first);
    // A parameter may be left out when some variant has a default for it.
    let nrequired = group
        .iter()
        .map(|(_, g)| g.params.iter().take_while(|p| p.default.is_none()).count())
        .min()
        .unwrap_or(0);
    out.push_str(&format!(
        "/* {}: the variant its arguments' types select */\n",
        cstr::comment_safe(&f.name)
    ));
    out.push_str(&format!(
        "static const char *const {d}_names[{}] = {{{}}};\n",
        n.max(1),
        if names.is_empty() {
            "NULL".to_string()
        } else {
            names.join(", ")
        }
    ));
    out.push_str(&format!(
        "static PyObject *{d}(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)\n{{\n"
    ));
    out.push_str(&format!("    PyObject *argv[{}] = {{NULL}};\n", n.max(1)));
    out.push_str(&format!(
        "    if (pyaot_parse_args({fname}, {d}_names, {n}, {nrequired}, args, nargs, kwnames, argv) < 0) {{\n        return NULL;\n    }}\n"
    ));
    // The parameters whose types differ between variants decide; a bool variant is tried before
    // an int one (a bool is also an int).
    let differs: Vec<usize> = (0..n)
        .filter(|&k| group.iter().any(|(_, g)| g.params[k].ty != f.params[k].ty))
        .collect();
    let mut order: Vec<&(usize, &ExportFn)> = group.iter().collect();
    order.sort_by_key(|(_, g)| {
        std::cmp::Reverse(
            differs
                .iter()
                .filter(|&&k| g.params[k].ty == Ty::Bool)
                .count(),
        )
    });
    for (i, g) in order {
        // A left-out argument fits only a variant with a default for it.
        let tests: Vec<String> = differs
            .iter()
            .map(|&k| {
                let test = format!("pyaot_arg_is(argv[{k}], {})", kind(&g.params[k].ty));
                if g.params[k].default.is_some() {
                    test
                } else {
                    format!("(argv[{k}] != NULL && {test})")
                }
            })
            .collect();
        out.push_str(&format!(
            "    if ({}) {{\n        return {}(self, args, nargs, kwnames);\n    }}\n",
            tests.join(" && "),
            wrapper_name(*i)
        ));
    }
    // No variant takes these types: name the first parameter that none accepts.
    let allowed: Vec<String> = differs
        .iter()
        .map(|&k| {
            let mut tys: Vec<String> = Vec::new();
            for (_, g) in group {
                let t = g.params[k].ty.to_string();
                if !tys.contains(&t) {
                    tys.push(t);
                }
            }
            cstr::literal(&tys.join(" or "))
        })
        .collect();
    let ks: Vec<String> = differs.iter().map(|k| k.to_string()).collect();
    let masks: Vec<String> = differs
        .iter()
        .map(|&k| {
            let m = group
                .iter()
                .fold(0, |m, (_, g)| m | 1 << kind(&g.params[k].ty));
            m.to_string()
        })
        .collect();
    out.push_str(&format!(
        "    static const int ks[] = {{{}}};\n    static const int masks[] = {{{}}};\n    static const char *const allowed[] = {{{}}};\n    return pyaot_no_variant({fname}, {d}_names, argv, ks, masks, allowed, {});\n}}\n\n",
        ks.join(", "),
        masks.join(", "),
        allowed.join(", "),
        differs.len()
    ));
}
