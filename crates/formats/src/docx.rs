//! Word .docx: the body's paragraphs and tables in order. Table cells merged down
//! (`vMerge`) repeat the text of the cell above in every row they cover; cells spanning
//! columns (`gridSpan`) keep the columns under their header; tables nested in a cell
//! are flattened into that cell's text; auto-numbered paragraphs get their `一、` / `1.`.

mod numbering;

use crate::grid::{Grid, RawCell};
use crate::xml::{attr, malformed, part_text, reference_text};
use crate::zipped::Archive;
use crate::{Extracted, Format, FormatError, Lines, Skipped};
use numbering::Numbering;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

const DOCUMENT: &str = "word/document.xml";

pub(crate) fn read(mut archive: Archive<'_>, file: &str) -> Result<Extracted, FormatError> {
    let document = archive.read(DOCUMENT)?.unwrap_or_default();
    let numbering_bytes = archive.read("word/numbering.xml")?;
    let styles_bytes = archive.read("word/styles.xml")?;
    let numbering = match numbering_bytes {
        Some(bytes) => {
            let numbering_xml = part_text(&bytes, file, "word/numbering.xml")?;
            let styles_xml = match &styles_bytes {
                Some(styles) => Some(part_text(styles, file, "word/styles.xml")?),
                None => None,
            };
            Numbering::parse(&numbering_xml, styles_xml.as_deref())
        }
        None => Numbering::default(),
    };
    let text = part_text(&document, file, DOCUMENT)?;
    let mut body = Body::new(numbering);
    body.read(&text, file)?;
    let mut skipped = body.skipped;
    skipped.extend(unread_parts(archive.names()));
    if body.lines.is_empty() {
        return Err(FormatError::new(
            file,
            "Word 文档里没有文字(可能只有图片、文本框或扫描件);请确认任务表格是文字而不是图片",
        ));
    }
    Ok(body.lines.finish(Format::Docx, None, skipped))
}

/// Parts with text this reader does not take (headers, footers, notes, comments).
fn unread_parts(names: &[String]) -> Vec<Skipped> {
    let kinds = [
        ("word/header", "页眉", "页眉中的文字"),
        ("word/footer", "页脚", "页脚中的文字(页码等)"),
        ("word/footnotes.xml", "脚注", "脚注"),
        ("word/endnotes.xml", "尾注", "尾注"),
        ("word/comments.xml", "批注", "批注"),
    ];
    kinds
        .iter()
        .filter_map(|(prefix, place, what)| {
            let count = names.iter().filter(|n| n.starts_with(prefix)).count();
            (count > 0).then(|| Skipped {
                place: place.to_string(),
                what: format!("{what}未导入({count} 个部件)"),
            })
        })
        .collect()
}

#[derive(Default)]
struct Paragraph {
    text: String,
    style: Option<String>,
    num_id: Option<String>,
    level: usize,
}

#[derive(Default)]
struct Table {
    rows: Vec<Vec<RawCell>>,
    row: Option<Vec<RawCell>>,
    cell: Option<RawCell>,
}

struct Body {
    numbering: Numbering,
    lines: Lines,
    skipped: Vec<Skipped>,
    paragraphs: usize,
    tables_seen: usize,
    /// Open tables, outermost first; only the outermost collects rows.
    tables: Vec<Table>,
    paragraph: Option<Paragraph>,
    in_run: bool,
    in_text: bool,
    /// Depth inside a subtree not read (drawings, alternate content fallbacks).
    skipping: usize,
    /// Where the reader is, for what is skipped between blocks: `第 3 段之后`.
    last_block: String,
}

impl Body {
    fn new(numbering: Numbering) -> Self {
        Body {
            numbering,
            lines: Lines::default(),
            skipped: Vec::new(),
            paragraphs: 0,
            tables_seen: 0,
            tables: Vec::new(),
            paragraph: None,
            in_run: false,
            in_text: false,
            skipping: 0,
            last_block: "正文开头".into(),
        }
    }

    fn read(&mut self, xml: &str, file: &str) -> Result<(), FormatError> {
        let mut reader = Reader::from_str(xml);
        loop {
            let event = reader
                .read_event()
                .map_err(|error| malformed(file, DOCUMENT, xml, reader.error_position(), &error))?;
            match event {
                Event::Eof => break,
                Event::Start(e) => {
                    if self.skipping > 0 {
                        self.skipping += 1;
                    } else {
                        self.start(&e, false);
                    }
                }
                Event::Empty(e) if self.skipping == 0 => self.start(&e, true),
                Event::End(e) => {
                    if self.skipping > 0 {
                        self.skipping -= 1;
                    } else {
                        self.end(e.local_name().as_ref());
                    }
                }
                Event::Text(t) if self.in_text && self.skipping == 0 => {
                    self.push_text(&t.xml10_content());
                }
                Event::CData(t) if self.in_text && self.skipping == 0 => {
                    self.push_text(&t.xml10_content());
                }
                Event::GeneralRef(r) if self.in_text && self.skipping == 0 => {
                    self.push_text(&reference_text(&r));
                }
                _ => {}
            }
        }
        if !self.tables.is_empty() {
            return Err(malformed(
                file,
                DOCUMENT,
                xml,
                xml.len() as u64,
                &"文档在表格中途结束,文件不完整",
            ));
        }
        Ok(())
    }

