//! Indicator pace (序时进度): where a key indicator should stand at a date if it moves
//! from its 2020 value to its 2025 target at an even pace, and whether the figures the
//! documents state are ahead of that pace, on it, or behind.
//!
//! Amounts and counts (亿元, 万人, 件 …) are interpolated **compound**: plans set them as
//! average yearly growth (年均增长), so an even pace is a constant growth rate, and the
//! required rate is what a stated growth figure is compared with. Shares, rates and
//! durations (`%`, 年, 岁) are interpolated **linearly**: plans raise them by percentage
//! points or years, which add up rather than compound.

use crate::lang::Lang;
use crate::links::{Basis, Links, Measure, PaceFigure};
use crate::types::{Dataset, Indicator, Plan};

/// How an indicator is expected to move between its baseline and its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Interpolation {
    Compound,
    Linear,
}

impl Interpolation {
    pub fn label_zh(self) -> &'static str {
        match self {
            Interpolation::Compound => "按年均增速（复合）",
            Interpolation::Linear => "按等量增减（线性）",
        }
    }

    /// The label in the interface language (`label_zh` stays the URL value).
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.label_zh(),
            Lang::En => match self {
                Interpolation::Compound => "by average annual growth (compound)",
                Interpolation::Linear => "by equal yearly steps (linear)",
            },
        }
    }
}

/// An indicator's even pace from the baseline year's end to the target year's end.
#[derive(Clone, Debug, PartialEq)]
pub struct Pace {
    pub interpolation: Interpolation,
    pub baseline: f64,
    pub target: f64,
    pub baseline_year: i32,
    pub target_year: i32,
}

/// The words and colour class a comparison ends in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    Ahead,
    OnPace,
    Behind,
}

impl Verdict {
    pub fn label_zh(self) -> &'static str {
        match self {
            Verdict::Ahead => "快于序时",
            Verdict::OnPace => "符合序时",
            Verdict::Behind => "慢于序时",
        }
    }

    /// The label in the interface language (`label_zh` stays the URL value).
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.label_zh(),
            Lang::En => match self {
                Verdict::Ahead => "Ahead of pace",
                Verdict::OnPace => "On pace",
                Verdict::Behind => "Behind pace",
            },
        }
    }

    /// CSS-friendly name.
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Ahead => "ahead",
            Verdict::OnPace => "on-pace",
            Verdict::Behind => "behind",
        }
    }
}

/// Growth figures within this many percentage points of the required rate are on pace.
pub const GROWTH_TOLERANCE: f64 = 0.5;
/// Level figures within this share of the expected value are on pace.
pub const LEVEL_TOLERANCE: f64 = 0.02;

impl Pace {
    /// The pace of an indicator with a numeric baseline and target; `None` otherwise.
    /// The plan's first year is `plan_year` (the baseline is the year before it, the
    /// target five years after the baseline).
    pub fn of(indicator: &Indicator, plan_year: u16) -> Option<Pace> {
        let (baseline, target) = (indicator.baseline_value?, indicator.target_value?);
        let additive = matches!(indicator.unit.as_str(), "%" | "年" | "岁");
        let interpolation = if additive || baseline <= 0.0 || target <= 0.0 {
            Interpolation::Linear
        } else {
            Interpolation::Compound
        };
        let baseline_year = i32::from(plan_year) - 1;
        Some(Pace {
            interpolation,
            baseline,
            target,
            baseline_year,
            target_year: baseline_year + 5,
        })
    }

    fn years(&self) -> f64 {
        f64::from(self.target_year - self.baseline_year)
    }

    /// Lower is better when the target is below the baseline (PM2.5, accident rates).
    pub fn lower_is_better(&self) -> bool {
        self.target < self.baseline
    }

