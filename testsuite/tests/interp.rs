//! Every run line of every test program, run by the MIR interpreter at -O0 and -O2 and compared
//! with CPython.
//!
//! `oracle/runner.py --dump` gives each line's arguments as the compiled function's ABI receives
//! them and CPython's outcome; `pyaot_driver::mir_of` gives the MIR as lowered (-O0) and after the
//! default pipeline (-O2). A line fails when the interpreter meets undefined behaviour or its step
//! limit, when the two levels differ in any bit (results, exception, message, memory after the
//! call), or when they differ from CPython (exception type; messages for run-msg lines; values,
//! floats bitwise but NaN == NaN, run-close floats to a relative 1e-12; array arguments after the
//! call). Lines that call a runtime helper the interpreter does not model are counted, not failed.

use libtest_mimic::{Arguments, Failed, Trial};
use pyaot_driver::BuildOptions;
use pyaot_interp::{Limits, Memory, Outcome, Val, NO_MESSAGE};
use pyaot_mir::{MTy, Module};
use pyaot_testsuite::{python, python_files, python_works, testsuite_dir, timeout};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[path = "interp/lists.rs"]
mod lists;

/// The share of run lines that must really be compared (at both levels, against CPython).
/// About 10% below what the suite achieves; it guards against the test silently comparing nothing.
const MIN_COMPARED: f64 = 0.85;

/// Lines known to fail, each a compiler bug to fix: (program below `programs/`, line, why).
const KNOWN_FAILURES: &[(&str, usize, &str)] = &[];

fn main() {
    let args = Arguments::from_args();
    let trial = Trial::test("interp_vs_cpython", check_all);
    libtest_mimic::run(&args, vec![trial]).exit();
}

// ---- a small JSON reader (the dump is the only input) ----

#[derive(Clone, Debug)]
enum Json {
    Null,
    Bool(bool),
    /// The number's text: ints may be 64-bit float patterns or beyond `i64`.
    Num(String),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(items) => items.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn str(&self, key: &str) -> &str {
        match self.get(key) {
            Some(Json::Str(s)) => s,
            _ => "",
        }
    }

    fn int(&self) -> i128 {
        match self {
            Json::Num(n) => n.parse().unwrap_or(0),
            Json::Bool(b) => *b as i128,
            _ => 0,
        }
    }

    fn arr(&self) -> &[Json] {
        match self {
            Json::Arr(v) => v,
            _ => &[],
        }
    }
}

struct Reader<'a> {
    s: &'a [u8],
    i: usize,
}

