//! A progress report's metadata, read from what it says rather than from its file name:
//! whose report it is, for which year, up to when.
//!
//! Neither source document has a title page, so each fact is taken from the way the
//! reports talk: the city names itself in its own policy titles (`《湖州市…》`), the
//! year is the one the text mentions most (`截至2024年6月底` wins outright), and the
//! period from the data cut-offs (`上半年`, `1-6月`).

use std::collections::BTreeMap;

/// One part of a year a progress report may cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct YearPart {
    /// As it is written in a period, e.g. `上半年`.
    pub label: &'static str,
    pub end_month: u32,
    /// Words that report figures for exactly this part.
    markers: &'static [&'static str],
}

const YEAR_PARTS: &[YearPart] = &[
    YearPart {
        label: "一季度",
        end_month: 3,
        markers: &["一季度", "1-3月", "1—3月", "1至3月"],
    },
    YearPart {
        label: "上半年",
        end_month: 6,
        markers: &["上半年", "半年度", "1-6月", "1—6月", "1至6月"],
    },
    YearPart {
        label: "前三季度",
        end_month: 9,
        markers: &["前三季度", "1-9月", "1—9月", "1至9月"],
    },
];

/// What the text tells about the report as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ReportFacts {
    /// e.g. `湖州市`.
    pub jurisdiction: String,
    pub year: u16,
    /// `None` when the text reports on no part of a year (then the whole year is meant).
    pub part: Option<YearPart>,
}

impl ReportFacts {
    /// Reads the facts; `None` when the text names no city or no year.
    pub fn read(text: &str) -> Option<ReportFacts> {
        Some(ReportFacts {
            jurisdiction: jurisdiction(text)?,
            year: report_year(text)?,
            part: year_part(text),
        })
    }

    /// e.g. `2024年上半年`, or `2024年` for a whole-year report.
    pub fn period(&self) -> String {
        format!("{}年{}", self.year, self.part.map_or("", |part| part.label))
    }

