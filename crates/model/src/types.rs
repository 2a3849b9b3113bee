//! The dataset as the importer writes it and the app reads it.
//!
//! These types *are* the public JSON format (docs/data-format.md describes the same
//! names): researchers download the files, so a field is renamed only with a new
//! `FORMAT_VERSION`. Every listable record has an `id` that stays stable across imports
//! and a `kind` that says what it is, so a consumer can mix records from several files.

use crate::lang::Lang;
use serde::{Deserialize, Serialize};

/// Bumped whenever a field changes meaning or name; the app refuses other versions with
/// a message instead of showing half-read data.
pub const FORMAT_VERSION: u32 = 1;

/// Names of the files under `data/`, in the order the app loads them.
pub const DATA_FILES: [&str; 5] = [
    "documents.json",
    "tasks.json",
    "projects.json",
    "plan.json",
    "links.json",
];

/// Everything the app shows, assembled from the five data files.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub catalog: Catalog,
    pub tasks: Vec<Task>,
    pub projects: Vec<Project>,
    pub plan: Plan,
    /// From `tasks.json`: records of one commitment in several documents, joined.
    #[serde(default)]
    pub commitments: Vec<Commitment>,
    /// `links.json`: threads across documents and indicator figures.
    #[serde(default)]
    pub links: crate::links::Links,
}

/// `documents.json`: what was imported and the reference tables the records point into.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    pub format_version: u32,
    pub documents: Vec<SourceDocument>,
    pub leaders: Vec<Leader>,
    pub units: Vec<Unit>,
    pub districts: Vec<District>,
    /// The status taxonomy with a one-line definition each, so the UI and the docs
    /// explain a status with the same words the importer used to derive it.
    pub statuses: Vec<StatusDefinition>,
}

/// `tasks.json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TasksFile {
    pub format_version: u32,
    pub tasks: Vec<Task>,
    /// The same commitment followed through a year's documents (see [`Commitment`]).
    #[serde(default)]
    pub commitments: Vec<Commitment>,
}

/// `projects.json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProjectsFile {
    pub format_version: u32,
    pub projects: Vec<Project>,
}

/// `plan.json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlanFile {
    pub format_version: u32,
    pub plan: Plan,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    /// 五年规划纲要.
    FiveYearPlan,
    /// 政府工作报告 (the speech itself).
    WorkReport,
    /// 政府工作报告重点工作责任分解 (tasks by leader, with units).
    TaskBreakdown,
    /// 重点工作任务 with half-year progress (进展/完成情况).
    ProgressReport,
}

impl DocumentKind {
    pub fn label_zh(self) -> &'static str {
        match self {
            DocumentKind::FiveYearPlan => "五年规划纲要",
            DocumentKind::WorkReport => "政府工作报告",
            DocumentKind::TaskBreakdown => "责任分解",
            DocumentKind::ProgressReport => "进展报告",
        }
    }

    /// The label in the interface language (`label_zh` stays the URL value).
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.label_zh(),
            Lang::En => match self {
                DocumentKind::FiveYearPlan => "Five-year plan outline",
                DocumentKind::WorkReport => "Government work report",
                DocumentKind::TaskBreakdown => "Task breakdown",
                DocumentKind::ProgressReport => "Progress report",
            },
        }
    }
}

/// One imported source text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceDocument {
    /// Derived from the content (jurisdiction, year, kind), never the file name, e.g.
    /// `huzhou-2024-progress`.
    pub id: String,
    pub kind: DocumentKind,
    pub title: String,
    pub issuer: String,
    /// 湖州市 or 平湖市 as the document names it.
    pub jurisdiction: String,
    /// ISO date `YYYY-MM-DD` (or `YYYY-MM` when only that is known).
    pub date: String,
    /// Human-readable period, e.g. `2024年上半年`, `2021—2025年`.
    pub period: String,
    /// The year the commitments are for (the plan: its first year).
    pub year: u16,
    /// File name it was imported from, for "where it sits in its source document".
    pub source_file: String,
    pub line_count: u32,
    /// Set only on a document the reader imported in the browser (never in the
    /// published files): when it was imported, ISO 8601. The app marks such documents
    /// and lets the reader remove them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imported_locally: Option<String>,
    /// Ids this document was published under before, which links and notes may still
    /// carry (`huzhou-2024-progress` before periods were part of an id). Resolved by
    /// [`Catalog::current_document_id`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former_ids: Vec<String>,
}

