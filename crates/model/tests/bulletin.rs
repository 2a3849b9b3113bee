//! The 督查通报 of the real Huzhou 2024 report (public/data): its seven lagging tasks by
//! lead unit, and by the 2021 leader of the same commitment (the report names none).

use planboard_model::bulletin::Bulletin;
use planboard_model::{Index, LinkIndex, Status};

mod common;

use common::{ids, real_dataset};

#[test]
fn huzhou_2024_bulletin_groups_its_seven_lagging_tasks() {
    let dataset = real_dataset();
    let index = Index::new(&dataset);
    let links = LinkIndex::new(&dataset.links);
    let bulletin = Bulletin::new(&index, &links, "huzhou-2024-h1-progress");

    let expected: Vec<String> = dataset
        .tasks
        .iter()
        .filter(|task| task.document == "huzhou-2024-h1-progress" && task.status == Status::Lagging)
        .map(|task| task.id.clone())
        .collect();
    assert_eq!(expected.len(), 7);
    assert_eq!(ids(&index, &bulletin.lagging), expected);

    // Every lagging task sits under each of its lead units, and only there.
    assert!(bulletin.without_unit.is_empty());
    for group in &bulletin.by_unit {
        for &position in &group.lagging {
            assert!(index.entries()[position].is_lead(&group.name));
        }
    }
    let science = bulletin
        .by_unit
        .iter()
        .find(|group| group.name == "市科技局")
        .expect("市科技局 group");
    assert_eq!(
        ids(&index, &science.lagging),
        ["huzhou-2024-h1-progress/t58", "huzhou-2024-h1-progress/t59"]
    );
    assert_eq!(bulletin.by_unit[0].name, "市科技局", "most lagging first");

    assert!(bulletin.leaders_from_earlier);
    assert_eq!(bulletin.by_leader[0].name, "项乐民");
    // A lagging task is either under an earlier leader or listed as without one.
    for &position in &bulletin.lagging {
        let grouped = bulletin
            .by_leader
            .iter()
            .any(|group| group.lagging.contains(&position));
        assert_ne!(grouped, bulletin.without_leader.contains(&position));
    }
    assert!(bulletin.tracked > bulletin.lagging.len());
}

#[test]
fn a_report_without_lagging_tasks_has_empty_groups() {
    let dataset = real_dataset();
    let index = Index::new(&dataset);
    let links = LinkIndex::new(&dataset.links);
    // The Pinghu 2023 report writes no lagging remark.
    let bulletin = Bulletin::new(&index, &links, "pinghu-2023-h1-progress");
    assert!(bulletin.tracked > 0);
    assert!(bulletin.lagging.is_empty());
    assert!(bulletin.by_unit.is_empty() && bulletin.by_leader.is_empty());
    assert!(!bulletin.leaders_from_earlier);
    let unknown = Bulletin::new(&index, &links, "no-such-report");
    assert_eq!(unknown, Bulletin::default());
}

/// The app fetches links.json for a bulletin only when `needs_links` says so: for every
/// other report the bulletin must come out the same without the links.
#[test]
fn needs_links_says_when_the_links_change_the_bulletin() {
    let dataset = real_dataset();
    let index = Index::new(&dataset);
    let links = LinkIndex::new(&dataset.links);
    let no_links = LinkIndex::default();
    let mut needing = Vec::new();
    for document in &dataset.catalog.documents {
        let with = Bulletin::new(&index, &links, &document.id);
        assert_eq!(
            Bulletin::needs_links(&index, &document.id),
            with.leaders_from_earlier,
            "{}",
            document.id
        );
        if Bulletin::needs_links(&index, &document.id) {
            needing.push(document.id.as_str());
        } else {
            assert_eq!(
                Bulletin::new(&index, &no_links, &document.id),
                with,
                "{}",
                document.id
            );
        }
    }
    assert_eq!(needing, ["huzhou-2024-h1-progress"]);
}
