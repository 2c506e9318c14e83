//! HIR: the typed, name-resolved tree IR that sema produces and lowering consumes.
//!
//! Every expression carries its [`Ty`]; every name is resolved to a [`LocalId`], a [`FuncId`] or a constant;
//! every implicit conversion (int to float, truthiness) is an explicit [`CastKind`] node; keyword arguments
//! and defaults are resolved, so a [`ExprKind::Call`] lists all arguments in parameter order.
//! A HIR module is valid by construction: lowering reports no user errors.

mod display;
mod visit;

pub use visit::{walk_exprs, walk_stmts};

pub use pyaot_diagnostics::Span;
pub use pyaot_types::{ArrayTy, Const, Dtype, ExcKind, FuncKind, FuncValue, Ty};

/// A function of the module: an index into [`Module::funcs`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FuncId(pub u32);

/// A local of a function: an index into [`Function::locals`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LocalId(pub u32);

impl FuncId {
    /// The index as a `usize`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl LocalId {
    /// The index as a `usize`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A checked module.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Module {
    pub name: String,
    pub doc: Option<String>,
    /// Exported functions first in source order, then specialised helpers in the order they were needed.
    pub funcs: Vec<Function>,
}

/// A local variable or parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct LocalDecl {
    pub name: String,
    pub ty: Ty,
    /// The parameter or the first assignment.
    pub span: Span,
}

/// A parameter's Python-visible description.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub local: LocalId,
    pub name: String,
    pub ty: Ty,
    pub default: Option<Const>,
}

/// One compiled function (an exported function or one specialisation of a helper).
#[derive(Clone, Debug, PartialEq)]
pub struct Function {
    /// The Python name.
    pub name: String,
    /// The name in dumps and symbols: the Python name, plus argument types for helpers (`helper[int, float]`).
    pub display_name: String,
    pub span: Span,
    pub params: Vec<Param>,
    pub ret: Ty,
    pub locals: Vec<LocalDecl>,
    pub body: Vec<Stmt>,
    /// Whether Python can call it (all parameters and the return annotated).
    pub exported: bool,
    pub doc: Option<String>,
    /// What calling it may do, computed once the whole module is checked.
    pub effects: Effects,
    /// The parameters that carry free variables of the function it was lifted from, each with
    /// the bool parameter saying whether the variable had a value: (variable, flag).
    pub free_flags: Vec<(LocalId, LocalId)>,
    /// A GPU kernel (`@cuda.kernel`): compiled to PTX and launched over a grid, never called
    /// by compiled code.
    pub kernel: bool,
}

/// What a call of a function may do, as the wrapper needs to know it before the call.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Effects {
    /// For each parameter: whether the function, or a function it passes the array to,
    /// may store into it (so a read-only buffer must be refused up front).
    pub writes: Vec<bool>,
    /// Whether it loops, calls compiled functions or makes arrays: only then is releasing
    /// the GIL worth its cost.
    pub may_run_long: bool,
    /// Whether it (or a function it calls) holds CPython objects (strings, dicts, sets): each
    /// of their operations takes the GIL, which is cheap only while the thread keeps it.
    pub uses_objects: bool,
}

/// A typed expression.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub ty: Ty,
    pub span: Span,
}

/// Arithmetic and bitwise operators. The operand types (after casts) select the semantics:
/// both `Int`, both `Float`, or both `Bool` (bitwise operators only).
/// `Pow` on two `Int`s has an `Int` result and a non-negative or non-constant exponent;
/// sema casts a negative constant exponent's operands to `Float`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    /// `/`: `Float` result for `Int` or `Float` operands.
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitAnd,
    BitOr,
    BitXor,
}

/// Unary operators; the operand is `Int` or `Float` (`Invert` only `Int`), bools are cast to `Int` first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Neg,
    Invert,
}

/// A comparison operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// The operand types of one comparison; `IntFloat` compares exactly, as Python does, without converting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpKind {
    Int,
    Float,
    Bool,
    /// Left `Int`, right `Float`.
    IntFloat,
    /// Left `Float`, right `Int`.
    FloatInt,
    /// Unsigned 64-bit integers (`u64`).
    UInt,
    /// Two complex numbers of one type (Python `complex` or one NumPy complex dtype); only `==`
    /// and `!=`, part by part.
    Complex,
}

