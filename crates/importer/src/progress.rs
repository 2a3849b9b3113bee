//! Key tasks with half-year progress, written as running text (Huzhou 2024 shape).
//!
//! A task is a line holding only its number, the task text ending in its responsible
//! units `(责任单位:…)` (or just `(…)`), then what the units report — numbered items
//! `1.` `2.` …, unnumbered paragraphs — and sometimes a supervisor's one-line verdict
//! that the task lags (`社零未完成半年度目标`). The first task's number can be lost;
//! it is inferred and flagged.
//!
//! Everything is judged from the shape of lines (see [`lines`]) so that next year's
//! report, with other colons, brackets and numbering, imports unchanged.

pub mod lagging;
pub(crate) mod lines;
pub(crate) mod metadata;

use crate::accounting::Accounting;
use crate::error::ImportError;
use crate::parsed::{ParsedDocument, RawLeader, RawTask};
use crate::period::{DocumentDetails, Period};
use crate::reference::jurisdiction_slug;
use lines::{bare_number, is_noise, is_numbered, looks_like_section_heading, units_group, Line};
use metadata::ReportFacts;
use planboard_model::{DocumentKind, SourceDocument, SourceSpan, Status, TaskKind};
use std::collections::BTreeMap;

/// How many lines a task's text may run over before its `(责任单位:…)`.
const MAX_TASK_TEXT_LINES: usize = 4;

/// A verdict is one clause; the units' reports are paragraphs. The longest verdict in
/// the 2024 report has 37 characters, the shortest unnumbered report 45 — and a report
/// that short still needs a lag phrase to count.
const REMARK_MAX_CHARS: usize = 60;

/// Parses a progress report written as running text; see the module documentation.
pub fn parse(
    text: &str,
    file: &str,
    given: &DocumentDetails,
) -> Result<ParsedDocument, ImportError> {
    let all = lines::lines(text);
    let content: Vec<Line> = all.into_iter().filter(|l| !l.text.is_empty()).collect();
    let Some(first) = content.first() else {
        return Err(ImportError::new(
            file,
            0,
            "empty document: no text to import",
        ));
    };
    let mut accounting = Accounting::new(text);
    let read = read_tasks(&content, file, &mut accounting)?;
    if read.tasks.is_empty() {
        return Err(ImportError::new(
            file,
            first.number,
            "no task found: expected a line holding only a task number, followed by the \
             task text ending in (责任单位:…)",
        ));
    }
    let verdicts = read
        .tasks
        .iter()
        .filter_map(|task| task.progress.first())
        .filter(|first| crate::outcome::opening_outcome(first).is_some_and(Status::is_outcome))
        .count();
    let facts = ReportFacts::resolve_with(
        text,
        &read.titles,
        verdicts * 2 >= read.tasks.len(),
        given,
        file,
    )?;
    let title = read
        .titles
        .iter()
        .find(|heading| {
            ["进展", "情况", "任务"]
                .iter()
                .any(|word| heading.contains(word))
        })
        .cloned()
        .unwrap_or_else(|| {
            format!(
                "{}{}年政府工作报告重点工作任务{}进展",
                facts.jurisdiction,
                facts.year,
                facts.part.label()
            )
        });
    let document = progress_document(&facts, text, file, title, accounting.line_count());
    Ok(ParsedDocument {
        document,
        tasks: finish(read.tasks),
        projects: Vec::new(),
        plan: None,
        report: None,
        accounting,
    })
}

/// Whether `text` has this shape: at least two tasks whose number stands on its own
/// line above a task ending in its responsible units.
pub fn recognises(text: &str) -> bool {
    let content: Vec<Line> = lines::lines(text)
        .into_iter()
        .filter(|l| !l.text.is_empty())
        .collect();
    content
        .windows(2)
        .filter(|pair| bare_number(pair[0].text).is_some() && units_group(pair[1].text).is_some())
        .count()
        >= 2
}

