//! Offline use and updates: registers the service worker (`sw.js`, written by
//! scripts/post-build.sh) and, when a newer build has been downloaded and is waiting,
//! shows 新版本可用 with a button that switches to it.
//!
//! The worker is optional: a browser without service workers, an insecure origin or a
//! failed registration only costs offline use, so each failure is logged, never shown.

use js_sys::Reflect;
use leptos::logging::warn;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

use crate::i18n::tr;

/// Relative, so the worker's scope is the folder index.html is served from, at any
/// sub-path of the host.
const WORKER_SCRIPT: &str = "./sw.js";
/// What the worker listens for to take over from the running build.
const SKIP_WAITING: &str = "skip-waiting";

/// The worker of a newer build, installed and waiting for the reader's word.
type WaitingWorker = RwSignal<Option<ServiceWorker>, LocalStorage>;

/// Registers the service worker once the page has loaded, and offers a waiting update.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let waiting: WaitingWorker = RwSignal::new_local(None);
    // Set only by the 更新 button: the first install also changes the controller (the
    // worker claims the page) and must not reload it.
    let update_requested = RwSignal::new(false);
    if let Some(container) = service_worker_container() {
        watch_controller_change(&container, update_requested);
        when_page_loaded(move || {
            leptos::task::spawn_local(register(container, waiting));
        });
    }
    let update = move |_| {
        if let Some(worker) = waiting.get_untracked() {
            update_requested.set(true);
            if let Err(error) = worker.post_message(&JsValue::from_str(SKIP_WAITING)) {
                warn!("planboard: could not start the update: {error:?}");
            }
        }
    };
    view! {
        <Show when=move || waiting.with(Option::is_some)>
            <div class="update-banner" role="status" data-testid="update-banner">
                <span>{tr("新版本可用", "A new version is available")}</span>
                <button
                    type="button"
                    data-testid="update-button"
                    title=tr(
                        "载入新版本。笔记保存在本机浏览器（localStorage）中，更新不会改动它们。",
                        "Load the new version. Your notes are kept in this browser (localStorage); the update leaves them as they are.",
                    )
                    on:click=update
                >
                    {tr("更新", "Update")}
                </button>
            </div>
        </Show>
    }
}

/// `navigator.serviceWorker`, absent in old browsers and on insecure origins.
fn service_worker_container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    let present = Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
        .is_ok_and(|value| !value.is_undefined() && !value.is_null());
    present.then(|| navigator.service_worker())
}

/// Registering after `load` keeps the precaching downloads from competing with the
/// first visit's own.
fn when_page_loaded(action: impl FnOnce() + 'static) {
    if document().ready_state() == "complete" {
        action();
        return;
    }
    let on_load = Closure::once_into_js(action);
    let listener = on_load.unchecked_ref::<js_sys::Function>();
    if window()
        .add_event_listener_with_callback("load", listener)
        .is_err()
    {
        warn!("planboard: cannot wait for the page to load; the app stays online-only");
    }
}

fn watch_controller_change(container: &ServiceWorkerContainer, update_requested: RwSignal<bool>) {
    let on_change = Closure::<dyn Fn()>::new(move || {
        if update_requested.get_untracked() {
            let _ = window().location().reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    // Lives as long as the page: the container holds the only reference.
    on_change.forget();
}

async fn register(container: ServiceWorkerContainer, waiting: WaitingWorker) {
    let registration = match JsFuture::from(container.register(WORKER_SCRIPT)).await {
        Ok(registration) => registration.unchecked_into::<ServiceWorkerRegistration>(),
        Err(error) => {
            warn!("planboard: no offline use, the service worker did not register: {error:?}");
            return;
        }
    };
    // A newer build downloaded during an earlier visit may already be waiting.
    if let Some(worker) = registration.waiting() {
        if container.controller().is_some() {
            waiting.set(Some(worker));
        }
    }
    let found_registration = registration.clone();
    let on_update_found = Closure::<dyn Fn()>::new(move || {
        if let Some(installing) = found_registration.installing() {
            offer_when_installed(installing, container.clone(), waiting);
        }
    });
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();
}

/// A newly found worker is offered once installed, unless it is the very first one (no
/// page controlled yet): that one simply takes over, there is nothing to update from.
fn offer_when_installed(
    worker: ServiceWorker,
    container: ServiceWorkerContainer,
    waiting: WaitingWorker,
) {
    let watched = worker.clone();
    let on_state_change = Closure::<dyn Fn()>::new(move || {
        if watched.state() == ServiceWorkerState::Installed && container.controller().is_some() {
            waiting.set(Some(watched.clone()));
        }
    });
    worker.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
    on_state_change.forget();
}
