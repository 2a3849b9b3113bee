//! One component per view; the router in `app.rs` picks one from the route.

pub mod item;
pub mod tasks;
