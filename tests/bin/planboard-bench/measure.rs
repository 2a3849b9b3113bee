//! One dataset measured: the app and its static comparison page, served from a copy of
//! the build, in one headless Chromium.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use fantoccini::wd::{TimeoutConfiguration, WebDriverCompatibleCommand};
use fantoccini::Client;
use planboard_browser_tests::{Browser, Site, Viewport};
use serde_json::{json, Value};

use crate::static_page;

const PROBE: &str = include_str!("probe.js");
const INTERACT: &str = include_str!("interact.js");
/// Parsing 50,000 tasks takes a while on a slow machine; a stuck page still ends.
const PAGE_TIMEOUT: Duration = Duration::from_secs(300);

/// What a visitor downloads for one file of the first load.
pub struct FileBytes {
    pub path: String,
    pub raw: u64,
    /// The size of the build's pre-compressed `.br` beside it, if there is one.
    pub brotli: Option<u64>,
}

/// The measures of one page (the app, or the static page).
#[derive(Default)]
pub struct PageMeasures {
    /// Navigation start to the frame after the first list is in the DOM, one per load.
    pub first_list_ms: Vec<f64>,
    /// Action to the first DOM change, per run.
    pub keystroke_first_ms: Vec<f64>,
    /// Action to the last DOM change it caused (the DOM settled), per run.
    pub keystroke_ms: Vec<f64>,
    /// The same for a search term the page has not searched before (see interact.js).
    pub new_term_first_ms: Vec<f64>,
    pub new_term_ms: Vec<f64>,
    pub facet_first_ms: Vec<f64>,
    pub facet_ms: Vec<f64>,
    /// Live JS heap after a garbage collection (CDP Runtime.getHeapUsage).
    pub js_heap_bytes: u64,
    /// The wasm linear memory (app only).
    pub wasm_memory_bytes: Option<u64>,
}

/// Everything measured for one dataset.
pub struct DatasetResult {
    pub name: String,
    pub tasks: usize,
    /// Rows the app shows in its first list (the static page lists the same).
    pub rows: usize,
    pub files: Vec<FileBytes>,
    pub app: PageMeasures,
    pub plain: PageMeasures,
}

