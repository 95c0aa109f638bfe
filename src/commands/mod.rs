//! One module per command, each with its clap `Args` and a `run` function. A command never
//! imports another: what two of them share lives in [`common`], and the context they all
//! run in in [`context`].

pub mod apology;
pub mod backup;
pub mod checkin;
pub mod common;
pub mod completions;
pub mod context;
pub mod delete;
pub mod doctor;
pub mod edit;
pub mod encrypt;
pub mod exercise;
pub mod export;
pub mod feel;
pub mod feelings;
pub mod focus;
pub mod history;
pub mod import;
pub mod init;
pub mod man;
pub mod note;
pub mod partners;
pub mod progress;
pub mod promise;
pub mod prompt;
pub mod remind;
pub mod report;
pub mod restore;
pub mod reveal;
pub mod safety;
pub mod show;
pub mod status;
pub mod steps;
pub mod sync;
pub mod today;
pub mod together;
pub mod undo;

use clap::Subcommand;

use context::{Context, Recovery};

/// The commands, in the order `--help` lists them.
#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(
        after_help = "Examples:\n  rekindle init                                  # asks for your names\n  rekindle init --partner Sam --partner Alex --repairing Sam\n  rekindle --journal ~/us.db init --partner Sam --partner Alex"
    )]
    Init(init::Args),
    #[command(
        after_help = "Examples:\n  rekindle checkin --as Sam                      # guided, in a terminal\n  rekindle checkin --as Alex --trust 6 --connection 7 --feeling hopeful:3\n  rekindle checkin --as Sam --date yesterday --amend --trust 5"
    )]
    Checkin(checkin::Args),
    #[command(after_help = "Examples:\n  rekindle together\n  rekindle together --date sunday")]
    Together(together::Args),
    #[command(
        after_help = "Examples:\n  rekindle prompt --as Sam\n  rekindle prompt --as Alex --step healing\n  rekindle prompt --as Sam --json"
    )]
    Prompt(prompt::Args),
    #[command(after_help = "Examples:\n  rekindle steps\n  rekindle steps --json")]
    Steps(steps::Args),
    #[command(
        after_help = "Examples:\n  rekindle focus                                 # the step you are on\n  rekindle focus communication\n  rekindle focus 3 --as Alex"
    )]
    Focus(focus::Args),
    #[command(
        after_help = "Examples:\n  rekindle feel --as Alex hurt:4 hopeful\n  rekindle feel --as Sam \"left out\" --note \"after the party\"\n  rekindle feel --as Alex anxious:2 --date yesterday"
    )]
    Feel(feel::Args),
    #[command(
        after_help = "Examples:\n  rekindle note --as Sam \"We laughed at dinner, first time in weeks\"\n  rekindle note --as Alex --private \"Not ready to say this out loud yet\"\n  rekindle note --as Sam --date yesterday \"The drive home was quiet\""
    )]
    Note(note::Args),
    #[command(after_help = "Examples:\n  rekindle feelings\n  rekindle feelings --json")]
    Feelings(feelings::Args),
    #[command(
        after_help = "Examples:\n  rekindle promise                               # the open promises\n  rekindle promise add --as Sam \"Text you if I'll be late\" --every weekday\n  rekindle promise keep 1 --as Alex"
    )]
    Promise(promise::Args),
    #[command(
        after_help = "Examples:\n  rekindle apology add --as Sam\n  rekindle apology respond 1 --as Alex --need-time\n  rekindle apology check \"I'm sorry if you felt hurt\""
    )]
    Apology(apology::Args),
    #[command(
        after_help = "Examples:\n  rekindle exercise incident --as Sam          # guided, in a terminal\n  rekindle exercise trigger --as Alex --what \"a late reply\"\n  rekindle exercise request --as Alex --what \"Call when plans change\""
    )]
    Exercise(exercise::Args),
    #[command(
        after_help = "Examples:\n  rekindle history --limit 50\n  rekindle history --since \"2 weeks ago\" --kind checkin,apology\n  rekindle history --search walk --as Alex"
    )]
    History(history::Args),
    #[command(
        after_help = "Examples:\n  rekindle show checkin 12\n  rekindle show apology 3 --json"
    )]
    Show(show::Args),
    #[command(
        after_help = "Examples:\n  rekindle edit checkin 12 --as Sam       # guided\n  rekindle edit feeling 4 --as Alex --note \"after the call\"\n  rekindle edit checkin 12 --as Sam --note \"\" --forget-previous"
    )]
    Edit(Box<edit::Args>),
    #[command(
        after_help = "Examples:\n  rekindle delete feeling 4 --as Alex\n  rekindle delete checkin 12 --as Sam --yes"
    )]
    Delete(delete::Args),
    #[command(after_help = "Examples:\n  rekindle undo --as Sam\n  rekindle undo --as Sam --yes")]
    Undo(undo::Args),
    #[command(
        after_help = "Examples:\n  rekindle history --private --as Sam\n  rekindle reveal checkin 12 --as Sam\n  rekindle reveal note 3 --as Alex"
    )]
    Reveal(reveal::Args),
    #[command(
        after_help = "Examples:\n  rekindle progress\n  rekindle progress --weeks 26\n  rekindle progress --json | jq .streak"
    )]
    Progress(progress::Args),
    #[command(
        after_help = "Examples:\n  rekindle report --output progress.html\n  rekindle report --output progress.html --weeks 26\n  rekindle report --output - | gzip > progress.html.gz"
    )]
    Report(report::Args),
    #[command(
        after_help = "Examples:\n  rekindle export --output rekindle.json\n  rekindle export --format csv --output checkins.csv\n  rekindle export --format markdown | less"
    )]
    Export(export::Args),
    #[command(
        after_help = "Examples:\n  rekindle import laptop.json --dry-run\n  rekindle import laptop.json\n  ssh laptop rekindle export | rekindle import -"
    )]
    Import(import::Args),
    #[command(
        after_help = "Examples:\n  rekindle backup ~/rekindle-backup.db\n  rekindle backup ~/rekindle-backup.db --force"
    )]
    Backup(backup::Args),
    #[command(
        after_help = "Examples:\n  rekindle restore ~/rekindle-backup.db\n  rekindle --journal ~/us.db restore ~/us-backup.db"
    )]
    Restore(restore::Args),
    #[command(
        after_help = "Examples:\n  rekindle encrypt --as Sam\n  rekindle encrypt --new-recovery-code\n  REKINDLE_PASSPHRASE_FILE=~/.rekindle-pass rekindle encrypt --as Sam"
    )]
    Encrypt(encrypt::EncryptArgs),
    #[command(
        after_help = "Examples:\n  rekindle decrypt\n  REKINDLE_PASSPHRASE_FILE=~/.rekindle-pass rekindle decrypt"
    )]
    Decrypt(encrypt::DecryptArgs),
    #[command(
        after_help = "Examples:\n  rekindle sync init ~/Sync/rekindle --as Sam   # shows the pairing code once\n  rekindle sync join ~/Sync/rekindle --as Alex  # asks for it\n  rekindle sync\n  rekindle sync status --json"
    )]
    Sync(sync::Args),
    #[command(
        after_help = "Examples:\n  rekindle partners\n  rekindle partners role Sam repairing\n  rekindle partners rename Alex Alexandra"
    )]
    Partners(partners::Args),
    #[command(
        after_help = "Examples:\n  rekindle status\n  rekindle status --short     # one line: Sam ✓ Alex · 1 to record\n  PS1='$(rekindle status --short) \\$ '"
    )]
    Status(status::Args),
    #[command(
        after_help = "Examples:\n  rekindle remind install --as Sam --at 21:00\n  rekindle remind show --as Sam\n  rekindle remind remove --as Sam"
    )]
    Remind(remind::Args),
    #[command(after_help = "Examples:\n  rekindle safety\n  rekindle safety 2>&1 | less")]
    Safety(safety::Args),
    #[command(after_help = "Examples:\n  rekindle doctor\n  rekindle doctor --fix")]
    Doctor(doctor::Args),
    #[command(
        after_help = "Examples:\n  rekindle completions bash > ~/.bash_completion.d/rekindle\n  rekindle completions zsh > ~/.zfunc/_rekindle\n  rekindle completions fish > ~/.config/fish/completions/rekindle.fish"
    )]
    Completions(completions::Args),
    #[command(
        after_help = "Examples:\n  rekindle man | man -l -\n  rekindle man > ~/.local/share/man/man1/rekindle.1"
    )]
    Man(man::Args),
}

