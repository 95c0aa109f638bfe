//! Steps several commands share, so that no command imports another (jj's `cli_util`).

use crate::domain::model::{self, Partner};

/// The partner who is not `me`, for a promise or an apology made to them.
pub fn other_partner<'a>(partners: &'a [Partner], me: &Partner) -> anyhow::Result<&'a Partner> {
    model::other_partner(partners, me)
        .ok_or_else(|| anyhow::anyhow!("the journal has only one partner; it needs two"))
}
