//! 部门: every responsible unit with its tasks as lead and as supporting unit, one
//! section per jurisdiction; one unit's page is in [`unit`].

mod unit;

use leptos::prelude::*;
use planboard_model::{per_unit, Dataset, Filter, Lang, Role, Unit, UnitKind, UnitLoad, View};

pub use unit::DepartmentPage;

use crate::components::chart::{ChartRow, StackedBarChart};
use crate::components::status_chart::tasks_href;
use crate::i18n::{counted, lang, tr};
use crate::pages::leaders::role_series;
use crate::state::{href_view, use_data};

/// How many units the overview chart draws; the tables list them all.
const UNITS_CHARTED: usize = 15;

/// The unit kind in words, for the table's 类型 column.
pub fn unit_kind_label(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Department => tr("部门", "Department"),
        UnitKind::DistrictGovernment => tr("区县政府", "District government"),
        UnitKind::TownGovernment => tr("镇街", "Town or subdistrict"),
        UnitKind::StateEnterprise => tr("国有企业", "State-owned enterprise"),
        UnitKind::PartyOrgan => tr("党委部门", "Party organ"),
        UnitKind::Other => tr("其他", "Other"),
    }
}

/// `部门 60 个` / `60 departments`: English needs the plural, Chinese a measure word.
fn unit_kind_count(kind: UnitKind, count: usize) -> String {
    let (one, many) = match kind {
        UnitKind::Department => ("department", "departments"),
        UnitKind::DistrictGovernment => ("district government", "district governments"),
        UnitKind::TownGovernment => ("town or subdistrict", "towns and subdistricts"),
        UnitKind::StateEnterprise => ("state-owned enterprise", "state-owned enterprises"),
        UnitKind::PartyOrgan => ("Party organ", "Party organs"),
        UnitKind::Other => ("other unit", "other units"),
    };
    lang().pick(
        format!("{} {count} 个", unit_kind_label(kind)),
        counted(count, one, many),
    )
}

fn find_unit<'a>(dataset: &'a Dataset, name: &str) -> Option<&'a Unit> {
    dataset.catalog.units.iter().find(|unit| unit.name == name)
}

/// The departments view (`#/departments`): units sorted by how many tasks name them.
#[component]
pub fn DepartmentsPage() -> impl IntoView {
    let data = use_data();
    let dataset = &data.dataset;
    let index = &data.index;
    let everything: Vec<usize> = (0..index.entries().len()).collect();
    let loads = per_unit(index, &everything);

    // One section per jurisdiction (湖州市, 平湖市), in order of first appearance: unit
    // names only make sense within their own government. `None` gathers units the
    // catalogue does not place.
    let mut jurisdictions: Vec<Option<String>> = Vec::new();
    for load in &loads {
        let jurisdiction = jurisdiction_of(dataset, &load.unit);
        if !jurisdictions.contains(&jurisdiction) {
            jurisdictions.push(jurisdiction);
        }
    }
    let sections = jurisdictions
        .into_iter()
        .enumerate()
        .map(|(position, jurisdiction)| {
            let units: Vec<&UnitLoad> = loads
                .iter()
                .filter(|load| jurisdiction_of(dataset, &load.unit) == jurisdiction)
                .collect();
            jurisdiction_section(dataset, position, jurisdiction.as_deref(), &units)
        })
        .collect_view();

    let count = loads.len();
    view! {
        <div class="view departments-page">
            <div class="page-head">
                <h1>{tr("部门", "Departments")}</h1>
                <p class="page-lede" data-testid="result-count">
                    {lang()
                        .pick(
                            format!("共 {count} 个责任单位，按涉及任务总数排列"),
                            format!(
                                "{}, the most tasks first",
                                counted(count, "responsible unit", "responsible units"),
                            ),
                        )}
                </p>
            </div>
            {(count == 0)
                .then(|| {
                    view! {
                        <p class="empty">
                            {tr("当前数据中没有责任单位。", "The data names no responsible units.")}
                        </p>
                    }
                })}
            {sections}
        </div>
    }
}

