//! The documents imported in this browser, each with a link to its tasks and 移除.

use leptos::prelude::*;
use planboard_importer::local::{LocalOutcome, LocalSource};
use planboard_model::{Filter, Route, View};

use super::data::use_local_documents;
use super::state::{use_imports, Done, ImportsState};
use crate::i18n::{lang, tr};
use crate::state::{href, use_data};

/// The table of local documents (or a line saying there are none).
#[component]
pub(super) fn LocalDocumentList() -> impl IntoView {
    let locals = use_local_documents();
    let imports = use_imports();
    let refused: RwSignal<Option<String>> = RwSignal::new(None);
    let rows = locals
        .sources
        .iter()
        .zip(locals.outcomes.iter())
        .enumerate()
        .map(|(position, (source, outcome))| {
            view! { <LocalRow position source=source.clone() outcome=outcome.clone() imports refused /> }
        })
        .collect_view();
    let count = locals.sources.len();
    view! {
        <section class="import-list" aria-labelledby="import-list-heading" data-testid="import-list">
            <h2 id="import-list-heading">
                {lang().pick(format!("本地导入的文件（{count}）"), format!("Documents imported here ({count})"))}
            </h2>
            <p class="section-note">
                {tr(
                    "只保存在本浏览器中。主题脉络和跨文件关联按已发布的文件和这些文件一起重新计算。",
                    "Kept in this browser only. Threads and cross-document links are computed again over the published documents and these together.",
                )}
            </p>
            {move || refused.get().map(|message| view! {
                <p class="import-refused" role="alert" data-testid="import-remove-error">{message}</p>
            })}
            {if count == 0 {
                view! {
                    <p class="empty" data-testid="import-list-empty">
                        {tr("还没有导入任何文件。", "Nothing has been imported yet.")}
                    </p>
                }
                    .into_any()
            } else {
                view! {
                    <table class="import-documents">
                        <thead>
                            <tr>
                                <th scope="col">{tr("文件名", "File")}</th>
                                <th scope="col">{tr("类型", "Kind")}</th>
                                <th scope="col">{tr("年度", "Year")}</th>
                                <th scope="col">{tr("导入时间", "Imported")}</th>
                                <th scope="col">{tr("任务", "Tasks")}</th>
                                <th scope="col"><span class="visually-hidden">{tr("操作", "Actions")}</span></th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
                    .into_any()
            }}
        </section>
    }
}

#[component]
fn LocalRow(
    position: usize,
    source: LocalSource,
    outcome: LocalOutcome,
    imports: ImportsState,
    refused: RwSignal<Option<String>>,
) -> impl IntoView {
    let data = use_data();
    let file_name = source.file_name.clone();
    let remove = move |_| {
        let question = lang().pick(
            format!("移除 {file_name}？\n其条目上的笔记会保留，在「我的笔记」中显示为找不到条目。"),
            format!("Remove {file_name}?\nNotes on its items are kept; My notes lists them as items not found."),
        );
        if !window().confirm_with_message(&question).unwrap_or(false) {
            return;
        }
        match imports.remove(position) {
            Ok(()) => imports.tell(Done::Removed {
                file_name: file_name.clone(),
            }),
            Err(message) => refused.set(Some(message)),
        }
    };
    let imported_at = local_time(&source.imported_at);
    let (kind, year, tasks) = match &outcome {
        LocalOutcome::Merged(id) => {
            let document = data.index.document(id);
            let count = data
                .dataset
                .tasks
                .iter()
                .filter(|t| &t.document == id)
                .count();
            let route = Route {
                view: View::Tasks,
                filter: Filter {
                    doc: vec![id.clone()],
                    ..Filter::default()
                },
                ..Route::default()
            };
            (
                document.map_or("", |d| d.kind.label(lang())).into_any(),
                document
                    .map(|d| d.year.to_string())
                    .unwrap_or_default()
                    .into_any(),
                view! { <a href=href(&route) data-testid="import-tasks-link">{count}</a> }
                    .into_any(),
            )
        }
        LocalOutcome::Unreadable(error) => (
            view! {
                <span class="import-refused">{tr("无法读取：", "Cannot be read: ")}</span>
                <code lang="zh-CN">{error.to_string()}</code>
            }
            .into_any(),
            "".into_any(),
            "".into_any(),
        ),
    };
    view! {
        <tr data-testid="import-row">
            <td lang="zh-CN">{source.file_name.clone()}</td>
            <td>{kind}</td>
            <td class="num">{year}</td>
            <td>{imported_at}</td>
            <td class="num">{tasks}</td>
            <td>
                <button type="button" data-testid="import-remove" on:click=remove>
                    {tr("移除", "Remove")}
                    <span class="visually-hidden" lang="zh-CN">{format!(" {}", source.file_name)}</span>
                </button>
            </td>
        </tr>
    }
}

/// `2026-11-23T04:15:00.000Z` in the reader's zone, `2026-11-23 12:15`; the stored
/// text itself when it is not a time.
fn local_time(iso: &str) -> String {
    let ms = js_sys::Date::parse(iso);
    if ms.is_nan() {
        return iso.to_owned();
    }
    let offset =
        -(js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms)).get_timezone_offset() as i32);
    planboard_notes::local_date_time(ms as i64, offset)
}
