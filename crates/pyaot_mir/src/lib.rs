//! MIR: the typed control-flow-graph IR between lowering and the backends.
//!
//! A [`Module`] holds one [`Body`] per compiled function.
//! A body is a list of basic blocks over numbered locals of machine types ([`MTy`]).
//! MIR knows nothing about Python: every Python rule (overflow, zero division, floor division signs)
//! has already been made explicit by lowering as plain operations, branches and [`Terminator::Raise`].
//! The checks a pass may remove once it proves them redundant are [`Terminator::Check`]s that name their kind.
//! MIR is not SSA: a local may be assigned many times; codegen builds SSA.
//!
//! The calling convention of every body and every [`RtFn`] is the same C ABI:
//! `int32_t f(params..., T0 *out0, T1 *out1, ...)`, returning 0 on success and 1 after an error was raised.

pub mod cfg;
mod display;
pub mod list;
mod parse;
mod rt;
mod verify;

pub use parse::parse_module;
pub use pyaot_types::{Dtype, ExcKind};
pub use rt::RtFn;
pub use verify::{dtype_mty, verify};

macro_rules! index_type {
    ($(#[$m:meta])* $name:ident, $prefix:literal) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u32);

        impl $name {
            /// The index as a `usize`, for indexing vectors.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    };
}

index_type!(
    /// A function of the module: an index into [`Module::funcs`].
    FuncId,
    "fn"
);
index_type!(
    /// A local variable of a body: an index into [`Body::locals`].
    Local,
    "_"
);
index_type!(
    /// A basic block of a body: an index into [`Body::blocks`]; block 0 is the entry.
    BlockId,
    "bb"
);
index_type!(
    /// An exception message: an index into [`Module::messages`].
    MsgId,
    "msg"
);

/// A machine type of a local.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MTy {
    /// 64-bit two's complement integer.
    I64,
    /// IEEE double.
    F64,
    /// IEEE single (`f32`).
    F32,
    /// Boolean, 0 or 1 (one byte in memory and in the ABI).
    Bool,
    /// Two IEEE doubles, one 128-bit vector (never a parameter or a result).
    F64x2,
    /// Two 64-bit integers, one 128-bit vector (never a parameter or a result).
    I64x2,
    /// A counted reference: the owner word of a reference-counted block (an array's), or null.
    /// Only copies, `select`, `ref_addr`, calls, `incref` and `decref` take one; copying a
    /// reference does not count it, `incref` and `decref` do.
    Ref,
}

impl MTy {
    /// Whether the type is a two-lane vector.
    pub fn is_vector(self) -> bool {
        matches!(self, MTy::F64x2 | MTy::I64x2)
    }

    /// The type of one lane of a vector type.
    pub fn lane(self) -> Option<MTy> {
        match self {
            MTy::F64x2 => Some(MTy::F64),
            MTy::I64x2 => Some(MTy::I64),
            _ => None,
        }
    }

    /// The two-lane vector of a lane type.
    pub fn vector(self) -> Option<MTy> {
        match self {
            MTy::F64 => Some(MTy::F64x2),
            MTy::I64 => Some(MTy::I64x2),
            _ => None,
        }
    }
}

/// A constant operand.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MConst {
    I64(i64),
    F64(f64),
    F32(f32),
    Bool(bool),
    /// The null reference: no block (`decref` of it does nothing).
    Null,
}

impl MConst {
    /// The machine type of the constant.
    pub fn ty(self) -> MTy {
        match self {
            MConst::I64(_) => MTy::I64,
            MConst::F64(_) => MTy::F64,
            MConst::F32(_) => MTy::F32,
            MConst::Bool(_) => MTy::Bool,
            MConst::Null => MTy::Ref,
        }
    }
}

/// An operand: a local or a constant.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Operand {
    Local(Local),
    Const(MConst),
}

