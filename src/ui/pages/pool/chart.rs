//! A small SVG line chart drawn by hand (no chart library): lines, axes with round tick values,
//! optional vertical markers, and an HTML legend that stays readable on a phone.

use yew::prelude::*;

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
    /// CSS class giving its colour (`line-1` … `line-4`), plus `dashed` for a baseline.
    pub class: &'static str,
    pub points: Vec<(f64, f64)>,
}

/// A vertical marker (e.g. the knee of a sweep).
#[derive(Clone, PartialEq)]
pub struct Marker {
    pub x: f64,
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
    /// A horizontal reference line (e.g. the pool size or max_connections), with its label.
    #[prop_or_default]
    pub limit: Option<(f64, String)>,
}

/// Round tick values covering `0..=max`: 1, 2 or 5 times a power of ten apart.
pub fn ticks(max: f64) -> Vec<f64> {
    if !(max.is_finite() && max > 0.0) {
        return vec![0.0, 1.0];
    }
    let rough = max / 4.0;
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * power);
    // Ticks until one reaches the maximum, so every point lies inside the plot.
    let mut out = vec![0.0];
    while out.last().is_some_and(|v| *v < max) && out.len() < 12 {
        out.push(out.len() as f64 * step);
    }
    out
}

/// A compact number for axis labels: 1.5k, 20, 0.25.
pub fn short(v: f64) -> String {
    let a = v.abs();
    if a >= 1e6 {
        format!("{:.3}M", v / 1e6)
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_owned()
            .replace(".M", "M")
    } else if a >= 1e4 {
        format!("{}k", (v / 1e3).round())
    } else if a >= 1e3 {
        format!("{:.1}k", v / 1e3).replace(".0k", "k")
    } else if a >= 10.0 || a == 0.0 {
        format!("{}", v.round())
    } else if a >= 1.0 {
        format!("{:.1}", v).trim_end_matches(".0").to_owned()
    } else {
        format!("{:.2}", v)
    }
}

/// The SVG path of a line, scaled into the plot area.
fn path(points: &[(f64, f64)], sx: &dyn Fn(f64) -> f64, sy: &dyn Fn(f64) -> f64) -> String {
    let mut d = String::with_capacity(points.len() * 14);
    for (i, (x, y)) in points.iter().enumerate() {
        if !(x.is_finite() && y.is_finite()) {
            continue;
        }
        let cmd = if i == 0 || d.is_empty() { 'M' } else { 'L' };
        d.push_str(&format!("{cmd}{:.1} {:.1}", sx(*x), sy(*y)));
    }
    d
}

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
    let x_ticks = ticks(x_max);
    let y_ticks = ticks(y_max);
    let x_top = x_ticks.last().copied().unwrap_or(1.0).max(1e-9);
    let y_top = y_ticks.last().copied().unwrap_or(1.0).max(1e-9);
    let sx = move |x: f64| LEFT + (x / x_top) * (W - LEFT - RIGHT);
    let sy = move |y: f64| H - BOTTOM - (y / y_top) * (H - TOP - BOTTOM);
    let empty = all().next().is_none();
    let summary = props
        .lines
        .iter()
        .map(|l| {
            let last = l.points.last().map_or(0.0, |p| p.1);
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
                        <text x={(LEFT - 6.0).to_string()} y={format!("{:.1}", sy(*v) + 4.0)} class="tick-y">{ short(*v) }</text>
                    </g>
                }) }
                { for x_ticks.iter().map(|v| html! {
                    <text x={format!("{:.1}", sx(*v))} y={(H - BOTTOM + 16.0).to_string()} class="tick-x">{ short(*v) }</text>
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
                    <path class={classes!("series", l.class)} d={path(&l.points, &sx, &sy)} />
                }) }
            </svg>
            <ul class="legend">
                { for props.lines.iter().map(|l| html! {
                    <li><span class={classes!("swatch", l.class)}></span>{ l.label.clone() }</li>
                }) }
                <li class="legend-x">{ format!("x axis: {}", props.x_label) }</li>
            </ul>
        </figure>
    }
}
