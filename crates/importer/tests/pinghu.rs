//! The Pinghu 2023 task table with first-half completion, as a careful reader counts it.

mod common;

use common::content_of;
use planboard_importer::parsed::{ParsedDocument, RawTask};
use planboard_importer::period::DocumentDetails;
use planboard_importer::pinghu;
use planboard_model::{DocumentKind, TaskKind};
use proptest::prelude::*;

const FILE: &str = "pinghu-2023-tasks-h1-progress.txt";

fn source(name: &str) -> String {
    let path = format!("{}/../../data/sources/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn parsed() -> ParsedDocument {
    pinghu::parse(&source(FILE), FILE, &DocumentDetails::default()).unwrap()
}

fn row(doc: &ParsedDocument, number: u32) -> &RawTask {
    doc.tasks.iter().find(|t| t.number == number).unwrap()
}

#[test]
fn one_hundred_thirty_eight_rows_in_order() {
    let doc = parsed();
    let numbers: Vec<u32> = doc.tasks.iter().map(|t| t.number).collect();
    assert_eq!(numbers, (1..=138).collect::<Vec<_>>());
    assert!(doc
        .tasks
        .iter()
        .all(|t| !t.number_inferred && t.kind == TaskKind::AnnualTask && t.leader.is_none()));
    assert!(doc
        .tasks
        .iter()
        .all(|t| t.local_id == format!("t{}", t.number)));
    // One row per line, right after the header on line 1.
    assert!(doc
        .tasks
        .iter()
        .all(|t| t.source.first_line == t.number + 1 && t.source.last_line == t.number + 1));
    // No completion cell is numbered: each is one progress item.
    assert!(doc.tasks.iter().all(|t| t.progress.len() == 1));
}

#[test]
fn metadata_comes_from_the_content() {
    let document = parsed().document;
    assert_eq!(document.id, "pinghu-2023-h1-progress");
    assert_eq!(document.kind, DocumentKind::ProgressReport);
    assert_eq!(document.jurisdiction, "平湖市");
    assert_eq!(
        (document.year, document.period.as_str()),
        (2023, "2023年上半年")
    );
    // No `截至6月底` in the table: only the month of the period's end is known.
    assert_eq!(document.date, "2023-06");
    assert_eq!(
        document.title,
        "平湖市2023年政府工作报告主要工作任务上半年完成情况"
    );
    assert_eq!(document.issuer, "平湖市人民政府");
    assert_eq!(
        (document.source_file.as_str(), document.line_count),
        (FILE, 139)
    );
}

/// The completion cells are the units' own reports; none carries a verdict that the
/// task lags. The only words that look like one are `落后` in `淘汰落后用能`
/// (obsolete energy use, rows 96 and 97), which is progress.
#[test]
fn no_row_carries_a_lagging_remark() {
    let doc = parsed();
    let lagging: Vec<u32> = doc
        .tasks
        .iter()
        .filter(|t| !t.remarks.is_empty())
        .map(|t| t.number)
        .collect();
    assert_eq!(lagging, Vec::<u32>::new());
    for near_miss in [96, 97] {
        assert!(row(&doc, near_miss).progress[0].contains("落后用能"));
    }
    let with_lag_words: Vec<u32> = doc
        .tasks
        .iter()
        .filter(|t| {
            [
                "滞后",
                "慢于",
                "未完成",
                "缓慢",
                "未达",
                "要加快",
                "需加强",
                "落后",
            ]
            .iter()
            .any(|w| t.progress[0].contains(w))
        })
        .map(|t| t.number)
        .collect();
    assert_eq!(with_lag_words, [96, 97], "every candidate was read");
}

#[test]
fn spot_checks() {
    let doc = parsed();

    let first = row(&doc, 1);
    assert_eq!(first.text, "生产总值增长6%。");
    assert_eq!(first.units_text, "★发改局、经信局、建设局、农业农村局");
    assert_eq!(
        first.progress,
        ["一季度,全市(管理口径)实现 GDP 178.5亿元、增长5.1%;预计上半年GDP增长6%。"]
    );

    let three = row(&doc, 3);
    assert_eq!(
        three.units_text, "发改局、农业农村局",
        "no ★: the first unit leads"
    );

    let sixty_seven = row(&doc, 67);
    assert!(sixty_seven
        .text
        .starts_with("城市西环线、当湖路西延工程加快启动"));
    assert_eq!(
        sixty_seven.units_text,
        "★交通运输局、★曹桥街道、★交投集团、当湖街道"
    );

    // Printed with a stray space after a separator; kept as printed.
    assert_eq!(
        row(&doc, 86).units_text,
        "★文旅体局、农业农村局、钟埭街道、 曹桥街道、林埭镇"
    );

    let ninety_eight = row(&doc, 98);
    assert_eq!(ninety_eight.units_text.split('、').count(), 11);
    assert!(ninety_eight.progress[0].ends_with("上半年,全市已累计为企业减负17亿元。"));

    let one_twenty_five = row(&doc, 125);
    assert!(one_twenty_five.progress[0].contains("目前正在进行初步设计。 平湖市科创青年城项目"));
    assert_eq!(one_twenty_five.units_text, "文旅体局、团市委、城投集团");

    let last = row(&doc, 138);
    assert!(last
        .text
        .starts_with("全力做好杭州亚运会等重大活动安保维稳工作"));
    assert!(last.progress[0].ends_with("被评为嘉兴市平安创建优秀县(市、区)。"));
    assert_eq!(last.units_text, "★政法委、公安局");
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
    assert_eq!(summary, [("table-header", 1), ("task-row", 138)]);
}

/// Rebuilds the table with the columns in `order` (indices into the original four)
/// under the given names.
fn reordered(order: [usize; 4], names: [&str; 4]) -> String {
    let text = source(FILE);
    let mut lines: Vec<String> = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let cells: Vec<&str> = line
            .split(" | ")
            .map(|c| c.trim_end_matches(" |"))
            .collect();
        let cells: Vec<&str> = if index == 0 {
            names.to_vec()
        } else {
            order.iter().map(|&i| cells[i]).collect()
        };
        lines.push(format!("{} |", cells.join(" | ")));
    }
    lines.join("\n")
}

