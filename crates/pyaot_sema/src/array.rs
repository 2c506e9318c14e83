//! Arrays in expressions: indexing, attributes, `len`, `a.copy()` and the NumPy constructors.

use pyaot_diagnostics::{Code, Span};
use pyaot_hir::{ArrayInit, ArrayTy, Const, Dtype, Expr, ExprKind, Intrinsic, Ty, ViewItem};
use pyaot_syntax::ast;

use crate::expr::konst;
use crate::func::FnCx;
use crate::items::Global;
use crate::numeric::{to_dtype, to_python};

/// The NumPy functions that create arrays.
pub(crate) const CONSTRUCTORS: &[&str] = &[
    "empty",
    "zeros",
    "ones",
    "full",
    "empty_like",
    "zeros_like",
    "ones_like",
    "full_like",
    "arange",
];

/// Whether a view of a C-contiguous array with these items is C-contiguous too: ints first, then at
/// most one slice without a step, then only whole axes.
fn keeps_contiguity(items: &[ViewItem]) -> bool {
    let mut rest = items.iter().skip_while(|i| matches!(i, ViewItem::Index(_)));
    match rest.next() {
        None => true,
        Some(ViewItem::Slice { step: None, .. }) => rest.all(|i| {
            matches!(
                i,
                ViewItem::Slice {
                    start: None,
                    stop: None,
                    step: None
                }
            )
        }),
        Some(_) => false,
    }
}

/// `array.transpose(axes)`, reversing the axes when none are given; C-contiguity is not kept.
fn transposed(array: Expr, a: ArrayTy, axes: Option<Vec<Expr>>, span: Span) -> Expr {
    let n = a.ndim as usize;
    let axes = axes.unwrap_or_else(|| {
        (0..n)
            .rev()
            .map(|k| konst(Const::Int(k as i64), span))
            .collect()
    });
    let contig = a.contig && n == 1;
    Expr {
        kind: ExprKind::Transpose {
            array: Box::new(array),
            axes,
        },
        ty: Ty::Array(ArrayTy { contig, ..a }),
        span,
    }
}

/// Array methods that are the bundled NumPy function of the same name with the array first.
pub(crate) const ARRAY_METHODS: &[&str] = &[
    "sum", "prod", "min", "max", "mean", "std", "var", "argmin", "argmax", "any", "all", "cumsum",
    "cumprod", "dot", "clip", "round", "astype", "fill", "nonzero", "trace", "sort", "argsort",
];

/// A C-contiguous array type.
pub(crate) fn contiguous(dtype: Dtype, ndim: usize) -> Ty {
    Ty::Array(ArrayTy {
        dtype,
        ndim: ndim as u8,
        contig: true,
    })
}

impl FnCx<'_, '_> {
    /// `a[i, j]` (an element: one int per dimension) or a basic index giving a view
    /// (`a[1:-1]`, `m[i]`, `m[:, j]`, `a[::-1]`, `a[None, :]`, `t[k, ...]`).
    pub(crate) fn index(
        &mut self,
        array: Expr,
        a: ArrayTy,
        index: &ast::Expr,
        span: Span,
    ) -> Option<Expr> {
        let items: Vec<&ast::Expr> = match &index.kind {
            ast::ExprKind::Tuple(items) => items.iter().collect(),
            _ => vec![index],
        };
        if let Some(e) = self.tuple_index(&array, a, index, span) {
            return e;
        }
        let ndim = a.ndim as usize;
        let taking = items
            .iter()
            .filter(|i| !matches!(i.kind, ast::ExprKind::Ellipsis) && !self.is_newaxis(i))
            .count();
        let ellipses = items
            .iter()
            .filter(|i| matches!(i.kind, ast::ExprKind::Ellipsis))
            .count();
        if ellipses > 1 || taking > ndim {
            let (msg, help) = if ellipses > 1 {
                (
                    "an index can only have a single ellipsis (`...`)".to_string(),
                    "use one `...`".to_string(),
                )
            } else {
                (
                    format!("too many indices for a {ndim}-D array: {taking}"),
                    format!("index at most {ndim} axes"),
                )
            };
            self.error(Code::TypeMismatch, msg, index.span, "index", help);
            return None;
        }
        let single = items.len() == 1;
        let mut out = Vec::new();
        for item in items {
            match &item.kind {
                ast::ExprKind::Ellipsis => {
                    for _ in 0..ndim - taking {
                        out.push(ViewItem::Slice {
                            start: None,
                            stop: None,
                            step: None,
                        });
                    }
                }
                ast::ExprKind::Slice { lower, upper, step } => {
                    let mut part = |e: &Option<Box<ast::Expr>>| -> Option<Option<Expr>> {
                        match e {
                            None => Some(None),
                            Some(e) => {
                                let v = self.expr(e)?;
                                Some(Some(self.index_value(v)?))
                            }
                        }
                    };
                    let (start, stop, step) = (part(lower), part(upper), part(step));
                    out.push(ViewItem::Slice {
                        start: start?,
                        stop: stop?,
                        step: step?,
                    });
                }
                _ if self.is_newaxis(item) => out.push(ViewItem::NewAxis),
                _ => {
                    let v = self.expr(item)?;
                    if let Ty::Array(_) = v.ty {
                        return self.fancy_get(array, v, single, span);
                    }
                    out.push(ViewItem::Index(self.index_value(v)?));
                }
            }
        }
        let ints = out
            .iter()
            .filter(|i| matches!(i, ViewItem::Index(_)))
            .count();
        if ints == ndim && out.len() == ndim {
            let indices = out
                .into_iter()
                .map(|i| match i {
                    ViewItem::Index(e) => e,
                    _ => unreachable!("all items are ints"),
                })
                .collect();
            return Some(Expr {
                kind: ExprKind::Index {
                    array: Box::new(array),
                    indices,
                },
                ty: Ty::Scalar(a.dtype),
                span,
            });
        }
        let newaxes = out
            .iter()
            .filter(|i| matches!(i, ViewItem::NewAxis))
            .count();
        let contig = a.contig && keeps_contiguity(&out);
        Some(Expr {
            kind: ExprKind::View {
                array: Box::new(array),
                items: out,
            },
            ty: Ty::Array(ArrayTy {
                dtype: a.dtype,
                ndim: (ndim - ints + newaxes) as u8,
                contig,
            }),
            span,
        })
    }

