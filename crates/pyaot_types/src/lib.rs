//! The type language shared by every stage: the types of values in compiled code, constants and exception kinds.

use std::fmt;

/// The type of a value in compiled code, spelled as Python spells it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Ty {
    /// Python `int`, held as a signed 64-bit integer with overflow checks.
    Int,
    /// Python `float`, an IEEE double.
    Float,
    /// Python `bool`.
    Bool,
    /// The type of `None`; only as a return type.
    None,
    /// A fixed-size tuple such as `tuple[int, float]`.
    Tuple(Vec<Ty>),
    /// A fixed-width NumPy scalar such as `f32` or `i64` (wrapping integer arithmetic, NumPy promotion).
    Scalar(Dtype),
    /// A strided NumPy-compatible array such as `f64[:, :]`.
    Array(ArrayTy),
    /// A NumPy dtype object (`a.dtype`): known at compile time, it has no run-time value. It can be
    /// passed as `dtype=`, compared, and its `.type` is the scalar type.
    DtypeOf(Dtype),
    /// A NumPy scalar type used as a value (`np.float64`): like a dtype object, and callable to convert.
    ScalarType(Dtype),
    /// Python `complex`: two IEEE doubles, with Python's arithmetic (division by zero raises).
    Complex,
    /// A function used as a value (`integrate(square, 0.0, 1.0)`): known when compiling, it has
    /// no run-time value, and a call through it is a direct call of that function.
    Func(FuncValue),
    /// A Python `list` of items of one type: a reference to a runtime list object, so aliases
    /// (`b = a`) share it and a mutation through one is seen through the other.
    List(Box<Ty>),
    /// A Python `tuple[T, ...]` of any length: held as an immutable list.
    TupleOf(Box<Ty>),
    /// A Python `str`: a reference to the CPython string object itself, so every string
    /// operation is CPython's own (the runtime takes the GIL for them).
    Str,
    /// A Python `dict[K, V]`: the CPython dict itself, holding boxed keys and values.
    Dict(Box<Ty>, Box<Ty>),
    /// A Python `set[T]`: the CPython set itself.
    Set(Box<Ty>),
}

/// Which function a [`Ty::Func`] value is.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FuncValue {
    pub kind: FuncKind,
    /// Its name (`square`, `sin` for `math.sin`, `<lambda>`).
    pub name: String,
    /// The types of the variables a closure carries (a lambda or nested function that left the
    /// function defining it): its run-time value is a tuple of their values, passed to the
    /// lifted function's free-variable parameters at each call. Empty for other functions.
    pub captures: Vec<Ty>,
}

/// Where a function value's function comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FuncKind {
    /// A definition of the module (an index into sema's table).
    Def(u32),
    /// A function of the `math` module.
    Math,
    /// A `lambda` of the function being compiled, known by where it starts in the source.
    Lambda(u32),
}

/// The element type of an array, also a fixed-width scalar type. The discriminant is the ABI code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Dtype {
    B1 = 0,
    I8 = 1,
    I16 = 2,
    I32 = 3,
    I64 = 4,
    U8 = 5,
    U16 = 6,
    U32 = 7,
    U64 = 8,
    F32 = 9,
    F64 = 10,
    C64 = 11,
    C128 = 12,
}

impl Dtype {
    /// Every dtype, in ABI order.
    pub const ALL: [Dtype; 13] = [
        Dtype::B1,
        Dtype::I8,
        Dtype::I16,
        Dtype::I32,
        Dtype::I64,
        Dtype::U8,
        Dtype::U16,
        Dtype::U32,
        Dtype::U64,
        Dtype::F32,
        Dtype::F64,
        Dtype::C64,
        Dtype::C128,
    ];

