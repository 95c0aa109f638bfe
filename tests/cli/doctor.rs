//! `rekindle doctor`.

use std::os::unix::fs::PermissionsExt as _;

use crate::support::TestEnv;

#[test]
fn doctor_reports_a_healthy_private_journal() {
    let env = TestEnv::with_couple();
    let json = env.run(["doctor", "--json"]).success().json();
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["supported_version"], 1);
    assert_eq!(json["integrity"], serde_json::json!([]));
    assert_eq!(json["file_mode"], "0600");
    assert_eq!(json["dir_mode"], "0700");
    assert_eq!(json["warnings"], serde_json::json!([]));
    assert_eq!(json["counts"]["partners"], 2);
    assert_eq!(json["counts"]["focus"], 1);
    assert_eq!(json["counts"]["checkins"], 0);
    let text = env.run(["doctor"]).success().stdout.clone();
    assert!(text.contains("Integrity    ok"), "{text}");
    assert!(text.contains("2 partners"), "{text}");
}

#[test]
fn doctor_warns_when_others_can_read_the_journal() {
    let env = TestEnv::with_couple();
    let journal = env.default_journal();
    std::fs::set_permissions(&journal, std::fs::Permissions::from_mode(0o644)).unwrap();
    let run = env.run(["doctor"]);
    run.success()
        .stdout_has("can be read by other users (mode 0644)")
        .stdout_has("chmod 600");
    let json = env.run(["doctor", "--json"]).success().json();
    assert_eq!(json["file_mode"], "0644");
    // The journal and, while it is open, its -wal and -shm companions (SQLite gives them the
    // journal's mode) are all readable by others.
    let warnings = json["warnings"].as_array().unwrap();
    assert!(!warnings.is_empty());
    assert!(
        warnings
            .iter()
            .all(|w| w.as_str().unwrap().contains("mode 0644")),
        "{warnings:?}"
    );
    assert!(
        warnings[0]
            .as_str()
            .unwrap()
            .starts_with(journal.to_str().unwrap())
    );
}
