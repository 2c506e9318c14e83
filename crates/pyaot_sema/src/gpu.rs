//! GPU kernels: the signatures of `@cuda.kernel` functions and the `cuda.*` names of their bodies.
//!
//! A kernel takes arrays and numbers and returns nothing. Inside its body `cuda.grid(n)` and
//! `cuda.gridsize(n)` become arithmetic on the thread registers, and `cuda.syncthreads()`,
//! `cuda.shared.array`, `cuda.local.array` and `cuda.atomic.*` become [`GpuOp`] nodes.

use pyaot_diagnostics::{Code, Diagnostic, Span};
use pyaot_hir::{AtomicOp, BinaryOp, Dtype, Expr, ExprKind, FuncId, GpuOp, GpuReg, Ty};
use pyaot_syntax::ast;

use crate::func::FnCx;
use crate::items::{DefKind, Global, ModuleCx, USER};

/// The help line of every kernel diagnostic.
const KERNEL_HELP: &str = "see docs/gpu.md for the kernel language";

impl ModuleCx<'_> {
    /// Gives kernel `i` its id and parameter types, or reports why it has none.
    pub(crate) fn kernel_signature(&mut self, i: usize) {
        let f = self.defs[i].ast;
        let mut params = Vec::new();
        let mut ok = true;
        for p in &f.params {
            let Some(ann) = &p.annotation else {
                self.diags.push(
                    Diagnostic::error(
                        Code::GpuKernel,
                        format!("kernel parameter `{}` has no annotation", p.name),
                        p.span,
                        "not annotated",
                    )
                    .with_help("annotate every kernel parameter: an array (`f64[:]`) or int, float or bool"),
                );
                ok = false;
                continue;
            };
            match self.annotation(USER, ann) {
                Ok(t) if kernel_param_ok(&t) => params.push(t),
                Ok(t) => {
                    self.diags.push(
                        Diagnostic::error(
                            Code::GpuKernel,
                            format!("a kernel parameter cannot be {t}"),
                            ann.span,
                            "kernel parameter",
                        )
                        .with_help("pass arrays of real numbers, ints, floats or bools"),
                    );
                    ok = false;
                }
                Err(d) => {
                    self.diags.push(d);
                    ok = false;
                }
            }
        }
        if let Some(r) = &f.returns {
            if !matches!(&r.kind, ast::ExprKind::NoneLit) {
                self.diags.push(
                    Diagnostic::error(
                        Code::GpuKernel,
                        format!("kernel `{}` declares a return value", f.name),
                        r.span,
                        "return annotation",
                    )
                    .with_help(
                        "a kernel returns nothing: write its results into an array parameter",
                    ),
                );
                ok = false;
            }
        }
        self.defs[i].kind = if ok {
            let id = FuncId(self.funcs.len() as u32);
            self.funcs.push(None);
            DefKind::Kernel { id, params }
        } else {
            DefKind::Broken
        };
    }
}

/// Whether a kernel may take a parameter of type `t`.
fn kernel_param_ok(t: &Ty) -> bool {
    match t {
        Ty::Array(a) => !a.dtype.is_complex(),
        Ty::Int | Ty::Float | Ty::Bool => true,
        Ty::Scalar(d) => !d.is_complex(),
        _ => false,
    }
}

fn expr(kind: ExprKind, ty: Ty, span: Span) -> Expr {
    Expr { kind, ty, span }
}

fn reg(r: GpuReg, axis: u8, span: Span) -> Expr {
    expr(
        ExprKind::Gpu {
            op: GpuOp::Reg(r, axis),
            args: Vec::new(),
        },
        Ty::Int,
        span,
    )
}

fn int_op(op: BinaryOp, lhs: Expr, rhs: Expr, span: Span) -> Expr {
    expr(
        ExprKind::Binary {
            op,
            lhs: Box::new(lhs),
            rhs: Box::new(rhs),
        },
        Ty::Int,
        span,
    )
}

