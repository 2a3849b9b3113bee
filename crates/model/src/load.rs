//! Reading the four data files into a `Dataset`, with problems worded for the user.
//!
//! The app is opened by people who cannot read a serde error, and a half-downloaded or
//! outdated file is the likely cause of trouble on a static host; so each problem names
//! the file and says in Chinese what is wrong and, where it helps, why.

use std::collections::HashSet;
use std::fmt;

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::error::Category;

use crate::links::{Links, LinksFile};
use crate::types::{
    Catalog, Dataset, Plan, PlanFile, ProjectsFile, TasksFile, DATA_FILES, FORMAT_VERSION,
};

/// The folder, relative to index.html, the app fetches `DATA_FILES` from.
pub const DATA_DIR: &str = "data/";

/// One data file's problem, already worded for the user in Chinese.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// The file name, e.g. `tasks.json`.
    pub file: String,
    pub problem: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}：{}", self.file, self.problem)
    }
}

impl std::error::Error for LoadError {}

impl LoadError {
    pub fn new(file: impl Into<String>, problem: impl Into<String>) -> LoadError {
        LoadError {
            file: file.into(),
            problem: problem.into(),
        }
    }

    /// The server answered the fetch of `file` with a non-success HTTP status.
    ///
    /// ```
    /// use planboard_model::LoadError;
    /// let error = LoadError::missing("tasks.json", 404);
    /// assert_eq!(error.problem, "文件缺失（HTTP 404），无法读取 data/tasks.json");
    /// ```
    pub fn missing(file: &str, http_status: u16) -> LoadError {
        let problem = match http_status {
            404 | 410 => format!("文件缺失（HTTP {http_status}），无法读取 {DATA_DIR}{file}"),
            _ => format!("服务器返回 HTTP {http_status}，无法读取 {DATA_DIR}{file}"),
        };
        LoadError::new(file, problem)
    }

    /// The fetch of `file` failed before any answer (offline, blocked); `detail` is the
    /// browser's message, if any.
    pub fn unreachable(file: &str, detail: &str) -> LoadError {
        let mut problem = format!("无法连接服务器，未能读取 {DATA_DIR}{file}");
        if !detail.trim().is_empty() {
            problem.push_str(&format!("（{}）", detail.trim()));
        }
        LoadError::new(file, problem)
    }
}

/// Parses the five files' texts (named as in `DATA_FILES`) into a `Dataset`.
///
/// Checks each file's `format_version` and the cross-references: every task, project
/// and plan record belongs to a document of `documents.json`, ids are unique, and the
/// work-report outlines name existing tasks.
///
/// ```
/// use planboard_model::parse_dataset;
/// let documents = r#"{"format_version": 1, "documents": [], "leaders": [],
///                     "units": [], "districts": [], "statuses": []}"#;
/// let tasks = r#"{"format_version": 1, "tasks": []}"#;
/// let projects = r#"{"format_version": 1, "projects": []}"#;
/// let plan = r#"{"format_version": 1, "plan": {"document": "", "sections": [], "boxes": [],
///                "indicators": [], "results": [], "reports": []}}"#;
/// let links = r#"{"format_version": 1, "links": [], "threads": [], "figures": []}"#;
/// assert!(parse_dataset(documents, tasks, projects, plan, links).is_ok());
///
/// let error = parse_dataset(documents, r#"{"format_version": 2, "tasks": []}"#, projects, plan, links)
///     .unwrap_err();
/// assert_eq!(error.to_string(), "tasks.json：数据格式版本为 2，本程序只能读取版本 1");
/// ```
pub fn parse_dataset(
    documents: &str,
    tasks: &str,
    projects: &str,
    plan: &str,
    links: &str,
) -> Result<Dataset, LoadError> {
    let mut dataset = parse_core_dataset(documents, tasks, projects)?;
    dataset.plan = parse_plan(plan, &dataset)?;
    dataset.links = parse_links(links)?;
    Ok(dataset)
}

