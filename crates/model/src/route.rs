//! All view state in the URL hash: `#/<view>?<query>`.
//!
//! Values are the names people read (`leader=项乐民`, `status=滞后`), so a link stays
//! readable and survives a data rebuild that renumbers records. `to_hash` percent-encodes
//! every byte but the unreserved ASCII ones (browsers display the Chinese decoded);
//! `parse` takes encoded and raw UTF-8 alike. A `+` is a literal plus, not a space
//! (this is a hash, not a form submission): spaces are written `%20`.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::facets::Facet;
use crate::filter::{Filter, Role, SortOrder};

/// Everything but RFC 3986's unreserved characters `A-Z a-z 0-9 - . _ ~`.
const VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');
/// Path arguments keep `/` readable: record ids are `<document>/<local>`.
const PATH_ARGUMENT: &AsciiSet = &VALUE.remove(b'/');

/// Which page is shown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// `#/`
    #[default]
    Overview,
    /// `#/tasks`
    Tasks,
    /// `#/item/<id>`: an entry, or a plan record (section, box, indicator …).
    Item(String),
    /// `#/plan`
    Plan,
    /// `#/projects`
    Projects,
    /// `#/leaders`
    Leaders,
    /// `#/leaders/<name>`
    Leader(String),
    /// `#/departments`
    Departments,
    /// `#/departments/<unit name>`
    Department(String),
    /// `#/notes`: the reader's own notes (我的笔记).
    Notes,
    /// `#/threads`: the threads (topics followed across documents); `q` narrows them by
    /// label or record text.
    Threads,
    /// `#/threads/<key phrase>`: one thread as a timeline, e.g. `#/threads/沪苏湖高铁`.
    Thread(String),
    /// `#/pace`: key indicators against the plan's pace (序时进度).
    Pace,
    /// `#/lag`: lagging tasks per leader and department per progress report, and the
    /// leader × department matrix. `doc=<progress report id>` picks the report (default:
    /// the newest); `jurisdiction=` picks the matrix's jurisdiction.
    Lag,
    /// `#/compare`: two task documents side by side, `doc=<older>&doc=<newer>` (the
    /// first two `doc` values), for `leader=<name>` or `unit=<department>`: added,
    /// dropped and carried-over commitments.
    Compare,
    /// `#/bulletin?doc=<progress report id>`: the 督查通报 print view, lagging tasks of
    /// one report (default: the newest) grouped by lead unit and by leader; `note=1`
    /// includes the reader's own notes.
    Bulletin,
    /// `#/import`: import a new breakdown or progress report from a file, kept in this
    /// browser only, and remove such documents again.
    Import,
}

/// A view and the filter state it shows.
///
/// ```
/// use planboard_model::{Route, View};
/// let route = Route::parse("#/tasks?leader=项乐民&district=德清县&q=高铁");
/// assert_eq!(route.view, View::Tasks);
/// assert_eq!(route.filter.leader, vec!["项乐民"]);
/// assert_eq!(route.filter.q, "高铁");
/// assert_eq!(
///     route.to_hash(),
///     "#/tasks?leader=%E9%A1%B9%E4%B9%90%E6%B0%91&district=%E5%BE%B7%E6%B8%85%E5%8E%BF&q=%E9%AB%98%E9%93%81"
/// );
/// assert_eq!(Route::parse(&route.to_hash()), route);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Route {
    pub view: View,
    pub filter: Filter,
    /// How many rows of a list are shown (`rows=300`), when more than one page
    /// ([`LIST_PAGE_SIZE`]); `None` for one page. Kept apart from the filter, so
    /// showing more rows does not run the query again. See [`list_rows`].
    pub rows: Option<usize>,
    /// The record a page brings into view once drawn (`at=<record id>`; the 规划 page
    /// scrolls to that section, box or indicator).
    pub at: Option<String>,
}

/// Rows a list shows at first and adds with each “显示更多”.
pub const LIST_PAGE_SIZE: usize = 100;

/// The most rows a link may ask for (50 pages): a pasted `rows=999999999` must not
/// make the page draw every row at once.
pub const LIST_MAX_ROWS: usize = 50 * LIST_PAGE_SIZE;

