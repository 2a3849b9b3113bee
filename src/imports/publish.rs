//! 生成发布数据包: the data files with this browser's imported documents included as
//! published ones, zipped by the import worker and saved through the browser's
//! download, for an office to put into `data/` of its copy of the app.

use js_sys::{Array, Uint8Array};
use leptos::prelude::*;
use planboard_importer::protocol::{Job, Outcome};
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

use super::state::use_imports;
use super::worker::ask;
use crate::i18n::{lang, tr};

/// What the last press of the button came to.
#[derive(Clone, Debug, PartialEq)]
enum Publishing {
    Working,
    Saved { file_name: String, summary: String },
    Failed(String),
}

#[component]
pub(super) fn PublishData() -> impl IntoView {
    let imports = use_imports();
    let state: RwSignal<Option<Publishing>> = RwSignal::new(None);
    let publish = move |_| {
        state.set(Some(Publishing::Working));
        let sources = imports.sources.get_untracked();
        ask(Job::Publish { sources }, None, move |answer| {
            let result = match answer {
                Ok(answer) => match (answer.outcome, answer.bytes) {
                    (Outcome::Published { file_name, summary }, Some(zip)) => {
                        save(&file_name, &zip).map(|()| Publishing::Saved { file_name, summary })
                    }
                    (Outcome::Refused { error, .. }, _) => Err(error.to_string()),
                    (Outcome::Failed { message }, _) => Err(message),
                    _ => Err("导入程序的回复不对应发布请求".to_owned()),
                },
                Err(reason) => Err(format!("导入程序无法启动（{reason}）")),
            };
            let _ = state.try_set(Some(result.unwrap_or_else(Publishing::Failed)));
        });
    };
    let has_imports = move || imports.sources.with(|sources| !sources.is_empty());
    view! {
        <section class="import-publish" aria-labelledby="import-publish-heading">
            <h2 id="import-publish-heading">{tr("发布给读者", "Publish to readers")}</h2>
            <p class="section-note">
                {tr(
                    "把本浏览器中导入的文件与已发布的数据合成一套数据文件（.zip），不需要安装任何程序：把其中的文件放进网站副本的 data/ 目录，每位访问者都会看到这些文件。包内的",
                    "Combine the documents imported in this browser with the published data into one set of data files (.zip), with nothing to install: put its files into data/ of the site's copy and every visitor sees them. The ",
                )}
                <span lang="zh-CN">"说明.txt"</span>
                {tr("写明了步骤。", " file inside says how.")}
            </p>
            <p>
                <button
                    type="button"
                    data-testid="publish-data"
                    disabled=move || !has_imports() || state.get() == Some(Publishing::Working)
                    on:click=publish
                >
                    {tr("下载发布用的数据包", "Download the data bundle")}
                </button>
            </p>
            {move || {
                state
                    .get()
                    .map(|state| match state {
                        Publishing::Working => view! {
                            <p class="loading" role="status">{tr("正在生成…", "Building…")}</p>
                        }
                        .into_any(),
                        Publishing::Saved { file_name, summary } => view! {
                            <div role="status" data-testid="publish-done">
                                <p>
                                    {tr("已生成 ", "Saved ")}<code>{file_name}</code>
                                    {tr("，包含：", ", holding:")}
                                </p>
                                <pre lang="zh-CN">{summary}</pre>
                            </div>
                        }
                        .into_any(),
                        Publishing::Failed(message) => view! {
                            <p class="import-refused" role="alert" data-testid="publish-error">
                                {lang().pick("未能生成数据包：".to_owned(), "The bundle could not be built: ".to_owned())}
                                <code lang="zh-CN">{message}</code>
                            </p>
                        }
                        .into_any(),
                    })
            }}
        </section>
    }
}

/// Saves `bytes` as `file_name` through a temporary link to a Blob (Chromium 86 too).
fn save(file_name: &str, bytes: &[u8]) -> Result<(), String> {
    let failed = |_| "浏览器无法保存文件".to_owned();
    let parts = Array::of1(&Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type("application/zip");
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(failed)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let link: HtmlAnchorElement = document()
        .create_element("a")
        .map_err(failed)?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // Revoked once the download has taken the Blob.
    set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}
