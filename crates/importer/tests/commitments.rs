//! One commitment through its year: a breakdown table, a 前三季度 report with its
//! columns in another order, a year-end report opening its cells with outcomes, and a
//! report that does not say whose it is — our own fixtures (tests/fixtures), beside the
//! published Pinghu half-year report.

mod common;

use common::{source_text, sources_dir, PINGHU_2023};
use planboard_importer::cli::run;
use planboard_importer::detect::DetectedKind;
use planboard_importer::error::MissingDetail;
use planboard_importer::join::normalise;
use planboard_importer::local::{merge, preview, LocalSource};
use planboard_importer::parsed::ParsedDocument;
use planboard_importer::period::DocumentDetails;
use planboard_importer::pipeline::{build, parse_document, read_source_dir, SourceFile};
use planboard_model::{Commitment, Dataset, DocumentKind, JoinMatch, Status};
use std::path::{Path, PathBuf};

const YEAR_END: &str = "pinghu-2023-year-end.txt";
const BREAKDOWN_TABLE: &str = "pinghu-2023-breakdown-table.txt";
const THIRD_QUARTER: &str = "pinghu-2023-q3.txt";
const UNNAMED: &str = "unnamed-progress.txt";

fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixture_path(name)).expect("fixture is readable UTF-8")
}

fn parse(name: &str) -> (DetectedKind, ParsedDocument) {
    parse_document(&fixture(name), name, &DocumentDetails::default()).expect("fixture parses")
}

fn source(name: &str, text: String) -> SourceFile {
    SourceFile {
        name: name.to_string(),
        bytes: text.into_bytes(),
        details: DocumentDetails::default(),
    }
}

/// The published sources with the given fixtures beside them.
fn built_with(fixtures: &[&str]) -> Dataset {
    let mut sources =
        read_source_dir(&sources_dir(), &DocumentDetails::default()).expect("sources");
    sources.extend(fixtures.iter().map(|name| source(name, fixture(name))));
    build(&sources).expect("builds").dataset
}

fn commitment_of<'d>(dataset: &'d Dataset, task: &str) -> Option<&'d Commitment> {
    dataset
        .commitments
        .iter()
        .find(|c| c.records.iter().any(|r| r.task == task))
}

#[test]
fn year_end_outcomes_come_from_the_opening_words_only() {
    let (kind, parsed) = parse(YEAR_END);
    assert_eq!(kind, DetectedKind::ProgressTable);
    let document = &parsed.document;
    assert_eq!(document.id, "pinghu-2023-year-progress");
    assert_eq!(
        (document.period.as_str(), document.date.as_str()),
        ("2023年全年", "2023-12")
    );
    let dataset = built_with(&[YEAR_END]);
    let status = |number: u32| {
        dataset
            .tasks
            .iter()
            .find(|t| t.id == format!("pinghu-2023-year-progress/t{number}"))
            .map(|t| t.status)
    };
    assert_eq!(status(1), Some(Status::Completed));
    assert_eq!(status(3), Some(Status::MostlyCompleted));
    assert_eq!(status(4), Some(Status::Ongoing));
    assert_eq!(status(6), Some(Status::NotCompleted));
    // `【已完成】…` is a verdict in brackets; `基本完成,…` ends at a comma.
    assert_eq!(status(7), Some(Status::Completed));
    assert_eq!(status(8), Some(Status::MostlyCompleted));
    // `已完成投资口径…的起草` opens with 已完成 but reports work: no outcome.
    assert_eq!(status(9), Some(Status::Reported));
    // `…未达年度目标` later in the text does not matter: the cell opens with 未完成.
    assert_eq!(status(10), Some(Status::NotCompleted));
    assert!(parsed.accounting.unmapped().is_empty());
}

