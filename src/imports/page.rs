//! 导入 (`#/import`): choose a file, see what it holds, accept or cancel; below, the
//! documents imported so far.

use std::sync::Arc;

use js_sys::{Date, Uint8Array};
use leptos::prelude::*;
use leptos::task::spawn_local;
use planboard_importer::local::{check_size, preview, stated_details, LocalPreview};
use planboard_importer::period::DocumentDetails;
use planboard_model::{Dataset, View};
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, HtmlInputElement};

use super::details_form::{DetailsForm, NeedsDetails};
use super::list::LocalDocumentList;
use super::pdf;
use super::preview::{items, PreviewPanel};
use super::state::{use_imports, Done};
use crate::i18n::{lang, tr};
use crate::state::{href_view, use_data};

/// A chosen file and what the importer made of it.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Chosen {
    pub file_name: String,
    pub preview: LocalPreview,
    /// Details the reader gave in the form (stored with the text on acceptance).
    pub details: DocumentDetails,
    /// Time the importer took in this browser (decode, detect, parse, assemble), ms.
    pub parse_ms: f64,
    /// For a PDF, where each line of the rebuilt text is in it; else empty.
    pub places: Vec<String>,
}

/// The import page.
#[component]
pub fn ImportPage() -> impl IntoView {
    let imports = use_imports();
    let data = use_data();
    let chosen: RwSignal<Option<Chosen>> = RwSignal::new(None);
    // `FILE:LINE: message`, as the importer words it.
    let refused: RwSignal<Option<String>> = RwSignal::new(None);
    let needs: RwSignal<Option<NeedsDetails>> = RwSignal::new(None);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let dataset = data.dataset.clone();

    let on_change = move |event: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&event);
        let file = input.files().and_then(|files| files.get(0));
        imports.notice.set(None);
        chosen.set(None);
        refused.set(None);
        needs.set(None);
        if let Some(file) = file {
            read_and_preview(file, dataset.clone(), chosen, refused, needs);
        }
    };
    let dataset = data.dataset.clone();
    let with_details = move |details: DocumentDetails| {
        if let Some(waiting) = needs.get_untracked() {
            refused.set(None);
            show_preview(&dataset, waiting, details, chosen, refused, needs);
        }
    };
    let clear = move || {
        chosen.set(None);
        refused.set(None);
        needs.set(None);
        if let Some(input) = input_ref.get_untracked() {
            input.set_value("");
        }
    };

    view! {
        <div class="view import-page">
            <div class="page-head">
                <h1>{tr("导入文件", "Import a document")}</h1>
                <p class="page-lede">
                    {tr(
                        "可导入新的政府工作报告责任分解或半年进展报告（UTF-8 文本文件，或有文字层的 PDF）。文件在本浏览器中解析，不会上传；导入后只保存在本设备上，与已发布的文件一起出现在各个页面中，可随时移除。",
                        "Import a new task breakdown or half-year progress report (a UTF-8 text file, or a PDF with a text layer). The file is read in this browser and never uploaded; once imported it is kept on this device only, appears in every view beside the published documents, and can be removed at any time.",
                    )}
                </p>
            </div>
            <StorageProblemNotice />
            {move || {
                imports
                    .notice()
                    .map(|notice| {
                        view! {
                            <p class="import-notice" role="status" data-testid="import-notice">
                                {done_message(notice)}
                            </p>
                        }
                    })
            }}
            <section class="import-choose" aria-labelledby="import-choose-heading">
                <h2 id="import-choose-heading">{tr("选择文件", "Choose a file")}</h2>
                <p class="import-file-field">
                    <label for="import-file">{tr("文本文件（.txt）或 PDF：", "Text file (.txt) or PDF: ")}</label>
                    <input
                        type="file"
                        id="import-file"
                        accept=".txt,text/plain,.pdf,application/pdf"
                        data-testid="import-file"
                        node_ref=input_ref
                        on:change=on_change
                    />
                </p>
                {move || {
                    refused
                        .get()
                        .map(|message| {
                            view! {
                                <div class="import-refused" role="alert" data-testid="import-error">
                                    <p>
                                        {tr(
                                            "无法导入这个文件，未作任何改动：",
                                            "This file cannot be imported; nothing was changed:",
                                        )}
                                    </p>
                                    <p>
                                        <code lang="zh-CN">{message}</code>
                                    </p>
                                </div>
                            }
                        })
                }}
                {move || {
                    needs
                        .get()
                        .map(|needs| view! { <DetailsForm needs on_submit=with_details.clone() /> })
                }}
                {move || {
                    chosen
                        .get()
                        .map(|chosen| view! { <PreviewPanel chosen on_done=clear /> })
                }}
            </section>
            <LocalDocumentList />
        </div>
    }
}

/// What was just done, in the interface language; the file name as the reader gave it.
fn done_message(done: Done) -> impl IntoView {
    let (before, file_name, after) = match done {
        Done::Imported { file_name, tasks } => (
            tr("已导入 ", "Imported "),
            file_name,
            lang().pick(
                format!("（{tasks} 项任务）。"),
                format!(" ({}).", items(tasks)),
            ),
        ),
        Done::Removed { file_name } => (
            tr("已移除 ", "Removed "),
            file_name,
            tr("。", ".").to_owned(),
        ),
    };
    view! { {before} <span lang="zh-CN">{file_name}</span> {after} }
}

