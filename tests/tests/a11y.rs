//! Accessibility and small screens: axe-core on every view at desktop and phone width,
//! keyboard use with a visible focus, and no sideways scrolling on a phone. Each view
//! is also saved as a screenshot (target/screenshots/) for a person to look at.

mod views_support;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use planboard_browser_tests::{workspace_root, App, Launch};
use serde_json::{json, Value};
use views_support::{
    click_in_view, every_view, facet_count, facet_link, horizontal_overflow, number_in, open_tasks,
    open_view, wait_for_count, Data, RESULT_COUNT,
};

/// axe-core, installed for the tests only by scripts/setup.sh (npm, under .tools/).
fn axe_source() -> String {
    let path = workspace_root().join(".tools/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "axe-core is missing ({}: {error}); run `bash scripts/setup.sh`",
            path.display()
        )
    })
}

/// Runs axe-core on the page and returns one line per violation: rule id, impact, help,
/// and each offending node's selector with axe's summary of what is wrong.
async fn axe_violations(app: &App, source: &str) -> Vec<String> {
    // WebDriver scripts run outside the page's Content-Security-Policy, so the library
    // is injected as it is; it needs no eval.
    let loaded = app
        .eval(&format!("{source}\nreturn typeof axe.run;"), vec![])
        .await;
    assert_eq!(
        loaded,
        json!("function"),
        "axe-core did not load into the page"
    );
    let result = app
        .client()
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             axe.run(document, { resultTypes: ['violations'] }) \
               .then((result) => done({ passes: result.passes.length, \
                 violations: result.violations.map((violation) => ({ \
                 id: violation.id, impact: violation.impact, help: violation.help, \
                 nodes: violation.nodes.map((node) => \
                   node.target.join(' ') + ' — ' + (node.failureSummary || '').replace(/\\s+/g, ' ')) })) })) \
               .catch((error) => done({ passes: 0, violations: [{ id: 'axe-error', impact: 'error', \
                 help: String(error), nodes: [] }] }));",
            vec![],
        )
        .await
        .unwrap_or_else(|error| panic!("run axe-core: {error}"));
    // axe checked something: a run that passes no rule at all tested nothing.
    assert!(
        result["passes"].as_u64().unwrap_or(0) > 0
            || !result["violations"].as_array().is_none_or(Vec::is_empty),
        "axe-core ran no rule: {result}"
    );
    result["violations"]
        .as_array()
        .expect("axe returns a list")
        .iter()
        .map(|violation| {
            let nodes: Vec<String> = violation["nodes"]
                .as_array()
                .map(|nodes| {
                    nodes
                        .iter()
                        .map(|node| format!("      {}", node.as_str().unwrap_or_default()))
                        .collect()
                })
                .unwrap_or_default();
            format!(
                "{} ({}): {}\n{}",
                violation["id"].as_str().unwrap_or_default(),
                violation["impact"].as_str().unwrap_or("?"),
                violation["help"].as_str().unwrap_or_default(),
                nodes.join("\n")
            )
        })
        .collect()
}

/// The two interface languages, as the query string before the hash selects them.
const LANGUAGES: [(&str, &str); 2] = [("zh", ""), ("en", "?lang=en")];

