//! Filtering and disjunctive facet counts on the fixture (17 entries: 6 tasks and 2
//! projects of the 2021 breakdown, 5 tasks of the Huzhou 2024 progress report, 4 of
//! the Pinghu 2023 one). Expectations are counted by hand from tests/fixtures.

mod common;

use common::{at, ids, index};
use planboard_model::{
    EntryKind, Facet, FacetValue, Filter, Index, Role, SortOrder, Status, TaskKind,
};

fn matches(index: &Index, filter: &Filter) -> Vec<usize> {
    index.query(filter).matches
}

fn positions(index: &Index, shorts: &[&str]) -> Vec<usize> {
    shorts.iter().map(|short| at(index, short)).collect()
}

fn listed(values: &[FacetValue]) -> Vec<(&str, usize, bool)> {
    values
        .iter()
        .map(|v| (v.value.as_str(), v.count, v.selected))
        .collect()
}

#[test]
fn query_within_restricts_matches_and_counts() {
    let index = index();
    let kept = positions(&index, &["b:p01", "b:p02"]);
    let wanted: Vec<String> = kept
        .iter()
        .map(|&at| index.entries()[at].id.clone())
        .collect();
    let within = index.query_within(
        &Filter::default(),
        Some(|entry: &planboard_model::Entry| wanted.contains(&entry.id)),
    );
    assert_eq!(within.matches, kept);
    let counted: Vec<_> = listed(&within.facets.kind)
        .into_iter()
        .filter(|kind| kind.1 > 0)
        .collect();
    assert_eq!(
        counted,
        vec![("民生实事", 2, false)],
        "counts outside the kept entries"
    );
    // No restriction: the same as `query`.
    assert_eq!(
        index.query_within(
            &Filter::default(),
            None::<fn(&planboard_model::Entry) -> bool>
        ),
        index.query(&Filter::default())
    );
}

#[test]
fn entries_are_in_document_order() {
    let index = index();
    assert_eq!(index.entries().len(), 17);
    let expected = [
        "huzhou-2021-breakdown/a1-01",
        "huzhou-2021-breakdown/a1-02",
        "huzhou-2021-breakdown/a2-01",
        "huzhou-2021-breakdown/a2-02",
        "huzhou-2021-breakdown/a2-03",
        "huzhou-2021-breakdown/a2-04",
        "huzhou-2021-breakdown/p01",
        "huzhou-2021-breakdown/p02",
        "huzhou-2024-progress/t01",
    ];
    let all: Vec<usize> = (0..index.entries().len()).collect();
    assert_eq!(ids(&index, &all)[..expected.len()], expected);
    for (position, entry) in index.entries().iter().enumerate() {
        assert_eq!(entry.order, position);
    }
    let project = index.entry("huzhou-2021-breakdown/p01").unwrap();
    assert_eq!(project.kind, EntryKind::Project);
    assert_eq!(project.status, Status::NotTracked);
    assert_eq!(project.leader, None);
}

#[test]
fn no_filter_matches_everything() {
    let index = index();
    let result = index.query(&Filter::default());
    assert_eq!(result.matches, (0..17).collect::<Vec<_>>());
    assert_eq!(
        listed(&result.facets.status),
        vec![
            ("滞后", 3, false),
            ("未报进展", 2, false),
            ("有进展", 4, false),
            ("无进度报告", 8, false)
        ]
    );
    assert_eq!(
        listed(&result.facets.leader),
        vec![
            ("项乐民", 3, false),
            ("王纲", 2, false),
            ("杨六顺", 1, false)
        ]
    );
}

#[test]
fn each_facet_alone() {
    let index = index();
    let cases: Vec<(Filter, Vec<&str>)> = vec![
        (
            Filter {
                doc: vec!["huzhou-2024-progress".into()],
                ..Filter::default()
            },
            vec!["h:t01", "h:t02", "h:t03", "h:t04", "h:t05"],
        ),
        (
            Filter {
                year: vec![2023],
                ..Filter::default()
            },
            vec!["p:t001", "p:t002", "p:t003", "p:t004"],
        ),
        (
            Filter {
                jurisdiction: vec!["平湖市".into()],
                ..Filter::default()
            },
            vec!["p:t001", "p:t002", "p:t003", "p:t004"],
        ),
        (
            Filter {
                leader: vec!["项乐民".into()],
                ..Filter::default()
            },
            vec!["b:a1-02", "b:a2-01", "b:a2-02"],
        ),
        (
            Filter {
                unit: vec!["市发展改革委".into()],
                ..Filter::default()
            },
            vec!["b:a1-01", "b:a1-02", "h:t01", "h:t02"],
        ),
        (
            Filter {
                status: vec![Status::Lagging],
                ..Filter::default()
            },
            vec!["h:t02", "h:t03", "p:t003"],
        ),
        (
            Filter {
                kind: vec![EntryKind::Project],
                ..Filter::default()
            },
            vec!["b:p01", "b:p02"],
        ),
        (
            Filter {
                kind: vec![EntryKind::Task(TaskKind::PeriodTask)],
                ..Filter::default()
            },
            vec!["b:a1-01", "b:a1-02"],
        ),
    ];
    for (filter, expected) in cases {
        assert_eq!(
            matches(&index, &filter),
            positions(&index, &expected),
            "{filter:?}"
        );
    }
}

