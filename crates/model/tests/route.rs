//! The URL hash: specific examples, garbage, and the round trip as a property.

use planboard_model::route::{list_rows, LIST_MAX_ROWS, LIST_PAGE_SIZE};
use planboard_model::{EntryKind, Filter, Role, Route, SortOrder, Status, TaskKind, View};
use proptest::prelude::*;

#[test]
fn the_issue_example_parses() {
    let route = Route::parse("#/tasks?leader=项乐民&district=德清县&q=高铁");
    let expected = Filter {
        leader: vec!["项乐民".into()],
        district: vec!["德清县".into()],
        q: "高铁".into(),
        ..Filter::default()
    };
    assert_eq!(
        route,
        Route {
            view: View::Tasks,
            filter: expected.clone(),
            ..Route::default()
        }
    );
    // The encoded form the app writes means the same.
    let encoded = "#/tasks?leader=%E9%A1%B9%E4%B9%90%E6%B0%91&district=%E5%BE%B7%E6%B8%85%E5%8E%BF&q=%E9%AB%98%E9%93%81";
    assert_eq!(Route::parse(encoded).filter, expected);
    assert_eq!(route.to_hash(), encoded);
}

#[test]
fn every_parameter() {
    let route = Route::parse(
        "#/tasks?doc=huzhou-2024-progress&year=2024&year=2023&jurisdiction=湖州市&leader=王纲\
         &district=吴兴区&unit=市发展改革委&role=牵头&status=滞后&status=未报进展\
         &kind=民生实事&kind=年度重点工作&q=高铁%20轻轨&sort=status",
    );
    let filter = Filter {
        doc: vec!["huzhou-2024-progress".into()],
        year: vec![2024, 2023],
        jurisdiction: vec!["湖州市".into()],
        leader: vec!["王纲".into()],
        district: vec!["吴兴区".into()],
        unit: vec!["市发展改革委".into()],
        role: Role::Lead,
        status: vec![Status::Lagging, Status::NoProgress],
        kind: vec![EntryKind::Project, EntryKind::Task(TaskKind::AnnualTask)],
        area: Vec::new(),
        q: "高铁 轻轨".into(),
        sort: SortOrder::Status,
        note: false,
        watched: false,
        tag: Vec::new(),
        each: false,
    };
    assert_eq!(route.filter, filter);
    assert_eq!(Route::parse(&route.to_hash()), route);
    assert!(route
        .to_hash()
        .starts_with("#/tasks?doc=huzhou-2024-progress&year=2024&year=2023&jurisdiction="));
    assert!(route
        .to_hash()
        .ends_with("&q=%E9%AB%98%E9%93%81%20%E8%BD%BB%E8%BD%A8&sort=status"));
}

#[test]
fn views_and_their_paths() {
    let cases = [
        ("#/", View::Overview),
        ("#/tasks", View::Tasks),
        (
            "#/item/huzhou-2024-progress/t13",
            View::Item("huzhou-2024-progress/t13".into()),
        ),
        ("#/plan", View::Plan),
        ("#/projects", View::Projects),
        ("#/leaders", View::Leaders),
        (
            "#/leaders/%E9%A1%B9%E4%B9%90%E6%B0%91",
            View::Leader("项乐民".into()),
        ),
        ("#/departments", View::Departments),
        (
            "#/departments/%E5%B8%82%E7%A7%91%E6%8A%80%E5%B1%80",
            View::Department("市科技局".into()),
        ),
    ];
    for (hash, view) in cases {
        assert_eq!(Route::parse(hash).view, view, "{hash}");
        assert_eq!(Route::new(view).to_hash(), hash);
    }
    assert_eq!(
        Route::parse("#/leaders/项乐民").view,
        View::Leader("项乐民".into())
    );
    assert_eq!(Route::parse("").view, View::Overview);
    assert_eq!(Route::parse("#").view, View::Overview);
    assert_eq!(Route::parse("tasks").view, View::Tasks);
    assert_eq!(Route::parse("#/tasks/").view, View::Tasks);
}

