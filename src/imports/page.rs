//! 导入 (`#/import`): choose a file, see what it holds, accept or cancel; below, the
//! documents imported so far.

use js_sys::{Date, Uint8Array};
use leptos::prelude::*;
use leptos::task::spawn_local;
use planboard_importer::local::{check_size, LocalPreview};
use planboard_importer::period::DocumentDetails;
use planboard_importer::protocol::{Job, Outcome};
use planboard_model::View;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, HtmlInputElement};

use super::details_form::{DetailsForm, NeedsDetails};
use super::list::LocalDocumentList;
use super::pdf;
use super::preview::{items, PreviewPanel};
use super::publish::PublishData;
use super::state::{use_imports, Done, ImportsState};
use super::worker::ask;
use crate::i18n::{lang, tr};
use crate::state::href_view;

/// The files the chooser offers; the content decides the format, never the name.
const ACCEPTED: &str = ".txt,.docx,.xlsx,.xls,.et,.htm,.html,.pdf,.doc,.wps,text/plain";

/// A chosen file and what the importer made of it.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Chosen {
    pub file_name: String,
    pub preview: LocalPreview,
    /// Details the reader gave in the form (stored with the text on acceptance).
    pub details: DocumentDetails,
    /// Time from sending the file to the import worker to its preview, ms.
    pub parse_ms: f64,
    /// Read from a PDF (the preview says PDF import is best-effort).
    pub from_pdf: bool,
}

/// The import page.
#[component]
pub fn ImportPage() -> impl IntoView {
    let imports = use_imports();
    let chosen: RwSignal<Option<Chosen>> = RwSignal::new(None);
    // A file is with the import worker (正在读取…).
    let reading = RwSignal::new(false);
    // `FILE:LINE: message`, as the importer words it.
    let refused: RwSignal<Option<String>> = RwSignal::new(None);
    let needs: RwSignal<Option<NeedsDetails>> = RwSignal::new(None);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let asking = Asking {
        imports,
        chosen,
        refused,
        needs,
        reading,
    };

    let on_change = move |event: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&event);
        let file = input.files().and_then(|files| files.get(0));
        imports.notice.set(None);
        chosen.set(None);
        refused.set(None);
        needs.set(None);
        if let Some(file) = file {
            read_and_preview(file, asking);
        }
    };
    let with_details = move |details: DocumentDetails| {
        if let Some(waiting) = needs.get_untracked() {
            refused.set(None);
            show_preview(waiting, details, asking);
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
                        "可导入责任分解、进展报告、工作报告或规划：Word（.docx）、Excel（.xlsx、.xls）、网页（.htm、.html）、PDF 或文本文件（UTF-8、GBK）。文件在本浏览器中解析，不会上传；导入后只保存在本设备上，与已发布的文件一起出现在各个页面中，可随时移除。",
                        "Import a task breakdown, progress report, work report or plan: Word (.docx), Excel (.xlsx, .xls), a web page (.htm, .html), PDF or a text file (UTF-8, GBK). The file is read in this browser and never uploaded; once imported it is kept on this device only, appears in every view beside the published documents, and can be removed at any time.",
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
                    <label for="import-file">{tr("文件：", "File: ")}</label>
                    <input
                        type="file"
                        id="import-file"
                        accept=ACCEPTED
                        data-testid="import-file"
                        node_ref=input_ref
                        on:change=on_change
                    />
                </p>
                {move || {
                    reading
                        .get()
                        .then(|| {
                            view! {
                                <p class="loading" role="status" data-testid="import-reading">
                                    {tr("正在读取…", "Reading…")}
                                </p>
                            }
                        })
                }}
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
                        .map(|needs| view! { <DetailsForm needs on_submit=with_details /> })
                }}
                {move || {
                    chosen
                        .get()
                        .map(|chosen| view! { <PreviewPanel chosen on_done=clear /> })
                }}
            </section>
            <LocalDocumentList />
            <PublishData />
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

/// The signals a preview request reports into.
#[derive(Clone, Copy)]
struct Asking {
    imports: ImportsState,
    chosen: RwSignal<Option<Chosen>>,
    refused: RwSignal<Option<String>>,
    needs: RwSignal<Option<NeedsDetails>>,
    reading: RwSignal<bool>,
}

