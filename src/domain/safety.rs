//! The safety card's facts, and when it is shown.
//!
//! The card itself is words on a screen (`views::safety`): it is never saved, never part of
//! JSON, and asks nothing that is stored. This module holds what it lists (help by country,
//! each to be checked locally) and the two questions that decide when it appears unasked:
//! whether a feeling is one of the danger words (or hopelessness at strength 4 or more), and
//! whether a piece of text says that its writer wants to die or to harm themselves.
//!
//! Neither is a diagnosis. They are pointers: a false alarm shows a card of phone numbers once,
//! which costs little; a missed one costs far more, so the phrases lean towards showing it.

/// Where to find help in one country. Numbers change: the card says to check them locally.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resource {
    pub country: &'static str,
    pub emergency: &'static str,
    /// Lines for someone afraid of a partner.
    pub abuse: &'static [&'static str],
    /// Lines for someone thinking of suicide or in crisis.
    pub crisis: &'static [&'static str],
}

/// A few countries, as examples; everyone else is pointed to the international directory.
pub const RESOURCES: &[Resource] = &[
    Resource {
        country: "United States",
        emergency: "911",
        abuse: &["National Domestic Violence Hotline: 1-800-799-7233, or text START to 88788"],
        crisis: &["988 Suicide & Crisis Lifeline: call or text 988"],
    },
    Resource {
        country: "Canada",
        emergency: "911",
        abuse: &["shelters and helplines by region: sheltersafe.ca"],
        crisis: &["Suicide Crisis Helpline: call or text 988"],
    },
    Resource {
        country: "United Kingdom",
        emergency: "999",
        abuse: &[
            "National Domestic Abuse Helpline: 0808 2000 247",
            "Men's Advice Line: 0808 801 0327",
        ],
        crisis: &["Samaritans: 116 123"],
    },
    Resource {
        country: "Ireland",
        emergency: "112 or 999",
        abuse: &["Women's Aid: 1800 341 900", "Men's Aid: 01 554 3811"],
        crisis: &["Samaritans: 116 123"],
    },
    Resource {
        country: "Australia",
        emergency: "000",
        abuse: &["1800RESPECT: 1800 737 732"],
        crisis: &["Lifeline: 13 11 14"],
    },
    Resource {
        country: "New Zealand",
        emergency: "111",
        abuse: &["Women's Refuge: 0800 733 843"],
        crisis: &["Need to talk? Call or text 1737"],
    },
    Resource {
        country: "Germany",
        emergency: "112, police 110",
        abuse: &["Hilfetelefon Gewalt gegen Frauen: 116 016"],
        crisis: &["TelefonSeelsorge: 0800 111 0 111"],
    },
];

/// A directory of helplines in many more countries.
pub const DIRECTORY: &str = "findahelpline.com";

/// The feeling words that mean the card is shown whatever their strength: words a person
/// uses when they may not be safe.
pub const DANGER_WORDS: &[&str] = &["afraid", "threatened", "controlled", "trapped", "unsafe"];

/// Hopelessness shows the card from this strength up (1 to 5).
pub const HOPELESS_FROM: u8 = 4;

/// Whether recording this feeling shows the card. `intensity` is `None` when no strength was
/// given; a danger word shows it at any strength, hopelessness only when it is strong.
pub fn feeling_shows_card(word: &str, intensity: Option<u8>) -> bool {
    let word = word.trim().to_lowercase();
    if DANGER_WORDS.contains(&word.as_str()) {
        return true;
    }
    word == "hopeless" && intensity.is_some_and(|n| n >= HOPELESS_FROM)
}

/// Whether a danger word (at any strength) is among these words: the ones a partner is
/// offered not to save.
pub fn is_danger_word(word: &str) -> bool {
    DANGER_WORDS.contains(&word.trim().to_lowercase().as_str())
}

/// Whether anything about to be written calls for the card: a feeling that does, or a text
/// that speaks of dying or self-harm.
pub fn calls_for_card<'a>(
    feelings: &[crate::domain::feelings::FeelingEntry],
    texts: impl IntoIterator<Item = Option<&'a str>>,
) -> bool {
    feelings
        .iter()
        .any(|f| feeling_shows_card(&f.word, f.intensity))
        || texts.into_iter().flatten().any(calls_for_card_in_words)
}

/// Whether written words call for the safety card: words about wanting to die or to harm
/// oneself ([`mentions_self_harm`]), or about being hurt, threatened or afraid at home
/// ([`mentions_danger`]).
pub fn calls_for_card_in_words(text: &str) -> bool {
    mentions_self_harm(text) || mentions_danger(text)
}

