//! Apologies and the answers to them.

use super::*;

impl Merge<'_> {
    pub(super) fn apologies(&mut self, doc: &Document) -> Res {
        for (i, a) in doc.apologies.iter().enumerate() {
            let at = Place::new(RecordKind::Apology, i);
            let by = self.resolve(Target::Partner, &at.field("by_uuid"), &a.by_uuid)?;
            let to = self.resolve(Target::Partner, &at.field("to_uuid"), &a.to_uuid)?;
            if by == to {
                return Err(refuse(
                    &at.field("to_uuid"),
                    "an apology goes to the other partner, not to the one who wrote it",
                ));
            }
            let promise = self.resolve_opt(
                Target::Promise,
                &at.field("promise_uuid"),
                a.promise_uuid.as_deref(),
            )?;
            let values = params![
                a.uuid,
                by,
                to,
                a.date,
                a.what,
                a.impact,
                a.responsibility,
                a.change,
                promise,
                a.created_at,
                a.updated_at
            ];
            let (id, verdict) = settle(
                self.by_uuid("apologies", &a.uuid)?,
                (&a.uuid, &a.updated_at),
                |_| {
                    self.update(
                        "UPDATE apologies SET by_id = ?2, to_id = ?3, date = ?4, what = ?5,
                         impact = ?6, responsibility = ?7, change = ?8, promise_id = ?9,
                         created_at = ?10, updated_at = ?11 WHERE uuid = ?1",
                        values,
                    )
                },
                || {
                    self.insert(
                        "INSERT INTO apologies (uuid, by_id, to_id, date, what, impact,
                         responsibility, change, promise_id, created_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                        values,
                    )
                },
            )?;
            self.apologies.insert(a.uuid.clone(), id);
            self.tally(RecordKind::Apology, verdict);
        }
        Ok(())
    }

    pub(super) fn responses(&mut self, doc: &Document) -> Res {
        for (i, r) in doc.responses.iter().enumerate() {
            let at = Place::new(RecordKind::Response, i);
            let apology =
                self.resolve(Target::Apology, &at.field("apology_uuid"), &r.apology_uuid)?;
            let by = self.resolve(Target::Partner, &at.field("by_uuid"), &r.by_uuid)?;
            let author: i64 = self.one(
                "SELECT by_id FROM apologies WHERE id = ?1",
                [apology],
                |row| row.get(0),
            )?;
            if author == by {
                return Err(refuse(
                    &at.field("by_uuid"),
                    "an apology is answered by the partner it was written to, not by its author",
                ));
            }
            let values = params![
                r.uuid,
                apology,
                by,
                r.date,
                r.status,
                r.note,
                r.created_at,
                r.updated_at
            ];
            let (_, verdict) = settle(
                self.by_uuid("responses", &r.uuid)?,
                (&r.uuid, &r.updated_at),
                |_| {
                    self.update(
                        "UPDATE responses SET apology_id = ?2, by_id = ?3, date = ?4, status = ?5,
                         note = ?6, created_at = ?7, updated_at = ?8 WHERE uuid = ?1",
                        values,
                    )
                },
                || {
                    self.insert(
                        "INSERT INTO responses (uuid, apology_id, by_id, date, status, note,
                         created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        values,
                    )
                },
            )?;
            self.tally(RecordKind::Response, verdict);
        }
        Ok(())
    }
}
