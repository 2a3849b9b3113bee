//! A task's status as the report states it: a status column (`完成状态`, `是否完成`),
//! or the words a completion cell opens with (`已完成。…`, `基本完成,…`, `【未完成】…`).
//!
//! Only a verdict counts: the word must stand alone, ended by punctuation, a bracket or
//! the cell's end. `已完成投资5亿元` opens with 已完成 but reports an amount, and a
//! `未` anywhere else in the prose (`未完成的3项正在整改`) is never read as an outcome.

use planboard_model::Status;

/// Verdict words and the status each states, longest first so `基本完成` is not read as
/// `完成`.
const VERDICTS: &[(&str, Status)] = &[
    ("未能按期完成", Status::NotCompleted),
    ("未按期完成", Status::NotCompleted),
    ("未能完成", Status::NotCompleted),
    ("尚未完成", Status::NotCompleted),
    ("未完成", Status::NotCompleted),
    ("基本完成", Status::MostlyCompleted),
    ("全面完成", Status::Completed),
    ("超额完成", Status::Completed),
    ("提前完成", Status::Completed),
    ("已经完成", Status::Completed),
    ("已完成", Status::Completed),
    ("完成", Status::Completed),
    ("持续推进", Status::Ongoing),
    ("长期推进", Status::Ongoing),
    ("持续实施", Status::Ongoing),
    ("进度滞后", Status::Lagging),
    ("推进滞后", Status::Lagging),
    ("滞后", Status::Lagging),
    ("序时推进", Status::Reported),
    ("按序时推进", Status::Reported),
    ("按序时进度推进", Status::Reported),
    ("正常推进", Status::Reported),
    ("有序推进", Status::Reported),
    ("按计划推进", Status::Reported),
    ("推进中", Status::Reported),
    ("进行中", Status::Reported),
];

/// Characters that end a verdict word.
fn ends_verdict(c: char) -> bool {
    matches!(
        c,
        '。' | '，'
            | ','
            | '；'
            | ';'
            | '：'
            | ':'
            | '、'
            | '！'
            | '!'
            | '.'
            | '（'
            | '('
            | '）'
            | ')'
            | '】'
            | ']'
            | '」'
            | '/'
    ) || c.is_whitespace()
}

/// Opening marks a verdict may stand in: `【已完成】`, `[基本完成]`, `「未完成」`.
fn opening_mark(c: char) -> bool {
    matches!(c, '【' | '[' | '「' | '〔' | '（' | '(')
}

/// The status a completion text opens with, if it opens with a verdict.
pub fn opening_outcome(text: &str) -> Option<Status> {
    let text = text
        .trim_start()
        .trim_start_matches(opening_mark)
        .trim_start();
    VERDICTS.iter().find_map(|(word, status)| {
        let rest = text.strip_prefix(word)?;
        rest.chars()
            .next()
            .is_none_or(ends_verdict)
            .then_some(*status)
    })
}

/// The status a status column's cell states: a verdict word, or `是`/`否` in a
/// `是否完成` column. `None` for an empty cell or words that state no status (the
/// cell is kept on the record as printed).
pub fn column_outcome(cell: &str) -> Option<Status> {
    let compact: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    match compact.as_str() {
        "" => None,
        "是" | "√" | "✓" => Some(Status::Completed),
        "否" | "×" | "✗" => Some(Status::NotCompleted),
        _ => opening_outcome(&compact),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_open_the_text() {
        assert_eq!(opening_outcome("已完成。全年新增"), Some(Status::Completed));
        assert_eq!(
            opening_outcome("基本完成,主体工程已完工"),
            Some(Status::MostlyCompleted)
        );
        assert_eq!(
            opening_outcome("【未完成】受征迁影响"),
            Some(Status::NotCompleted)
        );
        assert_eq!(opening_outcome("未完成"), Some(Status::NotCompleted));
        assert_eq!(opening_outcome("持续推进。"), Some(Status::Ongoing));
    }

    #[test]
    fn prose_is_not_a_verdict() {
        assert_eq!(opening_outcome("已完成投资5亿元"), None);
        assert_eq!(opening_outcome("已完成《平湖市老旧小区改造方案》"), None);
        assert_eq!(opening_outcome("完成省级农田数字化改造"), None);
        assert_eq!(opening_outcome("项目尚有3项未完成,正在整改"), None);
        assert_eq!(opening_outcome("全市未完成的事项"), None);
    }

    #[test]
    fn status_columns() {
        assert_eq!(column_outcome("是"), Some(Status::Completed));
        assert_eq!(column_outcome(" 否 "), Some(Status::NotCompleted));
        assert_eq!(column_outcome("序时推进"), Some(Status::Reported));
        assert_eq!(column_outcome("进度滞后"), Some(Status::Lagging));
        assert_eq!(column_outcome("基本完成"), Some(Status::MostlyCompleted));
        assert_eq!(column_outcome("见附件"), None);
        assert_eq!(column_outcome(""), None);
    }
}
