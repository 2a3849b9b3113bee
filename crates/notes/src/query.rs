//! What the 我的笔记 view asks: filter, search, and order the notes.

use std::cmp::Reverse;

use crate::book::NoteBook;
use crate::note::{Mark, Note};

/// The 我的笔记 view's filters. The default shows every written note.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NotesQuery {
    /// Space-separated terms, all of which must occur (after [`fold`]) in the note
    /// text, a tag, the item's title or its id.
    pub text: String,
    /// Only notes carrying this tag.
    pub tag: Option<String>,
    /// Only notes with this mark.
    pub mark: Option<Mark>,
    /// Only starred notes.
    pub watched_only: bool,
}

impl NotesQuery {
    /// True when `note` (on an item titled `title`, if it still exists) passes every
    /// filter. Blank notes never do.
    pub fn matches(&self, note: &Note, title: Option<&str>) -> bool {
        if note.is_blank()
            || (self.watched_only && !note.watched)
            || self.mark.is_some_and(|mark| note.mark != Some(mark))
            || self
                .tag
                .as_ref()
                .is_some_and(|tag| !note.tags.contains(tag))
        {
            return false;
        }
        let terms: Vec<String> = self.text.split_whitespace().map(fold).collect();
        if terms.is_empty() {
            return true;
        }
        let haystack = fold(&format!(
            "{}\n{}\n{}\n{}",
            note.text,
            note.tags.join("\n"),
            title.unwrap_or(""),
            note.item_id
        ));
        terms.iter().all(|term| haystack.contains(term.as_str()))
    }
}

/// The task list's note filters (URL `note=1`, `watched=1`, `tag=…`): an entry is kept
/// when it passes each active one. Several tags are OR-ed, like a facet's values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoteFilter {
    /// Only items with a (non-blank) note.
    pub has_note: bool,
    /// Only starred items.
    pub watched: bool,
    /// Only items whose note carries one of these tags.
    pub tags: Vec<String>,
}

impl NoteFilter {
    /// True when any note filter is set (so the list needs the notebook at all).
    pub fn is_active(&self) -> bool {
        self.has_note || self.watched || !self.tags.is_empty()
    }

    /// True when the item `item_id` passes the filter, given the reader's notes.
    pub fn keeps(&self, book: &NoteBook, item_id: &str) -> bool {
        (!self.has_note || book.has_note(item_id))
            && (!self.watched || book.is_watched(item_id))
            && (self.tags.is_empty() || self.tags.iter().any(|tag| book.has_tag(item_id, tag)))
    }
}

/// The notes the view lists, in three sections.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NotesListing<'a> {
    /// Follow-up date today or earlier, oldest date first.
    pub due: Vec<&'a Note>,
    /// Every other matching note on an existing item: later follow-ups by date first,
    /// then the rest, most recently edited first.
    pub others: Vec<&'a Note>,
    /// Matching notes whose item is not in the current dataset, most recently edited
    /// first. Listed apart, never dropped.
    pub orphans: Vec<&'a Note>,
}

impl NotesListing<'_> {
    /// Number of notes listed in all sections.
    pub fn len(&self) -> usize {
        self.due.len() + self.others.len() + self.orphans.len()
    }

    /// True when nothing matched.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Lists the notes `query` matches. `today` is the reader's local date (`YYYY-MM-DD`);
/// `title_of` gives an item's title, `None` when the dataset no longer has the item.
pub fn list_notes<'a>(
    book: &'a NoteBook,
    query: &NotesQuery,
    today: &str,
    title_of: impl Fn(&str) -> Option<String>,
) -> NotesListing<'a> {
    let mut listing = NotesListing::default();
    for note in book.written() {
        let title = title_of(&note.item_id);
        if !query.matches(note, title.as_deref()) {
            continue;
        }
        if title.is_none() {
            listing.orphans.push(note);
        } else if is_due(note, today) {
            listing.due.push(note);
        } else {
            listing.others.push(note);
        }
    }
    listing.due.sort_by(|a, b| by_follow_up(a, b));
    listing.others.sort_by_key(|note| {
        (
            note.follow_up.is_none(),
            note.follow_up.clone(),
            Reverse(note.updated_at_ms),
        )
    });
    listing
        .orphans
        .sort_by_key(|note| Reverse(note.updated_at_ms));
    listing
}

/// Written notes whose follow-up date is `today` or earlier, oldest date first —
/// orphans included, since a follow-up is still due when its item left the dataset.
pub fn due_on_or_before<'a>(book: &'a NoteBook, today: &str) -> Vec<&'a Note> {
    let mut due: Vec<&Note> = book.written().filter(|note| is_due(note, today)).collect();
    due.sort_by(|a, b| by_follow_up(a, b));
    due
}

fn is_due(note: &Note, today: &str) -> bool {
    // `YYYY-MM-DD` strings compare in date order.
    note.follow_up.as_deref().is_some_and(|date| date <= today)
}

fn by_follow_up(a: &Note, b: &Note) -> std::cmp::Ordering {
    a.follow_up
        .cmp(&b.follow_up)
        .then_with(|| a.item_id.cmp(&b.item_id))
}

/// Folds text for matching: lowercase, full-width ASCII (ＡＢＣ１２３) and the
/// ideographic space to their half-width forms. Chinese characters are unchanged.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}
