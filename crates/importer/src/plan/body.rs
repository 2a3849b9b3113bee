//! The outline's body after its title: what each line is, and which chapter it sits in.
//!
//! Chapter headings were mostly lost with the layout. A surviving heading (`九、…`)
//! names the chapter of what follows it, until the next heading or until the text shows
//! that a new chapter began: every chapter opens with an introductory paragraph that
//! has no lead sentence, so such a paragraph after lead-sentence sections starts a
//! chapter whose heading is lost, and the sections from there on have no chapter.

use super::boxes::{self, BoxDraft};
use super::results;
use super::tables::{self, Row, Table, TableKind};
use crate::accounting::Accounting;
use crate::parsed::PlanParts;
use crate::prose::{heading, lead_sentence, paragraph_at, Heading, HeadingStyle, SourceLine};
use planboard_model::{PlanSection, SourceSpan};

/// The body's records and what they tell about the document as a whole.
pub(super) struct Body {
    pub parts: PlanParts,
    /// (base year, target year) from the indicator table's columns.
    pub indicator_years: Option<(u16, u16)>,
}

/// What one line of the body is.
#[derive(Debug, Clone, PartialEq)]
enum LineKind {
    Blank,
    TableCaption,
    FigureCaption,
    BoxStart,
    TableRow,
    Note,
    Heading(Heading),
    Prose,
}

fn classify(text: &str) -> LineKind {
    if text.is_empty() {
        LineKind::Blank
    } else if tables::numbered_label(text, "表").is_some() {
        LineKind::TableCaption
    } else if tables::numbered_label(text, "图").is_some() {
        LineKind::FigureCaption
    } else if boxes::box_number(text).is_some() {
        LineKind::BoxStart
    } else if text.contains('|') {
        LineKind::TableRow
    } else if text.starts_with("注:") || text.starts_with("注：") {
        LineKind::Note
    } else if let Some(found) = heading(text, true) {
        LineKind::Heading(found)
    } else {
        LineKind::Prose
    }
}

/// Nesting rank of a heading style: parts contain chapters contain sections.
fn rank(style: HeadingStyle) -> u8 {
    match style {
        HeadingStyle::Part => 0,
        HeadingStyle::Chapter | HeadingStyle::Numbered | HeadingStyle::Plain => 1,
        HeadingStyle::Section | HeadingStyle::Parenthesised => 2,
    }
}

const CHAPTER_RANK: u8 = 1;

