//! What the user asked for: facet selections, search text and sort order.

use crate::entry::EntryKind;
use crate::facets::Facet;
use crate::types::Status;

/// A query over the entries. Within one facet the values are OR-ed, across facets
/// AND-ed; `q` (full-text, every term must match) applies on top.
///
/// ```
/// use planboard_model::{Facet, Filter, Role};
/// let mut filter = Filter::default();
/// filter.toggle(Facet::Leader, "项乐民");
/// filter.toggle(Facet::Status, "滞后");
/// filter.unit = vec!["市科技局".into()];
/// filter.role = Role::Lead;
/// assert_eq!(filter.values(Facet::Status), vec!["滞后"]);
/// filter.toggle(Facet::Leader, "项乐民");
/// assert!(filter.leader.is_empty());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Document ids.
    pub doc: Vec<String>,
    pub year: Vec<u16>,
    /// 湖州市 / 平湖市.
    pub jurisdiction: Vec<String>,
    /// Leader names.
    pub leader: Vec<String>,
    /// District names; an entry matches when its `districts` contains one (tasks for
    /// all districts list every district, so they match any).
    pub district: Vec<String>,
    /// Canonical unit names.
    pub unit: Vec<String>,
    /// How `unit` matches: `Lead` = only as lead unit.
    pub role: Role,
    pub status: Vec<Status>,
    pub kind: Vec<EntryKind>,
    /// Area-of-work headings (`area=一、主要预期目标`).
    pub area: Vec<String>,
    /// Full-text search; space-separated terms must all match.
    pub q: String,
    pub sort: SortOrder,
    /// `note=1`: only entries with the reader's own note. The model keeps these three in
    /// the URL; the app applies them (notes live in the browser) via `Index::query_within`.
    pub note: bool,
    /// `watched=1`: only entries the reader starred.
    pub watched: bool,
    /// `tag=…` (repeated, OR-ed): only entries whose note carries one of these tags.
    pub tag: Vec<String>,
    /// `each=1`: every report's own row. Without it a commitment followed through
    /// several documents is one row, its latest record (see [`Filter::per_commitment`]).
    pub each: bool,
}

/// Which of an entry's units the unit facet looks at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Role {
    /// Any listed unit, lead or co-responsible.
    #[default]
    Any,
    /// Only lead units (marked `★`, or listed first).
    Lead,
}

impl Role {
    /// The URL value of `role` (`牵头`); `Any` is the absent parameter.
    pub const LEAD_LABEL: &'static str = "牵头";
}

/// Order of `QueryResult::matches`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortOrder {
    /// Documents in catalog order, records in their order within the file.
    #[default]
    Document,
    /// By status in `Status::ALL` order (lagging first), document order within.
    Status,
}

impl SortOrder {
    /// The URL value of `sort` for `Status`; `Document` is the absent parameter.
    pub const STATUS_PARAM: &'static str = "status";
}

impl Filter {
    /// Whether the list shows one row per commitment (its latest record): unless
    /// `each=1`, or a document is chosen (then that document's own rows are meant).
    pub fn per_commitment(&self) -> bool {
        !self.each && self.doc.is_empty()
    }

    /// The selected values of a facet, spelled as in the URL and in `FacetValue::value`.
    pub fn values(&self, facet: Facet) -> Vec<String> {
        match facet {
            Facet::Doc => self.doc.clone(),
            Facet::Year => self.year.iter().map(u16::to_string).collect(),
            Facet::Jurisdiction => self.jurisdiction.clone(),
            Facet::Leader => self.leader.clone(),
            Facet::District => self.district.clone(),
            Facet::Unit => self.unit.clone(),
            Facet::Status => self
                .status
                .iter()
                .map(|s| s.label_zh().to_owned())
                .collect(),
            Facet::Kind => self.kind.iter().map(|k| k.label_zh().to_owned()).collect(),
            Facet::Area => self.area.clone(),
        }
    }

    pub fn is_selected(&self, facet: Facet, value: &str) -> bool {
        self.values(facet).iter().any(|selected| selected == value)
    }

