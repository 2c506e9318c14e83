//! pyaot's own syntax tree: the part of Python that sema looks at, with [`Span`]s instead of ruff ranges.
//!
//! Constructs that compiled code never supports are kept as `Unsupported` nodes naming the construct,
//! so that sema decides whether they are an error (inside a function) or a warning (at module level).

pub use pyaot_diagnostics::{FileId, Span};

/// A parsed file.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Module {
    pub doc: Option<String>,
    pub body: Vec<Stmt>,
    /// The byte offset where each line starts, for messages that name a line.
    pub line_starts: Vec<u32>,
}

impl Module {
    /// The one-based line of a byte offset.
    pub fn line_of(&self, offset: u32) -> usize {
        self.line_starts.partition_point(|&s| s <= offset).max(1)
    }
}

/// A statement with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

/// A function definition.
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    pub name: String,
    pub name_span: Span,
    pub params: Vec<Param>,
    /// Spans and descriptions of parameter forms that are not supported (`*args`, `**kwargs`, `/`, `*`).
    pub unsupported_params: Vec<(Span, &'static str)>,
    pub returns: Option<Expr>,
    pub decorators: Vec<Expr>,
    /// The docstring, taken out of the body.
    pub doc: Option<String>,
    pub body: Vec<Stmt>,
    pub is_async: bool,
    /// The module function a nested function was lifted out of (never exported).
    pub nested_in: Option<String>,
    /// The number of the enclosing function's variables it reads: they follow the parameters,
    /// then one flag parameter each (`v$bound`) saying whether the variable had a value.
    pub free_params: usize,
}

/// A parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub name: String,
    pub span: Span,
    pub annotation: Option<Expr>,
    pub default: Option<Expr>,
}

/// `import a.b as c` or one name of `from m import a as b`.
#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    pub name: String,
    pub asname: Option<String>,
    pub span: Span,
}

/// A statement.
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    FunctionDef(Box<FunctionDef>),
    /// `class NAME: ...`, which is never compiled; only its name is kept, for diagnostics.
    ClassDef {
        name: String,
    },
    Import(Vec<Alias>),
    ImportFrom {
        module: String,
        names: Vec<Alias>,
    },
    /// `a = b = value`.
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
    },
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    Expr(Expr),
    Return(Option<Expr>),
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    For {
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `del a[i], b[j:k]`.
    Delete(Vec<Expr>),
    /// `nonlocal a, b` (in a nested function).
    Nonlocal(Vec<String>),
    Break,
    Continue,
    Pass,
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    Raise {
        exc: Option<Expr>,
        has_cause: bool,
    },
    /// A construct outside the subset, named for the user (`class definition`, `try statement`).
    Unsupported(&'static str),
}

/// A binary arithmetic or bitwise operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitAnd,
    BitOr,
    BitXor,
}

impl BinOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
        }
    }
}

/// A unary operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
    Not,
}

/// A comparison operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

impl CmpOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::NotEq => "!=",
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Gt => ">",
            CmpOp::GtE => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}

/// `and` or `or`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoolOp {
    And,
    Or,
}

/// A keyword argument `name=value` (`name` is `None` for `**kwargs`).
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    pub name: Option<String>,
    pub value: Expr,
    pub span: Span,
}

/// One `for target in iter if cond ...` clause of a comprehension.
#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
    pub span: Span,
}

/// An expression with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

/// An expression.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Name(String),
    /// An int literal; `None` when it does not fit in 128 bits.
    Int(Option<i128>),
    Float(f64),
    /// An imaginary literal such as `2.5j` (its imaginary part).
    Imaginary(f64),
    Bool(bool),
    NoneLit,
    Str(String),
    BinOp {
        left: Box<Expr>,
        op: BinOp,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    Attribute {
        value: Box<Expr>,
        attr: String,
        attr_span: Span,
    },
    Subscript {
        value: Box<Expr>,
        index: Box<Expr>,
    },
    Tuple(Vec<Expr>),
    List(Vec<Expr>),
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
    Starred(Box<Expr>),
    /// `lambda a, b: body` with plain parameters.
    Lambda {
        params: Vec<String>,
        body: Box<Expr>,
    },
    /// `(elt for target in iter if cond ...)`: a generator expression, its clauses in source order.
    Generator {
        elt: Box<Expr>,
        clauses: Vec<Comprehension>,
    },
    /// `[elt for target in iter if cond ...]`: a list comprehension, its clauses in source order.
    ListComp {
        elt: Box<Expr>,
        clauses: Vec<Comprehension>,
    },
    /// `{elt for ...}`: a set comprehension.
    SetComp {
        elt: Box<Expr>,
        clauses: Vec<Comprehension>,
    },
    /// `{key: value for ...}`: a dict comprehension.
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        clauses: Vec<Comprehension>,
    },
    /// `{k: v, ...}` (no `**` items).
    Dict(Vec<(Expr, Expr)>),
    /// `{a, b, ...}`.
    Set(Vec<Expr>),
    /// An f-string (implicitly concatenated parts joined): literal text and replacement fields.
    FString(Vec<FPart>),
    /// `...`, meaningful only as an array index.
    Ellipsis,
    /// An expression form outside the subset, named for the user (`lambda`, `list comprehension`).
    Unsupported(&'static str),
}

/// A part of an f-string.
#[derive(Clone, Debug, PartialEq)]
pub enum FPart {
    /// Literal text.
    Lit(String),
    /// `{value!conv:spec}`; `debug` is the text before the value's result for `{x=}`.
    Field {
        value: Box<Expr>,
        /// `'s'`, `'r'` or `'a'`.
        conversion: Option<char>,
        /// The format spec's parts (it may hold replacement fields itself).
        spec: Vec<FPart>,
        debug: Option<String>,
    },
}
