//! Steps several commands share, so that no command imports another (jj's `cli_util`).

use anyhow::Context as _;
use chrono::Days;

use crate::commands::context::Context;
use crate::domain::checkin::{self, Draft};
use crate::domain::dates::{self, in_words};
use crate::domain::error::UserError;
use crate::domain::feelings::FeelingEntry;
use crate::domain::input::whole_number;
use crate::domain::kind::RecordKind;
use crate::domain::model::{self, Partner, Step};
use crate::domain::progress::{self, Window};
use crate::flows::couple::Couple;
use crate::store::checkins::{Checkin, CheckinFields};
use crate::store::clock::{Clock, Stamp};
use crate::store::feelings::NewFeeling;
use crate::store::{self, Store};
use crate::text::sanitize;
use crate::views::json::{self, CheckinRecord};

/// The partner who is not `me`, for a promise or an apology made to them.
pub fn other_partner<'a>(partners: &'a [Partner], me: &Partner) -> anyhow::Result<&'a Partner> {
    model::other_partner(partners, me)
        .ok_or_else(|| anyhow::anyhow!("the journal has only one partner; it needs two"))
}

/// The other partner's name, for questions such as "How much do you trust Alex today?";
/// "your partner" when there is no other partner.
pub fn other_name(store: &Store, partner: &Partner) -> anyhow::Result<String> {
    let partners = crate::store::partners::all(store.conn())?;
    Ok(crate::domain::model::other_partner(&partners, partner)
        .map_or_else(|| "your partner".to_string(), |p| p.name.clone()))
}

/// Creates the journal with the couple in it and the focus on the first step.
pub fn create_journal(ctx: &Context, couple: &Couple) -> anyhow::Result<(Store, Vec<Partner>)> {
    let (today, clock) = (ctx.today, ctx.clock);
    let (store, partners) = Store::create(&ctx.journal, |tx| {
        let stamp = store::clock::stamp(tx, &clock, None)?;
        let mut partners = Vec::new();
        for (i, name) in couple.names.iter().enumerate() {
            partners.push(store::partners::insert(
                tx,
                &stamp,
                name,
                couple.role_of(i),
            )?);
        }
        store::focus::record(tx, &stamp, Step::Responsibility, today, None, true)?;
        Ok(partners)
    })?;
    Ok((store.with_clock(clock), partners))
}

/// The weeks to look at, shared by `progress` and `report`.
#[derive(Debug, clap::Args)]
pub struct WindowArgs {
    /// How many weeks to show, 1 to 520 (each week starts on Monday)
    #[arg(long, value_name = "N", default_value_t = progress::DEFAULT_WEEKS,
          allow_hyphen_values = true,
          value_parser = WholeNumber::new(1, progress::MAX_WEEKS))]
    pub weeks: u32,

    /// The last day to include [default: today]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub until: Option<String>,
}

impl WindowArgs {
    /// The window these flags name; `--until` cannot be in the future, and the first week
    /// cannot start before the earliest date rekindle accepts (1970-01-01).
    pub fn window(&self, ctx: &Context) -> anyhow::Result<Window> {
        let until = match &self.until {
            Some(text) => ctx.past_date("--until", text, "--until")?,
            None => ctx.today,
        };
        let window = Window::new(until, self.weeks);
        if window.from < dates::EARLIEST {
            let text = self.until.as_deref().unwrap_or("today");
            // The first Monday on or after the earliest date, then the rest of the weeks.
            let first_monday = dates::week_start(dates::EARLIEST + Days::new(6));
            let earliest_until = first_monday + Days::new(7 * u64::from(window.weeks - 1));
            let fewer = if dates::week_start(until) >= dates::EARLIEST {
                ", or fewer --weeks"
            } else {
                ""
            };
            return Err(UserError::new(format!(
                "--until {:?}: with --weeks {} the first week would start on {}, before {}, \
                 the earliest date accepted; give --until {} or later{fewer}",
                sanitize::line(text),
                window.weeks,
                in_words(window.from),
                dates::EARLIEST,
                earliest_until,
            ))
            .into());
        }
        Ok(window)
    }
}

/// A saved check-in as a [`Draft`], to start a replacement from.
pub fn saved_draft(conn: &rusqlite::Connection, checkin: &Checkin) -> anyhow::Result<Draft> {
    let feelings = store::feelings::for_checkin(conn, checkin.id)?
        .iter()
        .map(FeelingEntry::from)
        .collect();
    let f = &checkin.fields;
    Ok(Draft {
        trust: f.trust,
        connection: f.connection,
        feelings,
        answer: f.answer.clone(),
        appreciation: f.appreciation.clone(),
        need: f.need.clone(),
        note: f.note.clone(),
        prompt_shown: false,
    })
}

