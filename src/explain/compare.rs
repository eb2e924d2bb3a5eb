//! Tree-aware matching of two plans' nodes, for comparing a plan before and after a change.
//!
//! Top-down alignment: the roots are aligned like any list of siblings, and for every matched pair
//! their children lists are aligned. A pair's score rewards the same node type, relation, alias,
//! index, parent relationship and subplan/CTE name; a node whose type changed can still match as
//! `changed` when it reads the same relation (Seq Scan on t → Index Scan on t), when both are joins
//! (Hash Join → Nested Loop) or when both are the same named subplan. A node inserted or dropped
//! between a parent and its only child (an added Sort, a Hash that disappeared with its Hash Join) is
//! stepped over: a child can match a grandchild on one side, up to [`MAX_SKIP`] levels down, and the
//! stepped-over nodes are reported as added or removed.
//!
//! Cost: each pair of sibling lists is aligned once. Short lists (at most [`SMALL_LIST`] children a
//! side, i.e. joins) are matched best-pair-first, so swapped join inputs still pair up; longer lists
//! (Append, partitions) first peel off leading and trailing members with identical subtrees and align the rest
//! with an order-preserving dynamic programme (longest-common-subsequence style), capped at
//! [`MAX_DP_CELLS`] cells beyond which a linear, windowed greedy merge is used. The whole match is
//! O(Σ k_a·k_b) over matched parents (k = children counts), never quadratic in the plan size, and
//! iterative (deep plans are fine).

use super::model::{Node, Plan};
use serde::{Deserialize, Serialize};
use std::hash::{DefaultHasher, Hash, Hasher};

/// How many single-child levels a match may step over (an added Sort plus a Materialize, say).
pub const MAX_SKIP: usize = 2;
/// Sibling lists up to this size are matched without keeping their order (join inputs swap).
pub const SMALL_LIST: usize = 3;
/// Above this many cells (k_a × k_b after peeling equal ends) the DP gives way to a greedy merge.
pub const MAX_DP_CELLS: usize = 1 << 18;
/// How far ahead the greedy merge looks for a partner.
const GREEDY_WINDOW: usize = 16;
/// Score lost per level stepped over.
const SKIP_PENALTY: i32 = 6;

/// How two aligned rows relate.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    /// Same node (type, name, relation and index) in both plans.
    Same,
    /// The same place in the plan, done differently (another scan type, join method or index).
    Changed,
    /// Only in the second plan.
    Added,
    /// Only in the first plan.
    Removed,
}

/// One row of the comparison, in display order.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct MatchRow {
    /// Pre-order index in the first plan.
    pub a: Option<usize>,
    /// Pre-order index in the second plan.
    pub b: Option<usize>,
    pub kind: MatchKind,
    /// Indentation level for display.
    pub depth: usize,
}

/// Counts of each kind.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct MatchSummary {
    pub same: usize,
    pub changed: usize,
    pub added: usize,
    pub removed: usize,
}

impl MatchSummary {
    /// Counts the rows of a comparison.
    pub fn of(rows: &[MatchRow]) -> MatchSummary {
        let mut s = MatchSummary::default();
        for r in rows {
            match r.kind {
                MatchKind::Same => s.same += 1,
                MatchKind::Changed => s.changed += 1,
                MatchKind::Added => s.added += 1,
                MatchKind::Removed => s.removed += 1,
            }
        }
        s
    }
}

/// A plan as pre-order nodes plus each node's children (pre-order indices).
pub struct Tree<'a> {
    pub nodes: Vec<&'a Node>,
    pub children: Vec<Vec<usize>>,
}

