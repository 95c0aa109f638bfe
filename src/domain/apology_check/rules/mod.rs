//! The check's patterns, in the notation of `matcher`, over the words as `normalise` reads them
//! (so "dont", "don't" and "do not" are all `do not`, "im" is `i am`, "ur" is `you are`).
//!
//! Each finding rule names a kind and a pattern, and may name the contexts that make the same
//! words a genuine use: `not_before` (a pattern that ends where the match starts), `not_after`
//! (a pattern that starts where it ends), `not_near` (anywhere in the same sentence or the
//! next, outside the matched clause), `not_inside` (anywhere inside the match), and
//! `needs_near` (what must be close by for the words to count at all: "if you were hurt" is a
//! hedge next to "sorry", and care without it). On top of those, the engine
//! (`engine.rs` and `reading.rs`) applies the guards in `Guards`: reported or taken-back words, quotation
//! marks, negation, and plain ownership elsewhere in the apology.
//!
//! When adding a pattern, ask how a sincere writer could use the same words in another sense,
//! and add that line to the genuine lines in `table.rs`.
//!
//! The rules live by kind: `hedges` (conditional, their feelings, found out, no one did it),
//! `blame`, `excuses` (justifying), `shrinking` (minimizing, denying, dismissing), `pressure`
//! (demanding closure, flippant, self-focus); `components` says where responsibility, repair
//! and regret show.

use super::{Component, Kind};

mod blame;
mod components;
mod excuses;
mod fresh;
mod hedges;
mod pressure;
mod shrinking;
mod subtle;

pub use components::component_rules;