/// The [`SourceDocument`] of a progress report (shared with the table parser).
pub(crate) fn progress_document(
    facts: &ReportFacts,
    text: &str,
    file: &str,
    title: String,
    line_count: u32,
) -> SourceDocument {
    let file_name = std::path::Path::new(file).file_name().map_or_else(
        || file.to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    SourceDocument {
        id: progress_id(&facts.jurisdiction, facts.year, facts.part),
        kind: DocumentKind::ProgressReport,
        title,
        issuer: format!("{}人民政府", facts.jurisdiction),
        jurisdiction: facts.jurisdiction.clone(),
        date: facts.date(text),
        period: facts.period(),
        year: facts.year,
        source_file: file_name,
        line_count,
        imported_locally: None,
        former_ids: Vec::new(),
    }
}

/// A progress report's id: `<jurisdiction>-<year>-<period>-progress`, e.g.
/// `huzhou-2024-h1-progress`, `pinghu-2023-year-progress`.
pub fn progress_id(jurisdiction: &str, year: u16, period: Period) -> String {
    format!(
        "{}-{year}-{}-progress",
        jurisdiction_slug(jurisdiction),
        period.code()
    )
}

/// The id every progress report had before periods were part of ids
/// (`huzhou-2024-progress`); see `dataset::assign_former_ids`.
pub fn progress_id_without_period(jurisdiction: &str, year: u16) -> String {
    format!("{}-{year}-progress", jurisdiction_slug(jurisdiction))
}

/// A task as it is being read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Draft {
    pub number: u32,
    pub number_inferred: bool,
    pub text: String,
    pub units_text: String,
    pub progress: Vec<String>,
    pub remarks: Vec<String>,
    pub path: Vec<String>,
    pub first_line: u32,
    pub last_line: u32,
    /// The remaining fields only a table fills.
    pub leader: Option<RawLeader>,
    pub outcome: Option<Status>,
    pub problems: Vec<String>,
    pub next_steps: Vec<String>,
    pub other_columns: Vec<(String, String)>,
}

impl Draft {
    pub(crate) fn new(number: u32, number_inferred: bool, text: String, path: Vec<String>) -> Self {
        Draft {
            number,
            number_inferred,
            text,
            units_text: String::new(),
            progress: Vec::new(),
            remarks: Vec::new(),
            path,
            first_line: 0,
            last_line: 0,
            leader: None,
            outcome: None,
            problems: Vec::new(),
            next_steps: Vec::new(),
            other_columns: Vec::new(),
        }
    }
}

struct ReadTasks {
    tasks: Vec<Draft>,
    /// Lines above the first task (a title, when the report keeps one).
    titles: Vec<String>,
}

fn read_tasks(
    content: &[Line],
    file: &str,
    accounting: &mut Accounting,
) -> Result<ReadTasks, ImportError> {
    let mut tasks: Vec<Draft> = Vec::new();
    let mut titles = Vec::new();
    let mut section: Vec<String> = Vec::new();
    let mut at = 0;
    while let Some(&line) = content.get(at) {
        let rest = &content[at + 1..];
        if let Some(number) = bare_number(line.text) {
            let text_lines = task_text_length(rest);
            if text_lines == 0 {
                return Err(ImportError::new(
                    file,
                    line.number,
                    format!("task {number} has a number but no text"),
                ));
            }
            accounting.claim(line.number, "task-number");
            let mut draft = draft(number, false, &rest[..text_lines], &section, accounting);
            draft.first_line = line.number;
            tasks.push(draft);
            at += 1 + text_lines;
            continue;
        }
        if starts_unnumbered_task(line, tasks.is_empty()) {
            let previous = tasks.last().map(|task| task.number);
            let next = rest.iter().find_map(|l| bare_number(l.text));
            tasks.push(draft(
                inferred_number(previous, next),
                true,
                &[line],
                &section,
                accounting,
            ));
            at += 1;
            continue;
        }
        if looks_like_section_heading(line.text)
            && rest.first().is_some_and(|next| starts_task(*next))
        {
            section = vec![line.text.to_string()];
            accounting.claim(line.number, "heading");
            at += 1;
            continue;
        }
        match tasks.last_mut() {
            None => {
                accounting.claim(line.number, "heading");
                titles.push(line.text.to_string());
            }
            Some(_) if is_noise(line.text) => accounting.claim(line.number, "noise"),
            Some(task) => {
                if is_remark(line.text) {
                    task.remarks.push(line.text.to_string());
                    accounting.claim(line.number, "remarks");
                } else {
                    task.progress.push(line.text.to_string());
                    accounting.claim(line.number, "progress");
                }
                task.last_line = line.number;
            }
        }
        at += 1;
    }
    Ok(ReadTasks { tasks, titles })
}

