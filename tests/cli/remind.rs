//! `rekindle remind`: the daily reminder. The environment here has no systemd user session,
//! so install prints the crontab line; the notification goes to a file through
//! REKINDLE_NOTIFY_FILE (a fake notifier), and to a session bus that is not there to show
//! how a missing notification service is reported. The timer's unit text is checked in
//! `views::remind`'s unit tests.

use crate::support::TestEnv;

#[test]
fn without_systemd_install_prints_the_crontab_line_to_add() {
    let env = TestEnv::with_couple();
    let run = env.run(["remind", "install", "--as", "alex", "--at", "8:30"]);
    run.success()
        .stdout_has("add this line with crontab -e")
        .stdout_has(" remind notify --as Alex");
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains("remind notify"))
        .unwrap()
        .trim()
        .to_string();
    assert!(line.starts_with("30 8 * * * "), "{line}");
    assert!(line.contains("--journal "), "{line}");
    let json = env
        .run(["remind", "install", "--as", "Alex", "--json"])
        .success()
        .json();
    assert_eq!(json["scheduler"], "cron");
    assert_eq!(json["at"], "21:00");
    env.run(["remind", "install", "--as", "Alex", "--at", "25:00"])
        .refused()
        .stderr_has("--at \"25:00\" is not a time of day; use HH:MM");
}

#[test]
fn the_reminder_says_nothing_from_the_journal_and_is_skipped_once_checked_in() {
    let mut env = TestEnv::with_couple();
    let file = env.root().join("notifications");
    env.set("REKINDLE_NOTIFY_FILE", &file);
    env.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "6",
        "--note",
        "a very private note",
    ])
    .success();
    env.run(["remind", "notify", "--as", "Alex"]).success();
    let shown = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        shown,
        "rekindle\nA moment for your daily check-in, when you are ready.\n"
    );
    // Sam has checked in today: nothing is shown.
    env.run(["remind", "notify", "--as", "Sam"])
        .success()
        .stdout_has("Sam has checked in today; no reminder.");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), shown);
}

#[test]
fn a_missing_notification_service_is_said_plainly() {
    let mut env = TestEnv::with_couple();
    let nowhere = env.root().join("no-bus");
    env.set(
        "DBUS_SESSION_BUS_ADDRESS",
        format!("unix:path={}", nowhere.display()),
    );
    let run = env.run(["remind", "notify", "--as", "Alex"]);
    run.code(1)
        .stderr_has("the reminder could not be shown: no desktop notification service answered")
        .stderr_has("rekindle status --short");
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}
