//! Documents the reader imports in the browser (`#/import`): a chosen file is read by
//! the importer's own code in the import worker (crates/import-worker, started on
//! first use, never part of the first load), previewed with its line accounting, and
//! on acceptance stored in `localStorage` and shown in every view beside the
//! published documents until removed. The worker also merges the stored documents
//! (links and threads computed again over everything) and builds the publish bundle.
//!
//! Everything decidable without a browser (decoding, detection, parsing, ids, merging)
//! is in `planboard_importer`; this module adds storage, state, the worker's client
//! and components.
//! The shell calls [`provide_imports`] once and draws the routed page through
//! [`with_local_documents`].

mod badge;
mod data;
mod details_form;
mod list;
mod page;
mod pdf;
mod preview;
mod publish;
mod state;
mod storage;
mod worker;

pub use badge::local_badge;
pub use data::with_local_documents;
pub use page::{ImportPage, ImportsBanner};
pub use state::provide_imports;
