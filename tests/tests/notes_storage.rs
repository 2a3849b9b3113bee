//! Notes are never lost: saved as the reader types, kept through a full storage,
//! corrupted or foreign stored values, an old format version, and two tabs at once.

mod notes_support;

use notes_support::*;
use planboard_browser_tests::App;
use serde_json::json;

#[tokio::test]
async fn a_note_is_saved_as_typed_and_survives_a_reload() {
    let [item] = <[String; 1]>::try_from(task_ids(1)).unwrap();
    let app = App::start().await;
    open_item(&app, &item).await;
    let privacy = app.text("[data-testid=\"note-editor\"]").await;
    assert!(
        privacy.contains("笔记只保存在本设备的浏览器中"),
        "{privacy}"
    );

    app.type_into(NOTE_TEXT, "进度滞后，需追问").await;
    app.type_into(NOTE_TAGS, "交通，督查").await;
    app.click(NOTE_WATCH).await;
    app.eval(
        "const s = document.querySelector(arguments[0]); s.value = 'doubtful';
         s.dispatchEvent(new Event('change', { bubbles: true }));",
        vec![json!(NOTE_MARK)],
    )
    .await;
    wait_for_stored(&app, "held the note", |raw| {
        raw.contains("进度滞后，需追问")
    })
    .await;
    app.wait_for_text(SAVE_STATUS, |text| text.contains("已保存"))
        .await;

    app.reload().await;
    app.wait_for_app().await;
    assert_eq!(value_of(&app, NOTE_TEXT).await, "进度滞后，需追问");
    assert_eq!(value_of(&app, NOTE_TAGS).await, "交通，督查");
    assert_eq!(value_of(&app, NOTE_MARK).await, "doubtful");
    assert_eq!(
        app.attr(NOTE_WATCH, "aria-pressed").await.as_deref(),
        Some("true")
    );
    assert!(
        app.text(NOTE_WATCH).await.contains("星标"),
        "the star has no word"
    );
    let saved = stored_json(&app).await;
    assert_eq!(saved["version"], 2);
    assert_eq!(saved["notes"][&item]["tags"], json!(["交通", "督查"]));
    app.assert_no_panic().await;
}

#[tokio::test]
async fn a_full_storage_shows_an_error_keeps_the_text_and_retries() {
    let [item] = <[String; 1]>::try_from(task_ids(1)).unwrap();
    let app = App::start().await;
    open_item(&app, &item).await;
    app.type_into(NOTE_TEXT, "第一段").await;
    let saved_before =
        wait_for_stored(&app, "held the first text", |raw| raw.contains("第一段")).await;

    let fillers = fill_storage(&app).await;
    assert!(!fillers.is_empty(), "could not fill the storage");
    app.type_into(NOTE_TEXT, "，第二段写在存储已满时").await;
    let status = app
        .wait_for_text(SAVE_STATUS, |text| text.contains("保存失败"))
        .await;
    assert!(
        status.contains("存储空间已满") && status.contains("将自动重试"),
        "{status}"
    );
    assert_eq!(
        value_of(&app, NOTE_TEXT).await,
        "第一段，第二段写在存储已满时"
    );
    assert_eq!(
        stored(&app, NOTES_KEY).await.as_deref(),
        Some(saved_before.as_str()),
        "the failed save damaged what was already saved"
    );
    app.screenshot("quota-exceeded").await;

    free_storage(&app, &fillers).await;
    wait_for_stored(&app, "held the second text after the retry", |raw| {
        raw.contains("第二段写在存储已满时")
    })
    .await;
    app.wait_for_text(SAVE_STATUS, |text| text.contains("已保存"))
        .await;
    app.assert_no_panic().await;
}

#[tokio::test]
async fn unreadable_stored_values_are_backed_up_offered_and_the_app_still_starts() {
    let [item] = <[String; 1]>::try_from(task_ids(1)).unwrap();
    let app = App::start().await;
    open_item(&app, &item).await;
    let unreadable = [
        "{\"format\":\"planboard-notes\",\"version\":2,\"notes\":{\"x\":{\"te",
        "{\"theme\":\"dark\"}",
        "{\"format\":\"planboard-notes\",\"version\":9,\"notes\":{}}",
    ];
    for (round, raw) in unreadable.iter().enumerate() {
        store(&app, NOTES_KEY, raw).await;
        app.reload().await;
        app.wait_for_app().await;
        let banner = app.text("[data-testid=\"notes-banner\"]").await;
        assert!(banner.contains("无法读取"), "{banner}");
        let backups = keys_with_prefix(&app, BACKUP_PREFIX).await;
        assert_eq!(backups.len(), round + 1, "backups: {backups:?}");
        let kept: Vec<String> = backup_values(&app, &backups).await;
        assert!(
            kept.iter().any(|value| value == raw),
            "{raw} was not kept: {kept:?}"
        );
    }

    open_notes_page(&app).await;
    assert_eq!(app.count("[data-testid=\"notes-backup\"]").await, 3);
    let href = app
        .attr("[data-testid=\"notes-backup-download\"]", "href")
        .await
        .unwrap_or_default();
    assert!(href.starts_with("blob:"), "not a download link: {href}");
    assert_eq!(blob_text(&app, &href).await, unreadable[0]);

    // Writing notes again works, and the backups stay.
    open_item(&app, &item).await;
    app.type_into(NOTE_TEXT, "重新开始").await;
    wait_for_stored(&app, "held the new note", |raw| raw.contains("重新开始")).await;
    assert_eq!(keys_with_prefix(&app, BACKUP_PREFIX).await.len(), 3);
    app.assert_no_panic().await;
}

