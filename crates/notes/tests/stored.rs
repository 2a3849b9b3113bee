//! Reading the stored value: round trip, migration from version 1, and telling empty,
//! ours and unreadable apart.

mod common;

use common::{book, full_note, note};
use planboard_model::Lang;
use planboard_notes::{
    parse_stored, to_export_json, to_stored_json, FormatError, Mark, StoredState, CURRENT_VERSION,
    MIGRATED_DEVICE,
};

fn loaded(raw: &str) -> planboard_notes::LoadedBook {
    match parse_stored(Some(raw)) {
        StoredState::Loaded(loaded) => loaded,
        other => panic!("expected Loaded, got {other:?}"),
    }
}

fn unreadable(raw: &str) -> FormatError {
    match parse_stored(Some(raw)) {
        StoredState::Unreadable(error) => error,
        other => panic!("expected Unreadable, got {other:?}"),
    }
}

#[test]
fn absent_or_blank_value_is_empty() {
    assert_eq!(parse_stored(None), StoredState::Empty);
    assert_eq!(parse_stored(Some("")), StoredState::Empty);
    assert_eq!(parse_stored(Some("  \n")), StoredState::Empty);
}

#[test]
fn stored_text_round_trips_every_field_and_blank_notes() {
    let mut blank = note("t2", "", 5, "tab-b");
    blank.text.clear();
    let original = book([full_note("t1"), blank]);
    let raw = to_stored_json(&original);
    assert!(raw.contains(r#""format":"planboard-notes""#));
    assert!(raw.contains(r#""version":2"#));
    let read = loaded(&raw);
    assert_eq!(read.book, original);
    assert_eq!(read.migrated_from, None);
    assert!(read.damaged.is_empty());
    assert!(!read.needs_backup() && !read.needs_rewrite());
}

#[test]
fn version_1_is_migrated_with_its_save_time() {
    let raw = r#"{"format":"planboard-notes","version":1,"saved_at_ms":1700000000000,
                 "notes":{"huzhou-2024-progress/t13":"进度存疑","p1":"  "}}"#;
    let read = loaded(raw);
    assert_eq!(read.migrated_from, Some(1));
    assert!(
        read.needs_rewrite(),
        "the old version is rewritten in the current one"
    );
    assert!(
        !read.needs_backup(),
        "a migration loses nothing, so needs no backup"
    );
    assert_eq!(
        read.book.len(),
        1,
        "blank version-1 text is not carried over"
    );
    let migrated = read.book.get("huzhou-2024-progress/t13").unwrap();
    assert_eq!(migrated.text, "进度存疑");
    assert_eq!(migrated.updated_at_ms, 1_700_000_000_000);
    assert_eq!(migrated.device, MIGRATED_DEVICE);
    assert!(migrated.tags.is_empty() && !migrated.watched && migrated.mark.is_none());
    // Rewritten, it reads back as the current version.
    let rewritten = loaded(&to_stored_json(&read.book));
    assert_eq!(rewritten.migrated_from, None);
    assert_eq!(rewritten.book, read.book);
}

#[test]
fn version_1_without_save_time_counts_as_oldest() {
    let read = loaded(r#"{"format":"planboard-notes","version":1,"notes":{"a":"x"}}"#);
    assert_eq!(read.book.get("a").unwrap().updated_at_ms, 0);
}

#[test]
fn damaged_notes_are_listed_and_the_rest_kept() {
    let raw = r#"{"format":"planboard-notes","version":2,"notes":{
        "good":{"text":"ok","updated_at_ms":1},
        "bad-type":{"text":42},
        "bad-date":{"text":"x","follow_up":"2024-02-30"},
        "bad-mark":{"text":"x","mark":"maybe"},
        "":{"text":"no id"}}}"#;
    let read = loaded(raw);
    assert_eq!(read.book.len(), 1);
    assert!(read.book.get("good").is_some());
    let damaged: Vec<&str> = read.damaged.iter().map(|r| r.item_id.as_str()).collect();
    assert_eq!(damaged, ["", "bad-date", "bad-mark", "bad-type"]);
    assert!(read.needs_backup() && read.needs_rewrite());
    assert!(read
        .damaged
        .iter()
        .all(|r| !r.reason.to_string().is_empty()));
}

#[test]
fn stored_tags_are_renormalised_not_refused() {
    let raw = r#"{"format":"planboard-notes","version":2,"notes":{
        "a":{"text":"x","tags":["交通 高铁"," 交通 ",""]}}}"#;
    assert_eq!(loaded(raw).book.get("a").unwrap().tags, ["交通", "高铁"]);
}

