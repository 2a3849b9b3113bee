//! Assembling parsed documents into the dataset: ids prefixed with their document's id,
//! units canonicalised and collected, districts expanded, leaders collected, statuses
//! derived, everything in a deterministic order.

use crate::error::ImportError;
use crate::parsed::{ParsedDocument, RawProject, RawTask};
use crate::reference::{self, jurisdiction_rank, jurisdiction_slug};
use crate::units::{resolve_units, ResolvedUnit};
use planboard_model::{
    Catalog, Dataset, District, DocumentKind, Leader, LinksFile, Plan, PlanFile, Project,
    ProjectsFile, ReportOutline, SourceDocument, Status, StatusDefinition, Task, TasksFile, Unit,
    UnitRef, FORMAT_VERSION,
};
use std::collections::{BTreeMap, BTreeSet};

/// One line per status, in the words the UI and docs/data-format.md use.
pub fn status_definitions() -> Vec<StatusDefinition> {
    Status::ALL
        .into_iter()
        .map(|status| StatusDefinition {
            status,
            label: status.label_zh().to_string(),
            definition: status_definition(status).to_string(),
        })
        .collect()
}

fn status_definition(status: Status) -> &'static str {
    match status {
        Status::Lagging => "进展报告在该任务下写有督查方的滞后提示(如“进度慢于半年度目标”),或状态栏写明“滞后”。",
        Status::NotCompleted => "报告写明任务未完成:状态栏为“未完成”“否”,或完成情况以“未完成”“尚未完成”开头。",
        Status::NoProgress => "任务列在进展报告中,但其下没有写任何进展。",
        Status::Reported => "进展报告在该任务下写有进展,且没有滞后提示,也没有写明完成与否(状态栏写“序时推进”“正常推进”的也属此类)。",
        Status::Ongoing => "报告写明任务跨年度持续推进:状态栏或完成情况开头为“持续推进”“长期推进”,既未写完成,也未写未完成。",
        Status::MostlyCompleted => "报告写明任务基本完成:状态栏或完成情况开头为“基本完成”(主要目标已达到,尚有少量收尾)。",
        Status::Completed => "报告写明任务已完成:状态栏为“已完成”“完成”“是”,或完成情况以“已完成”“全面完成”“超额完成”等开头(其后紧跟标点,不是“已完成投资…”这样的叙述)。",
        Status::NotTracked => {
            "任务来自规划纲要、政府工作报告或责任分解,这类文件不报告进展,无从判断。"
        }
    }
}

/// The status a task's document and contents give it: the status the report states,
/// else one read from its progress and remarks.
pub fn derive_status(
    kind: DocumentKind,
    outcome: Option<Status>,
    progress: &[String],
    remarks: &[String],
) -> Status {
    match (kind, outcome) {
        (DocumentKind::ProgressReport, Some(stated)) => stated,
        (DocumentKind::ProgressReport, None) if !remarks.is_empty() => Status::Lagging,
        (DocumentKind::ProgressReport, None) if !progress.is_empty() => Status::Reported,
        (DocumentKind::ProgressReport, None) => Status::NoProgress,
        _ => Status::NotTracked,
    }
}

/// Units met so far, by (jurisdiction, canonical name).
#[derive(Default)]
struct UnitCatalog {
    units: BTreeMap<(usize, String, String), Unit>,
}

impl UnitCatalog {
    fn add(&mut self, jurisdiction: &str, resolved: &ResolvedUnit) {
        let key = (
            jurisdiction_rank(jurisdiction),
            jurisdiction.to_string(),
            resolved.name.clone(),
        );
        let unit = self.units.entry(key).or_insert_with(|| Unit {
            id: format!("{}/{}", jurisdiction_slug(jurisdiction), resolved.name),
            name: resolved.name.clone(),
            jurisdiction: jurisdiction.to_string(),
            kind: resolved.kind,
            aliases: Vec::new(),
            district: resolved.district.clone(),
        });
        if unit.district.is_none() && resolved.district.is_some() {
            unit.district = resolved.district.clone();
            unit.kind = resolved.kind;
        }
        if resolved.printed != resolved.name && !unit.aliases.contains(&resolved.printed) {
            unit.aliases.push(resolved.printed.clone());
            unit.aliases.sort();
        }
    }

