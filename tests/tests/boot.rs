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
