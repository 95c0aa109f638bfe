//! `rekindle init`, where the journal is created, and its refusals.

use crate::support::{TestEnv, bytes, mode};

#[test]
fn init_creates_a_private_journal_in_the_xdg_data_dir() {
    let env = TestEnv::new();
    let run = env.run([
        "init",
        "--partner",
        "Sam",
        "--partner",
        "Alex",
        "--repairing",
        "sam",
    ]);
    run.success()
        .stdout_has("Created your journal at")
        .stdout_has("Sam          repairing trust")
        .stdout_has("Alex         healing")
        .stdout_has("the other can read.")
        .stderr_has("Safety card")
        .stderr_has("rekindle is a journal, not therapy");
    let journal = env.default_journal();
    assert!(journal.is_file());
    assert_eq!(mode(&journal), 0o600);
    assert_eq!(mode(journal.parent().unwrap()), 0o700);
    assert_eq!(
        mode(&env.home().join(".local/share")),
        0o700,
        "created parents are private too"
    );
}

#[test]
fn init_json_prints_what_it_wrote() {
    let env = TestEnv::new();
    let json = env
        .run(["init", "--partner", "Sam", "--partner", "Alex", "--json"])
        .success()
        .json();
    assert_eq!(json["focus"], "responsibility");
    assert_eq!(json["journal"], env.default_journal().display().to_string());
    assert_eq!(
        json["partners"],
        serde_json::json!([
            {"id": 1, "name": "Sam", "role": "unset"},
            {"id": 2, "name": "Alex", "role": "unset"}
        ])
    );
}

#[test]
fn init_refuses_an_existing_journal_and_leaves_it_unchanged() {
    let env = TestEnv::with_couple();
    let before = bytes(&env.default_journal());
    env.run(["init", "--partner", "Kim", "--partner", "Lee"])
        .refused()
        .stderr_has("a journal already exists at")
        .stderr_has("left unchanged");
    assert_eq!(bytes(&env.default_journal()), before);
}

#[test]
fn init_refusals_name_the_problem_and_create_nothing() {
    let env = TestEnv::new();
    let cases: &[(&[&str], &str)] = &[
        (&["init"], "--partner twice"),
        (&["init", "--partner", "Sam"], "--partner twice"),
        (
            &["init", "--partner", "A", "--partner", "B", "--partner", "C"],
            "given 3 times",
        ),
        (
            &["init", "--partner", "Sam", "--partner", "SAM"],
            "different names",
        ),
        (
            &["init", "--partner", "Sam", "--partner", "  "],
            "cannot be empty",
        ),
        (
            &[
                "init",
                "--partner",
                "Sam",
                "--partner",
                "Alex",
                "--repairing",
                "Kim",
            ],
            "\"Kim\"",
        ),
        (
            &["init", "--partner", "Sam", "--partner", "Al\u{1b}[2Jex"],
            "control or invisible characters",
        ),
    ];
    for (args, needle) in cases {
        env.run(*args).refused().stderr_has(needle);
        assert!(
            !env.default_journal().exists(),
            "{args:?} created a journal"
        );
    }
    assert!(
        !env.home().join(".local").exists(),
        "a refused init must not even create the data folder"
    );
}

#[test]
fn xdg_data_home_is_honoured() {
    let mut env = TestEnv::new();
    let data = env.root().join("data");
    env.set("XDG_DATA_HOME", &data);
    env.run(["init", "--partner", "Sam", "--partner", "Alex"])
        .success();
    assert!(data.join("rekindle/journal.db").is_file());
    assert!(!env.default_journal().exists());
}

#[test]
fn environment_and_flag_override_the_default_location() {
    let mut env = TestEnv::new();
    let from_env = env.root().join("env/j.db");
    let from_flag = env.root().join("flag/j.db");
    env.set("REKINDLE_JOURNAL", &from_env);
    env.run(["init", "--partner", "Sam", "--partner", "Alex"])
        .success();
    assert!(from_env.is_file());
    env.run([
        "--journal",
        from_flag.to_str().unwrap(),
        "init",
        "--partner",
        "Kim",
        "--partner",
        "Lee",
    ])
    .success();
    assert!(from_flag.is_file());
    assert!(!env.default_journal().exists());
    // The flag also works after the subcommand, and wins over the environment.
    let names = env
        .run([
            "partners",
            "--json",
            "--journal",
            from_flag.to_str().unwrap(),
        ])
        .success()
        .json();
    assert_eq!(names[0]["name"], "Kim");
    let names = env.run(["partners", "--json"]).success().json();
    assert_eq!(names[0]["name"], "Sam");
}