impl Catalog {
    /// The id a document has now, for an id a link or note may carry: itself when a
    /// document has it, else the document that was published under it before.
    pub fn current_document_id<'a>(&'a self, id: &'a str) -> Option<&'a str> {
        if self.documents.iter().any(|document| document.id == id) {
            return Some(id);
        }
        self.documents
            .iter()
            .find(|document| document.former_ids.iter().any(|former| former == id))
            .map(|document| document.id.as_str())
    }

    /// A record id (`<document id>/<local id>`) with a former document id replaced by
    /// the current one; `None` when it names no document, or already is current.
    pub fn renamed_record_id(&self, id: &str) -> Option<String> {
        let (document, local) = id.split_once('/')?;
        let current = self.current_document_id(document)?;
        (current != document).then(|| format!("{current}/{local}"))
    }
}

impl SourceDocument {
    /// A short name for lists and filters: jurisdiction, period and kind, e.g.
    /// `湖州市2024年上半年进展报告`.
    /// A locally imported document adds its file name, so it stays distinguishable from
    /// the published copy of the same report.
    pub fn short_label(&self) -> String {
        let label = format!(
            "{}{}{}",
            self.jurisdiction,
            self.period,
            self.kind.label_zh()
        );
        match self.imported_locally {
            Some(_) => format!("{label}（{}）", self.source_file),
            None => label,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Leader {
    pub id: String,
    pub name: String,
    /// 市长, 常务副市长, 副市长, 常委 …
    pub title: String,
    pub jurisdiction: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnitKind {
    /// 市发展改革委, 发改局 …
    Department,
    /// 区县政府 / 管委会 of a district or functional area.
    DistrictGovernment,
    /// 镇政府, 街道办事处.
    TownGovernment,
    /// 市城市集团, 市交通集团 …
    StateEnterprise,
    /// 市委宣传部, 市委政法委 … (Party organs named as responsible units).
    PartyOrgan,
    /// Catch-alls such as 市级其他有关单位, and units the tables do not classify.
    Other,
}

/// A responsible unit with its canonical name within one jurisdiction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub jurisdiction: String,
    pub kind: UnitKind,
    /// Other spellings met in the documents (e.g. `发改局` for `市发展改革委`).
    pub aliases: Vec<String>,
    /// For district and town governments: the district they belong to.
    pub district: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct District {
    pub id: String,
    pub name: String,
    pub jurisdiction: String,
    /// 区, 县, 功能区, 街道, 镇.
    pub kind: String,
}

/// A unit as one record lists it, in document order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRef {
    /// Canonical unit name (see `Unit::name`).
    pub name: String,
    /// Leads the work: marked `★`, or listed first where the document has no mark.
    pub lead: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The progress report carries a supervisor's remark that the task lags.
    Lagging,
    /// A year-end outcome: the report says the task was not completed (未完成).
    NotCompleted,
    /// The progress report lists progress and no lagging remark.
    Reported,
    /// The task appears in a progress report, but no progress is written under it.
    NoProgress,
    /// A year-end outcome for work that runs on beyond the year (持续推进): neither done
    /// nor missed.
    Ongoing,
    /// A year-end outcome: the main targets met, some part still open (基本完成).
    MostlyCompleted,
    /// A year-end outcome: the task was completed (已完成).
    Completed,
    /// The document is not a progress report (plan, speech, breakdown): nothing to judge.
    NotTracked,
}

impl Status {
    /// Worst first: the order of facets, legends and `sort=status`.
    pub const ALL: [Status; 8] = [
        Status::Lagging,
        Status::NotCompleted,
        Status::NoProgress,
        Status::Reported,
        Status::Ongoing,
        Status::MostlyCompleted,
        Status::Completed,
        Status::NotTracked,
    ];

    /// The word shown beside the colour, and used in URLs (`status=滞后`).
    pub fn label_zh(self) -> &'static str {
        match self {
            Status::Lagging => "滞后",
            Status::NotCompleted => "未完成",
            Status::Reported => "有进展",
            Status::NoProgress => "未报进展",
            Status::Ongoing => "持续推进",
            Status::MostlyCompleted => "基本完成",
            Status::Completed => "已完成",
            Status::NotTracked => "无进度报告",
        }
    }

    /// The label in the interface language (`label_zh` stays the URL value).
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.label_zh(),
            Lang::En => match self {
                Status::Lagging => "Lagging",
                Status::NotCompleted => "Not completed",
                Status::Reported => "Progress reported",
                Status::NoProgress => "No progress reported",
                Status::Ongoing => "Continuing",
                Status::MostlyCompleted => "Largely completed",
                Status::Completed => "Completed",
                Status::NotTracked => "Not in a progress report",
            },
        }
    }

