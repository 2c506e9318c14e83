//! Annotations to types: `int`, `float`, `bool`, `complex`, `None`, `tuple[...]`, fixed-width scalars and arrays.

use pyaot_diagnostics::{Code, Diagnostic};
use pyaot_hir::Ty;
use pyaot_syntax::ast::{Expr, ExprKind};

use crate::items::{Global, ModuleCx};

impl ModuleCx<'_> {
    /// The type an annotation names, or a diagnostic saying why it names none.
    pub(crate) fn annotation(&self, scope: usize, e: &Expr) -> Result<Ty, Diagnostic> {
        let unsupported = |what: &str, help: &str| {
            Diagnostic::error(
                Code::UnsupportedType,
                format!("{what} is not a supported type"),
                e.span,
                "unsupported annotation",
            )
            .with_help(help.to_string())
        };
        match &e.kind {
            ExprKind::NoneLit => Ok(Ty::None),
            ExprKind::Name(n) => match (n.as_str(), self.global(scope, n)) {
                (_, Some(Global::PyaotMember(m))) => match pyaot_dtype(m) {
                    Some(d) => Ok(Ty::Scalar(d)),
                    None => Err(unsupported(
                        &format!("`{m}`"),
                        "use a fixed-width type such as f64, i32 or b1",
                    )),
                },
                ("int", None) => Ok(Ty::Int),
                ("float", None) => Ok(Ty::Float),
                ("bool", None) => Ok(Ty::Bool),
                ("complex", None) => Ok(Ty::Complex),
                ("str", None) => Ok(Ty::Str),
                _ => Err(unsupported(
                    &format!("`{n}`"),
                    "use int, float, bool, complex, str, None, tuple[...] or list[...]",
                )),
            },
            ExprKind::Subscript { value, index }
                if self.numpy_annotation_base(scope, value).is_some() =>
            {
                self.numpy_array_annotation(scope, e, value, index)
            }
            ExprKind::Attribute { .. } if self.numpy_annotation_base(scope, e).is_some() => {
                Err(array_help(e, "`np.ndarray` without its shape and dtype"))
            }
            ExprKind::Subscript { value, index } => {
                let ExprKind::Name(base) = &value.kind else {
                    return Err(unsupported(
                        "this annotation",
                        "use int, float, bool, complex, str, None, tuple[...] or list[...]",
                    ));
                };
                if base == "list" && self.global(scope, base).is_none() {
                    let item = self.annotation(scope, index)?;
                    if !list_item_ok(&item) {
                        return Err(unsupported(
                            &format!("`list[{item}]`"),
                            "list items are numbers, strings, arrays, tuples of them or lists",
                        ));
                    }
                    return Ok(Ty::List(Box::new(item)));
                }
                if (base == "dict" || base == "set") && self.global(scope, base).is_none() {
                    let items: Vec<&Expr> = match &index.kind {
                        ExprKind::Tuple(items) => items.iter().collect(),
                        _ => vec![&**index],
                    };
                    let mut tys = Vec::new();
                    for i in &items {
                        tys.push(self.annotation(scope, i)?);
                    }
                    let ok = tys.iter().all(crate::dicts::boxable);
                    return match (base.as_str(), tys.as_slice(), ok) {
                        ("dict", [k, v], true) => {
                            Ok(Ty::Dict(Box::new(k.clone()), Box::new(v.clone())))
                        }
                        ("set", [t], true) => Ok(Ty::Set(Box::new(t.clone()))),
                        _ => Err(unsupported(
                            &format!("`{base}[...]` of these types"),
                            "dict[K, V] and set[T] hold numbers, strings or tuples of them",
                        )),
                    };
                }
                if let Some(Global::PyaotMember(m)) = self.global(scope, base) {
                    let Some(dtype) = pyaot_dtype(m) else {
                        return Err(unsupported(
                            &format!("`{m}[...]`"),
                            "index a fixed-width type such as f64[:]",
                        ));
                    };
                    return array_dims(index, dtype).ok_or_else(|| {
                        unsupported(
                            "this array annotation",
                            "write one `:` per dimension (1 to 4), with `::1` only on the last for a C-contiguous array: f64[:, ::1]",
                        )
                    });
                }
                if base != "tuple" {
                    return Err(unsupported(
                        &format!("`{base}[...]`"),
                        "use int, float, bool, complex, str, None, tuple[...] or list[...]",
                    ));
                }
                let items: Vec<&Expr> = match &index.kind {
                    ExprKind::Tuple(items) => items.iter().collect(),
                    _ => vec![&**index],
                };
                // tuple[T, ...]: any number of items of one type.
                if let [first, rest] = items.as_slice() {
                    if matches!(rest.kind, ExprKind::Ellipsis) {
                        let t = self.annotation(scope, first)?;
                        if !list_item_ok(&t) {
                            return Err(unsupported(
                                &format!("`tuple[{t}, ...]`"),
                                "items are int, float, bool, complex, str, tuples of them or lists",
                            ));
                        }
                        return Ok(Ty::TupleOf(Box::new(t)));
                    }
                }
                let mut tys = Vec::new();
                for item in items {
                    match self.annotation(scope, item)? {
                        Ty::None => {
                            return Err(unsupported(
                                "`None` inside a tuple",
                                "tuple items are int, float, bool or tuples",
                            ))
                        }
                        t => tys.push(t),
                    }
                }
                if tys.is_empty() {
                    return Err(unsupported("the empty tuple", "return at least one value"));
                }
                Ok(Ty::Tuple(tys))
            }
            ExprKind::Str(_) => Err(unsupported(
                "a string annotation",
                "write the annotation without quotes",
            )),
            _ => Err(unsupported(
                "this annotation",
                "use int, float, bool, complex, str, None, tuple[...] or list[...]",
            )),
        }
    }
}

