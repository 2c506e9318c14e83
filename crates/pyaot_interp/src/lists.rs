//! The list helpers of the runtime (`pyaot_list.c`), over the simulated memory.
//!
//! The header's words live in memory, where compiled code reads `len` and `items`; item buffers
//! are regions of their own, replaced (the old one freed) when a list grows past its capacity.

use crate::memory::Memory;
use crate::Outcome;
use pyaot_mir::ExcKind;

type R<T> = Result<T, Outcome>;

fn ub(e: String) -> Outcome {
    Outcome::Ub(e)
}

/// A list header's words.
struct Hdr {
    len: i64,
    items: i64,
    cap: i64,
    itemsize: i64,
    refmask: u64,
}

fn word(m: &Memory, addr: i64) -> R<i64> {
    m.read::<8>(addr).map(i64::from_le_bytes).map_err(ub)
}

fn put(m: &mut Memory, addr: i64, v: i64) -> R<()> {
    m.write(addr, &v.to_le_bytes()).map_err(ub)
}

fn hdr(m: &Memory, l: i64) -> R<Hdr> {
    if m.refcount(l).is_none() {
        return Err(ub(format!("{l:#x} is not a live list")));
    }
    Ok(Hdr {
        len: word(m, l + 16)?,
        items: word(m, l + 24)?,
        cap: word(m, l + 32)?,
        itemsize: word(m, l + 40)?,
        refmask: word(m, l + 48)? as u64,
    })
}

/// The bytes of items `[from, from + n)`.
fn item_bytes(m: &Memory, h: &Hdr, from: i64, n: i64) -> R<Vec<u8>> {
    m.read_bytes(h.items + from * h.itemsize, (n * h.itemsize) as usize)
        .map_err(ub)
}

/// Takes (`take`) or drops a reference on every reference leaf of the items in `bytes`.
fn count(m: &mut Memory, h: &Hdr, bytes: &[u8], take: bool) -> R<()> {
    if h.refmask == 0 {
        return Ok(());
    }
    for item in bytes.chunks(h.itemsize as usize) {
        for k in 0..(h.itemsize as usize / 8).min(64) {
            if h.refmask >> k & 1 == 1 {
                let r = i64::from_le_bytes(item[8 * k..8 * k + 8].try_into().expect("8 bytes"));
                if take {
                    m.incref(r).map_err(ub)?;
                } else {
                    m.decref(r).map_err(ub)?;
                }
            }
        }
    }
    Ok(())
}

/// Replaces the items with `bytes` (a new buffer when they do not fit); marks the list changed.
fn set_items(m: &mut Memory, l: i64, h: &Hdr, bytes: &[u8]) -> R<()> {
    put(m, l + 56, 1)?;
    let n = bytes.len() as i64 / h.itemsize;
    if n > h.cap {
        let mut cap = h.cap.max(4);
        while cap < n {
            cap += cap / 2 + 1;
        }
        let items = m.alloc_items(cap * h.itemsize);
        m.free_items(h.items).map_err(ub)?;
        put(m, l + 24, items)?;
        put(m, l + 32, cap)?;
        m.write(items, bytes).map_err(ub)?;
    } else {
        m.write(h.items, bytes).map_err(ub)?;
        // Freed slots are zero, as in the C runtime.
        let rest = ((h.len - n).max(0) * h.itemsize) as usize;
        m.write(h.items + bytes.len() as i64, &vec![0; rest])
            .map_err(ub)?;
    }
    put(m, l + 16, n)
}

/// `list_new(words, refmask, n)`.
pub fn new(m: &mut Memory, words: i64, refmask: i64, n: i64, max: u64) -> R<i64> {
    let n = n.max(0);
    if (n as u128) * (words as u128) * 8 > max as u128 {
        return Err(Outcome::Unsupported(format!("a list of {n} items")));
    }
    Ok(m.alloc_list(words * 8, refmask, n))
}

