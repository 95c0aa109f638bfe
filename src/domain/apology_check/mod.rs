//! The apology check: finds the turns of phrase that make an apology land as a non-apology,
//! and notices when one of the parts that matter most is missing.
//!
//! Research on apologies (Lewicki, Polin & Lount, 2016) ranks acknowledging responsibility
//! and offering repair highest, regret, explanation and repentance next, and a request for
//! forgiveness last. The check looks for the opposite moves: an "if" that doubts the hurt,
//! sorrow about the other's feelings instead of one's act, blame handed back, shrinking
//! words, excuses, sentences with no one in them, brushing off, and hurrying to be done.
//!
//! Every pattern is a `regex` (finite automata: time linear in the input, so no input can
//! make it blow up), case-insensitive, anchored on word boundaries, and written so that a
//! curly apostrophe matches wherever a straight one does. Some patterns carry a `skip`
//! group: a match that includes it is a genuine use of the same words ("I told you it was
//! just a friend, and it wasn't", "I understand if you feel angry"), and is left alone.
//! It works like a look-behind, which the linear-time engine does not offer.

use std::sync::LazyLock;

use regex::Regex;
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
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Conditional,
        Kind::TheirFeelings,
        Kind::BlameShifting,
        Kind::Minimizing,
        Kind::Justifying,
        Kind::PassiveVoice,
        Kind::Dismissing,
        Kind::DemandingClosure,
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
                "Words that shrink what happened tell your partner their pain is too big for \
                 it. They feel it at its real size."
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
                "Put yourself in the sentence: \"I made a mistake\", \"I said things that \
                 hurt you\"."
            }
            Kind::Dismissing => {
                "Let their feelings be as big as they are. You might say: \"I can see how much \
                 this hurt you.\""
            }
            Kind::DemandingClosure => {
                "Leave the pace to them. You might say: \"Take all the time you need; I'll keep \
                 showing up.\""
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

/// One place where a draft slips into a non-apology.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: Kind,
    /// The words that set it off, with the rest of their clause (a few words at most).
    pub excerpt: String,
    /// Byte offsets of the quoted words in the checked text.
    pub start: usize,
    pub end: usize,
}

impl Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut s = serializer.serialize_struct("Finding", 4)?;
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("excerpt", &self.excerpt)?;
        s.serialize_field("why", self.kind.why())?;
        s.serialize_field("suggestion", self.kind.suggestion())?;
        s.end()
    }
}

/// Everything the check found in one text: the `--json` shape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub missing: Vec<Component>,
}

impl Report {
    pub fn is_clean(&self) -> bool {
        self.findings.is_empty() && self.missing.is_empty()
    }
}

// Building blocks, spliced into the patterns below by name.
//
// SAY: the words were reported or pretended, not meant ("I told you it was just…",
// "I acted like it was no big deal"). NEG: the words are negated or declined ("I won't ask
// you to get over it", "you don't have to let it go"). WHEN: a time clause ("when it
// happened"). AFTER: the sentence goes on to name the actor ("…hurt by what I did").
const SAY: &str = r"(?P<skip>\b(?:told you|said|claimed|insisted|pretended|pretending|acted like|acting like|act like|treated it like|treated it as|treated (?:your|the) \w+ like|like|as if|as though|kept saying|made it sound like|called it)(?: that)?(?: (?:it|this|that|she|he|they|we|nothing))?(?:'s| (?:was|is|were|wasn't|isn't))?\s*)?";
const NEG: &str = r"(?P<skip>(?:\bnot|n't|\bnever|\bno one|\bnobody)(?: \w+){0,8} )?";
const WHEN: &str = r"(?P<skip>\b(?:when|where|how|after|before|since|why|what|until|the (?:night|day|moment|time|way)(?: that)?) )?";
const AFTER: &str = r"(?P<skip_after>(?: \w+){0,2} (?:by (?:me|what i|my|how i)|because (?:of )?(?:me|what i|i|my)|when i|and i (?:know|own|caused|did))\b)?";
const DESERVE: &str = r"(?P<skip_after>(?: \w+)? (?:deserve|deserved|have to forgive|need to forgive|have to answer|owe me nothing|matter|mean)\b)?";