#[test]
fn a_year_end_report_beside_the_half_year_one_gives_one_commitment_with_two_dated_statuses() {
    let dataset = built_with(&[YEAR_END]);
    let ids: Vec<&str> = dataset
        .catalog
        .documents
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    assert!(ids.contains(&"pinghu-2023-h1-progress") && ids.contains(&"pinghu-2023-year-progress"));
    let first = commitment_of(&dataset, "pinghu-2023-year-progress/t1").expect("joined");
    let dated: Vec<(&str, &str, Status, JoinMatch)> = first
        .records
        .iter()
        .map(|r| (r.task.as_str(), r.date.as_str(), r.status, r.matched))
        .collect();
    assert_eq!(
        dated,
        [
            (
                "pinghu-2023-h1-progress/t1",
                "2023-06",
                Status::Reported,
                JoinMatch::First
            ),
            (
                "pinghu-2023-year-progress/t1",
                "2023-12",
                Status::Completed,
                JoinMatch::Exact
            )
        ]
    );
    assert_eq!(first.id, "pinghu-2023-h1-progress/t1");
    assert_eq!(dataset.commitments.len(), 10, "every year-end row joins");
    // The half-year report keeps the id links and notes were made with.
    let h1 = dataset
        .catalog
        .documents
        .iter()
        .find(|d| d.id == "pinghu-2023-h1-progress")
        .expect("h1");
    assert_eq!(h1.former_ids, ["pinghu-2023-progress"]);
    assert_eq!(
        dataset.catalog.current_document_id("pinghu-2023-progress"),
        Some("pinghu-2023-h1-progress")
    );
    assert_eq!(
        dataset
            .catalog
            .renamed_record_id("huzhou-2024-progress/t13")
            .as_deref(),
        Some("huzhou-2024-h1-progress/t13")
    );
    // Nothing of Huzhou's joins Pinghu's.
    for commitment in &dataset.commitments {
        for record in &commitment.records {
            assert!(record.task.starts_with("pinghu-2023-"), "{record:?}");
        }
    }
}

#[test]
fn a_breakdown_table_reads_leaders_units_and_areas() {
    let (kind, parsed) = parse(BREAKDOWN_TABLE);
    assert_eq!(kind, DetectedKind::BreakdownTable);
    let document = &parsed.document;
    assert_eq!(document.kind, DocumentKind::TaskBreakdown);
    assert_eq!(document.id, "pinghu-2023-breakdown");
    assert_eq!(document.title, "平湖市2023年政府工作报告重点工作任务分解表");
    assert_eq!(document.date, "2023-02-20");
    assert_eq!(parsed.tasks.len(), 10);
    let fifth = &parsed.tasks[4];
    let leader = fifth.leader.as_ref().expect("leader");
    assert_eq!(
        (leader.name.as_str(), leader.title.as_str()),
        ("沈国强", "常务副市长")
    );
    assert_eq!(fifth.units_text, "★经信局、科技局、商务局");
    assert_eq!(fifth.area.as_deref(), Some("二、加快构建现代产业体系"));
    assert_eq!(parsed.tasks[0].area.as_deref(), Some("一、主要预期目标"));
    // The closing note is not a task: the accounting lists it, by its line number.
    let unmapped = parsed.accounting.unmapped();
    assert_eq!(unmapped.len(), 1);
    assert_eq!(unmapped[0].line, 17);
    let dataset = built_with(&[BREAKDOWN_TABLE]);
    let leaders: Vec<&str> = dataset
        .catalog
        .leaders
        .iter()
        .filter(|l| l.jurisdiction == "平湖市")
        .map(|l| l.name.as_str())
        .collect();
    assert_eq!(leaders.len(), 4, "{leaders:?}");
}

#[test]
fn a_third_quarter_report_with_its_columns_in_another_order() {
    let (kind, parsed) = parse(THIRD_QUARTER);
    assert_eq!(kind, DetectedKind::ProgressTable);
    let document = &parsed.document;
    assert_eq!(document.id, "pinghu-2023-q3-progress");
    assert_eq!(
        (document.period.as_str(), document.date.as_str()),
        ("2023年前三季度", "2023-09-30")
    );
    let numbers: Vec<u32> = parsed.tasks.iter().map(|t| t.number).collect();
    assert_eq!(numbers, (1..=10).collect::<Vec<_>>());
    let first = &parsed.tasks[0];
    assert_eq!(first.units_text, "★发改局、经信局、建设局、农业农村局");
    assert_eq!(first.problems, ["受外需收缩影响,部分出口型企业订单不足。"]);
    assert_eq!(
        first.next_steps,
        ["四季度抓好重点企业稳产达产,确保全年目标。"]
    );
    assert_eq!(
        first.other_columns,
        [
            ("完成时限".to_string(), "2023年12月".to_string()),
            ("联系人".to_string(), "张敏 85011234".to_string())
        ]
    );
    assert_eq!(first.area.as_deref(), Some("一、主要预期目标"));
    assert_eq!(parsed.accounting.kept_columns(), ["完成时限", "联系人"]);
    assert_eq!(parsed.tasks[5].remarks.len(), 1, "{:?}", parsed.tasks[5]);
    assert!(parsed.accounting.unmapped().is_empty());
}

