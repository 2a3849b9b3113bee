//! Shared by the integration tests: where the shipped sources and data files live.
#![allow(dead_code)] // each test binary uses a different subset

use std::path::PathBuf;

use planboard_importer::parsed::ParsedDocument;

/// The repository root (two levels above this crate).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn sources_dir() -> PathBuf {
    repo_root().join("data/sources")
}

/// The text of a shipped source document.
pub fn source_text(name: &str) -> String {
    std::fs::read_to_string(sources_dir().join(name)).expect("shipped source is readable UTF-8")
}

pub const BREAKDOWN: &str = "huzhou-2021-task-breakdown.txt";
pub const PROGRESS_2024: &str = "huzhou-2024-tasks-h1-progress.txt";
pub const PINGHU_2023: &str = "pinghu-2023-tasks-h1-progress.txt";
pub const PLAN: &str = "huzhou-14th-five-year-plan.txt";
pub const REPORT_2020: &str = "huzhou-2020-work-report.txt";

/// Number, text, units, progress and remarks: what a reader sees of a task;
/// layout variants of a document must give the same content.
pub type Content = (u32, String, String, Vec<String>, Vec<String>);

pub fn content_of(doc: &ParsedDocument) -> Vec<Content> {
    doc.tasks
        .iter()
        .map(|t| {
            (
                t.number,
                t.text.clone(),
                t.units_text.clone(),
                t.progress.clone(),
                t.remarks.clone(),
            )
        })
        .collect()
}
