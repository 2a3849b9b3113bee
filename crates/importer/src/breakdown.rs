//! Parser for a government-work-report responsibility breakdown (责任分解), e.g.
//! huzhou-2021-task-breakdown.txt: a notice, then attachments. An attachment of key work
//! lists items `N.text` under leader headings (`一、王纲市长牵头重点工作`), each followed
//! by a `责任单位:` line; an attachment of livelihood projects (民生实事) lists
//! `一、title(N个子项)。sub-items…` each followed by its units.
//!
//! The kind of an attachment's items comes from its title: a five-year period
//! (`“十四五”时期`, `五年`) gives period tasks, anything else a year's tasks; a
//! Chinese-numbered line that is not a leader heading is a project when the attachment
//! is about 民生实事 or the line declares `(N个子项)`.

mod header;
pub(crate) mod lines;

use crate::accounting::Accounting;
use crate::error::ImportError;
use crate::parsed::{ParsedDocument, RawLeader, RawProject, RawTask};
use crate::text::{arabic_numbered, cn_numbered, first_year, labelled, trailing_group};
use crate::units::strip_trailing_note;
use lines::{attachment_heading, leader_heading, project_header, split_subitems, UNIT_LABELS};
use planboard_model::{DocumentKind, SourceDocument, SourceSpan, TaskKind};
use std::collections::BTreeSet;

/// What the items of the current attachment are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Items {
    Tasks(TaskKind),
    Projects,
}

/// The attachment (or, without attachments, the whole body) being read.
#[derive(Debug, Default)]
struct Section {
    /// `附件2` when the document prints one.
    label: Option<String>,
    number: Option<u32>,
    title: String,
    /// Still reading the title lines under the attachment heading.
    reading_title: bool,
    /// Leader heading as printed, its number and the leader it names.
    heading: Option<(String, u32, Option<RawLeader>)>,
}

impl Section {
    fn items(&self) -> Items {
        let title = &self.title;
        if title.contains("实事") {
            Items::Projects
        } else if title.contains("时期") || title.contains("十四五") || title.contains("五年")
        {
            Items::Tasks(TaskKind::PeriodTask)
        } else {
            Items::Tasks(TaskKind::AnnualTask)
        }
    }

    fn path(&self) -> Vec<String> {
        let mut path: Vec<String> = self.label.iter().cloned().collect();
        if !self.title.is_empty() {
            path.push(self.title.clone());
        }
        if let Some((heading, _, _)) = &self.heading {
            path.push(heading.clone());
        }
        path
    }
}

/// An item whose unit line has not been read yet.
#[derive(Debug)]
enum Open {
    Task(RawTask),
    Project { project: RawProject, body: String },
}

/// Parses a breakdown. `file` names the source in messages and `source_file`.
pub fn parse(text: &str, file: &str) -> Result<ParsedDocument, ImportError> {
    let all_lines: Vec<&str> = text.lines().collect();
    let mut accounting = Accounting::new(text);
    let body_start = all_lines
        .iter()
        .position(|line| attachment_heading(line).is_some() || is_leader_line(line))
        .ok_or_else(|| {
            ImportError::new(
                file,
                1,
                "责任分解中找不到附件标题(附件N)或领导牵头标题(一、某某市长牵头重点工作)",
            )
        })?;
    let notice = header::read_header(&all_lines, body_start, &mut accounting);
    let mut reader = BodyReader::default();
    for (index, line) in all_lines.iter().enumerate().skip(body_start) {
        reader.read(index as u32 + 1, line, &mut accounting);
    }
    reader.close_open();
    let BodyReader {
        tasks,
        projects,
        annual_title,
        ..
    } = reader;
    if tasks.is_empty() && projects.is_empty() {
        return Err(ImportError::new(
            file,
            body_start as u32 + 1,
            "责任分解中没有找到任何编号事项(1.…)或民生实事(一、…)",
        ));
    }
    let issuer = notice.issuer.ok_or_else(|| {
        ImportError::new(
            file,
            1,
            "找不到发文机关(成文日期前一行,如“湖州市人民政府办公室”)",
        )
    })?;
    let jurisdiction = header::jurisdiction_of(&issuer).ok_or_else(|| {
        ImportError::new(file, 1, format!("发文机关“{issuer}”中没有市、县或区名"))
    })?;
    let date = notice
        .date
        .ok_or_else(|| ImportError::new(file, 1, "找不到成文日期(如“2021年3月22日”)"))?;
    let year = annual_title
        .as_deref()
        .and_then(first_year)
        .or_else(|| date.get(..4).and_then(|y| y.parse().ok()))
        .ok_or_else(|| ImportError::new(file, 1, "无法确定年度"))?;
    let title = notice
        .title
        .or(annual_title)
        .unwrap_or_else(|| format!("{year}年政府工作报告重点工作责任分解"));
    let document = SourceDocument {
        id: format!(
            "{}-{year}-breakdown",
            crate::reference::jurisdiction_slug(&jurisdiction)
        ),
        kind: DocumentKind::TaskBreakdown,
        title,
        issuer,
        jurisdiction,
        date,
        period: format!("{year}年"),
        year,
        source_file: file.to_string(),
        line_count: accounting.line_count(),
        imported_locally: None,
        former_ids: Vec::new(),
    };
    Ok(ParsedDocument {
        document,
        tasks,
        projects,
        plan: None,
        report: None,
        accounting,
    })
}

