//! Office files, saved web pages and GBK/UTF-16 text through the importer: the same
//! tasks, leaders, lead units and statuses as the text they hold, messages and
//! unrecognised lines naming the place in the file, and a build over a folder of them
//! giving the data files its text twins give.
#![cfg(feature = "formats")]

use planboard_importer::detect::DetectedKind;
use planboard_importer::local::{merge, preview_file, LocalSource};
use planboard_importer::period::DocumentDetails;
use planboard_importer::pipeline::{build, parse_read, parse_source, SourceFile};
use planboard_importer::read_text::ReadText;
use planboard_model::{Dataset, Status, Task};
use std::path::{Path, PathBuf};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../formats/tests/fixtures")
}

fn source(name: &str) -> SourceFile {
    let path = fixtures_dir().join(name);
    SourceFile {
        name: name.to_string(),
        bytes: std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
        details: DocumentDetails::default(),
    }
}

/// (leader, lead units) of task `number`.
fn leader_and_lead(tasks: &[planboard_importer::parsed::RawTask], number: u32) -> (String, String) {
    let task = tasks
        .iter()
        .find(|t| t.number == number)
        .unwrap_or_else(|| panic!("no task {number}"));
    let leader = task
        .leader
        .as_ref()
        .map(|l| format!("{}{}", l.name, l.title))
        .unwrap_or_default();
    (leader, task.units_text.clone())
}

