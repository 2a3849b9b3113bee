//! Small text helpers shared by the parsers: Chinese numerals, numbering styles, labels
//! and dates. Later documents of the same kinds vary in punctuation (full- or
//! half-width colons, parentheses, numbering separators), so every helper accepts both.

/// Value of a Chinese numeral from 零 to 九十九 (`十一`, `二十`, `两`…); `None` for
/// anything else.
pub fn cn_numeral(text: &str) -> Option<u32> {
    fn digit(c: char) -> Option<u32> {
        Some(match c {
            '〇' | '零' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    }
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [d] => digit(*d),
        ['十', d] => digit(*d).map(|d| 10 + d),
        [t, '十'] => digit(*t).filter(|t| *t > 1).map(|t| t * 10),
        [t, '十', d] => Some(digit(*t).filter(|t| *t > 1)? * 10 + digit(*d)?),
        _ => None,
    }
}

/// `一、rest`, `一.rest`, `一．rest`, `（一）rest`, `(一)rest` → (1, rest).
pub fn cn_numbered(line: &str) -> Option<(u32, &str)> {
    let line = line.trim_start();
    if let Some(inner) = line.strip_prefix('（').or_else(|| line.strip_prefix('(')) {
        let close = inner.find(['）', ')'])?;
        let number = cn_numeral(inner[..close].trim())?;
        let rest = &inner[close..];
        let rest = rest.strip_prefix('）').or_else(|| rest.strip_prefix(')'))?;
        return Some((number, rest.trim_start()));
    }
    let end = line
        .char_indices()
        .find(|(_, c)| cn_numeral(&c.to_string()).is_none() && *c != '十')
        .map(|(i, _)| i)?;
    let number = cn_numeral(&line[..end])?;
    let rest = &line[end..];
    let rest = ['、', '.', '．', '，', ',']
        .iter()
        .find_map(|sep| rest.strip_prefix(*sep))?;
    Some((number, rest.trim_start()))
}

/// `12.rest`, `12．rest`, `12、rest`, `（12）rest`, `(12)rest` → (12, rest). A dot
/// followed by a digit is a decimal (`3.3%`), not numbering.
pub fn arabic_numbered(line: &str) -> Option<(u32, &str)> {
    let line = line.trim_start();
    if let Some(inner) = line.strip_prefix('（').or_else(|| line.strip_prefix('(')) {
        let close = inner.find(['）', ')'])?;
        let number = inner[..close].trim().parse().ok()?;
        let rest = &inner[close..];
        let rest = rest.strip_prefix('）').or_else(|| rest.strip_prefix(')'))?;
        return Some((number, rest.trim_start()));
    }
    let digits = line.find(|c: char| !c.is_ascii_digit())?;
    if digits == 0 || digits > 3 {
        return None;
    }
    let number = line[..digits].parse().ok()?;
    let rest = &line[digits..];
    let rest = ['.', '．', '、']
        .iter()
        .find_map(|sep| rest.strip_prefix(*sep))?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((number, rest.trim_start()))
}

/// `label:value` / `label：value` for any of `labels` → value (trimmed).
pub fn labelled<'a>(line: &'a str, labels: &[&str]) -> Option<&'a str> {
    let line = line.trim();
    labels.iter().find_map(|label| {
        let rest = line.strip_prefix(label)?.trim_start();
        let rest = rest.strip_prefix(':').or_else(|| rest.strip_prefix('：'))?;
        Some(rest.trim())
    })
}

