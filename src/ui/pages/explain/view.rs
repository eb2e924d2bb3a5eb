//! The page's working copy of a report: the plan tree flattened into pre-order arrays (children by
//! index, hints by node, a "similar subtree" signature per node) so every view can reach any node in
//! O(1) and nothing recurses over a deep plan.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::explain::{Analysis, Hint, Node, NodeMetrics, Plan, Report};

/// Runs of at least this many similar siblings are folded (partition scans, UNION ALL branches).
pub const RUN_MIN: usize = 5;
/// How many members of a folded run stay visible.
pub const RUN_SHOW: usize = 3;

/// A flattened report.
#[derive(Debug)]
pub struct PlanView {
    /// Nodes in pre-order with `children` emptied (the tree lives in [`PlanView::children`]).
    pub nodes: Vec<Node>,
    pub children: Vec<Vec<usize>>,
    pub metrics: Vec<NodeMetrics>,
    pub hints: Vec<Hint>,
    /// Indices into `hints`, per node.
    pub hints_by_node: Vec<Vec<usize>>,
    /// Plan-level fields (its `root` is an empty node).
    pub plan: Plan,
    /// Analysis totals and maxima (its `nodes` are moved to `metrics`).
    pub analysis: Analysis,
    /// Equal ids mean structurally similar subtrees (same node names, relation names up to digits).
    pub signature: Vec<u32>,
}

/// A shared [`PlanView`] compared by identity, so props never deep-compare a 10,000-node plan.
#[derive(Clone, Debug)]
pub struct ViewRef(pub Rc<PlanView>);

impl PartialEq for ViewRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for ViewRef {
    type Target = PlanView;
    fn deref(&self) -> &PlanView {
        &self.0
    }
}

/// `events_p2024_01` and `events_p2024_02` are the same kind of relation.
fn without_digits(text: &str) -> String {
    text.chars().filter(|c| !c.is_ascii_digit()).collect()
}

impl PlanView {
    /// Flattens a report without cloning nodes: each node's children are moved out as it is visited.
    pub fn new(report: Report) -> PlanView {
        let Report {
            mut plan,
            mut analysis,
            hints,
        } = report;
        let root = std::mem::take(&mut plan.root);
        let mut nodes = Vec::with_capacity(analysis.nodes.len());
        let mut stack = vec![root];
        while let Some(mut node) = stack.pop() {
            let kids = std::mem::take(&mut node.children);
            stack.extend(kids.into_iter().rev());
            nodes.push(node);
        }
        let metrics = std::mem::take(&mut analysis.nodes);
        let n = nodes.len();
        let mut children = vec![Vec::new(); n];
        for m in metrics.iter().take(n) {
            if let Some(p) = m.parent.filter(|&p| p < n) {
                children[p].push(m.index);
            }
        }
        let mut hints_by_node = vec![Vec::new(); n];
        for (h, hint) in hints.iter().enumerate() {
            if let Some(list) = hints_by_node.get_mut(hint.node) {
                list.push(h);
            }
        }
        // Bottom-up: children have larger pre-order indices than their parent.
        let mut signature = vec![0u32; n];
        let mut ids: HashMap<String, u32> = HashMap::new();
        for i in (0..n).rev() {
            let node = &nodes[i];
            let kids: Vec<u32> = children[i].iter().map(|&k| signature[k]).collect();
            let key = format!(
                "{}|{}|{}|{:?}",
                node.display_name,
                without_digits(node.relation.as_deref().unwrap_or("")),
                without_digits(node.subplan_name.as_deref().unwrap_or("")),
                kids
            );
            let next = ids.len() as u32;
            signature[i] = *ids.entry(key).or_insert(next);
        }
        PlanView {
            nodes,
            children,
            metrics,
            hints,
            hints_by_node,
            plan,
            analysis,
            signature,
        }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Runs of similar siblings among `kids`: (start, length) pairs covering the list.
    pub fn runs(&self, kids: &[usize]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        while start < kids.len() {
            let sig = self.signature[kids[start]];
            let mut end = start + 1;
            while end < kids.len() && self.signature[kids[end]] == sig {
                end += 1;
            }
            out.push((start, end - start));
            start = end;
        }
        out
    }

    /// Ancestors of `index`, nearest first.
    pub fn ancestors(&self, index: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut at = self.metrics.get(index).and_then(|m| m.parent);
        while let Some(p) = at {
            out.push(p);
            at = self.metrics.get(p).and_then(|m| m.parent);
        }
        out
    }
}

/// Which parts of the tree are open.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct TreeState {
    /// Nodes whose children are hidden.
    pub collapsed: HashSet<usize>,
    /// Folded runs the user opened, keyed by the run's first node.
    pub open_runs: HashSet<usize>,
    /// Rows rendered before "show more".
    pub limit: usize,
}

/// Rows rendered at first, and added by each "show more".
pub const ROW_PAGE: usize = 300;

impl TreeState {
    pub fn new() -> TreeState {
        TreeState {
            limit: ROW_PAGE,
            ..TreeState::default()
        }
    }
}

/// One line of the tree view.
#[derive(Clone, Debug, PartialEq)]
pub enum Row {
    Node(usize),
    /// "… N more similar": a folded run, keyed by its first node.
    More {
        key: usize,
        hidden: usize,
        depth: usize,
        sample: usize,
    },
}

/// The rows to render, in order, at most `state.limit`; the flag says whether rows were cut.
pub fn visible_rows(view: &PlanView, state: &TreeState, limit: usize) -> (Vec<Row>, bool) {
    let mut rows = Vec::new();
    if view.len() == 0 {
        return (rows, false);
    }
    let mut stack = vec![Row::Node(0)];
    while let Some(item) = stack.pop() {
        if rows.len() >= limit {
            return (rows, true);
        }
        if let Row::Node(i) = item {
            if !state.collapsed.contains(&i) {
                let kids = &view.children[i];
                let mut items = Vec::with_capacity(kids.len());
                for (start, len) in view.runs(kids) {
                    let first = kids[start];
                    if len >= RUN_MIN && !state.open_runs.contains(&first) {
                        items.extend(kids[start..start + RUN_SHOW].iter().map(|&k| Row::Node(k)));
                        items.push(Row::More {
                            key: first,
                            hidden: len - RUN_SHOW,
                            depth: view.metrics.get(first).map_or(0, |m| m.depth),
                            sample: kids[start + RUN_SHOW],
                        });
                    } else {
                        items.extend(kids[start..start + len].iter().map(|&k| Row::Node(k)));
                    }
                }
                stack.extend(items.into_iter().rev());
            }
        }
        rows.push(item);
    }
    (rows, false)
}

/// Opens everything that hides `index` and raises the row limit so it is rendered.
pub fn reveal(view: &PlanView, state: &TreeState, index: usize) -> TreeState {
    let mut next = state.clone();
    let mut chain = view.ancestors(index);
    for &a in &chain {
        next.collapsed.remove(&a);
    }
    chain.insert(0, index);
    for &node in &chain {
        let Some(parent) = view.metrics.get(node).and_then(|m| m.parent) else {
            continue;
        };
        let kids = &view.children[parent];
        for (start, len) in view.runs(kids) {
            let run = &kids[start..start + len];
            if len >= RUN_MIN && run[RUN_SHOW..].contains(&node) {
                next.open_runs.insert(run[0]);
            }
        }
    }
    let (rows, _) = visible_rows(view, &next, usize::MAX);
    if let Some(at) = rows.iter().position(|r| *r == Row::Node(index)) {
        next.limit = next.limit.max(at + ROW_PAGE / 2);
    }
    next
}
