//! The apology check's own test table: genuine apologies that must pass untouched, and
//! non-apologies that must each be caught, with the kind we expect to see. Written for this
//! project, in varied voices, with straight and curly apostrophes, capitals and punctuation.

use super::*;

/// Each one owns the act, says sorry and offers repair; none may raise a finding, and none
/// may be missing a component.
pub const GENUINE: &[&str] = &[
    "I lied to you about Friday and that was my choice. I'm so sorry. I'd understand if you didn't want to talk tonight, and from now on I'll tell you my plans before I go.",
    "I'm sorry I lied to you about where I was on Friday. I chose to hide it, and that was wrong. I will tell you the truth from now on, even when it's hard.",
    "I’m sorry. I broke your trust when I read your messages without asking. That was my choice and there is no excuse for it. I won’t do it again, and I’ll ask first if I’m worried.",
    "I was wrong to yell at you in front of your family. I embarrassed you and I hurt you. I regret it deeply. Next time I feel angry I will step away and talk to you later, calmly.",
    "I cheated on you. I made that decision, nobody else. I know it has shattered your sense of safety. I am so sorry. I have ended all contact with her and I will answer any question you have.",
    "I forgot our anniversary because I didn't put it in my calendar. That's on me. I can see how much it hurt you. I'm sorry, and I'd like to plan a day together this weekend if you want that. I'll ask you first.",
    "I KEPT THE DEBT A SECRET FOR TWO YEARS. I AM RESPONSIBLE FOR THAT. I'M SORRY. I'LL SHOW YOU EVERY STATEMENT EACH MONTH.",
    "I promised to be home by six and I wasn't, three times this week. I let you down. I regret it. From now on I will text you before five if I'm running late.",
    "I'm so sorry I said those cruel things about your mother. They were unfair and untrue. I take full responsibility. I will apologise to her too, if you are okay with that.",
    "I didn’t listen when you told me you were struggling. I brushed you off, and that was wrong of me. I’m sorry. How can I make this right?",
    "I lied about the money I spent. I hid the receipts. It was dishonest and I'm ashamed of it. I'm going to share our bank app with you and tell you about any purchase over fifty.",
    "It was my fault that we missed the flight; I ignored your reminders. I'm sorry for the stress I caused you. Next time I will pack the night before.",
    "I know that what I did hurt you badly. I went behind your back and I betrayed you. I am deeply sorry. I will keep going to counselling and keep showing up, for as long as it takes.",
    "I'm sorry I snapped at you this morning. You didn't deserve that. I was tired, but that's no excuse. I'll take a breath before I answer next time.",
    "I should not have gone through your phone. I violated your privacy. I'm sorry, and I won't do it again. If I feel insecure I will tell you instead.",
    "I'm really sorry I missed your recital. I chose work over you, and I know how much that stung. I will block out the evening for your next one and be there.",
    "There is no excuse for what I did. I'm sorry I kept lying to you for months. You deserve the truth, and I will answer every question honestly.",
    "I messed up. I drank too much at the party after promising I wouldn't, and I embarrassed you. I'm sorry. I'm not going to drink at the next one, and you can hold me to that.",
    "I apologize for reading your journal. It was a betrayal of your trust and it was my decision alone. I regret it, and I will never open it again.",
    "I'm sorry I made that joke about your weight. It was cruel and I hurt you. I won't joke about your body again.",
    "I hurt you when I flirted with your friend. I own that completely. I'm sorry. I've stopped messaging her, and I want to earn back your trust.",
    "I broke my promise to call when I landed. I'm sorry for the worry I caused. Next time I'll call from the gate.",
    "I was selfish when I spent the holiday money without asking you. I'm sorry. I'll pay it back into our savings by March and check with you before big purchases.",
    "I'm sorry, truly. I dismissed your feelings when you tried to tell me how lonely you were. I was wrong. What do you need from me right now?",
    "I know you may not be ready to forgive me, and you don't have to. I'm sorry I betrayed you. I will keep my promises, one day at a time.",
    "I'm sorry I blamed you for my own bad mood. It wasn't your fault. I will own my feelings and ask for space when I need it.",
    "I regret lying to you about the text messages. I told you nothing happened, and that wasn't true. I'm sorry. From now on I'll be open with you about who I talk to.",
    "I'm sorry that I hurt you. I cancelled our plans at the last minute to see my friends, and I didn't even call. I'll make it up to you on Saturday, and I won't cancel like that again.",
    "Sorry I didn’t do the dishes like I said I would. I let it slide and left it to you again. I'll do them every evening this week, no reminders needed.",
    "I treated your pain like it was no big deal, and it was a big deal. I'm sorry. I'm going to listen without interrupting the next time you bring it up.",
    "I shouldn't have raised my voice. I scared you, and I'm so sorry. I've booked an appointment to work on my anger, and I'll tell you how it goes.",
    "I understand if you need time. I'm sorry I betrayed your trust; I made that choice. I'll be here, and I'll keep being honest with you.",
    "I'm sorry I wasn't there when your dad was in hospital. I put my job first and left you alone with it. I regret that. I'll be there for the follow-up appointment.",
    "I was wrong. I told you it was just a friend, and it wasn't. I'm sorry I lied. I'll be honest with you about her from now on.",
    "I'm sorry I hurt you, and I understand if you feel angry with me. I chose to lie. I will give you all the time you need.",
    "You were right to be angry: I lied about where I was when it happened. I'm so sorry. I will answer anything you ask, whenever you ask it.",
    "I know it wasn't just one night; I kept it going for months. I'm ashamed, and I'm sorry. I'm going to tell you everything you want to know.",
    "I won't ask you to get over it or to let it go. I betrayed you and I'm sorry. I will keep showing up, on your timeline.",
    "I lied to you and I regret it. What would help?",
    "I lied to you about the trip, and I’m sorry. What would help you?",
    "I broke my promise again. I'm sorry. Is there anything that would help?",
    "I ignored you all through dinner, and that was wrong of me. I'm sorry. Is there anything I can do?",
    "I read your messages without asking. I'm so sorry. How can I make it right? What do you need from me?",
];

