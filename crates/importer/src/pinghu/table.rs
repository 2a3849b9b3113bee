//! A table flattened to `cell | cell |` lines: its header's columns and what each
//! holds, judged from the column names (with or without the spaces the layout put
//! between their characters), so another column order or a `责任单位` column reads.

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// 序号, 编号.
    Number,
    /// 主要工作任务, 重点工作, 工作任务, 任务内容, 目标任务 …
    Task,
    /// 完成情况, 进展情况, 推进情况, 工作进展, 落实情况 …
    Progress,
    /// 责任领导, 分管领导, 市领导, 牵头领导, 联系领导 …
    Leader,
    /// 牵头单位, 主办单位, 责任单位, 配合单位 …; `lead` is false for 配合/协办/参与 columns.
    Units { lead: bool },
    /// 完成状态, 是否完成, 完成等次: the status the report states.
    Outcome,
    /// 存在问题, 困难问题.
    Problems,
    /// 下步打算, 下步计划, 下一步工作.
    NextSteps,
    /// 备注, 督查意见: where a supervisor would write a verdict.
    Note,
    /// Anything else (完成时限, 年度目标 beside the task …): kept on the record under its
    /// column name.
    Other,
}

/// A header column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Column {
    /// The printed name without spaces, e.g. `主要工作任务`.
    pub name: String,
    pub role: Role,
}

/// The header: its columns and whether its lines carry a border `|` at either end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Header {
    pub columns: Vec<Column>,
    leading_border: bool,
    trailing_border: bool,
}

/// A column name longer than this is a cell of text, not a name.
const MAX_NAME_CHARS: usize = 16;

fn is_pipe(c: char) -> bool {
    c == '|' || c == '｜'
}

/// The role a column name announces. The order of the checks matters: `完成时限`
/// and `完成状态` contain `完成` (progress), `牵头领导` contains `牵头` (units),
/// `存在问题` is not a supervisor's note.
pub(crate) fn role_of(name: &str) -> Role {
    let has = |words: &[&str]| words.iter().any(|word| name.contains(word));
    if has(&["序号", "编号"]) || name == "序" {
        Role::Number
    } else if has(&["时限", "时间", "期限", "节点"]) {
        Role::Other
    } else if has(&["领导", "市长", "负责人"]) {
        Role::Leader
    } else if has(&["单位", "部门", "科室"]) || matches!(name, "牵头" | "配合" | "责任主体")
    {
        Role::Units {
            lead: !has(&["配合", "协办", "参与", "协助", "协同", "会同"]),
        }
    } else if has(&[
        "状态",
        "是否",
        "等次",
        "完成结果",
        "完成度",
        "评价结果",
        "评估结果",
    ]) {
        Role::Outcome
    } else if has(&["问题", "困难", "短板"]) && !has(&["完成", "进展", "推进", "情况"])
    {
        // `进展情况及存在问题` is the progress column that also holds the problems.
        Role::Problems
    } else if has(&["下步", "下一步", "下阶段", "打算", "工作计划"]) {
        Role::NextSteps
    } else if has(&["备注", "意见", "评价", "说明"]) {
        Role::Note
    } else if has(&["完成", "进展", "进度", "情况", "成效", "实绩"]) {
        Role::Progress
    } else if has(&[
        "任务", "工作", "内容", "事项", "目标", "项目", "举措", "措施",
    ]) {
        Role::Task
    } else {
        Role::Other
    }
}

impl Header {
    /// Reads `line` as a header: short column names, one naming the task and at least
    /// one more the importer knows (a number, a leader, units or progress). A header
    /// without a progress column is a task breakdown's (see [`Header::has_progress`]).
    pub fn read(line: &str) -> Option<Header> {
        if !line.chars().any(is_pipe) {
            return None;
        }
        let leading_border = line.starts_with(is_pipe);
        let trailing_border = line.ends_with(is_pipe);
        let mut pieces = split(line);
        if trailing_border {
            pieces.pop();
        }
        if leading_border && !pieces.is_empty() {
            pieces.remove(0);
        }
        let mut columns = Vec::new();
        let mut seen_task = false;
        for piece in pieces {
            let name: String = piece.chars().filter(|c| !c.is_whitespace()).collect();
            // A row's number cell or a sentence is not a column name.
            let row_like = crate::progress::lines::bare_number(&name).is_some()
                || name.ends_with(['。', '；', ';', '，', ',', '！']);
            if name.is_empty() || row_like || name.chars().count() > MAX_NAME_CHARS {
                return None;
            }
            let mut role = role_of(&name);
            // A second task-like column (`具体目标`) is extra detail, kept as such.
            if role == Role::Task {
                if seen_task {
                    role = Role::Other;
                }
                seen_task = true;
            }
            columns.push(Column { name, role });
        }
        let has = |wanted: Role| columns.iter().any(|column| column.role == wanted);
        let known_beside_task = columns.iter().any(|column| {
            matches!(
                column.role,
                Role::Number | Role::Progress | Role::Leader | Role::Units { .. }
            )
        });
        (has(Role::Task) && known_beside_task).then_some(Header {
            columns,
            leading_border,
            trailing_border,
        })
    }

