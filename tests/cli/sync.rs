//! Two devices (issue 17): journals in separate homes kept in step through a folder, with the
//! folder's files copied between them in any order, late, twice, or half-way; damaged,
//! truncated and foreign batches; a folder that is missing when a change is written; nothing
//! readable in the folder; a clock a year ahead; a copied journal; a real git remote.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::TestEnv;

/// A folder outside both homes, as a synced folder would be.
fn folder() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

/// `sync init DIR` on `env` as `who`; the pairing code it showed.
fn init(env: &TestEnv, dir: &Path, who: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "sync".to_string(),
        "init".into(),
        s(dir),
        "--as".into(),
        who.into(),
        "--json".into(),
    ];
    args.extend(extra.iter().map(|a| a.to_string()));
    let json = env.run(args).success().json();
    json["pairing_code"]
        .as_str()
        .expect("a pairing code")
        .to_string()
}

fn join(env: &TestEnv, dir: &Path, who: &str, code: &str) {
    let mut cmd = env.command(["sync", "join", &s(dir), "--as", who]);
    if std::env::var_os(crate::support::ENCRYPTED_RUN).is_some() {
        // The encrypted run gives both partners one passphrase, which arrives with the
        // batches: joining as either of them proves it.
        let pass = crate::two_people::pass_file(env, "join", "the same long passphrase for both");
        cmd.env("REKINDLE_PASSPHRASE_FILE", pass);
    }
    let mut child = cmd
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write as _;
    let _ = child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{code}\n").as_bytes());
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "sync join failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The export with what differs between two journals holding the same records taken out:
/// the moment of the export and the order of each list (local ids).
fn shared(env: &TestEnv) -> Value {
    let mut doc = env.run(["export"]).success().json();
    let object = doc.as_object_mut().expect("an object");
    object.remove("exported_at");
    for (_, list) in object.iter_mut() {
        if let Some(items) = list.as_array_mut() {
            items.sort_by_key(|v| v.to_string());
        }
    }
    doc
}

/// Every file under `dir`.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                todo.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// A small deterministic random source, so a failing case can be replayed by its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

#[test]
fn a_change_made_on_one_computer_reaches_the_other_and_nothing_in_the_folder_is_readable() {
    let dir = folder();
    let sam = TestEnv::with_couple();
    sam.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "6",
        "--note",
        "Riverwalk after the storm",
    ])
    .success();
    let code = init(&sam, dir.path(), "Sam", &[]);
    assert!(code.starts_with("R1-"));
    let alex = TestEnv::new();
    join(&alex, dir.path(), "Alex", &code);
    // The second computer's journal was made from the folder, and writes as Alex by default.
    alex.run([
        "checkin",
        "--trust",
        "4",
        "--note",
        "Lanterns on the balcony",
    ])
    .success()
    .stdout_has("Saved Alex's check-in");
    sam.run(["sync"]).success().stdout_has("Applied 1 batch");
    assert_eq!(shared(&sam), shared(&alex));
    alex.run(["history", "--as", "Sam"])
        .success()
        .stdout_has("Riverwalk after the storm");
    sam.run(["history", "--as", "Alex"])
        .success()
        .stdout_has("Lanterns on the balcony");
    // Neither the words, the names, nor the pairing code are in the folder's bytes.
    let all: Vec<u8> = files(dir.path())
        .iter()
        .flat_map(|p| std::fs::read(p).unwrap())
        .collect();
    for needle in [
        "Riverwalk",
        "storm",
        "Lanterns",
        "balcony",
        "Alex",
        "repairing",
        &code[3..],
    ] {
        assert!(
            !all.windows(needle.len()).any(|w| w == needle.as_bytes()),
            "{needle:?} is readable in the folder"
        );
    }
    // Each device wrote only under its own folder, in numbered batches.
    let names: Vec<String> = files(dir.path())
        .iter()
        .map(|p| p.strip_prefix(dir.path()).unwrap().display().to_string())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.contains(&"rekindle-sync.json".to_string()));
    assert_eq!(
        names
            .iter()
            .filter(|n| n.ends_with("/00000001.batch"))
            .count(),
        2
    );
    let status = sam.run(["sync", "status", "--json"]).success().json();
    assert_eq!(status["owner"], "Sam");
    assert_eq!(status["unsent"], false);
    assert_eq!(status["devices"][0]["owner"], "Alex");
    assert_eq!(status["devices"][0]["applied"], 1);
}

#[test]
fn a_wrong_or_missing_pairing_code_is_refused_and_makes_no_journal() {
    let dir = folder();
    let sam = TestEnv::with_couple();
    let code = init(&sam, dir.path(), "Sam", &[]);
    let alex = TestEnv::new();
    let other = format!(
        "{}{}",
        &code[..4],
        if &code[4..5] == "Z" { "0" } else { "Z" }
    );
    let mistyped = format!("{other}{}", &code[5..]);
    alex.run_with_stdin(
        ["sync", "join", &s(dir.path()), "--as", "Alex"],
        &format!("{mistyped}\n"),
    )
    .refused()
    .stderr_has("typing mistake");
    alex.run_with_stdin(["sync", "join", &s(dir.path()), "--as", "Alex"], "")
        .refused()
        .stderr_has("standard input");
    // A well-formed code of another couple opens nothing here.
    let elsewhere = folder();
    let stranger = TestEnv::with_couple();
    let their_code = init(&stranger, elsewhere.path(), "Sam", &[]);
    alex.run_with_stdin(
        ["sync", "join", &s(dir.path()), "--as", "Alex"],
        &format!("{their_code}\n"),
    )
    .refused()
    .stderr_has("no batch");
    alex.run_with_stdin(["sync", "join", &s(dir.path())], &format!("{code}\n"))
        .refused()
        .stderr_has("--as");
    alex.run_with_stdin(
        ["sync", "join", &s(dir.path()), "--as", "Robin"],
        &format!("{code}\n"),
    )
    .refused()
    .stderr_has("Robin");
    assert!(!alex.default_journal().exists());
    alex.run(["sync"]).stderr_has("no journal");
}

#[test]
fn damaged_truncated_and_foreign_batches_are_never_applied() {
    let dir = folder();
    let view = folder(); // what the second computer's copy of the folder holds so far
    let sam = TestEnv::with_couple();
    let code = init(&sam, dir.path(), "Sam", &[]);
    copy_all(dir.path(), view.path());
    let alex = TestEnv::new();
    join(&alex, view.path(), "Alex", &code);
    let sams = device_of(&sam);
    sam.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "7",
        "--note",
        "second day",
    ])
    .success();
    let batch = dir.path().join(&sams).join("00000002.batch");
    let bytes = std::fs::read(&batch).unwrap();
    let into = view.path().join(&sams).join("00000002.batch");
    let before = shared(&alex);

    // Half-copied: waits, and is read once whole.
    std::fs::write(&into, &bytes[..bytes.len() / 2]).unwrap();
    let out = alex.run(["sync", "--json"]).success().json();
    assert_eq!(out["arriving"], 1);
    assert_eq!(out["applied"].as_array().unwrap().len(), 0);
    assert_eq!(shared(&alex), before);

    // One byte changed: reported as damaged, not applied, and said again by status.
    let mut damaged = bytes.clone();
    let last = damaged.len() - 1;
    damaged[last] ^= 0x20;
    std::fs::write(&into, &damaged).unwrap();
    let out = alex.run(["sync", "--json"]).success().json();
    assert_eq!(out["not_applied"][0]["status"], "damaged");
    assert_eq!(shared(&alex), before);
    alex.run(["sync", "status"])
        .success()
        .stdout_has("Batch 2 not applied (damaged)");

    // A file of another kind, and a batch of another couple, under batch names.
    std::fs::write(
        view.path().join(&sams).join("00000003.batch"),
        b"hello there",
    )
    .unwrap();
    let elsewhere = folder();
    let stranger = TestEnv::with_couple();
    init(&stranger, elsewhere.path(), "Sam", &[]);
    copy_all(elsewhere.path(), view.path());
    let out = alex.run(["sync", "--json"]).success().json();
    let statuses: Vec<&str> = out["not_applied"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["status"].as_str().unwrap())
        .collect();
    assert!(statuses.contains(&"damaged"), "{statuses:?}");
    assert!(statuses.contains(&"foreign"), "{statuses:?}");
    assert!(statuses.contains(&"other-key"), "{statuses:?}");
    assert_eq!(shared(&alex), before);

    // The whole batch arrives: applied, and the two journals agree.
    std::fs::write(&into, &bytes).unwrap();
    alex.run(["sync"]).success().stdout_has("Applied 1 batch");
    assert_eq!(shared(&alex), shared(&sam));
}

