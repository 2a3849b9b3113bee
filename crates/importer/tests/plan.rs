//! The 14th five-year plan outline of Huzhou, as a careful reader counts it.

use planboard_importer::parsed::{ParsedDocument, PlanParts};
use planboard_importer::plan;
use planboard_model::DocumentKind;
use proptest::prelude::*;

const SOURCE: &str = include_str!("../../../data/sources/huzhou-14th-five-year-plan.txt");
const FILE: &str = "huzhou-14th-five-year-plan.txt";
const CHAPTER_9: &str = "九、以“轨道上的湖州”引领现代化基础设施建设,提升高质量赶超发展支撑力";

fn parsed() -> ParsedDocument {
    plan::parse(SOURCE, FILE).expect("the plan parses")
}

fn parts(doc: &ParsedDocument) -> &PlanParts {
    doc.plan.as_ref().expect("a plan has plan parts")
}

#[test]
fn document_metadata_comes_from_the_notice() {
    let doc = parsed();
    let d = &doc.document;
    assert_eq!(d.id, "huzhou-2021-plan");
    assert_eq!(d.kind, DocumentKind::FiveYearPlan);
    assert_eq!(
        d.title,
        "湖州市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要（湖政发〔2021〕6号）"
    );
    assert_eq!(d.issuer, "湖州市人民政府");
    assert_eq!(d.jurisdiction, "湖州市");
    assert_eq!(d.date, "2021-04-02");
    assert_eq!(d.period, "2021—2025年");
    assert_eq!(d.year, 2021);
    assert_eq!(d.source_file, FILE);
    assert_eq!(d.line_count, 299);
    assert!(doc.tasks.is_empty() && doc.projects.is_empty() && doc.report.is_none());
}

#[test]
fn every_line_is_accounted_for() {
    let doc = parsed();
    assert_eq!(doc.accounting.unmapped(), vec![]);
    let summary = doc.accounting.summary();
    let expected = [
        ("header", 13),
        ("section", 187),
        ("heading", 1),
        ("box", 10),
        ("figure", 1),
        ("result-table", 3),
        ("result", 42),
        ("result-note", 1),
        ("indicator-table", 2),
        ("indicator", 38),
        ("indicator-note", 1),
    ];
    for (field, lines) in expected {
        assert_eq!(summary.get(field), Some(&lines), "{field}");
    }
    assert_eq!(summary.values().sum::<u32>(), 299);
}

#[test]
fn sections_are_paragraphs_titled_by_their_lead_sentence() {
    let doc = parsed();
    let sections = &parts(&doc).sections;
    assert_eq!(sections.len(), 187);
    let titled = sections.iter().filter(|s| !s.title.is_empty()).count();
    assert_eq!(titled, 150, "paragraphs opening with a lead sentence");
    for (index, section) in sections.iter().enumerate() {
        assert_eq!(section.id, format!("huzhou-2021-plan/s{:03}", index + 1));
        assert_eq!(section.kind, "plan-section");
        assert_eq!(section.document, "huzhou-2021-plan");
        assert!(!section.title.ends_with('。'));
        assert_eq!(section.source.first_line, section.source.last_line);
    }
    let at = |line: u32| {
        sections
            .iter()
            .find(|s| s.source.first_line == line)
            .expect("a section on that line")
    };
    assert_eq!(at(146).title, "加快推进数字产业化");
    assert!(at(146)
        .text
        .starts_with("聚焦新型电子元器件、新型显示等数字智造"));
    assert_eq!(
        at(78).title,
        "绿色赋能",
        "the list dash is not part of the title"
    );
    assert_eq!(at(84).title, "高水平建设绿色智造城市,经济发展迈上新台阶");
    assert_eq!(
        at(203).title,
        "健全进城落户农民依法自愿有偿转让退出农村权益制度"
    );
    assert_eq!(at(294).title, "坚持“三不”一体推进正风肃纪反腐");
    assert_eq!(at(65).title, "世界正经历百年未有之大变局");
    // Chapter introductions have no lead sentence: kept whole, untitled.
    assert_eq!(at(131).title, "");
    assert!(at(131).text.starts_with("坚持人才强市创新强市首位战略"));
    assert_eq!(
        at(299).title,
        "",
        "the closing paragraph's first sentence is no headline"
    );
}

