//! GPU kernels in the module: the PTX text and one launcher object per kernel, made at import.
//!
//! Each kernel is described to the runtime's launcher (`pyaot_cuda.c`) by a parameter string,
//! one comma-separated item per parameter: `i`, `f`, `b` (Python int, float, bool), `g` (f32),
//! or `a` + NumPy's type code and item size + the number of dimensions + `c` (C-contiguous) or
//! `s` (strided) + `w` (the kernel may write it) or `r`, e.g. `af81cw` for `f64[:]`.

use pyaot_types::{Dtype, Ty};

use crate::{cstr, ExportParam, WrapperInput};

/// NumPy's `typestr` kind and size of a dtype (`f8`, `i4`, `b1`).
fn typestr(d: Dtype) -> String {
    let kind = if d == Dtype::B1 {
        'b'
    } else if d.is_float() {
        'f'
    } else if d.is_unsigned() {
        'u'
    } else {
        'i'
    };
    format!("{kind}{}", d.itemsize())
}

/// The launcher's description of a parameter (`None`: sema admits no such parameter).
fn param_desc(p: &ExportParam) -> Option<String> {
    Some(match &p.ty {
        Ty::Int => "i".into(),
        Ty::Float | Ty::Scalar(Dtype::F64) => "f".into(),
        Ty::Bool => "b".into(),
        Ty::Scalar(Dtype::F32) => "g".into(),
        Ty::Array(a) if !a.dtype.is_complex() => format!(
            "a{}{}{}{}",
            typestr(a.dtype),
            a.ndim,
            if a.contig { 'c' } else { 's' },
            if p.writes { 'w' } else { 'r' }
        ),
        _ => return None,
    })
}

/// The module's PTX as a C string.
pub fn emit_ptx(input: &WrapperInput, out: &mut String) {
    if let Some(ptx) = &input.ptx {
        out.push_str(&format!(
            "static const char pyaot_ptx[] = {};\n\n",
            cstr::literal(ptx)
        ));
    }
}

/// The exec slot's lines adding each kernel's launcher to the module.
pub fn emit_adds(input: &WrapperInput, out: &mut String) {
    if input.ptx.is_none() {
        return;
    }
    for k in &input.kernels {
        let desc: Option<Vec<String>> = k.params.iter().map(param_desc).collect();
        let Some(desc) = desc else {
            out.push_str(&format!(
                "    /* {}: left out, a parameter type is not supported by the launcher. */\n",
                cstr::comment_safe(&k.name)
            ));
            continue;
        };
        let names: Vec<&str> = k.params.iter().map(|p| p.name.as_str()).collect();
        let doc = match &k.doc {
            Some(d) => cstr::literal(d),
            None => "NULL".into(),
        };
        out.push_str(&format!(
            "    if (pyaot_cuda_add_kernel(m, {}, {}, {}, {}, pyaot_ptx, {doc}) < 0) {{\n        return -1;\n    }}\n",
            cstr::literal(&k.name),
            cstr::literal(&k.entry),
            cstr::literal(&desc.join(",")),
            cstr::literal(&names.join(",")),
        ));
    }
}
