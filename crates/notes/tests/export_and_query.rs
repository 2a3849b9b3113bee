//! CSV export and the 我的笔记 queries.

mod common;

use common::{book, full_note, note};
use planboard_notes::{
    due_on_or_before, list_notes, to_csv, ItemLabel, Mark, Note, NoteFilter, NotesQuery,
    ORPHAN_REMARK,
};

fn lookup(id: &str) -> Option<ItemLabel> {
    (id != "gone").then(|| ItemLabel {
        title: format!("标题 {id}"),
        document: "湖州市2024年重点工作".to_owned(),
    })
}

/// The rows as a spreadsheet would read them (the `csv` crate).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|record| {
            record
                .expect("valid CSV")
                .iter()
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

#[test]
fn csv_has_bom_chinese_header_and_survives_commas_quotes_and_newlines() {
    let csv = to_csv(
        &book([full_note("t1"), note("gone", "孤立", 0, "x")]),
        lookup,
        480,
    );
    assert!(csv.starts_with(
        "\u{feff}条目编号,条目标题,所属文件,笔记,标签,关注,跟进日期,标记,最后修改,备注\r\n"
    ));
    let rows = parse_csv(csv.trim_start_matches('\u{feff}'));
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1][0], "gone");
    assert_eq!(rows[1][1], "");
    assert_eq!(rows[1][9], ORPHAN_REMARK);
    assert_eq!(rows[1][8], "1970-01-01 08:00");
    let full = &rows[2];
    assert_eq!(full[0], "t1");
    assert_eq!(full[1], "标题 t1");
    assert_eq!(full[2], "湖州市2024年重点工作");
    assert_eq!(full[3], "第一行，含逗号\n第二行 \"引号\" <b>粗</b>");
    assert_eq!(full[4], "交通、高铁");
    assert_eq!(full[5], "是");
    assert_eq!(full[6], "2024-07-01");
    assert_eq!(full[7], "存疑");
    assert_eq!(full[9], "");
    assert!(rows.iter().all(|row| row.len() == 10));
}

#[test]
fn csv_defuses_spreadsheet_formulas_and_skips_blank_notes() {
    let formula = note("a", "=HYPERLINK(\"http://x\",\"y\")", 0, "x");
    let minus = note("b", "-5%", 0, "x");
    let blank = Note::empty("c");
    let csv = to_csv(&book([formula, minus, blank]), lookup, 0);
    let rows = parse_csv(csv.trim_start_matches('\u{feff}'));
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1][3], "'=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(rows[2][3], "'-5%");
}

fn query_book() -> planboard_notes::NoteBook {
    let mut due_late = note("due-late", "后到期", 1, "x");
    due_late.follow_up = Some("2024-06-30".into());
    let mut due_early = note("due-early", "先到期", 2, "x");
    due_early.follow_up = Some("2024-01-15".into());
    due_early.mark = Some(Mark::Doubtful);
    let mut due_today = note("due-today", "今天", 3, "x");
    due_today.follow_up = Some("2024-07-01".into());
    let mut upcoming = note("upcoming", "以后", 4, "x");
    upcoming.follow_up = Some("2024-08-01".into());
    upcoming.watched = true;
    let mut recent = note("recent", "ＡＢＣ 高铁", 9, "x");
    recent.tags = vec!["交通".into()];
    let old = note("old", "旧的", 5, "x");
    let mut orphan = note("gone", "孤立的高铁笔记", 7, "x");
    orphan.follow_up = Some("2024-01-01".into());
    book([
        due_late,
        due_early,
        due_today,
        upcoming,
        recent,
        old,
        orphan,
        Note::empty("blank"),
    ])
}

fn ids(notes: &[&Note]) -> Vec<String> {
    notes.iter().map(|n| n.item_id.clone()).collect()
}

