//! 导出 CSV / 导出 JSON: the current filtered list as a file, every match (not only the
//! rows on screen), with the filter in the file name.

use leptos::prelude::*;
use planboard_model::export::{export_file_name, to_csv, to_json};
use planboard_model::{Filter, QueryResult};

use crate::i18n::tr;
use crate::notes::download::{download_text, CSV_MIME, JSON_MIME};
use crate::notes::today;
use crate::state::use_data;

/// Two buttons exporting `result`'s matches, selected by `filter`.
#[component]
pub fn ExportButtons(result: Memo<QueryResult>, filter: Memo<Filter>) -> impl IntoView {
    let data = use_data();
    let failed = RwSignal::new(false);
    let export = move |ext: &'static str| {
        let data = data.clone();
        move |_| {
            let text = result.with_untracked(|result| {
                filter.with_untracked(|filter| match ext {
                    "csv" => to_csv(&data.index, &data.dataset, &result.matches),
                    _ => {
                        let exported_at = String::from(js_sys::Date::new_0().to_iso_string());
                        to_json(
                            &data.index,
                            &data.dataset,
                            &result.matches,
                            filter,
                            &exported_at,
                        )
                    }
                })
            });
            let name = filter.with_untracked(|filter| export_file_name(filter, ext, &today()));
            let mime = if ext == "csv" { CSV_MIME } else { JSON_MIME };
            failed.set(download_text(&name, mime, &text).is_err());
        }
    };
    view! {
        <div
            class="export-buttons"
            role="group"
            aria-label=tr("导出当前列表", "Export the current list")
        >
            <button type="button" class="link-button" data-testid="export-csv" on:click=export("csv")>
                {tr("导出 CSV", "Export CSV")}
            </button>
            <button type="button" class="link-button" data-testid="export-json" on:click=export("json")>
                {tr("导出 JSON", "Export JSON")}
            </button>
            <Show when=move || failed.get()>
                <span class="export-error" role="alert">
                    {tr("浏览器未能生成下载文件。", "The browser could not make the file.")}
                </span>
            </Show>
        </div>
    }
}
