//! Node ↔ line linking for TEXT plans: which input line starts each node. The core's model carries
//! no positions, so this follows TEXT's layout: the root is the first line naming it, and every other
//! node starts on a line whose content begins with `->`, in pre-order. When the counts disagree
//! (unusual decorations), there is no linking rather than a wrong one.

use super::view::PlanView;
use crate::explain::InputFormat;

/// Content of a line after psql borders (`|`, `│`), quotes and indentation.
fn content(line: &str) -> &str {
    line.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '│' | '"' | '\''))
}

/// 0-based line index of each node (pre-order), or `None` when the layout is not recognised.
pub fn node_lines(text: &str, view: &PlanView) -> Option<Vec<usize>> {
    if view.plan.input_format != InputFormat::Text || view.len() == 0 {
        return None;
    }
    let root = &view.nodes[0];
    let root_name = if root.display_name.is_empty() {
        &root.node_type
    } else {
        &root.display_name
    };
    let mut lines = text.lines().enumerate();
    let (root_line, _) = lines.find(|(_, l)| content(l).starts_with(root_name.as_str()))?;
    let mut out = Vec::with_capacity(view.len());
    out.push(root_line);
    out.extend(
        lines
            .filter(|(_, l)| content(l).starts_with("->"))
            .map(|(i, _)| i),
    );
    (out.len() == view.len()).then_some(out)
}