/// The raw texts kept under the backup keys (stored as JSON strings).
async fn backup_values(app: &App, keys: &[String]) -> Vec<String> {
    let mut values = Vec::new();
    for key in keys {
        let stored = stored(app, key).await.unwrap_or_default();
        values.push(serde_json::from_str::<String>(&stored).unwrap_or(stored));
    }
    values
}

#[tokio::test]
async fn an_older_format_version_is_migrated_on_load() {
    let [item] = <[String; 1]>::try_from(task_ids(1)).unwrap();
    let app = App::start().await;
    open_item(&app, &item).await;
    let version_1 = json!({
        "format": "planboard-notes", "version": 1, "saved_at_ms": 1_700_000_000_000_i64,
        "notes": { &item: "旧版本写的笔记" }
    });
    store(&app, NOTES_KEY, &version_1.to_string()).await;
    app.reload().await;
    app.wait_for_app().await;
    wait_for_value(&app, NOTE_TEXT, |text| text == "旧版本写的笔记").await;
    wait_for_stored(&app, "were rewritten as version 2", |raw| {
        raw.contains("\"version\":2")
    })
    .await;
    let saved = stored_json(&app).await;
    assert_eq!(saved["notes"][&item]["text"], "旧版本写的笔记");
    assert_eq!(
        saved["notes"][&item]["updated_at_ms"],
        1_700_000_000_000_i64
    );
    assert!(keys_with_prefix(&app, BACKUP_PREFIX).await.is_empty());
    assert_eq!(app.count("[data-testid=\"notes-banner\"]").await, 0);
}

#[tokio::test]
async fn two_tabs_editing_at_once_lose_neither_tab_s_edits() {
    let [first, second] = <[String; 2]>::try_from(task_ids(2)).unwrap();
    let app = App::start().await;
    let client = app.client();
    let tab_a = client.window().await.expect("window handle");
    open_item(&app, &first).await;
    let tab_b = client.new_window(true).await.expect("a second tab").handle;
    client
        .switch_to_window(tab_b.clone())
        .await
        .expect("switch to tab B");
    open_item(&app, &second).await;

    // B types, and A types before B's debounced save has necessarily run.
    app.type_into(NOTE_TEXT, "乙标签页的笔记").await;
    client
        .switch_to_window(tab_a.clone())
        .await
        .expect("switch to tab A");
    app.type_into(NOTE_TEXT, "甲标签页的笔记").await;
    wait_for_stored(&app, "held both tabs' notes", |raw| {
        raw.contains("甲标签页的笔记") && raw.contains("乙标签页的笔记")
    })
    .await;

    // Each tab shows the other's note without a reload (merged from `storage` events).
    open_item(&app, &second).await;
    wait_for_value(&app, NOTE_TEXT, |text| text == "乙标签页的笔记").await;
    client
        .switch_to_window(tab_b.clone())
        .await
        .expect("switch to tab B");
    open_item(&app, &first).await;
    wait_for_value(&app, NOTE_TEXT, |text| text == "甲标签页的笔记").await;

    // An edit in A of the note B shows appears in B.
    client
        .switch_to_window(tab_a)
        .await
        .expect("switch to tab A");
    open_item(&app, &first).await;
    app.type_into(NOTE_TEXT, "，补充").await;
    client
        .switch_to_window(tab_b)
        .await
        .expect("switch to tab B");
    wait_for_value(&app, NOTE_TEXT, |text| text == "甲标签页的笔记，补充").await;
    let saved = stored_json(&app).await;
    assert_eq!(saved["notes"][&first]["text"], "甲标签页的笔记，补充");
    assert_eq!(saved["notes"][&second]["text"], "乙标签页的笔记");
    app.assert_no_panic().await;
}