/// A comparison; on `I64` it is signed, on `Bool` false < true, on `F64` it follows IEEE (unordered: only `Ne` is true).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// A binary operation. Both operands have the same type unless the variant says otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// Wrapping `I64` addition.
    IAdd,
    /// Wrapping `I64` subtraction.
    ISub,
    /// Wrapping `I64` multiplication.
    IMul,
    /// `I64` floor division (rounds toward negative infinity).
    /// Precondition, established by lowering: rhs != 0 and not (lhs == i64::MIN and rhs == -1).
    IFloorDiv,
    /// `I64` modulo with the sign of the divisor (Python's `%`).
    /// Precondition: rhs != 0. Gives 0 for rhs == -1 (never the divide's trap).
    IMod,
    /// `I64` division truncating toward zero, what machines do: the `legalize` pass writes
    /// `IFloorDiv` with it, so no backend knows Python's rule.
    /// Precondition: rhs != 0 and not (lhs == i64::MIN and rhs == -1).
    ISDiv,
    /// `I64` remainder with the sign of the dividend (of `ISDiv`); written by `legalize`.
    /// Precondition: rhs != 0 and rhs != -1.
    ISRem,
    /// Bitwise and of `I64` or `Bool`.
    And,
    /// Bitwise or of `I64` or `Bool`.
    Or,
    /// Bitwise xor of `I64` or `Bool`.
    Xor,
    /// `Bool`: whether wrapping `IAdd` of the `I64` operands overflowed.
    IAddOverflows,
    /// `Bool`: whether wrapping `ISub` overflowed.
    ISubOverflows,
    /// `Bool`: whether wrapping `IMul` overflowed.
    IMulOverflows,
    /// `Bool` result; operands of any one type. On two vectors the result is a mask of the same
    /// vector type: each lane all ones where the comparison holds, else zero (signed on `I64x2`).
    Cmp(Cmp),
    /// `Bool` result of an unsigned comparison of two `I64`.
    UCmp(Cmp),
    /// IEEE `F64` addition.
    FAdd,
    /// IEEE `F64` subtraction.
    FSub,
    /// IEEE `F64` multiplication.
    FMul,
    /// IEEE `F64` division (no zero check: lowering adds it).
    FDiv,
    /// `F64` copysign(lhs, rhs).
    FCopysign,
    /// Unsigned `I64` division (truncating). Precondition: rhs != 0.
    UDiv,
    /// Unsigned `I64` remainder. Precondition: rhs != 0.
    URem,
    /// `I64` arithmetic shift right (floor division by a power of two). Precondition: 0 <= rhs < 64.
    AShr,
    /// `I64` shift left, wrapping (bits shifted out are lost). Precondition: 0 <= rhs < 64.
    Shl,
}

/// A unary operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnOp {
    /// Wrapping `I64` negation.
    INeg,
    /// `I64` bitwise not (`~x`).
    INot,
    /// `Bool` logical not.
    BNot,
    /// `F64` negation (flips the sign bit, so `-0.0` results from `0.0`).
    FNeg,
    /// `F64` absolute value.
    FAbs,
    /// `F64` square root (IEEE; NaN for negative input).
    FSqrt,
    /// `F64` round toward negative infinity.
    FFloor,
    /// `F64` round toward positive infinity.
    FCeil,
    /// `F64` round toward zero.
    FTrunc,
    /// `F64` round to nearest, ties to even.
    FNearest,
}

/// A conversion between machine types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CastOp {
    /// `I64` to the nearest `F64` (ties to even), as Python's `float(int)`.
    IToF,
    /// `Bool` to `I64` 0 or 1.
    BToI,
    /// `Bool` to `F64` 0.0 or 1.0.
    BToF,
    /// `F64` to `I64`, truncating. Precondition: the value is finite and its truncation fits in 64 bits.
    FToIUnchecked,
    /// `I64` to `I64`: keeps the low bits of the dtype's width and sign- or zero-extends them (NumPy wrapping).
    Wrap(Dtype),
    /// Signed `I64` to the nearest `F32`.
    IToF32,
    /// `I64` read as unsigned to the nearest `F64`.
    UToF,
    /// `I64` read as unsigned to the nearest `F32`.
    UToF32,
    /// `F64` to the nearest `F32`.
    FDemote,
    /// `F32` to `F64` (exact).
    FPromote,
    /// The bits of an `F64` as an `I64` (no conversion).
    FBits,
    /// An `I64`'s bits as an `F64` (no conversion).
    BitsF,
    /// A `Ref` to the `I64` address of its block (data follows a header there); the reference
    /// is not counted.
    RefAddr,
    /// An `I64` word read from memory (a reference a list item holds) back as a `Ref`; the
    /// reference is not counted.
    AddrRef,
}

