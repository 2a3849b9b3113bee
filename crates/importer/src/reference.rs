//! The small, reviewed reference tables the importer may not guess: each jurisdiction's
//! districts (or, for a county-level city, its towns and streets), the unit names that
//! are known to be spellings of one unit, and the words that mark a Party organ or a
//! body that is neither a department nor a government.
//!
//! Everything else about a unit is read from its name (see `units`), so a department
//! met for the first time in next year's document still imports.

/// A district, county, functional area, town or street of a jurisdiction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DistrictEntry {
    /// Canonical name, e.g. `吴兴区`.
    pub name: &'static str,
    /// 区, 县, 功能区, 街道 or 镇.
    pub kind: &'static str,
    /// Other names a unit may start with, e.g. `长三角产业合作区湖州片区` for `长合区`.
    pub also: &'static [&'static str],
}

/// A jurisdiction whose documents the importer knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JurisdictionEntry {
    /// As the documents write it, e.g. `湖州市`.
    pub name: &'static str,
    /// ASCII form used at the start of ids, e.g. `huzhou`.
    pub slug: &'static str,
    pub districts: &'static [DistrictEntry],
    /// (printed spelling, canonical name) pairs of one unit.
    pub unit_aliases: &'static [(&'static str, &'static str)],
}

const fn district(
    name: &'static str,
    kind: &'static str,
    also: &'static [&'static str],
) -> DistrictEntry {
    DistrictEntry { name, kind, also }
}

/// Huzhou's districts and counties as its documents name them (data/sources/README.md):
/// the five administrative ones, then the two functional areas.
const HUZHOU_DISTRICTS: &[DistrictEntry] = &[
    district("吴兴区", "区", &[]),
    district("南浔区", "区", &[]),
    district("德清县", "县", &[]),
    district("长兴县", "县", &[]),
    district("安吉县", "县", &[]),
    district("南太湖新区", "功能区", &[]),
    // 长三角产业合作区 (湖州片区): the 2021 breakdown uses the long name with (筹), the
    // 2024 report the short one.
    district(
        "长合区",
        "功能区",
        &["长三角产业合作区湖州片区", "长三角产业合作区"],
    ),
];

/// Pinghu's three streets and six towns. Seven of them appear as responsible units of
/// the 2023 table; 乍浦镇 and 独山港镇 complete the list so that `各镇街道` expands to
/// every town, not only those the table happens to name.
const PINGHU_DISTRICTS: &[DistrictEntry] = &[
    district("当湖街道", "街道", &[]),
    district("钟埭街道", "街道", &[]),
    district("曹桥街道", "街道", &[]),
    district("乍浦镇", "镇", &[]),
    district("新埭镇", "镇", &[]),
    district("新仓镇", "镇", &[]),
    district("独山港镇", "镇", &[]),
    district("林埭镇", "镇", &[]),
    district("广陈镇", "镇", &[]),
];

/// Every jurisdiction the importer knows, in the order the catalog lists them.
pub const JURISDICTIONS: &[JurisdictionEntry] = &[
    JurisdictionEntry {
        name: "湖州市",
        slug: "huzhou",
        districts: HUZHOU_DISTRICTS,
        unit_aliases: &[("长三角产业合作区湖州片区管委会", "长合区管委会")],
    },
    JurisdictionEntry {
        name: "平湖市",
        slug: "pinghu",
        districts: PINGHU_DISTRICTS,
        unit_aliases: &[],
    },
];

/// The entry for a jurisdiction name, if the importer knows it.
pub fn jurisdiction(name: &str) -> Option<&'static JurisdictionEntry> {
    JURISDICTIONS.iter().find(|j| j.name == name)
}

/// ASCII id prefix for a jurisdiction (`湖州市` → `huzhou`); an unknown one keeps its
/// name, so its ids are still unique and stable.
pub fn jurisdiction_slug(name: &str) -> String {
    jurisdiction(name).map_or_else(|| name.to_string(), |j| j.slug.to_string())
}

/// Position of a jurisdiction in [`JURISDICTIONS`] (unknown ones sort last), used to
/// order catalog records.
pub fn jurisdiction_rank(name: &str) -> usize {
    JURISDICTIONS
        .iter()
        .position(|j| j.name == name)
        .unwrap_or(JURISDICTIONS.len())
}

/// The districts of a jurisdiction (empty when unknown).
pub fn districts_of(jurisdiction_name: &str) -> &'static [DistrictEntry] {
    jurisdiction(jurisdiction_name).map_or(&[], |j| j.districts)
}

/// Endings that make a name the government of the district it starts with.
pub const GOVERNMENT_SUFFIXES: &[&str] = &[
    "",
    "政府",
    "人民政府",
    "党委政府",
    "管委会",
    "管理委员会",
    "办事处",
    "街道办事处",
    "镇政府",
    "镇人民政府",
];

/// Party organs, with or without the `市委` prefix Pinghu's table drops
/// (`组织部`, `政法委` …).
pub const PARTY_ORGAN_WORDS: &[&str] = &[
    "市委",
    "县委",
    "区委",
    "中共",
    "纪委",
    "组织部",
    "宣传部",
    "统战部",
    "政法委",
    "编办",
    "社建委",
    "改革办",
    "人才办",
    "文明办",
    "网信办",
    "党校",
    "老干部局",
    "机关工委",
];

/// Bodies that are neither departments nor governments: courts, procuratorates, mass
/// organisations, universities.
pub const OTHER_BODY_WORDS: &[&str] = &[
    "法院",
    "检察院",
    "妇联",
    "工商联",
    "科协",
    "团市委",
    "团县委",
    "总工会",
    "残联",
    "侨联",
    "文联",
    "社科联",
    "红十字会",
    "贸促会",
    "学院",
    "大学",
];

/// Catch-all phrases (`市级其他有关单位`, `市级有关部门`).
pub const CATCH_ALL_WORDS: &[&str] = &["有关单位", "有关部门", "其他单位", "相关单位", "相关部门"];
