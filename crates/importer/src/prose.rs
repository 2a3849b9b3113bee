//! Reading documents written as prose (the plan outline, the work report): lines,
//! paragraphs rejoined across page breaks, headings, lead sentences.
//!
//! The published texts lost their layout: a paragraph may be cut by a page break (a
//! blank line in mid-sentence), a heading is just a short line with a numbering prefix,
//! and a paragraph's bold lead sentence is only recognisable as a short first sentence.
//! Everything here decides by shape, never by the wording of one year's document.

use crate::text::{cn_numbered, cn_numeral};

/// One line of the source, trimmed (ASCII, ideographic spaces and a BOM).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SourceLine<'a> {
    /// 1-based, as the accounting counts it.
    pub number: u32,
    pub text: &'a str,
}

/// The document's lines, numbered exactly as [`crate::accounting::Accounting`] numbers
/// them (both split with `str::lines`, so CRLF and a missing final newline agree).
pub(crate) fn source_lines(text: &str) -> Vec<SourceLine<'_>> {
    text.lines()
        .enumerate()
        .map(|(index, line)| SourceLine {
            number: index as u32 + 1,
            text: line.trim_start_matches('\u{feff}').trim(),
        })
        .collect()
}

/// A paragraph: the text of one or more source lines joined without separator (a page
/// break cuts words, so nothing may be inserted), and the lines it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Paragraph {
    pub lines: Vec<u32>,
    pub text: String,
}

impl Paragraph {
    pub fn first_line(&self) -> u32 {
        self.lines.first().copied().unwrap_or(0)
    }

    pub fn last_line(&self) -> u32 {
        self.lines.last().copied().unwrap_or(0)
    }
}

/// Whether a paragraph may end with `c`: sentence ends, a colon that opens a list, a
/// closing quote or bracket, a table cell border. Anything else means the text runs on
/// onto the next non-blank line (a page break).
pub(crate) fn ends_paragraph(c: char) -> bool {
    matches!(
        c,
        '。' | '！'
            | '？'
            | '!'
            | '?'
            | '：'
            | ':'
            | '；'
            | ';'
            | '”'
            | '"'
            | '’'
            | '」'
            | '）'
            | ')'
            | '…'
            | '|'
    )
}

/// The paragraph starting at `lines[start]` (which must be non-blank): that line plus
/// every following non-blank line `is_prose` accepts while the text so far does not end
/// a paragraph. Returns the paragraph and the index after its last line.
pub(crate) fn paragraph_at(
    lines: &[SourceLine<'_>],
    start: usize,
    is_prose: impl Fn(&str) -> bool,
) -> (Paragraph, usize) {
    let mut paragraph = Paragraph {
        lines: Vec::new(),
        text: String::new(),
    };
    let mut next = start;
    if let Some(first) = lines.get(start) {
        paragraph.lines.push(first.number);
        paragraph.text.push_str(first.text);
        next = start + 1;
    }
    while !paragraph
        .text
        .chars()
        .next_back()
        .is_some_and(ends_paragraph)
    {
        let Some(offset) = lines[next.min(lines.len())..]
            .iter()
            .position(|line| !line.text.is_empty())
        else {
            break;
        };
        let candidate = lines[next + offset];
        if !is_prose(candidate.text) {
            break;
        }
        paragraph.lines.push(candidate.number);
        paragraph.text.push_str(candidate.text);
        next += offset + 1;
    }
    (paragraph, next)
}

/// Longest lead sentence, in characters with its `。`. The documents' lead sentences
/// are short headlines (`加快推进数字产业化。`, at most 25 characters in the 2021
/// plan); a longer first sentence is ordinary prose.
const LEAD_MAX_CHARS: usize = 30;

/// Splits a paragraph that opens with a lead sentence into (lead without `。`, rest).
///
/// A lead sentence is a short first sentence with no comma, colon or semicolon. A list
/// item opened by a dash (`——高水平建设…城市,经济发展迈上新台阶。`) may have one comma;
/// the dash itself is a list marker and is dropped from the lead.
pub(crate) fn lead_sentence(paragraph: &str) -> Option<(String, String)> {
    let trimmed = paragraph.trim();
    let body = trimmed.trim_start_matches(['—', '－', '-']);
    let dashed = body.len() != trimmed.len();
    let end = body.find('。')?;
    let lead = body[..end].trim();
    if lead.is_empty() || lead.chars().count() + 1 > LEAD_MAX_CHARS {
        return None;
    }
    if lead.contains(['：', ':', '；', ';']) {
        return None;
    }
    let commas = lead.matches(['，', ',']).count();
    if commas > usize::from(dashed) {
        return None;
    }
    let rest = body[end + '。'.len_utf8()..].trim();
    Some((lead.to_string(), rest.to_string()))
}

/// How a heading is numbered; documents nest these in varying orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum HeadingStyle {
    /// `第一部分`, `第一篇`.
    Part,
    /// `第一章`.
    Chapter,
    /// `一、`, `一.`.
    Numbered,
    /// `第一节`.
    Section,
    /// `（一）`, `(一)`.
    Parenthesised,
    /// A short line with no punctuation and no number.
    Plain,
}

