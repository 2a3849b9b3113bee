//! The page's side of the import worker (crates/import-worker): reading files,
//! merging the stored documents and building the publish bundle all run there, off
//! the page's thread and out of the first load: the worker and its wasm are fetched
//! the first time something here asks for them.
//!
//! One worker per page, started on first use. Requests posted before it says it is
//! ready wait in a queue; when it cannot start (its files unreachable, wasm refused),
//! every waiting request gets the reason, and the next request tries a new worker.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
use planboard_importer::protocol::{Job, Outcome, Reply, Request};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

/// The worker's answer, with the bytes that rode along (the zip of a publish).
pub struct Answer {
    pub outcome: Outcome,
    pub bytes: Option<Vec<u8>>,
}

type OnReply = Box<dyn FnOnce(Result<Answer, String>)>;

struct Client {
    worker: Worker,
    ready: bool,
    /// (message, transfer list) posted once the worker is ready.
    queued: Vec<(JsValue, Array)>,
    waiting: HashMap<u32, OnReply>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
    static NEXT_ID: RefCell<u32> = const { RefCell::new(1) };
}

/// The script that starts the worker, beside index.html (copied by index.html).
const LOADER: &str = "./import-worker-loader.js";

/// Sends `job` (and `bytes`, transferred) to the worker; `on_reply` gets its answer,
/// or why there is none, exactly once.
pub fn ask(
    job: Job,
    bytes: Option<Vec<u8>>,
    on_reply: impl FnOnce(Result<Answer, String>) + 'static,
) {
    let id = NEXT_ID.with(|next| {
        let mut next = next.borrow_mut();
        *next = next.wrapping_add(1);
        *next
    });
    let json = match serde_json::to_string(&Request { id, job }) {
        Ok(json) => json,
        Err(error) => return on_reply(Err(error.to_string())),
    };
    let message = Object::new();
    let _ = Reflect::set(&message, &"id".into(), &id.into());
    let _ = Reflect::set(&message, &"request".into(), &json.into());
    let transfer = Array::new();
    if let Some(bytes) = bytes {
        let buffer = Uint8Array::from(bytes.as_slice()).buffer();
        let _ = Reflect::set(&message, &"bytes".into(), &buffer);
        transfer.push(&buffer);
    }
    let started = CLIENT.with(|client| {
        let mut client = client.borrow_mut();
        if client.is_none() {
            *client = Some(start()?);
        }
        Ok::<(), String>(())
    });
    if let Err(reason) = started {
        return on_reply(Err(reason));
    }
    CLIENT.with(|client| {
        if let Some(client) = client.borrow_mut().as_mut() {
            client.waiting.insert(id, Box::new(on_reply));
            if client.ready {
                post(&client.worker, &message.into(), &transfer);
            } else {
                client.queued.push((message.into(), transfer));
            }
        }
    });
}

fn post(worker: &Worker, message: &JsValue, transfer: &Array) {
    if worker
        .post_message_with_transfer(message, transfer)
        .is_err()
    {
        let _ = worker.post_message(message);
    }
}

fn start() -> Result<Client, String> {
    let worker = Worker::new(LOADER).map_err(|error| describe(&error))?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        received(event.data());
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(|event: ErrorEvent| {
        event.prevent_default();
        fail_all(&event.message());
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Ok(Client {
        worker,
        ready: false,
        queued: Vec::new(),
        waiting: HashMap::new(),
    })
}

fn received(data: JsValue) {
    let field = |name: &str| Reflect::get(&data, &name.into()).ok();
    if field("ready").is_some_and(|ready| ready.is_truthy()) {
        CLIENT.with(|client| {
            if let Some(client) = client.borrow_mut().as_mut() {
                client.ready = true;
                for (message, transfer) in client.queued.drain(..) {
                    post(&client.worker, &message, &transfer);
                }
            }
        });
        return;
    }
    if let Some(reason) = field("startFailed").and_then(|value| value.as_string()) {
        return fail_all(&reason);
    }
    let Some(json) = field("reply").and_then(|value| value.as_string()) else {
        return;
    };
    let Ok(reply) = serde_json::from_str::<Reply>(&json) else {
        return fail_all("导入程序的回复无法读取");
    };
    let bytes = field("bytes")
        .and_then(|value| value.dyn_into::<ArrayBuffer>().ok())
        .map(|buffer| Uint8Array::new(&buffer).to_vec());
    // Taken out before calling: the callback may ask again.
    let waiting = CLIENT.with(|client| {
        client
            .borrow_mut()
            .as_mut()
            .and_then(|client| client.waiting.remove(&reply.id))
    });
    if let Some(on_reply) = waiting {
        on_reply(Ok(Answer {
            outcome: reply.outcome,
            bytes,
        }));
    }
}

/// The worker is gone: every waiting request is told why, and the next starts anew.
fn fail_all(reason: &str) {
    let gone = CLIENT.with(|client| client.borrow_mut().take());
    let Some(client) = gone else { return };
    client.worker.terminate();
    for (_, on_reply) in client.waiting {
        on_reply(Err(reason.to_owned()));
    }
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_default()
}