/// How many of the lines after a number line are the task's text: up to the one ending
/// in the responsible units, or just the first when no units follow soon.
fn task_text_length(rest: &[Line]) -> usize {
    for (index, line) in rest.iter().take(MAX_TASK_TEXT_LINES).enumerate() {
        if bare_number(line.text).is_some() || (index > 0 && is_numbered(line.text)) {
            break;
        }
        if units_group(line.text).is_some() {
            return index + 1;
        }
    }
    match rest.first() {
        Some(line) if bare_number(line.text).is_none() => 1,
        _ => 0,
    }
}

/// A task line without a number line above it: its units carry a `责任单位:` label, or
/// it is the first task of the report (whose number the 2024 report lost).
fn starts_unnumbered_task(line: Line, no_task_yet: bool) -> bool {
    units_group(line.text).is_some_and(|group| group.labelled || no_task_yet)
}

fn starts_task(line: Line) -> bool {
    bare_number(line.text).is_some() || units_group(line.text).is_some_and(|group| group.labelled)
}

/// After a task, its predecessor's number + 1; the first task, one less than the next
/// number printed (or 1).
fn inferred_number(previous: Option<u32>, next_printed: Option<u32>) -> u32 {
    match previous {
        Some(previous) => previous.saturating_add(1),
        None => next_printed
            .and_then(|n| n.checked_sub(1))
            .filter(|n| *n >= 1)
            .unwrap_or(1),
    }
}

/// A supervisor's verdict: an unnumbered clause, short, saying the task lags or must
/// be pushed (see [`lagging`]).
fn is_remark(text: &str) -> bool {
    !is_numbered(text)
        && text.chars().count() <= REMARK_MAX_CHARS
        && lagging::is_lagging_verdict(text)
}

fn draft(
    number: u32,
    number_inferred: bool,
    text_lines: &[Line],
    section: &[String],
    accounting: &mut Accounting,
) -> Draft {
    let (mut text, mut units_text) = (String::new(), String::new());
    for (index, line) in text_lines.iter().enumerate() {
        accounting.claim(line.number, "task-text");
        match units_group(line.text).filter(|_| index + 1 == text_lines.len()) {
            Some(group) => {
                text.push_str(group.before);
                units_text = group.units.to_string();
            }
            None => text.push_str(line.text),
        }
    }
    let first_line = text_lines.first().map_or(0, |line| line.number);
    let last_line = text_lines.last().map_or(first_line, |line| line.number);
    Draft {
        units_text,
        first_line,
        last_line,
        ..Draft::new(number, number_inferred, text, section.to_vec())
    }
}

