//! Recognising a breakdown's structural lines: attachment headings, leader headings,
//! unit lines, livelihood-project headers, and splitting a project into its sub-items.
//! Each accepts the variants next year's text may use (another verb, half-width
//! punctuation, other numbering).

use crate::parsed::RawLeader;
use crate::text::split_outside_brackets;

/// Leader titles, longest first so `常务副市长` wins over `副市长` and `市长`.
pub(crate) const LEADER_TITLES: &[&str] = &[
    "常务副市长",
    "常务副县长",
    "常务副区长",
    "市委常委",
    "副秘书长",
    "市长助理",
    "副市长",
    "副县长",
    "副区长",
    "秘书长",
    "市长",
    "县长",
    "区长",
    "常委",
];

/// Verbs that tie a leader to the work in a heading (`王纲市长牵头重点工作`).
const LEADER_VERBS: &[&str] = &["牵头", "负责", "分管", "领衔", "联系", "主抓"];

/// Labels of a responsible-unit line.
pub const UNIT_LABELS: &[&str] = &[
    "责任单位",
    "牵头单位",
    "责任部门",
    "牵头部门",
    "承办单位",
    "主办单位",
];

/// `附件2`, `附件 2`, `附件二`, `附件2:` (optionally followed by the title) → (2, title
/// text on the same line). The cover letter's `附件:1.…` list is not a heading.
pub fn attachment_heading(line: &str) -> Option<(u32, &str)> {
    let rest = line.trim().strip_prefix("附件")?.trim_start();
    let digits_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (number, rest) = if digits_end > 0 {
        (rest[..digits_end].parse().ok()?, &rest[digits_end..])
    } else {
        let end = rest
            .char_indices()
            .find(|(_, c)| crate::text::cn_numeral(&c.to_string()).is_none())
            .map_or(rest.len(), |(i, _)| i);
        (crate::text::cn_numeral(&rest[..end])?, &rest[end..])
    };
    let rest = rest.trim_start();
    let rest = rest
        .strip_prefix(':')
        .or_else(|| rest.strip_prefix('：'))
        .unwrap_or(rest)
        .trim();
    // `附件1.标题` would be a list entry, not a heading.
    if rest.starts_with(['.', '．', '、']) {
        return None;
    }
    Some((number, rest))
}

/// The leader a heading names, from the text after its number:
/// `王纲市长牵头重点工作`, `吴登芬常委负责的重点工作`, `王 纲 市长 牵头`.
pub fn leader_heading(rest: &str) -> Option<RawLeader> {
    let compact: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
    let mut text = compact.as_str();
    for ending in ["重点工作任务", "重点工作", "工作任务", "工作", "任务"] {
        if let Some(stripped) = text.strip_suffix(ending) {
            text = stripped;
            break;
        }
    }
    let text = text.strip_suffix('的').unwrap_or(text);
    let text = LEADER_VERBS.iter().find_map(|v| text.strip_suffix(v))?;
    let text = text.strip_suffix("同志").unwrap_or(text);
    let title = LEADER_TITLES.iter().find(|t| text.ends_with(*t))?;
    let name = text.strip_suffix(title)?;
    let name = name.strip_suffix("同志").unwrap_or(name);
    let count = name.chars().count();
    let is_name = (2..=4).contains(&count) && name.chars().all(is_cjk);
    is_name.then(|| RawLeader {
        name: name.to_string(),
        title: title.to_string(),
    })
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || c == '·'
}

/// A livelihood project's header after its number: title, declared sub-item count and
/// the text after the title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectHeader {
    pub title: String,
    pub declared: Option<u32>,
    pub body: String,
}

/// `推进教育均衡化发展(2个子项)。新建…;新增…。` → title, 2, body.
pub fn project_header(rest: &str) -> ProjectHeader {
    if let Some((title, declared, body)) = declared_count(rest) {
        return ProjectHeader {
            title,
            declared: Some(declared),
            body,
        };
    }
    match rest.split_once(['。', ':', '：']) {
        Some((title, body)) => ProjectHeader {
            title: title.trim().to_string(),
            declared: None,
            body: body.trim().to_string(),
        },
        None => ProjectHeader {
            title: rest.trim().to_string(),
            declared: None,
            body: String::new(),
        },
    }
}

