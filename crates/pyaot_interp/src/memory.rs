//! A simulated address space: separate byte regions far apart, so any access outside one is caught.
//!
//! Region `k` starts at `(k + 1) << 32` (plus a small offset that keeps an argument's alignment)
//! and ends at least [`GUARD`] bytes before the next, so an address computed from one region
//! never lands in another. Runtime array blocks follow the C runtime's layout: the owner word is
//! 64 bytes below the data, and only the data is a region (compiled code never reads the header).

/// The bytes between the end of the largest region and the start of the next.
pub const GUARD: u64 = 1 << 20;
/// The largest region.
pub const MAX_REGION: u64 = (1 << 32) - GUARD - 64;
/// The bytes from an array block's owner word to its data, as in `pyaot_array.c`.
pub const BLOCK_HEADER: i64 = 64;

/// What a region is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Memory given by the caller (an array argument's buffer).
    Given,
    /// A runtime array block with its reference count.
    Block { refcount: i64 },
    /// A borrow record: an owner word with the low bit set, never dereferenced.
    Borrow,
    /// A list's header (the layout of `pyaot_list.c`; the count is kept here, as compiled code
    /// never reads it).
    List { refcount: i64 },
    /// A list's item buffer.
    Items,
}

struct Region {
    base: u64,
    bytes: Vec<u8>,
    /// Which bytes were written (a block from `array_alloc` starts uninitialised).
    init: Vec<bool>,
    kind: Kind,
    live: bool,
}

/// The memory of one or more interpreted calls.
#[derive(Default)]
pub struct Memory {
    regions: Vec<Region>,
}

impl Memory {
    /// An empty address space.
    pub fn new() -> Memory {
        Memory::default()
    }

    fn push(&mut self, bytes: Vec<u8>, offset: u64, kind: Kind, init: bool) -> u64 {
        let base = ((self.regions.len() as u64 + 1) << 32) + offset;
        let init = vec![init; bytes.len()];
        self.regions.push(Region {
            base,
            bytes,
            init,
            kind,
            live: true,
        });
        base
    }

    /// A new region holding `bytes`, starting at an address whose remainder modulo 64 is
    /// `align % 64` (to keep a buffer's alignment); returns its first address.
    pub fn add_bytes(&mut self, bytes: &[u8], align: u64) -> i64 {
        assert!(bytes.len() as u64 <= MAX_REGION, "region too large");
        self.push(bytes.to_vec(), align % 64, Kind::Given, true) as i64
    }

    /// A new borrowed-buffer owner word (low bit set), as the wrapper passes for an array argument.
    pub fn borrow_owner(&mut self) -> i64 {
        (self.push(Vec::new(), 0, Kind::Borrow, true) | 1) as i64
    }

    /// A new runtime block of `nbytes` data bytes (zeroed or uninitialised), refcount 1:
    /// its owner word, or `None` when larger than a region.
    pub fn alloc_block(&mut self, nbytes: u64, zeroed: bool) -> Option<i64> {
        if nbytes > MAX_REGION {
            return None;
        }
        let base = self.push(
            vec![0; nbytes as usize],
            BLOCK_HEADER as u64,
            Kind::Block { refcount: 1 },
            zeroed,
        );
        Some(base as i64 - BLOCK_HEADER)
    }

    fn region_index(addr: u64) -> Option<usize> {
        (addr >> 32).checked_sub(1).map(|k| k as usize)
    }

    /// The block whose owner word this is, or an error for a word naming no block.
    fn block_mut(&mut self, owner: i64) -> Result<&mut Region, String> {
        let data = owner.wrapping_add(BLOCK_HEADER) as u64;
        let r = Self::region_index(data)
            .and_then(|k| self.regions.get_mut(k))
            .filter(|r| r.base == data && matches!(r.kind, Kind::Block { .. }));
        match r {
            Some(r) if r.live => Ok(r),
            Some(_) => Err(format!("use of the freed array block {owner:#x}")),
            None => Err(format!("{owner:#x} is not an array owner")),
        }
    }

