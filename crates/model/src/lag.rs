//! Lag analysis: lagging tasks per leader and per department in one progress report,
//! and the leader × department matrix of lead and co-responsible assignments.

use std::collections::BTreeMap;

use crate::entry::EntryKind;
use crate::index::Index;
use crate::links::{LinkIndex, LinkKind};
use crate::types::{Status, TaskKind};

/// One leader's or department's tasks in a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LagRow {
    pub name: String,
    /// Tasks the report judges (any status but `NotTracked`).
    pub tracked: usize,
    /// Positions (in `Index::entries`) of the lagging ones, in document order.
    pub lagging: Vec<usize>,
}

impl LagRow {
    /// Lagging share in percent, 0 when nothing is tracked.
    pub fn lagging_percent(&self) -> f64 {
        if self.tracked == 0 {
            0.0
        } else {
            self.lagging.len() as f64 * 100.0 / self.tracked as f64
        }
    }
}

/// Per leader (tasks the report assigns to one) in `document`: most lagging first,
/// then most tracked, then name. Empty when the report names no leaders.
pub fn lag_by_leader(index: &Index, document: &str) -> Vec<LagRow> {
    lag_rows(index, document, |entry, visit| {
        if let Some(leader) = &entry.leader {
            visit(leader);
        }
    })
}

/// For a report that names no leaders: per leader of the *earlier* records the report's
/// tasks are linked to as the same commitment (the 2021 breakdown's 分管领导 of a 2024
/// task). A task counts once for each distinct such leader; tasks with no such link are
/// left out. Leaders change, so the view words this as the earlier assignment.
pub fn lag_by_earlier_leader(index: &Index, links: &LinkIndex, document: &str) -> Vec<LagRow> {
    lag_rows(index, document, |entry, visit| {
        let mut leaders: Vec<&str> = links
            .links_of(&entry.id)
            .into_iter()
            .filter(|link| link.kind == LinkKind::SameCommitment)
            .filter_map(|link| link.other(&entry.id))
            .filter_map(|other| index.entry(other))
            .filter(|other| other.document != entry.document)
            .filter_map(|other| other.leader.as_deref())
            .collect();
        leaders.sort_unstable();
        leaders.dedup();
        leaders.into_iter().for_each(&mut *visit);
    })
}

/// Per lead department in `document` (a task counts for each unit it marks as lead).
pub fn lag_by_department(index: &Index, document: &str) -> Vec<LagRow> {
    lag_rows(index, document, |entry, visit| {
        entry.lead_units().for_each(&mut *visit)
    })
}

fn lag_rows(
    index: &Index,
    document: &str,
    names: impl Fn(&crate::entry::Entry, &mut dyn FnMut(&str)),
) -> Vec<LagRow> {
    let mut rows: BTreeMap<String, LagRow> = BTreeMap::new();
    for (position, entry) in index.entries().iter().enumerate() {
        if entry.document != document || entry.status == Status::NotTracked {
            continue;
        }
        names(entry, &mut |name| {
            let row = rows.entry(name.to_owned()).or_insert_with(|| LagRow {
                name: name.to_owned(),
                tracked: 0,
                lagging: Vec::new(),
            });
            row.tracked += 1;
            if entry.status.needs_follow_up() {
                row.lagging.push(position);
            }
        });
    }
    let mut rows: Vec<LagRow> = rows.into_values().collect();
    rows.sort_by(|a, b| {
        b.lagging
            .len()
            .cmp(&a.lagging.len())
            .then_with(|| b.tracked.cmp(&a.tracked))
            .then_with(|| a.name.cmp(&b.name))
    });
    rows
}

/// How often a department leads and co-works under one leader.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct RoleCounts {
    pub lead: usize,
    pub co: usize,
}

impl RoleCounts {
    pub fn total(&self) -> usize {
        self.lead + self.co
    }
}

/// A department's column of the matrix, summed over leaders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitColumn {
    pub unit: String,
    pub totals: RoleCounts,
    /// How many leaders it works for.
    pub leaders: usize,
    /// Among the most loaded departments (see `Matrix::new`).
    pub overloaded: bool,
    /// Named at least `CO_ONLY_MIN` times, never as lead.
    pub never_leads: bool,
}

/// A department named this often (lead or co) is a candidate for `overloaded`: about
/// one task in ten of the 2021 breakdown's 122.
pub const OVERLOAD_MIN: usize = 15;

