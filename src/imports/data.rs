//! The data every view reads: the published files plus the documents imported in this
//! browser, merged by the import worker (links and threads computed again over all of
//! them) whenever the stored list changes.
//!
//! With nothing imported the published data are shown as they are and the worker is
//! never started, so a visit that imports nothing fetches none of it.

use std::sync::Arc;

use leptos::context::Provider;
use leptos::prelude::*;
use planboard_importer::error::ImportError;
use planboard_importer::local::{LocalOutcome, LocalSource};
use planboard_importer::protocol::{Job, Outcome};
use planboard_model::{parse_dataset, Index};

use super::state::use_imports;
use super::worker::ask;
use crate::i18n::tr;
use crate::state::AppData;

/// The stored sources and what became of each in the merge, for the import page.
#[derive(Clone, Default)]
pub struct LocalDocuments {
    /// In import order.
    pub sources: Arc<Vec<LocalSource>>,
    /// One per source, same order.
    pub outcomes: Arc<Vec<LocalOutcome>>,
}

/// The local documents provided beside the combined [`AppData`].
pub fn use_local_documents() -> LocalDocuments {
    use_context::<LocalDocuments>().unwrap_or_default()
}

/// A merge the worker finished, for the list of sources it was asked about.
#[derive(Clone)]
struct Merged {
    sources: Vec<LocalSource>,
    data: AppData,
    locals: LocalDocuments,
}

/// Draws `page` with the combined data in context, and draws it again whenever a
/// document is imported or removed (here or in another tab).
pub fn with_local_documents<V>(
    published: AppData,
    page: impl Fn() -> V + Send + Sync + 'static,
) -> impl IntoView
where
    V: IntoView + 'static,
{
    let imports = use_imports();
    let page = Arc::new(page);
    let merged: RwSignal<Option<Merged>> = RwSignal::new(None);
    let fallback = published.clone();
    Effect::new(move |_| {
        let sources = imports.sources.get();
        if !sources.is_empty() {
            request_merge(sources, fallback.clone(), merged);
        }
    });
    move || {
        let sources = imports.sources.get();
        let current = merged.with(|merged| {
            merged
                .as_ref()
                .filter(|merged| merged.sources == sources)
                .cloned()
        });
        let (data, locals) = match current {
            _ if sources.is_empty() => (published.clone(), LocalDocuments::default()),
            Some(merged) => (merged.data, merged.locals),
            None => {
                return view! {
                    <p class="loading" data-testid="loading-imports" role="status">
                        {tr("正在合并本浏览器中导入的文件…", "Merging the documents imported in this browser…")}
                    </p>
                }
                .into_any()
            }
        };
        let page = Arc::clone(&page);
        view! {
            <Provider value=data>
                <Provider value=locals>{page()}</Provider>
            </Provider>
        }
        .into_any()
    }
}

/// Asks the worker to merge `sources` into the published data; when it cannot, the
/// published data are shown and every stored document is listed as unreadable with
/// the reason (kept in storage, nothing lost).
fn request_merge(sources: Vec<LocalSource>, published: AppData, merged: RwSignal<Option<Merged>>) {
    let asked = sources.clone();
    ask(Job::Merge { sources }, None, move |answer| {
        let result = match answer {
            Ok(answer) => match answer.outcome {
                Outcome::Merged {
                    data_files,
                    outcomes,
                } => combined(&data_files).map(|data| (data, outcomes)),
                Outcome::Failed { message } => Err(message),
                _ => Err("导入程序的回复不对应合并请求".to_owned()),
            },
            Err(reason) => Err(format!("导入程序未能运行（{reason}）")),
        };
        let (data, outcomes) = match result {
            Ok(done) => done,
            Err(reason) => {
                let outcomes = asked
                    .iter()
                    .map(|source| {
                        LocalOutcome::Unreadable(ImportError::new(
                            &source.file_name,
                            0,
                            format!(
                                "暂时无法合并：{reason}；文件仍保存在本浏览器中，刷新页面可重试"
                            ),
                        ))
                    })
                    .collect();
                (published, outcomes)
            }
        };
        let locals = LocalDocuments {
            sources: Arc::new(asked.clone()),
            outcomes: Arc::new(outcomes),
        };
        let _ = merged.try_set(Some(Merged {
            sources: asked,
            data,
            locals,
        }));
    });
}

fn combined(data_files: &[String]) -> Result<AppData, String> {
    let [documents, tasks, projects, plan, links] = data_files else {
        return Err(format!(
            "导入程序送回 {} 个数据文件，应为 5 个",
            data_files.len()
        ));
    };
    let mut dataset = parse_dataset(documents, tasks, projects, plan, links)
        .map_err(|error| error.to_string())?;
    let merged_links = Arc::new(std::mem::take(&mut dataset.links));
    let index = Index::new(&dataset);
    Ok(AppData {
        dataset: Arc::new(dataset),
        index: Arc::new(index),
        merged_links: Some(merged_links),
    })
}
