//! Per-note merging: winners, and conflicts with and without a base.

mod common;

use common::{book, note};
use planboard_notes::{merge, Note, NoteBook, CONCURRENT_EDIT_WINDOW_MS};

#[test]
fn notes_on_one_side_only_are_all_kept() {
    let local = book([note("a", "mine", 10, "tab-a")]);
    let incoming = book([note("b", "theirs", 20, "tab-b")]);
    let outcome = merge(&local, &incoming, Some(&NoteBook::new()));
    assert_eq!(outcome.book.len(), 2);
    assert!(outcome.conflicts.is_empty());
}

#[test]
fn newer_edit_wins_and_is_no_conflict_when_only_one_side_changed() {
    let base = book([note("a", "v1", 10, "tab-a")]);
    let local = base.clone();
    let incoming = book([note("a", "v2", 20, "tab-b")]);
    let outcome = merge(&local, &incoming, Some(&base));
    assert_eq!(outcome.book.get("a").unwrap().text, "v2");
    assert!(outcome.conflicts.is_empty());
}

#[test]
fn an_older_incoming_edit_does_not_overwrite_a_newer_local_one() {
    let base = book([note("a", "v1", 10, "tab-a")]);
    let local = book([note("a", "v2", 30, "tab-a")]);
    let incoming = base.clone();
    let outcome = merge(&local, &incoming, Some(&base));
    assert_eq!(outcome.book.get("a").unwrap().text, "v2");
    assert!(outcome.conflicts.is_empty());
}

#[test]
fn both_sides_changed_since_the_base_is_a_conflict_even_hours_apart() {
    let base = book([note("a", "v1", 10, "tab-a")]);
    let local = book([note("a", "mine", 20, "tab-a")]);
    let incoming = book([note("a", "theirs", 20 + 5 * 3_600_000, "tab-b")]);
    let outcome = merge(&local, &incoming, Some(&base));
    assert_eq!(outcome.conflicts.len(), 1);
    let conflict = &outcome.conflicts[0];
    assert_eq!(conflict.item_id, "a");
    assert_eq!(conflict.kept.text, "theirs");
    assert_eq!(conflict.other.text, "mine");
    assert_eq!(outcome.book.get("a").unwrap().text, "theirs");
}

#[test]
fn a_note_created_on_both_sides_since_the_base_is_a_conflict() {
    let local = book([note("a", "mine", 20, "tab-a")]);
    let incoming = book([note("a", "theirs", 10, "tab-b")]);
    let outcome = merge(&local, &incoming, Some(&NoteBook::new()));
    assert_eq!(outcome.conflicts.len(), 1);
    assert_eq!(outcome.book.get("a").unwrap().text, "mine");
}

#[test]
fn the_same_edit_on_both_sides_is_no_conflict() {
    let base = book([note("a", "v1", 10, "tab-a")]);
    let local = book([note("a", "same", 20, "tab-a")]);
    let incoming = book([note("a", "same", 25, "tab-b")]);
    let outcome = merge(&local, &incoming, Some(&base));
    assert!(outcome.conflicts.is_empty());
    assert_eq!(outcome.book.get("a").unwrap().updated_at_ms, 25);
}

#[test]
fn clearing_a_note_wins_over_an_older_text() {
    let base = book([note("a", "old", 10, "tab-a")]);
    let local = base.clone();
    let mut cleared = Note::empty("a");
    cleared.updated_at_ms = 20;
    cleared.device = "tab-b".into();
    let outcome = merge(&local, &book([cleared]), Some(&base));
    assert!(outcome.book.get("a").unwrap().is_blank());
    assert!(!outcome.book.has_note("a"));
}

#[test]
fn without_a_base_only_close_edits_conflict() {
    let local = book([note("a", "mine", 1_000_000, "tab-a")]);
    let close = book([note(
        "a",
        "theirs",
        1_000_000 + CONCURRENT_EDIT_WINDOW_MS - 1,
        "x",
    )]);
    let far = book([note(
        "a",
        "theirs",
        1_000_000 + CONCURRENT_EDIT_WINDOW_MS,
        "x",
    )]);
    assert_eq!(merge(&local, &close, None).conflicts.len(), 1);
    let outcome = merge(&local, &far, None);
    assert!(outcome.conflicts.is_empty());
    assert_eq!(outcome.book.get("a").unwrap().text, "theirs");
}

#[test]
fn equal_stamps_are_broken_the_same_way_on_both_sides() {
    let a = book([note("x", "from a", 50, "tab-a")]);
    let b = book([note("x", "from b", 50, "tab-b")]);
    let ab = merge(&a, &b, None);
    let ba = merge(&b, &a, None);
    assert_eq!(ab.book, ba.book);
    assert_eq!(ab.book.get("x").unwrap().device, "tab-b");
    assert_eq!(ab.conflicts.len(), 1);
    assert_eq!(ab.conflicts[0].kept, ba.conflicts[0].kept);
}