/// Parses the three files the task list needs into a `Dataset` whose `plan` and
/// `links` are empty: what the task list, search, facets and most views need. The app
/// reads `plan.json` (`parse_plan`) and `links.json` (`parse_links`) apart, only when a
/// view shows plan records or threads: together they are two thirds of the data's bytes.
///
/// Checks the same as `parse_dataset` does for these three files.
pub fn parse_core_dataset(
    documents: &str,
    tasks: &str,
    projects: &str,
) -> Result<Dataset, LoadError> {
    let [documents_file, tasks_file, projects_file, _, _] = DATA_FILES;
    let catalog: Catalog = parse_file(documents_file, documents, |c: &Catalog| c.format_version)?;
    let tasks: TasksFile = parse_file(tasks_file, tasks, |t: &TasksFile| t.format_version)?;
    let projects: ProjectsFile =
        parse_file(projects_file, projects, |p: &ProjectsFile| p.format_version)?;
    let dataset = Dataset {
        catalog,
        tasks: tasks.tasks,
        commitments: tasks.commitments,
        projects: projects.projects,
        plan: Plan::default(),
        links: Links::default(),
    };
    check_references(&dataset)?;
    Ok(dataset)
}

/// Parses `links.json`: the links between records of different documents, the threads
/// they make and the figures read for the plan's indicators.
///
/// Nothing in it is checked against the other files: a link or thread naming a record
/// that is not in the data (an older links file beside newer tasks) only finds nothing
/// when a view looks it up.
///
/// ```
/// use planboard_model::parse_links;
/// let links = r#"{"format_version": 1, "links": [], "threads": [], "figures": []}"#;
/// assert!(parse_links(links).is_ok());
/// let error = parse_links(r#"{"format_version": 1, "links": ["#).unwrap_err();
/// assert_eq!(error.file, "links.json");
/// ```
pub fn parse_links(links: &str) -> Result<Links, LoadError> {
    let links_file = DATA_FILES[4];
    let links: LinksFile = parse_file(links_file, links, |l: &LinksFile| l.format_version)?;
    Ok(links.content)
}

/// Parses `plan.json` for `dataset` (from `parse_core_dataset`): every plan record
/// belongs to one of its documents and the work-report outlines name its tasks.
///
/// ```
/// use planboard_model::{parse_core_dataset, parse_plan};
/// let documents = r#"{"format_version": 1, "documents": [], "leaders": [],
///                     "units": [], "districts": [], "statuses": []}"#;
/// let tasks = r#"{"format_version": 1, "tasks": []}"#;
/// let projects = r#"{"format_version": 1, "projects": []}"#;
/// let dataset = parse_core_dataset(documents, tasks, projects).unwrap();
/// let plan = r#"{"format_version": 1, "plan": {"document": "huzhou-plan", "sections": [],
///                "boxes": [], "indicators": [], "results": [], "reports": []}}"#;
/// let error = parse_plan(plan, &dataset).unwrap_err();
/// assert_eq!(error.to_string(), "plan.json：规划 所属的文档 huzhou-plan 在 documents.json 中不存在");
/// ```
pub fn parse_plan(plan: &str, dataset: &Dataset) -> Result<Plan, LoadError> {
    let plan_file = DATA_FILES[3];
    let plan: PlanFile = parse_file(plan_file, plan, |p: &PlanFile| p.format_version)?;
    check_plan_references(&plan.plan, dataset)?;
    Ok(plan.plan)
}

fn parse_file<T: DeserializeOwned>(
    file: &str,
    text: &str,
    version: impl Fn(&T) -> u32,
) -> Result<T, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::new(file, "文件是空的（可能下载未完成）"));
    }
    match serde_json::from_str::<T>(text) {
        Ok(parsed) => match version(&parsed) {
            FORMAT_VERSION => Ok(parsed),
            other => Err(version_error(file, u64::from(other))),
        },
        Err(error) => Err(translate(file, text, &error)),
    }
}

