//! Importing a JSON export: pick a file, read the preview, confirm or cancel.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos::task::spawn_local;
use planboard_notes::{
    preview_import, FormatError, ImportPreview, ItemLabel, NoteBook, MAX_IMPORT_BYTES,
};

use super::download::{picked_file, read_text};
use super::items::excerpt;
use super::state::{now_ms, use_notes};

/// A computed preview and what it was computed against.
#[derive(Clone, PartialEq)]
struct PendingImport {
    file_name: String,
    snapshot: NoteBook,
    preview: ImportPreview,
}

/// File picker, preview of what would change, explicit confirmation. Nothing changes
/// before 确认导入, and nothing at all when the file is refused.
#[component]
pub fn ImportPanel(labels: StoredValue<HashMap<String, ItemLabel>>) -> impl IntoView {
    let notes = use_notes();
    let pending = RwSignal::new(None::<PendingImport>);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);

    let on_file = move |event: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&event);
        pending.set(None);
        error.set(None);
        done.set(None);
        let Some((file, handle)) = picked_file(&input) else {
            return;
        };
        // Let the same file be picked again after a cancel.
        input.set_value("");
        if file.size > MAX_IMPORT_BYTES as f64 {
            let refused = FormatError::TooLarge {
                bytes: file.size as usize,
                limit: MAX_IMPORT_BYTES,
            };
            error.set(Some(refusal(&file.name, &refused.to_string())));
            return;
        }
        spawn_local(async move {
            let text = match read_text(&handle).await {
                Ok(text) => text,
                Err(problem) => return error.set(Some(refusal(&file.name, &problem))),
            };
            let snapshot = notes.book().get_untracked();
            match preview_import(&snapshot, &text, now_ms()) {
                Ok(preview) => pending.set(Some(PendingImport {
                    file_name: file.name,
                    snapshot,
                    preview,
                })),
                Err(problem) => error.set(Some(refusal(&file.name, &problem.to_string()))),
            }
        });
    };

    let confirm = move |_| {
        if let Some(import) = pending.get_untracked() {
            notes.apply_import(&import.snapshot, &import.preview.merged);
            let preview = &import.preview;
            done.set(Some(format!(
                "已导入“{}”：新增 {} 条，更新 {} 条，冲突 {} 条（已保留较新版本）。",
                import.file_name,
                preview.added.len(),
                preview.updated.len(),
                preview.conflicts.len()
            )));
            pending.set(None);
        }
    };

    view! {
        <section class="notes-import" aria-labelledby="notes-import-heading">
            <h2 id="notes-import-heading">"导入笔记"</h2>
            <p class="muted">
                "选择从 planboard 导出的 JSON 文件。导入前会列出将要发生的变化；每条笔记以较新的修改为准，不会静默覆盖。"
            </p>
            <label class="note-field">
                "选择文件 "
                <input type="file" accept=".json,application/json" data-testid="notes-import-file" on:change=on_file />
            </label>
            {move || error.get().map(|message| view! {
                <p class="notes-error" role="alert" data-testid="import-error">{message}</p>
            })}
            {move || done.get().map(|message| view! {
                <p class="notes-done" role="status" data-testid="import-done">{message}</p>
            })}
            {move || pending.get().map(|import| view! {
                <PreviewView import labels on_confirm=confirm on_cancel=move |_| pending.set(None) />
            })}
        </section>
    }
}

fn refusal(file_name: &str, problem: &str) -> String {
    format!("无法导入“{file_name}”：{problem}。笔记未作任何改动。")
}

#[component]
fn PreviewView(
    import: PendingImport,
    labels: StoredValue<HashMap<String, ItemLabel>>,
    on_confirm: impl Fn(leptos::ev::MouseEvent) + 'static,
    on_cancel: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let preview = import.preview;
    let title = move |id: &str| {
        labels.with_value(|labels| {
            labels.get(id).map_or_else(
                || format!("{id}（条目已不在当前数据中）"),
                |label| excerpt(&label.title, 40),
            )
        })
    };
    let id_list = move |ids: &[String]| {
        ids.iter()
            .map(|id| view! { <li data-item-id=id.clone()>{title(id)}</li> })
            .collect_view()
    };
    let count = |testid: &'static str, label: &'static str, n: usize| {
        view! { <li data-testid=testid data-count=n>{format!("{label} {n} 条")}</li> }
    };
    let changes = preview.changes_anything();
    view! {
        <div class="import-preview" data-testid="import-preview" role="region" aria-label="导入预览">
            <h3>{format!("导入预览：{}", import.file_name)}</h3>
            {preview.migrated_from.map(|version| view! {
                <p class="muted">{format!("文件为旧版本格式（版本 {version}），已按当前格式读取。")}</p>
            })}
            <ul class="import-counts">
                {count("import-added", "新增", preview.added.len())}
                {count("import-updated", "更新（文件中的版本较新）", preview.updated.len())}
                {count("import-unchanged", "内容相同", preview.unchanged.len())}
                {count("import-kept-local", "保留本机（本机版本较新）", preview.kept_local.len())}
                {count("import-conflicts", "冲突", preview.conflicts.len())}
                {count("import-rejected", "无法导入", preview.rejected.len())}
            </ul>
            {(!preview.added.is_empty()).then(|| view! {
                <details><summary>"新增的笔记"</summary><ul>{id_list(&preview.added)}</ul></details>
            })}
            {(!preview.updated.is_empty()).then(|| view! {
                <details><summary>"将被更新的笔记"</summary><ul>{id_list(&preview.updated)}</ul></details>
            })}
            {(!preview.kept_local.is_empty()).then(|| view! {
                <details><summary>"保留本机版本的笔记"</summary><ul>{id_list(&preview.kept_local)}</ul></details>
            })}
            {(!preview.conflicts.is_empty()).then(|| view! {
                <div class="import-conflicts">
                    <h4>"冲突：两边在相近时间都修改过，将保留较新的版本"</h4>
                    <ul>
                        {preview.conflicts.iter().map(|conflict| view! {
                            <li data-item-id=conflict.item_id.clone() data-testid="import-conflict">
                                <strong>{title(&conflict.item_id)}</strong>
                                <p>"保留："</p>
                                <blockquote class="note-text-plain">{conflict.kept.text.clone()}</blockquote>
                                <p>"不采用："</p>
                                <blockquote class="note-text-plain">{conflict.other.text.clone()}</blockquote>
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            {(!preview.rejected.is_empty()).then(|| view! {
                <div class="import-rejected">
                    <h4>"无法导入的笔记（不会导入）"</h4>
                    <ul>
                        {preview.rejected.iter().map(|rejected| view! {
                            <li data-testid="import-rejected-note">
                                <code>{excerpt(&rejected.item_id, 60)}</code>"：" {rejected.reason.to_string()}
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            {(!changes).then(|| view! { <p>"导入这个文件不会改变任何笔记。"</p> })}
            <p>
                <button type="button" data-testid="import-confirm" disabled=!changes on:click=on_confirm>
                    "确认导入"
                </button>
                " "
                <button type="button" data-testid="import-cancel" on:click=on_cancel>
                    "取消"
                </button>
            </p>
        </div>
    }
}