impl Reader<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && self.s[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> Result<(), String> {
        self.ws();
        if self.s.get(self.i) == Some(&c) {
            self.i += 1;
            Ok(())
        } else {
            Err(format!("expected `{}` at byte {}", c as char, self.i))
        }
    }

    fn value(&mut self) -> Result<Json, String> {
        self.ws();
        let c = *self.s.get(self.i).ok_or("unexpected end")?;
        match c {
            b'n' | b't' | b'f' => {
                for (word, v) in [
                    ("null", Json::Null),
                    ("true", Json::Bool(true)),
                    ("false", Json::Bool(false)),
                ] {
                    if self.s[self.i..].starts_with(word.as_bytes()) {
                        self.i += word.len();
                        return Ok(v);
                    }
                }
                Err(format!("bad literal at byte {}", self.i))
            }
            b'"' => self.string().map(Json::Str),
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.s.get(self.i) == Some(&b']') {
                    self.i += 1;
                    return Ok(Json::Arr(items));
                }
                loop {
                    items.push(self.value()?);
                    self.ws();
                    match self.s.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b']') => {
                            self.i += 1;
                            return Ok(Json::Arr(items));
                        }
                        _ => return Err(format!("bad array at byte {}", self.i)),
                    }
                }
            }
            b'{' => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.s.get(self.i) == Some(&b'}') {
                    self.i += 1;
                    return Ok(Json::Obj(items));
                }
                loop {
                    self.ws();
                    let k = self.string()?;
                    self.eat(b':')?;
                    items.push((k, self.value()?));
                    self.ws();
                    match self.s.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b'}') => {
                            self.i += 1;
                            return Ok(Json::Obj(items));
                        }
                        _ => return Err(format!("bad object at byte {}", self.i)),
                    }
                }
            }
            _ => {
                let start = self.i;
                while self.i < self.s.len()
                    && matches!(
                        self.s[self.i],
                        b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'
                    )
                {
                    self.i += 1;
                }
                if start == self.i {
                    return Err(format!("unexpected `{}` at byte {start}", c as char));
                }
                Ok(Json::Num(
                    String::from_utf8_lossy(&self.s[start..self.i]).into_owned(),
                ))
            }
        }
    }

    fn string(&mut self) -> Result<String, String> {
        self.eat(b'"')?;
        let mut out = Vec::new();
        loop {
            let c = *self.s.get(self.i).ok_or("unterminated string")?;
            self.i += 1;
            match c {
                b'"' => return Ok(String::from_utf8_lossy(&out).into_owned()),
                b'\\' => {
                    let e = *self.s.get(self.i).ok_or("bad escape")?;
                    self.i += 1;
                    let ch = match e {
                        b'n' => '\n',
                        b't' => '\t',
                        b'r' => '\r',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'u' => {
                            let hex = |r: &mut Self| -> Result<u32, String> {
                                let h = r.s.get(r.i..r.i + 4).ok_or("bad \\u escape")?;
                                r.i += 4;
                                u32::from_str_radix(&String::from_utf8_lossy(h), 16)
                                    .map_err(|e| e.to_string())
                            };
                            let mut u = hex(self)?;
                            if (0xd800..0xdc00).contains(&u) && self.s[self.i..].starts_with(b"\\u")
                            {
                                self.i += 2;
                                let lo = hex(self)?;
                                u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
                            }
                            char::from_u32(u).unwrap_or('\u{fffd}')
                        }
                        other => other as char,
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                c => out.push(c),
            }
        }
    }
}

fn parse_json(line: &str) -> Result<Json, String> {
    Reader {
        s: line.as_bytes(),
        i: 0,
    }
    .value()
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap_or(0))
        .collect()
}

// ---- values to compare ----

/// A result in a form both sides give: CPython's from the dump, the interpreter's from its values.
#[derive(Clone, Debug)]
enum PV {
    None,
    Int(i128),
    F64(u64),
    F32(u32),
    Bool(bool),
    Tuple(Vec<PV>),
    List(Vec<PV>),
    Array {
        dtype: String,
        shape: Vec<i64>,
        bytes: Vec<u8>,
    },
}

/// How floats compare.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// Every bit (the two optimisation levels).
    Bits,
    /// Bit for bit, but any NaN equals any NaN (CPython's `same`).
    Same,
    /// A relative 1e-12 for f64, 4 ulps for f32 (`run-close`).
    Close,
}

fn f64_eq(a: u64, b: u64, mode: Mode) -> bool {
    let (x, y) = (f64::from_bits(a), f64::from_bits(b));
    a == b
        || (mode != Mode::Bits && x.is_nan() && y.is_nan())
        || (mode == Mode::Close && (x - y).abs() <= 1e-12 * x.abs().max(y.abs()))
}

fn f32_eq(a: u32, b: u32, mode: Mode) -> bool {
    let (x, y) = (f32::from_bits(a), f32::from_bits(b));
    let ulp = |v: f32| {
        let v = v.abs();
        f32::from_bits(v.to_bits() + 1) - v
    };
    a == b
        || (mode != Mode::Bits && x.is_nan() && y.is_nan())
        || (mode == Mode::Close
            && x.is_finite()
            && y.is_finite()
            && (x - y).abs() <= 4.0 * ulp(x).max(ulp(y)))
}

