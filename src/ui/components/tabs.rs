//! Accessible tabs (WAI-ARIA tab pattern): arrow keys move between tabs, only the selected tab is
//! in the Tab order, and the panel is labelled by its tab.

use yew::prelude::*;

/// Props of [`Tabs`].
#[derive(Properties, PartialEq)]
pub struct TabsProps {
    /// Prefix for element ids (unique per page).
    pub id: AttrValue,
    /// Accessible name of the tab list.
    pub label: AttrValue,
    /// Tab titles, in order.
    pub titles: Vec<AttrValue>,
    pub selected: usize,
    pub on_select: Callback<usize>,
    /// The selected tab's panel.
    pub children: Html,
}

/// A tab list and the selected panel.
#[component]
pub fn Tabs(props: &TabsProps) -> Html {
    let count = props.titles.len();
    let onkeydown = {
        let on_select = props.on_select.clone();
        let selected = props.selected;
        let id = props.id.clone();
        Callback::from(move |e: KeyboardEvent| {
            if count == 0 {
                return;
            }
            let next = match e.key().as_str() {
                "ArrowRight" => (selected + 1) % count,
                "ArrowLeft" => (selected + count - 1) % count,
                "Home" => 0,
                "End" => count - 1,
                _ => return,
            };
            e.prevent_default();
            on_select.emit(next);
            if let Some(tab) =
                gloo::utils::document().get_element_by_id(&format!("{id}-tab-{next}"))
            {
                if let Ok(tab) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(tab) {
                    let _ = tab.focus();
                }
            }
        })
    };
    let id = &props.id;
    html! {
        <div class="tabs">
            <div class="tab-list" role="tablist" aria-label={props.label.clone()} {onkeydown}>
                { for props.titles.iter().enumerate().map(|(i, title)| {
                    let selected = i == props.selected;
                    let on_select = props.on_select.clone();
                    html! {
                        <button type="button" role="tab" id={format!("{id}-tab-{i}")}
                            class={classes!("tab", selected.then_some("selected"))}
                            aria-selected={if selected { "true" } else { "false" }}
                            aria-controls={format!("{id}-panel")}
                            tabindex={if selected { "0" } else { "-1" }}
                            onclick={Callback::from(move |_| on_select.emit(i))}>
                            { title.clone() }
                        </button>
                    }
                }) }
            </div>
            <div class="tab-panel" role="tabpanel" id={format!("{id}-panel")}
                aria-labelledby={format!("{id}-tab-{}", props.selected)} tabindex="0">
                { props.children.clone() }
            </div>
        </div>
    }
}