#[test]
fn four_reports_of_one_year_join_exactly_or_closely_with_reasons() {
    let dataset = built_with(&[BREAKDOWN_TABLE, THIRD_QUARTER, YEAR_END]);
    // Rows 11–138 of the half-year report are in no other document: not listed.
    assert_eq!(dataset.commitments.len(), 10);
    let full: Vec<&Commitment> = dataset
        .commitments
        .iter()
        .filter(|c| c.records.len() == 4)
        .collect();
    assert_eq!(full.len(), 10);
    for commitment in &full {
        let dates: Vec<&str> = commitment.records.iter().map(|r| r.date.as_str()).collect();
        assert_eq!(dates, ["2023-02-20", "2023-06", "2023-09-30", "2023-12"]);
        assert_eq!(commitment.records[0].matched, JoinMatch::First);
        assert!(commitment.records[0]
            .task
            .starts_with("pinghu-2023-breakdown/"));
    }
    let third = commitment_of(&dataset, "pinghu-2023-breakdown/t3").expect("joined");
    // The breakdown words task 3 a little differently: close, with the reason.
    let reason = third.records[1].reason.as_deref().unwrap_or_default();
    assert_eq!(third.records[1].matched, JoinMatch::Close);
    assert!(
        reason.contains("文字相近") && reason.contains("序号相同(第3项)"),
        "{reason}"
    );
    // Full-width figures and spaces are the same text.
    let second = commitment_of(&dataset, "pinghu-2023-q3-progress/t2").expect("joined");
    assert_eq!(second.records[2].matched, JoinMatch::Exact);
    assert_eq!(
        normalise("一般公共预算收入增长 5％ 。"),
        normalise("一般公共预算收入增长5%。")
    );
    let eighth = commitment_of(&dataset, "pinghu-2023-q3-progress/t8").expect("joined");
    assert_eq!(eighth.records[2].matched, JoinMatch::Close);
    // The latest status of each: the year-end's.
    let latest: Vec<Status> = full
        .iter()
        .map(|c| c.records.last().map_or(Status::NotTracked, |r| r.status))
        .collect();
    assert!(latest.contains(&Status::NotCompleted) && latest.contains(&Status::Completed));
    let exact = dataset
        .commitments
        .iter()
        .flat_map(|c| &c.records)
        .filter(|r| r.matched == JoinMatch::Exact)
        .count();
    let close = dataset
        .commitments
        .iter()
        .flat_map(|c| &c.records)
        .filter(|r| r.matched == JoinMatch::Close)
        .count();
    assert_eq!((exact, close), (28, 2), "exact and close joins");
}

#[test]
fn a_report_that_does_not_say_whose_it_is_asks_instead_of_guessing() {
    let error = parse_document(&fixture(UNNAMED), UNNAMED, &DocumentDetails::default())
        .expect_err("no city, no year, no period");
    assert_eq!(
        error.missing,
        [
            MissingDetail::Jurisdiction,
            MissingDetail::Year,
            MissingDetail::Period
        ]
    );
    assert!(
        error
            .to_string()
            .starts_with("unnamed-progress.txt: 文中没有写明辖区"),
        "{error}"
    );
    let given = DocumentDetails {
        jurisdiction: Some("平湖市".into()),
        year: Some(2024),
        period: Some("一季度".into()),
        date: Some("2024-04-08".into()),
    };
    let (_, parsed) = parse_document(&fixture(UNNAMED), UNNAMED, &given).expect("parses");
    let document = &parsed.document;
    assert_eq!(document.id, "pinghu-2024-q1-progress");
    assert_eq!(
        (document.period.as_str(), document.date.as_str()),
        ("2024年一季度", "2024-04-08")
    );
    assert_eq!(parsed.tasks.len(), 3);
}

