//! The MIR reader: parses the text `display` writes, so passes are tested with `.mir` files in and out.
//!
//! Comments after `//` are ignored except the module header, `// fn<N>` lines and the symbol comment
//! of a function header. Errors name the line.

use std::collections::HashMap;

use crate::{
    BinOp, BlockData, BlockId, Body, Callee, CastOp, CheckKind, Cmp, Dtype, ExcKind, FuncId, Local,
    LocalDecl, MConst, MTy, Module, MsgId, Operand, RtFn, Rvalue, Stmt, Terminator, UnOp,
};

/// Parses a whole module as `Module`'s `Display` writes it.
///
/// # Errors
/// The first line that does not parse, with its number.
pub fn parse_module(text: &str) -> Result<Module, String> {
    let mut p = Parser {
        lines: text.lines().enumerate().collect(),
        pos: 0,
        names: Names::new(),
    };
    p.module()
}

struct Parser<'a> {
    lines: Vec<(usize, &'a str)>,
    pos: usize,
    names: Names,
}

/// Mnemonics to operations, built from the printer so both stay in step.
struct Names {
    binary: HashMap<String, BinOp>,
    unary: HashMap<String, UnOp>,
    cast: HashMap<String, CastOp>,
    dtype: HashMap<&'static str, Dtype>,
    rt: HashMap<&'static str, RtFn>,
    exc: HashMap<&'static str, ExcKind>,
}

impl Names {
    fn new() -> Names {
        let cmps = [Cmp::Eq, Cmp::Ne, Cmp::Lt, Cmp::Le, Cmp::Gt, Cmp::Ge];
        let mut binary: Vec<BinOp> = vec![
            BinOp::IAdd,
            BinOp::ISub,
            BinOp::IMul,
            BinOp::IFloorDiv,
            BinOp::IMod,
            BinOp::ISDiv,
            BinOp::ISRem,
            BinOp::And,
            BinOp::Or,
            BinOp::Xor,
            BinOp::IAddOverflows,
            BinOp::ISubOverflows,
            BinOp::IMulOverflows,
            BinOp::FAdd,
            BinOp::FSub,
            BinOp::FMul,
            BinOp::FDiv,
            BinOp::FCopysign,
            BinOp::UDiv,
            BinOp::URem,
            BinOp::AShr,
            BinOp::Shl,
        ];
        binary.extend(cmps.iter().map(|c| BinOp::Cmp(*c)));
        binary.extend(cmps.iter().map(|c| BinOp::UCmp(*c)));
        let unary = [
            UnOp::INeg,
            UnOp::INot,
            UnOp::BNot,
            UnOp::FNeg,
            UnOp::FAbs,
            UnOp::FSqrt,
            UnOp::FFloor,
            UnOp::FCeil,
            UnOp::FTrunc,
            UnOp::FNearest,
        ];
        let mut cast = vec![
            CastOp::IToF,
            CastOp::BToI,
            CastOp::BToF,
            CastOp::FToIUnchecked,
            CastOp::IToF32,
            CastOp::UToF,
            CastOp::UToF32,
            CastOp::FDemote,
            CastOp::FPromote,
            CastOp::FBits,
            CastOp::BitsF,
            CastOp::RefAddr,
            CastOp::AddrRef,
        ];
        cast.extend(Dtype::ALL.iter().map(|d| CastOp::Wrap(*d)));
        Names {
            binary: binary.into_iter().map(|o| (o.to_string(), o)).collect(),
            unary: unary.into_iter().map(|o| (o.to_string(), o)).collect(),
            cast: cast.into_iter().map(|o| (o.to_string(), o)).collect(),
            dtype: Dtype::ALL.iter().map(|d| (d.name(), *d)).collect(),
            rt: RtFn::ALL.iter().map(|r| (r.name(), *r)).collect(),
            exc: ExcKind::ALL.iter().map(|e| (e.name(), *e)).collect(),
        }
    }
}