/// Drafts → tasks with local ids `t<number>`; a number printed twice gets `-2`, `-3` …
/// on its later tasks so ids stay unique and do not shift when other tasks change.
pub(crate) fn finish(drafts: Vec<Draft>) -> Vec<RawTask> {
    let mut seen: BTreeMap<u32, u32> = BTreeMap::new();
    drafts
        .into_iter()
        .map(|draft| {
            let occurrence = seen.entry(draft.number).or_insert(0);
            *occurrence += 1;
            let local_id = match *occurrence {
                1 => format!("t{}", draft.number),
                n => format!("t{}-{n}", draft.number),
            };
            let outcome = draft.outcome.or_else(|| {
                draft
                    .progress
                    .first()
                    .and_then(|first| crate::outcome::opening_outcome(first))
            });
            RawTask {
                kind: TaskKind::AnnualTask,
                local_id,
                number: draft.number,
                number_inferred: draft.number_inferred,
                text: draft.text,
                leader: draft.leader,
                units_text: draft.units_text,
                progress: draft.progress,
                remarks: draft.remarks,
                area: draft
                    .path
                    .last()
                    .filter(|heading| is_area_heading(heading))
                    .cloned(),
                source: SourceSpan {
                    path: draft.path,
                    first_line: draft.first_line,
                    last_line: draft.last_line,
                },
                outcome,
                problems: draft.problems,
                next_steps: draft.next_steps,
                other_columns: draft.other_columns,
            }
        })
        .collect()
}

/// A heading that names an area of work: numbered `一、` or `（一）`, with words after.
fn is_area_heading(heading: &str) -> bool {
    matches!(crate::text::cn_numbered(heading), Some((_, rest)) if !rest.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_number_is_inferred_from_the_next() {
        assert_eq!(inferred_number(None, Some(2)), 1);
        assert_eq!(inferred_number(None, Some(1)), 1);
        assert_eq!(inferred_number(None, None), 1);
        assert_eq!(inferred_number(Some(7), Some(9)), 8);
    }

    #[test]
    fn small_report_in_other_punctuation() {
        let text = "湖州市2025年重点工作任务上半年进展情况\r\n\r\n一、经济发展\r\n1\r\n\
                    任务甲，\r\n续写。（责任单位：市财政局、市统计局）\r\n（1）截至2025年6月底完成。\r\n\
                    （2）又完成。\r\n社零未完成半年度目标\r\n2、\r\n任务乙。(市发展改革委)\r\n";
        let parsed = parse(text, "x.txt", &DocumentDetails::default()).unwrap();
        assert_eq!(parsed.document.id, "huzhou-2025-h1-progress");
        assert_eq!(
            parsed.document.title,
            "湖州市2025年重点工作任务上半年进展情况"
        );
        assert_eq!(parsed.document.date, "2025-06-30");
        let [first, second] = parsed.tasks.as_slice() else {
            panic!("{:?}", parsed.tasks)
        };
        assert_eq!(
            (first.text.as_str(), first.units_text.as_str()),
            ("任务甲，续写。", "市财政局、市统计局")
        );
        assert_eq!(first.progress.len(), 2);
        assert_eq!(first.remarks, vec!["社零未完成半年度目标"]);
        assert_eq!(first.source.path, vec!["一、经济发展"]);
        assert_eq!((first.source.first_line, first.source.last_line), (4, 9));
        assert_eq!((second.local_id.as_str(), second.progress.len()), ("t2", 0));
        assert!(parsed.accounting.unmapped().is_empty());
    }

    #[test]
    fn unusable_input_is_an_error_with_a_line() {
        assert_eq!(
            parse(" \n\n", "e.txt", &DocumentDetails::default())
                .unwrap_err()
                .line,
            0
        );
        let error = parse("标题\n正文一段。", "n.txt", &DocumentDetails::default()).unwrap_err();
        assert_eq!(
            (error.line, error.to_string().contains("no task found")),
            (1, true)
        );
        let error = parse(
            "湖州市2024年\n3\n4\n任务(责任单位:市局)",
            "d.txt",
            &DocumentDetails::default(),
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "d.txt:2: task 3 has a number but no text"
        );
    }

    #[test]
    fn repeated_numbers_keep_unique_ids() {
        let text = "湖州市2024年上半年\n1\n甲(责任单位:市局)\n1\n乙(责任单位:市局)";
        let ids: Vec<String> = parse(text, "r.txt", &DocumentDetails::default())
            .unwrap()
            .tasks
            .into_iter()
            .map(|t| t.local_id)
            .collect();
        assert_eq!(ids, ["t1", "t1-2"]);
    }
}