#[test]
fn listing_puts_due_follow_ups_first_then_upcoming_then_recent_and_orphans_apart() {
    let book = query_book();
    let title_of = |id: &str| lookup(id).map(|label| label.title);
    let listing = list_notes(&book, &NotesQuery::default(), "2024-07-01", title_of);
    assert_eq!(ids(&listing.due), ["due-early", "due-late", "due-today"]);
    assert_eq!(ids(&listing.others), ["upcoming", "recent", "old"]);
    assert_eq!(ids(&listing.orphans), ["gone"]);
    assert_eq!(listing.len(), 7, "the blank note is not listed");
}

#[test]
fn search_folds_width_and_case_and_needs_every_term() {
    let book = query_book();
    let title_of = |id: &str| lookup(id).map(|label| label.title);
    let query = |text: &str| NotesQuery {
        text: text.into(),
        ..NotesQuery::default()
    };
    let found = list_notes(&book, &query("abc"), "2024-07-01", title_of);
    assert_eq!(ids(&found.others), ["recent"]);
    let found = list_notes(&book, &query("高铁"), "2024-07-01", title_of);
    assert_eq!(
        (ids(&found.others), ids(&found.orphans)),
        (vec!["recent".into()], vec!["gone".into()])
    );
    let found = list_notes(&book, &query("高铁 孤立"), "2024-07-01", title_of);
    assert_eq!(found.len(), 1);
    // The item's title and a tag are searched too.
    assert_eq!(
        list_notes(&book, &query("标题 upcoming"), "2024-07-01", title_of).len(),
        1
    );
    assert_eq!(
        list_notes(&book, &query("交通"), "2024-07-01", title_of).len(),
        1
    );
    assert!(list_notes(&book, &query("没有"), "2024-07-01", title_of).is_empty());
}

#[test]
fn filters_by_tag_mark_and_star() {
    let book = query_book();
    let title_of = |id: &str| lookup(id).map(|label| label.title);
    let by_tag = NotesQuery {
        tag: Some("交通".into()),
        ..NotesQuery::default()
    };
    assert_eq!(
        ids(&list_notes(&book, &by_tag, "2024-07-01", title_of).others),
        ["recent"]
    );
    let by_mark = NotesQuery {
        mark: Some(Mark::Doubtful),
        ..NotesQuery::default()
    };
    assert_eq!(
        ids(&list_notes(&book, &by_mark, "2024-07-01", title_of).due),
        ["due-early"]
    );
    let watched = NotesQuery {
        watched_only: true,
        ..NotesQuery::default()
    };
    assert_eq!(
        ids(&list_notes(&book, &watched, "2024-07-01", title_of).others),
        ["upcoming"]
    );
}

#[test]
fn due_on_or_before_includes_orphans_in_date_order() {
    let book = query_book();
    assert_eq!(
        ids(&due_on_or_before(&book, "2024-07-01")),
        ["gone", "due-early", "due-late", "due-today"]
    );
    assert_eq!(ids(&due_on_or_before(&book, "2024-01-01")), ["gone"]);
    assert!(due_on_or_before(&book, "2023-12-31").is_empty());
}

#[test]
fn task_list_note_filter_ands_its_parts_and_ors_tags() {
    let book = query_book();
    let keeps = |filter: &NoteFilter| -> Vec<&str> {
        ["recent", "upcoming", "old", "blank", "absent"]
            .into_iter()
            .filter(|id| filter.keeps(&book, id))
            .collect()
    };
    let inactive = NoteFilter::default();
    assert!(!inactive.is_active());
    assert_eq!(keeps(&inactive).len(), 5);
    let with_note = NoteFilter {
        has_note: true,
        ..NoteFilter::default()
    };
    assert!(with_note.is_active());
    assert_eq!(keeps(&with_note), ["recent", "upcoming", "old"]);
    let watched = NoteFilter {
        watched: true,
        ..NoteFilter::default()
    };
    assert_eq!(keeps(&watched), ["upcoming"]);
    let tags = NoteFilter {
        tags: vec!["交通".into(), "无此标签".into()],
        ..NoteFilter::default()
    };
    assert_eq!(keeps(&tags), ["recent"]);
    let both = NoteFilter {
        watched: true,
        tags: vec!["交通".into()],
        ..NoteFilter::default()
    };
    assert!(keeps(&both).is_empty());
}