#[test]
fn a_batch_signed_by_another_device_in_a_members_name_is_foreign() {
    let dir = folder();
    let sam = TestEnv::with_couple();
    let code = init(&sam, dir.path(), "Sam", &[]);
    let alex = TestEnv::new();
    join(&alex, dir.path(), "Alex", &code);
    // A third journal with the code (one that has left, say) writes a batch and puts it in
    // Sam's folder under Sam's next number, header and all rewritten to Sam's device.
    let view = folder();
    copy_all(dir.path(), view.path());
    let mallory = TestEnv::new();
    join(&mallory, view.path(), "Sam", &code);
    mallory
        .run([
            "checkin",
            "--as",
            "Alex",
            "--trust",
            "1",
            "--note",
            "not Sam's words",
        ])
        .success();
    let theirs = device_of(&mallory);
    let sams = device_of(&sam);
    let written = files(&view.path().join(&theirs));
    let mut forged = std::fs::read(written.last().expect("a batch of theirs")).unwrap();
    let sam_id: Vec<u8> = (0..8)
        .map(|i| u8::from_str_radix(&sams[2 * i..2 * i + 2], 16).unwrap())
        .collect();
    forged[28..36].copy_from_slice(&sam_id);
    forged[36..44].copy_from_slice(&9u64.to_be_bytes());
    std::fs::write(dir.path().join(&sams).join("00000009.batch"), &forged).unwrap();
    let out = alex.run(["sync", "--json"]).success().json();
    assert_eq!(out["not_applied"][0]["status"], "foreign", "{out}");
    alex.run(["history", "--as", "Sam"]).success();
    assert!(
        !alex
            .run(["history", "--as", "Sam"])
            .stdout
            .contains("not Sam's words")
    );
}

#[test]
fn a_missing_folder_never_stops_a_change_which_waits_and_goes_later() {
    let dir = folder();
    let sam = TestEnv::with_couple();
    let code = init(&sam, dir.path(), "Sam", &[]);
    let alex = TestEnv::new();
    join(&alex, dir.path(), "Alex", &code);
    let away = dir.path().with_extension("away");
    std::fs::rename(dir.path(), &away).unwrap();
    sam.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "5",
        "--note",
        "written offline",
    ])
    .success()
    .stdout_has("Saved Sam's check-in")
    .stderr_has("waits to be synced");
    let status = sam.run(["sync", "status", "--json"]).success().json();
    assert_eq!(status["unsent"], true);
    assert!(
        status["waiting"].as_str().unwrap().contains("missing"),
        "{status}"
    );
    sam.run(["sync", "status"])
        .success()
        .stdout_has("Changes made here wait to be sent");
    // The status line says so, from the journal alone.
    sam.run(["status", "--short"])
        .success()
        .stdout_has("sync waiting");
    assert_eq!(
        sam.run(["status", "--json"]).success().json()["sync_waiting"],
        true
    );
    sam.run(["sync"]).code(2).stderr_has("nothing was synced");
    std::fs::rename(&away, dir.path()).unwrap();
    sam.run(["sync"]).success().stdout_has("Sent 1 batch");
    let status = sam.run(["sync", "status", "--json"]).success().json();
    assert_eq!(status["unsent"], false);
    assert_eq!(status["waiting"], Value::Null);
    assert!(
        !sam.run(["status", "--short"])
            .success()
            .stdout
            .contains("sync")
    );
    alex.run(["sync"]).success();
    alex.run(["history", "--as", "Sam"])
        .success()
        .stdout_has("written offline");
}

#[test]
fn without_auto_sync_a_change_stays_until_sync_is_run() {
    let dir = folder();
    let sam = TestEnv::with_couple();
    init(&sam, dir.path(), "Sam", &["--no-auto"]);
    let sams = device_of(&sam);
    sam.run(["checkin", "--as", "Sam", "--trust", "5"])
        .success();
    assert!(!dir.path().join(&sams).join("00000002.batch").exists());
    assert_eq!(
        sam.run(["sync", "status", "--json"]).success().json()["unsent"],
        true
    );
    sam.run(["sync"]).success();
    assert!(dir.path().join(&sams).join("00000002.batch").exists());
}

#[test]
fn a_clock_a_year_ahead_does_not_win_a_change_made_later_elsewhere() {
    let dir = folder();
    let mut sam = TestEnv::with_couple();
    let code = init(&sam, dir.path(), "Sam", &[]);
    let alex = TestEnv::new();
    join(&alex, dir.path(), "Alex", &code);
    sam.set("REKINDLE_NOW", "2027-11-21T09:00:00Z");
    sam.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "5",
        "--note",
        "from the fast clock",
    ])
    .success();
    alex.run(["sync"]).success();
    alex.run([
        "checkin",
        "--as",
        "Sam",
        "--amend",
        "--note",
        "corrected later",
    ])
    .success();
    sam.run(["sync"]).success();
    for env in [&sam, &alex] {
        env.run(["history", "--as", "Sam"])
            .success()
            .stdout_has("corrected later");
    }
    assert_eq!(shared(&sam), shared(&alex));
}

#[test]
fn a_copied_journal_takes_a_new_device_id_and_both_copies_reach_the_partner() {
    let dir = folder();
    let sam = TestEnv::with_couple();
    let code = init(&sam, dir.path(), "Sam", &[]);
    let alex = TestEnv::new();
    join(&alex, dir.path(), "Alex", &code);
    // A copy of Sam's journal (a restored backup, a second laptop set up by copying).
    let copy = TestEnv::new();
    std::fs::create_dir_all(copy.default_journal().parent().unwrap()).unwrap();
    std::fs::copy(sam.default_journal(), copy.default_journal()).unwrap();
    let before = device_of(&sam);
    sam.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "6",
        "--note",
        "from the original",
    ])
    .success();
    copy.run(["feel", "--as", "Sam", "hopeful", "--note", "from the copy"])
        .success();
    assert_eq!(device_of(&sam), before);
    assert_ne!(device_of(&copy), before);
    alex.run(["sync"]).success();
    let history = alex
        .run(["history", "--as", "Sam"])
        .success()
        .stdout
        .clone();
    assert!(history.contains("from the original"), "{history}");
    assert!(history.contains("from the copy"), "{history}");
    // Nothing in the folder was written twice under one name.
    assert!(
        files(dir.path())
            .iter()
            .all(|p| !p.display().to_string().contains("conflict"))
    );
}