impl Command {
    /// Whether the command may write to the journal, so that a journal that syncs sends the
    /// change afterwards (see `sync::after_write`).
    pub fn may_write(&self) -> bool {
        matches!(
            self,
            Command::Checkin(_)
                | Command::Together(_)
                | Command::Focus(_)
                | Command::Feel(_)
                | Command::Note(_)
                | Command::Exercise(_)
                | Command::Reveal(_)
                | Command::Promise(_)
                | Command::Apology(_)
                | Command::Edit(_)
                | Command::Delete(_)
                | Command::Undo(_)
                | Command::Import(_)
                | Command::Partners(_)
        )
    }
}

/// Runs one command; none is the today view. `cli` builds the whole command line (only `completions` needs it; the
/// clap root lives at the process edge, above the commands).
pub fn run(
    ctx: &mut Context,
    command: Option<Command>,
    cli: fn() -> clap::Command,
) -> anyhow::Result<()> {
    // An encrypted journal is unlocked once, before the command, by every command that reads
    // it (DESIGN: Passphrases (a)).
    if let Some(recovery) = journal_key_needed(command.as_ref())
        && ctx.should_unlock()
    {
        ctx.unlock_journal(recovery)?;
    }
    // doctor without --fix changes nothing, not even the key slots.
    let keeps_slots = !matches!(&command, Some(Command::Doctor(args)) if !args.fix);
    let result = dispatch(ctx, command, cli);
    if result.is_ok() && keeps_slots {
        ctx.keep_key_slots_in_step()?;
    }
    result
}