/// `2021年3月22日` (the whole line, spaces allowed) → `2021-03-22`.
pub fn cn_date(line: &str) -> Option<String> {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let (year, rest) = compact.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日')?;
    let year: u16 = parse_digits(year)?;
    let month: u8 = parse_digits(month)?;
    let day: u8 = parse_digits(day)?;
    if year < 1900 || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

fn parse_digits<T: std::str::FromStr>(text: &str) -> Option<T> {
    if text.is_empty() || !text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// The first four-digit year written `YYYY年` in `text`.
pub fn first_year(text: &str) -> Option<u16> {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(5).find_map(|w| {
        if w[4] != '年' || !w[..4].iter().all(char::is_ascii_digit) {
            return None;
        }
        let year: String = w[..4].iter().collect();
        year.parse().ok().filter(|y| (1900..=2200).contains(y))
    })
}

/// Opening bracket → its closer, for every bracket style the documents use.
pub fn closer_of(open: char) -> Option<char> {
    Some(match open {
        '(' => ')',
        '（' => '）',
        '<' => '>',
        '＜' => '＞',
        '〈' => '〉',
        '《' => '》',
        '【' => '】',
        '[' => ']',
        '〔' => '〕',
        _ => return None,
    })
}

/// Whether `c` closes any bracket style of [`closer_of`].
pub fn is_closer(c: char) -> bool {
    matches!(c, ')' | '）' | '>' | '＞' | '〉' | '》' | '】' | ']' | '〕')
}

/// Splits `text` at any of `separators` that sit outside brackets. Pieces are trimmed
/// and empty pieces dropped.
pub fn split_outside_brackets(text: &str, separators: &[char]) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        if closer_of(c).is_some() {
            depth += 1;
        } else if is_closer(c) {
            depth = depth.saturating_sub(1);
        }
        if depth == 0 && separators.contains(&c) {
            push_trimmed(&mut pieces, &current);
            current.clear();
        } else {
            current.push(c);
        }
    }
    push_trimmed(&mut pieces, &current);
    pieces
}

fn push_trimmed(pieces: &mut Vec<String>, piece: &str) {
    let piece = piece.trim();
    if !piece.is_empty() {
        pieces.push(piece.to_string());
    }
}

/// If `text` ends with a bracketed group, returns (text before it, the group's content).
/// Nested brackets inside the group are kept whole.
pub fn trailing_group(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_end();
    let last = text.chars().next_back()?;
    if !is_closer(last) {
        return None;
    }
    let mut depth = 0usize;
    for (index, c) in text.char_indices().rev() {
        if is_closer(c) {
            depth += 1;
        } else if closer_of(c).is_some() {
            depth = depth.checked_sub(1)?;
            if depth == 0 {
                let content = &text[index + c.len_utf8()..text.len() - last.len_utf8()];
                return Some((&text[..index], content));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        assert_eq!(cn_numeral("一"), Some(1));
        assert_eq!(cn_numeral("十"), Some(10));
        assert_eq!(cn_numeral("十二"), Some(12));
        assert_eq!(cn_numeral("二十"), Some(20));
        assert_eq!(cn_numeral("三十五"), Some(35));
        assert_eq!(cn_numeral("一十"), None);
        assert_eq!(cn_numeral("王"), None);
    }

    #[test]
    fn numbering_styles() {
        assert_eq!(cn_numbered("一、王纲市长"), Some((1, "王纲市长")));
        assert_eq!(cn_numbered("（十一）标题"), Some((11, "标题")));
        assert_eq!(cn_numbered("(三) 标题"), Some((3, "标题")));
        assert_eq!(cn_numbered("十、食药"), Some((10, "食药")));
        assert_eq!(cn_numbered("一是"), None);
        assert_eq!(arabic_numbered("12.学懂"), Some((12, "学懂")));
        assert_eq!(arabic_numbered("3．学懂"), Some((3, "学懂")));
        assert_eq!(arabic_numbered("3.3%"), None);
        assert_eq!(arabic_numbered("2021年"), None);
        assert_eq!(arabic_numbered("（2）措施"), Some((2, "措施")));
    }

    #[test]
    fn labels_dates_years() {
        assert_eq!(
            labelled("责任单位:市财政局", &["责任单位"]),
            Some("市财政局")
        );
        assert_eq!(
            labelled("责任单位 ： 市财政局", &["责任单位"]),
            Some("市财政局")
        );
        assert_eq!(labelled("责任单位市财政局", &["责任单位"]), None);
        assert_eq!(cn_date("2021年3月22日").as_deref(), Some("2021-03-22"));
        assert_eq!(cn_date("2021年13月22日"), None);
        assert_eq!(first_year("政府工作报告2021年重点工作"), Some(2021));
        assert_eq!(first_year("无年份"), None);
    }

    #[test]
    fn brackets() {
        assert_eq!(
            split_outside_brackets("甲、乙<丙、丁>、戊(己、庚)", &['、']),
            vec!["甲", "乙<丙、丁>", "戊(己、庚)"]
        );
        assert_eq!(
            trailing_group("市局(列第一位者,下同)"),
            Some(("市局", "列第一位者,下同"))
        );
        assert_eq!(trailing_group("甲<乙(丙)>"), Some(("甲", "乙(丙)")));
        assert_eq!(trailing_group("甲)"), None);
        assert_eq!(trailing_group("甲"), None);
    }
}