/// Whether lists can hold items of this type.
pub(crate) fn list_item_ok(t: &Ty) -> bool {
    match t {
        Ty::Int | Ty::Float | Ty::Bool | Ty::Complex | Ty::Str | Ty::Array(_) => true,
        Ty::Tuple(items) => !items.is_empty() && items.iter().all(list_item_ok),
        Ty::List(item) => list_item_ok(item),
        _ => false,
    }
}

/// The dtype a name imported from `pyaot` spells (`f64`, not `float64`).
fn pyaot_dtype(name: &str) -> Option<pyaot_hir::Dtype> {
    pyaot_hir::Dtype::ALL.into_iter().find(|d| d.name() == name)
}

/// The array type of `dtype[index]`: one `:` per dimension, `::1` allowed on the last.
fn array_dims(index: &Expr, dtype: pyaot_hir::Dtype) -> Option<Ty> {
    let items: Vec<&Expr> = match &index.kind {
        ExprKind::Tuple(items) => items.iter().collect(),
        _ => vec![index],
    };
    if items.is_empty() || items.len() > 4 {
        return None;
    }
    let mut contig = false;
    for (i, item) in items.iter().enumerate() {
        let ExprKind::Slice {
            lower: None,
            upper: None,
            step,
        } = &item.kind
        else {
            return None;
        };
        match step {
            None => {}
            Some(s) if matches!(s.kind, ExprKind::Int(Some(1))) && i + 1 == items.len() => {
                contig = true
            }
            Some(_) => return None,
        }
    }
    Some(Ty::Array(pyaot_hir::ArrayTy {
        dtype,
        ndim: items.len() as u8,
        contig,
    }))
}

/// An error for an array annotation pyaot cannot read, with the form it can.
fn array_help(e: &Expr, what: &str) -> Diagnostic {
    Diagnostic::error(
        Code::UnsupportedType,
        format!("{what} is not a supported type"),
        e.span,
        "unsupported annotation",
    )
    .with_help(
        "for a NumPy array write its dtype and dimensions with `from pyaot import f64`: f64[:] (1-D), f64[:, :] (2-D), or np.ndarray[tuple[int, int], np.dtype[np.float64]]",
    )
}

impl ModuleCx<'_> {
    /// `np.ndarray`, `npt.NDArray` or an imported `NDArray` in an annotation: its name.
    fn numpy_annotation_base(&self, scope: usize, e: &Expr) -> Option<&'static str> {
        match &e.kind {
            ExprKind::Attribute { value, attr, .. } => {
                let ExprKind::Name(m) = &value.kind else {
                    return None;
                };
                match (self.global(scope, m), attr.as_str()) {
                    (Some(Global::NumpyModule), "ndarray") => Some("ndarray"),
                    (Some(Global::NumpyTyping), "NDArray") => Some("NDArray"),
                    _ => None,
                }
            }
            ExprKind::Name(n) => match self.global(scope, n) {
                Some(Global::NumpyMember(m)) if m == "ndarray" => Some("ndarray"),
                Some(Global::NumpyMember(m)) if m == "NDArray" => Some("NDArray"),
                _ => None,
            },
            _ => None,
        }
    }

    /// `np.ndarray[tuple[int, int], np.dtype[np.float64]]`: a 2-D float64 array; `NDArray[...]`
    /// does not say how many dimensions and is refused with the form to write.
    fn numpy_array_annotation(
        &self,
        scope: usize,
        e: &Expr,
        base: &Expr,
        index: &Expr,
    ) -> Result<Ty, Diagnostic> {
        if self.numpy_annotation_base(scope, base) == Some("NDArray") {
            return Err(array_help(
                e,
                "`NDArray[...]`, which does not say how many dimensions the array has,",
            ));
        }
        let ExprKind::Tuple(parts) = &index.kind else {
            return Err(array_help(e, "this `np.ndarray[...]`"));
        };
        let [shape, dtype] = parts.as_slice() else {
            return Err(array_help(e, "this `np.ndarray[...]`"));
        };
        let ndim = match &shape.kind {
            ExprKind::Subscript { value, index } if matches!(&value.kind, ExprKind::Name(t) if t == "tuple") => {
                match &index.kind {
                    ExprKind::Tuple(items)
                        if items
                            .iter()
                            .all(|i| matches!(&i.kind, ExprKind::Name(n) if n == "int")) =>
                    {
                        items.len()
                    }
                    ExprKind::Name(n) if n == "int" => 1,
                    _ => 0,
                }
            }
            _ => 0,
        };
        if ndim == 0 || ndim > 4 {
            return Err(array_help(
                e,
                "an `np.ndarray` shape other than tuple[int, ...] of 1 to 4 ints",
            ));
        }
        // np.dtype[np.float64]
        let d = match &dtype.kind {
            ExprKind::Subscript { value, index } => match (&value.kind, &index.kind) {
                (ExprKind::Attribute { attr, .. }, ExprKind::Attribute { attr: name, .. })
                    if attr == "dtype" =>
                {
                    pyaot_hir::Dtype::from_name(name)
                }
                _ => None,
            },
            _ => None,
        };
        let Some(dtype) = d else {
            return Err(array_help(
                e,
                "an `np.ndarray` dtype other than np.dtype[np.float64] and the like",
            ));
        };
        Ok(Ty::Array(pyaot_hir::ArrayTy {
            dtype,
            ndim: ndim as u8,
            contig: false,
        }))
    }
}
