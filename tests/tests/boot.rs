//! The built app, served from a sub-path, boots in Chromium and shows the real data.

use planboard_browser_tests::{App, Launch, APP_ROOT, BASE_PATH, LOAD_ERROR};

/// The files the app fetches at run time, relative to index.html: the public format
/// names them, so they are spelled out here rather than taken from the model.
const DATA_FILES: [&str; 4] = ["documents.json", "tasks.json", "projects.json", "plan.json"];

#[tokio::test]
async fn boots_with_the_real_data_and_no_console_errors() {
    let app = App::start().await;
    app.open("").await;
    app.wait_for_app().await;
    // The overview's first sentence counts the plan's parts: plan.json has loaded then.
    app.wait_for_text(".overview-page .page-lede", |text| {
        text.contains("规划正文")
    })
    .await;

    let page = app.text("body").await;
    assert!(
        page.contains("湖州"),
        "the overview does not mention 湖州:\n{page}"
    );
    assert_eq!(app.count(LOAD_ERROR).await, 0);
    app.assert_no_console_errors().await;
    app.screenshot("overview").await;

    // The data come from data/ beside index.html at run time (not compiled in), so an
    // office can publish new files without rebuilding.
    let requests = app.site().requests();
    for file in DATA_FILES {
        let path = format!("{BASE_PATH}data/{file}");
        assert!(
            requests
                .iter()
                .any(|served| served.path == path && served.status == 200),
            "the app did not fetch {path}; requests: {requests:?}"
        );
    }
}

#[tokio::test]
async fn boots_through_an_explicit_index_html_on_a_phone() {
    let app = App::launch(Launch::new().phone()).await;
    app.open("index.html").await;
    app.wait_for_app().await;

    app.assert_phone_viewport().await;
    assert_eq!(app.sideways_overflow().await, None);
    assert!(app.text(APP_ROOT).await.contains("湖州"));
    app.assert_no_console_errors().await;
    app.screenshot("overview-phone").await;
}

/// The files the page itself fetched so far (resource timing: the service worker's own
/// caching after load is not among them), as paths relative to index.html.
async fn fetched_by_the_page(app: &App) -> Vec<String> {
    let fetched = app
        .eval(
            "return performance.getEntriesByType('resource').map((entry) => \
               new URL(entry.name).pathname.slice(arguments[0].length));",
            vec![serde_json::Value::from(BASE_PATH)],
        )
        .await;
    fetched
        .as_array()
        .map(|names| {
            names
                .iter()
                .filter_map(|name| name.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Opens the task list, the first view of a cold visit, and waits for its rows.
async fn open_task_list() -> App {
    let app = App::start().await;
    app.open("index.html#/tasks").await;
    app.wait_for_app().await;
    app.wait_for(".entry").await;
    app
}

/// A data file the first load leaves out: the task list does not fetch `file`; the
/// section `nav` does, once `shown` appears.
async fn assert_fetched_on_demand(file: &str, nav: &str, shown: &str) {
    let app = open_task_list().await;
    let path = format!("data/{file}");
    let fetched = fetched_by_the_page(&app).await;
    assert!(
        fetched.iter().any(|fetched| fetched == "data/tasks.json"),
        "the page did not fetch tasks.json: {fetched:?}"
    );
    assert!(
        !fetched.contains(&path),
        "the task list fetched {file}: {fetched:?}"
    );

    app.click(&format!("a[data-nav=\"{nav}\"]")).await;
    app.wait_for(shown).await;
    let fetched = fetched_by_the_page(&app).await;
    assert!(
        fetched.contains(&path),
        "the {nav} view did not fetch {file}: {fetched:?}"
    );
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn the_task_list_does_not_wait_for_the_links_and_the_threads_view_fetches_them() {
    assert_fetched_on_demand("links.json", "threads", "[data-testid=\"thread-list\"] li").await;
}

#[tokio::test]
async fn the_task_list_does_not_wait_for_the_plan_and_the_plan_view_fetches_it() {
    assert_fetched_on_demand("plan.json", "plan", ".plan-page").await;
}

/// src/start.js starts the first data downloads before the wasm has arrived; the app
/// takes each of those requests instead of fetching the file again. A file whose early
/// request the app did not take would be downloaded twice.
#[tokio::test]
async fn the_app_takes_the_data_requests_start_js_began_and_fetches_nothing_twice() {
    let app = open_task_list().await;
    let left = app
        .eval(
            "return Object.keys(window.planboardDataRequests || { missing: true });",
            Vec::new(),
        )
        .await;
    assert_eq!(
        left,
        serde_json::json!([]),
        "requests start.js began that the app did not take"
    );
    // The page's own requests: the service worker's precaching after load is not among
    // them.
    let fetched = fetched_by_the_page(&app).await;
    for file in ["documents.json", "tasks.json", "projects.json"] {
        let path = format!("data/{file}");
        let times = fetched.iter().filter(|fetched| **fetched == path).count();
        assert_eq!(times, 1, "{path} was fetched {times} times: {fetched:?}");
    }
    app.assert_no_console_errors().await;
}
