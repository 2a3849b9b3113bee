//! Each fixture (made by scripts/make-format-fixtures.py with python-docx, openpyxl and
//! LibreOffice) read as a person reads it: rows, merged cells, places and encodings.

use planboard_formats::{read, Extracted, Format};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read_fixture(name: &str) -> Extracted {
    read(&fixture(name), name).unwrap_or_else(|e| panic!("{e}"))
}

/// (place, line) pairs.
fn placed(extracted: &Extracted) -> Vec<(&str, &str)> {
    assert_eq!(extracted.text.lines().count(), extracted.places.len());
    extracted
        .places
        .iter()
        .map(String::as_str)
        .zip(extracted.text.lines())
        .collect()
}

fn line_at<'e>(extracted: &'e Extracted, place: &str) -> &'e str {
    placed(extracted)
        .into_iter()
        .find(|(p, _)| *p == place)
        .map(|(_, line)| line)
        .unwrap_or_else(|| panic!("no line at {place}:\n{}", extracted.text))
}

#[test]
fn docx_breakdown_reads_as_its_text_twin_with_merged_leaders_filled() {
    let docx = read_fixture("pinghu-2024-breakdown.docx");
    let txt = read_fixture("pinghu-2024-breakdown.txt");
    assert_eq!(docx.format, Format::Docx);
    assert_eq!(docx.encoding, None);
    assert_eq!(docx.text, txt.text);
    assert_eq!(txt.encoding.as_deref(), Some("UTF-8"));
    assert_eq!(
        line_at(&docx, "表格 1 第 1 行"),
        "平湖市2024年政府工作报告重点工作任务分解表"
    );
    assert_eq!(
        line_at(&docx, "表格 1 第 3 行"),
        "| 序号 | 主要工作任务 | 分管领导 | 主办单位 | 协办单位 |"
    );
    // 沈国强 is one cell merged down over tasks 4 to 7's first three rows.
    for row in [9, 10, 11] {
        let line = line_at(&docx, &format!("表格 1 第 {row} 行"));
        assert!(line.contains("| 沈国强常务副市长 |"), "{line}");
    }
    assert_eq!(
        line_at(&docx, "表格 1 第 4 行"),
        "| 一、主要预期目标 | | | | |"
    );
    assert_eq!(line_at(&docx, "第 1 段"), "附件1");
    assert!(line_at(&docx, "第 2 段").starts_with("注:"));
}

