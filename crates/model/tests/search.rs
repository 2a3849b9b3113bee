//! Full-text search over the fixture and highlighting.

mod common;

use common::{at, index};
use planboard_model::{highlight, Filter, Index, Status};

fn search(index: &Index, q: &str) -> Vec<usize> {
    index
        .query(&Filter {
            q: q.into(),
            ..Filter::default()
        })
        .matches
}

fn positions(index: &Index, shorts: &[&str]) -> Vec<usize> {
    shorts.iter().map(|short| at(index, short)).collect()
}

#[test]
fn full_width_and_case_fold_both_ways() {
    let index = index();
    // GDP is half-width in two progress texts, full-width ＧＤＰ in one task text.
    let gdp = positions(&index, &["b:a2-03", "h:t01", "p:t001"]);
    for q in ["GDP", "gdp", "ＧＤＰ", "ｇｄｐ", "Gdp"] {
        assert_eq!(search(&index, q), gdp, "{q}");
    }
    assert_eq!(search(&index, "pm2.5"), positions(&index, &["h:t04"]));
    assert_eq!(search(&index, "g60"), positions(&index, &["b:a2-01"]));
    // Full-width brackets in the text match half-width ones typed.
    assert_eq!(search(&index, "(管理口径)"), positions(&index, &["p:t001"]));
}

#[test]
fn terms_are_anded() {
    let index = index();
    assert_eq!(
        search(&index, "高铁"),
        positions(&index, &["b:a1-02", "h:t02"])
    );
    assert_eq!(
        search(&index, "沪苏湖"),
        positions(&index, &["b:a1-01", "b:a1-02", "h:t02"])
    );
    assert_eq!(
        search(&index, "高铁 湖州东站"),
        positions(&index, &["h:t02"])
    );
    // The ideographic space separates terms too.
    assert_eq!(
        search(&index, "沪苏湖　廊道"),
        positions(&index, &["b:a1-01"])
    );
    assert!(search(&index, "高铁 乍浦").is_empty());
    // Blank search = no constraint.
    assert_eq!(search(&index, "  ").len(), 17);
}

#[test]
fn searches_progress_remarks_units_leaders_and_subitems() {
    let index = index();
    assert_eq!(
        search(&index, "北斗产业企业12家"),
        positions(&index, &["h:t05"]),
        "progress"
    );
    assert_eq!(
        search(&index, "社零未完成"),
        positions(&index, &["h:t03"]),
        "remark"
    );
    assert_eq!(
        search(&index, "德清县政府"),
        positions(&index, &["b:a1-02", "b:a2-01", "b:p01", "h:t05"]),
        "unit"
    );
    assert_eq!(
        search(&index, "杨六顺"),
        positions(&index, &["b:a2-03"]),
        "leader"
    );
    assert_eq!(
        search(&index, "候车亭"),
        positions(&index, &["b:p01"]),
        "project sub-item"
    );
    assert_eq!(
        search(&index, "老旧小区"),
        positions(&index, &["b:p02", "p:t003"]),
        "project title"
    );
}

#[test]
fn no_match_across_field_boundaries() {
    let index = index();
    // a2-03's text ends "5%。" and its first unit is 市经信局.
    assert!(search(&index, "5%。市经信局").is_empty());
}

#[test]
fn search_combines_with_facets_and_counts() {
    let index = index();
    let filter = Filter {
        q: "高铁".into(),
        status: vec![Status::Lagging],
        ..Filter::default()
    };
    let result = index.query(&filter);
    assert_eq!(result.matches, positions(&index, &["h:t02"]));
    // Status counts apply q: a1-02 is not tracked, t02 lagging.
    assert_eq!(
        result
            .facets
            .count(planboard_model::Facet::Status, "无进度报告"),
        1
    );
    assert_eq!(
        result.facets.count(planboard_model::Facet::Status, "滞后"),
        1
    );
}

#[test]
fn highlight_maps_folded_matches_onto_mixed_width_text() {
    assert_eq!(
        highlight("共建Ｇ６０科创走廊，对接G60", "g60"),
        vec![
            ("共建", false),
            ("Ｇ６０", true),
            ("科创走廊，对接", false),
            ("G60", true)
        ]
    );
    assert_eq!(
        highlight("ＰＭ２.５平均浓度", "pm2.5 浓度"),
        vec![("ＰＭ２.５", true), ("平均", false), ("浓度", true)]
    );
    assert_eq!(
        highlight("实现 GDP 178.5亿元（管理口径）", "ｇｄｐ (管理"),
        vec![
            ("实现 ", false),
            ("GDP", true),
            (" 178.5亿元", false),
            ("（管理", true),
            ("口径）", false)
        ]
    );
}

#[test]
fn highlight_segments_rebuild_the_text() {
    let text = "加快沪苏湖高铁湖州段建设，推进湖州东站枢纽工程。ＡＢＣ";
    for q in [
        "湖州",
        "湖 州",
        "abc",
        "沪苏湖高铁湖州段建设，推进湖州东站枢纽工程。ａｂｃ",
        "x",
    ] {
        let runs = highlight(text, q);
        assert_eq!(
            runs.iter().map(|(s, _)| *s).collect::<String>(),
            text,
            "{q}"
        );
        assert!(
            runs.windows(2).all(|pair| pair[0].1 != pair[1].1),
            "runs alternate: {q}"
        );
    }
}
