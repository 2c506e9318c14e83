//! List arguments and results for the interpreter's test: the lists the wrapper would convert,
//! built in the interpreter's memory, and lists read back as values to compare.

use super::{Json, PV};
use pyaot_interp::Memory;
use std::collections::HashMap;

/// The type of dumped list `id` (`{"k": "list", "item": ...}`).
pub fn list_desc(lists: &[Json], id: usize) -> Json {
    let item = lists
        .get(id)
        .and_then(|e| e.get("item"))
        .cloned()
        .unwrap_or(Json::Null);
    Json::Obj(vec![
        ("k".to_string(), Json::Str("list".to_string())),
        ("item".to_string(), item),
    ])
}

/// The 8-byte leaf words of one value of type `desc`.
fn words(desc: &Json) -> i64 {
    match desc.str("k") {
        "complex" => 2,
        "tuple" => desc
            .get("items")
            .map(Json::arr)
            .unwrap_or(&[])
            .iter()
            .map(words)
            .sum(),
        _ => 1,
    }
}

/// The leaves of a value of type `desc` that are list references, as a mask from bit `at`.
fn refmask(desc: &Json, at: i64) -> i64 {
    match desc.str("k") {
        "list" if at < 64 => 1 << at,
        "tuple" => {
            let mut at = at;
            let mut m = 0;
            for d in desc.get("items").map(Json::arr).unwrap_or(&[]) {
                m |= refmask(d, at);
                at += words(d);
            }
            m
        }
        _ => 0,
    }
}

fn word(mem: &Memory, addr: i64) -> Result<i64, String> {
    mem.read::<8>(addr).map(i64::from_le_bytes)
}

/// The lists of one call, built as the wrapper converts them: each once (the conversion memo
/// holds one reference), each nested list referenced by the item that holds it.
pub struct Built {
    memo: HashMap<usize, i64>,
}

impl Built {
    pub fn new() -> Built {
        Built {
            memo: HashMap::new(),
        }
    }

    /// The reference of dumped list `id`, built on first use.
    pub fn list(&mut self, lists: &[Json], id: usize, mem: &mut Memory) -> Result<i64, String> {
        if let Some(&l) = self.memo.get(&id) {
            return Ok(l);
        }
        let entry = lists.get(id).ok_or("a list id out of range")?;
        let item = entry.get("item").cloned().unwrap_or(Json::Null);
        let items = entry.get("items").map(Json::arr).unwrap_or(&[]);
        let (w, mask) = (words(&item), refmask(&item, 0));
        let l = mem.alloc_list(w * 8, mask, items.len() as i64);
        self.memo.insert(id, l);
        let base = word(mem, l + 24)?;
        for (i, leaves) in items.iter().enumerate() {
            for (k, leaf) in leaves.arr().iter().enumerate() {
                let at = base + (i as i64 * w + k as i64) * 8;
                let v = leaf.get("v").map_or(0, Json::int);
                let bytes = match leaf.str("t") {
                    "b" => (matches!(leaf.get("v"), Some(Json::Bool(true))) as i64).to_le_bytes(),
                    "list" => {
                        let child = leaf.get("id").map_or(0, Json::int) as usize;
                        let c = self.list(lists, child, mem)?;
                        mem.incref(c)?;
                        c.to_le_bytes()
                    }
                    _ => (v as i64).to_le_bytes(),
                };
                mem.write(at, &bytes)?;
            }
        }
        Ok(l)
    }

    /// Drops the memo's references, as the wrapper does once the call is over.
    pub fn release(&self, mem: &mut Memory) -> Result<(), String> {
        // In a fixed order, so a failure names the same list every run.
        let mut lists: Vec<_> = self.memo.values().copied().collect();
        lists.sort_unstable();
        for l in lists {
            mem.decref(l)?;
        }
        Ok(())
    }
}

/// The value at `addr` of type `desc` (its words, as compiled code stores them).
fn read_value(desc: &Json, addr: i64, mem: &Memory) -> Result<PV, String> {
    Ok(match desc.str("k") {
        "int" => PV::Int(word(mem, addr)? as i128),
        "float" => PV::F64(word(mem, addr)? as u64),
        "bool" => PV::Bool(mem.read::<1>(addr)?[0] != 0),
        "complex" => PV::Tuple(vec![
            PV::F64(word(mem, addr)? as u64),
            PV::F64(word(mem, addr + 8)? as u64),
        ]),
        "tuple" => {
            let mut at = addr;
            let mut items = Vec::new();
            for d in desc.get("items").map(Json::arr).unwrap_or(&[]) {
                items.push(read_value(d, at, mem)?);
                at += 8 * words(d);
            }
            PV::Tuple(items)
        }
        "list" => read_list(desc, word(mem, addr)?, mem)?,
        k => return Err(format!("a list item of kind {k}")),
    })
}

/// The list `l` of type `desc` (`{"k": "list", "item": ...}`) as a value.
pub fn read_list(desc: &Json, l: i64, mem: &Memory) -> Result<PV, String> {
    let item = desc.get("item").cloned().unwrap_or(Json::Null);
    let len = word(mem, l + 16)?;
    let items = word(mem, l + 24)?;
    if !(0..1 << 24).contains(&len) {
        return Err(format!("a list of length {len}"));
    }
    let size = 8 * words(&item);
    let mut out = Vec::new();
    for i in 0..len {
        out.push(read_value(&item, items + i * size, mem)?);
    }
    Ok(PV::List(out))
}

/// Objects whose reference count differs from the references that results and live lists hold
/// (owner word, count minus the references accounted for).
pub fn unaccounted(mem: &Memory, results: &[i64]) -> Result<Vec<(i64, i64)>, String> {
    let live = mem.live_blocks();
    let mut held: HashMap<i64, i64> = HashMap::new();
    for r in results {
        *held.entry(*r).or_default() += 1;
    }
    for &(owner, _) in &live {
        let Some((len, items, size, mask)) = mem.list_words(owner) else {
            continue;
        };
        for i in 0..len {
            for k in 0..(size / 8).min(64) {
                if mask >> k & 1 == 1 {
                    let r = word(mem, items + i * size + 8 * k)?;
                    *held.entry(r).or_default() += 1;
                }
            }
        }
    }
    Ok(live
        .into_iter()
        .map(|(owner, count)| (owner, count - held.get(&owner).copied().unwrap_or(0)))
        .filter(|(_, extra)| *extra != 0)
        .collect())
}
