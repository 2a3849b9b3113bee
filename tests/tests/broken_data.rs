//! A data file that is missing, cut short or not in the format shows a clear error page
//! in Chinese that names the file and the problem — never a blank page or a panic.

use planboard_browser_tests::{App, DistCopy, Launch, APP_ROOT};

const TASKS: &str = "data/tasks.json";

/// Serves a copy of the build damaged by `damage`, and returns the error page's text.
async fn error_page_for(damage: impl FnOnce(&DistCopy)) -> String {
    let copy = DistCopy::new();
    damage(&copy);
    let app = App::launch(Launch::new().serving(copy)).await;
    app.open("index.html#/tasks").await;
    let text = app.wait_for_load_error().await;
    assert_eq!(
        app.count(APP_ROOT).await,
        0,
        "the app rendered despite the error"
    );
    app.assert_no_panic().await;
    app.screenshot("error-page").await;
    text
}

/// What an interrupted upload leaves behind.
fn cut_tasks_file_in_half(copy: &DistCopy) {
    let length = std::fs::metadata(copy.file(TASKS))
        .expect("tasks.json in the build")
        .len();
    copy.truncate(TASKS, (length / 2) as usize);
}

fn assert_names_tasks_file_in_chinese(text: &str) {
    assert!(
        text.contains("tasks.json"),
        "the error page does not name tasks.json:\n{text}"
    );
    assert!(
        text.chars()
            .any(|character| ('\u{4e00}'..='\u{9fff}').contains(&character)),
        "the error page is not in Chinese:\n{text}"
    );
}

#[tokio::test]
async fn a_truncated_tasks_file_shows_the_error_page() {
    let text = error_page_for(cut_tasks_file_in_half).await;
    assert_names_tasks_file_in_chinese(&text);
}

#[tokio::test]
async fn a_missing_tasks_file_shows_the_error_page() {
    let text = error_page_for(|copy| {
        copy.remove(TASKS);
    })
    .await;
    assert_names_tasks_file_in_chinese(&text);
}

#[tokio::test]
async fn a_tasks_file_in_another_shape_shows_the_error_page() {
    let text = error_page_for(|copy| {
        copy.write(TASKS, r#"{"tasks": "not a list"}"#);
    })
    .await;
    assert_names_tasks_file_in_chinese(&text);
}

#[tokio::test]
async fn the_error_page_tells_a_missing_file_from_a_broken_one() {
    let missing = error_page_for(|copy| {
        copy.remove(TASKS);
    })
    .await;
    let truncated = error_page_for(cut_tasks_file_in_half).await;
    assert_ne!(
        missing, truncated,
        "the page says the same for a missing and a truncated file"
    );
}

/// Serves `copy` (a build with a damaged or missing file), checks that the task list
/// still shows, opens the section `nav` and returns the app with the text of its
/// `<kind>-load-error` message.
async fn section_message_without(copy: DistCopy, nav: &str, kind: &str) -> (App, String) {
    let app = App::launch(Launch::new().serving(copy)).await;
    app.open("index.html#/tasks").await;
    app.wait_for_app().await;
    app.wait_for(".entry").await;

    app.click(&format!("a[data-nav=\"{nav}\"]")).await;
    let text = app
        .text(&format!("[data-testid=\"{kind}-load-error\"]"))
        .await;
    (app, text)
}

/// An item page of a task still shows; only its parts that need the file say so.
async fn open_first_item(app: &App) {
    app.open("index.html#/tasks").await;
    app.click(".entry-link").await;
    app.wait_for(".item-page").await;
}

/// plan.json is read only by the views that show the plan: a broken one leaves the
/// task list working, and those views say which file is wrong.
#[tokio::test]
async fn a_broken_plan_file_leaves_the_task_list_and_names_the_file_in_the_plan_view() {
    let copy = DistCopy::new();
    copy.write(
        "data/plan.json",
        r#"{"format_version": 1, "plan": {"document": "#,
    );
    let (app, text) = section_message_without(copy, "plan", "plan").await;
    assert!(
        text.contains("data/plan.json"),
        "the plan view's message does not name data/plan.json:\n{text}"
    );
    assert!(
        text.contains("规划文件"),
        "the plan view's message is not in Chinese:\n{text}"
    );
    open_first_item(&app).await;
    app.assert_no_panic().await;
}

/// links.json is read only by the views that show threads and links: without it the
/// task list works, the threads view says which file is missing, and a task's page
/// shows everything but its links.
#[tokio::test]
async fn a_missing_links_file_leaves_the_task_list_and_names_the_file_in_the_threads_view() {
    let copy = DistCopy::new();
    copy.remove("data/links.json");
    let (app, text) = section_message_without(copy, "threads", "links").await;
    assert!(
        text.contains("data/links.json") && text.contains("文件缺失"),
        "the threads view's message does not say data/links.json is missing:\n{text}"
    );
    assert!(
        text.contains("关联文件"),
        "the threads view's message is not in Chinese:\n{text}"
    );
    open_first_item(&app).await;
    app.wait_for("[data-testid=\"links-load-error\"]").await;
    app.assert_no_panic().await;
}
