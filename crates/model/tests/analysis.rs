//! Pace, lag and year-over-year analysis on the real data files (public/data), with
//! the expected numbers worked out by hand from the documents.

use planboard_model::compare::{compare, Scope};
use planboard_model::lag::{
    lag_by_department, lag_by_earlier_leader, lag_by_leader, Matrix, RoleCounts,
};
use planboard_model::pace::{pace_table, Interpolation, Verdict};
use planboard_model::{Basis, Index, LinkIndex};

mod common;

use common::{ids, real_dataset};

#[test]
fn gdp_needs_9_33_percent_a_year_and_the_2024_figures_are_behind() {
    let dataset = real_dataset();
    let table = pace_table(&dataset, &dataset.plan, &dataset.links);
    let gdp = table
        .iter()
        .find(|row| row.indicator.id == "huzhou-2021-plan/i01")
        .expect("GDP has a pace");
    let pace = gdp.pace.as_ref().expect("3201.4 → 5000");
    assert_eq!(pace.interpolation, Interpolation::Compound);
    // (5000 / 3201.4)^(1/5) − 1 = 9.33 %
    assert!((pace.required_rate() - 9.33).abs() < 0.01);
    // Mid-2024 is 3.5 years into the period: 3201.4 × 1.0933^3.5 ≈ 4374.
    let expected = pace.expected_at("2024-06-30").expect("a date");
    assert!((expected - 4374.0).abs() < 1.0, "{expected}");
    let reported = gdp
        .findings
        .iter()
        .find(|f| f.figure.basis == Basis::Reported)
        .expect("the reported 6.5 %");
    assert_eq!(reported.figure.value, 6.5);
    assert_eq!(reported.expected, 9.33);
    assert_eq!(reported.verdict, Verdict::Behind);
    assert_eq!(reported.verdict.label_zh(), "慢于序时");
    // A comparable-price growth rate against a current-price total: the verdict carries
    // the price-basis warning, every GDP finding does.
    assert!(gdp
        .findings
        .iter()
        .all(|f| f.caveat == Some(planboard_model::pace::Caveat::PriceBasis)));
}

#[test]
fn shares_move_linearly_and_lower_pm25_is_better() {
    let dataset = real_dataset();
    let table = pace_table(&dataset, &dataset.plan, &dataset.links);
    // Shares and concentrations are measured alike in plan and report: no warning.
    assert!(table
        .iter()
        .filter(|row| !row.indicator.unit.contains('元'))
        .flat_map(|row| &row.findings)
        .all(|f| f.caveat.is_none()));
    let find = |id: &str| {
        table
            .iter()
            .find(|row| row.indicator.id == id)
            .expect("indicator")
    };
    let pm25 = find("huzhou-2021-plan/i19");
    let pace = pm25.pace.as_ref().expect("26 → 25");
    assert_eq!(pace.interpolation, Interpolation::Linear);
    assert_eq!(pace.expected_at("2024-06-30"), Some(25.3));
    let reported = pm25
        .findings
        .iter()
        .find(|f| f.figure.basis == Basis::Reported)
        .expect("37.9 at mid-2024");
    assert_eq!(reported.verdict, Verdict::Behind);
    // The 2024 R&D goal of 3.5 % against 2.9 + 0.4 × 4/5 = 3.22 expected at the year's end.
    let research = find("huzhou-2021-plan/i06");
    let goal = &research.findings[0];
    assert_eq!(goal.figure.basis, Basis::Goal);
    assert_eq!(goal.expected, 3.22);
    assert_eq!(goal.verdict, Verdict::Ahead);
    // Income is set as a yearly growth only (7左右): 4.4 % is behind it.
    let income = find("huzhou-2021-plan/i27");
    assert_eq!(income.growth_target, Some(7.0));
    assert_eq!(income.findings[0].verdict, Verdict::Behind);
}

#[test]
fn the_2024_report_lags_by_department_and_names_no_leaders() {
    let dataset = real_dataset();
    let index = Index::new(&dataset);
    assert!(lag_by_leader(&index, "huzhou-2024-h1-progress").is_empty());
    let departments = lag_by_department(&index, "huzhou-2024-h1-progress");
    let science = departments
        .iter()
        .find(|row| row.name == "市科技局")
        .expect("市科技局 leads 2024 tasks");
    // t58 and t59 lag (remarks on 科创枢纽城市 and the labs); t56 and t60 do not.
    assert_eq!(
        ids(&index, &science.lagging),
        ["huzhou-2024-h1-progress/t58", "huzhou-2024-h1-progress/t59"]
    );
    assert_eq!(science.tracked, 4);
    // The seven lagging tasks of the report each count under their lead department.
    let mut lagging: Vec<usize> = departments
        .iter()
        .flat_map(|row| row.lagging.iter().copied())
        .collect();
    lagging.sort_unstable();
    lagging.dedup();
    assert_eq!(lagging.len(), 7);
}

