//! Threads on the real documents: the links' precision on a hand-labelled sample, the
//! railway thread, and the indicator figures the progress report states.

mod common;

use common::sources_dir;
use planboard_importer::period::DocumentDetails;
use planboard_importer::pipeline::{build, read_source_dir};
use planboard_importer::threads::LINK_THRESHOLD;
use planboard_model::{link_key, Basis, Dataset, LinkIndex, Measure};
use std::collections::HashSet;

fn dataset() -> Dataset {
    let sources =
        read_source_dir(&sources_dir(), &DocumentDetails::default()).expect("sources are readable");
    build(&sources).expect("the sources build").dataset
}

/// Candidate pairs (records sharing at least one phrase), taken at regular steps through
/// the candidates scored 5 to 30, each judged by reading both texts: `true` when both
/// state the same commitment, or the task does what the plan passage sets out. The
/// comment names the phrase they share and, for `false`, why it is a coincidence.
const LABELLED: &[(&str, &str, bool)] = &[
    (
        "huzhou-2020-report/w4-03",
        "huzhou-2024-h1-progress/t47",
        true,
    ), // 级航道网集装箱运输通道
    (
        "huzhou-2021-breakdown/a2-4-9",
        "huzhou-2024-h1-progress/t76",
        true,
    ), // 爱国卫生运动
    (
        "huzhou-2021-breakdown/a2-6-12",
        "huzhou-2021-plan/b07",
        true,
    ), // 特色型信息消费示范城市
    (
        "huzhou-2021-breakdown/a1-6-1",
        "huzhou-2021-plan/s031",
        true,
    ), // 创新强市首位战略
    (
        "huzhou-2021-breakdown/a1-8-2",
        "huzhou-2021-plan/s075",
        true,
    ), // 掌上办事之城
    ("huzhou-2024-h1-progress/t19", "huzhou-2021-plan/s127", true), // 生态文明制度创新
    (
        "huzhou-2020-report/w8-04",
        "huzhou-2021-breakdown/a2-3-6",
        true,
    ), // 扩大住房公积金
    (
        "huzhou-2021-breakdown/a2-2-19",
        "huzhou-2024-h1-progress/t46",
        true,
    ), // 房地产市场平稳健康
    ("huzhou-2020-report/w8-04", "huzhou-2021-plan/s157", true),    // 儿童福利院
    (
        "huzhou-2021-breakdown/a2-8-7",
        "huzhou-2024-h1-progress/t38",
        true,
    ), // 农业龙头企业
    (
        "huzhou-2021-breakdown/a2-6-6",
        "huzhou-2021-plan/b02",
        false,
    ), // 业提质增效 — 低效企业提质增效 vs 金属材料产业提质增效: different programmes
    (
        "huzhou-2021-breakdown/a2-4-5",
        "huzhou-2021-plan/s152",
        true,
    ), // 医疗保险
    (
        "huzhou-2021-breakdown/a2-2-1",
        "huzhou-2021-plan/s036",
        true,
    ), // 五谷丰登
    ("huzhou-2020-report/w6-01", "huzhou-2021-plan/s079", true),    // 国土空间规划
    ("huzhou-2020-report/w2-01", "huzhou-2021-plan/s118", true),    // 用地土壤污染
    ("huzhou-2020-report/w2-02", "huzhou-2021-plan/s086", true),    // 用来住
    (
        "huzhou-2024-h1-progress/t35",
        "huzhou-2021-plan/s093",
        false,
    ), // 创业园 — talent parks vs rural returnees' parks
    (
        "huzhou-2021-breakdown/a2-6-5",
        "huzhou-2021-plan/s139",
        false,
    ), // 产业增加值 — digital-economy value added vs cultural-industry value added
    ("huzhou-2024-h1-progress/t41", "huzhou-2021-plan/s143", true), // 高校毕业生
    ("huzhou-2021-breakdown/p06", "huzhou-2021-plan/s105", true),   // 公交线路
    ("huzhou-2021-breakdown/a2-2-7", "huzhou-2021-plan/b03", true), // 长三角产业合作区
    (
        "huzhou-2021-breakdown/a1-1-3",
        "huzhou-2021-plan/s099",
        true,
    ), // 基本公共服务均
    (
        "huzhou-2021-breakdown/a1-6-3",
        "huzhou-2021-plan/s003",
        false,
    ), // 综合实力 — manufacturing strength vs the 13th plan's review
    ("huzhou-2024-h1-progress/t72", "huzhou-2021-plan/s131", true), // 新时代文明实践
    (
        "huzhou-2021-breakdown/a2-4-6",
        "huzhou-2021-plan/s057",
        true,
    ), // 大运河文化带
    (
        "huzhou-2021-breakdown/a2-1-1",
        "huzhou-2021-plan/s002",
        false,
    ), // 中国特色社会主义 — party study vs the plan's preamble: boilerplate
    ("huzhou-2020-report/w7-02", "huzhou-2021-plan/s136", false), // 文化村 — historic villages vs eco-culture villages
    (
        "huzhou-2021-breakdown/a1-2-1",
        "huzhou-2021-plan/s015",
        true,
    ), // 人均生产总值
    ("huzhou-2024-h1-progress/t73", "huzhou-2021-plan/s158", true), // 办好特殊教育
    (
        "huzhou-2021-breakdown/a2-6-3",
        "huzhou-2021-plan/b05",
        false,
    ), // 小微企业 — small-business parks vs helping small firms scale up
    (
        "huzhou-2024-h1-progress/t62",
        "huzhou-2021-plan/s052",
        false,
    ), // 新业态新模式 — foreign-trade formats vs consumer services
    (
        "huzhou-2020-report/w5-01",
        "huzhou-2021-breakdown/a2-5-3",
        false,
    ), // 生态环境保护 — eco-protection mechanism vs inspection rectification
    (
        "huzhou-2024-h1-progress/t15",
        "huzhou-2021-plan/s035",
        false,
    ), // 改革试验区 — green low-carbon reform zone vs talent reform zone
    (
        "huzhou-2020-report/target04",
        "huzhou-2024-h1-progress/t2",
        false,
    ), // 地区生产总值 — R&D ratio target vs GDP growth target
    (
        "huzhou-2021-breakdown/a2-6-2",
        "huzhou-2021-plan/b01",
        false,
    ), // 实验室 — Moganshan Lab vs the 论剑谷 park near Moganshan
    (
        "huzhou-2021-breakdown/a2-2-19",
        "huzhou-2021-plan/s123",
        true,
    ), // 生活垃圾分类
    (
        "huzhou-2021-breakdown/a2-6-4",
        "huzhou-2021-plan/b07",
        false,
    ), // 新服务 — tech-service cloud vs digital-life services
    (
        "huzhou-2021-breakdown/a2-5-2",
        "huzhou-2021-plan/s129",
        false,
    ), // 金山银山理念 — practice of the two-mountains idea vs research on it
    ("huzhou-2020-report/w5-01", "huzhou-2021-plan/s125", false), // 生态文明 — eco-civilisation institutions vs its cultural brand
    (
        "huzhou-2021-breakdown/a1-6-2",
        "huzhou-2024-h1-progress/t28",
        false,
    ), // 创新示范区 — sustainable-development zone vs green-finance zone
    ("huzhou-2020-report/w4-01", "huzhou-2021-plan/s122", false), // 行动方案 — regional integration plan vs carbon peaking plan
    (
        "huzhou-2021-breakdown/a2-5-4",
        "huzhou-2021-plan/s095",
        false,
    ), // 省级美丽 — beautiful rivers vs beautiful villages
    ("huzhou-2024-h1-progress/t57", "huzhou-2021-plan/b01", false), // 工业设计 — industrial-design centres vs a creative park
    (
        "huzhou-2024-h1-progress/t65",
        "huzhou-2021-plan/s053",
        false,
    ), // 关键零部件 — industrial chains vs industrial platforms
    ("huzhou-2020-report/w8-01", "huzhou-2021-plan/s151", false), // 医疗卫生 — public health system vs medical excellence
    (
        "huzhou-2021-breakdown/a2-2-17",
        "huzhou-2021-plan/s138",
        false,
    ), // 文化特色 — urban design vs cultural tourism
    (
        "huzhou-2021-breakdown/a2-8-7",
        "huzhou-2021-plan/s117",
        false,
    ), // 资源保护 — seed resources vs water resources
    (
        "huzhou-2020-report/w1-02",
        "huzhou-2021-breakdown/a2-8-6",
        false,
    ), // 全生命周期 — project lifecycle service vs one-thing-per-lifecycle government services
    (
        "huzhou-2021-breakdown/a2-8-6",
        "huzhou-2024-h1-progress/t64",
        false,
    ), // 全生命周期 — government services vs investment project management
    ("huzhou-2020-report/w5-02", "huzhou-2021-plan/s116", false), // 方式绿色 — green production vs green transport
    ("huzhou-2020-report/w8-05", "huzhou-2021-plan/s107", false), // 实践中心 — civilisation practice centres vs a smart-city practice centre
    (
        "huzhou-2021-breakdown/a2-4-2",
        "huzhou-2021-plan/s147",
        true,
    ), // 名校名院
    (
        "huzhou-2021-breakdown/a2-7-7",
        "huzhou-2024-h1-progress/t30",
        true,
    ), // 大综合一化
    (
        "huzhou-2021-breakdown/a2-8-11",
        "huzhou-2024-h1-progress/t42",
        true,
    ), // 低收入农户人均可支配收入
    (
        "huzhou-2020-report/w3-01",
        "huzhou-2021-breakdown/a2-5-8",
        true,
    ), // 证照分离
    (
        "huzhou-2020-report/w6-01",
        "huzhou-2021-breakdown/p06",
        true,
    ), // 三县城际公交
    (
        "huzhou-2020-report/w1-04",
        "huzhou-2024-h1-progress/t36",
        true,
    ), // 引进大学生
    (
        "huzhou-2021-breakdown/a2-6-1",
        "huzhou-2024-h1-progress/t58",
        true,
    ), // 议程创新示范区
    (
        "huzhou-2020-report/w6-01",
        "huzhou-2021-breakdown/a2-2-15",
        true,
    ), // 国土空间
    (
        "huzhou-2020-report/w8-05",
        "huzhou-2021-breakdown/a2-4-3",
        true,
    ), // 全域旅游示范
    (
        "huzhou-2020-report/target03",
        "huzhou-2024-h1-progress/t42",
        false,
    ), // 人均可支配收入 — urban and rural residents' income vs low-income farmers' income
    (
        "huzhou-2021-breakdown/a2-7-6",
        "huzhou-2024-h1-progress/t33",
        true,
    ), // 社会治安防控
    (
        "huzhou-2020-report/w5-01",
        "huzhou-2021-breakdown/a1-5-2",
        true,
    ), // 生态产品价值
    (
        "huzhou-2021-breakdown/a1-8-4",
        "huzhou-2024-h1-progress/t43",
        true,
    ), // 社会保障
    (
        "huzhou-2021-breakdown/a2-5-2",
        "huzhou-2024-h1-progress/t20",
        false,
    ), // 生态文明 — eco-civilisation county vs its international cooperation zone
    (
        "huzhou-2021-breakdown/a2-6-2",
        "huzhou-2024-h1-progress/t8",
        false,
    ), // 平台能级 — science parks vs the 2+8 industrial platforms
    (
        "huzhou-2021-breakdown/a2-2-11",
        "huzhou-2024-h1-progress/t6",
        false,
    ), // 攻坚行动 — 100 integration projects vs the 十百千万 investment push
    (
        "huzhou-2020-report/w1-03",
        "huzhou-2024-h1-progress/t15",
        false,
    ), // 协同创新 — industry-chain collaboration vs pollution-and-carbon reduction
];

