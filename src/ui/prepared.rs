//! A result computed in an input handler, before Yew renders, for the render to pick up.
//!
//! Why: Yew yields to the browser once a render pass has run 16 ms. A long computation inside a
//! page's render (parsing a large plan, linting a large migration) would let the browser lay out and
//! paint the page before the children that show the result update, which costs a second layout of
//! everything. Computing in the handler keeps the page's render short, so the whole update lands in
//! one pass. The render still computes when nothing was prepared for its key (first load, links).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

/// One prepared value and the key it was computed for.
pub struct Prepared<K, V>(RefCell<Option<(K, V)>>);

impl<K: PartialEq, V> Prepared<K, V> {
    /// Keeps `value`, computed for `key`, for the next render.
    pub fn put(&self, key: K, value: V) {
        *self.0.borrow_mut() = Some((key, value));
    }

    /// The value prepared for `key`, or `compute()` when there is none (or it was for another key).
    pub fn take_or(&self, key: &K, compute: impl FnOnce() -> V) -> V {
        let prepared = self.0.borrow_mut().take();
        match prepared {
            Some((k, v)) if k == *key => v,
            _ => compute(),
        }
    }
}

/// A [`Prepared`] slot that lives as long as the component.
#[hook]
pub fn use_prepared<K: 'static, V: 'static>() -> Rc<Prepared<K, V>> {
    use_memo((), |_| Prepared(RefCell::new(None)))
}
