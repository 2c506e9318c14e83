//! Runtime values of MIR locals.

use pyaot_mir::{MConst, MTy};

/// The value of a local or operand: one per [`MTy`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Val {
    I64(i64),
    F64(f64),
    F32(f32),
    Bool(bool),
    F64x2([f64; 2]),
    I64x2([i64; 2]),
    /// A reference: the owner word of a block (0 for null).
    Ref(i64),
}

impl Val {
    /// The machine type of the value.
    pub fn ty(self) -> MTy {
        match self {
            Val::I64(_) => MTy::I64,
            Val::F64(_) => MTy::F64,
            Val::F32(_) => MTy::F32,
            Val::Bool(_) => MTy::Bool,
            Val::F64x2(_) => MTy::F64x2,
            Val::I64x2(_) => MTy::I64x2,
            Val::Ref(_) => MTy::Ref,
        }
    }

    /// The zero of a type: what codegen gives a local before its first assignment.
    pub fn zero(ty: MTy) -> Val {
        match ty {
            MTy::I64 => Val::I64(0),
            MTy::F64 => Val::F64(0.0),
            MTy::F32 => Val::F32(0.0),
            MTy::Bool => Val::Bool(false),
            MTy::F64x2 => Val::F64x2([0.0; 2]),
            MTy::I64x2 => Val::I64x2([0; 2]),
            MTy::Ref => Val::Ref(0),
        }
    }

    /// The value of a constant.
    pub fn of_const(c: MConst) -> Val {
        match c {
            MConst::I64(v) => Val::I64(v),
            MConst::F64(v) => Val::F64(v),
            MConst::F32(v) => Val::F32(v),
            MConst::Bool(v) => Val::Bool(v),
            MConst::Null => Val::Ref(0),
        }
    }

    /// The constant of a scalar value (`None` for a vector).
    pub fn to_const(self) -> Option<MConst> {
        match self {
            Val::I64(v) => Some(MConst::I64(v)),
            Val::F64(v) => Some(MConst::F64(v)),
            Val::F32(v) => Some(MConst::F32(v)),
            Val::Bool(v) => Some(MConst::Bool(v)),
            Val::Ref(0) => Some(MConst::Null),
            _ => None,
        }
    }

    /// Whether two values have the same type and the same bits (so NaNs compare by payload).
    pub fn same_bits(self, other: Val) -> bool {
        match (self, other) {
            (Val::F64(a), Val::F64(b)) => a.to_bits() == b.to_bits(),
            (Val::F32(a), Val::F32(b)) => a.to_bits() == b.to_bits(),
            (Val::F64x2(_), Val::F64x2(_)) => self.vector_bits() == other.vector_bits(),
            (a, b) => a == b,
        }
    }

    /// The 128 bits of a vector, lane 0 first.
    pub fn vector_bits(self) -> Option<[u64; 2]> {
        match self {
            Val::F64x2(v) => Some([v[0].to_bits(), v[1].to_bits()]),
            Val::I64x2(v) => Some([v[0] as u64, v[1] as u64]),
            _ => None,
        }
    }

    /// The vector of a type with these 128 bits.
    pub fn vector_of_bits(ty: MTy, bits: [u64; 2]) -> Option<Val> {
        match ty {
            MTy::F64x2 => Some(Val::F64x2([
                f64::from_bits(bits[0]),
                f64::from_bits(bits[1]),
            ])),
            MTy::I64x2 => Some(Val::I64x2([bits[0] as i64, bits[1] as i64])),
            _ => None,
        }
    }

    /// The `I64` payload.
    pub fn i(self) -> i64 {
        match self {
            Val::I64(v) => v,
            v => panic!("expected i64, got {v:?}"),
        }
    }

    /// The `Ref` payload: the owner word.
    pub fn r(self) -> i64 {
        match self {
            Val::Ref(v) => v,
            v => panic!("expected a reference, got {v:?}"),
        }
    }

    /// The `F64` payload.
    pub fn f(self) -> f64 {
        match self {
            Val::F64(v) => v,
            v => panic!("expected f64, got {v:?}"),
        }
    }

    /// The `F32` payload.
    pub fn f32(self) -> f32 {
        match self {
            Val::F32(v) => v,
            v => panic!("expected f32, got {v:?}"),
        }
    }

    /// The `Bool` payload.
    pub fn b(self) -> bool {
        match self {
            Val::Bool(v) => v,
            v => panic!("expected bool, got {v:?}"),
        }
    }
}