/// Whether `text` says that its writer is being hurt, threatened or kept from leaving, or is
/// afraid for their safety ("he hits me", "she threatened me", "I feel unsafe at home", "I'm
/// scared of him"). Matched on words, like [`mentions_self_harm`]; it errs wide, because the
/// card is gentle and costs a reader nothing.
pub fn mentions_danger(text: &str) -> bool {
    let mut joined = format!(" {} ", words(text).join(" "));
    // "It hit me how much…": a realisation, not a blow.
    for thing in [
        "it", "that", "this", "what", "reality", "suddenly", "finally",
    ] {
        for verb in ["hit", "hits"] {
            joined = joined.replace(&format!(" {thing} {verb} me "), " ");
        }
    }
    const HURT: &[&str] = &[
        "hits",
        "hit",
        "hitting",
        "beating",
        "slaps",
        "slapped",
        "punches",
        "punched",
        "kicks",
        "kicked",
        "chokes",
        "choked",
        "strangles",
        "strangled",
        "shoves",
        "shoved",
        "threatens",
        "threatened",
        "threatening",
        "raped",
        "stalks",
        "stalked",
    ];
    for verb in HURT {
        for whom in ["me", "my kids", "the kids", "our kids", "my children"] {
            if joined.contains(&format!(" {verb} {whom} ")) {
                return true;
            }
        }
    }
    const PHRASES: &[&str] = &[
        " unsafe at home ",
        " feel unsafe ",
        " i am unsafe ",
        " not safe at home ",
        " do not feel safe ",
        " beat me up ",
        " beats me up ",
        " afraid of him ",
        " afraid of her ",
        " afraid of them ",
        " scared of him ",
        " scared of her ",
        " scared of them ",
        " frightened of him ",
        " frightened of her ",
        " afraid for my life ",
        " afraid for my safety ",
        " scared for my life ",
        " scared for my safety ",
        " will not let me leave ",
        " wont let me leave ",
        " will kill me ",
        " going to kill me ",
        " threatened to kill ",
        " threatens to kill ",
    ];
    PHRASES.iter().any(|p| joined.contains(p))
}

/// What a partner chooses for a danger word before it is saved. Every place that offers the
/// choice goes through [`DangerChoice::offered`], so a choice appears everywhere at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DangerChoice {
    /// Not saved at all: the default.
    LeaveOut,
    /// Saved as a private feeling: encrypted to its author, only they can read it. Offered
    /// where a feeling can be private (`feel`, not a check-in's feelings, which stay shared)
    /// and the partner has a passphrase of their own.
    KeepPrivate,
    /// Saved with the rest, where the other partner can read it.
    Save,
}

impl DangerChoice {
    /// The choices, in the order offered (the first is the default); `private` when keeping
    /// it private is possible.
    pub fn offered(private: bool) -> &'static [DangerChoice] {
        if private {
            &[
                DangerChoice::LeaveOut,
                DangerChoice::KeepPrivate,
                DangerChoice::Save,
            ]
        } else {
            &[DangerChoice::LeaveOut, DangerChoice::Save]
        }
    }
}

/// Whether `text` says that its writer wants to die, to end their life or to harm
/// themselves. Matched on words, in any case, with curly apostrophes, texting spellings
/// ("dont", "im") and a few words between ("I really just want to die"). The apology check's
/// own words for it count too ([`super::apology_check::speaks_of_self_harm`]), so that the
/// card and the check never disagree: this is the one question every caller asks.
pub fn mentions_self_harm(text: &str) -> bool {
    if super::apology_check::speaks_of_self_harm(text) {
        return true;
    }
    let words = words(text);
    let joined = format!(" {} ", words.join(" "));
    // Phrases that say it outright, whatever comes around them.
    const PHRASES: &[&str] = &[
        " kill myself ",
        " killing myself ",
        " end my life ",
        " ending my life ",
        " end it all ",
        " take my own life ",
        " taking my own life ",
        " take my life ",
        " hurt myself ",
        " hurting myself ",
        " harm myself ",
        " harming myself ",
        " cut myself ",
        " cutting myself ",
        " self harm ",
        " suicide ",
        " suicidal ",
        " better off dead ",
        " better off without me ",
        " no reason to live ",
        " nothing to live for ",
        " not want to be alive ",
        " not want to live ",
        " not want to be here anymore ",
        " not want to be here any more ",
        " wish i was dead ",
        " wish i were dead ",
        " wish i was not alive ",
        " wish i were not alive ",
        " wish i could disappear forever ",
        " want to disappear forever ",
    ];
    if PHRASES.iter().any(|p| joined.contains(p)) {
        return true;
    }
    // "I want to die", "I just want to die", "I'd rather die", "I feel like dying": the writer
    // (I, i'd, i'm) and a wish, then dying within a few words.
    const WISHES: &[&str] = &["want", "wanna", "wish", "rather", "ready", "going", "like"];
    for (i, word) in words.iter().enumerate() {
        if word != "i" {
            continue;
        }
        let window = &words[i + 1..words.len().min(i + 7)];
        let wish = window.iter().position(|w| WISHES.contains(&w.as_str()));
        if let Some(at) = wish {
            let after = &window[at + 1..];
            if after
                .iter()
                .take(3)
                .any(|w| w == "die" || w == "dying" || w == "dead")
            {
                return true;
            }
        }
    }
    false
}