/// Word classes, each usable as `@name` in a pattern defined after it.
pub const CLASSES: &[(&str, &str)] = &[
    ("you", "you/u/ya"),
    (
        "deg",
        "so/really/very/too/way/just/still/literally/honestly/seriously/totally/completely/\
         clearly/obviously/always/again/quite/pretty/super/extremely/being/acting/getting/\
         overly/kinda/sometimes/now/also/all/such|kind of|sort of|a bit|a little|a little bit|\
         way too|far too|a bit too|way over|such a",
    ),
    (
        "feel",
        "upset/hurt/offended/bothered/insulted/disrespected/uncomfortable/angry/mad/sad/\
         disappointed/triggered/sensitive/annoyed/hurting/frustrated/jealous/insecure/confused/\
         betrayed/embarrassed/humiliated/uneasy/worried/anxious/scared/distressed/devastated/\
         heartbroken/crushed/wounded/pissed/cross/gutted/irritated/unhappy/lonely/alone/unloved/\
         neglected/ignored/unimportant/invisible/sore/salty/overwhelmed/stressed/down/low/awful/\
         terrible/bad/blue/rubbish/crap/shit/unwanted/unappreciated/unsafe/small/stupid/paranoid/struggling/suffering|finding (this/it) hard|\
         let down|\
         left out|put out|pissed off|taken for granted|that way|this way|like that",
    ),
    (
        "dismiss_adj",
        "overreacting/dramatic/overdramatic/hysterical/paranoid/crazy/irrational/unreasonable/\
         oversensitive/ridiculous/silly/petty/needy/clingy/\
         neurotic/mental/nuts/insane/psycho/delusional/obsessed/obsessing/overthinking/extra/\
         touchy/childish/immature/hormonal/exaggerating/hypersensitive|a drama queen|a baby|\
         too much|making things up|making it up|making stuff up|making this up|imagining things|\
         imagining it|imagining stuff",
    ),
    (
        "hurt_noun",
        "hurt/pain/harm/offense/offence/upset/distress/inconvenience/trouble/damage/confusion/\
         misunderstanding/misunderstandings/discomfort/stress/worry/anxiety/embarrassment/\
         frustration/disappointment/problems/issues/grief/heartache/upsets/offence/hassle/drama/\
         fuss/mess/aggravation/unpleasantness/sadness/tension/awkwardness/concern/concerns/doubt/\
         doubts/suspicion/suspicions/insecurity/insecurities/difficulty/difficulties/hardship/\
         strain/bother/annoyance/heartbreak/tears/sleepless|hurt feelings|bad feelings|ill \
         feeling|ill feelings|hard feelings",
    ),
    (
        "intox",
        "drunk/wasted/hammered/smashed/high/plastered/trashed/intoxicated/tipsy/stoned/pissed/buzzed/\
         loaded/legless/sloshed/blotto/steaming/wrecked/blackout|blackout drunk|black out drunk|blind drunk|\
         blacked out|out of it|off my (face/head/tits/nut/trolley)|out of my (head/mind/skull)|not \
         sober|under the influence|high as a kite|drunk as a skunk|on something",
    ),
    // What people drink or take, as they name it in an excuse ("blame the wine").
    (
        "drink",
        "alcohol/drink/drinks/booze/drugs/pills/weed/wine/beer/beers/vodka/tequila/whisky/whiskey/gin/\
         rum/shots/cocktails/prosecco/meds/medication/coke/molly",
    ),
    // Finding out, in the words people use for it.
    (
        "discover",
        "found/find/finding/saw/see/seen/seeing/heard/hear/hearing/learned/learnt/learn/learning/\
         discovered/discover/read/caught/catch/checked/check|found out|find out|finding out|came \
         across|come across|stumbled (on/upon/across/onto/into)|stumble (on/upon/across/onto)|went \
         (snooping/digging/looking/through)|go (snooping/digging/looking/through)|gone (snooping/\
         digging/looking/through)|been (snooping/digging/looking/checking)|looked (through/at/into)|\
         look (through/at/into)|ended up (seeing/finding/reading/hearing|finding out)|happened to \
         (see/find/read/hear)|got wind|figured (it/this) out|worked it out",
    ),
    // A breach recast as a mix-up.
    (
        "mixup",
        "misunderstanding/misunderstandings/miscommunication/miscommunications/confusion/\
         misinterpretation/mixup|mix up|mixed up|crossed wires|wires crossed|crossed signals|signals \
         crossed|mixed signals|mixed messages|crossed lines",
    ),
    // Care the writer asks for for themselves.
    (
        "care_me",
        "(look after|take care of|comfort|reassure|hug|cuddle|be gentle with|be nice to|be kind to|go \
         easy on|be easy on|be soft with|be sweet to|feel sorry for|pity|cheer up) me|hold \
         me (>|tight|close|please|.)|be there for me|have my back|cut me (some|a bit of|a little) \
         slack|give me a break|give me a (hug/cuddle/kiss)|show me (some|a little) (love/kindness/sympathy/compassion/mercy|\
         love)|make me feel (better|okay|loved|safe)",
    ),
    // Circumstances outside the writer, as they get blamed ("traffic was insane").
    (
        "external",
        "traffic/work/life/things/everything/stress/circumstances/timing|the (traffic/train/bus/tube/\
         kids/weather/job/office/meeting|beers/drink/drinks/wine/alcohol/booze/vodka/tequila)|my (boss/\
         job/work/phone/battery/schedule/shift/mum/mom/dad/family/friends/mates|alarm)|work stuff|\
         the (week/day/month) (i have had|i had)",
    ),
    // A day or a moment set as a deadline.
    (
        "deadline_day",
        "monday/tuesday/wednesday/thursday/friday/saturday/sunday/tonight/tomorrow/christmas/\
         then/morning/midnight|the weekend|this weekend|next week|new year|the end of (the/this) \
         (week/month/day/year)|your birthday|the holidays",
    ),
    (
        "state",
        "stressed/tired/exhausted/lonely/bored/depressed/overwhelmed/struggling/burnt/burned/hangry/cranky/\
         grumpy|\
         under [so much|a lot of|a ton of|loads of|too much|huge|massive] pressure|\
         going through (a lot|so much|stuff|things|some stuff|some things|a [really/very/\
         super] (hard/rough/tough/difficult/bad/dark) (time/patch/period))|\
         in a [really/very] bad/dark/terrible/horrible/weird/low/rough/shit place/headspace/\
         space|not in a good place/headspace/space/way|not myself|not thinking straight/clearly|\
         not in my right mind|out of my mind [with (stress/worry/grief)]|in a bad way|grieving|not \
         coping|at breaking point|at my lowest|with stress|all over the place",
    ),
    (
        "adv",
        "just/really/also/then/totally/completely/actually/basically/even/still/literally/deliberately/purposely/knowingly/willingly/again/stupidly/selfishly/honestly/truly/clearly/obviously/probably/definitely/always/forever|went and",
    ),
    // The opening of a frame: the writer reporting their own earlier words or behaviour, or
    // their partner's, rather than saying them now.
    (
        "frame_i",
        "i [@adv] [@adv] (said/say/claimed/insisted/swore/implied/suggested/joked/screamed/yelled/\
         shouted/wrote/snapped/argued/hinted/muttered/replied/answered/responded/accused/\
         pretended/pretend/labelled/labeled/dismissed/mocked|told/tell _|called/call _|\
         acted/act/treated/treat ~3 like/as|kept/keep saying/telling/calling/insisting/acting/\
         treating/making/asking/pretending/implying/accusing|made/make (you|it|out) ~2|\
         let you believe/think/feel|tried to convince/make/tell ~2|convinced ~1|\
         gaslit/gaslighted ~2|brushed ~2 off|played ~2 off/down|laughed ~2|used to say/tell/call|\
         would say/tell/call|was like|went on about|blamed ~3|put it on you|\
         made excuses|minimized/minimised ~2|thought/believed/figured/assumed|told myself|(wanted/\
         expected/needed/pushed/pressured/asked/begged/told/forced/rushed|kept asking|kept telling) you \
         to|texted/\
         messaged/promised/assured/reassured/denied/described/framed/excused ~3|(shrugged/waved/laughed/\
         passed/wrote/explained) ~2 (off/away)|passed ~2 off as|behaved (like|as if|as though)|made \
         (it/this/that) (seem/sound/look))|i (will not|am not going to|can not|would never|refuse \
         to) (pretend/say/claim|act like)",
    ),
    // "…and said", "…then told you": a report after another verb ("I lied and said…").
    (
        "frame_and",
        "(and/then) [i] [then] (said/claimed/insisted/swore/told/called/acted/pretended|told you|made out)",
    ),
    (
        "frame_other",
        "(@you) [@adv] [will/would/might/may/must] [@adv] (said/asked/thought/felt/wondered/worried/\
         believed/feared/think/feel/say/believe/wonder|told me|kept (saying/asking|telling me)|\
         kept asking|asked me|asked if|begged|were scared/afraid/worried)|\
         (the/my/that) (lie/lies/story/excuse/line) [was|i told] [that]|\
         saying/telling/calling/claiming/insisting/pretending/implying/accusing/blaming|\
         when i said/told/called/acted/snapped|(that/it|which) made it (sound/seem/look) like",
    ),
    // Words that take back what was just said: "...and that was a lie", "you weren't".
    (
        "retraction",
        "(it/that) (is/was) not (.|,)|(it/that) happened because (i|of me)|nothing just happened|(only|that|it) means nothing|(that/this/which|all of that|none of that|every word of that) (was/is) [all] [just] [a/an] \
         (lie/lies/untrue/false/bullshit/rubbish/nonsense|not true|never true|a lie|not what \
         happened|gaslighting|manipulative|a cop out)|(@you) (were/are) (not/never) [being] [@deg] \
         (@dismiss_adj|wrong|the problem|to blame|at fault)|(@you) were right|and it was not ,|\
         (that/only/size|the (amount/number/size)|how (many/much/long/small)) (does/did) not \
         (matter|change anything|make it (okay/ok/better/right|any better))|(that/it/this) (is/was) \
         (no|not an|never an|not any) excuse|(that/it/this) (does/did) not excuse (it/anything/that|what \
         i did)|(it/that) (was/is) still (a lie|lying|cheating|a betrayal|wrong|my choice|a choice|on \
         me|my fault)|none of (that/this|it) (excuses/justifies) ~3",
    ),
];