    /// The `pyaot` name of the type (`f64`).
    pub fn name(self) -> &'static str {
        match self {
            Dtype::B1 => "b1",
            Dtype::I8 => "i8",
            Dtype::I16 => "i16",
            Dtype::I32 => "i32",
            Dtype::I64 => "i64",
            Dtype::U8 => "u8",
            Dtype::U16 => "u16",
            Dtype::U32 => "u32",
            Dtype::U64 => "u64",
            Dtype::F32 => "f32",
            Dtype::F64 => "f64",
            Dtype::C64 => "c64",
            Dtype::C128 => "c128",
        }
    }

    /// NumPy's name of the dtype (`float64`).
    pub fn numpy_name(self) -> &'static str {
        match self {
            Dtype::B1 => "bool",
            Dtype::I8 => "int8",
            Dtype::I16 => "int16",
            Dtype::I32 => "int32",
            Dtype::I64 => "int64",
            Dtype::U8 => "uint8",
            Dtype::U16 => "uint16",
            Dtype::U32 => "uint32",
            Dtype::U64 => "uint64",
            Dtype::F32 => "float32",
            Dtype::F64 => "float64",
            Dtype::C64 => "complex64",
            Dtype::C128 => "complex128",
        }
    }

    /// The dtype a `pyaot` or NumPy name refers to (`f64`, `float64`, `double`, `bool_` ...).
    pub fn from_name(name: &str) -> Option<Dtype> {
        let d = match name {
            "b1" | "bool" | "bool_" => Dtype::B1,
            "i8" | "int8" => Dtype::I8,
            "i16" | "int16" => Dtype::I16,
            "i32" | "int32" | "intc" => Dtype::I32,
            "i64" | "int64" | "int_" | "intp" => Dtype::I64,
            "u8" | "uint8" => Dtype::U8,
            "u16" | "uint16" => Dtype::U16,
            "u32" | "uint32" | "uintc" => Dtype::U32,
            "u64" | "uint64" | "uintp" => Dtype::U64,
            "f32" | "float32" | "single" => Dtype::F32,
            "f64" | "float64" | "double" => Dtype::F64,
            "c64" | "complex64" | "csingle" => Dtype::C64,
            "c128" | "complex128" | "cdouble" => Dtype::C128,
            _ => return None,
        };
        Some(d)
    }

    /// The size of one element in bytes.
    pub fn itemsize(self) -> i64 {
        match self {
            Dtype::B1 | Dtype::I8 | Dtype::U8 => 1,
            Dtype::I16 | Dtype::U16 => 2,
            Dtype::I32 | Dtype::U32 | Dtype::F32 => 4,
            Dtype::I64 | Dtype::U64 | Dtype::F64 | Dtype::C64 => 8,
            Dtype::C128 => 16,
        }
    }

    /// Whether the dtype is a signed or unsigned integer (not `b1`).
    pub fn is_int(self) -> bool {
        !matches!(
            self,
            Dtype::B1 | Dtype::F32 | Dtype::F64 | Dtype::C64 | Dtype::C128
        )
    }

    /// Whether the dtype is an unsigned integer.
    pub fn is_unsigned(self) -> bool {
        matches!(self, Dtype::U8 | Dtype::U16 | Dtype::U32 | Dtype::U64)
    }

    /// Whether the dtype is `f32` or `f64`.
    pub fn is_float(self) -> bool {
        matches!(self, Dtype::F32 | Dtype::F64)
    }

    /// Whether the dtype is `c64` or `c128`.
    pub fn is_complex(self) -> bool {
        matches!(self, Dtype::C64 | Dtype::C128)
    }

    /// Whether the dtype is a float or a complex type (NumPy's "inexact" kinds).
    pub fn is_inexact(self) -> bool {
        self.is_float() || self.is_complex()
    }

    /// The real type of each part of a complex dtype (`f64` for `c128`); other dtypes are their own.
    pub fn part(self) -> Dtype {
        match self {
            Dtype::C64 => Dtype::F32,
            Dtype::C128 => Dtype::F64,
            d => d,
        }
    }

    /// The complex dtype whose parts are this float dtype (`c128` for `f64`).
    pub fn complex_of(self) -> Dtype {
        match self {
            Dtype::F32 | Dtype::C64 => Dtype::C64,
            _ => Dtype::C128,
        }
    }

    /// The ABI code.
    pub fn code(self) -> u8 {
        self as u8
    }
}

/// An array type: element type, number of dimensions (1 to 4) and whether it is C-contiguous (`::1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ArrayTy {
    pub dtype: Dtype,
    pub ndim: u8,
    pub contig: bool,
}

