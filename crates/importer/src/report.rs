//! The government work report (政府工作报告): the speech itself.
//!
//! Shape: a title block (title, `——date 在…会议上`, the speaker, `各位代表：`, an
//! opening sentence), then numbered parts. The part that states the year's expected
//! targets (`…预期目标为：A；B；…。`) is the year's work: its sub-headings are the
//! areas of work, each a run of paragraphs that open with a lead sentence. Parts before
//! it review the past year; parts after it are the government's own improvement.
//! Asides addressed to the deputies (`各位代表，…`) are speech, not work items; one of
//! them announces the livelihood projects put to the deputies' vote.

use crate::accounting::Accounting;
use crate::error::ImportError;
use crate::parsed::{ParsedDocument, RawTask};
use crate::prose::{
    find_date, government_place, heading, opens_with_address, paragraph_at, source_lines, Heading,
    Paragraph, SourceLine,
};
use crate::reference::jurisdiction_slug;
use planboard_model::{
    DocumentKind, ReportArea, ReportOutline, SourceDocument, SourceSpan, TaskKind,
};

/// A heading line or a paragraph (rejoined across page breaks).
struct Block {
    heading: Option<Heading>,
    paragraph: Paragraph,
}

fn blocks(lines: &[SourceLine<'_>]) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index];
        if line.text.is_empty() {
            index += 1;
            continue;
        }
        let found = heading(line.text, false);
        let (paragraph, next) = if found.is_some() {
            let single = Paragraph {
                lines: vec![line.number],
                text: line.text.to_string(),
            };
            (single, index + 1)
        } else {
            paragraph_at(lines, index, |text| heading(text, false).is_none())
        };
        blocks.push(Block {
            heading: found,
            paragraph,
        });
        index = next;
    }
    blocks
}

/// Parses a work report. Lines are claimed under `header`, `review`, `heading`,
/// `intro`, `target`, `area`, `work`, `address`, `livelihood-note`,
/// `self-improvement` and `closing`.
///
/// Errors (`file:line: …`) when there is no title naming a 工作报告, no date, no
/// numbered parts, no expected-targets paragraph, or no areas of work.
pub fn parse(text: &str, file: &str) -> Result<ParsedDocument, ImportError> {
    let lines = source_lines(text);
    let first_line = lines
        .iter()
        .find(|line| !line.text.is_empty())
        .map(|line| line.number)
        .ok_or_else(|| ImportError::new(file, 0, "empty document"))?;
    let blocks = blocks(&lines);
    let first_heading = blocks
        .iter()
        .position(|block| block.heading.is_some())
        .ok_or_else(|| {
            ImportError::new(
                file,
                first_line,
                "not a work report: no numbered parts (一、…)",
            )
        })?;
    let header_lines: Vec<SourceLine<'_>> = blocks[..first_heading]
        .iter()
        .flat_map(|block| &block.paragraph.lines)
        .filter_map(|number| lines.get(*number as usize - 1).copied())
        .collect();
    let document = read_header(&header_lines, first_line, file)?;
    let mut accounting = Accounting::new(text);
    claim(&mut accounting, &blocks[..first_heading], "header");

    let part_style = blocks[first_heading].heading.as_ref().map(|h| h.style);
    let part_starts: Vec<usize> = (first_heading..blocks.len())
        .filter(|&i| blocks[i].heading.as_ref().map(|h| h.style) == part_style)
        .collect();
    let part_end = |start: usize| {
        part_starts
            .iter()
            .find(|&&s| s > start)
            .copied()
            .unwrap_or(blocks.len())
    };
    let (targets_at, clauses) = (first_heading..blocks.len())
        .filter(|&i| blocks[i].heading.is_none())
        .find_map(|i| target_clauses(&blocks[i].paragraph.text).map(|c| (i, c)))
        .ok_or_else(|| {
            ImportError::new(
                file,
                blocks[first_heading].paragraph.first_line(),
                "not a work report: no expected-targets paragraph (…目标…：A；B；…)",
            )
        })?;
    let tasks_start = part_starts
        .iter()
        .rev()
        .find(|&&s| s < targets_at)
        .copied()
        .unwrap_or(first_heading);
    let tasks_end = part_end(tasks_start);
    claim(
        &mut accounting,
        &blocks[first_heading..tasks_start],
        "review",
    );
    claim(&mut accounting, &blocks[tasks_end..], "self-improvement");
    if let Some(last) = blocks
        .last()
        .filter(|b| opens_with_address(&b.paragraph.text))
    {
        if blocks.len() > tasks_end {
            claim(&mut accounting, std::slice::from_ref(last), "closing");
        }
    }

    let part = &blocks[tasks_start..tasks_end];
    let part_heading = part[0].paragraph.text.clone();
    accounting.claim(part[0].paragraph.first_line(), "heading");
    let mut tasks = Vec::new();
    let mut targets = Vec::new();
    for (index, clause) in clauses.into_iter().enumerate() {
        let local_id = format!("target{:02}", index + 1);
        targets.push(local_id.clone());
        let block = &blocks[targets_at];
        tasks.push(raw_task(
            TaskKind::ReportTarget,
            local_id,
            index + 1,
            clause,
            &part_heading,
            &block.paragraph,
        ));
    }
    claim(
        &mut accounting,
        std::slice::from_ref(&blocks[targets_at]),
        "target",
    );
    let areas = read_areas(
        &part[1..],
        targets_at - tasks_start - 1,
        &mut tasks,
        &mut accounting,
    );
    if areas.is_empty() {
        return Err(ImportError::new(
            file,
            part[0].paragraph.first_line(),
            format!("no areas of work (（一）…) under `{part_heading}`"),
        ));
    }
    let outline = ReportOutline {
        document: document.id.clone(),
        areas,
        targets,
    };
    let document = SourceDocument {
        line_count: accounting.line_count(),
        imported_locally: None,
        former_ids: Vec::new(),
        ..document
    };
    Ok(ParsedDocument {
        document,
        tasks,
        projects: Vec::new(),
        plan: None,
        report: Some(outline),
        accounting,
    })
}