/// The check-in a guided save found in place of the one it started from: someone saved or
/// changed that day's check-in while this one was being written. Nothing was saved; the
/// caller shows both versions and asks, or refuses without a terminal.
#[derive(Debug)]
pub struct ChangedMeanwhile {
    pub partner: String,
    pub date: chrono::NaiveDate,
    /// The check-in as it is now, with its feelings, as a draft (`None`: it was deleted).
    pub current: Option<(Checkin, Draft)>,
}

impl std::fmt::Display for ChangedMeanwhile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = if self.current.is_some() {
            "was saved"
        } else {
            "was deleted"
        };
        write!(
            f,
            "{}'s check-in for {} {what} by another rekindle command while this one was being written, so this one was not saved",
            sanitize::line(&self.partner),
            dates::in_words(self.date)
        )
    }
}

impl std::error::Error for ChangedMeanwhile {}

/// Writes a check-in (inserting it, or replacing the saved one in place) and its feelings,
/// inside the caller's transaction. `expected` is the check-in this one was written from (the
/// one it replaces), read before the transaction; the day's check-in is read again here,
/// under the write lock, and when it is not that one any more (another command saved or
/// changed it meanwhile) nothing is written and [`ChangedMeanwhile`] says what is there now.
#[allow(clippy::too_many_arguments)]
pub fn save_checkin(
    tx: &rusqlite::Connection,
    clock: &Clock,
    partner: &Partner,
    date: chrono::NaiveDate,
    step: Step,
    prompt_id: Option<String>,
    draft: &Draft,
    expected: Option<&Checkin>,
) -> anyhow::Result<CheckinRecord> {
    let fields = CheckinFields {
        trust: draft.trust,
        connection: draft.connection,
        step,
        prompt_id,
        answer: draft.answer.clone(),
        appreciation: draft.appreciation.clone(),
        need: draft.need.clone(),
        note: draft.note.clone(),
    };
    let current = store::checkins::find(tx, partner.id, date)?;
    if current.as_ref().map(|c| &c.hlc) != expected.map(|c| &c.hlc) {
        let current = match current {
            Some(c) => {
                let draft = saved_draft(tx, &c)?;
                Some((c, draft))
            }
            None => None,
        };
        return Err(ChangedMeanwhile {
            partner: partner.name.clone(),
            date,
            current,
        }
        .into());
    }
    if let Some(old) = &current {
        // Replacing a check-in with what it already says writes nothing, so its stamp (which
        // decides which version an import keeps) stays as it was.
        let saved = store::feelings::for_checkin(tx, old.id)?;
        let saved_entries: Vec<FeelingEntry> = saved.iter().map(FeelingEntry::from).collect();
        if old.fields == fields && checkin::same_feelings(&saved_entries, &draft.feelings) {
            return Ok(json::checkin_record(old, &partner.name, &saved));
        }
    }
    let stamp = store::clock::stamp(tx, clock, Some(partner.id))?;
    write_checkin(tx, &stamp, partner, date, &fields, draft, current.as_ref())
}

/// Writes the check-in and its feelings with `stamp`: a new one, or in place of `current`
/// (whose version is kept as a revision).
pub fn write_checkin(
    tx: &rusqlite::Connection,
    stamp: &Stamp,
    partner: &Partner,
    date: chrono::NaiveDate,
    fields: &CheckinFields,
    draft: &Draft,
    current: Option<&Checkin>,
) -> anyhow::Result<CheckinRecord> {
    let checkin = match current {
        Some(old) => store::checkins::replace(tx, stamp, old, fields),
        None => store::checkins::insert(tx, stamp, partner.id, date, fields),
    }
    .context("saving the check-in")?;
    let mut feelings = Vec::new();
    for FeelingEntry { word, intensity } in &draft.feelings {
        feelings.push(store::feelings::insert(
            tx,
            stamp,
            &NewFeeling {
                partner_id: partner.id,
                checkin_id: Some(checkin.id),
                date,
                word,
                intensity: *intensity,
                note: None,
            },
        )?);
    }
    let mut record = json::checkin_record(&checkin, &partner.name, &feelings);
    record.edited =
        current.is_some() || store::revisions::edited(tx, RecordKind::Checkin, &checkin.uuid)?;
    Ok(record)
}

/// A value parser that takes text as it is (the command checks it in its own words, in any
/// case) and tells shell completion the values it accepts: step ids, kinds of record.
#[derive(Debug, Clone, Copy)]
pub struct Offered(pub fn() -> Vec<&'static str>);

/// The step ids, for completion.
pub fn step_ids() -> Vec<&'static str> {
    crate::domain::model::Step::ALL
        .iter()
        .map(|s| s.id())
        .collect()
}