#[test]
fn word_and_web_breakdowns_give_their_tasks_leaders_and_lead_units() {
    for name in [
        "pinghu-2024-breakdown.docx",
        "pinghu-2024-breakdown-gb2312.htm",
    ] {
        let (kind, parsed) = parse_source(&source(name)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(kind, DetectedKind::BreakdownTable, "{name}");
        assert_eq!(parsed.document.jurisdiction, "平湖市", "{name}");
        assert_eq!(parsed.document.year, 2024, "{name}");
        assert_eq!(parsed.tasks.len(), 9, "{name}");
        // The leader merged down over tasks 4, 5 and 6 leads each of them.
        for number in [4, 5, 6] {
            let (leader, _) = leader_and_lead(&parsed.tasks, number);
            assert_eq!(leader, "沈国强常务副市长", "{name} task {number}");
        }
        assert_eq!(
            leader_and_lead(&parsed.tasks, 7).0,
            "吴晓峰副市长",
            "{name}"
        );
        assert_eq!(
            leader_and_lead(&parsed.tasks, 2).0,
            "周立新副市长",
            "{name}"
        );
        assert_eq!(
            leader_and_lead(&parsed.tasks, 9).0,
            "钱慧敏副市长",
            "{name}"
        );
        let (_, units) = leader_and_lead(&parsed.tasks, 6);
        assert!(units.starts_with("★金融发展中心、"), "{name}: {units}");
        let areas: Vec<Option<&str>> = parsed.tasks.iter().map(|t| t.area.as_deref()).collect();
        assert_eq!(areas[3], Some("二、聚力打造高端制造集聚地"), "{name}");
    }
}

#[test]
fn year_end_workbooks_give_their_outcomes_from_the_completion_text() {
    for name in [
        "pinghu-2024-year-end.xlsx",
        "pinghu-2024-year-end.xls",
        "pinghu-2024-year-end.et",
    ] {
        let sources = [source(name)];
        let built = build(&sources).unwrap_or_else(|e| panic!("{e}"));
        let tasks: Vec<&Task> = built.dataset.tasks.iter().collect();
        assert_eq!(tasks.len(), 7, "{name}");
        let status_of = |number: u32| {
            tasks
                .iter()
                .find(|t| t.number == number)
                .map(|t| t.status)
                .unwrap_or_else(|| panic!("{name}: no task {number}"))
        };
        assert_eq!(
            (1..=7).map(status_of).collect::<Vec<_>>(),
            vec![
                Status::Completed,
                Status::Completed,
                Status::MostlyCompleted,
                Status::Completed,
                Status::NotCompleted,
                Status::MostlyCompleted,
                Status::Completed,
            ],
            "{name}"
        );
        // 经信局 is one cell merged over tasks 4 and 5.
        let lead = |number: u32| -> Vec<String> {
            tasks
                .iter()
                .find(|t| t.number == number)
                .map(|t| {
                    t.units
                        .iter()
                        .filter(|u| u.lead)
                        .map(|u| u.name.clone())
                        .collect()
                })
                .unwrap_or_default()
        };
        assert_eq!(lead(5), lead(4), "{name}");
        assert!(!lead(5).is_empty(), "{name}");
        let document = &built.dataset.catalog.documents[0];
        assert_eq!(document.jurisdiction, "平湖市", "{name}");
        assert_eq!(document.year, 2024, "{name}");
    }
}

#[test]
fn gbk_and_utf16_reports_import_and_preview_names_the_encoding() {
    let (kind, parsed) =
        parse_source(&source("huzhou-2024-q3-progress-gbk.txt")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(kind, DetectedKind::ProgressReport);
    assert_eq!(parsed.tasks.len(), 3);
    assert_eq!(parsed.document.jurisdiction, "湖州市");
    assert_eq!(parsed.document.period, "2024年前三季度");
    let (kind, parsed) = parse_source(&source("changxing-2024-h1-progress-utf16.txt"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(kind, DetectedKind::ProgressTable);
    assert_eq!(parsed.tasks.len(), 3);
    assert_eq!(parsed.document.jurisdiction, "长兴县");

    let base = Dataset::default();
    let gbk = source("huzhou-2024-q3-progress-gbk.txt");
    let shown = preview_file(&base, &gbk.name, &gbk.bytes, &DocumentDetails::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(shown.encoding.as_deref(), Some("GB18030"));
    assert_eq!(shown.format_label, "文本");
    assert!(shown.places.is_empty());
    assert_eq!(shown.counts.tasks, 3);
}

#[test]
fn a_web_preview_lists_what_was_not_read_and_places_unrecognised_lines() {
    let page = source("pinghu-2024-breakdown-gb2312.htm");
    let shown = preview_file(
        &Dataset::default(),
        &page.name,
        &page.bytes,
        &DocumentDetails::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(shown.format_label, "网页(.html)");
    assert_eq!(shown.encoding.as_deref(), Some("GBK"));
    assert_eq!(shown.counts.tasks, 9);
    let not_read: Vec<&str> = shown
        .lines
        .not_read
        .iter()
        .map(|n| n.place.as_str())
        .collect();
    assert!(not_read.contains(&"<div class=\"nav\">"), "{not_read:?}");
    assert!(not_read.contains(&"<script>"), "{not_read:?}");
    // Every unrecognised line says where it is on the page.
    assert!(!shown.lines.unrecognised.is_empty());
    for line in &shown.lines.unrecognised {
        let place = line.place.as_deref().unwrap_or_default();
        assert!(
            place.starts_with("第 ") || place.starts_with("表格 1"),
            "{line:?}"
        );
    }
    // Stored with its places, it merges later and keeps them.
    let stored = LocalSource {
        file_name: page.name.clone(),
        imported_at: "2026-12-07T10:00:00Z".into(),
        text: shown.text.clone(),
        places: shown.places.clone(),
        format: Some(shown.format_label.clone()),
        details: DocumentDetails::default(),
    };
    let json = serde_json::to_string(&stored).expect("serialises");
    let back: LocalSource = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, stored);
    let merged = merge(&Dataset::default(), &[back]);
    assert_eq!(merged.problems().count(), 0);
    assert_eq!(merged.dataset.tasks.len(), 9);
    // A source stored before places existed still reads.
    let old: LocalSource = serde_json::from_str(
        r#"{"file_name":"a.txt","imported_at":"2026-11-01T00:00:00Z","text":"x"}"#,
    )
    .expect("old stored source");
    assert!(old.places.is_empty() && old.format.is_none());
}

#[test]
fn errors_name_the_place_in_the_file_not_a_bare_line_number() {
    let read = ReadText {
        places: vec![
            "第 1 段".into(),
            "表格 1 第 1 行".into(),
            "表格 1 第 2 行".into(),
        ],
        format_label: "Word 文档(.docx)".into(),
        ..ReadText::plain("平湖市2024年重点工作任务分解表\n附表\n| 序号 | 重点工作 | 牵头单位 |")
    };
    let Err(error) = parse_read(&read, "任务分解.docx", &DocumentDetails::default()) else {
        panic!("a header without rows is no document the importer knows");
    };
    assert_eq!(error.line, 1);
    assert_eq!(error.place.as_deref(), Some("第 1 段"));
    assert!(
        error
            .to_string()
            .starts_with("任务分解.docx: 第 1 段: 无法识别文档类型"),
        "{error}"
    );
    // Plain text keeps FILE:LINE:.
    let plain = ReadText::plain(read.text.clone());
    let Err(error) = parse_read(&plain, "任务分解.txt", &DocumentDetails::default()) else {
        panic!("refused as text too");
    };
    assert!(error.to_string().starts_with("任务分解.txt:1: "), "{error}");
}

#[test]
fn refused_files_say_what_they_are() {
    let refused = |name: &str| {
        parse_source(&source(name))
            .err()
            .unwrap_or_else(|| panic!("{name} was read"))
            .to_string()
    };
    assert!(refused("breakdown-word97.doc").contains("Word 97-2003 文档(.doc)"));
    assert!(refused("encrypted.xlsx").contains("密码"));
    assert!(refused("misnamed-workbook.docx").contains("请改名为 .xlsx"));
    let malformed = refused("malformed.docx");
    assert!(
        malformed.starts_with("malformed.docx: word/document.xml 第 "),
        "{malformed}"
    );
    let news = refused("news-no-table.html");
    assert!(news.contains("网页中没有表格"), "{news}");
}

/// Every data file of a build over `names`, with the source file names replaced by
/// `{source}` so a document read from `a.docx` compares with the same from `a.txt`.
fn data_files(names: &[&str], rename: &[(&str, &str)]) -> Vec<(String, String)> {
    let sources: Vec<SourceFile> = names.iter().map(|name| source(name)).collect();
    let built = build(&sources).unwrap_or_else(|e| panic!("{e}"));
    built
        .files
        .iter()
        .map(|(file, json)| {
            let mut json = json.clone();
            for (from, to) in rename {
                json = json.replace(from, to);
            }
            (file.to_string(), json)
        })
        .collect()
}

#[test]
fn a_folder_of_office_files_builds_the_data_its_text_twins_build() {
    let office = data_files(
        &["pinghu-2024-breakdown.docx", "pinghu-2024-year-end.xlsx"],
        &[
            ("pinghu-2024-breakdown.docx", "breakdown"),
            ("pinghu-2024-year-end.xlsx", "year-end"),
        ],
    );
    let text = data_files(
        &["pinghu-2024-breakdown.txt", "pinghu-2024-year-end.txt"],
        &[
            ("pinghu-2024-breakdown.txt", "breakdown"),
            ("pinghu-2024-year-end.txt", "year-end"),
        ],
    );
    assert_eq!(office.len(), text.len());
    for ((name, office_json), (_, text_json)) in office.iter().zip(&text) {
        assert!(office_json == text_json, "{name} differs");
        assert!(!office_json.is_empty());
    }
    // The saved web page has the site's notice around the table: its tasks are the
    // same records, at other line numbers.
    let tasks_file = |files: &[(String, String)]| {
        let json = files
            .iter()
            .find(|(name, _)| name == "tasks.json")
            .map(|(_, json)| json.clone())
            .unwrap_or_default();
        let mut value: serde_json::Value = serde_json::from_str(&json).expect("tasks.json");
        if let Some(tasks) = value["tasks"].as_array_mut() {
            for task in tasks {
                if let Some(task) = task.as_object_mut() {
                    task.remove("source");
                }
            }
        }
        value
    };
    let page = data_files(
        &["pinghu-2024-breakdown-gb2312.htm"],
        &[("pinghu-2024-breakdown-gb2312.htm", "breakdown")],
    );
    let twin = data_files(
        &["pinghu-2024-breakdown.txt"],
        &[("pinghu-2024-breakdown.txt", "breakdown")],
    );
    assert_eq!(tasks_file(&page), tasks_file(&twin));
}
