//! Property tests: the parsers never panic, and merging behaves like a merge.

mod common;

use planboard_notes::{
    merge, parse_stored, preview_import, to_export_json, to_stored_json, Mark, Note, NoteBook,
    StoredState,
};
use proptest::prelude::*;

fn arb_note() -> impl Strategy<Value = Note> {
    (
        prop::sample::select(vec!["a", "b", "c", "huzhou-2024-progress/t13"]),
        ".{0,12}",
        prop::collection::vec("[a-z交通]{1,4}", 0..3),
        any::<bool>(),
        prop::option::of(prop::sample::select(vec!["2024-01-01", "2024-07-01"])),
        prop::option::of(prop::sample::select(Mark::ALL.to_vec())),
        0i64..50,
        prop::sample::select(vec!["tab-a", "tab-b"]),
    )
        .prop_map(
            |(id, text, tags, watched, follow_up, mark, at, device)| Note {
                item_id: id.to_owned(),
                text,
                tags: planboard_notes::normalize_tags(&tags.join(",")),
                watched,
                follow_up: follow_up.map(str::to_owned),
                mark,
                updated_at_ms: at,
                device: device.to_owned(),
            },
        )
}

fn arb_book() -> impl Strategy<Value = NoteBook> {
    prop::collection::vec(arb_note(), 0..5).prop_map(|notes| notes.into_iter().collect())
}

/// Strings that look a little like our envelope, so the fuzzing gets past `{`.
fn envelope_like() -> impl Strategy<Value = String> {
    let fragments = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"format\"",
        "\"planboard-notes\"",
        "\"version\"",
        "1",
        "2",
        "3",
        "-1",
        "1e400",
        "\"notes\"",
        "\"text\"",
        "\"tags\"",
        "\"mark\"",
        "\"doubtful\"",
        "\"follow_up\"",
        "\"2024-02-30\"",
        "\"updated_at_ms\"",
        "null",
        "true",
        "\"\\u0000\"",
        "\"<script>\"",
        "9223372036854775808",
    ]);
    prop::collection::vec(fragments, 0..40).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parse_stored_never_panics_on_any_string(raw in any::<String>()) {
        let _ = parse_stored(Some(&raw));
        let _ = preview_import(&NoteBook::new(), &raw, 0);
    }

    #[test]
    fn parse_stored_never_panics_on_envelope_like_text(raw in envelope_like()) {
        let _ = parse_stored(Some(&raw));
        let _ = preview_import(&NoteBook::new(), &raw, 0);
    }

    #[test]
    fn stored_text_round_trips(book in arb_book()) {
        match parse_stored(Some(&to_stored_json(&book))) {
            StoredState::Loaded(loaded) => {
                prop_assert_eq!(loaded.book, book);
                prop_assert!(loaded.damaged.is_empty());
            }
            StoredState::Empty => prop_assert!(false, "stored text read as empty"),
            StoredState::Unreadable(error) => prop_assert!(false, "unreadable: {}", error),
        }
    }

    #[test]
    fn merge_is_commutative_in_its_result(a in arb_book(), b in arb_book(), base in arb_book()) {
        prop_assert_eq!(merge(&a, &b, Some(&base)).book, merge(&b, &a, Some(&base)).book);
        prop_assert_eq!(
            merge(&a, &b, Some(&base)).conflicts.len(),
            merge(&b, &a, Some(&base)).conflicts.len()
        );
    }

    #[test]
    fn merge_is_idempotent_and_loses_no_item(a in arb_book(), b in arb_book()) {
        let once = merge(&a, &b, None).book;
        prop_assert_eq!(&merge(&once, &b, None).book, &once);
        prop_assert!(merge(&a, &a, None).conflicts.is_empty());
        for note in a.iter().chain(b.iter()) {
            prop_assert!(once.get(&note.item_id).is_some());
        }
    }

    #[test]
    fn import_of_an_export_then_merge_agree(a in arb_book(), b in arb_book()) {
        // The import preview's book says what merging the written notes says (it keeps the
        // local time stamp of an unchanged note, which a merge may refresh).
        let preview = preview_import(&a, &to_export_json(&b, 1_000), 1_000).unwrap();
        let written: NoteBook = b.written().cloned().collect();
        let merged = merge(&a, &written, None).book;
        prop_assert_eq!(preview.merged.len(), merged.len());
        for note in merged.iter() {
            let previewed = preview.merged.get(&note.item_id);
            prop_assert!(previewed.is_some_and(|p| p.same_content(note)));
        }
        prop_assert!(preview.rejected.is_empty());
        prop_assert_eq!(
            preview.added.len() + preview.updated.len() + preview.unchanged.len()
                + preview.kept_local.len() + preview.conflicts.len(),
            written.len()
        );
    }
}