/// `and` or `or`: both operands have the expression's type; the result is the deciding operand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LogicOp {
    And,
    Or,
}

/// An explicit conversion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CastKind {
    IntToFloat,
    BoolToInt,
    BoolToFloat,
    /// Python truthiness of an `Int`, `Float` or `Bool` (`x != 0`; NaN is true).
    Truth,
    /// `int(x)` of a `Float`: truncation, raising for NaN, infinities and values beyond 64 bits.
    FloatToInt,
    /// To a fixed-width scalar (the expression's type) from int, float, bool or another fixed-width scalar,
    /// as NumPy's scalar types convert: Python ints out of range raise OverflowError, Python floats to
    /// integers as `int(x)` then range-checked, fixed-width floats to integers by NumPy's C cast
    /// (never an error), fixed-width integers wrap, floats round to the nearer precision.
    ToDtype,
    /// To the element type of an array (the expression's type) as NumPy's item assignment converts:
    /// like `ToDtype`, except that for a signed integer element type a fixed-width integer out of
    /// range raises OverflowError and a fixed-width float converts as `int(x)` and must fit.
    ToItem,
    /// From a fixed-width scalar to the Python type of the expression (`int`, `float` or `bool`;
    /// also `float` from a fixed-width integer, as NumPy's `__float__`); a `u64` beyond the int
    /// range raises OverflowError when converted to `int`.
    FromDtype,
    /// `Int`, `Bool` or `Float` to `Complex`, as Python widens a number next to a complex one.
    ToComplex,
}

/// Builtin and `math` functions with fixed argument and result types (given in each variant's doc).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Intrinsic {
    /// `abs` of `Int` (OverflowError for the minimum).
    AbsInt,
    /// `abs` of `Float`, also `math.fabs`.
    AbsFloat,
    /// `min(a, b)` of two `Int`s / `Float`s / `Bool`s: `b if b < a else a`, as Python's `min`.
    Min,
    /// `max(a, b)`: `b if b > a else a`, as Python's `max`.
    Max,
    /// `round(x)` of a `Float` to `Int`, half to even.
    RoundToInt,
    /// `round(x, n)` of a `Float` and an `Int`, to `Float`.
    RoundDigits,
    /// `round(x, n)` of two `Int`s, to `Int`.
    RoundIntDigits,
    /// `math.floor` of a `Float`, to `Int`.
    FloorToInt,
    /// `math.ceil` of a `Float`, to `Int`.
    CeilToInt,
    /// `math.trunc` of a `Float`, to `Int`.
    TruncToInt,
    /// `math.isnan`: `Float` to `Bool`.
    IsNan,
    /// `math.isinf`: `Float` to `Bool`.
    IsInf,
    /// `math.isfinite`: `Float` to `Bool`. The three tests also take a complex number (either part
    /// NaN, either part infinite, both parts finite).
    IsFinite,
    /// `math.copysign(x, y)` of `Float`s.
    Copysign,
    /// `math.degrees` of a `Float`.
    Degrees,
    /// `math.radians` of a `Float`.
    Radians,
    /// A `math` function of `Float`s to `Float` with CPython's error rules (one or two arguments).
    Math(MathFn),
    /// `math.ldexp(x: Float, i: Int)` to `Float`.
    Ldexp,
    /// `math.gcd(a, b)` of `Int`s.
    Gcd,
    /// `math.factorial(n)` of an `Int`.
    Factorial,
    /// `a ** b` of `Int`s where the result is used as a `Float`: CPython's int power converted,
    /// or for a negative `b` the float power `float(a) ** float(b)`, as CPython computes it.
    IntPowFloat,
    /// `math.isqrt(n)` of an `Int`.
    Isqrt,
    /// `len(range(start, stop, step))` of three `Int`s.
    RangeLen,
    /// `a.size` of an array: the product of its shape.
    ArraySize,
    /// `np.where(c, a, b)` of one element: `c` (a `Bool`) picks `a` or `b`, both evaluated first,
    /// as NumPy computes both arrays.
    Select,
    /// A NumPy float function (`np.sqrt`, `np.arctan2`, ...): operands and result of one float
    /// dtype (f32 or f64); never an error (NaN or an infinity instead), as NumPy.
    /// The functions of [`NpFn::complex_ok`] also take one NumPy complex dtype (NumPy's complex
    /// loops) or Python `complex` (the `cmath` function, raising ValueError and OverflowError as CPython).
    Np(NpFn),
    /// The real part of a complex number (Python `complex` to `Float`, a NumPy complex to its part dtype).
    Real,
    /// The imaginary part, typed as [`Intrinsic::Real`].
    Imag,
    /// `z.conjugate()`: the same complex type.
    Conj,
    /// `complex(re, im)` of two `Float`s to `Complex`.
    MakeComplex,
    /// `abs(z)` of a complex number, typed as [`Intrinsic::Real`]; for Python `complex` an overflow
    /// of finite parts raises OverflowError, as CPython.
    AbsComplex,
    /// `np.angle(z)` / `cmath.phase(z)`: `atan2(imag, real)`, typed as [`Intrinsic::Real`].
    Angle,
    /// `_blas_gemm(a, b, out)` of the bundled library: `out = a @ b` for 2-D arrays of one float
    /// dtype (`out` new and C-contiguous) through the BLAS NumPy uses; `Bool` false, with `out`
    /// untouched, when no BLAS is loaded.
    BlasGemm,
}

