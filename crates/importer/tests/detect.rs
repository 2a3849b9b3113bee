//! Kinds are told from the content alone, and unusable input is refused with its file
//! and line.

mod common;

use common::{source_text, BREAKDOWN, PINGHU_2023, PLAN, PROGRESS_2024, REPORT_2020};
use planboard_importer::detect::{detect, DetectedKind};
use planboard_importer::period::DocumentDetails;
use planboard_importer::pipeline::{decode, parse_document};
use planboard_model::DocumentKind;

const EXPECTED: [(&str, DetectedKind, &str); 5] = [
    (
        BREAKDOWN,
        DetectedKind::TaskBreakdown,
        "huzhou-2021-breakdown",
    ),
    (
        PROGRESS_2024,
        DetectedKind::ProgressReport,
        "huzhou-2024-h1-progress",
    ),
    (
        PINGHU_2023,
        DetectedKind::ProgressTable,
        "pinghu-2023-h1-progress",
    ),
    (PLAN, DetectedKind::FiveYearPlan, "huzhou-2021-plan"),
    (REPORT_2020, DetectedKind::WorkReport, "huzhou-2020-report"),
];

#[test]
fn each_shipped_document_is_detected_from_its_content() {
    for (file, kind, id) in EXPECTED {
        let text = source_text(file);
        assert_eq!(detect(&text, file), Ok(kind), "{file}");
        let (detected, parsed) = parse_document(
            &text,
            file,
            &planboard_importer::period::DocumentDetails::default(),
        )
        .expect("parses");
        assert_eq!(detected, kind);
        assert_eq!(parsed.document.id, id);
        assert_eq!(parsed.document.kind, kind.document_kind());
    }
}

#[test]
fn a_renamed_file_is_still_detected_and_keeps_its_ids() {
    for (file, kind, id) in EXPECTED {
        let text = source_text(file);
        // The name is a lie on purpose: another document's name, then a meaningless one.
        for name in ["huzhou-2021-task-breakdown.txt", "upload-3.txt"] {
            let (detected, parsed) =
                parse_document(&text, name, &DocumentDetails::default()).expect("parses");
            assert_eq!(detected, kind, "{file} as {name}");
            assert_eq!(parsed.document.id, id);
            assert_eq!(parsed.document.source_file, name);
        }
    }
}

#[test]
fn progress_kinds_share_the_document_kind() {
    assert_eq!(
        DetectedKind::ProgressTable.document_kind(),
        DocumentKind::ProgressReport
    );
    assert_eq!(
        DetectedKind::ProgressReport.document_kind(),
        DocumentKind::ProgressReport
    );
}

#[test]
fn unrecognised_text_is_refused_at_line_one() {
    let error = parse_document(
        "今天天气很好。\n我们去公园散步。\n",
        "note.txt",
        &DocumentDetails::default(),
    )
    .expect_err("unknown");
    let message = error.to_string();
    assert!(
        message.starts_with("note.txt:1: 无法识别文档类型"),
        "{message}"
    );
    // The README of the sources is prose about the documents, not one of them.
    let readme = std::fs::read_to_string(common::sources_dir().join("README.md")).expect("readme");
    assert!(parse_document(&readme, "README.md", &DocumentDetails::default()).is_err());
}

#[test]
fn empty_and_non_utf8_input_is_refused_with_its_line() {
    let empty = decode(b"", "empty.txt").expect_err("empty");
    assert_eq!(empty.to_string(), "empty.txt: 文件为空(没有任何文字)");
    assert!(decode(b" \n\t\n", "blank.txt").is_err());
    // A GBK byte on the third line.
    let mut bytes = "第一行\n第二行\n第三".as_bytes().to_vec();
    bytes.extend([0xB5, 0xDA]);
    let error = decode(&bytes, "gbk.txt").expect_err("not UTF-8");
    assert_eq!(error.line, 3);
    assert!(
        error.to_string().starts_with("gbk.txt:3: 不是 UTF-8 文本"),
        "{error}"
    );
    // A byte-order mark is not content.
    assert_eq!(
        decode("\u{feff}正文".as_bytes(), "bom.txt").as_deref(),
        Ok("正文")
    );
}
