//! Merging two notebooks note by note: two browser tabs, or the book and an import.
//!
//! **Winner.** Per item id, a note present on one side only is taken. When both sides
//! hold one, the newer `updated_at_ms` wins; equal stamps are broken by `device`, then by
//! content, so every tab that merges the same two books gets the same result (merging
//! is commutative and idempotent — see the property tests).
//!
//! **Conflict.** The losing side is not thrown away silently: a merge reports a
//! [`Conflict`] (both versions) when the two contents differ and
//! - with a *base* (the last state both sides are known to have started from — for a
//!   tab, the stored book it last read or wrote): both sides changed the note since
//!   the base (a side "changed" when its content differs from the base's note, or the
//!   base had none);
//! - without a base (an import file): the two edits are less than
//!   [`CONCURRENT_EDIT_WINDOW_MS`] apart, so neither writer can have seen the other's.

use std::cmp::Ordering;

use crate::book::NoteBook;
use crate::note::Note;

/// Two different edits of one note this close in time, with no base to tell which one
/// saw the other, are treated as made concurrently.
pub const CONCURRENT_EDIT_WINDOW_MS: i64 = 10 * 60 * 1000;

/// Both versions of a note edited on two sides; `kept` is in the merged book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub item_id: String,
    /// The winning (newer) version, now in the book.
    pub kept: Note,
    /// The other version, which the reader may want to copy back.
    pub other: Note,
}

/// The merged book and the conflicts found on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeOutcome {
    pub book: NoteBook,
    /// In item-id order.
    pub conflicts: Vec<Conflict>,
}

/// Orders two versions of one note: `Greater` means `a` wins.
pub fn compare_versions(a: &Note, b: &Note) -> Ordering {
    a.updated_at_ms
        .cmp(&b.updated_at_ms)
        .then_with(|| a.device.cmp(&b.device))
        .then_with(|| a.content_key().cmp(&b.content_key()))
}

/// True when two versions of one note count as a conflict (see the module docs).
pub fn is_conflict(a: &Note, b: &Note, base: Option<&NoteBook>) -> bool {
    if a.same_content(b) {
        return false;
    }
    match base {
        Some(base) => {
            let base_note = base.get(&a.item_id);
            let changed = |note: &Note| base_note.is_none_or(|old| !old.same_content(note));
            changed(a) && changed(b)
        }
        None => a.updated_at_ms.abs_diff(b.updated_at_ms) < CONCURRENT_EDIT_WINDOW_MS as u64,
    }
}

/// Merges `incoming` into `local` note by note (see the module docs for the rules).
pub fn merge(local: &NoteBook, incoming: &NoteBook, base: Option<&NoteBook>) -> MergeOutcome {
    let mut book = local.clone();
    let mut conflicts = Vec::new();
    for theirs in incoming.iter() {
        let Some(ours) = local.get(&theirs.item_id) else {
            book.insert(theirs.clone());
            continue;
        };
        let (kept, other) = if compare_versions(theirs, ours) == Ordering::Greater {
            (theirs, ours)
        } else {
            (ours, theirs)
        };
        if is_conflict(ours, theirs, base) {
            conflicts.push(Conflict {
                item_id: ours.item_id.clone(),
                kept: kept.clone(),
                other: other.clone(),
            });
        }
        book.insert(kept.clone());
    }
    MergeOutcome { book, conflicts }
}
