//! A small SVG line chart drawn by hand (no chart library): lines, axes with round tick values,
//! optional vertical markers, and an HTML legend that stays readable on a phone. The maths (ticks,
//! labels, scales, paths, downsampling) is the pure `crate::chart`; this file only draws.

use yew::prelude::*;

use crate::chart::{line_path, min_max, nice_ticks, tick_label, ticks_from_zero, Scale};

/// Drawing area in SVG user units; the SVG scales to its container's width.
const W: f64 = 560.0;
const H: f64 = 200.0;
const LEFT: f64 = 52.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 28.0;

/// One line of a chart.
#[derive(Clone, PartialEq)]
pub struct Line {
    pub label: String,
    /// CSS classes giving its colour (`line-1` … `line-4`), plus `dashed` for a baseline or a dash
    /// pattern (`dash-1` … `dash-4`) to tell many lines apart without colour.
    pub class: &'static str,
    pub points: Vec<(f64, f64)>,
}

/// A vertical marker (e.g. the knee of a sweep).
#[derive(Clone, PartialEq)]
pub struct Marker {
    pub x: f64,
    pub label: String,
}

/// A point to mark on a line (e.g. each curve's knee), coloured like its line, named on hover.
#[derive(Clone, PartialEq)]
pub struct Dot {
    pub x: f64,
    pub y: f64,
    /// The line's CSS classes, for its colour.
    pub class: &'static str,
    pub label: String,
}

/// Props of [`LineChart`].
#[derive(Properties, PartialEq)]
pub struct LineChartProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub x_label: AttrValue,
    pub lines: Vec<Line>,
    #[prop_or_default]
    pub markers: Vec<Marker>,
    #[prop_or_default]
    pub dots: Vec<Dot>,
    /// The x axis spans the data (a sweep from pool 20 to 30) instead of starting at zero.
    #[prop_or_default]
    pub x_fit: bool,
    /// A horizontal reference line (e.g. the pool size or max_connections), with its label.
    #[prop_or_default]
    pub limit: Option<(f64, String)>,
}

pub use crate::chart::short;

/// Points a line keeps at most (min/max per bucket): about two per drawing unit across the plot.
const MAX_BUCKETS: usize = 256;

