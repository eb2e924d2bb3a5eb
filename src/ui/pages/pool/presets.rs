//! The guided presets: a picker, the chosen story, and its "try this" changes as buttons.

use yew::prelude::*;

use crate::gallery::pool_presets::{apply_patch, Preset, NOT_YET_MODELLED, PRESETS};
use crate::pool::Scenario;

/// Props of [`PresetPanel`].
#[derive(Properties, PartialEq)]
pub struct PresetPanelProps {
    /// The preset whose story is shown, if any.
    pub active: Option<&'static Preset>,
    pub scenario: Scenario,
    /// A preset was chosen: its id and scenario.
    pub on_preset: Callback<(&'static Preset, Scenario)>,
    /// A "try this" change was applied to the current scenario.
    pub on_change: Callback<Scenario>,
}

/// The preset picker and the active story.
#[component]
pub fn PresetPanel(props: &PresetPanelProps) -> Html {
    let on_select = {
        let on_preset = props.on_preset.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() else {
                return;
            };
            if let Some(p) = PRESETS.iter().find(|p| p.id == select.value()) {
                if let Ok(s) = p.scenario() {
                    on_preset.emit((p, s));
                }
            }
        })
    };
    html! {
        <section class="pool-presets" aria-labelledby="pool-presets-title">
            <div class="toolbar">
                <label class="field">
                    <span id="pool-presets-title">{ "Guided scenarios" }</span>
                    <select id="pool-preset" onchange={on_select}>
                        <option value="" selected={props.active.is_none()}>{ "Pick a story…" }</option>
                        { for PRESETS.iter().map(|p| html! {
                            <option value={p.id} selected={props.active.is_some_and(|a| a.id == p.id)}>{ p.title }</option>
                        }) }
                    </select>
                </label>
            </div>
            if let Some(p) = props.active {
                <Story preset={p} scenario={props.scenario.clone()} on_change={props.on_change.clone()}
                    on_preset={props.on_preset.clone()} />
            }
            <details class="pool-not-yet">
                <summary>{ "Stories the simulator cannot tell yet" }</summary>
                <ul>
                    { for NOT_YET_MODELLED.iter().map(|(story, needs)| html! {
                        <li>{ format!("{story}: {needs}.") }</li>
                    }) }
                </ul>
            </details>
        </section>
    }
}

/// Props of [`Story`].
#[derive(Properties, PartialEq)]
struct StoryProps {
    preset: &'static Preset,
    scenario: Scenario,
    on_change: Callback<Scenario>,
    on_preset: Callback<(&'static Preset, Scenario)>,
}

#[component]
fn Story(props: &StoryProps) -> Html {
    let p = props.preset;
    let reset = {
        let on_preset = props.on_preset.clone();
        Callback::from(move |_: MouseEvent| {
            if let Ok(s) = p.scenario() {
                on_preset.emit((p, s));
            }
        })
    };
    html! {
        <div class="pool-story" id="pool-story">
            <h2 class="section-title">{ p.title }</h2>
            <p>{ p.story }</p>
            <p class="pool-try-title">{ "Try this:" }</p>
            <ul class="pool-try">
                { for p.try_this.iter().map(|t| {
                    let (scenario, on_change) = (props.scenario.clone(), props.on_change.clone());
                    let onclick = Callback::from(move |_: MouseEvent| {
                        if let Ok(next) = apply_patch(&scenario, t.patch) {
                            on_change.emit(next);
                        }
                    });
                    html! {
                        <li>
                            <span>{ t.prompt }</span>
                            <button type="button" class="button small secondary" id={format!("pool-try-{}", t.id)} {onclick}>
                                { "Apply" }
                            </button>
                        </li>
                    }
                }) }
            </ul>
            <button type="button" class="link-button" id="pool-story-reset" onclick={reset}>{ "Back to the story's start" }</button>
        </div>
    }
}