/// Reads `file` and has the import worker preview it against the data shown now (so
/// the id it would get avoids the documents imported before it).
fn read_and_preview(file: File, asking: Asking) {
    let file_name = file.name();
    // Asked before reading: a wrong choice (a video, an archive) is not read at all.
    // A text or office file over the importer's limit is refused once read and found
    // not a PDF.
    let size = file.size() as usize;
    if size > pdf::MAX_PDF_BYTES {
        asking.refused.set(Some(pdf::too_large(&file_name, size)));
        return;
    }
    asking.reading.set(true);
    spawn_local(async move {
        let bytes = match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => Uint8Array::new(&buffer).to_vec(),
            Err(_) => {
                let message = lang().pick(
                    format!("{file_name}: 浏览器无法读取这个文件"),
                    format!("{file_name}: the browser could not read this file"),
                );
                let _ = asking.reading.try_set(false);
                let _ = asking.refused.try_set(Some(message));
                return;
            }
        };
        // A PDF is read here, by pdf.js (the worker has no DOM to run it); the worker
        // gets its lines.
        let (bytes, places) = if pdf::is_pdf(&bytes) {
            match pdf::read_lines(&bytes).await {
                Ok(read) => (read.text.into_bytes(), read.places),
                Err(message) => {
                    let _ = asking.reading.try_set(false);
                    let _ = asking
                        .refused
                        .try_set(Some(format!("{file_name}: {message}")));
                    return;
                }
            }
        } else {
            if let Err(error) = check_size(&file_name, bytes.len()) {
                let _ = asking.reading.try_set(false);
                let _ = asking.refused.try_set(Some(error.to_string()));
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
        show_preview(waiting, DocumentDetails::default(), asking);
    });
}

/// Previews `waiting` with `details` in the import worker: the preview, or the form
/// when details are missing (pre-filled with what the text states and what was
/// typed), or the refusal. The bytes stay here too, for a second try with details.
fn show_preview(waiting: NeedsDetails, details: DocumentDetails, asking: Asking) {
    let started = Date::now();
    let sources = asking.imports.sources.get_untracked();
    let (job, bytes) = if waiting.places.is_empty() {
        let job = Job::Preview {
            file_name: waiting.file_name.clone(),
            details: details.clone(),
            sources,
        };
        (job, Some(waiting.bytes.clone()))
    } else {
        let text = String::from_utf8_lossy(&waiting.bytes);
        let lines = waiting
            .places
            .iter()
            .cloned()
            .zip(text.lines().map(str::to_owned))
            .collect();
        let job = Job::Lines {
            file_name: waiting.file_name.clone(),
            format: "pdf".to_owned(),
            lines,
            details: details.clone(),
            sources,
        };
        (job, None)
    };
    let _ = asking.reading.try_set(true);
    ask(job, bytes, move |answer| {
        let parse_ms = Date::now() - started;
        // The page may have been redrawn meanwhile (another tab imported): then these
        // signals are gone and the result has no one to show it to.
        let _ = asking.reading.try_set(false);
        let outcome = match answer {
            Ok(answer) => answer.outcome,
            Err(reason) => {
                let _ = asking.refused.try_set(Some(lang().pick(
                    format!("{}: 导入程序未能运行（{reason}），未作任何改动；请再选一次文件，或刷新页面后重试", waiting.file_name),
                    format!("{}: the importer did not run ({reason}); nothing was changed. Choose the file again, or reload the page and try again", waiting.file_name),
                )));
                return;
            }
        };
        match outcome {
            Outcome::Preview { preview } => {
                let _ = asking.needs.try_set(None);
                let _ = asking.chosen.try_set(Some(Chosen {
                    file_name: waiting.file_name,
                    preview: *preview,
                    details,
                    parse_ms,
                    from_pdf: !waiting.places.is_empty(),
                }));
            }
            Outcome::Refused { error, stated } if !error.missing.is_empty() => {
                let _ = asking.needs.try_set(Some(NeedsDetails {
                    stated,
                    missing: error.missing,
                    ..waiting
                }));
            }
            Outcome::Refused { error, .. } => {
                let _ = asking.refused.try_set(Some(error.to_string()));
            }
            Outcome::Failed { message } => {
                let _ = asking.refused.try_set(Some(message));
            }
            Outcome::Merged { .. } | Outcome::Published { .. } => {}
        }
    });
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