    /// `a[mask]` with a boolean array, `a[idx]` with an integer array: a new array, made by the
    /// bundled library's `_mask_get` / `_take`.
    fn fancy_get(&mut self, array: Expr, index: Expr, single: bool, span: Span) -> Option<Expr> {
        let Ty::Array(i) = index.ty else {
            unreachable!("called for array indices")
        };
        if !single {
            self.error(
                Code::UnsupportedSyntax,
                "an array index mixed with other indices is not supported",
                index.span,
                "array index",
                "index with one boolean mask or one integer array, or use slices",
            );
            return None;
        }
        let helper = if i.dtype == Dtype::B1 {
            "_mask_get"
        } else {
            "_take"
        };
        self.library_call(helper, vec![array, index], span)
    }

    /// `a[index]` for an array index already checked.
    pub(crate) fn fancy_get_of(&mut self, array: Expr, index: Expr, span: Span) -> Option<Expr> {
        self.fancy_get(array, index, true, span)
    }

    /// `a[mask] = value`, `a[idx] = value`: the bundled library's `_mask_set` / `_put`.
    pub(crate) fn fancy_set(
        &mut self,
        array: Expr,
        index: Expr,
        value: Expr,
        span: Span,
    ) -> Option<Expr> {
        let Ty::Array(i) = index.ty else {
            unreachable!("called for array indices")
        };
        let helper = if i.dtype == Dtype::B1 {
            "_mask_set"
        } else {
            "_put"
        };
        self.library_call(helper, vec![array, index, value], span)
    }

    /// A call of a function of the bundled NumPy library on checked arguments.
    pub(crate) fn library_call(&mut self, name: &str, args: Vec<Expr>, span: Span) -> Option<Expr> {
        self.bundled_call("numpy", name, args, span)
    }

    /// A call of function `name` of the bundled module `module` on checked arguments.
    pub(crate) fn bundled_call(
        &mut self,
        module: &str,
        name: &str,
        args: Vec<Expr>,
        span: Span,
    ) -> Option<Expr> {
        let d = self
            .m
            .library(module)
            .and_then(|lib| match self.m.global(lib, name) {
                Some(Global::Func(d)) => Some(*d),
                _ => None,
            });
        let Some(d) = d else {
            self.error(
                Code::InternalError,
                format!("the bundled `{module}` library has no `{name}`"),
                span,
                "here",
                "please report this",
            );
            return None;
        };
        self.call_def_values(d, args, span)
    }

    /// Whether a subscript's index is a single array (a mask or integer indices), probed quietly.
    pub(crate) fn is_fancy_index(&mut self, index: &ast::Expr) -> bool {
        if matches!(
            index.kind,
            ast::ExprKind::Tuple(_) | ast::ExprKind::Slice { .. } | ast::ExprKind::Ellipsis
        ) {
            return false;
        }
        let quiet = self.quiet;
        self.quiet = true;
        let errors = self.errors;
        let probe = self.expr(index);
        self.quiet = quiet;
        self.errors = errors;
        matches!(probe.map(|p| p.ty), Some(Ty::Array(_)))
    }

    /// `np.array(...)`, `np.asarray(...)`, `np.ascontiguousarray(...)` of nested list or tuple
    /// displays of numbers (a new array) or of an array (a copy, the array itself, or a
    /// C-contiguous view or copy).
    fn array_call(
        &mut self,
        name: &str,
        args: &[ast::Expr],
        keywords: &[ast::Keyword],
        span: Span,
    ) -> Option<Expr> {
        let mut dtype = None;
        for k in keywords {
            match k.name.as_deref() {
                Some("dtype") => dtype = Some(self.dtype_of(&k.value)?),
                _ => {
                    self.error(
                        Code::ArgumentMismatch,
                        format!("np.{name}() supports only the dtype= keyword"),
                        k.span,
                        "keyword argument",
                        "pass the data, and dtype= if needed",
                    );
                    return None;
                }
            }
        }
        if args.len() > 1 {
            self.error(
                Code::ArgumentMismatch,
                format!("np.{name}() takes the data and dtype="),
                args[1].span,
                "extra argument",
                "pass dtype= by keyword",
            );
            return None;
        }
        let data = &args[0];
        if matches!(data.kind, ast::ExprKind::List(_) | ast::ExprKind::Tuple(_)) {
            let mut dims = Vec::new();
            let mut leaves = Vec::new();
            self.nested_leaves(data, 0, &mut dims, &mut leaves)?;
            let vals: Vec<Option<Expr>> = leaves.iter().map(|l| self.expr(l)).collect();
            let vals: Vec<Expr> = vals.into_iter().collect::<Option<_>>()?;
            let d = match dtype {
                Some(d) => d,
                None => self.literal_dtype(&vals, span)?,
            };
            let items = vals.into_iter().map(|v| to_dtype(v, d)).collect();
            return Some(Expr {
                ty: contiguous(d, dims.len()),
                kind: ExprKind::ArrayLiteral { dims, items },
                span,
            });
        }
        let v = self.expr(data)?;
        let Ty::Array(a) = v.ty else {
            self.error(
                Code::TypeMismatch,
                format!(
                    "np.{name}() needs a list, a tuple or an array, got {}",
                    v.ty
                ),
                v.span,
                format!("this is {}", v.ty),
                "pass a (nested) list of numbers or an array",
            );
            return None;
        };
        let d = dtype.unwrap_or(a.dtype);
        let converted = d != a.dtype;
        if name == "array" || converted {
            // A new array: a copy, converted as astype converts.
            return self.elementwise(vec![v], span, |_, mut e| Some(to_dtype(e.pop()?, d)));
        }
        if name == "asarray" {
            return Some(Expr { span, ..v });
        }
        let n = a.ndim as usize;
        let shape = shape_of(v.clone(), a, span);
        let dims = (0..n)
            .map(|k| Expr {
                kind: ExprKind::TupleGet {
                    tuple: Box::new(shape.clone()),
                    index: k,
                },
                ty: Ty::Int,
                span,
            })
            .collect();
        Some(Expr {
            ty: contiguous(a.dtype, n),
            kind: ExprKind::Reshape {
                array: Box::new(v),
                dims,
            },
            span,
        })
    }