#[test]
fn another_column_order_and_names_read_the_same() {
    let original = content_of(&parsed());
    let shuffled = reordered(
        [3, 0, 2, 1],
        ["责任单位", "序号", "工作进展", "重点工作任务"],
    );
    let doc = pinghu::parse(&shuffled, "other.txt", &DocumentDetails::default()).unwrap();
    assert_eq!(content_of(&doc), original);
    assert!(doc.accounting.unmapped().is_empty());
}

#[test]
fn broken_rows_pipes_empty_cells_borders_and_crlf() {
    let original = parsed();
    let mut lines: Vec<String> = source(FILE).lines().map(str::to_string).collect();
    // Row 5 breaks inside its completion cell, row 6 inside its unit cell.
    let (head, tail) = lines[5].split_at(lines[5].find("1-5月").unwrap());
    let (head, tail) = (head.to_string(), tail.to_string());
    lines[5] = head;
    lines.insert(6, tail);
    let cut = lines[7].rfind("经信局").unwrap();
    let (head, tail) = (lines[7][..cut].to_string(), lines[7][cut..].to_string());
    lines[7] = format!("{head}  ");
    lines.insert(8, tail);
    let text = lines.join("\r\n");
    let doc = pinghu::parse(&text, FILE, &DocumentDetails::default()).unwrap();
    assert_eq!(content_of(&doc), content_of(&original));
    assert_eq!(
        (
            row(&doc, 5).source.first_line,
            row(&doc, 5).source.last_line
        ),
        (6, 7)
    );
    assert!(doc.accounting.unmapped().is_empty());

    // Markdown borders and rule, a `|` inside a cell, an empty unit cell, a lost number.
    let table = "平湖市2024年政府工作报告主要工作任务上半年完成情况\n\n\
                 | 序号 | 主要工作任务 | 完成情况 | 牵头单位 |\n|---|---|---|---|\n\
                 | 1 | 甲任务。 | 截至2024年6月底完成A|B。 | ★发改局、经信局 |\n\
                 | 2 | 乙任务。 | 1.完成一半。2.项目进度滞后于序时。 |  |\n\
                 |  | 丙任务。 | 已完成。 | 商务局 |\n";
    let doc = pinghu::parse(table, "t.md", &DocumentDetails::default()).unwrap();
    assert_eq!(doc.document.id, "pinghu-2024-h1-progress");
    assert_eq!(doc.document.date, "2024-06-30");
    assert_eq!(
        doc.document.title,
        "平湖市2024年政府工作报告主要工作任务上半年完成情况"
    );
    let tasks = &doc.tasks;
    assert_eq!(tasks[0].progress, ["截至2024年6月底完成A|B。"]);
    assert_eq!(tasks[1].progress, ["1.完成一半。"]);
    assert_eq!(tasks[1].remarks, ["2.项目进度滞后于序时。"]);
    assert_eq!(tasks[1].units_text, "");
    assert_eq!(
        (
            tasks[2].number,
            tasks[2].number_inferred,
            tasks[2].local_id.as_str()
        ),
        (3, true, "t3")
    );
    assert!(doc.accounting.unmapped().is_empty());
    let summary: Vec<(&str, u32)> = doc.accounting.summary().into_iter().collect();
    assert_eq!(
        summary,
        [
            ("blank", 1),
            ("heading", 1),
            ("table-header", 1),
            ("table-rule", 1),
            ("task-row", 3)
        ]
    );
}