/// Each is a non-apology with the kind we expect the check to name (others may appear too).
pub const NON_APOLOGIES: &[(&str, Kind)] = &[
    // Regressions from a new user's try: a verb outside the old list, "you'd", a curly
    // apostrophe, and "only" apart from "once".
    (
        "If you hadn't pushed me away this wouldn't have happened.",
        Kind::BlameShifting,
    ),
    (
        "I'm sorry, but if you'd listened to me for once…",
        Kind::BlameShifting,
    ),
    (
        "If you hadn\u{2019}t gone through my phone, we'd be fine.",
        Kind::BlameShifting,
    ),
    ("I only did it once.", Kind::Minimizing),
    (
        "I'm sorry if you felt hurt by what I said.",
        Kind::Conditional,
    ),
    ("I apologise if anyone was offended.", Kind::Conditional),
    ("Sorry you feel that way.", Kind::TheirFeelings),
    (
        "I'm sorry you were upset about the party.",
        Kind::TheirFeelings,
    ),
    ("I'm sorry, but you made me do it.", Kind::Justifying),
    (
        "I wouldn't have cheated if you hadn't been so distant.",
        Kind::BlameShifting,
    ),
    ("I only did it because I was lonely.", Kind::Justifying),
    (
        "It was just one night, it didn't mean anything.",
        Kind::Minimizing,
    ),
    (
        "Mistakes were made, and I regret how things turned out.",
        Kind::PassiveVoice,
    ),
    ("You're overreacting. It was a kiss.", Kind::Dismissing),
    (
        "Let’s just move on and put this behind us.",
        Kind::DemandingClosure,
    ),
    (
        "You need to forgive me so we can be happy again.",
        Kind::DemandingClosure,
    ),
    (
        "I said I'm sorry, what more do you want?",
        Kind::DemandingClosure,
    ),
    (
        "I had no choice, my boss needed me there.",
        Kind::Justifying,
    ),
    (
        "Stop being so dramatic, it was only a text.",
        Kind::Dismissing,
    ),
    (
        "Sorry, but you started it by ignoring me all week.",
        Kind::BlameShifting,
    ),
    ("It's not a big deal, everyone does it.", Kind::Minimizing),
    ("I'm sorry for how you feel.", Kind::TheirFeelings),
    ("If I hurt you, I apologize.", Kind::Conditional),
    ("Things were said on both sides.", Kind::PassiveVoice),
    (
        "I did it because you never listen to me.",
        Kind::BlameShifting,
    ),
    (
        "Get over it already, it happened months ago.",
        Kind::DemandingClosure,
    ),
    (
        "I'm sorry that your feelings got hurt.",
        Kind::TheirFeelings,
    ),
    (
        "You’re being too sensitive about the whole thing.",
        Kind::Dismissing,
    ),
    ("It just happened, I didn't plan it.", Kind::PassiveVoice),
    (
        "I was only trying to help, you know that.",
        Kind::Justifying,
    ),
    (
        "I'm sorry for whatever I did to upset you.",
        Kind::Conditional,
    ),
    (
        "Can we just drop it and forget about it?",
        Kind::DemandingClosure,
    ),
    ("I'm sorry you took it the wrong way.", Kind::TheirFeelings),
    ("What about what you did last year?", Kind::BlameShifting),
    (
        "I apologise for any hurt I may have caused.",
        Kind::Conditional,
    ),
    (
        "It only happened once, so I don't see why you're still upset.",
        Kind::Minimizing,
    ),
    (
        "I'm sorry, but I was drunk and I don't remember much.",
        Kind::Justifying,
    ),
    (
        "You pushed me to it with all your nagging.",
        Kind::BlameShifting,
    ),
    (
        "Calm down, you're blowing this out of proportion.",
        Kind::Dismissing,
    ),
    (
        "I’ve apologized a hundred times, why can’t you let it go?",
        Kind::DemandingClosure,
    ),
    (
        "IF YOU WERE OFFENDED, THAT WAS NEVER MY INTENTION.",
        Kind::Conditional,
    ),
    (
        "Things got out of hand; it wasn't anyone's fault.",
        Kind::PassiveVoice,
    ),
    (
        "I'm sorry you're hurt, but you're making a mountain out of a molehill.",
        Kind::TheirFeelings,
    ),
    (
        "We both made mistakes, let's call it even.",
        Kind::BlameShifting,
    ),
    ("Okay, I kissed her. It was only a kiss!!", Kind::Minimizing),
    (
        "i'm sorry u feel that way but ur being dramatic",
        Kind::Dismissing,
    ),
];

