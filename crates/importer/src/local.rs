//! Documents a reader imports in the browser: the same decoding, detection and parsers
//! as the build, run on one chosen file, then merged into the published dataset.
//!
//! Every kind the build reads is accepted: task breakdowns, progress reports and
//! tables, and also five-year plans and work reports (another city's, or a year the
//! published data lacks).
//!
//! Files other than UTF-8 text are read elsewhere: by `planboard-formats` natively
//! ([`preview_file`], feature `formats`), or in the browser's worker, which hands the
//! lines over as a [`ReadText`] ([`preview_extracted`]); the app's own wasm holds no
//! file reader.
//!
//! A local document's id is always `local-<content id>` (`-2`, `-3` … when that is
//! taken), so it can never collide with a published document, now or after the
//! publisher adds the same report. The stored texts are merged in their stored order,
//! so the same stored list gives the same ids on every load (notes are keyed by them).

use crate::accounting::UnmappedLine;
use crate::dataset::{assemble, sort_units};
use crate::detect::DetectedKind;
use crate::error::ImportError;
use crate::parsed::ParsedDocument;
use crate::period::DocumentDetails;
pub use crate::pipeline::stated_details;
use crate::read_text::NotRead;
pub use crate::read_text::ReadText;
use planboard_model::{Dataset, SourceDocument, Status};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Larger files are refused before reading. Word and Excel files carry styles and
/// images besides their text, so the limit is the file readers' own.
pub const MAX_LOCAL_FILE_BYTES: usize = 8 * 1024 * 1024;

/// The most text one import may store: browser storage holds about five megabytes for
/// the whole site, and the published documents are a few hundred kilobytes of text.
pub const MAX_LOCAL_TEXT_BYTES: usize = 2 * 1024 * 1024;

/// Every local document id starts with this.
pub const LOCAL_ID_PREFIX: &str = "local-";

/// One imported file as the browser stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalSource {
    /// The name of the file the reader chose (no directory).
    pub file_name: String,
    /// When it was accepted, ISO 8601 (`2026-11-23T04:15:00.000Z`).
    pub imported_at: String,
    /// The text as read: the decoded text file (without a byte-order mark), or the lines
    /// read from a Word, Excel or web file.
    pub text: String,
    /// For a Word, Excel or web file, where each line of `text` came from
    /// (`表格 1 第 4 行`), so later messages can name it; empty for plain text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// What the file was (`Word 文档(.docx)`); `None` for sources stored before formats
    /// other than text could be imported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// Details the reader gave in the import form because the text does not state
    /// them (or states them wrongly); they win over what the text says.
    #[serde(default, skip_serializing_if = "DocumentDetails::is_empty")]
    pub details: DocumentDetails,
}

/// What importing a file would add, shown to the reader before they accept it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalPreview {
    pub kind: DetectedKind,
    /// The document as the import would list it (id already made distinct;
    /// `imported_locally` is set only on acceptance).
    pub document: SourceDocument,
    pub counts: LocalCounts,
    pub lines: LineReport,
    /// Table columns the importer has no field for, kept on each record as printed.
    pub kept_columns: Vec<String>,
    /// The decoded text: what is stored if the reader accepts.
    pub text: String,
    /// Where each line of `text` came from (empty for plain text): stored with it.
    pub places: Vec<String>,
    /// What the file was (`Word 文档(.docx)`, `文本`).
    pub format_label: String,
    /// The encoding used, for text and web pages (`GB18030`, `UTF-8` …).
    pub encoding: Option<String>,
}

/// Record counts of one local document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalCounts {
    pub tasks: usize,
    pub projects: usize,
    /// Tasks per status, in `Status::ALL` order, every status listed.
    pub by_status: Vec<(Status, usize)>,
    /// Leaders the document assigns tasks to.
    pub leaders: usize,
    /// Canonical names of responsible units the catalog does not hold yet.
    pub new_units: Vec<String>,
}

/// The line accounting of one document, for the reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineReport {
    pub total: u32,
    /// Recognised lines per field (`task-text`, `progress` …), in field-name order.
    pub recognised: Vec<(String, u32)>,
    pub blank: u32,
    /// Every non-blank line no field claimed, in line order.
    pub unrecognised: Vec<UnmappedLine>,
    /// Parts of the file that were not read (site navigation, scripts, other sheets,
    /// images …), each with its place.
    pub not_read: Vec<NotRead>,
}