/// (kind, pattern). In a pattern, a space means "one or more whitespace characters" and `'`
/// means any apostrophe, straight or curly.
const PATTERNS: &[(Kind, &str)] = &[
    // Conditional.
    (
        Kind::Conditional,
        r"\b(?:sorry|apologi[sz]e|apologies|regret it)(?: to you| to anyone| to everyone)? if\b",
    ),
    (
        Kind::Conditional,
        r"(?P<skip>\b(?:understand|get it|know|accept|fair enough) )?\bif (?:you|anyone|anybody|someone|somebody|people) (?:were |was |got |felt |feel |have been |are |might have been |may have been |somehow )?(?:hurt|offended|upset|bothered|insulted|disrespected|uncomfortable|wronged|let down|slighted|embarrassed)\b",
    ),
    (
        Kind::Conditional,
        r"(?P<skip>\b(?:understand|get it|know|accept|fair enough) )?\bif you (?:felt|feel|took it|take it|took that|take that|thought|think|saw it|see it|perceived|interpreted)\b",
    ),
    (
        Kind::Conditional,
        r"\bif (?:i|my (?:words|actions|behaviou?r|comments?|jokes?|tone)|what i (?:said|did)|that|this|it|anything i (?:said|did)) (?:have |has |may have |might have |somehow |in any way |ever )?(?:hurt|offended|upset|bothered|came across|come across|caused|crossed a line|was (?:hurtful|offensive|wrong|out of line|insensitive|too much)|did (?:anything|something) wrong|said (?:anything|something) wrong|did anything|said anything)\b",
    ),
    (
        Kind::Conditional,
        r"\b(?:to the extent (?:that )?(?:i|you|my|anyone)|if in any way|if at all i)\b",
    ),
    (
        Kind::Conditional,
        r"\b(?:whatever|anything) (?:that )?i (?:may have |might have )?(?:did|done|said|caused)\b",
    ),
    (
        Kind::Conditional,
        r"\b(?:any|whatever) (?:hurt|pain|harm|offen[cs]e|upset|distress|inconvenience|trouble|damage)(?: that)? (?:i|this|that|it|my \w+) (?:may|might|could) have caused\b",
    ),
    (
        Kind::Conditional,
        r"\b(?:i|we) (?:may|might) have (?:hurt|upset|offended|caused|done|said|overstepped)\b",
    ),
    // Sorry about their feelings.
    (
        Kind::TheirFeelings,
        r"\bsorry (?:that )?you(?:'re| are| were| got| get| have been|'ve been) (?:so |really |very |feeling |a bit |a little )?(?:upset|hurt|offended|angry|mad|sad|bothered|disappointed|triggered|sensitive|uncomfortable|annoyed|hurting|frustrated|jealous|insecure|confused)\b(?P<skip_after> (?:by (?:what i|my|me)|because (?:of )?(?:what i|i|my|me))\b)?",
    ),
    (
        Kind::TheirFeelings,
        r"\bsorry (?:that )?(?:you|u) (?:feel|felt|feeling|think|thought|took|take|see|saw|perceived|interpreted|reacted|chose to)\b",
    ),
    (
        Kind::TheirFeelings,
        r"\bsorry (?:for|about) (?:how|the way|what) you (?:feel|felt|are feeling|took|reacted|see)\b",
    ),
    (
        Kind::TheirFeelings,
        r"\bsorry (?:that )?your feelings (?:were|got|have been|are) hurt\b",
    ),
    (
        Kind::TheirFeelings,
        r"\bsorry you(?:'re| are) (?:taking|making) (?:it|this|that)\b",
    ),
    // Blame handed back.
    (
        Kind::BlameShifting,
        r"\bbut you(?: also| too| were| did| do| never| always| started| made| kept| should| could| knew| pushed| ignored| had| have to admit|'re| are|'ve| have|'d| would| weren't| didn't| don't| aren't| haven't| hadn't| wouldn't| won't| can't| left| went| said| yelled| lied| cheated| nag| nagged)\b{DESERVE}",
    ),
    (
        Kind::BlameShifting,
        r"\byou (?:made|make|forced|force|drove|drive|pushed|push|provoked|provoke) me (?:to |into )?(?:do|say|act|react|lose|snap|yell|shout|cheat|lie|look|go|it|this|that|feel like i had to)\b",
    ),
    (
        Kind::BlameShifting,
        r"\byou (?:pushed|drove|forced|provoked|nagged|goaded|drove) me\b",
    ),
    (
        Kind::BlameShifting,
        r"\bbecause you(?: were| weren't| never| always| kept| made| did| didn't| wouldn't| won't| pushed| ignored| started| left| had been| don't| do| went| said| nag| nagged| push| ignore| refuse| refused)\b",
    ),
    (
        Kind::BlameShifting,
        r"\bif you(?: hadn't| had not| had|'d| would have| would| had only| just)(?: just| only| ever)? (?:been|paid|listened|given|not|stopped|cared|shown|treated|let|spent|made|told|stayed|come|answered|noticed|pushed|nagged|ignored|started|left|gone|kept|checked|snooped|looked|asked|trusted|believed|understood|said|done|acted|wanted|needed|talked|called|texted|tried)\b",
    ),
    // "If you hadn't …, this wouldn't have happened": any verb after "if you hadn't". (Not
    // "if you didn't": "I'd understand if you didn't want to talk" is kind, not blame.)
    (
        Kind::BlameShifting,
        r"\bif you(?: hadn't| had not|'d not) [a-z]+",
    ),
    (
        Kind::BlameShifting,
        r"\b(?:it's|it is|it was|this is|this was|that's|that is|that was) (?:partly |also |half |just as much |as much )?your fault\b",
    ),
    (Kind::BlameShifting, r"\byour fault (?:too|as well)\b"),
    (
        Kind::BlameShifting,
        r"\bwhat about (?:you|what you|when you|your)\b",
    ),
    (
        Kind::BlameShifting,
        r"\byou(?:'re| are| were) (?:the one who|not (?:perfect|innocent|a saint)(?: either)?|no saint|just as bad|to blame|partly to blame|also to blame)\b",
    ),
    (
        Kind::BlameShifting,
        r"\byou (?:did|do) (?:it|this|that|the same)(?: thing)? (?:too|as well|all the time)\b",
    ),
    (
        Kind::BlameShifting,
        r"\bwe(?:'re| are| were)? both (?:made mistakes|to blame|at fault|messed up|did things|guilty|responsible)\b",
    ),
    (
        Kind::BlameShifting,
        r"\b(?:it takes two|call it even|you started (?:it|this|that)|you brought (?:this|it) on yourself|what did you expect)\b",
    ),
    (
        Kind::BlameShifting,
        r"\byou never (?:listen|have time|make time|paid attention|pay attention|gave me|give me|help|support|talk|cared|care|noticed|notice)\b",
    ),
    (
        Kind::BlameShifting,
        r"\byou always (?:do|did|make|made|start|started|nag|ignore|ignored|criticize|criticise|push|pushed)\b",
    ),
    // Excuses.
    (Kind::Justifying, r"\bsorry\s*,?\s*but\b"),
    (
        Kind::Justifying,
        r"\b(?:sorry|apologi[sz]e)\b[^.!?;\n]{1,80}?(?P<show>\bbut (?:i was|i had|i thought|i didn't|i felt|i just|i only|i couldn't|it was|that was|honestly|at least|in my defen[cs]e|to be fair|you|everyone|anyone)\b){DESERVE}",
    ),
    (
        Kind::Justifying,
        r"\b(?:i had no (?:other )?choice|i didn't have (?:a|any|much) choice|(?:you|it|they|she|he|that) left me (?:no|with no) (?:other )?choice)\b",
    ),
    (
        Kind::Justifying,
        r"\bwhat (?:else )?(?:was i supposed to|could i have|did you want me to|would you have) do\b",
    ),
    (
        Kind::Justifying,
        r"\b(?:anyone|anybody|everyone|everybody) (?:would have|would've|does|did|else would)\b(?P<skip_after> (?:been|felt|be|feel) (?:hurt|upset|angry|devastated|furious|betrayed)\b)?",
    ),
    (
        Kind::Justifying,
        r"\b(?:i (?:only|just) did (?:it|that|this) (?:because|since|to)|i did (?:it|that|this) (?:only|just) because|the only reason i)\b",
    ),
    (
        Kind::Justifying,
        r"\bi (?:was only|was just|only wanted to|just wanted to|was simply) (?:trying|try|help|protect|have fun|be nice|being nice|joking|kidding|being honest|having fun)\b",
    ),
    (
        Kind::Justifying,
        r"\b(?:i couldn't help (?:it|myself)|i had (?:every right|my reasons|good reason|a good reason)|in my defen[cs]e|to be fair|it's not like i|it isn't like i|i was (?:only |just )?(?:joking|kidding))\b",
    ),
    (
        Kind::Justifying,
        r"\bi was (?:so |really |just |very )?(?:drunk|stressed|tired|exhausted|lonely|bored|under (?:a lot of )?pressure|going through a lot)\s*,?\s*(?:so|and so|that's why|which is why|and that's why)\b",
    ),
    (
        Kind::Justifying,
        r"\b(?:everyone|everybody) does (?:it|that|this)\b",
    ),
    // Making it smaller.
    (
        Kind::Minimizing,
        r"{SAY}(?:\bwas|\bis|\bwere|'s)(?P<skip_neg>n't| not)? (?:just|only|merely|simply|nothing but|nothing more than) (?:a|an|one|some|two|a few|texting|talking|flirting|friends|words|harmless|innocent|sex|physical|a bit of)\b",
    ),
    (
        Kind::Minimizing,
        r"{SAY}(?P<skip_neg>(?:n't|\bnot) )?\b(?:just|only) (?:one|a single|one little|a little|a tiny) (?:night|time|kiss|text|drink|mistake|lie|slip|message|fling|date)\b",
    ),
    (
        Kind::Minimizing,
        r"{SAY}(?P<skip_neg>(?:n't|\bnot) )?(?:\bwas|'s|\bjust|\bonly) one night\b",
    ),
    (
        Kind::Minimizing,
        r"\b(?:only|just) (?:once|twice|one time|two times|a (?:few|couple)(?: of)? times)\b|\b(?:only|just) happened (?:once|one time|twice)\b|\bhappened (?:only|just) once\b|\b(?:only|just) did (?:it|that|this) (?:once|twice|one time)\b",
    ),
    (
        Kind::Minimizing,
        r"{SAY}(?:\bnot|n't|\bno) (?:(?:that|such|a|really|even) ){0,2}big(?: of a)? deal\b",
    ),
    (
        Kind::Minimizing,
        r"{SAY}(?:\bnot|n't) (?:that|so|really|even) (?:bad|serious|big|important|terrible|awful)\b",
    ),
    (
        Kind::Minimizing,
        r"{SAY}\b(?:it|that|this|she|he)? ?(?:didn't mean|meant|means) (?:anything|nothing|a thing)\b",
    ),
    (
        Kind::Minimizing,
        r"{SAY}\b(?:nothing (?:really )?happened|it was nothing|it's nothing|it is nothing)\b",
    ),
    (
        Kind::Minimizing,
        r"\bat least i (?:didn't|did not|told|never|wasn't|was honest|came clean|admitted)\b",
    ),
    (
        Kind::Minimizing,
        r"\b(?:(?:a|one) little (?:white )?lie|harmless (?:flirting|fun|texting|chat|joke)|no harm done)\b",
    ),
    (
        Kind::Minimizing,
        r"\bi (?:only|just|merely) (?:texted|talked|chatted|flirted|kissed|messaged|hung out|met|had (?:a|one|lunch|coffee|drinks?)|went (?:out|for)|looked|spent|borrowed)\b",
    ),
    // No one did it.
    (
        Kind::PassiveVoice,
        r"\b(?:mistakes|errors|things|words|lines|promises|boundaries|feelings|trust|hearts|harm|damage|wrongs|bad choices|poor choices|decisions) (?:were|was|have been|has been|got|had been) (?:made|said|done|crossed|broken|hurt|caused|exchanged)\b{AFTER}",
    ),
    (
        Kind::PassiveVoice,
        r"{WHEN}\b(?:it|things|stuff|that|this|the affair|the cheating|the lying|everything) (?:just |kind of |sort of |somehow )?(?:happened|got out of hand|went too far|got complicated|escalated|spiral+ed|went wrong|went south)\b",
    ),
    (
        Kind::PassiveVoice,
        r"\byou (?:got|were|have been|'ve been) hurt\b{AFTER}",
    ),
    (
        Kind::PassiveVoice,
        r"\b(?:it was (?:just )?a misunderstanding|(?:regrettable|unfortunate) (?:things|events|incident|situation|choices))\b",
    ),
    // Brushing their feelings off.
    (
        Kind::Dismissing,
        r"\b(?:you(?:'re| are| were| get| got)|ur|u r|u're) (?:being |so |way |getting |acting )?(?:too |so |really |way too |a bit |a little )?(?:overreacting|over-reacting|over reacting|dramatic|hysterical|paranoid|crazy|irrational|unreasonable|oversensitive|over-sensitive|sensitive|ridiculous|silly|petty|needy)\b",
    ),
    (
        Kind::Dismissing,
        r"\b(?:stop|quit|don't be|do not be) (?:being |acting |so )*(?:dramatic|hysterical|paranoid|crazy|irrational|unreasonable|sensitive|ridiculous|silly|petty|needy|emotional|a baby|childish)\b",
    ),
    (
        Kind::Dismissing,
        r"{NEG}\b(?:calm down|chill out|just relax|lighten up|get a grip)\b",
    ),
    (
        Kind::Dismissing,
        r"{NEG}\b(?:blowing|blown|blow) (?:this|it|things|that|everything) (?:way |all |totally |completely )?out of proportion\b",
    ),
    (
        Kind::Dismissing,
        r"{NEG}\b(?:making (?:a mountain out of a molehill|(?:a|such a) (?:big )?(?:deal|fuss|drama|scene) (?:out of|about|over)))\b",
    ),
    (
        Kind::Dismissing,
        r"\byou(?:'re| are) (?:imagining (?:things|it)|making (?:it|this|things) up|reading too much into|taking (?:this|it) too (?:seriously|personally|hard))\b",
    ),
    (
        Kind::Dismissing,
        r"\b(?:(?:stop|quit) (?:exaggerating|crying|nagging|whining|complaining)|it was (?:only|just) a joke|can't you take a joke)\b",
    ),
    // Hurrying them to be done.
    (
        Kind::DemandingClosure,
        r"{NEG}\b(?:let's|let us|we (?:need|have|ought|got) to|we should|we must|time to|it's time to|can we(?: please)?|can't we|why can't we)(?: just)? (?:move on|move past (?:this|it|that)|put (?:this|it|that) (?:behind us|in the past)|forget (?:about )?(?:this|it|that)|drop (?:this|it|that)|stop talking about (?:this|it|that)|let (?:this|it|that) go|get past (?:this|it|that)|be done with (?:this|it))\b",
    ),
    (
        Kind::DemandingClosure,
        r"{NEG}\bget over (?:it|this|that)\b",
    ),
    (
        Kind::DemandingClosure,
        r"{NEG}\byou (?:need|have|ought|got|gotta|must|should) (?:to )?(?:just )?(?:forgive|get over|let (?:it|this|that) go|move on|trust me again|stop bringing|drop (?:it|this))\b",
    ),
    (Kind::DemandingClosure, r"{NEG}\bforgive and forget\b"),
    (
        Kind::DemandingClosure,
        r"\b(?:i (?:already )?(?:said|told you) (?:i'm|i am|i was) sorry|i(?:'ve| have)? (?:already )?apologi[sz]ed (?:already|a (?:hundred|thousand|million) times|so many times|enough|over and over)|i already apologi[sz]ed)\b",
    ),
    (
        Kind::DemandingClosure,
        r"\bhow many (?:more )?times (?:do|must|should|will|have) i\b",
    ),
    (
        Kind::DemandingClosure,
        r"\b(?:stop|quit) (?:bringing (?:it|this|that) up|dwelling|living in the past|going on about)\b",
    ),
    (
        Kind::DemandingClosure,
        r"\b(?:why can't you|when (?:will|are) you(?: going to)?)(?: just)? (?:let (?:it|this|that) go|forgive|move on|get over|drop)\b",
    ),
    (
        Kind::DemandingClosure,
        r"{NEG}\b(?:just )?let (?:it|this|that) go\b",
    ),
    (
        Kind::DemandingClosure,
        r"{NEG}\b(?:it's|it is|that's|that is) (?:all )?(?:in the past|behind us|ancient history|over and done)\b",
    ),
    (
        Kind::DemandingClosure,
        r"\b(?:what (?:more|else) do you want|enough already|drop it)\b",
    ),
];