    /// Selects `value` in `facet`, or unselects it if selected. A value the facet
    /// cannot hold (`year=abc`) is ignored.
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        if self.is_selected(facet, value) {
            self.remove(facet, value);
        } else {
            self.push_value(facet, value);
        }
    }

    /// Adds `value` to `facet` (as the URL spells it: a year number, a status or kind
    /// label or code, a name). Returns false, changing nothing, if the facet cannot
    /// hold it (empty, not a year, unknown status or kind).
    pub fn push_value(&mut self, facet: Facet, value: &str) -> bool {
        if value.is_empty() {
            return false;
        }
        match facet {
            Facet::Doc => self.doc.push(value.to_owned()),
            Facet::Year => match value.parse() {
                Ok(year) => self.year.push(year),
                Err(_) => return false,
            },
            Facet::Jurisdiction => self.jurisdiction.push(value.to_owned()),
            Facet::Leader => self.leader.push(value.to_owned()),
            Facet::District => self.district.push(value.to_owned()),
            Facet::Unit => self.unit.push(value.to_owned()),
            Facet::Area => self.area.push(value.to_owned()),
            Facet::Status => {
                let status = Status::from_label_zh(value)
                    .or_else(|| Status::ALL.into_iter().find(|s| s.code() == value));
                match status {
                    Some(status) => self.status.push(status),
                    None => return false,
                }
            }
            Facet::Kind => {
                match EntryKind::from_label_zh(value).or_else(|| EntryKind::from_code(value)) {
                    Some(kind) => self.kind.push(kind),
                    None => return false,
                }
            }
        }
        true
    }

    /// Removes every occurrence of `value` from `facet`.
    pub fn remove(&mut self, facet: Facet, value: &str) {
        match facet {
            Facet::Doc => self.doc.retain(|v| v != value),
            Facet::Year => self.year.retain(|v| v.to_string() != value),
            Facet::Jurisdiction => self.jurisdiction.retain(|v| v != value),
            Facet::Leader => self.leader.retain(|v| v != value),
            Facet::District => self.district.retain(|v| v != value),
            Facet::Unit => self.unit.retain(|v| v != value),
            Facet::Area => self.area.retain(|v| v != value),
            Facet::Status => self
                .status
                .retain(|v| v.label_zh() != value && v.code() != value),
            Facet::Kind => self
                .kind
                .retain(|v| v.label_zh() != value && v.code() != value),
        }
    }

    /// Unselects every value of `facet`.
    pub fn clear(&mut self, facet: Facet) {
        match facet {
            Facet::Doc => self.doc.clear(),
            Facet::Year => self.year.clear(),
            Facet::Jurisdiction => self.jurisdiction.clear(),
            Facet::Leader => self.leader.clear(),
            Facet::District => self.district.clear(),
            Facet::Unit => self.unit.clear(),
            Facet::Area => self.area.clear(),
            Facet::Status => self.status.clear(),
            Facet::Kind => self.kind.clear(),
        }
    }

    /// Whether any facet has a selection or the search has a term (role and sort alone
    /// narrow nothing).
    pub fn narrows(&self) -> bool {
        !self.q.trim().is_empty() || Facet::ALL.into_iter().any(|f| self.selection_len(f) > 0)
    }

    fn selection_len(&self, facet: Facet) -> usize {
        match facet {
            Facet::Doc => self.doc.len(),
            Facet::Year => self.year.len(),
            Facet::Jurisdiction => self.jurisdiction.len(),
            Facet::Leader => self.leader.len(),
            Facet::District => self.district.len(),
            Facet::Unit => self.unit.len(),
            Facet::Area => self.area.len(),
            Facet::Status => self.status.len(),
            Facet::Kind => self.kind.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::TaskKind;

    #[test]
    fn push_value_parses_typed_facets() {
        let mut filter = Filter::default();
        assert!(filter.push_value(Facet::Year, "2024"));
        assert!(!filter.push_value(Facet::Year, "二〇二四"));
        assert!(filter.push_value(Facet::Status, "滞后"));
        assert!(filter.push_value(Facet::Status, "no-progress"));
        assert!(!filter.push_value(Facet::Status, "late"));
        assert!(filter.push_value(Facet::Kind, "民生实事"));
        assert!(filter.push_value(Facet::Kind, "annual-task"));
        assert!(!filter.push_value(Facet::Leader, ""));
        assert_eq!(filter.year, vec![2024]);
        assert_eq!(filter.status, vec![Status::Lagging, Status::NoProgress]);
        assert_eq!(
            filter.kind,
            vec![EntryKind::Project, EntryKind::Task(TaskKind::AnnualTask)]
        );
        assert!(filter.leader.is_empty());
    }

    #[test]
    fn toggle_adds_then_removes() {
        let mut filter = Filter::default();
        filter.toggle(Facet::Year, "2021");
        filter.toggle(Facet::Kind, "年度重点工作");
        assert!(filter.is_selected(Facet::Year, "2021"));
        assert!(filter.narrows());
        filter.toggle(Facet::Year, "2021");
        filter.clear(Facet::Kind);
        assert_eq!(filter, Filter::default());
        assert!(!filter.narrows());
    }
}
