//! The canned mini dataset under tests/fixtures, loaded through the real loader.
#![allow(dead_code)]

use planboard_model::{parse_dataset, Dataset, Index};

pub fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

pub fn dataset() -> Dataset {
    parse_dataset(
        &fixture("documents.json"),
        &fixture("tasks.json"),
        &fixture("projects.json"),
        &fixture("plan.json"),
        &fixture("links.json"),
    )
    .expect("fixtures load")
}

pub fn index() -> Index {
    Index::new(&dataset())
}

/// Positions (in document order) of the fixture's entries, by short id.
pub fn at(index: &Index, short: &str) -> usize {
    let id = match short.split_once(':') {
        Some(("b", local)) => format!("huzhou-2021-breakdown/{local}"),
        Some(("h", local)) => format!("huzhou-2024-progress/{local}"),
        Some(("p", local)) => format!("pinghu-2023-progress/{local}"),
        _ => short.to_owned(),
    };
    index
        .position(&id)
        .unwrap_or_else(|| panic!("no entry {id}"))
}

pub fn ids(index: &Index, positions: &[usize]) -> Vec<String> {
    positions
        .iter()
        .map(|&position| index.entries()[position].id.clone())
        .collect()
}

/// The real data files the importer wrote (public/data), for tests whose expected
/// numbers were worked out by hand from the documents.
pub fn real_dataset() -> Dataset {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/");
    let [documents, tasks, projects, plan, links] = planboard_model::DATA_FILES
        .map(|file| std::fs::read_to_string(format!("{dir}{file}")).expect(file));
    parse_dataset(&documents, &tasks, &projects, &plan, &links).expect("the data files load")
}