    /// Whether the table reports progress (else it is a task breakdown).
    pub fn has_progress(&self) -> bool {
        self.columns
            .iter()
            .any(|column| matches!(column.role, Role::Progress | Role::Outcome))
    }

    /// Names of the columns kept as they are (`Role::Other`), for the accounting.
    pub fn other_columns(&self) -> Vec<&str> {
        self.columns
            .iter()
            .filter(|column| column.role == Role::Other)
            .map(|column| column.name.as_str())
            .collect()
    }

    /// Index of the first column with `role`.
    pub fn position(&self, role: Role) -> Option<usize> {
        self.columns.iter().position(|column| column.role == role)
    }

    /// The cells of a row line, borders dropped as the header has them.
    pub fn cells<'a>(&self, line: &'a str) -> Vec<&'a str> {
        let mut pieces = split(line);
        if self.trailing_border && line.ends_with(is_pipe) {
            pieces.pop();
        }
        if self.leading_border && line.starts_with(is_pipe) && !pieces.is_empty() {
            pieces.remove(0);
        }
        pieces
    }

    /// Whether `row` (possibly several physical lines joined) holds all its cells.
    pub fn is_complete(&self, row: &str) -> bool {
        self.cells(row).len() >= self.columns.len()
            && (!self.trailing_border || row.ends_with(is_pipe))
    }

    /// Whether `line` begins a new row rather than continuing a broken one: its number
    /// cell holds a number, or it is a whole row by itself.
    pub fn starts_row(&self, line: &str) -> bool {
        if !line.chars().any(is_pipe) {
            return false;
        }
        let cells = self.cells(line);
        let numbered = self
            .position(Role::Number)
            .and_then(|at| cells.get(at))
            .is_some_and(|cell| crate::progress::lines::bare_number(cell.trim()).is_some());
        numbered || self.is_complete(line)
    }

    /// Exactly one trimmed cell per column. A row with more cells than columns had a
    /// `|` inside a cell: the surplus is given back to the widest text column
    /// (progress, else task), whose raw text keeps the `|`. Missing cells are empty.
    pub fn row_cells(&self, row: &str) -> Vec<String> {
        let wanted = self.columns.len();
        let ranges = self.cell_ranges(row);
        if ranges.len() <= wanted {
            let mut cells: Vec<String> = ranges
                .iter()
                .map(|&(from, to)| row[from..to].trim().to_string())
                .collect();
            cells.resize(wanted, String::new());
            return cells;
        }
        let wide = self
            .position(Role::Progress)
            .or_else(|| self.position(Role::Task))
            .unwrap_or(0);
        let surplus = ranges.len() - wanted;
        let mut cells = Vec::with_capacity(wanted);
        for (index, &(from, to)) in ranges.iter().enumerate() {
            if index < wide || index > wide + surplus {
                cells.push(row[from..to].trim().to_string());
            } else if index == wide {
                let to = ranges[wide + surplus].1;
                cells.push(row[from..to].trim().to_string());
            }
        }
        cells
    }

    /// Byte ranges of the cells of `row`, borders dropped as in [`Header::cells`].
    fn cell_ranges(&self, row: &str) -> Vec<(usize, usize)> {
        let mut ranges = Vec::new();
        let mut start = 0;
        for (at, c) in row.char_indices() {
            if is_pipe(c) {
                ranges.push((start, at));
                start = at + c.len_utf8();
            }
        }
        ranges.push((start, row.len()));
        if self.trailing_border && row.ends_with(is_pipe) {
            ranges.pop();
        }
        if self.leading_border && row.starts_with(is_pipe) && !ranges.is_empty() {
            ranges.remove(0);
        }
        ranges
    }
}

