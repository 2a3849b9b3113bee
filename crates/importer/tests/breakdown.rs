//! The 2021 responsibility breakdown, checked against a careful reading of the text.

mod common;

use common::{source_text, BREAKDOWN};
use planboard_importer::breakdown;
use planboard_importer::dataset::assemble;
use planboard_importer::parsed::ParsedDocument;
use planboard_model::{DocumentKind, TaskKind, UnitRef};

fn parsed() -> ParsedDocument {
    breakdown::parse(&source_text(BREAKDOWN), BREAKDOWN).expect("the shipped breakdown parses")
}

/// (leader, title, items in attachment 1, items in attachment 2), in heading order.
const LEADERS: [(&str, &str, usize, usize); 8] = [
    ("王纲", "市长", 3, 4),
    ("杨六顺", "常务副市长", 6, 26),
    ("吴登芬", "常委", 1, 6),
    ("闵云", "副市长", 2, 12),
    ("朱留沙", "副市长", 3, 10),
    ("项乐民", "副市长", 7, 16),
    ("张宏亮", "副市长", 1, 7),
    ("夏坚定", "副市长", 4, 14),
];

#[test]
fn document_metadata_comes_from_the_notice() {
    let document = parsed().document;
    assert_eq!(document.id, "huzhou-2021-breakdown");
    assert_eq!(document.kind, DocumentKind::TaskBreakdown);
    assert_eq!(document.issuer, "湖州市人民政府办公室");
    assert_eq!(document.jurisdiction, "湖州市");
    assert_eq!(document.date, "2021-03-22");
    assert_eq!(document.year, 2021);
    assert_eq!(document.title, "政府工作报告2021年重点工作责任分解");
    assert_eq!(document.source_file, BREAKDOWN);
    assert_eq!(document.line_count, 295);
}

#[test]
fn tasks_per_leader_in_both_attachments() {
    let parsed = parsed();
    for (kind, column) in [(TaskKind::PeriodTask, 0), (TaskKind::AnnualTask, 1)] {
        let of_kind: Vec<_> = parsed.tasks.iter().filter(|t| t.kind == kind).collect();
        let expected_total: usize = LEADERS
            .iter()
            .map(|l| if column == 0 { l.2 } else { l.3 })
            .sum();
        assert_eq!(of_kind.len(), expected_total, "{kind:?}");
        for (section, (name, title, first, second)) in LEADERS.iter().enumerate() {
            let expected = if column == 0 { *first } else { *second };
            let items: Vec<_> = of_kind
                .iter()
                .filter(|t| t.leader.as_ref().is_some_and(|l| l.name == *name))
                .collect();
            assert_eq!(items.len(), expected, "{kind:?} {name}");
            // Numbered 1..n under their heading, with the heading's leader and title.
            for (index, task) in items.iter().enumerate() {
                assert_eq!(task.number as usize, index + 1, "{}", task.local_id);
                assert_eq!(task.leader.as_ref().map(|l| l.title.as_str()), Some(*title));
                let attachment = column + 1;
                assert_eq!(
                    task.local_id,
                    format!("a{attachment}-{}-{}", section + 1, index + 1)
                );
            }
        }
    }
    assert_eq!(parsed.tasks.len(), 27 + 95);
}

#[test]
fn every_item_has_its_units_and_two_lines() {
    for task in parsed().tasks {
        assert!(!task.units_text.is_empty(), "{}", task.local_id);
        assert!(!task.units_text.contains("责任单位"), "{}", task.local_id);
        assert_eq!(
            task.source.last_line,
            task.source.first_line + 1,
            "{}",
            task.local_id
        );
        assert!(task.progress.is_empty() && task.remarks.is_empty());
    }
}