fn version_error(file: &str, version: u64) -> LoadError {
    LoadError::new(
        file,
        format!("数据格式版本为 {version}，本程序只能读取版本 {FORMAT_VERSION}"),
    )
}

/// Reads only `format_version`, to tell "newer format" from "broken file" when the
/// full parse fails on the shape.
#[derive(Deserialize)]
struct VersionProbe {
    format_version: u64,
}

fn translate(file: &str, text: &str, error: &serde_json::Error) -> LoadError {
    let (line, column) = (error.line(), error.column());
    let problem = match error.classify() {
        Category::Eof => {
            format!("文件不完整，在第 {line} 行第 {column} 列处中断（可能下载未完成）")
        }
        Category::Syntax if text.trim_start().starts_with('<') => {
            "收到的是网页而不是 JSON 数据（服务器可能返回了错误页面）".to_owned()
        }
        Category::Syntax => format!(
            "不是有效的 JSON：第 {line} 行第 {column} 列{}",
            syntax_detail(&bare_message(error))
        ),
        // serde would read an array as the struct's fields in order, and then complain
        // about some element: say what is really wrong.
        Category::Data if text.trim_start().starts_with('[') => {
            "数据结构不符：文件应为一个对象（{…}），实际是一个数组（[…]）".to_owned()
        }
        Category::Data => {
            if let Ok(probe) = serde_json::from_str::<VersionProbe>(text) {
                if probe.format_version != u64::from(FORMAT_VERSION) {
                    return version_error(file, probe.format_version);
                }
            }
            format!(
                "数据结构不符：{}（第 {line} 行第 {column} 列）",
                shape_detail(&bare_message(error))
            )
        }
        Category::Io => format!("读取失败：{error}"),
    };
    LoadError::new(file, problem)
}

/// serde_json's message without its trailing " at line N column M".
fn bare_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    message
        .strip_suffix(&position)
        .unwrap_or(&message)
        .to_owned()
}

fn syntax_detail(message: &str) -> String {
    let known = [
        ("expected value", "此处应为一个值"),
        ("expected `,` or `}`", "此处应为逗号或 }"),
        ("expected `,` or `]`", "此处应为逗号或 ]"),
        ("expected `:`", "此处应为冒号"),
        ("key must be a string", "对象的键必须是带引号的字符串"),
        ("trailing comma", "多了一个逗号"),
        ("trailing characters", "数据结束后还有多余的字符"),
        ("invalid escape", "转义字符无效"),
        ("invalid number", "数字无效"),
        ("number out of range", "数字超出范围"),
        ("control character", "字符串中有控制字符"),
        ("lone leading surrogate", "字符串中有无效的 Unicode 转义"),
        (
            "invalid unicode code point",
            "字符串中有无效的 Unicode 转义",
        ),
        ("expected ident", "此处应为 true、false 或 null"),
    ];
    match known
        .iter()
        .find(|(english, _)| message.starts_with(english))
    {
        Some((_, chinese)) => format!("：{chinese}"),
        None => format!("：{message}"),
    }
}

/// Words serde's shape errors in Chinese, keeping the field and type names.
fn shape_detail(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!("缺少字段 {rest}");
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        return format!("字段 {rest} 重复");
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        return match rest.split_once(", expected ") {
            Some((value, expected)) => format!("未知的取值 {value}，应为 {expected}"),
            None => format!("未知的取值 {rest}"),
        };
    }
    for (prefix, chinese) in [
        ("invalid type: ", "类型不对"),
        ("invalid value: ", "取值无效"),
        ("invalid length ", "长度不对"),
    ] {
        if let Some(rest) = message.strip_prefix(prefix) {
            return match rest.split_once(", expected ") {
                Some((found, expected)) => format!("{chinese}：实际为 {found}，应为 {expected}"),
                None => format!("{chinese}：{rest}"),
            };
        }
    }
    message.to_owned()
}