#[test]
fn unknown_fields_are_ignored_for_forward_compatibility() {
    let raw = r#"{"format":"planboard-notes","version":2,"future":true,
                 "notes":{"a":{"text":"x","colour":"red"}}}"#;
    assert_eq!(loaded(raw).book.get("a").unwrap().text, "x");
}

#[test]
fn corrupt_and_foreign_values_are_unreadable() {
    assert!(matches!(
        unreadable("{\"format\":\"planboard-notes\",\"ver"),
        FormatError::NotJson { .. }
    ));
    assert!(matches!(
        unreadable("not json"),
        FormatError::NotJson { .. }
    ));
    assert_eq!(unreadable("[1,2]"), FormatError::Foreign);
    assert_eq!(unreadable("\"text\""), FormatError::Foreign);
    assert_eq!(
        unreadable(r#"{"t1":"a v1 shape without envelope"}"#),
        FormatError::Foreign
    );
    assert_eq!(
        unreadable(r#"{"format":"other-app","version":2,"notes":{}}"#),
        FormatError::Foreign
    );
    assert!(matches!(
        unreadable(r#"{"format":"planboard-notes","version":3,"notes":{}}"#),
        FormatError::UnsupportedVersion { version } if version == "3"
    ));
    assert!(matches!(
        unreadable(r#"{"format":"planboard-notes","version":0,"notes":{}}"#),
        FormatError::UnsupportedVersion { .. }
    ));
    assert!(matches!(
        unreadable(r#"{"format":"planboard-notes","version":"2","notes":{}}"#),
        FormatError::BadShape { .. }
    ));
    assert!(matches!(
        unreadable(r#"{"format":"planboard-notes","version":2,"notes":[]}"#),
        FormatError::BadShape { .. }
    ));
    assert!(matches!(
        unreadable(r#"{"format":"planboard-notes","version":2}"#),
        FormatError::BadShape { .. }
    ));
}

#[test]
fn messages_are_in_chinese_and_name_the_version() {
    let error = unreadable(r#"{"format":"planboard-notes","version":7,"notes":{}}"#);
    assert_eq!(
        error.to_string(),
        "笔记数据版本为 7，本程序只能读取版本 1–2"
    );
    assert_eq!(
        FormatError::Foreign.to_string(),
        "不是 planboard 的笔记数据"
    );
    assert!(unreadable("{oops")
        .to_string()
        .starts_with("不是有效的 JSON（第 1 行"));
}

#[test]
fn messages_have_an_english_rendering_with_the_same_facts() {
    let error = unreadable(r#"{"format":"planboard-notes","version":7,"notes":{}}"#);
    assert_eq!(
        error.message(Lang::En),
        "the notes are in version 7; this app reads versions 1–2"
    );
    let not_json = unreadable("{oops");
    let english = not_json.message(Lang::En);
    assert!(
        english.starts_with("not valid JSON (line 1, column 2: "),
        "{english}"
    );
    let shape = unreadable(r#"{"format":"planboard-notes","version":2}"#);
    assert_eq!(
        shape.message(Lang::En),
        "the notes data have the wrong structure: notes is missing"
    );
    assert_eq!(shape.to_string(), shape.message(Lang::Zh));
    assert_eq!(shape.to_string(), "笔记数据结构不符：缺少 notes");
}

#[test]
fn deeply_nested_json_is_refused_without_overflowing() {
    let raw = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(unreadable(&raw), FormatError::NotJson { .. }));
}

#[test]
fn export_is_the_same_envelope_without_blank_notes() {
    let mut blank = full_note("t2");
    blank.text.clear();
    blank.tags.clear();
    blank.watched = false;
    blank.follow_up = None;
    blank.mark = None;
    let exported = to_export_json(&book([full_note("t1"), blank]), 42);
    assert!(exported.contains("\"exported_at_ms\": 42"));
    let read = loaded(&exported);
    assert_eq!(read.book, book([full_note("t1")]));
    assert_eq!(read.book.get("t1").unwrap().mark, Some(Mark::Doubtful));
    assert_eq!(CURRENT_VERSION, 2);
}