const REGRET: &str = r"\b(?:sorry|apologi[sz]e|apologi[sz]ing|apologies|regret|regrets|ashamed|remorse|remorseful|wish i (?:had|hadn't|could|would have|'d)|feel (?:terrible|awful|sick|horrible|ashamed|so bad|really bad)|forgive me|heartbroken)\b";

const RESPONSIBILITY: &str = r"\b(?:i(?: \w+ly)? regret (?:\w+ing|what i|my|that i)|i(?: \w+ly)? (?:was wrong|did (?:this|that|it|something|wrong)|am responsible|take (?:full |complete )?responsibility|own (?:this|that|it|what)|chose|decided|lied|cheated|broke|hid|betrayed|hurt|ignored|deceived|made (?:a|the|that|this|those|these|my|an)|messed up|screwed up|let (?:you|it|things|myself)|should (?:not|never) have|shouldn't have|went behind|kept|failed|was (?:dishonest|selfish|careless|cruel|unfair|thoughtless|unkind|harsh|rude|wrong)|violated|crossed|didn't (?:keep|tell|show|listen|respect|think|call|do|come|put)|forgot|missed|yelled|snapped|blamed|dismissed|brushed|scared|embarrassed|put|treated|spent|drank|read|flirted|raised|said (?:those|that|some|things|cruel|hurtful|mean)|cancelled|canceled|left|took|used|broke)|i'm responsible|my (?:fault|choice|decision|responsibility|doing|mistake|actions?|behaviou?r|lies|lie|lying)|(?:that's|that is|it's|it is) on me|no excuse|(?:nobody|no one) (?:else|but me)|(?:wrong|unfair|cruel|selfish) of me)\b";

