//! Telling a document's kind from its content, never its file name: each kind has a
//! shape (a table header, leader headings under attachments, 专栏 boxes, a speech to the
//! deputies, numbered tasks with responsible units) that the others lack.

use crate::breakdown;
use crate::error::ImportError;
use crate::pinghu::table::Header;
use crate::text::{arabic_numbered, cn_numbered};
use planboard_model::DocumentKind;

/// The document shapes the importer has a parser for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum DetectedKind {
    /// A flattened `序号 | 主要工作任务 | 完成情况 | 牵头单位 |` table (Pinghu style),
    /// its columns in any order under any of the names offices use.
    ProgressTable,
    /// A table of tasks with their leader and units and no progress column
    /// (`序号 | 重点工作 | 责任领导 | 牵头单位 | 配合单位 |`).
    BreakdownTable,
    /// Numbered tasks, each with `(责任单位:…)` and progress lines (Huzhou style).
    ProgressReport,
    /// Attachments of key work under leader headings, with `责任单位:` lines.
    TaskBreakdown,
    /// A five-year plan outline (纲要) with 专栏 boxes.
    FiveYearPlan,
    /// A government work report as delivered to the deputies.
    WorkReport,
}

impl DetectedKind {
    /// The dataset's document kind for this shape.
    pub fn document_kind(self) -> DocumentKind {
        match self {
            DetectedKind::ProgressTable | DetectedKind::ProgressReport => {
                DocumentKind::ProgressReport
            }
            DetectedKind::TaskBreakdown | DetectedKind::BreakdownTable => {
                DocumentKind::TaskBreakdown
            }
            DetectedKind::FiveYearPlan => DocumentKind::FiveYearPlan,
            DetectedKind::WorkReport => DocumentKind::WorkReport,
        }
    }

    /// A short Chinese description, for `inspect`.
    pub fn label_zh(self) -> &'static str {
        match self {
            DetectedKind::ProgressTable => "进展表(序号|任务|完成情况|牵头单位)",
            DetectedKind::ProgressReport => "进展报告(编号任务+责任单位+进展)",
            DetectedKind::TaskBreakdown => "责任分解(附件+领导牵头+责任单位)",
            DetectedKind::BreakdownTable => "责任分解表(序号|任务|领导|单位,无进展列)",
            DetectedKind::FiveYearPlan => "五年规划纲要(纲要+专栏)",
            DetectedKind::WorkReport => "政府工作报告(各位代表+（一）部分)",
        }
    }
}

/// What one pass over the lines found.
#[derive(Debug, Default)]
struct Signals {
    non_blank: usize,
    table_rows: usize,
    /// A header row was found; `Some(true)` when it has a progress column.
    table_header: Option<bool>,
    attachment_headings: usize,
    leader_headings: usize,
    unit_label_lines: usize,
    box_lines: usize,
    deputies_addressed: usize,
    part_headings: usize,
    number_only_lines: usize,
    bracketed_unit_lines: usize,
    numbered_lines: usize,
}

fn signals(text: &str) -> Signals {
    let mut s = Signals::default();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        s.non_blank += 1;
        if line.matches('|').count() >= 2 {
            s.table_rows += 1;
            if s.table_header.is_none() {
                s.table_header = Header::read(line).map(|header| header.has_progress());
            }
        }
        if breakdown::is_attachment_heading(line) {
            s.attachment_headings += 1;
        }
        if breakdown::is_leader_heading(line) {
            s.leader_headings += 1;
        }
        let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        if ["责任单位:", "责任单位：", "牵头单位:", "牵头单位："]
            .iter()
            .any(|l| compact.starts_with(l))
        {
            s.unit_label_lines += 1;
        }
        if ["(责任单位", "（责任单位"]
            .iter()
            .any(|l| compact.contains(l))
        {
            s.bracketed_unit_lines += 1;
        }
        if compact.starts_with("专栏") {
            s.box_lines += 1;
        }
        if compact.starts_with("各位代表") {
            s.deputies_addressed += 1;
        }
        if line.starts_with(['（', '(']) && cn_numbered(line).is_some() {
            s.part_headings += 1;
        }
        if line.len() <= 3 && line.chars().all(|c| c.is_ascii_digit()) {
            s.number_only_lines += 1;
        }
        if arabic_numbered(line).is_some() {
            s.numbered_lines += 1;
        }
    }
    s
}

/// Detects the kind of `text`; `file` is only for the message when nothing fits.
pub fn detect(text: &str, file: &str) -> Result<DetectedKind, ImportError> {
    let s = signals(text);
    let mostly_table = s.table_rows * 2 >= s.non_blank;
    match s.table_header {
        Some(true) if mostly_table => return Ok(DetectedKind::ProgressTable),
        Some(false) if mostly_table => return Ok(DetectedKind::BreakdownTable),
        _ => {}
    }
    if s.leader_headings >= 1
        && s.unit_label_lines >= 1
        && (s.attachment_headings >= 1 || text.contains("责任分解"))
    {
        return Ok(DetectedKind::TaskBreakdown);
    }
    if text.contains("纲要") && s.box_lines >= 1 {
        return Ok(DetectedKind::FiveYearPlan);
    }
    if text.contains("政府工作报告") && s.deputies_addressed >= 1 && s.part_headings >= 2 {
        return Ok(DetectedKind::WorkReport);
    }
    // Numbered progress items, or (a report whose items are unnumbered paragraphs)
    // number lines each right above a task ending in its units.
    if s.number_only_lines >= 2
        && s.bracketed_unit_lines >= 2
        && (s.numbered_lines >= 1 || crate::progress::recognises(text))
    {
        return Ok(DetectedKind::ProgressReport);
    }
    Err(ImportError::new(
        file,
        1,
        "无法识别文档类型:既不是表格(缺“序号 | 重点工作 | 牵头单位 |”或“… | 完成情况 |”这样的表头行,且表格行占多数),也不是责任分解(缺“附件”与“一、某某市长牵头重点工作”及“责任单位:”),\
         不是规划纲要(缺“纲要”与“专栏”),不是政府工作报告(缺“各位代表”与“（一）”各部分),\
         也不是进展报告(缺单独的任务编号行与“(责任单位:…)”)",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_needs_its_header_and_rows() {
        let table =
            "序号 | 主 要 工 作 任 务 | 完 成 情 况 | 牵头单位 |\n1 | 任务 | 进展 | ★发改局 |\n";
        assert_eq!(detect(table, "t").ok(), Some(DetectedKind::ProgressTable));
        let prose = "序号 | 任务 | 完成情况 |\n正文一\n正文二\n正文三\n";
        assert!(detect(prose, "t").is_err());
        let breakdown = "序号 | 重点工作 | 责任领导 | 牵头单位 | 配合单位 |\n1 | 任务 | 张三 | 发改局 | 财政局 |\n";
        assert_eq!(
            detect(breakdown, "t").ok(),
            Some(DetectedKind::BreakdownTable)
        );
    }

    #[test]
    fn unrecognised_text_names_file_and_line() {
        let error = detect("随便写的一段话。", "x.txt")
            .err()
            .map(|e| e.to_string());
        assert!(error.is_some_and(|e| e.starts_with("x.txt:1: 无法识别文档类型")));
    }
}