/// Whether `command` unlocks an encrypted journal first, and whether the recovery code may do
/// it. `safety`, `apology check`, `feelings`, `completions`, `man` and help need no journal;
/// `init` makes one; `status --short` says "locked" from the file's first bytes; `encrypt`
/// and `decrypt` unlock as they need.
fn journal_key_needed(command: Option<&Command>) -> Option<Recovery> {
    match command {
        Some(
            Command::Init(_)
            | Command::Feelings(_)
            | Command::Safety(_)
            | Command::Completions(_)
            | Command::Man(_)
            | Command::Encrypt(_)
            | Command::Decrypt(_),
        ) => None,
        Some(Command::Apology(args)) if matches!(args.action, Some(apology::Action::Check(_))) => {
            None
        }
        Some(Command::Status(args)) if args.short => None,
        // The recovery code opens the journal to set a new passphrase, and for nothing else.
        Some(Command::Partners(args))
            if matches!(
                args.action,
                Some(partners::Action::Passphrase { remove: false, .. })
            ) =>
        {
            Some(Recovery::Allowed)
        }
        _ => Some(Recovery::Refused),
    }
}

fn dispatch(
    ctx: &mut Context,
    command: Option<Command>,
    cli: fn() -> clap::Command,
) -> anyhow::Result<()> {
    let Some(command) = command else {
        return today::run(ctx);
    };
    match command {
        Command::Init(args) => init::run(ctx, args),
        Command::Checkin(args) => checkin::run(ctx, args),
        Command::Together(args) => together::run(ctx, args),
        Command::Prompt(args) => prompt::run(ctx, args),
        Command::Steps(args) => steps::run(ctx, args),
        Command::Focus(args) => focus::run(ctx, args),
        Command::Feel(args) => feel::run(ctx, args),
        Command::Note(args) => note::run(ctx, args),
        Command::Feelings(args) => feelings::run(ctx, args),
        Command::Partners(args) => partners::run(ctx, args),
        Command::Promise(args) => promise::run(ctx, args),
        Command::Apology(args) => apology::run(ctx, args),
        Command::Exercise(args) => exercise::run(ctx, args),
        Command::Doctor(args) => doctor::run(ctx, args),
        Command::Safety(args) => safety::run(ctx, args),
        Command::Status(args) => status::run(ctx, args),
        Command::Remind(args) => remind::run(ctx, args),
        Command::Completions(args) => completions::run(ctx, args, cli()),
        Command::Man(args) => man::run(ctx, args, cli()),
        Command::Progress(args) => progress::run(ctx, args),
        Command::History(args) => history::run(ctx, args),
        Command::Show(args) => show::run(ctx, args),
        Command::Edit(args) => edit::run(ctx, *args),
        Command::Delete(args) => delete::run(ctx, args),
        Command::Undo(args) => undo::run(ctx, args),
        Command::Reveal(args) => reveal::run(ctx, args),
        Command::Report(args) => report::run(ctx, args),
        Command::Export(args) => export::run(ctx, args),
        Command::Import(args) => import::run(ctx, args),
        Command::Backup(args) => backup::run(ctx, args),
        Command::Restore(args) => restore::run(ctx, args),
        Command::Encrypt(args) => encrypt::encrypt(ctx, args),
        Command::Decrypt(args) => encrypt::decrypt(ctx, args),
        Command::Sync(args) => sync::run(ctx, args),
    }
}
