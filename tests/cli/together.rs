//! `rekindle together` without a terminal. The guided meeting itself is unit-tested with
//! scripted answers in `src/commands/together.rs` and driven for real in `pty.rs`.

use crate::support::{TestEnv, dump};

#[test]
fn together_needs_a_terminal_and_says_so() {
    let env = TestEnv::with_couple();
    let before = dump(&env.default_journal());
    env.run(["together"])
        .refused()
        .stderr_has("together is a conversation at one keyboard and needs a terminal")
        .stderr_has("rekindle checkin --as NAME --trust N");
    env.run(["together", "--date", "2026-11-30"])
        .refused()
        .stderr_has("your time together cannot be in the future");
    assert_eq!(dump(&env.default_journal()), before);
}