/// Element bytes of a dtype compared as its parts.
fn elems_eq(dtype: &str, a: &[u8], b: &[u8], mode: Mode) -> bool {
    if a.len() != b.len() {
        return false;
    }
    match dtype {
        "f64" | "c128" => a.chunks(8).zip(b.chunks(8)).all(|(x, y)| {
            f64_eq(
                u64::from_le_bytes(x.try_into().unwrap()),
                u64::from_le_bytes(y.try_into().unwrap()),
                mode,
            )
        }),
        "f32" | "c64" => a.chunks(4).zip(b.chunks(4)).all(|(x, y)| {
            f32_eq(
                u32::from_le_bytes(x.try_into().unwrap()),
                u32::from_le_bytes(y.try_into().unwrap()),
                mode,
            )
        }),
        _ => a == b,
    }
}

fn pv_eq(a: &PV, b: &PV, mode: Mode) -> bool {
    match (a, b) {
        (PV::None, PV::None) => true,
        (PV::Int(x), PV::Int(y)) => x == y,
        (PV::Bool(x), PV::Bool(y)) => x == y,
        (PV::F64(x), PV::F64(y)) => f64_eq(*x, *y, mode),
        (PV::F32(x), PV::F32(y)) => f32_eq(*x, *y, mode),
        (PV::Tuple(x), PV::Tuple(y)) | (PV::List(x), PV::List(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| pv_eq(p, q, mode))
        }
        (
            PV::Array {
                dtype: d1,
                shape: s1,
                bytes: b1,
            },
            PV::Array {
                dtype: d2,
                shape: s2,
                bytes: b2,
            },
        ) => d1 == d2 && s1 == s2 && elems_eq(d1, b1, b2, mode),
        _ => false,
    }
}

fn itemsize(dtype: &str) -> usize {
    match dtype {
        "b1" | "i8" | "u8" => 1,
        "i16" | "u16" => 2,
        "i32" | "u32" | "f32" => 4,
        "c128" => 16,
        _ => 8,
    }
}

/// CPython's value from the dump, by the return type.
fn pv_of_json(desc: &Json, v: &Json) -> PV {
    let two = |v: &Json, f: fn(&Json) -> PV| PV::Tuple(v.arr().iter().map(f).collect());
    match desc.str("k") {
        "none" => PV::None,
        "int" => PV::Int(v.int()),
        "float" => PV::F64(v.int() as u64),
        "bool" => PV::Bool(matches!(v, Json::Bool(true))),
        "complex" => two(v, |x| PV::F64(x.int() as u64)),
        "tuple" => PV::Tuple(
            desc.get("items")
                .map(Json::arr)
                .unwrap_or(&[])
                .iter()
                .zip(v.arr())
                .map(|(d, x)| pv_of_json(d, x))
                .collect(),
        ),
        "list" => {
            let item = desc.get("item").cloned().unwrap_or(Json::Null);
            PV::List(v.arr().iter().map(|x| pv_of_json(&item, x)).collect())
        }
        "scalar" => match desc.str("dtype") {
            "b1" => PV::Bool(matches!(v, Json::Bool(true))),
            "f64" => PV::F64(v.int() as u64),
            "f32" => PV::F32(v.int() as u32),
            "c128" => two(v, |x| PV::F64(x.int() as u64)),
            "c64" => two(v, |x| PV::F32(x.int() as u32)),
            _ => PV::Int(v.int()),
        },
        _ => PV::Array {
            dtype: desc.str("dtype").to_string(),
            shape: v
                .get("shape")
                .map(Json::arr)
                .unwrap_or(&[])
                .iter()
                .map(|n| n.int() as i64)
                .collect(),
            bytes: unhex(v.str("hex")),
        },
    }
}

