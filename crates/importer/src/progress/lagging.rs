//! What makes a sentence a supervisor's lagging remark rather than ordinary progress.
//!
//! Progress is what the responsible units report (`完成投资7.75亿…`); a lagging remark
//! is the supervisor's verdict on it (`社零未完成半年度目标`, `…进度慢于半年度目标,要加快
//! 推进`, `…需加强对接`). The verdict always says one of two things: the work is behind
//! (`慢于`, `滞后`, `缓慢`, a target `未完成`/`未达`), or the unit must push harder
//! (`要加快`, `需加强` …). Both parsers use these phrases; where a remark may stand
//! (its own short line, a sentence of a table cell) is decided by each parser.

/// Phrases that say by themselves that the work is behind or must be pushed harder.
///
/// Bare `落后` is deliberately absent: reports use it for obsolete capacity
/// (`淘汰落后用能`), not for lateness; `落后于` (behind schedule) is kept. `末位`
/// is absent too (`末位淘汰` is a management practice, not a verdict).
pub const LAG_PHRASES: &[&str] = &[
    "慢于",
    "滞后",
    "缓慢",
    "偏慢",
    "落后于",
    "低于时序",
    "低于序时",
    "要加快",
    "需加快",
    "须加快",
    "要加大",
    "需加大",
    "要加强",
    "需加强",
    "亟需",
    "亟待",
];

/// `未完成` / `未达` count only when what was missed follows closely (`未完成半年度
/// 目标`, `未达半年度目标`): `剩余3项未完成` alone is a count in a progress report.
const MISSED: &[&str] = &["未完成", "未达"];

/// What a missed item must be for `未完成`/`未达` to be a verdict.
const MISSED_WHAT: &[&str] = &["目标", "任务", "进度", "要求", "时序", "序时"];

/// How many characters after `未完成`/`未达` the missed target may be named
/// (`未完成省定目标`, `未达半年度目标` need five).
const MISSED_WINDOW: usize = 8;

/// Openings of a unit's own plan (`下一步要加快…`): a promise, not a verdict.
const PLAN_OPENINGS: &[&str] = &["下一步", "下步", "下阶段", "下半年"];

/// Whether `text` says the work lags or must be pushed (see [`LAG_PHRASES`]).
pub fn has_lag_phrase(text: &str) -> bool {
    LAG_PHRASES.iter().any(|phrase| text.contains(phrase)) || names_missed_target(text)
}

/// Whether a sentence is a lagging verdict: it has a lag phrase and is not the unit's
/// own plan for the next stage.
pub fn is_lagging_verdict(sentence: &str) -> bool {
    let sentence = sentence.trim_start();
    has_lag_phrase(sentence) && !PLAN_OPENINGS.iter().any(|plan| sentence.starts_with(plan))
}

fn names_missed_target(text: &str) -> bool {
    MISSED.iter().any(|missed| {
        text.match_indices(missed).any(|(at, _)| {
            let after: String = text[at + missed.len()..]
                .chars()
                .take(MISSED_WINDOW)
                .collect();
            MISSED_WHAT.iter().any(|what| after.contains(what))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_are_recognised() {
        for remark in [
            "社零未完成半年度目标",
            "半年度PM2.5指标未完成省定目标要求,绝对值居全省末位",
            "新增“品字标”企业数未达半年度目标",
            "长田漾景区项目、湖职院项目进度慢于半年度目标,要加快推进",
            "要加快《长三角科创枢纽城市建设意见》编制及发布进度",
            "“湖州师院升格列入全省下一批次申报”事项需加强对接",
            "项目推进缓慢",
            "进度滞后于序时",
        ] {
            assert!(is_lagging_verdict(remark), "{remark}");
        }
    }

    #[test]
    fn ordinary_progress_is_not_a_verdict() {
        for progress in [
            "加大高耗能落后用能整治力度,上半年已完成项目整治12个。",
            "预计上半年完成淘汰落后用能4.3万吨。",
            "剩余3项未完成,正在推进中。",
            "市级强村公司粮食应急保障中心建设正在加快推进。",
            "实行末位淘汰。",
            "下一步要加快推进项目建设。",
        ] {
            assert!(!is_lagging_verdict(progress), "{progress}");
        }
    }
}
