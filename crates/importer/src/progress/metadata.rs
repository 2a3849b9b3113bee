//! A progress report's metadata, read from what it says rather than from its file name:
//! whose report it is, for which year, up to when.
//!
//! Neither source document has a title page, so each fact is taken from the way the
//! reports talk: the city names itself in its own policy titles (`《湖州市…》`), the
//! year is the one the text mentions most (`截至2024年6月底` wins outright), and the
//! period from the title, else the data cut-offs (`上半年`, `1-6月`; see
//! [`crate::period`]). A city or year the body names only once is a passing mention
//! (a neighbour, last year's figure), not the report's: then the reader is asked.

use crate::error::{ImportError, MissingDetail};
use crate::period::{DocumentDetails, Period};
use std::collections::BTreeMap;

/// Whose report it is, for which year and period, up to when: read from the text,
/// with what the reader gave taking precedence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ReportFacts {
    /// e.g. `湖州市`.
    pub jurisdiction: String,
    pub year: u16,
    pub part: Period,
    /// A date the reader gave, which wins over the one read from the cut-offs.
    given_date: Option<String>,
}

impl ReportFacts {
    /// What the text states: the city, the year, the period (from `titles`, the lines
    /// above the records, else from the body's figures). Missing facts stay `None`.
    pub fn stated(text: &str, titles: &[String]) -> DocumentDetails {
        ReportFacts::stated_with(text, titles, false)
    }

    /// As [`ReportFacts::stated`]; `year_end_verdicts` says most tasks open with a
    /// year-end verdict (已完成, 基本完成, 未完成 …): then, unless the title names a period,
    /// the report is the year-end one, whatever earlier figures its body quotes.
    fn stated_with(text: &str, titles: &[String], year_end_verdicts: bool) -> DocumentDetails {
        let period = titles
            .iter()
            .find_map(|title| Period::in_title(title))
            .or_else(|| year_end_verdicts.then_some(Period::FullYear))
            .or_else(|| Period::in_body(text));
        let titled = |name: &String| titles.iter().any(|title| title.contains(name.as_str()));
        let title_year = titles.iter().find_map(|title| report_year(title, 1));
        DocumentDetails {
            jurisdiction: titles
                .iter()
                .find_map(|title| jurisdiction(title, 1))
                .or_else(|| jurisdiction(text, 2))
                .filter(|name| titled(name) || text.matches(name.as_str()).count() >= 2),
            year: title_year.or_else(|| report_year(text, 2)),
            period: period.map(Period::label),
            date: None,
        }
    }

    /// The facts from the text, overridden by `given`; an error naming each fact that
    /// neither states (a report's owner is never guessed).
    pub fn resolve(
        text: &str,
        titles: &[String],
        given: &DocumentDetails,
        file: &str,
    ) -> Result<ReportFacts, ImportError> {
        ReportFacts::resolve_with(text, titles, false, given, file)
    }

    /// [`ReportFacts::resolve`] for a report whose tasks mostly open with a year-end
    /// verdict (see [`ReportFacts::stated_with`]).
    pub fn resolve_with(
        text: &str,
        titles: &[String],
        year_end_verdicts: bool,
        given: &DocumentDetails,
        file: &str,
    ) -> Result<ReportFacts, ImportError> {
        let problems = given.problems();
        if !problems.is_empty() {
            return Err(ImportError::new(file, 0, problems.join(";")));
        }
        let details =
            ReportFacts::stated_with(text, titles, year_end_verdicts).overridden_by(given);
        let part = details.period.as_deref().and_then(Period::parse);
        let mut missing = Vec::new();
        if details.jurisdiction.is_none() {
            missing.push(MissingDetail::Jurisdiction);
        }
        if details.year.is_none() {
            missing.push(MissingDetail::Year);
        }
        if part.is_none() {
            missing.push(MissingDetail::Period);
        }
        match (details.jurisdiction, details.year, part) {
            (Some(jurisdiction), Some(year), Some(part)) => Ok(ReportFacts {
                jurisdiction: jurisdiction.trim().to_string(),
                year,
                part,
                given_date: details.date,
            }),
            _ => Err(ImportError::missing_details(file, missing)),
        }
    }

    /// e.g. `2024年上半年`, `2023年全年`.
    pub fn period(&self) -> String {
        format!("{}年{}", self.year, self.part.label())
    }