    pub fn from_label_zh(label: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.label_zh() == label)
    }

    /// Kebab-case name, as in the JSON.
    pub fn code(self) -> &'static str {
        match self {
            Status::Lagging => "lagging",
            Status::NotCompleted => "not-completed",
            Status::Reported => "reported",
            Status::NoProgress => "no-progress",
            Status::Ongoing => "ongoing",
            Status::MostlyCompleted => "mostly-completed",
            Status::Completed => "completed",
            Status::NotTracked => "not-tracked",
        }
    }

    /// Position in [`Status::ALL`].
    pub fn rank(self) -> usize {
        Status::ALL
            .iter()
            .position(|status| *status == self)
            .unwrap_or(Status::ALL.len())
    }

    /// A year-end outcome (已完成, 基本完成, 未完成, 持续推进) rather than a mid-year state.
    pub fn is_outcome(self) -> bool {
        matches!(
            self,
            Status::NotCompleted | Status::Ongoing | Status::MostlyCompleted | Status::Completed
        )
    }

    /// Whether a supervisor would follow the task up: lagging mid-year, or not
    /// completed at the year's end.
    pub fn needs_follow_up(self) -> bool {
        matches!(self, Status::Lagging | Status::NotCompleted)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusDefinition {
    pub status: Status,
    pub label: String,
    pub definition: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TaskKind {
    /// A year's key work (年度重点工作), from a breakdown or a progress report.
    AnnualTask,
    /// Key work for the whole five-year period (“十四五”时期重点工作).
    PeriodTask,
    /// A paragraph of the work report's areas of work (no leader, no units).
    ReportWork,
    /// An expected target stated in the work report (GDP growth …).
    ReportTarget,
}

impl TaskKind {
    pub fn label_zh(self) -> &'static str {
        match self {
            TaskKind::AnnualTask => "年度重点工作",
            TaskKind::PeriodTask => "五年重点工作",
            TaskKind::ReportWork => "报告工作部署",
            TaskKind::ReportTarget => "预期目标",
        }
    }

    /// The label in the interface language (`label_zh` stays the URL value).
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.label_zh(),
            Lang::En => match self {
                TaskKind::AnnualTask => "Annual key task",
                TaskKind::PeriodTask => "Five-year key task",
                TaskKind::ReportWork => "Work-report commitment",
                TaskKind::ReportTarget => "Expected target",
            },
        }
    }
}

/// Where a record sits in its source: a readable path and the lines it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceSpan {
    /// Headings above the record, outermost first, e.g. `["附件2", "六、项乐民副市长牵头重点工作"]`.
    pub path: Vec<String>,
    /// 1-based, inclusive.
    pub first_line: u32,
    pub last_line: u32,
}

/// One commitment as one document states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    /// `<document id>/<local>`, e.g. `huzhou-2024-progress/t13`.
    pub id: String,
    pub kind: TaskKind,
    /// `SourceDocument::id`.
    pub document: String,
    pub year: u16,
    pub jurisdiction: String,
    /// The number the document prints (within its section); when the document lost it
    /// the importer infers it and says so in `number_inferred`.
    pub number: u32,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub number_inferred: bool,
    pub text: String,
    /// Leader's name where the document assigns one.
    pub leader: Option<String>,
    pub units: Vec<UnitRef>,
    pub progress: Vec<String>,
    /// The supervisors' lagging remarks.
    pub remarks: Vec<String>,
    pub status: Status,
    /// Districts the task concerns (expanded from 各区县政府 etc.); empty = city-wide
    /// departments only.
    pub districts: Vec<String>,
    pub source: SourceSpan,
    /// The area of work a heading such as `一、经济发展` puts the task under, as
    /// printed; `None` where the document has no such heading.
    #[serde(default)]
    pub area: Option<String>,
    /// What the document says still stands in the way (存在问题 column).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<String>,
    /// What the unit will do next (下步打算 column).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub next_steps: Vec<String>,
    /// Columns of a table the importer has no field for, `[column name, cell]` in
    /// column order: kept, never dropped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_columns: Vec<(String, String)>,
}