    /// `incref`: no-op for 0 and borrowed buffers.
    pub fn incref(&mut self, owner: i64) -> Result<(), String> {
        if owner == 0 || owner & 1 == 1 {
            return Ok(());
        }
        if let Some(k) = self.list_index(owner) {
            let r = &mut self.regions[k];
            if !r.live {
                return Err(format!("use of the freed list {owner:#x}"));
            }
            if let Kind::List { refcount } = &mut r.kind {
                *refcount += 1;
            }
            return Ok(());
        }
        if let Kind::Block { refcount } = &mut self.block_mut(owner)?.kind {
            *refcount += 1;
        }
        Ok(())
    }

    /// `decref`: frees the object when its count reaches zero (a list drops the references its
    /// items hold); no-op for 0 and borrows.
    pub fn decref(&mut self, owner: i64) -> Result<(), String> {
        if owner == 0 || owner & 1 == 1 {
            return Ok(());
        }
        if let Some(k) = self.list_index(owner) {
            let r = &mut self.regions[k];
            if !r.live {
                return Err(format!("use of the freed list {owner:#x}"));
            }
            if let Kind::List { refcount } = &mut r.kind {
                *refcount -= 1;
                if *refcount == 0 {
                    return self.free_list(owner);
                }
            }
            return Ok(());
        }
        let r = self.block_mut(owner)?;
        if let Kind::Block { refcount } = &mut r.kind {
            *refcount -= 1;
            if *refcount == 0 {
                r.live = false;
                r.bytes = Vec::new();
                r.init = Vec::new();
            }
        }
        Ok(())
    }

    /// The region of the list header at `owner`, live or freed.
    fn list_index(&self, owner: i64) -> Option<usize> {
        let k = Self::region_index(owner as u64)?;
        let r = self.regions.get(k)?;
        (r.base == owner as u64 && matches!(r.kind, Kind::List { .. })).then_some(k)
    }

    /// A live list's `(len, items, itemsize, refmask)`, or `None` for any other word.
    pub fn list_words(&self, owner: i64) -> Option<(i64, i64, i64, u64)> {
        let k = self.list_index(owner)?;
        if !self.regions[k].live {
            return None;
        }
        let word = |off: i64| self.read::<8>(owner + off).ok().map(i64::from_le_bytes);
        Some((word(16)?, word(24)?, word(40)?, word(48)? as u64))
    }

    /// A new list of `n` zeroed items of `itemsize` bytes (`pyaot_list_make`), refcount 1.
    pub fn alloc_list(&mut self, itemsize: i64, refmask: i64, n: i64) -> i64 {
        let items = self.alloc_items(n * itemsize);
        let mut h = Vec::with_capacity(64);
        for w in [0, 2, n, items, n, itemsize, refmask, 0] {
            h.extend_from_slice(&w.to_le_bytes());
        }
        self.push(h, 0, Kind::List { refcount: 1 }, true) as i64
    }

    /// A new zeroed item buffer of `nbytes`.
    pub fn alloc_items(&mut self, nbytes: i64) -> i64 {
        self.push(vec![0; nbytes as usize], 0, Kind::Items, true) as i64
    }

    /// Frees an item buffer.
    pub fn free_items(&mut self, base: i64) -> Result<(), String> {
        let k = Self::region_index(base as u64)
            .filter(|&k| {
                self.regions
                    .get(k)
                    .is_some_and(|r| r.base == base as u64 && r.live)
            })
            .ok_or_else(|| format!("{base:#x} is not a live item buffer"))?;
        let r = &mut self.regions[k];
        r.live = false;
        r.bytes = Vec::new();
        r.init = Vec::new();
        Ok(())
    }

    /// Frees a list whose count reached zero, dropping what its items hold.
    fn free_list(&mut self, owner: i64) -> Result<(), String> {
        let word = |m: &Memory, off: i64| m.read::<8>(owner + off).map(i64::from_le_bytes);
        let (len, items, itemsize, refmask) = (
            word(self, 16)?,
            word(self, 24)?,
            word(self, 40)?,
            word(self, 48)? as u64,
        );
        for i in 0..len {
            for k in 0..(itemsize / 8).min(64) {
                if refmask >> k & 1 == 1 {
                    let r = i64::from_le_bytes(self.read::<8>(items + i * itemsize + 8 * k)?);
                    self.decref(r)?;
                }
            }
        }
        self.free_items(items)?;
        let k = self.list_index(owner).expect("a list");
        let r = &mut self.regions[k];
        r.live = false;
        r.bytes = Vec::new();
        r.init = Vec::new();
        Ok(())
    }