#[test]
fn compact_replaces_a_devices_batches_with_one_snapshot_that_a_new_device_can_start_from() {
    let dir = folder();
    let sam = TestEnv::with_couple();
    let code = init(&sam, dir.path(), "Sam", &[]);
    for (day, note) in [
        ("2026-11-19", "first"),
        ("2026-11-20", "second"),
        ("2026-11-21", "third"),
    ] {
        sam.run([
            "checkin", "--as", "Sam", "--date", day, "--trust", "5", "--note", note,
        ])
        .success();
    }
    sam.run(["delete", "checkin", "1", "--as", "Sam", "--yes"])
        .success();
    let sams = device_of(&sam);
    assert_eq!(files(&dir.path().join(&sams)).len(), 5);
    let out = sam.run(["sync", "compact", "--json"]).success().json();
    assert_eq!(out["snapshot"], 6);
    assert_eq!(out["removed"], 5);
    let left = files(&dir.path().join(&sams));
    assert_eq!(left.len(), 1);
    assert!(left[0].ends_with("00000006.snapshot"));
    let alex = TestEnv::new();
    join(&alex, dir.path(), "Alex", &code);
    assert_eq!(shared(&alex), shared(&sam));
    let history = alex
        .run(["history", "--as", "Sam"])
        .success()
        .stdout
        .clone();
    assert!(!history.contains("first"), "{history}");
    assert!(history.contains("third"), "{history}");
}

/// Copies every file of `from` that `to` does not hold yet.
fn copy_all(from: &Path, to: &Path) {
    for f in files(from) {
        let rel = f.strip_prefix(from).unwrap();
        let target = to.join(rel);
        if !target.exists() {
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            std::fs::copy(&f, &target).unwrap();
        }
    }
}

fn device_of(env: &TestEnv) -> String {
    env.run(["sync", "status", "--json"]).success().json()["device"]
        .as_str()
        .unwrap()
        .to_string()
}

/// One random change on a device, as either partner; refusals (a day already taken, a record
/// that is not there or not theirs) are part of the game.
/// Returns what a passphrase change did (`Some((removed, succeeded))`), `None` for others;
/// with `keys`, passphrases change about three times as often.
fn random_change(env: &TestEnv, rng: &mut Rng, n: usize, keys: bool) -> Option<(bool, bool)> {
    let who = *rng.pick(&["Sam", "Alex"]);
    let other = if who == "Sam" { "Alex" } else { "Sam" };
    let day = format!("2026-11-{:02}", 15 + rng.below(7));
    let id = (1 + rng.below(4)).to_string();
    let note = format!("note {n}");
    let trust = (1 + rng.below(10)).to_string();
    let args: Vec<String> = match rng.below(if keys { 17 } else { 13 }) {
        11.. => return Some(random_passphrase(env, rng, who)),
        0 | 1 => vec![
            "checkin", "--as", who, "--date", &day, "--trust", &trust, "--note", &note,
        ]
        .into_iter()
        .map(String::from)
        .collect(),
        2 => vec![
            "checkin", "--as", who, "--amend", "--date", &day, "--note", &note,
        ]
        .into_iter()
        .map(String::from)
        .collect(),
        3 => vec!["edit", "checkin", &id, "--as", who, "--note", &note]
            .into_iter()
            .map(String::from)
            .collect(),
        4 => vec!["delete", "checkin", &id, "--as", who, "--yes"]
            .into_iter()
            .map(String::from)
            .collect(),
        5 => vec!["undo", "--as", who, "--yes"]
            .into_iter()
            .map(String::from)
            .collect(),
        6 => vec!["promise", "add", "--as", who, &note]
            .into_iter()
            .map(String::from)
            .collect(),
        7 => vec!["promise", "keep", &id, "--as", other, "--date", &day]
            .into_iter()
            .map(String::from)
            .collect(),
        8 => vec![
            "apology",
            "add",
            "--as",
            who,
            "--what",
            "I was late again, and I did not call.",
            "--responsibility",
            "That was my choice, and it was wrong.",
            "--as-written",
        ]
        .into_iter()
        .map(String::from)
        .collect(),
        9 => vec!["apology", "respond", &id, "--as", other, "--accept"]
            .into_iter()
            .map(String::from)
            .collect(),
        _ => vec!["focus", &(1 + rng.below(8)).to_string()]
            .into_iter()
            .map(String::from)
            .collect(),
    };
    let run = env.run(&args);
    if std::env::var_os("SYNC_TRACE").is_some() {
        eprintln!(
            "{} {args:?} -> {} {}",
            env.root().display(),
            run.code,
            run.stderr.trim()
        );
    }
    assert!(
        run.code == 0 || run.code == 2,
        "{args:?} failed with {}:\n{}",
        run.code,
        run.stderr
    );
    None
}

/// Passphrases the convergence tests set and change.
const PASSES: [&str; 3] = [
    crate::two_people::SAM_PASS,
    crate::two_people::ALEX_PASS,
    "violet compass river tuesday",
];

/// A partner sets, changes or removes their passphrase on a device. Until the devices meet,
/// each may hold another passphrase for them, so each of the test's passphrases is tried as
/// the current one; a refusal (no passphrase to remove) is part of the game.
fn random_passphrase(env: &TestEnv, rng: &mut Rng, who: &str) -> (bool, bool) {
    let remove = rng.below(3) == 0;
    let new = rng.below(PASSES.len() as u64) as usize;
    let file = |i: usize| -> PathBuf {
        let path = env.root().join(format!("convergence-{i}.pass"));
        if !path.exists() {
            crate::two_people::pass_file(env, &format!("convergence-{i}"), PASSES[i]);
        }
        path
    };
    let mut args = vec!["partners", "passphrase", who, "--as", who];
    if remove {
        args.extend(["--remove", "--yes"]);
    }
    for current in 0..PASSES.len() {
        let out = env
            .command(&args)
            .env("REKINDLE_TEST_KDF", "cheap")
            .env("REKINDLE_PASSPHRASE_FILE", file(current))
            .env("REKINDLE_NEW_PASSPHRASE_FILE", file(new))
            .output()
            .unwrap();
        let code = out.status.code().unwrap_or(-1);
        let stderr = String::from_utf8_lossy(&out.stderr);
        if std::env::var_os("SYNC_TRACE").is_some() {
            eprintln!(
                "{} {args:?} -> {code} {}",
                env.root().display(),
                stderr.trim()
            );
        }
        if code == 2 && stderr.contains("is not") && stderr.contains("passphrase") {
            continue;
        }
        assert!(
            code == 0 || code == 2,
            "{args:?} failed with {code}:\n{stderr}"
        );
        return (remove, code == 0);
    }
    (remove, false)
}

/// Whether `target` is missing or holds less than `source`: a copy only ever grows, as a
/// file-sync tool's does.
fn shorter(target: &Path, source: &Path) -> bool {
    let len = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    len(target) < len(source)
}