    /// The required change per year: percent growth for compound indicators, units per
    /// year for linear ones.
    ///
    /// ```
    /// use planboard_model::pace::{Interpolation, Pace};
    /// let gdp = Pace { interpolation: Interpolation::Compound, baseline: 3201.4,
    ///                  target: 5000.0, baseline_year: 2020, target_year: 2025 };
    /// assert!((gdp.required_rate() - 9.33).abs() < 0.01);
    /// ```
    pub fn required_rate(&self) -> f64 {
        match self.interpolation {
            Interpolation::Compound => {
                ((self.target / self.baseline).powf(1.0 / self.years()) - 1.0) * 100.0
            }
            Interpolation::Linear => (self.target - self.baseline) / self.years(),
        }
    }

    /// The value expected at `date` (`YYYY-MM-DD` or `YYYY-MM`), clamped to the plan
    /// period; `None` for an unreadable date.
    ///
    /// ```
    /// use planboard_model::pace::{Interpolation, Pace};
    /// let pm25 = Pace { interpolation: Interpolation::Linear, baseline: 26.0,
    ///                   target: 25.0, baseline_year: 2020, target_year: 2025 };
    /// assert_eq!(pm25.expected_at("2023-12-31"), Some(25.4));
    /// ```
    pub fn expected_at(&self, date: &str) -> Option<f64> {
        let elapsed =
            (year_fraction(date)? - f64::from(self.baseline_year + 1)).clamp(0.0, self.years());
        let value = match self.interpolation {
            Interpolation::Compound => {
                self.baseline * (self.target / self.baseline).powf(elapsed / self.years())
            }
            Interpolation::Linear => {
                self.baseline + (self.target - self.baseline) * elapsed / self.years()
            }
        };
        Some((value * 1000.0).round() / 1000.0)
    }
}

/// `2024-06-30` → 2024.5 (years as a number, a date being the end of its day; a month
/// alone means its end).
fn year_fraction(date: &str) -> Option<f64> {
    let mut parts = date.split('-');
    let year: f64 = parts.next()?.parse().ok()?;
    let month: f64 = match parts.next() {
        Some(month) => month.parse().ok().filter(|m| (1.0..=12.0).contains(m))?,
        None => 12.0,
    };
    let day: Option<f64> = match parts.next() {
        Some(day) => Some(day.parse().ok().filter(|d| (1.0..=31.0).contains(d))?),
        None => None,
    };
    let months_done = match day {
        Some(day) => month - 1.0 + (day / 30.0).min(1.0),
        None => month,
    };
    Some(year + months_done / 12.0)
}

/// The first number in a printed growth target (`7左右` → 7, `>6` → 6, `10以上` → 10).
pub fn growth_target(indicator: &Indicator) -> Option<f64> {
    let printed = indicator.growth.as_str();
    let start = printed.find(|c: char| c.is_ascii_digit())?;
    let digits: String = printed[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    // `[5]` is a five-year total, not a yearly rate.
    if printed.contains('[') {
        return None;
    }
    digits.parse().ok()
}

/// One figure weighed against the pace.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding<'d> {
    pub figure: &'d PaceFigure,
    /// What the figure is compared with: the required yearly rate (growth figures) or
    /// the expected value at the figure's date (levels).
    pub expected: f64,
    pub verdict: Verdict,
    /// Why the verdict must be read with care, when the two numbers are not measured
    /// alike.
    pub caveat: Option<Caveat>,
}

/// A reason a verdict must be read with care.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Caveat {
    /// A money total's target (GDP 5000 亿元) is set at current prices, so the yearly
    /// rate it requires includes inflation, while the growth the reports state is at
    /// comparable prices. Comparing the two overstates the shortfall by roughly the
    /// price rise; the verdict is kept (it is what the numbers say) but never shown
    /// without this warning.
    PriceBasis,
}

impl Caveat {
    /// The warning in the interface language.
    ///
    /// ```
    /// use planboard_model::{pace::{Caveat, PRICE_BASIS_CAVEAT}, Lang};
    /// assert_eq!(Caveat::PriceBasis.text(Lang::Zh), PRICE_BASIS_CAVEAT);
    /// assert!(Caveat::PriceBasis.text(Lang::En).contains("comparable prices"));
    /// ```
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Caveat::PriceBasis => lang.pick(PRICE_BASIS_CAVEAT, PRICE_BASIS_CAVEAT_EN),
        }
    }
}