/// The interpreter's result values read back by the return type (arrays through the memory).
fn pv_of_vals(desc: &Json, vals: &mut std::slice::Iter<Val>, mem: &Memory) -> Result<PV, String> {
    let mut next = || vals.next().copied().ok_or("too few results");
    let int = |v: Val| match v {
        Val::I64(x) => Ok(x),
        v => Err(format!("{v:?} for an int result")),
    };
    let f64_ = |v: Val| match v {
        Val::F64(x) => Ok(PV::F64(x.to_bits())),
        v => Err(format!("{v:?} for a float result")),
    };
    let f32_ = |v: Val| match v {
        Val::F32(x) => Ok(PV::F32(x.to_bits())),
        v => Err(format!("{v:?} for an f32 result")),
    };
    let boolean = |v: Val| match v {
        Val::Bool(x) => Ok(PV::Bool(x)),
        v => Err(format!("{v:?} for a bool result")),
    };
    Ok(match desc.str("k") {
        "none" => PV::None,
        "int" => PV::Int(int(next()?)? as i128),
        "float" => f64_(next()?)?,
        "bool" => boolean(next()?)?,
        "complex" => PV::Tuple(vec![f64_(next()?)?, f64_(next()?)?]),
        "tuple" => {
            let mut items = Vec::new();
            for d in desc.get("items").map(Json::arr).unwrap_or(&[]) {
                items.push(pv_of_vals(d, vals, mem)?);
            }
            PV::Tuple(items)
        }
        "list" => match next()? {
            Val::Ref(l) => lists::read_list(desc, l, mem)?,
            v => return Err(format!("{v:?} for a list result")),
        },
        "scalar" => match desc.str("dtype") {
            "b1" => boolean(next()?)?,
            "f64" => f64_(next()?)?,
            "f32" => f32_(next()?)?,
            "c128" => PV::Tuple(vec![f64_(next()?)?, f64_(next()?)?]),
            "c64" => PV::Tuple(vec![f32_(next()?)?, f32_(next()?)?]),
            d => {
                let x = int(next()?)?;
                PV::Int(match d {
                    "i8" => x as i8 as i128,
                    "i16" => x as i16 as i128,
                    "i32" => x as i32 as i128,
                    "u8" => x as u8 as i128,
                    "u16" => x as u16 as i128,
                    "u32" => x as u32 as i128,
                    "u64" => x as u64 as i128,
                    _ => x as i128,
                })
            }
        },
        _ => {
            let ndim = desc.get("ndim").map_or(0, Json::int) as usize;
            let dtype = desc.str("dtype").to_string();
            let _owner = next()?;
            let data = int(next()?)?;
            let mut shape = Vec::new();
            for _ in 0..ndim {
                shape.push(int(next()?)?);
            }
            let mut strides = Vec::new();
            for _ in 0..ndim {
                strides.push(int(next()?)?);
            }
            let n: i64 = shape.iter().product();
            if shape.iter().any(|s| *s < 0) || n > 1 << 26 {
                return Err(format!("a result array of shape {shape:?}"));
            }
            let size = itemsize(&dtype);
            let mut bytes = Vec::with_capacity(n as usize * size);
            let mut index = vec![0i64; ndim];
            for _ in 0..n {
                let addr = index
                    .iter()
                    .zip(&strides)
                    .fold(data, |a, (i, s)| a.wrapping_add(i.wrapping_mul(*s)));
                bytes.extend(mem.read_bytes(addr, size)?);
                for k in (0..ndim).rev() {
                    index[k] += 1;
                    if index[k] < shape[k] {
                        break;
                    }
                    index[k] = 0;
                }
            }
            PV::Array {
                dtype,
                shape,
                bytes,
            }
        }
    })
}

// ---- one run line ----

/// What happened to one run line at one optimisation level.
struct Run {
    result: Result<Vec<Val>, Outcome>,
    /// The result as CPython's form, when it returned.
    value: Option<Result<PV, String>>,
    /// The argument buffers after the call.
    after: Vec<Vec<u8>>,
    /// The list arguments after the call.
    lists_after: Vec<Result<PV, String>>,
    /// Array blocks and lists still allocated that no result (or live list) holds (owner word,
    /// references not accounted for).
    leaked: Vec<(i64, i64)>,
}

