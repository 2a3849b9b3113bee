//! Helpers shared by the view, filter and accessibility browser tests: the data the
//! built app serves, read here independently of the app's model (so the tests compare
//! what the page shows with what the JSON says), and short page helpers.

#![allow(dead_code)]

use std::collections::BTreeSet;
use std::time::Duration;

use planboard_browser_tests::{built_dist, App};
use serde_json::{json, Value};

pub const RESULT_COUNT: &str = "[data-testid=\"result-count\"]";
pub const SEARCH_BOX: &str = "#task-search";
/// The rows of the 任务 list (not the facet panel, not neighbours).
pub const LISTED: &str = ".tasks-results [data-item-id]";

/// One listed entry (task or livelihood project) as the JSON files describe it.
#[derive(Debug, Clone)]
pub struct Record {
    pub id: String,
    pub document: String,
    pub year: u64,
    pub jurisdiction: String,
    pub leader: Option<String>,
    /// (name, lead)
    pub units: Vec<(String, bool)>,
    pub districts: Vec<String>,
    /// The status word the UI and URLs use (滞后 …).
    pub status: &'static str,
    /// The kind word the UI and URLs use (年度重点工作 …).
    pub kind: &'static str,
    /// Every text a search looks at: text/title, progress, remarks, sub-items, units, leader.
    pub texts: Vec<String>,
}

/// The built app's data files, parsed.
pub struct Data {
    pub documents: Value,
    pub tasks: Value,
    pub projects: Value,
    pub plan: Value,
    pub records: Vec<Record>,
}

fn read_json(name: &str) -> Value {
    let path = built_dist().join("data").join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("read {}: {error}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{name} is not JSON: {error}"))
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn status_word(code: &str) -> &'static str {
    match code {
        "lagging" => "滞后",
        "reported" => "有进展",
        "no-progress" => "未报进展",
        "not-tracked" => "无进度报告",
        other => panic!("unknown status {other}"),
    }
}

fn kind_word(code: &str) -> &'static str {
    match code {
        "annual-task" => "年度重点工作",
        "period-task" => "五年重点工作",
        "report-work" => "报告工作部署",
        "report-target" => "预期目标",
        "livelihood-project" => "民生实事",
        other => panic!("unknown kind {other}"),
    }
}

fn record(item: &Value) -> Record {
    let text = |name: &str| item[name].as_str().unwrap_or_default().to_owned();
    let units: Vec<(String, bool)> = item["units"]
        .as_array()
        .expect("units is a list")
        .iter()
        .map(|unit| {
            (
                unit["name"].as_str().unwrap_or_default().to_owned(),
                unit["lead"] == json!(true),
            )
        })
        .collect();
    let leader = item["leader"].as_str().map(str::to_owned);
    let is_project = item["kind"] == json!("livelihood-project");
    let mut texts = Vec::new();
    if is_project {
        texts.push(text("title"));
        texts.extend(strings(&item["subitems"]));
    } else {
        texts.push(text("text"));
        texts.extend(strings(&item["progress"]));
        texts.extend(strings(&item["remarks"]));
    }
    texts.extend(units.iter().map(|(name, _)| name.clone()));
    texts.extend(leader.clone());
    Record {
        id: text("id"),
        document: text("document"),
        year: item["year"].as_u64().expect("a year"),
        jurisdiction: text("jurisdiction"),
        leader,
        units,
        districts: strings(&item["districts"]),
        status: if is_project {
            // Projects are not judged by any report.
            "无进度报告"
        } else {
            status_word(item["status"].as_str().unwrap_or_default())
        },
        kind: kind_word(item["kind"].as_str().unwrap_or_default()),
        texts,
    }
}

impl Data {
    pub fn load() -> Data {
        let documents = read_json("documents.json");
        let tasks = read_json("tasks.json");
        let projects = read_json("projects.json");
        let plan = read_json("plan.json");
        let mut records: Vec<Record> = tasks["tasks"]
            .as_array()
            .expect("tasks.json lists tasks")
            .iter()
            .map(record)
            .collect();
        records.extend(
            projects["projects"]
                .as_array()
                .expect("projects.json lists projects")
                .iter()
                .map(record),
        );
        Data {
            documents,
            tasks,
            projects,
            plan,
            records,
        }
    }

