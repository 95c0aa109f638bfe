//! `rekindle reveal KIND ID`: shares private words that you wrote (a check-in's, a note, a
//! feeling). They are read with your passphrase, stored as shared words, and the entry says
//! that they were shared on that day.

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

/// Share something you kept private: a check-in's words, a note or a feeling become part of
/// the entry your partner can read, marked as written privately and shared today. Asks for
/// your passphrase.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What kind of entry: checkin, note or feeling
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
    let id = crate::domain::input::parse_id("ID", &args.id)?;
    match kind.as_str() {
        "checkin" | "check-in" => {}
        "note" => return note(ctx, id),
        "feeling" => return feeling(ctx, id),
        _ => bail_user!(
            "reveal: {:?} is not a kind of entry that can hold private words; use checkin, note or feeling",
            sanitize::line(&args.kind)
        ),
    }
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

/// `reveal note ID`: the note's words, read with its author's key, become its shared text.
fn note(ctx: &mut Context, id: i64) -> anyhow::Result<()> {
    let mut store = ctx.open()?;
    let me = ctx.author(&store)?;
    let Some(note) = store::notes::get(store.conn(), id)? else {
        bail_user!("there is no note {id}; `rekindle history --private --as NAME` lists yours");
    };
    let name = sanitize::line(&me.name).into_owned();
    if note.partner_id != me.id {
        bail_user!("note {id} is not {name}'s; only its author can share it");
    }
    let store::notes::Words::Private(ciphertext) = &note.words else {
        bail_user!("note {id} is not private; it is shared already");
    };
    let Some(ciphertext) = ciphertext.clone() else {
        bail_user!(
            "the words of note {id} are not in this journal (only its stub came here by sync); share it from the journal it was written in"
        );
    };
    let Some(identity) = ctx.identity(&store, &me)? else {
        bail_user!("{name} has no passphrase, so note {id} cannot be read");
    };
    let words = identity
        .decrypt(&ciphertext)
        .ok()
        .and_then(|b| crate::domain::private::PrivateNote::from_bytes(&b))
        .context("the words of this private note cannot be read with this key")?;
    let today = ctx.today;
    let clock = store.clock();
    store.write(|tx| {
        if store::notes::get(tx, id)?.map(|n| n.words) != Some(note.words.clone()) {
            return Err(
                UserError::new(format!("note {id} changed meanwhile; nothing was shared")).into(),
            );
        }
        let stamp = store::clock::stamp(tx, &clock, Some(me.id))?;
        store::notes::reveal(tx, &stamp, id, &words.text, today)?;
        Ok(())
    })?;
    ctx.emit(&Revealed {
        kind: "note",
        id,
        date: note.date,
        partner: me.name.clone(),
        revealed_on: today,
    })
}

/// `reveal feeling ID`: a private feeling, read with its author's key, becomes a shared one.
fn feeling(ctx: &mut Context, id: i64) -> anyhow::Result<()> {
    let mut store = ctx.open()?;
    let me = ctx.author(&store)?;
    let Some(feeling) = store::feelings::get(store.conn(), id)?.filter(|f| f.checkin_id.is_none())
    else {
        bail_user!("there is no feeling {id}; `rekindle history --private --as NAME` lists yours");
    };
    let name = sanitize::line(&me.name).into_owned();
    if feeling.partner_id != me.id {
        bail_user!("feeling {id} is not {name}'s; only its author can share it");
    }
    let Some(ciphertext) = feeling.private.clone() else {
        bail_user!("feeling {id} is not private; it is shared already");
    };
    if ciphertext.is_empty() {
        bail_user!(
            "feeling {id} was written on another computer and only its stub came here by sync; share it from the journal it was written in"
        );
    }
    let Some(identity) = ctx.identity(&store, &me)? else {
        bail_user!("{name} has no passphrase, so feeling {id} cannot be read");
    };
    let whole = identity
        .decrypt(&ciphertext)
        .ok()
        .and_then(|b| crate::domain::private::PrivateFeeling::from_bytes(&b))
        .context("this private feeling cannot be read with this key")?;
    let entry = crate::domain::feelings::FeelingEntry {
        word: whole.word.clone(),
        intensity: whole.intensity,
    };
    let today = ctx.today;
    let clock = store.clock();
    store.write(|tx| {
        if store::feelings::get(tx, id)?.and_then(|f| f.private) != Some(ciphertext.clone()) {
            return Err(UserError::new(format!(
                "feeling {id} changed meanwhile; nothing was shared"
            ))
            .into());
        }
        let stamp = store::clock::stamp(tx, &clock, Some(me.id))?;
        store::feelings::reveal(tx, &stamp, id, &entry, whole.note.as_deref(), today)?;
        Ok(())
    })?;
    ctx.emit(&Revealed {
        kind: "feeling",
        id,
        date: feeling.date,
        partner: me.name.clone(),
        revealed_on: today,
    })
}

impl Output for Revealed {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let what = match self.kind {
            "checkin" => "words",
            "note" => "note",
            _ => "feeling",
        };
        let label = match self.kind {
            "checkin" => "check-in",
            other => other,
        };
        writeln!(
            out,
            "Shared {}'s {what} from {} ({label} {}). The timeline shows that it was written privately and shared on {}.",
            sanitize::line(&self.partner),
            dates::in_words(self.date),
            self.id,
            dates::in_words(self.revealed_on)
        )?;
        Ok(())
    }
}