/// The right-hand side of an assignment.
#[derive(Clone, Debug, PartialEq)]
pub enum Rvalue {
    Use(Operand),
    Binary(BinOp, Operand, Operand),
    Unary(UnOp, Operand),
    Cast(CastOp, Operand),
    /// `if cond { a } else { b }` without branching; `cond` is `Bool`, `a` and `b` share a type.
    /// With a vector mask (from a vector comparison) as `cond` it picks lane by lane.
    Select(Operand, Operand, Operand),
    /// Loads an array element of the dtype from the `I64` address: integers extend to `I64`
    /// (signed or unsigned by the dtype), `b1` gives `Bool`, `f32` `F32`, `f64` `F64`.
    Load(Dtype, Operand),
    /// Loads two consecutive elements from the `I64` address into a vector of the type
    /// (`F64x2`: two `f64`; `I64x2`: two `i64`).
    LoadVec(MTy, Operand),
    /// A vector with the `F64` or `I64` operand in both lanes.
    Splat(Operand),
    /// Lane 0 or 1 of a vector.
    Lane(Operand, u8),
    /// A value the GPU gives each thread, as an `I64`: its position, or the address of a
    /// shared or local array (kernel bodies only; no CPU backend has it).
    Special(SpecialReg),
}

/// The registers that place a GPU thread, each along axis 0 (x), 1 (y) or 2 (z), and the
/// addresses of a kernel's fixed-size arrays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpecialReg {
    /// The thread's index in its block (`threadIdx`).
    ThreadIdx(u8),
    /// The block's index in the grid (`blockIdx`).
    BlockIdx(u8),
    /// The number of threads of a block (`blockDim`).
    BlockDim(u8),
    /// The number of blocks of the grid (`gridDim`).
    GridDim(u8),
    /// The address of the kernel's shared array `id` of `bytes` bytes (one per block, 16-byte
    /// aligned, uninitialised): every use of the same `id` is the same array.
    Shared { id: u16, bytes: u32 },
    /// The address of the kernel's local array `id` of `bytes` bytes (one per thread, 16-byte
    /// aligned, uninitialised).
    Local { id: u16, bytes: u32 },
}

impl SpecialReg {
    /// Its name in MIR text (`tid.x`, `ctaid.y`, `ntid.z`, `nctaid.x`, `shared0[512]`,
    /// `local1[64]`); the thread registers have the same names in PTX.
    pub fn name(self) -> String {
        let (base, axis) = match self {
            SpecialReg::Shared { id, bytes } => return format!("shared{id}[{bytes}]"),
            SpecialReg::Local { id, bytes } => return format!("local{id}[{bytes}]"),
            SpecialReg::ThreadIdx(a) => ("tid", a),
            SpecialReg::BlockIdx(a) => ("ctaid", a),
            SpecialReg::BlockDim(a) => ("ntid", a),
            SpecialReg::GridDim(a) => ("nctaid", a),
        };
        format!("{base}.{}", ["x", "y", "z"][axis.min(2) as usize])
    }
}

/// A statement.
#[derive(Clone, Debug, PartialEq)]
pub enum Stmt {
    /// A call of a runtime helper that cannot raise ([`RtFn::can_raise`] is false): its results go into `dests`.
    Call {
        callee: RtFn,
        args: Vec<Operand>,
        dests: Vec<Local>,
    },
    /// Assignment to a local.
    Assign { dest: Local, value: Rvalue },
    /// Stores `value` (of the dtype's machine type; integers are truncated) at the `I64` address `addr`.
    Store {
        dtype: Dtype,
        addr: Operand,
        value: Operand,
    },
    /// Stores the two lanes of the vector `value` as consecutive elements at `addr`.
    StoreVec { addr: Operand, value: Operand },
    /// Takes a reference on the block of a `Ref` (nothing for null or a borrowed buffer).
    IncRef(Operand),
    /// Drops a reference on the block of a `Ref`, freeing it at zero (nothing for null or a
    /// borrowed buffer).
    DecRef(Operand),
}

