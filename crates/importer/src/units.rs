//! Responsible-unit lists: from the text a document prints (`★发改局、经信局`,
//! `市财政局、各区县政府<含南太湖新区、长合区管委会>`) to canonical units with their
//! kind, the lead(s) marked, and the districts they stand for.
//!
//! Rules, in the words of docs/data-format.md:
//! - units are separated by `、` `，` `,` `；` `;`, never inside brackets of any width;
//! - `★` marks the lead units; without any `★` the first unit listed leads;
//! - a bracket after a name is either a note (a sentence: it has punctuation or is
//!   long), dropped; an inclusion list (`含…`/`包括…`), whose members become units of
//!   their own; or a second nameplate or status (`(人才办)`, `(筹)`), kept as an alias
//!   of the name before it;
//! - `各区县政府` stands for the jurisdiction's 区 and 县 and its functional areas
//!   (功能区: 南太湖新区, 长合区) — the sources' README defines it as "all of them", and
//!   a `<含…>` list after it only spells out what is already included; `各镇街道` stands
//!   for its 镇 and 街道; a government of a listed district or town stands for that one.

use crate::reference::{
    self, DistrictEntry, CATCH_ALL_WORDS, GOVERNMENT_SUFFIXES, OTHER_BODY_WORDS, PARTY_ORGAN_WORDS,
};
use crate::text::{split_outside_brackets, trailing_group};
use planboard_model::UnitKind;

/// Characters that separate units in a list (outside brackets).
const SEPARATORS: &[char] = &['、', '，', ',', '；', ';'];

/// One responsible unit of a record, resolved against the reference tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedUnit {
    /// Canonical name within the jurisdiction.
    pub name: String,
    /// As printed (without `★` and spaces); differs from `name` for aliases.
    pub printed: String,
    pub lead: bool,
    pub kind: UnitKind,
    /// For a district's or town's own government: that district.
    pub district: Option<String>,
    /// Districts the unit stands for: its own district, or all those a collective
    /// name such as `各区县政府` covers. In reference-table order.
    pub covers: Vec<String>,
}

/// What a bracket after a unit name holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BracketRole {
    /// `(列第一位者为工作牵头单位或汇总单位,下同)`: a remark about the list.
    Note,
    /// `<含南太湖新区、长合区管委会>`: more units.
    Inclusion,
    /// `<人才办>`, `(筹)`, `(广陈镇)`: another name or status of the same unit.
    Nameplate,
}

fn bracket_role(content: &str) -> BracketRole {
    let content = content.trim();
    if ["含", "包括", "包含"]
        .iter()
        .any(|p| content.starts_with(p))
    {
        BracketRole::Inclusion
    } else if content.contains([',', '，', '。', '；', ';', ':', '：'])
        || content.chars().count() > 12
    {
        BracketRole::Note
    } else {
        BracketRole::Nameplate
    }
}

/// Splits a trailing note such as `(列第一位者为工作牵头单位或汇总单位,下同)` off a
/// unit list; returns the list and the note's text.
pub fn strip_trailing_note(units_text: &str) -> (&str, Option<&str>) {
    match trailing_group(units_text) {
        Some((before, content)) if bracket_role(content) == BracketRole::Note => {
            (before.trim_end(), Some(content))
        }
        _ => (units_text.trim(), None),
    }
}

