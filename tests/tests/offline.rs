//! Offline use after one visit, the Content-Security-Policy, and updates to a newer
//! build: the service worker written by scripts/post-build.sh, proved the hard way.

use std::time::Duration;

use planboard_browser_tests::{built_dist, App, DistCopy, Launch};
use serde_json::Value;

const RESULT_COUNT: &str = "[data-testid=\"result-count\"]";
const SEARCH_BOX: &str = "#task-search";
const UPDATE_BANNER: &str = "[data-testid=\"update-banner\"]";
/// index.html's policy: 'unsafe-eval' only because Chromium before 97 compiles wasm under
/// nothing else; src/start.js adds [`STRICT_SCRIPT_POLICY`] wherever the browser knows
/// 'wasm-unsafe-eval', and both are enforced together.
const POLICY: &str = "default-src 'self'; script-src 'self' 'unsafe-eval'; \
     style-src 'self'; img-src 'self' data:; connect-src 'self' blob:; manifest-src 'self'; \
     worker-src 'self'; base-uri 'self'; form-action 'none'";
const STRICT_SCRIPT_POLICY: &str = "script-src 'self' 'wasm-unsafe-eval'";

/// Every key and value of the page's localStorage, where the notes live.
async fn local_storage(app: &App) -> Value {
    app.eval(
        "const all = {}; for (let i = 0; i < localStorage.length; i++) { \
           const key = localStorage.key(i); all[key] = localStorage.getItem(key); } \
         return all;",
        vec![],
    )
    .await
}

#[tokio::test]
async fn after_one_visit_the_app_works_with_the_server_stopped() {
    let mut app = App::start().await;
    app.open("").await;
    app.wait_for_app().await;
    app.wait_until_controlled().await;

    app.site_mut().stop().await;
    let served_before_reload = app.site().requests().len();
    app.reload().await;
    app.wait_for_app().await;
    assert!(app.text("body").await.contains("湖州"));

    app.click("a[data-nav=\"tasks\"]").await;
    let unfiltered = app.text(RESULT_COUNT).await;
    app.type_into(SEARCH_BOX, "高铁").await;
    app.wait_for_text(RESULT_COUNT, |text| text != unfiltered)
        .await;
    let rows = app.texts(".entry").await;
    assert!(!rows.is_empty(), "no task matches 高铁 offline");
    assert!(
        rows.iter().all(|row| row.contains("高铁")),
        "a row without 高铁: {rows:?}"
    );

    // Another view, and an item page, both from the cache.
    app.click(".entry-link").await;
    app.wait_for(".item-page").await;
    app.open("index.html#/plan").await;
    app.wait_for_app().await;

    assert_eq!(
        app.site().requests().len(),
        served_before_reload,
        "the server answered while stopped"
    );
    app.assert_no_console_errors().await;
    app.screenshot("offline-item").await;
}

#[tokio::test]
async fn the_built_page_has_a_strict_policy_that_no_view_violates() {
    let html = std::fs::read_to_string(built_dist().join("index.html")).expect("read index.html");
    assert!(
        html.contains(&format!("content=\"{POLICY}\"")),
        "dist/index.html lacks the policy:\n{html}"
    );
    assert!(
        !html.contains("<script>") && !html.contains("<script type=\"module\">"),
        "dist/index.html has an inline script:\n{html}"
    );
    assert!(!html.contains("<style"), "dist/index.html has a <style>");

    let app = App::start().await;
    // index.html, so that the views below are reached by changing the hash only.
    app.open("index.html").await;
    app.wait_for_app().await;
    let served_policies = app
        .eval(
            "return Array.from(document.querySelectorAll('meta[http-equiv=\"Content-Security-Policy\"]'), \
               (meta) => meta.content);",
            vec![],
        )
        .await;
    assert_eq!(
        served_policies,
        serde_json::json!([POLICY, STRICT_SCRIPT_POLICY])
    );
    // Violations after boot are also collected in the page, beside the console.
    app.eval(
        "window.cspViolations = []; document.addEventListener('securitypolicyviolation', \
           (event) => window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI));",
        vec![],
    )
    .await;

    for (hash, shown) in [
        ("#/tasks", RESULT_COUNT),
        ("#/plan", "[data-testid=\"app\"] h1"),
        ("#/projects", RESULT_COUNT),
        ("#/leaders", RESULT_COUNT),
        ("#/departments", RESULT_COUNT),
        ("#/notes", "[data-testid=\"app\"] h1"),
        ("#/threads", "[data-testid=\"app\"] h1"),
        ("#/pace", "[data-testid=\"app\"] h1"),
        ("#/lag", "[data-testid=\"app\"] h1"),
        ("#/compare", "[data-testid=\"app\"] h1"),
        ("#/", "[data-testid=\"app\"] h1"),
    ] {
        app.open(&format!("index.html{hash}")).await;
        app.wait_for(shown).await;
    }
    // The pages reached by a link: a leader, a department, an item; and a search.
    for (list, link, shown) in [
        ("#/leaders", "main a[href^=\"#/leaders/\"]", ".page-counts"),
        (
            "#/departments",
            "main a[href^=\"#/departments/\"]",
            ".page-counts",
        ),
        ("#/tasks", ".entry-link", ".item-page"),
        (
            "#/threads",
            "main a[href^=\"#/threads/\"]",
            "[data-testid=\"app\"] h1",
        ),
    ] {
        app.open(&format!("index.html{list}")).await;
        app.click(link).await;
        app.wait_for(shown).await;
    }
    app.open("index.html#/tasks").await;
    app.type_into(SEARCH_BOX, "高铁").await;
    app.click(".facet-value").await;
    app.wait_for(".entry").await;

    let violations = app.eval("return window.cspViolations;", vec![]).await;
    assert_eq!(violations, Value::Array(Vec::new()), "CSP violations");
    let console = app.console_messages().await;
    let refused: Vec<_> = console
        .iter()
        .filter(|message| message.message.contains("Content Security Policy"))
        .collect();
    assert!(
        refused.is_empty(),
        "the console reports CSP violations: {refused:?}"
    );
    app.assert_no_console_errors().await;

    // Last, since the refusal is itself a reported violation: this browser knows
    // 'wasm-unsafe-eval', so the wasm runs and code from a string does not. A string
    // timer, because it is compiled in the page: WebDriver's own scripts are exempt
    // from the page's eval restriction.
    app.eval(
        "window.stringCodeRan = false; setTimeout('window.stringCodeRan = true', 0);",
        vec![],
    )
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        app.eval("return window.stringCodeRan;", vec![]).await,
        Value::Bool(false),
        "code from a string ran under the strict policy"
    );
    let violations = app.eval("return window.cspViolations;", vec![]).await;
    assert_eq!(violations, serde_json::json!(["script-src eval"]));
}

