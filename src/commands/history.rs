//! `rekindle history`: everything you have written, newest first.

use std::io::Write;

use serde::Serialize;

use crate::bail_user;
use crate::commands::common::{guard_words, reader};
use crate::commands::context::{Context, find_partner};
use crate::domain::dates;
use crate::domain::error::UserError;
use crate::domain::history;
use crate::domain::journey::Journey;
use crate::domain::kind::RecordKind;
use crate::store;
use crate::text::sanitize;
use crate::views::history::More;
use crate::views::json::{self, Names, Record};
use crate::views::{self, Output};

/// Read back what you have written: check-ins, feelings, promises and how they went,
/// apologies and answers, focus changes and your times together, newest first.
///
/// --as NAME says who is reading (as REKINDLE_AS does): both partners' entries are shown,
/// and the other's words of a day stay sealed until the reader has checked in that day too.
/// To see one partner's entries only, use --partner NAME.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only entries on or after this day
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    /// Only entries on or before this day
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,

    /// Only this kind: checkin, feeling, promise, outcome, apology, response, focus, meeting, exercise or note
    /// (repeat it, or separate with commas, for several)
    #[arg(long, value_name = "KIND", value_delimiter = ',',
          value_parser = crate::commands::common::Offered(crate::commands::common::timeline_kinds))]
    pub kind: Vec<String>,

    /// Only entries whose words match (every word must appear; endings are ignored, so
    /// "walk" finds "walked")
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub search: Option<String>,

    /// How many entries to show, at most
    #[arg(long, value_name = "N", default_value_t = 20, allow_hyphen_values = true,
          value_parser = crate::commands::common::WholeNumber::new(1, 1_000_000))]
    pub limit: u32,

    /// Only this partner's entries (and the ones you share: focus changes and times together)
    #[arg(long, value_name = "NAME")]
    pub partner: Option<String>,

    /// Only your own private entries (check-in words, notes, feelings), read with your
    /// passphrase (needs --as or REKINDLE_AS)
    #[arg(long)]
    pub private: bool,
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    let since = match &args.since {
        Some(text) => ctx.date("--since", text)?,
        None => dates::EARLIEST,
    };
    let until = match &args.until {
        Some(text) => ctx.date("--until", text)?,
        None => dates::LATEST,
    };
    if since > until {
        bail_user!(
            "--since ({}) is after --until ({}); nothing could match",
            since,
            until
        );
    }
    let mut kinds = Vec::new();
    for text in &args.kind {
        let kind = RecordKind::in_timeline(text).map_err(UserError::new)?;
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    if kinds.is_empty() {
        kinds = RecordKind::TIMELINE.to_vec();
    }
    if let Some(text) = &args.search
        && text.trim().is_empty()
    {
        bail_user!(
            "--search {:?} needs some text to look for, e.g. --search walk; leave --search out \
             to see every entry",
            sanitize::line(text)
        );
    }
    let store = ctx.open()?;
    let mut partner = match &args.partner {
        Some(name) => {
            let partners = store::partners::all(store.conn())?;
            let found = find_partner(&partners, name)
                .map_err(|e| UserError::new(format!("--partner: {}", e.0)))?;
            Some(found.id)
        }
        None => None,
    };
    let reader = reader(ctx, &store)?;
    // `--private`: the acting partner's own private words, unlocked with their passphrase.
    let own = if args.private {
        let me = ctx.acting_partner(&store)?;
        if store::partner_keys::get(store.conn(), me.id)?.is_none() {
            bail_user!(
                "{} has no passphrase, so nothing of theirs is private; set one with rekindle partners passphrase {}",
                sanitize::line(&me.name),
                crate::text::prose::shell_word(&sanitize::line(&me.name))
            );
        }
        ctx.identity(&store, &me)?;
        partner = Some(me.id);
        Some(me)
    } else {
        None
    };
    let reader_id = own.as_ref().or(reader.as_ref()).map(|p| p.id);
    let search = match &args.search {
        Some(text) => match history::search_query(text) {
            Some(query) => Some(query),
            // Blank text was refused above; nothing else leaves no query.
            None => return ctx.emit(&Timeline::default()),
        },
        None => None,
    };
    let filter = store::history::Filter {
        since,
        until,
        kinds,
        partner,
        search,
        seal_for: Some(reader_id),
        limit: args.limit as usize,
    };
    let store::history::Page {
        refs,
        mut beyond,
        total,
    } = store::history::page(store.conn(), &filter)?;
    let names = Names::load(store.conn())?;
    let mut records: Vec<Record> = store::history::load(store.conn(), &refs)?
        .iter()
        .map(|(entry, edited)| json::record_of(entry, *edited, &names))
        .collect();
    let identity = match &own {
        Some(me) => ctx.identity(&store, me)?.map(|id| (me.id, id)),
        None => None,
    };
    guard_words(store.conn(), &mut records, reader_id, identity)?;
    if own.is_some() {
        records.retain(|r| match r {
            Record::Checkin(c) => c.private,
            Record::Note(n) => n.private,
            Record::Feeling(f) => f.private,
            _ => false,
        });
    } else if args.kind.is_empty() && filter.search.is_none() {
        // Passphrases set, changed or removed, among the day's entries.
        for e in store::partner_keys::events(store.conn(), since, until)? {
            if partner.is_some_and(|p| names_of_id(&store, p) != Some(e.partner.clone())) {
                continue;
            }
            records.push(Record::Passphrase(json::PassphraseRecord {
                kind: "passphrase",
                id: e.id,
                date: e.date,
                partner: e.partner,
                by: e.by,
                action: e.action,
            }));
        }
        records.sort_by_key(|r| std::cmp::Reverse(r.date()));
        if records.len() > filter.limit {
            records.truncate(filter.limit);
            beyond = true;
        }
    }
    let mut hidden = 0;
    if filter.search.is_some() {
        // Sealed words never match for a reader who may not see them.
        let found = records.len();
        records.retain(|r| !matches!(r, Record::Checkin(c) if c.sealed));
        hidden = found - records.len();
    }
    // The count beyond the page counts what the filters matched, sealed words included; so
    // that it tells nothing about words the reader may not see, it is left out when a sealed
    // entry matched, and for one's own private words (a count of everything, not of them).
    let more = if hidden > 0 || own.is_some() {
        More::None
    } else {
        match total {
            Some(total) if total > records.len() => More::Count(total - records.len()),
            Some(_) => More::None,
            None if beyond => More::Older,
            None => More::None,
        }
    };
    if ctx.json {
        // Standard output holds only the JSON; the note goes to standard error.
        let note = match more {
            More::None => None,
            More::Count(n) => Some(format!(
                "{n} more {} beyond --limit {}",
                if n == 1 { "entry" } else { "entries" },
                filter.limit
            )),
            More::Older => Some(format!(
                "older entries lie beyond --limit {}; pass a larger --limit or --since to see them",
                filter.limit
            )),
        };
        if let Some(note) = note {
            let _ = writeln!(std::io::stderr().lock(), "rekindle: {note}");
        }
    }
    ctx.emit(&Timeline {
        records,
        journey: ctx.journey_for_words(),
        more,
        limit: filter.limit,
        search: args.search.clone(),
    })
}

fn names_of_id(store: &store::Store, id: i64) -> Option<String> {
    store::partners::get(store.conn(), id)
        .ok()
        .flatten()
        .map(|p| p.name)
}

/// The records found, newest first; the JSON is the list.
#[derive(Default, Serialize)]
#[serde(transparent)]
struct Timeline {
    records: Vec<Record>,
    /// For the prompts check-ins answered, named in words.
    #[serde(skip)]
    journey: Option<Journey>,
    /// Whether (and for a search, how many) more entries pass the filters beyond the limit.
    #[serde(skip)]
    more: More,
    #[serde(skip)]
    limit: usize,
    /// The words searched for, to mark where they are found.
    #[serde(skip)]
    search: Option<String>,
}

impl Output for Timeline {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        views::history::render(
            out,
            &self.records,
            self.journey.as_ref(),
            self.search.as_deref(),
        )?;
        views::history::footer(
            out,
            self.records.len(),
            self.more,
            self.limit,
            self.search.is_some(),
        )?;
        Ok(())
    }
}
