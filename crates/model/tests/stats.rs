//! Chart statistics and neighbours on the fixture.

mod common;

use common::{at, dataset, ids, index};
use planboard_model::{
    lagging, neighbours, per_district, per_leader, per_progress_document, per_unit, status_counts,
    Filter, Index, Status, StatusCounts,
};

fn counts(lagging: usize, reported: usize, no_progress: usize, not_tracked: usize) -> StatusCounts {
    StatusCounts::from_pairs(&[
        (Status::Lagging, lagging),
        (Status::Reported, reported),
        (Status::NoProgress, no_progress),
        (Status::NotTracked, not_tracked),
    ])
}

fn all(index: &Index) -> Vec<usize> {
    index.query(&Filter::default()).matches
}

#[test]
fn status_counts_over_everything_and_a_selection() {
    let index = index();
    let total = status_counts(&index, &all(&index));
    assert_eq!(total, counts(3, 4, 2, 8));
    assert_eq!(total.total(), 17);
    assert_eq!(total.get(planboard_model::Status::NoProgress), 2);
    let pinghu = index.query(&Filter {
        jurisdiction: vec!["平湖市".into()],
        ..Filter::default()
    });
    assert_eq!(status_counts(&index, &pinghu.matches), counts(1, 2, 1, 0));
}

#[test]
fn per_leader_skips_entries_without_leader() {
    let index = index();
    let bars = per_leader(&index, &all(&index));
    let summary: Vec<(&str, usize)> = bars
        .iter()
        .map(|b| (b.label.as_str(), b.counts.total()))
        .collect();
    assert_eq!(summary, vec![("项乐民", 3), ("王纲", 2), ("杨六顺", 1)]);
}

#[test]
fn per_district_counts_an_entry_in_each_of_its_districts() {
    let index = index();
    let bars = per_district(&index, &all(&index));
    let summary: Vec<(&str, usize)> = bars
        .iter()
        .map(|b| (b.label.as_str(), b.counts.total()))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("吴兴区", 7),
            ("南浔区", 6),
            ("德清县", 6),
            ("南太湖新区", 4),
            ("安吉县", 4),
            ("长兴县", 4),
            ("长合区", 4),
            ("乍浦镇", 1),
            ("当湖街道", 1),
        ]
    );
    // 吴兴区: a1-02, a2-04, p01, p02 (not tracked), t01 (reported), t02, t03 (lagging).
    assert_eq!(bars[0].counts, counts(2, 1, 0, 4));
}

#[test]
fn per_unit_splits_lead_and_co() {
    let index = index();
    let loads = per_unit(&index, &all(&index));
    let find = |name: &str| loads.iter().find(|load| load.unit == name).expect(name);
    let ndrc = find("市发展改革委");
    assert_eq!(ndrc.lead, counts(0, 1, 0, 1)); // a1-01, t01
    assert_eq!(ndrc.co, counts(1, 0, 0, 1)); // a1-02, t02
    let industry = find("市经信局");
    assert_eq!(industry.lead.total(), 1);
    assert_eq!(industry.co.total(), 3);
    // Sorted by total: 市经信局 (4) and 市发展改革委 (4) lead, the one leading more first.
    assert_eq!(loads[0].unit, "市发展改革委");
    assert_eq!(loads[1].unit, "市经信局");
    assert!(loads
        .windows(2)
        .all(|w| w[0].lead.total() + w[0].co.total() >= w[1].lead.total() + w[1].co.total()));
}

#[test]
fn progress_documents_newest_first() {
    let dataset = dataset();
    let index = index();
    let reports = per_progress_document(&dataset, &index);
    let summary: Vec<(&str, StatusCounts)> = reports
        .iter()
        .map(|(document, c)| (document.id.as_str(), *c))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("huzhou-2024-progress", counts(2, 2, 1, 0)),
            ("pinghu-2023-progress", counts(1, 2, 1, 0)),
        ]
    );
}

#[test]
fn lagging_newest_document_first() {
    let index = index();
    assert_eq!(
        ids(&index, &lagging(&index)),
        vec![
            "huzhou-2024-progress/t02",
            "huzhou-2024-progress/t03",
            "pinghu-2023-progress/t003"
        ]
    );
}

#[test]
fn neighbours_of_a_task() {
    let index = index();
    let task = at(&index, "b:a2-01"); // 项乐民, lead 市科技局, 德清县
    let found = neighbours(&index, task, 5);
    assert_eq!(
        ids(&index, &found.same_leader),
        vec!["huzhou-2021-breakdown/a1-02", "huzhou-2021-breakdown/a2-02"]
    );
    assert_eq!(
        ids(&index, &found.same_lead_unit),
        vec!["huzhou-2021-breakdown/a2-02"]
    );
    // Same document first, then the entry for 德清县 alone before those for all districts.
    assert_eq!(
        ids(&index, &found.same_district),
        vec![
            "huzhou-2021-breakdown/a1-02",
            "huzhou-2021-breakdown/p01",
            "huzhou-2024-progress/t05",
            "huzhou-2024-progress/t01",
            "huzhou-2024-progress/t03",
        ]
    );
    let limited = neighbours(&index, task, 1);
    assert_eq!(limited.same_district.len(), 1);
    assert_eq!(neighbours(&index, 999, 5), Default::default());
}

#[test]
fn neighbours_across_documents_and_never_itself() {
    let index = index();
    let task = at(&index, "h:t02"); // lead 市交通运输局, 吴兴区 + 南浔区, no leader
    let found = neighbours(&index, task, 10);
    assert!(found.same_leader.is_empty());
    assert_eq!(
        ids(&index, &found.same_lead_unit),
        vec!["huzhou-2021-breakdown/a1-02", "huzhou-2021-breakdown/p01"]
    );
    assert!(!found.same_district.contains(&task));
    assert_eq!(found.same_district[0], at(&index, "h:t01"));
}