/// Reads `file` and previews it against the data shown now (so the id it would get
/// avoids the documents imported before it).
fn read_and_preview(
    file: File,
    dataset: Arc<Dataset>,
    chosen: RwSignal<Option<Chosen>>,
    refused: RwSignal<Option<String>>,
    needs: RwSignal<Option<NeedsDetails>>,
) {
    let file_name = file.name();
    // Asked before reading: a wrong choice (a video, an archive) is not read at all.
    // A text file over the importer's limit is refused once read and found not a PDF.
    let size = file.size() as usize;
    if size > pdf::MAX_PDF_BYTES {
        refused.set(Some(pdf::too_large(&file_name, size)));
        return;
    }
    spawn_local(async move {
        let bytes = match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => Uint8Array::new(&buffer).to_vec(),
            Err(_) => {
                let message = lang().pick(
                    format!("{file_name}: 浏览器无法读取这个文件"),
                    format!("{file_name}: the browser could not read this file"),
                );
                let _ = refused.try_set(Some(message));
                return;
            }
        };
        let (bytes, places) = if pdf::is_pdf(&bytes) {
            match pdf::read_lines(&bytes).await {
                Ok(read) => (read.text.into_bytes(), read.places),
                Err(message) => {
                    let _ = refused.try_set(Some(format!("{file_name}: {message}")));
                    return;
                }
            }
        } else {
            if let Err(error) = check_size(&file_name, bytes.len()) {
                let _ = refused.try_set(Some(error.to_string()));
                return;
            }
            (bytes, Vec::new())
        };
        let waiting = NeedsDetails {
            file_name,
            bytes,
            places,
            stated: DocumentDetails::default(),
            missing: Vec::new(),
        };
        show_preview(
            &dataset,
            waiting,
            DocumentDetails::default(),
            chosen,
            refused,
            needs,
        );
    });
}

/// Previews `waiting` with `details`: the preview, or the form when details are
/// missing (pre-filled with what the text states and what was typed), or the refusal.
fn show_preview(
    dataset: &Dataset,
    waiting: NeedsDetails,
    details: DocumentDetails,
    chosen: RwSignal<Option<Chosen>>,
    refused: RwSignal<Option<String>>,
    needs: RwSignal<Option<NeedsDetails>>,
) {
    let started = Date::now();
    let result = preview(dataset, &waiting.file_name, &waiting.bytes, &details);
    let parse_ms = Date::now() - started;
    // The page may have been redrawn meanwhile (another tab imported): then these
    // signals are gone and the result has no one to show it to.
    match result {
        Ok(preview) => {
            let _ = needs.try_set(None);
            let _ = chosen.try_set(Some(Chosen {
                file_name: waiting.file_name,
                preview,
                details,
                parse_ms,
                places: waiting.places,
            }));
        }
        Err(error) if !error.missing.is_empty() => {
            let text = String::from_utf8_lossy(&waiting.bytes);
            let stated = stated_details(&text).overridden_by(&details);
            let _ = needs.try_set(Some(NeedsDetails {
                stated,
                missing: error.missing,
                ..waiting
            }));
        }
        Err(error) if !waiting.places.is_empty() => {
            let message = pdf::locate(&error.file, error.line, &error.message, &waiting.places);
            let _ = refused.try_set(Some(message));
        }
        Err(error) => {
            let _ = refused.try_set(Some(error.to_string()));
        }
    }
}

/// Said when the stored imports could not be read at start.
#[component]
fn StorageProblemNotice() -> impl IntoView {
    let imports = use_imports();
    move || {
        imports.storage_problem().map(|problem| {
            let kept = match &problem.backup_key {
                Some(key) => view! {
                    {tr("原内容已原样另存为 ", "The value was kept as it was under ")}
                    <code>{key.clone()}</code>
                    {tr("。", ".")}
                }
                .into_any(),
                None => tr(
                    "原内容未能另存（存储空间不足）；为免覆盖，暂停导入和移除。",
                    "It could not be backed up (storage full); to avoid overwriting it, importing and removing are paused.",
                )
                .into_any(),
            };
            view! {
                <div class="import-refused" role="alert" data-testid="import-storage-problem">
                    <p>
                        {tr(
                            "本浏览器中保存的导入文件无法读取：",
                            "The documents imported in this browser could not be read: ",
                        )}
                        <code>{problem.detail.clone()}</code>
                    </p>
                    <p>{kept}</p>
                </div>
            }
        })
    }
}

/// A line on every page when the stored imports could not be read at start, so the
/// reader who misses their documents learns why and where to look.
#[component]
pub fn ImportsBanner() -> impl IntoView {
    let imports = use_imports();
    move || {
        imports.storage_problem().map(|_| {
            view! {
                <div class="notes-banner" role="alert" data-testid="imports-banner">
                    {tr(
                        "本浏览器中保存的导入文件无法读取，原内容已尽量保留。详见",
                        "The documents imported in this browser could not be read; what was stored has been kept where possible. See ",
                    )}
                    <a href=href_view(View::Import)>{tr("「导入」", "Import")}</a>
                    {tr("。", ".")}
                </div>
            }
        })
    }
}