const REPAIR: &str = r"\b(?:i will|i'll|i am going to|i'm going to|i promise|i commit|i'm committed|from now on|going forward|in the future|next time|won't happen again|never again|i want to (?:make|earn|rebuild|fix|repair|change|do better|show)|how can i (?:make|help|fix|repair|earn|show)|what can i do|what do you need|what (?:would|might|could|will) help|is there anything (?:i can do|i could do|that (?:would|might|could) help)|anything i can do|make (?:it|this|things) right|make (?:it )?up to you|i'm working on|i am working on|i've started|i have started|i(?:'ve| have) (?:booked|made an appointment|stopped|ended|deleted|blocked)|i won't|i will never|i'm not going to)\b";

/// Turns the readable notation into a regex: spaces match any run of whitespace, an
/// apostrophe matches any apostrophe, and the named building blocks are spliced in.
fn compile(pattern: &str) -> Regex {
    let expanded = pattern
        .replace("{SAY}", SAY)
        .replace("{NEG}", NEG)
        .replace("{WHEN}", WHEN)
        .replace("{AFTER}", AFTER)
        .replace("{DESERVE}", DESERVE);
    // ASCII word boundaries and word characters keep the fast DFA engine working on text
    // full of accents and emoji (Unicode `\b` makes it fall back to a slower one), and the
    // words the patterns look for are English words made of ASCII letters anyway.
    let expanded = expanded
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\w", "[0-9A-Za-z_]");
    let mut source = String::from("(?i)");
    for c in expanded.chars() {
        match c {
            ' ' => source.push_str(r"\s+"),
            '\'' => source.push_str("['\u{2019}\u{2018}\u{02bc}]"),
            c => source.push(c),
        }
    }
    // The patterns are constants in this file; a unit test compiles every one of them.
    Regex::new(&source).unwrap_or_else(|e| panic!("apology check pattern {pattern:?}: {e}"))
}