    pub fn task(&self, id: &str) -> &Value {
        self.tasks["tasks"]
            .as_array()
            .and_then(|tasks| tasks.iter().find(|task| task["id"] == json!(id)))
            .unwrap_or_else(|| panic!("tasks.json has no {id}"))
    }

    /// The ids of the records `keep` accepts.
    pub fn ids(&self, keep: impl Fn(&Record) -> bool) -> BTreeSet<String> {
        self.records
            .iter()
            .filter(|record| keep(record))
            .map(|record| record.id.clone())
            .collect()
    }

    /// The ids a search for `query` must find: every whitespace-separated term, folded,
    /// is a substring of one of the record's texts.
    pub fn search(&self, query: &str) -> BTreeSet<String> {
        let terms: Vec<String> = fold(query).split_whitespace().map(str::to_owned).collect();
        self.ids(|record| {
            terms.iter().all(|term| {
                record
                    .texts
                    .iter()
                    .any(|text| fold(text).contains(term.as_str()))
            })
        })
    }

    pub fn record(&self, id: &str) -> &Record {
        self.records
            .iter()
            .find(|record| record.id == id)
            .unwrap_or_else(|| panic!("no record {id}"))
    }
}

/// Full-width ASCII to half-width, the ideographic space to a space, lower case: what a
/// reader expects `ＧＤＰ` and `gdp` to have in common.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Percent-encodes a URL query value (the app accepts raw UTF-8 too, but a link a
/// person copies is encoded).
pub fn encode(value: &str) -> String {
    percent_encoding::utf8_percent_encode(value, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// The number in the result count (`共 123 条` → 123).
pub fn number_in(text: &str) -> usize {
    let digits: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("no number in {text:?}"))
}

/// Opens `#/tasks?<query>` and waits for the list.
pub async fn open_tasks(app: &App, query: &str) {
    let hash = if query.is_empty() {
        "#/tasks".to_owned()
    } else {
        format!("#/tasks?{query}")
    };
    app.open(&format!("index.html{hash}")).await;
    app.wait_for_app().await;
    app.wait_for(RESULT_COUNT).await;
}

/// The result count shown now.
pub async fn shown_count(app: &App) -> usize {
    number_in(&app.text(RESULT_COUNT).await)
}

/// Waits until the result count reads `expected` (the list follows the URL a moment
/// later), failing with what it read instead.
pub async fn wait_for_count(app: &App, expected: usize) {
    // The harness's own limit, so a loaded machine gets the same patience everywhere.
    let seconds = std::env::var("PLANBOARD_TEST_TIMEOUT_SECS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(20);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(seconds);
    let mut last = String::new();
    while tokio::time::Instant::now() < deadline {
        if let Some(text) = app.texts(RESULT_COUNT).await.into_iter().next() {
            if text.chars().any(|c| c.is_ascii_digit()) && number_in(&text) == expected {
                return;
            }
            last = text;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    app.fail(&format!(
        "the result count should be {expected}, it reads {last:?}"
    ))
    .await
}

/// Every id of the 任务 list, after pressing 显示更多 until the whole result is shown.
pub async fn listed_ids(app: &App) -> BTreeSet<String> {
    for _ in 0..50 {
        if app.count(".show-more button").await == 0 {
            break;
        }
        app.click(".show-more button").await;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    ids_of(app, LISTED).await
}

/// The `data-item-id` of every element matching `css`, read in one script call.
pub async fn ids_of(app: &App, css: &str) -> BTreeSet<String> {
    let ids = app
        .eval(
            "return Array.from(document.querySelectorAll(arguments[0]), \
               (element) => element.getAttribute('data-item-id'));",
            vec![json!(css)],
        )
        .await;
    strings(&ids).into_iter().collect()
}

/// Asserts that two id sets are equal, naming what one has and the other lacks.
pub fn assert_same_ids(shown: &BTreeSet<String>, expected: &BTreeSet<String>, what: &str) {
    let missing: Vec<&String> = expected.difference(shown).collect();
    let extra: Vec<&String> = shown.difference(expected).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{what}: {} shown, {} expected; missing {missing:?}; not expected {extra:?}",
        shown.len(),
        expected.len()
    );
}

/// The count printed beside a facet value (`data-facet` group, `data-facet-value`).
pub async fn facet_count(app: &App, facet: &str, value: &str) -> usize {
    let css = facet_link(facet, value);
    let count = app.text(&format!("{css} .facet-count")).await;
    number_in(&count)
}

/// Clicks the first element matching `css` after scrolling it to the middle of the
/// window, as a person would: at the top edge the sticky result bar covers it.
pub async fn click_in_view(app: &App, css: &str) {
    app.wait_for(css).await;
    app.eval(
        "document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });",
        vec![json!(css)],
    )
    .await;
    app.click(css).await;
}

/// The selector of one facet value's link.
pub fn facet_link(facet: &str, value: &str) -> String {
    format!("[data-facet=\"{facet}\"] a[data-facet-value=\"{value}\"]")
}

/// Whether the page is wider than its viewport (a horizontal scroll bar), with the
/// rightmost element's description for the failure message.
pub async fn horizontal_overflow(app: &App) -> Option<String> {
    app.sideways_overflow().await
}

/// The views every page-wide check visits, as (name, hash, element that shows the
/// view has rendered its content).
pub fn every_view(data: &Data) -> Vec<(&'static str, String, &'static str)> {
    let first_leader = data.documents["leaders"][0]["name"]
        .as_str()
        .expect("a leader")
        .to_owned();
    vec![
        (
            "overview",
            "#/".to_owned(),
            ".overview-page figure[data-chart]",
        ),
        (
            "tasks",
            "#/tasks".to_owned(),
            ".tasks-results [data-item-id]",
        ),
        (
            "tasks-filtered",
            format!("#/tasks?q={}", encode("高铁")),
            ".tasks-results mark",
        ),
        (
            "item",
            "#/item/huzhou-2024-h1-progress/t13".to_owned(),
            ".item-page .neighbours",
        ),
        ("plan", "#/plan".to_owned(), ".plan-page .indicator-table"),
        (
            "projects",
            "#/projects".to_owned(),
            ".projects-page [data-item-id]",
        ),
        (
            "leaders",
            "#/leaders".to_owned(),
            ".leaders-page .leaders-table",
        ),
        (
            "leader",
            format!("#/leaders/{}", encode(&first_leader)),
            ".leader-page [data-item-id]",
        ),
        (
            "departments",
            "#/departments".to_owned(),
            ".departments-page .units-table",
        ),
        (
            "department",
            format!("#/departments/{}", encode("市发展改革委")),
            ".department-page [data-item-id]",
        ),
        (
            "notes",
            "#/notes".to_owned(),
            "[data-testid=\"notes-page\"]",
        ),
        // The analysis views, in the same navigation.
        (
            "threads",
            "#/threads".to_owned(),
            "[data-testid=\"thread-list\"]",
        ),
        (
            "thread",
            format!("#/threads/{}", encode(&first_thread())),
            "[data-testid=\"thread-timeline\"]",
        ),
        ("pace", "#/pace".to_owned(), "[data-testid=\"pace-table\"]"),
        ("lag", "#/lag".to_owned(), "[data-testid=\"lag-matrix\"]"),
        (
            "compare",
            "#/compare".to_owned(),
            "[data-testid=\"compare-carried\"]",
        ),
        (
            "bulletin",
            "#/bulletin?doc=huzhou-2024-h1-progress".to_owned(),
            "[data-testid=\"bulletin-by-unit\"]",
        ),
        ("import", "#/import".to_owned(), ".import-page"),
    ]
}

/// The first thread links.json lists (its id is its label).
fn first_thread() -> String {
    let links = read_json("links.json");
    links["threads"][0]["id"]
        .as_str()
        .expect("links.json lists threads")
        .to_owned()
}

/// Opens one of [`every_view`]'s views and waits until its content is there.
pub async fn open_view(app: &App, hash: &str, shown: &str) {
    app.open(&format!("index.html{hash}")).await;
    app.wait_for_app().await;
    app.wait_for(shown).await;
}
