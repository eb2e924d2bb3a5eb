//! Node ↔ line linking for the Raw tab and the editor's highlight band, in every input format.
//! The core records where each node is written in the text as pasted (`Node::source_line`: the
//! node's line in TEXT, its `Node Type` member in JSON and YAML, its `<Node-Type>` element in XML),
//! so this only checks that the positions can be used.

use super::view::PlanView;

/// 0-based input line of each node (pre-order), or `None` when lines cannot tell nodes apart: a
/// node without a position, a position past the text, or two nodes on one line (one-line JSON).
/// No linking is better than a wrong one.
pub fn node_lines(text: &str, view: &PlanView) -> Option<Vec<usize>> {
    if view.len() == 0 {
        return None;
    }
    let lines: Option<Vec<usize>> = view.nodes.iter().map(|n| n.source_line).collect();
    let lines = lines?;
    let count = text.lines().count();
    // Pre-order positions strictly grow: nodes are written parent first, siblings in order.
    let usable = lines.windows(2).all(|w| w[0] < w[1]) && lines.iter().all(|&l| l < count);
    usable.then_some(lines)
}