#[test]
fn spot_checks_of_tasks() {
    let parsed = parsed();
    let task = |local: &str| {
        parsed
            .tasks
            .iter()
            .find(|t| t.local_id == local)
            .unwrap_or_else(|| panic!("task {local}"))
    };
    let first = task("a1-1-1");
    assert_eq!(
        first.text,
        "构建“一湾极化、两廊牵引、多区联动、全域美丽”的生产力新布局。"
    );
    // The note `(列第一位者为工作牵头单位或汇总单位,下同)` is no unit.
    assert_eq!(first.units_text, "市发展改革委、市自然资源和规划局");
    assert_eq!((first.source.first_line, first.source.last_line), (13, 14));
    assert_eq!(
        first.source.path,
        vec![
            "附件1",
            "政府工作报告“十四五”时期重点工作责任分解",
            "一、王纲市长牵头重点工作"
        ]
    );
    let science = task("a2-6-2");
    assert!(science.text.starts_with("整合优势资源,打造战略性科创平台"));
    assert_eq!(
        science.units_text,
        "市科技局、市经信局、吴兴区政府、德清县政府"
    );
    assert_eq!(science.source.first_line, 200);
    let last = task("a2-8-14");
    assert_eq!(last.text, "深入实施提升全民科学文化素质行动。");
    assert_eq!(last.units_text, "市科协");
    assert_eq!(
        last.leader.as_ref().map(|l| l.name.as_str()),
        Some("夏坚定")
    );
}

#[test]
fn ten_projects_with_the_sub_items_their_titles_declare() {
    let projects = parsed().projects;
    let declared: Vec<Option<u32>> = projects.iter().map(|p| p.declared_subitems).collect();
    let expected = [2, 2, 3, 3, 2, 3, 4, 4, 4, 3];
    assert_eq!(declared, expected.map(Some).to_vec());
    for (index, project) in projects.iter().enumerate() {
        assert_eq!(project.number as usize, index + 1);
        assert_eq!(project.local_id, format!("p{:02}", index + 1));
        assert_eq!(
            project.subitems.len() as u32,
            expected[index],
            "{}",
            project.title
        );
        assert!(!project.units_text.is_empty());
    }
    let titles: Vec<&str> = projects.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(titles[0], "推进教育均衡化发展");
    assert_eq!(titles[9], "食药安全保障和放心消费");
    let mental_health = &projects[3];
    assert_eq!(
        mental_health.subitems,
        vec![
            "市本级、各区县分别建成1个规范化、标准化、公益性的心理健康服务中心",
            "提升青少年心理援助热线(2251885)知晓率,在校学生达到100%,城市、农村普通人群分别达到80%和60%",
            "中小学校心理健康教育师资C证及以上持证率达85%,心理健康教育课开课率达100%",
        ]
    );
    assert_eq!(projects[8].subitems[3], "建设规范化避灾安置场所155个");
    assert_eq!(
        projects[1].units_text,
        "市建设局、市自然资源和规划局、市公安局、市综合执法局、市教育局、市城市集团、市交通集团、吴兴区政府"
    );
    assert_eq!(
        (projects[9].source.first_line, projects[9].source.last_line),
        (294, 295)
    );
}

#[test]
fn every_line_is_accounted_for() {
    let parsed = parsed();
    let unmapped: Vec<u32> = parsed
        .accounting
        .unmapped()
        .iter()
        .map(|l| l.line)
        .collect();
    // Lines 1-6 are the cover letter: the addressee (1), the notice's prose (2-3) and its
    // list of attachments (4-6), whose titles are read again where each attachment
    // begins. None of them states a commitment or a field of the document.
    assert_eq!(unmapped, vec![1, 2, 3, 4, 5, 6]);
    let summary = parsed.accounting.summary();
    assert_eq!(summary.get("task.text"), Some(&122));
    assert_eq!(summary.get("task.units"), Some(&122));
    assert_eq!(summary.get("task.leader"), Some(&16));
    assert_eq!(summary.get("project.title+subitems"), Some(&10));
    assert_eq!(summary.get("project.units"), Some(&10));
    assert_eq!(summary.get("source.path"), Some(&7));
    assert_eq!(summary.get("document.issuer"), Some(&1));
    assert_eq!(summary.get("document.date"), Some(&1));
}

