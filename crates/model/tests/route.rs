//! The URL hash: specific examples, garbage, and the round trip as a property.

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
            filter: expected.clone()
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
        q: "高铁 轻轨".into(),
        sort: SortOrder::Status,
        note: false,
        watched: false,
        tag: Vec::new(),
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
        (names(), names(), any::<bool>(), statuses(), kinds()),
        (prop::option::of(text()), any::<bool>()),
        (
            any::<bool>(),
            any::<bool>(),
            prop::collection::btree_set(text(), 0..3),
        ),
    )
        .prop_map(
            |(
                (doc, year, jurisdiction, leader),
                (district, unit, lead, status, kind),
                (q, by_status),
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
                q: q.unwrap_or_default(),
                sort: if by_status {
                    SortOrder::Status
                } else {
                    SortOrder::Document
                },
                note,
                watched,
                tag: tag.into_iter().collect(),
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
    fn parse_inverts_to_hash(view in view(), filter in filter()) {
        let route = Route { view, filter };
        let hash = route.to_hash();
        prop_assert_eq!(Route::parse(&hash), route);
        // Only unreserved ASCII and escapes: the hash needs no further encoding.
        prop_assert!(hash.bytes().all(|b| b.is_ascii_alphanumeric() || b"#/?&=%-._~".contains(&b)));
    }

    #[test]
    fn parse_never_panics(hash in "\\PC{0,40}") {
        let _ = Route::parse(&hash).to_hash();
    }
}
