//! The data bundle the import page downloads holds exactly the files
//! `planboard-ingest build` writes for the same sources.
#![cfg(feature = "publish")]

mod common;

use std::io::Read;

use common::{source_text, sources_dir};
use planboard_importer::local::{LocalSource, ReadText};
use planboard_importer::period::DocumentDetails;
use planboard_importer::pipeline::{build, read_source_dir, SourceFile};
use planboard_importer::publish::{bundle, NOTE_FILE};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        common::repo_root()
            .join("crates/importer/tests/fixtures")
            .join(name),
    )
    .expect("fixture is readable")
}

fn shipped() -> Vec<SourceFile> {
    read_source_dir(&sources_dir(), &DocumentDetails::default()).expect("shipped sources")
}

fn local(name: &str, text: String) -> LocalSource {
    LocalSource {
        file_name: name.to_owned(),
        imported_at: "2026-12-07T10:00:00.000Z".to_owned(),
        text,
        places: Vec::new(),
        format: None,
        details: DocumentDetails::default(),
    }
}

/// An office file as the import worker stores it: the lines read, with their places.
fn local_office_file(name: &str) -> (LocalSource, Vec<u8>) {
    let path = common::repo_root()
        .join("crates/formats/tests/fixtures")
        .join(name);
    let bytes = std::fs::read(&path).expect("formats fixture");
    let read = ReadText::read(&bytes, name).expect("the fixture reads");
    let source = LocalSource {
        places: read.places,
        format: Some(read.format_label),
        ..local(name, read.text)
    };
    (source, bytes)
}

/// Publishing `added` onto the build of `base` gives the build of `base` + `added`.
fn assert_same_as_build(base: Vec<SourceFile>, added: Vec<LocalSource>) {
    let published = build(&base).expect("base builds").dataset;
    let mut all = base;
    all.extend(added.iter().map(|source| SourceFile {
        name: source.file_name.clone(),
        bytes: source.text.clone().into_bytes(),
        details: source.details.clone(),
    }));
    assert_bundle_is_build(&published, &added, &all);
}

/// Publishing `added` onto `published` gives the build of `all`.
fn assert_bundle_is_build(
    published: &planboard_model::Dataset,
    added: &[LocalSource],
    all: &[SourceFile],
) {
    let expected = build(all).expect("all build").files;
    let bundle = bundle(published, added).expect("bundle");
    for ((name, json), (expected_name, expected_json)) in bundle.files.iter().zip(&expected) {
        assert_eq!(name, expected_name);
        if json != expected_json {
            let dir = std::env::temp_dir().join("planboard-publish-diff");
            let _ = std::fs::create_dir_all(&dir);
            let _ = std::fs::write(dir.join(format!("bundle-{name}")), json);
            let _ = std::fs::write(dir.join(format!("build-{name}")), expected_json);
        }
        assert!(
            json == expected_json,
            "{name} differs from the build's ({} vs {} bytes)",
            json.len(),
            expected_json.len()
        );
    }
    // The zip holds the same bytes, and the note.
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bundle.zip)).expect("a zip");
    for (name, json) in &expected {
        let mut text = String::new();
        archive
            .by_name(name)
            .expect("file in the zip")
            .read_to_string(&mut text)
            .expect("deflated text");
        assert!(&text == json, "{name} in the zip differs");
    }
    let mut note = String::new();
    archive
        .by_name(NOTE_FILE)
        .expect("the note")
        .read_to_string(&mut note)
        .expect("note text");
    assert!(note.contains("data/"), "{note}");
    for source in added {
        assert!(note.contains(&source.file_name), "{note}");
    }
}

#[test]
fn a_year_end_report_published_from_the_browser_is_the_builds() {
    assert_same_as_build(
        shipped(),
        vec![local(
            "pinghu-2023-year-end.txt",
            fixture("pinghu-2023-year-end.txt"),
        )],
    );
}

#[test]
fn a_progress_report_left_out_of_the_build_comes_back_the_same() {
    let base: Vec<SourceFile> = shipped()
        .into_iter()
        .filter(|s| s.name != common::PROGRESS_2024)
        .collect();
    assert_same_as_build(
        base,
        vec![local(
            common::PROGRESS_2024,
            source_text(common::PROGRESS_2024),
        )],
    );
}

#[test]
fn several_documents_at_once_including_a_breakdown_table() {
    assert_same_as_build(
        shipped(),
        vec![
            local("pinghu-2023-q3.txt", fixture("pinghu-2023-q3.txt")),
            local(
                "pinghu-2023-breakdown-table.txt",
                fixture("pinghu-2023-breakdown-table.txt"),
            ),
        ],
    );
}

#[test]
fn publishing_a_document_already_published_is_refused() {
    let published = build(&shipped()).expect("builds").dataset;
    let again = local(common::PROGRESS_2024, source_text(common::PROGRESS_2024));
    let error = bundle(&published, &[again]).expect_err("a second copy is refused");
    assert!(error.message.contains("两次"), "{error}");
}

#[test]
fn a_word_breakdown_published_from_the_browser_is_what_the_build_reads_from_the_docx() {
    let base = shipped();
    let published = build(&base).expect("base builds").dataset;
    let (source, bytes) = local_office_file("pinghu-2024-breakdown.docx");
    let mut all = base;
    all.push(SourceFile {
        name: source.file_name.clone(),
        bytes,
        details: DocumentDetails::default(),
    });
    assert_bundle_is_build(&published, &[source], &all);
}