/// A jurisdiction's units: a chart of the busiest, then the table of all.
fn jurisdiction_section(
    dataset: &Dataset,
    position: usize,
    jurisdiction: Option<&str>,
    units: &[&UnitLoad],
) -> impl IntoView {
    let unit_count = units.len();
    // The jurisdiction is the documents' name for a government; "unclassified" is ours.
    let jurisdiction_name = match jurisdiction {
        Some(name) => view! { <span lang="zh-CN">{name.to_string()}</span> }.into_any(),
        None => tr("未归类", "Unclassified").into_any(),
    };
    let unit_count_text = lang().pick(
        format!("（{unit_count} 个单位）"),
        format!(" ({})", counted(unit_count, "unit", "units")),
    );
    let heading_id = format!("units-{}", position + 1);
    let labelled_by = heading_id.clone();
    let kinds = kind_summary(dataset, units);
    let chart_rows = units
        .iter()
        .take(UNITS_CHARTED)
        .map(|load| ChartRow {
            label: load.unit.clone(),
            values: vec![load.lead.total(), load.co.total()],
            href: Some(href_view(View::Department(load.unit.clone()))),
            value_hrefs: vec![
                Some(tasks_href(Filter {
                    unit: vec![load.unit.clone()],
                    role: Role::Lead,
                    ..Filter::default()
                })),
                None,
            ],
        })
        .collect::<Vec<_>>();
    let charted = UNITS_CHARTED.min(unit_count);
    // The chart puts the jurisdiction, marked as Chinese, in place of `{name}`.
    let caption = match jurisdiction {
        Some(_) => lang().pick(
            format!("{{name}}涉及任务最多的 {charted} 个责任单位：牵头与配合"),
            format!("{{name}}: the {charted} units named on the most tasks, as lead and as supporting unit"),
        ),
        None => lang().pick(
            format!("未归类单位中涉及任务最多的 {charted} 个：牵头与配合"),
            format!("The {charted} unclassified units named on the most tasks, as lead and as supporting unit"),
        ),
    };
    // The table's name carries the jurisdiction, marked as Chinese in English too; an
    // aria-label could not mark part of itself, and regions need distinct names.
    let table_name_id = format!("{heading_id}-table");
    let table_name = match lang() {
        Lang::Zh => view! {
            <span lang="zh-CN">{format!("{}责任单位表", jurisdiction.unwrap_or("未归类"))}</span>
        }
        .into_any(),
        Lang::En => match jurisdiction {
            Some(name) => view! { "Table of responsible units, " <span lang="zh-CN">{name.to_string()}</span> }.into_any(),
            None => view! { "Table of unclassified units" }.into_any(),
        },
    };
    let rows = units
        .iter()
        .map(|load| unit_row(dataset, load))
        .collect_view();
    view! {
        <section class="unit-group" aria-labelledby=labelled_by>
            <h2 id=heading_id>{jurisdiction_name} {unit_count_text}</h2>
            <p class="section-note">{kinds}</p>
            <StackedBarChart key=format!("units-{}", position + 1) caption=caption
                caption_name=jurisdiction.unwrap_or_default().to_string()
                series=role_series() rows=chart_rows
                axis_label=tr("任务数（项）", "Tasks").to_string()
                label_header=tr("责任单位", "Unit").to_string() document_labels=true />
            <span id=table_name_id.clone() class="visually-hidden">{table_name}</span>
            <div class="table-scroll" role="region" aria-labelledby=table_name_id tabindex="0">
                <table class="data units-table">
                    <thead>
                        <tr>
                            <th scope="col">{tr("责任单位", "Unit")}</th>
                            <th scope="col">{tr("类型", "Type")}</th>
                            <th scope="col" class="num">{tr("牵头", "Lead")}</th>
                            <th scope="col" class="num">{tr("配合", "Supporting")}</th>
                            <th scope="col" class="num">{tr("合计", "Total")}</th>
                            <th scope="col" class="num">{tr("牵头且滞后", "Lead, lagging")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// `部门 60 个 · 区县政府 8 个 · …` (`60 departments · …`), in the kinds' fixed order.
fn kind_summary(dataset: &Dataset, units: &[&UnitLoad]) -> String {
    let kinds = [
        UnitKind::Department,
        UnitKind::DistrictGovernment,
        UnitKind::TownGovernment,
        UnitKind::StateEnterprise,
        UnitKind::PartyOrgan,
        UnitKind::Other,
    ];
    let parts: Vec<String> = kinds
        .into_iter()
        .filter_map(|kind| {
            let count = units
                .iter()
                .filter(|load| find_unit(dataset, &load.unit).map(|unit| unit.kind) == Some(kind))
                .count();
            (count > 0).then(|| unit_kind_count(kind, count))
        })
        .collect();
    parts.join(" · ")
}

fn jurisdiction_of(dataset: &Dataset, unit: &str) -> Option<String> {
    find_unit(dataset, unit).map(|unit| unit.jurisdiction.clone())
}

fn unit_row(dataset: &Dataset, load: &UnitLoad) -> impl IntoView {
    let kind = find_unit(dataset, &load.unit)
        .map(|unit| unit_kind_label(unit.kind))
        .unwrap_or("—");
    let lead = load.lead.total();
    let lagging = load.lead.get(planboard_model::Status::Lagging);
    view! {
        <tr data-unit=load.unit.clone()>
            <th scope="row" lang="zh-CN">
                <a href=href_view(View::Department(load.unit.clone()))>{load.unit.clone()}</a>
            </th>
            <td>{kind}</td>
            <td class="num">{lead.to_string()}</td>
            <td class="num">{load.co.total().to_string()}</td>
            <td class="num total">{(lead + load.co.total()).to_string()}</td>
            <td class="num">{if lagging == 0 { "—".to_string() } else { lagging.to_string() }}</td>
        </tr>
    }
}
