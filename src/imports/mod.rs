//! Documents the reader imports in the browser (`#/import`): a chosen text file is
//! parsed by the importer's own code compiled into the app, previewed with its line
//! accounting, and on acceptance stored in `localStorage` and shown in every view
//! beside the published documents until removed.
//!
//! Everything decidable without a browser (decoding, detection, parsing, ids, merging)
//! is in `planboard_importer::local`; this module adds storage, state and components.
//! The shell calls [`provide_imports`] once and draws the routed page through
//! [`with_local_documents`].

mod badge;
mod data;
mod details_form;
mod list;
mod page;
mod pdf;
mod preview;
mod state;
mod storage;

pub use badge::local_badge;
pub use data::with_local_documents;
pub use page::{ImportPage, ImportsBanner};
pub use state::provide_imports;
