//! The assembled dataset: deterministic bytes, stable ids, a catalog that covers every
//! reference, and committed data files that equal what `build` produces.

mod common;

use common::{repo_root, sources_dir, BREAKDOWN, PINGHU_2023};
use planboard_importer::period::DocumentDetails;
use planboard_importer::pipeline::{build, read_source_dir, Build, SourceFile};
use planboard_model::{Dataset, Status, DATA_FILES};
use std::collections::{BTreeMap, BTreeSet};

fn sources() -> Vec<SourceFile> {
    read_source_dir(&sources_dir(), &DocumentDetails::default()).expect("sources are readable")
}

fn built(sources: &[SourceFile]) -> Build {
    build(sources).expect("the sources build")
}

/// Every record of the dataset as (id → its JSON), grouped by document.
fn records_by_document(dataset: &Dataset) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut by_document: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let json = |value: &dyn erased::Json| value.json();
    for task in &dataset.tasks {
        by_document
            .entry(task.document.clone())
            .or_default()
            .insert(task.id.clone(), json(task));
    }
    for project in &dataset.projects {
        by_document
            .entry(project.document.clone())
            .or_default()
            .insert(project.id.clone(), json(project));
    }
    for section in &dataset.plan.sections {
        by_document
            .entry(section.document.clone())
            .or_default()
            .insert(section.id.clone(), json(section));
    }
    for indicator in &dataset.plan.indicators {
        by_document
            .entry(indicator.document.clone())
            .or_default()
            .insert(indicator.id.clone(), json(indicator));
    }
    by_document
}

/// Serialising records of different types through one function.
mod erased {
    pub trait Json {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn json(&self) -> String {
            serde_json::to_string(self).expect("records serialise")
        }
    }
}

#[test]
fn two_builds_are_byte_identical_whatever_the_file_order() {
    let sources = sources();
    let first = built(&sources);
    let mut reversed = sources.clone();
    reversed.reverse();
    let second = built(&reversed);
    assert_eq!(first.files, second.files);
    let names: Vec<&str> = first.files.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, DATA_FILES);
    assert!(first.files.iter().all(|(_, json)| json.ends_with("}\n")));
}

#[test]
fn ids_survive_edits_to_and_removal_of_other_documents() {
    let sources = sources();
    let all = records_by_document(&built(&sources).dataset);
    assert_eq!(all.len(), 5, "every document has records");

    // Remove the breakdown: every other document's records are unchanged.
    let without: Vec<SourceFile> = sources
        .iter()
        .filter(|s| s.name != BREAKDOWN)
        .cloned()
        .collect();
    let fewer = records_by_document(&built(&without).dataset);
    assert!(!fewer.contains_key("huzhou-2021-breakdown"));
    for (document, records) in &fewer {
        assert_eq!(
            Some(records),
            all.get(document),
            "{document} changed when another was removed"
        );
    }

    // Edit the Pinghu table (drop its first task row, reword another): every other
    // document's records are unchanged.
    let edited: Vec<SourceFile> = sources
        .iter()
        .map(|source| {
            if source.name != PINGHU_2023 {
                return source.clone();
            }
            let text = String::from_utf8(source.bytes.clone()).expect("UTF-8");
            let mut lines: Vec<&str> = text.lines().collect();
            lines.remove(1);
            let text = lines.join("\n").replacen("生产总值", "地区生产总值", 1);
            SourceFile {
                name: source.name.clone(),
                bytes: text.into_bytes(),
                details: DocumentDetails::default(),
            }
        })
        .collect();
    let after_edit = records_by_document(&built(&edited).dataset);
    assert_ne!(
        after_edit.get("pinghu-2023-h1-progress"),
        all.get("pinghu-2023-h1-progress")
    );
    for (document, records) in &all {
        if document != "pinghu-2023-h1-progress" {
            assert_eq!(
                Some(records),
                after_edit.get(document),
                "{document} changed when Pinghu was edited"
            );
        }
    }
}

#[test]
fn the_catalog_covers_every_reference() {
    let dataset = built(&sources()).dataset;
    let catalog = &dataset.catalog;
    let units: BTreeSet<(&str, &str)> = catalog
        .units
        .iter()
        .map(|u| (u.jurisdiction.as_str(), u.name.as_str()))
        .collect();
    let districts: BTreeSet<&str> = catalog.districts.iter().map(|d| d.name.as_str()).collect();
    let leaders: BTreeSet<&str> = catalog.leaders.iter().map(|l| l.name.as_str()).collect();
    let documents: BTreeSet<&str> = catalog.documents.iter().map(|d| d.id.as_str()).collect();
    let mut ids = BTreeSet::new();
    for task in &dataset.tasks {
        assert!(ids.insert(task.id.as_str()), "duplicate id {}", task.id);
        assert!(documents.contains(task.document.as_str()));
        for unit in &task.units {
            assert!(
                units.contains(&(task.jurisdiction.as_str(), unit.name.as_str())),
                "{}",
                unit.name
            );
        }
        assert!(task
            .districts
            .iter()
            .all(|d| districts.contains(d.as_str())));
        assert!(task.leader.iter().all(|l| leaders.contains(l.as_str())));
        if !task.units.is_empty() {
            assert!(
                task.units.iter().any(|u| u.lead),
                "{} has no lead unit",
                task.id
            );
        }
    }
    for project in &dataset.projects {
        assert!(ids.insert(project.id.as_str()));
        for unit in &project.units {
            assert!(units.contains(&(project.jurisdiction.as_str(), unit.name.as_str())));
        }
    }
    let unit_ids: BTreeSet<&str> = catalog.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(unit_ids.len(), catalog.units.len(), "unit ids are unique");
    assert_eq!(catalog.leaders.len(), 8);
    assert_eq!(catalog.districts.len(), 7 + 9);
    assert_eq!(catalog.statuses.len(), Status::ALL.len());
}

#[test]
fn statuses_follow_the_taxonomy() {
    let dataset = built(&sources()).dataset;
    let progress_documents: BTreeSet<&str> = dataset
        .catalog
        .documents
        .iter()
        .filter(|d| d.kind == planboard_model::DocumentKind::ProgressReport)
        .map(|d| d.id.as_str())
        .collect();
    let mut seen = BTreeSet::new();
    for task in &dataset.tasks {
        let expected = if !progress_documents.contains(task.document.as_str()) {
            Status::NotTracked
        } else if !task.remarks.is_empty() {
            Status::Lagging
        } else if !task.progress.is_empty() {
            Status::Reported
        } else {
            Status::NoProgress
        };
        assert_eq!(task.status, expected, "{}", task.id);
        seen.insert(task.status);
    }
    assert!(seen.contains(&Status::Lagging) && seen.contains(&Status::NotTracked));
    for definition in &dataset.catalog.statuses {
        assert_eq!(definition.label, definition.status.label_zh());
        assert!(!definition.definition.is_empty() && !definition.definition.contains('\n'));
    }
}

/// The data the app ships must be exactly what the importer makes of the sources.
/// Regenerate with
/// `cargo run --release -p planboard-importer --bin planboard-ingest -- build data/sources --out public/data`.
#[test]
fn committed_data_files_equal_a_fresh_build() {
    let fresh = built(&sources());
    for (name, json) in &fresh.files {
        let path = repo_root().join("public/data").join(name);
        let committed = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{} is missing ({e}); run the build command above",
                path.display()
            )
        });
        assert!(
            committed == *json,
            "{name} differs from a fresh build; run the build command above"
        );
    }
}
