//! The loader: the fixture loads; broken files give Chinese messages naming the file
//! and the problem.

mod common;

use common::{dataset, fixture};
use planboard_model::{parse_dataset, LoadError, Status, TaskKind};

fn load_with(file: &str, text: &str) -> Result<planboard_model::Dataset, LoadError> {
    let mut texts = planboard_model::DATA_FILES.map(fixture);
    let slot = planboard_model::DATA_FILES
        .iter()
        .position(|name| *name == file)
        .expect("a data file");
    texts[slot] = text.to_owned();
    parse_dataset(&texts[0], &texts[1], &texts[2], &texts[3], &texts[4])
}

fn error_with(file: &str, text: &str) -> LoadError {
    load_with(file, text).expect_err("the change breaks loading")
}

#[test]
fn fixture_loads_completely() {
    let dataset = dataset();
    assert_eq!(dataset.catalog.documents.len(), 4);
    assert_eq!(dataset.tasks.len(), 15);
    assert_eq!(dataset.projects.len(), 2);
    assert_eq!(dataset.plan.sections.len(), 2);
    assert_eq!(dataset.plan.boxes.len(), 1);
    assert_eq!(dataset.plan.indicators.len(), 2);
    assert_eq!(dataset.tasks[6].status, Status::Reported);
    assert_eq!(dataset.tasks[0].kind, TaskKind::PeriodTask);
    assert_eq!(dataset.projects[0].subitems.len(), 2);
}

#[test]
fn truncated_file() {
    let tasks = fixture("tasks.json");
    let cut = tasks
        .char_indices()
        .nth(tasks.chars().count() / 2)
        .map_or(0, |(at, _)| at);
    let error = error_with("tasks.json", &tasks[..cut]);
    assert_eq!(error.file, "tasks.json");
    assert!(error.problem.starts_with("文件不完整，在第 "), "{error}");
    assert!(
        error.problem.ends_with("处中断（可能下载未完成）"),
        "{error}"
    );
    assert!(error.to_string().starts_with("tasks.json：文件不完整"));
}

#[test]
fn empty_file() {
    let error = error_with("projects.json", "  \n");
    assert_eq!(
        error.to_string(),
        "projects.json：文件是空的（可能下载未完成）"
    );
}

#[test]
fn invalid_json() {
    let error = error_with("plan.json", "{\"format_version\": 1,\n \"plan\": }");
    assert_eq!(error.file, "plan.json");
    assert_eq!(
        error.problem,
        "不是有效的 JSON：第 2 行第 10 列：此处应为一个值"
    );

    let error = error_with("plan.json", "{\"format_version\": 1,, \"plan\": {}}");
    assert_eq!(
        error.problem,
        "不是有效的 JSON：第 1 行第 22 列：对象的键必须是带引号的字符串"
    );

    let documents = format!("{}x", fixture("documents.json"));
    let error = error_with("documents.json", &documents);
    assert_eq!(error.file, "documents.json");
    assert_eq!(
        error.problem,
        "不是有效的 JSON：第 318 行第 1 列：数据结束后还有多余的字符"
    );
}

#[test]
fn html_error_page_instead_of_json() {
    let error = error_with("tasks.json", "<!DOCTYPE html><title>Not Found</title>");
    assert_eq!(error.file, "tasks.json");
    assert!(error.problem.contains("网页"), "{error}");
}

#[test]
fn wrong_shape_names_the_field() {
    let error = error_with("tasks.json", "{\"format_version\": 1, \"items\": []}");
    assert_eq!(error.file, "tasks.json");
    assert!(
        error.problem.starts_with("数据结构不符：缺少字段 `tasks`"),
        "{error}"
    );

    let error = error_with("projects.json", "[1, 2, 3]");
    assert_eq!(
        error.problem,
        "数据结构不符：文件应为一个对象（{…}），实际是一个数组（[…]）"
    );

    let error = error_with("projects.json", "\"projects\"");
    assert!(
        error
            .problem
            .starts_with("数据结构不符：类型不对：实际为 string"),
        "{error}"
    );

    let tasks = fixture("tasks.json").replacen("\"not-tracked\"", "\"late\"", 1);
    let error = error_with("tasks.json", &tasks);
    assert!(
        error
            .problem
            .starts_with("数据结构不符：未知的取值 `late`，应为 "),
        "{error}"
    );
    assert!(error.problem.contains("（第 "), "{error}");
}

#[test]
fn wrong_version() {
    let plan = fixture("plan.json").replacen("\"format_version\": 1", "\"format_version\": 2", 1);
    let error = error_with("plan.json", &plan);
    assert_eq!(
        error.to_string(),
        "plan.json：数据格式版本为 2，本程序只能读取版本 1"
    );

    // A newer file whose shape changed too is reported as newer, not as broken.
    let error = error_with("tasks.json", "{\"format_version\": 3, \"records\": []}");
    assert_eq!(
        error.to_string(),
        "tasks.json：数据格式版本为 3，本程序只能读取版本 1"
    );
}

#[test]
fn dangling_document_reference_names_the_task() {
    let tasks = fixture("tasks.json").replacen(
        "\"document\": \"huzhou-2024-progress\"",
        "\"document\": \"huzhou-2025-progress\"",
        1,
    );
    let error = error_with("tasks.json", &tasks);
    assert_eq!(
        error.to_string(),
        "tasks.json：任务 huzhou-2024-progress/t01 所属的文档 huzhou-2025-progress 在 documents.json 中不存在"
    );

    let projects = fixture("projects.json").replacen("huzhou-2021-breakdown\",", "gone\",", 1);
    let error = error_with("projects.json", &projects);
    assert_eq!(error.file, "projects.json");
    assert!(
        error.problem.contains("huzhou-2021-breakdown/p01"),
        "{error}"
    );

    let plan = fixture("plan.json").replacen(
        "\"document\": \"huzhou-2021-plan\"",
        "\"document\": \"x\"",
        2,
    );
    let error = error_with("plan.json", &plan);
    assert!(
        error
            .problem
            .contains("所属的文档 x 在 documents.json 中不存在"),
        "{error}"
    );
}

#[test]
fn duplicate_ids() {
    let tasks = fixture("tasks.json").replacen("/a1-02\"", "/a1-01\"", 1);
    let error = error_with("tasks.json", &tasks);
    assert_eq!(
        error.problem,
        "任务编号 huzhou-2021-breakdown/a1-01 出现了不止一次"
    );
}

#[test]
fn http_failures() {
    assert_eq!(
        LoadError::missing("tasks.json", 404).to_string(),
        "tasks.json：文件缺失（HTTP 404），无法读取 data/tasks.json"
    );
    assert_eq!(
        LoadError::missing("plan.json", 500).problem,
        "服务器返回 HTTP 500，无法读取 data/plan.json"
    );
    assert_eq!(
        LoadError::unreachable("documents.json", "Failed to fetch").problem,
        "无法连接服务器，未能读取 data/documents.json（Failed to fetch）"
    );
}