impl ArrayTy {
    /// The number of flattened ABI values: owner, data, one shape and one stride per dimension.
    pub fn abi_len(self) -> usize {
        2 + 2 * self.ndim as usize
    }
}

impl Ty {
    /// Whether this is `int`, `float` or `bool`.
    pub fn is_scalar(&self) -> bool {
        matches!(self, Ty::Int | Ty::Float | Ty::Bool)
    }

    /// Whether this is `bool` or NumPy's `b1` (`np.bool_`).
    pub fn is_bool_like(&self) -> bool {
        matches!(self, Ty::Bool | Ty::Scalar(Dtype::B1))
    }

    /// Whether this is `int` or `float` (the types arithmetic is defined on; `bool` promotes to `int`).
    pub fn is_numeric(&self) -> bool {
        matches!(self, Ty::Int | Ty::Float | Ty::Bool)
    }

    /// The scalar leaves of this type in order; a tuple is flattened, `None` has none.
    pub fn flatten(&self) -> Vec<Ty> {
        let mut out = Vec::new();
        self.flatten_into(&mut out);
        out
    }

    /// The parts a value of this type is made of, held side by side: a tuple's items, or the
    /// captured values of a closure.
    pub fn parts(&self) -> Option<&[Ty]> {
        match self {
            Ty::Tuple(items) => Some(items),
            Ty::Func(v) => Some(&v.captures),
            _ => None,
        }
    }

    /// The item type of a list or a `tuple[T, ...]` (both held as runtime lists).
    pub fn seq_item(&self) -> Option<&Ty> {
        match self {
            Ty::List(t) | Ty::TupleOf(t) => Some(t),
            _ => None,
        }
    }

    /// The runtime's description of a list item type (`pyaot_listobj.c`): `i`, `f`, `b`, `c`,
    /// `s`, `(...)` for a tuple, `[T]` for a list, `A` + dtype + ndim + `c`/`s` for an array;
    /// `None` for items lists cannot hold.
    pub fn item_desc(&self) -> Option<String> {
        Some(match self {
            Ty::Int => "i".into(),
            Ty::Float => "f".into(),
            Ty::Bool => "b".into(),
            Ty::Complex => "c".into(),
            Ty::Str => "s".into(),
            Ty::Tuple(items) if !items.is_empty() => {
                let parts: Option<Vec<String>> = items.iter().map(Ty::item_desc).collect();
                format!("({})", parts?.concat())
            }
            Ty::List(item) => format!("[{}]", item.item_desc()?),
            Ty::Array(a) => format!(
                "A{}{}{}",
                char::from(b'a' + a.dtype.code()),
                a.ndim,
                if a.contig { 'c' } else { 's' }
            ),
            _ => return None,
        })
    }

    fn flatten_into(&self, out: &mut Vec<Ty>) {
        match self {
            Ty::Tuple(items) => items.iter().for_each(|t| t.flatten_into(out)),
            Ty::Func(v) => v.captures.iter().for_each(|t| t.flatten_into(out)),
            Ty::None | Ty::DtypeOf(_) | Ty::ScalarType(_) => {}
            // An array travels as int64 words: owner, data, shape..., strides (in bytes)...
            Ty::Array(a) => out.extend(std::iter::repeat_n(Ty::Int, a.abi_len())),
            // A list or a string travels as its reference word.
            Ty::List(_) | Ty::TupleOf(_) | Ty::Str | Ty::Dict(..) | Ty::Set(_) => out.push(Ty::Int),
            // A complex number travels as its real and imaginary parts.
            Ty::Complex => out.extend([Ty::Float, Ty::Float]),
            Ty::Scalar(d) if d.is_complex() => {
                out.extend([Ty::Scalar(d.part()), Ty::Scalar(d.part())])
            }
            t => out.push(t.clone()),
        }
    }
}