/// A heading line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Heading {
    pub style: HeadingStyle,
    /// The numbering as printed (`（一）`, `九、`, `第三章`); empty for plain headings.
    pub number: String,
    pub title: String,
    /// The whole line as printed.
    pub text: String,
}

/// Longest heading line in characters; longer lines are prose even when numbered.
const HEADING_MAX_CHARS: usize = 60;
/// Longest unnumbered heading; such a line must also carry no punctuation at all.
const PLAIN_HEADING_MAX_CHARS: usize = 30;

/// Recognises a heading line: numbered (`九、…`, `（一）…`, `第三章 …`), short, with no
/// sentence end. With `allow_plain`, a short line with no punctuation at all counts too.
pub(crate) fn heading(line: &str, allow_plain: bool) -> Option<Heading> {
    let line = line.trim();
    let length = line.chars().count();
    if line.is_empty() || length > HEADING_MAX_CHARS || line.contains('|') {
        return None;
    }
    if line.contains(['。', '！', '？', '!', '?', '；', ';'])
        || line.ends_with(['：', ':', '，', ','])
    {
        return None;
    }
    if let Some(found) = ordinal_heading(line) {
        return Some(found);
    }
    if let Some((_, title)) = cn_numbered(line) {
        let style = if line.starts_with(['（', '(']) {
            HeadingStyle::Parenthesised
        } else {
            HeadingStyle::Numbered
        };
        return Some(Heading {
            style,
            number: line[..line.len() - title.len()].trim_end().to_string(),
            title: title.to_string(),
            text: line.to_string(),
        });
    }
    let unpunctuated = !line.contains(['，', ',', '：', ':', '、', '(', '（', '“', '"']);
    (allow_plain && unpunctuated && length <= PLAIN_HEADING_MAX_CHARS).then(|| Heading {
        style: HeadingStyle::Plain,
        number: String::new(),
        title: line.to_string(),
        text: line.to_string(),
    })
}

/// `第三章 title`, `第一节title`, `第二部分 title`.
fn ordinal_heading(line: &str) -> Option<Heading> {
    let after = line.strip_prefix('第')?;
    let (style, marker_at, marker) = [
        (HeadingStyle::Part, "部分"),
        (HeadingStyle::Part, "篇"),
        (HeadingStyle::Chapter, "章"),
        (HeadingStyle::Section, "节"),
    ]
    .into_iter()
    .filter_map(|(style, marker)| after.find(marker).map(|at| (style, at, marker)))
    .min_by_key(|(_, at, _)| *at)?;
    let ordinal = &after[..marker_at];
    let is_number = cn_numeral(ordinal).is_some()
        || (!ordinal.is_empty() && ordinal.chars().all(|c| c.is_ascii_digit()));
    if !is_number {
        return None;
    }
    let number_len = '第'.len_utf8() + marker_at + marker.len();
    Some(Heading {
        style,
        number: line[..number_len].to_string(),
        title: line[number_len..].trim().to_string(),
        text: line.to_string(),
    })
}

/// The first `YYYY年M月D日` anywhere in `text` → (`YYYY-MM-DD`, year).
pub(crate) fn find_date(text: &str) -> Option<(String, u16)> {
    let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    (0..chars.len()).find_map(|start| date_at(&chars[start..]))
}