fn check_references(dataset: &Dataset) -> Result<(), LoadError> {
    let [documents_file, tasks_file, projects_file, _, _] = DATA_FILES;
    let mut document_ids = HashSet::new();
    for document in &dataset.catalog.documents {
        if !document_ids.insert(document.id.as_str()) {
            return Err(LoadError::new(
                documents_file,
                format!("文档编号 {} 出现了不止一次", document.id),
            ));
        }
    }
    let unknown_document = |what: &str, id: &str, document: &str| {
        format!("{what} {id} 所属的文档 {document} 在 {documents_file} 中不存在")
    };

    let mut entry_ids = HashSet::new();
    for task in &dataset.tasks {
        if !document_ids.contains(task.document.as_str()) {
            return Err(LoadError::new(
                tasks_file,
                unknown_document("任务", &task.id, &task.document),
            ));
        }
        if !entry_ids.insert(task.id.as_str()) {
            return Err(LoadError::new(
                tasks_file,
                format!("任务编号 {} 出现了不止一次", task.id),
            ));
        }
    }
    for project in &dataset.projects {
        if !document_ids.contains(project.document.as_str()) {
            return Err(LoadError::new(
                projects_file,
                unknown_document("民生实事", &project.id, &project.document),
            ));
        }
        if !entry_ids.insert(project.id.as_str()) {
            return Err(LoadError::new(
                projects_file,
                format!(
                    "编号 {} 出现了不止一次（与其他任务或民生实事重复）",
                    project.id
                ),
            ));
        }
    }

    Ok(())
}

fn check_plan_references(plan: &Plan, dataset: &Dataset) -> Result<(), LoadError> {
    let [documents_file, tasks_file, _, plan_file, _] = DATA_FILES;
    let document_ids: HashSet<&str> = dataset
        .catalog
        .documents
        .iter()
        .map(|document| document.id.as_str())
        .collect();
    let plan_documents = std::iter::once(("规划", "", plan.document.as_str()))
        .filter(|(_, _, document)| !document.is_empty())
        .chain(
            plan.sections
                .iter()
                .map(|s| ("规划段落", s.id.as_str(), s.document.as_str())),
        )
        .chain(
            plan.boxes
                .iter()
                .map(|b| ("专栏", b.id.as_str(), b.document.as_str())),
        )
        .chain(
            plan.indicators
                .iter()
                .map(|i| ("指标", i.id.as_str(), i.document.as_str())),
        )
        .chain(
            plan.results
                .iter()
                .map(|r| ("成果表行", r.id.as_str(), r.document.as_str())),
        )
        .chain(
            plan.reports
                .iter()
                .map(|r| ("工作报告提纲", "", r.document.as_str())),
        );
    for (what, id, document) in plan_documents {
        if !document_ids.contains(document) {
            let what = if id.is_empty() {
                what.to_owned()
            } else {
                format!("{what} {id}")
            };
            return Err(LoadError::new(
                plan_file,
                format!("{what} 所属的文档 {document} 在 {documents_file} 中不存在"),
            ));
        }
    }
    let task_ids: HashSet<&str> = dataset.tasks.iter().map(|task| task.id.as_str()).collect();
    for report in &plan.reports {
        let listed = report
            .areas
            .iter()
            .flat_map(|area| area.tasks.iter().map(move |id| (area.number.as_str(), id)))
            .chain(report.targets.iter().map(|id| ("预期目标", id)));
        for (place, id) in listed {
            if !task_ids.contains(id.as_str()) {
                return Err(LoadError::new(
                    plan_file,
                    format!(
                        "工作报告 {} 的{place}列出的任务 {id} 在 {tasks_file} 中不存在",
                        report.document
                    ),
                ));
            }
        }
    }
    Ok(())
}