struct Pattern {
    kind: Kind,
    regex: Regex,
    /// Capture-group indexes whose presence means "a genuine use; not a finding".
    skips: Vec<usize>,
    /// A group named `show`, when the part worth quoting is narrower than the whole match
    /// ("sorry I was late, but I was tired" quotes "but I was tired").
    show: Option<usize>,
}

static COMPILED: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    PATTERNS
        .iter()
        .map(|(kind, pattern)| {
            let regex = compile(pattern);
            let skips = regex
                .capture_names()
                .enumerate()
                .filter(|(_, name)| name.is_some_and(|n| n.starts_with("skip")))
                .map(|(i, _)| i)
                .collect();
            let show = regex.capture_names().position(|name| name == Some("show"));
            Pattern {
                kind: *kind,
                regex,
                skips,
                show,
            }
        })
        .collect()
});

static COMPONENTS: LazyLock<[(Component, Regex); 3]> = LazyLock::new(|| {
    [
        (Component::Responsibility, compile(RESPONSIBILITY)),
        (Component::Repair, compile(REPAIR)),
        (Component::Regret, compile(REGRET)),
    ]
});

/// How far an excerpt reaches past the match: to the end of the clause, at most this many
/// more words.
const EXCERPT_EXTRA_WORDS: usize = 5;
const EXCERPT_MAX_EXTRA_BYTES: usize = 80;