/// Guards the engine applies around a finding rule.
#[derive(Debug, Clone, Copy)]
pub struct Guards {
    /// Skip when the words are negated or declined just before ("I won't ask you to…").
    pub negation: bool,
    /// Skip when the writer is reporting earlier words ("I said…", "you asked if…"), or
    /// taking them back straight after, or quoting.
    pub frame: bool,
    /// Skip when the apology owns the act plainly somewhere else ("…that was me, and there's no
    /// excuse"): for the kinds where the words alone are only a hint (an explanation, a passive,
    /// being sorry it came out, sorry about their feelings), which plain ownership turns into
    /// context rather than an excuse.
    pub owned: bool,
    /// Count only when nothing in the whole apology is owned (the responsibility component is
    /// missing): for cues that are ordinary parts of a real apology once the act is named ("I
    /// never meant to hurt you", "I was going to tell you") and a way round it when nothing is.
    pub unowned: bool,
    /// A light word ("lol", "my bad"): a matter of tone in an apology that owns the act and
    /// offers repair, so set aside there. Every flippant rule is light unless it is an edge
    /// (sarcasm), which undoes even a complete apology.
    pub light: bool,
}

/// Plain ownership, which turns a hint of an excuse or a passive into an explanation the writer
/// owns.
pub const OWNED: &str = "(that/it/this) (was/is) [all] (me|on me|my fault|my doing)|[that is] no \
     excuse|not an excuse|(that/it) is on me|[it is|it was] my fault|i should [never/not] have|i put you \
     through (it/this/that)|i did (that/this) to you|i am the one (who/that) (hurt/did/lied/broke/\
     cheated)|i was (wrong/selfish/cruel/unfair|out \
     of line|out of order|in the wrong|a jerk|an idiot|an ass)|i should have|i said it to (hurt/scare/upset/\
     wound|punish) you|(that is|it is) mine to (deal with|fix|carry|work on|handle)|i take \
     [full/complete/all] responsibility|i own (this/that/it|what i did)|(nobody|no one) (made|forced) \
     me|i chose|(kept|keep) choosing|it was my (choice/decision)|i made (the/that) (choice/decision)|i did \
     (this/that)|(it/that) was mine|mine alone|i (cheated on|lied to|betrayed) you|(those/both|all of (it/that/this|those)|all three of those|both of \
     those) (are/were|is|was) [all] (on me|mine|my fault|my doing)|(that/it/this) was me (*ing)";

