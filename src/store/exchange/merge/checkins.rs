//! Check-ins, one per partner and day, and the feelings that travel with them.

use super::*;

impl Merge<'_> {
    pub(super) fn checkins(&mut self, doc: &Document) -> Res {
        let in_file: HashSet<&str> = doc.checkins.iter().map(|c| c.uuid.as_str()).collect();
        // Feelings named in a check-in of this file travel with it: the file's set replaces
        // the journal's when the file's check-in wins, and is skipped when it loses.
        let mut keep: HashMap<&str, HashSet<&str>> = HashMap::new();
        for f in &doc.feelings {
            if let Some(c) = f.checkin_uuid.as_deref().filter(|c| in_file.contains(c)) {
                keep.entry(c).or_default().insert(f.uuid.as_str());
            }
        }
        // File check-in uuid → (local id, local partner id, whether the file's version won,
        // its date).
        let mut written: HashMap<&str, (i64, i64, bool, &str)> = HashMap::new();
        for (i, c) in doc.checkins.iter().enumerate() {
            let at = Place::new(RecordKind::Checkin, i);
            let partner =
                self.resolve(Target::Partner, &at.field("partner_uuid"), &c.partner_uuid)?;
            let existing = match self.by_uuid("checkins", &c.uuid)? {
                Some(local) => Some(local),
                // One check-in per partner per day: another uuid on the same day is the same
                // check-in written on another computer.
                None => self
                    .conn
                    .prepare_cached(
                        "SELECT id, updated_at, uuid FROM checkins WHERE partner_id = ?1 AND date = ?2",
                    )?
                    .query_row(params![partner, c.date], Local::from_row)
                    .optional()?
                    .filter(|local| !in_file.contains(local.uuid.as_str())),
            };
            let values = params![
                c.uuid,
                partner,
                c.date,
                c.trust,
                c.connection,
                c.step,
                c.prompt_id,
                c.answer,
                c.appreciation,
                c.need,
                c.note,
                c.created_at,
                c.updated_at
            ];
            let (id, verdict) = settle(
                existing,
                (&c.uuid, &c.updated_at),
                |local| {
                    self.day_is_free(&at, partner, &c.date, Some(local.id))?;
                    self.update(
                        "UPDATE checkins SET uuid = ?1, partner_id = ?2, date = ?3, trust = ?4,
                         connection = ?5, step = ?6, prompt_id = ?7, answer = ?8, appreciation = ?9,
                         need = ?10, note = ?11, created_at = ?12, updated_at = ?13 WHERE id = ?14",
                        with_id(values, &local.id),
                    )
                },
                || {
                    self.day_is_free(&at, partner, &c.date, None)?;
                    self.insert(
                        "INSERT INTO checkins (uuid, partner_id, date, trust, connection, step,
                         prompt_id, answer, appreciation, need, note, created_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                        values,
                    )
                },
            )?;
            self.checkins.insert(c.uuid.clone(), id);
            self.tally(RecordKind::Checkin, verdict);
            let won = verdict != Verdict::Skipped;
            if won {
                let wanted = keep.get(c.uuid.as_str());
                self.drop_feelings_except(id, wanted)?;
            }
            written.insert(c.uuid.as_str(), (id, partner, won, c.date.as_str()));
        }
        // The feelings, in the file's order so that local ids keep it.
        for (j, f) in doc.feelings.iter().enumerate() {
            let at = Place::new(RecordKind::Feeling, j);
            let partner =
                self.resolve(Target::Partner, &at.field("partner_uuid"), &f.partner_uuid)?;
            if let Some(&(checkin, owner, won, date)) =
                f.checkin_uuid.as_deref().and_then(|c| written.get(c))
            {
                same_as_checkin(&at, f, partner, owner, date)?;
                let verdict = match self.by_uuid("feelings", &f.uuid)? {
                    _ if !won => Verdict::Skipped,
                    None => {
                        self.write_feeling(f, partner, Some(checkin), None)?;
                        Verdict::Added
                    }
                    Some(local) if self.feeling_is(local.id, f, partner, checkin)? => {
                        Verdict::Skipped
                    }
                    Some(local) => {
                        self.write_feeling(f, partner, Some(checkin), Some(local.id))?;
                        Verdict::Updated
                    }
                };
                self.tally(RecordKind::Feeling, verdict);
                continue;
            }
            // A quick feeling, or one of a check-in that only the journal holds.
            let checkin = self.resolve_opt(
                Target::Checkin,
                &at.field("checkin_uuid"),
                f.checkin_uuid.as_deref(),
            )?;
            if let Some(checkin) = checkin {
                let (owner, date): (i64, String) = self.one(
                    "SELECT partner_id, date FROM checkins WHERE id = ?1",
                    [checkin],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?;
                same_as_checkin(&at, f, partner, owner, &date)?;
            }
            let (_, verdict) = settle(
                self.by_uuid("feelings", &f.uuid)?,
                (&f.uuid, &f.updated_at),
                |local| Ok(self.write_feeling(f, partner, checkin, Some(local.id))?),
                || {
                    self.write_feeling(f, partner, checkin, None)?;
                    Ok(self.conn.last_insert_rowid())
                },
            )?;
            self.tally(RecordKind::Feeling, verdict);
        }
        Ok(())
    }

    /// Takes out the feelings of check-in `checkin` that the file's version of it does not
    /// name: they belonged to the older version the file replaced.
    fn drop_feelings_except(&mut self, checkin: i64, keep: Option<&HashSet<&str>>) -> Res {
        let current = rows_with(
            self.conn,
            "SELECT id, uuid FROM feelings WHERE checkin_id = ?1 ORDER BY id",
            [checkin],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
        )?;
        for (id, uuid) in current {
            if !keep.is_some_and(|k| k.contains(uuid.as_str())) {
                self.exec("DELETE FROM feelings WHERE id = ?1", [id])?;
                self.counts.get_mut(RecordKind::Feeling).removed += 1;
            }
        }
        Ok(())
    }

    /// Refuses a check-in that would land on a day its partner already has another check-in
    /// for, which only a file that moved a check-in to another day can cause.
    fn day_is_free(&self, at: &Place, partner: i64, date: &str, except: Option<i64>) -> Res {
        let taken: Option<i64> = self
            .conn
            .prepare_cached("SELECT id FROM checkins WHERE partner_id = ?1 AND date = ?2")?
            .query_row(params![partner, date], |r| r.get(0))
            .optional()?;
        match taken {
            Some(id) if Some(id) != except => Err(refuse(
                at,
                format!(
                    "the journal already has another check-in by this partner on {date}, one that this file also lists under another day"
                ),
            )),
            _ => Ok(()),
        }
    }

    /// Whether the journal's feeling `id` already holds exactly what the file says.
    fn feeling_is(
        &self,
        id: i64,
        f: &FeelingRecord,
        partner: i64,
        checkin: i64,
    ) -> rusqlite::Result<bool> {
        self.conn
            .prepare_cached(
                "SELECT count(*) FROM feelings WHERE id = ?1 AND partner_id = ?2 AND checkin_id = ?3
                 AND date = ?4 AND word = ?5 AND intensity IS ?6 AND note IS ?7
                 AND created_at = ?8 AND updated_at = ?9",
            )?
            .query_row(
                params![id, partner, checkin, f.date, f.word, f.intensity, f.note, f.created_at, f.updated_at],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n == 1)
    }

    fn write_feeling(
        &self,
        f: &FeelingRecord,
        partner: i64,
        checkin: Option<i64>,
        replace: Option<i64>,
    ) -> rusqlite::Result<()> {
        let values = params![
            f.uuid,
            partner,
            checkin,
            f.date,
            f.word,
            f.intensity,
            f.note,
            f.created_at,
            f.updated_at
        ];
        match replace {
            Some(id) => self.exec(
                "UPDATE feelings SET uuid = ?1, partner_id = ?2, checkin_id = ?3, date = ?4,
                 word = ?5, intensity = ?6, note = ?7, created_at = ?8, updated_at = ?9
                 WHERE id = ?10",
                with_id(values, &id),
            )?,
            None => self.exec(
                "INSERT INTO feelings (uuid, partner_id, checkin_id, date, word, intensity, note,
                 created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                values,
            )?,
        };
        Ok(())
    }
}