/// The Chinese of [`Caveat::PriceBasis`].
pub const PRICE_BASIS_CAVEAT: &str =
    "口径提示：目标为现价总量，所需增速含价格因素；文件中的增速一般按可比价计算，直接比较会高估差距。";

/// The English of [`Caveat::PriceBasis`].
pub const PRICE_BASIS_CAVEAT_EN: &str = "Price basis: the target is a total at current prices, so the growth it requires includes inflation; the documents usually state growth at comparable prices, so comparing the two overstates the gap.";

/// An indicator with its pace and the figures stated for it.
#[derive(Clone, Debug, PartialEq)]
pub struct PaceRow<'d> {
    pub indicator: &'d Indicator,
    pub pace: Option<Pace>,
    /// For indicators set as a yearly growth only (`居民人均可支配收入增长 7左右`).
    pub growth_target: Option<f64>,
    pub findings: Vec<Finding<'d>>,
}

/// Every key indicator with a pace or a growth target, in the table's order, with
/// the figures the documents state for it. `plan` and `links` are the dataset's (loaded
/// apart by the app; `&dataset.plan` and `&dataset.links` for a `Dataset` from
/// `parse_dataset`).
pub fn pace_table<'d>(dataset: &'d Dataset, plan: &'d Plan, links: &'d Links) -> Vec<PaceRow<'d>> {
    let plan_year = dataset
        .catalog
        .documents
        .iter()
        .find(|document| document.id == plan.document)
        .map_or(2021, |document| document.year);
    plan.indicators
        .iter()
        .filter_map(|indicator| {
            let pace = Pace::of(indicator, plan_year);
            let growth_target = growth_target(indicator);
            if pace.is_none() && growth_target.is_none() {
                return None;
            }
            let findings = links
                .figures
                .iter()
                .filter(|figure| figure.indicator == indicator.id)
                .filter_map(|figure| judge(figure, pace.as_ref(), growth_target))
                .map(|mut finding| {
                    if compares_growth_with_money_total(&finding, pace.as_ref(), indicator) {
                        finding.caveat = Some(Caveat::PriceBasis);
                    }
                    finding
                })
                .collect();
            Some(PaceRow {
                indicator,
                pace,
                growth_target,
                findings,
            })
        })
        .collect()
}

/// A growth rate judged against the compound pace of an amount of money.
fn compares_growth_with_money_total(
    finding: &Finding,
    pace: Option<&Pace>,
    indicator: &Indicator,
) -> bool {
    finding.figure.measure == Measure::Growth
        && pace.is_some_and(|p| p.interpolation == Interpolation::Compound)
        && indicator.unit.contains('元')
}

/// Compares one figure with the pace; `None` when they measure different things.
pub fn judge<'d>(
    figure: &'d PaceFigure,
    pace: Option<&Pace>,
    growth_target: Option<f64>,
) -> Option<Finding<'d>> {
    let (expected, lower_is_better, tolerance) = match figure.measure {
        Measure::Growth => {
            let required = match pace {
                Some(pace) if pace.interpolation == Interpolation::Compound => pace.required_rate(),
                _ => growth_target?,
            };
            (required, false, GROWTH_TOLERANCE)
        }
        Measure::Level => {
            let pace = pace?;
            // A year's goal is for the year's end; a reported figure for its date.
            let date = match figure.basis {
                Basis::Goal => format!("{}-12-31", figure.date.get(..4)?),
                Basis::Reported => figure.date.clone(),
            };
            let expected = pace.expected_at(&date)?;
            (
                expected,
                pace.lower_is_better(),
                expected.abs() * LEVEL_TOLERANCE,
            )
        }
    };
    let gap = figure.value - expected;
    let verdict = if gap.abs() <= tolerance {
        Verdict::OnPace
    } else if (gap > 0.0) != lower_is_better {
        Verdict::Ahead
    } else {
        Verdict::Behind
    };
    Some(Finding {
        figure,
        expected: (expected * 100.0).round() / 100.0,
        verdict,
        caveat: None,
    })
}