/// Words about wanting to die or to harm oneself. No finding is ever reported in a sentence
/// that holds them, and no "turning to your own pain" finding anywhere in the text: someone
/// writing this needs care, not a critique of their apology (the safety card is for that).
/// Erring wide costs only a finding not shown.
pub const SELF_HARM: &str = "(want/wanted/wanting|wanna|want to|going to|gonna|thinking about|thought \
     about|think about|thinking of|feel like|felt like|rather|could|might as well|should [just]) [to] \
     (die|be dead|kill myself|end it all|end my life|end things|hurt myself|harm myself|disappear \
     forever|not be here|not wake up|not exist|not be alive)|(kill/killing/killed/hurt/hurting/harm/\
     harming/cut/cutting/starve/starving) myself|end (it all|my life|my own life)|ending (it all|my \
     life|things)|suicide/suicidal/overdose|better off (dead|without me)|(do not|did not|no longer|not) \
     (want/wanna) [to] (live|be alive|be here|exist|wake up|go on|be around)|no (reason/point) (to live|in \
     living|in going on|being alive|in being here)|wish i (was/were|had been) dead|wish i (had not|had \
     never|was never|were never) been born|wish i (could|would) (die|disappear)|take my [own] life|(i am|i \
     feel like|i feel) [@deg] [such|just] a burden|not be (here|around) (anymore|much longer|for long|any \
     more)|(can not|do not want to) go on (living|anymore|like this)|jump (off|in front)|not worth (living|\
     saving|it anymore)|(everyone/everybody|you all|you) (would be|will be|are) better off";

