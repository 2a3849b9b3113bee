//! The plan's key indicators as the yearly documents name them, and the figures those
//! documents state for them (`上半年,全市GDP增长6.5%`).
//!
//! The indicator table (表2—1) uses formal names (`研发经费占生产总值比重`) that the
//! yearly texts rarely repeat (`研发投入强度`), so the names are mapped by hand here,
//! one row per indicator the texts actually mention. The same table serves the thread
//! links (a task naming an indicator serves it) and the pace figures.

use planboard_model::{Basis, Dataset, DocumentKind, Indicator, Measure, PaceFigure, TaskKind};

/// How the yearly texts speak of one indicator.
pub struct IndicatorWords {
    /// Picks the indicator: a part of its name in 表2—1.
    pub name_part: &'static str,
    /// Phrases that show a task serves the indicator.
    pub mentions: &'static [&'static str],
    /// Phrases directly followed by a growth rate in percent.
    pub growth: &'static [&'static str],
    /// Phrases directly followed by a value in the indicator's unit.
    pub level: &'static [&'static str],
}

/// The indicators the documents speak of in their own words.
pub const INDICATOR_WORDS: &[IndicatorWords] = &[
    IndicatorWords {
        name_part: "生产总值(GDP)",
        mentions: &["地区生产总值", "GDP增长"],
        growth: &["GDP增长", "地区生产总值增长", "生产总值增长"],
        level: &[],
    },
    IndicatorWords {
        name_part: "研发经费占生产总值比重",
        mentions: &["研发投入强度", "研发经费支出占"],
        growth: &[],
        level: &[
            "研发投入强度达到",
            "研发投入强度为",
            "研发经费支出占生产总值比重",
        ],
    },
    IndicatorWords {
        name_part: "PM2.5",
        mentions: &["PM2.5"],
        growth: &[],
        level: &["PM2.5平均浓度为", "PM2.5平均浓度控制在每立方米"],
    },
    IndicatorWords {
        name_part: "空气质量优良天数比率",
        mentions: &["空气质量优良"],
        growth: &[],
        level: &["空气质量优良率", "空气质量优良天数比率"],
    },
    IndicatorWords {
        name_part: "居民人均可支配收入增长",
        mentions: &["居民人均可支配收入", "居民收入"],
        growth: &["居民人均可支配收入增长"],
        level: &[],
    },
    IndicatorWords {
        name_part: "实际使用外资额",
        mentions: &["实际使用外资", "实到外资"],
        growth: &["实际使用外资增长"],
        level: &[],
    },
    IndicatorWords {
        name_part: "常住人口城镇化率",
        mentions: &["城镇化率"],
        growth: &[],
        level: &["城镇化率达到"],
    },
    IndicatorWords {
        name_part: "数字经济核心产业增加值占GDP比重",
        mentions: &["数字经济核心产业"],
        growth: &[],
        level: &[],
    },
    IndicatorWords {
        name_part: "每万人高价值发明专利拥有量",
        mentions: &["高价值发明专利"],
        growth: &[],
        level: &[],
    },
    IndicatorWords {
        name_part: "城镇登记失业率",
        mentions: &["失业率"],
        growth: &[],
        level: &[],
    },
    IndicatorWords {
        name_part: "婴幼儿托位数",
        mentions: &["托位"],
        growth: &[],
        level: &[],
    },
    IndicatorWords {
        name_part: "森林覆盖率",
        mentions: &["森林覆盖率"],
        growth: &[],
        level: &[],
    },
    IndicatorWords {
        name_part: "粮食综合生产能力",
        mentions: &["粮食播种面积", "粮食综合生产能力"],
        growth: &[],
        level: &[],
    },
    IndicatorWords {
        name_part: "一网通办",
        mentions: &["一网通办"],
        growth: &[],
        level: &[],
    },
    IndicatorWords {
        name_part: "持证养老护理员",
        mentions: &["养老护理员"],
        growth: &[],
        level: &[],
    },
];

/// The indicator a row of `INDICATOR_WORDS` means, if the plan has it.
pub fn indicator_for<'d>(
    words: &IndicatorWords,
    indicators: &'d [Indicator],
) -> Option<&'d Indicator> {
    indicators
        .iter()
        .find(|indicator| indicator.name.contains(words.name_part))
}

/// At most this many characters (no punctuation) may stand between a phrase and its
/// number: `控制在每立方米25微克`, but not a number of the next clause.
const GAP: usize = 8;

