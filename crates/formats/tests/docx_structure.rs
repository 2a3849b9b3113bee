//! Word structures real offices produce that the fixtures made with python-docx do not:
//! auto-numbered headings and items (numbering.xml), a numbered paragraph style, tables
//! nested in cells, gridSpan and gridBefore, text boxes and alternate content.

use planboard_formats::read;
use std::io::Write;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn docx(body: &str, numbering: Option<&str>, styles: Option<&str>) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut part = |name: &str, text: &str| {
        zip.start_file(name, options).expect("entry");
        zip.write_all(text.as_bytes()).expect("write");
    };
    part("[Content_Types].xml", "<Types/>");
    part(
        "word/document.xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}" xmlns:mc="mc"><w:body>{body}</w:body></w:document>"#
        ),
    );
    if let Some(numbering) = numbering {
        part(
            "word/numbering.xml",
            &format!(r#"<w:numbering xmlns:w="{W}">{numbering}</w:numbering>"#),
        );
    }
    if let Some(styles) = styles {
        part(
            "word/styles.xml",
            &format!(r#"<w:styles xmlns:w="{W}">{styles}</w:styles>"#),
        );
    }
    part("word/footer1.xml", "<w:ftr/>");
    zip.finish().expect("zip").into_inner()
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

fn numbered(text: &str, num: u32, level: u32) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

const NUMBERING: &str = r#"
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="11"/></w:lvlOverride></w:num>
"#;

#[test]
fn auto_numbered_headings_and_items_read_with_their_numbers() {
    let body = [
        p("湖州市2024年政府工作报告重点工作任务责任分解"),
        numbered("主要预期目标", 1, 0),
        numbered("稳增长", 1, 1),
        numbered("地区生产总值增长6%左右。", 2, 0),
        numbered("一般公共预算收入增长与经济增长基本同步。", 2, 0),
        numbered("扎实推进共同富裕", 1, 1),
        numbered("加快建设现代化产业体系", 1, 0),
        numbered("第十一项起的另一份列表。", 4, 0),
        numbered("要点", 3, 0),
        r#"<w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr><w:r><w:t>按样式编号的任务。</w:t></w:r></w:p>"#.to_string(),
    ]
    .concat();
    let styles = r#"<w:style w:type="paragraph" w:styleId="ListNumber"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>"#;
    let extracted = read(&docx(&body, Some(NUMBERING), Some(styles)), "分解.docx")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        extracted.text.lines().collect::<Vec<_>>(),
        vec![
            "湖州市2024年政府工作报告重点工作任务责任分解",
            "一、主要预期目标",
            "（一）稳增长",
            "1.地区生产总值增长6%左右。",
            "2.一般公共预算收入增长与经济增长基本同步。",
            "（二）扎实推进共同富裕",
            "二、加快建设现代化产业体系",
            "11.第十一项起的另一份列表。",
            "要点",
            "3.按样式编号的任务。",
        ]
    );
    assert_eq!(extracted.places[9], "第 10 段");
    assert!(extracted
        .skipped
        .iter()
        .any(|s| s.place == "页脚" && s.what.contains("页脚")));
}

fn cell(text: &str, props: &str) -> String {
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(text))
}

#[test]
fn spans_nested_tables_and_drawings() {
    let nested = format!(
        "<w:tc><w:tcPr/>{}<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl></w:tc>",
        p("分三项:"),
        cell("甲", ""),
        cell("乙", ""),
        cell("丙", r#"<w:vMerge/>"#),
        cell("丁", r#"<w:gridSpan w:val="2"/>"#),
    );
    let table = format!(
        "<w:tbl><w:tr>{}{}{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>{}{}{}</w:tr></w:tbl>",
        cell("序号", ""),
        cell("工作任务", ""),
        cell("责任领导", ""),
        cell("牵头单位", ""),
        cell("1", ""),
        nested,
        cell("王市长、发改委", r#"<w:gridSpan w:val="2"/>"#),
        cell("合并后的任务", ""),
        cell("", r#"<w:vMerge w:val="continue"/>"#),
        cell("财政局", ""),
    );
    let drawing = r#"<w:p><w:r><w:drawing><wp:inline xmlns:wp="wp"><w:txbxContent><w:p><w:r><w:t>图中文字</w:t></w:r></w:p></w:txbxContent></wp:inline></w:drawing></w:r></w:p>"#;
    let alternate = r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>选用内容</w:t></mc:Choice><mc:Fallback><w:t>重复内容</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>"#;
    let body = format!("{table}{drawing}{alternate}");
    let extracted = read(&docx(&body, None, None), "表.docx").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        extracted.text.lines().collect::<Vec<_>>(),
        vec![
            "| 序号 | 工作任务 | 责任领导 | 牵头单位 |",
            "| 1 | 分三项: 甲 乙 丙 丁 | 王市长、发改委 | |",
            "| | 合并后的任务 | 王市长、发改委 | 财政局 |",
            "选用内容",
        ]
    );
    assert_eq!(extracted.places[1], "表格 1 第 2 行");
    assert!(extracted
        .skipped
        .iter()
        .any(|s| s.place == "表格 1 之后" && s.what.contains("图片")));
    assert!(!extracted.text.contains("图中文字"));
    assert!(!extracted.text.contains("重复内容"));
}