/// A department named this often without ever leading is flagged `never_leads`.
pub const CO_ONLY_MIN: usize = 3;

/// Leaders (rows) × departments (columns) with lead and co-responsible counts, over the
/// tasks that name a leader (yearly and five-year tasks of the breakdowns).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Matrix {
    pub leaders: Vec<String>,
    /// Most loaded first.
    pub units: Vec<UnitColumn>,
    /// `cells[leader][unit]`, in the order of `leaders` and `units`.
    pub cells: Vec<Vec<RoleCounts>>,
}

impl Matrix {
    /// The matrix for the tasks of `jurisdiction` (all jurisdictions when empty) that
    /// name a leader. A department is `overloaded` when it is named at least
    /// `OVERLOAD_MIN` times and at least twice as often as the median department.
    pub fn new(index: &Index, jurisdiction: &str) -> Matrix {
        let mut counts: BTreeMap<(String, String), RoleCounts> = BTreeMap::new();
        let mut leader_order: Vec<String> = Vec::new();
        for entry in index.entries() {
            let is_task = matches!(
                entry.kind,
                EntryKind::Task(TaskKind::AnnualTask | TaskKind::PeriodTask)
            );
            let Some(leader) = entry.leader.as_ref().filter(|_| is_task) else {
                continue;
            };
            if !jurisdiction.is_empty() && entry.jurisdiction != jurisdiction {
                continue;
            }
            if !leader_order.contains(leader) {
                leader_order.push(leader.clone());
            }
            for unit in &entry.units {
                let cell = counts
                    .entry((leader.clone(), unit.name.clone()))
                    .or_default();
                if unit.lead {
                    cell.lead += 1;
                } else {
                    cell.co += 1;
                }
            }
        }
        let mut by_unit: BTreeMap<&str, (RoleCounts, usize)> = BTreeMap::new();
        for ((_, unit), cell) in &counts {
            let (totals, leaders) = by_unit.entry(unit).or_default();
            totals.lead += cell.lead;
            totals.co += cell.co;
            *leaders += 1;
        }
        let mut totals: Vec<usize> = by_unit.values().map(|(t, _)| t.total()).collect();
        totals.sort_unstable();
        let median = totals.get(totals.len() / 2).copied().unwrap_or(0);
        let mut units: Vec<UnitColumn> = by_unit
            .into_iter()
            .map(|(unit, (totals, leaders))| UnitColumn {
                unit: unit.to_owned(),
                totals,
                leaders,
                overloaded: totals.total() >= OVERLOAD_MIN && totals.total() >= 2 * median,
                never_leads: totals.lead == 0 && totals.co >= CO_ONLY_MIN,
            })
            .collect();
        units.sort_by(|a, b| {
            b.totals
                .total()
                .cmp(&a.totals.total())
                .then_with(|| a.unit.cmp(&b.unit))
        });
        let cells = leader_order
            .iter()
            .map(|leader| {
                units
                    .iter()
                    .map(|column| {
                        counts
                            .get(&(leader.clone(), column.unit.clone()))
                            .copied()
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .collect();
        Matrix {
            leaders: leader_order,
            units,
            cells,
        }
    }

    /// The row of one leader.
    pub fn row(&self, leader: &str) -> Option<&[RoleCounts]> {
        let position = self.leaders.iter().position(|l| l == leader)?;
        self.cells.get(position).map(Vec::as_slice)
    }

    /// A leader's counts with one department.
    pub fn cell(&self, leader: &str, unit: &str) -> RoleCounts {
        let column = self.units.iter().position(|c| c.unit == unit);
        match (self.row(leader), column) {
            (Some(row), Some(column)) => row[column],
            _ => RoleCounts::default(),
        }
    }
}

/// What a report's follow-up lists count, in words: `滞后` for a mid-year report, `滞后或未完成`
/// for one that states year-end outcomes (its 未完成 tasks are followed up too).
pub fn follow_up_word(
    index: &crate::index::Index,
    document: &str,
    lang: crate::lang::Lang,
) -> &'static str {
    let states_outcomes = index
        .entries()
        .iter()
        .any(|entry| entry.document == document && entry.status.is_outcome());
    match (states_outcomes, lang) {
        (false, crate::lang::Lang::Zh) => "滞后",
        (false, crate::lang::Lang::En) => "lagging",
        (true, crate::lang::Lang::Zh) => "滞后或未完成",
        (true, crate::lang::Lang::En) => "lagging or not completed",
    }
}