/// Devices change things on their own and see each other's batches late, out of order,
/// twice, or half-copied first; once every file has arrived and everyone has synced, every
/// journal holds the same records.
fn converge(devices: usize, seed: u64, keys: bool) -> Vec<(bool, bool)> {
    let mut passphrases = Vec::new();
    let mut rng = Rng(seed);
    let views: Vec<tempfile::TempDir> = (0..devices).map(|_| folder()).collect();
    let first = TestEnv::with_couple();
    let code = init(&first, views[0].path(), "Sam", &[]);
    let mut envs = vec![first];
    for (i, view) in views.iter().enumerate().skip(1) {
        copy_all(views[0].path(), view.path());
        let env = TestEnv::new();
        join(
            &env,
            view.path(),
            if i % 2 == 1 { "Alex" } else { "Sam" },
            &code,
        );
        envs.push(env);
    }
    let deliver = |rng: &mut Rng, views: &[tempfile::TempDir]| {
        let from = rng.below(views.len() as u64) as usize;
        let to = rng.below(views.len() as u64) as usize;
        if from == to {
            return;
        }
        let pending: Vec<PathBuf> = files(views[from].path())
            .into_iter()
            .filter(|f| {
                let rel = f.strip_prefix(views[from].path()).unwrap();
                shorter(&views[to].path().join(rel), f)
            })
            .collect();
        if pending.is_empty() {
            return;
        }
        let f = rng.pick(&pending).clone();
        let target = views[to]
            .path()
            .join(f.strip_prefix(views[from].path()).unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        let bytes = std::fs::read(&f).unwrap();
        // Sometimes only part of it has arrived so far.
        let cut = if rng.below(4) == 0 {
            bytes.len() / 3
        } else {
            bytes.len()
        };
        std::fs::write(&target, &bytes[..cut]).unwrap();
    };
    for n in 0..(12 * devices) {
        match rng.below(4) {
            0 | 1 => {
                let d = rng.below(devices as u64) as usize;
                passphrases.extend(random_change(&envs[d], &mut rng, n, keys));
            }
            2 => {
                for _ in 0..=rng.below(3) {
                    deliver(&mut rng, &views);
                }
            }
            _ => {
                let d = rng.below(devices as u64) as usize;
                let out = envs[d].run(["sync"]);
                if std::env::var_os("SYNC_TRACE").is_some() {
                    eprintln!("{} sync -> {}", envs[d].root().display(), out.stdout.trim());
                }
                out.success();
            }
        }
    }
    // Everything arrives everywhere, and everyone syncs until nothing more changes.
    for _ in 0..2 {
        for env in &envs {
            env.run(["sync"]).success();
        }
        for a in &views {
            for b in &views {
                if a.path() != b.path() {
                    for f in files(a.path()) {
                        let target = b.path().join(f.strip_prefix(a.path()).unwrap());
                        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
                        if shorter(&target, &f) {
                            std::fs::copy(&f, &target).unwrap();
                        }
                    }
                }
            }
        }
    }
    for env in &envs {
        let out = env.run(["sync", "--json"]).success().json();
        assert_eq!(
            out["not_applied"],
            Value::Array(vec![]),
            "seed {seed}: {out}"
        );
    }
    let expected = shared(&envs[0]);
    for (i, env) in envs.iter().enumerate().skip(1) {
        let got = shared(env);
        if got != expected {
            let mut diff = String::new();
            for (key, list) in expected.as_object().unwrap() {
                let theirs = &got[key];
                if list != theirs {
                    let (a, b) = (list.as_array(), theirs.as_array());
                    for x in a.into_iter().flatten() {
                        if !b.is_some_and(|b| b.contains(x)) {
                            diff.push_str(&format!("only on device 0: {key}: {x}\n"));
                        }
                    }
                    for x in b.into_iter().flatten() {
                        if !a.is_some_and(|a| a.contains(x)) {
                            diff.push_str(&format!("only on device {i}: {key}: {x}\n"));
                        }
                    }
                }
            }
            panic!("seed {seed}: device {i} differs from device 0:\n{diff}");
        }
    }
    passphrases
}

#[test]
fn two_devices_syncing_in_random_orders_end_with_the_same_journal() {
    for seed in [11, 2026, 90210] {
        converge(2, seed, false);
    }
}

#[test]
fn three_devices_syncing_in_random_orders_end_with_the_same_journal() {
    for seed in [7, 4242] {
        converge(3, seed, false);
    }
}

/// Passphrases set, changed and removed on every device in between, out of order: the same
/// keys and timeline everywhere at the end (and the runs did change and remove some).
#[test]
fn passphrase_changes_mixed_in_still_end_with_the_same_journal() {
    let mut done = Vec::new();
    for (devices, seed) in [(2, 5), (2, 77), (3, 2027)] {
        done.extend(converge(devices, seed, true));
    }
    assert!(
        done.contains(&(false, true)),
        "a passphrase set or changed: {done:?}"
    );
    assert!(
        done.contains(&(true, true)),
        "a passphrase removed: {done:?}"
    );
}

/// A git command for the test's own set-up, with no configuration of the machine's.
fn git(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("HOME", dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn clone_of(bare: &Path, into: &Path, name: &str) {
    git(into.parent().unwrap(), &["clone", "-q", &s(bare), &s(into)]);
    git(into, &["config", "user.name", name]);
    git(
        into,
        &[
            "config",
            "user.email",
            &format!("{}@example.org", name.to_lowercase()),
        ],
    );
}

#[test]
fn a_git_repository_with_a_remote_serves_as_the_folder() {
    let place = folder();
    let bare = place.path().join("shared.git");
    std::fs::create_dir_all(&bare).unwrap();
    git(&bare, &["init", "-q", "--bare"]);
    let one = place.path().join("one");
    let two = place.path().join("two");
    clone_of(&bare, &one, "Sam");

    let sam = TestEnv::with_couple();
    sam.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "6",
        "--note",
        "pushed through git",
    ])
    .success();
    let code = init(&sam, &one.join("rekindle"), "Sam", &[]);
    sam.run(["sync"])
        .success()
        .stdout_has("git: committed, pulled and pushed");

    clone_of(&bare, &two, "Alex");
    let alex = TestEnv::new();
    join(&alex, &two.join("rekindle"), "Alex", &code);
    alex.run(["history", "--as", "Sam"])
        .success()
        .stdout_has("pushed through git");
    alex.run([
        "checkin",
        "--trust",
        "4",
        "--note",
        "pulled on the other side",
    ])
    .success();
    alex.run(["sync"]).success();

    sam.run(["sync"]).success().stdout_has("Applied");
    sam.run(["history", "--as", "Alex"])
        .success()
        .stdout_has("pulled on the other side");
    assert_eq!(shared(&sam), shared(&alex));
    // Each side committed only its own files, and left nothing uncommitted.
    for clone in [&one, &two] {
        assert_eq!(git(clone, &["status", "--porcelain"]), "");
    }
    let log = git(&bare, &["log", "--format=%an %s", "--all"]);
    assert!(
        log.lines()
            .any(|l| l.starts_with("Sam rekindle: changes from device")),
        "{log}"
    );
    assert!(
        log.lines()
            .any(|l| l.starts_with("Alex rekindle: changes from device")),
        "{log}"
    );
    // A change saved while the remote is unreachable waits in the folder, committed at the
    // next sync that reaches it.
    std::fs::rename(&bare, place.path().join("moved.git")).unwrap();
    alex.run([
        "checkin",
        "--as",
        "Alex",
        "--amend",
        "--note",
        "while offline",
    ])
    .success();
    alex.run(["sync"])
        .code(1)
        .stdout_has("git pull failed: fatal:")
        .stderr_has("go at the next sync");
    std::fs::rename(place.path().join("moved.git"), &bare).unwrap();
    alex.run(["sync"]).success();
    sam.run(["sync"]).success();
    sam.run(["history", "--as", "Alex"])
        .success()
        .stdout_has("while offline");
}

#[test]
fn joining_with_a_journal_of_ones_own_merges_the_two() {
    let dir = folder();
    let sam = TestEnv::with_couple();
    sam.run([
        "checkin",
        "--as",
        "Sam",
        "--date",
        "2026-11-20",
        "--trust",
        "6",
        "--note",
        "Sam's own laptop",
    ])
    .success();
    let code = init(&sam, dir.path(), "Sam", &[]);
    // Alex set up a journal too, on the same names, and used it for a while.
    let alex = TestEnv::with_couple();
    alex.run([
        "checkin",
        "--as",
        "Alex",
        "--date",
        "2026-11-20",
        "--trust",
        "3",
        "--note",
        "Alex's own laptop",
    ])
    .success();
    alex.run([
        "checkin",
        "--as",
        "Sam",
        "--date",
        "2026-11-20",
        "--trust",
        "7",
        "--note",
        "written on Alex's laptop",
    ])
    .success();
    join(&alex, dir.path(), "Alex", &code);
    sam.run(["sync"]).success();
    assert_eq!(shared(&sam), shared(&alex));
    let partners = sam.run(["partners", "--json"]).success().json();
    assert_eq!(partners.as_array().map(Vec::len), Some(2), "{partners}");
    // One check-in per person and day: Sam's two versions are one record, the later one
    // current and the other kept as an earlier version.
    let history = sam.run(["history", "--json"]).success().json();
    let sams: Vec<&Value> = history
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "checkin" && e["partner"] == "Sam")
        .collect();
    assert_eq!(sams.len(), 1, "{history}");
    assert_eq!(sams[0]["note"], "written on Alex's laptop");
    sam.run(["history", "--as", "Alex"])
        .success()
        .stdout_has("Alex's own laptop");
}