fn ingest(args: &[&str]) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run(&args, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).expect("UTF-8"),
        String::from_utf8(err).expect("UTF-8"),
    )
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("planboard-13-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn text_path(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

#[test]
fn the_command_line_marks_what_is_missing_and_takes_it_as_options_or_a_sidecar() {
    let unnamed = fixture_path(UNNAMED);
    let (code, stdout, stderr) = ingest(&["inspect", text_path(&unnamed)]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("辖区: 缺失 — 请用 --jurisdiction 指定"),
        "{stderr}"
    );
    assert!(stderr.contains("年份: 缺失 — 请用 --year 指定"), "{stderr}");
    assert!(
        stderr.contains("时段: 缺失 — 请用 --period 指定"),
        "{stderr}"
    );
    let (code, stdout, stderr) = ingest(&[
        "inspect",
        text_path(&unnamed),
        "--jurisdiction",
        "平湖市",
        "--year",
        "2024",
        "--period",
        "一季度",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("\"pinghu-2024-q1-progress\""));
    assert!(
        stderr.contains("pinghu-2024-q1-progress · 辖区 平湖市 · 年份 2024 · 时段 2024年一季度"),
        "{stderr}"
    );
    // build: the same details from a sidecar beside the file.
    let dir = scratch("sidecar");
    std::fs::write(dir.join("a.txt"), fixture(UNNAMED)).expect("write");
    let out = dir.join("out");
    let (code, _, stderr) = ingest(&["build", text_path(&dir), "--out", text_path(&out)]);
    assert_eq!(code, 1);
    assert!(stderr.starts_with("a.txt: 文中没有写明辖区"), "{stderr}");
    std::fs::write(
        dir.join("a.meta.json"),
        r#"{"jurisdiction": "平湖市", "year": 2024, "period": "上半年"}"#,
    )
    .expect("write");
    let (code, _, stderr) = ingest(&["build", text_path(&dir), "--out", text_path(&out)]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("a.txt: pinghu-2024-h1-progress"),
        "{stderr}"
    );
    // The options fill in what a file lacks and leave files that state theirs alone.
    std::fs::remove_file(dir.join("a.meta.json")).expect("remove");
    std::fs::write(dir.join("b.txt"), fixture(YEAR_END)).expect("write");
    let (code, _, stderr) = ingest(&[
        "build",
        text_path(&dir),
        "--out",
        text_path(&out),
        "--jurisdiction",
        "嘉兴市",
        "--year",
        "2024",
        "--period",
        "5月",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("a.txt: 嘉兴市-2024-m05-progress"),
        "{stderr}"
    );
    assert!(
        stderr.contains("b.txt: pinghu-2023-year-progress"),
        "{stderr}"
    );
    std::fs::remove_file(dir.join("b.txt")).expect("remove");
    std::fs::write(dir.join("a.meta.json"), r#"{"period": "下半年"}"#).expect("write");
    let (code, _, stderr) = ingest(&["build", text_path(&dir), "--out", text_path(&out)]);
    assert_eq!(code, 1);
    assert!(
        stderr.starts_with("a.meta.json: 时段“下半年”无法识别"),
        "{stderr}"
    );
    // build: the year-end report beside the published sources, joined in tasks.json.
    let dir = scratch("year-end");
    for entry in std::fs::read_dir(sources_dir()).expect("sources") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            std::fs::copy(&path, dir.join(path.file_name().expect("name"))).expect("copy");
        }
    }
    std::fs::write(dir.join(YEAR_END), fixture(YEAR_END)).expect("write");
    let (code, _, stderr) = ingest(&["build", text_path(&dir), "--out", text_path(&out)]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("同一事项: 10 项跨文件关联,其中 10 条完全一致、0 条相近匹配"),
        "{stderr}"
    );
    let tasks = std::fs::read_to_string(out.join("tasks.json")).expect("tasks.json");
    assert!(tasks.contains("\"commitments\": ["));
    assert!(tasks.contains("\"match\": \"exact\""));
}

#[test]
fn in_the_browser_missing_details_are_given_with_the_file_and_kept_with_it() {
    let base = built_with(&[]);
    let bytes = fixture(UNNAMED).into_bytes();
    let error =
        preview(&base, UNNAMED, &bytes, &DocumentDetails::default()).expect_err("asks for details");
    assert_eq!(error.missing.len(), 3);
    let stated = planboard_importer::local::stated_details(&fixture(THIRD_QUARTER));
    assert_eq!(stated.jurisdiction.as_deref(), Some("平湖市"));
    assert_eq!(stated.year, Some(2023));
    assert_eq!(stated.period.as_deref(), Some("前三季度"));
    let given = DocumentDetails {
        jurisdiction: Some("平湖市".into()),
        year: Some(2023),
        period: Some("前三季度".into()),
        date: None,
    };
    let shown = preview(&base, UNNAMED, &bytes, &given).expect("previews");
    assert_eq!(shown.document.id, "local-pinghu-2023-q3-progress");
    // Stored with its details, it merges on every load and joins the published
    // records of its year (the year-end fixture, imported too, joins them as well).
    let merged = merge(
        &base,
        &[
            LocalSource {
                file_name: UNNAMED.into(),
                imported_at: "2026-12-02T10:00:00Z".into(),
                text: fixture(UNNAMED),
                places: Vec::new(),
                format: None,
                details: given,
            },
            LocalSource {
                file_name: YEAR_END.into(),
                imported_at: "2026-12-02T10:01:00Z".into(),
                text: fixture(YEAR_END),
                places: Vec::new(),
                format: None,
                details: DocumentDetails::default(),
            },
        ],
    );
    assert_eq!(merged.problems().count(), 0);
    let local_year_end = merged
        .dataset
        .catalog
        .documents
        .iter()
        .find(|d| d.id == "local-pinghu-2023-year-progress")
        .expect("merged");
    // Its id before periods were part of ids, for notes made on it then.
    assert_eq!(local_year_end.former_ids, ["local-pinghu-2023-progress-2"]);
    let joined =
        commitment_of(&merged.dataset, "local-pinghu-2023-year-progress/t6").expect("joined");
    assert_eq!(joined.records[0].task, "pinghu-2023-h1-progress/t6");
    let _ = source_text(PINGHU_2023);
}

#[test]
fn verdicts_make_a_year_end_report_even_when_its_figures_say_little() {
    // The same year-end table with its year-end figures reworded and a half-year
    // comparison added: the verdicts opening its cells still make it the year-end report.
    let text = fixture(YEAR_END)
        .replace("全年实现", "实现")
        .replace("1-12月", "")
        .replace("高于年初目标", "较上半年提高0.2个百分点,高于年初目标");
    let (_, parsed) = parse_document(&text, YEAR_END, &DocumentDetails::default()).expect("parses");
    assert_eq!(parsed.document.id, "pinghu-2023-year-progress");
}

#[test]
fn a_year_end_report_in_running_text_reads_its_verdicts() {
    let text = "湖州市2025年政府工作报告重点工作任务全年完成情况\n\
                1\n\
                新开工保障性租赁住房3000套。(责任单位:市建设局、各区县政府)\n\
                已完成。全年新开工保障性租赁住房3412套,完成率113.7%。\n\
                2\n\
                建成城市书房20家。(责任单位:市文化广电旅游局)\n\
                未完成。因选址调整,建成17家,其余3家明年一季度开放。\n\
                3\n\
                完成湖州市域铁路前期工作。(责任单位:市发展改革委)\n\
                已完成可研报告编制,正在报批,湖州市交通部门配合推进。\n";
    let (kind, parsed) =
        parse_document(text, "year.txt", &DocumentDetails::default()).expect("parses");
    assert_eq!(kind, DetectedKind::ProgressReport);
    assert_eq!(parsed.document.id, "huzhou-2025-year-progress");
    let outcomes: Vec<Option<Status>> = parsed.tasks.iter().map(|t| t.outcome).collect();
    assert_eq!(
        outcomes,
        [Some(Status::Completed), Some(Status::NotCompleted), None]
    );
}