pub struct RuleDef {
    pub kind: Kind,
    pub pattern: &'static str,
    pub not_before: Vec<&'static str>,
    pub not_after: Vec<&'static str>,
    pub not_near: Vec<&'static str>,
    /// Patterns that must not occur anywhere inside the match.
    pub not_inside: Vec<&'static str>,
    /// A pattern that must occur in the same sentence or the next, for the words to count
    /// ("if you were hurt" is a hedge next to "sorry", and an offer of care without it).
    pub needs_near: Option<&'static str>,
    /// A weaker, broader rule: it gives way to any other finding on the same words.
    pub weak: bool,
    pub guards: Guards,
}

impl RuleDef {
    fn not_before(mut self, p: &'static str) -> Self {
        self.not_before.push(p);
        self
    }
    fn not_after(mut self, p: &'static str) -> Self {
        self.not_after.push(p);
        self
    }
    fn not_near(mut self, p: &'static str) -> Self {
        self.not_near.push(p);
        self
    }
    fn not_inside(mut self, p: &'static str) -> Self {
        self.not_inside.push(p);
        self
    }
    fn needs_near(mut self, p: &'static str) -> Self {
        self.needs_near = Some(p);
        self
    }
    fn weak(mut self) -> Self {
        self.weak = true;
        self
    }
    fn even_negated(mut self) -> Self {
        self.guards.negation = false;
        self
    }
    fn even_reported(mut self) -> Self {
        self.guards.frame = false;
        self
    }
    /// Skip when the apology plainly owns the act elsewhere (see `Guards::owned`), for a rule of
    /// a kind that is otherwise held to it regardless.
    fn unless_owned(mut self) -> Self {
        self.guards.owned = true;
        self
    }
    /// Keep the match even when the apology owns something plainly elsewhere (see
    /// `Guards::owned`): for words whose ownership is itself the problem.
    fn even_owned(mut self) -> Self {
        self.guards.owned = false;
        self
    }
    /// Sarcasm rather than a light word: kept even in an apology that owns the act and offers
    /// repair (see `Guards::light`).
    fn edge(mut self) -> Self {
        self.guards.light = false;
        self
    }
    /// Count only when nothing in the apology is owned (see `Guards::unowned`).
    fn only_unowned(mut self) -> Self {
        self.guards.unowned = true;
        self
    }
}

fn r(kind: Kind, pattern: &'static str) -> RuleDef {
    let negation = matches!(
        kind,
        Kind::Dismissing
            | Kind::DemandingClosure
            | Kind::Minimizing
            | Kind::BlameShifting
            | Kind::Justifying
            | Kind::PassiveVoice
            | Kind::SelfFocus
            | Kind::Denying
    );
    RuleDef {
        kind,
        pattern,
        not_before: Vec::new(),
        not_after: Vec::new(),
        not_near: Vec::new(),
        not_inside: Vec::new(),
        needs_near: None,
        weak: false,
        guards: Guards {
            negation,
            frame: true,
            owned: matches!(
                kind,
                Kind::FoundOut | Kind::TheirFeelings | Kind::Justifying | Kind::PassiveVoice
            ),
            unowned: false,
            light: kind == Kind::Flippant,
        },
    }
}