impl fmt::Display for Ty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ty::Int => f.write_str("int"),
            Ty::Float => f.write_str("float"),
            Ty::Bool => f.write_str("bool"),
            Ty::None => f.write_str("None"),
            Ty::Complex => f.write_str("complex"),
            Ty::Tuple(items) => {
                f.write_str("tuple[")?;
                for (i, t) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{t}")?;
                }
                f.write_str("]")
            }
            Ty::Scalar(d) => f.write_str(d.name()),
            Ty::DtypeOf(d) => write!(f, "dtype[{}]", d.name()),
            Ty::Func(v) if v.kind == FuncKind::Math => write!(f, "function math.{}", v.name),
            Ty::Func(v) => write!(f, "function {}", v.name),
            Ty::ScalarType(d) => write!(f, "type[{}]", d.name()),
            Ty::List(t) => write!(f, "list[{t}]"),
            Ty::TupleOf(t) => write!(f, "tuple[{t}, ...]"),
            Ty::Str => f.write_str("str"),
            Ty::Dict(k, v) => write!(f, "dict[{k}, {v}]"),
            Ty::Set(t) => write!(f, "set[{t}]"),
            Ty::Array(a) => {
                write!(f, "{}[", a.dtype.name())?;
                for i in 0..a.ndim {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(if a.contig && i + 1 == a.ndim {
                        "::1"
                    } else {
                        ":"
                    })?;
                }
                f.write_str("]")
            }
        }
    }
}

/// A compile-time constant: a literal, a module-level constant or a parameter default.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    Int(i64),
    Float(f64),
    Bool(bool),
    None,
    /// A NumPy dtype object (see [`Ty::DtypeOf`]).
    Dtype(Dtype),
    /// A NumPy scalar type (see [`Ty::ScalarType`]).
    ScalarType(Dtype),
    /// A Python complex number: real and imaginary parts.
    Complex(f64, f64),
    /// A tuple of constants (`(1, 0, 1)` as a parameter default or a module constant).
    Tuple(Vec<Const>),
    /// A function as a value (see [`Ty::Func`]).
    Func(FuncValue),
}

impl Const {
    /// The type of the constant.
    pub fn ty(&self) -> Ty {
        match self {
            Const::Int(_) => Ty::Int,
            Const::Float(_) => Ty::Float,
            Const::Bool(_) => Ty::Bool,
            Const::None => Ty::None,
            Const::Dtype(d) => Ty::DtypeOf(*d),
            Const::ScalarType(d) => Ty::ScalarType(*d),
            Const::Complex(..) => Ty::Complex,
            Const::Tuple(items) => Ty::Tuple(items.iter().map(Const::ty).collect()),
            Const::Func(v) => Ty::Func(v.clone()),
        }
    }
}

impl fmt::Display for Const {
    /// Python's spelling of the constant (`repr`), as used in signatures and IR dumps.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Const::Int(v) => write!(f, "{v}"),
            Const::Float(v) => write!(f, "{}", float_repr(*v)),
            Const::Bool(true) => f.write_str("True"),
            Const::Bool(false) => f.write_str("False"),
            Const::None => f.write_str("None"),
            Const::Dtype(d) => write!(f, "np.dtype('{}')", d.numpy_name()),
            Const::ScalarType(d) => write!(f, "np.{}", d.numpy_name()),
            Const::Func(v) if v.kind == FuncKind::Math => write!(f, "math.{}", v.name),
            Const::Func(v) => f.write_str(&v.name),
            Const::Complex(re, im) => f.write_str(&complex_repr(*re, *im)),
            Const::Tuple(items) => {
                f.write_str("(")?;
                for (i, c) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{c}")?;
                }
                f.write_str(if items.len() == 1 { ",)" } else { ")" })
            }
        }
    }
}

/// Python's `repr` of a complex number: `1j`, `(1+2j)`, `(-0-1.5j)`.
pub fn complex_repr(re: f64, im: f64) -> String {
    // Inside a complex repr a float with an integral value loses its `.0`.
    let part = |v: f64| {
        let s = float_repr(v);
        s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
    };
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", part(im));
    }
    let sign = if im.is_sign_negative() && !im.is_nan() {
        ""
    } else {
        "+"
    };
    format!("({}{sign}{}j)", part(re), part(im))
}

