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
}

impl Ty {
    /// Whether this is `int`, `float` or `bool`.
    pub fn is_scalar(&self) -> bool {
        matches!(self, Ty::Int | Ty::Float | Ty::Bool)
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

    fn flatten_into(&self, out: &mut Vec<Ty>) {
        match self {
            Ty::Tuple(items) => items.iter().for_each(|t| t.flatten_into(out)),
            Ty::None => {}
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
        }
    }
}

/// A compile-time constant: a literal, a module-level constant or a parameter default.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Const {
    Int(i64),
    Float(f64),
    Bool(bool),
    None,
}

impl Const {
    /// The type of the constant.
    pub fn ty(&self) -> Ty {
        match self {
            Const::Int(_) => Ty::Int,
            Const::Float(_) => Ty::Float,
            Const::Bool(_) => Ty::Bool,
            Const::None => Ty::None,
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
        }
    }
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
}

impl ExcKind {
    /// Every kind, in ABI order.
    pub const ALL: [ExcKind; 13] = [
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
    fn tuple_flattens_in_order() {
        let t = Ty::Tuple(vec![Ty::Int, Ty::Tuple(vec![Ty::Float, Ty::Bool])]);
        assert_eq!(t.flatten(), vec![Ty::Int, Ty::Float, Ty::Bool]);
        assert_eq!(t.to_string(), "tuple[int, tuple[float, bool]]");
    }
}