/// On a computer that belongs to Sam (`sync init --as Sam`), Sam acts without typing his
/// passphrase; Alex, who has one too, still needs hers there. Private words never leave
/// the computer they were written on: not in the folder's bytes, not on the other computer.
#[test]
fn the_device_owner_acts_without_a_passphrase_and_private_words_stay_on_their_computer() {
    use crate::two_people::{ALEX_PASS, couple_with_sam_key, pass_file};
    let dir = folder();
    let mut sam = couple_with_sam_key();
    // Before the device is Sam's, a write in his name needs his passphrase.
    sam.run(["feel", "--as", "Sam", "calm"]).code(2);
    let alex_pass = pass_file(&sam, "alex", ALEX_PASS);
    sam.set("REKINDLE_PASSPHRASE_FILE", &alex_pass);
    sam.run(["partners", "passphrase", "Alex", "--as", "Alex"])
        .success();
    sam.set("REKINDLE_PASSPHRASE_FILE", "");
    // Making this computer Sam's needs his passphrase (then it needs nothing more): without
    // it, nothing is paired.
    sam.run(["sync", "init", &s(dir.path()), "--as", "Sam"])
        .refused()
        .stderr_has("Sam has a passphrase, and this needs it");
    assert!(files(dir.path()).is_empty(), "{:?}", files(dir.path()));
    let sam_pass = pass_file(&sam, "sam-init", crate::two_people::SAM_PASS);
    sam.set("REKINDLE_PASSPHRASE_FILE", &sam_pass);
    let code = init(&sam, dir.path(), "Sam", &[]);
    sam.set("REKINDLE_PASSPHRASE_FILE", "");
    // Now this computer is Sam's: his writes need nothing more.
    sam.run([
        "feel",
        "--as",
        "Sam",
        "hopeful",
        "--note",
        "owner writes freely",
    ])
    .success();
    // Alex, writing here, still proves who she is.
    sam.run(["feel", "--as", "Alex", "calm"]).code(2);
    // Private words: written with the passphrase (reading them back needs the key).
    let sam_pass = pass_file(&sam, "sam2", crate::two_people::SAM_PASS);
    sam.set("REKINDLE_PASSPHRASE_FILE", &sam_pass);
    sam.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "6",
        "--private",
        "--note",
        "Zanzibar lighthouse secret",
    ])
    .success();
    sam.set("REKINDLE_PASSPHRASE_FILE", "");
    sam.run(["sync"]).success();
    for file in files(dir.path()) {
        let bytes = std::fs::read(&file).unwrap();
        assert!(
            !bytes
                .windows(9)
                .any(|w| w.eq_ignore_ascii_case(b"zanzibar ")),
            "{}",
            file.display()
        );
    }
    let mut alex = TestEnv::new();
    alex.set("REKINDLE_TEST_KDF", "cheap");
    // Alex's passphrase came with the batches: making this computer hers needs it, and
    // without it no journal is left behind.
    alex.run_with_stdin(
        ["sync", "join", &s(dir.path()), "--as", "Alex"],
        &format!("{code}\n"),
    )
    .refused()
    .stderr_has("Alex has a passphrase, and this needs it");
    assert!(!alex.default_journal().exists());
    let alex_here = pass_file(&alex, "alex-here", ALEX_PASS);
    alex.set("REKINDLE_PASSPHRASE_FILE", &alex_here);
    join(&alex, dir.path(), "Alex", &code);
    alex.set("REKINDLE_PASSPHRASE_FILE", "");
    let history = alex.run(["history", "--json"]).success().stdout.clone();
    assert!(history.contains("owner writes freely"), "{history}");
    // An exercise written on Alex's computer reaches Sam's.
    alex.run([
        "exercise",
        "request",
        "--as",
        "Alex",
        "--what",
        "a call when you are late",
    ])
    .success();
    alex.run(["sync"]).success();
    sam.run(["sync"]).success();
    sam.run(["exercise", "list"])
        .success()
        .stdout_has("a call when you are late");
    assert!(!history.contains("Zanzibar"), "{history}");
    let journal = std::fs::read(alex.default_journal()).unwrap();
    assert!(!journal.windows(8).any(|w| w == b"Zanzibar"));
}

/// `sync leave` stops a computer syncing (its journal keeps everything); `sync rekey` on the
/// other makes a new code, so the computer that left cannot read what is written from then
/// on, while a computer given the new code joins again and both are in step.
#[test]
fn a_computer_that_left_cannot_read_batches_written_after_a_rekey() {
    let dir = folder();
    let sam = TestEnv::with_couple();
    let old_code = init(&sam, dir.path(), "Sam", &[]);
    let alex = TestEnv::new();
    join(&alex, dir.path(), "Alex", &old_code);
    alex.run(["checkin", "--trust", "5", "--note", "before leaving"])
        .success();
    alex.run(["sync", "leave"])
        .success()
        .stdout_has("no longer syncs");
    alex.run(["sync", "status"])
        .success()
        .stdout_has("This journal does not sync");
    // The journal that left keeps its records.
    alex.run(["history", "--as", "Alex"])
        .success()
        .stdout_has("before leaving");
    sam.run(["sync"]).success();
    let json = sam.run(["sync", "rekey", "--json"]).success().json();
    let new_code = json["pairing_code"].as_str().unwrap().to_string();
    assert_ne!(new_code, old_code);
    sam.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "7",
        "--note",
        "after the new key",
    ])
    .success();
    // The old code no longer opens this computer's batches: a join with it is refused.
    let stranger = TestEnv::new();
    stranger
        .run_with_stdin(
            ["sync", "join", &s(dir.path()), "--as", "Alex"],
            &format!("{old_code}\n"),
        )
        .code(2);
    // With the new code Alex's computer joins again, and both journals agree.
    join(&alex, dir.path(), "Alex", &new_code);
    alex.run(["history", "--as", "Sam"])
        .success()
        .stdout_has("after the new key");
    sam.run(["sync"]).success();
    assert_eq!(shared(&sam), shared(&alex));
}

/// Every byte of a journal's files (the journal, its WAL), for "nowhere on this computer".
fn journal_bytes(env: &TestEnv) -> Vec<u8> {
    let journal = env.default_journal();
    let mut all = Vec::new();
    for p in [journal.clone(), journal.with_extension("db-wal")] {
        all.extend(std::fs::read(p).unwrap_or_default());
    }
    all
}