/// The kinds in the timeline, for completion.
pub fn timeline_kinds() -> Vec<&'static str> {
    crate::domain::kind::RecordKind::TIMELINE
        .iter()
        .map(|k| k.as_str())
        .collect()
}

impl clap::builder::TypedValueParser for Offered {
    type Value = String;

    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        Ok(value.to_string_lossy().into_owned())
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            (self.0)()
                .into_iter()
                .map(clap::builder::PossibleValue::new),
        ))
    }
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

/// What a reader may see of check-ins' words: private words stay `null` (marked `private`)
/// unless `own` is their author's unlocked identity, and words sealed for `reader` become
/// `null` (marked `sealed`). Every command that shows check-in words passes its records
/// through here, so the rule is applied in one place. Returns how many were sealed.
pub fn guard_words(
    conn: &rusqlite::Connection,
    records: &mut [json::Record],
    reader: Option<i64>,
    own: Option<(i64, &crate::keys::Identity)>,
) -> anyhow::Result<usize> {
    open_private_entries(records, own)?;
    let ids: Vec<i64> = records
        .iter()
        .filter_map(|r| match r {
            json::Record::Checkin(c) => Some(c.id),
            _ => None,
        })
        .collect();
    if ids.is_empty() {
        return Ok(0);
    }
    let privacy = store::checkins::privacy(conn, &ids)?;
    let (first, last) = records.iter().fold((None, None), |(lo, hi), r| match r {
        json::Record::Checkin(c) => (
            Some(lo.map_or(c.date, |d: chrono::NaiveDate| d.min(c.date))),
            Some(hi.map_or(c.date, |d: chrono::NaiveDate| d.max(c.date))),
        ),
        _ => (lo, hi),
    });
    let (Some(first), Some(last)) = (first, last) else {
        return Ok(0);
    };
    let seal = crate::domain::private::Seal::new(
        reader,
        store::checkins::who_checked_in(conn, first, last)?,
    );
    let names = store::partners::all(conn)?;
    let mut sealed = 0;
    for record in records.iter_mut() {
        let json::Record::Checkin(c) = record else {
            continue;
        };
        let author = names.iter().find(|p| p.name == c.partner).map(|p| p.id);
        if let Some(p) = privacy.get(&c.id) {
            c.revealed_on = p.revealed_on;
            if let Some(ciphertext) = &p.private {
                c.private = true;
                // Whatever sits in the plain columns of a private check-in is not shown.
                c.answer = None;
                c.appreciation = None;
                c.need = None;
                c.note = None;
                // An empty ciphertext is a stub: the words were written on another device
                // and stay there; their author is told so.
                let theirs = own.filter(|(owner, _)| Some(*owner) == author);
                if theirs.is_some() && ciphertext.is_empty() {
                    c.elsewhere = true;
                }
                if let Some((_, identity)) = theirs
                    && !ciphertext.is_empty()
                {
                    let Some(words) = identity
                        .decrypt(ciphertext)
                        .ok()
                        .and_then(|b| crate::domain::private::PrivateWords::from_bytes(&b))
                    else {
                        unreadable_private_entry();
                        continue;
                    };
                    c.answer = words.answer;
                    c.appreciation = words.appreciation;
                    c.need = words.need;
                    c.note = words.note;
                }
            }
        }
        if let Some(author) = author
            && seal.sealed(author, c.date)
            && !c.private
        {
            c.sealed = true;
            c.sealed_for_anyone = seal.reader().is_none();
            c.answer = None;
            c.appreciation = None;
            c.need = None;
            c.note = None;
            sealed += 1;
        }
    }
    Ok(sealed)
}

/// Private notes (and feelings) stay `null` for everyone but their author reading with their
/// unlocked identity (`own`), who reads them here.
fn open_private_entries(
    records: &mut [json::Record],
    own: Option<(i64, &crate::keys::Identity)>,
) -> anyhow::Result<()> {
    let Some((owner, identity)) = own else {
        return Ok(());
    };
    for record in records.iter_mut() {
        if let json::Record::Feeling(f) = record
            && f.hidden
            && f.partner_id == owner
            && let Some(ciphertext) = &f.ciphertext
        {
            let Some(whole) = identity
                .decrypt(ciphertext)
                .ok()
                .and_then(|b| crate::domain::private::PrivateFeeling::from_bytes(&b))
            else {
                unreadable_private_entry();
                continue;
            };
            f.valence = crate::domain::feelings::valence(&whole.word);
            f.core = crate::domain::feelings::core(&whole.word);
            f.word = whole.word;
            f.intensity = whole.intensity;
            f.note = whole.note;
            f.hidden = false;
        }
        if let json::Record::Note(n) = record
            && n.private
            && n.partner_id == owner
            && let Some(ciphertext) = &n.ciphertext
        {
            let Some(words) = identity
                .decrypt(ciphertext)
                .ok()
                .and_then(|b| crate::domain::private::PrivateNote::from_bytes(&b))
            else {
                unreadable_private_entry();
                continue;
            };
            n.text = Some(words.text);
        }
    }
    Ok(())
}

