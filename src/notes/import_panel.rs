//! Importing a JSON export: pick a file, read the preview, confirm or cancel.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos::task::spawn_local;
use planboard_notes::{
    preview_import, FormatError, ImportPreview, ItemLabel, NoteBook, RejectReason, MAX_IMPORT_BYTES,
};

use super::download::{picked_file, read_text};
use super::items::excerpt;
use super::state::{now_ms, use_notes};
use crate::i18n::text_lang;
use crate::i18n::{lang, tr};

/// A file that was refused, and why (worded when refused: the panel is redrawn, and
/// emptied, by a language switch).
#[derive(Clone, PartialEq)]
struct Refusal {
    file_name: String,
    problem: String,
}

/// What a confirmed import did.
#[derive(Clone, PartialEq)]
struct Imported {
    file_name: String,
    added: usize,
    updated: usize,
    conflicts: usize,
}

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
    let error = RwSignal::new(None::<Refusal>);
    let done = RwSignal::new(None::<Imported>);

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
            error.set(Some(refusal(&file.name, refused.message(lang()))));
            return;
        }
        spawn_local(async move {
            let text = match read_text(&handle).await {
                Ok(text) => text,
                Err(problem) => return error.set(Some(refusal(&file.name, problem))),
            };
            let snapshot = notes.book().get_untracked();
            match preview_import(&snapshot, &text, now_ms()) {
                Ok(preview) => pending.set(Some(PendingImport {
                    file_name: file.name,
                    snapshot,
                    preview,
                })),
                Err(problem) => error.set(Some(refusal(&file.name, problem.message(lang())))),
            }
        });
    };

    let confirm = move |_| {
        if let Some(import) = pending.get_untracked() {
            notes.apply_import(&import.snapshot, &import.preview.merged);
            let preview = &import.preview;
            done.set(Some(Imported {
                file_name: import.file_name.clone(),
                added: preview.added.len(),
                updated: preview.updated.len(),
                conflicts: preview.conflicts.len(),
            }));
            pending.set(None);
        }
    };

    view! {
        <section class="notes-import" aria-labelledby="notes-import-heading">
            <h2 id="notes-import-heading">{tr("导入笔记", "Import notes")}</h2>
            <p class="muted">
                {tr(
                    "选择从 planboard 导出的 JSON 文件。导入前会列出将要发生的变化；每条笔记以较新的修改为准，不会静默覆盖。",
                    "Choose a JSON file exported from planboard. Before anything is imported, the changes are listed; for each note the newer edit wins, and nothing is overwritten silently.",
                )}
            </p>
            <label class="note-field">
                {tr("选择文件 ", "Choose a file ")}
                <input type="file" accept=".json,application/json" data-testid="notes-import-file" on:change=on_file />
            </label>
            {move || error.get().map(|refusal| view! {
                <p class="notes-error" role="alert" data-testid="import-error">
                    {tr("无法导入“", "Cannot import \"")}
                    <FileName name=refusal.file_name />
                    {lang().pick(
                        format!("”：{}。笔记未作任何改动。", refusal.problem),
                        format!("\": {}. Your notes are unchanged.", refusal.problem),
                    )}
                </p>
            })}
            {move || done.get().map(|done| view! {
                <p class="notes-done" role="status" data-testid="import-done">
                    {tr("已导入“", "Imported \"")}
                    <FileName name=done.file_name />
                    {lang().pick(
                        format!(
                            "”：新增 {} 条，更新 {} 条，冲突 {} 条（已保留较新版本）。",
                            done.added, done.updated, done.conflicts
                        ),
                        format!(
                            "\": {} added, {} updated, {} in conflict (the newer version kept).",
                            done.added, done.updated, done.conflicts
                        ),
                    )}
                </p>
            })}
            {move || pending.get().map(|import| view! {
                <PreviewView import labels on_confirm=confirm on_cancel=move |_| pending.set(None) />
            })}
        </section>
    }
}

fn refusal(file_name: &str, problem: String) -> Refusal {
    Refusal {
        file_name: file_name.to_owned(),
        problem,
    }
}

/// Why a note is refused, with the file's own value it quotes marked in its language.
#[component]
fn RejectionReason(reason: RejectReason) -> impl IntoView {
    let message = reason.message(lang());
    let parts = reason.quoted_value().and_then(|value| {
        let (before, after) = message.split_once(value)?;
        Some((before.to_owned(), value.to_owned(), after.to_owned()))
    });
    match parts {
        Some((before, value, after)) => {
            let value_lang = text_lang(&value);
            view! { {before} <span lang=value_lang>{value}</span> {after} }.into_any()
        }
        None => message.into_any(),
    }
}

/// A file's name as the reader's system gave it, marked Chinese when it is.
#[component]
fn FileName(name: String) -> impl IntoView {
    let name_lang = text_lang(&name);
    view! { <span lang=name_lang>{name}</span> }
}

