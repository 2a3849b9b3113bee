//! 我的笔记: the list (due follow-ups first, orphans apart, search), export, and import
//! with a preview — hostile or broken files change nothing, and note text is never run.

mod notes_support;

use notes_support::*;
use planboard_browser_tests::App;
use serde_json::json;

const IMPORT_FILE: &str = "[data-testid=\"notes-import-file\"]";
const IMPORT_ERROR: &str = "[data-testid=\"import-error\"]";
const IMPORT_CONFIRM: &str = "[data-testid=\"import-confirm\"]";

/// Seeds the stored notes (the app must be open on the origin), then opens the page.
async fn notes_page_with(app: &App, notes: serde_json::Value) {
    app.open("index.html#/tasks").await;
    app.wait_for_app().await;
    store(app, NOTES_KEY, &envelope(notes)).await;
    app.reload().await;
    open_notes_page(app).await;
}

/// Writes `contents` to a temporary file and picks it in the import field.
async fn pick_import_file(app: &App, directory: &tempfile::TempDir, name: &str, contents: &[u8]) {
    let path = directory.path().join(name);
    std::fs::write(&path, contents).expect("write the import file");
    let input = app.wait_for(IMPORT_FILE).await;
    if let Err(error) = input.send_keys(&path.to_string_lossy()).await {
        app.fail(&format!("pick {}: {error}", path.display())).await;
    }
}

#[tokio::test]
async fn due_follow_ups_come_first_and_orphans_are_listed_apart() {
    let [due, plain] = <[String; 2]>::try_from(task_ids(2)).unwrap();
    let app = App::start().await;
    let at = now_ms() - 60_000;
    notes_page_with(
        &app,
        json!({
            &due: { "text": "该跟进了", "follow_up": "2000-01-01", "updated_at_ms": at },
            &plain: { "text": "普通笔记 高铁", "tags": ["交通"], "updated_at_ms": at },
            "gone-document/t99": { "text": "条目已被删除", "updated_at_ms": at },
        }),
    )
    .await;
    let in_section =
        |section: &str| format!("[data-testid=\"{section}\"] [data-testid=\"note-row\"]");
    assert_eq!(
        app.attr(&in_section("notes-due"), "data-item-id")
            .await
            .as_deref(),
        Some(due.as_str())
    );
    assert_eq!(
        app.attr(&in_section("notes-others"), "data-item-id")
            .await
            .as_deref(),
        Some(plain.as_str())
    );
    assert_eq!(
        app.attr(&in_section("notes-orphans"), "data-item-id")
            .await
            .as_deref(),
        Some("gone-document/t99")
    );
    app.type_into("[data-testid=\"notes-search\"]", "高铁")
        .await;
    app.wait_for_text("[data-testid=\"notes-count\"]", |text| {
        text.contains("显示 1 条")
    })
    .await;
    assert_eq!(app.count("[data-testid=\"note-row\"]").await, 1);
}

#[tokio::test]
async fn an_import_shows_a_preview_and_applies_only_on_confirm_with_html_kept_as_text() {
    let [item] = <[String; 1]>::try_from(task_ids(1)).unwrap();
    let app = App::start().await;
    notes_page_with(&app, json!({})).await;
    let hostile = r#"<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>"#;
    let file = envelope(json!({
        &item: { "text": hostile, "updated_at_ms": now_ms() - 60_000 },
        "gone-document/t99": { "text": "孤立的笔记", "updated_at_ms": now_ms() - 60_000 },
    }));
    let directory = tempfile::tempdir().expect("temporary directory");
    pick_import_file(&app, &directory, "notes.json", file.as_bytes()).await;

    app.wait_for("[data-testid=\"import-preview\"]").await;
    assert_eq!(
        app.attr("[data-testid=\"import-added\"]", "data-count")
            .await
            .as_deref(),
        Some("2")
    );
    assert_eq!(
        stored(&app, NOTES_KEY).await.as_deref(),
        Some(envelope(json!({})).as_str())
    );

    app.click(IMPORT_CONFIRM).await;
    app.wait_for("[data-testid=\"import-done\"]").await;
    wait_for_stored(&app, "held the imported notes", |raw| {
        raw.contains("孤立的笔记")
    })
    .await;
    let row = format!("[data-testid=\"note-row\"][data-item-id=\"{item}\"] .note-text-plain");
    assert_eq!(
        app.text(&row).await,
        hostile,
        "the note text is not shown as text"
    );
    let page_elements = app
        .eval(
            "return document.querySelectorAll('[data-testid=notes-page] script, [data-testid=notes-page] img').length;",
            vec![],
        )
        .await;
    assert_eq!(page_elements, json!(0), "note text was parsed as HTML");
    assert_eq!(
        app.eval("return window.__pwned === undefined;", vec![])
            .await,
        json!(true)
    );
    assert_eq!(
        app.count("[data-testid=\"notes-orphans\"] [data-testid=\"note-row\"]")
            .await,
        1
    );
}

