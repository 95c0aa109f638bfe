//! `rekindle backup`: a consistent, private copy, even while the journal is being written.

use crate::sample;
use crate::support::{TestEnv, bytes, dump, mode};

fn with_sample() -> TestEnv {
    let env = TestEnv::new();
    let file = env.root().join("sample.json");
    sample::write(&file, &sample::journal());
    env.run(["import", file.to_str().unwrap()]).success();
    env
}

#[test]
fn a_backup_is_a_private_complete_journal() {
    let env = with_sample();
    let backup = env.root().join("backups-are-here.db");
    let run = env.run(["backup", backup.to_str().unwrap()]);
    run.success()
        .stdout_has("Backed up your journal to")
        .stdout_has("on Saturday 21 November 2026")
        .stdout_has("3 check-ins");
    assert_eq!(mode(&backup), 0o600);
    let doctor = env
        .run(["--journal", backup.to_str().unwrap(), "doctor", "--json"])
        .success()
        .json();
    assert_eq!(doctor["integrity"], serde_json::json!([]));
    assert_eq!(doctor["counts"]["checkins"], 3);
    let original = env.run(["export"]).success().json();
    let copied = env
        .run(["--journal", backup.to_str().unwrap(), "export"])
        .success()
        .json();
    assert_eq!(
        sample::without_stamp(copied),
        sample::without_stamp(original)
    );
    // Self-contained: nothing beside it but the copy itself.
    let beside: Vec<String> = std::fs::read_dir(env.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("backups-are-here") || n.starts_with('.'))
        .collect();
    assert_eq!(beside, ["backups-are-here.db"]);
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let env = with_sample();
    let backup = env.root().join("backup.db");
    std::fs::write(&backup, "precious").unwrap();
    env.run(["backup", backup.to_str().unwrap()])
        .refused()
        .stderr_has("already exists; pass --force");
    assert_eq!(bytes(&backup), b"precious");
    let json = env
        .run(["backup", backup.to_str().unwrap(), "--force", "--json"])
        .success()
        .json();
    assert_eq!(json["integrity"], "ok");
    assert_eq!(json["counts"]["checkins"], 3);
    assert!(bytes(&backup).starts_with(b"SQLite format 3\0"));
    assert_eq!(mode(&backup), 0o600);
}

#[test]
fn the_journal_is_never_its_own_backup() {
    let env = with_sample();
    let journal = env.default_journal();
    let before = dump(&journal);
    env.run(["backup", journal.to_str().unwrap(), "--force"])
        .refused()
        .stderr_has("is part of your journal itself");
    assert_eq!(dump(&journal), before);
    let empty = TestEnv::new();
    empty
        .run(["backup", empty.root().join("b.db").to_str().unwrap()])
        .code(1)
        .stderr_has("rekindle init");
}

/// An export adding `per_file` check-ins (and a feeling with each) on days no other batch uses.
fn batch(number: usize, per_file: usize) -> serde_json::Value {
    let mut file = sample::journal();
    let mut checkins = Vec::new();
    let mut feelings = Vec::new();
    for i in 0..per_file {
        let partner = if i % 2 == 0 {
            sample::SAM
        } else {
            sample::ALEX
        };
        let days_back = 30 + number * per_file + i / 2;
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
            - chrono::Duration::days(days_back as i64);
        let uuid = format!("{:08x}-0000-4000-8000-{:012x}", number + 1, i);
        checkins.push(serde_json::json!({
            "uuid": uuid, "partner_uuid": partner, "date": date.to_string(), "trust": 1 + (i % 10),
            "step": "consistency", "answer": "x".repeat(200),
            "created_at": sample::at(21, 1), "updated_at": sample::at(21, 1)
        }));
        feelings.push(serde_json::json!({
            "uuid": format!("{:08x}-1111-4000-8000-{:012x}", number + 1, i), "partner_uuid": partner,
            "checkin_uuid": uuid, "date": date.to_string(), "word": "steady", "intensity": 3,
            "created_at": sample::at(21, 1), "updated_at": sample::at(21, 1)
        }));
    }
    file["checkins"] = checkins.into();
    file["feelings"] = feelings.into();
    for kind in [
        "promises",
        "outcomes",
        "apologies",
        "responses",
        "focus",
        "meetings",
    ] {
        file[kind] = serde_json::json!([]);
    }
    file
}

#[test]
fn a_backup_taken_while_another_process_writes_is_consistent() {
    let env = with_sample();
    const BATCHES: usize = 12;
    const PER_FILE: usize = 60;
    let files: Vec<std::path::PathBuf> = (0..BATCHES)
        .map(|n| {
            let path = env.root().join(format!("batch-{n}.json"));
            sample::write(&path, &batch(n, PER_FILE));
            path
        })
        .collect();
    let writing = std::sync::atomic::AtomicBool::new(true);
    let mut seen = Vec::new();
    std::thread::scope(|scope| {
        scope.spawn(|| {
            for file in &files {
                env.run(["import", file.to_str().unwrap()]).success();
            }
            writing.store(false, std::sync::atomic::Ordering::SeqCst);
        });
        let mut n = 0;
        while writing.load(std::sync::atomic::Ordering::SeqCst) || n == 0 {
            let backup = env.root().join(format!("during-{n}.db"));
            env.run(["backup", backup.to_str().unwrap()]).success();
            let conn = rusqlite::Connection::open(&backup).unwrap();
            let check: String = conn
                .query_row("PRAGMA integrity_check", [], |r| r.get(0))
                .unwrap();
            assert_eq!(check, "ok", "backup {n}");
            let checkins: i64 = conn
                .query_row("SELECT count(*) FROM checkins", [], |r| r.get(0))
                .unwrap();
            let feelings: i64 = conn
                .query_row("SELECT count(*) FROM feelings", [], |r| r.get(0))
                .unwrap();
            // Each import is one transaction: a backup holds whole batches only.
            assert_eq!(
                (checkins - 3) % PER_FILE as i64,
                0,
                "backup {n} has {checkins} check-ins"
            );
            assert_eq!(feelings - 3, checkins - 3, "backup {n}");
            seen.push(checkins);
            n += 1;
        }
    });
    let last = env.root().join("after.db");
    env.run(["backup", last.to_str().unwrap()]).success();
    env.run(["--journal", last.to_str().unwrap(), "doctor"])
        .success()
        .stdout_has("Integrity    ok");
    let doctor = env
        .run(["--journal", last.to_str().unwrap(), "doctor", "--json"])
        .success()
        .json();
    assert_eq!(doctor["counts"]["checkins"], 3 + BATCHES * PER_FILE);
    eprintln!("check-ins seen by backups taken during the writes: {seen:?}");
}
