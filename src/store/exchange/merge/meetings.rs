//! Meetings, with each partner's part of one.

use super::*;

impl Merge<'_> {
    pub(super) fn meetings(&mut self, doc: &Document) -> Res {
        for (i, m) in doc.meetings.iter().enumerate() {
            let at = Place::new(RecordKind::Meeting, i);
            let mut parts = Vec::with_capacity(m.parts.len());
            let mut who = HashSet::new();
            for (j, part) in m.parts.iter().enumerate() {
                let here = |field: &str| at.field(format!("parts[{j}].{field}"));
                let partner =
                    self.resolve(Target::Partner, &here("partner_uuid"), &part.partner_uuid)?;
                if !who.insert(partner) {
                    return Err(refuse(
                        &here("partner_uuid"),
                        "a partner appears twice in one meeting",
                    ));
                }
                let promise = self.resolve_opt(
                    Target::Promise,
                    &here("promise_uuid"),
                    part.promise_uuid.as_deref(),
                )?;
                parts.push((partner, part, promise));
            }
            let values = params![
                m.uuid,
                m.date,
                m.went_well,
                m.work_on,
                m.created_at,
                m.updated_at
            ];
            let (id, verdict) = settle(
                self.by_uuid("meetings", &m.uuid)?,
                (&m.uuid, &m.updated_at),
                |local| {
                    self.update(
                        "UPDATE meetings SET date = ?2, went_well = ?3, work_on = ?4,
                         created_at = ?5, updated_at = ?6 WHERE uuid = ?1",
                        values,
                    )?;
                    self.update(
                        "DELETE FROM meeting_partners WHERE meeting_id = ?1",
                        params![local.id],
                    )
                },
                || {
                    self.insert(
                        "INSERT INTO meetings (uuid, date, went_well, work_on, created_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        values,
                    )
                },
            )?;
            if verdict != Verdict::Skipped {
                for (partner, part, promise) in parts {
                    self.exec(
                        "INSERT INTO meeting_partners (meeting_id, partner_id, appreciation, request,
                         promise_id) VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![id, partner, part.appreciation, part.request, promise],
                    )?;
                }
            }
            self.tally(RecordKind::Meeting, verdict);
        }
        Ok(())
    }
}
