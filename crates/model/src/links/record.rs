//! The words of any linkable record, as a thread's timeline and a link's ends show
//! them: the document's own text apart from the interface's words about it, so a view
//! can mark the one as Chinese and write the other in the reader's language.

use crate::lang::Lang;
use crate::types::{Dataset, Plan, TaskKind};

/// What sort of record a link end is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    Task(TaskKind),
    /// A livelihood project (民生实事).
    Project,
    /// A section of the five-year plan's text.
    PlanSection,
    /// A box (专栏) of the five-year plan.
    PlanBox,
    /// One of the plan's key indicators.
    Indicator,
}

impl RecordKind {
    /// The kind in the interface language.
    ///
    /// ```
    /// use planboard_model::{Lang, RecordKind};
    /// assert_eq!(RecordKind::PlanBox.label(Lang::Zh), "规划专栏");
    /// assert_eq!(RecordKind::PlanBox.label(Lang::En), "Plan box");
    /// ```
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            RecordKind::Task(kind) => kind.label(lang),
            RecordKind::Project => lang.pick("民生实事", "Livelihood project"),
            RecordKind::PlanSection => lang.pick("规划段落", "Plan section"),
            RecordKind::PlanBox => lang.pick("规划专栏", "Plan box"),
            RecordKind::Indicator => lang.pick("主要指标", "Key indicator"),
        }
    }
}

/// What a thread or a link shows of one record: its kind, document and words.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordText {
    pub id: String,
    pub document: String,
    pub kind: RecordKind,
    /// The record's own heading where it has one (a plan section's lead sentence, a
    /// box's title).
    pub heading: Option<String>,
    /// The document's words: a task's text, a project's title and sub-items, an
    /// indicator's name and unit.
    pub text: String,
    /// An indicator's 2020 value and 2025 target as printed (`3201.4`, `高于全省平均`),
    /// which the view labels in the reader's language.
    pub baseline_and_target: Option<(String, String)>,
}

/// The words of any linkable record (task, project, plan section, box, indicator). The
/// plan's records are looked up in `plan` (the app loads plan.json apart from the
/// other files; a `Dataset` from `parse_dataset` passes its own `&dataset.plan`).
///
/// ```
/// use planboard_model::{record_text, Dataset};
/// let dataset = Dataset::default();
/// assert!(record_text(&dataset, &dataset.plan, "huzhou-2024-progress/t11").is_none());
/// ```
pub fn record_text(dataset: &Dataset, plan: &Plan, id: &str) -> Option<RecordText> {
    let make = |document: &str, kind: RecordKind, heading: Option<&str>, text: String| RecordText {
        id: id.to_owned(),
        document: document.to_owned(),
        kind,
        heading: heading.map(str::to_owned),
        text,
        baseline_and_target: None,
    };
    if let Some(task) = dataset.tasks.iter().find(|task| task.id == id) {
        return Some(make(
            &task.document,
            RecordKind::Task(task.kind),
            None,
            task.text.clone(),
        ));
    }
    if let Some(project) = dataset.projects.iter().find(|project| project.id == id) {
        let text = std::iter::once(project.title.as_str())
            .chain(project.subitems.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join("；");
        return Some(make(&project.document, RecordKind::Project, None, text));
    }
    if let Some(section) = plan.sections.iter().find(|section| section.id == id) {
        let heading = (!section.title.is_empty()).then_some(section.title.as_str());
        return Some(make(
            &section.document,
            RecordKind::PlanSection,
            heading,
            section.text.clone(),
        ));
    }
    if let Some(plan_box) = plan.boxes.iter().find(|plan_box| plan_box.id == id) {
        let heading = format!("{} {}", plan_box.number, plan_box.title);
        return Some(make(
            &plan_box.document,
            RecordKind::PlanBox,
            Some(&heading),
            plan_box.entries.join(" "),
        ));
    }
    let indicator = plan
        .indicators
        .iter()
        .find(|indicator| indicator.id == id)?;
    Some(RecordText {
        baseline_and_target: Some((indicator.baseline.clone(), indicator.target.clone())),
        ..make(
            &indicator.document,
            RecordKind::Indicator,
            None,
            format!("{}（{}）", indicator.name, indicator.unit),
        )
    })
}
