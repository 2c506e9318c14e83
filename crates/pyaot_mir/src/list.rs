//! The layout of a runtime list object, which compiled code reads directly (`pyaot_list.c`).
//!
//! A list reference is the address of its header; items are `8 * words` bytes each, one 8-byte
//! word per leaf of the item type (a bool in the word's first byte).

/// The byte offset of the number of items (`int64`).
pub const LEN: i64 = 16;
/// The byte offset of the address of the first item (`int64`).
pub const ITEMS: i64 = 24;
/// The bytes of one leaf word of an item.
pub const WORD: i64 = 8;
/// The byte offset of the "changed" flag (`int64`): set by every change of the items, so the
/// wrapper writes back only the list arguments a call changed.
pub const DIRTY: i64 = 56;
/// The bytes of the header.
pub const HEADER: i64 = 64;
/// The `flags` bits of the slice helpers: which of start, stop and step were omitted.
pub const NO_START: i64 = 1;
pub const NO_STOP: i64 = 2;
pub const NO_STEP: i64 = 4;