/// The arguments as ABI values, the bases of the array buffers, the list arguments (in order,
/// with their dumped ids), and the lists built for the call.
#[allow(clippy::type_complexity)]
fn arg_vals(
    rec: &Json,
    mem: &mut Memory,
) -> Result<(Vec<Val>, Vec<i64>, Vec<(i64, usize)>, lists::Built), String> {
    let bases: Vec<i64> = rec
        .get("buffers")
        .map(Json::arr)
        .unwrap_or(&[])
        .iter()
        .map(|b| {
            let align = b.get("align").map_or(0, Json::int) as u64;
            mem.add_bytes(&unhex(b.str("hex")), align)
        })
        .collect();
    let mut vals = Vec::new();
    let mut built = lists::Built::new();
    let mut list_args = Vec::new();
    let dumped = rec.get("lists").map(Json::arr).unwrap_or(&[]);
    for leaf in rec.get("args").map(Json::arr).unwrap_or(&[]) {
        let v = leaf.get("v").map_or(0, Json::int);
        match leaf.str("t") {
            "list" => {
                let id = leaf.get("id").map_or(0, Json::int) as usize;
                let l = built.list(dumped, id, mem)?;
                list_args.push((l, id));
                vals.push(Val::Ref(l));
            }
            "i" => vals.push(Val::I64(v as i64)),
            "f" => vals.push(Val::F64(f64::from_bits(v as u64))),
            "f32" => vals.push(Val::F32(f32::from_bits(v as u32))),
            "b" => vals.push(Val::Bool(matches!(leaf.get("v"), Some(Json::Bool(true))))),
            _ => {
                let buffer = leaf.get("buffer").map_or(0, Json::int) as usize;
                let offset = leaf.get("offset").map_or(0, Json::int) as i64;
                vals.push(Val::Ref(mem.borrow_owner()));
                vals.push(Val::I64(bases[buffer] + offset));
                for key in ["shape", "strides"] {
                    for n in leaf.get(key).map(Json::arr).unwrap_or(&[]) {
                        vals.push(Val::I64(n.int() as i64));
                    }
                }
            }
        }
    }
    Ok((vals, bases, list_args, built))
}

fn run_at(module: &Module, func: usize, rec: &Json) -> Result<Run, String> {
    let mut mem = Memory::new();
    let (args, bases, list_args, built) = arg_vals(rec, &mut mem)?;
    let want: Vec<MTy> = module.funcs[func].param_tys();
    let got: Vec<MTy> = args.iter().map(|v| v.ty()).collect();
    if want != got {
        return Err(format!(
            "the dumped arguments do not fit the ABI: {got:?}, MIR wants {want:?}"
        ));
    }
    let result = pyaot_interp::run(module, func, &args, &mut mem, &Limits::default());
    let value = result.as_ref().ok().map(|vals| {
        let desc = rec.get("ret").cloned().unwrap_or(Json::Null);
        let mut it = vals.iter();
        let pv = pv_of_vals(&desc, &mut it, &mem)?;
        if it.next().is_some() {
            return Err("more results than the return type has".to_string());
        }
        Ok(pv)
    });
    let after = bases
        .iter()
        .map(|b| mem.region_bytes(*b).unwrap_or_default().to_vec())
        .collect();
    // The list arguments as the wrapper would write them back, before it lets them go.
    let dumped = rec.get("lists").map(Json::arr).unwrap_or(&[]);
    let lists_after = list_args
        .iter()
        .map(|&(l, id)| lists::read_list(&lists::list_desc(dumped, id), l, &mem))
        .collect();
    built.release(&mut mem)?;
    // Each result reference holds one count, each list item that is a list one; any other count
    // still held is a leak.
    let results: Vec<i64> = result
        .as_deref()
        .unwrap_or(&[])
        .iter()
        .filter_map(|v| match v {
            Val::Ref(r) => Some(*r),
            _ => None,
        })
        .collect();
    let leaked = lists::unaccounted(&mem, &results)?;
    Ok(Run {
        result,
        value,
        after,
        lists_after,
        leaked,
    })
}

/// How one line ended.
enum Verdict {
    Compared,
    Unsupported(String),
    Failed(String),
}

