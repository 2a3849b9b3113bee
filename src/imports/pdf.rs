//! PDF files on `#/import`: their text lines, read in the browser by pdf.js through
//! `src/pdf_text.js` (copied with pdf.js into `pdfjs/` of the build by
//! scripts/post-build.sh). Nothing of it is loaded until a PDF is chosen: the script is
//! inserted then, and it loads pdf.js, its worker and the CMaps a file needs.
//!
//! The lines come back with their places (`第 2 页第 14 行`), table rows written
//! `| a | b |`; the page hands them to the import worker as a `lines` job. A PDF is told apart by its content (`%PDF-`
//! within the first kilobyte, where the format allows it), never by its name.

use js_sys::{Array, Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// PDFs carry their fonts and often images, so they may be larger than a text file;
/// only the extracted text is kept, and it is held to the importer's own limit.
pub(super) const MAX_PDF_BYTES: usize = 20 * 1024 * 1024;

/// Relative to the page, like every other file of the build.
const READER_URL: &str = "./pdfjs/pdf-text.js";
/// What `src/pdf_text.js` defines on `window`.
const READER_GLOBAL: &str = "planboardPdfText";

/// The text of a PDF, one line per rebuilt line, and where each line is in the PDF.
pub(super) struct PdfText {
    pub text: String,
    /// `places[n]` is where line `n + 1` of `text` starts.
    pub places: Vec<String>,
}

/// Whether `bytes` are a PDF: the header may follow up to 1024 bytes of other data.
pub(super) fn is_pdf(bytes: &[u8]) -> bool {
    bytes.windows(5).take(1024).any(|window| window == b"%PDF-")
}

/// The refusal of a file too large to be read at all.
pub(super) fn too_large(file_name: &str, bytes: usize) -> String {
    format!(
        "{file_name}: 文件过大({} KB),PDF 最大 {} KB,文本文件最大 {} KB;请确认选的是责任分解或进展报告",
        bytes / 1024,
        MAX_PDF_BYTES / 1024,
        planboard_importer::local::MAX_LOCAL_FILE_BYTES / 1024
    )
}

/// The lines of the PDF in `bytes`, or what is wrong with it (scanned, encrypted,
/// damaged, or the reader could not be loaded), worded for the reader.
pub(super) async fn read_lines(bytes: &[u8]) -> Result<PdfText, String> {
    let reader = load_reader().await?;
    let extract: Function = Reflect::get(&reader, &JsValue::from_str("extract"))
        .ok()
        .and_then(|value| value.dyn_into().ok())
        .ok_or_else(|| "PDF 读取组件不完整,请刷新页面后重试".to_owned())?;
    let promise: Promise = extract
        .call1(&reader, &Uint8Array::from(bytes))
        .map_err(|error| message_of(&error))?
        .dyn_into()
        .map_err(|_| "PDF 读取组件没有返回结果,请刷新页面后重试".to_owned())?;
    let result = JsFuture::from(promise)
        .await
        .map_err(|error| message_of(&error))?;
    let lines = Reflect::get(&result, &JsValue::from_str("lines"))
        .map(|lines| Array::from(&lines))
        .map_err(|error| message_of(&error))?;
    let mut text = String::new();
    let mut places = Vec::with_capacity(lines.length() as usize);
    for line in lines.iter() {
        let line = Array::from(&line);
        let place = line.get(0).as_string().unwrap_or_default();
        let content = line.get(1).as_string().unwrap_or_default();
        // One rebuilt line stays one line of the text, so places stay in step.
        text.push_str(&content.replace(['\n', '\r'], " "));
        text.push('\n');
        places.push(place);
    }
    Ok(PdfText { text, places })
}

/// `window.planboardPdfText`, inserting its script first if it is not there yet.
async fn load_reader() -> Result<JsValue, String> {
    let window = web_sys::window().ok_or_else(|| "没有浏览器窗口".to_owned())?;
    let existing = Reflect::get(&window, &JsValue::from_str(READER_GLOBAL)).unwrap_or_default();
    if existing.is_object() {
        return Ok(existing);
    }
    let not_loaded =
        || "PDF 读取组件未能加载(网络中断,或离线且从未用过 PDF 导入);请联网后重试".to_owned();
    let document = window.document().ok_or_else(not_loaded)?;
    let script = document
        .create_element("script")
        .map_err(|error| message_of(&error))?;
    script
        .set_attribute("src", READER_URL)
        .map_err(|error| message_of(&error))?;
    let loaded = Promise::new(&mut |resolve, reject| {
        let _ = script.add_event_listener_with_callback("load", &resolve);
        let _ = script.add_event_listener_with_callback("error", &reject);
    });
    document
        .head()
        .ok_or_else(not_loaded)?
        .append_child(&script)
        .map_err(|error| message_of(&error))?;
    let outcome = JsFuture::from(loaded).await;
    let reader = Reflect::get(&window, &JsValue::from_str(READER_GLOBAL)).unwrap_or_default();
    if outcome.is_err() || !reader.is_object() {
        // Removed, so that choosing the file again tries again.
        script.remove();
        return Err(not_loaded());
    }
    Ok(reader)
}

/// The message of a JavaScript error (pdf_text.js words its own in Chinese).
fn message_of(error: &JsValue) -> String {
    Reflect::get(error, &JsValue::from_str("message"))
        .ok()
        .and_then(|message| message.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "PDF 无法读取".to_owned())
}
