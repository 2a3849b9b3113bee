//! When a chosen file does not say whose report it is (city, year, period), the
//! importer will not guess: this form asks for the missing details, pre-filled with
//! whatever the text does state, and previews the file again with them.

use leptos::prelude::*;
use planboard_importer::error::MissingDetail;
use planboard_importer::period::DocumentDetails;

use crate::i18n::tr;

/// A file waiting for its details.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct NeedsDetails {
    pub file_name: String,
    pub bytes: Vec<u8>,
    /// For a PDF, where each line of `bytes` (its rebuilt text) is in it (`第 2 页第 14
    /// 行`), to send the lines to the worker again with the details; else empty.
    pub places: Vec<String>,
    /// What the text states, to pre-fill the form.
    pub stated: DocumentDetails,
    pub missing: Vec<MissingDetail>,
}

/// The form; `on_submit` gets the details as typed (empty fields left out).
#[component]
pub(super) fn DetailsForm(
    needs: NeedsDetails,
    #[prop(into)] on_submit: Callback<DocumentDetails>,
) -> impl IntoView {
    let jurisdiction = RwSignal::new(needs.stated.jurisdiction.clone().unwrap_or_default());
    let year = RwSignal::new(needs.stated.year.map(|y| y.to_string()).unwrap_or_default());
    let period = RwSignal::new(needs.stated.period.clone().unwrap_or_default());
    let date = RwSignal::new(needs.stated.date.clone().unwrap_or_default());
    let year_problem = RwSignal::new(None::<&'static str>);
    let missing = StoredValue::new(needs.missing.clone());
    let marked = move |detail: MissingDetail| {
        missing
            .with_value(|missing| missing.contains(&detail))
            .then(|| view! { <span class="details-missing">{tr("（文中未写明）", " (not stated in the file)")}</span> })
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = |signal: RwSignal<String>| {
            let value = signal.get_untracked().trim().to_string();
            (!value.is_empty()).then_some(value)
        };
        let year_value = match typed(year) {
            None => None,
            Some(text) => match text.parse::<u16>() {
                Ok(value) => Some(value),
                Err(_) => {
                    year_problem.set(Some(tr(
                        "年份请写四位数字，如 2023",
                        "Write the year as four digits, e.g. 2023",
                    )));
                    return;
                }
            },
        };
        year_problem.set(None);
        on_submit.run(DocumentDetails {
            jurisdiction: typed(jurisdiction),
            year: year_value,
            period: typed(period),
            date: typed(date),
        });
    };
    let field = move |id: &'static str,
                      label: &'static str,
                      hint: &'static str,
                      value: RwSignal<String>,
                      detail: Option<MissingDetail>| {
        view! {
            <p class="details-field">
                <label for=id>{label} {detail.and_then(marked)}</label>
                <input
                    id=id
                    type="text"
                    lang="zh-CN"
                    data-testid=id
                    prop:value=move || value.get()
                    on:input=move |event| value.set(event_target_value(&event))
                />
                <span class="muted">{hint}</span>
            </p>
        }
    };
    view! {
        <form class="import-details" data-testid="import-details" on:submit=submit>
            <h3>{tr("请补充文件没有写明的信息", "Please add what the file does not state")}</h3>
            <p>
                {tr(
                    "本应用不会猜测文件属于哪个市县、哪一年、哪个时段。已从文中读出的信息已填好，可修改：",
                    "The app never guesses whose report a file is, or for which year and period. What the text states is filled in; change it if needed:",
                )}
                " "
                <span lang="zh-CN">{needs.file_name.clone()}</span>
            </p>
            {field("details-jurisdiction", tr("辖区", "City or county"), tr("如 平湖市", "the city or county's full name"), jurisdiction, Some(MissingDetail::Jurisdiction))}
            {field("details-year", tr("年份", "Year"), tr("如 2023", "e.g. 2023"), year, Some(MissingDetail::Year))}
            {field("details-period", tr("时段", "Period"), tr("一季度、上半年、前三季度、全年或某月（如 5月）；责任分解可不填", "first quarter, first half, first three quarters, full year, or a month; leave empty for a task breakdown"), period, Some(MissingDetail::Period))}
            {field("details-date", tr("日期（可选）", "Date (optional)"), tr("数据截至日期，YYYY-MM-DD 或 YYYY-MM", "When the figures run to, YYYY-MM-DD or YYYY-MM"), date, None)}
            {move || year_problem.get().map(|problem| view! { <p class="import-refused" role="alert">{problem}</p> })}
            <p>
                <button type="submit" data-testid="details-submit">{tr("用这些信息预览", "Preview with these details")}</button>
            </p>
        </form>
    }
}
