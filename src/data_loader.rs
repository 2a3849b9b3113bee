//! Fetches the data files from `data/` next to index.html and builds the index.
//!
//! The plan (`plan.json`) and the links (`links.json`), two thirds of the data's bytes,
//! are not part of the first load: only the views that show plan records or threads ask
//! for them (`crate::state::use_plan`, `crate::state::use_links`).
//!
//! The files are read at run time, not compiled in, so an office can publish new data
//! without rebuilding the app. Every way a file can fail (missing, network, truncated,
//! invalid) ends in a `LoadError` worded for the user, never in a panic.

use std::sync::Arc;

use js_sys::{Object, Promise, Reflect};
use leptos::prelude::window;
use planboard_model::{
    parse_core_dataset, parse_links, parse_plan, Dataset, Index, Links, LoadError, Plan, DATA_FILES,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestInit, Response};

use crate::state::AppData;

/// Downloads and parses the data files the task list needs, then builds the search
/// index once.
pub async fn load_app_data() -> Result<AppData, LoadError> {
    let [documents, tasks, projects, _, _] = DATA_FILES;
    // Start every request before awaiting any, so they download side by side.
    let [documents, tasks, projects] =
        [documents, tasks, projects].map(|file| (file, start_fetch(file)));
    let documents = read_text(documents).await?;
    let tasks = read_text(tasks).await?;
    let projects = read_text(projects).await?;
    let dataset = parse_core_dataset(&documents, &tasks, &projects)?;
    let index = Index::new(&dataset);
    Ok(AppData {
        dataset: Arc::new(dataset),
        index: Arc::new(index),
        merged_links: None,
    })
}

/// Downloads and parses `plan.json`, checked against `dataset` (the published data).
pub async fn load_plan(dataset: Arc<Dataset>) -> Result<Arc<Plan>, LoadError> {
    let file = DATA_FILES[3];
    let text = read_text((file, start_fetch(file))).await?;
    parse_plan(&text, &dataset).map(Arc::new)
}

/// Downloads and parses `links.json`.
pub async fn load_links() -> Result<Arc<Links>, LoadError> {
    let file = DATA_FILES[4];
    let text = read_text((file, start_fetch(file))).await?;
    parse_links(&text).map(Arc::new)
}

/// Where src/start.js leaves the requests for the first data files it started.
const EARLY_REQUESTS: &str = "planboardDataRequests";

/// Begins fetching `data/<file>`, relative to the page so any sub-path works, or takes
/// the request src/start.js began for it before the wasm had even downloaded.
fn start_fetch(file: &str) -> Result<Promise, JsValue> {
    if let Some(request) = take_early_request(file) {
        return Ok(request);
    }
    let init = RequestInit::new();
    // Revalidate with the server each time: published data may change under the same
    // name, and a stale copy would silently show last month's statuses.
    Reflect::set(
        &init,
        &JsValue::from_str("cache"),
        &JsValue::from_str("no-cache"),
    )?;
    Ok(window().fetch_with_str_and_init(&format!("data/{file}"), &init))
}

/// The request src/start.js started for `file`, once: a later load of the same file
/// (the data read again) makes its own.
fn take_early_request(file: &str) -> Option<Promise> {
    let requests = Reflect::get(&window(), &JsValue::from_str(EARLY_REQUESTS)).ok()?;
    let requests: Object = requests.dyn_into().ok()?;
    let request = Reflect::get(&requests, &JsValue::from_str(file)).ok()?;
    let request: Promise = request.dyn_into().ok()?;
    let _ = Reflect::delete_property(&requests, &JsValue::from_str(file));
    Some(request)
}

async fn read_text((file, request): (&str, Result<Promise, JsValue>)) -> Result<String, LoadError> {
    let unreachable = |error: JsValue| LoadError::unreachable(file, &describe_js_error(&error));
    let response: Response = JsFuture::from(request.map_err(unreachable)?)
        .await
        .map_err(unreachable)?
        .dyn_into()
        .map_err(|_| LoadError::new(file, "服务器的回应不是文件内容"))?;
    if !response.ok() {
        return Err(LoadError::missing(file, response.status()));
    }
    let text = JsFuture::from(response.text().map_err(unreachable)?)
        .await
        .map_err(|error| {
            LoadError::new(
                file,
                format!(
                    "下载中途中断，文件没有读完（{}）",
                    describe_js_error(&error)
                ),
            )
        })?;
    text.as_string()
        .ok_or_else(|| LoadError::new(file, "文件内容不是文本"))
}

fn describe_js_error(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_default()
}
