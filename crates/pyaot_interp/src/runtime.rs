//! The runtime helpers the interpreter models: the one list of them, bit for bit as the C runtime.
//!
//! A helper not listed in [`call`] ends the run with [`Outcome::Unsupported`].

use crate::gamma;
use crate::libm;
use crate::lists;
use crate::memory::Memory;
use crate::npmath as np;
use crate::pymath::{self as py, Raise};
use crate::{Limits, Outcome, Val};
use pyaot_mir::{ExcKind, RtFn};

fn raised((exc, msg): Raise) -> Outcome {
    Outcome::Raised { exc, msg }
}

fn f(v: f64) -> Result<Vec<Val>, Outcome> {
    Ok(vec![Val::F64(v)])
}

fn f32_(v: f32) -> Result<Vec<Val>, Outcome> {
    Ok(vec![Val::F32(v)])
}

fn i(v: i64) -> Result<Vec<Val>, Outcome> {
    Ok(vec![Val::I64(v)])
}

/// A new array block of `nbytes` (the C runtime's `pyaot_block_new`).
fn alloc(
    mem: &mut Memory,
    limits: &Limits,
    nbytes: i64,
    zeroed: bool,
) -> Result<Vec<Val>, Outcome> {
    if nbytes < 0 {
        return Err(Outcome::Raised {
            exc: ExcKind::MemoryError,
            msg: format!("Unable to allocate {nbytes} bytes for an array"),
        });
    }
    if nbytes as u64 > limits.max_alloc {
        return Err(Outcome::Unsupported(format!(
            "an array block of {nbytes} bytes (the limit is {})",
            limits.max_alloc
        )));
    }
    match mem.alloc_block(nbytes as u64, zeroed) {
        Some(owner) => Ok(vec![Val::Ref(owner)]),
        None => Err(Outcome::Unsupported(format!(
            "an array block of {nbytes} bytes"
        ))),
    }
}