/// The canonical row count for `requested` rows: rounded up to whole pages, at most
/// [`LIST_MAX_ROWS`]; `None` when that is one page (the default, left out of the URL).
///
/// ```
/// use planboard_model::route::list_rows;
/// assert_eq!(list_rows(300), Some(300));
/// assert_eq!(list_rows(250), Some(300));
/// assert_eq!(list_rows(100), None);
/// assert_eq!(list_rows(0), None);
/// assert_eq!(list_rows(usize::MAX), Some(5000));
/// ```
pub fn list_rows(requested: usize) -> Option<usize> {
    let pages = requested.div_ceil(LIST_PAGE_SIZE);
    let rows = pages.saturating_mul(LIST_PAGE_SIZE).min(LIST_MAX_ROWS);
    (rows > LIST_PAGE_SIZE).then_some(rows)
}

impl Route {
    pub fn new(view: View) -> Route {
        Route {
            view,
            ..Route::default()
        }
    }

    /// The rows a list shows for this route: `rows`, or one page.
    pub fn shown_rows(&self) -> usize {
        self.rows.unwrap_or(LIST_PAGE_SIZE)
    }

    /// The route with document and item ids a link made before periods were part of
    /// ids (`#/item/huzhou-2024-progress/t13`, `doc=huzhou-2024-progress`) replaced by
    /// the current ones; `None` when nothing needed replacing.
    pub fn with_current_ids(&self, catalog: &crate::types::Catalog) -> Option<Route> {
        let mut route = self.clone();
        let mut changed = false;
        if let View::Item(id) = &route.view {
            if let Some(current) = catalog.renamed_record_id(id) {
                route.view = View::Item(current);
                changed = true;
            }
        }
        for doc in &mut route.filter.doc {
            if let Some(current) = catalog.current_document_id(doc).filter(|c| c != doc) {
                *doc = current.to_string();
                changed = true;
            }
        }
        changed.then_some(route)
    }

    /// Reads `location.hash` (with or without the leading `#` or `/`). Unknown views
    /// give the overview, unknown parameters and values a facet cannot hold are
    /// ignored, malformed `%` sequences are kept literally; never panics.
    pub fn parse(hash: &str) -> Route {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let hash = hash.strip_prefix('/').unwrap_or(hash);
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let mut route = Route {
            view: parse_view(path),
            filter: parse_query(query),
            ..Route::default()
        };
        parse_view_state(query, &mut route);
        route
    }

    /// The canonical hash: the view's path, then the parameters in a fixed order
    /// (`doc year jurisdiction leader district unit role status kind q note watched tag
    /// each sort rows at`), values
    /// percent-encoded, empty and default parameters left out.
    pub fn to_hash(&self) -> String {
        let mut hash = String::from("#/");
        let (name, argument) = match &self.view {
            View::Overview => ("", None),
            View::Tasks => ("tasks", None),
            View::Item(id) => ("item", Some(id)),
            View::Plan => ("plan", None),
            View::Projects => ("projects", None),
            View::Leaders => ("leaders", None),
            View::Leader(name) => ("leaders", Some(name)),
            View::Departments => ("departments", None),
            View::Department(unit) => ("departments", Some(unit)),
            View::Notes => ("notes", None),
            View::Threads => ("threads", None),
            View::Thread(id) => ("threads", Some(id)),
            View::Pace => ("pace", None),
            View::Lag => ("lag", None),
            View::Compare => ("compare", None),
            View::Bulletin => ("bulletin", None),
            View::Import => ("import", None),
        };
        hash.push_str(name);
        if let Some(argument) = argument {
            hash.push('/');
            hash.extend(utf8_percent_encode(argument, PATH_ARGUMENT));
        }
        let mut query = query_string(&self.filter);
        let rows = self.rows.and_then(list_rows).map(|rows| rows.to_string());
        let at = self.at.clone().filter(|at| !at.is_empty());
        for (name, value) in [("rows", rows), ("at", at)] {
            if let Some(value) = value {
                if !query.is_empty() {
                    query.push('&');
                }
                query.push_str(name);
                query.push('=');
                query.extend(utf8_percent_encode(&value, VALUE));
            }
        }
        if !query.is_empty() {
            hash.push('?');
            hash.push_str(&query);
        }
        hash
    }
}

