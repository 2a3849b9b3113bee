//! The import worker's jobs against the shipped data: a Word file previewed, PDF lines
//! previewed, imported documents linked with the published ones, and a bundle zipped.

use std::path::PathBuf;

use import_worker::run;
use planboard_importer::local::LocalSource;
use planboard_importer::period::DocumentDetails;
use planboard_importer::pipeline::{build, read_source_dir};
use planboard_importer::protocol::{Job, Outcome};
use planboard_model::{parse_dataset, Dataset};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn published() -> Dataset {
    let sources = read_source_dir(&repo().join("data/sources"), &DocumentDetails::default())
        .expect("shipped sources");
    build(&sources).expect("the shipped sources build").dataset
}

fn stored(name: &str, text: String) -> LocalSource {
    LocalSource {
        file_name: name.to_owned(),
        imported_at: "2026-12-07T10:00:00.000Z".to_owned(),
        text,
        places: Vec::new(),
        format: None,
        details: DocumentDetails::default(),
    }
}

#[test]
fn a_word_breakdown_is_previewed_with_its_format_and_places() {
    let bytes =
        std::fs::read(repo().join("crates/formats/tests/fixtures/pinghu-2024-breakdown.docx"))
            .expect("fixture");
    let job = Job::Preview {
        file_name: "平湖2024分解.docx".to_owned(),
        details: DocumentDetails::default(),
        sources: Vec::new(),
    };
    match run(job, Some(&bytes), &published()).outcome {
        Outcome::Preview { preview } => {
            assert!(
                preview.format_label.contains("Word"),
                "{}",
                preview.format_label
            );
            assert!(preview.counts.tasks > 0);
            assert_eq!(preview.places.len(), preview.text.lines().count());
            assert!(preview.document.id.starts_with("local-"));
        }
        other => panic!("not previewed: {other:?}"),
    }
}

#[test]
fn a_workbook_named_docx_is_refused_by_its_content() {
    let bytes = std::fs::read(repo().join("crates/formats/tests/fixtures/misnamed-workbook.docx"))
        .expect("fixture");
    let job = Job::Preview {
        file_name: "分解.docx".to_owned(),
        details: DocumentDetails::default(),
        sources: Vec::new(),
    };
    match run(job, Some(&bytes), &published()).outcome {
        // The content decides: a workbook is read as the workbook it is, or refused
        // with a message that says what it is; never read as a Word file.
        Outcome::Preview { preview } => assert!(!preview.format_label.contains("Word")),
        Outcome::Refused { error, .. } => assert!(!error.message.is_empty()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn pdf_lines_from_the_page_are_previewed_with_their_pages() {
    let text = std::fs::read_to_string(
        repo().join("crates/importer/tests/fixtures/pinghu-2023-year-end.txt"),
    )
    .expect("fixture");
    let lines = text
        .lines()
        .enumerate()
        .map(|(index, line)| (format!("第 {} 页", index / 20 + 1), line.to_owned()))
        .collect();
    let job = Job::Lines {
        file_name: "平湖2023年度.pdf".to_owned(),
        format: "pdf".to_owned(),
        lines,
        details: DocumentDetails::default(),
        sources: Vec::new(),
    };
    match run(job, None, &published()).outcome {
        Outcome::Preview { preview } => {
            assert!(preview.counts.tasks > 0);
            assert!(
                preview.places.iter().any(|place| place.contains("页")),
                "{:?}",
                preview.places
            );
        }
        other => panic!("not previewed: {other:?}"),
    }
}

#[test]
fn imported_documents_are_linked_with_the_published_ones() {
    let published = published();
    let copy = stored(
        "另存的进展报告.txt",
        std::fs::read_to_string(repo().join("data/sources/huzhou-2024-tasks-h1-progress.txt"))
            .expect("shipped source"),
    );
    let Outcome::Merged {
        data_files,
        outcomes,
    } = run(
        Job::Merge {
            sources: vec![copy],
        },
        None,
        &published,
    )
    .outcome
    else {
        panic!("not merged");
    };
    assert_eq!(outcomes.len(), 1);
    let merged = parse_dataset(
        &data_files[0],
        &data_files[1],
        &data_files[2],
        &data_files[3],
        &data_files[4],
    )
    .expect("the page reads what the worker sends");
    let links_between = merged
        .links
        .links
        .iter()
        .filter(|link| {
            let ends = [link.a.as_str(), link.b.as_str()];
            ends.contains(&"local-huzhou-2024-h1-progress/t1")
                && ends.contains(&"huzhou-2024-h1-progress/t1")
        })
        .count();
    assert_eq!(
        links_between, 1,
        "the copy's first task is linked to the original's"
    );
    assert!(merged
        .links
        .threads
        .iter()
        .any(|thread| thread.items.iter().any(|item| item.starts_with("local-"))));
}

#[test]
fn the_publish_job_sends_a_zip_along() {
    let text = std::fs::read_to_string(
        repo().join("crates/importer/tests/fixtures/pinghu-2023-year-end.txt"),
    )
    .expect("fixture");
    let done = run(
        Job::Publish {
            sources: vec![stored("平湖2023年度.txt", text)],
        },
        None,
        &published(),
    );
    match done.outcome {
        Outcome::Published { file_name, summary } => {
            assert!(file_name.ends_with(".zip"));
            assert!(summary.contains("pinghu-2023-year-progress"), "{summary}");
        }
        other => panic!("{other:?}"),
    }
    let zip = done.bytes.expect("the zip rides along");
    assert!(zip.starts_with(b"PK"));
}

#[test]
fn publishing_nothing_is_refused_with_a_reason() {
    let done = run(
        Job::Publish {
            sources: Vec::new(),
        },
        None,
        &published(),
    );
    assert!(matches!(done.outcome, Outcome::Refused { .. }));
    assert!(done.bytes.is_none());
}
