//! The check's first table (version 1), kept as strict regression tests: genuine apologies in
//! full sentences that must pass untouched with no part missing, and non-apologies that must
//! each be caught as the kind named. The data is in `table/classic_genuine.txt` and
//! `table/classic_non_apologies.txt`; the realistic table and its rates are in `eval.rs`.

use super::eval::parse;
use super::*;

pub(super) const GENUINE: &str = include_str!("table/classic_genuine.txt");
pub(super) const NON_APOLOGIES: &str = include_str!("table/classic_non_apologies.txt");

/// Lines a genuine apology can hold that share words with a non-apology (found by going
/// through every broad pattern and asking how a sincere writer might use the same words). None
/// may raise a finding.
pub(super) const GENUINE_LINES: &[&str] = &[
    "if you hadnt found the texts id still be lying",
    "if you hadn't found out i don't know if i would ever have told you",
    "i know i already said sorry but i want to say it properly",
    "i know ive apologised so many times but this time im doing something about it",
    "how many times have i said sorry and not meant it",
    "what more can i do to help you feel safe",
    "it was like a drug, and thats no excuse",
    "i was just a coward and i lied",
    "i want us to get past this together, however long it takes",
    "i'd like to talk if you're up for it",
    "sorry this is long but please read it",
    "im sorry but there's more you need to know",
    "im sorry but its the truth",
    "im sorry, but you need to hear this",
    "i wasnt lying when i said i love you",
    "i hope one day we can move past this",
    "you pushed me to see a counsellor and you were right",
    "you gave me every reason to stay and i still lied",
    "you never asked me to be perfect",
    "you started trusting me again and i blew it",
    "it makes sense if you are angry",
    "i understand why this is such a big deal",
    "i never told you i was seeing her",
    "you make a big deal of my birthday every year and i forgot yours",
    "i need to grow up",
    "i need to get a grip on my drinking",
    "i hope i can help you get over this one day",
    "moving on isnt something you owe me",
    "im hurting too, but this isnt about me",
    "this is hard for me, and i can only imagine how hard it is for you",
    "its not like i didnt know what i was doing",
    "i know everyone makes mistakes but this wasnt a mistake",
    "im sorry you feel like you cant trust me, and youre right not to",
    "im sorry you had such a horrible time at the party because i left you alone",
    "could you please stop me if i start getting defensive",
    "i want to show you thats not who i am",
    "it was a few messages at first and then it became everything",
    "i know its not the same as what you went through",
    "i said you were overreacting and that was wrong",
    "I made you feel like it was your fault for asking.",
    "I called you paranoid.",
    "i know this might not be a big deal to other people but it was to you",
    "sorry you feel so alone, and I know I'm the reason",
    "sorry if im saying this badly, but i lied to you",
    "Not sorry that I got caught, sorry that I did it.",
    "i was drunk, but i chose to drink, and that's on me",
    "i know you only asked because you were scared",
    "i told you to calm down and i should never have said it",
    "you were never too sensitive, i was careless",
    "i wont ever tell you to get over it",
    // Reported and taken-back words, owned explanations and the other near misses.
    "im sorry you feel like you cant trust me. thats on me",
    "im sorry you felt so alone. i left you alone",
    "im sorry you were scared, i scared you",
    "im sorry you had to go through that, i put you through it",
    "im sorry you were embarrassed, i embarrassed you",
    "sorry you felt unwanted, i made you feel that way",
    "im sorry youre hurting, and im the one who hurt you",
    "im sorry you feel betrayed, because i did betray you",
    "im sorry you feel this way and i know i caused it",
    "im sorry you were crying all night because of what i said",
    "sorry you felt like you were going crazy. i made you feel that way on purpose",
    "im sorry you found out the way you did. you should have heard it from me",
    "im sorry you had to find the messages. i should have told you myself",
    "i hate that you found out from someone else, that should have been me telling you",
    "sorry you had to see that. i should never have let it get that far",
    "im sorry for my part in the argument. i raised my voice first",
    "i own my part in this, all of it, because it was all mine",
    "sorry if this is a mess, im crying while i write it",
    "sorry if this is too long",
    "sorry if i repeat myself",
    "sorry if i'm not making sense",
    "sorry if this is the wrong time to say it",
    "sorry if this is hard to read",
    "i said sorry but i never changed anything",
    "i said sorry so many times without meaning it",
    "every time i said sorry i did it again",
    "i kept telling you to let it go",
    "i asked you to let it go and move on and that was cruel",
    "i wanted you to just get over it and that was selfish",
    "i expected you to move on quickly and that wasnt fair",
    "i pushed you to move on before you were ready",
    "i shouldnt have told you to calm down",
    "instead of listening i told you to calm down",
    "i insisted it was nothing",
    "i made out like you were being paranoid",
    "i swore blind it was just a friend",
    "i told everyone you were overreacting",
    "i went around saying you were crazy",
    "i wrote it off as a bit of fun",
    "i brushed it off like it was nothing",
    "i treated it like it was no big deal",
    "i kept acting like nothing happened",
    "i pretended it was just a work thing",
    "i played it down as just texting",
    "i lied and said it was just once",
    "the story i told you was that it was only a drink",
    "my excuse was that i was drunk",
    "i blamed it on the alcohol",
    "i blamed it on work stress",
    "i used stress as an excuse",
    "i hid behind being drunk",
    "i let you think you were overreacting",
    "i made you think it was your fault",
    "you asked if you were being paranoid and i said yes",
    "i kept saying you were too sensitive when you werent",
    "when you cried i rolled my eyes and said you were being dramatic",
    "i made jokes about how jealous you were",
    "i told my friends you were crazy and jealous",
    "i was always telling you to chill out",
    "i minimised it by saying it was only texting",
    "i said at least i told you, like that made it better",
    "i said it was a misunderstanding and it wasnt",
    "i acted like it had just happened, like i had no choice",
    "i said i had no choice and i did have a choice",
    "i told you i was drunk and didnt know what i was doing. i knew",
    "i said everyone does it, which was a lie to make myself feel better",
    "i used to say you made me do it",
    "i kept saying we were both to blame",
    "i tried to make it sound like it was your fault",
    "i said you pushed me to it and you didnt",
    "i said if you had been home more it wouldnt have happened and that was cruel",
    "i told you to stop bringing it up",
    "i said lets just move on and that wasnt fair",
    "i asked you to forgive me before you were ready",
    "i kept asking when you would get over it",
    "i said i had already apologised and you should drop it",
    "i told you it was in the past",
    "i said it meant nothing and i know that made it worse",
    "i said things like its not a big deal and calm down",
    "i did it because i was selfish",
    "i did it because i wanted attention and thats on me",
    "i lied because i was scared of losing you",
    "i did it because i was lonely, and thats not an excuse",
    "i did it because i was weak",
    "i lied because i didnt want to face it",
    "i hid it because i was ashamed",
    "i did it because i thought i could get away with it",
    "i read your messages because i was jealous",
    "i shouted because i was angry, and thats not okay",
    "i was drunk but i still chose it",
    "i was drunk, which is no excuse",
    "being drunk doesnt excuse it",
    "i had been drinking, and i take full responsibility",
    "i was drunk and i kissed her, and im not going to hide behind the drink",
    "i was stressed and i took it out on you",
    "i was exhausted and i snapped at you",
    "i was in a bad place and i made it your problem",
    "i was going through a lot and instead of talking to you i went to her",
    "i let things get out of hand",
    "i let it go too far",
    "i let it happen",
    "it happened because i let it",
    "it didnt just happen, i chose it",
    "mistakes were made, by me",
    "things were said that i cant take back, by me",
    "i called it a harmless crush. it wasnt harmless",
    "i kept saying it was only texting",
    "it was never just a kiss",
    "it wasnt one night, it was months",
    "i made it sound small",
    "youre not crazy",
    "you werent being dramatic",
    "you were never paranoid",
    "you have every right to be upset",
    "your feelings are not too much",
    "i wont ever tell you that youre overreacting again",
    "take all the time you need",
    "i wont rush you",
    "im not asking you to forgive me",
    "you dont have to forgive me",
    "there is no timeline",
    "whenever youre ready, if ever",
    "you can bring it up as many times as you need",
    "ill never tell you to move on",
    "if you want me to leave i will",
    "if you need space ill give it",
    "if it helps ill write down everything",
    "if theres anything i can do tell me",
    "if i ever do it again i'll leave",
    "if youre willing id like to try counselling",
    "even if you never forgive me",
    "if i could take it back i would",
    "if you ever want to read the messages, theyre yours",
    "i can see how hurt you are",
    "i know you feel betrayed, because you were betrayed",
    "your anger makes sense",
    "you have every reason to feel unsafe",
    "you did nothing to deserve this",
    "nothing you did caused this",
    "you never gave me a reason",
    "none of this is your fault",
    "you were a good partner to me",
    "you didnt make me do anything",
    "it wasnt because of anything you did",
    "you found out because i was careless, not because i was honest",
    "im ashamed that you had to find out yourself",
    "i know a text isnt enough but here goes",
    "ok. here goes. im sorry",
    "i hate myself for what i did to you",
    "i feel sick every time i think about it",
    "ive been in therapy working on why i did it",
    "i know my guilt is not your problem to fix",
    "it was cheating, whatever i called it at the time",
    "it was an affair, not a friendship",
    "i lied, there is no other word for it",
    "i'm sorry. i was wrong, you were right, and i'm going to keep saying it",
    "sorry for the long message",
    "i know you're tired of hearing sorry from me",
    "im not going to ask you to get past this quickly",
    "i used to tell you that you were being too sensitive. you never were",
    "i know that you think i only care about myself, and i can see why",
    "you might think this is just another apology, and you'd be right to doubt it",
    "i cant promise i'll never mess up again, but i can promise i'll never lie to you again",
    "sorry, that came out wrong. what i mean is that i was wrong",
    // Trigger words in their innocent senses.
    "i just want you to be happy now",
    "i only want you to feel safe again",
    "it was only ever you",
    "you were only ever good to me",
    "just tell me what you need",
    "i only have myself to blame",
    "the only thing that matters now is you",
    "it was just me being a coward",
    "just so you know, i am not going anywhere",
    "it is not a big ask, and i know i failed it",
    "you always put me first and i didnt do the same for you",
    "you never once made me feel anything but loved",
    "you always knew something was wrong and i kept lying",
    "you were always honest with me, and i wasnt",
    "you made it so easy to trust me and i broke that",
    "because you trusted me, i got away with it for months",
    "if you had asked me that night i would have lied, thats how bad it was",
    "we both know the truth now, and its on me",
    "what about you, how are you holding up",
    "you deserve someone who doesnt make you cry",
    "i cant sleep knowing what i did to you",
    "im not sleeping, but that is nothing compared to what you are going through",
    "i need you to know that none of this was your fault",
    "please dont feel like you have to answer this",
    "i need you to hear this, it wasnt you",
    "i know i cant ask you for anything right now",
    "i feel awful, and i know that how i feel isnt the point",
    "it is killing me that i hurt you",
    "this is hard to write",
    "i hate that i made you cry",
    "i dont deserve your forgiveness",
    "i wont ask you to forgive me",
    "i dont expect you to get over this",
    "you never have to let this go",
    "there is no rush to move on",
    "i will never say its in the past",
    "i know this wont be over soon, and it shouldnt be",
    "i said sorry too easily before, this time i want to show it",
    "i have apologised before and not changed, i know that",
    "what else can i do to make this better",
    "i dont know what else to say except that im sorry",
    "i know ive said this a hundred times but im sorry",
    "ask me whatever you want, how many times you want",
    "i get that you need to bring this up again and again",
    "it was a lie, there was no misunderstanding",
    "i didnt technically hide it, i lied outright, and thats worse",
    "i wasnt just texting her, i was seeing her",
    "it wasnt just once, it was for months",
    "it wasnt harmless, it was cruel",
    "i kept telling myself we were only friends",
    "i tried to pass it off as a misunderstanding",
    "it was a kiss, and it was a betrayal",
    "i know it might seem like only money to some people, but it was our future",
    "there is no such thing as a small lie between us now",
    "i was not drunk, i was sober and i chose it",
    "i had a choice and i made the wrong one",
    "i had every chance to stop and i didnt",
    "i could have told you at any point",
    "nobody made me do it",
    "no one pushed me",
    "it wasnt the alcohol, it was me",
    "i wasnt under pressure, i was selfish",
    "i cant blame work or stress or anything else",
    "i was going to tell you and i didnt, and that is the whole truth",
    "i never meant to hurt you, but i did, and intent doesnt change that",
    "i didnt mean to hurt you and i still did",
    "i was trying to protect myself, not you",
    "i told myself i was protecting you, which was a lie",
    "i didnt want to upset you, so i lied, and that made it worse",
    "you are allowed to be angry for as long as you need",
    "its okay if you're not ready to talk",
    "if you are angry, you have every reason to be",
    "i'd understand if you were too hurt to read this",
    "if you were hurt by anyone it was me",
    "i know you were scared, and you had every reason to be",
    "sorry you had to carry this alone for so long because of me",
    "im sorry you found out that way, i should have been the one to tell you",
    "i wish i had told you before you found out",
    "i never wanted you to find out like that, i wanted to tell you myself, and i didnt, and thats on me",
    "i'm sorry it came out the way it did, it should have come from me",
    "honestly im ashamed",
    "honestly i was wrong",
    "to be honest i lied",
    "technically i did lie, there is no way around it",
    "i wasnt even drunk, i have no excuse",
    "my sister talked me into telling you the truth",
    "i would never have done it if i had thought about you for one second",
    "to be fair, you warned me this would happen",
    "it was never planned, but that doesnt make it better",
    "when its time to move on, you will decide that",
    "if you are still talking about it in a year, thats okay",
    "if you cant forgive me, then i understand",
    "you took what i said to heart, and you were right to",
    "i feel sick about it, and i need you to tell me what would help",
    "i forgot that you never get time to yourself",
    "forgive me for being so slow to see it",
    "sorry for trying to fix it with words",
    "sorry for loving you so badly",
    "sorry i care more about my pride than about you",
    "now can we talk about what you need",
    "i want to move on from who i was",
    "things happened on that trip that should never have happened, and i made them happen",
    "a huge mistake was made and it was mine",
    "im sorry any of this happened to you. i did this",
    "you might be better off without me, and if you decide that, i will respect it",
    "im sorry im such a mess right now",
    "one night in six years and i threw it all away",
    "i need you now more than ever but i know i dont get to ask",
    "could you just tell me when youre home safe",
    "im sorry i lied but i was so scared of losing you, and that fear was my problem not yours",
    "im sorry, but i just cant keep lying to you",
    "im sorry, but i had no right",
    "im sorry but it was a choice, not a mistake",
    "im sorry, but i couldnt keep it from you anymore",
    "im sorry, but i have been lying to you",
    "sorry, but she was your friend and i crossed that line",
    "sorry but things were already hard for you and i made it worse",
    "im sorry but everyone deserves honesty and i didnt give you that",
    "im sorry, but i thought you deserved to hear it from me",
    "sorry, but i did it and i cant undo it",
    "im sorry but i only want you to know the truth now",
    "nothing happened that was your fault",
    "i know this probably means nothing to you right now, but im sorry",
    "i know it means nothing coming from me",
    "lies got told and i told them",
    "money was spent, and i spent it",
];