/// The areas of the year's work: the part's sub-headings of its first sub-heading
/// style, each with the paragraphs under it. `targets_at` indexes `blocks`.
fn read_areas(
    blocks: &[Block],
    targets_at: usize,
    tasks: &mut Vec<RawTask>,
    accounting: &mut Accounting,
) -> Vec<ReportArea> {
    let area_style = blocks
        .iter()
        .find_map(|b| b.heading.as_ref().map(|h| h.style));
    let mut areas: Vec<ReportArea> = Vec::new();
    let mut area_heading = String::new();
    for (index, block) in blocks.iter().enumerate() {
        let paragraph = &block.paragraph;
        if let Some(found) = &block.heading {
            let is_area = Some(found.style) == area_style;
            accounting.claim(
                paragraph.first_line(),
                if is_area { "area" } else { "heading" },
            );
            if is_area {
                area_heading = found.text.clone();
                areas.push(ReportArea {
                    number: found.number.clone(),
                    title: found.title.clone(),
                    tasks: Vec::new(),
                });
            }
            continue;
        }
        if index == targets_at {
            continue;
        }
        let field = if is_livelihood_note(&paragraph.text) {
            "livelihood-note"
        } else if areas.is_empty() {
            "intro"
        } else if opens_with_address(&paragraph.text) {
            "address"
        } else {
            "work"
        };
        claim(accounting, std::slice::from_ref(block), field);
        let area_number = areas.len();
        let Some(area) = areas.last_mut().filter(|_| field == "work") else {
            continue;
        };
        let number = area.tasks.len() + 1;
        let local_id = format!("w{area_number}-{number:02}");
        area.tasks.push(local_id.clone());
        let text = paragraph.text.clone();
        tasks.push(raw_task(
            TaskKind::ReportWork,
            local_id,
            number,
            text,
            &area_heading,
            paragraph,
        ));
    }
    areas
}