fn holds_any_case(bytes: &[u8], needle: &str) -> bool {
    bytes
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Sam sets a passphrase on his computer; after `sync`, acting as Sam on Alex's computer needs
/// it (and nothing is written without it), it works there, a change made on Sam's computer
/// reaches Alex's (the old one stops working), and so does its removal.
#[test]
fn a_passphrase_set_on_one_computer_is_needed_on_the_other_and_its_changes_follow() {
    use crate::two_people::{ALEX_PASS, SAM_PASS, pass_file};
    const THIRD: &str = "violet compass river tuesday";
    let dir = folder();
    let mut sam = TestEnv::with_couple();
    sam.set("REKINDLE_TEST_KDF", "cheap");
    let code = init(&sam, dir.path(), "Sam", &[]);
    let mut alex = TestEnv::new();
    alex.set("REKINDLE_TEST_KDF", "cheap");
    join(&alex, dir.path(), "Alex", &code);

    // On his own computer Sam sets his passphrase.
    let first = pass_file(&sam, "first", SAM_PASS);
    sam.set("REKINDLE_PASSPHRASE_FILE", &first);
    sam.run(["partners", "passphrase", "Sam", "--as", "Sam"])
        .success();
    sam.set("REKINDLE_PASSPHRASE_FILE", "");
    sam.run(["sync"]).success();
    alex.run(["sync"]).success();
    let partners = alex.run(["partners", "--json"]).success().json();
    assert_eq!(partners[0]["name"], "Sam");
    assert_eq!(partners[0]["passphrase"], true);

    // On Alex's computer, acting as Sam needs it: refused without it, nothing written.
    let before = shared(&alex);
    alex.run(["feel", "--as", "Sam", "calm"])
        .refused()
        .stderr_has("Sam has a passphrase, and this needs it");
    let wrong = pass_file(&alex, "wrong", ALEX_PASS);
    alex.set("REKINDLE_PASSPHRASE_FILE", &wrong);
    alex.run(["feel", "--as", "Sam", "calm"])
        .refused()
        .stderr_has("not Sam's passphrase");
    assert_eq!(shared(&alex), before, "a refusal writes nothing");
    let right = pass_file(&alex, "right", SAM_PASS);
    alex.set("REKINDLE_PASSPHRASE_FILE", &right);
    alex.run(["feel", "--as", "Sam", "calm"]).success();
    // Alex, the owner of this computer, still acts without one.
    alex.set("REKINDLE_PASSPHRASE_FILE", "");
    alex.run(["feel", "--as", "Alex", "hopeful"]).success();

    // Sam changes it on his computer; the change reaches Alex's.
    let second = pass_file(&sam, "second", THIRD);
    sam.set("REKINDLE_PASSPHRASE_FILE", &first);
    sam.set("REKINDLE_NEW_PASSPHRASE_FILE", &second);
    sam.run(["partners", "passphrase", "Sam", "--as", "Sam"])
        .success()
        .stdout_has("Sam's passphrase is changed");
    sam.set("REKINDLE_PASSPHRASE_FILE", "");
    sam.set("REKINDLE_NEW_PASSPHRASE_FILE", "");
    sam.run(["sync"]).success();
    alex.run(["sync"]).success();
    alex.set("REKINDLE_PASSPHRASE_FILE", &right);
    alex.run(["feel", "--as", "Sam", "calm"])
        .refused()
        .stderr_has("not Sam's passphrase");
    let changed = pass_file(&alex, "changed", THIRD);
    alex.set("REKINDLE_PASSPHRASE_FILE", &changed);
    alex.run(["feel", "--as", "Sam", "calm"]).success();
    alex.run(["history"])
        .success()
        .stdout_has("Sam changed their passphrase");

    // Removed on Sam's computer: on Alex's, Sam has none any more.
    sam.set("REKINDLE_PASSPHRASE_FILE", &second);
    sam.run([
        "partners",
        "passphrase",
        "Sam",
        "--remove",
        "--yes",
        "--as",
        "Sam",
    ])
    .success();
    sam.set("REKINDLE_PASSPHRASE_FILE", "");
    sam.run(["sync"]).success();
    alex.set("REKINDLE_PASSPHRASE_FILE", "");
    alex.run(["sync"]).success();
    let partners = alex.run(["partners", "--json"]).success().json();
    assert_eq!(partners[0]["passphrase"], false);
    alex.run(["feel", "--as", "Sam", "calm"]).success();
    alex.run(["sync"]).success();
    sam.run(["sync"]).success();
    assert_eq!(shared(&sam), shared(&alex));
    let keys = shared(&sam)["partner_keys"].clone();
    assert_eq!(keys.as_array().unwrap().len(), 1, "{keys}");
    assert_eq!(keys[0]["removed"], true);
    assert_eq!(keys[0]["wrapped"], Value::Null);
}

/// A passphrase Sam set for Alex on his computer is said to Alex once, on whichever computer
/// she next uses (here her own, where she acts without it), and not again on the other.
#[test]
fn a_passphrase_set_by_the_other_partner_is_told_once_on_the_computer_used_next() {
    use crate::two_people::{ALEX_PASS, pass_file};
    let dir = folder();
    let mut sam = TestEnv::with_couple();
    sam.set("REKINDLE_TEST_KDF", "cheap");
    let code = init(&sam, dir.path(), "Sam", &[]);
    let alex = TestEnv::new();
    join(&alex, dir.path(), "Alex", &code);
    let pass = pass_file(&sam, "alex", ALEX_PASS);
    sam.set("REKINDLE_PASSPHRASE_FILE", &pass);
    sam.run(["partners", "passphrase", "Alex", "--as", "Sam"])
        .success();
    sam.run(["sync"]).success();
    alex.run(["sync"]).success();
    alex.run(["feel", "--as", "Alex", "calm"])
        .success()
        .stderr_has("Alex, your passphrase was set by Sam on Saturday 21 November 2026");
    let again = alex.run(["feel", "--as", "Alex", "hopeful"]);
    again.success();
    assert!(!again.stderr.contains("was set by"), "{}", again.stderr);
    alex.run(["sync"]).success();
    sam.run(["sync"]).success();
    // On Sam's computer Alex proves who she is, and is not told a second time.
    let there = sam.run(["feel", "--as", "Alex", "calm"]);
    there.success();
    assert!(!there.stderr.contains("was set by"), "{}", there.stderr);
    let events = shared(&sam)["passphrase_events"].clone();
    assert_eq!(events.as_array().unwrap().len(), 1, "{events}");
    assert!(events[0]["told_hlc"].is_string(), "{events}");
    sam.run(["sync"]).success();
    alex.run(["sync"]).success();
    assert_eq!(shared(&sam), shared(&alex));
}

/// Private words never leave the computer they were written on: the check-in travels as its
/// stub (scores and feelings, "Sam wrote privately that day"), the words are in no file of
/// the folder nor of the other journal, in any case; the author's computer keeps them when
/// its own record comes back, and when a later change of the scores made on the other
/// computer arrives.
#[test]
fn private_words_stay_home_while_their_check_in_travels_as_a_stub() {
    use crate::two_people::{SAM_PASS, couple_with_sam_key, pass_file};
    let dir = folder();
    let mut sam = couple_with_sam_key();
    let pass = pass_file(&sam, "sam-own", SAM_PASS);
    sam.set("REKINDLE_PASSPHRASE_FILE", &pass);
    let code = init(&sam, dir.path(), "Sam", &[]);
    sam.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "3",
        "--feeling",
        "ashamed",
        "--answer",
        "Quetzal harbour confession",
        "--note",
        "Marzipan under the floorboards",
        "--private",
    ])
    .success();
    sam.set("REKINDLE_PASSPHRASE_FILE", "");
    sam.run(["sync"]).success();
    let mut alex = TestEnv::new();
    alex.set("REKINDLE_TEST_KDF", "cheap");
    join(&alex, dir.path(), "Alex", &code);
    alex.run(["checkin", "--as", "Alex", "--trust", "5"])
        .success();
    alex.run(["sync"]).success();

    let seen = alex.run(["history", "--json"]).success().json();
    let sams = seen
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "checkin" && r["partner"] == "Sam")
        .cloned()
        .unwrap();
    assert_eq!(sams["trust"], 3);
    assert_eq!(sams["feelings"][0]["word"], "ashamed");
    assert_eq!(sams["private"], true);
    assert_eq!(sams["answer"], Value::Null);
    alex.run(["history"])
        .success()
        .stdout_has("Sam wrote privately that day");
    let export = alex.run(["export"]).success().json();
    assert_eq!(export["checkins"][0]["private"], true);
    assert_eq!(export["checkins"][0]["ciphertext"], Value::Null);
    let folder_bytes: Vec<u8> = files(dir.path())
        .iter()
        .flat_map(|p| std::fs::read(p).unwrap())
        .collect();
    for needle in ["quetzal", "marzipan", "floorboards"] {
        assert!(
            !holds_any_case(&folder_bytes, needle),
            "{needle} in the folder"
        );
        assert!(
            !holds_any_case(&journal_bytes(&alex), needle),
            "{needle} on Alex's computer"
        );
    }

    // Sam's own record comes back to his computer: his words are still there.
    sam.run(["sync"]).success();
    sam.set("REKINDLE_PASSPHRASE_FILE", &pass);
    let own = sam
        .run(["history", "--private", "--as", "Sam", "--json"])
        .success()
        .json();
    assert_eq!(own[0]["answer"], "Quetzal harbour confession");

    // On Alex's computer Sam (with his passphrase) changes the day's scores; on his own
    // computer the new score arrives and his words stay.
    let mut alex_with_sam = alex;
    let there = pass_file(&alex_with_sam, "sam-there", SAM_PASS);
    alex_with_sam.set("REKINDLE_PASSPHRASE_FILE", &there);
    alex_with_sam
        .run(["checkin", "--as", "Sam", "--trust", "7", "--amend"])
        .success();
    // There, Sam is told where his words are.
    let away = alex_with_sam
        .run(["history", "--private", "--as", "Sam", "--json"])
        .success()
        .json();
    assert_eq!(
        (&away[0]["elsewhere"], &away[0]["answer"]),
        (&Value::Bool(true), &Value::Null)
    );
    alex_with_sam
        .run(["history", "--private", "--as", "Sam"])
        .success()
        .stdout_has("private words, kept on the computer they were written on");
    let id = away[0]["id"].to_string();
    alex_with_sam
        .run(["reveal", "checkin", &id, "--as", "Sam"])
        .refused()
        .stderr_has("were written on another computer and stay there");
    alex_with_sam.set("REKINDLE_PASSPHRASE_FILE", "");
    alex_with_sam.run(["sync"]).success();
    sam.run(["sync"]).success();
    let own = sam
        .run(["history", "--private", "--as", "Sam", "--json"])
        .success()
        .json();
    assert_eq!(own[0]["trust"], 7);
    assert_eq!(own[0]["note"], "Marzipan under the floorboards");
    // And the shared records agree on both computers.
    // The words (and their earlier versions' words) are on Sam's computer only.
    let strip = |mut doc: Value| {
        for c in doc["checkins"].as_array_mut().unwrap() {
            c["ciphertext"] = Value::Null;
        }
        for r in doc["revisions"].as_array_mut().unwrap() {
            r["record"]["ciphertext"] = Value::Null;
        }
        doc
    };
    assert_eq!(strip(shared(&sam)), strip(shared(&alex_with_sam)));
}

