//! Builders shared by the integration tests.

#![allow(dead_code)]

use planboard_notes::{Mark, Note, NoteBook};

/// A note with text, edited at `at` by `device`.
pub fn note(item_id: &str, text: &str, at: i64, device: &str) -> Note {
    Note {
        text: text.to_owned(),
        updated_at_ms: at,
        device: device.to_owned(),
        ..Note::empty(item_id)
    }
}

/// A note with every field set.
pub fn full_note(item_id: &str) -> Note {
    Note {
        item_id: item_id.to_owned(),
        text: "第一行，含逗号\n第二行 \"引号\" <b>粗</b>".to_owned(),
        tags: vec!["交通".to_owned(), "高铁".to_owned()],
        watched: true,
        follow_up: Some("2024-07-01".to_owned()),
        mark: Some(Mark::Doubtful),
        updated_at_ms: 1_719_800_000_000,
        device: "tab-a".to_owned(),
    }
}

pub fn book(notes: impl IntoIterator<Item = Note>) -> NoteBook {
    notes.into_iter().collect()
}

/// 2024-07-01T12:00:00Z.
pub const NOW: i64 = 1_719_835_200_000;