fn raw_task(
    kind: TaskKind,
    local_id: String,
    number: usize,
    text: String,
    heading: &str,
    paragraph: &Paragraph,
) -> RawTask {
    RawTask {
        kind,
        local_id,
        number: u32::try_from(number).unwrap_or(u32::MAX),
        // The speech numbers neither its targets nor its paragraphs: the number is the
        // position within the targets or the area.
        number_inferred: true,
        text,
        leader: None,
        units_text: String::new(),
        progress: Vec::new(),
        remarks: Vec::new(),
        source: SourceSpan {
            path: vec![heading.to_string()],
            first_line: paragraph.first_line(),
            last_line: paragraph.last_line(),
        },
        area: None,
        outcome: None,
        problems: Vec::new(),
        next_steps: Vec::new(),
        other_columns: Vec::new(),
    }
}

fn claim(accounting: &mut Accounting, blocks: &[Block], field: &'static str) {
    for block in blocks {
        for line in &block.paragraph.lines {
            accounting.claim(*line, field);
        }
    }
}

/// `…预期目标为：A；B；C。` → [A, B, C]. The sentence leading up to the colon must
/// speak of targets, and at least two clauses must follow.
fn target_clauses(paragraph: &str) -> Option<Vec<String>> {
    let (before, list) = paragraph.split_once(['：', ':'])?;
    let lead_up = before.rsplit('。').next().unwrap_or(before);
    if !lead_up.contains("目标") {
        return None;
    }
    let list = list.trim().trim_end_matches(['。', '.']);
    let clauses: Vec<String> = list
        .split(['；', ';'])
        .map(str::trim)
        .filter(|clause| !clause.is_empty())
        .map(str::to_string)
        .collect();
    (clauses.len() >= 2).then_some(clauses)
}

/// The paragraph that puts the year's livelihood projects (民生实事) to the vote.
fn is_livelihood_note(paragraph: &str) -> bool {
    paragraph.contains("民生实事") && (paragraph.contains("票决") || paragraph.contains("候选"))
}

/// Title, date and place from the lines above the first part. The title is the line
/// naming a 工作报告; the place is the government it (or the speaker's line) names.
fn read_header(
    lines: &[SourceLine<'_>],
    first_line: u32,
    file: &str,
) -> Result<SourceDocument, ImportError> {
    let title = lines
        .iter()
        .find(|line| line.text.contains("工作报告"))
        .ok_or_else(|| {
            ImportError::new(
                file,
                first_line,
                "not a work report: no title line naming a 工作报告 before the first part",
            )
        })?;
    let (date, year) = lines
        .iter()
        .find_map(|line| find_date(line.text))
        .ok_or_else(|| {
            ImportError::new(
                file,
                title.number,
                "no delivery date (YYYY年M月D日) in the report's header",
            )
        })?;
    let jurisdiction = std::iter::once(title)
        .chain(lines.iter())
        .find_map(|line| government_place(line.text))
        .ok_or_else(|| {
            ImportError::new(
                file,
                title.number,
                "the header names no government (…人民政府)",
            )
        })?;
    Ok(SourceDocument {
        id: format!("{}-{year}-report", jurisdiction_slug(&jurisdiction)),
        kind: DocumentKind::WorkReport,
        title: title.text.to_string(),
        issuer: format!("{jurisdiction}人民政府"),
        jurisdiction,
        date,
        period: format!("{year}年"),
        year,
        source_file: file.to_string(),
        line_count: 0,
        imported_locally: None,
        former_ids: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_clauses_need_a_targets_lead_and_a_list() {
        assert_eq!(
            target_clauses("综合考虑，主要预期目标为：GDP增长7%左右；失业率控制在3%以内。"),
            Some(vec!["GDP增长7%左右".into(), "失业率控制在3%以内".into()])
        );
        assert_eq!(
            target_clauses("实现上述目标任务。为此，我们要强化：一是决心。"),
            None
        );
        assert_eq!(target_clauses("主要目标为：只有一项。"), None);
    }

    #[test]
    fn livelihood_note() {
        assert!(is_livelihood_note(
            "梳理形成了十二方面民生实事候选项目，提请本次大会票决。"
        ));
        assert!(!is_livelihood_note("十方面民生实事项目全面完成。"));
    }
}
