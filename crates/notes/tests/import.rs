//! Import: whole-file refusals, per-note validation, and the preview's categories.

mod common;

use common::{book, full_note, note, NOW};
use planboard_model::Lang;
use planboard_notes::{
    preview_import, to_export_json, FormatError, NoteBook, CONCURRENT_EDIT_WINDOW_MS,
    MAX_IMPORT_BYTES, MAX_IMPORT_NOTES, MAX_TEXT_CHARS,
};

fn envelope(notes: &str) -> String {
    format!(r#"{{"format":"planboard-notes","version":2,"notes":{{{notes}}}}}"#)
}

#[test]
fn preview_sorts_every_note_into_one_category() {
    let hour = 3_600_000;
    let current = book([
        note("same", "unchanged", NOW - 5 * hour, "here"),
        note("older-here", "old text", NOW - 5 * hour, "here"),
        note("newer-here", "new text", NOW - hour, "here"),
        note("both", "mine", NOW - 60_000, "here"),
        note("untouched", "only here", NOW, "here"),
    ]);
    let file = book([
        note("new", "brand new", NOW - hour, "laptop"),
        note("same", "unchanged", NOW - hour, "laptop"),
        note("older-here", "laptop text", NOW - hour, "laptop"),
        note("newer-here", "stale", NOW - 5 * hour, "laptop"),
        note("both", "theirs", NOW - 120_000, "laptop"),
    ]);
    let preview = preview_import(&current, &to_export_json(&file, NOW), NOW).unwrap();
    assert_eq!(preview.added, ["new"]);
    assert_eq!(preview.updated, ["older-here"]);
    assert_eq!(preview.unchanged, ["same"]);
    assert_eq!(preview.kept_local, ["newer-here"]);
    assert_eq!(preview.conflicts.len(), 1);
    assert_eq!(preview.conflicts[0].item_id, "both");
    assert_eq!(preview.conflicts[0].kept.text, "mine");
    assert_eq!(preview.conflicts[0].other.text, "theirs");
    assert!(preview.rejected.is_empty());
    assert!(preview.changes_anything());

    let merged = &preview.merged;
    assert_eq!(merged.len(), 6);
    assert_eq!(merged.get("new").unwrap().text, "brand new");
    assert_eq!(merged.get("older-here").unwrap().text, "laptop text");
    assert_eq!(merged.get("newer-here").unwrap().text, "new text");
    assert_eq!(merged.get("both").unwrap().text, "mine");
    assert_eq!(merged.get("untouched").unwrap().text, "only here");
    assert_eq!(merged.get("same").unwrap().updated_at_ms, NOW - 5 * hour);
}

#[test]
fn a_conflict_the_import_wins_is_applied() {
    let current = book([note("a", "mine", NOW - 120_000, "here")]);
    let file = book([note("a", "theirs", NOW - 60_000, "laptop")]);
    let preview = preview_import(&current, &to_export_json(&file, NOW), NOW).unwrap();
    assert_eq!(preview.conflicts.len(), 1);
    assert_eq!(preview.merged.get("a").unwrap().text, "theirs");
    assert!(preview.changes_anything());
}

#[test]
fn importing_ones_own_export_changes_nothing() {
    let current = book([full_note("a"), note("b", "x", 5, "t")]);
    let preview = preview_import(&current, &to_export_json(&current, NOW), NOW).unwrap();
    assert_eq!(preview.unchanged, ["a", "b"]);
    assert!(!preview.changes_anything());
    assert_eq!(preview.merged, current);
}

#[test]
fn preview_leaves_the_current_book_alone() {
    let current = book([note("a", "mine", 1, "here")]);
    let before = current.clone();
    let file = book([note("a", "theirs", NOW, "laptop")]);
    let preview = preview_import(&current, &to_export_json(&file, NOW), NOW).unwrap();
    assert_eq!(current, before);
    assert_eq!(preview.updated, ["a"]);
}

#[test]
fn version_1_files_are_migrated_on_import() {
    let raw = r#"{"format":"planboard-notes","version":1,"saved_at_ms":5,"notes":{"a":"旧笔记"}}"#;
    let preview = preview_import(&NoteBook::new(), raw, NOW).unwrap();
    assert_eq!(preview.migrated_from, Some(1));
    assert_eq!(preview.added, ["a"]);
}

#[test]
fn a_byte_order_mark_is_tolerated() {
    let raw = format!(
        "\u{feff}{}",
        envelope(r#""a":{"text":"x","updated_at_ms":1}"#)
    );
    assert_eq!(
        preview_import(&NoteBook::new(), &raw, NOW).unwrap().added,
        ["a"]
    );
}

#[test]
fn whole_file_problems_refuse_the_import() {
    let empty = NoteBook::new();
    let oversized = format!("{}{}", envelope(""), " ".repeat(MAX_IMPORT_BYTES));
    assert!(matches!(
        preview_import(&empty, &oversized, NOW),
        Err(FormatError::TooLarge { .. })
    ));
    assert!(matches!(
        preview_import(&empty, "", NOW),
        Err(FormatError::NotJson { .. })
    ));
    assert!(matches!(
        preview_import(&empty, "<html><script>alert(1)</script></html>", NOW),
        Err(FormatError::NotJson { .. })
    ));
    assert_eq!(preview_import(&empty, "{}", NOW), Err(FormatError::Foreign));
    assert!(matches!(
        preview_import(
            &empty,
            r#"{"format":"planboard-notes","version":99,"notes":{}}"#,
            NOW
        ),
        Err(FormatError::UnsupportedVersion { .. })
    ));
    let many: Vec<String> = (0..=MAX_IMPORT_NOTES)
        .map(|n| format!(r#""id{n}":{{"text":"x"}}"#))
        .collect();
    assert!(matches!(
        preview_import(&empty, &envelope(&many.join(",")), NOW),
        Err(FormatError::TooManyNotes { .. })
    ));
}

#[test]
fn invalid_notes_are_rejected_with_reasons_and_the_rest_previewed() {
    let long = "字".repeat(MAX_TEXT_CHARS + 1);
    let tomorrow_and_more = NOW + 2 * 86_400_000;
    let raw = envelope(&format!(
        r#""ok":{{"text":"fine","updated_at_ms":1}},
           "too-long":{{"text":"{long}"}},
           "future":{{"text":"x","updated_at_ms":{tomorrow_and_more}}},
           "negative":{{"text":"x","updated_at_ms":-5}},
           "bad-tag":{{"text":"x","tags":["a b"]}},
           "dup-tag":{{"text":"x","tags":["a","a"]}},
           "many-tags":{{"text":"x","tags":[{}]}},
           "bad-date":{{"text":"x","follow_up":"明天"}},
           "bad-shape":{{"text":["x"]}},
           "ctrl\u0001id":{{"text":"x"}}"#,
        (0..25)
            .map(|n| format!("\"t{n}\""))
            .collect::<Vec<_>>()
            .join(",")
    ));
    let preview = preview_import(&NoteBook::new(), &raw, NOW).unwrap();
    assert_eq!(preview.added, ["ok"]);
    let reasons: Vec<(&str, String)> = preview
        .rejected
        .iter()
        .map(|r| (r.item_id.as_str(), r.reason.to_string()))
        .collect();
    assert_eq!(reasons.len(), 9, "{reasons:?}");
    let reason_of = |id: &str| {
        reasons
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, r)| r.as_str())
            .unwrap()
    };
    assert!(reason_of("too-long").starts_with("笔记过长"));
    assert_eq!(reason_of("future"), "修改时间在未来");
    assert_eq!(reason_of("negative"), "修改时间早于 1970 年");
    assert!(reason_of("bad-tag").starts_with("标签“a b”不合格式"));
    assert_eq!(reason_of("dup-tag"), "标签重复");
    assert!(reason_of("many-tags").starts_with("标签过多"));
    assert!(reason_of("bad-date").contains("明天"));
    assert!(reason_of("bad-shape").starts_with("笔记结构不符"));
    assert!(reason_of("ctrl\u{1}id").starts_with("条目编号不合格式"));

    // The same reasons in English, with the same facts and no Chinese of their own.
    let english = |id: &str| {
        preview
            .rejected
            .iter()
            .find(|r| r.item_id == id)
            .map(|r| r.reason.message(Lang::En))
            .unwrap()
    };
    assert_eq!(english("future"), "the edit time is in the future");
    assert_eq!(english("dup-tag"), "a tag appears twice");
    assert!(english("bad-tag").starts_with("the tag \"a b\" is malformed"));
    assert!(
        english("bad-date").contains("\"明天\""),
        "the value is quoted"
    );
    let quoted = |id: &str| {
        preview
            .rejected
            .iter()
            .find(|r| r.item_id == id)
            .and_then(|r| r.reason.quoted_value().map(str::to_owned))
    };
    assert_eq!(quoted("bad-date").as_deref(), Some("明天"));
    assert_eq!(quoted("bad-tag").as_deref(), Some("a b"));
    assert_eq!(quoted("future"), None);
    for rejected in &preview.rejected {
        let message = rejected.reason.message(Lang::En);
        let own_words = match rejected.reason.quoted_value() {
            Some(value) => message.replace(value, ""),
            None => message.clone(),
        };
        assert!(
            !own_words
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "Chinese in the English reason: {message}"
        );
    }
}

#[test]
fn a_slightly_fast_clock_elsewhere_is_accepted() {
    let raw = envelope(&format!(
        r#""a":{{"text":"x","updated_at_ms":{}}}"#,
        NOW + 3_600_000
    ));
    assert_eq!(
        preview_import(&NoteBook::new(), &raw, NOW).unwrap().added,
        ["a"]
    );
}

#[test]
fn html_and_script_in_notes_are_kept_as_plain_text() {
    let hostile = r#"<img src=x onerror=alert(1)><script>alert("x")</script>"#;
    let file = book([note(
        "a",
        hostile,
        NOW - CONCURRENT_EDIT_WINDOW_MS,
        "laptop",
    )]);
    let preview = preview_import(&NoteBook::new(), &to_export_json(&file, NOW), NOW).unwrap();
    assert_eq!(preview.merged.get("a").unwrap().text, hostile);
}
