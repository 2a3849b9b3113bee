//! The data every view reads: the published files plus the documents imported in this
//! browser, rebuilt (dataset and index) whenever the stored list changes.

use std::sync::Arc;

use leptos::context::Provider;
use leptos::prelude::*;
use planboard_importer::local::{merge, LocalOutcome, LocalSource};
use planboard_model::Index;

use super::state::use_imports;
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

/// The published data with `sources` merged in; the published data as they are when
/// nothing was imported (no copy, no second index).
fn combine(published: &AppData, sources: &[LocalSource]) -> (AppData, LocalDocuments) {
    if sources.is_empty() {
        return (published.clone(), LocalDocuments::default());
    }
    let merged = merge(&published.dataset, sources);
    let index = Index::new(&merged.dataset);
    let data = AppData {
        dataset: Arc::new(merged.dataset),
        index: Arc::new(index),
    };
    let locals = LocalDocuments {
        sources: Arc::new(sources.to_vec()),
        outcomes: Arc::new(merged.outcomes),
    };
    (data, locals)
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
    move || {
        let (data, locals) = imports.sources.with(|sources| combine(&published, sources));
        let page = Arc::clone(&page);
        view! {
            <Provider value=data>
                <Provider value=locals>{page()}</Provider>
            </Provider>
        }
    }
}