/// A private note or feeling travels as its stub: the other computer's timeline says that
/// Sam wrote something private, and nothing of it (words or ciphertext) reaches that journal.
/// The stub coming back never takes the words away from the journal they were written in.
#[test]
fn a_private_note_travels_as_its_stub_only() {
    use crate::two_people::{SAM_PASS, couple_with_sam_key, pass_file};
    let dir = folder();
    let mut sam = couple_with_sam_key();
    let pass = pass_file(&sam, "sam-sync", SAM_PASS);
    sam.set("REKINDLE_PASSPHRASE_FILE", &pass);
    let code = init(&sam, dir.path(), "Sam", &[]);
    sam.run([
        "note",
        "--as",
        "Sam",
        "--private",
        "Lighthouse-Keeper-Secret",
    ])
    .success();
    sam.run(["feel", "--as", "Sam", "--private", "Moonwary:3"])
        .success();
    sam.run(["note", "--as", "Sam", "Shared-Harbour-Words"])
        .success();
    sam.run(["sync"]).success();
    let alex = TestEnv::new();
    join(&alex, dir.path(), "Alex", &code);
    alex.run(["history"])
        .success()
        .stdout_has("Sam wrote a private note")
        .stdout_has("Sam noted a private feeling")
        .stdout_has("Shared-Harbour-Words");
    let doc = alex.run(["export"]).success().json();
    let private = doc["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["private"] == true)
        .unwrap();
    assert_eq!(private["text"], Value::Null);
    assert!(private.get("ciphertext").is_none(), "{private}");
    assert_eq!(doc["feelings"][0]["private"], true);
    assert!(doc["feelings"][0].get("ciphertext").is_none());
    let journal = alex.default_journal();
    for path in [journal.clone(), journal.with_extension("db-wal")] {
        let bytes = std::fs::read(&path).unwrap_or_default();
        // "X25519": the stanza of words encrypted to a partner's key (Sam's locked key,
        // which travels, is an age file too, but locked with a passphrase: "scrypt").
        for needle in ["Lighthouse-Keeper-Secret", "Moonwary", "X25519"] {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
                "{needle} in {}",
                path.display()
            );
        }
    }
    // Alex writes; the batch that goes back holds the stubs again.
    alex.run(["note", "--as", "Alex", "Kettle on"]).success();
    alex.run(["sync"]).success();
    sam.run(["sync"]).success();
    let own = sam
        .run(["history", "--private", "--as", "Sam", "--json"])
        .success()
        .json();
    let texts: Vec<&str> = own
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["text"].as_str().or(r["word"].as_str()))
        .collect();
    assert!(texts.contains(&"Lighthouse-Keeper-Secret"), "{own}");
    assert!(texts.contains(&"Moonwary"), "{own}");
    sam.run(["history"]).success().stdout_has("Kettle on");
}