#[test]
fn plus_is_a_literal_plus() {
    let route = Route::parse("#/tasks?q=8+4");
    assert_eq!(route.filter.q, "8+4");
    assert_eq!(route.to_hash(), "#/tasks?q=8%2B4");
}

#[test]
fn defaults_and_empty_values_are_left_out() {
    assert_eq!(Route::new(View::Tasks).to_hash(), "#/tasks");
    let route =
        Route::parse("#/tasks?leader=&q=&role=any&sort=document&year=abc&status=late&kind=?");
    assert_eq!(route, Route::new(View::Tasks));
}

#[test]
fn garbage_never_panics_and_falls_back() {
    let garbage = [
        "#/nowhere?leader=王纲",
        "#//",
        "#/?&&=&==",
        "#/tasks?%",
        "#/tasks?leader=%E9%A1",
        "#/tasks?leader=%zz%",
        "#/item",
        "#/%FF%FE",
        "#/tasks?year=99999999",
        "##/tasks",
        "#/tasks?q=%00",
        "\u{0}\u{FFFF}",
    ];
    for hash in garbage {
        let _ = Route::parse(hash).to_hash();
    }
    assert_eq!(Route::parse("#/nowhere?leader=王纲").view, View::Overview);
    assert_eq!(
        Route::parse("#/nowhere?leader=王纲").filter.leader,
        vec!["王纲"]
    );
    // Malformed escapes are kept as written.
    assert_eq!(
        Route::parse("#/tasks?leader=%E9%A1").filter.leader,
        vec!["%E9%A1"]
    );
    assert_eq!(
        Route::parse("#/tasks?leader=%zz%").filter.leader,
        vec!["%zz%"]
    );
    assert!(Route::parse("#/tasks?year=99999999").filter.year.is_empty());
}

#[test]
fn note_filters_and_the_notes_view() {
    let route = Route::parse("#/tasks?note=1&watched=1&tag=交通&tag=督查&tag=交通");
    assert!(route.filter.note && route.filter.watched);
    assert_eq!(route.filter.tag, vec!["交通", "督查"]);
    assert_eq!(Route::parse(&route.to_hash()), route);
    assert!(!Route::parse("#/tasks?note=0").filter.note);
    assert_eq!(Route::parse("#/notes").view, View::Notes);
    assert_eq!(Route::new(View::Notes).to_hash(), "#/notes");
    assert_eq!(Route::parse("#/threads").view, View::Threads);
    assert_eq!(
        Route::parse("#/threads/沪苏湖高铁").view,
        View::Thread("沪苏湖高铁".into())
    );
    assert_eq!(Route::parse("#/pace").view, View::Pace);
    let compare =
        Route::parse("#/compare?doc=huzhou-2021-breakdown&doc=huzhou-2024-progress&leader=王纲");
    assert_eq!(compare.view, View::Compare);
    assert_eq!(compare.filter.doc.len(), 2);
    assert_eq!(Route::parse(&compare.to_hash()), compare);
    assert_eq!(
        Route::parse("#/lag?doc=huzhou-2024-progress").view,
        View::Lag
    );
    let bulletin = Route::parse("#/bulletin?doc=huzhou-2024-progress&note=1");
    assert_eq!(bulletin.view, View::Bulletin);
    assert!(bulletin.filter.note);
    assert_eq!(
        bulletin.to_hash(),
        "#/bulletin?doc=huzhou-2024-progress&note=1"
    );
    assert_eq!(Route::parse("#/import").view, View::Import);
    assert_eq!(Route::new(View::Import).to_hash(), "#/import");
}

