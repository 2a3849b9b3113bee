//! All of one reader's notes, keyed by stable item id.

use std::collections::BTreeMap;

use crate::note::Note;

/// The notes, one per item id. A `BTreeMap` so the stored text, exports and merges come
/// out in the same order every time (diffable exports, deterministic tests).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoteBook {
    notes: BTreeMap<String, Note>,
}

impl NoteBook {
    /// An empty book.
    pub fn new() -> NoteBook {
        NoteBook::default()
    }

    /// The note on `item_id`, blank or not.
    pub fn get(&self, item_id: &str) -> Option<&Note> {
        self.notes.get(item_id)
    }

    /// Every note, blank ones included, in item-id order.
    pub fn iter(&self) -> impl Iterator<Item = &Note> + '_ {
        self.notes.values()
    }

    /// The notes that say something (see [`Note::is_blank`]), in item-id order.
    pub fn written(&self) -> impl Iterator<Item = &Note> + '_ {
        self.notes.values().filter(|note| !note.is_blank())
    }

    /// Number of notes stored, blank ones included.
    pub fn len(&self) -> usize {
        self.notes.len()
    }

    /// True when nothing at all is stored.
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty()
    }

    /// Number of notes that say something.
    pub fn written_count(&self) -> usize {
        self.written().count()
    }

    /// Moves the note on `from` to `to` (an item whose id changed: a document id that
    /// gained its period). Nothing moves when `to` already has a note — both stay, so
    /// nothing the reader wrote is lost. Returns whether the note moved.
    pub fn rename_item(&mut self, from: &str, to: &str) -> bool {
        if from == to || self.notes.contains_key(to) {
            return false;
        }
        let Some(mut note) = self.notes.remove(from) else {
            return false;
        };
        note.item_id = to.to_string();
        self.notes.insert(to.to_string(), note);
        true
    }

    /// Item ids of every note, in order.
    pub fn item_ids(&self) -> impl Iterator<Item = &str> + '_ {
        self.notes.keys().map(String::as_str)
    }

    /// Stores `note` under its item id, returning the one it replaces.
    pub fn insert(&mut self, note: Note) -> Option<Note> {
        self.notes.insert(note.item_id.clone(), note)
    }

    /// Applies a reader's edit to the note on `item_id` (creating it if needed). When
    /// the content changed, stamps it with `device` and a time that is `now_ms` or, if
    /// the clock went backwards, just after the previous stamp — so a later edit always
    /// wins a merge against an earlier one from the same tab. Returns whether the
    /// content changed.
    pub fn edit(
        &mut self,
        item_id: &str,
        now_ms: i64,
        device: &str,
        change: impl FnOnce(&mut Note),
    ) -> bool {
        let existing = self.notes.get(item_id);
        let mut note = existing.cloned().unwrap_or_else(|| Note::empty(item_id));
        change(&mut note);
        // The callback may not re-key the note.
        note.item_id = item_id.to_owned();
        if existing.is_some_and(|old| old.same_content(&note))
            || (existing.is_none() && note.is_blank())
        {
            return false;
        }
        let previous = existing.map_or(i64::MIN, |old| old.updated_at_ms);
        note.updated_at_ms = now_ms.max(previous.saturating_add(1));
        note.device = device.to_owned();
        self.notes.insert(item_id.to_owned(), note);
        true
    }

    /// True when the reader wrote something on `item_id` (the task list's "has my
    /// note" filter).
    pub fn has_note(&self, item_id: &str) -> bool {
        self.get(item_id).is_some_and(|note| !note.is_blank())
    }

    /// True when `item_id` carries the watch star.
    pub fn is_watched(&self, item_id: &str) -> bool {
        self.get(item_id).is_some_and(|note| note.watched)
    }

    /// True when the note on `item_id` carries `tag` (exact match).
    pub fn has_tag(&self, item_id: &str, tag: &str) -> bool {
        self.get(item_id)
            .is_some_and(|note| note.tags.iter().any(|t| t == tag))
    }

    /// Every tag in use with the number of notes carrying it, most used first, then
    /// alphabetically — for tag menus.
    pub fn tag_counts(&self) -> Vec<(String, usize)> {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for note in self.written() {
            for tag in &note.tags {
                *counts.entry(tag).or_default() += 1;
            }
        }
        let mut counts: Vec<(String, usize)> = counts
            .into_iter()
            .map(|(tag, count)| (tag.to_owned(), count))
            .collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        counts
    }
}