fn is_leader_line(line: &str) -> bool {
    cn_numbered(line).is_some_and(|(_, rest)| leader_heading(rest).is_some())
}

/// Whether `line` heads an attachment (`附件2`), for detection.
pub fn is_attachment_heading(line: &str) -> bool {
    attachment_heading(line).is_some()
}

/// Whether `line` is a leader heading (`一、王纲市长牵头重点工作`), for detection.
pub fn is_leader_heading(line: &str) -> bool {
    is_leader_line(line)
}

/// State while reading the attachments line by line.
#[derive(Debug, Default)]
struct BodyReader {
    section: Section,
    open: Option<Open>,
    tasks: Vec<RawTask>,
    projects: Vec<RawProject>,
    used_ids: BTreeSet<String>,
    /// Title of the first attachment of a year's key work: the document's title when
    /// the notice's own title line is lost.
    annual_title: Option<String>,
}

impl BodyReader {
    fn read(&mut self, number: u32, line: &str, accounting: &mut Accounting) {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            return;
        }
        if let Some((attachment, title)) = attachment_heading(trimmed) {
            self.close_open();
            self.section = Section {
                label: Some(format!("附件{attachment}")),
                number: Some(attachment),
                title: title.to_string(),
                reading_title: true,
                heading: None,
            };
            accounting.claim(number, "source.path");
            return;
        }
        if let Some(units) = labelled(trimmed, UNIT_LABELS) {
            let field = self.units_field();
            if self.attach_units(number, units) {
                accounting.claim(number, field);
            }
            return;
        }
        if let Some((heading_number, rest)) = cn_numbered(trimmed) {
            let leader = leader_heading(rest);
            let is_project = leader.is_none()
                && (self.section.items() == Items::Projects || rest.contains("子项"));
            if !is_project {
                self.close_open();
                self.section.heading = Some((trimmed.to_string(), heading_number, leader));
                self.end_title();
                accounting.claim(number, "task.leader");
                return;
            }
            self.close_open();
            self.end_title();
            self.open_project(number, heading_number, rest);
            accounting.claim(number, "project.title+subitems");
            return;
        }
        if let Some((item_number, rest)) = arabic_numbered(trimmed) {
            if let Some(Open::Project { project, body }) = &mut self.open {
                push_sentence(body, rest);
                project.source.last_line = number;
                accounting.claim(number, "project.subitems");
                return;
            }
            self.close_open();
            self.end_title();
            self.open_task(number, item_number, rest);
            accounting.claim(number, "task.text");
            return;
        }
        match &mut self.open {
            Some(Open::Task(task)) => {
                task.text.push_str(trimmed);
                task.source.last_line = number;
                accounting.claim(number, "task.text");
            }
            Some(Open::Project { project, body }) => {
                // A wrapped line: the sentence goes on.
                body.push_str(trimmed);
                project.source.last_line = number;
                accounting.claim(number, "project.subitems");
            }
            None if self.section.reading_title => {
                self.section.title.push_str(trimmed);
                accounting.claim(number, "source.path");
            }
            None => {}
        }
    }

    fn end_title(&mut self) {
        if self.section.reading_title {
            self.section.reading_title = false;
            let is_annual = self.section.items() == Items::Tasks(TaskKind::AnnualTask);
            if is_annual && self.annual_title.is_none() && !self.section.title.is_empty() {
                self.annual_title = Some(self.section.title.clone());
            }
        }
    }

    fn units_field(&self) -> &'static str {
        match self.open {
            Some(Open::Project { .. }) => "project.units",
            _ => "task.units",
        }
    }

    /// Gives the open item its units; false when there is no item waiting for them.
    fn attach_units(&mut self, number: u32, units: &str) -> bool {
        let (units, _note) = strip_trailing_note(units);
        let attached = match &mut self.open {
            Some(Open::Task(task)) if task.units_text.is_empty() => {
                task.units_text = units.to_string();
                task.source.last_line = number;
                true
            }
            Some(Open::Project { project, .. }) if project.units_text.is_empty() => {
                project.units_text = units.to_string();
                project.source.last_line = number;
                true
            }
            _ => false,
        };
        if attached {
            self.close_open();
        }
        attached
    }

    fn open_task(&mut self, line: u32, item_number: u32, rest: &str) {
        let kind = match self.section.items() {
            Items::Tasks(kind) => kind,
            Items::Projects => TaskKind::AnnualTask,
        };
        let heading_number = self.section.heading.as_ref().map_or(0, |(_, n, _)| *n);
        let local = match self.section.number {
            Some(attachment) => format!("a{attachment}-{heading_number}-{item_number}"),
            None => format!("{heading_number}-{item_number}"),
        };
        // Later documents put the units in brackets at the end of the item.
        let (text, units_text) = match trailing_group(rest) {
            Some((before, content)) => match labelled(content, UNIT_LABELS) {
                Some(units) => (
                    before.trim().to_string(),
                    strip_trailing_note(units).0.to_string(),
                ),
                None => (rest.to_string(), String::new()),
            },
            None => (rest.to_string(), String::new()),
        };
        self.open = Some(Open::Task(RawTask {
            kind,
            local_id: self.unique(local),
            number: item_number,
            number_inferred: false,
            text,
            leader: self
                .section
                .heading
                .as_ref()
                .and_then(|(_, _, l)| l.clone()),
            units_text,
            progress: Vec::new(),
            remarks: Vec::new(),
            source: SourceSpan {
                path: self.section.path(),
                first_line: line,
                last_line: line,
            },
            area: None,
            outcome: None,
            problems: Vec::new(),
            next_steps: Vec::new(),
            other_columns: Vec::new(),
        }));
    }

    fn open_project(&mut self, line: u32, project_number: u32, rest: &str) {
        let header = project_header(rest);
        let local = self.unique(format!("p{project_number:02}"));
        self.open = Some(Open::Project {
            project: RawProject {
                local_id: local,
                number: project_number,
                title: header.title,
                declared_subitems: header.declared,
                subitems: Vec::new(),
                units_text: String::new(),
                source: SourceSpan {
                    path: self.section.path(),
                    first_line: line,
                    last_line: line,
                },
            },
            body: header.body,
        });
    }

    /// Finishes the open item (its unit line read, or the next item begun).
    fn close_open(&mut self) {
        match self.open.take() {
            Some(Open::Task(task)) => self.tasks.push(task),
            Some(Open::Project { mut project, body }) => {
                project.subitems = split_subitems(&body, project.declared_subitems);
                self.projects.push(project);
            }
            None => {}
        }
    }

    /// `local`, or `local-2`, `local-3` … when a misnumbered document repeats it.
    fn unique(&mut self, local: String) -> String {
        let mut candidate = local.clone();
        let mut suffix = 2;
        while self.used_ids.contains(&candidate) {
            candidate = format!("{local}-{suffix}");
            suffix += 1;
        }
        self.used_ids.insert(candidate.clone());
        candidate
    }
}

/// Appends a numbered sub-item line to a project's text so that it splits off on its
/// own.
fn push_sentence(body: &mut String, sentence: &str) {
    if !body.is_empty() && !body.ends_with([';', '；']) {
        body.push('；');
    }
    body.push_str(sentence.trim());
}