#[test]
fn rows_are_written_only_above_one_page() {
    let route = Route::parse("#/tasks?status=滞后&rows=300");
    assert_eq!(route.rows, Some(300));
    assert_eq!(route.shown_rows(), 300);
    assert_eq!(route.filter.status, vec![Status::Lagging]);
    assert_eq!(
        route.to_hash(),
        "#/tasks?status=%E6%BB%9E%E5%90%8E&rows=300"
    );
    assert_eq!(Route::parse("#/tasks?rows=100"), Route::new(View::Tasks));
    assert_eq!(Route::new(View::Tasks).shown_rows(), LIST_PAGE_SIZE);
    // Set by hand to one page or less, it is still left out.
    let one_page = Route {
        view: View::Tasks,
        rows: Some(LIST_PAGE_SIZE),
        ..Route::default()
    };
    assert_eq!(one_page.to_hash(), "#/tasks");
}

#[test]
fn rows_are_read_tolerantly() {
    let rows = |hash: &str| Route::parse(hash).rows;
    // Not a number: ignored.
    for hash in [
        "#/tasks?rows=abc",
        "#/tasks?rows=",
        "#/tasks?rows=-300",
        "#/tasks?rows=3e2",
        "#/tasks?rows=300.5",
        "#/tasks?rows",
        "#/tasks?rows=%FF",
    ] {
        assert_eq!(rows(hash), None, "{hash}");
    }
    // Rounded up to whole pages.
    assert_eq!(rows("#/tasks?rows=101"), Some(200));
    assert_eq!(rows("#/tasks?rows=250"), Some(300));
    assert_eq!(rows("#/tasks?rows=0"), None);
    assert_eq!(rows("#/tasks?rows=%20300"), Some(300));
    // Clamped, even past what a number holds.
    assert_eq!(rows("#/tasks?rows=999999"), Some(LIST_MAX_ROWS));
    assert_eq!(
        rows("#/tasks?rows=99999999999999999999999999"),
        Some(LIST_MAX_ROWS)
    );
    // Repeated: the last wins; a later non-number leaves the earlier one.
    assert_eq!(rows("#/tasks?rows=300&rows=500"), Some(500));
    assert_eq!(rows("#/tasks?rows=300&rows=x"), Some(300));
    // Not a filter: the filter is untouched.
    assert_eq!(Route::parse("#/tasks?rows=300").filter, Filter::default());
}

#[test]
fn list_rows_is_canonical() {
    assert_eq!(list_rows(1), None);
    assert_eq!(list_rows(LIST_PAGE_SIZE + 1), Some(2 * LIST_PAGE_SIZE));
    assert_eq!(list_rows(LIST_MAX_ROWS + 1), Some(LIST_MAX_ROWS));
    for requested in [
        0,
        1,
        99,
        100,
        101,
        250,
        300,
        4_999,
        5_000,
        5_001,
        usize::MAX,
    ] {
        if let Some(rows) = list_rows(requested) {
            assert_eq!(rows % LIST_PAGE_SIZE, 0);
            assert!(rows > LIST_PAGE_SIZE && rows <= LIST_MAX_ROWS);
            assert_eq!(list_rows(rows), Some(rows), "{requested}");
        }
    }
}

#[test]
fn a_plan_link_names_the_record_to_show() {
    let route = Route::parse("#/plan?at=huzhou-2021-plan/s12");
    assert_eq!(route.view, View::Plan);
    assert_eq!(route.at.as_deref(), Some("huzhou-2021-plan/s12"));
    assert_eq!(route.to_hash(), "#/plan?at=huzhou-2021-plan%2Fs12");
    assert_eq!(Route::parse(&route.to_hash()), route);
    assert_eq!(Route::parse("#/plan?at=").at, None);
    let empty = Route {
        view: View::Plan,
        at: Some(String::new()),
        ..Route::default()
    };
    assert_eq!(empty.to_hash(), "#/plan");
    assert_eq!(
        Route::parse("#/tasks?q=高铁&rows=200&at=x").to_hash(),
        "#/tasks?q=%E9%AB%98%E9%93%81&rows=200&at=x"
    );
}