impl FromIterator<Note> for NoteBook {
    fn from_iter<I: IntoIterator<Item = Note>>(notes: I) -> NoteBook {
        let mut book = NoteBook::new();
        for note in notes {
            book.insert(note);
        }
        book
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_creates_stamps_and_skips_no_ops() {
        let mut book = NoteBook::new();
        assert!(
            !book.edit("t1", 100, "tab-a", |_| {}),
            "blank edit stores nothing"
        );
        assert!(book.is_empty());
        assert!(book.edit("t1", 100, "tab-a", |n| n.text = "hello".into()));
        assert_eq!(book.get("t1").map(|n| n.updated_at_ms), Some(100));
        assert!(!book.edit("t1", 200, "tab-b", |n| n.text = "hello".into()));
        let note = book.get("t1").unwrap();
        assert_eq!((note.updated_at_ms, note.device.as_str()), (100, "tab-a"));
    }

    #[test]
    fn edit_is_monotonic_when_the_clock_goes_back() {
        let mut book = NoteBook::new();
        book.edit("t1", 1_000, "tab", |n| n.text = "one".into());
        book.edit("t1", 500, "tab", |n| n.text = "two".into());
        assert_eq!(book.get("t1").unwrap().updated_at_ms, 1_001);
    }

    #[test]
    fn edit_cannot_rekey_a_note() {
        let mut book = NoteBook::new();
        book.edit("t1", 1, "tab", |n| {
            n.item_id = "other".into();
            n.text = "x".into();
        });
        assert!(book.get("other").is_none());
        assert_eq!(book.get("t1").unwrap().item_id, "t1");
    }

    #[test]
    fn clearing_a_note_keeps_a_blank_that_filters_skip() {
        let mut book = NoteBook::new();
        book.edit("t1", 1, "tab", |n| {
            n.text = "x".into();
            n.watched = true;
            n.tags = vec!["a".into()];
        });
        assert!(book.has_note("t1") && book.is_watched("t1") && book.has_tag("t1", "a"));
        book.edit("t1", 2, "tab", |n| *n = Note::empty("t1"));
        assert_eq!(book.len(), 1);
        assert_eq!(book.written_count(), 0);
        assert!(!book.has_note("t1") && !book.is_watched("t1"));
        assert!(book.tag_counts().is_empty());
    }

    #[test]
    fn tag_counts_most_used_first() {
        let mut book = NoteBook::new();
        book.edit("a", 1, "t", |n| n.tags = vec!["乙".into(), "甲".into()]);
        book.edit("b", 1, "t", |n| n.tags = vec!["甲".into()]);
        book.edit("c", 1, "t", |n| n.tags = vec!["丙".into()]);
        assert_eq!(
            book.tag_counts(),
            vec![("甲".into(), 2), ("丙".into(), 1), ("乙".into(), 1)]
        );
    }
}

#[cfg(test)]
mod rename_tests {
    use super::*;

    #[test]
    fn a_note_follows_its_item_to_a_new_id_without_overwriting() {
        let mut book = NoteBook::new();
        let mut note = Note::empty("huzhou-2024-progress/t13");
        note.text = "跟进高铁".into();
        book.insert(note);
        assert!(book.rename_item("huzhou-2024-progress/t13", "huzhou-2024-h1-progress/t13"));
        let moved = book.get("huzhou-2024-h1-progress/t13").expect("moved");
        assert_eq!(
            (moved.item_id.as_str(), moved.text.as_str()),
            ("huzhou-2024-h1-progress/t13", "跟进高铁")
        );
        assert!(book.get("huzhou-2024-progress/t13").is_none());
        book.insert(Note::empty("a/t1"));
        book.insert(Note::empty("b/t1"));
        assert!(!book.rename_item("a/t1", "b/t1"));
        assert_eq!(book.len(), 3);
    }
}
