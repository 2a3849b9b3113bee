//! Private notes in the browser: the editor on item pages, the 我的笔记 page, and the
//! storage behind them. Everything decidable without a browser (format, migration,
//! merge, import, export, queries) is in the `planboard-notes` crate; this module adds
//! localStorage, other tabs' `storage` events, timers and components.
//!
//! The shell calls [`provide_notes`] once; item pages show [`NoteEditor`]; the router
//! shows [`NotesPage`] for `#/notes`; [`NotesBanner`] tells the reader on any page when
//! stored notes could not be read.

mod alerts;
pub mod download;
pub mod editor;
mod facets;
mod import_panel;
mod items;
pub mod page;
mod state;
pub mod storage;
mod sync;

pub use alerts::NotesBanner;
pub use editor::NoteEditor;
pub use facets::{note_filter, NoteFacets};
pub use page::NotesPage;
pub use state::{provide_notes, today, use_notes};

/// Link target of the 我的笔记 page.
pub const NOTES_HREF: &str = "#/notes";