/// Resolves a printed unit list within `jurisdiction` (e.g. `湖州市`).
pub fn resolve_units(units_text: &str, jurisdiction: &str) -> Vec<ResolvedUnit> {
    let (list, _note) = strip_trailing_note(units_text);
    let districts = reference::districts_of(jurisdiction);
    let mut units = Vec::new();
    let mut starred = Vec::new();
    let mut primary = Vec::new();
    for piece in split_outside_brackets(list, SEPARATORS) {
        let star = piece.contains('★');
        let printed: String = piece
            .chars()
            .filter(|c| *c != '★' && !c.is_whitespace())
            .collect();
        if printed.is_empty() {
            continue;
        }
        let (base, bracket) = match trailing_group(&printed) {
            Some((base, content)) if !base.is_empty() => {
                (base.to_string(), Some(content.to_string()))
            }
            _ => (printed.clone(), None),
        };
        let bracket = bracket.as_deref();
        let role = bracket.map(bracket_role);
        // Whatever the bracket holds, the unit is the name before it.
        let name = canonical_name(&base, jurisdiction);
        let nameplate = bracket.filter(|_| role == Some(BracketRole::Nameplate));
        // An inclusion list becomes units of its own and a note is no part of the name,
        // so only a nameplate makes the printed spelling an alias.
        let printed = if role.is_none() || nameplate.is_some() {
            printed.clone()
        } else {
            base.clone()
        };
        let (kind, district, covers) = classify(&name, nameplate, districts);
        primary.push(units.len());
        starred.push(star);
        units.push(ResolvedUnit {
            name,
            printed,
            lead: false,
            kind,
            district,
            covers,
        });
        if let (Some(content), Some(BracketRole::Inclusion)) = (bracket, role) {
            for member in inclusion_members(content) {
                let name = canonical_name(&member, jurisdiction);
                let (kind, district, covers) = classify(&name, None, districts);
                units.push(ResolvedUnit {
                    name,
                    printed: member,
                    lead: false,
                    kind,
                    district,
                    covers,
                });
            }
        }
    }
    let any_star = starred.iter().any(|s| *s);
    for (position, index) in primary.iter().enumerate() {
        units[*index].lead = if any_star {
            starred[position]
        } else {
            position == 0
        };
    }
    units
}

/// The canonical spelling of `name` in `jurisdiction` (the reference aliases applied).
fn canonical_name(name: &str, jurisdiction: &str) -> String {
    reference::jurisdiction(jurisdiction)
        .and_then(|j| j.unit_aliases.iter().find(|(alias, _)| *alias == name))
        .map_or_else(|| name.to_string(), |(_, canonical)| canonical.to_string())
}

/// `含南太湖新区、长合区管委会` → `南太湖新区管委会`, `长合区管委会`: the last member's
/// government ending is shared by the members that lack one.
fn inclusion_members(content: &str) -> Vec<String> {
    let content = content.trim();
    let content = ["包括", "包含", "含"]
        .iter()
        .find_map(|p| content.strip_prefix(p))
        .unwrap_or(content);
    let members = split_outside_brackets(content, &['、', '，', ',', '和', '及']);
    let shared_suffix = members.last().and_then(|last| {
        GOVERNMENT_SUFFIXES
            .iter()
            .filter(|s| !s.is_empty() && last.ends_with(*s))
            .max_by_key(|s| s.len())
    });
    members
        .iter()
        .map(|member| {
            let member: String = member.chars().filter(|c| !c.is_whitespace()).collect();
            match shared_suffix {
                Some(suffix)
                    if !GOVERNMENT_SUFFIXES
                        .iter()
                        .any(|s| !s.is_empty() && member.ends_with(s)) =>
                {
                    format!("{member}{suffix}")
                }
                _ => member,
            }
        })
        .collect()
}

/// The district whose government `name` is (`吴兴区政府`, `新埭镇`, `长合区管委会`).
fn district_governed<'a>(name: &str, districts: &'a [DistrictEntry]) -> Option<&'a DistrictEntry> {
    districts.iter().find(|d| {
        std::iter::once(d.name)
            .chain(d.also.iter().copied())
            .any(|prefix| {
                name.strip_prefix(prefix)
                    .is_some_and(|rest| GOVERNMENT_SUFFIXES.contains(&rest))
            })
    })
}