fn describe(r: &Result<Vec<Val>, Outcome>) -> String {
    match r {
        Ok(v) => format!("returned {v:?}"),
        Err(o) => o.to_string(),
    }
}

/// The dtype of the first array argument in a buffer, to compare its floats as floats.
fn buffer_dtype(rec: &Json, buffer: usize) -> String {
    rec.get("args")
        .map(Json::arr)
        .unwrap_or(&[])
        .iter()
        .find(|l| l.str("t") == "array" && l.get("buffer").map_or(0, Json::int) as usize == buffer)
        .and_then(|l| l.get("dtype"))
        .map(|d| match d {
            Json::Str(s) => s.clone(),
            _ => String::new(),
        })
        .unwrap_or_default()
}

fn check_line(lowered: &Module, optimised: &Module, rec: &Json) -> Verdict {
    let func = rec.str("func");
    let find = |m: &Module| m.funcs.iter().position(|b| b.name == func);
    let (Some(f0), Some(f2)) = (find(lowered), find(optimised)) else {
        return Verdict::Failed(format!("no body named `{func}`"));
    };
    let (r0, r2) = match (run_at(lowered, f0, rec), run_at(optimised, f2, rec)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => return Verdict::Failed(e),
    };
    for (level, r) in [("-O0", &r0), ("-O2", &r2)] {
        match &r.result {
            Err(o @ (Outcome::Ub(_) | Outcome::StepLimit)) => {
                return Verdict::Failed(format!("at {level}: {o}"))
            }
            Err(Outcome::Unsupported(what)) => return Verdict::Unsupported(what.clone()),
            _ => {}
        }
        if let Some(Err(e)) = &r.value {
            return Verdict::Failed(format!("at {level}: reading the result: {e}"));
        }
        if !r.leaked.is_empty() {
            return Verdict::Failed(format!(
                "at {level}: array blocks leaked after {} (owner, unreleased references): {:?}",
                describe(&r.result),
                r.leaked
            ));
        }
    }
    // The two levels agree in every bit.
    let same_levels = match (&r0.result, &r2.result) {
        (Ok(a), Ok(b)) => {
            a.len() == b.len()
                && a.iter().zip(b).all(|(x, y)| x.same_bits(*y))
                && match (&r0.value, &r2.value) {
                    (Some(Ok(x)), Some(Ok(y))) => pv_eq(x, y, Mode::Bits),
                    _ => false,
                }
        }
        (Err(a), Err(b)) => a == b,
        _ => false,
    };
    let lists_same = r0.lists_after.len() == r2.lists_after.len()
        && r0
            .lists_after
            .iter()
            .zip(&r2.lists_after)
            .all(|(a, b)| match (a, b) {
                (Ok(x), Ok(y)) => pv_eq(x, y, Mode::Bits),
                _ => false,
            });
    if !same_levels || r0.after != r2.after || !lists_same {
        return Verdict::Failed(format!(
            "-O0 and -O2 differ: -O0 {}, -O2 {}{}",
            describe(&r0.result),
            describe(&r2.result),
            if r0.after != r2.after {
                " (argument memory after the call differs)"
            } else {
                ""
            }
        ));
    }
    // Against CPython.
    let kind = rec.str("kind");
    let mode = if kind == "run-close" {
        Mode::Close
    } else {
        Mode::Same
    };
    let outcome = rec.get("outcome").cloned().unwrap_or(Json::Null);
    let problem = if let Some(Json::Str(exc)) = outcome.get("exc") {
        match &r0.result {
            Err(Outcome::Raised { exc: got, msg }) if got.name() == exc => {
                let noargs = matches!(outcome.get("noargs"), Some(Json::Bool(true)));
                let want_msg = outcome.str("msg");
                let msg_ok = if noargs {
                    msg == NO_MESSAGE
                } else {
                    msg == want_msg
                };
                (kind == "run-msg" && !msg_ok).then(|| {
                    format!("message {msg:?}, CPython {exc}: {want_msg:?} (no args: {noargs})")
                })
            }
            other => Some(format!("{}, CPython raised {exc}", describe(other))),
        }
    } else {
        let desc = rec.get("ret").cloned().unwrap_or(Json::Null);
        let want = pv_of_json(&desc, outcome.get("value").unwrap_or(&Json::Null));
        match &r0.value {
            Some(Ok(got)) if pv_eq(&want, got, mode) => None,
            Some(Ok(got)) => Some(format!("result {got:?}, CPython {want:?}")),
            _ => Some(format!(
                "{}, CPython returned {want:?}",
                describe(&r0.result)
            )),
        }
    };
    if let Some(p) = problem {
        return Verdict::Failed(p);
    }
    let want_lists = rec.get("lists_after").map(Json::arr).unwrap_or(&[]);
    let dumped = rec.get("lists").map(Json::arr).unwrap_or(&[]);
    let ids = rec
        .get("args")
        .map(Json::arr)
        .unwrap_or(&[])
        .iter()
        .filter(|a| a.str("t") == "list")
        .map(|a| a.get("id").map_or(0, Json::int) as usize);
    for (k, ((w, got), id)) in want_lists.iter().zip(&r0.lists_after).zip(ids).enumerate() {
        let want = pv_of_json(&lists::list_desc(dumped, id), w);
        if !matches!(got, Ok(g) if pv_eq(&want, g, mode)) {
            return Verdict::Failed(format!(
                "list argument {k} after the call: {got:?}, CPython {want:?}"
            ));
        }
    }
    let buffers = rec.get("buffers").map(Json::arr).unwrap_or(&[]);
    for (k, (b, got)) in buffers.iter().zip(&r0.after).enumerate() {
        let want = unhex(b.str("after"));
        let dtype = buffer_dtype(rec, k);
        if want != *got && !elems_eq(&dtype, &want, got, mode) {
            return Verdict::Failed(format!(
                "argument memory {k} after the call differs from CPython's"
            ));
        }
    }
    Verdict::Compared
}