/// A line chart with axes, legend and markers.
#[component]
pub fn LineChart(props: &LineChartProps) -> Html {
    let all = || props.lines.iter().flat_map(|l| l.points.iter());
    let x_max = all()
        .map(|p| p.0)
        .chain(props.markers.iter().map(|m| m.x))
        .filter(|x| x.is_finite())
        .fold(0.0, f64::max);
    let y_data = all()
        .map(|p| p.1)
        .filter(|y| y.is_finite())
        .fold(0.0, f64::max);
    let y_max = props
        .limit
        .as_ref()
        .map_or(y_data, |(v, _)| y_data.max(*v * 1.05));
    let x_ticks = if props.x_fit {
        let x_min = all()
            .map(|p| p.0)
            .filter(|x| x.is_finite())
            .fold(f64::INFINITY, f64::min);
        // Five intervals: a sweep of 2..12 gets ticks 2, 4 … 12 rather than 0, 5 … 15.
        nice_ticks(x_min, x_max, 5)
    } else {
        ticks_from_zero(x_max)
    };
    let y_ticks = ticks_from_zero(y_max);
    let x_bottom = x_ticks.first().copied().unwrap_or(0.0);
    let x_top = x_ticks.last().copied().unwrap_or(1.0);
    let y_top = y_ticks.last().copied().unwrap_or(1.0);
    let step = |t: &[f64]| t.get(1).zip(t.first()).map_or(1.0, |(b, a)| b - a);
    let (x_step, y_step) = (step(&x_ticks), step(&y_ticks));
    let scale_x = Scale::linear((x_bottom, x_top), (LEFT, W - RIGHT));
    let scale_y = Scale::linear((0.0, y_top), (H - BOTTOM, TOP));
    // Values off the scale (never expected) sit on the plot's edge rather than vanish.
    let sx = move |x: f64| scale_x.map(x).unwrap_or(LEFT);
    let sy = move |y: f64| scale_y.map(y).unwrap_or(H - BOTTOM);
    let empty = all().next().is_none();
    let summary = props
        .lines
        .iter()
        .map(|l| {
            let last = l
                .points
                .iter()
                .rev()
                .find(|p| p.1.is_finite())
                .map_or(0.0, |p| p.1);
            format!("{} latest {}", l.label, short(last))
        })
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        <figure class="chart" id={props.id.clone()}>
            <figcaption class="chart-title">{ props.title.clone() }</figcaption>
            <svg class="chart-svg" viewBox={format!("0 0 {W} {H}")} role="img"
                aria-label={format!("{}: {}", props.title, if empty { "no data yet".to_owned() } else { summary })}>
                { for y_ticks.iter().map(|v| html! {
                    <g class="tick">
                        <line x1={LEFT.to_string()} x2={(W - RIGHT).to_string()}
                            y1={format!("{:.1}", sy(*v))} y2={format!("{:.1}", sy(*v))} class="grid" />
                        <text x={(LEFT - 6.0).to_string()} y={format!("{:.1}", sy(*v) + 4.0)} class="tick-y">{ tick_label(*v, y_step) }</text>
                    </g>
                }) }
                { for x_ticks.iter().map(|v| html! {
                    <text x={format!("{:.1}", sx(*v))} y={(H - BOTTOM + 16.0).to_string()} class="tick-x">{ tick_label(*v, x_step) }</text>
                }) }
                <line class="axis" x1={LEFT.to_string()} x2={LEFT.to_string()} y1={TOP.to_string()} y2={(H - BOTTOM).to_string()} />
                <line class="axis" x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={(H - BOTTOM).to_string()} y2={(H - BOTTOM).to_string()} />
                if let Some((v, label)) = &props.limit {
                    <line class="limit" x1={LEFT.to_string()} x2={(W - RIGHT).to_string()}
                        y1={format!("{:.1}", sy(*v))} y2={format!("{:.1}", sy(*v))} />
                    <text class="limit-label" x={(W - RIGHT - 4.0).to_string()} y={format!("{:.1}", sy(*v) - 4.0)}>{ label.clone() }</text>
                }
                { for props.markers.iter().map(|m| html! {
                    <g class="marker">
                        <line x1={format!("{:.1}", sx(m.x))} x2={format!("{:.1}", sx(m.x))} y1={TOP.to_string()} y2={(H - BOTTOM).to_string()} />
                        <text x={format!("{:.1}", sx(m.x) + 4.0)} y={(TOP + 12.0).to_string()}>{ m.label.clone() }</text>
                    </g>
                }) }
                { for props.lines.iter().map(|l| html! {
                    <path class={classes!("series", l.class)}
                        d={line_path(&min_max(&l.points, MAX_BUCKETS), &scale_x, &scale_y)} />
                }) }
                { for props.dots.iter().filter_map(|d| {
                    let (cx, cy) = (scale_x.map(d.x)?, scale_y.map(d.y)?);
                    Some(html! {
                        <circle class={classes!("dot", d.class)} cx={format!("{cx:.1}")} cy={format!("{cy:.1}")} r="5">
                            <title>{ d.label.clone() }</title>
                        </circle>
                    })
                }) }
            </svg>
            <ul class="legend">
                { for props.lines.iter().map(|l| html! {
                    <li>
                        <svg class="swatch-svg" viewBox="0 0 28 8" aria-hidden="true">
                            <line class={classes!("series", l.class)} x1="1" y1="4" x2="27" y2="4" />
                        </svg>
                        { l.label.clone() }
                    </li>
                }) }
                <li class="legend-x">{ format!("x axis: {}", props.x_label) }</li>
            </ul>
        </figure>
    }
}