/// What a called function is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Callee {
    /// A body of this module.
    Func(FuncId),
    /// A runtime helper linked into every extension.
    Runtime(RtFn),
}

/// What a [`Terminator::Check`] guards against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CheckKind {
    /// An index within an axis (IndexError).
    Bounds,
    /// An int result within 64 bits (OverflowError).
    Overflow,
    /// A nonzero divisor (ZeroDivisionError).
    ZeroDivision,
}

impl CheckKind {
    /// The name in MIR dumps.
    pub fn name(self) -> &'static str {
        match self {
            CheckKind::Bounds => "bounds",
            CheckKind::Overflow => "overflow",
            CheckKind::ZeroDivision => "zerodiv",
        }
    }
}

/// How a block ends.
#[derive(Clone, Debug, PartialEq)]
pub enum Terminator {
    Goto(BlockId),
    /// Branch on a `Bool` operand.
    Branch {
        cond: Operand,
        then_block: BlockId,
        else_block: BlockId,
    },
    /// Return successfully with the current values of [`Body::rets`].
    Return,
    /// Call a function; its results go into `dests`. If it raises, this body leaves through its cleanup block (if any).
    Call {
        callee: Callee,
        args: Vec<Operand>,
        dests: Vec<Local>,
        next: BlockId,
    },
    /// Raise a builtin exception with a message, then leave through the cleanup block (if any).
    Raise {
        exc: ExcKind,
        msg: MsgId,
    },
    /// Control never reaches here (after an exhaustive branch, say); codegen emits a trap.
    Unreachable,
    /// Leaves the function reporting the exception already raised: ends the body's cleanup block.
    Fail,
    /// A runtime check: when the `Bool` `fails` is true control goes to `fail`, a path that raises,
    /// else to `ok`. A pass that proves `fails` false may replace it by `Goto(ok)`.
    Check {
        kind: CheckKind,
        fails: Operand,
        fail: BlockId,
        ok: BlockId,
    },
}

impl Terminator {
    /// The blocks control may go to next, in order.
    pub fn successors(&self) -> Vec<BlockId> {
        match self {
            Terminator::Goto(b) => vec![*b],
            Terminator::Branch {
                then_block,
                else_block,
                ..
            } => vec![*then_block, *else_block],
            Terminator::Call { next, .. } => vec![*next],
            Terminator::Check { fail, ok, .. } => vec![*fail, *ok],
            Terminator::Return
            | Terminator::Raise { .. }
            | Terminator::Unreachable
            | Terminator::Fail => vec![],
        }
    }

    /// The successor slots, for passes that retarget edges.
    pub fn successors_mut(&mut self) -> Vec<&mut BlockId> {
        match self {
            Terminator::Goto(b) => vec![b],
            Terminator::Branch {
                then_block,
                else_block,
                ..
            } => vec![then_block, else_block],
            Terminator::Call { next, .. } => vec![next],
            Terminator::Check { fail, ok, .. } => vec![fail, ok],
            Terminator::Return
            | Terminator::Raise { .. }
            | Terminator::Unreachable
            | Terminator::Fail => vec![],
        }
    }
}

/// A basic block.
#[derive(Clone, Debug, PartialEq)]
pub struct BlockData {
    pub stmts: Vec<Stmt>,
    pub terminator: Terminator,
}

/// The declaration of a local.
#[derive(Clone, Debug, PartialEq)]
pub struct LocalDecl {
    pub ty: MTy,
    /// The source name, for dumps; temporaries have none.
    pub name: Option<String>,
    /// Lowering's promise that every value this `I64` local holds is >= 0 (array shapes).
    pub nonneg: bool,
}

