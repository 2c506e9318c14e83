//! The runtime helpers compiled code may call: their symbols, signatures and Python semantics.
//!
//! Every helper follows the MIR calling convention: `int32_t pyaot_rt_<name>(params..., T *out)`,
//! returning 0 on success and 1 after recording a Python exception in the thread's error slot.
//! They are implemented in C by `pyaot_pywrap` (the runtime part of the generated wrapper).

use crate::MTy;

/// The result types of a helper: `F64` or `(F64, F64)`.
macro_rules! rt_results {
    (($($r:ident),+)) => { &[$(MTy::$r),+] };
    ($r:ident) => { &[MTy::$r] };
}

macro_rules! rt_fns {
    ($($(#[$m:meta])* $variant:ident = $sym:literal ($($p:ident),*) -> $r:tt;)*) => {
        /// A runtime helper.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RtFn {
            $($(#[$m])* $variant,)*
        }

        impl RtFn {
            /// Every helper, in declaration order.
            pub const ALL: &'static [RtFn] = &[$(RtFn::$variant,)*];

            /// The part of the symbol after `pyaot_rt_`, also the name in MIR dumps.
            pub fn name(self) -> &'static str {
                match self { $(RtFn::$variant => $sym,)* }
            }

            /// The parameter types.
            pub fn params(self) -> &'static [MTy] {
                match self { $(RtFn::$variant => &[$(MTy::$p),*],)* }
            }

            /// The result types: one, or the two parts of a complex result.
            pub fn results(self) -> &'static [MTy] {
                match self { $(RtFn::$variant => rt_results!($r),)* }
            }
        }
    };
}

