//! planboard: an offline, static-hosted app for following a city government's
//! commitments. Client-side Leptos; the data are fetched from `data/` at run time.

mod app;
mod components;
mod data_loader;
mod i18n;
mod imports;
mod lazy_pages;
mod notes;
mod pages;
mod state;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
