//! Year over year: one leader's or department's commitments in two documents, matched
//! by the same links the threads are made of — carried over, dropped, added.

use std::collections::BTreeSet;

use crate::entry::Entry;
use crate::index::Index;
use crate::links::LinkIndex;

/// Whose commitments are compared.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    Leader(String),
    /// A department, named in any role.
    Unit(String),
}

/// A commitment of the older document and what became of it in the newer one.
#[derive(Clone, Debug, PartialEq)]
pub struct Carried {
    /// Position in `Index::entries`.
    pub before: usize,
    /// Linked entries of the newer document (possibly under other units).
    pub after: Vec<usize>,
    /// The shared phrases of the best link.
    pub reasons: Vec<String>,
}

/// The two documents side by side.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    pub carried: Vec<Carried>,
    /// Older commitments with no link into the newer document.
    pub dropped: Vec<usize>,
    /// Newer commitments with no link into the older document.
    pub added: Vec<usize>,
    /// The newer document assigns no leaders, so a leader's commitments there are those
    /// led by the departments the leader's older commitments are led by.
    pub attributed_by_units: bool,
}

fn in_document<'e>(
    entries: &'e [Entry],
    document: &'e str,
) -> impl Iterator<Item = (usize, &'e Entry)> + 'e {
    entries
        .iter()
        .enumerate()
        .filter(move |(_, entry)| entry.document == document)
}

/// Compares `before` and `after` (document ids) for `scope`.
///
/// A leader's commitments in a document that names no leaders (the 2024 progress report)
/// are attributed through lead units, and `attributed_by_units` says so.
pub fn compare(
    index: &Index,
    links: &LinkIndex,
    before: &str,
    after: &str,
    scope: &Scope,
) -> Comparison {
    let entries = index.entries();
    let names_leaders =
        |document: &str| in_document(entries, document).any(|(_, e)| e.leader.is_some());
    let leader_units = |leader: &str| -> BTreeSet<String> {
        in_document(entries, before)
            .filter(|(_, e)| e.leader.as_deref() == Some(leader))
            .flat_map(|(_, e)| e.lead_units().map(str::to_owned).collect::<Vec<_>>())
            .collect()
    };
    let mut attributed_by_units = false;
    let mut members = |document: &str| -> Vec<usize> {
        match scope {
            Scope::Unit(unit) => in_document(entries, document)
                .filter(|(_, e)| e.has_unit(unit))
                .map(|(p, _)| p)
                .collect(),
            Scope::Leader(leader) if names_leaders(document) => in_document(entries, document)
                .filter(|(_, e)| e.leader.as_deref() == Some(leader.as_str()))
                .map(|(p, _)| p)
                .collect(),
            Scope::Leader(leader) => {
                attributed_by_units = true;
                let units = leader_units(leader);
                in_document(entries, document)
                    .filter(|(_, e)| e.lead_units().any(|u| units.contains(u)))
                    .map(|(p, _)| p)
                    .collect()
            }
        }
    };
    let older = members(before);
    let newer = members(after);

    let linked_into = |position: usize, document: &str| {
        let id = &entries[position].id;
        let mut found: Vec<(usize, Vec<String>)> = Vec::new();
        for link in links.links_of(id) {
            let Some(other) = link.other(id).and_then(|other| index.position(other)) else {
                continue;
            };
            if entries[other].document == document && !found.iter().any(|(p, _)| *p == other) {
                found.push((other, link.reasons.clone()));
            }
        }
        found
    };

    let mut comparison = Comparison::default();
    for &position in &older {
        let found = linked_into(position, after);
        match found.first() {
            Some((_, reasons)) => comparison.carried.push(Carried {
                before: position,
                reasons: reasons.clone(),
                after: found.iter().map(|(p, _)| *p).collect(),
            }),
            None => comparison.dropped.push(position),
        }
    }
    comparison.added = newer
        .into_iter()
        .filter(|&position| linked_into(position, before).is_empty())
        .collect();
    comparison.attributed_by_units = attributed_by_units;
    comparison
}