#[test]
fn assembled_records_resolve_units_and_districts() {
    let dataset = assemble(vec![parsed()]).expect("assembles");
    assert_eq!(dataset.catalog.leaders.len(), 8);
    let task = |id: &str| dataset.tasks.iter().find(|t| t.id == id).expect("task");
    let area = task("huzhou-2021-breakdown/a2-2-7");
    let names: Vec<&str> = area.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "市发展改革委",
            "市自然资源和规划局",
            "市区域合作办",
            "南太湖新区管委会",
            "长合区管委会",
            "长兴县政府",
            "安吉县政府"
        ]
    );
    assert_eq!(area.districts, ["长兴县", "安吉县", "南太湖新区", "长合区"]);
    let all_counties = task("huzhou-2021-breakdown/a2-1-2");
    assert_eq!(
        all_counties.districts,
        [
            "吴兴区",
            "南浔区",
            "德清县",
            "长兴县",
            "安吉县",
            "南太湖新区",
            "长合区"
        ]
    );
    assert_eq!(all_counties.leader.as_deref(), Some("王纲"));
    assert_eq!(
        all_counties.units[0],
        UnitRef {
            name: "市政府办公室".into(),
            lead: true
        }
    );
    let project = &dataset.projects[1];
    assert_eq!(project.id, "huzhou-2021-breakdown/p02");
    assert_eq!(project.kind, "livelihood-project");
    assert_eq!(project.districts, ["吴兴区"]);
    let digital = task("huzhou-2021-breakdown/a2-8-4");
    assert_eq!(digital.units[0].name, "市政务办");
    let unit = dataset
        .catalog
        .units
        .iter()
        .find(|u| u.name == "市政务办")
        .expect("unit");
    assert_eq!(unit.aliases, ["市政务办(数字化改革专班)"]);
}

/// Next year's breakdown may differ in wording and punctuation; the structure is what
/// the parser reads.
#[test]
fn a_differently_worded_breakdown_still_parses() {
    let text = "湖州市人民政府办公室关于印发2022年政府工作报告重点工作责任分解的通知
各区县人民政府,市政府各部门:
现印发给你们,请认真贯彻执行。
湖州市人民政府办公室
2022年3月1日
附件 1：
政府工作报告2022年
重点工作责任分解
一、张三市长负责的重点工作
1．做好某事，
并且做好。
责任单位：市发展改革委，各区县政府（含南太湖新区、长合区管委会）
（二）李四常务副市长牵头
1.另一件事(责任单位:市财政局)
附件2
2022年度市政府民生实事责任分解
一、甲项目（两个子项）：甲一；甲二。
牵头单位：市建设局
";
    let parsed = breakdown::parse(text, "next.txt").expect("parses");
    assert_eq!(parsed.document.id, "huzhou-2022-breakdown");
    assert_eq!(
        parsed.document.title,
        "湖州市人民政府办公室关于印发2022年政府工作报告重点工作责任分解的通知"
    );
    assert_eq!(parsed.tasks.len(), 2);
    let first = &parsed.tasks[0];
    assert_eq!(first.text, "做好某事，并且做好。");
    assert_eq!(first.kind, TaskKind::AnnualTask);
    assert_eq!(
        first
            .leader
            .as_ref()
            .map(|l| (l.name.as_str(), l.title.as_str())),
        Some(("张三", "市长"))
    );
    assert_eq!(
        first.units_text,
        "市发展改革委，各区县政府（含南太湖新区、长合区管委会）"
    );
    assert_eq!(first.source.path[1], "政府工作报告2022年重点工作责任分解");
    let second = &parsed.tasks[1];
    assert_eq!(second.text, "另一件事");
    assert_eq!(second.units_text, "市财政局");
    assert_eq!(
        second.leader.as_ref().map(|l| l.title.as_str()),
        Some("常务副市长")
    );
    assert_eq!(parsed.projects.len(), 1);
    assert_eq!(parsed.projects[0].subitems, ["甲一", "甲二"]);
    let unmapped: Vec<u32> = parsed
        .accounting
        .unmapped()
        .iter()
        .map(|l| l.line)
        .collect();
    assert_eq!(unmapped, [2, 3], "only the addressee and the prose");
    let dataset = assemble(vec![parsed]).expect("assembles");
    assert_eq!(dataset.tasks[0].districts.len(), 7);
}

#[test]
fn a_breakdown_without_issuer_or_items_is_refused() {
    let no_items = "湖州市人民政府办公室\n2022年3月1日\n附件1\n标题\n";
    let error = breakdown::parse(no_items, "a.txt").expect_err("no items");
    assert!(error.to_string().starts_with("a.txt:3: "), "{error}");
    let no_issuer = "附件1\n一、张三市长牵头重点工作\n1.事项\n责任单位:市财政局\n";
    let error = breakdown::parse(no_issuer, "b.txt").expect_err("no issuer");
    assert!(error.to_string().contains("发文机关"), "{error}");
}