#[test]
fn the_surviving_chapter_heading_covers_its_chapter_only() {
    let doc = parsed();
    let sections = &parts(&doc).sections;
    let in_chapter: Vec<u32> = sections
        .iter()
        .filter(|s| s.chapter.is_some())
        .map(|s| s.source.first_line)
        .collect();
    // From the heading on line 206 to the next chapter's introduction on line 225.
    let expected: Vec<u32> = (207..=224)
        .filter(|l| ![213, 216, 221].contains(l))
        .collect();
    assert_eq!(in_chapter, expected);
    for section in sections.iter().filter(|s| s.chapter.is_some()) {
        assert_eq!(section.chapter.as_deref(), Some(CHAPTER_9));
        assert_eq!(section.source.path, vec![CHAPTER_9.to_string()]);
    }
    let after = sections
        .iter()
        .find(|s| s.source.first_line == 225)
        .expect("line 225");
    assert_eq!(after.chapter, None);
    assert!(after.source.path.is_empty());
}

#[test]
fn boxes_with_number_title_and_entries() {
    let doc = parsed();
    let boxes = &parts(&doc).boxes;
    let numbers: Vec<&str> = boxes.iter().map(|b| b.number.as_str()).collect();
    assert_eq!(
        numbers,
        [
            "专栏3—1",
            "专栏4—1",
            "专栏5—1",
            "专栏5—2",
            "专栏6—1",
            "专栏9—1",
            "专栏9—2",
            "专栏9—3",
            "专栏10—1",
            "专栏11—1"
        ]
    );
    assert_eq!(boxes.len(), 10);
    let entry_counts: Vec<usize> = boxes.iter().map(|b| b.entries.len()).collect();
    assert_eq!(entry_counts, [5, 10, 4, 6, 5, 6, 5, 3, 4, 3]);
    let first = &boxes[0];
    assert_eq!(first.id, "huzhou-2021-plan/b01");
    assert_eq!(first.kind, "plan-box");
    assert_eq!(first.title, "“五谷丰登”计划");
    assert!(first.entries[0].starts_with("1.“科学谷”位于湖州高铁站旁"));
    assert!(first.entries[4].ends_with("成为“国际会客厅和创新高地”。"));
    assert_eq!(boxes[1].title, "打造十大引领性、标志性产业集群");
    assert!(boxes[1].entries[9].starts_with("10.健康椅业产业集群。"));
    // An introduction before the numbered items and a closing note after them.
    assert!(boxes[3].entries[0].starts_with("“十四五”期间,滚动推进"));
    assert_eq!(boxes[4].title, "冠军领航行动");
    assert!(boxes[4].entries[4].starts_with("推动小微企业上规升级"));
    assert_eq!(boxes[9].title, "城市品牌“2+2+4”系列IP");
    assert!(boxes[9].entries.iter().all(|e| e.starts_with("——")));
    assert!(boxes
        .iter()
        .all(|b| !b.entries.iter().any(|e| e.contains('|'))));
}

#[test]
fn a_box_that_lost_its_number_line_gets_the_number_its_neighbours_imply() {
    let doc = parsed();
    let lost = &parts(&doc).boxes[5];
    assert_eq!(lost.number, "专栏9—1");
    assert_eq!(lost.title, "", "the title was lost with the number");
    assert_eq!((lost.source.first_line, lost.source.last_line), (213, 213));
    assert_eq!(lost.source.path, vec![CHAPTER_9.to_string()]);
    assert!(lost.entries[0].starts_with("计划完成投资1500亿元"));
    assert!(lost.entries[5].starts_with("5.水运项目1项。"));
}

#[test]
fn indicators_of_table_2_1() {
    let doc = parsed();
    let indicators = &parts(&doc).indicators;
    let is_breakdown = |id: &str| {
        id.rsplit('/')
            .next()
            .is_some_and(|local| local.contains('-'))
    };
    let numbered: Vec<u32> = indicators
        .iter()
        .filter(|i| !is_breakdown(&i.id))
        .map(|i| i.number)
        .collect();
    assert_eq!(
        numbered,
        (1..=37).collect::<Vec<u32>>(),
        "37 numbered indicators in order"
    );
    assert_eq!(
        indicators.len(),
        38,
        "plus the 其中 breakdown of indicator 9"
    );
    for (index, indicator) in indicators
        .iter()
        .filter(|i| !is_breakdown(&i.id))
        .enumerate()
    {
        assert_eq!(indicator.id, format!("huzhou-2021-plan/i{:02}", index + 1));
        assert_eq!(indicator.kind, "indicator");
        assert_eq!(indicator.document, "huzhou-2021-plan");
        assert_eq!(
            indicator.source.first_line,
            92 + index as u32 + u32::from(index >= 9)
        );
    }
}