impl<'a> Tree<'a> {
    /// Flattens a plan (iteratively).
    pub fn from_plan(plan: &'a Plan) -> Tree<'a> {
        let nodes = plan.preorder();
        let mut children = vec![Vec::new(); nodes.len()];
        // Pre-order: a node's children follow it, each after the previous child's whole subtree.
        let mut stack: Vec<(usize, usize)> = vec![(0, 0)];
        let mut next = 1;
        while let Some(top) = stack.last_mut() {
            let (id, seen) = *top;
            if seen < nodes[id].children.len() {
                top.1 += 1;
                children[id].push(next);
                stack.push((next, 0));
                next += 1;
            } else {
                stack.pop();
            }
        }
        Tree { nodes, children }
    }

    /// A tree from already flattened parts (the page keeps its plans flattened). Children must
    /// follow their parent in pre-order; other indices are dropped, so a malformed tree can
    /// neither loop nor index out of range.
    pub fn new(nodes: Vec<&'a Node>, mut children: Vec<Vec<usize>>) -> Tree<'a> {
        let n = nodes.len();
        children.resize(n, Vec::new());
        for (i, kids) in children.iter_mut().enumerate() {
            kids.retain(|&k| k > i && k < n);
        }
        Tree { nodes, children }
    }

    fn kids(&self, i: usize) -> &[usize] {
        self.children.get(i).map_or(&[], Vec::as_slice)
    }

    /// `i`, then its only child, and so on, up to `MAX_SKIP` levels down.
    fn chain(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut at = i;
        while out.len() <= MAX_SKIP {
            match self.kids(at) {
                [only] => {
                    out.push(*only);
                    at = *only;
                }
                _ => break,
            }
        }
        out
    }
}

fn is_join(node: &Node) -> bool {
    matches!(
        node.node_type.as_str(),
        "Hash Join" | "Nested Loop" | "Merge Join"
    )
}

fn without_digits(text: &str) -> String {
    text.chars().filter(|c| !c.is_ascii_digit()).collect()
}

/// How well two nodes fit the same place; `None` when they must not be matched.
fn score(x: &Node, y: &Node, x_kids: usize, y_kids: usize) -> Option<i32> {
    if x.subplan_name != y.subplan_name {
        return None;
    }
    let mut s = match (&x.relation, &y.relation) {
        (Some(a), Some(b)) if a == b => 6,
        // Partitions of one table differ only in digits: a weak match.
        (Some(a), Some(b)) if without_digits(a) == without_digits(b) => 1,
        (Some(_), Some(_)) => return None,
        _ => 0,
    };
    if x.node_type == y.node_type {
        s += 10;
    } else if (x.relation.is_some() && s == 6) || (is_join(x) && is_join(y)) {
        s += 4;
    } else if x.subplan_name.is_some() {
        // Same named InitPlan/SubPlan/CTE, computed differently.
        s += 2;
    } else {
        return None;
    }
    let eq = |a: &Option<String>, b: &Option<String>| a.is_some() && a == b;
    s += if x.subplan_name.is_some() { 6 } else { 0 };
    s += if eq(&x.alias, &y.alias) { 1 } else { 0 };
    s += if eq(&x.index, &y.index) { 2 } else { 0 };
    s += if eq(&x.cte_name, &y.cte_name) { 2 } else { 0 };
    s += if eq(&x.parent_relationship, &y.parent_relationship) {
        1
    } else {
        0
    };
    s += if x.display_name == y.display_name {
        2
    } else {
        0
    };
    s += if x_kids == y_kids { 1 } else { 0 };
    Some(s)
}

/// Identical for display purposes.
fn same(x: &Node, y: &Node) -> bool {
    x.node_type == y.node_type
        && x.display_name == y.display_name
        && x.relation == y.relation
        && x.index == y.index
        && x.subplan_name == y.subplan_name
}

/// A matched pair found while aligning siblings, with the nodes stepped over on each side.
#[derive(Clone, Debug)]
struct Link {
    a_skipped: Vec<usize>,
    b_skipped: Vec<usize>,
    a: usize,
    b: usize,
}

/// One element of an aligned sibling list.
#[derive(Clone, Debug)]
enum Item {
    Pair(Link),
    OnlyA(usize),
    OnlyB(usize),
}

struct Matcher<'t, 'a> {
    a: &'t Tree<'a>,
    b: &'t Tree<'a>,
    /// Per node, a hash of its subtree's shape (names, relations, indexes, subplan names).
    a_sig: Vec<u64>,
    b_sig: Vec<u64>,
}

/// Subtree shape hashes, bottom-up (children have larger pre-order indices than their parent).
fn signatures(t: &Tree) -> Vec<u64> {
    let mut sig = vec![0u64; t.nodes.len()];
    for i in (0..t.nodes.len()).rev() {
        let n = t.nodes[i];
        // `DefaultHasher::new()` has fixed keys: the same plan always hashes the same.
        let mut h = DefaultHasher::new();
        (&n.display_name, &n.relation, &n.index, &n.subplan_name).hash(&mut h);
        for &k in t.kids(i) {
            sig.get(k).copied().unwrap_or(0).hash(&mut h);
        }
        sig[i] = h.finish();
    }
    sig
}

impl Matcher<'_, '_> {
    /// The best way to match `x` (first plan) with `y` (second plan), stepping over single-child
    /// levels on either side.
    fn entry(&self, x: usize, y: usize) -> Option<(i32, Link)> {
        let (ca, cb) = (self.a.chain(x), self.b.chain(y));
        let mut best: Option<(i32, Link)> = None;
        for (da, &ax) in ca.iter().enumerate() {
            for (db, &by) in cb.iter().enumerate() {
                // Stepping over a level on both sides would pair two nodes that could pair themselves.
                if da > 0 && db > 0 {
                    continue;
                }
                let Some(s) = score(
                    self.a.nodes[ax],
                    self.b.nodes[by],
                    self.a.kids(ax).len(),
                    self.b.kids(by).len(),
                ) else {
                    continue;
                };
                let mut s = s - SKIP_PENALTY * (da + db) as i32;
                if self.a_sig.get(ax) == self.b_sig.get(by) {
                    // Whole subtrees alike: prefer this pair over a look-alike elsewhere.
                    s += 4;
                }
                if s > 0 && best.as_ref().is_none_or(|(b, _)| s > *b) {
                    best = Some((
                        s,
                        Link {
                            a_skipped: ca[..da].to_vec(),
                            b_skipped: cb[..db].to_vec(),
                            a: ax,
                            b: by,
                        },
                    ));
                }
            }
        }
        best
    }

    fn direct_same(&self, x: usize, y: usize) -> bool {
        same(self.a.nodes[x], self.b.nodes[y])
    }

    /// Same node and same subtree shape: safe to pair without looking further.
    fn same_subtree(&self, x: usize, y: usize) -> bool {
        self.a_sig.get(x) == self.b_sig.get(y) && self.direct_same(x, y)
    }

    /// Aligns two sibling lists.
    fn align(&self, xs: &[usize], ys: &[usize]) -> Vec<Item> {
        if xs.len() <= SMALL_LIST && ys.len() <= SMALL_LIST {
            return self.align_small(xs, ys);
        }
        let mut head = 0;
        while head < xs.len() && head < ys.len() && self.same_subtree(xs[head], ys[head]) {
            head += 1;
        }
        let mut tail = 0;
        while tail < xs.len() - head
            && tail < ys.len() - head
            && self.same_subtree(xs[xs.len() - 1 - tail], ys[ys.len() - 1 - tail])
        {
            tail += 1;
        }
        let direct = |i: usize, j: usize| {
            Item::Pair(Link {
                a_skipped: Vec::new(),
                b_skipped: Vec::new(),
                a: i,
                b: j,
            })
        };
        let mut out: Vec<Item> = (0..head).map(|k| direct(xs[k], ys[k])).collect();
        let (mx, my) = (&xs[head..xs.len() - tail], &ys[head..ys.len() - tail]);
        if mx.len().saturating_mul(my.len()) <= MAX_DP_CELLS {
            out.extend(self.align_dp(mx, my));
        } else {
            out.extend(self.align_greedy(mx, my));
        }
        out.extend(
            (0..tail)
                .rev()
                .map(|k| direct(xs[xs.len() - 1 - k], ys[ys.len() - 1 - k])),
        );
        out
    }

    /// Best pair first, for join inputs that may have swapped sides. Output follows the first
    /// plan's order, with second-plan-only nodes placed after the pair before them.
    fn align_small(&self, xs: &[usize], ys: &[usize]) -> Vec<Item> {
        let mut candidates: Vec<(i32, usize, usize, Link)> = Vec::new();
        for (i, &x) in xs.iter().enumerate() {
            for (j, &y) in ys.iter().enumerate() {
                if let Some((s, link)) = self.entry(x, y) {
                    // Keeping the order breaks ties.
                    let bonus = if i == j { 1 } else { 0 };
                    candidates.push((s * 2 + bonus, i, j, link));
                }
            }
        }
        candidates.sort_by(|p, q| q.0.cmp(&p.0).then(p.1.cmp(&q.1)).then(p.2.cmp(&q.2)));
        let mut pair_of_a: Vec<Option<(usize, Link)>> = vec![None; xs.len()];
        let mut b_used = vec![false; ys.len()];
        for (_, i, j, link) in candidates {
            if pair_of_a[i].is_none() && !b_used[j] {
                pair_of_a[i] = Some((j, link));
                b_used[j] = true;
            }
        }
        let mut out = Vec::new();
        // Second-plan-only nodes before the first paired one.
        let first_paired_b = pair_of_a.iter().flatten().map(|(j, _)| *j).min();
        let mut placed = vec![false; ys.len()];
        for j in 0..ys.len() {
            if !b_used[j] && first_paired_b.is_none_or(|f| j < f) && first_paired_b.is_some() {
                out.push(Item::OnlyB(ys[j]));
                placed[j] = true;
            }
        }
        for (i, pair) in pair_of_a.into_iter().enumerate() {
            match pair {
                None => out.push(Item::OnlyA(xs[i])),
                Some((j, link)) => {
                    out.push(Item::Pair(link));
                    // Unpaired second-plan nodes that directly follow this pair's partner.
                    let mut k = j + 1;
                    while k < ys.len() && !b_used[k] && !placed[k] {
                        out.push(Item::OnlyB(ys[k]));
                        placed[k] = true;
                        k += 1;
                    }
                }
            }
        }
        for (j, &y) in ys.iter().enumerate() {
            if !b_used[j] && !placed[j] {
                out.push(Item::OnlyB(y));
            }
        }
        out
    }

    /// Order-preserving alignment maximising the summed pair scores.
    fn align_dp(&self, xs: &[usize], ys: &[usize]) -> Vec<Item> {
        let (n, m) = (xs.len(), ys.len());
        if n == 0 || m == 0 {
            let mut out: Vec<Item> = xs.iter().map(|&x| Item::OnlyA(x)).collect();
            out.extend(ys.iter().map(|&y| Item::OnlyB(y)));
            return out;
        }
        let w = m + 1;
        let mut best = vec![0i32; (n + 1) * w];
        // 0 = skip a, 1 = skip b, 2 = match; filled for i, j ≥ 1.
        let mut step = vec![0u8; (n + 1) * w];
        let mut links: Vec<Option<(i32, Link)>> = Vec::with_capacity(n * m);
        for &x in xs {
            for &y in ys {
                links.push(self.entry(x, y));
            }
        }
        for i in 0..=n {
            for j in 0..=m {
                if i == 0 && j == 0 {
                    continue;
                }
                let mut v = i32::MIN;
                let mut s = 0u8;
                if i > 0 {
                    v = best[(i - 1) * w + j];
                    s = 0;
                }
                if j > 0 && best[i * w + j - 1] > v {
                    v = best[i * w + j - 1];
                    s = 1;
                }
                if i > 0 && j > 0 {
                    if let Some((score, _)) = &links[(i - 1) * m + (j - 1)] {
                        let cand = best[(i - 1) * w + j - 1] + score;
                        if cand > v {
                            v = cand;
                            s = 2;
                        }
                    }
                }
                best[i * w + j] = v;
                step[i * w + j] = s;
            }
        }
        let mut out = Vec::new();
        let (mut i, mut j) = (n, m);
        while i > 0 || j > 0 {
            let s = if i == 0 {
                1
            } else if j == 0 {
                0
            } else {
                step[i * w + j]
            };
            match s {
                2 => {
                    let link = links[(i - 1) * m + (j - 1)].take().map(|(_, l)| l);
                    match link {
                        Some(l) => out.push(Item::Pair(l)),
                        None => out.push(Item::OnlyA(xs[i - 1])),
                    }
                    i -= 1;
                    j -= 1;
                }
                1 => {
                    out.push(Item::OnlyB(ys[j - 1]));
                    j -= 1;
                }
                _ => {
                    out.push(Item::OnlyA(xs[i - 1]));
                    i -= 1;
                }
            }
        }
        out.reverse();
        out
    }

    /// Linear fallback for huge lists: pair the next members when they fit, else look a few
    /// members ahead on either side for a partner.
    fn align_greedy(&self, xs: &[usize], ys: &[usize]) -> Vec<Item> {
        let mut out = Vec::new();
        let (mut i, mut j) = (0, 0);
        while i < xs.len() && j < ys.len() {
            if let Some((_, link)) = self.entry(xs[i], ys[j]) {
                out.push(Item::Pair(link));
                i += 1;
                j += 1;
                continue;
            }
            let ahead_b = (j + 1..ys.len().min(j + 1 + GREEDY_WINDOW))
                .find(|&k| self.entry(xs[i], ys[k]).is_some());
            let ahead_a = (i + 1..xs.len().min(i + 1 + GREEDY_WINDOW))
                .find(|&k| self.entry(xs[k], ys[j]).is_some());
            match (ahead_b, ahead_a) {
                (Some(k), a) if a.is_none_or(|a| k - j <= a - i) => {
                    out.extend(ys[j..k].iter().map(|&y| Item::OnlyB(y)));
                    j = k;
                }
                (_, Some(k)) => {
                    out.extend(xs[i..k].iter().map(|&x| Item::OnlyA(x)));
                    i = k;
                }
                _ => {
                    out.push(Item::OnlyA(xs[i]));
                    out.push(Item::OnlyB(ys[j]));
                    i += 1;
                    j += 1;
                }
            }
        }
        out.extend(xs[i..].iter().map(|&x| Item::OnlyA(x)));
        out.extend(ys[j..].iter().map(|&y| Item::OnlyB(y)));
        out
    }
}

/// Work left to emit, in display order (an explicit stack keeps deep plans off the call stack).
enum Task {
    Pair(usize, usize, usize),
    OnlyA(usize, usize),
    OnlyB(usize, usize),
    Items(Vec<Item>, usize),
    /// A stepped-over node: its own row only, the pair below covers its subtree.
    Skipped(Option<usize>, Option<usize>, usize),
}

/// Matches two flattened plans; rows come in display order (pre-order of the alignment).
pub fn match_trees(a: &Tree, b: &Tree) -> Vec<MatchRow> {
    let matcher = Matcher {
        a,
        b,
        a_sig: signatures(a),
        b_sig: signatures(b),
    };
    let mut rows = Vec::with_capacity(a.nodes.len().max(b.nodes.len()));
    let roots = |t: &Tree| if t.nodes.is_empty() { vec![] } else { vec![0] };
    let mut stack = vec![Task::Items(matcher.align(&roots(a), &roots(b)), 0)];
    while let Some(task) = stack.pop() {
        match task {
            Task::Items(items, depth) => {
                for item in items.into_iter().rev() {
                    match item {
                        Item::OnlyA(x) => stack.push(Task::OnlyA(x, depth)),
                        Item::OnlyB(y) => stack.push(Task::OnlyB(y, depth)),
                        Item::Pair(link) => {
                            // Stepped-over nodes come first, each one level deeper than the last.
                            let na = link.a_skipped.len();
                            let skipped = na + link.b_skipped.len();
                            stack.push(Task::Pair(link.a, link.b, depth + skipped));
                            for (k, &y) in link.b_skipped.iter().enumerate().rev() {
                                stack.push(Task::Skipped(None, Some(y), depth + na + k));
                            }
                            for (k, &x) in link.a_skipped.iter().enumerate().rev() {
                                stack.push(Task::Skipped(Some(x), None, depth + k));
                            }
                        }
                    }
                }
            }
            Task::Skipped(x, y, depth) => rows.push(MatchRow {
                a: x,
                b: y,
                kind: if x.is_some() {
                    MatchKind::Removed
                } else {
                    MatchKind::Added
                },
                depth,
            }),
            Task::Pair(x, y, depth) => {
                let kind = if matcher.direct_same(x, y) {
                    MatchKind::Same
                } else {
                    MatchKind::Changed
                };
                rows.push(MatchRow {
                    a: Some(x),
                    b: Some(y),
                    kind,
                    depth,
                });
                stack.push(Task::Items(matcher.align(a.kids(x), b.kids(y)), depth + 1));
            }
            Task::OnlyA(x, depth) => {
                rows.push(MatchRow {
                    a: Some(x),
                    b: None,
                    kind: MatchKind::Removed,
                    depth,
                });
                for &k in a.kids(x).iter().rev() {
                    stack.push(Task::OnlyA(k, depth + 1));
                }
            }
            Task::OnlyB(y, depth) => {
                rows.push(MatchRow {
                    a: None,
                    b: Some(y),
                    kind: MatchKind::Added,
                    depth,
                });
                for &k in b.kids(y).iter().rev() {
                    stack.push(Task::OnlyB(k, depth + 1));
                }
            }
        }
    }
    rows
}

/// Matches two parsed plans.
pub fn match_plans(a: &Plan, b: &Plan) -> Vec<MatchRow> {
    match_trees(&Tree::from_plan(a), &Tree::from_plan(b))
}
