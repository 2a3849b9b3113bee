//! When deferred work of the 任务 view runs: right after the browser has painted the
//! current change, or when it is idle.
//!
//! A keystroke's own frame should carry only what the reader looks at: the rows that
//! fit the window. The URL write, the facet counts and the rows below the window follow
//! a moment later, where they no longer delay the first result.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// How long work left for an idle moment may wait before it runs anyway (a busy page
/// never becomes idle).
const IDLE_TIMEOUT_MS: u32 = 50;

/// Runs `task` in the first task after the next paint: the animation frame comes
/// before the paint, a zero timeout set from it after.
pub fn after_paint(task: impl FnOnce() + 'static) {
    request_animation_frame(move || {
        // Without a timer the task does not run; callers make sure a later change
        // catches up (see `ListRoute::write_now`, `FacetPanel`).
        let _ = set_timeout_with_handle(task, Duration::ZERO);
    });
}

/// Runs `task` when the browser is idle (`requestIdleCallback`, in Chromium since 47),
/// or after the current frame where it has no such call (Safari).
pub fn when_idle(task: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(task);
    let window = window();
    let idle = js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback"))
        .ok()
        .and_then(|found| found.dyn_into::<js_sys::Function>().ok());
    if let Some(idle) = idle {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &options,
            &JsValue::from_str("timeout"),
            &JsValue::from(IDLE_TIMEOUT_MS),
        );
        if idle.call2(&window, &callback, &options).is_ok() {
            return;
        }
    }
    let _ =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
}