impl LineReport {
    /// Lines claimed by some field.
    pub fn recognised_total(&self) -> u32 {
        self.recognised.iter().map(|(_, count)| count).sum()
    }
}

/// What became of one stored source in a merge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum LocalOutcome {
    /// Merged under this document id.
    Merged(String),
    /// No longer parses (the importer changed, or storage was edited): the stored text
    /// is kept and the reader told; it is never dropped silently.
    Unreadable(ImportError),
}

/// The published dataset with the local documents added.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalMerge {
    pub dataset: Dataset,
    /// One per stored source, in the same order.
    pub outcomes: Vec<LocalOutcome>,
}

impl LocalMerge {
    /// The sources that could not be merged: (position in the stored list, error).
    pub fn problems(&self) -> impl Iterator<Item = (usize, &ImportError)> {
        self.outcomes
            .iter()
            .enumerate()
            .filter_map(|(index, outcome)| match outcome {
                LocalOutcome::Unreadable(error) => Some((index, error)),
                LocalOutcome::Merged(_) => None,
            })
    }
}

/// Reads a chosen UTF-8 text file and says what importing it into `base` (the dataset
/// the reader sees now, earlier local documents included) would add. Nothing is
/// changed.
///
/// Text only, whatever the features: the browser app calls this, and Cargo unifies the
/// importer's features across the workspace's default members, so a call into the file
/// readers here would link them into the app's first-load wasm. Other formats are read
/// by [`preview_file`] natively, or in the browser's worker and handed to
/// [`preview_extracted`].
///
/// An error whose `missing` is not empty names details the text leaves unsaid: ask the
/// reader for them (pre-filled with [`stated_details`]) and preview again with them.
pub fn preview(
    base: &Dataset,
    file_name: &str,
    bytes: &[u8],
    details: &DocumentDetails,
) -> Result<LocalPreview, ImportError> {
    check_size(file_name, bytes.len())?;
    let read = ReadText::from_utf8(bytes, file_name)?;
    preview_extracted(base, file_name, &read, details)
}

/// [`preview`] of any supported file (Word, Excel, web page, GBK/UTF-16 text …), its
/// format judged from the content.
#[cfg(feature = "formats")]
pub fn preview_file(
    base: &Dataset,
    file_name: &str,
    bytes: &[u8],
    details: &DocumentDetails,
) -> Result<LocalPreview, ImportError> {
    check_size(file_name, bytes.len())?;
    let read = ReadText::read(bytes, file_name)?;
    preview_extracted(base, file_name, &read, details)
}

/// [`preview`] of a file already read into lines (by the browser's worker, or by
/// pdf.js for a PDF).
pub fn preview_extracted(
    base: &Dataset,
    file_name: &str,
    read: &ReadText,
    details: &DocumentDetails,
) -> Result<LocalPreview, ImportError> {
    if read.text.len() > MAX_LOCAL_TEXT_BYTES {
        return Err(ImportError::new(
            file_name,
            0,
            format!(
                "读出的文字有 {} KB,超过可保存的 {} KB;请只保留任务表格或分成几个文件后再导入",
                read.text.len() / 1024,
                MAX_LOCAL_TEXT_BYTES / 1024
            ),
        ));
    }
    let (kind, parsed) = prepare(base, file_name, &read.text, &read.places, details, None)?;
    let mut lines = line_report(&parsed);
    lines.not_read = read.not_read.clone();
    let kept_columns = parsed.accounting.kept_columns().to_vec();
    let added = assemble(vec![parsed])?;
    let document = added
        .catalog
        .documents
        .first()
        .cloned()
        .ok_or_else(|| ImportError::new(file_name, 0, "没有读出文档信息"))?;
    let counts = counts(base, &added);
    Ok(LocalPreview {
        kind,
        document,
        counts,
        lines,
        kept_columns,
        text: read.text.clone(),
        places: read.places.clone(),
        format_label: read.format_label.clone(),
        encoding: read.encoding.clone(),
    })
}