#[test]
fn text_that_is_not_a_progress_table_is_an_error() {
    assert!(pinghu::recognises(&source(FILE)));
    for other in [
        "huzhou-2024-tasks-h1-progress.txt",
        "huzhou-2021-task-breakdown.txt",
        "huzhou-14th-five-year-plan.txt",
        "huzhou-2020-work-report.txt",
    ] {
        assert!(!pinghu::recognises(&source(other)), "{other}");
    }
    let error = pinghu::parse(
        &source("huzhou-2024-tasks-h1-progress.txt"),
        "h.txt",
        &DocumentDetails::default(),
    )
    .unwrap_err();
    assert!(
        error.to_string().starts_with("h.txt:1: no table header"),
        "{error}"
    );
    // A table without a progress column is a task breakdown; this one names no city.
    let error = pinghu::parse(
        "序号 | 任务 | 牵头单位 |\n1 | 甲 | 乙 |",
        "b.txt",
        &DocumentDetails::default(),
    )
    .unwrap_err();
    assert_eq!(error.missing.len(), 2, "{error}");
    let given = DocumentDetails {
        jurisdiction: Some("平湖市".into()),
        year: Some(2024),
        ..DocumentDetails::default()
    };
    let breakdown = pinghu::parse("序号 | 任务 | 牵头单位 |\n1 | 甲 | 乙 |", "b.txt", &given)
        .expect("a breakdown table");
    assert_eq!(breakdown.document.id, "pinghu-2024-breakdown");
    assert_eq!(
        pinghu::parse(
            "\n序号 | 任务 | 完成情况 | 牵头单位 |\n",
            "h.txt",
            &DocumentDetails::default()
        )
        .unwrap_err()
        .to_string(),
        "h.txt:2: the table has a header but no rows"
    );
    assert_eq!(
        pinghu::parse("\r\n", "e.txt", &DocumentDetails::default())
            .unwrap_err()
            .line,
        0
    );
}

fn table_like() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "序号 | 主 要 工 作 任 务 | 完 成 情 况 | 牵头单位 |",
        "1",
        " | ",
        "|",
        "｜",
        "\n",
        "\r\n",
        "★发改局、经信局",
        "平湖市",
        "2023年",
        "上半年",
        "1.完成。",
        "2.滞后。",
        "一、",
        "（1）",
        "---",
        "·",
        "é",
        "\u{3000}",
        "",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|pieces| pieces.concat())
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in any::<String>(), shaped in table_like()) {
        for input in [&text, &shaped] {
            match pinghu::parse(input, "t.txt", &DocumentDetails::default()) {
                Ok(doc) => prop_assert!(!doc.tasks.is_empty()),
                Err(error) => prop_assert!(error.to_string().starts_with("t.txt:")),
            }
            let _ = pinghu::recognises(input);
        }
    }
}