fn split(line: &str) -> Vec<&str> {
    line.split(is_pipe).collect()
}

/// A layout rule such as `|---|:--:|`.
pub(crate) fn is_rule(line: &str) -> bool {
    line.chars().any(is_pipe)
        && line
            .chars()
            .all(|c| is_pipe(c) || matches!(c, '-' | ':' | '—' | '=' | '+') || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_from_names_with_or_without_spaces() {
        let header = Header::read("序号 | 主 要 工 作 任 务 | 完 成 情 况 | 牵头单位 |").unwrap();
        let roles: Vec<Role> = header.columns.iter().map(|c| c.role).collect();
        assert_eq!(
            roles,
            [
                Role::Number,
                Role::Task,
                Role::Progress,
                Role::Units { lead: true }
            ]
        );
        assert_eq!(header.columns[1].name, "主要工作任务");
        let header =
            Header::read("| 重点工作 | 责任单位 | 配合单位 | 完成时限 | 工作进展 | 备注 |")
                .unwrap();
        let roles: Vec<Role> = header.columns.iter().map(|c| c.role).collect();
        assert_eq!(
            roles,
            [
                Role::Task,
                Role::Units { lead: true },
                Role::Units { lead: false },
                Role::Other,
                Role::Progress,
                Role::Note
            ]
        );
        let breakdown = Header::read("序号 | 重点工作 | 责任领导 | 牵头单位 | 配合单位 |").unwrap();
        let roles: Vec<Role> = breakdown.columns.iter().map(|c| c.role).collect();
        assert_eq!(
            roles,
            [
                Role::Number,
                Role::Task,
                Role::Leader,
                Role::Units { lead: true },
                Role::Units { lead: false }
            ]
        );
        assert!(!breakdown.has_progress());
        let reordered = Header::read(
            "| 牵头领导 | 工作任务 | 主办单位 | 协办单位 | 推进情况 | 完成状态 | 存在问题 | 下步打算 | 督查意见 | 序号 |",
        )
        .unwrap();
        let roles: Vec<Role> = reordered.columns.iter().map(|c| c.role).collect();
        assert_eq!(
            roles,
            [
                Role::Leader,
                Role::Task,
                Role::Units { lead: true },
                Role::Units { lead: false },
                Role::Progress,
                Role::Outcome,
                Role::Problems,
                Role::NextSteps,
                Role::Note,
                Role::Number
            ]
        );
        assert_eq!(Header::read("任务 | 其他 |"), None);
        let named = Header::read(
            "序号 | 年度目标任务 | 2023年1-9月推进落实情况 | 是否按期完成 | 进展情况及存在问题 |",
        )
        .unwrap();
        let roles: Vec<Role> = named.columns.iter().map(|c| c.role).collect();
        assert_eq!(
            roles,
            [
                Role::Number,
                Role::Task,
                Role::Progress,
                Role::Outcome,
                Role::Progress
            ]
        );
        assert_eq!(
            Header::read("1 | 生产总值增长6%,一般公共预算收入增长5%。 | 完成情况 |"),
            None
        );
    }

    #[test]
    fn cells_borders_and_pipes_inside() {
        let header = Header::read("序号 | 任务 | 完成情况 | 牵头单位 |").unwrap();
        assert_eq!(
            header.row_cells("1 | 甲 | 乙 | 丙 |"),
            ["1", "甲", "乙", "丙"]
        );
        assert_eq!(
            header.row_cells("1 | 甲 | 乙|A | 丙 |"),
            ["1", "甲", "乙|A", "丙"]
        );
        assert_eq!(header.row_cells("1 | 甲 |"), ["1", "甲", "", ""]);
        assert!(!header.is_complete("1 | 甲 | 乙 | ★发改局、"));
        assert!(header.is_complete("1 | 甲 | 乙 | ★发改局、经信局 |"));
        assert!(
            header.starts_row("2 | 甲 |")
                && !header.starts_row("续 | 丙 |")
                && !header.starts_row("续")
        );
        assert!(is_rule("|---|:--:|") && !is_rule("1 | 甲 |"));
    }
}
