//! The partners, matched by uuid or, failing that, by name; and the focus changes, one per
//! step and day.

use super::*;

impl Merge<'_> {
    pub(super) fn partners(&mut self, doc: &Document) -> Res {
        let in_file: HashSet<&str> = doc.partners.iter().map(|p| p.uuid.as_str()).collect();
        let before: Vec<String> = rows(self.conn, "SELECT name FROM partners ORDER BY id", |r| {
            r.get(0)
        })?;
        let mut first_added = None;
        for (i, p) in doc.partners.iter().enumerate() {
            let existing = match self.by_uuid("partners", &p.uuid)? {
                Some(local) => Some(local),
                // Two computers that each ran `init` know the same person by two uuids.
                None => self.partner_named(&p.name, &in_file)?,
            };
            let (id, verdict) = match existing {
                Some(local) if local.uuid != p.uuid && local.loses_to(&p.uuid, &p.updated_at) => {
                    // Matched by name: each journal's `init` set the roles on its own, so the
                    // journal keeps its partner's name and role. It takes the file's uuid and
                    // stamps, so the two journals know this partner as one from now on.
                    self.exec(
                        "UPDATE partners SET uuid = ?2, created_at = ?3, updated_at = ?4
                         WHERE id = ?1",
                        params![local.id, p.uuid, p.created_at, p.updated_at],
                    )?;
                    (local.id, Verdict::Updated)
                }
                Some(local) if local.loses_to(&p.uuid, &p.updated_at) => {
                    // The same person, changed later on the other computer. A real rename
                    // travels; a name that differs only in case keeps this journal's spelling.
                    let ours: String =
                        self.one("SELECT name FROM partners WHERE id = ?1", [local.id], |r| {
                            r.get(0)
                        })?;
                    let name = if same_name(&ours, &p.name) {
                        ours.as_str()
                    } else {
                        p.name.as_str()
                    };
                    self.exec(
                        "UPDATE partners SET uuid = ?2, name = ?3, role = ?4, created_at = ?5,
                         updated_at = ?6 WHERE id = ?1",
                        params![local.id, p.uuid, name, p.role, p.created_at, p.updated_at],
                    )?;
                    (local.id, Verdict::Updated)
                }
                Some(local) => (local.id, Verdict::Skipped),
                None => {
                    self.exec(
                        "INSERT INTO partners (uuid, name, role, created_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![p.uuid, p.name, p.role, p.created_at, p.updated_at],
                    )?;
                    first_added.get_or_insert(i);
                    (self.conn.last_insert_rowid(), Verdict::Added)
                }
            };
            self.partners.insert(p.uuid.clone(), id);
            self.tally(RecordKind::Partner, verdict);
        }
        let names: Vec<String> = rows(self.conn, "SELECT name FROM partners ORDER BY id", |r| {
            r.get(0)
        })?;
        if let (true, Some(i)) = (names.len() > 2, first_added) {
            return Err(refuse(
                &Place::new(RecordKind::Partner, i),
                format!(
                    "\"{}\" would be a third partner in a journal kept by {}; a partner is matched by uuid or by name",
                    doc.partners[i].name,
                    and_list(&before)
                ),
            ));
        }
        if let [a, b] = names.as_slice()
            && same_name(a, b)
        {
            let i = doc
                .partners
                .iter()
                .position(|p| same_name(&p.name, a))
                .unwrap_or(0);
            return Err(refuse(
                &Place::new(RecordKind::Partner, i).field("name"),
                format!("both partners would be called \"{b}\""),
            ));
        }
        Ok(())
    }

    /// A journal partner with this name whose uuid the file does not also list.
    fn partner_named(
        &self,
        name: &str,
        in_file: &HashSet<&str>,
    ) -> rusqlite::Result<Option<Local>> {
        let all = rows(
            self.conn,
            "SELECT id, updated_at, uuid, name FROM partners ORDER BY id",
            |r| Ok((Local::from_row(r)?, r.get::<_, String>(3)?)),
        )?;
        Ok(all
            .into_iter()
            .find(|(local, local_name)| {
                same_name(local_name, name) && !in_file.contains(local.uuid.as_str())
            })
            .map(|(local, _)| local))
    }

    pub(super) fn focus(&mut self, doc: &Document) -> Res {
        let in_file: HashSet<&str> = doc.focus.iter().map(|f| f.uuid.as_str()).collect();
        // The file's first focus change, when it is on step 1 and made by nobody, is the one
        // its journal's `init` wrote. A journal that already has a focus keeps it: that
        // automatic start is left out rather than sending the focus back to step 1.
        let has_focus: bool = self.one("SELECT EXISTS (SELECT 1 FROM focus_changes)", [], |r| {
            r.get(0)
        })?;
        let automatic_start = doc
            .focus
            .iter()
            .enumerate()
            .min_by(|(_, a), (_, b)| (&a.date, &a.created_at).cmp(&(&b.date, &b.created_at)))
            .filter(|(_, f)| f.partner_uuid.is_none() && f.step == Step::Responsibility.id())
            .map(|(i, _)| i)
            .filter(|_| has_focus);
        for (i, f) in doc.focus.iter().enumerate() {
            let at = Place::new(RecordKind::Focus, i);
            let partner = self.resolve_opt(
                Target::Partner,
                &at.field("partner_uuid"),
                f.partner_uuid.as_deref(),
            )?;
            let existing = match self.by_uuid("focus_changes", &f.uuid)? {
                Some(local) => Some(local),
                None if automatic_start == Some(i) => {
                    self.tally(RecordKind::Focus, Verdict::Skipped);
                    continue;
                }
                // Both computers ran `init` the same day: one focus change, not two.
                None => rows_with(
                    self.conn,
                    "SELECT id, updated_at, uuid FROM focus_changes WHERE date = ?1 AND step = ?2
                     ORDER BY id",
                    params![f.date, f.step],
                    Local::from_row,
                )?
                .into_iter()
                .find(|local| !in_file.contains(local.uuid.as_str())),
            };
            let values = params![f.uuid, f.step, f.date, partner, f.created_at, f.updated_at];
            let (_, verdict) = settle(
                existing,
                (&f.uuid, &f.updated_at),
                |local| {
                    self.update(
                        "UPDATE focus_changes SET uuid = ?1, step = ?2, date = ?3, partner_id = ?4,
                         created_at = ?5, updated_at = ?6 WHERE id = ?7",
                        with_id(values, &local.id),
                    )
                },
                || {
                    self.insert(
                        "INSERT INTO focus_changes (uuid, step, date, partner_id, created_at,
                         updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        values,
                    )
                },
            )?;
            self.tally(RecordKind::Focus, verdict);
        }
        Ok(())
    }
}