impl LocalDecl {
    /// A local of the type, with no name and no promise.
    pub fn temp(ty: MTy) -> LocalDecl {
        LocalDecl {
            ty,
            name: None,
            nonneg: false,
        }
    }
}

/// One compiled function.
#[derive(Clone, Debug, PartialEq)]
pub struct Body {
    /// The source-level name (specialised helpers carry their argument types: `helper[int, float]`).
    pub name: String,
    /// The linker symbol of the function.
    pub symbol: String,
    /// The locals that hold the parameters on entry, in ABI order.
    pub params: Vec<Local>,
    /// The locals whose values are returned through the out pointers, in ABI order.
    pub rets: Vec<Local>,
    pub locals: Vec<LocalDecl>,
    /// Block 0 is the entry.
    pub blocks: Vec<BlockData>,
    /// A GPU kernel (`kernel fn` in dumps): it returns nothing, may read thread registers and
    /// call the `gpu_` helpers, and only the PTX backend compiles it.
    pub kernel: bool,
    /// `Ref` locals this body holds a reference on until it exits (lowering's drop slots).
    /// The `drops` pass elaborates them into `decref`s before every return and into the
    /// cleanup block, and empties the list; codegen takes only elaborated bodies.
    pub owned: Vec<Local>,
    /// After drop elaboration, where every error exit continues (a raise, once the exception is
    /// set; a failed call): a block that drops the body's references and ends in `fail`.
    /// Without one an error exit leaves the function at once.
    pub cleanup: Option<BlockId>,
}

impl Body {
    /// The type of a local.
    pub fn local_ty(&self, local: Local) -> MTy {
        self.locals[local.index()].ty
    }

    /// The type of an operand.
    pub fn operand_ty(&self, op: &Operand) -> MTy {
        match op {
            Operand::Local(l) => self.local_ty(*l),
            Operand::Const(c) => c.ty(),
        }
    }

    /// The parameter types in ABI order.
    pub fn param_tys(&self) -> Vec<MTy> {
        self.params.iter().map(|l| self.local_ty(*l)).collect()
    }

    /// The result types in ABI order.
    pub fn ret_tys(&self) -> Vec<MTy> {
        self.rets.iter().map(|l| self.local_ty(*l)).collect()
    }
}

/// The message of an exception raised without arguments (`raise ValueError`, `assert x`): the wrapper
/// raises it with no arguments, so `e.args == ()` as in CPython.
pub const NO_MESSAGE: &str = "\0";

/// A whole compiled module.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Module {
    /// The Python module name.
    pub name: String,
    pub funcs: Vec<Body>,
    /// Exception messages raised by compiled code, by [`MsgId`].
    pub messages: Vec<String>,
}

impl Module {
    /// Splits off the GPU kernels: the host bodies (calls renumbered; host code never calls a
    /// kernel) for a CPU backend, and the kernels for the PTX backend.
    pub fn split_kernels(self) -> (Module, Vec<Body>) {
        let mut map = Vec::with_capacity(self.funcs.len());
        let mut next = 0u32;
        for b in &self.funcs {
            map.push((!b.kernel).then(|| {
                next += 1;
                FuncId(next - 1)
            }));
        }
        let (kernels, mut host): (Vec<Body>, Vec<Body>) =
            self.funcs.into_iter().partition(|b| b.kernel);
        for b in &mut host {
            for block in &mut b.blocks {
                if let Terminator::Call {
                    callee: Callee::Func(f),
                    ..
                } = &mut block.terminator
                {
                    *f = map[f.index()].expect("host code never calls a kernel");
                }
            }
        }
        let host = Module {
            name: self.name,
            funcs: host,
            messages: self.messages,
        };
        (host, kernels)
    }

    /// The id of a message, adding it if it is new (so identical messages share one entry).
    pub fn intern_message(&mut self, msg: &str) -> MsgId {
        if let Some(i) = self.messages.iter().position(|m| m == msg) {
            return MsgId(i as u32);
        }
        self.messages.push(msg.to_string());
        MsgId(self.messages.len() as u32 - 1)
    }
}