/// A Chrome DevTools Protocol command through chromedriver.
#[derive(Debug)]
struct Cdp {
    command: &'static str,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.command, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

async fn cdp(client: &Client, command: &'static str, params: Value) -> Result<Value, String> {
    client
        .issue_cmd(Cdp { command, params })
        .await
        .map_err(|error| format!("CDP {command}: {error}"))
}

async fn run(client: &Client, script: &str) -> Result<Value, String> {
    client
        .execute(script, Vec::new())
        .await
        .map_err(|error| format!("script `{script}`: {error}"))
}

/// Serves a copy of `dist` (with `data` over its data/ when given) and measures it.
pub async fn measure_dataset(
    dist: &Path,
    name: &str,
    data: Option<&Path>,
    loads: usize,
    runs: usize,
) -> Result<DatasetResult, String> {
    let served = tempfile::Builder::new()
        .prefix("planboard-bench-")
        .tempdir()
        .map_err(|error| format!("temporary folder: {error}"))?;
    copy_tree(dist, served.path()).map_err(|error| format!("copy the build: {error}"))?;
    if let Some(data) = data {
        copy_tree(data, &served.path().join("data"))
            .map_err(|error| format!("copy {}: {error}", data.display()))?;
    }
    let tasks_text = std::fs::read_to_string(served.path().join("data/tasks.json"))
        .map_err(|error| format!("read data/tasks.json: {error}"))?;
    let mut tasks_file: Value =
        serde_json::from_str(&tasks_text).map_err(|error| format!("tasks.json: {error}"))?;
    drop(tasks_text);
    let tasks = match tasks_file["tasks"].take() {
        Value::Array(tasks) => tasks,
        _ => return Err("tasks.json has no tasks array".to_owned()),
    };

    let site = Site::start(served.path(), "/planboard/")
        .await
        .map_err(|error| format!("serve the copy: {error}"))?;
    let browser = Browser::start(Viewport::Desktop).await;
    let client = browser.client();
    client
        .update_timeouts(TimeoutConfiguration::new(
            Some(PAGE_TIMEOUT),
            Some(PAGE_TIMEOUT),
            Some(Duration::ZERO),
        ))
        .await
        .map_err(|error| format!("set timeouts: {error}"))?;
    cdp(
        client,
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": PROBE }),
    )
    .await?;
    let origin = format!("http://{}", site.address());

    let mut app = PageMeasures::default();
    let mut files = Vec::new();
    for load in 0..loads {
        app.first_list_ms
            .push(cold_load(client, &origin, &site.url("index.html#/tasks")).await?);
        if load == 0 {
            files = first_load_files(client, &site.url(""), served.path()).await?;
        }
    }
    let shown = run(
        client,
        "return [...document.querySelectorAll('.entry')].map((row) => row.dataset.itemId);",
    )
    .await?;
    let ids: Vec<String> = shown
        .as_array()
        .map(|ids| {
            ids.iter()
                .filter_map(|id| id.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    static_page::write(served.path(), &tasks, &ids)
        .map_err(|error| format!("write the static page: {error}"))?;

    let mut plain = PageMeasures::default();
    for _ in 0..loads {
        plain
            .first_list_ms
            .push(cold_load(client, &origin, &site.url("static.html")).await?);
    }

    // Interactions on a page whose service worker has finished caching, so that its
    // downloads do not run beside the measured work.
    cold_load(client, &origin, &site.url("index.html#/tasks")).await?;
    wait_for_worker(client).await?;
    (app.keystroke_first_ms, app.keystroke_ms) =
        interact(client, "keystroke", runs, "#task-search", "").await?;
    let facet = run(
        client,
        "const value = document.querySelector('.facet-value:not(.no-results)').dataset.facetValue; \
         return '.facet-value[data-facet-value=\"' + CSS.escape(value) + '\"]';",
    )
    .await?;
    let facet = facet.as_str().ok_or("no facet value to click")?.to_owned();
    (app.facet_first_ms, app.facet_ms) =
        interact(client, "facet", runs, "#task-search", &facet).await?;
    (app.js_heap_bytes, app.wasm_memory_bytes) = memory(client).await?;
    // New terms on a fresh page, so that nothing above (a facet left selected, terms
    // remembered) changes what they cost.
    cold_load(client, &origin, &site.url("index.html#/tasks")).await?;
    wait_for_worker(client).await?;
    (app.new_term_first_ms, app.new_term_ms) =
        interact(client, "new-term", runs, "#task-search", "").await?;

    cold_load(client, &origin, &site.url("static.html")).await?;
    (plain.keystroke_first_ms, plain.keystroke_ms) =
        interact(client, "keystroke", runs, "#static-search", "").await?;
    (plain.facet_first_ms, plain.facet_ms) =
        interact(client, "facet", runs, "#static-search", ".static-facet").await?;
    (plain.js_heap_bytes, _) = memory(client).await?;
    cold_load(client, &origin, &site.url("static.html")).await?;
    (plain.new_term_first_ms, plain.new_term_ms) =
        interact(client, "new-term", runs, "#static-search", "").await?;

    Ok(DatasetResult {
        name: name.to_owned(),
        tasks: tasks.len(),
        rows: ids.len(),
        files,
        app,
        plain,
    })
}

/// Loads `url` with an empty HTTP cache and no service worker or storage, and returns
/// the time from navigation start to the frame after the first list was in the DOM.
async fn cold_load(client: &Client, origin: &str, url: &str) -> Result<f64, String> {
    client
        .goto("about:blank")
        .await
        .map_err(|error| format!("open about:blank: {error}"))?;
    cdp(client, "Network.clearBrowserCache", json!({})).await?;
    cdp(
        client,
        "Storage.clearDataForOrigin",
        json!({ "origin": origin, "storageTypes": "all" }),
    )
    .await?;
    client
        .goto(url)
        .await
        .map_err(|error| format!("open {url}: {error}"))?;
    let deadline = tokio::time::Instant::now() + PAGE_TIMEOUT;
    while tokio::time::Instant::now() < deadline {
        let mark = run(
            client,
            "return document.querySelector('[data-testid=\"load-error\"]') ? 'load-error' \
             : window.__bench ? window.__bench.listFrame : null;",
        )
        .await?;
        if let Some(time) = mark.as_f64() {
            return Ok(time);
        }
        if mark.as_str() == Some("load-error") {
            return Err(format!("{url}: the app shows its load-error page"));
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    Err(format!("{url}: no list within {PAGE_TIMEOUT:?}"))
}

async fn wait_for_worker(client: &Client) -> Result<(), String> {
    let deadline = tokio::time::Instant::now() + PAGE_TIMEOUT;
    while tokio::time::Instant::now() < deadline {
        if run(
            client,
            "return navigator.serviceWorker.controller !== null;",
        )
        .await?
            == Value::Bool(true)
        {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Err("the service worker did not take control".to_owned())
}

/// (to the first DOM change, to the DOM settled) for each of `runs` interactions.
async fn interact(
    client: &Client,
    kind: &str,
    runs: usize,
    search_box: &str,
    facet: &str,
) -> Result<(Vec<f64>, Vec<f64>), String> {
    let times = client
        .execute_async(
            INTERACT,
            vec![json!(kind), json!(runs), json!(search_box), json!(facet)],
        )
        .await
        .map_err(|error| format!("{kind} runs: {error}"))?;
    if let Some(problem) = times.as_str() {
        return Err(format!("{kind}: {problem}"));
    }
    let pairs: Vec<(f64, f64)> = times
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|pair| Some((pair[0].as_f64()?, pair[1].as_f64()?)))
        .collect();
    if pairs.len() != runs {
        return Err(format!(
            "{kind}: {} of {runs} runs changed the DOM",
            pairs.len()
        ));
    }
    Ok(pairs.into_iter().unzip())
}

/// (live JS heap after a collection, wasm memory) of the current page.
async fn memory(client: &Client) -> Result<(u64, Option<u64>), String> {
    cdp(client, "HeapProfiler.collectGarbage", json!({})).await?;
    let heap = cdp(client, "Runtime.getHeapUsage", json!({})).await?;
    let used = heap["usedSize"].as_f64().unwrap_or_default() as u64;
    let wasm = run(
        client,
        "const wasm = window.__bench && window.__bench.wasm; \
         return wasm && wasm.memory ? wasm.memory.buffer.byteLength : null;",
    )
    .await?;
    Ok((used, wasm.as_u64()))
}

/// The files the page loaded (its navigation and resource entries), with their sizes on
/// disk and beside them the `.br` the build carries.
async fn first_load_files(
    client: &Client,
    base: &str,
    served: &Path,
) -> Result<Vec<FileBytes>, String> {
    let entries = run(
        client,
        "return [...performance.getEntriesByType('navigation'), \
                 ...performance.getEntriesByType('resource')].map((entry) => entry.name);",
    )
    .await?;
    let mut files = BTreeMap::new();
    for name in entries
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
    {
        let Some(relative) = name.strip_prefix(base) else {
            continue;
        };
        let relative = relative.split(['?', '#']).next().unwrap_or_default();
        let relative = if relative.is_empty() {
            "index.html"
        } else {
            relative
        };
        let path: PathBuf = served.join(relative);
        let Ok(metadata) = std::fs::metadata(&path) else {
            continue;
        };
        let brotli = std::fs::metadata(served.join(format!("{relative}.br")))
            .ok()
            .map(|metadata| metadata.len());
        files.insert(
            relative.to_owned(),
            FileBytes {
                path: relative.to_owned(),
                raw: metadata.len(),
                brotli,
            },
        );
    }
    Ok(files.into_values().collect())
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}
