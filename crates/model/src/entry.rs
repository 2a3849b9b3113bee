//! Entries: tasks of every kind and livelihood projects as one list, the rows of the
//! 任务 view.

use crate::lang::Lang;
use crate::types::{Dataset, Project, Status, Task, TaskKind, UnitRef};

/// What an entry is: a task of some kind, or a livelihood project (民生实事).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum EntryKind {
    Task(TaskKind),
    Project,
}

impl EntryKind {
    /// Every kind in the fixed order facets list them.
    pub const ALL: [EntryKind; 5] = [
        EntryKind::Task(TaskKind::AnnualTask),
        EntryKind::Task(TaskKind::PeriodTask),
        EntryKind::Project,
        EntryKind::Task(TaskKind::ReportTarget),
        EntryKind::Task(TaskKind::ReportWork),
    ];

    /// The word shown in the UI and used in URLs (`kind=民生实事`).
    pub fn label_zh(self) -> &'static str {
        match self {
            EntryKind::Task(kind) => kind.label_zh(),
            EntryKind::Project => "民生实事",
        }
    }

    /// The label in the interface language (`label_zh` stays the URL value).
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            EntryKind::Task(kind) => kind.label(lang),
            EntryKind::Project => lang.pick("民生实事", "Livelihood project"),
        }
    }

    pub fn from_label_zh(label: &str) -> Option<EntryKind> {
        EntryKind::ALL
            .into_iter()
            .find(|kind| kind.label_zh() == label)
    }

    /// The `kind` the JSON records carry (`annual-task`, …, `livelihood-project`).
    pub fn code(self) -> &'static str {
        match self {
            EntryKind::Task(TaskKind::AnnualTask) => "annual-task",
            EntryKind::Task(TaskKind::PeriodTask) => "period-task",
            EntryKind::Task(TaskKind::ReportWork) => "report-work",
            EntryKind::Task(TaskKind::ReportTarget) => "report-target",
            EntryKind::Project => "livelihood-project",
        }
    }

    pub fn from_code(code: &str) -> Option<EntryKind> {
        EntryKind::ALL.into_iter().find(|kind| kind.code() == code)
    }
}

/// Where an entry's full record is: an index into `Dataset::tasks` or `::projects`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum EntryRef {
    Task(usize),
    Project(usize),
}

/// One row of the unified list, with the metadata filters and charts need.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub id: String,
    pub kind: EntryKind,
    pub item: EntryRef,
    /// `SourceDocument::id`.
    pub document: String,
    pub year: u16,
    pub jurisdiction: String,
    /// Projects have none.
    pub leader: Option<String>,
    pub units: Vec<UnitRef>,
    pub districts: Vec<String>,
    /// Projects are `NotTracked`: no report judges them.
    pub status: Status,
    /// The task text or the project title.
    pub title: String,
    /// The area-of-work heading a task is listed under (`Task::area`).
    pub area: Option<String>,
    /// Position in document order across the dataset (0-based; equals the entry's
    /// index in `Index::entries`).
    pub order: usize,
    /// The commitment the task is a record of (an index into `Dataset::commitments`),
    /// when it was found in two or more documents.
    pub commitment: Option<usize>,
    /// A later document records the same commitment: the 任务 list shows the latest
    /// record in its place unless each report's rows are asked for (`each=1`).
    pub superseded: bool,
}

impl Entry {
    /// Names of the lead units (several where a document marks several with ★).
    pub fn lead_units(&self) -> impl Iterator<Item = &str> {
        self.units
            .iter()
            .filter(|unit| unit.lead)
            .map(|unit| unit.name.as_str())
    }

    pub fn is_lead(&self, unit: &str) -> bool {
        self.lead_units().any(|name| name == unit)
    }

    pub fn has_unit(&self, unit: &str) -> bool {
        self.units.iter().any(|listed| listed.name == unit)
    }

    /// The task behind the entry, if it is one.
    pub fn task<'d>(&self, dataset: &'d Dataset) -> Option<&'d Task> {
        match self.item {
            EntryRef::Task(index) => dataset.tasks.get(index),
            EntryRef::Project(_) => None,
        }
    }

    /// The project behind the entry, if it is one.
    pub fn project<'d>(&self, dataset: &'d Dataset) -> Option<&'d Project> {
        match self.item {
            EntryRef::Project(index) => dataset.projects.get(index),
            EntryRef::Task(_) => None,
        }
    }
}

/// All entries in document order: documents in catalog order (records of documents the
/// catalog lacks last), within a document its tasks in file order, then its projects
/// in file order.
/// What an entry takes from its commitment: (commitment, superseded, leader, area).
type Joined<'d> = (usize, bool, Option<&'d str>, Option<&'d str>);