rt_fns! {
    /// `int(x)` of a float: truncation; NaN raises ValueError, infinities and values outside 64 bits OverflowError.
    FloatToInt = "float_to_int" (F64) -> I64;
    /// `a / b` of two ints, correctly rounded as CPython does; b == 0 raises ZeroDivisionError.
    IntTrueDiv = "int_truediv" (I64, I64) -> F64;
    /// `a ** b` of two ints with b >= 0, OverflowError beyond 64 bits; b < 0 raises ValueError
    /// (lowering routes constant negative exponents to float power instead).
    IntPow = "int_pow" (I64, I64) -> I64;
    /// `a << b`: negative b raises ValueError, a result beyond 64 bits OverflowError.
    IntLshift = "int_lshift" (I64, I64) -> I64;
    /// `a >> b`: negative b raises ValueError; b >= 64 gives 0 or -1.
    IntRshift = "int_rshift" (I64, I64) -> I64;
    /// `a // b` of floats with Python's rules; b == 0.0 raises ZeroDivisionError.
    FloatFloorDiv = "float_floordiv" (F64, F64) -> F64;
    /// `a % b` of floats with the sign of b as Python; b == 0.0 raises ZeroDivisionError.
    FloatMod = "float_mod" (F64, F64) -> F64;
    /// `a ** b` of floats as CPython's float power: 0.0 ** negative raises ZeroDivisionError,
    /// a negative base with a non-integer exponent raises ValueError (CPython returns a complex there),
    /// overflow raises OverflowError.
    FloatPow = "float_pow" (F64, F64) -> F64;
    /// Exact comparison of an int with a float: -1, 0 or 1, and 2 when b is NaN.
    CmpIntFloat = "cmp_int_float" (I64, F64) -> I64;
    /// `round(x, n)` of a float, correctly rounded half to even as CPython.
    RoundDigits = "round_digits" (F64, I64) -> F64;
    /// `round(x, n)` of an int: n >= 0 gives x, n < 0 rounds half to even to a multiple of 10**-n.
    RoundIntDigits = "round_int_digits" (I64, I64) -> I64;
    /// `math.sqrt`, raising ValueError for negative input.
    Sqrt = "math_sqrt" (F64) -> F64;
    Exp = "math_exp" (F64) -> F64;
    Exp2 = "math_exp2" (F64) -> F64;
    Expm1 = "math_expm1" (F64) -> F64;
    Log = "math_log" (F64) -> F64;
    Log2 = "math_log2" (F64) -> F64;
    Log10 = "math_log10" (F64) -> F64;
    Log1p = "math_log1p" (F64) -> F64;
    /// `math.log(x, base)`.
    LogBase = "math_log_base" (F64, F64) -> F64;
    Sin = "math_sin" (F64) -> F64;
    Cos = "math_cos" (F64) -> F64;
    Tan = "math_tan" (F64) -> F64;
    Asin = "math_asin" (F64) -> F64;
    Acos = "math_acos" (F64) -> F64;
    Atan = "math_atan" (F64) -> F64;
    Sinh = "math_sinh" (F64) -> F64;
    Cosh = "math_cosh" (F64) -> F64;
    Tanh = "math_tanh" (F64) -> F64;
    Asinh = "math_asinh" (F64) -> F64;
    Acosh = "math_acosh" (F64) -> F64;
    Atanh = "math_atanh" (F64) -> F64;
    Erf = "math_erf" (F64) -> F64;
    Erfc = "math_erfc" (F64) -> F64;
    Gamma = "math_gamma" (F64) -> F64;
    Lgamma = "math_lgamma" (F64) -> F64;
    Atan2 = "math_atan2" (F64, F64) -> F64;
    Hypot = "math_hypot" (F64, F64) -> F64;
    Fmod = "math_fmod" (F64, F64) -> F64;
    /// `math.pow`, which differs from `**`: errors are ValueError, and `math.pow(0.0, -1.0)` raises ValueError.
    Pow = "math_pow" (F64, F64) -> F64;
    /// `math.ldexp(x, i)`.
    Ldexp = "math_ldexp" (F64, I64) -> F64;
    /// `math.gcd(a, b)`.
    Gcd = "math_gcd" (I64, I64) -> I64;
    /// `math.factorial(n)`: n < 0 raises ValueError, a result beyond 64 bits OverflowError.
    Factorial = "math_factorial" (I64) -> I64;
    /// `math.isqrt(n)`: n < 0 raises ValueError.
    Isqrt = "math_isqrt" (I64) -> I64;
    /// `len(range(start, stop, step))`: step 0 raises ValueError, a length beyond 64 bits OverflowError.
    RangeLen = "range_len" (I64, I64, I64) -> I64;
    /// A new array block of `nbytes` (>= 0) uninitialised bytes: its owner word, refcount 1
    /// (data at owner + 64, 64-byte aligned); MemoryError when it cannot be allocated.
    ArrayAlloc = "array_alloc" (I64) -> Ref;
    /// As `ArrayAlloc`, with the data zeroed.
    ArrayAllocZeroed = "array_alloc_zeroed" (I64) -> Ref;
    /// Takes a reference to a heap object (an array block or a list) and returns it; no-op for 0
    /// and borrowed buffers (low bit set). Only codegen calls it, for MIR's `incref`.
    Incref = "incref" (Ref) -> Ref;
    /// Drops a reference (freeing the object at zero, and what a list holds) and returns 0; no-op
    /// for 0 and borrowed buffers. Only codegen calls it, for MIR's `decref`.
    Decref = "decref" (Ref) -> Ref;
    /// A new list of `n` zeroed items (none when `n <= 0`) of `words` 8-byte leaves each, of
    /// which `refmask` marks the references the list owns; MemoryError when too large.
    ListNew = "list_new" (I64, I64, I64) -> Ref;
    /// Appends a zeroed item to the list and gives its address; MemoryError when it cannot grow.
    ListPush = "list_push" (Ref) -> I64;
    /// `list.insert(i, _)`: opens a zeroed item where CPython puts it and gives its address.
    ListInsert = "list_insert" (Ref, I64) -> I64;
    /// Removes item `i` (in range) without dropping its references, which the caller took.
    ListRemove = "list_remove" (Ref, I64) -> I64;
    /// `list.clear()`.
    ListClear = "list_clear" (Ref) -> I64;
    /// `list.reverse()`.
    ListReverse = "list_reverse" (Ref) -> I64;
    /// `l[start:stop:step]` (a new list); `flags` bits 1, 2, 4: start, stop, step omitted.
    /// A zero step raises ValueError.
    ListSlice = "list_slice" (Ref, I64, I64, I64, I64) -> Ref;
    /// `a + b`: a new list.
    ListConcat = "list_concat" (Ref, Ref) -> Ref;
    /// `a * n`: a new list, empty for `n <= 0`; MemoryError when too large.
    ListRepeat = "list_repeat" (Ref, I64) -> Ref;
    /// `a.extend(b)` / `a += b`, where `b` may be `a`.
    ListExtend = "list_extend" (Ref, Ref) -> I64;
    /// `a[start:stop:step] = b` with CPython's rules (flags as `ListSlice`); an extended slice of
    /// another length raises ValueError.
    ListSetSlice = "list_set_slice" (Ref, I64, I64, I64, I64, Ref) -> I64;
    /// `del a[start:stop:step]` (flags as `ListSlice`).
    ListDelSlice = "list_del_slice" (Ref, I64, I64, I64, I64) -> I64;
    /// The module's message `id` as a new string object (a `str` literal).
    StrConst = "str_const" (I64) -> Ref;
    /// A new Python int, float, bool or complex object for a value (to format or pass on).
    BoxInt = "box_int" (I64) -> Ref;
    BoxFloat = "box_float" (F64) -> Ref;
    BoxBool = "box_bool" (Bool) -> Ref;
    BoxComplex = "box_complex" (F64, F64) -> Ref;
    /// `format(conv(obj), spec)`: `conv` is 0, `'s'`, `'r'` or `'a'`; spec is a string.
    Format = "format" (Ref, I64, Ref) -> Ref;
    /// `a + b` of strings.
    StrConcat = "str_concat" (Ref, Ref) -> Ref;
    /// `s * n`.
    StrRepeat = "str_repeat" (Ref, I64) -> Ref;
    /// `len(s)`.
    StrLen = "str_len" (Ref) -> I64;
    /// `a OP b` of strings, OP as CPython's rich comparison codes (0 `<` ... 5 `>=`).
    StrCompare = "str_compare" (Ref, Ref, I64) -> Bool;
    /// `s[i]`, IndexError "string index out of range".
    StrGet = "str_get" (Ref, I64) -> Ref;
    /// `s[start:stop:step]`, flags as `ListSlice`.
    StrSlice = "str_slice" (Ref, I64, I64, I64, I64) -> Ref;
    /// `int(s)`, `float(s)`, `ord(s)`, `chr(i)` with CPython's errors.
    StrToInt = "str_to_int" (Ref) -> I64;
    StrToFloat = "str_to_float" (Ref) -> F64;
    StrOrd = "str_ord" (Ref) -> I64;
    StrChr = "str_chr" (I64) -> Ref;
    /// `obj.<message name_id>(a, b)` with the first `n` of the object arguments: the result object.
    CallMethod = "call_method" (I64, Ref, I64, Ref, Ref) -> Ref;
    /// An int or bool result object as a value (the object's reference is consumed).
    ObjToInt = "obj_to_int" (Ref) -> I64;
    ObjToBool = "obj_to_bool" (Ref) -> Bool;
    /// A Python list of strings (consumed) as a `list[str]`.
    StrsFromPy = "strs_from_py" (Ref) -> Ref;
    /// A new Python list (`tuple` 0) or tuple (1) of a list's items, whose type message `desc`
    /// describes (`pyaot_listobj.c`).
    BoxList = "box_list" (Ref, I64, I64) -> Ref;
    /// Writes a string to `sys.stdout` (what `print` writes).
    WriteStdout = "write_stdout" (Ref) -> I64;
    /// Always raises the exception kind with the object (a string, a number) as its argument.
    RaiseMsg = "raise_msg" (I64, Ref) -> I64;
    /// A new empty dict (`kind` 0) or set (1); a copy of one.
    ObjNew = "obj_new" (I64) -> Ref;
    ObjCopy = "obj_copy" (Ref, I64) -> Ref;
    /// A new tuple object of `n` items, each set once by `TupleSet` before any other use.
    TupleNew = "tuple_new" (I64) -> Ref;
    /// Item `k` of a new tuple object: a reference to the object is taken.
    TupleSet = "tuple_set" (Ref, I64, Ref) -> I64;
    /// Item `k` of a tuple object (TypeError for anything else).
    TupleItem = "tuple_item" (Ref, I64) -> Ref;
    /// A float or complex result object as its value (consumed).
    ObjToFloat = "obj_to_float" (Ref) -> F64;
    ObjToComplex = "obj_to_complex" (Ref) -> (F64, F64);
    /// `d[key]` (CPython's KeyError) and `d[key] = value`.
    DictGet = "dict_get" (Ref, Ref) -> Ref;
    DictSet = "dict_set" (Ref, Ref, Ref) -> I64;
    /// `d.get(key, default)`.
    DictGetOr = "dict_get_or" (Ref, Ref, Ref) -> Ref;
    /// `del obj[key]`.
    ObjDelItem = "obj_delitem" (Ref, Ref) -> I64;
    /// `key in obj` of a dict or set, `sub in s` of strings.
    ObjContains = "obj_contains" (Ref, Ref) -> Bool;
    /// `len(obj)` of a dict or set.
    ObjLen = "obj_len" (Ref) -> I64;
    /// `a OP b`: 0-5 rich comparisons (a bool object), 6 `|`, 7 `&`, 8 `-`, 9 `^`.
    ObjBinary = "obj_binary" (Ref, Ref, I64) -> Ref;
    /// The keys (0), values (1) or items (2) of a dict, or the items of a set, as a Python list.
    ObjSnapshot = "obj_snapshot" (Ref, I64) -> Ref;
    /// Item `i` (in range) of a Python list.
    PyListItem = "pylist_item" (Ref, I64) -> Ref;
    /// `add` (0), `discard` (1), `remove` (2), `update` (3), `clear` (4).
    ObjUpdate = "obj_update" (Ref, Ref, I64) -> I64;
    /// A Python list (not consumed) as a new list whose items have the type described by message
    /// `desc` (`pyaot_listobj.c`'s descriptions), converting each item.
    PyListToList = "pylist_to_list" (Ref, I64) -> Ref;
    /// Always raises NumPy's IndexError for `(index, axis, size)`:
    /// "index 5 is out of bounds for axis 0 with size 3".
    IndexError = "index_error" (I64, I64, I64) -> I64;
    /// `a // b` of float64 as NumPy's floor_divide: division by zero gives inf or nan, never an error.
    NpFloorDivF64 = "np_floordiv_f64" (F64, F64) -> F64;
    /// `a % b` of float64 as NumPy's remainder: the sign of b, `x % 0.0` is nan.
    NpModF64 = "np_mod_f64" (F64, F64) -> F64;
    /// `a // b` of float32 as NumPy.
    NpFloorDivF32 = "np_floordiv_f32" (F32, F32) -> F32;
    /// `a % b` of float32 as NumPy.
    NpModF32 = "np_mod_f32" (F32, F32) -> F32;
    /// `a ** b` of int64 as NumPy: wrapping; a negative exponent raises ValueError
    /// "Integers to negative integer powers are not allowed.".
    NpIntPow = "np_int_pow" (I64, I64) -> I64;
    /// `a ** b` of uint64 (the bits of both read unsigned) as NumPy: wrapping, never an error.
    NpUIntPow = "np_uint_pow" (I64, I64) -> I64;
    /// `a ** b` of float64 as NumPy: the C library's `pow`, never an error.
    NpPowF64 = "np_pow_f64" (F64, F64) -> F64;
    /// `a ** b` of float32 as NumPy: the C library's `powf`, never an error.
    NpPowF32 = "np_pow_f32" (F32, F32) -> F32;
    // NumPy's float functions: the C library's function of that precision, never an error.
    NpCbrtF64 = "np_cbrt_f64" (F64) -> F64;
    NpCbrtF32 = "np_cbrt_f32" (F32) -> F32;
    NpExpF64 = "np_exp_f64" (F64) -> F64;
    NpExpF32 = "np_exp_f32" (F32) -> F32;
    NpExp2F64 = "np_exp2_f64" (F64) -> F64;
    NpExp2F32 = "np_exp2_f32" (F32) -> F32;
    NpExpm1F64 = "np_expm1_f64" (F64) -> F64;
    NpExpm1F32 = "np_expm1_f32" (F32) -> F32;
    NpLogF64 = "np_log_f64" (F64) -> F64;
    NpLogF32 = "np_log_f32" (F32) -> F32;
    NpLog2F64 = "np_log2_f64" (F64) -> F64;
    NpLog2F32 = "np_log2_f32" (F32) -> F32;
    NpLog10F64 = "np_log10_f64" (F64) -> F64;
    NpLog10F32 = "np_log10_f32" (F32) -> F32;
    NpLog1pF64 = "np_log1p_f64" (F64) -> F64;
    NpLog1pF32 = "np_log1p_f32" (F32) -> F32;
    NpSinF64 = "np_sin_f64" (F64) -> F64;
    NpSinF32 = "np_sin_f32" (F32) -> F32;
    NpCosF64 = "np_cos_f64" (F64) -> F64;
    NpCosF32 = "np_cos_f32" (F32) -> F32;
    NpTanF64 = "np_tan_f64" (F64) -> F64;
    NpTanF32 = "np_tan_f32" (F32) -> F32;
    NpArcsinF64 = "np_arcsin_f64" (F64) -> F64;
    NpArcsinF32 = "np_arcsin_f32" (F32) -> F32;
    NpArccosF64 = "np_arccos_f64" (F64) -> F64;
    NpArccosF32 = "np_arccos_f32" (F32) -> F32;
    NpArctanF64 = "np_arctan_f64" (F64) -> F64;
    NpArctanF32 = "np_arctan_f32" (F32) -> F32;
    NpSinhF64 = "np_sinh_f64" (F64) -> F64;
    NpSinhF32 = "np_sinh_f32" (F32) -> F32;
    NpCoshF64 = "np_cosh_f64" (F64) -> F64;
    NpCoshF32 = "np_cosh_f32" (F32) -> F32;
    NpTanhF64 = "np_tanh_f64" (F64) -> F64;
    NpTanhF32 = "np_tanh_f32" (F32) -> F32;
    NpArcsinhF64 = "np_arcsinh_f64" (F64) -> F64;
    NpArcsinhF32 = "np_arcsinh_f32" (F32) -> F32;
    NpArccoshF64 = "np_arccosh_f64" (F64) -> F64;
    NpArccoshF32 = "np_arccosh_f32" (F32) -> F32;
    NpArctanhF64 = "np_arctanh_f64" (F64) -> F64;
    NpArctanhF32 = "np_arctanh_f32" (F32) -> F32;
    NpArctan2F64 = "np_arctan2_f64" (F64, F64) -> F64;
    NpArctan2F32 = "np_arctan2_f32" (F32, F32) -> F32;
    NpHypotF64 = "np_hypot_f64" (F64, F64) -> F64;
    NpHypotF32 = "np_hypot_f32" (F32, F32) -> F32;
    NpFmaxF64 = "np_fmax_f64" (F64, F64) -> F64;
    NpFmaxF32 = "np_fmax_f32" (F32, F32) -> F32;
    NpFminF64 = "np_fmin_f64" (F64, F64) -> F64;
    NpFminF32 = "np_fmin_f32" (F32, F32) -> F32;
    /// `a / b` of complex numbers `(mode, a.re, a.im, b.re, b.im)`: mode 0 as NumPy's complex128
    /// loop (never an error), mode 1 as Python's `complex` (ZeroDivisionError for a zero divisor).
    CDiv = "c_div" (I64, F64, F64, F64, F64) -> (F64, F64);
    /// `a / b` of complex64 as NumPy.
    CDivF32 = "c_div_f32" (F32, F32, F32, F32) -> (F32, F32);
    /// `a ** b` of complex numbers, modes as `CDiv` (Python: ZeroDivisionError for 0 to a negative
    /// or complex power, OverflowError for an infinite result).
    CPow = "c_pow" (I64, F64, F64, F64, F64) -> (F64, F64);
    /// `a ** b` of complex64 as NumPy.
    CPowF32 = "c_pow_f32" (F32, F32, F32, F32) -> (F32, F32);
    /// NumPy's complex128 function `(code, re, im)`; the code is the function's position in
    /// `NpFn::ALL` (those of `NpFn::complex_ok`). Never an error.
    CFunc = "c_func" (I64, F64, F64) -> (F64, F64);
    /// NumPy's complex64 function, codes as `CFunc`.
    CFuncF32 = "c_func_f32" (I64, F32, F32) -> (F32, F32);
    /// The `cmath` function of the code (sqrt, exp, log, log10 and the trigonometric and
    /// hyperbolic functions and their inverses), raising ValueError and OverflowError as CPython.
    CMath = "c_cmath" (I64, F64, F64) -> (F64, F64);
    /// Python's `abs(z)`: OverflowError when finite parts give an infinite result.
    CAbsPy = "c_abs_py" (F64, F64) -> F64;
    /// `cmath.phase(z)` of `(re, im)` as CPython: atan2, with OverflowError when the C library
    /// reports a range error (an underflowing phase).
    CPhasePy = "c_phase_py" (F64, F64) -> F64;
    /// `c = a @ b` through a BLAS already loaded in the process (NumPy's): `(dtype code (f32 or
    /// f64), a.data, a.strides[0], a.strides[1], b.data, b's two strides, c.data, m, n, k)` with a
    /// new C-contiguous `c`; true when done, false when no BLAS is loaded (then nothing is written).
    BlasGemm = "blas_gemm" (I64, I64, I64, I64, I64, I64, I64, I64, I64, I64, I64) -> Bool;
    /// GPU kernels only (the PTX backend writes each as instructions; there is no C helper):
    /// waits until every thread of the block reached it (`cuda.syncthreads()`); the result is 0.
    GpuSyncThreads = "gpu_syncthreads" () -> I64;
    /// Atomic read-modify-write of the element at an address, returning the old value:
    /// `(addr, value)`, or `(addr, compare, value)` for `cas`. Integers are of the dtype in the
    /// name, extended to `I64`.
    GpuAtomicAddI64 = "gpu_atomic_add_i64" (I64, I64) -> I64;
    GpuAtomicAddI32 = "gpu_atomic_add_i32" (I64, I64) -> I64;
    GpuAtomicAddF64 = "gpu_atomic_add_f64" (I64, F64) -> F64;
    GpuAtomicAddF32 = "gpu_atomic_add_f32" (I64, F32) -> F32;
    GpuAtomicMaxI64 = "gpu_atomic_max_i64" (I64, I64) -> I64;
    GpuAtomicMaxI32 = "gpu_atomic_max_i32" (I64, I64) -> I64;
    GpuAtomicMinI64 = "gpu_atomic_min_i64" (I64, I64) -> I64;
    GpuAtomicMinI32 = "gpu_atomic_min_i32" (I64, I64) -> I64;
    GpuAtomicCasI64 = "gpu_atomic_cas_i64" (I64, I64, I64) -> I64;
    GpuAtomicCasI32 = "gpu_atomic_cas_i32" (I64, I64, I64) -> I64;
}

impl RtFn {
    /// Whether the helper may raise. Those that cannot are called as [`crate::Stmt::Call`], so
    /// a call does not end a block.
    pub fn can_raise(self) -> bool {
        use RtFn::*;
        match self {
            CmpIntFloat | Incref | Decref | CDivF32 | CPowF32 | CFunc | CFuncF32 | BlasGemm
            | ListRemove | ListClear | ListReverse | StrLen | ObjLen | PyListItem => false,
            // NumPy's functions never raise, except for integer powers.
            NpIntPow => true,
            f if f.is_gpu() => false,
            f => !f.name().starts_with("np_"),
        }
    }

    /// Whether it exists in GPU kernels only.
    pub fn is_gpu(self) -> bool {
        self.name().starts_with("gpu_")
    }

    /// The linker symbol.
    pub fn symbol(self) -> String {
        format!("pyaot_rt_{}", self.name())
    }
}