/// (genuine apologies with no finding, non-apologies with at least one finding).
pub fn hit_rates() -> ((usize, usize), (usize, usize)) {
    let clean = GENUINE.iter().filter(|t| check(t).is_clean()).count();
    let caught = NON_APOLOGIES
        .iter()
        .filter(|(t, _)| !findings(t).is_empty())
        .count();
    ((clean, GENUINE.len()), (caught, NON_APOLOGIES.len()))
}

#[test]
fn the_table_is_big_enough() {
    assert!(GENUINE.len() >= 30);
    assert!(NON_APOLOGIES.len() >= 30);
    for kind in Kind::ALL {
        assert!(
            NON_APOLOGIES.iter().filter(|(_, k)| *k == kind).count() >= 3,
            "at least three non-apologies of kind {kind:?}"
        );
    }
}

#[test]
fn no_genuine_apology_is_flagged_or_missing_a_part() {
    let mut problems = Vec::new();
    for text in GENUINE {
        let report = check(text);
        if !report.is_clean() {
            problems.push(format!(
                "{text}\n    findings: {:?}\n    missing: {:?}",
                report
                    .findings
                    .iter()
                    .map(|f| (f.kind, f.excerpt.as_str()))
                    .collect::<Vec<_>>(),
                report.missing
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_non_apology_is_caught_with_the_expected_kind() {
    let mut problems = Vec::new();
    for (text, kind) in NON_APOLOGIES {
        let found = findings(text);
        if !found.iter().any(|f| f.kind == *kind) {
            problems.push(format!(
                "{text}\n    expected {kind:?}, found {:?}",
                found
                    .iter()
                    .map(|f| (f.kind, f.excerpt.as_str()))
                    .collect::<Vec<_>>()
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn hit_rates_in_both_directions() {
    let ((clean, genuine), (caught, non)) = hit_rates();
    println!("genuine apologies with no finding: {clean}/{genuine}");
    println!("non-apologies with at least one finding: {caught}/{non}");
    assert_eq!((clean, caught), (genuine, non));
}