fn text() -> impl Strategy<Value = String> {
    // Chinese, ASCII punctuation that URLs care about, full-width forms, spaces.
    proptest::string::string_regex(
        "[a-zA-Z0-9 湖州市项乐民高铁%&=?#/+：（）ＧＤＰ\\-._~!*'\u{3000}]{1,12}",
    )
    .expect("valid regex")
}

fn statuses() -> impl Strategy<Value = Vec<Status>> {
    prop::collection::vec(prop::sample::select(Status::ALL.to_vec()), 0..3)
}

fn kinds() -> impl Strategy<Value = Vec<EntryKind>> {
    prop::collection::vec(prop::sample::select(EntryKind::ALL.to_vec()), 0..3)
}

fn filter() -> impl Strategy<Value = Filter> {
    let names = || prop::collection::vec(text(), 0..3);
    (
        (
            names(),
            prop::collection::vec(any::<u16>(), 0..3),
            names(),
            names(),
        ),
        (
            names(),
            names(),
            any::<bool>(),
            statuses(),
            kinds(),
            names(),
        ),
        (prop::option::of(text()), any::<bool>(), any::<bool>()),
        (
            any::<bool>(),
            any::<bool>(),
            prop::collection::btree_set(text(), 0..3),
        ),
    )
        .prop_map(
            |(
                (doc, year, jurisdiction, leader),
                (district, unit, lead, status, kind, area),
                (q, by_status, each),
                (note, watched, tag),
            )| Filter {
                doc,
                year,
                jurisdiction,
                leader,
                district,
                unit,
                role: if lead { Role::Lead } else { Role::Any },
                status,
                kind,
                area,
                q: q.unwrap_or_default(),
                sort: if by_status {
                    SortOrder::Status
                } else {
                    SortOrder::Document
                },
                note,
                watched,
                tag: tag.into_iter().collect(),
                each,
            },
        )
}

fn view() -> impl Strategy<Value = View> {
    prop_oneof![
        Just(View::Overview),
        Just(View::Tasks),
        text().prop_map(View::Item),
        Just(View::Plan),
        Just(View::Projects),
        Just(View::Leaders),
        text().prop_map(View::Leader),
        Just(View::Departments),
        text().prop_map(View::Department),
        Just(View::Notes),
        Just(View::Threads),
        text().prop_map(View::Thread),
        Just(View::Pace),
        Just(View::Lag),
        Just(View::Compare),
        Just(View::Bulletin),
    ]
}

proptest! {
    #[test]
    fn parse_inverts_to_hash(
        view in view(),
        filter in filter(),
        pages in prop::option::of(2..=LIST_MAX_ROWS / LIST_PAGE_SIZE),
        at in prop::option::of(text()),
    ) {
        let rows = pages.map(|pages| pages * LIST_PAGE_SIZE);
        let route = Route { view, filter, rows, at };
        let hash = route.to_hash();
        prop_assert_eq!(Route::parse(&hash), route);
        // Only unreserved ASCII and escapes: the hash needs no further encoding.
        prop_assert!(hash.bytes().all(|b| b.is_ascii_alphanumeric() || b"#/?&=%-._~".contains(&b)));
    }

    #[test]
    fn any_rows_value_reads_as_a_canonical_count(value in "[0-9a-z%+ -]{0,24}") {
        let route = Route::parse(&format!("#/tasks?rows={value}"));
        if let Some(rows) = route.rows {
            prop_assert!(rows > LIST_PAGE_SIZE && rows <= LIST_MAX_ROWS);
            prop_assert_eq!(rows % LIST_PAGE_SIZE, 0);
        }
        prop_assert_eq!(Route::parse(&route.to_hash()), route);
    }

    #[test]
    fn parse_never_panics(hash in "\\PC{0,40}") {
        let _ = Route::parse(&hash).to_hash();
    }
}