    /// Ordered by jurisdiction (reference order), then kind, then name.
    fn into_units(self) -> Vec<Unit> {
        let mut units: Vec<Unit> = self.units.into_values().collect();
        sort_units(&mut units);
        units
    }
}

/// The published order of the unit catalog: jurisdiction (reference order), kind,
/// name — stable, so a rebuild or a local import keeps the order readers know.
pub(crate) fn sort_units(units: &mut [Unit]) {
    units.sort_by(|a, b| {
        (
            jurisdiction_rank(&a.jurisdiction),
            &a.jurisdiction,
            a.kind,
            &a.name,
        )
            .cmp(&(
                jurisdiction_rank(&b.jurisdiction),
                &b.jurisdiction,
                b.kind,
                &b.name,
            ))
    });
}

/// Resolves a record's units: the refs in document order and the districts covered, in
/// reference-table order.
fn resolve(
    units_text: &str,
    jurisdiction: &str,
    catalog: &mut UnitCatalog,
) -> (Vec<UnitRef>, Vec<String>) {
    let resolved = resolve_units(units_text, jurisdiction);
    let mut covered = BTreeSet::new();
    for unit in &resolved {
        catalog.add(jurisdiction, unit);
        covered.extend(unit.covers.iter().cloned());
    }
    let refs = resolved
        .iter()
        .map(|u| UnitRef {
            name: u.name.clone(),
            lead: u.lead,
        })
        .collect();
    let districts = reference::districts_of(jurisdiction)
        .iter()
        .filter(|d| covered.contains(d.name))
        .map(|d| d.name.to_string())
        .collect();
    (refs, districts)
}

fn task_record(document: &SourceDocument, raw: RawTask, catalog: &mut UnitCatalog) -> Task {
    let (units, districts) = resolve(&raw.units_text, &document.jurisdiction, catalog);
    Task {
        id: format!("{}/{}", document.id, raw.local_id),
        kind: raw.kind,
        document: document.id.clone(),
        year: document.year,
        jurisdiction: document.jurisdiction.clone(),
        number: raw.number,
        number_inferred: raw.number_inferred,
        status: derive_status(document.kind, raw.outcome, &raw.progress, &raw.remarks),
        text: raw.text,
        leader: raw.leader.map(|l| l.name),
        units,
        progress: raw.progress,
        remarks: raw.remarks,
        districts,
        source: raw.source,
        area: raw.area,
        problems: raw.problems,
        next_steps: raw.next_steps,
        other_columns: raw.other_columns,
    }
}

fn project_record(
    document: &SourceDocument,
    raw: RawProject,
    catalog: &mut UnitCatalog,
) -> Project {
    let (units, districts) = resolve(&raw.units_text, &document.jurisdiction, catalog);
    Project {
        id: format!("{}/{}", document.id, raw.local_id),
        kind: "livelihood-project".to_string(),
        document: document.id.clone(),
        year: document.year,
        jurisdiction: document.jurisdiction.clone(),
        number: raw.number,
        title: raw.title,
        declared_subitems: raw.declared_subitems,
        subitems: raw.subitems,
        units,
        districts,
        source: raw.source,
    }
}

/// A work report's outline with its local task ids made global.
fn report_outline(document: &SourceDocument, outline: ReportOutline) -> ReportOutline {
    let global = |local: String| format!("{}/{local}", document.id);
    ReportOutline {
        document: document.id.clone(),
        areas: outline
            .areas
            .into_iter()
            .map(|mut area| {
                area.tasks = area.tasks.into_iter().map(global).collect();
                area
            })
            .collect(),
        targets: outline.targets.into_iter().map(global).collect(),
    }
}