fn parse_view(path: &str) -> View {
    let (name, argument) = match path.split_once('/') {
        Some((name, argument)) => (name, Some(decode(argument))),
        None => (path, None),
    };
    // A trailing slash on a list view (`tasks/`) is the list view.
    let argument = argument.filter(|a| {
        !a.is_empty() || matches!(name, "item" | "leaders" | "departments" | "threads")
    });
    match (decode(name).as_str(), argument) {
        ("tasks", _) => View::Tasks,
        ("plan", _) => View::Plan,
        ("projects", _) => View::Projects,
        ("item", Some(id)) => View::Item(id),
        ("leaders", Some(leader)) => View::Leader(leader),
        ("leaders", None) => View::Leaders,
        ("departments", Some(unit)) => View::Department(unit),
        ("departments", None) => View::Departments,
        ("notes", _) => View::Notes,
        ("threads", Some(thread)) => View::Thread(thread),
        ("threads", None) => View::Threads,
        ("pace", _) => View::Pace,
        ("lag", _) => View::Lag,
        ("compare", _) => View::Compare,
        ("bulletin", _) => View::Bulletin,
        ("import", _) => View::Import,
        _ => View::Overview,
    }
}

fn parse_query(query: &str) -> Filter {
    let mut filter = Filter::default();
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let (name, value) = (decode(name), decode(value));
        if value.is_empty() {
            continue;
        }
        match name.as_str() {
            "role" => {
                if value == Role::LEAD_LABEL || value == "lead" {
                    filter.role = Role::Lead;
                }
            }
            "sort" => {
                if value == SortOrder::STATUS_PARAM {
                    filter.sort = SortOrder::Status;
                }
            }
            // Repeated: the last one wins.
            "q" => filter.q = value,
            "note" => filter.note = value == "1",
            "watched" => filter.watched = value == "1",
            "each" => filter.each = value == "1",
            "tag" => {
                if !filter.tag.contains(&value) {
                    filter.tag.push(value);
                }
            }
            other => {
                if let Some(facet) = Facet::from_param(other) {
                    filter.push_value(facet, &value);
                }
            }
        }
    }
    filter
}

/// The parameters that are not the filter: `rows` (a number; anything else is ignored,
/// the count made canonical by [`list_rows`]) and `at`. Repeated: the last one wins.
fn parse_view_state(query: &str, route: &mut Route) {
    for pair in query.split('&') {
        let Some((name, value)) = pair.split_once('=') else {
            continue;
        };
        match decode(name).as_str() {
            "rows" => {
                let digits = decode(value);
                let digits = digits.trim();
                if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                    // Too many digits for a number is more than the maximum.
                    route.rows = list_rows(digits.parse().unwrap_or(usize::MAX));
                }
            }
            "at" => {
                let at = decode(value);
                if !at.is_empty() {
                    route.at = Some(at);
                }
            }
            _ => {}
        }
    }
}

fn query_string(filter: &Filter) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    for facet in Facet::ALL {
        if facet == Facet::Status {
            // `role` qualifies `unit`, so it is written right after it.
            if filter.role == Role::Lead {
                pairs.push(("role", Role::LEAD_LABEL.to_owned()));
            }
        }
        for value in filter.values(facet) {
            if !value.is_empty() {
                pairs.push((facet.param(), value));
            }
        }
    }
    if !filter.q.is_empty() {
        pairs.push(("q", filter.q.clone()));
    }
    if filter.note {
        pairs.push(("note", "1".to_owned()));
    }
    if filter.watched {
        pairs.push(("watched", "1".to_owned()));
    }
    for tag in filter.tag.iter().filter(|tag| !tag.is_empty()) {
        pairs.push(("tag", tag.clone()));
    }
    if filter.each {
        pairs.push(("each", "1".to_owned()));
    }
    if filter.sort == SortOrder::Status {
        pairs.push(("sort", SortOrder::STATUS_PARAM.to_owned()));
    }
    pairs
        .iter()
        .map(|(name, value)| format!("{name}={}", utf8_percent_encode(value, VALUE)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Percent-decodes; where the decoded bytes are not UTF-8 (a cut-off `%E9%A1`), the
/// text is kept as written.
fn decode(text: &str) -> String {
    match percent_decode_str(text).decode_utf8() {
        Ok(decoded) => decoded.into_owned(),
        Err(_) => text.to_owned(),
    }
}
