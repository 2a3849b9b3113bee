//! The English interface: a choice beside Chinese, remembered in the browser and carried
//! by the URL; in English every word the app itself says is English, while the
//! documents' own Chinese stays, marked `lang="zh-CN"` so screen readers and fonts
//! treat it as Chinese.

mod views_support;

use planboard_browser_tests::App;
use serde_json::{json, Value};
use views_support::{every_view, open_view, Data};

const SWITCH: &str = "[data-testid=\"language-switch\"]";

async fn html_lang(app: &App) -> String {
    app.eval("return document.documentElement.lang;", vec![])
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

async fn stored_choice(app: &App) -> Value {
    app.eval("return localStorage.getItem('planboard.lang');", vec![])
        .await
}

/// Waits until the tasks link of the header reads `expected` (the shell redraws after
/// a switch).
async fn wait_for_nav(app: &App, expected: &str) {
    app.wait_for_text("[data-nav=\"tasks\"]", |text| text.trim() == expected)
        .await;
}

#[tokio::test]
async fn english_is_remembered_locally_and_carried_by_the_url() {
    let app = App::start().await;
    app.open("index.html#/tasks?status=%E6%BB%9E%E5%90%8E")
        .await;
    app.wait_for_app().await;
    assert_eq!(html_lang(&app).await, "zh-CN", "Chinese is the default");
    wait_for_nav(&app, "任务").await;

    app.click(SWITCH).await;
    wait_for_nav(&app, "Tasks").await;
    assert_eq!(html_lang(&app).await, "en");
    let url = app.current_url().await;
    assert!(
        url.contains("?lang=en#/tasks"),
        "the URL does not carry the choice: {url}"
    );
    assert_eq!(
        app.current_route().await,
        "/tasks?status=滞后",
        "switching kept the filter"
    );
    assert_eq!(stored_choice(&app).await, json!("en"));
    // The filtered list is still there, now with an English status word.
    app.wait_for_text("[data-testid=\"result-count\"]", |text| {
        text.contains('7') && !text.contains('项')
    })
    .await;

    // Following a link keeps the language (links are relative hashes).
    app.click("[data-nav=\"plan\"]").await;
    app.wait_for_text("[data-nav=\"plan\"][aria-current=\"page\"]", |text| {
        text.trim() == "Plan"
    })
    .await;
    assert!(app.current_url().await.contains("?lang=en#/plan"));

    // A visit without the parameter opens in the stored language and shows it in the URL.
    app.open("index.html#/leaders").await;
    app.wait_for_app().await;
    wait_for_nav(&app, "Tasks").await;
    assert!(
        app.current_url().await.contains("?lang=en#/leaders"),
        "the stored choice is not written into the URL: {}",
        app.current_url().await
    );

    // The URL wins over the stored choice, without overwriting it.
    app.open("index.html?lang=zh#/leaders").await;
    app.wait_for_app().await;
    wait_for_nav(&app, "任务").await;
    assert_eq!(stored_choice(&app).await, json!("en"));

    // Back to Chinese: remembered, and the URL is clean again.
    app.open("index.html#/overview").await;
    app.wait_for_app().await;
    wait_for_nav(&app, "Tasks").await;
    app.click(SWITCH).await;
    wait_for_nav(&app, "任务").await;
    assert_eq!(stored_choice(&app).await, json!("zh"));
    let url = app.current_url().await;
    assert!(
        !url.contains("lang="),
        "Chinese leaves the URL clean: {url}"
    );
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn every_view_in_english_says_nothing_in_chinese_outside_the_documents() {
    let data = Data::load();
    let app = App::start().await;
    let mut problems = Vec::new();
    for (name, hash, shown) in every_view(&data) {
        open_view(&app, &format!("?lang=en{hash}"), shown).await;
        assert_eq!(html_lang(&app).await, "en", "{name} is not in English");
        let found = app.unmarked_chinese("body").await;
        if !found.is_empty() {
            app.screenshot(&format!("english-{name}")).await;
            problems.push(format!("{name} ({hash}):\n  {}", found.join("\n  ")));
        }
    }
    assert!(
        problems.is_empty(),
        "Chinese outside a lang=\"zh-CN\" element in English mode:\n{}",
        problems.join("\n")
    );
    app.assert_no_console_errors().await;
}