/// Visits every view in `language` (`?lang=en` or nothing), saves a screenshot of it,
/// and runs axe-core; fails listing every violation of every view.
async fn axe_on_every_view(app: &App, width: &str, (language, query): (&str, &str)) {
    let data = Data::load();
    let source = axe_source();
    let mut problems = Vec::new();
    for (name, hash, shown) in every_view(&data) {
        open_view(app, &format!("{query}{hash}"), shown).await;
        app.screenshot(&format!("{name}-{width}-{language}")).await;
        for violation in axe_violations(app, &source).await {
            problems.push(format!("{name} ({query}{hash}) — {violation}"));
        }
    }
    // The checker itself must be able to fail: an image without a text alternative.
    app.eval(
        "const image = document.createElement('img'); image.src = 'data:,'; \
         image.id = 'axe-self-test'; document.querySelector('main, body').append(image);",
        vec![],
    )
    .await;
    let planted = axe_violations(app, &source).await;
    assert!(
        planted
            .iter()
            .any(|violation| violation.starts_with("image-alt")
                && violation.contains("#axe-self-test")),
        "axe-core missed a planted image without alt: {planted:?}"
    );
    assert!(
        problems.is_empty(),
        "axe-core reports {} violation(s) at {width} width ({language}):\n{}",
        problems.len(),
        problems.join("\n")
    );
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn axe_finds_no_violations_on_any_view_at_desktop_width() {
    let app = App::start().await;
    axe_on_every_view(&app, "desktop", LANGUAGES[0]).await;
}

#[tokio::test]
async fn axe_finds_no_violations_on_any_view_at_phone_width() {
    let app = App::launch(Launch::new().phone()).await;
    axe_on_every_view(&app, "phone", LANGUAGES[0]).await;
}

/// English at phone width: the longer words are where layouts break, and the page's
/// language changes what axe checks (html lang, mixed-language names).
#[tokio::test]
async fn axe_finds_no_violations_on_any_view_in_english() {
    let app = App::launch(Launch::new().phone()).await;
    axe_on_every_view(&app, "phone", LANGUAGES[1]).await;
}

#[tokio::test]
async fn no_view_scrolls_sideways_on_a_phone() {
    let data = Data::load();
    let app = App::launch(Launch::new().phone()).await;
    let mut problems = Vec::new();
    let views = every_view(&data);
    // Every view in both languages: English words are longer and break differently.
    let visits = LANGUAGES.iter().flat_map(|&(language, query)| {
        views.iter().map(move |(name, hash, shown)| {
            (
                format!("{name}-{language}"),
                format!("{query}{hash}"),
                *shown,
            )
        })
    });
    for (name, hash, shown) in visits {
        open_view(&app, &hash, shown).await;
        app.assert_phone_viewport().await;
        if let Some(overflow) = horizontal_overflow(&app).await {
            problems.push(format!("{name} ({hash}): {overflow}"));
        }
        // Every chart's drawing fits the window: a chart cut at the right edge loses
        // the bars' ends and their numbers.
        let cut = app.charts_cut_by_the_viewport().await;
        if !cut.is_empty() {
            problems.push(format!(
                "{name} ({hash}): charts wider than the window: {}",
                cut.join(", ")
            ));
        }
        // Down the page too: the overflow may come from what is further below.
        app.eval(
            "window.scrollTo(0, document.body.scrollHeight / 2);",
            vec![],
        )
        .await;
        app.screenshot(&format!("{name}-phone-middle")).await;
        // The first two charts, for a person to check that they read well.
        for chart in 0..2 {
            let found = app
                .eval(
                    "const figure = document.querySelectorAll('figure[data-chart]')[arguments[0]]; \
                     if (!figure) { return false; } \
                     figure.scrollIntoView({ block: 'start' }); return true;",
                    vec![json!(chart)],
                )
                .await;
            if found == json!(true) {
                app.screenshot(&format!("{name}-phone-chart-{}", chart + 1))
                    .await;
            }
        }
    }
    assert!(
        problems.is_empty(),
        "views wider than the phone or with cut charts:\n{}",
        problems.join("\n")
    );
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn the_tasks_view_works_on_a_phone_with_the_facets_folded() {
    let data = Data::load();
    let app = App::launch(Launch::new().phone()).await;
    open_tasks(&app, "").await;
    wait_for_count(&app, data.records.len()).await;
    let open = app.attr("details.facet-panel", "open").await;
    assert_eq!(open, None, "the facet panel should start folded on a phone");
    let link = facet_link("status", "滞后");
    let hidden = app.wait_for(&link).await;
    assert!(
        !hidden.is_displayed().await.expect("displayed?"),
        "folded facets are visible"
    );

    app.click("details.facet-panel > summary").await;
    let count = facet_count(&app, "status", "滞后").await;
    assert_eq!(count, data.ids(|r| r.status == "滞后").len());
    app.screenshot("facets-open").await;
    click_in_view(&app, &link).await;
    wait_for_count(&app, count).await;
    // The chosen value stays in view as a chip even with the panel folded again.
    let chips = app.texts(".chips .chip").await;
    assert!(
        chips.iter().any(|chip| chip.contains("滞后")),
        "chips: {chips:?}"
    );
    assert!(horizontal_overflow(&app).await.is_none());
    app.screenshot("lagging").await;
    app.assert_no_console_errors().await;
}

/// Presses one key, as a person at the keyboard does (to whatever has focus).
async fn press(app: &App, key: Key) {
    press_with(app, key, false).await;
}

/// Presses one key, with Shift held when `shift`.
async fn press_with(app: &App, key: Key, shift: bool) {
    let mut keys = KeyActions::new("keyboard".to_owned());
    if shift {
        keys = keys.then(KeyAction::Down {
            value: Key::Shift.into(),
        });
    }
    keys = keys
        .then(KeyAction::Down { value: key.into() })
        .then(KeyAction::Up { value: key.into() });
    if shift {
        keys = keys.then(KeyAction::Up {
            value: Key::Shift.into(),
        });
    }
    app.client()
        .perform_actions(keys)
        .await
        .unwrap_or_else(|error| panic!("press {key:?}: {error}"));
}

/// What has focus now, and whether it shows it: (id, facet, facet value, visible ring).
async fn focused(app: &App) -> Value {
    app.eval(
        "const element = document.activeElement; \
         const style = getComputedStyle(element); \
         const ring = element.matches(':focus-visible') && \
           ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none'); \
         const group = element.closest('[data-facet]'); \
         return { id: element.id, facet: group ? group.getAttribute('data-facet') : null, \
                  value: element.getAttribute('data-facet-value'), ring: ring, \
                  outline: style.outlineStyle + ' ' + style.outlineWidth, shadow: style.boxShadow, \
                  tag: element.tagName };",
        vec![],
    )
    .await
}

#[tokio::test]
async fn the_keyboard_reaches_search_and_facets_with_a_visible_focus_and_enter_applies() {
    let data = Data::load();
    let app = App::start().await;
    open_tasks(&app, "").await;
    wait_for_count(&app, data.records.len()).await;

    let mut search_focused = None;
    let mut facet_focused = None;
    for _ in 0..80 {
        press(&app, Key::Tab).await;
        let now = focused(&app).await;
        if now["id"] == json!("task-search") && search_focused.is_none() {
            search_focused = Some(now.clone());
        }
        if now["facet"] == json!("status") && now["value"].is_string() {
            facet_focused = Some(now);
            break;
        }
    }
    let search = search_focused.expect("Tab never reached the search box");
    assert_eq!(
        search["ring"],
        json!(true),
        "the search box shows no focus: {search}"
    );
    let facet = facet_focused.expect("Tab never reached a status facet value");
    assert_eq!(
        facet["ring"],
        json!(true),
        "the facet link shows no focus: {facet}"
    );

    let value = facet["value"].as_str().expect("a facet value").to_owned();
    let shown = facet_count(&app, "status", &value).await;
    assert_eq!(
        shown,
        data.ids(|r| r.status == value).len(),
        "count beside {value}"
    );
    press(&app, Key::Enter).await;
    wait_for_count(&app, shown).await;
    assert_eq!(app.current_route().await, format!("/tasks?status={value}"));
    assert_eq!(number_in(&app.text(RESULT_COUNT).await), shown);
    app.assert_no_console_errors().await;
}

#[tokio::test]
async fn focus_moving_back_up_the_list_is_not_hidden_under_the_sticky_result_bar() {
    let data = Data::load();
    let app = App::start().await;
    open_tasks(&app, "").await;
    wait_for_count(&app, data.records.len()).await;
    app.eval(
        "document.querySelector('.tasks-results .entry-link').focus();",
        vec![],
    )
    .await;
    for _ in 0..20 {
        press(&app, Key::Tab).await;
    }
    // Shift+Tab scrolls each earlier link into view at the top edge, where the result
    // bar (count and sort) stays stuck: the focused link must not end up beneath it.
    let mut hidden = Vec::new();
    for _ in 0..20 {
        press_with(&app, Key::Tab, true).await;
        let seen = app
            .eval(
                "const element = document.activeElement; \
                 const box = element.getBoundingClientRect(); \
                 const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2); \
                 return (hit && (hit === element || element.contains(hit))) ? null : \
                   `${element.textContent.trim().slice(0, 30)} at top ${Math.round(box.top)} under ${hit ? hit.className : '?'}`;",
                vec![],
            )
            .await;
        if let Some(under) = seen.as_str() {
            hidden.push(under.to_owned());
        }
    }
    assert!(
        hidden.is_empty(),
        "focused links hidden under another element: {hidden:?}"
    );
}