/// Finds `(N个子项)` / `（N项）` in `text`: (title before it, N, text after it).
fn declared_count(text: &str) -> Option<(String, u32, String)> {
    let mut search_from = 0;
    while let Some(offset) = text[search_from..].find(['(', '（']) {
        let open = search_from + offset;
        let open_len = text[open..].chars().next().map_or(1, char::len_utf8);
        let inner_start = open + open_len;
        let close = inner_start + text[inner_start..].find([')', '）'])?;
        let close_len = text[close..].chars().next().map_or(1, char::len_utf8);
        if let Some(declared) = count_in(&text[inner_start..close]) {
            let title = text[..open].trim().to_string();
            let body = text[close + close_len..]
                .trim_start_matches(['。', '.', '．', ':', '：', ' '])
                .trim()
                .to_string();
            return Some((title, declared, body));
        }
        search_from = close + close_len;
    }
    None
}

/// `2个子项`, `两个子项`, `3项` → the count.
fn count_in(content: &str) -> Option<u32> {
    let content = content.trim();
    let number = content
        .strip_suffix("个子项")
        .or_else(|| content.strip_suffix("子项"))
        .or_else(|| content.strip_suffix("个项目"))
        .or_else(|| content.strip_suffix('项'))?
        .trim();
    number
        .parse()
        .ok()
        .or_else(|| crate::text::cn_numeral(number))
}

/// Splits a project's text into sub-items: at `;`/`；`, or also at sentence ends when
/// that is what reaches the count the title declares.
pub fn split_subitems(body: &str, declared: Option<u32>) -> Vec<String> {
    let clean = |pieces: Vec<String>| -> Vec<String> {
        pieces
            .into_iter()
            .map(|p| {
                p.trim_end_matches(['。', ';', '；', ' '])
                    .trim()
                    .to_string()
            })
            .filter(|p| !p.is_empty())
            .collect()
    };
    let by_semicolon = clean(split_outside_brackets(body, &[';', '；']));
    if declared.is_none_or(|n| n as usize == by_semicolon.len()) {
        return by_semicolon;
    }
    let by_sentence = clean(split_outside_brackets(body, &[';', '；', '。']));
    if declared.is_some_and(|n| n as usize == by_sentence.len()) {
        return by_sentence;
    }
    by_semicolon
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leader(name: &str, title: &str) -> Option<RawLeader> {
        Some(RawLeader {
            name: name.into(),
            title: title.into(),
        })
    }

    #[test]
    fn leader_headings() {
        assert_eq!(
            leader_heading("王纲市长牵头重点工作"),
            leader("王纲", "市长")
        );
        assert_eq!(
            leader_heading("杨六顺常务副市长牵头重点工作"),
            leader("杨六顺", "常务副市长")
        );
        assert_eq!(
            leader_heading("吴登芬常委负责的重点工作"),
            leader("吴登芬", "常委")
        );
        assert_eq!(leader_heading("王 纲 市长 牵头"), leader("王纲", "市长"));
        assert_eq!(leader_heading("推进教育均衡化发展(2个子项)"), None);
        assert_eq!(leader_heading("经济发展稳中有进"), None);
    }

    #[test]
    fn attachment_headings() {
        assert_eq!(attachment_heading("附件1"), Some((1, "")));
        assert_eq!(attachment_heading("附件 2："), Some((2, "")));
        assert_eq!(attachment_heading("附件三 民生实事"), Some((3, "民生实事")));
        assert_eq!(attachment_heading("附件:1.政府工作报告"), None);
        assert_eq!(attachment_heading("附件1.政府工作报告"), None);
    }

    #[test]
    fn project_headers_and_subitems() {
        let header = project_header("关爱困难群众(2个子项)。完成1500户改造;发放补贴3800户。");
        assert_eq!(header.title, "关爱困难群众");
        assert_eq!(header.declared, Some(2));
        assert_eq!(
            split_subitems(&header.body, header.declared),
            vec!["完成1500户改造", "发放补贴3800户"]
        );
        let header = project_header("标题（3个子项）：甲。乙；丙。");
        assert_eq!(header.declared, Some(3));
        assert_eq!(
            split_subitems(&header.body, header.declared),
            vec!["甲", "乙", "丙"]
        );
        let header = project_header("无计数标题。甲;乙");
        assert_eq!(
            (header.title.as_str(), header.declared),
            ("无计数标题", None)
        );
        assert_eq!(
            split_subitems("热线(2251885;备用)知晓率;乙", Some(2)),
            vec!["热线(2251885;备用)知晓率", "乙"]
        );
    }
}