#[test]
fn categories_are_carried_to_rows_that_do_not_print_them() {
    let doc = parsed();
    let category_of = |number: u32| -> &str {
        match number {
            1..=5 => "经济发展",
            6..=9 => "科技创新",
            10..=12 => "改革开放",
            13..=14 => "文化发展",
            15..=21 => "生态环境",
            22..=23 => "市域治理",
            24..=34 => "社会民生",
            _ => "安全保障",
        }
    };
    for indicator in &parts(&doc).indicators {
        assert_eq!(
            indicator.category,
            category_of(indicator.number),
            "{}",
            indicator.name
        );
    }
}

#[test]
fn attribute_column_binding_or_expected() {
    let doc = parsed();
    let binding = [15, 16, 17, 18, 19, 20, 22, 25, 32, 35, 37];
    for indicator in &parts(&doc).indicators {
        let expected = if binding.contains(&indicator.number) {
            "约束性"
        } else {
            "预期性"
        };
        assert_eq!(
            indicator.attribute, expected,
            "indicator {}",
            indicator.number
        );
    }
}

#[test]
fn indicator_spot_checks_and_value_parsing() {
    let doc = parsed();
    let indicators = &parts(&doc).indicators;
    let by_id = |local: &str| {
        let id = format!("huzhou-2021-plan/{local}");
        indicators.iter().find(|i| i.id == id).expect("indicator")
    };
    let gdp = by_id("i01");
    assert_eq!(
        (gdp.number, gdp.name.as_str(), gdp.unit.as_str()),
        (1, "生产总值(GDP)", "亿元")
    );
    assert_eq!(
        (gdp.baseline.as_str(), gdp.baseline_value),
        ("3201.4", Some(3201.4))
    );
    assert_eq!(
        (gdp.target.as_str(), gdp.target_value),
        ("5000", Some(5000.0))
    );
    assert_eq!(
        (gdp.growth.as_str(), gdp.attribute.as_str()),
        ("—", "预期性")
    );
    let talent = by_id("i07");
    assert_eq!(
        (talent.name.as_str(), talent.unit.as_str()),
        ("人才资源总量", "万人")
    );
    assert_eq!(
        (talent.baseline_value, talent.target_value),
        (Some(83.92), Some(100.0))
    );
    // `—` and bounded or worded values keep their text and have no plain value.
    let productivity = by_id("i02");
    assert_eq!(
        (productivity.baseline_value, productivity.target_value),
        (None, None)
    );
    assert_eq!(productivity.growth, ">6");
    let unemployment = by_id("i26");
    assert_eq!(
        (unemployment.target.as_str(), unemployment.target_value),
        ("≤4.5", None)
    );
    assert_eq!(by_id("i14").target, "高于全省平均");
    assert_eq!(by_id("i14").target_value, None);
    assert_eq!(by_id("i13").baseline_value, Some(-10.0));
    assert_eq!(by_id("i13").growth, "10以上");
    // Cell text wrapped in print is rejoined.
    assert_eq!(by_id("i05").growth, "与经济增长同步");
    assert_eq!(by_id("i15").growth, "完成省下达目标");
    assert_eq!(by_id("i28").name, "每千人执业(助理)医师数(常住人口)");
    assert_eq!(by_id("i32").growth, "[5]");
    assert_eq!(by_id("i36").unit, "万吨标煤");
    let last = by_id("i37");
    assert_eq!(
        (last.name.as_str(), last.attribute.as_str()),
        ("粮食综合生产能力", "约束性")
    );
    // The breakdown row shares its parent's merged unit and attribute cells.
    let core = by_id("i09-1");
    assert_eq!(core.number, 9);
    assert_eq!(core.name, "其中:数字经济核心产业增加值占GDP比重");
    assert_eq!(
        (core.unit.as_str(), core.attribute.as_str()),
        ("%", "预期性")
    );
    assert_eq!(
        (core.baseline_value, core.target_value),
        (Some(4.9), Some(7.0))
    );
    assert_eq!(core.source.first_line, 101);
}