#[test]
fn links_are_precise_on_the_hand_labelled_sample() {
    assert!(LABELLED.len() >= 40);
    let dataset = dataset();
    let linked: HashSet<String> = dataset.links.links.iter().map(|l| l.key()).collect();
    let (mut true_positive, mut predicted, mut actual) = (0, 0, 0);
    for &(a, b, expected) in LABELLED {
        let is_linked = linked.contains(&link_key(a, b));
        predicted += usize::from(is_linked);
        actual += usize::from(expected);
        true_positive += usize::from(is_linked && expected);
    }
    let precision = true_positive as f64 / predicted as f64;
    let recall = true_positive as f64 / actual as f64;
    println!(
        "threshold {LINK_THRESHOLD}: {predicted} linked of {} labelled pairs; precision {precision:.2} ({true_positive}/{predicted}), recall {recall:.2} ({true_positive}/{actual})",
        LABELLED.len()
    );
    assert!(precision >= 0.8, "precision {precision:.2}");
    assert!(recall >= 0.6, "recall {recall:.2}");
}

#[test]
fn the_railway_thread_runs_from_the_2020_report_to_the_2024_progress_report() {
    let dataset = dataset();
    let index = LinkIndex::new(&dataset.links);
    let thread = index.thread("沪苏湖高铁").expect("a 沪苏湖高铁 thread");
    for document in [
        "huzhou-2020-report",
        "huzhou-2021-breakdown",
        "huzhou-2024-h1-progress",
    ] {
        assert!(
            thread.documents.iter().any(|d| d == document),
            "{document} missing from {:?}",
            thread.documents
        );
    }
    assert!(thread
        .items
        .contains(&"huzhou-2024-h1-progress/t11".to_string()));
    // In date order: the speech first, the progress report last.
    assert!(thread.items[0].starts_with("huzhou-2020-report/"));
    assert!(thread
        .items
        .last()
        .is_some_and(|id| id.starts_with("huzhou-2024-h1-progress/")));
    // Every link inside the thread says why it was made.
    let links = index.links_within(thread);
    assert!(links.len() >= 2);
    assert!(links
        .iter()
        .all(|l| l.reasons.iter().any(|r| r.contains("沪苏湖高铁"))));
}