    /// The day the data run to when the text states it for the period's last month
    /// (`截至6月底` → `2024-06-30`), else that month (`2023-06`), else the year.
    pub fn date(&self, text: &str) -> String {
        let Some(part) = self.part else {
            return self.year.to_string();
        };
        let last_day = cutoffs(text)
            .into_iter()
            .filter(|cutoff| cutoff.month == part.end_month)
            .filter(|cutoff| cutoff.year.is_none_or(|year| year == self.year))
            .map(|cutoff| {
                cutoff
                    .day
                    .unwrap_or_else(|| days_in_month(self.year, cutoff.month))
            })
            .max();
        match last_day {
            Some(day) => format!("{:04}-{:02}-{:02}", self.year, part.end_month, day),
            None => format!("{:04}-{:02}", self.year, part.end_month),
        }
    }
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Characters that make `XY市` a phrase rather than a city: `全市`, `本市`, `城市` …
const NOT_A_PLACE: &[char] = &['全', '本', '我', '该', '各', '城', '市', '县', '区', '省'];

/// The city the report is about: the `XY市` the text names most often (a city writes
/// its own name in every policy title and statistic; neighbours appear a few times).
/// `市场` (market) is not a city.
fn jurisdiction(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for at in 2..chars.len() {
        let (first, second) = (chars[at - 2], chars[at - 1]);
        if chars[at] != '市'
            || chars.get(at + 1) == Some(&'场')
            || !is_han(first)
            || !is_han(second)
            || NOT_A_PLACE.contains(&first)
            || NOT_A_PLACE.contains(&second)
        {
            continue;
        }
        let name: String = [first, second, '市'].iter().collect();
        counts.entry(name).or_insert((0, at)).0 += 1;
    }
    counts
        .into_iter()
        .max_by(|(_, (count_a, first_a)), (_, (count_b, first_b))| {
            count_a.cmp(count_b).then(first_b.cmp(first_a))
        })
        .map(|(name, _)| name)
}

/// `截至2024年…` names the report's year outright; otherwise the year the text writes
/// most often (`2023年` beats a plan's `2025年` and a backlog's `2022年`).
fn report_year(text: &str) -> Option<u16> {
    if let Some(year) = cutoffs(text).into_iter().find_map(|cutoff| cutoff.year) {
        return Some(year);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut counts: BTreeMap<u16, (usize, usize)> = BTreeMap::new();
    for (at, window) in chars.windows(5).enumerate() {
        if window[4] != '年' || (at > 0 && chars[at - 1].is_ascii_digit()) {
            continue;
        }
        if let Some(year) = four_digit_year(&window[..4]) {
            counts.entry(year).or_insert((0, at)).0 += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|(_, (count_a, first_a)), (_, (count_b, first_b))| {
            count_a.cmp(count_b).then(first_b.cmp(first_a))
        })
        .map(|(year, _)| year)
}

fn four_digit_year(digits: &[char]) -> Option<u16> {
    if !digits.iter().all(char::is_ascii_digit) {
        return None;
    }
    let year: u16 = digits.iter().collect::<String>().parse().ok()?;
    (1990..=2100).contains(&year).then_some(year)
}

/// The part of the year whose markers the text uses most.
fn year_part(text: &str) -> Option<YearPart> {
    YEAR_PARTS
        .iter()
        .map(|part| {
            let hits: usize = part.markers.iter().map(|m| text.matches(m).count()).sum();
            (hits, part)
        })
        .filter(|(hits, _)| *hits > 0)
        .max_by_key(|(hits, part)| (*hits, part.end_month))
        .map(|(_, part)| *part)
}

/// A data cut-off: `截至2024年6月底`, `截至6月30日`, `截至5月末`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cutoff {
    year: Option<u16>,
    month: u32,
    /// `None` for `底`/`末` (the month's last day).
    day: Option<u32>,
}

fn cutoffs(text: &str) -> Vec<Cutoff> {
    text.match_indices("截至")
        .filter_map(|(at, word)| read_cutoff(&text[at + word.len()..]))
        .collect()
}

fn read_cutoff(after: &str) -> Option<Cutoff> {
    let mut rest = after.trim_start();
    let mut year = None;
    let (number, tail) = leading_number(rest)?;
    rest = tail;
    let month = if let Some(tail) = rest.strip_prefix('年') {
        year = u16::try_from(number)
            .ok()
            .filter(|y| (1990..=2100).contains(y));
        let (month, tail) = leading_number(tail)?;
        rest = tail;
        month
    } else {
        number
    };
    rest = rest.strip_prefix('月')?;
    if !(1..=12).contains(&month) {
        return None;
    }
    if rest.starts_with('底') || rest.starts_with('末') {
        return Some(Cutoff {
            year,
            month,
            day: None,
        });
    }
    let (day, tail) = leading_number(rest)?;
    if !tail.starts_with('日') || day == 0 || day > 31 {
        return None;
    }
    Some(Cutoff {
        year,
        month,
        day: Some(day),
    })
}

/// Up to four leading ASCII digits and what follows them.
fn leading_number(text: &str) -> Option<(u32, &str)> {
    let digits = text
        .char_indices()
        .find(|(_, c)| !c.is_ascii_digit())
        .map_or(text.len(), |(at, _)| at);
    if digits == 0 || digits > 4 {
        return None;
    }
    Some((text[..digits].parse().ok()?, &text[digits..]))
}

fn days_in_month(year: u16, month: u32) -> u32 {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn city_is_the_most_named() {
        let text = "《平湖市方案》,平湖市全市,嘉兴市,全市,城市,农贸市场,农贸市场";
        assert_eq!(jurisdiction(text).as_deref(), Some("平湖市"));
        assert_eq!(jurisdiction("全市城市"), None);
    }

    #[test]
    fn year_prefers_the_cutoff() {
        assert_eq!(report_year("2023年,2023年,截至2024年6月底"), Some(2024));
        assert_eq!(report_year("2022年;2023年;2023年;2025年"), Some(2023));
        assert_eq!(report_year("12023年"), None);
    }

    #[test]
    fn date_is_the_cutoff_of_the_periods_last_month() {
        let text = "截至2024年6月底,上半年;截至6月30日;截至5月末";
        let facts = ReportFacts::read(&format!("湖州市{text}")).unwrap();
        assert_eq!(facts.period(), "2024年上半年");
        assert_eq!(facts.date(text), "2024-06-30");
        let facts = ReportFacts::read("平湖市2023年上半年,截至5月末").unwrap();
        assert_eq!(facts.date("截至5月末"), "2023-06");
        let facts = ReportFacts::read("平湖市2023年").unwrap();
        assert_eq!(
            (facts.period().as_str(), facts.date("")),
            ("2023年", "2023".into())
        );
    }

    #[test]
    fn cutoffs_are_read_in_every_form() {
        assert_eq!(
            read_cutoff("2024年2月底"),
            Some(Cutoff {
                year: Some(2024),
                month: 2,
                day: None
            })
        );
        assert_eq!(
            read_cutoff("6月30日"),
            Some(Cutoff {
                year: None,
                month: 6,
                day: Some(30)
            })
        );
        assert_eq!(read_cutoff("目前"), None);
        assert_eq!(read_cutoff("13月底"), None);
        assert_eq!(days_in_month(2024, 2), 29);
    }
}