#[test]
fn relative_journal_paths_are_relative_to_the_working_directory() {
    let env = TestEnv::new();
    env.run([
        "--journal",
        "here.db",
        "init",
        "--partner",
        "Sam",
        "--partner",
        "Alex",
    ])
    .success();
    assert!(env.root().join("here.db").is_file());
    assert_eq!(mode(&env.root().join("here.db")), 0o600);
}

#[test]
fn init_without_a_terminal_never_waits_for_input() {
    let env = TestEnv::new();
    // stdin is a pipe holding names: a guided flow would read them; init must not.
    env.run_with_stdin(["init"], "Sam\nAlex\n")
        .refused()
        .stderr_has("--partner");
}

#[test]
fn init_names_a_file_that_is_not_a_journal_and_never_touches_it() {
    let env = TestEnv::new();
    let dir = env.root().join("place");
    std::fs::create_dir(&dir).unwrap();
    let text = dir.join("notes.txt");
    std::fs::write(&text, "my own notes, not a journal\n").unwrap();
    let random = dir.join("random.bin");
    let noise: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&random, &noise).unwrap();
    let other_app = dir.join("other.sqlite");
    {
        let conn = rusqlite::Connection::open(&other_app).unwrap();
        conn.execute_batch(
            "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');",
        )
        .unwrap();
    }
    let empty = dir.join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    let cases = [
        (&text, "it is not an SQLite database"),
        (&random, "it is not an SQLite database"),
        (&other_app, "it is another program's SQLite database"),
        (&empty, "it is an empty file"),
    ];
    let names = |dir: &std::path::Path| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let listing = names(&dir);
    for (path, reason) in cases {
        let before = bytes(path);
        let modified = std::fs::metadata(path).unwrap().modified().unwrap();
        let path_text = path.to_str().unwrap();
        env.run([
            "--journal",
            path_text,
            "init",
            "--partner",
            "Sam",
            "--partner",
            "Alex",
        ])
        .refused()
        .stderr_has(&format!("{path_text} is not a rekindle journal ({reason})"))
        .stderr_has("it was left untouched")
        .stderr_has("--journal");
        assert_eq!(bytes(path), before, "{path_text} changed");
        assert_eq!(
            std::fs::metadata(path).unwrap().modified().unwrap(),
            modified
        );
        assert_eq!(names(&dir), listing, "nothing was created beside it");
    }
    env.run([
        "--journal",
        dir.to_str().unwrap(),
        "init",
        "--partner",
        "Sam",
        "--partner",
        "Alex",
    ])
    .refused()
    .stderr_has("is not a rekindle journal (it is a directory)");
    assert_eq!(names(&dir), listing);
}

/// No role is preselected: without --repairing or --mutual both partners are unset and see
/// only the prompts written for either partner; --mutual is chosen by name and shown with its
/// meaning; the two flags together are refused.
#[test]
fn roles_are_chosen_never_preselected() {
    let env = TestEnv::new();
    env.run(["init", "--partner", "Sam", "--partner", "Alex"])
        .success()
        .stdout_has("role not chosen yet");
    for day in 1..=30 {
        let date = format!("2026-10-{day:02}");
        let prompt = env
            .run(["prompt", "--as", "Alex", "--date", &date, "--json"])
            .success()
            .json();
        assert_eq!(prompt["audience"], "both", "{date}: {prompt}");
    }
    let mutual = TestEnv::new();
    mutual
        .run(["init", "--partner", "Sam", "--partner", "Alex", "--mutual"])
        .success()
        .stdout_has("mutual (each of you repairing and healing)");
    let roles = mutual.run(["partners", "--json"]).success().json();
    assert_eq!(roles[0]["role"], "mutual");
    assert_eq!(roles[1]["role"], "mutual");
    mutual
        .run(["partners"])
        .success()
        .stdout_has("each of you repairing and healing");
    let both = TestEnv::new();
    both.run([
        "init",
        "--partner",
        "Sam",
        "--partner",
        "Alex",
        "--mutual",
        "--repairing",
        "Sam",
    ])
    .refused();
    assert!(!both.default_journal().exists());
}