    fn push_text(&mut self, text: &str) {
        if let Some(paragraph) = self.paragraph.as_mut() {
            paragraph.text.push_str(text);
        }
    }

    fn place(&self) -> String {
        match self.tables.first() {
            Some(table) => format!("表格 {} 第 {} 行", self.tables_seen, table.rows.len() + 1),
            None => self.last_block.clone(),
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool) {
        let depth = self.tables.len();
        let val = || attr(e, "val");
        match e.local_name().as_ref() {
            "tbl" if !empty => {
                if depth == 0 {
                    self.tables_seen += 1;
                }
                self.tables.push(Table::default());
            }
            "tr" if depth == 1 && !empty => self.tables[0].row = Some(Vec::new()),
            "gridBefore" if depth == 1 => {
                let span: usize = val().and_then(|v| v.parse().ok()).unwrap_or(0);
                if let Some(row) = self.tables[0].row.as_mut() {
                    if span > 0 {
                        let mut gap = RawCell::new(String::new());
                        gap.col_span = span;
                        row.push(gap);
                    }
                }
            }
            "tc" if depth == 1 && !empty => {
                self.tables[0].cell = Some(RawCell::new(String::new()));
            }
            "gridSpan" if depth == 1 => {
                if let Some(cell) = self.tables[0].cell.as_mut() {
                    cell.col_span = val().and_then(|v| v.parse().ok()).unwrap_or(1).max(1);
                }
            }
            "vMerge" if depth == 1 => {
                if let Some(cell) = self.tables[0].cell.as_mut() {
                    // No value means "continue"; "restart" opens the merge.
                    cell.continues_above = val().is_none_or(|v| v != "restart");
                }
            }
            "p" if !empty && self.paragraph.is_none() => {
                self.paragraph = Some(Paragraph::default());
            }
            "pStyle" => {
                if let Some(paragraph) = self.paragraph.as_mut() {
                    paragraph.style = val();
                }
            }
            "numId" => {
                if let Some(paragraph) = self.paragraph.as_mut() {
                    paragraph.num_id = val();
                }
            }
            "ilvl" => {
                if let Some(paragraph) = self.paragraph.as_mut() {
                    paragraph.level = val().and_then(|v| v.parse().ok()).unwrap_or(0);
                }
            }
            "r" if !empty => self.in_run = true,
            "t" if !empty => self.in_text = true,
            "tab" | "br" | "cr" if self.in_run => self.push_text(" "),
            "drawing" | "pict" | "object" if !empty => {
                self.skipped.push(Skipped {
                    place: self.place(),
                    what: "图片或图形(含其中的文本框)未导入".into(),
                });
                self.skipping = 1;
            }
            // The same content again for old readers (the `Choice` was read).
            "Fallback" if !empty => self.skipping = 1,
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "t" => self.in_text = false,
            "r" => self.in_run = false,
            "p" => self.end_paragraph(),
            "tc" if self.tables.len() == 1 => {
                let table = &mut self.tables[0];
                if let (Some(cell), Some(row)) = (table.cell.take(), table.row.as_mut()) {
                    row.push(cell);
                }
            }
            "tr" if self.tables.len() == 1 => {
                let table = &mut self.tables[0];
                if let Some(row) = table.row.take() {
                    table.rows.push(row);
                }
            }
            "tbl" => {
                if let Some(table) = self.tables.pop() {
                    if self.tables.is_empty() {
                        let number = self.tables_seen;
                        Grid::resolve(table.rows).write(&mut self.lines, |row| {
                            format!("表格 {number} 第 {} 行", row + 1)
                        });
                        self.last_block = format!("表格 {number} 之后");
                    }
                }
            }
            _ => {}
        }
    }

    fn end_paragraph(&mut self) {
        let Some(paragraph) = self.paragraph.take() else {
            return;
        };
        let number = paragraph
            .num_id
            .clone()
            .map(|id| (id, paragraph.level))
            .or_else(|| {
                paragraph
                    .style
                    .as_deref()
                    .and_then(|style| self.numbering.style_number(style))
            });
        let label = number.and_then(|(id, level)| self.numbering.next_label(&id, level));
        let text = paragraph.text.trim();
        if text.is_empty() {
            return;
        }
        let text = match label {
            Some(label) => format!("{label}{text}"),
            None => text.to_string(),
        };
        match self.tables.first_mut() {
            // Paragraphs of a cell, and of tables nested in it, are the cell's text.
            Some(table) => {
                if let Some(cell) = table.cell.as_mut() {
                    if !cell.text.is_empty() {
                        cell.text.push(' ');
                    }
                    cell.text.push_str(&text);
                }
            }
            None => {
                self.paragraphs += 1;
                let place = format!("第 {} 段", self.paragraphs);
                self.lines.push(place, &text);
                self.last_block = format!("第 {} 段之后", self.paragraphs);
            }
        }
    }
}