#[test]
fn results_of_table_1_1() {
    let doc = parsed();
    let results = &parts(&doc).results;
    assert_eq!(results.len(), 42);
    let categories: Vec<(&str, usize)> = ["经济发展", "创新驱动", "资源环境", "民生福祉"]
        .iter()
        .map(|c| (*c, results.iter().filter(|r| r.category == *c).count()))
        .collect();
    assert_eq!(
        categories,
        [
            ("经济发展", 12),
            ("创新驱动", 6),
            ("资源环境", 15),
            ("民生福祉", 9)
        ]
    );
    let gdp = &results[0];
    assert_eq!(gdp.id, "huzhou-2021-plan/r01");
    assert_eq!(gdp.kind, "result");
    assert_eq!(gdp.name, "全市生产总值(亿元)");
    let cells: Vec<(&str, &str)> = gdp
        .cells
        .iter()
        .map(|(h, v)| (h.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        cells,
        [
            ("规划目标·2020年", "3000"),
            ("规划目标·年均增长", "8%以上"),
            ("完成情况·2020年", "3201.4"),
            ("完成情况·年均增长", "7.1%")
        ]
    );
    // Merged cells: one value for the whole group.
    let exports = &results[6];
    assert_eq!(exports.name, "外贸出口(亿元)");
    assert_eq!(exports.cells.len(), 2);
    assert_eq!(
        exports.cells[0],
        (
            "规划目标".to_string(),
            "适度增长,提高占全省比重".to_string()
        )
    );
    // Indicator groups keep their unit in the name.
    assert_eq!(results[11].name, "城市化率(%)·户籍人口城市化率");
    assert_eq!(results[27].name, "主要污染物排放总量减少(%)·氮氧化物");
    assert_eq!(results[30].name, "全市市控以上监测断面Ⅰ-Ⅲ类水质比例(%)");
    let last = &results[41];
    assert_eq!(last.name, "亿元生产总值生产安全事故死亡率(人/亿元)");
    assert_eq!(
        last.cells[2],
        ("完成情况·2020年".to_string(), "0.0338".to_string())
    );
    assert_eq!((last.source.first_line, last.source.last_line), (62, 62));
}

#[test]
fn layout_variants_give_the_same_records() {
    let reference = parsed();
    let crlf = SOURCE.replace('\n', "\r\n");
    let spaced = SOURCE.replace('\n', "\n\n");
    let indented: String = SOURCE
        .lines()
        .map(|l| format!("\u{3000}\u{3000}{l}\n"))
        .collect();
    for variant in [crlf, spaced, indented] {
        let doc = plan::parse(&variant, FILE).expect("variant parses");
        assert_eq!(doc.document.title, reference.document.title);
        assert_eq!(doc.accounting.unmapped(), vec![]);
        let (a, b) = (parts(&doc), parts(&reference));
        let strip = |p: &PlanParts| {
            (
                p.sections
                    .iter()
                    .map(|s| (s.title.clone(), s.text.clone(), s.chapter.clone()))
                    .collect::<Vec<_>>(),
                p.boxes
                    .iter()
                    .map(|b| (b.number.clone(), b.entries.clone()))
                    .collect::<Vec<_>>(),
                p.indicators
                    .iter()
                    .map(|i| (i.id.clone(), i.category.clone(), i.target.clone()))
                    .collect::<Vec<_>>(),
                p.results
                    .iter()
                    .map(|r| (r.name.clone(), r.cells.clone()))
                    .collect::<Vec<_>>(),
            )
        };
        assert_eq!(strip(a), strip(b));
    }
}

#[test]
fn other_text_is_refused_with_file_and_line() {
    let report = include_str!("../../../data/sources/huzhou-2020-work-report.txt");
    let error = plan::parse(report, "r.txt").expect_err("a work report is not a plan");
    assert_eq!(error.file, "r.txt");
    assert!(error.line >= 1);
    assert!(error.to_string().starts_with("r.txt:"));
    assert_eq!(
        plan::parse("", "e.txt").map(|_| ()).map_err(|e| e.line),
        Err(0)
    );
    let no_title = "湖州市人民政府\n2021年4月2日\n这不是标题。\n";
    let error = plan::parse(no_title, "t.txt").expect_err("no plan title");
    assert_eq!(error.line, 3);
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let _ = plan::parse(&text, "any.txt");
    }

    /// Real lines in random order and number, with random noise, reach every branch.
    #[test]
    fn shuffled_real_lines_never_panic(
        picks in prop::collection::vec(0usize..299, 0..60),
        noise in prop::collection::vec(any::<String>(), 0..5),
    ) {
        let lines: Vec<&str> = SOURCE.lines().collect();
        let mut text: String = lines[..13].join("\n");
        for (n, pick) in picks.iter().enumerate() {
            text.push('\n');
            text.push_str(lines.get(*pick).copied().unwrap_or(""));
            if let Some(extra) = noise.get(n % 7) {
                text.push_str(extra);
            }
        }
        if let Ok(doc) = plan::parse(&text, "mixed.txt") {
            prop_assert_eq!(doc.accounting.line_count() as usize, text.lines().count());
        }
    }
}
