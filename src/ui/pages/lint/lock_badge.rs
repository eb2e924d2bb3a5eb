//! A lock badge: mode and relation, coloured by the worst thing the lock blocks.

use yew::prelude::*;

use crate::lint::effects::LockTarget;
use crate::lint::locks::{blocked_by, describe_blocked, LockMode, Operation};

/// How much traffic a lock stops, worst first; drives the badge colour.
pub fn impact_class(mode: LockMode, new: bool) -> &'static str {
    if new {
        return "impact-none";
    }
    let blocked = blocked_by(mode);
    if blocked.contains(&Operation::Select) {
        "impact-reads"
    } else if blocked.contains(&Operation::Write) {
        "impact-writes"
    } else if blocked.is_empty() {
        "impact-none"
    } else {
        "impact-maintenance"
    }
}

/// Props of [`LockBadge`].
#[derive(Properties, PartialEq)]
pub struct LockBadgeProps {
    pub lock: LockTarget,
}

/// One lock on one relation.
#[component]
pub fn LockBadge(props: &LockBadgeProps) -> Html {
    let lock = &props.lock;
    let title = if lock.new {
        format!(
            "{} on {}, created earlier in this file: new and empty, so it blocks nobody",
            lock.mode.name(),
            lock.relation
        )
    } else {
        format!(
            "{} on {} blocks {}",
            lock.mode.name(),
            lock.relation,
            describe_blocked(&blocked_by(lock.mode))
        )
    };
    html! {
        <span class={classes!("lock-badge", impact_class(lock.mode, lock.new))} {title}>
            <span class="lock-mode">{ lock.mode.name() }</span>
            <span class="lock-on">{ " on " }</span>
            <code class="lock-relation">{ &lock.relation }</code>
            if lock.new {
                <span class="lock-new">{ " (new)" }</span>
            }
        </span>
    }
}
