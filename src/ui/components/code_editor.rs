//! A plain, accessible code editor: a real `<textarea>` with a line-number gutter, an optional
//! highlighted line range (a finding's span), and file drop.
//!
//! A textarea keeps everything a browser gives for free (undo, IME, screen readers, mobile keyboards).
//! The gutter and the highlight band are positioned from a fixed line height, so they stay aligned
//! without measuring text, and they cost the same for a 10-line file and a 10,000-line file.

use gloo::file::callbacks::FileReader;
use web_sys::{DragEvent, HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Must equal `--editor-line-height` in `static/app.css` (pixels).
const LINE_HEIGHT_PX: f64 = 21.0;
/// Must equal the editor's top padding in `static/app.css` (pixels).
const PADDING_TOP_PX: f64 = 8.0;
/// Line numbers per gutter block (see the `numbers` memo).
const GUTTER_BLOCK: usize = 500;

/// Props of [`CodeEditor`].
#[derive(Properties, PartialEq)]
pub struct CodeEditorProps {
    /// Element id of the textarea (labels and tests refer to it).
    pub id: AttrValue,
    /// Accessible label.
    pub label: AttrValue,
    pub value: AttrValue,
    /// Called with the full text after every edit, and with a dropped file's text.
    pub on_input: Callback<String>,
    /// 1-based inclusive line range to highlight, e.g. the statement a finding points at.
    #[prop_or_default]
    pub highlight: Option<(usize, usize)>,
    #[prop_or_default]
    pub placeholder: AttrValue,
    /// Visible height in lines.
    #[prop_or(18)]
    pub rows: u32,
}

/// The editor component.
#[component]
pub fn CodeEditor(props: &CodeEditorProps) -> Html {
    let textarea = use_node_ref();
    let gutter = use_node_ref();
    let band = use_node_ref();
    let reader = use_mut_ref(|| None::<FileReader>);
    let dragging = use_state(|| false);

    let line_count = props.value.split('\n').count();
    // Line numbers in blocks the browser may skip laying out while they are scrolled out of view
    // (`content-visibility: auto`): a 10,000-line paste would otherwise lay out every number.
    let numbers = use_memo(line_count, |count| {
        (1..=*count)
            .step_by(GUTTER_BLOCK)
            .map(|first| {
                let last = (first + GUTTER_BLOCK - 1).min(*count);
                let text = (first..=last)
                    .map(|n| n.to_string())
                    .collect::<Vec<_>>()
                    .join("\n");
                (last - first + 1, text)
            })
            .collect::<Vec<_>>()
    });

    // Keep the gutter and the band scrolled with the text.
    let sync_scroll = {
        let (textarea, gutter, band) = (textarea.clone(), gutter.clone(), band.clone());
        move || {
            let Some(area) = textarea.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let top = area.scroll_top();
            if let Some(g) = gutter.cast::<HtmlElement>() {
                g.set_scroll_top(top);
            }
            if let Some(b) = band.cast::<HtmlElement>() {
                let _ = b
                    .style()
                    .set_property("transform", &format!("translateY({}px)", -top));
            }
        }
    };
    // No sync after every render: reading `scrollTop` then forces a layout of the whole text in the
    // middle of rendering (hundreds of ms for a 10,000-line paste), and the browser lays it out again
    // for the frame. Typing and pasting scroll the textarea, which fires `scroll`; text written from
    // elsewhere and highlights sync explicitly below.
    // Bring a newly highlighted range into view (only when it is outside the visible lines).
    {
        let textarea = textarea.clone();
        let sync_scroll = sync_scroll.clone();
        use_effect_with(props.highlight, move |highlight| {
            if let (Some((first, last)), Some(area)) =
                (*highlight, textarea.cast::<HtmlTextAreaElement>())
            {
                let top = (first.max(1) - 1) as f64 * LINE_HEIGHT_PX;
                let bottom = last.max(first) as f64 * LINE_HEIGHT_PX;
                let view_top = f64::from(area.scroll_top());
                let view_bottom = view_top + f64::from(area.client_height());
                if top < view_top || bottom > view_bottom {
                    area.set_scroll_top((top - 2.0 * LINE_HEIGHT_PX).max(0.0) as i32);
                    sync_scroll();
                }
            }
        });
    }
    let onscroll = {
        let sync_scroll = sync_scroll.clone();
        Callback::from(move |_: Event| sync_scroll())
    };
    // The textarea is uncontrolled: the text the user typed is already in the DOM, and writing a
    // large text back costs the browser a second full layout. Only text that arrives from elsewhere
    // (an example, a dropped file, a share link) is written.
    let typed = use_mut_ref(|| None::<String>);
    {
        let (textarea, typed, sync_scroll) = (textarea.clone(), typed.clone(), sync_scroll.clone());
        use_effect_with(props.value.clone(), move |value| {
            let already_shown = typed.borrow().as_deref() == Some(value.as_str());
            if !already_shown {
                if let Some(area) = textarea.cast::<HtmlTextAreaElement>() {
                    area.set_value(value);
                    // A new text may move the textarea's scroll without firing `scroll`. Sync in a
                    // later task, once this render's DOM changes are done, so the read costs at most
                    // the one layout the browser needs anyway.
                    gloo::timers::callback::Timeout::new(0, sync_scroll).forget();
                }
            }
        });
    }
    // Input events are coalesced: the text is read and handed on in a task of its own, once per
    // burst. One paste is one event, but some inputs arrive as a burst of events (an automated fill
    // sends two per line; keystrokes queue up while a large file is being analysed), and reading and
    // analysing the whole text once per event would make that quadratic.
    let burst = use_mut_ref(|| false);
    let oninput = {
        let on_input = props.on_input.clone();
        let (typed, textarea) = (typed.clone(), textarea.clone());
        Callback::from(move |_: InputEvent| {
            if std::mem::replace(&mut *burst.borrow_mut(), true) {
                return;
            }
            let (burst, on_input) = (burst.clone(), on_input.clone());
            let (typed, textarea) = (typed.clone(), textarea.clone());
            gloo::timers::callback::Timeout::new(0, move || {
                *burst.borrow_mut() = false;
                if let Some(area) = textarea.cast::<HtmlTextAreaElement>() {
                    let text = area.value();
                    *typed.borrow_mut() = Some(text.clone());
                    on_input.emit(text);
                }
            })
            .forget();
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let on_input = props.on_input.clone();
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|files| files.get(0))
            else {
                return;
            };
            let on_input = on_input.clone();
            let blob = gloo::file::Blob::from(file);
            // Keep the reader alive until it calls back; dropping it cancels the read.
            *reader.borrow_mut() = Some(gloo::file::callbacks::read_as_text(&blob, move |text| {
                let text = text.unwrap_or_else(|e| format!("-- could not read the file: {e}"));
                on_input.emit(text);
            }));
        })
    };

    let band_view = props.highlight.map(|(first, last)| {
        let first = first.max(1);
        let last = last.max(first);
        let top = PADDING_TOP_PX + (first - 1) as f64 * LINE_HEIGHT_PX;
        let height = (last - first + 1) as f64 * LINE_HEIGHT_PX;
        html! {
            <div class="editor-band-layer" aria-hidden="true">
                <div class="editor-band" ref={band.clone()}>
                    <div class="editor-band-mark" style={format!("top:{top}px;height:{height}px")}></div>
                </div>
            </div>
        }
    });

    html! {
        <div class={classes!("code-editor", dragging.then_some("dragging"))}
            style={format!("--editor-rows:{}", props.rows)}
            {ondragover} {ondragleave} {ondrop}>
            <pre class="editor-gutter" ref={gutter} aria-hidden="true">
                { for numbers.iter().map(|(lines, text)| html! {
                    <div class="editor-gutter-block"
                        style={format!("contain-intrinsic-height: auto {}px", *lines as f64 * LINE_HEIGHT_PX)}>
                        { text.clone() }
                    </div>
                }) }
            </pre>
            <div class="editor-body">
                { for band_view }
                <textarea ref={textarea} id={props.id.clone()} aria-label={props.label.clone()}
                    class="editor-text" spellcheck="false" autocapitalize="off" autocomplete="off"
                    wrap="off" placeholder={props.placeholder.clone()}
                    {oninput} {onscroll} />
            </div>
        </div>
    }
}
