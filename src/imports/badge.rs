//! The mark on a document the reader imported in this browser.

use leptos::prelude::*;
use planboard_model::SourceDocument;

use crate::i18n::tr;

/// "本地导入" beside a locally imported document's name; nothing for a published one.
pub fn local_badge(document: &SourceDocument) -> Option<impl IntoView> {
    document.imported_locally.as_ref().map(|_| {
        view! {
            <span
                class="local-badge"
                data-testid="local-badge"
                title=tr(
                    "这份文件是在本浏览器中导入的，只保存在本设备上",
                    "This document was imported in this browser and is kept on this device only",
                )
            >
                {tr("本地导入", "imported locally")}
            </span>
        }
    })
}