impl FnCx<'_, '_> {
    /// The path after `cuda` of `cuda.a.b` (or `pyaot.cuda.a.b`): `["a", "b"]`; `None` for
    /// anything else.
    pub(crate) fn cuda_path<'e>(&self, e: &'e ast::Expr) -> Option<Vec<&'e str>> {
        match &e.kind {
            ast::ExprKind::Name(n) if !self.local_names.contains(n) => {
                matches!(self.global(n.as_str()), Some(Global::PyaotMember(m)) if m == "cuda")
                    .then(Vec::new)
            }
            ast::ExprKind::Attribute { value, attr, .. } => {
                if attr == "cuda" {
                    if let ast::ExprKind::Name(n) = &value.kind {
                        if !self.local_names.contains(n)
                            && matches!(self.global(n.as_str()), Some(Global::PyaotModule))
                        {
                            return Some(Vec::new());
                        }
                    }
                }
                let mut path = self.cuda_path(value)?;
                path.push(attr.as_str());
                Some(path)
            }
            _ => None,
        }
    }

    /// Reports a `cuda` name used outside a kernel; true when inside one.
    fn in_kernel(&mut self, what: &str, span: Span) -> bool {
        if !self.kernel {
            self.error(
                Code::GpuKernel,
                format!("`cuda.{what}` is only available in the body of a `@cuda.kernel` function"),
                span,
                "outside a kernel",
                "call it in the kernel itself; device helpers take the values as arguments",
            );
        }
        self.kernel
    }

    /// `cuda.threadIdx.x` and the other registers read as values.
    pub(crate) fn cuda_attribute(&mut self, path: &[&str], span: Span) -> Option<Expr> {
        let what = path.join(".");
        if !self.in_kernel(&what, span) {
            return None;
        }
        let r = match path.first().copied() {
            Some("threadIdx") => Some(GpuReg::ThreadIdx),
            Some("blockIdx") => Some(GpuReg::BlockIdx),
            Some("blockDim") => Some(GpuReg::BlockDim),
            Some("gridDim") => Some(GpuReg::GridDim),
            _ => None,
        };
        let axis = match path.get(1).copied() {
            Some("x") => Some(0),
            Some("y") => Some(1),
            Some("z") => Some(2),
            _ => None,
        };
        match (r, axis, path.len()) {
            (Some(r), Some(axis), 2) => Some(reg(r, axis, span)),
            _ => {
                self.error(
                    Code::GpuKernel,
                    format!("`cuda.{what}` is not a value of the kernel language"),
                    span,
                    "unknown",
                    "read cuda.threadIdx, cuda.blockIdx, cuda.blockDim or cuda.gridDim with .x, .y or .z",
                );
                None
            }
        }
    }

    /// A call of a `cuda` function.
    pub(crate) fn cuda_call(
        &mut self,
        path: &[&str],
        args: &[ast::Expr],
        keywords: &[ast::Keyword],
        span: Span,
    ) -> Option<Expr> {
        let what = path.join(".");
        if !self.in_kernel(&what, span) {
            return None;
        }
        if let Some(k) = keywords.first() {
            self.error(
                Code::GpuKernel,
                format!("`cuda.{what}` takes no keyword arguments"),
                k.span,
                "keyword",
                "pass the arguments by position",
            );
            return None;
        }
        let arity = |n: usize| args.len() == n;
        match (path, args.len()) {
            (["grid"], 1) | (["gridsize"], 1) => {
                let ndim = self.grid_ndim(&args[0])?;
                let items: Vec<Expr> = (0..ndim)
                    .map(|k| {
                        if path[0] == "grid" {
                            let base = int_op(
                                BinaryOp::Mul,
                                reg(GpuReg::BlockIdx, k, span),
                                reg(GpuReg::BlockDim, k, span),
                                span,
                            );
                            int_op(BinaryOp::Add, base, reg(GpuReg::ThreadIdx, k, span), span)
                        } else {
                            int_op(
                                BinaryOp::Mul,
                                reg(GpuReg::BlockDim, k, span),
                                reg(GpuReg::GridDim, k, span),
                                span,
                            )
                        }
                    })
                    .collect();
                if ndim == 1 {
                    items.into_iter().next()
                } else {
                    let ty = Ty::Tuple(vec![Ty::Int; ndim as usize]);
                    Some(expr(ExprKind::Tuple(items), ty, span))
                }
            }
            (["syncthreads"], 0) => Some(expr(
                ExprKind::Gpu {
                    op: GpuOp::SyncThreads,
                    args: Vec::new(),
                },
                Ty::None,
                span,
            )),
            ([space @ ("shared" | "local"), "array"], 2) => {
                self.gpu_array(*space == "shared", &args[0], &args[1], span)
            }
            (["atomic", op @ ("add" | "max" | "min")], _) if arity(3) => {
                let op = match *op {
                    "add" => AtomicOp::Add,
                    "max" => AtomicOp::Max,
                    _ => AtomicOp::Min,
                };
                self.atomic(op, args, span)
            }
            (["atomic", "cas"], 4) => self.atomic(AtomicOp::Cas, args, span),
            _ => {
                self.error(
                    Code::GpuKernel,
                    format!(
                        "`cuda.{what}` with {} argument{} is not part of the kernel language",
                        args.len(),
                        if args.len() == 1 { "" } else { "s" }
                    ),
                    span,
                    "not supported",
                    KERNEL_HELP,
                );
                None
            }
        }
    }

    /// The constant 1, 2 or 3 of `cuda.grid(n)`.
    fn grid_ndim(&mut self, arg: &ast::Expr) -> Option<u8> {
        let v = self.expr(arg)?;
        match v.kind {
            ExprKind::Const(pyaot_hir::Const::Int(n @ 1..=3)) => Some(n as u8),
            _ => {
                self.error(
                    Code::GpuKernel,
                    "the number of grid dimensions must be the constant 1, 2 or 3",
                    arg.span,
                    "not 1, 2 or 3",
                    "write cuda.grid(1), cuda.grid(2) or cuda.grid(3)",
                );
                None
            }
        }
    }

    /// `cuda.shared.array(dims, dtype)` or `cuda.local.array(dims, dtype)`.
    fn gpu_array(
        &mut self,
        shared: bool,
        shape: &ast::Expr,
        dtype: &ast::Expr,
        span: Span,
    ) -> Option<Expr> {
        let v = self.expr(shape)?;
        let konst = |e: &Expr| match e.kind {
            ExprKind::Const(pyaot_hir::Const::Int(n)) if n > 0 => Some(n as usize),
            _ => None,
        };
        let dims = match &v.kind {
            ExprKind::Tuple(items) => items.iter().map(konst).collect::<Option<Vec<_>>>(),
            _ => konst(&v).map(|n| vec![n]),
        };
        let d = self.dtype_of(dtype)?;
        let bytes = dims
            .as_ref()
            .map(|dims| dims.iter().product::<usize>() * d.itemsize() as usize);
        let dims = match (dims, bytes) {
            (Some(dims), Some(b)) if (1..=4).contains(&dims.len()) && b <= 1 << 30 => dims,
            _ => {
                self.error(
                    Code::GpuKernel,
                    "the shape of a shared or local array must be a positive constant int or a tuple of 1 to 4 of them",
                    shape.span,
                    "not a constant shape",
                    "write the shape with literals or module constants: cuda.shared.array((TILE, TILE), np.float64)",
                );
                return None;
            }
        };
        if d.is_complex() {
            self.error(
                Code::GpuKernel,
                "kernel arrays of complex numbers are not supported",
                dtype.span,
                "complex dtype",
                "keep the real and imaginary parts in two arrays",
            );
            return None;
        }
        let next = self.gpu_arrays.len() as u16;
        let id = *self.gpu_arrays.entry(span.start).or_insert(next);
        let ty = Ty::Array(pyaot_hir::ArrayTy {
            dtype: d,
            ndim: dims.len() as u8,
            contig: true,
        });
        Some(expr(
            ExprKind::Gpu {
                op: GpuOp::Array { shared, id, dims },
                args: Vec::new(),
            },
            ty,
            span,
        ))
    }

    /// `cuda.atomic.OP(array, index, value...)`.
    fn atomic(&mut self, op: AtomicOp, args: &[ast::Expr], span: Span) -> Option<Expr> {
        let array = self.expr(&args[0])?;
        let Ty::Array(a) = array.ty else {
            self.error(
                Code::GpuKernel,
                format!("an atomic operation needs an array, not {}", array.ty),
                args[0].span,
                "not an array",
                "pass the array and the index of the element",
            );
            return None;
        };
        let supported = match op {
            AtomicOp::Add => matches!(a.dtype, Dtype::I64 | Dtype::I32 | Dtype::F64 | Dtype::F32),
            _ => matches!(a.dtype, Dtype::I64 | Dtype::I32),
        };
        if !supported {
            self.error(
                Code::GpuKernel,
                format!(
                    "atomic {} on a {} array is not supported",
                    format!("{op:?}").to_lowercase(),
                    a.dtype.numpy_name()
                ),
                args[0].span,
                "array dtype",
                "atomic add takes int64, int32, float64 or float32 arrays; max, min and cas int64 or int32 ones",
            );
            return None;
        }
        let index_exprs: Vec<&ast::Expr> = match &args[1].kind {
            ast::ExprKind::Tuple(items) => items.iter().collect(),
            _ => vec![&args[1]],
        };
        if index_exprs.len() != a.ndim as usize {
            self.error(
                Code::GpuKernel,
                format!(
                    "the array has {} dimension{}, the index {}",
                    a.ndim,
                    if a.ndim == 1 { "" } else { "s" },
                    index_exprs.len()
                ),
                args[1].span,
                "index",
                "give one int index per dimension",
            );
            return None;
        }
        let mut hir_args = vec![array];
        for e in index_exprs {
            let v = self.expr(e)?;
            let v = self.int_arg(v, "an array index")?;
            hir_args.push(v);
        }
        for v in &args[2..] {
            let v = self.expr(v)?;
            if !(v.ty.is_numeric() || matches!(v.ty, Ty::Scalar(_))) || v.ty == Ty::Complex {
                self.error(
                    Code::TypeMismatch,
                    format!("an atomic operation takes a number, not {}", v.ty),
                    v.span,
                    format!("this is {}", v.ty),
                    "pass an int or a float",
                );
                return None;
            }
            hir_args.push(crate::numeric::to_item(v, a.dtype));
        }
        Some(expr(
            ExprKind::Gpu {
                op: GpuOp::Atomic(op),
                args: hir_args,
            },
            Ty::Scalar(a.dtype),
            span,
        ))
    }
}