// ---- the whole suite ----

#[derive(Default)]
struct Tally {
    programs: usize,
    lines: usize,
    compared: usize,
    known: usize,
    unsupported: BTreeMap<String, usize>,
    skipped: BTreeMap<String, usize>,
    failures: Vec<String>,
}

fn dump(python: &str, files: &[PathBuf]) -> Result<Vec<Json>, String> {
    let mut child = Command::new(python)
        .arg(testsuite_dir().join("oracle/runner.py"))
        .arg("--dump")
        .args(files)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {python}: {e}"))?;
    let read = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            String::from_utf8_lossy(&buf).into_owned()
        })
    };
    let stdout = read(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = read(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let start = Instant::now();
    let ok = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status.success(),
            Ok(None) if start.elapsed() > timeout() => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "runner.py --dump killed after {}s (PYAOT_TEST_TIMEOUT)",
                    timeout().as_secs()
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(format!("waiting for runner.py --dump: {e}")),
        }
    };
    let (out, err) = (
        stdout.join().unwrap_or_default(),
        stderr.join().unwrap_or_default(),
    );
    if !ok {
        return Err(format!("runner.py --dump failed: {err}"));
    }
    out.lines()
        .filter(|l| !l.trim().is_empty())
        .map(parse_json)
        .collect()
}

/// A skip reason without its details, for the summary.
fn reason_key(reason: &str) -> String {
    reason.split(" (").next().unwrap_or(reason).to_string()
}

