//! The tree as a standalone SVG file: the rows the tree view shows (folded runs stay folded), with
//! each node's metric value, hint ids and a bar, in fixed colours so the file reads anywhere.

use super::metric::Metric;
use super::tree::{name, target};
use super::view::{visible_rows, PlanView, Row, TreeState};

/// Rows written at most (the view's own row cap does not apply: a file is not rendered live).
const MAX_ROWS: usize = 5000;
const ROW: f64 = 22.0;
const INDENT: f64 = 16.0;
/// Approximate advance of one character at the file's font size.
const CHAR: f64 = 7.0;
const BAR: f64 = 160.0;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The SVG markup and its width and height.
pub fn tree_svg(view: &PlanView, state: &TreeState, metric: Metric) -> (String, f64, f64) {
    let (rows, cut) = visible_rows(view, state, MAX_ROWS);
    let max = metric.max(view);
    let mut body = String::new();
    let mut width: f64 = 600.0;
    for (r, row) in rows.iter().enumerate() {
        let y = r as f64 * ROW + 16.0;
        let (depth, label, value, bar, hints, never) = match *row {
            Row::Node(i) => {
                let node = &view.nodes[i];
                let v = metric.value(view, i);
                let hints: Vec<&str> = view.hints_by_node[i]
                    .iter()
                    .filter_map(|&h| view.hints.get(h))
                    .map(|h| h.id.as_str())
                    .collect();
                (
                    view.metrics.get(i).map_or(0, |m| m.depth),
                    format!("{}{}", name(node), target(node)),
                    v.map(|v| metric.format(v)).unwrap_or_default(),
                    v.map_or(0.0, |v| metric.share(v, max)),
                    hints.join(" "),
                    node.never_executed,
                )
            }
            Row::More { hidden, depth, .. } => (
                depth,
                format!("… {hidden} more similar"),
                String::new(),
                0.0,
                String::new(),
                false,
            ),
        };
        let x = 8.0 + depth.min(60) as f64 * INDENT;
        let fill = if never { "#8a94a3" } else { "#1b2330" };
        body.push_str(&format!(
            "<text x=\"{x}\" y=\"{y}\" fill=\"{fill}\">{}<tspan fill=\"#566173\"> {}</tspan><tspan fill=\"#a15c00\"> {}</tspan></text>\n",
            escape(&label),
            escape(&value),
            escape(&hints)
        ));
        if bar > 0.0 {
            body.push_str(&format!(
                "<rect x=\"{x}\" y=\"{:.0}\" width=\"{:.1}\" height=\"3\" fill=\"#2f5d8a\"/>\n",
                y + 4.0,
                bar / 100.0 * BAR
            ));
        }
        let chars = label.chars().count() + value.chars().count() + hints.chars().count() + 2;
        width = width
            .max(x + chars as f64 * CHAR + 20.0)
            .max(x + BAR + 20.0);
    }
    let mut height = rows.len() as f64 * ROW + 10.0;
    if cut {
        body.push_str(&format!(
            "<text x=\"8\" y=\"{:.0}\" fill=\"#566173\">… more rows not exported</text>\n",
            height + 6.0
        ));
        height += ROW;
    }
    let width = width.ceil();
    let svg = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n{body}</svg>\n"
    );
    (svg, width, height)
}