/// The names of the page's caches (one per build the worker has stored), or `None`
/// while the page is being replaced.
async fn cache_names(app: &App) -> Option<Vec<String>> {
    let names = app
        .client()
        .execute_async(
            "const done = arguments[arguments.length - 1]; caches.keys().then(done);",
            vec![],
        )
        .await
        .ok()?;
    let names = names.as_array()?.iter();
    Some(
        names
            .filter_map(|name| name.as_str().map(str::to_owned))
            .collect(),
    )
}

#[tokio::test]
async fn a_newer_build_is_offered_and_taken_on_the_readers_word_keeping_the_notes() {
    let app = App::launch(Launch::new().serving(DistCopy::new())).await;
    app.open("").await;
    app.wait_for_app().await;
    app.wait_until_controlled().await;
    app.eval(
        "localStorage.setItem('planboard-update-test', 'written before the update');",
        vec![],
    )
    .await;
    let stored_before = local_storage(&app).await;
    assert_eq!(
        app.count(UPDATE_BANNER).await,
        0,
        "a banner with nothing new"
    );
    let first_caches = cache_names(&app).await.unwrap_or_default();
    assert_eq!(
        first_caches.len(),
        1,
        "caches after the first visit: {first_caches:?}"
    );

    // Publish a "new build": the worker script differs, as after any rebuild.
    let served = app.site().root().join("sw.js");
    let worker = std::fs::read_to_string(&served).expect("read sw.js");
    let (head, rest) = worker
        .split_once("const BUILD_VERSION = \"")
        .expect("sw.js names its BUILD_VERSION");
    std::fs::write(
        &served,
        format!("{head}const BUILD_VERSION = \"next-{rest}"),
    )
    .expect("write the new sw.js");

    // The browser looks for a new worker on each visit; the banner waits for its install.
    app.reload().await;
    app.wait_for_app().await;
    let banner = app.text(UPDATE_BANNER).await;
    assert!(banner.contains("新版本可用"), "banner text: {banner}");
    let tooltip = app
        .attr("[data-testid=\"update-button\"]", "title")
        .await
        .unwrap_or_default();
    assert!(
        tooltip.contains("笔记"),
        "the button does not say the notes are kept: {tooltip}"
    );
    assert_eq!(
        cache_names(&app).await.unwrap_or_default().len(),
        2,
        "the new build was not cached beside the running one"
    );

    // A marker that only the current document carries shows when the page was replaced.
    app.eval("window.beforeUpdate = true;", vec![]).await;
    app.click("[data-testid=\"update-button\"]").await;
    let mut reloaded = false;
    for _ in 0..400 {
        let marker = app
            .client()
            .execute("return window.beforeUpdate === true;", vec![])
            .await;
        if marker.is_ok_and(|marker| marker == Value::Bool(false)) {
            reloaded = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(reloaded, "the page did not reload after 更新");
    app.wait_for_app().await;
    app.wait_until_controlled().await;
    assert_eq!(
        app.count(UPDATE_BANNER).await,
        0,
        "the banner stayed after the update"
    );
    let script = app
        .eval(
            "return navigator.serviceWorker.controller.scriptURL;",
            vec![],
        )
        .await;
    assert!(script
        .as_str()
        .is_some_and(|url| url.ends_with("/planboard/sw.js")));
    let caches = cache_names(&app).await.unwrap_or_default();
    assert!(
        caches.len() == 1 && caches[0].contains("next-"),
        "the old build's cache was not replaced by the new one: {caches:?}"
    );
    assert_eq!(
        local_storage(&app).await,
        stored_before,
        "the update changed localStorage (the notes)"
    );
    app.assert_no_console_errors().await;
}
