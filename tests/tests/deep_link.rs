//! A copied link reopens the same view: the route lives in the URL's hash.

use std::time::Duration;

use planboard_browser_tests::App;

const RESULT_COUNT: &str = "[data-testid=\"result-count\"]";

#[tokio::test]
async fn a_search_link_survives_a_reload() {
    let app = App::start().await;
    app.open("index.html#/tasks?q=高铁").await;
    app.wait_for_app().await;
    let url = app.current_url().await;
    let count = app.text(RESULT_COUNT).await;
    assert!(!count.trim().is_empty(), "the result count is empty");
    assert_eq!(
        app.current_route().await,
        "/tasks?q=高铁",
        "the app rewrote the link"
    );

    app.reload().await;
    app.wait_for_app().await;
    assert_eq!(app.current_url().await, url, "the reload changed the URL");
    assert_eq!(
        app.text(RESULT_COUNT).await,
        count,
        "the reload changed the result count"
    );
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn the_query_in_the_link_is_applied() {
    let app = App::start().await;
    app.open("index.html#/tasks").await;
    app.wait_for_app().await;
    let unfiltered = app.text(RESULT_COUNT).await;

    // Only the hash changes: the app must follow it without a page load.
    app.open("index.html#/tasks?q=高铁").await;
    let filtered = app
        .wait_for_text(RESULT_COUNT, |text| text != unfiltered)
        .await;
    assert_ne!(filtered, unfiltered);
    app.assert_no_console_errors().await;
}

/// The rows of the 任务 list and the line under it (`已显示 300 / 382 条`).
const LISTED: &str = ".tasks-results [data-item-id]";
const SHOWN_TEXT: &str = ".show-more > span";

/// Polls the decoded route until `condition` holds, failing with the last route seen.
async fn wait_for_route(app: &App, condition: impl Fn(&str) -> bool) -> String {
    let deadline = tokio::time::Instant::now() + timeout();
    let mut route = app.current_route().await;
    while !condition(&route) {
        if tokio::time::Instant::now() > deadline {
            app.fail(&format!("the route stayed {route:?}")).await;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        route = app.current_route().await;
    }
    route
}

fn timeout() -> Duration {
    let seconds = std::env::var("PLANBOARD_TEST_TIMEOUT_SECS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(20);
    Duration::from_secs(seconds)
}

/// Waits until the list shows `rows` rows and says so.
async fn wait_for_rows(app: &App, rows: usize) -> String {
    let text = app
        .wait_for_text(SHOWN_TEXT, |text| {
            text.starts_with(&format!("已显示 {rows} / "))
        })
        .await;
    assert_eq!(app.count(LISTED).await, rows, "the list says {text:?}");
    text
}

#[tokio::test]
async fn an_expanded_list_survives_opening_an_item_back_and_reload() {
    let app = App::start().await;
    app.open("index.html#/tasks").await;
    app.wait_for_app().await;
    app.wait_for(LISTED).await;
    assert_eq!(app.count(LISTED).await, 100, "one page at first");

    app.click(".show-more button").await;
    wait_for_rows(&app, 200).await;
    app.click(".show-more button").await;
    let shown = wait_for_rows(&app, 300).await;
    wait_for_route(&app, |route| route == "/tasks?rows=300").await;

    // Open the 250th row, then come back.
    let opened = app
        .eval(
            "const row = document.querySelectorAll(arguments[0])[249]; \
             const link = row.querySelector('a.entry-link'); \
             link.scrollIntoView({ block: 'center' }); link.click(); \
             return row.getAttribute('data-item-id');",
            vec![serde_json::json!(LISTED)],
        )
        .await;
    let opened = opened.as_str().expect("the row has an id").to_owned();
    wait_for_route(&app, |route| route == format!("/item/{opened}")).await;
    app.client().back().await.expect("back");
    wait_for_route(&app, |route| route == "/tasks?rows=300").await;
    assert_eq!(
        wait_for_rows(&app, 300).await,
        shown,
        "back folded the list"
    );
    // The row the reader opened is on the screen again.
    let row = format!("{LISTED}[data-item-id=\"{opened}\"]");
    let deadline = tokio::time::Instant::now() + timeout();
    while !in_viewport(&app, &row).await {
        if tokio::time::Instant::now() > deadline {
            app.fail(&format!("{opened} is not in view after back"))
                .await;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    app.reload().await;
    app.wait_for_app().await;
    assert_eq!(
        wait_for_rows(&app, 300).await,
        shown,
        "the reload folded the list"
    );

    // A new filter starts again at one page, and its URL carries no rows.
    let everything = app.text(RESULT_COUNT).await;
    let facet = "[data-facet=\"status\"] a[data-facet-value=\"有进展\"]";
    app.eval(
        "document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });",
        vec![serde_json::json!(facet)],
    )
    .await;
    app.click(facet).await;
    wait_for_route(&app, |route| route == "/tasks?status=有进展").await;
    app.wait_for_text(RESULT_COUNT, |text| text != everything)
        .await;
    let listed = app.count(LISTED).await;
    assert!(
        (1..=100).contains(&listed),
        "{listed} rows listed for a new filter"
    );
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn a_link_asking_for_odd_rows_reads_them_as_whole_pages() {
    let app = App::start().await;
    app.open("index.html#/tasks?rows=250").await;
    app.wait_for_app().await;
    wait_for_rows(&app, 300).await;
    app.open("index.html#/tasks?rows=lots").await;
    wait_for_rows(&app, 100).await;
    app.assert_no_console_errors().await;
}

/// Whether the element `css` is (partly) within the window.
async fn in_viewport(app: &App, css: &str) -> bool {
    app.eval(
        "const element = document.querySelector(arguments[0]); \
         if (!element) return false; \
         const box = element.getBoundingClientRect(); \
         return box.bottom > 0 && box.top < window.innerHeight;",
        vec![serde_json::json!(css)],
    )
    .await
    .as_bool()
    .unwrap_or(false)
}

#[tokio::test]
async fn a_plan_item_links_to_its_place_in_the_plan() {
    // A section well down the page, a 专栏 box and an indicator (a table row).
    for id in [
        "huzhou-2021-plan/s041",
        "huzhou-2021-plan/b04",
        "huzhou-2021-plan/i12",
    ] {
        let app = App::start().await;
        app.open(&format!("index.html#/item/{id}")).await;
        app.wait_for_app().await;
        let link = "[data-testid=\"plan-at\"]";
        app.wait_for(link).await;
        app.click(link).await;
        wait_for_route(&app, |route| route == format!("/plan?at={id}")).await;
        let target = format!(".plan-page [id=\"{id}\"]");
        app.wait_for(&target).await;
        let deadline = tokio::time::Instant::now() + timeout();
        loop {
            let focused = app
                .eval(
                    "return document.activeElement === document.getElementById(arguments[0]);",
                    vec![serde_json::json!(id)],
                )
                .await
                .as_bool()
                .unwrap_or(false);
            if focused && in_viewport(&app, &target).await {
                break;
            }
            if tokio::time::Instant::now() > deadline {
                app.fail(&format!("{id} is not in view and focused")).await;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        if id.ends_with("s041") {
            // Far below the top: it came into view because the page scrolled.
            let scrolled = app.eval("return window.scrollY;", vec![]).await;
            assert!(
                scrolled.as_f64().unwrap_or(0.0) > 500.0,
                "{id}: the page did not scroll"
            );
        }
        app.assert_no_console_errors().await;
    }
}

#[tokio::test]
async fn back_to_a_plan_link_returns_to_where_the_reader_left_it() {
    let id = "huzhou-2021-plan/s041";
    let app = App::start().await;
    app.open(&format!("index.html#/plan?at={id}")).await;
    app.wait_for_app().await;
    let arrived = wait_for_scroll(&app, |y| y > 500.0).await;

    // Read on, further down, then open a section's own page from there.
    let left_at = arrived + 1500.0;
    app.eval(
        "window.scrollTo(0, arguments[0]);",
        vec![serde_json::json!(left_at)],
    )
    .await;
    let opened = app
        .eval(
            "const link = Array.from(document.querySelectorAll('.plan-section a.source-ref')) \
               .find((link) => { const box = link.getBoundingClientRect(); \
                 return box.top > 0 && box.bottom < window.innerHeight; }); \
             link.click(); return link.getAttribute('href');",
            vec![],
        )
        .await;
    let opened = opened.as_str().expect("a source link in view").to_owned();
    wait_for_route(&app, |route| format!("#{route}") == opened).await;
    app.client().back().await.expect("back");
    wait_for_route(&app, |route| route == format!("/plan?at={id}")).await;
    let restored = wait_for_scroll(&app, |y| (y - left_at).abs() < 5.0).await;
    // Still there a moment later: the link's target did not take over.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(scroll_y(&app).await, restored);
    app.assert_no_console_errors().await;
}

async fn scroll_y(app: &App) -> f64 {
    app.eval("return window.scrollY;", vec![])
        .await
        .as_f64()
        .unwrap_or(0.0)
}

/// Polls the page's scroll position until `condition` holds; returns it.
async fn wait_for_scroll(app: &App, condition: impl Fn(f64) -> bool) -> f64 {
    let deadline = tokio::time::Instant::now() + timeout();
    loop {
        let y = scroll_y(app).await;
        if condition(y) {
            return y;
        }
        if tokio::time::Instant::now() > deadline {
            app.fail(&format!("the page stayed scrolled to {y}")).await;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
