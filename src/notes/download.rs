//! Files made in the page for download (exports, backups) and files the reader picks
//! (imports).

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::i18n::tr;

/// MIME type of the JSON exports and backups.
pub const JSON_MIME: &str = "application/json;charset=utf-8";
/// MIME type of the CSV export.
pub const CSV_MIME: &str = "text/csv;charset=utf-8";

/// An object URL for `text` as a file of type `mime`. The caller revokes it.
pub fn object_url(text: &str, mime: &str) -> Result<String, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    web_sys::Url::create_object_url_with_blob(&blob)
}

/// Offers `text` for download as `file_name`, as if the reader clicked a link to it.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let url = object_url(text, mime)?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.set_hidden(true);
    let body = document()
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&link)?;
    link.click();
    link.remove();
    // Revoking at once can cancel the download in some browsers; a minute is plenty.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}

/// A download link to `text` (the URL lives as long as the link).
#[component]
pub fn DownloadLink(
    text: String,
    file_name: String,
    #[prop(default = JSON_MIME)] mime: &'static str,
    #[prop(optional, into)] testid: String,
    children: Children,
) -> impl IntoView {
    let url = object_url(&text, mime).unwrap_or_default();
    let revoke = url.clone();
    on_cleanup(move || {
        let _ = web_sys::Url::revoke_object_url(&revoke);
    });
    view! {
        <a class="download-link" href=url download=file_name data-testid=testid>
            {children()}
        </a>
    }
}

/// A file the reader picked.
pub struct PickedFile {
    pub name: String,
    pub size: f64,
}

/// The first file chosen in a file `<input>`, without reading it.
pub fn picked_file(input: &web_sys::HtmlInputElement) -> Option<(PickedFile, JsValue)> {
    // Read through `Reflect` because the app's web-sys build has no `File`/`FileList`
    // bindings; the properties used are plain, long-standing DOM API.
    let files = js_sys::Reflect::get(input, &JsValue::from_str("files")).ok()?;
    let file = js_sys::Reflect::get(&files, &JsValue::from_f64(0.0)).ok()?;
    if file.is_undefined() || file.is_null() {
        return None;
    }
    let name = js_sys::Reflect::get(&file, &JsValue::from_str("name"))
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_default();
    let size = js_sys::Reflect::get(&file, &JsValue::from_str("size"))
        .ok()
        .and_then(|size| size.as_f64())
        .unwrap_or(0.0);
    Some((PickedFile { name, size }, file))
}

/// The text of a picked file (`Blob.text()`, decoded as UTF-8); the error is worded in
/// the interface language of the moment.
pub async fn read_text(file: &JsValue) -> Result<String, String> {
    let text = js_sys::Reflect::get(file, &JsValue::from_str("text"))
        .ok()
        .and_then(|method| method.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| unreadable_file().to_owned())?;
    let promise = text
        .call0(file)
        .ok()
        .and_then(|promise| promise.dyn_into::<js_sys::Promise>().ok())
        .ok_or_else(|| unreadable_file().to_owned())?;
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| tr("读取文件失败", "reading the file failed").to_owned())
}

fn unreadable_file() -> &'static str {
    tr("浏览器无法读取该文件", "the browser cannot read this file")
}