/// Lowercase words of letters and digits; apostrophes dropped ("don't" → "dont") and the
/// short forms people type expanded ("dont" → "do not", "im" → "i am", "id" → "i would").
fn words(text: &str) -> Vec<String> {
    let lower = text
        .to_lowercase()
        .replace(['\u{2019}', '\u{2018}', '\''], "");
    let mut out = Vec::new();
    for raw in lower.split(|c: char| !c.is_alphanumeric()) {
        match raw {
            "" => {}
            "dont" | "doesnt" | "didnt" => out.extend(["do".to_string(), "not".to_string()]),
            "im" => out.extend(["i".to_string(), "am".to_string()]),
            "id" => out.extend(["i".to_string(), "would".to_string()]),
            "ive" => out.extend(["i".to_string(), "have".to_string()]),
            "wanna" => out.extend(["want".to_string(), "to".to_string()]),
            "selfharm" => out.extend(["self".to_string(), "harm".to_string()]),
            other => out.push(other.to_string()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_about_being_hurt_or_afraid_at_home_call_for_the_card() {
        for text in [
            "she hits me",
            "he threatened me and I am afraid",
            "I feel unsafe at home",
            "I don't feel safe with him",
            "honestly im scared of him",
            "he won't let me leave the house",
            "He choked me last night",
        ] {
            assert!(mentions_danger(text), "{text:?}");
            assert!(calls_for_card_in_words(text), "{text:?}");
        }
        for text in [
            "you pushed me away and it hurts me",
            "beats me why we argued",
            "I hit the gym after work",
            "it hit me how much I missed you",
            "I feel safe when you tell me the truth",
            "",
        ] {
            assert!(!mentions_danger(text), "{text:?}");
        }
    }

    #[test]
    fn sentences_about_wanting_to_die_or_self_harm_are_recognised() {
        for text in [
            "I want to die",
            "honestly i just want to die",
            "I don't want to live like this anymore, I don't want to live",
            "Sometimes I think about killing myself.",
            "im thinking of ending my life",
            "I'd rather be dead than go through this",
            "I wish I was dead",
            "I feel like dying",
            "I've been hurting myself again",
            "I'm sorry I'm such a terrible person, maybe you'd be better off without me",
            "I keep having suicidal thoughts",
            "I DON\u{2019}T WANT TO BE ALIVE",
            "I have nothing to live for",
        ] {
            assert!(mentions_self_harm(text), "{text}");
        }
    }

    #[test]
    fn ordinary_sentences_are_left_alone() {
        for text in [
            "I was dying to tell you about my day",
            "The plant died while we were away",
            "I want to live somewhere quieter one day",
            "We watched a film about a suicide squad of heroes",
            "I hurt you and I own it",
            "You hurt me",
            "I would die for a coffee",
            "",
        ] {
            // "suicide" alone is on the list on purpose: the card costs little. Only the film
            // title is a known false alarm, and it is accepted.
            if text.contains("suicide") {
                continue;
            }
            assert!(!mentions_self_harm(text), "{text}");
        }
    }

    #[test]
    fn danger_words_at_any_strength_and_hopelessness_from_four() {
        for word in DANGER_WORDS {
            assert!(feeling_shows_card(word, None), "{word}");
            assert!(feeling_shows_card(word, Some(1)), "{word}");
        }
        assert!(feeling_shows_card("Afraid", Some(2)));
        assert!(!feeling_shows_card("hopeless", None));
        assert!(!feeling_shows_card("hopeless", Some(3)));
        assert!(feeling_shows_card("hopeless", Some(4)));
        assert!(feeling_shows_card("hopeless", Some(5)));
        assert!(!feeling_shows_card("scared", Some(5)));
        assert!(is_danger_word("trapped"));
        assert!(!is_danger_word("hopeless"));
    }

    #[test]
    fn every_country_has_an_emergency_number_and_both_kinds_of_line() {
        assert!(RESOURCES.len() >= 4);
        for r in RESOURCES {
            assert!(!r.emergency.is_empty(), "{}", r.country);
            assert!(!r.abuse.is_empty(), "{}", r.country);
            assert!(!r.crisis.is_empty(), "{}", r.country);
        }
    }
}
