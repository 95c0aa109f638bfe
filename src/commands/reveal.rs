//! `rekindle reveal KIND ID`: shares private words that you wrote. They are read with your
//! passphrase, stored as shared words, and the entry says that they were shared on that day.

use std::io::Write;

use anyhow::Context as _;
use serde::Serialize;

use crate::bail_user;
use crate::commands::context::Context;
use crate::domain::dates;
use crate::domain::error::UserError;
use crate::domain::private::PrivateWords;
use crate::store;
use crate::text::sanitize;
use crate::views::Output;

/// Share words you kept private: they become part of the entry your partner can read, marked
/// as shared today. Asks for your passphrase.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What kind of entry: checkin
    #[arg(value_name = "KIND")]
    pub kind: String,
    /// Its id, as `history` shows it
    #[arg(value_name = "ID", allow_hyphen_values = true)]
    pub id: String,
}

#[derive(Serialize)]
struct Revealed {
    kind: &'static str,
    id: i64,
    date: chrono::NaiveDate,
    partner: String,
    revealed_on: chrono::NaiveDate,
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    let kind = args.kind.trim().to_lowercase();
    if !matches!(kind.as_str(), "checkin" | "check-in") {
        bail_user!(
            "reveal: {:?} is not a kind of entry that can hold private words; use checkin",
            sanitize::line(&args.kind)
        );
    }
    let id = crate::domain::input::parse_id("ID", &args.id)?;
    let mut store = ctx.open()?;
    let me = ctx.author(&store)?;
    let Some(checkin) = store::checkins::get(store.conn(), id)? else {
        bail_user!("there is no check-in {id}; `rekindle history --private --as NAME` lists yours");
    };
    let name = sanitize::line(&me.name).into_owned();
    if checkin.partner_id != me.id {
        bail_user!("check-in {id} is not {name}'s; only its author can share its words");
    }
    let privacy = store::checkins::privacy(store.conn(), &[id])?;
    let Some(ciphertext) = privacy.get(&id).and_then(|p| p.private.clone()) else {
        bail_user!("check-in {id} has no private words to share");
    };
    if ciphertext.is_empty() {
        // A stub: the words were written on another computer of the couple and stay there.
        bail_user!(
            "the private words of check-in {id} were written on another computer and stay there; share them there with rekindle reveal checkin (its number there may differ)"
        );
    }
    let Some(identity) = ctx.identity(&store, &me)? else {
        bail_user!("{name} has no passphrase, so check-in {id} cannot be read");
    };
    let words = identity
        .decrypt(&ciphertext)
        .ok()
        .and_then(|b| PrivateWords::from_bytes(&b))
        .context("the private words of this check-in cannot be read with this key")?;
    let today = ctx.today;
    let clock = store.clock();
    store.write(|tx| {
        let current = store::checkins::privacy(tx, &[id])?;
        if current.get(&id).and_then(|p| p.private.as_ref()) != Some(&ciphertext) {
            return Err(UserError::new(format!(
                "check-in {id} changed meanwhile; nothing was shared"
            ))
            .into());
        }
        let stamp = store::clock::stamp(tx, &clock, Some(me.id))?;
        store::checkins::reveal(
            tx,
            &stamp,
            id,
            [
                words.answer.as_deref(),
                words.appreciation.as_deref(),
                words.need.as_deref(),
                words.note.as_deref(),
            ],
            today,
        )?;
        Ok(())
    })?;
    ctx.emit(&Revealed {
        kind: "checkin",
        id,
        date: checkin.date,
        partner: me.name.clone(),
        revealed_on: today,
    })
}

impl Output for Revealed {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(
            out,
            "Shared {}'s words from {} (check-in {}). The timeline shows that they were shared on {}.",
            sanitize::line(&self.partner),
            dates::in_words(self.date),
            self.id,
            dates::in_words(self.revealed_on)
        )?;
        Ok(())
    }
}