/// Refuses a file over [`MAX_LOCAL_FILE_BYTES`] (the app asks before reading it).
pub fn check_size(file_name: &str, bytes: usize) -> Result<(), ImportError> {
    if bytes <= MAX_LOCAL_FILE_BYTES {
        return Ok(());
    }
    Err(ImportError::new(
        file_name,
        0,
        format!(
            "文件过大({} KB),可导入的文件最大 {} KB;请确认选的是责任分解、进展报告等文件本身",
            bytes / 1024,
            MAX_LOCAL_FILE_BYTES / 1024
        ),
    ))
}

/// `base` with every readable local source added, in stored order.
///
/// Commitments are joined again over the whole result, so a local report joins the
/// published records of its city and year.
pub fn merge(base: &Dataset, locals: &[LocalSource]) -> LocalMerge {
    let mut dataset = base.clone();
    let mut outcomes = Vec::with_capacity(locals.len());
    // Ids as format 1 gave them (no period), taken so far: a local report keeps the
    // id it had then as a former id, so notes on its items hold.
    let mut former_taken: BTreeSet<String> = base
        .catalog
        .documents
        .iter()
        .flat_map(|d| std::iter::once(d.id.clone()).chain(d.former_ids.iter().cloned()))
        .collect();
    for source in locals {
        let added = prepare(
            &dataset,
            &source.file_name,
            &source.text,
            &source.places,
            &source.details,
            Some(&source.imported_at),
        )
        .map(|(_, mut parsed)| {
            let document = &mut parsed.document;
            let format_one = match document.kind {
                planboard_model::DocumentKind::ProgressReport => local_id(
                    &crate::progress::progress_id_without_period(
                        &document.jurisdiction,
                        document.year,
                    ),
                    |id| former_taken.contains(id),
                ),
                _ => document.id.clone(),
            };
            if format_one != document.id {
                document.former_ids.push(format_one.clone());
            }
            former_taken.insert(format_one);
            parsed
        })
        .and_then(|parsed| assemble(vec![parsed]));
        match added {
            Ok(added) => {
                let id = added
                    .catalog
                    .documents
                    .first()
                    .map(|document| document.id.clone())
                    .unwrap_or_default();
                extend(&mut dataset, added);
                outcomes.push(LocalOutcome::Merged(id));
            }
            Err(error) => outcomes.push(LocalOutcome::Unreadable(error)),
        }
    }
    if !locals.is_empty() {
        dataset.commitments =
            crate::join::join_commitments(&dataset.tasks, &dataset.catalog.documents);
    }
    LocalMerge { dataset, outcomes }
}

/// Detects and parses `text`, refuses documents without records, and gives the
/// document its local id, file name and import time. Errors and unrecognised lines name
/// the place of their line in an office file or web page (`places`).
fn prepare(
    base: &Dataset,
    file_name: &str,
    text: &str,
    places: &[String],
    details: &DocumentDetails,
    imported_at: Option<&str>,
) -> Result<(DetectedKind, ParsedDocument), ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::new(file_name, 0, "文件为空(没有任何文字)"));
    }
    let (kind, mut parsed) = crate::pipeline::parse_document(text, file_name, details)
        .map_err(|error| error.placed(places))?;
    parsed.accounting.set_places(places.to_vec());
    if parsed.tasks.is_empty()
        && parsed.projects.is_empty()
        && parsed
            .plan
            .as_ref()
            .is_none_or(|plan| plan.sections.is_empty())
        && parsed.report.is_none()
    {
        return Err(ImportError::new(
            file_name,
            0,
            format!(
                "看起来像{},但没有读出任何任务",
                kind.document_kind().label_zh()
            ),
        ));
    }
    let taken: BTreeSet<&str> = base
        .catalog
        .documents
        .iter()
        .map(|document| document.id.as_str())
        .collect();
    let local = local_id(&parsed.document.id, |id| taken.contains(id));
    rename_plan_parts(&mut parsed, &local);
    parsed.document.id = local;
    parsed.document.source_file = file_name.to_string();
    parsed.document.imported_locally = imported_at.map(str::to_string);
    Ok((kind, parsed))
}