    /// The leaves of a rectangular nest of list or tuple displays, and its shape.
    fn nested_leaves<'e>(
        &mut self,
        e: &'e ast::Expr,
        depth: usize,
        dims: &mut Vec<usize>,
        leaves: &mut Vec<&'e ast::Expr>,
    ) -> Option<()> {
        let items = match &e.kind {
            ast::ExprKind::List(items) | ast::ExprKind::Tuple(items) => items,
            _ => {
                if depth != dims.len() {
                    self.error(
                        Code::TypeMismatch,
                        "the nested lists have different depths",
                        e.span,
                        "a number here",
                        "give every row the same shape (NumPy raises ValueError for ragged data)",
                    );
                    return None;
                }
                leaves.push(e);
                return Some(());
            }
        };
        if depth == dims.len() {
            if !leaves.is_empty() || depth >= 4 {
                self.error(
                    Code::TypeMismatch,
                    "the nested lists have different depths",
                    e.span,
                    "a list here",
                    "give every row the same shape, at most 4 levels deep",
                );
                return None;
            }
            dims.push(items.len());
        } else if dims[depth] != items.len() {
            self.error(
                Code::TypeMismatch,
                format!(
                    "a row of {} items where the others have {}",
                    items.len(),
                    dims[depth]
                ),
                e.span,
                "ragged row",
                "give every row the same length (NumPy raises ValueError for ragged data)",
            );
            return None;
        }
        for i in items {
            self.nested_leaves(i, depth + 1, dims, leaves)?;
        }
        Some(())
    }

    /// NumPy's dtype for array data: Python ints int64, floats float64, bools bool, NumPy scalars
    /// their own, all promoted together.
    pub(crate) fn literal_dtype(&mut self, vals: &[Expr], span: Span) -> Option<Dtype> {
        let tys: Vec<Ty> = vals
            .iter()
            .map(|v| match &v.ty {
                Ty::Int => Ty::Scalar(Dtype::I64),
                Ty::Float => Ty::Scalar(Dtype::F64),
                Ty::Complex => Ty::Scalar(Dtype::C128),
                Ty::Bool => Ty::Scalar(Dtype::B1),
                t => t.clone(),
            })
            .collect();
        if tys.is_empty() {
            return Some(Dtype::F64);
        }
        let refs: Vec<&Ty> = tys.iter().collect();
        self.common_dtype(&refs, span)
    }

    /// `a[idx]` where `idx` is a tuple variable of ints (`idx = (i, j)`): the element or view its
    /// items index. `None` when the index is not a tuple variable.
    fn tuple_index(
        &mut self,
        array: &Expr,
        a: ArrayTy,
        index: &ast::Expr,
        span: Span,
    ) -> Option<Option<Expr>> {
        let ast::ExprKind::Name(n) = &index.kind else {
            return None;
        };
        let id = *self.by_name.get(n.as_str())?;
        let Ty::Tuple(items) = self.locals[id.index()].ty.clone() else {
            return None;
        };
        let Some(v) = self.expr(index) else {
            return Some(None);
        };
        if items.len() > a.ndim as usize || !items.iter().all(|t| *t == Ty::Int) {
            self.error(
                Code::TypeMismatch,
                format!(
                    "an array index tuple must hold at most {} ints, not {}",
                    a.ndim, v.ty
                ),
                index.span,
                format!("this is {}", v.ty),
                "index with a tuple of ints, one per dimension",
            );
            return Some(None);
        }
        let get = |k: usize| Expr {
            kind: ExprKind::TupleGet {
                tuple: Box::new(v.clone()),
                index: k,
            },
            ty: Ty::Int,
            span: v.span,
        };
        let indices: Vec<Expr> = (0..items.len()).map(get).collect();
        if indices.len() == a.ndim as usize {
            return Some(Some(Expr {
                kind: ExprKind::Index {
                    array: Box::new(array.clone()),
                    indices,
                },
                ty: Ty::Scalar(a.dtype),
                span,
            }));
        }
        let n = indices.len();
        Some(Some(Expr {
            kind: ExprKind::View {
                array: Box::new(array.clone()),
                items: indices.into_iter().map(ViewItem::Index).collect(),
            },
            ty: Ty::Array(ArrayTy {
                ndim: a.ndim - n as u8,
                contig: a.contig,
                ..a
            }),
            span,
        }))
    }

    /// `None` or `np.newaxis` in an index.
    fn is_newaxis(&self, e: &ast::Expr) -> bool {
        match &e.kind {
            ast::ExprKind::NoneLit => true,
            ast::ExprKind::Attribute { value, attr, .. } => {
                attr == "newaxis"
                    && matches!(&value.kind, ast::ExprKind::Name(m)
                        if !self.local_names.contains(m) && matches!(self.global(m), Some(Global::NumpyModule)))
            }
            _ => false,
        }
    }

    /// An array index: an int (a bool would be a mask in NumPy).
    fn index_value(&mut self, v: Expr) -> Option<Expr> {
        match v.ty {
            Ty::Int => Some(v),
            Ty::Scalar(d) if d.is_int() && d != Dtype::U64 => Some(to_python(v)),
            _ => {
                self.error(
                    Code::TypeMismatch,
                    format!("an array index must be an int, got {}", v.ty),
                    v.span,
                    format!("this is {}", v.ty),
                    "index with ints (bool and u64 indices are not supported)",
                );
                None
            }
        }
    }

    /// `a.shape`, `a.ndim`, `a.size`.
    pub(crate) fn array_attribute(
        &mut self,
        array: Expr,
        a: ArrayTy,
        attr: &str,
        attr_span: Span,
        span: Span,
    ) -> Option<Expr> {
        match attr {
            "shape" => Some(shape_of(array, a, span)),
            // Known at compile time, but reading the local may still raise UnboundLocalError.
            "ndim" => Some(crate::expr::with_effect(
                array,
                konst(Const::Int(i64::from(a.ndim)), span),
            )),
            "T" => Some(transposed(array, a, None, span)),
            "strides" => Some(Expr {
                kind: ExprKind::Strides(Box::new(array)),
                ty: Ty::Tuple(vec![Ty::Int; a.ndim as usize]),
                span,
            }),
            "dtype" => Some(crate::expr::with_effect(
                array,
                konst(Const::Dtype(a.dtype), span),
            )),
            "size" => Some(Expr {
                kind: ExprKind::Intrinsic {
                    func: Intrinsic::ArraySize,
                    args: vec![array],
                },
                ty: Ty::Int,
                span,
            }),
            "real" | "imag" => self.part_of_value(array, attr == "imag", span),
            _ => {
                self.error(
                    Code::UnknownAttribute,
                    format!("{} has no supported attribute `{attr}`", array.ty),
                    attr_span,
                    "unknown attribute",
                    "arrays support .shape, .ndim, .size, .copy() and .dtype as a dtype= argument",
                );
                None
            }
        }
    }

    /// `len(a)`: the length of the first axis.
    pub(crate) fn array_len(&mut self, array: Expr, span: Span) -> Option<Expr> {
        let Ty::Array(a) = array.ty else {
            unreachable!("only called for arrays")
        };
        let shape = shape_of(array, a, span);
        Some(Expr {
            kind: ExprKind::TupleGet {
                tuple: Box::new(shape),
                index: 0,
            },
            ty: Ty::Int,
            span,
        })
    }

    /// A method call on a value: only `a.copy()` for now. `None` if `func` is not a method call.
    pub(crate) fn method_call(
        &mut self,
        func: &ast::Expr,
        args: &[ast::Expr],
        keywords: &[ast::Keyword],
        span: Span,
    ) -> Option<Option<Expr>> {
        let ast::ExprKind::Attribute {
            value,
            attr,
            attr_span,
        } = &func.kind
        else {
            return None;
        };
        if let ast::ExprKind::Name(n) = &value.kind {
            // Methods of modules are their functions; a module constant has methods like a value.
            let module = !matches!(self.global(n.as_str()), None | Some(Global::Const(_)));
            if !self.local_names.contains(n) && module {
                return None;
            }
        }
        if let Some(r) = self.infer_empty_list(value, attr, args) {
            return Some(r);
        }
        if let ast::ExprKind::Name(n) = &value.kind {
            match (attr.as_str(), args) {
                ("add", [x]) => self.infer_empty_container(&n.clone(), x, None),
                ("get" | "setdefault", [k, d]) => {
                    if let Some(d) = self.probe_type(d) {
                        self.infer_empty_container(&n.clone(), k, Some(d));
                    }
                }
                _ => {}
            }
        }
        let v = self.expr(value);
        let v = match v {
            Some(v) => v,
            None => return Some(None),
        };
        if crate::list::is_seq(&v.ty) {
            return Some(self.list_method(v, attr, args, keywords, span));
        }
        if let Ty::Str = v.ty {
            return Some(self.str_method(v, attr, args, keywords, span));
        }
        if let Ty::Dict(..) | Ty::Set(_) = v.ty {
            return Some(self.obj_method(v, attr, args, keywords, span));
        }
        if matches!(attr.as_str(), "conj" | "conjugate") && args.is_empty() && keywords.is_empty() {
            return Some(self.conjugate(v, span));
        }
        if let (Ty::Array(a), "reshape" | "ravel" | "flatten") = (&v.ty, attr.as_str()) {
            let a = *a;
            return Some(self.reshape_call(v, a, attr, args, keywords, span));
        }
        if let (Ty::Array(_), "astype", [dtype], []) = (&v.ty, attr.as_str(), args, keywords) {
            let Some(d) = self.dtype_of(dtype) else {
                return Some(None);
            };
            return Some(self.elementwise(vec![v], span, |_, mut e| {
                let e = e.pop()?;
                Some(crate::numeric::to_dtype(e, d))
            }));
        }
        if let (Ty::Array(a), "transpose") = (&v.ty, attr.as_str()) {
            let a = *a;
            return Some(self.transpose_call(v, a, args, keywords, span));
        }
        if let Ty::Array(_) = v.ty {
            if let Some(d) = self.array_method(attr) {
                return Some(self.call_def_with(d, func, Some(v), None, args, keywords, span));
            }
        }
        if let (Ty::Array(a), "copy", true, true) = (
            v.ty.clone(),
            attr.as_str(),
            args.is_empty(),
            keywords.is_empty(),
        ) {
            return Some(Some(Expr {
                kind: ExprKind::CopyArray(Box::new(v)),
                ty: contiguous(a.dtype, a.ndim as usize),
                span,
            }));
        }
        let number_method = match (&v.ty, attr.as_str()) {
            (Ty::Int | Ty::Bool, "bit_length" | "bit_count") => true,
            (Ty::Float, "is_integer") => true,
            (Ty::Scalar(d), "is_integer") => d.is_float(),
            _ => false,
        };
        if number_method && args.is_empty() && keywords.is_empty() {
            // Methods of numbers are helpers of the bundled math module.
            let d = self.m.library("math").and_then(|lib| {
                match self.m.global(lib, &format!("_{attr}")) {
                    Some(Global::Func(d)) => Some(*d),
                    _ => None,
                }
            });
            if let Some(d) = d {
                return Some(self.call_def_values(d, vec![v], span));
            }
        }
        self.error(
            Code::NotCallable,
            format!("{} has no supported method `{attr}`", v.ty),
            *attr_span,
            "unknown method",
            "arrays support a.copy() as a method",
        );
        Some(None)
    }

    /// The bundled NumPy function behind an array method (`a.sum()` is `np.sum(a)`).
    fn array_method(&self, name: &str) -> Option<usize> {
        if !ARRAY_METHODS.contains(&name) {
            return None;
        }
        let lib = self.m.library("numpy")?;
        match self.m.global(lib, name) {
            Some(Global::Func(d)) => Some(*d),
            _ => None,
        }
    }

    /// `a.reshape(...)`, `a.ravel()`, `a.flatten()` (a copy first), and `np.reshape`/`np.ravel`.
    pub(crate) fn reshape_call(
        &mut self,
        array: Expr,
        a: ArrayTy,
        how: &str,
        args: &[ast::Expr],
        keywords: &[ast::Keyword],
        span: Span,
    ) -> Option<Expr> {
        if let Some(k) = keywords.first() {
            self.error(
                Code::ArgumentMismatch,
                format!("{how}() keyword arguments are not supported"),
                k.span,
                "keyword argument",
                "reshape in C order, passing the shape by position",
            );
            return None;
        }
        let dims = match (how, args) {
            ("ravel" | "flatten", []) => vec![konst(Const::Int(-1), span)],
            ("reshape", [shape]) => self.shape_arg(shape)?,
            ("reshape", many) if !many.is_empty() => {
                let mut dims = Vec::new();
                for e in many {
                    let v = self.expr(e)?;
                    dims.push(self.int_arg(v, "an array dimension")?);
                }
                dims
            }
            _ => {
                self.error(
                    Code::ArgumentMismatch,
                    format!(
                        "{how}() takes {}",
                        if how == "reshape" {
                            "a shape"
                        } else {
                            "no arguments"
                        }
                    ),
                    span,
                    "arguments",
                    "write a.reshape(n, m), a.reshape((n, m)) or a.ravel()",
                );
                return None;
            }
        };
        if dims.len() > 4 {
            self.error(
                Code::TypeMismatch,
                "arrays have at most 4 dimensions",
                span,
                "too many dimensions",
                "reshape to 4 dimensions or fewer",
            );
            return None;
        }
        let source = if how == "flatten" {
            Expr {
                kind: ExprKind::CopyArray(Box::new(array)),
                ty: contiguous(a.dtype, a.ndim as usize),
                span,
            }
        } else {
            array
        };
        Some(Expr {
            ty: contiguous(a.dtype, dims.len()),
            kind: ExprKind::Reshape {
                array: Box::new(source),
                dims,
            },
            span,
        })
    }

    /// `a.transpose()`, `a.transpose(1, 0)`, `a.transpose((1, 0))`, `np.transpose(a, axes)`.
    fn transpose_call(
        &mut self,
        array: Expr,
        a: ArrayTy,
        args: &[ast::Expr],
        keywords: &[ast::Keyword],
        span: Span,
    ) -> Option<Expr> {
        let axes_arg: Vec<&ast::Expr> = match (args, keywords) {
            ([], []) => return Some(transposed(array, a, None, span)),
            ([one], []) => match &one.kind {
                ast::ExprKind::Tuple(items) => items.iter().collect(),
                _ => vec![one],
            },
            ([], [k]) if k.name.as_deref() == Some("axes") => match &k.value.kind {
                ast::ExprKind::Tuple(items) => items.iter().collect(),
                _ => vec![&k.value],
            },
            (many, []) => many.iter().collect(),
            _ => {
                self.error(
                    Code::ArgumentMismatch,
                    "transpose() takes the axes, by position or as axes=",
                    span,
                    "arguments",
                    "write a.transpose(1, 0) or np.transpose(a, (1, 0))",
                );
                return None;
            }
        };
        if axes_arg.len() != a.ndim as usize {
            self.error(
                Code::TypeMismatch,
                format!(
                    "axes don't match array: {} axes for a {}-D array",
                    axes_arg.len(),
                    a.ndim
                ),
                span,
                "axes",
                "give one axis per dimension",
            );
            return None;
        }
        let mut axes = Vec::new();
        for e in axes_arg {
            let v = self.expr(e)?;
            axes.push(self.int_arg(v, "an axis")?);
        }
        Some(transposed(array, a, Some(axes), span))
    }

    /// Whether `func` names a member of a NumPy submodule (`np.linalg.norm`): the module's import
    /// name (`numpy.linalg`) and the member's.
    pub(crate) fn numpy_submodule_member(&self, func: &ast::Expr) -> Option<(String, String)> {
        let ast::ExprKind::Attribute { value, attr, .. } = &func.kind else {
            return None;
        };
        let sub = self.numpy_member(value)?;
        (sub == "linalg").then(|| (format!("numpy.{sub}"), attr.clone()))
    }

    /// Whether `func` names a member of the `numpy` module (`np.zeros`); returns the member name.
    pub(crate) fn numpy_member(&self, func: &ast::Expr) -> Option<String> {
        // A name bound by `from numpy import clip`.
        if let ast::ExprKind::Name(n) = &func.kind {
            return match self.global(n.as_str()) {
                Some(Global::NumpyMember(m)) if !self.local_names.contains(n) => Some(m.clone()),
                _ => None,
            };
        }
        let ast::ExprKind::Attribute { value, attr, .. } = &func.kind else {
            return None;
        };
        let ast::ExprKind::Name(m) = &value.kind else {
            return None;
        };
        if self.local_names.contains(m) {
            return None;
        }
        match self.global(m.as_str()) {
            Some(Global::NumpyModule) => Some(attr.clone()),
            _ => None,
        }
    }

    /// A call of a NumPy function: the array constructors and the scalar types (`np.float32(x)`).
    pub(crate) fn numpy_call(
        &mut self,
        name: &str,
        fspan: Span,
        args: &[ast::Expr],
        keywords: &[ast::Keyword],
        span: Span,
    ) -> Option<Expr> {
        if let Some(d) = Dtype::from_name(name) {
            if d.is_complex() && args.len() == 2 && keywords.is_empty() {
                // `np.complex128(re, im)` of real numbers.
                let re = self.expr(&args[0])?;
                let im = self.expr(&args[1])?;
                let z = self.complex_builtin(vec![re, im], span)?;
                return Some(crate::expr::explicit_conversion(Expr {
                    span,
                    ..to_dtype(z, d)
                }));
            }
            if args.len() != 1 || !keywords.is_empty() {
                self.error(
                    Code::ArgumentMismatch,
                    format!("np.{name}() takes one argument"),
                    span,
                    "wrong arguments",
                    format!("write np.{name}(value)"),
                );
                return None;
            }
            let v = self.expr(&args[0])?;
            if !(v.ty.is_numeric() || matches!(v.ty, Ty::Scalar(_) | Ty::Complex)) {
                self.error(
                    Code::TypeMismatch,
                    format!("np.{name}() needs a number, got {}", v.ty),
                    v.span,
                    format!("this is {}", v.ty),
                    "pass a number",
                );
                return None;
            }
            if crate::complex::is_complex(&v.ty) && !d.is_complex() {
                self.error(
                    Code::TypeMismatch,
                    format!("np.{name}() of a complex number is not supported"),
                    v.span,
                    format!("this is {}", v.ty),
                    "NumPy raises TypeError here: take .real or abs() first",
                );
                return None;
            }
            return Some(crate::expr::explicit_conversion(Expr {
                span,
                ..to_dtype(v, d)
            }));
        }
        if crate::ufunc::is_ufunc(name) {
            return self.ufunc_call(name, args, keywords, span);
        }
        if name == "_blas_gemm" && self.m.scopes[self.scope].library {
            return self.blas_gemm(args, span);
        }
        if name == "result_type" && !args.is_empty() && keywords.is_empty() {
            // NumPy's promotion of the operands' dtypes (arrays and NumPy scalars strong, Python
            // numbers weak), known at compile time.
            let vals: Vec<Option<Expr>> = args.iter().map(|a| self.expr(a)).collect();
            let vals: Vec<Expr> = vals.into_iter().collect::<Option<_>>()?;
            let tys: Vec<Ty> = vals
                .iter()
                .map(|v| match &v.ty {
                    Ty::Array(a) => Ty::Scalar(a.dtype),
                    Ty::DtypeOf(d) | Ty::ScalarType(d) => Ty::Scalar(*d),
                    t => t.clone(),
                })
                .collect();
            let refs: Vec<&Ty> = tys.iter().collect();
            let d = self.common_dtype(&refs, span)?;
            let mut out = konst(Const::Dtype(d), span);
            for v in vals.into_iter().rev() {
                out = crate::expr::with_effect(v, out);
            }
            return Some(out);
        }
        if matches!(name, "array" | "asarray" | "ascontiguousarray") && !args.is_empty() {
            return self.array_call(name, args, keywords, span);
        }
        if let ("ndim", [arg], []) = (name, args, keywords) {
            let v = self.expr(arg)?;
            let n = match &v.ty {
                Ty::Array(a) => i64::from(a.ndim),
                _ => 0,
            };
            return Some(crate::expr::with_effect(v, konst(Const::Int(n), span)));
        }
        if let ("dtype", [arg], []) = (name, args, keywords) {
            let d = self.dtype_of(arg)?;
            return Some(konst(Const::Dtype(d), span));
        }
        if let ("transpose", [first, rest @ ..]) = (name, args) {
            let v = self.expr(first)?;
            let Ty::Array(a) = v.ty else {
                self.error(
                    Code::TypeMismatch,
                    format!("np.transpose() needs an array, got {}", v.ty),
                    v.span,
                    format!("this is {}", v.ty),
                    "pass an array",
                );
                return None;
            };
            return self.transpose_call(v, a, rest, keywords, span);
        }
        if let ("reshape" | "ravel", [first, rest @ ..]) = (name, args) {
            let v = self.expr(first)?;
            let Ty::Array(a) = v.ty else {
                self.error(
                    Code::TypeMismatch,
                    format!("np.{name}() needs an array, got {}", v.ty),
                    v.span,
                    format!("this is {}", v.ty),
                    "pass an array",
                );
                return None;
            };
            return self.reshape_call(v, a, name, rest, keywords, span);
        }
        if !CONSTRUCTORS.contains(&name) {
            self.error(
                Code::UnknownName,
                format!("`np.{name}` is not supported in compiled code"),
                fspan,
                "not supported",
                "see docs/language.md for the supported NumPy functions",
            );
            return None;
        }
        let mut dtype_arg: Option<&ast::Expr> = None;
        for k in keywords {
            match k.name.as_deref() {
                Some("dtype") => dtype_arg = Some(&k.value),
                _ => {
                    self.error(
                        Code::ArgumentMismatch,
                        format!("np.{name}() keyword argument not supported here"),
                        k.span,
                        "keyword argument",
                        "only dtype= is supported",
                    );
                    return None;
                }
            }
        }
        let (min, max) = match name {
            "empty" | "zeros" | "ones" => (1, 2),
            "full" => (2, 3),
            "empty_like" | "zeros_like" | "ones_like" => (1, 2),
            "full_like" => (2, 3),
            _ => (1, 3),
        };
        if args.len() < min || args.len() > max {
            self.error(
                Code::ArgumentMismatch,
                format!(
                    "np.{name}() takes {min} to {max} positional arguments here, got {}",
                    args.len()
                ),
                span,
                "wrong number of arguments",
                format!("see the signature of np.{name}()"),
            );
            return None;
        }
        if name == "arange" {
            return self.arange(args, dtype_arg, span);
        }
        let fill_pos = usize::from(name.starts_with("full"));
        if args.len() > fill_pos + 1 {
            if dtype_arg.is_some() {
                self.error(
                    Code::ArgumentMismatch,
                    "dtype given twice",
                    args[fill_pos + 1].span,
                    "second dtype",
                    "pass dtype once",
                );
                return None;
            }
            dtype_arg = Some(&args[fill_pos + 1]);
        }
        let fill = if fill_pos == 1 {
            let v = self.expr(&args[1])?;
            if !(v.ty.is_numeric() || matches!(v.ty, Ty::Scalar(_) | Ty::Complex)) {
                self.error(
                    Code::TypeMismatch,
                    format!("the fill value must be a number, got {}", v.ty),
                    v.span,
                    format!("this is {}", v.ty),
                    "pass a number",
                );
                return None;
            }
            Some(v)
        } else {
            None
        };
        let explicit = match dtype_arg {
            Some(d) => Some(self.dtype_of(d)?),
            None => None,
        };
        let like = name.ends_with("_like");
        let (dims, source, ndim, source_dtype) = if like {
            let src = self.expr(&args[0])?;
            let Ty::Array(a) = src.ty else {
                self.error(
                    Code::TypeMismatch,
                    format!("np.{name}() needs an array, got {}", src.ty),
                    src.span,
                    format!("this is {}", src.ty),
                    "pass an array",
                );
                return None;
            };
            (Vec::new(), Some(src), a.ndim as usize, Some(a.dtype))
        } else {
            let dims = self.shape_arg(&args[0])?;
            let n = dims.len();
            (dims, None, n, None)
        };
        let dtype = explicit
            .or(source_dtype)
            .or_else(|| fill.as_ref().map(default_dtype_of))
            .unwrap_or(Dtype::F64);
        let init = match (name.trim_end_matches("_like"), fill) {
            ("empty", _) => ArrayInit::Empty,
            ("zeros", _) => ArrayInit::Zeros,
            ("ones", _) => ArrayInit::Ones,
            // NumPy fills with an unsafe cast: a Python float goes to an integer dtype as an f64 would.
            (_, Some(v)) if v.ty == Ty::Float && dtype.is_int() => {
                ArrayInit::Full(Box::new(to_dtype(to_dtype(v, Dtype::F64), dtype)))
            }
            (_, Some(v)) => ArrayInit::Full(Box::new(to_dtype(v, dtype))),
            _ => unreachable!("full has a fill value"),
        };
        let ty = contiguous(dtype, ndim);
        let kind = match source {
            Some(src) => ExprKind::NewArrayLike {
                init,
                source: Box::new(src),
            },
            None => ExprKind::NewArray { init, dims },
        };
        Some(Expr { kind, ty, span })
    }

    /// `np.arange(stop)`, `np.arange(start, stop[, step])`: int64 for int arguments, float64 otherwise.
    fn arange(
        &mut self,
        args: &[ast::Expr],
        dtype_arg: Option<&ast::Expr>,
        span: Span,
    ) -> Option<Expr> {
        let mut vals = Vec::new();
        for a in args {
            let v = to_python(self.expr(a)?);
            if !v.ty.is_numeric() {
                self.error(
                    Code::TypeMismatch,
                    format!("np.arange() needs numbers, got {}", v.ty),
                    v.span,
                    format!("this is {}", v.ty),
                    "pass ints or floats",
                );
                return None;
            }
            vals.push(v);
        }
        let any_float = vals.iter().any(|v| v.ty == Ty::Float);
        let dtype = match dtype_arg {
            Some(d) => self.dtype_of(d)?,
            None if any_float => Dtype::F64,
            None => Dtype::I64,
        };
        if !matches!(dtype, Dtype::I64 | Dtype::F64) || (dtype == Dtype::I64 && any_float) {
            self.error(
                Code::TypeMismatch,
                format!(
                    "np.arange() with dtype {} is not supported yet",
                    dtype.numpy_name()
                ),
                span,
                "unsupported dtype",
                "use int arguments for int64 or float arguments for float64",
            );
            return None;
        }
        let conv = |v: Expr| {
            let v = if v.ty == Ty::Bool {
                crate::expr::cast(pyaot_hir::CastKind::BoolToInt, v, Ty::Int)
            } else {
                v
            };
            if dtype == Dtype::F64 {
                crate::expr::to_float(v)
            } else {
                v
            }
        };
        let zero = |f: bool, s| konst(if f { Const::Float(0.0) } else { Const::Int(0) }, s);
        let one = |f: bool, s| konst(if f { Const::Float(1.0) } else { Const::Int(1) }, s);
        let f = dtype == Dtype::F64;
        let mut it = vals.into_iter().map(conv);
        let (start, stop, step) = match args.len() {
            1 => (zero(f, span), it.next()?, one(f, span)),
            2 => (it.next()?, it.next()?, one(f, span)),
            _ => (it.next()?, it.next()?, it.next()?),
        };
        Some(Expr {
            kind: ExprKind::Arange {
                start: Box::new(start),
                stop: Box::new(stop),
                step: Box::new(step),
            },
            ty: contiguous(dtype, 1),
            span,
        })
    }

    /// A shape argument: an int, or a tuple of ints (a literal or a tuple value such as `a.shape`).
    fn shape_arg(&mut self, e: &ast::Expr) -> Option<Vec<Expr>> {
        let dims: Vec<Expr> = match &e.kind {
            ast::ExprKind::Tuple(items) => {
                let mut dims = Vec::new();
                for i in items {
                    let v = self.expr(i)?;
                    dims.push(self.int_arg(v, "an array dimension")?);
                }
                dims
            }
            _ => {
                let v = self.expr(e)?;
                match &v.ty {
                    Ty::Tuple(items) if is_pure(&v) => (0..items.len())
                        .map(|k| Expr {
                            kind: ExprKind::TupleGet {
                                tuple: Box::new(v.clone()),
                                index: k,
                            },
                            ty: items[k].clone(),
                            span: v.span,
                        })
                        .map(|d| self.int_arg(d, "an array dimension"))
                        .collect::<Option<Vec<_>>>()?,
                    _ => vec![self.int_arg(v, "an array shape")?],
                }
            }
        };
        if dims.is_empty() || dims.len() > 4 {
            self.error(
                Code::TypeMismatch,
                format!(
                    "arrays have 1 to 4 dimensions, this shape has {}",
                    dims.len()
                ),
                e.span,
                "shape",
                "give 1 to 4 dimensions",
            );
            return None;
        }
        Some(dims)
    }

    /// The dtype a `dtype=` argument names: `np.float64`, `float`, `int`, `bool`, `f32`, or `a.dtype`.
    pub(crate) fn dtype_of(&mut self, e: &ast::Expr) -> Option<Dtype> {
        let found = match &e.kind {
            ast::ExprKind::Name(n) if !self.local_names.contains(n) => {
                match (n.as_str(), self.global(n.as_str())) {
                    (_, Some(Global::PyaotMember(m))) => {
                        Dtype::ALL.into_iter().find(|d| d.name() == m)
                    }
                    ("float", None) => Some(Dtype::F64),
                    ("complex", None) => Some(Dtype::C128),
                    ("int", None) => Some(Dtype::I64),
                    ("bool", None) => Some(Dtype::B1),
                    _ => None,
                }
            }
            ast::ExprKind::Attribute { .. } if self.numpy_member(e).is_some() => {
                self.numpy_member(e).and_then(|m| Dtype::from_name(&m))
            }
            // NumPy's names and type codes as strings: 'float64', 'complex', 'f8', 'u4', 'c16'.
            ast::ExprKind::Str(s) => dtype_from_str(s),
            // Any expression whose value is a dtype (`t` holding `a.dtype`, a helper returning one).
            _ => match self.expr(e) {
                Some(
                    v @ Expr {
                        ty: Ty::DtypeOf(d) | Ty::ScalarType(d),
                        ..
                    },
                ) if effect_free(&v) => Some(d),
                _ => None,
            },
        };
        if found.is_none() {
            self.error(
                Code::TypeMismatch,
                "this is not a supported dtype",
                e.span,
                "dtype",
                "write np.float64, np.int32, ..., float, int, bool, or a.dtype of an array variable",
            );
        }
        found
    }
}

