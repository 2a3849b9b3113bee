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