#[test]
fn district_filter_includes_tasks_for_all_districts() {
    let index = index();
    let filter = Filter {
        district: vec!["德清县".into()],
        ..Filter::default()
    };
    // a1-02, p01, t01 and t03 are for all districts; a2-01 and t05 for 德清县 alone.
    assert_eq!(
        matches(&index, &filter),
        positions(
            &index,
            &["b:a1-02", "b:a2-01", "b:p01", "h:t01", "h:t03", "h:t05"]
        )
    );
}

#[test]
fn role_lead_keeps_only_lead_units() {
    let index = index();
    let mut filter = Filter {
        unit: vec!["市经信局".into()],
        ..Filter::default()
    };
    assert_eq!(
        matches(&index, &filter),
        positions(&index, &["b:a2-02", "b:a2-03", "b:a2-04", "h:t05"])
    );
    filter.role = Role::Lead;
    assert_eq!(matches(&index, &filter), positions(&index, &["b:a2-03"]));
    // Under Lead the unit facet counts lead appearances only.
    let result = index.query(&Filter {
        role: Role::Lead,
        ..Filter::default()
    });
    assert_eq!(result.facets.count(Facet::Unit, "市科技局"), 2);
    assert_eq!(result.facets.count(Facet::Unit, "市财政局"), 0);
    let any = index.query(&Filter::default());
    assert_eq!(any.facets.count(Facet::Unit, "市财政局"), 2);
}

#[test]
fn values_within_a_facet_are_ored_and_facets_anded() {
    let index = index();
    let filter = Filter {
        leader: vec!["王纲".into(), "杨六顺".into()],
        kind: vec![EntryKind::Task(TaskKind::AnnualTask)],
        ..Filter::default()
    };
    assert_eq!(
        matches(&index, &filter),
        positions(&index, &["b:a2-03", "b:a2-04"])
    );

    let filter = Filter {
        status: vec![Status::Lagging, Status::NoProgress],
        jurisdiction: vec!["湖州市".into()],
        unit: vec!["市商务局".into(), "市生态环境局".into()],
        ..Filter::default()
    };
    assert_eq!(
        matches(&index, &filter),
        positions(&index, &["h:t03", "h:t04"])
    );
}

#[test]
fn combined_leader_and_district_with_disjunctive_counts() {
    let index = index();
    let filter = Filter {
        leader: vec!["项乐民".into()],
        district: vec!["德清县".into()],
        ..Filter::default()
    };
    let result = index.query(&filter);
    assert_eq!(result.matches, positions(&index, &["b:a1-02", "b:a2-01"]));

    // Leader counts apply the district only: of the six 德清县 entries two have 项乐民,
    // the others no leader; leaders at 0 are left out.
    assert_eq!(listed(&result.facets.leader), vec![("项乐民", 2, true)]);
    // District counts apply the leader only: a1-02 (all districts), a2-01 (德清县), a2-02 (none).
    assert_eq!(
        listed(&result.facets.district),
        vec![
            ("德清县", 2, true),
            ("南太湖新区", 1, false),
            ("南浔区", 1, false),
            ("吴兴区", 1, false),
            ("安吉县", 1, false),
            ("长兴县", 1, false),
            ("长合区", 1, false),
        ]
    );
    // Other facets apply both: the two matches.
    assert_eq!(
        listed(&result.facets.status),
        vec![
            ("滞后", 0, false),
            ("未报进展", 0, false),
            ("有进展", 0, false),
            ("无进度报告", 2, false)
        ]
    );
    assert_eq!(
        listed(&result.facets.doc),
        vec![
            ("huzhou-2021-breakdown", 2, false),
            ("huzhou-2024-progress", 0, false),
            ("pinghu-2023-progress", 0, false),
        ]
    );
    assert_eq!(
        listed(&result.facets.kind),
        vec![
            ("年度重点工作", 1, false),
            ("五年重点工作", 1, false),
            ("民生实事", 0, false)
        ]
    );
    assert_eq!(
        listed(&result.facets.year),
        vec![("2024", 0, false), ("2023", 0, false), ("2021", 2, false)]
    );
}