/// NumPy's element functions. Most are float functions (operands and result one float dtype);
/// `Maximum`, `Minimum` (NaN-propagating, ties give the second operand) and `Sign` (NaN stays NaN,
/// -0.0 gives 0.0) take any one numeric dtype, and so do `Fmax` and `Fmin` (on integers and bools
/// they are `Maximum` and `Minimum`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NpFn {
    Sqrt,
    Cbrt,
    Exp,
    Exp2,
    Expm1,
    Log,
    Log2,
    Log10,
    Log1p,
    Sin,
    Cos,
    Tan,
    Arcsin,
    Arccos,
    Arctan,
    Sinh,
    Cosh,
    Tanh,
    Arcsinh,
    Arccosh,
    Arctanh,
    Floor,
    Ceil,
    Trunc,
    Rint,
    Fabs,
    Arctan2,
    Hypot,
    Copysign,
    Fmax,
    Fmin,
    Maximum,
    Minimum,
    Sign,
}

impl NpFn {
    /// Every function, with its NumPy name.
    pub const ALL: [(NpFn, &'static str); 34] = [
        (NpFn::Sqrt, "sqrt"),
        (NpFn::Cbrt, "cbrt"),
        (NpFn::Exp, "exp"),
        (NpFn::Exp2, "exp2"),
        (NpFn::Expm1, "expm1"),
        (NpFn::Log, "log"),
        (NpFn::Log2, "log2"),
        (NpFn::Log10, "log10"),
        (NpFn::Log1p, "log1p"),
        (NpFn::Sin, "sin"),
        (NpFn::Cos, "cos"),
        (NpFn::Tan, "tan"),
        (NpFn::Arcsin, "arcsin"),
        (NpFn::Arccos, "arccos"),
        (NpFn::Arctan, "arctan"),
        (NpFn::Sinh, "sinh"),
        (NpFn::Cosh, "cosh"),
        (NpFn::Tanh, "tanh"),
        (NpFn::Arcsinh, "arcsinh"),
        (NpFn::Arccosh, "arccosh"),
        (NpFn::Arctanh, "arctanh"),
        (NpFn::Floor, "floor"),
        (NpFn::Ceil, "ceil"),
        (NpFn::Trunc, "trunc"),
        (NpFn::Rint, "rint"),
        (NpFn::Fabs, "fabs"),
        (NpFn::Arctan2, "arctan2"),
        (NpFn::Hypot, "hypot"),
        (NpFn::Copysign, "copysign"),
        (NpFn::Fmax, "fmax"),
        (NpFn::Fmin, "fmin"),
        (NpFn::Maximum, "maximum"),
        (NpFn::Minimum, "minimum"),
        (NpFn::Sign, "sign"),
    ];

    /// The NumPy name.
    pub fn name(self) -> &'static str {
        NpFn::ALL
            .iter()
            .find(|(f, _)| *f == self)
            .map_or("?", |(_, n)| n)
    }

    /// Whether the function works on floats only (ints are converted to a float dtype first).
    pub fn float_only(self) -> bool {
        !matches!(
            self,
            NpFn::Maximum | NpFn::Minimum | NpFn::Sign | NpFn::Fmax | NpFn::Fmin
        )
    }

