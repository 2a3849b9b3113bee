//! Publishing without Rust: the documents imported in a browser become published ones,
//! in the same data files `planboard-ingest build` writes, zipped with a short 说明.
//!
//! The published sources are not in a built app, only their data files; so the
//! imported documents are parsed as the CLI parses them (its ids, no `local-`), and
//! added to the published dataset in the order `dataset::assemble` gives: documents by
//! id, records by document, leaders, units and districts collected as the build
//! collects them, commitments joined and links computed again over everything.
//! `tests/publish.rs` checks the files are byte for byte the build's.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use planboard_model::{Dataset, DocumentKind, Leader, DATA_FILES};

use crate::dataset::{assemble, data_files, districts_of_jurisdictions, sort_units};
use crate::error::ImportError;
use crate::local::LocalSource;
use crate::reference::{jurisdiction_rank, jurisdiction_slug};

/// The zip and what it holds.
#[derive(Debug, Clone)]
pub struct Bundle {
    /// `planboard-data-<date>.zip`-like name, from the newest document's date.
    pub file_name: String,
    pub zip: Vec<u8>,
    /// The data files, as in the zip (`DATA_FILES` order).
    pub files: Vec<(&'static str, String)>,
    /// One line per imported document: the id it is published under.
    pub summary: String,
}

/// Name of the note in the zip.
pub const NOTE_FILE: &str = "说明.txt";

/// `published` with `sources` added as published documents, links computed again.
pub fn published_dataset(
    published: &Dataset,
    sources: &[LocalSource],
) -> Result<Dataset, ImportError> {
    let mut parsed = Vec::with_capacity(sources.len());
    for source in sources {
        let (_, mut document) =
            crate::pipeline::parse_document(&source.text, &source.file_name, &source.details)
                .map_err(|error| error.placed(&source.places))?;
        document.document.source_file = source.file_name.clone();
        parsed.push(document);
    }
    let added = assemble(parsed)?;
    let mut dataset = union(published, added)?;
    dataset.links = crate::threads::compute(&dataset);
    dataset.links.figures = crate::figures::extract_figures(&dataset);
    Ok(dataset)
}

/// The zip of the data files of [`published_dataset`], with [`NOTE_FILE`].
pub fn bundle(published: &Dataset, sources: &[LocalSource]) -> Result<Bundle, ImportError> {
    if sources.is_empty() {
        return Err(ImportError::new(
            "(发布)",
            0,
            "还没有导入任何文件:先导入,再生成发布用的数据包",
        ));
    }
    let dataset = published_dataset(published, sources)?;
    let files = data_files(&dataset)
        .map_err(|e| ImportError::new("(发布)", 0, format!("无法序列化为 JSON: {e}")))?;
    let added: BTreeSet<&str> = sources.iter().map(|s| s.file_name.as_str()).collect();
    let lines: Vec<String> = dataset
        .catalog
        .documents
        .iter()
        .filter(|d| added.contains(d.source_file.as_str()))
        .map(|d| {
            let tasks = dataset.tasks.iter().filter(|t| t.document == d.id).count();
            format!("{} → {}({},{} 项任务)", d.source_file, d.id, d.title, tasks)
        })
        .collect();
    let summary = lines.join("\n");
    let newest = dataset
        .catalog
        .documents
        .iter()
        .map(|d| d.date.as_str())
        .max()
        .unwrap_or_default();
    let note = note(&summary, dataset.catalog.documents.len());
    let zip = zip_files(&files, &note)
        .map_err(|e| ImportError::new("(发布)", 0, format!("无法生成压缩包: {e}")))?;
    Ok(Bundle {
        file_name: format!("planboard-data-{newest}.zip"),
        zip,
        files,
        summary,
    })
}

fn note(summary: &str, documents: usize) -> String {
    format!(
        "planboard 数据包\r\n\
         ================\r\n\r\n\
         这些文件是 planboard 读取的全部数据({files})。\r\n\
         使用方法:把它们放进已构建的 planboard 网站副本的 data/ 目录,替换同名文件;\r\n\
         此后每位访问者都会看到下列文件,与原有文件一样作为已发布的文件显示。\r\n\
         不要只替换其中几个:五个文件须来自同一次生成。\r\n\r\n\
         共 {documents} 份文件。本次加入(本地导入的文件 → 发布后的标识):\r\n\
         {summary}\r\n\r\n\
         任务的关联与主题脉络已按全部文件重新计算。\r\n",
        files = DATA_FILES.join("、"),
        summary = summary.replace('\n', "\r\n"),
    )
}

/// Deflated zip: the note first, then the data files under `data/`' names.
fn zip_files(files: &[(&'static str, String)], note: &str) -> zip::result::ZipResult<Vec<u8>> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        // A fixed time: the same data give the same zip.
        .last_modified_time(zip::DateTime::default());
    writer.start_file(NOTE_FILE, options)?;
    writer.write_all(note.as_bytes())?;
    for (name, json) in files {
        writer.start_file(*name, options)?;
        writer.write_all(json.as_bytes())?;
    }
    Ok(writer.finish()?.into_inner())
}

/// The published dataset and a freshly assembled one, as if assembled together.
fn union(published: &Dataset, added: Dataset) -> Result<Dataset, ImportError> {
    let mut dataset = published.clone();
    let known: BTreeSet<String> = dataset
        .catalog
        .documents
        .iter()
        .map(|d| d.id.clone())
        .collect();
    if let Some(twice) = added
        .catalog
        .documents
        .iter()
        .find(|d| known.contains(&d.id))
    {
        return Err(ImportError::new(
            &twice.source_file,
            0,
            format!(
                "文档标识“{}”已有一份已发布的文件:同一份文件导入了两次?若是同一城市同一年不同时段的报告,请在导入时写明时段",
                twice.id
            ),
        ));
    }
    let added_documents: BTreeSet<String> = added
        .catalog
        .documents
        .iter()
        .map(|d| d.id.clone())
        .collect();
    let catalog = &mut dataset.catalog;
    catalog.documents.extend(added.catalog.documents);
    catalog.documents.sort_by(|a, b| a.id.cmp(&b.id));
    reassign_former_ids(&mut catalog.documents);
    let rank: BTreeMap<String, usize> = catalog
        .documents
        .iter()
        .enumerate()
        .map(|(index, d)| (d.id.clone(), index))
        .collect();
    let by_document = |document: &str| rank.get(document).copied().unwrap_or(usize::MAX);
    // Stable sorts: each document's records keep their order.
    dataset.tasks.extend(added.tasks);
    dataset.tasks.sort_by_key(|t| by_document(&t.document));
    dataset.projects.extend(added.projects);
    dataset.projects.sort_by_key(|p| by_document(&p.document));
    let plan = &mut dataset.plan;
    if !added.plan.document.is_empty()
        && (plan.document.is_empty()
            || by_document(&added.plan.document) < by_document(&plan.document))
    {
        plan.document = added.plan.document.clone();
    }
    plan.sections.extend(added.plan.sections);
    plan.sections.sort_by_key(|s| by_document(&s.document));
    plan.boxes.extend(added.plan.boxes);
    plan.boxes.sort_by_key(|b| by_document(&b.document));
    plan.indicators.extend(added.plan.indicators);
    plan.indicators.sort_by_key(|i| by_document(&i.document));
    plan.results.extend(added.plan.results);
    plan.results.sort_by_key(|r| by_document(&r.document));
    plan.reports.extend(added.plan.reports);
    plan.reports.sort_by_key(|r| by_document(&r.document));

    let catalog = &mut dataset.catalog;
    for unit in added.catalog.units.clone() {
        match catalog.units.iter_mut().find(|known| known.id == unit.id) {
            Some(known) => {
                for alias in unit.aliases {
                    if !known.aliases.contains(&alias) {
                        known.aliases.push(alias);
                    }
                }
                known.aliases.sort();
                if known.district.is_none() && unit.district.is_some() {
                    known.district = unit.district;
                    known.kind = unit.kind;
                }
            }
            None => catalog.units.push(unit),
        }
    }
    sort_units(&mut catalog.units);
    catalog.districts = districts_of_jurisdictions(
        catalog
            .documents
            .iter()
            .map(|d| d.jurisdiction.as_str())
            .collect(),
    );
    let published_leaders = std::mem::take(&mut catalog.leaders);
    dataset.catalog.leaders = collect_leaders(
        &dataset,
        &published_leaders,
        &added.catalog.leaders,
        &added_documents,
    );
    dataset.commitments = crate::join::join_commitments(&dataset.tasks, &dataset.catalog.documents);
    Ok(dataset)
}

/// The leaders in the order `dataset::assemble` collects them: first met in documents
/// by (year, id), each with the title of the latest document naming them (the added
/// catalog's title when that document is an added one), then by jurisdiction.
fn collect_leaders(
    dataset: &Dataset,
    published: &[Leader],
    added: &[Leader],
    added_documents: &BTreeSet<String>,
) -> Vec<Leader> {
    let mut documents: Vec<_> = dataset.catalog.documents.iter().collect();
    documents.sort_by(|a, b| (a.year, &a.id).cmp(&(b.year, &b.id)));
    let find = |leaders: &[Leader], id: &str| leaders.iter().find(|l| l.id == id).cloned();
    let mut leaders: Vec<Leader> = Vec::new();
    for document in documents {
        let from_added = added_documents.contains(&document.id);
        for task in dataset.tasks.iter().filter(|t| t.document == document.id) {
            let Some(name) = &task.leader else { continue };
            let id = &format!("{}/{name}", jurisdiction_slug(&document.jurisdiction));
            let source = if from_added { added } else { published };
            let Some(latest) = find(source, id).or_else(|| find(published, id)) else {
                continue;
            };
            match leaders.iter_mut().find(|l| &l.id == id) {
                Some(known) => known.title = latest.title,
                None => leaders.push(latest),
            }
        }
    }
    leaders.sort_by(|a, b| {
        (jurisdiction_rank(&a.jurisdiction), &a.jurisdiction)
            .cmp(&(jurisdiction_rank(&b.jurisdiction), &b.jurisdiction))
    });
    leaders
}

/// Format 1 ids (`<jurisdiction>-<year>-progress`) over all documents, as
/// `dataset::assign_former_ids` gives them: to the earliest report of its city and
/// year, when no document has it as its id.
fn reassign_former_ids(documents: &mut [planboard_model::SourceDocument]) {
    let current: BTreeSet<String> = documents.iter().map(|d| d.id.clone()).collect();
    let mut earliest: BTreeMap<String, usize> = BTreeMap::new();
    for (index, document) in documents.iter().enumerate() {
        if document.kind != DocumentKind::ProgressReport {
            continue;
        }
        let former =
            crate::progress::progress_id_without_period(&document.jurisdiction, document.year);
        if current.contains(&former) {
            continue;
        }
        let slot = earliest.entry(former).or_insert(index);
        let known = &documents[*slot];
        if (&document.date, &document.id) < (&known.date, &known.id) {
            *slot = index;
        }
    }
    for (former, index) in earliest {
        for document in documents.iter_mut() {
            document.former_ids.retain(|id| id != &former);
        }
        documents[index].former_ids.push(former);
    }
}
