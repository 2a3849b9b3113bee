//! A copied link reopens the same view: the route lives in the URL's hash.

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
