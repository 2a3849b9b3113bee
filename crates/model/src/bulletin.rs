//! The 督查通报 (supervision bulletin): one progress report's lagging tasks, grouped by
//! lead unit and by leader, for the print view.

use crate::index::Index;
use crate::lag::{lag_by_department, lag_by_earlier_leader, lag_by_leader, LagRow};
use crate::links::LinkIndex;
use crate::types::Status;

/// Lagging tasks under one name (a lead unit or a leader).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BulletinGroup {
    pub name: String,
    /// Tasks of the report under this name that the report judges.
    pub tracked: usize,
    /// Positions in `Index::entries` of the lagging ones, in document order.
    pub lagging: Vec<usize>,
}

/// What the bulletin of one report lists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bulletin {
    /// Tasks the report judges (any status but `NotTracked`).
    pub tracked: usize,
    /// Every lagging task, in document order.
    pub lagging: Vec<usize>,
    /// Per lead unit, most lagging first (a task counts under each unit it marks lead).
    pub by_unit: Vec<BulletinGroup>,
    /// Lagging tasks that name no lead unit.
    pub without_unit: Vec<usize>,
    /// Per leader, most lagging first.
    pub by_leader: Vec<BulletinGroup>,
    /// The report names no leaders, so `by_leader` holds the leaders of the same
    /// commitment in earlier documents (see [`lag_by_earlier_leader`]).
    pub leaders_from_earlier: bool,
    /// Lagging tasks no leader group holds.
    pub without_leader: Vec<usize>,
}

impl Bulletin {
    /// The bulletin of progress report `document`.
    /// Whether `new` follows `links` for `document`: when the report names no leader
    /// and marks tasks as lagging, they are grouped under the leaders of earlier
    /// documents. Otherwise `new` can be given an empty `LinkIndex`.
    pub fn needs_links(index: &Index, document: &str) -> bool {
        lag_by_leader(index, document).is_empty()
            && index
                .entries()
                .iter()
                .any(|entry| entry.document == document && entry.status.needs_follow_up())
    }

    pub fn new(index: &Index, links: &LinkIndex, document: &str) -> Bulletin {
        let in_report = || {
            index
                .entries()
                .iter()
                .enumerate()
                .filter(|(_, entry)| entry.document == document)
                .filter(|(_, entry)| entry.status != Status::NotTracked)
        };
        let tracked = in_report().count();
        let lagging: Vec<usize> = in_report()
            .filter(|(_, entry)| entry.status.needs_follow_up())
            .map(|(position, _)| position)
            .collect();
        let by_unit = groups(lag_by_department(index, document));
        let mut by_leader = groups(lag_by_leader(index, document));
        let leaders_from_earlier = by_leader.is_empty() && !lagging.is_empty();
        if leaders_from_earlier {
            by_leader = groups(lag_by_earlier_leader(index, links, document));
        }
        let outside = |groups: &[BulletinGroup]| {
            lagging
                .iter()
                .copied()
                .filter(|position| !groups.iter().any(|group| group.lagging.contains(position)))
                .collect::<Vec<_>>()
        };
        Bulletin {
            tracked,
            without_unit: outside(&by_unit),
            without_leader: outside(&by_leader),
            lagging,
            by_unit,
            by_leader,
            leaders_from_earlier,
        }
    }
}

fn groups(rows: Vec<LagRow>) -> Vec<BulletinGroup> {
    rows.into_iter()
        .filter(|row| !row.lagging.is_empty())
        .map(|row| BulletinGroup {
            name: row.name,
            tracked: row.tracked,
            lagging: row.lagging,
        })
        .collect()
}