/// `list_push(l)` and `list_insert(l, i)`: the address of a new zeroed item.
pub fn insert(m: &mut Memory, l: i64, at: Option<i64>) -> R<i64> {
    let h = hdr(m, l)?;
    let i = match at {
        None => h.len,
        Some(i) if i < 0 => (i + h.len).max(0),
        Some(i) => i.min(h.len),
    };
    let mut bytes = item_bytes(m, &h, 0, h.len)?;
    let off = (i * h.itemsize) as usize;
    bytes.splice(off..off, std::iter::repeat_n(0, h.itemsize as usize));
    set_items(m, l, &h, &bytes)?;
    let items = word(m, l + 24)?;
    Ok(items + i * h.itemsize)
}

/// `list_remove(l, i)`: no reference is dropped.
pub fn remove(m: &mut Memory, l: i64, i: i64) -> R<()> {
    let h = hdr(m, l)?;
    if !(0..h.len).contains(&i) {
        return Err(ub(format!("list_remove of item {i} of {}", h.len)));
    }
    let mut bytes = item_bytes(m, &h, 0, h.len)?;
    let off = (i * h.itemsize) as usize;
    bytes.drain(off..off + h.itemsize as usize);
    set_items(m, l, &h, &bytes)
}

/// `list_clear(l)`.
pub fn clear(m: &mut Memory, l: i64) -> R<()> {
    let h = hdr(m, l)?;
    let bytes = item_bytes(m, &h, 0, h.len)?;
    set_items(m, l, &h, &[])?;
    count(m, &h, &bytes, false)
}

/// `list_reverse(l)`.
pub fn reverse(m: &mut Memory, l: i64) -> R<()> {
    let h = hdr(m, l)?;
    let bytes = item_bytes(m, &h, 0, h.len)?;
    let rev: Vec<u8> = bytes
        .chunks(h.itemsize as usize)
        .rev()
        .flatten()
        .copied()
        .collect();
    set_items(m, l, &h, &rev)
}

/// `slice.indices(len)` as (first, step, count); a zero step raises.
fn adjust(len: i64, start: i64, stop: i64, step: i64, flags: i64) -> R<(i64, i64, i64)> {
    use pyaot_mir::list::{NO_START, NO_STEP, NO_STOP};
    let mut step = if flags & NO_STEP != 0 { 1 } else { step };
    if step == 0 {
        return Err(Outcome::Raised {
            exc: ExcKind::ValueError,
            msg: "slice step cannot be zero".into(),
        });
    }
    step = step.max(-i64::MAX);
    let start = if flags & NO_START != 0 {
        if step < 0 {
            i64::MAX
        } else {
            0
        }
    } else {
        start
    };
    let stop = if flags & NO_STOP != 0 {
        if step < 0 {
            i64::MIN
        } else {
            i64::MAX
        }
    } else {
        stop
    };
    let clamp = |v: i64| {
        if v < 0 {
            let v = v + len;
            if v < 0 {
                if step < 0 {
                    -1
                } else {
                    0
                }
            } else {
                v
            }
        } else if v >= len {
            if step < 0 {
                len - 1
            } else {
                len
            }
        } else {
            v
        }
    };
    let (start, stop) = (clamp(start), clamp(stop));
    let n = if step < 0 {
        if stop < start {
            ((start - stop) as u64 - 1) / step.unsigned_abs() + 1
        } else {
            0
        }
    } else if start < stop {
        ((stop - start) as u64 - 1) / step as u64 + 1
    } else {
        0
    };
    Ok((start, step, n as i64))
}

/// The items a slice selects, in order.
fn selected(m: &Memory, h: &Hdr, first: i64, step: i64, n: i64) -> R<Vec<u8>> {
    let mut out = Vec::with_capacity((n * h.itemsize) as usize);
    for k in 0..n {
        out.extend(item_bytes(m, h, first + k * step, 1)?);
    }
    Ok(out)
}

/// A new list like `h` holding `bytes` (references taken).
fn make(m: &mut Memory, h: &Hdr, bytes: &[u8], max: u64) -> R<i64> {
    let n = bytes.len() as i64 / h.itemsize;
    let r = new(m, h.itemsize / 8, h.refmask as i64, n, max)?;
    let rh = hdr(m, r)?;
    m.write(rh.items, bytes).map_err(ub)?;
    count(m, &rh, bytes, true)?;
    Ok(r)
}