#[test]
fn lagging_2024_tasks_by_their_2021_leader() {
    let dataset = real_dataset();
    let index = Index::new(&dataset);
    let links = LinkIndex::new(&dataset.links);
    let rows = lag_by_earlier_leader(&index, &links, "huzhou-2024-h1-progress");
    let xiang = rows
        .iter()
        .find(|row| row.name == "项乐民")
        .expect("项乐民 had the science and retail work in 2021");
    // 社零 (t55, from a1-6-5), 科创枢纽 (t58, from a1-6-2 and a2-6-1), the labs (t59,
    // from a2-6-1, a2-6-2, a2-6-4): read and confirmed as the same commitments.
    assert_eq!(
        ids(&index, &xiang.lagging),
        [
            "huzhou-2024-h1-progress/t55",
            "huzhou-2024-h1-progress/t58",
            "huzhou-2024-h1-progress/t59"
        ]
    );
    assert_eq!(rows[0].name, "项乐民", "most lagging first");
}

#[test]
fn matrix_row_of_wang_gang_matches_the_breakdown() {
    let dataset = real_dataset();
    let index = Index::new(&dataset);
    let matrix = Matrix::new(&index, "湖州市");
    assert_eq!(matrix.leaders.len(), 8);
    // 王纲's seven tasks in the 2021 breakdown, counted by hand from their units:
    // a1-1-1 ★发改委 自规局; a1-1-2 ★自规局 科技局; a1-1-3 ★政府办 发改委 各区县政府 南太湖新区;
    // a2-1-1 ★政府办 宣传部; a2-1-2 ★政府办 各区县政府 南太湖新区; a2-1-3 ★财政局 审计局
    // 市级有关部门; a2-1-4 ★财政局 审计局 各区县政府 南太湖新区.
    let cell = |unit| matrix.cell("王纲", unit);
    let counts = |lead, co| RoleCounts { lead, co };
    assert_eq!(cell("市政府办公室"), counts(3, 0));
    assert_eq!(cell("市财政局"), counts(2, 0));
    assert_eq!(cell("市发展改革委"), counts(1, 1));
    assert_eq!(cell("市自然资源和规划局"), counts(1, 1));
    assert_eq!(cell("市审计局"), counts(0, 2));
    assert_eq!(cell("各区县政府"), counts(0, 3));
    assert_eq!(cell("市科技局"), counts(0, 1));
    let row_total: usize = matrix
        .row("王纲")
        .expect("a row")
        .iter()
        .map(RoleCounts::total)
        .sum();
    assert_eq!(row_total, 2 + 2 + 4 + 2 + 3 + 3 + 4);
    // Units that are always co-responsible are flagged (市城市集团: four times, never
    // ★); the busiest lead unit is flagged as overloaded instead.
    let group = matrix
        .units
        .iter()
        .find(|c| c.unit == "市城市集团")
        .expect("城市集团");
    assert!(group.never_leads);
    assert_eq!(group.totals, counts(0, 4));
    let development = matrix
        .units
        .iter()
        .find(|c| c.unit == "市发展改革委")
        .expect("发改委");
    assert!(!development.never_leads && development.overloaded);
}

#[test]
fn wang_gang_2021_to_2024_carried_dropped_added() {
    let dataset = real_dataset();
    let index = Index::new(&dataset);
    let links = LinkIndex::new(&dataset.links);
    let result = compare(
        &index,
        &links,
        "huzhou-2021-breakdown",
        "huzhou-2024-h1-progress",
        &Scope::Leader("王纲".into()),
    );
    // The 2024 report names no leaders: 王纲's 2024 share is what his 2021 lead units
    // (发改委, 自规局, 政府办, 财政局) lead.
    assert!(result.attributed_by_units);
    // Checked by reading: 过紧日子/压缩一般性支出 (a2-1-3) and 为民办实事长效机制 (a1-1-3)
    // both reappear in 2024's t1.
    let carried: Vec<(String, Vec<String>)> = result
        .carried
        .iter()
        .map(|c| (index.entries()[c.before].id.clone(), ids(&index, &c.after)))
        .collect();
    assert_eq!(
        carried,
        [
            (
                "huzhou-2021-breakdown/a1-1-3".to_string(),
                vec!["huzhou-2024-h1-progress/t1".to_string()]
            ),
            (
                "huzhou-2021-breakdown/a2-1-3".to_string(),
                vec!["huzhou-2024-h1-progress/t1".to_string()]
            ),
        ]
    );
    // Dropped by reading too, except a2-1-4 (化解政府隐性债务), which 2024's t17 (化解
    // 地方债务风险, led by 应急管理局) arguably carries in other words: a miss of the links.
    assert_eq!(
        ids(&index, &result.dropped),
        [
            "huzhou-2021-breakdown/a1-1-1",
            "huzhou-2021-breakdown/a1-1-2",
            "huzhou-2021-breakdown/a2-1-1",
            "huzhou-2021-breakdown/a2-1-2",
            "huzhou-2021-breakdown/a2-1-4",
        ]
    );
    // New in 2024 under those units: the 8+4 policies, bonds, land quotas, …
    assert_eq!(
        ids(&index, &result.added),
        [
            "huzhou-2024-h1-progress/t3",
            "huzhou-2024-h1-progress/t4",
            "huzhou-2024-h1-progress/t5",
            "huzhou-2024-h1-progress/t7",
            "huzhou-2024-h1-progress/t8",
            "huzhou-2024-h1-progress/t10",
            "huzhou-2024-h1-progress/t14",
            "huzhou-2024-h1-progress/t54",
            "huzhou-2024-h1-progress/t57",
        ]
    );
}
