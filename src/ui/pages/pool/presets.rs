//! The guided presets: a picker, the chosen story, and its "try this" changes as buttons. The
//! stories are the simulator core's (`pool::presets`), read once.

use std::sync::OnceLock;

use yew::prelude::*;

use crate::pool::{apply_patch, presets, Preset, Scenario};

/// The core's presets, parsed once. A broken preset file (the core's tests rule it out) leaves the
/// picker empty rather than breaking the page.
pub fn all() -> &'static [Preset] {
    static ALL: OnceLock<Vec<Preset>> = OnceLock::new();
    ALL.get_or_init(|| presets().unwrap_or_default())
}

/// A preset's scenario as the page runs it: named after the story (so a draft or link is
/// recognised), with the story as its description.
pub fn story_scenario(p: &Preset, s: &Scenario) -> Scenario {
    let mut s = s.clone();
    s.name = p.title.clone();
    s.description = p.story.clone();
    s
}

/// Props of [`PresetPanel`].
#[derive(Properties, PartialEq)]
pub struct PresetPanelProps {
    /// The preset whose story is shown, if any.
    pub active: Option<&'static Preset>,
    pub scenario: Scenario,
    /// A preset was chosen.
    pub on_preset: Callback<&'static Preset>,
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
            if let Some(p) = all().iter().find(|p| p.id == select.value()) {
                on_preset.emit(p);
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
                        { for all().iter().map(|p| html! {
                            <option value={p.id.clone()} selected={props.active.is_some_and(|a| a.id == p.id)}>{ &p.title }</option>
                        }) }
                    </select>
                </label>
            </div>
            if let Some(p) = props.active {
                <Story preset={p} scenario={props.scenario.clone()} on_change={props.on_change.clone()}
                    on_preset={props.on_preset.clone()} />
            }
        </section>
    }
}

/// Props of [`Story`].
#[derive(Properties, PartialEq)]
struct StoryProps {
    preset: &'static Preset,
    scenario: Scenario,
    on_change: Callback<Scenario>,
    on_preset: Callback<&'static Preset>,
}

#[component]
fn Story(props: &StoryProps) -> Html {
    let p = props.preset;
    let reset = {
        let on_preset = props.on_preset.clone();
        Callback::from(move |_: MouseEvent| on_preset.emit(p))
    };
    html! {
        <div class="pool-story" id="pool-story">
            <h2 class="section-title">{ &p.title }</h2>
            <p>{ &p.story }</p>
            if p.compare.is_some() {
                <p class="hint-text">{ "This story is a comparison: its second configuration runs as the baseline." }</p>
            }
            <p class="pool-try-title">{ "Try this:" }</p>
            <ul class="pool-try">
                { for p.changes.iter().map(|c| {
                    let (scenario, on_change) = (props.scenario.clone(), props.on_change.clone());
                    let onclick = Callback::from(move |_: MouseEvent| {
                        if let Ok(next) = apply_patch(&scenario, &c.patch) {
                            on_change.emit(next);
                        }
                    });
                    html! {
                        <li>
                            <span>{ &c.label }</span>
                            <button type="button" class="button small secondary" id={format!("pool-try-{}", c.id)} {onclick}>
                                { "Apply" }
                            </button>
                        </li>
                    }
                }) }
            </ul>
            <ul class="pool-try-more hint-text">
                { for p.try_this.iter().map(|t| html! { <li>{ t }</li> }) }
            </ul>
            <button type="button" class="link-button" id="pool-story-reset" onclick={reset}>{ "Back to the story's start" }</button>
        </div>
    }
}
