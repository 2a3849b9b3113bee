//! Huzhou's 2020 government work report, as a careful reader counts it.

use planboard_importer::parsed::{ParsedDocument, RawTask};
use planboard_importer::report;
use planboard_model::{DocumentKind, TaskKind};
use proptest::prelude::*;

const SOURCE: &str = include_str!("../../../data/sources/huzhou-2020-work-report.txt");
const FILE: &str = "huzhou-2020-work-report.txt";

fn parsed() -> ParsedDocument {
    report::parse(SOURCE, FILE).expect("the report parses")
}

fn task<'a>(doc: &'a ParsedDocument, local_id: &str) -> &'a RawTask {
    doc.tasks
        .iter()
        .find(|t| t.local_id == local_id)
        .expect("task with that id")
}

#[test]
fn document_metadata_comes_from_the_title_block() {
    let d = parsed().document;
    assert_eq!(d.id, "huzhou-2020-report");
    assert_eq!(d.kind, DocumentKind::WorkReport);
    assert_eq!(d.title, "2020年浙江省湖州市人民政府工作报告");
    assert_eq!(d.issuer, "湖州市人民政府");
    assert_eq!(d.jurisdiction, "湖州市");
    assert_eq!(d.date, "2020-04-27");
    assert_eq!(d.period, "2020年");
    assert_eq!(d.year, 2020);
    assert_eq!(d.line_count, 189);
}

#[test]
fn eight_areas_with_their_paragraphs() {
    let doc = parsed();
    let outline = doc.report.as_ref().expect("a report outline");
    assert_eq!(outline.document, "huzhou-2020-report");
    let areas: Vec<(&str, &str, usize)> = outline
        .areas
        .iter()
        .map(|a| (a.number.as_str(), a.title.as_str(), a.tasks.len()))
        .collect();
    assert_eq!(
        areas,
        [
            ("（一）", "突出稳企业、增动能，提升产业现代化水平", 4),
            ("（二）", "聚力补短板、强弱项，坚决打赢三大攻坚战", 3),
            (
                "（三）",
                "着眼系统集成、协同高效，依靠改革打造营商环境最优市",
                3
            ),
            ("（四）", "紧扣高质量、一体化，构筑高水平开放新格局", 3),
            (
                "（五）",
                "锚定样板地、模范生，推动新时代生态文明建设走在前列",
                3
            ),
            ("（六）", "聚焦提能级、添活力，拓展城市发展新空间", 3),
            ("（七）", "立足全域美、全面兴，打造乡村振兴示范区", 3),
            (
                "（八）",
                "坚持惠民生、保平安，推进民生改善和社会治理创新",
                6
            ),
        ]
    );
    assert_eq!(outline.areas[0].tasks, ["w1-01", "w1-02", "w1-03", "w1-04"]);
    assert_eq!(outline.areas[7].tasks[5], "w8-06");
    // Every id in the outline is a task's local id, in document order.
    let listed: Vec<&str> = outline
        .targets
        .iter()
        .chain(outline.areas.iter().flat_map(|a| &a.tasks))
        .map(String::as_str)
        .collect();
    let tasks: Vec<&str> = doc.tasks.iter().map(|t| t.local_id.as_str()).collect();
    assert_eq!(listed, tasks);
}

#[test]
fn work_paragraphs_are_report_work_tasks() {
    let doc = parsed();
    let work: Vec<&RawTask> = doc
        .tasks
        .iter()
        .filter(|t| t.kind == TaskKind::ReportWork)
        .collect();
    assert_eq!(work.len(), 28);
    for task in &work {
        assert!(task.leader.is_none() && task.units_text.is_empty());
        assert!(task.progress.is_empty() && task.remarks.is_empty());
        assert!(
            task.number_inferred,
            "the speech does not number its paragraphs"
        );
        assert_eq!(task.source.path.len(), 1);
        assert!(task.source.path[0].starts_with('（'));
    }
    let first = task(&doc, "w1-01");
    assert_eq!(first.number, 1);
    assert!(first
        .text
        .starts_with("坚定不移支持企业发展。认真落实关于营造更好发展环境"));
    assert_eq!(
        first.source.path,
        ["（一）突出稳企业、增动能，提升产业现代化水平"]
    );
    assert_eq!((first.source.first_line, first.source.last_line), (93, 93));
    // A paragraph cut by a page break is rejoined without inserting anything.
    let cut = task(&doc, "w1-03");
    assert_eq!((cut.source.first_line, cut.source.last_line), (97, 99));
    assert!(cut
        .text
        .contains("实施千企智能化改造示范项目，带动全市工业技改投资增长 15%以上。"));
    let cut_word = task(&doc, "w3-01");
    assert!(cut_word.text.contains("覆盖更多监管领域。"));
    assert!(task(&doc, "w8-05")
        .text
        .ends_with("着力构建以太湖龙之梦为龙头的文旅发展新格局。"));
    let last = task(&doc, "w8-06");
    assert_eq!(last.number, 6);
    assert!(last.text.starts_with("高水平建设平安湖州。"));
    assert!(last.text.ends_with("做好第七次全国人口普查。"));
}

