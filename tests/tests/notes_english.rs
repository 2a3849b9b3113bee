//! The notes in English, with notes in them: the page, the banner, an import preview
//! with every kind of line, the editor and the 任务 facet group say nothing in Chinese
//! of their own; the items' titles and the reader's Chinese words are marked
//! `lang="zh-CN"`; nothing scrolls sideways on a phone. (english.rs sweeps every view
//! with no notes stored; this fills the parts that only show with notes.)

mod notes_support;

use notes_support::*;
use planboard_browser_tests::{App, Launch};
use serde_json::json;

/// Fails with the list when something within `roots` is unmarked Chinese; screenshots
/// the page as `name` either way, for a person to look at.
async fn assert_all_marked(app: &App, roots: &str, name: &str) {
    app.screenshot(name).await;
    let found = app.unmarked_chinese(roots).await;
    assert!(
        found.is_empty(),
        "{name}: Chinese outside a lang=\"zh-CN\" element in English mode:\n  {}",
        found.join("\n  ")
    );
}

/// A screenshot with `css` at the top of the window, for a person to look at.
async fn look_at(app: &App, css: &str, name: &str) {
    app.eval(
        "const element = document.querySelector(arguments[0]); \
         if (element) { element.scrollIntoView({ block: 'start' }); }",
        vec![json!(css)],
    )
    .await;
    app.screenshot(name).await;
}

async fn assert_no_sideways_scroll(app: &App, name: &str) {
    if let Some(overflow) = app.sideways_overflow().await {
        panic!("{name} scrolls sideways on a phone: {overflow}");
    }
}

#[tokio::test]
async fn notes_in_english_keep_chinese_only_in_the_documents_and_the_readers_words() {
    let [due, plain, imported] = <[String; 3]>::try_from(task_ids(3)).unwrap();
    let app = App::launch(Launch::new().phone()).await;
    app.open("index.html?lang=en#/tasks").await;
    app.wait_for_app().await;
    let at = now_ms() - 60_000;
    // A damaged note makes the app keep a backup and say so on every page.
    store(
        &app,
        NOTES_KEY,
        &envelope(json!({
            &due: { "text": "该跟进了", "tags": ["交通", "督查"], "follow_up": "2000-01-01",
                    "mark": "doubtful", "watched": true, "updated_at_ms": at },
            &plain: { "text": "ask about the budget", "tags": ["budget"], "updated_at_ms": at },
            "gone-document/t99": { "text": "条目已被删除", "updated_at_ms": at },
            "damaged": { "text": "x", "follow_up": "明天" },
        })),
    )
    .await;
    // A fresh load reads the stored notes (and finds the damaged one).
    app.open("index.html?lang=en#/notes").await;
    app.reload().await;
    app.wait_for_app().await;
    app.wait_for(NOTES_PAGE).await;
    app.wait_for_text("[data-testid=\"notes-count\"]", |text| {
        text.contains("3 notes, 3 shown")
    })
    .await;
    app.wait_for("[data-testid=\"notes-banner\"]").await;
    app.wait_for("[data-testid=\"notes-backup\"]").await;
    let banner = app.text("[data-testid=\"notes-banner\"]").await;
    assert!(
        banner.contains("One note saved on this device is damaged") && banner.contains("My notes"),
        "{banner}"
    );
    let page = "[data-testid=\"notes-page\"], [data-testid=\"notes-banner\"]";
    assert_all_marked(&app, page, "notes-english-phone").await;
    assert_no_sideways_scroll(&app, "the notes page").await;
    look_at(
        &app,
        "[data-testid=\"notes-due\"]",
        "notes-english-phone-list",
    )
    .await;
    assert_eq!(
        app.attr("[data-testid=\"note-row\"] .note-tag", "lang")
            .await
            .as_deref(),
        Some("zh-CN"),
        "a Chinese tag is not marked"
    );

    // An import preview with an added note, a conflict and a refused note, from a file
    // with a Chinese name.
    let file = envelope(json!({
        &imported: { "text": "新增的笔记", "updated_at_ms": at },
        &plain: { "text": "the budget was cut", "updated_at_ms": at + 1_000 },
        "bad-tag": { "text": "x", "tags": ["交通 高铁"], "updated_at_ms": at },
    }));
    let directory = tempfile::tempdir().expect("temporary directory");
    let path = directory.path().join("笔记备份.json");
    std::fs::write(&path, file).expect("write the import file");
    let input = app.wait_for("[data-testid=\"notes-import-file\"]").await;
    input
        .send_keys(&path.to_string_lossy())
        .await
        .expect("pick the file");
    app.wait_for("[data-testid=\"import-preview\"]").await;
    for (count, expected) in [
        ("import-added", "Added: 1"),
        ("import-conflicts", "In conflict: 1"),
        ("import-rejected", "Cannot be imported: 1"),
    ] {
        let text = app.text(&format!("[data-testid=\"{count}\"]")).await;
        assert_eq!(text.trim(), expected);
    }
    let rejected = app.text("[data-testid=\"import-rejected-note\"]").await;
    assert!(rejected.contains("is malformed"), "{rejected}");
    // Open the lists so their item titles are scanned as shown.
    app.eval(
        "document.querySelectorAll('.notes-import-preview details').forEach((d) => { d.open = true; });",
        vec![],
    )
    .await;
    assert_all_marked(&app, page, "notes-english-phone-import").await;
    assert_no_sideways_scroll(&app, "the import preview").await;
    look_at(&app, ".notes-import-counts", "notes-english-phone-preview").await;
    app.click("[data-testid=\"import-confirm\"]").await;
    app.wait_for_text("[data-testid=\"import-done\"]", |text| {
        text.contains("1 added, 0 updated, 1 in conflict")
    })
    .await;
    assert_all_marked(&app, page, "notes-english-phone-imported").await;

    // The editor on an item page, and the 任务 view's facet group.
    app.open(&format!("index.html?lang=en#/item/{due}")).await;
    app.wait_for_app().await;
    app.wait_for_text("[data-testid=\"note-save-status\"]", |text| {
        text.trim() == "Saved"
    })
    .await;
    let editor = "[data-testid=\"note-editor\"], [data-testid=\"notes-banner\"]";
    assert_all_marked(&app, editor, "notes-english-phone-editor").await;
    assert_no_sideways_scroll(&app, "the item page").await;
    look_at(
        &app,
        "[data-testid=\"note-editor\"]",
        "notes-english-phone-editor-form",
    )
    .await;
    assert_eq!(
        app.text("[data-testid=\"note-watch\"]").await.trim(),
        "★ Starred"
    );
    // The text box takes the language of what is written in it.
    let text_box = "[data-testid=\"note-text\"]";
    app.clear(text_box).await;
    app.type_into(text_box, "Ask the unit for the contract")
        .await;
    assert_eq!(app.attr(text_box, "lang").await, None, "English text");
    app.type_into(text_box, "：合同何时签订？").await;
    assert_eq!(
        app.attr(text_box, "lang").await.as_deref(),
        Some("zh-CN"),
        "text with Chinese in it"
    );

    app.open("index.html?lang=en#/tasks").await;
    app.wait_for_app().await;
    app.wait_for("[data-facet=\"mynotes\"] [data-facet-value=\"tag:交通\"]")
        .await;
    assert_all_marked(
        &app,
        "[data-facet=\"mynotes\"]",
        "notes-english-phone-facets",
    )
    .await;
    app.assert_no_console_errors().await;
}
