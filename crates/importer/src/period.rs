//! The period a progress report covers, and the details of a document the reader may
//! have to give when its text does not state them (whose report, which year, which
//! period, which date).
//!
//! A period is part of a document's identity: one city and year has a 一季度, a 上半年,
//! a 前三季度 and a 全年 report, and monthly ones in some offices. The title says which
//! (`…重点工作前三季度推进情况`); without a title, the figures' cut-offs do (`1-9月`,
//! `截至9月底`). A year-end period is read from the title or from year-end figures
//! (`全年实现`, `1-12月`) only: `全年` alone is how every report names the year's target.

use serde::{Deserialize, Serialize};

/// One period of a year a report may cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    /// 一季度.
    FirstQuarter,
    /// 上半年.
    FirstHalf,
    /// 前三季度.
    FirstThreeQuarters,
    /// 全年 (年度): the year-end report.
    FullYear,
    /// A month's report (`5月份`), 1–12.
    Month(u8),
}

/// Words that report figures for exactly one part of a year, counted in a report's body.
const BODY_MARKERS: &[(Period, &[&str])] = &[
    (
        Period::FirstQuarter,
        &["一季度", "1-3月", "1—3月", "1至3月"],
    ),
    (
        Period::FirstHalf,
        &["上半年", "半年度", "1-6月", "1—6月", "1至6月"],
    ),
    (
        Period::FirstThreeQuarters,
        &["前三季度", "1-9月", "1—9月", "1至9月"],
    ),
    (
        Period::FullYear,
        &[
            "1-12月",
            "1—12月",
            "1至12月",
            "全年实现",
            "全年完成",
            "全年累计",
            "截至12月底",
            "截至年底",
            "年度完成情况",
        ],
    ),
];

impl Period {
    /// The short code in document ids: `q1`, `h1`, `q3`, `year`, `m05`.
    pub fn code(self) -> String {
        match self {
            Period::FirstQuarter => "q1".into(),
            Period::FirstHalf => "h1".into(),
            Period::FirstThreeQuarters => "q3".into(),
            Period::FullYear => "year".into(),
            Period::Month(month) => format!("m{month:02}"),
        }
    }

    /// As a period is written: `一季度`, `上半年`, `前三季度`, `全年`, `5月`.
    pub fn label(self) -> String {
        match self {
            Period::FirstQuarter => "一季度".into(),
            Period::FirstHalf => "上半年".into(),
            Period::FirstThreeQuarters => "前三季度".into(),
            Period::FullYear => "全年".into(),
            Period::Month(month) => format!("{month}月"),
        }
    }

    /// The month the period's figures run to.
    pub fn end_month(self) -> u32 {
        match self {
            Period::FirstQuarter => 3,
            Period::FirstHalf => 6,
            Period::FirstThreeQuarters => 9,
            Period::FullYear => 12,
            Period::Month(month) => u32::from(month),
        }
    }

    /// Reads a period as a person types it (`上半年`, `h1`, `前三季度`, `全年`, `年度`,
    /// `1-5月`, `5月份`, `m05`); `None` for anything else.
    pub fn parse(value: &str) -> Option<Period> {
        let value: String = value.chars().filter(|c| !c.is_whitespace()).collect();
        let value = value.trim_end_matches('份');
        let named = match value.to_ascii_lowercase().as_str() {
            "一季度" | "第一季度" | "q1" => Some(Period::FirstQuarter),
            "上半年" | "半年" | "半年度" | "h1" => Some(Period::FirstHalf),
            "前三季度" | "三季度" | "q3" => Some(Period::FirstThreeQuarters),
            "全年" | "年度" | "年终" | "年底" | "year" | "annual" => Some(Period::FullYear),
            _ => None,
        };
        named.or_else(|| month_period(value))
    }

    /// The period a title names, if any: `…前三季度推进情况`, `…年度完成情况`,
    /// `…1-5月份…`. `半年度` is not `年度`.
    pub fn in_title(title: &str) -> Option<Period> {
        let title: String = title.chars().filter(|c| !c.is_whitespace()).collect();
        if title.contains("前三季度") || title.contains("1-9月") || title.contains("1—9月")
        {
            return Some(Period::FirstThreeQuarters);
        }
        if title.contains("一季度") || title.contains("1-3月") || title.contains("1—3月") {
            return Some(Period::FirstQuarter);
        }
        if title.contains("上半年") || title.contains("半年度") || title.contains("1-6月") {
            return Some(Period::FirstHalf);
        }
        let year_end = ["全年", "年终", "年底", "1-12月", "1—12月"]
            .iter()
            .any(|word| title.contains(word))
            || title.replace("半年度", "").contains("年度");
        if year_end {
            return Some(Period::FullYear);
        }
        title_month(&title)
    }

    /// The period whose markers the body uses most (ties: the later period).
    pub fn in_body(text: &str) -> Option<Period> {
        BODY_MARKERS
            .iter()
            .map(|(period, markers)| {
                let hits: usize = markers.iter().map(|m| text.matches(m).count()).sum();
                (hits, *period)
            })
            .filter(|(hits, _)| *hits > 0)
            .max_by_key(|(hits, period)| (*hits, period.end_month()))
            .map(|(_, period)| period)
    }
}

/// `1-5月`, `1—5月`, `5月`, `m05` → that month.
fn month_period(value: &str) -> Option<Period> {
    let value = value.to_ascii_lowercase();
    if let Some(digits) = value.strip_prefix('m') {
        return digits
            .parse::<u8>()
            .ok()
            .filter(|m| (1..=12).contains(m))
            .map(Period::Month);
    }
    let months = value.strip_suffix('月')?;
    let last = months
        .rsplit(['-', '—', '–', '至'])
        .next()
        .unwrap_or(months);
    last.parse::<u8>()
        .ok()
        .filter(|m| (1..=12).contains(m))
        .map(Period::Month)
}