/// Calls a helper on arguments of its parameter types.
pub fn call(
    rt: RtFn,
    args: &[Val],
    mem: &mut Memory,
    limits: &Limits,
) -> Result<Vec<Val>, Outcome> {
    let tys: Vec<_> = args.iter().map(|a| a.ty()).collect();
    if tys != rt.params() {
        return Err(Outcome::Ub(format!("{} called with {args:?}", rt.name())));
    }
    let fa = |k: usize| args[k].f();
    let ia = |k: usize| args[k].i();
    let sa = |k: usize| args[k].f32();
    let pyf = |r: py::R<f64>| r.map(|v| vec![Val::F64(v)]).map_err(raised);
    let pyi = |r: py::R<i64>| r.map(|v| vec![Val::I64(v)]).map_err(raised);
    use RtFn::*;
    match rt {
        FloatToInt => pyi(py::float_to_int(fa(0))),
        IntTrueDiv => pyf(py::int_truediv(ia(0), ia(1))),
        IntPow => pyi(py::int_pow(ia(0), ia(1))),
        IntLshift => pyi(py::int_lshift(ia(0), ia(1))),
        IntRshift => pyi(py::int_rshift(ia(0), ia(1))),
        FloatFloorDiv => pyf(py::float_floordiv(fa(0), fa(1))),
        FloatMod => pyf(py::float_mod(fa(0), fa(1))),
        FloatPow => pyf(py::float_pow(fa(0), fa(1))),
        CmpIntFloat => i(py::cmp_int_float(ia(0), fa(1))),
        RoundDigits => pyf(py::round_digits(fa(0), ia(1))),
        RoundIntDigits => pyi(py::round_int_digits(ia(0), ia(1))),
        Sqrt => pyf(py::math_1(fa(0), f64::sqrt, false)),
        Exp => pyf(py::math_1(fa(0), f64::exp, true)),
        Exp2 => pyf(py::math_1(fa(0), f64::exp2, true)),
        Expm1 => pyf(py::math_1(fa(0), f64::exp_m1, true)),
        Log => pyf(py::math_1(fa(0), py::m_log, false)),
        Log2 => pyf(py::math_1(fa(0), py::m_log2, false)),
        Log10 => pyf(py::math_1(fa(0), py::m_log10, false)),
        Log1p => pyf(py::math_1(fa(0), py::m_log1p, false)),
        LogBase => pyf(py::log_base(fa(0), fa(1))),
        Sin => pyf(py::math_1(fa(0), f64::sin, false)),
        Cos => pyf(py::math_1(fa(0), f64::cos, false)),
        Tan => pyf(py::math_1(fa(0), f64::tan, false)),
        Asin => pyf(py::math_1(fa(0), f64::asin, false)),
        Acos => pyf(py::math_1(fa(0), f64::acos, false)),
        Atan => pyf(py::math_1(fa(0), f64::atan, false)),
        Sinh => pyf(py::math_1(fa(0), f64::sinh, true)),
        Cosh => pyf(py::math_1(fa(0), f64::cosh, true)),
        Tanh => pyf(py::math_1(fa(0), f64::tanh, false)),
        Asinh => pyf(py::math_1(fa(0), libm::asinh, false)),
        Acosh => pyf(py::math_1(fa(0), libm::acosh, false)),
        Atanh => pyf(py::math_1(fa(0), libm::atanh, false)),
        Erf => pyf(py::math_1a(fa(0), py::erf)),
        Erfc => pyf(py::math_1a(fa(0), py::erfc)),
        Gamma => pyf(py::math_1a(fa(0), gamma::tgamma)),
        Lgamma => pyf(py::math_1a(fa(0), gamma::lgamma)),
        Atan2 => pyf(py::atan2(fa(0), fa(1))),
        Hypot => f(py::hypot(fa(0), fa(1))),
        Fmod => pyf(py::fmod(fa(0), fa(1))),
        Pow => pyf(py::math_pow(fa(0), fa(1))),
        Ldexp => pyf(py::ldexp(fa(0), ia(1))),
        Gcd => pyi(py::gcd(ia(0), ia(1))),
        Factorial => pyi(py::factorial(ia(0))),
        Isqrt => pyi(py::isqrt(ia(0))),
        RangeLen => pyi(py::range_len(ia(0), ia(1), ia(2))),
        ArrayAlloc => alloc(mem, limits, ia(0), false),
        ArrayAllocZeroed => alloc(mem, limits, ia(0), true),
        Incref => {
            mem.incref(args[0].r()).map_err(Outcome::Ub)?;
            Ok(vec![args[0]])
        }
        Decref => {
            mem.decref(args[0].r()).map_err(Outcome::Ub)?;
            Ok(vec![Val::Ref(0)])
        }
        ListNew => Ok(vec![Val::Ref(lists::new(
            mem,
            ia(0),
            ia(1),
            ia(2),
            limits.max_alloc,
        )?)]),
        ListPush => i(lists::insert(mem, args[0].r(), None)?),
        ListInsert => i(lists::insert(mem, args[0].r(), Some(ia(1)))?),
        ListRemove => lists::remove(mem, args[0].r(), ia(1)).and(i(0)),
        ListClear => lists::clear(mem, args[0].r()).and(i(0)),
        ListReverse => lists::reverse(mem, args[0].r()).and(i(0)),
        ListSlice => {
            let a = [args[0].r(), ia(1), ia(2), ia(3), ia(4)];
            Ok(vec![Val::Ref(lists::slice(mem, &a, limits.max_alloc)?)])
        }
        ListConcat => Ok(vec![Val::Ref(lists::concat(
            mem,
            args[0].r(),
            args[1].r(),
            limits.max_alloc,
        )?)]),
        ListRepeat => Ok(vec![Val::Ref(lists::repeat(
            mem,
            args[0].r(),
            ia(1),
            limits.max_alloc,
        )?)]),
        ListExtend => lists::extend(mem, args[0].r(), args[1].r()).and(i(0)),
        ListSetSlice => {
            let a = [args[0].r(), ia(1), ia(2), ia(3), ia(4), args[5].r()];
            lists::set_slice(mem, &a).and(i(0))
        }
        ListDelSlice => {
            let a = [args[0].r(), ia(1), ia(2), ia(3), ia(4)];
            lists::del_slice(mem, &a).and(i(0))
        }
        StrConst | BoxInt | BoxFloat | BoxBool | BoxComplex | Format | StrConcat | StrRepeat
        | StrLen | StrCompare | StrGet | StrSlice | StrToInt | StrToFloat | StrOrd | StrChr
        | CallMethod | ObjToInt | ObjToBool | StrsFromPy | BoxList | WriteStdout | RaiseMsg
        | ObjNew | ObjCopy | TupleNew | TupleSet | TupleItem | ObjToFloat | ObjToComplex
        | DictGet | DictSet | ObjDelItem | ObjContains | ObjLen | ObjBinary | ObjSnapshot
        | PyListItem | ObjUpdate | PyListToList | DictGetOr => Err(Outcome::Unsupported(format!(
            "runtime helper {} (CPython objects)",
            rt.name()
        ))),
        IndexError => Err(Outcome::Raised {
            exc: ExcKind::IndexError,
            msg: format!(
                "index {} is out of bounds for axis {} with size {}",
                ia(0),
                ia(1),
                ia(2)
            ),
        }),
        NpFloorDivF64 => f(np::floordiv_f64(fa(0), fa(1))),
        NpModF64 => f(np::mod_f64(fa(0), fa(1))),
        NpFloorDivF32 => f32_(np::floordiv_f32(sa(0), sa(1))),
        NpModF32 => f32_(np::mod_f32(sa(0), sa(1))),
        NpIntPow if ia(1) < 0 => Err(Outcome::Raised {
            exc: ExcKind::ValueError,
            msg: "Integers to negative integer powers are not allowed.".into(),
        }),
        NpIntPow | NpUIntPow => i(np::wrapping_pow(ia(0) as u64, ia(1) as u64) as i64),
        NpPowF64 => f(fa(0).powf(fa(1))),
        NpPowF32 => f32_(sa(0).powf(sa(1))),
        NpCbrtF64 => f(fa(0).cbrt()),
        NpCbrtF32 => f32_(sa(0).cbrt()),
        NpExpF64 => f(fa(0).exp()),
        NpExpF32 => f32_(sa(0).exp()),
        NpExp2F64 => f(fa(0).exp2()),
        NpExp2F32 => f32_(sa(0).exp2()),
        NpExpm1F64 => f(fa(0).exp_m1()),
        NpExpm1F32 => f32_(sa(0).exp_m1()),
        NpLogF64 => f(fa(0).ln()),
        NpLogF32 => f32_(sa(0).ln()),
        NpLog2F64 => f(fa(0).log2()),
        NpLog2F32 => f32_(sa(0).log2()),
        NpLog10F64 => f(fa(0).log10()),
        NpLog10F32 => f32_(sa(0).log10()),
        NpLog1pF64 => f(fa(0).ln_1p()),
        NpLog1pF32 => f32_(sa(0).ln_1p()),
        NpSinF64 => f(fa(0).sin()),
        NpSinF32 => f32_(sa(0).sin()),
        NpCosF64 => f(fa(0).cos()),
        NpCosF32 => f32_(sa(0).cos()),
        NpTanF64 => f(fa(0).tan()),
        NpTanF32 => f32_(sa(0).tan()),
        NpArcsinF64 => f(fa(0).asin()),
        NpArcsinF32 => f32_(sa(0).asin()),
        NpArccosF64 => f(fa(0).acos()),
        NpArccosF32 => f32_(sa(0).acos()),
        NpArctanF64 => f(fa(0).atan()),
        NpArctanF32 => f32_(sa(0).atan()),
        NpSinhF64 => f(fa(0).sinh()),
        NpSinhF32 => f32_(sa(0).sinh()),
        NpCoshF64 => f(fa(0).cosh()),
        NpCoshF32 => f32_(sa(0).cosh()),
        NpTanhF64 => f(fa(0).tanh()),
        NpTanhF32 => f32_(sa(0).tanh()),
        NpArcsinhF64 => f(libm::asinh(fa(0))),
        NpArcsinhF32 => f32_(libm::asinhf(sa(0))),
        NpArccoshF64 => f(libm::acosh(fa(0))),
        NpArccoshF32 => f32_(libm::acoshf(sa(0))),
        NpArctanhF64 => f(libm::atanh(fa(0))),
        NpArctanhF32 => f32_(libm::atanhf(sa(0))),
        NpArctan2F64 => f(fa(0).atan2(fa(1))),
        NpArctan2F32 => f32_(sa(0).atan2(sa(1))),
        NpHypotF64 => f(fa(0).hypot(fa(1))),
        NpHypotF32 => f32_(sa(0).hypot(sa(1))),
        NpFmaxF64 => f(if fa(0) > fa(1) || fa(1).is_nan() {
            fa(0)
        } else {
            fa(1)
        }),
        NpFmaxF32 => f32_(if sa(0) > sa(1) || sa(1).is_nan() {
            sa(0)
        } else {
            sa(1)
        }),
        NpFminF64 => f(if fa(0) < fa(1) || fa(1).is_nan() {
            fa(0)
        } else {
            fa(1)
        }),
        NpFminF32 => f32_(if sa(0) < sa(1) || sa(1).is_nan() {
            sa(0)
        } else {
            sa(1)
        }),
        CDiv => {
            let (ar, ai, br, bi) = (fa(1), fa(2), fa(3), fa(4));
            let (re, im) = if ia(0) == 0 {
                np::np_cdiv_f64(ar, ai, br, bi)
            } else {
                np::py_cdiv(ar, ai, br, bi).ok_or_else(|| Outcome::Raised {
                    exc: ExcKind::ZeroDivisionError,
                    msg: "complex division by zero".into(),
                })?
            };
            Ok(vec![Val::F64(re), Val::F64(im)])
        }
        CDivF32 => {
            let (re, im) = np::np_cdiv_f32(sa(0), sa(1), sa(2), sa(3));
            Ok(vec![Val::F32(re), Val::F32(im)])
        }
        CAbsPy => {
            let (r, im) = (fa(0), fa(1));
            let a = r.hypot(im);
            if a.is_infinite() && r.is_finite() && im.is_finite() {
                return Err(Outcome::Raised {
                    exc: ExcKind::OverflowError,
                    msg: "absolute value too large".into(),
                });
            }
            f(a)
        }
        // NumPy's BLAS gives results no other order of summation reproduces.
        // A grid run switches threads at the barrier before the call is made.
        GpuSyncThreads => Ok(vec![Val::I64(0)]),
        GpuAtomicAddI64 | GpuAtomicAddI32 | GpuAtomicAddF64 | GpuAtomicAddF32 | GpuAtomicMaxI64
        | GpuAtomicMaxI32 | GpuAtomicMinI64 | GpuAtomicMinI32 | GpuAtomicCasI64
        | GpuAtomicCasI32 => crate::kernel::atomic(rt, args, mem),
        CPow | CPowF32 | CFunc | CFuncF32 | CMath | CPhasePy | BlasGemm => Err(
            Outcome::Unsupported(format!("runtime helper {}", rt.name())),
        ),
    }
}