#[component]
fn PreviewView(
    import: PendingImport,
    labels: StoredValue<HashMap<String, ItemLabel>>,
    on_confirm: impl Fn(leptos::ev::MouseEvent) + 'static,
    on_cancel: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let preview = import.preview;
    // An item's title is the document's text; an orphan's id is said in the interface.
    let title = move |id: &str| {
        labels.with_value(|labels| match labels.get(id) {
            Some(label) => {
                view! { <span lang="zh-CN">{excerpt(&label.title, 40)}</span> }.into_any()
            }
            None => lang()
                .pick(
                    format!("{id}（条目已不在当前数据中）"),
                    format!("{id} (item no longer in the data)"),
                )
                .into_any(),
        })
    };
    let id_list = move |ids: &[String]| {
        ids.iter()
            .map(|id| view! { <li data-item-id=id.clone()>{title(id)}</li> })
            .collect_view()
    };
    let count = |testid: &'static str, (zh, en): (&'static str, &'static str), n: usize| {
        let text = lang().pick(format!("{zh} {n} 条"), format!("{en}: {n}"));
        view! { <li data-testid=testid data-count=n>{text}</li> }
    };
    let changes = preview.changes_anything();
    view! {
        <div
            class="notes-import-preview"
            data-testid="import-preview"
            role="region"
            aria-label=tr("导入预览", "Import preview")
        >
            <h3>{tr("导入预览：", "Import preview: ")} <FileName name=import.file_name /></h3>
            {preview.migrated_from.map(|version| view! {
                <p class="muted">
                    {lang().pick(
                        format!("文件为旧版本格式（版本 {version}），已按当前格式读取。"),
                        format!("The file is in an older format (version {version}); it was read into the current one."),
                    )}
                </p>
            })}
            <ul class="notes-import-counts">
                {count("import-added", ("新增", "Added"), preview.added.len())}
                {count(
                    "import-updated",
                    ("更新（文件中的版本较新）", "Updated (the file's version is newer)"),
                    preview.updated.len(),
                )}
                {count("import-unchanged", ("内容相同", "Unchanged"), preview.unchanged.len())}
                {count(
                    "import-kept-local",
                    ("保留本机（本机版本较新）", "Kept as here (this device's version is newer)"),
                    preview.kept_local.len(),
                )}
                {count("import-conflicts", ("冲突", "In conflict"), preview.conflicts.len())}
                {count("import-rejected", ("无法导入", "Cannot be imported"), preview.rejected.len())}
            </ul>
            {(!preview.added.is_empty()).then(|| view! {
                <details>
                    <summary>{tr("新增的笔记", "Notes to add")}</summary>
                    <ul>{id_list(&preview.added)}</ul>
                </details>
            })}
            {(!preview.updated.is_empty()).then(|| view! {
                <details>
                    <summary>{tr("将被更新的笔记", "Notes to update")}</summary>
                    <ul>{id_list(&preview.updated)}</ul>
                </details>
            })}
            {(!preview.kept_local.is_empty()).then(|| view! {
                <details>
                    <summary>{tr("保留本机版本的笔记", "Notes kept as on this device")}</summary>
                    <ul>{id_list(&preview.kept_local)}</ul>
                </details>
            })}
            {(!preview.conflicts.is_empty()).then(|| view! {
                <div class="import-conflicts">
                    <h4>
                        {tr(
                            "冲突：两边在相近时间都修改过，将保留较新的版本",
                            "In conflict: changed on both sides at about the same time; the newer version will be kept",
                        )}
                    </h4>
                    <ul>
                        {preview.conflicts.iter().map(|conflict| view! {
                            <li data-item-id=conflict.item_id.clone() data-testid="import-conflict">
                                <strong>{title(&conflict.item_id)}</strong>
                                <p>{tr("保留：", "Kept:")}</p>
                                <blockquote class="note-text-plain" lang=text_lang(&conflict.kept.text)>
                                    {conflict.kept.text.clone()}
                                </blockquote>
                                <p>{tr("不采用：", "Not used:")}</p>
                                <blockquote class="note-text-plain" lang=text_lang(&conflict.other.text)>
                                    {conflict.other.text.clone()}
                                </blockquote>
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            {(!preview.rejected.is_empty()).then(|| view! {
                <div class="import-rejected">
                    <h4>{tr("无法导入的笔记（不会导入）", "Notes that cannot be imported (left out)")}</h4>
                    <ul>
                        {preview.rejected.iter().map(|rejected| view! {
                            <li data-testid="import-rejected-note">
                                <code>{excerpt(&rejected.item_id, 60)}</code>
                                {tr("：", ": ")}
                                <RejectionReason reason=rejected.reason.clone() />
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            {(!changes).then(|| view! {
                <p>{tr("导入这个文件不会改变任何笔记。", "Importing this file would change no notes.")}</p>
            })}
            <p>
                <button type="button" data-testid="import-confirm" disabled=!changes on:click=on_confirm>
                    {tr("确认导入", "Import")}
                </button>
                " "
                <button type="button" data-testid="import-cancel" on:click=on_cancel>
                    {tr("取消", "Cancel")}
                </button>
            </p>
        </div>
    }
}