    /// The function of a NumPy name.
    pub fn from_name(name: &str) -> Option<NpFn> {
        NpFn::ALL.iter().find(|(_, n)| *n == name).map(|(f, _)| *f)
    }

    /// Whether NumPy has a complex loop for the function (and `cmath` a function of that name).
    pub fn complex_ok(self) -> bool {
        use NpFn::*;
        matches!(
            self,
            Sqrt | Exp
                | Rint
                | Exp2
                | Expm1
                | Log
                | Log2
                | Log10
                | Log1p
                | Sin
                | Cos
                | Tan
                | Arcsin
                | Arccos
                | Arctan
                | Sinh
                | Cosh
                | Tanh
                | Arcsinh
                | Arccosh
                | Arctanh
                | Sign
        )
    }

    /// The number of operands.
    pub fn arity(self) -> usize {
        match self {
            NpFn::Arctan2
            | NpFn::Hypot
            | NpFn::Copysign
            | NpFn::Fmax
            | NpFn::Fmin
            | NpFn::Maximum
            | NpFn::Minimum => 2,
            _ => 1,
        }
    }
}

/// One item of a basic index.
#[derive(Clone, Debug, PartialEq)]
pub enum ViewItem {
    /// An int: the axis is taken at this index (negative counts from the end).
    Index(Expr),
    /// `start:stop:step` with Python's slice rules; each part an int or absent.
    Slice {
        start: Option<Expr>,
        stop: Option<Expr>,
        step: Option<Expr>,
    },
    /// `None` or `np.newaxis`: a new axis of length 1.
    NewAxis,
}

impl ViewItem {
    /// The expressions of the item, in evaluation order.
    pub fn exprs(&self) -> Vec<&Expr> {
        match self {
            ViewItem::Index(i) => vec![i],
            ViewItem::Slice { start, stop, step } => {
                [start, stop, step].into_iter().flatten().collect()
            }
            ViewItem::NewAxis => vec![],
        }
    }

    /// The expressions of the item, mutably.
    pub fn exprs_mut(&mut self) -> Vec<&mut Expr> {
        match self {
            ViewItem::Index(i) => vec![i],
            ViewItem::Slice { start, stop, step } => {
                [start, stop, step].into_iter().flatten().collect()
            }
            ViewItem::NewAxis => vec![],
        }
    }
}

/// How a new array's elements start out.
#[derive(Clone, Debug, PartialEq)]
pub enum ArrayInit {
    Empty,
    Zeros,
    Ones,
    /// Every element is this value (already of the element type).
    Full(Box<Expr>),
}

/// `math` functions of floats with CPython's error rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MathFn {
    Sqrt,
    Exp,
    Exp2,
    Expm1,
    Log,
    Log2,
    Log10,
    Log1p,
    /// `math.log(x, base)`: two arguments.
    LogBase,
    Sin,
    Cos,
    Tan,
    Asin,
    Acos,
    Atan,
    Sinh,
    Cosh,
    Tanh,
    Asinh,
    Acosh,
    Atanh,
    Erf,
    Erfc,
    Gamma,
    Lgamma,
    /// Two arguments.
    Atan2,
    /// Two arguments.
    Hypot,
    /// Two arguments.
    Fmod,
    /// `math.pow`: two arguments.
    Pow,
}

/// An operation on lists (`ExprKind::List`): the meaning of its arguments and its value.
/// Slices take `[list, start, stop, step]` with omitted bounds as `0` and marked in `omitted`
/// (bits of `pyaot_mir::list::NO_START`, `NO_STOP`, `NO_STEP`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ListOp {
    /// `[a, b, ...]`: a new list of the arguments.
    New,
    /// `len(l)`.
    Len,
    /// `l[i]` (IndexError "list index out of range").
    Get,
    /// `l.pop()` / `l.pop(i)`: the item, removed.
    Pop,
    /// `l[start:stop:step]`: a new list.
    Slice { omitted: u8 },
    /// `a + b`: a new list.
    Concat,
    /// `a * n`: a new list.
    Repeat,
    /// `l.append(x)` (value None).
    Append,
    /// `l.insert(i, x)` (value None).
    Insert,
    /// `a.extend(b)`, `a += b` (value None).
    Extend,
    /// `l.clear()` (value None).
    Clear,
    /// `l.reverse()` (value None).
    Reverse,
    /// `l[i] = x` (value None).
    SetItem,
    /// `l[start:stop:step] = other` (value None): `[list, start, stop, step, other]`.
    SetSlice { omitted: u8 },
    /// `del l[i]` (value None).
    DelItem,
    /// `del l[start:stop:step]` (value None).
    DelSlice { omitted: u8 },
}