/// One private entry that the author's key does not open (encrypted to another key, or
/// damaged, as an import could bring): its words stay hidden and the rest is shown; said once
/// per command on standard error.
fn unreadable_private_entry() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = std::io::Write::write_fmt(
            &mut std::io::stderr().lock(),
            format_args!("{}\n", 
            "rekindle: warning: some private words do not open with this key (they were encrypted to another key, or are damaged); they stay hidden, and everything else is shown"),
        );
    });
}

/// The reader of shared words: `--as`, else `REKINDLE_AS`, else this device's owner; `None`
/// when nobody is known (sealed words are then withheld from everyone).
pub fn reader(ctx: &Context, store: &Store) -> anyhow::Result<Option<Partner>> {
    match ctx.named_partner(store)? {
        Some(p) => Ok(Some(p)),
        None => Ok(ctx
            .device_owner(store)
            .and_then(|id| store::partners::get(store.conn(), id).ok().flatten())),
    }
}

/// The key private words are encrypted to (`--private` on `checkin`, `note` and `feel`).
/// Private words need a key only their author holds: refused when the partner has no
/// passphrase, or has one the other partner set (who may know it), until they change it.
pub fn own_key(
    conn: &rusqlite::Connection,
    partner: &Partner,
) -> anyhow::Result<store::partner_keys::PartnerKey> {
    let name = sanitize::line(&partner.name);
    let Some(key) = store::partner_keys::get(conn, partner.id)? else {
        return Err(UserError::new(format!(
            "--private: {name} has no passphrase yet, so there is no key to keep words private \
             with; set one first: rekindle partners passphrase {}",
            crate::text::prose::shell_word(&name)
        ))
        .into());
    };
    if !store::partner_keys::opened_here(conn, partner.id, &key.recipient)? {
        return Err(UserError::new(format!(
            "--private: {name}'s key came to this computer from another journal (by sync or \
             import) and has not been opened here yet, so nothing is encrypted to it until \
             {name} opens it with their passphrase, once: rekindle history --private --as {name}"
        ))
        .into());
    }
    if let Some(by) = key.set_by.filter(|by| *by != partner.id) {
        let other = store::partners::get(conn, by)?
            .map(|p| p.name)
            .unwrap_or_default();
        let other = sanitize::line(&other);
        return Err(UserError::new(format!(
            "--private: {name}'s passphrase was set by {other}, who may know it, so words kept \
             with it would not be {name}'s alone; ask {other} for it, then change it to one only \
             you know: rekindle partners passphrase {}",
            crate::text::prose::shell_word(&name)
        ))
        .into());
    }
    Ok(key)
}

/// Encrypts `plaintext` to `partner`'s own key (see [`own_key`]): what `--private` stores.
pub fn encrypt_to_own_key(
    conn: &rusqlite::Connection,
    partner: &Partner,
    plaintext: &[u8],
) -> anyhow::Result<Vec<u8>> {
    let key = own_key(conn, partner)?;
    let recipient = crate::keys::Recipient::parse(&key.recipient)?;
    Ok(crate::keys::encrypt(&[&recipient], plaintext)?)
}

/// Refuses `KIND ID` when it names a feeling that belongs to a check-in: such a feeling is
/// part of its check-in, not an entry of its own, so `edit`, `delete` and `show` point to the
/// check-in instead of saying there is no such feeling. `Ok(())` for anything else.
pub fn refuse_a_checkins_feeling(
    conn: &rusqlite::Connection,
    kind: RecordKind,
    id: i64,
    command: &str,
) -> anyhow::Result<()> {
    if kind != RecordKind::Feeling {
        return Ok(());
    }
    let Some(feeling) = store::feelings::get(conn, id)? else {
        return Ok(());
    };
    let Some(checkin) = feeling.checkin_id else {
        return Ok(());
    };
    let name = store::partners::get(conn, feeling.partner_id)?
        .map(|p| sanitize::line(&p.name).into_owned())
        .unwrap_or_else(|| "a partner".to_string());
    let what = format!(
        "feeling {id} is part of {name}'s check-in {checkin} for {}, not an entry of its own",
        in_words(feeling.date)
    );
    Err(UserError::new(match command {
        "show" => format!("{what}; it is shown with the check-in: rekindle show checkin {checkin}"),
        _ => format!(
            "{what}; to change that check-in's feelings: rekindle edit checkin {checkin} \
             --feeling WORD (repeat it for several, or --feeling none for none)"
        ),
    })
    .into())
}