    /// The reference count of a live block or list, or `None` for any other word.
    pub fn refcount(&self, owner: i64) -> Option<i64> {
        if let Some(k) = self.list_index(owner) {
            return match self.regions[k].kind {
                Kind::List { refcount } if self.regions[k].live => Some(refcount),
                _ => None,
            };
        }
        let data = owner.wrapping_add(BLOCK_HEADER) as u64;
        let r = self.regions.get(Self::region_index(data)?)?;
        match r.kind {
            Kind::Block { refcount } if r.live && r.base == data => Some(refcount),
            _ => None,
        }
    }

    /// The runtime blocks and lists still allocated: their owner words and reference counts.
    pub fn live_blocks(&self) -> Vec<(i64, i64)> {
        self.regions
            .iter()
            .filter(|r| r.live)
            .filter_map(|r| match r.kind {
                Kind::Block { refcount } => Some((r.base as i64 - BLOCK_HEADER, refcount)),
                Kind::List { refcount } => Some((r.base as i64, refcount)),
                _ => None,
            })
            .collect()
    }

    /// The region and offset of `len` bytes at `addr`, all inside one live region.
    fn locate(&self, addr: i64, len: usize) -> Result<(usize, usize), String> {
        let a = addr as u64;
        let bad = || format!("access of {len} bytes at {a:#x} outside any live region");
        let k = Self::region_index(a).ok_or_else(bad)?;
        let r = self.regions.get(k).ok_or_else(bad)?;
        if !r.live {
            return Err(format!("access of {len} bytes at {a:#x} in a freed block"));
        }
        let off = a.checked_sub(r.base).ok_or_else(bad)?;
        if off + len as u64 > r.bytes.len() as u64 {
            return Err(format!(
                "access of {len} bytes at {a:#x}: offset {off} in a region of {} bytes",
                r.bytes.len()
            ));
        }
        Ok((k, off as usize))
    }

    /// Reads `N` initialised bytes at `addr`.
    pub fn read<const N: usize>(&self, addr: i64) -> Result<[u8; N], String> {
        let (k, off) = self.locate(addr, N)?;
        let r = &self.regions[k];
        if r.init[off..off + N].iter().any(|i| !i) {
            return Err(format!(
                "read of uninitialised memory at {:#x}",
                addr as u64
            ));
        }
        let mut out = [0; N];
        out.copy_from_slice(&r.bytes[off..off + N]);
        Ok(out)
    }

    /// Reads `len` initialised bytes at `addr`.
    pub fn read_bytes(&self, addr: i64, len: usize) -> Result<Vec<u8>, String> {
        let (k, off) = self.locate(addr, len)?;
        let r = &self.regions[k];
        if r.init[off..off + len].iter().any(|i| !i) {
            return Err(format!(
                "read of uninitialised memory at {:#x}",
                addr as u64
            ));
        }
        Ok(r.bytes[off..off + len].to_vec())
    }

    /// Writes bytes at `addr`.
    pub fn write(&mut self, addr: i64, bytes: &[u8]) -> Result<(), String> {
        let (k, off) = self.locate(addr, bytes.len())?;
        let r = &mut self.regions[k];
        r.bytes[off..off + bytes.len()].copy_from_slice(bytes);
        r.init[off..off + bytes.len()].fill(true);
        Ok(())
    }

    /// The bytes of the region starting at `base` (as [`Memory::add_bytes`] returned it).
    pub fn region_bytes(&self, base: i64) -> Option<&[u8]> {
        let r = self.regions.get(Self::region_index(base as u64)?)?;
        (r.live && r.base == base as u64).then_some(&r.bytes[..])
    }
}
