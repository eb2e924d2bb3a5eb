//! "Copy share link": encodes the tool's state into the URL fragment and copies the URL.
//!
//! Warns when the link is long enough that chat apps or mail clients may cut it.

use yew::prelude::*;

use crate::share;
use crate::ui::fragment;

/// Props of [`ShareButton`].
#[derive(Properties, PartialEq)]
pub struct ShareButtonProps {
    /// Builds the fragment for the current state (called only on click: encoding can be large).
    pub make_fragment: Callback<(), String>,
}

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Copied { length: usize },
    NotCopied { length: usize },
}

/// The share button with its status line.
#[component]
pub fn ShareButton(props: &ShareButtonProps) -> Html {
    let status = use_state(|| Status::Idle);
    let onclick = {
        let make = props.make_fragment.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let fragment = make.emit(());
            let Some(url) = fragment::write(&fragment) else {
                return;
            };
            let length = url.len();
            let copied = web_sys::window()
                .map(|w| {
                    let _ = w.navigator().clipboard().write_text(&url);
                })
                .is_some();
            status.set(if copied {
                Status::Copied { length }
            } else {
                Status::NotCopied { length }
            });
        })
    };
    let message = match *status {
        Status::Idle => None,
        Status::Copied { length } | Status::NotCopied { length } => {
            let copied = matches!(*status, Status::Copied { .. });
            let mut text = if copied {
                "Link copied; it is also in the address bar.".to_owned()
            } else {
                "The link is in the address bar.".to_owned()
            };
            if length > share::LONG_URL_WARNING {
                text.push_str(&format!(
                    " It is {length} characters long: some chat and mail apps cut links this long."
                ));
            }
            Some(text)
        }
    };
    let long = matches!(*status, Status::Copied { length } | Status::NotCopied { length }
        if length > share::LONG_URL_WARNING);
    html! {
        <div class="share">
            <button type="button" class="button secondary share-button" {onclick}>{ "Copy share link" }</button>
            if let Some(message) = message {
                <span class={classes!("share-status", long.then_some("warning"))} role="status">{ message }</span>
            }
        </div>
    }
}