fn excerpt(text: &str, start: usize, end: usize) -> String {
    let rest = &text[end..];
    let mut stop = rest.len();
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in rest.char_indices() {
        // A long run with no space or punctuation (pasted data) ends the excerpt too.
        if i > EXCERPT_MAX_EXTRA_BYTES {
            stop = i;
            break;
        }
        if matches!(
            c,
            '.' | '!' | '?' | ';' | ',' | ':' | '\n' | '"' | '\u{201d}'
        ) {
            stop = i;
            break;
        }
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == EXCERPT_EXTRA_WORDS {
                    stop = i;
                    break;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    let text = format!("{}{}", &text[start..end], &rest[..stop]);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The non-apology patterns in `text`, in the order they appear. Overlapping matches of the
/// same kind are reported once.
pub fn findings(text: &str) -> Vec<Finding> {
    let mut spans: Vec<(Kind, usize, usize)> = Vec::new();
    for pattern in COMPILED.iter() {
        for caps in pattern.regex.captures_iter(text) {
            if pattern.skips.iter().any(|i| caps.get(*i).is_some()) {
                continue;
            }
            let shown = pattern
                .show
                .and_then(|i| caps.get(i))
                .or_else(|| caps.get(0));
            if let Some(shown) = shown {
                spans.push((pattern.kind, shown.start(), shown.end()));
            }
        }
    }
    // Per kind, in order of position, keep a span only if it starts after the last kept one
    // ends: one finding per place, however many patterns agree on it.
    spans.sort_unstable();
    let mut found: Vec<Finding> = Vec::new();
    let mut last: Option<(Kind, usize)> = None;
    for (kind, start, end) in spans {
        if let Some((last_kind, last_end)) = last
            && last_kind == kind
            && start < last_end
        {
            continue;
        }
        last = Some((kind, end));
        found.push(Finding {
            kind,
            excerpt: excerpt(text, start, end),
            start,
            end,
        });
    }
    found.sort_by_key(|f| (f.start, f.kind));
    found
}

/// The components (responsibility, repair, regret) with no sign of them in `text`.
pub fn missing(text: &str) -> Vec<Component> {
    COMPONENTS
        .iter()
        .filter(|(_, regex)| !regex.is_match(text))
        .map(|(component, _)| *component)
        .collect()
}

/// The whole check: patterns found, and the components missing.
pub fn check(text: &str) -> Report {
    Report {
        findings: findings(text),
        missing: missing(text),
    }
}

#[cfg(test)]
mod table;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        assert_eq!(COMPILED.len(), PATTERNS.len());
        assert_eq!(COMPONENTS.len(), 3);
        for kind in Kind::ALL {
            assert!(
                PATTERNS.iter().any(|(k, _)| *k == kind),
                "{kind:?} has a pattern"
            );
        }
    }

    #[test]
    fn the_classic_conditional_is_found_with_its_clause() {
        let report = check("I'm sorry if you felt hurt by what I said. It won't happen again.");
        assert_eq!(report.findings.len(), 1, "{:?}", report.findings);
        let f = &report.findings[0];
        assert_eq!(f.kind, Kind::Conditional);
        assert_eq!(f.excerpt, "sorry if you felt hurt by what");
        assert_eq!(report.missing, vec![Component::Responsibility]);
    }

    #[test]
    fn excerpts_stop_at_the_clause() {
        let f = findings("Honestly, it was just one night, nothing more.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].excerpt, "was just one night");
        let f = findings("You need to forgive me so we can finally be happy again together");
        assert_eq!(f[0].excerpt, "You need to forgive me so we can finally");
        let long = format!("Get over it {}", "x".repeat(10_000));
        assert_eq!(findings(&long)[0].excerpt.len(), "Get over it ".len() + 80);
    }

    #[test]
    fn curly_and_straight_apostrophes_and_capitals() {
        for text in [
            "Let's move on.",
            "Let’s move on.",
            "LET'S MOVE ON!",
            "let\u{2019}s   move\non",
        ] {
            let f = findings(text);
            assert_eq!(f.len(), 1, "{text:?}: {f:?}");
            assert_eq!(f[0].kind, Kind::DemandingClosure);
        }
    }

    #[test]
    fn words_inside_other_words_do_not_count() {
        // "ifs", "butyou", "unjust" are not the words the patterns mean.
        assert!(findings("No ifs about it: I lied, and I am sorry.").is_empty());
        assert!(findings("That was unjust one nightmare after another").is_empty());
    }

    #[test]
    fn a_skip_group_spares_a_genuine_use() {
        assert!(findings("I understand if you feel angry with me.").is_empty());
        assert!(findings("I told you nothing happened, and that was a lie.").is_empty());
        assert!(findings("I won't ask you to get over it.").is_empty());
        assert!(!findings("Get over it.").is_empty());
    }

    #[test]
    fn empty_and_odd_text_is_fine() {
        assert_eq!(findings(""), vec![]);
        assert_eq!(
            missing(""),
            vec![
                Component::Responsibility,
                Component::Repair,
                Component::Regret
            ]
        );
        assert!(findings("💛\u{202e}\0\u{fffd}").is_empty());
    }

    #[test]
    fn json_shape_carries_why_and_suggestion() {
        let report = check("Mistakes were made.");
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["findings"][0]["kind"], "passive-voice");
        assert_eq!(json["findings"][0]["excerpt"], "Mistakes were made");
        assert_eq!(json["findings"][0]["why"], Kind::PassiveVoice.why());
        assert_eq!(
            json["findings"][0]["suggestion"],
            Kind::PassiveVoice.suggestion()
        );
        assert_eq!(
            json["missing"],
            serde_json::json!(["responsibility", "repair", "regret"])
        );
    }

    #[test]
    fn a_long_text_is_checked_quickly() {
        // 100 kB of text full of matches, and 100 kB with none in a non-Latin script.
        let busy = "I'm sorry if you felt hurt, but you made me do it. Zoë ❤️ ".repeat(1700);
        let quiet = "é日本語 ".repeat(10_000);
        let _ = check("warm up the patterns");
        for text in [busy, quiet] {
            assert!(text.len() >= 100_000);
            let started = std::time::Instant::now();
            let _ = check(&text);
            let took = started.elapsed();
            // The release build takes milliseconds (see docs/guide.md). This bound is for an
            // unoptimised test build sharing two cores with other tests: loose enough never
            // to flake, tight enough to catch anything slower than linear, which would take
            // minutes here.
            assert!(took < std::time::Duration::from_secs(30), "{took:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        #[test]
        fn never_panics_on_any_text(text in "\\PC{0,400}") {
            let report = check(&text);
            for f in &report.findings {
                proptest::prop_assert!(f.start < f.end && f.end <= text.len());
                proptest::prop_assert!(!f.excerpt.is_empty());
            }
        }

        // Control characters, NUL, bidi overrides and unpaired-looking text included.
        #[test]
        fn never_panics_on_any_string(text in proptest::prelude::any::<String>()) {
            let report = check(&text);
            for f in &report.findings {
                proptest::prop_assert!(text.get(f.start..f.end).is_some());
            }
        }

        #[test]
        fn never_panics_on_apology_like_text(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "I", "I'm", "I’m", "sorry", "if", "you", "felt", "but", "just", "only",
                    "it", "was", "not", "a", "big", "deal", "let's", "move", "on", ",", ".",
                    "\n", "’", "'", "happened", "never", "ÉTÉ", "🙂", "made", "me",
                ]),
                0..60,
            )
        ) {
            let text = words.join(" ");
            let _ = check(&text);
            let _ = check(&text.replace(' ', ""));
        }
    }
}