#[test]
fn gb2312_page_keeps_the_article_and_accounts_for_the_site() {
    let page = read_fixture("pinghu-2024-breakdown-gb2312.htm");
    let txt = read_fixture("pinghu-2024-breakdown.txt");
    assert_eq!(page.format, Format::Html);
    assert_eq!(page.encoding.as_deref(), Some("GBK"));
    // The table's rows are the text twin's rows: rowspan filled, colspan aligned,
    // missing </td> and &nbsp; padding as a browser would read them.
    let rows = |e: &Extracted| -> Vec<String> {
        e.text
            .lines()
            .filter(|l| l.starts_with('|'))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(rows(&page), rows(&txt));
    assert_eq!(rows(&page).len(), 13);
    assert!(line_at(&page, "表格 1 第 12 行").contains("| 吴晓峰副市长 | 发改局 |"));
    assert!(
        !page.text.contains("首页"),
        "navigation leaked:\n{}",
        page.text
    );
    assert!(!page.text.contains("不是正文"), "script leaked");
    assert!(!page.text.contains("ICP"), "footer leaked");
    let skipped: Vec<&str> = page.skipped.iter().map(|s| s.place.as_str()).collect();
    for place in [
        "<div class=\"nav\">",
        "<div class=\"dqwz\">",
        "<div class=\"footer\">",
        "<div class=\"bdsharebuttonbox\">",
        "<script>",
        "<style>",
        "<title>",
    ] {
        assert!(
            skipped.contains(&place),
            "{place} not accounted: {skipped:?}"
        );
    }
}

#[test]
fn workbook_reads_the_task_sheet_with_its_title_and_merges() {
    for name in [
        "pinghu-2024-year-end.xlsx",
        "pinghu-2024-year-end.xls",
        "pinghu-2024-year-end.et",
    ] {
        let book = read_fixture(name);
        let expected = if name.ends_with("xlsx") {
            Format::Xlsx
        } else {
            Format::Xls
        };
        assert_eq!(book.format, expected, "{name}");
        let sheet = "工作表“2024年完成情况”";
        assert_eq!(
            line_at(&book, &format!("{sheet}第 1 行")),
            "平湖市2024年政府工作报告重点工作任务年度完成情况表",
            "{name}"
        );
        assert_eq!(
            line_at(&book, &format!("{sheet}第 2 行")),
            "(截至2024年12月31日)"
        );
        assert_eq!(
            line_at(&book, &format!("{sheet}第 3 行")),
            "| 序号 | 重点工作任务 | 牵头单位 | 完成情况 | 备注 |"
        );
        // Numbers as shown (1, not 1.0); 经信局 merged down over rows 7 and 8.
        let row8 = line_at(&book, &format!("{sheet}第 8 行"));
        assert!(row8.starts_with("| 5 | 实施数字化"), "{name}: {row8}");
        assert!(row8.contains("| 经信局 | 未完成。"), "{name}: {row8}");
        assert!(row8.ends_with("| 结转2025年 |"), "{name}: {row8}");
        assert_eq!(book.text.lines().count(), 10, "{name}");
        let skipped: Vec<(&str, &str)> = book
            .skipped
            .iter()
            .map(|s| (s.place.as_str(), s.what.as_str()))
            .collect();
        assert!(
            skipped.contains(&("工作表“Sheet3”", "空工作表")),
            "{skipped:?}"
        );
        assert!(
            skipped
                .iter()
                .any(|(place, what)| *place == "工作表“填表说明”" && what.contains("4 行")),
            "{skipped:?}"
        );
    }
}

#[test]
fn gbk_and_utf16_text_keep_line_numbers_and_name_the_encoding() {
    let gbk = read_fixture("huzhou-2024-q3-progress-gbk.txt");
    assert_eq!(gbk.encoding.as_deref(), Some("GB18030"));
    assert_eq!(gbk.format, Format::Text);
    assert_eq!(
        line_at(&gbk, "第 1 行"),
        "湖州市2024年政府工作报告重点工作前三季度进展情况"
    );
    assert_eq!(
        line_at(&gbk, "第 12 行"),
        "1.已建成城市绿道13.6公里,进度慢于序时要求,主要受征迁影响。"
    );
    let utf16 = read_fixture("changxing-2024-h1-progress-utf16.txt");
    assert_eq!(utf16.encoding.as_deref(), Some("UTF-16LE"));
    assert_eq!(
        line_at(&utf16, "第 2 行"),
        "序号 | 工作任务 | 责任单位 | 进展情况 | 备注 |"
    );
    assert!(!utf16.text.contains('\r'));
}

#[test]
fn a_page_without_a_table_is_read_as_paragraphs_and_says_so() {
    let news = read_fixture("news-no-table.html");
    assert_eq!(news.encoding.as_deref(), Some("UTF-8"));
    assert_eq!(
        line_at(&news, "第 1 段"),
        "我市召开2024年政府工作报告重点工作推进会"
    );
    assert_eq!(news.places.len(), 5);
    assert_eq!(news.skipped[0].what, "网页中没有表格,只读了正文段落");
}

#[test]
fn from_lines_keeps_places_and_one_line_per_text() {
    let extracted = planboard_formats::from_lines(
        Format::Pdf,
        vec![
            ("第 1 页第 1 行".into(), "平湖市2024年重点工作".into()),
            (
                "第 1 页第 2 行".into(),
                "| 1 | 任务\n续行 | 发改局 |".into(),
            ),
        ],
    );
    assert_eq!(
        extracted.text,
        "平湖市2024年重点工作\n| 1 | 任务 续行 | 发改局 |"
    );
    assert_eq!(extracted.places, vec!["第 1 页第 1 行", "第 1 页第 2 行"]);
    assert_eq!(extracted.format, Format::Pdf);
    let json = serde_json_roundtrip(&extracted);
    assert_eq!(json, extracted);
}

fn serde_json_roundtrip(extracted: &Extracted) -> Extracted {
    let text = serde_json::to_string(extracted).expect("serialises");
    serde_json::from_str(&text).expect("deserialises")
}

#[test]
fn fixtures_read_quickly() {
    // The native parse time of each fixture, printed for BENCHMARKS-style notes
    // (`cargo test -p planboard-formats --release -- --nocapture fixtures_read_quickly`).
    for name in [
        "pinghu-2024-breakdown.docx",
        "pinghu-2024-breakdown-gb2312.htm",
        "pinghu-2024-year-end.xlsx",
        "pinghu-2024-year-end.xls",
        "huzhou-2024-q3-progress-gbk.txt",
    ] {
        let bytes = fixture(name);
        let start = std::time::Instant::now();
        let rounds = 20;
        for _ in 0..rounds {
            assert!(read(&bytes, name).is_ok());
        }
        let each = start.elapsed() / rounds;
        println!("{name}: {} bytes, {each:?} per read", bytes.len());
        assert!(each.as_secs() < 2, "{name} took {each:?}");
    }
}