fn date_at(chars: &[char]) -> Option<(String, u16)> {
    let year = digits_then(chars, 4, 4, '年')?;
    let month = digits_then(&chars[5..], 1, 2, '月')?;
    let day_from = 5 + month.len() + 1;
    let day = digits_then(&chars[day_from..], 1, 2, '日')?;
    let year: u16 = year.parse().ok()?;
    let month: u8 = month.parse().ok()?;
    let day: u8 = day.parse().ok()?;
    let plausible = (1900..=2200).contains(&year)
        && (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && !chars.is_empty();
    plausible.then(|| (format!("{year:04}-{month:02}-{day:02}"), year))
}

/// `min..=max` ASCII digits followed by `unit`, at the start of `chars`.
fn digits_then(chars: &[char], min: usize, max: usize, unit: char) -> Option<String> {
    let count = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    ((min..=max).contains(&count) && chars.get(count) == Some(&unit))
        .then(|| chars[..count].iter().collect())
}

/// The place whose government `text` names: the run of CJK characters before
/// `人民政府`, after any province (`2020年浙江省湖州市人民政府工作报告` → `湖州市`).
pub(crate) fn government_place(text: &str) -> Option<String> {
    let at = text.find("人民政府")?;
    let before: Vec<char> = text[..at].chars().collect();
    let run_start = before
        .iter()
        .rposition(|c| !is_cjk(*c) || *c == '年')
        .map_or(0, |i| i + 1);
    let place: String = before[run_start..].iter().collect();
    let place = place
        .rsplit_once('省')
        .map_or(place.as_str(), |(_, after)| after);
    let ends_like_place = place.ends_with(['市', '县', '区', '州', '盟', '旗']);
    (place.chars().count() >= 2 && ends_like_place).then(|| place.to_string())
}

/// A Han ideograph (the documents' place names are all in the basic block).
pub(crate) fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Whether a paragraph opens by addressing the audience (`各位代表，…`, `各位代表！…`):
/// a short first clause naming the deputies or members, as speeches do for asides.
pub(crate) fn opens_with_address(paragraph: &str) -> bool {
    let first_clause = paragraph
        .split(['，', ',', '！', '!', '：', ':'])
        .next()
        .unwrap_or("");
    first_clause.chars().count() <= 8
        && ["代表", "委员", "同志"]
            .iter()
            .any(|who| first_clause.contains(who))
        && first_clause.len() < paragraph.trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lead_sentences() {
        assert_eq!(
            lead_sentence("加快推进数字产业化。聚焦新型电子元器件。"),
            Some(("加快推进数字产业化".into(), "聚焦新型电子元器件。".into()))
        );
        assert_eq!(
            lead_sentence("——绿色赋能。坚持把生态优先。"),
            Some(("绿色赋能".into(), "坚持把生态优先。".into()))
        );
        assert_eq!(
            lead_sentence("——高水平建设绿色智造城市,经济发展迈上新台阶。绿色发展。")
                .map(|(lead, _)| lead),
            Some("高水平建设绿色智造城市,经济发展迈上新台阶".into())
        );
        assert_eq!(
            lead_sentence("坚持人才强市创新强市首位战略,主动融入。"),
            None
        );
        assert_eq!(lead_sentence("各位代表，打好三大攻坚战是重大任务。"), None);
        assert_eq!(lead_sentence("没有句号的一行"), None);
    }

    #[test]
    fn headings() {
        let found = heading(
            "九、以“轨道上的湖州”引领现代化基础设施建设,提升支撑力",
            true,
        );
        assert_eq!(
            found.as_ref().map(|h| h.style),
            Some(HeadingStyle::Numbered)
        );
        assert_eq!(found.map(|h| h.number), Some("九、".into()));
        let area = heading("(三)着眼系统集成、协同高效", false);
        assert_eq!(area.as_ref().map(|h| h.number.as_str()), Some("(三)"));
        assert_eq!(area.map(|h| h.title), Some("着眼系统集成、协同高效".into()));
        let chapter = heading("第三章 强化创新", false);
        assert_eq!(
            chapter.as_ref().map(|h| h.style),
            Some(HeadingStyle::Chapter)
        );
        assert_eq!(chapter.map(|h| h.title), Some("强化创新".into()));
        assert!(heading("（一）加快政府职能转变。树立务实开放的行政理念。", false).is_none());
        assert!(heading("发展环境", false).is_none());
        assert_eq!(
            heading("发展环境", true).map(|h| h.style),
            Some(HeadingStyle::Plain)
        );
        assert!(heading("第一时间响应", false).is_none());
    }

    #[test]
    fn dates_and_places() {
        assert_eq!(
            find_date("——2020年4月27日在湖州市第八届人民代表大会"),
            Some(("2020-04-27".into(), 2020))
        );
        assert_eq!(
            find_date("2021年 4月2日"),
            Some(("2021-04-02".into(), 2021))
        );
        assert_eq!(find_date("2021年13月2日"), None);
        assert_eq!(
            government_place("2020年浙江省湖州市人民政府工作报告").as_deref(),
            Some("湖州市")
        );
        assert_eq!(
            government_place("湖州市人民政府代市长 王 纲").as_deref(),
            Some("湖州市")
        );
        assert_eq!(government_place("人民政府"), None);
    }

    #[test]
    fn page_breaks_join_paragraphs() {
        let lines = source_lines("甲乙，吴兴、德\n\n清、长兴。\n丙。\n（二）标题\n");
        let (paragraph, next) = paragraph_at(&lines, 0, |t| heading(t, false).is_none());
        assert_eq!(paragraph.text, "甲乙，吴兴、德清、长兴。");
        assert_eq!(paragraph.lines, vec![1, 3]);
        assert_eq!(next, 3);
        let (last, _) = paragraph_at(&lines, 3, |t| heading(t, false).is_none());
        assert_eq!(last.text, "丙。");
    }

    #[test]
    fn addresses() {
        assert!(opens_with_address("各位代表，打好三大攻坚战是重大任务。"));
        assert!(opens_with_address("各位代表！初心照亮奋斗征程。"));
        assert!(!opens_with_address(
            "决胜污染防治攻坚战。推进代表建议办理。"
        ));
    }
}