/// Written for the check's own parts, as `apology add` sees them one at a time: none may raise
/// a finding (they may well miss a component: each is only one part).
pub(super) const PARTS: &[&str] = &[
    "You were hurt and humiliated, and you felt like a fool in front of your friends.",
    "you felt scared and alone and you didnt know who to trust",
    "You got hurt, and you had to find out on your own.",
    "It made you feel like you were going crazy.",
    "i think it made you feel small and stupid, like you werent enough",
    "You were worried sick all night.",
    "I will call you every time I'm late, and I'll be home by seven on weeknights.",
    "Ill answer any question you have, for as long as you need.",
    "i lied about where i was on friday night",
];

#[test]
fn the_table_is_big_enough() {
    let genuine = parse(GENUINE);
    let non = parse(NON_APOLOGIES);
    assert!(genuine.len() >= 30);
    assert!(non.len() >= 30);
    for kind in &Kind::ALL[..8] {
        assert!(
            non.iter()
                .filter(|i| i.labels.iter().any(|l| l == kind.id()))
                .count()
                >= 3,
            "at least three non-apologies of kind {kind:?}"
        );
    }
}

#[test]
fn no_genuine_apology_is_flagged_or_missing_a_part() {
    let mut problems = Vec::new();
    for item in parse(GENUINE) {
        let report = check(&item.text);
        if !report.is_clean() {
            problems.push(format!(
                "{}\n    findings: {:?}\n    missing: {:?}",
                item.text,
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
    for item in parse(NON_APOLOGIES) {
        let found = findings(&item.text);
        if !found
            .iter()
            .any(|f| item.labels.iter().any(|l| l == f.kind.id()))
        {
            problems.push(format!(
                "{}\n    expected {:?}, found {:?}",
                item.text,
                item.labels,
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
fn genuine_lines_that_share_words_with_non_apologies_raise_no_finding() {
    let flagged: Vec<String> = GENUINE_LINES
        .iter()
        .filter_map(|line| {
            let found = findings(line);
            (!found.is_empty()).then(|| format!("{line}\n    {found:?}"))
        })
        .collect();
    assert!(flagged.is_empty(), "\n{}", flagged.join("\n"));
}

#[test]
fn a_single_part_of_an_apology_raises_no_finding() {
    for part in PARTS {
        let found = findings(part);
        assert!(found.is_empty(), "{part}: {found:?}");
    }
}
