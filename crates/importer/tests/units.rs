//! Responsible-unit lists as the documents print them, resolved.

use planboard_importer::units::{resolve_units, strip_trailing_note, ResolvedUnit};
use planboard_model::UnitKind;

fn refs(units: &[ResolvedUnit]) -> Vec<(&str, bool)> {
    units.iter().map(|u| (u.name.as_str(), u.lead)).collect()
}

fn covered(units: &[ResolvedUnit]) -> Vec<&str> {
    let mut all: Vec<&str> = units
        .iter()
        .flat_map(|u| u.covers.iter().map(String::as_str))
        .collect();
    all.sort_unstable();
    all.dedup();
    all
}

const FIVE: [&str; 5] = ["吴兴区", "南浔区", "德清县", "长兴县", "安吉县"];

fn sorted(mut names: Vec<&'static str>) -> Vec<&'static str> {
    names.sort_unstable();
    names
}

#[test]
fn first_listed_leads_when_nothing_is_starred() {
    let units = resolve_units("市发展改革委、市财政局、人民银行湖州市分行", "湖州市");
    assert_eq!(
        refs(&units),
        [
            ("市发展改革委", true),
            ("市财政局", false),
            ("人民银行湖州市分行", false)
        ]
    );
}

#[test]
fn stars_mark_every_lead_and_only_them() {
    let units = resolve_units("★建设局、★自然资源和规划局、政务数据办", "平湖市");
    assert_eq!(
        refs(&units),
        [
            ("建设局", true),
            ("自然资源和规划局", true),
            ("政务数据办", false)
        ]
    );
    // A star need not be on the first unit.
    let units = resolve_units("经信局、★发改局", "平湖市");
    assert_eq!(refs(&units), [("经信局", false), ("发改局", true)]);
}

#[test]
fn separators_inside_brackets_do_not_split() {
    let units = resolve_units(
        "市科技局、市委组织部<人才办>、市委改革办<市委生态文明办>、市政务办(数字化改革专班)",
        "湖州市",
    );
    assert_eq!(
        refs(&units),
        [
            ("市科技局", true),
            ("市委组织部", false),
            ("市委改革办", false),
            ("市政务办", false)
        ]
    );
    assert_eq!(units[1].printed, "市委组织部<人才办>");
    assert_eq!(units[1].kind, UnitKind::PartyOrgan);
    // Full-width brackets and commas, half-width semicolons, stray spaces.
    let units = resolve_units("供销社（农合联）， 农业农村局;新仓镇", "平湖市");
    assert_eq!(
        refs(&units),
        [("供销社", true), ("农业农村局", false), ("新仓镇", false)]
    );
    assert_eq!(units[0].printed, "供销社（农合联）");
}

#[test]
fn every_county_government_covers_all_seven_districts() {
    // The sources' README: `各区县政府` means all of them — the five 区县 and the two
    // functional areas — whether or not a bracket spells the functional areas out.
    let all = resolve_units("市统计局、各区县政府<含南太湖新区、长合区管委会>", "湖州市");
    assert_eq!(
        refs(&all),
        [
            ("市统计局", true),
            ("各区县政府", false),
            ("南太湖新区管委会", false),
            ("长合区管委会", false)
        ]
    );
    let mut seven = FIVE.to_vec();
    seven.extend(["南太湖新区", "长合区"]);
    assert_eq!(covered(&all), sorted(seven.clone()));

    let bracket_names_one = resolve_units("市区域合作办、各区县政府<含南太湖新区管委会>", "湖州市");
    assert_eq!(covered(&bracket_names_one), sorted(seven.clone()));

    let listed_after = resolve_units("市政府办公室、各区县政府、南太湖新区管委会", "湖州市");
    assert_eq!(covered(&listed_after), sorted(seven.clone()));

    let bare = resolve_units("各区县政府", "湖州市");
    assert_eq!(covered(&bare), sorted(seven));
    assert_eq!(bare[0].kind, UnitKind::DistrictGovernment);
    assert_eq!(bare[0].district, None);

    let parenthesised = resolve_units("市财政局,各区县政府(含南太湖新区)", "湖州市");
    assert_eq!(covered(&parenthesised).len(), 7);

    // A single named district is just that one.
    let one = resolve_units("市交通运输局、长兴县政府", "湖州市");
    assert_eq!(covered(&one), ["长兴县"]);

    // `有关区县政府` does not say which: no district is assumed.
    let some = resolve_units("市生态环境局、有关区县政府", "湖州市");
    assert_eq!(some[1].kind, UnitKind::DistrictGovernment);
    assert!(covered(&some).is_empty());
}

#[test]
fn named_governments_belong_to_their_district() {
    let units = resolve_units(
        "南太湖新区管委会、长三角产业合作区湖州片区管委会(筹)、德清县政府",
        "湖州市",
    );
    assert_eq!(
        refs(&units),
        [
            ("南太湖新区管委会", true),
            ("长合区管委会", false),
            ("德清县政府", false)
        ]
    );
    assert_eq!(units[1].printed, "长三角产业合作区湖州片区管委会(筹)");
    assert_eq!(units[1].district.as_deref(), Some("长合区"));
    assert!(units.iter().all(|u| u.kind == UnitKind::DistrictGovernment));
}

#[test]
fn pinghu_towns_and_their_zones() {
    let units = resolve_units(
        "★农开区(广陈镇)、文旅体局、钟埭街道、 曹桥街道、林埭镇",
        "平湖市",
    );
    assert_eq!(units[0].name, "农开区");
    assert_eq!(units[0].kind, UnitKind::TownGovernment);
    assert_eq!(units[0].district.as_deref(), Some("广陈镇"));
    assert_eq!(
        covered(&units),
        sorted(vec!["广陈镇", "钟埭街道", "曹桥街道", "林埭镇"])
    );
    let every = resolve_units("★自然资源和规划局、各镇街道", "平湖市");
    assert_eq!(every[1].kind, UnitKind::TownGovernment);
    assert_eq!(covered(&every).len(), 9);
}

#[test]
fn kinds_from_names() {
    let units = resolve_units(
        "市城市集团、市委宣传部、市级其他有关单位、市妇联、湖州海关、团市委",
        "湖州市",
    );
    let kinds: Vec<UnitKind> = units.iter().map(|u| u.kind).collect();
    assert_eq!(
        kinds,
        [
            UnitKind::StateEnterprise,
            UnitKind::PartyOrgan,
            UnitKind::Other,
            UnitKind::Other,
            UnitKind::Department,
            UnitKind::Other
        ]
    );
}

#[test]
fn a_trailing_note_is_no_unit() {
    let text = "市发展改革委、市自然资源和规划局(列第一位者为工作牵头单位或汇总单位,下同)";
    assert_eq!(
        strip_trailing_note(text),
        (
            "市发展改革委、市自然资源和规划局",
            Some("列第一位者为工作牵头单位或汇总单位,下同")
        )
    );
    let units = resolve_units(text, "湖州市");
    assert_eq!(units.len(), 2);
    assert_eq!(units[1].name, "市自然资源和规划局");
    // A short bracket is part of the unit, not a note.
    assert_eq!(strip_trailing_note("市政务办(数字化改革专班)").1, None);
}

#[test]
fn nothing_printed_gives_no_units() {
    assert!(resolve_units("", "湖州市").is_empty());
    assert!(resolve_units(" 、 ★ ，", "湖州市").is_empty());
    // An unknown jurisdiction still lists its units, with nothing to expand.
    let units = resolve_units("各区县政府、某局", "某某市");
    assert_eq!(refs(&units), [("各区县政府", true), ("某局", false)]);
    assert!(covered(&units).is_empty());
}
