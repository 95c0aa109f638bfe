//! Who may change a record. Every change to an existing record (an edit, a delete, a
//! withdrawal, an undo) asks [`may_change`], and nothing else decides it, so the passphrases
//! of version 2 (a partner with one must prove it to act in their name) extend this one
//! function. For now the acting partner named with `--as` is trusted: that is trust, not
//! proof, and the README says so.

use crate::domain::error::UserError;
use crate::domain::kind::RecordKind;
use crate::domain::model::Partner;

/// Whether acting in `subject`'s name needs `subject`'s passphrase. It does whenever they
/// have one: every write in their name (a check-in, an answer to an apology made to them, an
/// edit, delete or undo of their records, their role, name or passphrase) and every read of
/// their private words. The one exception is a device that belongs to them (issue 17: their
/// own computer account already protects it): `device_owner` is the partner recorded by `sync
/// init --as` or `sync join --as`, `None` on a journal that does not sync. A
/// partner without a passphrase is trusted by name: that is trust, not proof.
pub fn needs_passphrase(
    subject: &Partner,
    has_passphrase: bool,
    device_owner: Option<i64>,
) -> bool {
    has_passphrase && device_owner != Some(subject.id)
}

/// What a record is, for deciding who may change it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    pub kind: RecordKind,
    pub id: i64,
    /// Whose record it is: who checked in, felt, promised, recorded an outcome, apologised,
    /// answered, or moved the focus. `None` for what belongs to both (a meeting) or to
    /// nobody (the focus a journal starts with).
    pub author: Option<i64>,
    /// The author's name, for saying whose it is.
    pub author_name: Option<String>,
}

/// The kinds of change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Edit,
    Delete,
    Withdraw,
    Undo,
}

impl Change {
    fn verb(self) -> &'static str {
        match self {
            Change::Edit => "edit",
            Change::Delete => "delete",
            Change::Withdraw => "withdraw",
            Change::Undo => "undo",
        }
    }
}

/// Whether `actor` may make `change` to `record`: you change only what you wrote (a meeting,
/// which belongs to both of you, either of you).
pub fn may_change(actor: &Partner, record: &Facts, change: Change) -> Result<(), UserError> {
    match (record.author, &record.author_name) {
        (Some(author), Some(name)) if author != actor.id => Err(UserError::new(format!(
            "{} {} is {name}'s; only {name} can {} it",
            record.kind.label().0,
            record.id,
            change.verb()
        ))),
        (Some(author), None) if author != actor.id => Err(UserError::new(format!(
            "{} {} is the other partner's; only they can {} it",
            record.kind.label().0,
            record.id,
            change.verb()
        ))),
        _ => Ok(()),
    }
}

/// What the other partner wrote that hangs on a record, which then cannot be deleted
/// (their words would go with it) but can be cancelled or withdrawn, visibly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hanging {
    /// Outcomes of a promise that the other partner recorded.
    Outcomes { by: String },
    /// Answers to an apology.
    Answers { by: String },
    /// The other partner's words in a meeting.
    Words { by: String },
}

/// Refuses to delete a record the other partner's records hang on, and says what can be
/// done instead.
pub fn may_delete(record: &Facts, hanging: Option<&Hanging>) -> Result<(), UserError> {
    let id = record.id;
    let Some(hanging) = hanging else {
        return Ok(());
    };
    Err(UserError::new(match hanging {
        Hanging::Outcomes { by } => format!(
            "promise {id} has outcomes {by} recorded, so it cannot be deleted (they would go with it); it can be cancelled instead: rekindle promise cancel {id}"
        ),
        Hanging::Answers { by } => format!(
            "apology {id} has {by}'s answer, so it cannot be deleted (the answer would go with it); it can be withdrawn instead, visibly: rekindle apology withdraw {id}"
        ),
        Hanging::Words { by } => format!(
            "meeting {id} holds {by}'s words too, so it cannot be deleted; edit your own part instead: rekindle edit meeting {id} --appreciation \"\" --request \"\""
        ),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::tests::sam_and_alex;

    fn facts(author: Option<i64>) -> Facts {
        Facts {
            kind: RecordKind::Checkin,
            id: 4,
            author,
            author_name: author.map(|a| if a == 1 { "Sam" } else { "Alex" }.to_string()),
        }
    }

    #[test]
    fn only_the_author_changes_a_record_and_either_a_shared_one() {
        let both = sam_and_alex();
        let (sam, alex) = (&both[0], &both[1]);
        assert!(may_change(sam, &facts(Some(1)), Change::Edit).is_ok());
        let err = may_change(alex, &facts(Some(1)), Change::Delete).unwrap_err();
        assert_eq!(
            err.to_string(),
            "check-in 4 is Sam's; only Sam can delete it"
        );
        assert!(may_change(alex, &facts(None), Change::Edit).is_ok());
    }

    #[test]
    fn a_passphrase_is_needed_in_the_name_of_whoever_has_one_except_on_their_device() {
        let both = sam_and_alex();
        let sam = &both[0];
        assert!(needs_passphrase(sam, true, None));
        assert!(needs_passphrase(sam, true, Some(both[1].id)));
        assert!(!needs_passphrase(sam, true, Some(sam.id)));
        assert!(!needs_passphrase(sam, false, None));
    }

    #[test]
    fn what_hangs_on_a_record_says_what_to_do_instead() {
        let promise = Facts {
            kind: RecordKind::Promise,
            ..facts(Some(1))
        };
        let err = may_delete(&promise, Some(&Hanging::Outcomes { by: "Alex".into() })).unwrap_err();
        assert!(
            err.to_string().contains("rekindle promise cancel 4"),
            "{err}"
        );
        assert!(may_delete(&promise, None).is_ok());
    }
}
