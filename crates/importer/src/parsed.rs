//! What a single document's parser hands to the dataset builder: records as the document
//! prints them, before units are canonicalised, ids are prefixed and districts expanded.
//! Keeping that second step in one place (`dataset`) is why each parser stays small.

use crate::accounting::Accounting;
use planboard_model::{
    Indicator, PlanBox, PlanSection, ReportOutline, ResultRow, SourceDocument, SourceSpan, Status,
    TaskKind,
};

/// One document, parsed.
#[derive(Debug, Clone)]
pub struct ParsedDocument {
    /// Metadata read from the content; `id` is already final (e.g. `huzhou-2024-progress`).
    pub document: SourceDocument,
    pub tasks: Vec<RawTask>,
    pub projects: Vec<RawProject>,
    /// Only for a five-year plan.
    pub plan: Option<PlanParts>,
    /// Only for a work report: its areas and targets, referring to `tasks` by local id.
    pub report: Option<ReportOutline>,
    pub accounting: Accounting,
}

/// A leader as the heading names them, e.g. `王纲` + `市长`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawLeader {
    pub name: String,
    pub title: String,
}

/// A task before the dataset builder resolves its units.
#[derive(Debug, Clone, PartialEq)]
pub struct RawTask {
    pub kind: TaskKind,
    /// Unique within the document, stable under edits elsewhere in it where possible,
    /// e.g. `t13`, `a2-6-3` (attachment 2, leader section 6, item 3).
    pub local_id: String,
    pub number: u32,
    pub number_inferred: bool,
    pub text: String,
    pub leader: Option<RawLeader>,
    /// The responsible-unit list exactly as printed, without a `责任单位:` label or the
    /// enclosing brackets, e.g. `★发改局、经信局` or
    /// `市财政局、各区县政府<含南太湖新区、长合区管委会>`. Empty when none is given.
    pub units_text: String,
    pub progress: Vec<String>,
    pub remarks: Vec<String>,
    pub source: SourceSpan,
    /// The area heading (`一、经济发展`) the task is listed under, where there is one.
    pub area: Option<String>,
    /// The status the document states (a status column, or a completion text opening
    /// with 已完成 / 基本完成 / 未完成 …; see [`crate::outcome`]); `None` lets the status
    /// be derived from progress and remarks.
    pub outcome: Option<Status>,
    pub problems: Vec<String>,
    pub next_steps: Vec<String>,
    /// `[column name, cell]` of table columns the importer has no field for.
    pub other_columns: Vec<(String, String)>,
}

impl RawTask {
    /// A task with nothing but its kind, ids, number, text and place; parsers fill in
    /// the rest.
    pub fn new(
        kind: TaskKind,
        local_id: String,
        number: u32,
        text: String,
        source: SourceSpan,
    ) -> Self {
        RawTask {
            kind,
            local_id,
            number,
            number_inferred: false,
            text,
            leader: None,
            units_text: String::new(),
            progress: Vec::new(),
            remarks: Vec::new(),
            source,
            area: None,
            outcome: None,
            problems: Vec::new(),
            next_steps: Vec::new(),
            other_columns: Vec::new(),
        }
    }
}

/// A livelihood project before its units are resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct RawProject {
    pub local_id: String,
    pub number: u32,
    pub title: String,
    pub declared_subitems: Option<u32>,
    pub subitems: Vec<String>,
    pub units_text: String,
    pub source: SourceSpan,
}

/// The plan's parts; their ids are already final (`<document id>/s001` …).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanParts {
    pub sections: Vec<PlanSection>,
    pub boxes: Vec<PlanBox>,
    pub indicators: Vec<Indicator>,
    pub results: Vec<ResultRow>,
}
