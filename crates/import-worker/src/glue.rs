//! Messages in and out of the worker. Every failure becomes a `Failed` reply, so the
//! page is never left waiting on a request the worker could not read.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
use planboard_importer::protocol::{Outcome, Reply, Request};
use planboard_model::{parse_dataset, Dataset, DATA_FILES};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, RequestCache, RequestInit, Response};

thread_local! {
    /// The published data, fetched on the first request and kept for the worker's
    /// life (the page, too, reads them once per visit).
    static PUBLISHED: RefCell<Option<Rc<Dataset>>> = const { RefCell::new(None) };
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Listens for requests, then tells the page it is ready: messages posted before the
/// wasm had started would have found no listener.
pub fn start() {
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        spawn_local(answer(event));
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page that started it.
    on_message.forget();
    let ready = Object::new();
    let _ = Reflect::set(&ready, &"ready".into(), &JsValue::TRUE);
    let _ = scope().post_message(&ready);
}

async fn answer(event: MessageEvent) {
    let data = event.data();
    let text = Reflect::get(&data, &"request".into())
        .ok()
        .and_then(|value| value.as_string())
        .unwrap_or_default();
    let bytes = Reflect::get(&data, &"bytes".into())
        .ok()
        .and_then(|value| value.dyn_into::<ArrayBuffer>().ok())
        .map(|buffer| Uint8Array::new(&buffer).to_vec());
    let request: Request = match serde_json::from_str(&text) {
        Ok(request) => request,
        Err(error) => {
            let id = Reflect::get(&data, &"id".into())
                .ok()
                .and_then(|value| value.as_f64())
                .unwrap_or_default() as u32;
            let message = format!("导入程序看不懂页面的请求（{error}）；请刷新页面");
            return post(id, Outcome::Failed { message }, None);
        }
    };
    let published = match published().await {
        Ok(published) => published,
        Err(message) => return post(request.id, Outcome::Failed { message }, None),
    };
    let done = import_worker::run(request.job, bytes.as_deref(), &published);
    post(request.id, done.outcome, done.bytes);
}

fn post(id: u32, outcome: Outcome, bytes: Option<Vec<u8>>) {
    let json = serde_json::to_string(&Reply { id, outcome }).unwrap_or_else(|error| {
        let failed = Reply {
            id,
            outcome: Outcome::Failed {
                message: format!("导入程序无法写出结果（{error}）"),
            },
        };
        serde_json::to_string(&failed).unwrap_or_default()
    });
    let message = Object::new();
    let _ = Reflect::set(&message, &"reply".into(), &json.into());
    let transfer = Array::new();
    if let Some(bytes) = bytes {
        let buffer = Uint8Array::from(bytes.as_slice()).buffer();
        let _ = Reflect::set(&message, &"bytes".into(), &buffer);
        transfer.push(&buffer);
    }
    if scope()
        .post_message_with_transfer(&message, &transfer)
        .is_err()
    {
        let _ = scope().post_message(&message);
    }
}

async fn published() -> Result<Rc<Dataset>, String> {
    if let Some(known) = PUBLISHED.with(|cell| cell.borrow().clone()) {
        return Ok(known);
    }
    let mut texts = Vec::with_capacity(DATA_FILES.len());
    for file in DATA_FILES {
        texts.push(fetch_text(file).await?);
    }
    let dataset = parse_dataset(&texts[0], &texts[1], &texts[2], &texts[3], &texts[4])
        .map_err(|error| error.to_string())?;
    let dataset = Rc::new(dataset);
    PUBLISHED.with(|cell| *cell.borrow_mut() = Some(Rc::clone(&dataset)));
    Ok(dataset)
}

/// `data/<file>`, relative to the worker's script, which sits beside index.html.
async fn fetch_text(file: &str) -> Result<String, String> {
    let unreachable = |error: JsValue| {
        let detail = error
            .dyn_ref::<js_sys::Error>()
            .map(|error| String::from(error.message()))
            .unwrap_or_default();
        format!("无法读取已发布的数据 data/{file}（{detail}）")
    };
    let init = RequestInit::new();
    init.set_cache(RequestCache::NoCache);
    let response: Response =
        JsFuture::from(scope().fetch_with_str_and_init(&format!("data/{file}"), &init))
            .await
            .map_err(unreachable)?
            .dyn_into()
            .map_err(unreachable)?;
    if !response.ok() {
        return Err(format!(
            "无法读取已发布的数据 data/{file}（HTTP {}）",
            response.status()
        ));
    }
    let text = JsFuture::from(response.text().map_err(unreachable)?)
        .await
        .map_err(unreachable)?;
    text.as_string()
        .ok_or_else(|| format!("data/{file} 不是文本"))
}
