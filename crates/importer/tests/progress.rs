//! The Huzhou 2024 key tasks with first-half progress, as a careful reader counts them.

mod common;

use common::content_of;
use planboard_importer::parsed::{ParsedDocument, RawTask};
use planboard_importer::period::DocumentDetails;
use planboard_importer::progress;
use planboard_model::{DocumentKind, TaskKind};
use proptest::prelude::*;

const FILE: &str = "huzhou-2024-tasks-h1-progress.txt";

fn source(name: &str) -> String {
    let path = format!("{}/../../data/sources/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn parsed() -> ParsedDocument {
    progress::parse(&source(FILE), FILE, &DocumentDetails::default()).unwrap()
}

fn task(doc: &ParsedDocument, number: u32) -> &RawTask {
    doc.tasks.iter().find(|t| t.number == number).unwrap()
}

/// Text of 1-based `line` of the source.
fn line(number: usize) -> String {
    source(FILE)
        .lines()
        .nth(number - 1)
        .unwrap()
        .trim()
        .to_string()
}

#[test]
fn seventy_six_tasks_numbered_in_order_the_first_inferred() {
    let doc = parsed();
    let numbers: Vec<u32> = doc.tasks.iter().map(|t| t.number).collect();
    assert_eq!(numbers, (1..=76).collect::<Vec<_>>());
    let inferred: Vec<u32> = doc
        .tasks
        .iter()
        .filter(|t| t.number_inferred)
        .map(|t| t.number)
        .collect();
    assert_eq!(inferred, [1], "only the first task lost its number line");
    let first = task(&doc, 1);
    assert_eq!(
        (first.local_id.as_str(), first.source.first_line),
        ("t1", 1)
    );
    assert!(doc
        .tasks
        .iter()
        .all(|t| t.kind == TaskKind::AnnualTask && t.leader.is_none()));
    assert!(doc
        .tasks
        .iter()
        .all(|t| t.local_id == format!("t{}", t.number)));
    assert!(
        doc.tasks.iter().all(|t| t.source.path.is_empty()),
        "the report has no section headings"
    );
}

#[test]
fn metadata_comes_from_the_content() {
    let document = parsed().document;
    assert_eq!(document.id, "huzhou-2024-h1-progress");
    assert_eq!(document.kind, DocumentKind::ProgressReport);
    assert_eq!(document.jurisdiction, "湖州市");
    assert_eq!(
        (document.year, document.period.as_str()),
        (2024, "2024年上半年")
    );
    assert_eq!(
        document.date, "2024-06-30",
        "from 截至2024年6月底 on line 2"
    );
    assert_eq!(
        document.title,
        "湖州市2024年政府工作报告重点工作任务上半年进展"
    );
    assert_eq!(document.issuer, "湖州市人民政府");
    assert_eq!(
        (document.source_file.as_str(), document.line_count),
        (FILE, 352)
    );
    // The same text under another name is the same document.
    assert_eq!(
        progress::parse(&source(FILE), "renamed.txt", &DocumentDetails::default())
            .unwrap()
            .document
            .id,
        document.id
    );
}

#[test]
fn exactly_seven_tasks_carry_a_lagging_remark() {
    let doc = parsed();
    let lagging: Vec<(u32, Vec<String>)> = doc
        .tasks
        .iter()
        .filter(|t| !t.remarks.is_empty())
        .map(|t| (t.number, t.remarks.clone()))
        .collect();
    let expected = [
        (
            13,
            "长田漾景区项目、湖职院项目进度慢于半年度目标,要加快推进",
        ),
        (21, "半年度PM2.5指标未完成省定目标要求,绝对值居全省末位"),
        (26, "新增“品字标”企业数未达半年度目标"),
        (55, "社零未完成半年度目标"),
        (58, "要加快《长三角科创枢纽城市建设意见》编制及发布进度"),
        (
            59,
            "工控全重实验室、莫干山地信实验室等机构要加大科研人员、科研项目引进力度",
        ),
        (66, "“湖州师院升格列入全省下一批次申报”事项需加强对接"),
    ];
    let expected: Vec<(u32, Vec<String>)> = expected
        .iter()
        .map(|(n, r)| (*n, vec![r.to_string()]))
        .collect();
    assert_eq!(lagging, expected);
}

/// Every line where a remark could stand — each unnumbered line under a task — and the
/// one numbered item with a lag-like word, each classified as a reader would.
#[test]
fn every_remark_candidate_is_classified() {
    let doc = parsed();
    let progress: Vec<&String> = doc.tasks.iter().flat_map(|t| &t.progress).collect();
    let remarks: Vec<&String> = doc.tasks.iter().flat_map(|t| &t.remarks).collect();
    // Short clauses, no full stop, a verdict (慢于 / 未完成…目标 / 未达…目标 / 要加快 /
    // 要加大 / 需加强).
    for remark_line in [59, 115, 137, 257, 271, 278, 305] {
        assert!(
            remarks.contains(&&line(remark_line)),
            "line {remark_line} is a remark"
        );
    }
    // Unnumbered paragraphs: the units' own reports (long sentences, no verdict).
    for progress_line in [
        15, 23, 24, 120, 121, 131, 185, 197, 204, 213, 216, 229, 232, 235, 238, 241, 244, 247, 250,
        253, 256, 285, 288, 291, 294, 323, 340, 343, 346,
    ] {
        assert!(
            progress.contains(&&line(progress_line)),
            "line {progress_line} is progress"
        );
    }
    // `暂缓推进` (postponed) is the unit explaining itself in a numbered item.
    assert!(line(219).contains("暂缓推进"));
    assert!(progress.contains(&&line(219)));
}

#[test]
fn spot_checks() {
    let doc = parsed();

    let first = task(&doc, 1);
    assert!(first.text.starts_with("落实好新时代为民办实事长效机制"));
    assert!(first
        .text
        .ends_with("把更多财力用在帮扶企业、促进发展、改善民生上。"));
    assert_eq!(
        first.units_text,
        "市政府办公室、市财政局、市级其他有关单位、各区县政府<含南太湖新区、长合区管委会>"
    );
    assert_eq!(first.progress.len(), 3);
    assert!(first.progress[0].starts_with("1.集中财力保障民生项目支出。截至2024年6月底"));
    assert_eq!((first.source.first_line, first.source.last_line), (1, 4));

    // Units without the 责任单位 label.
    let second = task(&doc, 2);
    assert!(second.text.starts_with("地区生产总值增长6%左右"));
    assert!(second
        .units_text
        .starts_with("市发展改革委、市财政局、市生态环境局"));
    assert_eq!((second.source.first_line, second.source.last_line), (5, 9));

    // Numbering skips (1., 3.) and a remark after the items.
    let thirteen = task(&doc, 13);
    assert_eq!(
        thirteen.units_text.split('、').next(),
        Some("南太湖新区管委会")
    );
    assert_eq!(thirteen.progress.len(), 2);
    assert!(
        thirteen.progress[0].starts_with("1.未来城")
            && thirteen.progress[1].starts_with("3.科学城")
    );
    assert_eq!(
        (thirteen.source.first_line, thirteen.source.last_line),
        (55, 59)
    );

    let eighteen = task(&doc, 18);
    assert_eq!(
        (eighteen.text.as_str(), eighteen.units_text.as_str()),
        ("加强国防动员和后备力量建设。", "市国动办")
    );
    assert_eq!(eighteen.progress.len(), 8);

    // Nothing reported under task 22.
    let twenty_two = task(&doc, 22);
    assert!(twenty_two.progress.is_empty() && twenty_two.remarks.is_empty());
    assert_eq!(
        twenty_two.units_text,
        "市生态环境局、市建设局、吴兴区政府、南太湖新区管委会"
    );

    // Two unnumbered paragraphs.
    let twenty_three = task(&doc, 23);
    assert_eq!(twenty_three.progress.len(), 2);
    assert!(twenty_three.progress[1].starts_with("全面强化河长履职"));

    // One unnumbered paragraph, then the verdict.
    let fifty_five = task(&doc, 55);
    assert_eq!(
        fifty_five.text,
        "社会消费品零售总额增长6%左右,出口占全省份额基本稳定。"
    );
    assert_eq!(
        (fifty_five.units_text.as_str(), fifty_five.progress.len()),
        ("市商务局、湖州海关", 1)
    );

    // A verdict and no progress at all.
    let sixty_six = task(&doc, 66);
    assert!(sixty_six.progress.is_empty());
    assert_eq!(sixty_six.units_text, "市教育局、湖州师范学院");

    let last = task(&doc, 76);
    assert_eq!(last.progress.len(), 4);
    assert!(last.progress[3].starts_with("5.截至6月底"));
    assert_eq!((last.source.first_line, last.source.last_line), (347, 352));
}

#[test]
fn every_line_is_accounted_for() {
    let doc = parsed();
    assert!(
        doc.accounting.unmapped().is_empty(),
        "{:?}",
        doc.accounting.unmapped()
    );
    let summary: Vec<(&str, u32)> = doc.accounting.summary().into_iter().collect();
    assert_eq!(
        summary,
        [
            ("noise", 1),
            ("progress", 193),
            ("remarks", 7),
            ("task-number", 75),
            ("task-text", 76)
        ]
    );
    let reported: usize = doc
        .tasks
        .iter()
        .map(|t| t.progress.len() + t.remarks.len())
        .sum();
    assert_eq!(
        reported, 200,
        "one progress item or remark per claimed line"
    );
}

/// Line 205 is a lone `·` between task 40's last report and task 41's number: a bullet
/// left over from the web page, with no letter or digit to lose. It is claimed as
/// `noise` and belongs to neither task.
#[test]
fn the_stray_bullet_is_noise() {
    let doc = parsed();
    assert_eq!(line(205), "·");
    assert_eq!(task(&doc, 40).source.last_line, 204);
    assert_eq!(task(&doc, 41).source.first_line, 206);
    assert!(doc
        .tasks
        .iter()
        .flat_map(|t| t.progress.iter().chain(&t.remarks))
        .all(|text| text != "·"));
    assert_eq!(doc.accounting.summary().get("noise"), Some(&1));
}

/// `1.text` → `1、text` (a decimal such as `3.1-5月` is left alone).
fn renumber(line: &str) -> String {
    match line.split_once('.') {
        Some((n, rest))
            if (1..=2).contains(&n.len())
                && n.chars().all(|c| c.is_ascii_digit())
                && !rest.starts_with(|c: char| c.is_ascii_digit()) =>
        {
            format!("{n}、{rest}")
        }
        _ => line.to_string(),
    }
}

#[test]
fn another_years_punctuation_reads_the_same() {
    let original = parsed();
    let crlf = progress::parse(
        &source(FILE).replace('\n', "\r\n"),
        FILE,
        &DocumentDetails::default(),
    )
    .unwrap();
    assert_eq!(crlf.tasks, original.tasks);

    // Full-width brackets and colons, 牵头单位, `1、` numbering, blank lines between lines.
    let variant: String = source(FILE)
        .lines()
        .map(|l| match l.strip_suffix(')') {
            Some(body) if body.contains("(责任单位:") => {
                format!("{}）", body.replacen("(责任单位:", "（牵头单位：", 1))
            }
            _ => renumber(l),
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    let reread = progress::parse(&variant, FILE, &DocumentDetails::default()).unwrap();
    let expected: Vec<_> = content_of(&original)
        .into_iter()
        .map(|(n, text, units, progress, remarks)| {
            (
                n,
                text,
                units,
                progress.iter().map(|p| renumber(p)).collect::<Vec<_>>(),
                remarks,
            )
        })
        .collect();
    assert_eq!(content_of(&reread), expected);
    assert!(reread.accounting.unmapped().is_empty());
}

#[test]
fn other_documents_are_not_this_kind() {
    assert!(progress::recognises(&source(FILE)));
    for other in [
        "pinghu-2023-tasks-h1-progress.txt",
        "huzhou-2021-task-breakdown.txt",
        "huzhou-14th-five-year-plan.txt",
        "huzhou-2020-work-report.txt",
    ] {
        assert!(!progress::recognises(&source(other)), "{other}");
    }
    let error = progress::parse(
        &source("pinghu-2023-tasks-h1-progress.txt"),
        "pinghu.txt",
        &DocumentDetails::default(),
    )
    .unwrap_err();
    assert!(
        error.to_string().starts_with("pinghu.txt:1: no task found"),
        "{error}"
    );
    assert_eq!(
        progress::parse("", "empty.txt", &DocumentDetails::default())
            .unwrap_err()
            .to_string(),
        "empty.txt: empty document: no text to import"
    );
}

/// Pieces of the report's own vocabulary, so random text reaches the parser's depths.
fn report_like() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "1",
        "２",
        "12、",
        "\n",
        "\r\n",
        "\n\n",
        "任务。",
        "(责任单位:市财政局)",
        "（市委办、各区县政府<含新区>）",
        "(",
        ")",
        "）",
        "1.",
        "（1）",
        "一、",
        "·",
        "截至2024年6月底",
        "湖州市",
        "上半年",
        "社零未完成半年度目标",
        "要加快",
        "未完成",
        "é",
        "\u{feff}",
        "\u{3000}",
        "|",
        "★",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|pieces| pieces.concat())
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in any::<String>(), shaped in report_like()) {
        for input in [&text, &shaped] {
            match progress::parse(input, "p.txt", &DocumentDetails::default()) {
                Ok(doc) => prop_assert!(!doc.tasks.is_empty()),
                Err(error) => prop_assert!(error.to_string().starts_with("p.txt:")),
            }
            let _ = progress::recognises(input);
        }
    }
}
