//! English counts for the analysis views (`1 link`, `7 links`); Chinese counts need no
//! plural and are written inline with their measure word.

/// `n` with its noun, singular for one: `counted(1, "thread", "threads")` → `1 thread`.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}
