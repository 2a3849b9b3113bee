//! Reading single lines of a progress report: what a line *is* (a task number, a task
//! with its units, a numbered item, a section heading, stray layout debris), judged
//! from its shape so that another year's punctuation and numbering still read.

use crate::text::{arabic_numbered, cn_numbered, trailing_group};

/// One physical line: its 1-based number (as [`crate::accounting::Accounting`] counts)
/// and its text without surrounding whitespace (ideographic spaces and a BOM included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    pub number: u32,
    pub text: &'a str,
}

/// The document's lines; `str::lines` also drops the `\r` of CRLF endings.
pub(crate) fn lines(text: &str) -> Vec<Line<'_>> {
    text.lines()
        .enumerate()
        .map(|(index, line)| Line {
            number: u32::try_from(index + 1).unwrap_or(u32::MAX),
            text: line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'),
        })
        .collect()
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// A task number on its own: `12`, `１２`, `12.`, `12、` → 12. Three digits at most, so
/// a year on its own line is not taken for a number.
pub(crate) fn bare_number(text: &str) -> Option<u32> {
    let digits = text.trim_end_matches(['.', '．', '、']).trim_end();
    if digits.is_empty() || digits.chars().count() > 3 {
        return None;
    }
    let mut value = 0;
    for c in digits.chars() {
        value = value * 10 + digit_value(c)?;
    }
    (value > 0).then_some(value)
}

/// `1.`, `1、`, `1．`, `（1）`, `(一)`, `一、` … at the start of a line.
pub(crate) fn is_numbered(text: &str) -> bool {
    arabic_numbered(text).is_some() || cn_numbered(text).is_some()
}

/// A line with no letter, digit or Han character: layout debris such as a lone `·`
/// bullet left behind when the page was flattened.
pub(crate) fn is_noise(text: &str) -> bool {
    !text.is_empty() && !text.chars().any(char::is_alphanumeric)
}

/// `一、经济发展` (short, no sentence end): a section heading, when a task follows it.
pub(crate) fn looks_like_section_heading(text: &str) -> bool {
    matches!(cn_numbered(text), Some((_, rest)) if !rest.is_empty())
        && text.chars().count() <= 40
        && !text.ends_with(['。', '；', ';'])
}

/// The responsible units a task line ends with: `…任务。(责任单位:市财政局、…)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct UnitsGroup<'a> {
    /// The task text before the brackets.
    pub before: &'a str,
    /// The units as printed, without a `责任单位:` label.
    pub units: &'a str,
    /// Whether the brackets carried a `…单位:` / `…部门:` label.
    pub labelled: bool,
}

/// Words at least one of which a list of responsible units contains (`市财政局`,
/// `市委政法委`, `市政府办公室`, `市城市集团`, `湖州海关` …). Unlabelled brackets at a
/// line's end are units only if they hold one; `(送审稿)` and `(试行)` do not.
const UNIT_WORDS: &[&str] = &[
    "局", "委", "办", "政府", "集团", "中心", "分行", "海关", "学院", "社", "部", "会", "队", "院",
    "所", "单位",
];

/// The trailing `(…)`/`（…）` group of a line, read as responsible units: labelled, or
/// holding a unit word. A full stop after the brackets is allowed.
pub(crate) fn units_group(text: &str) -> Option<UnitsGroup<'_>> {
    let body = text.trim_end_matches(['。', '；', ';']).trim_end();
    if !body.ends_with([')', '）']) {
        return None;
    }
    let (before, inner) = trailing_group(body)?;
    let (labelled, units) = strip_units_label(inner);
    if units.is_empty() || !(labelled || UNIT_WORDS.iter().any(|word| units.contains(word))) {
        return None;
    }
    Some(UnitsGroup {
        before: before.trim_end(),
        units,
        labelled,
    })
}

/// `责任单位:X` / `牵头单位：X` / `责任部门: X` → (true, `X`); any other text → (false,
/// text). The label is whatever short word ending in 单位 or 部门 precedes a colon.
fn strip_units_label(inner: &str) -> (bool, &str) {
    let inner = inner.trim();
    if let Some((colon, sign)) = inner.char_indices().find(|(_, c)| matches!(c, ':' | '：')) {
        let label = inner[..colon].trim();
        if label.chars().count() <= 6 && (label.ends_with("单位") || label.ends_with("部门")) {
            return (true, inner[colon + sign.len_utf8()..].trim());
        }
    }
    (false, inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_alone() {
        assert_eq!(bare_number("12"), Some(12));
        assert_eq!(bare_number("１２"), Some(12));
        assert_eq!(bare_number("7、"), Some(7));
        assert_eq!(bare_number("2024"), None);
        assert_eq!(bare_number("0"), None);
        assert_eq!(bare_number("1.集中财力"), None);
        assert_eq!(bare_number(""), None);
    }

    #[test]
    fn units_in_every_punctuation() {
        let group = units_group("任务。(责任单位:市财政局、市级其他有关单位)").unwrap();
        assert_eq!(
            (group.before, group.units, group.labelled),
            ("任务。", "市财政局、市级其他有关单位", true)
        );
        let group = units_group("任务。（牵头单位： 市财政局）。").unwrap();
        assert_eq!((group.units, group.labelled), ("市财政局", true));
        let group = units_group("任务。(市发展改革委、各区县政府<含南太湖新区>)").unwrap();
        assert_eq!(
            (group.units, group.labelled),
            ("市发展改革委、各区县政府<含南太湖新区>", false)
        );
        assert_eq!(units_group("形成方案(送审稿)"), None);
        assert_eq!(units_group("形成方案(送审稿)。将报批"), None);
        assert_eq!(units_group("(责任单位:)"), None);
    }

    #[test]
    fn debris_and_headings() {
        assert!(is_noise("·"));
        assert!(is_noise("— —"));
        assert!(!is_noise("5·12"));
        assert!(looks_like_section_heading("一、经济发展"));
        assert!(!looks_like_section_heading("一、经济发展保持稳定。"));
        assert!(is_numbered("（2）措施") && is_numbered("3、措施") && !is_numbered("1-6月,全市"));
    }

    #[test]
    fn crlf_bom_and_ideographic_spaces_are_trimmed() {
        let read = lines("\u{feff}１\r\n\u{3000}任务\u{3000}\r\n");
        assert_eq!(
            read[0],
            Line {
                number: 1,
                text: "１"
            }
        );
        assert_eq!(
            read[1],
            Line {
                number: 2,
                text: "任务"
            }
        );
    }
}