/// Every figure the plan period's documents of the plan's jurisdiction state for an
/// indicator: progress as `Reported`, the tasks' own targets as `Goal`.
pub fn extract_figures(dataset: &Dataset) -> Vec<PaceFigure> {
    let Some(plan_document) = dataset
        .catalog
        .documents
        .iter()
        .find(|document| document.id == dataset.plan.document)
    else {
        return Vec::new();
    };
    let resolved: Vec<(&IndicatorWords, &Indicator)> = INDICATOR_WORDS
        .iter()
        .filter_map(|words| Some((words, indicator_for(words, &dataset.plan.indicators)?)))
        .collect();
    let mut figures = Vec::new();
    let mut document = plan_document;
    for task in &dataset.tasks {
        if document.id != task.document {
            match dataset
                .catalog
                .documents
                .iter()
                .find(|d| d.id == task.document)
            {
                Some(found) => document = found,
                None => continue,
            }
        }
        // Figures before the plan's first year describe the baseline period.
        if document.jurisdiction != plan_document.jurisdiction
            || document.year < plan_document.year
            || document.kind == DocumentKind::FiveYearPlan
        {
            continue;
        }
        // A five-year task restates the plan's 2025 target, not a goal for its year.
        let goal = (task.kind != TaskKind::PeriodTask).then_some((Basis::Goal, task.text.as_str()));
        let texts = goal.into_iter().chain(
            task.progress
                .iter()
                .map(|progress| (Basis::Reported, progress.as_str())),
        );
        for (basis, text) in texts {
            for sentence in sentences(text) {
                for &(words, indicator) in &resolved {
                    let measured = words
                        .growth
                        .iter()
                        .map(|phrase| (Measure::Growth, phrase))
                        .chain(words.level.iter().map(|phrase| (Measure::Level, phrase)));
                    for (measure, phrase) in measured {
                        if let Some((value, printed)) = number_after(sentence, phrase) {
                            if measure == Measure::Growth && !printed.ends_with('%') {
                                continue;
                            }
                            figures.push(PaceFigure {
                                indicator: indicator.id.clone(),
                                item: task.id.clone(),
                                document: document.id.clone(),
                                date: document.date.clone(),
                                measure,
                                basis,
                                value,
                                printed,
                                sentence: sentence.trim().to_string(),
                            });
                            break;
                        }
                    }
                }
            }
        }
    }
    figures
}

/// Sentences: split at `。；;`, each keeping its clauses together.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(['。', '；', ';'])
        .filter(|sentence| !sentence.trim().is_empty())
}

/// The first number after `phrase` within `GAP` characters (no punctuation between),
/// with its unit as printed (`6.5%`, `37.9微克/立方米`, `25微克`).
fn number_after(sentence: &str, phrase: &str) -> Option<(f64, String)> {
    let start = sentence.find(phrase)? + phrase.len();
    let rest = &sentence[start..];
    let mut number_start = None;
    for (offset, (index, c)) in rest.char_indices().enumerate() {
        if c.is_ascii_digit() {
            number_start = Some(index);
            break;
        }
        if offset >= GAP || "，,、：:（(）)".contains(c) {
            return None;
        }
    }
    let from = number_start?;
    let digits: String = rest[from..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let value: f64 = digits.trim_end_matches('.').parse().ok()?;
    let after = &rest[from + digits.len()..];
    let unit: String = after
        .chars()
        .take_while(|c| !"，,、；;。（(）) ".contains(*c) && !c.is_ascii_digit())
        .take(8)
        .collect();
    let unit = if unit.starts_with('%') {
        "%".to_string()
    } else {
        unit
    };
    Some((value, format!("{}{unit}", digits.trim_end_matches('.'))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_number_right_after_the_phrase() {
        assert_eq!(
            number_after("上半年,全市GDP增长6.5%,分别高于全国", "GDP增长"),
            Some((6.5, "6.5%".to_string()))
        );
        assert_eq!(
            number_after(
                "力争市区PM2.5平均浓度控制在每立方米25微克以内",
                "PM2.5平均浓度控制在每立方米"
            ),
            Some((25.0, "25微克以内".to_string()))
        );
        assert_eq!(number_after("GDP增长,分别为6%", "GDP增长"), None);
        assert_eq!(
            number_after("GDP增长较快且明显高于全省平均水平达6%", "GDP增长"),
            None
        );
    }
}
