//! Promises and their outcomes, one outcome per promise and day.

use super::*;

impl Merge<'_> {
    pub(super) fn promises(&mut self, doc: &Document) -> Res {
        for (i, p) in doc.promises.iter().enumerate() {
            let at = Place::new(RecordKind::Promise, i);
            let by = self.resolve(Target::Partner, &at.field("by_uuid"), &p.by_uuid)?;
            let to =
                self.resolve_opt(Target::Partner, &at.field("to_uuid"), p.to_uuid.as_deref())?;
            let values = params![
                p.uuid,
                by,
                to,
                p.date,
                p.text,
                p.due,
                p.every,
                p.status,
                p.closed_on,
                p.created_at,
                p.updated_at
            ];
            let (id, verdict) = settle(
                self.by_uuid("promises", &p.uuid)?,
                (&p.uuid, &p.updated_at),
                |_| {
                    self.update(
                        "UPDATE promises SET uuid = ?1, by_id = ?2, to_id = ?3, date = ?4, text = ?5,
                         due = ?6, every = ?7, status = ?8, closed_on = ?9, created_at = ?10,
                         updated_at = ?11 WHERE uuid = ?1",
                        values,
                    )
                },
                || {
                    self.insert(
                        "INSERT INTO promises (uuid, by_id, to_id, date, text, due, every, status,
                         closed_on, created_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                        values,
                    )
                },
            )?;
            self.promises.insert(p.uuid.clone(), id);
            self.tally(RecordKind::Promise, verdict);
        }
        Ok(())
    }

    pub(super) fn outcomes(&mut self, doc: &Document) -> Res {
        let in_file: HashSet<&str> = doc.outcomes.iter().map(|o| o.uuid.as_str()).collect();
        for (i, o) in doc.outcomes.iter().enumerate() {
            let at = Place::new(RecordKind::Outcome, i);
            let promise =
                self.resolve(Target::Promise, &at.field("promise_uuid"), &o.promise_uuid)?;
            let by = self.resolve(
                Target::Partner,
                &at.field("recorded_by_uuid"),
                &o.recorded_by_uuid,
            )?;
            let existing = match self.by_uuid("outcomes", &o.uuid)? {
                Some(local) => Some(local),
                // One outcome per promise per day, as for check-ins.
                None => self
                    .conn
                    .prepare_cached(
                        "SELECT id, updated_at, uuid FROM outcomes WHERE promise_id = ?1 AND date = ?2",
                    )?
                    .query_row(params![promise, o.date], Local::from_row)
                    .optional()?
                    .filter(|local| !in_file.contains(local.uuid.as_str())),
            };
            let taken: Option<i64> = self
                .conn
                .prepare_cached("SELECT id FROM outcomes WHERE promise_id = ?1 AND date = ?2")?
                .query_row(params![promise, o.date], |r| r.get(0))
                .optional()?;
            let values = params![
                o.uuid,
                promise,
                o.date,
                o.result,
                o.note,
                by,
                o.created_at,
                o.updated_at
            ];
            let (_, verdict) = settle(
                existing,
                (&o.uuid, &o.updated_at),
                |local| {
                    if taken.is_some_and(|t| t != local.id) {
                        return Err(clash(&at, &o.date));
                    }
                    self.update(
                        "UPDATE outcomes SET uuid = ?1, promise_id = ?2, date = ?3, result = ?4,
                         note = ?5, recorded_by = ?6, created_at = ?7, updated_at = ?8 WHERE id = ?9",
                        with_id(values, &local.id),
                    )
                },
                || {
                    if taken.is_some() {
                        return Err(clash(&at, &o.date));
                    }
                    self.insert(
                        "INSERT INTO outcomes (uuid, promise_id, date, result, note, recorded_by,
                         created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        values,
                    )
                },
            )?;
            self.tally(RecordKind::Outcome, verdict);
        }
        Ok(())
    }
}