/// "That's no excuse", said in the same sentence or the next, turns a reason into an
/// explanation the writer owns.
const OWNED_REASON: &str = "(no/not/never) [an/a/any] excuse|i broke (that/my/the|our) (promise/word)|(that/it) (was not|is not) (fair/okay/ok/right|fair \
     on you)|\
     (does/did) not (excuse/make/justify) ~2|(it/that/this) is not (why|the reason|an excuse)|\
     not your fault|(that/it/this) is on me|i chose ~2|my choice|no reason good enough|\
     i am not making excuses|not (excusing|justifying)";

/// After "sorry … but you", the owning continuations: "…but you deserved the truth".
const OWNING_AFTER_YOU: &str = "deserve/deserved/matter|did not deserve|do not deserve|were right|are \
     right|did nothing|never deserved|have every right|(need/have|ought) to (know/hear|see this|read \
     this)|should know|deserve to know|can (ask/check/see/have/call)|were never|are not the problem|do not \
     have to|never have to|did not do anything|never did anything";

/// Inside "sorry … but", a first half that is about the message, not the act: "sorry this is long,
/// but…", "sorry if I'm saying this badly, but…".
const META_SORRY: &str = "sorry (if/for/that) ~3 (saying/writing/explaining/rambling/long/badly/messy/\
     jumbled|the long|the length)|(this/it) (is/was) (long|a lot|messy|all over the place)";

/// The writer owning the feeling they caused, said next to "sorry you felt…".
const OWNED_FEELINGS: &str = "i (cheated|lied|betrayed you|broke your trust)|i (did/caused/made/put/scared/hurt/embarrassed/humiliated/betrayed/left/\
     pushed) (that/this/it/you)|because of me|my fault|i (am/was) the (reason/cause)|(that/it) (is/was) \
     (on me|me|all me)|i did that to you|(@you) (are/were) right|(@you) (have/had) every (right/reason)|i \
     gave you (every/good|a good) reason|because (i|of me|of what i)|because of (something/things|what) \
     i|something i (was part of|did)|i am the one (who/that)|i put you \
     through (it/this/that)";

/// The pace left to the partner: "…when you're ready", "…in your own time".
const WHEN_READY: &str = "~~10 ((when/if/whenever/until/once) (@you) [@deg] (are/feel/want/decide/choose/say|\
     are ready|feel ready)|(in/on/at) your [own] (time/pace/terms/timeline)|if (it/that) is what (@you) \
     want|however long|as long as|no matter how long|one day|someday|eventually|together|up to you|your \
     (call/choice/decision))";

/// A counterfactual that owns the act: "if you hadn't found the texts I'd still be lying".
const OWNING_COUNTERFACTUAL: &str = "~12 (still be (lying/hiding/doing/seeing/cheating/texting)|be \
     lying|[ever] have (told/confessed|come clean|been honest)|(never/ever/not) [have] (told/known/\
     confessed|come clean|been honest|stopped)|kept (lying/hiding/going/doing/seeing)|have lied|lied to \
     you|gone on|carried on|still be|lied|hidden it|hid it)";

/// After a state ("I was in a bad place…"), the writer going on to name what they did with it:
/// "…and I made it your problem", "…and instead of talking to you I went to her".
const AND_THEN_I_DID: &str = "[,] and [then] [instead of ~4] i _^was/felt/needed/wanted/thought/just/\
     could/did/had/do/know/knew/am/guess/think/feel";

/// An apology, or the disclaimer that stands in for one, near a hedge.
const APOLOGY_NEAR: &str = "sorry/apologize/apologies/apology/regret/apologizing|(never/not) (my \
     intention|meant|intended)|did not mean|forgive me";

/// The finding rules, kind by kind.
/// The finding rules, kind by kind. The order only decides which kind is named when two rules
/// quote exactly the same words.
pub fn finding_rules() -> Vec<RuleDef> {
    let mut rules = hedges::rules();
    rules.extend(blame::rules());
    rules.extend(shrinking::rules());
    rules.extend(excuses::rules());
    rules.extend(pressure::rules());
    rules.extend(subtle::rules());
    rules.extend(fresh::rules());
    rules
}