/// Sharing private words (`reveal`), or losing them with a removed passphrase, changes the
/// check-in: the other computer gets the new version with its feelings, not without them.
fn a_changed_private_check_in_keeps_its_feelings_on_the_other_computer(change: &[&str]) {
    use crate::two_people::{SAM_PASS, couple_with_sam_key, pass_file};
    let dir = folder();
    let mut sam = couple_with_sam_key();
    let pass = pass_file(&sam, "sam-change", SAM_PASS);
    sam.set("REKINDLE_PASSPHRASE_FILE", &pass);
    let code = init(&sam, dir.path(), "Sam", &[]);
    sam.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "5",
        "--feeling",
        "hopeful:2",
        "--answer",
        "the walk by the weir",
        "--private",
    ])
    .success();
    sam.run(["sync"]).success();
    let alex = TestEnv::new();
    join(&alex, dir.path(), "Alex", &code);
    let feelings = |env: &TestEnv| -> Vec<String> {
        let doc = env.run(["export"]).success().json();
        doc["feelings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| format!("{} {}", f["word"], f["intensity"]))
            .collect()
    };
    assert_eq!(feelings(&alex), ["\"hopeful\" 2"]);
    sam.run(change).success();
    sam.run(["sync"]).success();
    alex.run(["sync"]).success();
    assert_eq!(
        feelings(&alex),
        ["\"hopeful\" 2"],
        "the feeling travelled with {change:?}"
    );
    alex.run(["history", "--as", "Alex", "--kind", "checkin"])
        .success()
        .stdout_has("hopeful");
    assert_eq!(feelings(&sam), feelings(&alex));
}

#[test]
fn a_revealed_check_in_keeps_its_feelings_on_the_other_computer() {
    a_changed_private_check_in_keeps_its_feelings_on_the_other_computer(&[
        "reveal", "checkin", "1", "--as", "Sam",
    ]);
}

#[test]
fn a_removed_passphrase_keeps_the_feelings_of_its_check_ins_on_the_other_computer() {
    a_changed_private_check_in_keeps_its_feelings_on_the_other_computer(&[
        "partners",
        "passphrase",
        "Sam",
        "--remove",
        "--yes",
        "--as",
        "Sam",
    ]);
}

/// A key for Sam that only arrived (here by a crafted import that swaps in Alex's key, newer
/// stamp and all) is not one Sam's private words are encrypted to: on Sam's own computer,
/// where nothing is asked, `--private` is refused until Sam opens the key with his passphrase,
/// which this one does not open. Nothing is written.
#[test]
fn private_words_are_never_encrypted_to_a_key_that_only_arrived() {
    use crate::two_people::{ALEX_PASS, SAM_PASS, couple_with_sam_key, pass_file};
    let dir = folder();
    let mut sam = couple_with_sam_key();
    let alex_pass = pass_file(&sam, "alex-own", ALEX_PASS);
    sam.set("REKINDLE_PASSPHRASE_FILE", &alex_pass);
    sam.run(["partners", "passphrase", "Alex", "--as", "Alex"])
        .success();
    let sam_pass = pass_file(&sam, "sam-own", SAM_PASS);
    sam.set("REKINDLE_PASSPHRASE_FILE", &sam_pass);
    init(&sam, dir.path(), "Sam", &[]);
    sam.set("REKINDLE_PASSPHRASE_FILE", "");
    // On his own computer Sam writes privately without being asked.
    sam.run(["note", "--as", "Sam", "--private", "before the swap"])
        .success();

    let mut doc = sam.run(["export"]).success().json();
    let keys = doc["partner_keys"].as_array().unwrap().clone();
    let find = |name_uuid: &Value| {
        keys.iter()
            .find(|k| &k["partner_uuid"] == name_uuid)
            .cloned()
    };
    let partners = doc["partners"].as_array().unwrap().clone();
    let uuid_of = |name: &str| partners.iter().find(|p| p["name"] == name).unwrap()["uuid"].clone();
    let (sam_uuid, alex_uuid) = (uuid_of("Sam"), uuid_of("Alex"));
    let alex_key = find(&alex_uuid).unwrap();
    let mut forged = find(&sam_uuid).unwrap();
    forged["recipient"] = alex_key["recipient"].clone();
    forged["wrapped"] = alex_key["wrapped"].clone();
    let hlc = forged["hlc"].as_str().unwrap().to_string();
    let ms = u64::from_str_radix(&hlc[..12], 16).unwrap() + 5_000;
    forged["hlc"] = Value::String(format!("{ms:012x}{}", &hlc[12..]));
    doc["partner_keys"] = Value::Array(vec![forged]);
    let file = sam.root().join("forged.json");
    std::fs::write(&file, doc.to_string()).unwrap();
    sam.run(["import", file.to_str().unwrap()]).success();

    let before = shared(&sam);
    sam.run(["note", "--as", "Sam", "--private", "after the swap"])
        .refused()
        .stderr_has("has not been opened here yet");
    sam.run(["feel", "--as", "Sam", "--private", "lonely"])
        .refused()
        .stderr_has("has not been opened here yet");
    // Sam's own passphrase does not open the key that arrived, so it stays unopened.
    sam.set("REKINDLE_PASSPHRASE_FILE", &sam_pass);
    sam.run(["history", "--private", "--as", "Sam"]).refused();
    sam.set("REKINDLE_PASSPHRASE_FILE", "");
    sam.run(["note", "--as", "Sam", "--private", "after the swap"])
        .refused();
    assert_eq!(shared(&sam), before, "nothing was written");
}

/// `sync status` says when in words, in local time, and counts in the singular for one.
#[test]
fn sync_status_says_when_in_words_and_counts_one_batch_as_one() {
    let dir = folder();
    let mut sam = TestEnv::with_couple();
    sam.set("TZ", "UTC")
        .set("REKINDLE_NOW", "2026-11-21T10:32:27.433729Z");
    let code = init(&sam, dir.path(), "Sam", &[]);
    let run = sam.run(["sync", "status"]);
    run.success()
        .stdout_has("Sent: 1 batch, the last (number 1) on Saturday 21 November 2026 at 10:32.");
    assert!(!run.stdout.contains("2026-11-21T"), "{}", run.stdout);
    assert!(!run.stdout.contains("1 batches"), "{}", run.stdout);
    // The timestamp stays exact for scripts.
    let json = sam.run(["sync", "status", "--json"]).success().json();
    assert_eq!(json["sent"]["batches"], 1);
    assert!(
        json["sent"]["last_at"]
            .as_str()
            .is_some_and(|at| at.starts_with("2026-11-21T10:32:27")),
        "{json}"
    );

    let alex = TestEnv::new();
    join(&alex, dir.path(), "Alex", &code);
    alex.run(["checkin", "--trust", "4"]).success();
    sam.run(["sync"]).success();
    let run = sam.run(["sync", "status"]);
    run.success().stdout_has("1 batch applied, up to number 1.");
    assert!(!run.stdout.contains("1 batches"), "{}", run.stdout);
}

/// A bare `rekindle` on a computer that is someone's speaks to them, as every other command
/// there acts for them without `--as`.
#[test]
fn today_on_a_partners_own_computer_is_theirs() {
    let dir = folder();
    let sam = TestEnv::with_couple();
    let code = init(&sam, dir.path(), "Sam", &[]);
    let alex = TestEnv::new();
    join(&alex, dir.path(), "Alex", &code);
    let before = alex.run(Vec::<&str>::new()).success().stdout.clone();
    assert!(!before.contains("Say who you are"), "{before}");
    alex.run(["checkin", "--trust", "6"]).success();
    let after = alex.run(Vec::<&str>::new()).success().stdout.clone();
    assert_ne!(
        before, after,
        "Alex's own check-in shows on Alex's computer"
    );
    let sams = sam.run(Vec::<&str>::new()).success().stdout.clone();
    assert!(!sams.contains("Say who you are"), "{sams}");
}

/// `sync init` says the command for the other computer with the other partner's name in it.
#[test]
fn sync_init_names_who_joins_in_the_command_it_suggests() {
    let dir = folder();
    let env = TestEnv::with_couple();
    env.run(["sync", "init", &s(dir.path()), "--as", "Sam"])
        .success()
        .stdout_has("rekindle sync join DIR --as Alex");
}