/// A month a title reports on: `1-5月份`, `5月份` (a digit run before `月份`/`月`
/// followed by a report word).
fn title_month(title: &str) -> Option<Period> {
    let at = title.find("月份").or_else(|| {
        title
            .find("月工作")
            .or_else(|| title.find("月重点"))
            .or_else(|| title.find("月进展"))
    })?;
    let before = &title[..at];
    let digits: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits
        .parse::<u8>()
        .ok()
        .filter(|m| (1..=12).contains(m))
        .map(Period::Month)
}

/// Details of a document: as its text states them, or as the reader gives them
/// (`--jurisdiction` … on the command line, a sidecar file, the browser's form).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentDetails {
    /// e.g. `平湖市`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// As typed: `上半年`, `前三季度`, `全年`, `5月` … (see [`Period::parse`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// `YYYY-MM-DD` or `YYYY-MM`: when the figures run to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

impl DocumentDetails {
    /// Whether nothing is given.
    pub fn is_empty(&self) -> bool {
        self == &DocumentDetails::default()
    }

    /// `given`'s details where it has them, else `self`'s.
    pub fn overridden_by(&self, given: &DocumentDetails) -> DocumentDetails {
        DocumentDetails {
            jurisdiction: given
                .jurisdiction
                .clone()
                .or_else(|| self.jurisdiction.clone()),
            year: given.year.or(self.year),
            period: given.period.clone().or_else(|| self.period.clone()),
            date: given.date.clone().or_else(|| self.date.clone()),
        }
    }

    /// What is wrong with the given values, in words (an unknown period, a date that is
    /// not a date, a jurisdiction that is not a city's name); empty when all are usable.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if let Some(jurisdiction) = &self.jurisdiction {
            let name = jurisdiction.trim();
            if name.chars().count() < 2 || !name.ends_with(['市', '县', '区']) {
                problems.push(format!("辖区“{jurisdiction}”应为完整的市县名称,如“平湖市”"));
            }
        }
        if let Some(year) = self.year {
            if !(1990..=2100).contains(&year) {
                problems.push(format!("年份 {year} 不在 1990—2100 之间"));
            }
        }
        if let Some(period) = &self.period {
            if Period::parse(period).is_none() {
                problems.push(format!(
                    "时段“{period}”无法识别,可写一季度、上半年、前三季度、全年或某月(如 5月)"
                ));
            }
        }
        if let Some(date) = &self.date {
            if !is_date(date) {
                problems.push(format!("日期“{date}”应写作 YYYY-MM-DD 或 YYYY-MM"));
            }
        }
        problems
    }
}

/// `YYYY-MM-DD` or `YYYY-MM` with a real month and day.
pub fn is_date(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    let number = |part: &str, len: usize| {
        (part.len() == len && part.chars().all(|c| c.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    match parts.as_slice() {
        [year, month] => {
            number(year, 4).is_some() && number(month, 2).is_some_and(|m| (1..=12).contains(&m))
        }
        [year, month, day] => {
            number(year, 4).is_some()
                && number(month, 2).is_some_and(|m| (1..=12).contains(&m))
                && number(day, 2).is_some_and(|d| (1..=31).contains(&d))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_as_typed() {
        assert_eq!(Period::parse("前三季度"), Some(Period::FirstThreeQuarters));
        assert_eq!(Period::parse("年度"), Some(Period::FullYear));
        assert_eq!(Period::parse("h1"), Some(Period::FirstHalf));
        assert_eq!(Period::parse("1-5月"), Some(Period::Month(5)));
        assert_eq!(Period::parse("11月份"), Some(Period::Month(11)));
        assert_eq!(Period::parse("m05"), Some(Period::Month(5)));
        assert_eq!(Period::parse("下半年"), None);
        assert_eq!(Period::parse("13月"), None);
        assert_eq!(Period::Month(5).code(), "m05");
    }

    #[test]
    fn titles_name_their_period() {
        let title = |t: &str| Period::in_title(t);
        assert_eq!(
            title("2023年政府工作报告重点工作年度完成情况"),
            Some(Period::FullYear)
        );
        assert_eq!(
            title("关于2023年重点工作前三季度推进情况的通报"),
            Some(Period::FirstThreeQuarters)
        );
        assert_eq!(
            title("2024年重点工作任务半年度进展"),
            Some(Period::FirstHalf)
        );
        assert_eq!(title("2024年1-5月份重点工作进展"), Some(Period::Month(5)));
        assert_eq!(title("2024年重点工作任务分解"), None);
    }

    #[test]
    fn a_year_target_is_not_a_year_end() {
        assert_eq!(
            Period::in_body("上半年增长5%,全年目标6%,全年力争"),
            Some(Period::FirstHalf)
        );
        assert_eq!(
            Period::in_body("全年实现增加值100亿元;1-12月新增"),
            Some(Period::FullYear)
        );
        assert_eq!(Period::in_body("全年目标"), None);
    }

    #[test]
    fn given_details_are_checked() {
        let details = DocumentDetails {
            jurisdiction: Some("平湖".into()),
            year: Some(1880),
            period: Some("下半年".into()),
            date: Some("2023-13-01".into()),
        };
        assert_eq!(details.problems().len(), 4);
        assert!(is_date("2023-12-31") && is_date("2023-09") && !is_date("2023-9-1"));
    }
}