/// Walks the body once, claiming each line it turns into a record.
pub(super) fn read(lines: &[SourceLine<'_>], document: &str, accounting: &mut Accounting) -> Body {
    let mut walk = Walk {
        document,
        accounting,
        headings: Vec::new(),
        lead_since_heading: false,
        parts: PlanParts::default(),
        boxes: Vec::new(),
        indicator_years: None,
    };
    let mut index = 0;
    while index < lines.len() {
        index = walk.step(lines, index);
    }
    walk.parts.boxes = boxes::finish(walk.boxes, document);
    Body {
        parts: walk.parts,
        indicator_years: walk.indicator_years,
    }
}

struct Walk<'d, 'a> {
    document: &'d str,
    accounting: &'a mut Accounting,
    /// Open headings, outermost first, with their rank.
    headings: Vec<(u8, Heading)>,
    /// A lead-sentence section came after the innermost heading.
    lead_since_heading: bool,
    parts: PlanParts,
    boxes: Vec<BoxDraft>,
    indicator_years: Option<(u16, u16)>,
}

impl Walk<'_, '_> {
    /// Reads the item starting at `lines[index]`; returns the index after it.
    fn step(&mut self, lines: &[SourceLine<'_>], index: usize) -> usize {
        let line = lines[index];
        match classify(line.text) {
            LineKind::Blank | LineKind::Note => index + 1,
            LineKind::FigureCaption => {
                self.accounting.claim(line.number, "figure");
                index + 1
            }
            LineKind::Heading(found) => {
                self.accounting.claim(line.number, "heading");
                let level = rank(found.style);
                self.headings.retain(|(open, _)| *open < level);
                self.headings.push((level, found));
                self.lead_since_heading = false;
                index + 1
            }
            LineKind::TableCaption => self.table(lines, index),
            LineKind::BoxStart => self.labelled_box(lines, index),
            LineKind::TableRow => {
                // A one-cell "table" outside any table is a 专栏 box whose number and
                // title line was lost; wider rows with no caption stay unclaimed.
                if tables::cells(line.text).len() == 1 {
                    self.accounting.claim(line.number, "box");
                    // The raw text: the spaces between entries are what separates them.
                    let entries = line.text.trim_start_matches('|');
                    self.boxes
                        .push(BoxDraft::unlabelled(entries, line.number, self.path()));
                }
                index + 1
            }
            LineKind::Prose => self.section(lines, index),
        }
    }

    fn path(&self) -> Vec<String> {
        self.headings.iter().map(|(_, h)| h.text.clone()).collect()
    }

    fn chapter(&self) -> Option<String> {
        self.headings
            .iter()
            .find(|(level, _)| *level == CHAPTER_RANK)
            .or_else(|| self.headings.first())
            .map(|(_, h)| h.text.clone())
    }

    fn section(&mut self, lines: &[SourceLine<'_>], index: usize) -> usize {
        let (paragraph, next) =
            paragraph_at(lines, index, |text| classify(text) == LineKind::Prose);
        let lead = lead_sentence(&paragraph.text);
        if lead.is_none() && self.lead_since_heading {
            self.headings.clear();
            self.lead_since_heading = false;
        }
        if lead.is_some() {
            self.lead_since_heading = true;
        }
        // A paragraph without a lead sentence (a chapter's introduction, the preamble)
        // is kept as a section with an empty title, so the whole outline stays readable.
        let (title, text) = lead.unwrap_or_else(|| (String::new(), paragraph.text.clone()));
        for line in &paragraph.lines {
            self.accounting.claim(*line, "section");
        }
        let number = self.parts.sections.len() + 1;
        self.parts.sections.push(PlanSection {
            id: format!("{}/s{number:03}", self.document),
            kind: "plan-section".to_string(),
            document: self.document.to_string(),
            chapter: self.chapter(),
            title,
            text,
            source: SourceSpan {
                path: self.path(),
                first_line: paragraph.first_line(),
                last_line: paragraph.last_line(),
            },
        });
        next
    }

    /// `专栏N—M title entries… |`, on one line or continued by list-item lines.
    fn labelled_box(&mut self, lines: &[SourceLine<'_>], index: usize) -> usize {
        let mut used = vec![lines[index]];
        let mut next = index + 1;
        while !used.last().is_some_and(|line| line.text.ends_with('|')) {
            let Some(offset) = lines[next..].iter().position(|l| !l.text.is_empty()) else {
                break;
            };
            let candidate = lines[next + offset];
            let continues = candidate.text.ends_with('|') || boxes::starts_entry(candidate.text);
            if !continues || classify(candidate.text) == LineKind::BoxStart {
                break;
            }
            used.push(candidate);
            next += offset + 1;
        }
        for line in &used {
            self.accounting.claim(line.number, "box");
        }
        if let Some(draft) = BoxDraft::labelled(&used, self.path()) {
            self.boxes.push(draft);
        }
        next
    }

    /// A caption, its rows (blank lines between them allowed) and the notes under it.
    fn table(&mut self, lines: &[SourceLine<'_>], index: usize) -> usize {
        let caption = lines[index];
        let mut rows = Vec::new();
        let mut notes = Vec::new();
        let mut next = index + 1;
        while let Some(offset) = lines[next..].iter().position(|l| !l.text.is_empty()) {
            let candidate = lines[next + offset];
            match classify(candidate.text) {
                LineKind::TableRow if notes.is_empty() => rows.push(Row::new(candidate)),
                LineKind::Note => notes.push(candidate.number),
                _ => break,
            }
            next += offset + 1;
        }
        let table = Table::new(rows);
        let path = self.path();
        let (caption_field, row_field, note_field) = match table.kind() {
            TableKind::Indicators => {
                self.indicator_years = table.header_years();
                let read = tables::indicators(&table, self.document, &path);
                self.parts.indicators.extend(read);
                ("indicator-table", "indicator", "indicator-note")
            }
            TableKind::Results => {
                let read = results::results(&table, self.document, &path);
                self.parts.results.extend(read);
                ("result-table", "result", "result-note")
            }
            TableKind::Unknown => return next,
        };
        self.accounting.claim(caption.number, caption_field);
        for line in table.header_lines() {
            self.accounting.claim(line, caption_field);
        }
        for line in self.record_lines(row_field) {
            self.accounting.claim(line, row_field);
        }
        for line in notes {
            self.accounting.claim(line, note_field);
        }
        next
    }

    /// Source lines of the records a table produced (rows that made no record stay
    /// unclaimed).
    fn record_lines(&self, field: &str) -> Vec<u32> {
        if field == "indicator" {
            self.parts
                .indicators
                .iter()
                .map(|i| i.source.first_line)
                .collect()
        } else {
            self.parts
                .results
                .iter()
                .map(|r| r.source.first_line)
                .collect()
        }
    }
}