/// Leaders by (jurisdiction, name); the title is the one of the latest document.
fn collect_leaders(documents: &[ParsedDocument]) -> Vec<Leader> {
    let mut by_year: Vec<&ParsedDocument> = documents.iter().collect();
    by_year
        .sort_by(|a, b| (a.document.year, &a.document.id).cmp(&(b.document.year, &b.document.id)));
    let mut leaders: Vec<Leader> = Vec::new();
    for parsed in by_year {
        let jurisdiction = &parsed.document.jurisdiction;
        for leader in parsed.tasks.iter().filter_map(|t| t.leader.as_ref()) {
            let id = format!("{}/{}", jurisdiction_slug(jurisdiction), leader.name);
            match leaders.iter_mut().find(|l| l.id == id) {
                Some(known) => known.title = leader.title.clone(),
                None => leaders.push(Leader {
                    id,
                    name: leader.name.clone(),
                    title: leader.title.clone(),
                    jurisdiction: jurisdiction.clone(),
                }),
            }
        }
    }
    leaders.sort_by(|a, b| {
        (jurisdiction_rank(&a.jurisdiction), &a.jurisdiction)
            .cmp(&(jurisdiction_rank(&b.jurisdiction), &b.jurisdiction))
    });
    leaders
}

fn districts_for(documents: &[ParsedDocument]) -> Vec<District> {
    districts_of_jurisdictions(
        documents
            .iter()
            .map(|d| d.document.jurisdiction.as_str())
            .collect(),
    )
}

/// The districts of every jurisdiction named, jurisdictions in reference order.
pub(crate) fn districts_of_jurisdictions(mut jurisdictions: Vec<&str>) -> Vec<District> {
    jurisdictions.sort_by_key(|j| (jurisdiction_rank(j), j.to_string()));
    jurisdictions.dedup();
    jurisdictions
        .into_iter()
        .flat_map(|j| {
            reference::districts_of(j).iter().map(move |d| District {
                id: format!("{}/{}", jurisdiction_slug(j), d.name),
                name: d.name.to_string(),
                jurisdiction: j.to_string(),
                kind: d.kind.to_string(),
            })
        })
        .collect()
}

/// Gives each progress report the id format 1 gave it, `<jurisdiction>-<year>-progress`
/// when that is free: links and notes made
/// before periods were part of ids carry it. Format 1 held one report per city and
/// year, and reports arrive in date order, so the earliest report of a city and year
/// is the one that was published under it.
///
/// Documents imported in the browser (`local-…`) get theirs in `local::merge`.
pub(crate) fn assign_former_ids(documents: &mut [ParsedDocument]) {
    let current: BTreeSet<String> = documents.iter().map(|d| d.document.id.clone()).collect();
    let mut earliest: BTreeMap<String, usize> = BTreeMap::new();
    for (index, parsed) in documents.iter().enumerate() {
        let document = &parsed.document;
        if document.kind != DocumentKind::ProgressReport
            || document.id.starts_with(crate::local::LOCAL_ID_PREFIX)
        {
            continue;
        }
        let former =
            crate::progress::progress_id_without_period(&document.jurisdiction, document.year);
        if current.contains(&former) {
            continue;
        }
        let slot = earliest.entry(former).or_insert(index);
        let known = &documents[*slot].document;
        if (&document.date, &document.id) < (&known.date, &known.id) {
            *slot = index;
        }
    }
    for (former, index) in earliest {
        let ids = &mut documents[index].document.former_ids;
        if !ids.contains(&former) {
            ids.push(former);
        }
    }
}