pub(crate) fn build_entries(dataset: &Dataset) -> Vec<Entry> {
    let documents = &dataset.catalog.documents;
    let position = |document: &str| {
        documents
            .iter()
            .position(|known| known.id == document)
            .unwrap_or(documents.len())
    };
    // (document position, projects after tasks, index in its file)
    let mut keys: Vec<(usize, bool, usize)> = dataset
        .tasks
        .iter()
        .enumerate()
        .map(|(index, task)| (position(&task.document), false, index))
        .chain(
            dataset
                .projects
                .iter()
                .enumerate()
                .map(|(index, project)| (position(&project.document), true, index)),
        )
        .collect();
    keys.sort_unstable();

    // Task id → (commitment, superseded, a leader and an area its records name).
    let mut joined: std::collections::HashMap<&str, Joined> = std::collections::HashMap::new();
    // Only needed when something was joined (the published data alone join nothing).
    let tasks_by_id: std::collections::HashMap<&str, &Task> = if dataset.commitments.is_empty() {
        std::collections::HashMap::new()
    } else {
        dataset
            .tasks
            .iter()
            .map(|task| (task.id.as_str(), task))
            .collect()
    };
    for (position, commitment) in dataset.commitments.iter().enumerate() {
        let leader = commitment
            .records
            .iter()
            .rev()
            .filter_map(|record| tasks_by_id.get(record.task.as_str()))
            .find_map(|task| task.leader.as_deref().filter(|name| !name.is_empty()));
        let area = commitment
            .records
            .iter()
            .rev()
            .filter_map(|record| tasks_by_id.get(record.task.as_str()))
            .find_map(|task| task.area.as_deref());
        let last = commitment.records.len().saturating_sub(1);
        for (at, record) in commitment.records.iter().enumerate() {
            joined.insert(record.task.as_str(), (position, at < last, leader, area));
        }
    }

    keys.into_iter()
        .enumerate()
        .filter_map(|(order, (_, is_project, index))| {
            if is_project {
                dataset
                    .projects
                    .get(index)
                    .map(|project| project_entry(project, index, order))
            } else {
                dataset.tasks.get(index).map(|task| {
                    let mut entry = task_entry(task, index, order);
                    if let Some(&(commitment, superseded, leader, area)) =
                        joined.get(task.id.as_str())
                    {
                        entry.commitment = Some(commitment);
                        entry.superseded = superseded;
                        // A report names no leader (and may print no area headings);
                        // the breakdown of its year does.
                        if entry.leader.is_none() {
                            entry.leader = leader.map(str::to_string);
                        }
                        if entry.area.is_none() {
                            entry.area = area.map(str::to_string);
                        }
                    }
                    entry
                })
            }
        })
        .collect()
}

fn task_entry(task: &Task, index: usize, order: usize) -> Entry {
    Entry {
        id: task.id.clone(),
        kind: EntryKind::Task(task.kind),
        item: EntryRef::Task(index),
        document: task.document.clone(),
        year: task.year,
        jurisdiction: task.jurisdiction.clone(),
        leader: task.leader.clone().filter(|name| !name.is_empty()),
        units: task.units.clone(),
        districts: task.districts.clone(),
        status: task.status,
        title: task.text.clone(),
        area: task.area.clone(),
        order,
        commitment: None,
        superseded: false,
    }
}

fn project_entry(project: &Project, index: usize, order: usize) -> Entry {
    Entry {
        id: project.id.clone(),
        kind: EntryKind::Project,
        item: EntryRef::Project(index),
        document: project.document.clone(),
        year: project.year,
        jurisdiction: project.jurisdiction.clone(),
        leader: None,
        units: project.units.clone(),
        districts: project.districts.clone(),
        status: Status::NotTracked,
        title: project.title.clone(),
        area: None,
        order,
        commitment: None,
        superseded: false,
    }
}

/// The texts full-text search looks at, for one entry's record.
pub(crate) fn searchable_texts<'d>(entry: &Entry, dataset: &'d Dataset) -> Vec<&'d str> {
    let mut texts: Vec<&str> = Vec::new();
    if let Some(task) = entry.task(dataset) {
        texts.push(&task.text);
        texts.extend(task.area.as_deref());
        texts.extend(task.progress.iter().map(String::as_str));
        texts.extend(task.remarks.iter().map(String::as_str));
        texts.extend(task.units.iter().map(|unit| unit.name.as_str()));
        texts.extend(task.leader.as_deref());
    } else if let Some(project) = entry.project(dataset) {
        texts.push(&project.title);
        texts.extend(project.subitems.iter().map(String::as_str));
        texts.extend(project.units.iter().map(|unit| unit.name.as_str()));
    }
    texts
}