fn check_program(file: &Path, records: &[Json], tally: &Mutex<Tally>) {
    let programs = testsuite_dir().join("programs");
    let name = file
        .strip_prefix(&programs)
        .unwrap_or(file)
        .to_string_lossy()
        .into_owned();
    // A program marked `# pyaot: xfail` is known to fail (tests/programs.rs): its failures are known ones.
    let xfail = std::fs::read_to_string(file).is_ok_and(|t| t.contains("# pyaot: xfail"));
    // -O0 is the MIR as lowered; -O2 (the default) is after the pass pipeline.
    let mir = pyaot_driver::mir_of(file, &BuildOptions::default());
    let mut local = Tally {
        programs: 1,
        ..Tally::default()
    };
    if let Err(e) = &mir {
        // One failure for the program, with the error's first lines (not the MIR it dumps).
        let head: Vec<&str> = e.lines().take(3).collect();
        local.lines = records.len();
        local
            .failures
            .push(format!("{name}: does not compile: {}", head.join("\n")));
    }
    for rec in records {
        local.lines += mir.is_ok() as usize;
        if let Some(Json::Str(reason)) = rec.get("skip") {
            *local.skipped.entry(reason_key(reason)).or_default() += 1;
            continue;
        }
        let line = rec.get("line").map_or(0, Json::int) as usize;
        let verdict = match &mir {
            Ok((lowered, optimised)) => check_line(lowered, optimised, rec),
            Err(_) => continue,
        };
        match verdict {
            Verdict::Compared => local.compared += 1,
            Verdict::Unsupported(what) => {
                *local.unsupported.entry(reason_key(&what)).or_default() += 1
            }
            Verdict::Failed(why) => {
                if xfail
                    || KNOWN_FAILURES
                        .iter()
                        .any(|(p, l, _)| *p == name && *l == line)
                {
                    local.known += 1;
                } else {
                    local.failures.push(format!(
                        "{name}:{line}: {} {}: {why}",
                        rec.str("kind"),
                        rec.str("func")
                    ));
                }
            }
        }
    }
    let mut t = tally.lock().unwrap_or_else(|e| e.into_inner());
    t.programs += local.programs;
    t.lines += local.lines;
    t.compared += local.compared;
    t.known += local.known;
    for (k, v) in local.unsupported {
        *t.unsupported.entry(k).or_default() += v;
    }
    for (k, v) in local.skipped {
        *t.skipped.entry(k).or_default() += v;
    }
    t.failures.extend(local.failures);
}

fn check_all() -> Result<(), Failed> {
    let python = python();
    python_works(&python)?;
    let files = python_files(&testsuite_dir().join("programs"));
    let records = dump(&python, &files)?;
    let mut by_file: BTreeMap<PathBuf, Vec<Json>> = BTreeMap::new();
    for r in records {
        by_file
            .entry(PathBuf::from(r.str("program")))
            .or_default()
            .push(r);
    }
    let work: Mutex<Vec<(PathBuf, Vec<Json>)>> = Mutex::new(by_file.into_iter().collect());
    let tally = Mutex::new(Tally::default());
    std::thread::scope(|s| {
        for _ in 0..2 {
            std::thread::Builder::new()
                .stack_size(256 << 20)
                .spawn_scoped(s, || loop {
                    let next = work.lock().unwrap_or_else(|e| e.into_inner()).pop();
                    let Some((file, records)) = next else { break };
                    check_program(&file, &records, &tally);
                })
                .expect("a worker thread");
        }
    });
    let t = tally.into_inner().unwrap_or_else(|e| e.into_inner());
    let fmt = |m: &BTreeMap<String, usize>| {
        m.iter()
            .map(|(k, v)| format!("{v} {k}"))
            .collect::<Vec<_>>()
            .join("; ")
    };
    println!(
        "interp: {} programs, {} run lines: {} compared at -O0 and -O2 against CPython, {} unsupported [{}], {} skipped by the dump [{}], {} known failures, {} failures",
        t.programs,
        t.lines,
        t.compared,
        t.unsupported.values().sum::<usize>(),
        fmt(&t.unsupported),
        t.skipped.values().sum::<usize>(),
        fmt(&t.skipped),
        t.known,
        t.failures.len()
    );
    let mut errors = t.failures;
    errors.sort();
    let share = t.compared as f64 / t.lines.max(1) as f64;
    if share < MIN_COMPARED {
        errors.push(format!(
            "only {} of {} run lines ({:.1}%) were compared; at least {:.0}% must be",
            t.compared,
            t.lines,
            100.0 * share,
            100.0 * MIN_COMPARED
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("\n").into())
    }
}