/// A plan's parts carry their document's id in their own (`<document>/s001`): they
/// follow the document to its local id.
fn rename_plan_parts(parsed: &mut ParsedDocument, local: &str) {
    let old = parsed.document.id.clone();
    let rename = |id: &mut String, document: &mut String| {
        if let Some(rest) = id.strip_prefix(&format!("{old}/")) {
            *id = format!("{local}/{rest}");
        }
        *document = local.to_string();
    };
    if let Some(plan) = parsed.plan.as_mut() {
        for section in &mut plan.sections {
            rename(&mut section.id, &mut section.document);
        }
        for plan_box in &mut plan.boxes {
            rename(&mut plan_box.id, &mut plan_box.document);
        }
        for indicator in &mut plan.indicators {
            rename(&mut indicator.id, &mut indicator.document);
        }
        for result in &mut plan.results {
            rename(&mut result.id, &mut result.document);
        }
    }
}

/// `local-<content id>`, or the first of `…-2`, `…-3` … that is free.
fn local_id(content_id: &str, taken: impl Fn(&str) -> bool) -> String {
    let first = format!("{LOCAL_ID_PREFIX}{content_id}");
    let mut candidate = first.clone();
    let mut suffix = 1;
    while taken(&candidate) {
        suffix += 1;
        candidate = format!("{first}-{suffix}");
    }
    candidate
}

fn line_report(parsed: &ParsedDocument) -> LineReport {
    let summary = parsed.accounting.summary();
    LineReport {
        total: parsed.accounting.line_count(),
        recognised: summary
            .iter()
            .filter(|(field, _)| !matches!(**field, "blank" | "unmapped"))
            .map(|(field, count)| (field.to_string(), *count))
            .collect(),
        blank: summary.get("blank").copied().unwrap_or(0),
        unrecognised: parsed.accounting.unmapped(),
        not_read: Vec::new(),
    }
}

fn counts(base: &Dataset, added: &Dataset) -> LocalCounts {
    let known: BTreeSet<&str> = base.catalog.units.iter().map(|u| u.id.as_str()).collect();
    LocalCounts {
        tasks: added.tasks.len(),
        projects: added.projects.len(),
        by_status: Status::ALL
            .into_iter()
            .map(|status| {
                let count = added.tasks.iter().filter(|t| t.status == status).count();
                (status, count)
            })
            .collect(),
        leaders: added.catalog.leaders.len(),
        new_units: added
            .catalog
            .units
            .iter()
            .filter(|unit| !known.contains(unit.id.as_str()))
            .map(|unit| unit.name.clone())
            .collect(),
    }
}

/// Adds one assembled local document to `dataset`: its document and records (a plan's
/// sections, boxes and indicators, a work report's outline), and the leaders, units
/// (with new spellings) and districts the catalog lacks. A known
/// leader keeps the title the published data gives them.
fn extend(dataset: &mut Dataset, added: Dataset) {
    let catalog = &mut dataset.catalog;
    catalog.documents.extend(added.catalog.documents);
    for leader in added.catalog.leaders {
        if !catalog.leaders.iter().any(|known| known.id == leader.id) {
            catalog.leaders.push(leader);
        }
    }
    for unit in added.catalog.units {
        match catalog.units.iter_mut().find(|known| known.id == unit.id) {
            Some(known) => {
                for alias in unit.aliases {
                    if !known.aliases.contains(&alias) {
                        known.aliases.push(alias);
                    }
                }
                known.aliases.sort();
            }
            None => catalog.units.push(unit),
        }
    }
    sort_units(&mut catalog.units);
    for district in added.catalog.districts {
        if !catalog
            .districts
            .iter()
            .any(|known| known.id == district.id)
        {
            catalog.districts.push(district);
        }
    }
    dataset.tasks.extend(added.tasks);
    dataset.projects.extend(added.projects);
    let plan = &mut dataset.plan;
    if plan.document.is_empty() {
        plan.document = added.plan.document;
    }
    plan.sections.extend(added.plan.sections);
    plan.boxes.extend(added.plan.boxes);
    plan.indicators.extend(added.plan.indicators);
    plan.results.extend(added.plan.results);
    plan.reports.extend(added.plan.reports);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_ids_skip_taken_ones_in_order() {
        let taken = ["local-a", "local-a-2"];
        assert_eq!(local_id("a", |id| taken.contains(&id)), "local-a-3");
        assert_eq!(local_id("b", |id| taken.contains(&id)), "local-b");
    }
}