/// An operation on strings (`ExprKind::Str`). Strings are CPython objects: each operation is
/// CPython's own, through the runtime.
#[derive(Clone, Debug, PartialEq)]
pub enum StrOp {
    /// A literal.
    Lit(String),
    /// `len(s)`.
    Len,
    /// `a + b`.
    Concat,
    /// `s * n`.
    Repeat,
    /// `a OP b` of two strings.
    Compare(CmpOp),
    /// `sub in s` (`[s, sub]`).
    Contains,
    /// `s[i]`.
    Get,
    /// `s[start:stop:step]` (`[s, start, stop, step]`, omitted bounds as in `ListOp::Slice`).
    Slice {
        omitted: u8,
    },
    /// `int(s)`, `float(s)`, `ord(s)`, `chr(i)`.
    ToInt,
    ToFloat,
    Ord,
    Chr,
    /// `format(conv(value), spec)`: `[value, spec]`, the value of any type that has a Python
    /// object (numbers, strings, lists of strings), `conv` `'s'`, `'r'`, `'a'` or none.
    Format {
        conv: Option<char>,
    },
    /// `args[0].name(args[1..])`: the result converted to the expression's type (str, int, bool
    /// or list[str]).
    Method(String),
    /// Writes the string to `sys.stdout` (value None).
    Write,
    /// Raises the exception with the value (a string or a number) as its argument (never returns).
    Raise(ExcKind),
}

/// An operation of a GPU kernel (`ExprKind::Gpu`), only in kernel bodies.
#[derive(Clone, Debug, PartialEq)]
pub enum GpuOp {
    /// `cuda.threadIdx.x` and friends along axis 0 (x), 1 (y) or 2 (z): an int.
    Reg(GpuReg, u8),
    /// `cuda.syncthreads()`: waits for every thread of the block (value None).
    SyncThreads,
    /// `cuda.shared.array(dims, dtype)` (one per block) or `cuda.local.array(dims, dtype)` (one
    /// per thread): a C-contiguous array (the expression's type) of constant dims, uninitialised
    /// memory. `id` numbers the kernel's arrays; every evaluation gives the same array.
    Array {
        shared: bool,
        id: u16,
        dims: Vec<usize>,
    },
    /// `cuda.atomic.add/max/min(array, index, value)` and `cas(array, index, compare, value)`:
    /// the arguments are the array, one int index per dimension, then the values (of the element
    /// type); the result is the element's old value.
    Atomic(AtomicOp),
}

/// A register that places a GPU thread.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GpuReg {
    ThreadIdx,
    BlockIdx,
    BlockDim,
    GridDim,
}

/// An atomic read-modify-write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AtomicOp {
    Add,
    Max,
    Min,
    Cas,
}

/// An operation on dicts and sets (`ExprKind::Obj`), which are CPython objects holding boxed
/// keys and values: each is CPython's own, through the runtime.
#[derive(Clone, Debug, PartialEq)]
pub enum ObjOp {
    /// A display: a dict of `[k1, v1, k2, v2, ...]` or a set of `[x1, x2, ...]` (the
    /// expression's type says which).
    New,
    /// `d[k]`.
    Get,
    /// `d[k] = v` (value None).
    Set,
    /// `del o[k]` (value None).
    Del,
    /// `k in o`.
    Contains,
    /// `len(o)`.
    Len,
    /// `a OP b`: 0-5 the comparisons (`<`, `<=`, `==`, `!=`, `>`, `>=`), 6 `|`, 7 `&`, 8 `-`, 9 `^`.
    Binary(u8),
    /// The keys (0), values (1) or items (2) of a dict, or the items of a set, as a new list
    /// (the expression's list type).
    Items(u8),
    /// `o.name(args...)`: CPython's method, its result converted to the expression's type.
    Method(String),
    /// `add` (0), `discard` (1), `remove` (2), `update` (3), `clear` (4) (value None).
    Update(u8),
    /// A copy (`d.copy()`, `set(s)`).
    Copy,
}