/// The dtype a string names: a NumPy name (`'float64'`, `'complex'`) or a type code (`'f8'`, `'u4'`).
fn dtype_from_str(s: &str) -> Option<Dtype> {
    let s = s.strip_prefix(['<', '=', '|']).unwrap_or(s);
    let d = match s {
        "float" | "d" | "f8" => Dtype::F64,
        "f" | "f4" => Dtype::F32,
        "complex" | "D" | "c16" => Dtype::C128,
        "F" | "c8" => Dtype::C64,
        "int" | "l" | "q" | "i8" => Dtype::I64,
        "i" | "i4" => Dtype::I32,
        "h" | "i2" => Dtype::I16,
        "b" | "i1" => Dtype::I8,
        "L" | "Q" | "u8" => Dtype::U64,
        "I" | "u4" => Dtype::U32,
        "H" | "u2" => Dtype::U16,
        "B" | "u1" => Dtype::U8,
        "?" | "b1" => Dtype::B1,
        // pyaot's own names (`i8` is NumPy's int64 above, so they are not accepted as strings).
        _ => return Dtype::from_name(s).filter(|d| d.name() != s),
    };
    Some(d)
}

/// Whether dropping an expression loses nothing: constants and reads of locals.
fn effect_free(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Const(_) | ExprKind::Local(_) => true,
        ExprKind::Seq { effect, value } => effect_free(effect) && effect_free(value),
        _ => false,
    }
}

/// `array.shape`: a tuple of one int per dimension.
fn shape_of(array: Expr, a: ArrayTy, span: Span) -> Expr {
    Expr {
        kind: ExprKind::Shape(Box::new(array)),
        ty: Ty::Tuple(vec![Ty::Int; a.ndim as usize]),
        span,
    }
}

/// NumPy's dtype for a fill value: int64 for ints, float64 for floats, bool for bools.
fn default_dtype_of(v: &Expr) -> Dtype {
    match v.ty {
        Ty::Scalar(d) => d,
        Ty::Float => Dtype::F64,
        Ty::Complex => Dtype::C128,
        Ty::Bool => Dtype::B1,
        _ => Dtype::I64,
    }
}

/// Whether evaluating the expression twice is the same as once (locals and shapes of locals).
fn is_pure(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Local(_) | ExprKind::Const(_) => true,
        ExprKind::Shape(a) => is_pure(a),
        ExprKind::Tuple(items) => items.iter().all(is_pure),
        _ => false,
    }
}
