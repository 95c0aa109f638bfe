//! The kinds of non-apology the check names, and the parts of an apology it looks for, with
//! the words a user reads about each.

use serde::Serialize;

/// The kinds of non-apology pattern, with their ids in `--json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Conditional,
    TheirFeelings,
    BlameShifting,
    Minimizing,
    Justifying,
    PassiveVoice,
    Dismissing,
    DemandingClosure,
    FoundOut,
    Denying,
    Flippant,
    SelfFocus,
    /// Nothing of an apology at all: no regret, nothing owned, nothing offered. Only a whole
    /// draft is read this way (`check`), never one part of a structured apology.
    NoApology,
}

impl Kind {
    /// Every kind; `NoApology` is last (the learned opinion's kinds are the ones before it).
    pub const ALL: [Kind; 13] = [
        Kind::Conditional,
        Kind::TheirFeelings,
        Kind::BlameShifting,
        Kind::Minimizing,
        Kind::Justifying,
        Kind::PassiveVoice,
        Kind::Dismissing,
        Kind::DemandingClosure,
        Kind::FoundOut,
        Kind::Denying,
        Kind::Flippant,
        Kind::SelfFocus,
        Kind::NoApology,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Kind::Conditional => "conditional",
            Kind::TheirFeelings => "their-feelings",
            Kind::BlameShifting => "blame-shifting",
            Kind::Minimizing => "minimizing",
            Kind::Justifying => "justifying",
            Kind::PassiveVoice => "passive-voice",
            Kind::Dismissing => "dismissing",
            Kind::DemandingClosure => "demanding-closure",
            Kind::FoundOut => "found-out",
            Kind::Denying => "denying",
            Kind::Flippant => "flippant",
            Kind::SelfFocus => "self-focus",
            Kind::NoApology => "no-apology",
        }
    }

    /// A short name for human output.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Conditional => "A conditional apology",
            Kind::TheirFeelings => "Sorry about their feelings",
            Kind::BlameShifting => "Blame handed back",
            Kind::Minimizing => "Making it smaller",
            Kind::Justifying => "An excuse",
            Kind::PassiveVoice => "No one did it",
            Kind::Dismissing => "Brushing their feelings off",
            Kind::DemandingClosure => "Hurrying them to be done",
            Kind::FoundOut => "Sorry it came out",
            Kind::Denying => "Arguing over what to call it",
            Kind::Flippant => "Said lightly, or with an edge",
            Kind::SelfFocus => "Turning to your own pain",
            Kind::NoApology => "Not an apology yet",
        }
    }

    /// Why this hurts, in a sentence or two.
    pub fn why(self) -> &'static str {
        match self {
            Kind::Conditional => {
                "An \"if\" or a \"may have\" makes the hurt sound like a maybe. Your partner \
                 knows it happened, and a maybe asks them to prove it."
            }
            Kind::TheirFeelings => {
                "Being sorry about how your partner feels points at their reaction instead of \
                 at what you did, so it can sound like the problem is them."
            }
            Kind::BlameShifting => {
                "When an apology points back at your partner, even a little, it arrives with a \
                 bill attached, and that is usually all they hear."
            }
            Kind::Minimizing => {
                "Words that shrink what happened tell your partner they are feeling too much. \
                 They feel it at its real size, and they need you to see that size too."
            }
            Kind::Justifying => {
                "A reason given in the middle of an apology sounds like an excuse, even when \
                 it is true, and it takes the weight off your choice."
            }
            Kind::PassiveVoice => {
                "In this sentence nobody does anything, so the person who did it quietly \
                 disappears. Your partner needs to see you in it."
            }
            Kind::Dismissing => {
                "Calling their reaction too much asks your partner to doubt their own \
                 feelings, right when they need you to take them seriously."
            }
            Kind::DemandingClosure => {
                "Healing keeps your partner's time, not yours. Pressing for it to be over can \
                 open the wound again."
            }
            Kind::FoundOut => {
                "Being sorry that it came out, or about how your partner found out, sounds as \
                 if the regret is about being caught rather than about what you did."
            }
            Kind::Denying => {
                "Arguing over the word for it (not technically a lie, not really cheating) \
                 asks your partner to debate the facts, when what they need is for you to face \
                 them."
            }
            Kind::Flippant => {
                "A joke, a shrug or a sharp edge next to \"sorry\" tells your partner this \
                 weighs less on you than on them, and the edge is what they will remember."
            }
            Kind::SelfFocus => {
                "Your own pain is real. Inside an apology, though, it asks your partner to \
                 look after you while they are the one hurting, and the apology gets lost."
            }
            Kind::NoApology => {
                "Nothing in these words says sorry, names what you did as yours, or offers \
                 anything for the hurt, so your partner may hear a defence or a report rather \
                 than an apology."
            }
        }
    }

    /// What to try instead.
    pub fn suggestion(self) -> &'static str {
        match self {
            Kind::Conditional => "Let go of the hedge and name what you did: \"I'm sorry I …\".",
            Kind::TheirFeelings => {
                "Apologise for your own action (\"I'm sorry I …\"), then say how you think it \
                 affected them."
            }
            Kind::BlameShifting => {
                "Keep this apology about your choices. If something they did weighs on you, it \
                 deserves its own conversation on another day."
            }
            Kind::Minimizing => {
                "Say plainly what happened, without softening words like \"just\" or \"only\"."
            }
            Kind::Justifying => {
                "Own the choice first. If your partner wants to understand why, they can ask, \
                 and you can explain then."
            }
            Kind::PassiveVoice => {
                "Put yourself in the sentence: \"I lied to you\", \"I said things that hurt \
                 you\"."
            }
            Kind::Dismissing => {
                "Let their feelings be as big as they are. You might say: \"I can see how much \
                 this hurt you.\""
            }
            Kind::DemandingClosure => {
                "Leave the pace to them. You might say: \"Take all the time you need; I'll keep \
                 showing up.\""
            }
            Kind::FoundOut => {
                "Say sorry for the thing itself: \"I'm sorry I …\". If you wish they had heard \
                 it from you, say that you should have told them."
            }
            Kind::Denying => {
                "Name it the way your partner lived it: \"I lied to you\", \"I broke your \
                 trust\"."
            }
            Kind::Flippant => {
                "Slow down and say it plainly, as seriously as it landed: \"I'm sorry I …\"."
            }
            Kind::SelfFocus => {
                "Keep this apology on them and on what you did, and take your own pain to a \
                 friend or a counsellor. If you are struggling badly, please reach out to \
                 someone you trust or a crisis line today."
            }
            Kind::NoApology => {
                "Start with what you did and that you are sorry (\"I'm sorry I …\"), then say \
                 what you will do now, or ask what would help."
            }
        }
    }
}

/// The parts of an apology that matter most, which the check notices when absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Component {
    Responsibility,
    Repair,
    Regret,
}

impl Component {
    pub fn id(self) -> &'static str {
        match self {
            Component::Responsibility => "responsibility",
            Component::Repair => "repair",
            Component::Regret => "regret",
        }
    }

    /// A gentle line about adding the part.
    pub fn hint(self) -> &'static str {
        match self {
            Component::Responsibility => {
                "Responsibility: say plainly what you did, with yourself as the one who did it."
            }
            Component::Repair => {
                "Repair: offer something concrete you will do differently, or ask what would \
                 help."
            }
            Component::Regret => "Regret: let them hear that you are sorry, in your own words.",
        }
    }
}