/// Assembles the dataset. Documents are ordered by id, so the output does not depend on
/// file names or the order files were read in; two documents with one id are an error.
pub fn assemble(mut documents: Vec<ParsedDocument>) -> Result<Dataset, ImportError> {
    documents.sort_by(|a, b| a.document.id.cmp(&b.document.id));
    assign_former_ids(&mut documents);
    if let Some(pair) = documents
        .windows(2)
        .find(|w| w[0].document.id == w[1].document.id)
    {
        return Err(ImportError::new(
            &pair[1].document.source_file,
            0,
            format!(
                "文档标识“{}”与 {} 重复:同一份文件导入了两次?若是同一城市同一年不同时段的报告,请用 --period(或同名 .meta.json 中的 \"period\")指明时段",
                pair[1].document.id, pair[0].document.source_file
            ),
        ));
    }
    let leaders = collect_leaders(&documents);
    let districts = districts_for(&documents);
    let mut units = UnitCatalog::default();
    let mut tasks = Vec::new();
    let mut projects = Vec::new();
    let mut plan = Plan::default();
    let mut sources = Vec::new();
    for parsed in documents {
        let document = parsed.document;
        tasks.extend(
            parsed
                .tasks
                .into_iter()
                .map(|t| task_record(&document, t, &mut units)),
        );
        projects.extend(
            parsed
                .projects
                .into_iter()
                .map(|p| project_record(&document, p, &mut units)),
        );
        if let Some(parts) = parsed.plan {
            if plan.document.is_empty() {
                plan.document = document.id.clone();
            }
            plan.sections.extend(parts.sections);
            plan.boxes.extend(parts.boxes);
            plan.indicators.extend(parts.indicators);
            plan.results.extend(parts.results);
        }
        if let Some(outline) = parsed.report {
            plan.reports.push(report_outline(&document, outline));
        }
        sources.push(document);
    }
    let commitments = crate::join::join_commitments(&tasks, &sources);
    Ok(Dataset {
        commitments,
        catalog: Catalog {
            format_version: FORMAT_VERSION,
            documents: sources,
            leaders,
            units: units.into_units(),
            districts,
            statuses: status_definitions(),
        },
        tasks,
        projects,
        plan,
        links: Default::default(),
    })
}

/// The five data files (`planboard_model::DATA_FILES` order) as pretty JSON with a
/// trailing newline: the same dataset always gives the same bytes.
pub fn data_files(dataset: &Dataset) -> Result<Vec<(&'static str, String)>, serde_json::Error> {
    data_files_in(dataset, true)
}

/// The five data files, pretty (as published) or compact (between the import worker
/// and the page, where nobody reads them).
pub(crate) fn data_files_in(
    dataset: &Dataset,
    published: bool,
) -> Result<Vec<(&'static str, String)>, serde_json::Error> {
    let write = |value: &dyn erased::Json| value.json(published);
    Ok(vec![
        ("documents.json", write(&dataset.catalog)?),
        (
            "tasks.json",
            write(&TasksFile {
                format_version: FORMAT_VERSION,
                tasks: dataset.tasks.clone(),
                commitments: dataset.commitments.clone(),
            })?,
        ),
        (
            "projects.json",
            write(&ProjectsFile {
                format_version: FORMAT_VERSION,
                projects: dataset.projects.clone(),
            })?,
        ),
        (
            "plan.json",
            write(&PlanFile {
                format_version: FORMAT_VERSION,
                plan: dataset.plan.clone(),
            })?,
        ),
        (
            "links.json",
            write(&LinksFile {
                format_version: FORMAT_VERSION,
                content: dataset.links.clone(),
            })?,
        ),
    ])
}

/// Serialising the five files' different types through one closure.
mod erased {
    pub trait Json {
        fn json(&self, pretty: bool) -> Result<String, serde_json::Error>;
    }

    impl<T: serde::Serialize> Json for T {
        fn json(&self, pretty: bool) -> Result<String, serde_json::Error> {
            if pretty {
                serde_json::to_string_pretty(self).map(|mut json| {
                    json.push('\n');
                    json
                })
            } else {
                serde_json::to_string(self)
            }
        }
    }
}
