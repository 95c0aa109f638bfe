//! Steps several commands share, so that no command imports another (jj's `cli_util`).

use crate::commands::context::Context;
use crate::domain::input::whole_number;
use crate::domain::model::{self, Partner, Step};
use crate::flows::couple::Couple;
use crate::store::{self, Store};

/// The partner who is not `me`, for a promise or an apology made to them.
pub fn other_partner<'a>(partners: &'a [Partner], me: &Partner) -> anyhow::Result<&'a Partner> {
    model::other_partner(partners, me)
        .ok_or_else(|| anyhow::anyhow!("the journal has only one partner; it needs two"))
}

/// Creates the journal with the couple in it and the focus on the first step.
pub fn create_journal(ctx: &Context, couple: &Couple) -> anyhow::Result<(Store, Vec<Partner>)> {
    let today = ctx.today;
    Store::create(&ctx.journal, |tx| {
        let mut partners = Vec::new();
        for (i, name) in couple.names.iter().enumerate() {
            partners.push(store::partners::insert(tx, name, couple.role_of(i))?);
        }
        store::focus::record(tx, Step::Responsibility, today, None)?;
        Ok(partners)
    })
}

/// A clap value parser for [`whole_number`], so a number flag is refused in rekindle's own
/// words rather than clap's ("0 is not in 1..=520").
#[derive(Debug, Clone, Copy)]
pub struct WholeNumber {
    pub min: u32,
    pub max: u32,
}

impl WholeNumber {
    pub const fn new(min: u32, max: u32) -> Self {
        WholeNumber { min, max }
    }
}

impl clap::builder::TypedValueParser for WholeNumber {
    type Value = u32;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<u32, clap::Error> {
        let what = arg
            .and_then(|a| a.get_long().map(|l| format!("--{l}")))
            .unwrap_or_else(|| "the number".to_string());
        whole_number(&what, &value.to_string_lossy(), self.min, self.max).map_err(|e| {
            clap::Error::raw(clap::error::ErrorKind::ValueValidation, e.to_string()).with_cmd(cmd)
        })
    }
}