/// Python's `repr` of a float for the values Rust prints exactly: `1.0`, `-0.0`, `inf`, `nan`, `1e+300`.
pub fn float_repr(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let abs = v.abs();
    if abs != 0.0 && !(1e-4..1e16).contains(&abs) {
        // Rust prints the shortest round-tripping digits in exponent form as `1e300`; Python writes `1e+300`.
        let s = format!("{v:e}");
        let (mant, exp) = s.split_once('e').expect("exponent form");
        let exp: i32 = exp.parse().expect("exponent");
        return format!("{mant}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
    }
    let s = format!("{v}");
    if s.contains('.') {
        s
    } else {
        format!("{s}.0")
    }
}

/// The builtin exceptions compiled code can raise; the numbering is the ABI between compiled code and the wrapper.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum ExcKind {
    ArithmeticError = 1,
    AssertionError = 2,
    IndexError = 3,
    KeyError = 4,
    LookupError = 5,
    NotImplementedError = 6,
    OverflowError = 7,
    RuntimeError = 8,
    TypeError = 9,
    UnboundLocalError = 10,
    ValueError = 11,
    ZeroDivisionError = 12,
    Exception = 13,
    MemoryError = 14,
    NameError = 15,
}

impl ExcKind {
    /// Every kind, in ABI order.
    pub const ALL: [ExcKind; 15] = [
        ExcKind::ArithmeticError,
        ExcKind::AssertionError,
        ExcKind::IndexError,
        ExcKind::KeyError,
        ExcKind::LookupError,
        ExcKind::NotImplementedError,
        ExcKind::OverflowError,
        ExcKind::RuntimeError,
        ExcKind::TypeError,
        ExcKind::UnboundLocalError,
        ExcKind::ValueError,
        ExcKind::ZeroDivisionError,
        ExcKind::Exception,
        ExcKind::MemoryError,
        ExcKind::NameError,
    ];

    /// The builtin's name, which is also its name in the C API without the `PyExc_` prefix.
    pub fn name(self) -> &'static str {
        match self {
            ExcKind::ArithmeticError => "ArithmeticError",
            ExcKind::AssertionError => "AssertionError",
            ExcKind::IndexError => "IndexError",
            ExcKind::KeyError => "KeyError",
            ExcKind::LookupError => "LookupError",
            ExcKind::NotImplementedError => "NotImplementedError",
            ExcKind::OverflowError => "OverflowError",
            ExcKind::RuntimeError => "RuntimeError",
            ExcKind::TypeError => "TypeError",
            ExcKind::UnboundLocalError => "UnboundLocalError",
            ExcKind::ValueError => "ValueError",
            ExcKind::ZeroDivisionError => "ZeroDivisionError",
            ExcKind::Exception => "Exception",
            ExcKind::MemoryError => "MemoryError",
            ExcKind::NameError => "NameError",
        }
    }

    /// The kind a builtin name refers to, if any.
    pub fn from_name(name: &str) -> Option<ExcKind> {
        ExcKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The ABI number passed to `pyaot_rt_raise`.
    pub fn code(self) -> u8 {
        self as u8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_repr_matches_python() {
        let cases = [
            (1.0, "1.0"),
            (-0.0, "-0.0"),
            (0.1, "0.1"),
            (1e300, "1e+300"),
            (1.5e-7, "1.5e-07"),
            (f64::INFINITY, "inf"),
            (123456789.0, "123456789.0"),
        ];
        for (v, want) in cases {
            assert_eq!(float_repr(v), want, "{v}");
        }
    }

    #[test]
    fn complex_repr_matches_python() {
        let cases = [
            ((0.0, 1.0), "1j"),
            ((1.0, -0.0), "(1-0j)"),
            ((-0.0, 1.0), "(-0+1j)"),
            ((1.5, 2.0), "(1.5+2j)"),
            ((0.0, -1.0), "-1j"),
            ((1.0, f64::INFINITY), "(1+infj)"),
            ((1.0, f64::NEG_INFINITY), "(1-infj)"),
            ((1e300, 0.5), "(1e+300+0.5j)"),
        ];
        for ((re, im), want) in cases {
            assert_eq!(complex_repr(re, im), want, "{re} {im}");
        }
    }

    #[test]
    fn tuple_flattens_in_order() {
        let t = Ty::Tuple(vec![Ty::Int, Ty::Tuple(vec![Ty::Float, Ty::Bool])]);
        assert_eq!(t.flatten(), vec![Ty::Int, Ty::Float, Ty::Bool]);
        assert_eq!(t.to_string(), "tuple[int, tuple[float, bool]]");
    }
}