#[test]
fn tasks_link_to_the_indicators_they_name() {
    let dataset = dataset();
    let index = LinkIndex::new(&dataset.links);
    let research = index.links_of("huzhou-2024-h1-progress/t56");
    assert!(research
        .iter()
        .any(|l| l.b == "huzhou-2021-plan/i06" && l.reasons == ["研发投入强度"]));
    // Different jurisdictions never link: Pinghu is not under Huzhou's plan.
    assert!(dataset
        .links
        .links
        .iter()
        .all(|l| { l.a.starts_with("pinghu") == l.b.starts_with("pinghu") }));
}

#[test]
fn the_progress_report_gdp_growth_is_read_with_its_sentence() {
    let dataset = dataset();
    let gdp: Vec<_> = dataset
        .links
        .figures
        .iter()
        .filter(|f| f.indicator == "huzhou-2021-plan/i01")
        .collect();
    let reported = gdp
        .iter()
        .find(|f| f.basis == Basis::Reported)
        .expect("the reported GDP growth");
    assert_eq!(reported.value, 6.5);
    assert_eq!(reported.measure, Measure::Growth);
    assert_eq!(reported.printed, "6.5%");
    assert_eq!(reported.document, "huzhou-2024-h1-progress");
    assert!(reported.sentence.contains("上半年,全市GDP增长6.5%"));
    let goal = gdp
        .iter()
        .find(|f| f.basis == Basis::Goal)
        .expect("the 2024 goal");
    assert_eq!(goal.value, 6.0);
    let pm25 = dataset
        .links
        .figures
        .iter()
        .find(|f| f.indicator == "huzhou-2021-plan/i19" && f.basis == Basis::Reported)
        .expect("the reported PM2.5");
    assert_eq!(pm25.value, 37.9);
    // The 2020 report's figures describe the plan's baseline year, not its pace.
    assert!(dataset
        .links
        .figures
        .iter()
        .all(|f| f.document != "huzhou-2020-report"));
}