/// For `各区县政府`, `各镇街道`, `有关区县政府` …: the kind of government meant and the
/// district kinds it covers (empty for `有关…`, which does not say which).
fn collective(name: &str) -> Option<(UnitKind, Vec<&'static str>)> {
    let (every, rest) = if let Some(rest) = name.strip_prefix('各') {
        (true, rest)
    } else if let Some(rest) = ["有关", "相关"].iter().find_map(|p| name.strip_prefix(p)) {
        (false, rest)
    } else {
        return None;
    };
    let rest = GOVERNMENT_SUFFIXES
        .iter()
        .filter(|s| !s.is_empty())
        .find_map(|s| rest.strip_suffix(s))
        .unwrap_or(rest);
    let place_words = rest.chars().all(|c| {
        matches!(
            c,
            '区' | '县' | '镇' | '乡' | '街' | '道' | '(' | ')' | '（' | '）'
        )
    });
    if rest.is_empty() || !place_words {
        return None;
    }
    let mut kinds = Vec::new();
    if rest.contains('区') {
        kinds.push("区");
        // Functional areas are administered like districts and are meant by 各区县.
        kinds.push("功能区");
    }
    if rest.contains('县') {
        kinds.push("县");
    }
    if rest.contains('镇') || rest.contains('乡') {
        kinds.push("镇");
    }
    if rest.contains("街道") {
        kinds.push("街道");
    }
    let kind = if rest.contains('区') || rest.contains('县') {
        UnitKind::DistrictGovernment
    } else {
        UnitKind::TownGovernment
    };
    Some((kind, if every { kinds } else { Vec::new() }))
}

fn government_kind(district: &DistrictEntry) -> UnitKind {
    if matches!(district.kind, "镇" | "街道") {
        UnitKind::TownGovernment
    } else {
        UnitKind::DistrictGovernment
    }
}

/// Kind, own district and covered districts of a canonical unit name. `nameplate` is the
/// bracket after the printed name, which may name the town a zone is one with
/// (`农开区(广陈镇)`).
fn classify(
    name: &str,
    nameplate: Option<&str>,
    districts: &[DistrictEntry],
) -> (UnitKind, Option<String>, Vec<String>) {
    let own = district_governed(name, districts)
        .or_else(|| nameplate.and_then(|n| district_governed(n.trim(), districts)));
    if let Some(district) = own {
        let name = district.name.to_string();
        return (government_kind(district), Some(name.clone()), vec![name]);
    }
    if let Some((kind, covered_kinds)) = collective(name) {
        let covers = districts
            .iter()
            .filter(|d| covered_kinds.contains(&d.kind))
            .map(|d| d.name.to_string())
            .collect();
        return (kind, None, covers);
    }
    let kind = if CATCH_ALL_WORDS.iter().any(|w| name.contains(w))
        || OTHER_BODY_WORDS.iter().any(|w| name.contains(w))
    {
        UnitKind::Other
    } else if name.ends_with("集团") || name.ends_with("公司") {
        UnitKind::StateEnterprise
    } else if PARTY_ORGAN_WORDS.iter().any(|w| name.contains(w)) {
        UnitKind::PartyOrgan
    } else {
        UnitKind::Department
    };
    (kind, None, Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(units: &[ResolvedUnit]) -> Vec<(&str, bool)> {
        units.iter().map(|u| (u.name.as_str(), u.lead)).collect()
    }

    #[test]
    fn first_listed_leads_without_a_star() {
        let units = resolve_units("市发展改革委、市自然资源和规划局", "湖州市");
        assert_eq!(
            names(&units),
            vec![("市发展改革委", true), ("市自然资源和规划局", false)]
        );
    }

    #[test]
    fn stars_mark_the_leads() {
        let units = resolve_units("★交通运输局、★曹桥街道、★交投集团、当湖街道", "平湖市");
        assert_eq!(
            names(&units),
            vec![
                ("交通运输局", true),
                ("曹桥街道", true),
                ("交投集团", true),
                ("当湖街道", false)
            ]
        );
        assert_eq!(units[1].kind, UnitKind::TownGovernment);
        assert_eq!(units[1].district.as_deref(), Some("曹桥街道"));
        assert_eq!(units[2].kind, UnitKind::StateEnterprise);
    }
}