/// Strips a `//` comment (outside string literals) and surrounding blanks.
fn code(line: &str) -> &str {
    let mut in_str = false;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match c {
            '\\' if in_str && !escaped => {
                escaped = true;
                continue;
            }
            '"' if !escaped => in_str = !in_str,
            '/' if !in_str && line[i..].starts_with("//") => return line[..i].trim(),
            _ => {}
        }
        escaped = false;
    }
    line.trim()
}

impl Parser<'_> {
    fn err<T>(&self, msg: impl Into<String>) -> Result<T, String> {
        let line = self.lines.get(self.pos).map_or(0, |(n, _)| n + 1);
        Err(format!("line {line}: {}", msg.into()))
    }

    /// The next line with code (or a header comment), without advancing.
    fn peek(&mut self) -> Option<&str> {
        while let Some((_, l)) = self.lines.get(self.pos) {
            if l.trim().is_empty() || (code(l).is_empty() && !is_header_comment(l)) {
                self.pos += 1;
                continue;
            }
            return Some(l);
        }
        None
    }

    fn module(&mut self) -> Result<Module, String> {
        let mut m = Module::default();
        let Some(first) = self.peek() else {
            return self.err("empty input");
        };
        let Some(name) = first.trim().strip_prefix("// MIR of module ") else {
            return self.err("expected `// MIR of module NAME`");
        };
        m.name = name.trim().to_string();
        self.pos += 1;
        while let Some(l) = self.peek() {
            let l = code(l);
            let Some(rest) = l.strip_prefix("msg") else {
                break;
            };
            let Some((n, lit)) = rest.split_once(" = ") else {
                return self.err("expected `msgN = \"text\"`");
            };
            if n.parse::<usize>().ok() != Some(m.messages.len()) {
                return self.err("messages must be numbered from msg0 in order");
            }
            let text = unescape(lit).or_else(|e| self.err(e))?;
            m.messages.push(text);
            self.pos += 1;
        }
        // Bodies may call functions declared later: read them all, then resolve.
        while self.peek().is_some() {
            let body = self.body()?;
            m.funcs.push(body);
        }
        Ok(m)
    }

    fn body(&mut self) -> Result<Body, String> {
        let Some(l) = self.peek() else {
            return self.err("expected a function");
        };
        if l.trim().starts_with("// fn") {
            self.pos += 1;
        }
        let Some(line) = self.peek().map(str::to_string) else {
            return self.err("expected a function");
        };
        let symbol = line
            .split_once("// symbol ")
            .map(|(_, s)| s.trim().to_string())
            .unwrap_or_default();
        let head = code(&line);
        let (kernel, head) = match head.strip_prefix("kernel ") {
            Some(h) => (true, h),
            None => (false, head),
        };
        let Some(rest) = head.strip_prefix("fn ") else {
            return self.err("expected `fn NAME(params) -> (rets) {`");
        };
        let Some(open) = rest.find('(') else {
            return self.err("expected `(` after the function name");
        };
        let name = rest[..open].to_string();
        let Some((params, rest)) = rest[open + 1..].split_once(") -> (") else {
            return self.err("expected `) -> (`");
        };
        let Some(rets) = rest.strip_suffix(") {") else {
            return self.err("expected `) {` after the results");
        };
        self.pos += 1;
        let mut decls: Vec<Option<LocalDecl>> = Vec::new();
        let params = self.decl_list(params, &mut decls)?;
        let rets = self.decl_list(rets, &mut decls)?;
        let mut owned = Vec::new();
        let mut cleanup = None;
        // Locals, the owned list and the cleanup block.
        while let Some(raw) = self.peek() {
            let raw = raw.to_string();
            let l = code(&raw).to_string();
            if let Some(d) = l.strip_prefix("let ") {
                let d = d.trim_end_matches(';');
                let local = self.decl(d, &mut decls)?;
                // The source name is the comment: `let _8: f64;  // total`.
                if let Some((_, name)) = raw.split_once("// ") {
                    if let Some(Some(decl)) = decls.get_mut(local.index()) {
                        decl.name = Some(name.trim().to_string());
                    }
                }
            } else if let Some(list) = l.strip_prefix("owned ") {
                for o in list.trim_end_matches(';').split(',') {
                    owned.push(self.local(o.trim())?);
                }
            } else if let Some(b) = l.strip_prefix("cleanup ") {
                cleanup = Some(self.block_id(b.trim_end_matches(';').trim())?);
            } else {
                break;
            }
            self.pos += 1;
        }
        let mut locals = Vec::with_capacity(decls.len());
        for (i, d) in decls.into_iter().enumerate() {
            match d {
                Some(d) => locals.push(d),
                None => return self.err(format!("local _{i} is not declared")),
            }
        }
        let mut blocks: Vec<BlockData> = Vec::new();
        loop {
            let Some(l) = self.peek() else {
                return self.err("expected `}` at the end of the function");
            };
            let l = code(l).to_string();
            if l == "}" {
                self.pos += 1;
                break;
            }
            let Some(n) = l.strip_prefix("bb").and_then(|r| r.strip_suffix(':')) else {
                return self.err("expected a block label `bbN:`");
            };
            if n.parse::<usize>().ok() != Some(blocks.len()) {
                return self.err("blocks must be numbered from bb0 in order");
            }
            self.pos += 1;
            blocks.push(self.block()?);
        }
        Ok(Body {
            name,
            symbol,
            params,
            rets,
            locals,
            blocks,
            kernel,
            owned,
            cleanup,
        })
    }

    /// `_0: i64, _1: f64 nonneg` declaring each local; returns them in order.
    fn decl_list(
        &self,
        text: &str,
        decls: &mut Vec<Option<LocalDecl>>,
    ) -> Result<Vec<Local>, String> {
        let mut out = Vec::new();
        for d in text.split(',').map(str::trim).filter(|d| !d.is_empty()) {
            out.push(self.decl(d, decls)?);
        }
        Ok(out)
    }

    /// `_3: i64 nonneg`.
    fn decl(&self, d: &str, decls: &mut Vec<Option<LocalDecl>>) -> Result<Local, String> {
        let Some((l, ty)) = d.split_once(':') else {
            return self.err(format!("expected `_N: type`, found `{d}`"));
        };
        let local = self.local(l.trim())?;
        let mut words = ty.split_whitespace();
        let ty = match words.next() {
            Some("i64") => MTy::I64,
            Some("f64") => MTy::F64,
            Some("f32") => MTy::F32,
            Some("bool") => MTy::Bool,
            Some("f64x2") => MTy::F64x2,
            Some("i64x2") => MTy::I64x2,
            Some("ref") => MTy::Ref,
            other => return self.err(format!("unknown type {other:?}")),
        };
        let nonneg = match words.next() {
            None => false,
            Some("nonneg") => true,
            Some(w) => return self.err(format!("unexpected `{w}`")),
        };
        if decls.len() <= local.index() {
            decls.resize(local.index() + 1, None);
        }
        if decls[local.index()].is_some() {
            return self.err(format!("{local} is declared twice"));
        }
        decls[local.index()] = Some(LocalDecl {
            ty,
            name: None,
            nonneg,
        });
        Ok(local)
    }

    fn block(&mut self) -> Result<BlockData, String> {
        let mut stmts = Vec::new();
        loop {
            let Some(l) = self.peek() else {
                return self.err("a block needs a terminator");
            };
            let l = code(l).to_string();
            if let Some(t) = self.terminator(&l)? {
                self.pos += 1;
                return Ok(BlockData {
                    stmts,
                    terminator: t,
                });
            }
            stmts.push(self.stmt(&l)?);
            self.pos += 1;
        }
    }

    fn stmt(&self, l: &str) -> Result<Stmt, String> {
        if let Some(op) = l.strip_prefix("incref ") {
            return Ok(Stmt::IncRef(self.operand(op.trim())?));
        }
        if let Some(op) = l.strip_prefix("decref ") {
            return Ok(Stmt::DecRef(self.operand(op.trim())?));
        }
        if let Some(ops) = l.strip_prefix("store_vec ") {
            let [addr, value] = self.operands(ops)?[..] else {
                return self.err("a vector store takes two operands");
            };
            return Ok(Stmt::StoreVec { addr, value });
        }
        if let Some(rest) = l.strip_prefix("store_") {
            let Some((d, ops)) = rest.split_once(' ') else {
                return self.err("expected `store_DTYPE addr, value`");
            };
            let dtype = self.dtype(d)?;
            let [addr, value] = self.operands(ops)?[..] else {
                return self.err("a store takes two operands");
            };
            return Ok(Stmt::Store { dtype, addr, value });
        }
        if l.starts_with('(') {
            let (dests, callee, args, next) = self.call(l)?;
            return match (callee, next) {
                (Callee::Runtime(rt), None) => Ok(Stmt::Call {
                    callee: rt,
                    args,
                    dests,
                }),
                _ => self.err("a call statement names a runtime helper and no next block"),
            };
        }
        let Some((dest, rv)) = l.split_once(" = ") else {
            return self.err(format!("expected a statement, found `{l}`"));
        };
        let dest = self.local(dest.trim())?;
        Ok(Stmt::Assign {
            dest,
            value: self.rvalue(rv.trim())?,
        })
    }

    fn terminator(&self, l: &str) -> Result<Option<Terminator>, String> {
        let block = |s: &str| self.block_id(s.trim());
        if let Some(b) = l.strip_prefix("goto ") {
            return Ok(Some(Terminator::Goto(block(b)?)));
        }
        if let Some(rest) = l.strip_prefix("branch ") {
            let parts: Vec<&str> = rest.split(',').map(str::trim).collect();
            let [c, t, e] = parts[..] else {
                return self.err("expected `branch COND, bbT, bbE`");
            };
            return Ok(Some(Terminator::Branch {
                cond: self.operand(c)?,
                then_block: block(t)?,
                else_block: block(e)?,
            }));
        }
        if let Some(rest) = l.strip_prefix("check ") {
            let parts: Vec<&str> = rest.split(',').map(str::trim).collect();
            let [head, fail, ok] = parts[..] else {
                return self.err("expected `check KIND COND, fail bbF, ok bbO`");
            };
            let Some((kind, fails)) = head.split_once(' ') else {
                return self.err("expected `check KIND COND`");
            };
            let kind = match kind {
                "bounds" => CheckKind::Bounds,
                "overflow" => CheckKind::Overflow,
                "zerodiv" => CheckKind::ZeroDivision,
                k => return self.err(format!("unknown check kind `{k}`")),
            };
            let (Some(fail), Some(ok)) = (fail.strip_prefix("fail "), ok.strip_prefix("ok "))
            else {
                return self.err("expected `fail bbF, ok bbO`");
            };
            return Ok(Some(Terminator::Check {
                kind,
                fails: self.operand(fails)?,
                fail: block(fail)?,
                ok: block(ok)?,
            }));
        }
        if l == "return" {
            return Ok(Some(Terminator::Return));
        }
        if l == "unreachable" {
            return Ok(Some(Terminator::Unreachable));
        }
        if l == "fail" {
            return Ok(Some(Terminator::Fail));
        }
        if let Some(rest) = l.strip_prefix("raise ") {
            let Some((exc, msg)) = rest.split_once('(') else {
                return self.err("expected `raise Exc(msgN)`");
            };
            let Some(&exc) = self.names.exc.get(exc) else {
                return self.err(format!("unknown exception `{exc}`"));
            };
            let msg = msg
                .strip_suffix(')')
                .and_then(|m| m.strip_prefix("msg"))
                .and_then(|m| m.parse().ok())
                .map(MsgId);
            let Some(msg) = msg else {
                return self.err("expected `(msgN)`");
            };
            return Ok(Some(Terminator::Raise { exc, msg }));
        }
        if l.starts_with('(') {
            let (dests, callee, args, next) = self.call(l)?;
            if let Some(next) = next {
                return Ok(Some(Terminator::Call {
                    callee,
                    args,
                    dests,
                    next,
                }));
            }
        }
        Ok(None)
    }

    /// `(dests) = call CALLEE(args)` with an optional ` -> bbN`.
    #[allow(clippy::type_complexity)]
    fn call(&self, l: &str) -> Result<(Vec<Local>, Callee, Vec<Operand>, Option<BlockId>), String> {
        let Some((dests, rest)) = l.split_once(") = call ") else {
            return self.err("expected `(dests) = call f(args)`");
        };
        let dests = dests
            .trim_start_matches('(')
            .split(',')
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(|d| self.local(d))
            .collect::<Result<Vec<_>, _>>()?;
        let (call, next) = match rest.rsplit_once(" -> ") {
            Some((c, n)) => (c, Some(self.block_id(n.trim())?)),
            None => (rest, None),
        };
        let Some((callee, args)) = call.split_once('(') else {
            return self.err("expected `f(args)`");
        };
        let Some(args) = args.strip_suffix(')') else {
            return self.err("expected `)` after the arguments");
        };
        let callee = if let Some(rt) = callee.strip_prefix("rt.") {
            match self.names.rt.get(rt) {
                Some(r) => Callee::Runtime(*r),
                None => return self.err(format!("unknown runtime helper `{rt}`")),
            }
        } else if let Some(n) = callee.strip_prefix("fn").and_then(|n| n.parse().ok()) {
            Callee::Func(FuncId(n))
        } else {
            return self.err(format!("unknown callee `{callee}`"));
        };
        Ok((dests, callee, self.operands(args)?, next))
    }

    fn rvalue(&self, s: &str) -> Result<Rvalue, String> {
        let (head, rest) = match s.split_once(' ') {
            Some((h, r)) if !s.starts_with("const ") => (h, r),
            _ => return Ok(Rvalue::Use(self.operand(s)?)),
        };
        if head == "load_vec_f64" {
            return Ok(Rvalue::LoadVec(MTy::F64x2, self.operand(rest)?));
        }
        if head == "load_vec_i64" {
            return Ok(Rvalue::LoadVec(MTy::I64x2, self.operand(rest)?));
        }
        if head == "splat" {
            return Ok(Rvalue::Splat(self.operand(rest)?));
        }
        if head == "special" {
            use crate::SpecialReg::*;
            for (prefix, shared) in [("shared", true), ("local", false)] {
                let Some(r) = rest.strip_prefix(prefix) else {
                    continue;
                };
                let parsed = r
                    .strip_suffix(']')
                    .and_then(|r| r.split_once('['))
                    .and_then(|(id, n)| Some((id.parse().ok()?, n.parse().ok()?)));
                let Some((id, bytes)) = parsed else {
                    return self
                        .err("`special shared<id>[<bytes>]` or `special local<id>[<bytes>]`");
                };
                return Ok(Rvalue::Special(if shared {
                    Shared { id, bytes }
                } else {
                    Local { id, bytes }
                }));
            }
            let (base, axis) = rest.split_once('.').unwrap_or((rest, ""));
            let axis = match axis {
                "x" => 0,
                "y" => 1,
                "z" => 2,
                _ => {
                    return self.err("`special` takes tid, ctaid, ntid or nctaid with .x, .y or .z")
                }
            };
            let reg = match base {
                "tid" => ThreadIdx(axis),
                "ctaid" => BlockIdx(axis),
                "ntid" => BlockDim(axis),
                "nctaid" => GridDim(axis),
                _ => {
                    return self.err("`special` takes tid, ctaid, ntid or nctaid with .x, .y or .z")
                }
            };
            return Ok(Rvalue::Special(reg));
        }
        if head == "lane" {
            let Some((v, lane)) = rest.split_once(", ") else {
                return self.err("`lane` takes a vector and a lane number");
            };
            let lane = lane.parse().or_else(|_| self.err("a lane number"))?;
            return Ok(Rvalue::Lane(self.operand(v)?, lane));
        }
        if head == "select" {
            let [c, a, b] = self.operands(rest)?[..] else {
                return self.err("`select` takes three operands");
            };
            return Ok(Rvalue::Select(c, a, b));
        }
        if let Some(d) = head.strip_prefix("load_") {
            return Ok(Rvalue::Load(self.dtype(d)?, self.operand(rest)?));
        }
        if let Some(op) = self.names.binary.get(head) {
            let [a, b] = self.operands(rest)?[..] else {
                return self.err(format!("`{head}` takes two operands"));
            };
            return Ok(Rvalue::Binary(*op, a, b));
        }
        if let Some(op) = self.names.unary.get(head) {
            return Ok(Rvalue::Unary(*op, self.operand(rest)?));
        }
        if let Some(op) = self.names.cast.get(head) {
            return Ok(Rvalue::Cast(*op, self.operand(rest)?));
        }
        self.err(format!("unknown operation `{head}`"))
    }

    fn operands(&self, s: &str) -> Result<Vec<Operand>, String> {
        s.split(',')
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .map(|o| self.operand(o))
            .collect()
    }

    fn operand(&self, s: &str) -> Result<Operand, String> {
        if s == "null" {
            return Ok(Operand::Const(MConst::Null));
        }
        let Some(c) = s.strip_prefix("const ") else {
            return Ok(Operand::Local(self.local(s)?));
        };
        let value = match c {
            "true" => MConst::Bool(true),
            "false" => MConst::Bool(false),
            _ => {
                let parsed = if let Some(v) = c.strip_suffix("_i64") {
                    v.parse().ok().map(MConst::I64)
                } else if let Some(v) = c.strip_suffix("_f64") {
                    v.parse().ok().map(MConst::F64)
                } else if let Some(v) = c.strip_suffix("_f32") {
                    v.parse().ok().map(MConst::F32)
                } else {
                    None
                };
                match parsed {
                    Some(v) => v,
                    None => return self.err(format!("bad constant `{c}`")),
                }
            }
        };
        Ok(Operand::Const(value))
    }

    fn local(&self, s: &str) -> Result<Local, String> {
        match s.strip_prefix('_').and_then(|n| n.parse().ok()) {
            Some(n) => Ok(Local(n)),
            None => self.err(format!("expected a local `_N`, found `{s}`")),
        }
    }

    fn block_id(&self, s: &str) -> Result<BlockId, String> {
        match s.strip_prefix("bb").and_then(|n| n.parse().ok()) {
            Some(n) => Ok(BlockId(n)),
            None => self.err(format!("expected a block `bbN`, found `{s}`")),
        }
    }

    fn dtype(&self, s: &str) -> Result<Dtype, String> {
        match self.names.dtype.get(s) {
            Some(d) => Ok(*d),
            None => self.err(format!("unknown dtype `{s}`")),
        }
    }
}

/// Whether a comment line means something to the reader.
fn is_header_comment(l: &str) -> bool {
    let t = l.trim();
    t.starts_with("// MIR of module") || t.starts_with("// fn")
}

/// The string a Rust debug literal (`"a\"b\n"`) stands for.
fn unescape(lit: &str) -> Result<String, String> {
    let lit = lit.trim();
    let Some(inner) = lit.strip_prefix('"').and_then(|l| l.strip_suffix('"')) else {
        return Err(format!("expected a string literal, found `{lit}`"));
    };
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('0') => out.push('\0'),
            Some('\\') => out.push('\\'),
            Some('"') => out.push('"'),
            Some('\'') => out.push('\''),
            Some('u') => {
                let hex: String = chars.by_ref().take_while(|c| *c != '}').collect();
                let code = u32::from_str_radix(hex.trim_start_matches('{'), 16)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or_else(|| format!("bad escape \\u{hex}"))?;
                out.push(code);
            }
            other => return Err(format!("bad escape \\{other:?}")),
        }
    }
    Ok(out)
}
