//! `rekindle partners`: listing, roles and names.

use serde_json::json;

use crate::support::{TestEnv, dump};

#[test]
fn partners_json_has_id_name_and_role() {
    let env = TestEnv::with_couple();
    let json = env.run(["partners", "--json"]).success().json();
    assert_eq!(
        json,
        json!([
            {"id": 1, "name": "Sam", "role": "repairing", "passphrase": false},
            {"id": 2, "name": "Alex", "role": "healing", "passphrase": false}
        ])
    );
    let text = env.run(["partners"]).success().stdout.clone();
    assert_eq!(text, "  1  Sam   repairing trust\n  2  Alex  healing\n");
}

#[test]
fn role_and_rename_change_one_partner() {
    let env = TestEnv::with_couple();
    env.run(["partners", "role", "ALEX", "Mutual"])
        .success()
        .stdout_has("Alex is now mutual (each of you repairing and healing).");
    env.run(["partners", "role", "Alex", "unset"])
        .success()
        .stdout_has(
            "Alex's role is now not chosen: Alex sees the prompts written for either partner.",
        );
    env.run(["partners", "role", "Alex", "unset"])
        .success()
        .stdout_has("Alex's role is not chosen yet; nothing changed.");
    env.run(["partners", "role", "Alex", "mutual"]).success();
    // Regression: a rename used to answer with the role ("Sasha is now repairing trust.").
    env.run(["partners", "rename", "alex", "Ríley 🌿"])
        .success()
        .stdout_has("Alex is now called Ríley 🌿.");
    env.run(["partners", "rename", "ríley 🌿", "Alex"])
        .success();
    let renamed = env
        .run(["partners", "rename", "sam", "Sasha", "--json"])
        .success()
        .json();
    assert_eq!(
        renamed,
        json!({"id": 1, "name": "Sasha", "role": "repairing"})
    );
    let json = env.run(["partners", "--json"]).success().json();
    assert_eq!(json[0]["name"], "Sasha");
    assert_eq!(json[1]["role"], "mutual");
}

#[test]
fn partner_refusals_leave_the_journal_unchanged() {
    let env = TestEnv::with_couple();
    let before = dump(&env.default_journal());
    let cases: &[(&[&str], &str)] = &[
        (
            &["partners", "role", "Kim", "healing"],
            "there is no partner called \"Kim\"; the partners are Sam and Alex",
        ),
        (
            &["partners", "role", "Sam", "victim"],
            "\"victim\" is not a role; use repairing, healing, mutual or unset",
        ),
        (
            &["partners", "rename", "Sam", "alex"],
            "already called \"alex\"",
        ),
        (&["partners", "rename", "Sam", " "], "cannot be empty"),
        (&["partners", "rename", "Nobody", "Kim"], "\"Nobody\""),
    ];
    for (args, needle) in cases {
        env.run(*args).refused().stderr_has(needle);
    }
    assert_eq!(dump(&env.default_journal()), before);
}

#[test]
fn setting_the_role_a_partner_already_has_writes_nothing() {
    let env = TestEnv::with_couple();
    let before = dump(&env.default_journal());
    let run = env.run(["partners", "role", "sam", "repairing"]);
    run.success();
    assert_eq!(
        run.stdout,
        "Sam is already repairing trust; nothing changed.\n"
    );
    assert_eq!(dump(&env.default_journal()), before);
    let json = env
        .run(["partners", "role", "Alex", "healing", "--json"])
        .success()
        .json();
    assert_eq!(json, json!({"id": 2, "name": "Alex", "role": "healing"}));
    assert_eq!(dump(&env.default_journal()), before);
}

// Audit row I35: a rename to the same name writes nothing, so `updated_at` (which an import
// compares) stays as it was.
#[test]
fn renaming_to_the_same_name_writes_nothing() {
    let env = TestEnv::with_couple();
    let before = dump(&env.default_journal());
    let run = env.run(["partners", "rename", "sam", "Sam"]);
    run.success();
    assert_eq!(run.stdout, "Sam is already called Sam; nothing changed.\n");
    assert_eq!(dump(&env.default_journal()), before);
    // A change of spelling is a change.
    env.run(["partners", "rename", "sam", "SAM"])
        .success()
        .stdout_has("Sam is now called SAM.");
    assert_ne!(dump(&env.default_journal()), before);
}

// Audit row I37: names that read the same on a screen are refused wherever a name is set.
#[test]
fn names_that_look_alike_are_refused_everywhere() {
    let env = TestEnv::new();
    let cyrillic = "\u{405}am";
    env.run(["init", "--partner", "Sam", "--partner", cyrillic])
        .refused()
        .stderr_has("\"\u{405}am\" looks the same as \"Sam\" on a screen");
    assert!(!env.default_journal().exists());
    env.run(["init", "--partner", "\u{ff21}lex", "--partner", "Alex"])
        .refused()
        .stderr_has("looks the same as");
    let env = TestEnv::with_couple();
    let before = dump(&env.default_journal());
    env.run(["partners", "rename", "Alex", cyrillic])
        .refused()
        .stderr_has("looks the same as \"Sam\"");
    env.run(["partners", "rename", "Alex", "Sarn"])
        .refused()
        .stderr_has("looks the same as \"Sam\"");
    assert_eq!(dump(&env.default_journal()), before);
    // An export naming two look-alike partners is refused as a whole.
    let mut doc = env.run(["export"]).success().json();
    doc["partners"][1]["name"] = cyrillic.into();
    let file = env.root().join("alike.json");
    std::fs::write(&file, doc.to_string()).unwrap();
    let other = TestEnv::new();
    other
        .run(["import", file.to_str().unwrap()])
        .refused()
        .stderr_has("partners[1].name: \"\u{405}am\" looks the same as \"Sam\"");
    assert!(!other.default_journal().exists());
}

/// A name with a space is quoted in every command rekindle suggests with it, so the
/// suggestion works when pasted into a shell; a plain name is left as it is.
#[test]
fn suggested_commands_quote_a_name_with_a_space() {
    let env = TestEnv::new();
    env.run([
        "init",
        "--partner",
        "Ngozi Adeyemi-Okonkwo",
        "--partner",
        "Sam",
    ])
    .success()
    .stdout_has("rekindle checkin --as 'Ngozi Adeyemi-Okonkwo'");
    env.run([
        "note",
        "--as",
        "Ngozi Adeyemi-Okonkwo",
        "--private",
        "for me",
    ])
    .refused()
    .stderr_has("set one first: rekindle partners passphrase 'Ngozi Adeyemi-Okonkwo'");
    env.run(["note", "--as", "Sam", "--private", "for me"])
        .refused()
        .stderr_has("set one first: rekindle partners passphrase Sam");
    env.run(["history", "--private", "--as", "Ngozi Adeyemi-Okonkwo"])
        .refused()
        .stderr_has("rekindle partners passphrase 'Ngozi Adeyemi-Okonkwo'");
    env.run(["note", "hello"])
        .refused()
        .stderr_has("pass --as with 'Ngozi Adeyemi-Okonkwo' or Sam");
}