/// An expression.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Const(Const),
    Local(LocalId),
    /// A list operation; the list is the first argument except for `New`.
    List {
        op: ListOp,
        args: Vec<Expr>,
    },
    /// A string operation.
    Str {
        op: StrOp,
        args: Vec<Expr>,
    },
    /// A dict or set operation.
    Obj {
        op: ObjOp,
        args: Vec<Expr>,
    },
    /// A GPU kernel operation.
    Gpu {
        op: GpuOp,
        args: Vec<Expr>,
    },
    Binary {
        op: BinaryOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    Unary {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    /// `not x`: the operand is `Bool` (a `Truth` cast when needed).
    Not(Box<Expr>),
    /// A comparison chain `a < b <= c`: each operand is evaluated at most once, left to right,
    /// stopping at the first false comparison. `ops.len() == operands.len() - 1`.
    Compare {
        operands: Vec<Expr>,
        ops: Vec<(CmpOp, CmpKind)>,
    },
    /// `a and b` / `a or b`, short-circuit, both operands of the expression's type.
    Logic {
        op: LogicOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `a if cond else b`; `cond` is `Bool`.
    IfExp {
        cond: Box<Expr>,
        then_expr: Box<Expr>,
        else_expr: Box<Expr>,
    },
    /// `effect` is evaluated for what it does (it may raise), then `value` gives the result:
    /// `len((f(x), 1 // x))` still calls `f` and divides.
    Seq {
        effect: Box<Expr>,
        value: Box<Expr>,
    },
    /// `stmts` run in order, then `value` gives the result. Sema makes these for generator
    /// expressions (`sum(x * x for x in a)`): the statements assign only locals of their own,
    /// read nowhere else, and every `break` or `continue` in them belongs to a loop among them.
    /// The statements from `free_from` on are the comprehension's own scope: there the
    /// function's locals are free variables, and reading an unassigned one raises NameError.
    Block {
        stmts: Vec<Stmt>,
        value: Box<Expr>,
        free_from: usize,
    },
    /// A call of a compiled function with every argument in parameter order.
    Call {
        func: FuncId,
        args: Vec<Expr>,
    },
    Intrinsic {
        func: Intrinsic,
        args: Vec<Expr>,
    },
    /// A conversion. `explicit` marks one the program asked for (`int(x)`, `np.int8(x)`), which is
    /// evaluated where it stands; sema's implicit promotions are applied when their operator runs,
    /// after every operand is evaluated.
    Cast {
        kind: CastKind,
        operand: Box<Expr>,
        explicit: bool,
    },
    /// A tuple value.
    Tuple(Vec<Expr>),
    /// Element `index` of a tuple-typed expression.
    TupleGet {
        tuple: Box<Expr>,
        index: usize,
    },
    /// `t[i]` with an int `i` known only at run time, of a tuple whose items all have the
    /// expression's type; negative counts from the end, IndexError outside.
    TupleAt {
        tuple: Box<Expr>,
        index: Box<Expr>,
    },
    /// `a[i, j]`: one index (an int) per dimension; the type is the element's fixed-width scalar.
    Index {
        array: Box<Expr>,
        indices: Vec<Expr>,
    },
    /// `a[items]` with basic indexing: a view of the same memory (the expression's type, which is
    /// never C-contiguous unless sema proved it). The items apply to the leading axes in order
    /// (sema expands `...`); later axes are kept whole. Evaluated as the array, then each item's
    /// parts left to right; an int out of range raises IndexError, a zero step ValueError.
    View {
        array: Box<Expr>,
        items: Vec<ViewItem>,
    },
    /// `a.reshape(dims)` in C order (`a.ravel()` is `dims = [-1]`): a view when `array` is
    /// C-contiguous, else a C-contiguous copy; one dim may be -1 (inferred). A size mismatch or a
    /// bad dim raises ValueError. The result (the expression's type) is C-contiguous.
    Reshape {
        array: Box<Expr>,
        dims: Vec<Expr>,
    },
    /// `a.transpose(axes)`, `a.T`: a view whose axis `k` is the array's axis `axes[k]` (ints,
    /// negative counting from the end). Axes out of range or repeated raise ValueError.
    Transpose {
        array: Box<Expr>,
        axes: Vec<Expr>,
    },
    /// `np.array([[1.0, 2.0], [3.0, 4.0]])`: a new C-contiguous array of shape `dims` whose
    /// elements, in C order, are `items` (already of the element type), evaluated in order.
    ArrayLiteral {
        dims: Vec<usize>,
        items: Vec<Expr>,
    },
    /// `a.shape`: a tuple of ints.
    Shape(Box<Expr>),
    /// `a.strides`: a tuple of ints, in bytes.
    Strides(Box<Expr>),
    /// `z.real` or `z.imag` of a complex array: a view of one part of every element (the
    /// expression's type: the part dtype, not contiguous), sharing the array's memory and owner.
    PartView {
        array: Box<Expr>,
        imag: bool,
    },
    /// `np.empty(shape)` and friends: a new C-contiguous array (the expression's type) of `dims` (ints).
    NewArray {
        init: ArrayInit,
        dims: Vec<Expr>,
    },
    /// `np.empty_like(a)` and friends: a new C-contiguous array shaped like `source`.
    NewArrayLike {
        init: ArrayInit,
        source: Box<Expr>,
    },
    /// `a.copy()`: a new C-contiguous array with the same elements.
    CopyArray(Box<Expr>),
    /// An element-wise array expression, fused: the inputs (arrays, and scalars already of the
    /// type the body needs) are evaluated once, left to right; then `body`, a scalar expression of
    /// the result's dtype, is evaluated for every element of the result, with [`ExprKind::Elem`]`(k)`
    /// reading input `k` at that element. The result's shape is the broadcast of the array inputs'
    /// shapes (NumPy's rule; incompatible shapes raise ValueError before any element) and the
    /// expression's type is a new C-contiguous array of that many dimensions.
    Map {
        inputs: Vec<Expr>,
        body: Box<Expr>,
    },
    /// Inside a `Map` body: the current element of input `k` (its dtype's scalar), or the input
    /// itself when it is a scalar.
    Elem(u32),
    /// Whether the local has a value now (a bool): passed with a free variable to the function
    /// that reads it, so that function raises NameError only where it reads it.
    Assigned(LocalId),
    /// The local's value without the check that it has one (zero when it has none): a free
    /// variable passed on together with its [`ExprKind::Assigned`] flag.
    LocalUnchecked(LocalId),
    /// `np.arange(start, stop, step)`, each already of the element type (int or float).
    Arange {
        start: Box<Expr>,
        stop: Box<Expr>,
        step: Box<Expr>,
    },
}

/// A statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

/// A statement.
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// `x = value`; the value has the local's type.
    Assign {
        target: LocalId,
        value: Expr,
    },
    /// `a, b = value` with a tuple value of the same arity; the value is evaluated completely first.
    AssignTuple {
        targets: Vec<LocalId>,
        value: Expr,
    },
    Expr(Expr),
    /// `return` (with the function's return type; `None` for a `None` return).
    Return(Option<Expr>),
    If {
        cond: Expr,
        then_body: Vec<Stmt>,
        else_body: Vec<Stmt>,
    },
    While {
        cond: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `for var in range(start, stop, step)`; all `Int`. A zero step raises ValueError before the loop.
    /// `var` is assigned at the start of each iteration, so it keeps the last value after the loop.
    ForRange {
        var: LocalId,
        start: Expr,
        stop: Expr,
        step: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `a[i, j] = value`; the value is already of the element type.
    Store {
        array: Expr,
        indices: Vec<Expr>,
        value: Expr,
    },
    /// `target[...] = value` element by element: `value` (a `Map`, an array, or a scalar of the
    /// element type) is broadcast to the shape of the array `target` and written into it, as if
    /// every input had been read before any element is written (an input that overlaps the target
    /// otherwise is copied first). A value that does not broadcast to the target's shape raises ValueError.
    StoreEach {
        target: Expr,
        value: Expr,
    },
    Break,
    Continue,
    Assert {
        cond: Expr,
        msg: Option<String>,
    },
    Raise {
        exc: ExcKind,
        msg: Option<String>,
    },
}