#[test]
fn counts_in_a_selected_facet_ignore_its_own_selection() {
    let index = index();
    let filter = Filter {
        status: vec![Status::Lagging],
        jurisdiction: vec!["湖州市".into()],
        ..Filter::default()
    };
    let result = index.query(&filter);
    assert_eq!(result.matches, positions(&index, &["h:t02", "h:t03"]));
    // Status counts over 湖州市's 13 entries.
    assert_eq!(
        listed(&result.facets.status),
        vec![
            ("滞后", 2, true),
            ("未报进展", 1, false),
            ("有进展", 2, false),
            ("无进度报告", 8, false)
        ]
    );
    // Jurisdiction counts over the three lagging entries.
    assert_eq!(
        listed(&result.facets.jurisdiction),
        vec![("湖州市", 2, true), ("平湖市", 1, false)]
    );
    assert_eq!(result.facets.count(Facet::Unit, "市商务局"), 1);
    assert_eq!(result.facets.count(Facet::Unit, "建设局"), 0);
}

#[test]
fn selected_values_at_zero_are_still_listed() {
    let index = index();
    let filter = Filter {
        leader: vec!["王纲".into(), "张三".into()],
        jurisdiction: vec!["平湖市".into()],
        ..Filter::default()
    };
    let result = index.query(&filter);
    assert!(result.matches.is_empty());
    // Pinghu's tasks have no leader: every leader counts 0, only the selected are listed
    // (张三 from an old link too, labelled by its value).
    assert_eq!(
        listed(&result.facets.leader),
        vec![("张三", 0, true), ("王纲", 0, true)]
    );
    assert_eq!(result.facets.leader[0].label, "张三");
    assert_eq!(
        listed(&result.facets.jurisdiction),
        vec![("湖州市", 2, false), ("平湖市", 0, true)]
    );
}

#[test]
fn unknown_value_alone_matches_nothing() {
    let index = index();
    let filter = Filter {
        district: vec!["火星".into()],
        ..Filter::default()
    };
    let result = index.query(&filter);
    assert!(result.matches.is_empty());
    // The district facet's own counts ignore its selection; the unknown value comes
    // last, at 0.
    let districts = listed(&result.facets.district);
    assert_eq!(districts.len(), 10);
    assert_eq!(districts[0], ("吴兴区", 7, false));
    assert_eq!(districts[9], ("火星", 0, true));
    // Every other facet counts as if the district facet matched nothing.
    assert_eq!(result.facets.count(Facet::Status, "滞后"), 0);
}

#[test]
fn facet_labels_read_well() {
    let index = index();
    let result = index.query(&Filter::default());
    let labels: Vec<&str> = result.facets.doc.iter().map(|v| v.label.as_str()).collect();
    assert_eq!(
        labels,
        vec![
            "湖州市2021年责任分解",
            "湖州市2024年上半年进展报告",
            "平湖市2023年上半年进展报告"
        ]
    );
    assert_eq!(result.facets.year[0].label, "2024年");
}

#[test]
fn facet_values_round_trip_through_the_filter() {
    // Whatever a facet lists, selecting it through `toggle` narrows to its count.
    let index = index();
    let everything = index.query(&Filter::default());
    for facet in Facet::ALL {
        for value in everything.facets.get(facet) {
            let mut filter = Filter::default();
            filter.toggle(facet, &value.value);
            assert_eq!(
                index.query(&filter).matches.len(),
                value.count,
                "{facet:?} {}",
                value.value
            );
        }
    }
}

#[test]
fn sort_by_status_puts_lagging_first_and_keeps_document_order_within() {
    let index = index();
    let filter = Filter {
        sort: SortOrder::Status,
        ..Filter::default()
    };
    let expected = positions(
        &index,
        &[
            "h:t02", "h:t03", "p:t003", // lagging
            "h:t04", "p:t004", // no progress
            "h:t01", "h:t05", "p:t001", "p:t002", // reported
            "b:a1-01", "b:a1-02", "b:a2-01", "b:a2-02", "b:a2-03", "b:a2-04", "b:p01", "b:p02",
        ],
    );
    assert_eq!(matches(&index, &filter), expected);
}
