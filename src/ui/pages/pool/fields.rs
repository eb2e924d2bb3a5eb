//! Labelled input helpers for the scenario form: a number, an optional number (blank = none), a
//! select, and a duration distribution. Each edits a copy of the scenario through a setter and emits
//! it; range checks are the core's (`Scenario::validate`), shown by the page.

use yew::prelude::*;

use crate::pool::{Dist, Scenario};

/// A setter for one numeric field.
pub type Set = fn(&mut Scenario, f64);

fn input_value(e: &Event) -> Option<String> {
    e.target_dyn_into::<web_sys::HtmlInputElement>()
        .map(|i| i.value())
}

/// Number inputs commit on change (blur) and on Enter, which Chromium does not turn into a change.
/// Not on every keystroke: re-rendering a half-typed "1.0" as "1" would fight the user.
fn commit(apply: impl Fn(String) + 'static) -> (Callback<Event>, Callback<KeyboardEvent>) {
    let apply = std::rc::Rc::new(apply);
    let on_change = {
        let apply = apply.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = input_value(&e) {
                apply(v);
            }
        })
    };
    let on_key = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" {
            if let Some(v) = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
            {
                apply(v);
            }
        }
    });
    (on_change, on_key)
}

/// Parses a finite number typed into an input.
fn parse_num(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

fn select_value(e: &Event) -> Option<String> {
    e.target_dyn_into::<web_sys::HtmlSelectElement>()
        .map(|s| s.value())
}

/// Formats a number for an input without float noise.
pub fn fmt_num(v: f64) -> String {
    let s = format!("{:.6}", v);
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The context every field needs: the scenario and where to send the edited copy.
#[derive(Clone, PartialEq)]
pub struct Form {
    pub scenario: Scenario,
    pub on_change: Callback<Scenario>,
}

impl Form {
    fn edit(&self, f: impl FnOnce(&mut Scenario)) {
        let mut s = self.scenario.clone();
        f(&mut s);
        if s != self.scenario {
            self.on_change.emit(s);
        }
    }

    /// A labelled number input; `hint` says the unit.
    pub fn num(&self, id: &str, label: &str, hint: &str, value: f64, step: &str, set: Set) -> Html {
        let form = self.clone();
        let (onchange, onkeydown) = commit(move |text| {
            if let Some(v) = parse_num(&text) {
                form.edit(|s| set(s, v));
            }
        });
        html! {
            <label class="field pool-field">
                <span>{ label }<small>{ hint }</small></span>
                <input type="number" id={id.to_owned()} value={fmt_num(value)} min="0" step={step.to_owned()}
                    {onchange} {onkeydown} />
            </label>
        }
    }

    /// A number that may be blank (`None`), e.g. unlimited cores.
    pub fn opt_num(
        &self,
        id: &str,
        label: &str,
        hint: &str,
        value: Option<f64>,
        set: fn(&mut Scenario, Option<f64>),
    ) -> Html {
        self.opt_num_blank(id, label, hint, value, "unlimited", set)
    }

    /// A number that may be blank (`None`); `blank` is the placeholder that says what blank means.
    pub fn opt_num_blank(
        &self,
        id: &str,
        label: &str,
        hint: &str,
        value: Option<f64>,
        blank: &str,
        set: fn(&mut Scenario, Option<f64>),
    ) -> Html {
        let form = self.clone();
        let (onchange, onkeydown) = commit(move |text| {
            if text.trim().is_empty() {
                form.edit(|s| set(s, None));
            } else if let Some(v) = parse_num(&text) {
                form.edit(|s| set(s, Some(v)));
            }
        });
        html! {
            <label class="field pool-field">
                <span>{ label }<small>{ hint }</small></span>
                <input type="number" id={id.to_owned()} value={value.map(fmt_num).unwrap_or_default()}
                    min="0" step="1" placeholder={blank.to_owned()} {onchange} {onkeydown} />
            </label>
        }
    }

    /// A select among `options` (value, label).
    pub fn select(
        &self,
        id: &str,
        label: &str,
        current: &str,
        options: &[(&'static str, &'static str)],
        set: fn(&mut Scenario, &str),
    ) -> Html {
        let form = self.clone();
        let onchange = Callback::from(move |e: Event| {
            if let Some(v) = select_value(&e) {
                form.edit(|s| set(s, &v));
            }
        });
        html! {
            <label class="field pool-field">
                <span>{ label }</span>
                <select id={id.to_owned()} {onchange}>
                    { for options.iter().map(|(v, l)| html! {
                        <option value={*v} selected={*v == current}>{ *l }</option>
                    }) }
                </select>
            </label>
        }
    }

    /// A distribution: its kind and one or two parameters.
    pub fn dist(
        &self,
        id: &str,
        label: &str,
        get: fn(&Scenario) -> &Dist,
        set: fn(&mut Scenario, Dist),
    ) -> Html {
        let dist = get(&self.scenario).clone();
        let kind = match dist {
            Dist::Exp { .. } => "exp",
            Dist::Const { .. } => "const",
            Dist::Lognormal { .. } => "lognormal",
            Dist::Uniform { .. } => "uniform",
        };
        let on_kind = {
            let form = self.clone();
            Callback::from(move |e: Event| {
                let Some(v) = select_value(&e) else { return };
                let mean = get(&form.scenario).mean().max(0.0);
                let next = match v.as_str() {
                    "exp" => Dist::Exp { mean_ms: mean },
                    "const" => Dist::Const { ms: mean },
                    "lognormal" => Dist::Lognormal {
                        p50_ms: mean.max(0.1),
                        p99_ms: (mean * 10.0).max(1.0),
                    },
                    _ => Dist::Uniform {
                        min_ms: 0.0,
                        max_ms: mean * 2.0,
                    },
                };
                form.edit(|s| set(s, next));
            })
        };
        let param = |suffix: &str, name: &str, value: f64, make: fn(&Dist, f64) -> Dist| {
            let form = self.clone();
            let (onchange, onkeydown) = commit(move |text| {
                if let Some(v) = parse_num(&text) {
                    let next = make(get(&form.scenario), v);
                    form.edit(|s| set(s, next));
                }
            });
            html! {
                <label class="field pool-field">
                    <span>{ name }<small>{ "ms" }</small></span>
                    <input type="number" id={format!("{id}-{suffix}")} value={fmt_num(value)} min="0" step="any"
                        {onchange} {onkeydown} />
                </label>
            }
        };
        let params = match dist {
            Dist::Exp { mean_ms } => param("a", "mean", mean_ms, |_, v| Dist::Exp { mean_ms: v }),
            Dist::Const { ms } => param("a", "always", ms, |_, v| Dist::Const { ms: v }),
            Dist::Lognormal { p50_ms, p99_ms } => html! { <>
                { param("a", "p50", p50_ms, |d, v| match d {
                    Dist::Lognormal { p99_ms, .. } => Dist::Lognormal { p50_ms: v, p99_ms: *p99_ms },
                    _ => d.clone(),
                }) }
                { param("b", "p99", p99_ms, |d, v| match d {
                    Dist::Lognormal { p50_ms, .. } => Dist::Lognormal { p50_ms: *p50_ms, p99_ms: v },
                    _ => d.clone(),
                }) }
            </> },
            Dist::Uniform { min_ms, max_ms } => html! { <>
                { param("a", "min", min_ms, |d, v| match d {
                    Dist::Uniform { max_ms, .. } => Dist::Uniform { min_ms: v, max_ms: *max_ms },
                    _ => d.clone(),
                }) }
                { param("b", "max", max_ms, |d, v| match d {
                    Dist::Uniform { min_ms, .. } => Dist::Uniform { min_ms: *min_ms, max_ms: v },
                    _ => d.clone(),
                }) }
            </> },
        };
        html! {
            <div class="pool-dist" role="group" aria-label={label.to_owned()}>
                <label class="field pool-field">
                    <span>{ label }</span>
                    <select id={format!("{id}-kind")} onchange={on_kind}>
                        { for [("exp", "exponential"), ("const", "constant"), ("lognormal", "lognormal"), ("uniform", "uniform")]
                            .iter().map(|(v, l)| html! { <option value={*v} selected={*v == kind}>{ *l }</option> }) }
                    </select>
                </label>
                { params }
            </div>
        }
    }
}