#[test]
fn expected_targets_one_per_clause() {
    let doc = parsed();
    let targets: Vec<&RawTask> = doc
        .tasks
        .iter()
        .filter(|t| t.kind == TaskKind::ReportTarget)
        .collect();
    let texts: Vec<&str> = targets.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "地区生产总值增长 7%左右",
            "财政总收入和地方财政收入均增长 8%左右",
            "城镇、农村居民人均可支配收入分别增长 7.5%和 8%左右",
            "研究与试验发展经费支出相当于地区生产总值的比例达到 2.9%以上",
            "固定资产投资增长 10%",
            "社会消费品零售总额增长 8%左右",
            "城镇登记失业率控制在 3%以内",
            "节能减排降碳完成省定任务",
        ]
    );
    let outline = doc.report.as_ref().expect("outline");
    let ids: Vec<String> = (1..=8).map(|n| format!("target{n:02}")).collect();
    assert_eq!(outline.targets, ids);
    for (index, target) in targets.iter().enumerate() {
        assert_eq!(target.number, index as u32 + 1);
        assert_eq!(
            (target.source.first_line, target.source.last_line),
            (85, 85)
        );
        assert_eq!(target.source.path, ["二、2020年重点任务"]);
        assert!(target.leader.is_none() && target.units_text.is_empty());
    }
}

#[test]
fn every_line_is_accounted_for() {
    let doc = parsed();
    assert_eq!(doc.accounting.unmapped(), vec![]);
    let summary = doc.accounting.summary();
    let expected = [
        ("header", 5),
        ("review", 33),
        ("heading", 1),
        ("intro", 4),
        ("target", 1),
        ("area", 8),
        ("work", 32),
        ("address", 2),
        ("livelihood-note", 1),
        ("self-improvement", 6),
        ("closing", 1),
        ("blank", 95),
    ];
    for (field, lines) in expected {
        assert_eq!(summary.get(field), Some(&lines), "{field}");
    }
    assert_eq!(summary.values().sum::<u32>(), 189);
}

/// The report's own punctuation swapped for half-width, CRLF line ends, and the other
/// numbering styles: parts `第一部分`, areas `一、`.
#[test]
fn later_documents_punctuation_and_numbering_variants() {
    let half_width: String = SOURCE
        .chars()
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '，' => ',',
            '：' => ':',
            '；' => ';',
            other => other,
        })
        .collect::<String>()
        .replace('\n', "\r\n");
    let renumbered: String = SOURCE
        .lines()
        .map(|line| {
            let line = ["一", "二", "三"].iter().fold(line.to_string(), |l, n| {
                if l.starts_with(&format!("{n}、")) && !l.contains('。') {
                    l.replacen(&format!("{n}、"), &format!("第{n}部分 "), 1)
                } else {
                    l
                }
            });
            let area = line.starts_with('（') && !line.contains('。');
            let line = if area {
                line.replacen('（', "", 1).replacen('）', "、", 1)
            } else {
                line
            };
            format!("{line}\n")
        })
        .collect();
    for (variant, first_area) in [(half_width, "(一)"), (renumbered, "一、")] {
        let doc = report::parse(&variant, FILE).expect("variant parses");
        let areas = &doc.report.as_ref().expect("outline").areas;
        assert_eq!(areas[0].number, first_area);
        assert_eq!(
            areas[7].title.replace(',', "，"),
            "坚持惠民生、保平安，推进民生改善和社会治理创新"
        );
        assert_eq!(doc.document.id, "huzhou-2020-report");
        let outline = doc.report.as_ref().expect("outline");
        let counts: Vec<usize> = outline.areas.iter().map(|a| a.tasks.len()).collect();
        assert_eq!(counts, [4, 3, 3, 3, 3, 3, 3, 6]);
        assert_eq!(outline.targets.len(), 8);
        assert_eq!(doc.accounting.unmapped(), vec![]);
    }
}

#[test]
fn other_text_is_refused_with_file_and_line() {
    let plan = include_str!("../../../data/sources/huzhou-14th-five-year-plan.txt");
    let error = report::parse(plan, "p.txt").expect_err("a plan is not a work report");
    assert_eq!(error.file, "p.txt");
    assert!(error.line >= 1);
    assert_eq!(
        report::parse("\n \n", "e.txt")
            .map(|_| ())
            .map_err(|e| e.line),
        Err(0)
    );
    let no_targets = SOURCE.replace("主要预期目标为", "主要安排为");
    let error = report::parse(&no_targets, "n.txt").expect_err("no targets paragraph");
    assert!(error.message.contains("目标"), "{}", error.message);
    assert_eq!(error.line, 13, "reported at the first part heading");
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let _ = report::parse(&text, "any.txt");
    }

    /// Real lines in random order and number, with random noise, reach every branch.
    #[test]
    fn shuffled_real_lines_never_panic(
        picks in prop::collection::vec(0usize..189, 0..80),
        noise in prop::collection::vec(any::<String>(), 0..5),
    ) {
        let lines: Vec<&str> = SOURCE.lines().collect();
        let mut text: String = lines[..11].join("\n");
        for (n, pick) in picks.iter().enumerate() {
            text.push('\n');
            text.push_str(lines.get(*pick).copied().unwrap_or(""));
            if let Some(extra) = noise.get(n % 9) {
                text.push_str(extra);
            }
        }
        if let Ok(doc) = report::parse(&text, "mixed.txt") {
            let outline = doc.report.expect("a parsed report has an outline");
            prop_assert!(!outline.areas.is_empty() && !outline.targets.is_empty());
        }
    }
}