/// `list_slice(l, start, stop, step, flags)`.
pub fn slice(m: &mut Memory, a: &[i64], max: u64) -> R<i64> {
    let h = hdr(m, a[0])?;
    let (first, step, n) = adjust(h.len, a[1], a[2], a[3], a[4])?;
    let bytes = selected(m, &h, first, step, n)?;
    make(m, &h, &bytes, max)
}

/// `list_concat(a, b)`.
pub fn concat(m: &mut Memory, a: i64, b: i64, max: u64) -> R<i64> {
    let (ha, hb) = (hdr(m, a)?, hdr(m, b)?);
    let mut bytes = item_bytes(m, &ha, 0, ha.len)?;
    bytes.extend(item_bytes(m, &hb, 0, hb.len)?);
    make(m, &ha, &bytes, max)
}

/// `list_repeat(a, n)`.
pub fn repeat(m: &mut Memory, a: i64, n: i64, max: u64) -> R<i64> {
    let h = hdr(m, a)?;
    let n = n.max(0);
    if (h.len as u128) * (n as u128) * (h.itemsize as u128) > max as u128 {
        if h.len > 0 && n > i64::MAX / h.len {
            return Err(Outcome::Raised {
                exc: ExcKind::MemoryError,
                msg: String::new(),
            });
        }
        return Err(Outcome::Unsupported(format!("a list of {n} copies")));
    }
    let one = item_bytes(m, &h, 0, h.len)?;
    let bytes = one.repeat(n as usize);
    make(m, &h, &bytes, max)
}

/// `list_extend(a, b)`.
pub fn extend(m: &mut Memory, a: i64, b: i64) -> R<()> {
    let (ha, hb) = (hdr(m, a)?, hdr(m, b)?);
    let add = item_bytes(m, &hb, 0, hb.len)?;
    let mut bytes = item_bytes(m, &ha, 0, ha.len)?;
    bytes.extend(&add);
    set_items(m, a, &ha, &bytes)?;
    count(m, &ha, &add, true)
}

/// `list_set_slice(a, start, stop, step, flags, b)`.
pub fn set_slice(m: &mut Memory, a: &[i64]) -> R<()> {
    let (l, b) = (a[0], a[5]);
    let h = hdr(m, l)?;
    let (first, step, n) = adjust(h.len, a[1], a[2], a[3], a[4])?;
    let hb = hdr(m, b)?;
    let new = item_bytes(m, &hb, 0, hb.len)?;
    let k = hb.len;
    let size = h.itemsize as usize;
    let mut bytes = item_bytes(m, &h, 0, h.len)?;
    let old = if step != 1 {
        if k != n {
            return Err(Outcome::Raised {
                exc: ExcKind::ValueError,
                msg: format!(
                    "attempt to assign sequence of size {k} to extended slice of size {n}"
                ),
            });
        }
        let mut o = Vec::new();
        for (j, item) in new.chunks(size).enumerate() {
            let at = (first + j as i64 * step) as usize * size;
            o.extend_from_slice(&bytes[at..at + size]);
            bytes[at..at + size].copy_from_slice(item);
        }
        o
    } else {
        let at = first as usize * size;
        bytes
            .splice(at..at + n as usize * size, new.iter().copied())
            .collect()
    };
    count(m, &h, &new, true)?;
    set_items(m, l, &h, &bytes)?;
    count(m, &h, &old, false)
}

/// `list_del_slice(a, start, stop, step, flags)`.
pub fn del_slice(m: &mut Memory, a: &[i64]) -> R<()> {
    let h = hdr(m, a[0])?;
    let (first, step, n) = adjust(h.len, a[1], a[2], a[3], a[4])?;
    let gone: Vec<i64> = (0..n).map(|k| first + k * step).collect();
    let size = h.itemsize as usize;
    let bytes = item_bytes(m, &h, 0, h.len)?;
    let (mut keep, mut old) = (Vec::new(), Vec::new());
    for (i, item) in bytes.chunks(size).enumerate() {
        if gone.contains(&(i as i64)) {
            old.extend_from_slice(item);
        } else {
            keep.extend_from_slice(item);
        }
    }
    set_items(m, a[0], &h, &keep)?;
    count(m, &h, &old, false)
}
