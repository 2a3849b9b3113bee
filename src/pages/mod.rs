//! One component per view; the router in `app.rs` picks one from the route.

pub mod bulletin;
pub mod compare;
pub mod departments;
pub mod item;
pub mod lag;
pub mod leaders;
pub mod overview;
pub mod pace;
pub mod plan;
pub mod plan_results;
pub mod plan_tables;
pub mod projects;
pub mod tasks;
pub mod threads;
