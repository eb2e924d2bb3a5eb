//! The icicle (top-down flame) graph: one SVG row per depth, each node as wide as its inclusive
//! time (its total cost when the plan has no timing), coloured by its exclusive share. Boxes too
//! narrow to see are skipped, so a 10,000-node plan draws only what is visible. Colours are written
//! as attributes, not CSS variables, so the exported SVG file looks the same outside the page.

use yew::prelude::*;

use super::metric::{ms, Metric};
use super::tree::{name, target};
use super::view::ViewRef;

/// Width of the drawing in SVG units.
pub const WIDTH: f64 = 1200.0;
const ROW: f64 = 22.0;
/// Boxes narrower than this (SVG units) are not drawn.
const MIN_WIDTH: f64 = 0.5;

/// One drawn box.
struct FlameBox {
    index: usize,
    x: f64,
    w: f64,
    depth: usize,
}

fn layout(view: &ViewRef) -> (Vec<FlameBox>, usize) {
    let timed = view.analysis.total_ms.is_some();
    let measure = |i: usize| {
        let v = if timed {
            Metric::Inclusive.value(view, i)
        } else {
            Metric::Cost.value(view, i)
        };
        v.unwrap_or(0.0).max(0.0)
    };
    let mut out = Vec::new();
    let mut deepest = 0;
    if view.len() == 0 {
        return (out, 0);
    }
    let mut stack = vec![(0usize, 0.0f64, WIDTH)];
    while let Some((i, x, w)) = stack.pop() {
        let depth = view.metrics.get(i).map_or(0, |m| m.depth);
        deepest = deepest.max(depth);
        out.push(FlameBox {
            index: i,
            x,
            w,
            depth,
        });
        let own = measure(i);
        let kids = &view.children[i];
        let sum: f64 = kids.iter().map(|&k| measure(k)).sum();
        if own <= 0.0 || sum <= 0.0 {
            continue;
        }
        // Children never draw wider than their parent (CTE subplans, rounding).
        let scale = w / own.max(sum);
        let mut at = x;
        for &k in kids {
            let kw = measure(k) * scale;
            if kw >= MIN_WIDTH {
                stack.push((k, at, kw));
            }
            at += kw;
        }
    }
    (out, deepest)
}

/// Heat colour from 0 (cool) to 1 (hot).
fn colour(heat: f64) -> String {
    let hue = 50.0 - 50.0 * heat.clamp(0.0, 1.0);
    format!("hsl({hue:.0}, 85%, {:.0}%)", 78.0 - 22.0 * heat)
}

/// Props of [`FlameGraph`].
#[derive(Properties, PartialEq)]
pub struct FlameGraphProps {
    pub view: ViewRef,
    pub selected: Option<usize>,
    pub on_select: Callback<usize>,
}

/// The icicle graph.
#[component]
pub fn FlameGraph(props: &FlameGraphProps) -> Html {
    let view = &props.view;
    let boxes = use_memo(view.clone(), layout);
    let (boxes, deepest) = &*boxes;
    let height = (*deepest as f64 + 1.0) * ROW;
    let max_ex = Metric::Exclusive.max(view).max(1e-9);
    let timed = view.analysis.total_ms.is_some();
    html! {
        <div class="flame-wrap">
            <p class="hint-text">{ if timed { "Width = inclusive time; colour = exclusive time. Click a box to select its node." }
                else { "No timing in this plan: width = total cost." } }</p>
            <svg id="explain-flame" xmlns="http://www.w3.org/2000/svg" viewBox={format!("0 0 {WIDTH} {height}")}
                width="100%" role="group" aria-label="Flame graph of the plan" font-family="sans-serif" font-size="12">
                { for boxes.iter().map(|b| {
                    let node = &view.nodes[b.index];
                    let ex = Metric::Exclusive.value(view, b.index).unwrap_or(0.0);
                    let heat = if timed { ex / max_ex } else { 0.3 };
                    let label = format!("{}{}", name(node), target(node));
                    let chars = ((b.w - 6.0) / 7.0).floor().max(0.0) as usize;
                    let text = if label.chars().count() <= chars { label.clone() }
                        else if chars > 2 { format!("{}…", label.chars().take(chars - 1).collect::<String>()) }
                        else { String::new() };
                    let tip = match Metric::Inclusive.value(view, b.index) {
                        Some(t) => format!("#{} {label}: {} inclusive, {} exclusive", b.index, ms(t), ms(ex)),
                        None => format!("#{} {label}", b.index),
                    };
                    let on_select = props.on_select.clone();
                    let index = b.index;
                    let onclick = Callback::from(move |_: MouseEvent| on_select.emit(index));
                    let on_select = props.on_select.clone();
                    let onkeydown = Callback::from(move |e: KeyboardEvent| {
                        if e.key() == "Enter" || e.key() == " " {
                            e.prevent_default();
                            on_select.emit(index);
                        }
                    });
                    let selected = props.selected == Some(b.index);
                    let y = b.depth as f64 * ROW;
                    html! {
                        <g class={classes!("flame-box", selected.then_some("selected"))} data-node={b.index.to_string()}
                            tabindex="0" role="button" aria-label={tip.clone()} {onclick} {onkeydown}>
                            <title>{ tip }</title>
                            <rect x={format!("{:.2}", b.x)} y={format!("{y:.0}")} width={format!("{:.2}", (b.w - 0.5).max(0.3))}
                                height={format!("{}", ROW - 2.0)} rx="2" fill={colour(heat)}
                                stroke={if selected { "#1b2330" } else { "none" }} stroke-width="2" />
                            if !text.is_empty() {
                                <text x={format!("{:.2}", b.x + 3.0)} y={format!("{:.0}", y + 15.0)} fill="#1b2330">{ text }</text>
                            }
                        </g>
                    }
                }) }
            </svg>
        </div>
    }
}