#[tokio::test]
async fn malformed_oversized_and_hostile_imports_are_refused_and_change_nothing() {
    let [item] = <[String; 1]>::try_from(task_ids(1)).unwrap();
    let app = App::start().await;
    notes_page_with(
        &app,
        json!({ &item: { "text": "原有笔记", "updated_at_ms": now_ms() - 60_000 } }),
    )
    .await;
    let before = stored(&app, NOTES_KEY).await;
    let directory = tempfile::tempdir().expect("temporary directory");

    pick_import_file(&app, &directory, "broken.json", "这不是 JSON".as_bytes()).await;
    let message = app.text(IMPORT_ERROR).await;
    assert!(
        message.contains("不是有效的 JSON") && message.contains("笔记未作任何改动"),
        "{message}"
    );

    let oversized = vec![b' '; 6 * 1024 * 1024];
    pick_import_file(&app, &directory, "huge.json", &oversized).await;
    app.wait_for_text(IMPORT_ERROR, |text| text.contains("文件过大"))
        .await;

    pick_import_file(&app, &directory, "other.json", br#"{"notes":{}}"#).await;
    app.wait_for_text(IMPORT_ERROR, |text| {
        text.contains("不是 planboard 的笔记数据")
    })
    .await;

    // A note stamped far in the future would win every later merge: rejected.
    let future =
        envelope(json!({ &item: { "text": "篡改", "updated_at_ms": now_ms() + 10 * 86_400_000 } }));
    pick_import_file(&app, &directory, "future.json", future.as_bytes()).await;
    app.wait_for("[data-testid=\"import-preview\"]").await;
    assert_eq!(
        app.attr("[data-testid=\"import-rejected\"]", "data-count")
            .await
            .as_deref(),
        Some("1")
    );
    assert!(app
        .text("[data-testid=\"import-rejected-note\"]")
        .await
        .contains("修改时间在未来"));
    assert!(
        app.attr(IMPORT_CONFIRM, "disabled").await.is_some(),
        "confirm is enabled"
    );

    assert_eq!(
        stored(&app, NOTES_KEY).await,
        before,
        "a refused import changed the notes"
    );
    app.assert_no_panic().await;
}

#[tokio::test]
async fn exports_are_json_and_csv_with_a_byte_order_mark() {
    let [item] = <[String; 1]>::try_from(task_ids(1)).unwrap();
    let app = App::start().await;
    notes_page_with(
        &app,
        json!({ &item: { "text": "含逗号, 和\"引号\"", "tags": ["交通"], "updated_at_ms": now_ms() - 60_000 } }),
    )
    .await;
    // Keep what the page hands to the download link.
    app.eval(
        "window.__blobs = []; const make = URL.createObjectURL;
         URL.createObjectURL = blob => { window.__blobs.push(blob); return make.call(URL, blob); };",
        vec![],
    )
    .await;
    let last_blob = "const done = arguments[arguments.length - 1];
        const blob = window.__blobs[window.__blobs.length - 1];
        blob.arrayBuffer().then(buffer => done({
            type: blob.type,
            head: Array.from(new Uint8Array(buffer).slice(0, 3)),
            text: new TextDecoder().decode(buffer),
        }));";

    app.click("[data-testid=\"notes-export-csv\"]").await;
    let csv = app
        .client()
        .execute_async(last_blob, vec![])
        .await
        .expect("the CSV blob");
    assert_eq!(
        csv["head"],
        json!([0xef, 0xbb, 0xbf]),
        "no UTF-8 byte-order mark"
    );
    assert!(csv["type"]
        .as_str()
        .unwrap_or_default()
        .starts_with("text/csv"));
    let text = csv["text"].as_str().unwrap_or_default();
    assert!(text.contains("条目编号,条目标题,所属文件,笔记"), "{text}");
    assert!(text.contains("\"含逗号, 和\"\"引号\"\"\""), "{text}");

    app.click("[data-testid=\"notes-export-json\"]").await;
    let exported = app
        .client()
        .execute_async(last_blob, vec![])
        .await
        .expect("the JSON blob");
    let exported: serde_json::Value =
        serde_json::from_str(exported["text"].as_str().unwrap_or_default()).expect("JSON export");
    assert_eq!(exported["format"], "planboard-notes");
    assert_eq!(exported["notes"][&item]["tags"], json!(["交通"]));
}

#[tokio::test]
async fn the_task_list_filters_by_my_notes_with_the_filters_in_the_url() {
    let [starred, plain] = <[String; 2]>::try_from(task_ids(2)).unwrap();
    let app = App::start().await;
    let at = now_ms() - 60_000;
    notes_page_with(
        &app,
        json!({
            &starred: { "text": "要盯紧", "tags": ["交通"], "watched": true, "updated_at_ms": at },
            &plain: { "text": "随手记", "updated_at_ms": at },
        }),
    )
    .await;
    for (hash, expected) in [
        ("#/tasks?note=1", vec![starred.clone(), plain.clone()]),
        ("#/tasks?watched=1", vec![starred.clone()]),
        ("#/tasks?tag=%E4%BA%A4%E9%80%9A", vec![starred.clone()]),
    ] {
        app.open(&format!("index.html{hash}")).await;
        app.wait_for_app().await;
        let count = expected.len();
        app.wait_for_text("[data-testid=\"result-count\"]", |text| {
            text.contains(&format!("共 {count} 条"))
        })
        .await;
        let mut shown = Vec::new();
        for element in app
            .client()
            .find_all(fantoccini::Locator::Css(".tasks-results [data-item-id]"))
            .await
            .expect("the listed entries")
        {
            shown.push(
                element
                    .attr("data-item-id")
                    .await
                    .ok()
                    .flatten()
                    .unwrap_or_default(),
            );
        }
        let mut expected = expected;
        shown.sort();
        expected.sort();
        assert_eq!(shown, expected, "{hash}");
    }
    let link = "[data-facet=\"mynotes\"] [data-facet-value=\"watched\"]";
    assert_eq!(app.attr(link, "aria-current").await.as_deref(), None);
    app.click(link).await;
    app.wait_for_text("[data-testid=\"result-count\"]", |text| {
        text.contains("共 1 条")
    })
    .await;
    assert!(
        app.current_route().await.contains("watched=1"),
        "the filter is not in the URL"
    );
}