    /// The date given, else the day the data run to when the text states it for the
    /// period's last month (`截至6月底` → `2024-06-30`), else that month (`2023-06`).
    pub fn date(&self, text: &str) -> String {
        if let Some(date) = &self.given_date {
            return date.clone();
        }
        let end_month = self.part.end_month();
        let last_day = cutoffs(text)
            .into_iter()
            .filter(|cutoff| cutoff.month == end_month)
            .filter(|cutoff| cutoff.year.is_none_or(|year| year == self.year))
            .map(|cutoff| {
                cutoff
                    .day
                    .unwrap_or_else(|| days_in_month(self.year, cutoff.month))
            })
            .max();
        match last_day {
            Some(day) => format!("{:04}-{:02}-{:02}", self.year, end_month, day),
            None => format!("{:04}-{:02}", self.year, end_month),
        }
    }
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Characters that make `XY市` a phrase rather than a city: `全市`, `本市`, `城市` …
const NOT_A_PLACE: &[char] = &['全', '本', '我', '该', '各', '城', '市', '县', '区', '省'];

/// The city or county the report is about: the `XY市` or `XY县` the text names most
/// often (a city writes its own name in every policy title and statistic; neighbours
/// appear a few times). `市场` (market) is not a city.
fn jurisdiction(text: &str, at_least: usize) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for at in 2..chars.len() {
        let (first, second) = (chars[at - 2], chars[at - 1]);
        let suffix = chars[at];
        if !matches!(suffix, '市' | '县')
            || chars.get(at + 1) == Some(&'场')
            || !is_han(first)
            || !is_han(second)
            || NOT_A_PLACE.contains(&first)
            || NOT_A_PLACE.contains(&second)
        {
            continue;
        }
        let name: String = [first, second, suffix].iter().collect();
        counts.entry(name).or_insert((0, at)).0 += 1;
    }
    counts
        .into_iter()
        .filter(|(_, (count, _))| *count >= at_least)
        .max_by(|(_, (count_a, first_a)), (_, (count_b, first_b))| {
            count_a.cmp(count_b).then(first_b.cmp(first_a))
        })
        .map(|(name, _)| name)
}

/// `截至2024年…` names the report's year outright; otherwise the year the text writes
/// most often (`2023年` beats a plan's `2025年` and a backlog's `2022年`).
/// A year written fewer than `at_least` times is a passing mention, not the report's.
fn report_year(text: &str, at_least: usize) -> Option<u16> {
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
        .filter(|(_, (count, _))| *count >= at_least)
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
        assert_eq!(jurisdiction(text, 2).as_deref(), Some("平湖市"));
        assert_eq!(jurisdiction("全市城市", 1), None);
    }

    #[test]
    fn year_prefers_the_cutoff() {
        assert_eq!(report_year("2023年,2023年,截至2024年6月底", 2), Some(2024));
        assert_eq!(report_year("2022年;2023年;2023年;2025年", 2), Some(2023));
        assert_eq!(report_year("12023年", 1), None);
    }

    fn facts(text: &str) -> Result<ReportFacts, ImportError> {
        ReportFacts::resolve(text, &[], &DocumentDetails::default(), "f.txt")
    }

    #[test]
    fn date_is_the_cutoff_of_the_periods_last_month() {
        let text = "截至2024年6月底,上半年;截至6月30日;截至5月末";
        let read = facts(&format!("湖州市,湖州市{text}")).unwrap();
        assert_eq!(read.period(), "2024年上半年");
        assert_eq!(read.date(text), "2024-06-30");
        let read = facts("平湖市2023年上半年,平湖市2023年,截至5月末").unwrap();
        assert_eq!(read.date("截至5月末"), "2023-06");
        let read = facts("平湖市2023年全年实现,平湖市2023年,截至12月底").unwrap();
        assert_eq!(
            (read.period().as_str(), read.date("截至12月底").as_str()),
            ("2023年全年", "2023-12-31")
        );
    }

    #[test]
    fn year_end_verdicts_make_a_year_end_report_unless_the_title_says_otherwise() {
        let text = "平湖市2023年,平湖市2023年,上半年增长5%,上半年";
        let given = DocumentDetails::default();
        let read = ReportFacts::resolve_with(text, &[], true, &given, "f.txt").unwrap();
        assert_eq!(read.part, Period::FullYear);
        let titled = ["平湖市2023年重点工作前三季度推进情况".to_string()];
        let read = ReportFacts::resolve_with(text, &titled, true, &given, "f.txt").unwrap();
        assert_eq!(read.part, Period::FirstThreeQuarters);
        let read = ReportFacts::resolve_with(text, &[], false, &given, "f.txt").unwrap();
        assert_eq!(read.part, Period::FirstHalf);
    }

    #[test]
    fn missing_facts_are_named_and_given_ones_win() {
        let error = facts("重点工作进展,完成投资3亿元").unwrap_err();
        assert_eq!(
            error.missing,
            [
                MissingDetail::Jurisdiction,
                MissingDetail::Year,
                MissingDetail::Period
            ]
        );
        assert!(error.to_string().starts_with("f.txt: 文中没有写明辖区"));
        let given = DocumentDetails {
            jurisdiction: Some("平湖市".into()),
            year: Some(2023),
            period: Some("前三季度".into()),
            date: Some("2023-10-12".into()),
        };
        let read = ReportFacts::resolve("湖州市2024年上半年", &[], &given, "f.txt").unwrap();
        assert_eq!(
            (read.jurisdiction.as_str(), read.period(), read.date("")),
            (
                "平湖市",
                "2023年前三季度".to_string(),
                "2023-10-12".to_string()
            )
        );
        let titled = ReportFacts::resolve(
            "上半年,上半年",
            &["平湖市2023年重点工作年度完成情况".into()],
            &DocumentDetails::default(),
            "f.txt",
        )
        .unwrap();
        assert_eq!(titled.part, Period::FullYear);
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