/// One commitment followed through the documents of its jurisdiction and year: the
/// task breakdown and each progress report list it again, in their own numbering and
/// words. Built by the importer; only commitments found in two or more documents are
/// listed (a task in no list is its own commitment).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Commitment {
    /// The id of its oldest record's task.
    pub id: String,
    pub jurisdiction: String,
    pub year: u16,
    /// Oldest first (document date, then id).
    pub records: Vec<CommitmentRecord>,
}

/// One document's record of a commitment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommitmentRecord {
    /// `Task::id`.
    pub task: String,
    pub document: String,
    /// The document's date: when this status was reported.
    pub date: String,
    pub status: Status,
    /// How this record was joined to the records before it.
    #[serde(rename = "match")]
    pub matched: JoinMatch,
    /// Why a close match was made (the number and the likeness of the texts); `None`
    /// for the first record and exact matches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum JoinMatch {
    /// The commitment's oldest record.
    First,
    /// Number and text agree once width, spaces and punctuation are normalised.
    Exact,
    /// Not exact, but alike enough; `reason` says why.
    Close,
}

impl JoinMatch {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            JoinMatch::First => lang.pick("首次列出", "first listed"),
            JoinMatch::Exact => lang.pick("完全一致", "exact match"),
            JoinMatch::Close => lang.pick("相近匹配", "close match"),
        }
    }
}

/// One of the yearly livelihood projects (民生实事).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// e.g. `huzhou-2021-breakdown/p03`.
    pub id: String,
    /// Always `livelihood-project`.
    pub kind: String,
    pub document: String,
    pub year: u16,
    pub jurisdiction: String,
    pub number: u32,
    pub title: String,
    /// The count the title announces (`(3个子项)`), kept to check against `subitems`.
    pub declared_subitems: Option<u32>,
    pub subitems: Vec<String>,
    pub units: Vec<UnitRef>,
    pub districts: Vec<String>,
    pub source: SourceSpan,
}

/// The five-year plan outline and the work report's structure.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub document: String,
    pub sections: Vec<PlanSection>,
    pub boxes: Vec<PlanBox>,
    /// 表2—1.
    pub indicators: Vec<Indicator>,
    /// 表1—1 (results of the 13th plan).
    pub results: Vec<ResultRow>,
    /// Structure of each work report imported (its areas of work).
    pub reports: Vec<ReportOutline>,
}

/// A prose paragraph of the plan, headed by its lead sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanSection {
    /// e.g. `huzhou-2021-plan/s042`.
    pub id: String,
    /// Always `plan-section`.
    pub kind: String,
    pub document: String,
    /// The chapter heading it falls under where the text keeps one (`九、…`).
    pub chapter: Option<String>,
    /// The lead sentence, without its closing `。`.
    pub title: String,
    /// The paragraph after the lead sentence.
    pub text: String,
    pub source: SourceSpan,
}

/// A 专栏 box: numbered, titled, with its entries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanBox {
    pub id: String,
    /// Always `plan-box`.
    pub kind: String,
    pub document: String,
    /// As printed, e.g. `专栏3—1`.
    pub number: String,
    pub title: String,
    pub entries: Vec<String>,
    pub source: SourceSpan,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: String,
    /// Always `indicator`.
    pub kind: String,
    pub document: String,
    /// 一级指标, e.g. `经济发展`.
    pub category: String,
    pub number: u32,
    pub name: String,
    pub unit: String,
    /// 2020 value as printed (`—` when the table has none).
    pub baseline: String,
    pub baseline_value: Option<f64>,
    /// 2025 target as printed.
    pub target: String,
    pub target_value: Option<f64>,
    /// 年均/累计增长 as printed.
    pub growth: String,
    /// 约束性 or 预期性.
    pub attribute: String,
    pub source: SourceSpan,
}

/// A row of 表1—1; its columns are kept as printed with the header names beside them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultRow {
    pub id: String,
    /// Always `result`.
    pub kind: String,
    pub document: String,
    pub category: String,
    pub name: String,
    /// (header, value) pairs in column order.
    pub cells: Vec<(String, String)>,
    pub source: SourceSpan,
}

/// A work report's areas of work; the paragraphs themselves are `Task`s of kind
/// `report-work`, listed here by id so the report can be read in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportOutline {
    pub document: String,
    pub areas: Vec<ReportArea>,
    /// Ids of the `report-target` tasks.
    pub targets: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportArea {
    /// As printed, e.g. `（一）`.
    pub number: String,
    pub title: String,
    pub tasks: Vec<String>,
}

impl Task {
    /// How a reader cites the task within its document, e.g. `附件2 项乐民 第3项` or
    /// `（一） 第2项`. Numbers restart in each attachment, leader section and area, so
    /// `第N项` alone would name several tasks of one document; the section that makes it
    /// unique is named by the attachment, the leader, or the area's numbering.
    pub fn citation(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(attachment) = self.source.path.first().filter(|p| p.starts_with("附件")) {
            parts.push(attachment.clone());
        }
        match (&self.leader, self.source.path.last()) {
            (Some(leader), _) => parts.push(leader.clone()),
            (None, Some(section)) => {
                if let Some(numbering) = leading_numbering(section) {
                    parts.push(numbering.to_string());
                }
            }
            (None, None) => {}
        }
        parts.push(format!("第{}项", self.number));
        parts.join(" ")
    }
}

/// The numbering a heading opens with: `（一）`, `(一)`, `一、`.
fn leading_numbering(heading: &str) -> Option<&str> {
    const NUMERALS: &str = "一二三四五六七八九十百零〇";
    let mut chars = heading.char_indices().peekable();
    let opened = matches!(chars.peek(), Some((_, '（' | '(')));
    if opened {
        chars.next();
    }
    let mut numerals = 0;
    for (index, ch) in chars {
        if NUMERALS.contains(ch) {
            numerals += 1;
            continue;
        }
        let closes = if opened {
            matches!(ch, '）' | ')')
        } else {
            ch == '、'
        };
        return (numerals > 0 && closes).then(|| &heading[..index + ch.len_utf8()]);
    }
    None
}

#[cfg(test)]
mod citation_tests {
    use super::*;

    fn task(leader: Option<&str>, path: &[&str], number: u32) -> Task {
        Task {
            id: "d/t".into(),
            kind: TaskKind::AnnualTask,
            document: "d".into(),
            year: 2021,
            jurisdiction: "湖州市".into(),
            number,
            number_inferred: false,
            text: String::new(),
            leader: leader.map(str::to_string),
            units: Vec::new(),
            progress: Vec::new(),
            remarks: Vec::new(),
            status: Status::NotTracked,
            districts: Vec::new(),
            source: SourceSpan {
                path: path.iter().map(|p| p.to_string()).collect(),
                first_line: 1,
                last_line: 1,
            },
            area: None,
            problems: Vec::new(),
            next_steps: Vec::new(),
            other_columns: Vec::new(),
        }
    }

    #[test]
    fn breakdown_tasks_are_cited_by_attachment_and_leader() {
        let t = task(
            Some("项乐民"),
            &["附件2", "政府工作报告…", "六、项乐民副市长牵头重点工作"],
            3,
        );
        assert_eq!(t.citation(), "附件2 项乐民 第3项");
    }

    #[test]
    fn report_paragraphs_are_cited_by_their_area() {
        let t = task(None, &["（三）着眼系统集成"], 2);
        assert_eq!(t.citation(), "（三） 第2项");
        let target = task(None, &["二、2020年重点任务"], 5);
        assert_eq!(target.citation(), "二、 第5项");
        let half_width = task(None, &["(十二)其他"], 1);
        assert_eq!(half_width.citation(), "(十二) 第1项");
    }

    #[test]
    fn tasks_without_sections_are_cited_by_number_alone() {
        assert_eq!(task(None, &[], 13).citation(), "第13项");
        assert_eq!(task(None, &["没有编号的标题"], 4).citation(), "第4项");
    }
}
