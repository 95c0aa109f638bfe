//! The check's patterns, in the notation of `matcher`, over the words as `normalise` reads them
//! (so "dont", "don't" and "do not" are all `do not`, "im" is `i am`, "ur" is `you are`).
//!
//! Each finding rule names a kind and a pattern, and may name the contexts that make the same
//! words a genuine use: `not_before` (a pattern that ends where the match starts), `not_after`
//! (a pattern that starts where it ends), `not_near` (anywhere in the same sentence or the
//! next, outside the matched clause), `not_inside` (anywhere inside the match), and
//! `needs_near` (what must be close by for the words to count at all: "if you were hurt" is a
//! hedge next to "sorry", and care without it). On top of those, the engine in
//! `apology_check.rs` applies the guards in `Guards`: reported or taken-back words, quotation
//! marks, negation, and plain ownership elsewhere in the apology.
//!
//! When adding a pattern, ask how a sincere writer could use the same words in another sense,
//! and add that line to the genuine lines in `table.rs`.
//!
//! The component patterns say where responsibility, repair and regret show.

use super::{Component, Kind};

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
         frustration/disappointment/problems/issues/grief/heartache/upsets/offence|hurt feelings|\
         bad feelings",
    ),
    (
        "intox",
        "drunk/wasted/hammered/smashed/high/plastered/trashed/intoxicated/tipsy/stoned|blackout \
         drunk|blacked out|out of it|\
         off my face|off my head|not sober|under the influence",
    ),
    (
        "state",
        "stressed/tired/exhausted/lonely/bored/depressed/overwhelmed/struggling/burnt/burned|\
         under [so much|a lot of|a ton of|loads of|too much|huge|massive] pressure|\
         going through (a lot|so much|stuff|things|some stuff|some things|a [really/very/\
         super] (hard/rough/tough/difficult/bad/dark) (time/patch/period))|\
         in a [really/very] bad/dark/terrible/horrible/weird/low/rough/shit place/headspace/\
         space|not in a good place/headspace/space/way|not myself|not thinking straight/clearly|\
         not in my right mind|out of my mind",
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
         when i said/told/called/acted/snapped",
    ),
    // Words that take back what was just said: "...and that was a lie", "you weren't".
    (
        "retraction",
        "(that/this/which|all of that|none of that|every word of that) (was/is) [all] [just] [a/an] \
         (lie/lies/untrue/false/bullshit/rubbish/nonsense|not true|never true|a lie|not what \
         happened|gaslighting|manipulative|a cop out)|(@you) (were/are) (not/never) [being] [@deg] \
         (@dismiss_adj|wrong|the problem|to blame|at fault)|(@you) were right|and it was not ,",
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
}

/// Plain ownership, which turns a hint of an excuse or a passive into an explanation the writer
/// owns.
pub const OWNED: &str = "(that/it/this) (was/is) [all] (me|on me|my fault|my doing)|[that is] no \
     excuse|not an excuse|(that/it) is on me|[it is|it was] my fault|i should [never/not] have|i put you \
     through (it/this/that)|i did (that/this) to you|i am the one (who/that) (hurt/did/lied/broke/\
     cheated)|i was (wrong/selfish/cruel/unfair|out \
     of line|out of order|in the wrong|a jerk|an idiot|an ass)|i should have|i take \
     [full/complete/all] responsibility|i own (this/that/it|what i did)|(nobody|no one) (made|forced) \
     me|i chose|(kept|keep) choosing|it was my (choice/decision)|i made (the/that) (choice/decision)|i did \
     (this/that)|(it/that) was mine|mine alone";

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
        },
    }
}

/// "That's no excuse", said in the same sentence or the next, turns a reason into an
/// explanation the writer owns.
const OWNED_REASON: &str = "(no/not/never) [an/a/any] excuse|\
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
const OWNED_FEELINGS: &str = "i (did/caused/made/put/scared/hurt/embarrassed/humiliated/betrayed/left/\
     pushed) (that/this/it/you)|because of me|my fault|i (am/was) the (reason/cause)|(that/it) (is/was) \
     (on me|me|all me)|i did that to you|(@you) (are/were) right|(@you) (have/had) every (right/reason)|i \
     gave you (every/good|a good) reason|because (i|of me|of what i)|i am the one (who/that)|i put you \
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
pub fn finding_rules() -> Vec<RuleDef> {
    use Kind::*;
    vec![
        // ---- A conditional apology: "sorry if", "if you were hurt", "any hurt caused".
        r(Conditional, "{sorry/apologize/apologies/regret [it/that] [to you/anyone/everyone] if}")
            .not_before("not/never")
            .not_after(",")
            .not_after("(this/it|my words|this message|this text) (is/are/sounds/reads/comes) ~3|i am [not] \
                        (saying/writing/explaining/rambling/repeating/texting/messaging/bothering/waking|\
                        making sense|going on)|i ramble/repeat|this comes/sounds/reads ~2|\
                        (this/it) is (long|a lot|messy)|i (do/can) not ~1 (say/explain/find/get/put) ~3|\
                        (@you) (do/are) not (want/ready) ~3|i am ~2 (saying/writing/explaining/\
                        rambling/repeating|not making|getting this|bad at)|i keep|it is late|\
                        i woke you|i bother/bothered you|i am bothering|i interrupt")
            .even_negated(),
        r(Conditional, "if (@you|anyone/anybody/someone/somebody/people) [were/was/got/felt/feel/\
                        are/somehow/ever|have been|might have been|may have been|at all|in any way] \
                        [@deg] @feel")
            .not_before("understand/understood/get/got/know/knew/accept/blame/okay/ok/fine/fair/right/\
                         normal/natural/wonder/see/even/as/ask/asked/expect/care/mind/forgive [it] [that] \
                         [even]|(it is|it would be|that is) (okay/ok/fine/fair/normal/natural/understandable) ~1|\
                         would not blame you|have every right|(makes/make) sense|no wonder")
            .not_after("and you are|you have every right")
            .needs_near(APOLOGY_NEAR)
            .not_inside("ever|at any point|in future|again")
            .not_after("~~8 (ask/tell/call/text/wake|let me know|say so|come to me|talk to me) [me]")
            .even_negated(),
        r(Conditional, "if @you (felt/feel/think/thought/took/take/saw/see/perceived/interpreted/\
                        read/found/heard) (like i|that i|i|that way|this way|it that way|it the wrong \
                        way|the wrong way|it was|this was|that was|badly|it badly|it personally|\
                        disrespected|ignored|hurt|like it was|my|offended)")
            .not_before("understand/understood/get/know/knew/accept/blame/okay/ok/fine/fair/right/\
                         normal/natural/wonder/even/as/ask/asked [it] [that] [even]|(it is|it would be|\
                         that is) (okay/ok/fine/fair/normal/natural/understandable) ~1")
            .needs_near(APOLOGY_NEAR)
            .not_inside("ever|at any point|in future|again")
            .not_after("~~8 (ask/tell/call/text/wake|let me know|say so|come to me|talk to me) [me]")
            .even_negated(),
        r(Conditional, "{if (i/me/my/that/this/it|what i|anything i) [_] [have/has/had/somehow/ever/was/\
                        did|may have|might have|in any way] ((hurt/offended/upset/bothered/disrespected/\
                        embarrassed/insulted/hurted) (you/anyone/anybody/someone/people/your/u)|(came/come) (across/out) [wrong/badly/harsh|the \
                        wrong way]|caused ~2|crossed a line|was [a bit|too] (hurtful/offensive/wrong/\
                        insensitive/harsh/rude/unfair|out of line|too much|not okay)|was not \
                        (perfect/there/enough|the perfect|a good)|did (something/anything) wrong|said \
                        (something/anything) [wrong]|did anything|did something|have upset|have hurt|\
                        made you feel ~3|made you [@deg] @feel)}")
            .not_after("~4 again|~3 (i will|i would|i promise)")
            .not_before("wonder/ask/asked/know/knew/even/see/remember [if]")
            .even_negated(),
        r(Conditional, "to the extent [that] (i/you/my/anyone/it/this/that/what)|if in any way|if at all \
                        i|in whatever way i|whatever part i")
            .even_negated(),
        r(Conditional, "(sorry/apologize/apologies) (for/about) (whatever/anything) [it is|it was] [that] \
                        (@you) (think/feel/thought/felt|believe) i")
            .even_negated(),
        r(Conditional, "(sorry/apologize/apologies) (for/about) (whatever/anything) [that] [i/you] [may/might/\
                        could] [have] (did/done/said/caused/do/felt|made you)")
            .even_negated(),
        r(Conditional, "any [@deg] @hurt_noun ~6 (may/might/could) have [been] (caused/come/resulted/\
                        created)")
            .even_negated(),
        r(Conditional, "(sorry/apologize/apologies/regret) (for/about) any [@deg] [of the] @hurt_noun")
            .even_negated(),
        r(Conditional, "(any/whatever) [@deg] @hurt_noun [that] (was/got|has been) caused|(any/whatever) \
                        [@deg] @hurt_noun caused")
            .even_negated(),
        r(Conditional, "(i/this/that/it|my _|what i said|what i did) \
                        (may/might) have (hurt/upset/offended/caused/crossed/overstepped|come across|\
                        came across|been (hurtful/insensitive/wrong/rude/harsh/unfair/inappropriate|out \
                        of line|a bit much|too much|a mistake))")
            .even_negated(),
        // ---- Sorry about their feelings.
        r(TheirFeelings, "{sorry [that|about how|about the way] @you (are/were/got/get/feel/felt/seem/seemed/\
                          sound/became/feeling|have been|are feeling|were feeling|have been feeling) [@deg] \
                          [@deg] @feel}")
            .not_after("~4 (by/about/over/from|because of) (me|what i|my|how i|the way i|the things \
                        i|the lies|the affair|everything i|this thing i)|~8 (and/because/but|,) \
                        [i know] (i am|it is|it was|that is|i was) (the reason|my fault|because of me|\
                        on me|the cause|why)|~6 because (of me|i|of what i)|~6 (i did that|i \
                        caused|that is on me|it is my fault)|~4 (and/but) (it is|that is) my fault")
            .not_near(OWNED_FEELINGS)
            .even_negated(),
        r(TheirFeelings, "{sorry [that] @you (feel/felt/think/thought/took/take/perceived/interpreted/reacted/\
                          chose/view/viewed|took it|see it|saw it|see things|read it|are taking|are making|\
                          made it|are reading|heard it)}")
            .not_after("~4 (by|because of) (me|what i|my)|~6 because i|~8 (and/because/but|,) [i know] (i am|it is|it was|\
                        that is|i was) (the reason|my fault|because of me|on me|the cause)|~6 \
                        (instead of|rather than) ~3|~8 (i should have|from me)|~2 like you had to|\
                        ~2 (you had to|you needed to) ~3 (because i|because of me)")
            .not_near(OWNED_FEELINGS)
            .even_negated(),
        r(TheirFeelings, "sorry (for/about) (how/what|the way) @you (feel/felt/took/reacted/react/see/saw/are/\
                          were/view/perceived/interpreted|are feeling)")
            .not_after("~4 (because of|by) (me|what i|my)")
            .even_negated(),
        r(TheirFeelings, "sorry [that] (it/that/this|what i said|my (words/comment/comments/joke/text/message/\
                          messages/tone)) [@deg] ((bothered/upset/hurt/offended/affected|got to) you|made you feel [@deg] @feel)")
            .not_near("i [@adv] (lied/cheated/betrayed/hid/did/said/broke/slept|went behind)|because of me|my \
                       fault")
            .even_negated(),
        r(TheirFeelings, "sorry [that] your feelings (were/got/are|have been) hurt")
            .not_after("~3 (by|because of) (me|what i|my)")
            .even_negated(),
        r(TheirFeelings, "sorry [that] (it/this/that|my _ ~3|the whole thing) (makes/made/make) @you [feel] \
                          [@deg] (insecure/jealous/paranoid/uncomfortable/anxious/sensitive/upset/worried|\
                          that way)")
            .not_before("what i did|my lies|my lying|the affair|my affair|my cheating")
            .even_negated(),
        r(TheirFeelings, "sorry @you (had|have had) [such] a [@deg] (bad/hard/rough/tough/horrible/awful/shit/\
                          terrible/crap) (night/day/time/week)")
            .not_after("~6 (because of|thanks to) (me|what i)|~6 because i")
            .even_negated(),
        r(TheirFeelings, "sorry [that] @you (are|have been) going through")
            .not_after("~6 (because of|by) (me|what i)")
            .even_negated(),
        r(TheirFeelings, "(never/not) (meant/wanted) (for you|you) to feel (that/this) way"),
        // ---- Sorry it came out, not that it happened.
        r(FoundOut, "{sorry/regret/apologize/gutted/sad/devastated/annoyed/shame/pity/hate [that] @you [ever/even/\
                     really|@deg] (saw/found/learned/discovered/heard/caught/read/\
                     looked|found out|went (snooping/digging|looking through|through)|had to find out|had to (see/hear/read/learn/find|look|snoop|check|dig|go through (my/the/your) \
                     (phone/messages/texts/things/stuff/bag/laptop/emails))|went looking|\
                     had seen|found it)}")
            .not_after("(me/us)|what i (did/was|had done)")
            .not_before("not/never")
            .not_near("(instead of|rather than) (hearing/finding/me/learning)|from me|i should have (told/\
                       been/come/said)|i (did not|never) tell you|i was not the one|i should have been \
                       the one|(should/ought) [to] have been (me|the one)")
            .even_negated(),
        r(FoundOut, "(sorry/regret) [that] (it/this/that|the _|the truth|any of this|all of this) (came out|got \
                     out|came to light|had to come out) [at all] (.|>)")
            .not_before("not/never")
            .not_near("i should have (told/been/come/said)|i should have been the one|from me|i (did not|never) tell you"),
        r(FoundOut, "sorry [that] i (got/was|have been) caught|(sorry/regret) [that] (it/this/that/\
                     everything|the _|the truth|any of this|all of this) (happened|came out|got out|came to \
                     light|had to come out|came up) (this/that|like this|like that|the way it did|the \
                     way it has|how it did)")
            .not_before("not/never")
            .even_negated()
            .not_near("i should have (told/been/come/said)|i should have been the one|from me|i (did not|never) tell you"),
        r(FoundOut, "(wish/wished) [that] (@you) (had not|never|did not|had never|would never|would not) (looked/seen/found/checked/read|gone \
                     looking|gone through|found out|seen it|seen that)")
            .even_negated(),
        r(FoundOut, "(never/not) (wanted/meant) (@you|for you) to (see/know/hear/find|find out) ~3 (this \
                     way|like this|that way|like that|yet|from)")
            .not_near("i should have (told/been/come/said)|i should have been the one|from me")
            .even_negated(),
        r(FoundOut, "(@you) (were/was) not (meant/supposed) to (see/find/know/read/hear) [that/this/it/them/\
                     those] [yet]")
            .even_negated(),
        // ---- Blame handed back.
        r(BlameShifting, "{but [honestly/also/tbh|to be honest|i think|if i am honest|let us be honest|then \
                          again|at the same time] [,] (@you) [@deg] (also/too|started [it/this/that]|made \
                          me (do/say/feel/act|this way)|kept (nagging/pushing/ignoring/going|on at me|checking)|\
                          pushed|push|ignored|ignore|never (listen/listened/help/helped/talk/talked/cared/care/\
                          noticed/notice/touch/touched|have time|had time|pay attention|paid attention|make \
                          time|asked)|always (nag/nagged/ignore/ignored/push/pushed/start/started/criticize|\
                          blow up|make it|overreact)|have to (admit/understand/see/remember/realize/accept/take)|\
                          need to (understand/take/remember/see/admit/look/own|accept)|also (need/have/owe)|knew \
                          (what i|how i|i was|that i|about)|were (being/never/distant/cold/busy|not exactly|not \
                          there|not around|away all)|are (being/never|not perfect|not innocent|not exactly)|\
                          did (it/this/that|the same)|do (it/this/that|the same)|checked out|left me|yelled|lied|\
                          cheated|nag|nagged|started|brought|provoked|drove|forced|should have|could have|had \
                          been (so/distant/cold/away)|have been (distant/cold/awful/horrible/impossible|so \
                          (distant/cold/difficult/mean))|literally|know (what you|how you|you (did/were/are))|\
                          treated me like|owe|hurt me|did not (listen/care/help/notice/give/try/want|have time)|\
                          do not (listen/care/understand/help/try/want|have time)|would not (listen/stop/let/\
                          talk/leave)|will not (even/listen/let/talk)|can not say|made it (hard/harder/\
                          impossible)|get so)} ~3")
            .not_after("(deserve/deserved/matter/mean|were right|are right|did nothing|never did \
                        anything|were never the problem|are not the problem|do not have to|did not \
                        deserve|do not deserve|should know|have every right|were not wrong|were not \
                        overreacting|did not do anything|never deserved|do not need to|happy/happier/better/\
                        proud|a better)")
            .not_after("~3 (deserve/deserved|every right)")
            .weak(),
        r(BlameShifting, "(@you) [@deg] (made/make/forced/force/drove/drive/pushed/push/provoked/provoke|basically \
                          made|practically forced) me [to/into] [@deg] (do/say/act/react/lose/snap/yell/shout/\
                          cheat/lie/look/go/it/this/that/feel/hide/keep/angry/mad/crazy/jealous/so/turn/drink/\
                          leave/want/need/wait/resent/doing/saying|this way|like this|so alone|lonely)")
            .not_after("~2 (happy/happier/better/loved/safe/proud/laugh/smile|a better)")
            .not_before("nothing ~2|not ~2|never ~2"),
        r(BlameShifting, "(@you) (pushed/drove/forced/provoked/nagged/goaded) me [away|to it|into it|over the \
                          edge]|pushed every button|push (my buttons|every button)")
            .not_after("to (get/see/go/talk/be/try/stop|do better|be better|get help)"),
        r(BlameShifting, "{because (@you) [@deg] (never|always|kept|made me|make me|pushed|ignored|started|\
                          nag|nagged|would [have] (overreact/overreacted/freak/freaked/go/gone/get/got/blow/\
                          blown/lose/lost/make/flip/flipped/react/kill/leave/judge/kick/explode|be mad|\
                          not understand|never understand)|overreact|blow up|freak out|get (so/mad/angry/\
                          jealous/upset/crazy)|were (never/always/distant/cold/away/busy/being|not \
                          there|not around)|are (never/always/being)|were not (there/around/\
                          listening/interested/paying)|did not (care/listen/notice/pay/want/give/make/\
                          have)|do not (listen/care/understand/let/give/make/have)|would not (listen/let/\
                          give/stop/leave/talk)|left me|went away|had been (so/distant/cold/away)|gave me \
                          (no/every)|give me no|started it|cheated|did it first|refuse|refused)}")
            .not_before("(not/never) [just/only]|and that was ~2")
            .not_after("~4 (deserve/deserved) ~3"),
        r(BlameShifting, "because i (knew/thought/figured|was sure|was scared) [that] (@you) would [have] \
                          (overreact/freak/go/blow/lose/kick/flip/explode|get mad|get angry|make a [big] \
                          deal|react badly|go crazy|go mental|never understand|not understand|lose it)"),
        r(BlameShifting, "if (@you) [@deg] (had/would/did/were/was/could/paid/listened/gave/spent/cared/\
                          noticed/showed/treated/made/stopped/ever/only/actually/just|had not|did not|do \
                          not|were not|was not|had never|would have) ~~12 (i/we/this/it/things/that|none \
                          of this|none of it) [@deg] (would/are|would not|would never|might not|never \
                          would|could have|would have|might have|will not|would be) [have] [@deg]")
            .not_before("understand/know/wonder/ask/even [that]|i told you [that]|(i|i will|i would) ~2 \
                         (if|when)")
            .not_after(OWNING_COUNTERFACTUAL)
            .not_after("~4 (understand/get it|not blame|accept|respect|deserve)"),
        r(BlameShifting, "but if (@you) [@deg] (had/would/did/just/only/ever/actually/were/could/paid/\
                          listened/cared/gave|had not|did not)"),
        r(BlameShifting, "(maybe/perhaps) if (@you) [@deg] (had/would/did/just/only/ever/actually/were/could/\
                          paid/listened/cared/gave/spent/showed/treated/made/stopped|had not|did not|were \
                          not)"),
        r(BlameShifting, "if (@you) (had not|had never) _")
            .not_after(OWNING_COUNTERFACTUAL)
            .not_before("understand/know/wonder/ask/even"),
        r(BlameShifting, "if (@you) (did not|do not) (freak/overreact/blow/get/make/always/constantly/keep|go \
                          through|snoop|check)|if (@you) had nothing to hide"),
        r(BlameShifting, "(it is|it was|this is|this was|that is|that was) [partly/also/half/equally|just as \
                          much|as much|kind of] (your fault|on you|your doing)|your fault (too|as well)|\
                          (@you) (are/were) (partly/also/equally/half|just as much) (to blame|responsible)"),
        r(BlameShifting, "what about (what @you did|when @you|all the times @you|the (time/times) @you|your \
                          (lies/lying/affair/texts/messages/ex/phone/secrets/mistakes/part|own))"),
        r(BlameShifting, "(@you) (are/were) (not [exactly/even] (perfect/innocent/blameless|a saint)|not \
                          exactly (around/there/present/easy)|no saint|just as bad|to blame|partly to blame|also to blame|\
                          the one who (started/wanted/said/pushed/left/cheated/lied/stopped/ignored/went/\
                          made/decided/suggested/never/always/kept/brought|checked out))"),
        r(BlameShifting, "(it is|it was) not like (@you) (were/are/did/was|have been) [@deg] (perfect/innocent/\
                          around/there|a saint|any better|much better|easy)|not like (@you) (were/are) \
                          (perfect/innocent)"),
        r(BlameShifting, "(@you) (did/do) (it/this/that|the same) [thing] (too|as well|all the time)|\
                          (@you) (lie/lied/cheat/cheated/hide/hid/snoop/snooped|do it|did it) (too|as \
                          well|to me too|all the time)"),
        r(BlameShifting, "we (are/were) both (to blame|at fault|guilty|responsible)|we both (made mistakes|\
                          messed up|hurt each other|did things|said things|did stuff|said stuff|screwed up|have (stuff/things/work/issues)|\
                          played a part|have a part|contributed)|(i am) not the only one (who/that) ~3|\
                          it takes two (to (tango|break|mess|ruin|fight|argue)|.)|call it (even/quits/square)|(@you) started (it/this/that)|(@you) brought (this/it) \
                          on yourself|what did (@you) (expect|think would happen)|(@you) [also] owe me \
                          [an] apology|i will apologize when (@you)|(@you) (need/have|should) [to] apologize \
                          (first|too|as well)|(@you) apologize first"),
        r(BlameShifting, "(@you) never (listen/listened|have time|make time|paid attention|pay attention|gave \
                          me|give me|help/helped|support/supported|talk/talked to me|cared|care|noticed/\
                          notice|once asked (me/how/about/what/if)|asked (me/how/about/what)|want/wanted (to/me/sex)|touch/touched \
                          me|are there|were there|make/made me feel|show/showed|appreciate/appreciated|\
                          have time)")
            .not_after("~2 (a/any) reason|~1 (anything/nothing) but|~2 (for|any of) (this/it/that)|~2 to \
                        be"),
        r(BlameShifting, "(@you) always (do this|did this|make/made it|(start/started) (it/fights/arguments/\
                          something/this)|nag/nagged|ignore/ignored|\
                          criticize/criticise|push/pushed|blow up|overreact|take it out|make it about you|\
                          bring up|find something|twist/twisted|turn/turned it|get so)"),
        r(BlameShifting, "(sorry/apologize/apologies/own/regret/responsibility) (for/about/of) [@deg] (my|whatever|any) \
                          [own] (part/share/role/side/half/bit/contribution) [in/of] ~3|(own|for|take \
                          responsibility for) my (part/share/side/role/half)|whatever part i played")
            .not_after("~~12 (that was me|that is on me|which was me|those were mine|that was all me)")
            .not_after("~2 [in/of] [the/our/that/last/this/yesterdays] [night/morning/evening|last \
                        night|this morning] (fight/argument/row/disagreement/shouting/falling/arguments/\
                        fights)")
            .not_after("~~8 , [because] (all of it|all mine|it was all mine|all of this|entirely|every bit)"),
        r(BlameShifting, "but (so did you|you did too|you too|so have you|you have too)|(this/it/that) (is/was) on both of us|(both|both of) our (faults/fault)|(@you) \
                          (started/did) (it/this/that|*ing) first|(@you) started (snooping/checking/nagging/\
                          shouting/yelling/it/this/that|going through|looking through)|(it is|this is|it was) \
                          not (all/entirely/only/just/completely) my fault|not all on me|i am not (the only \
                          one|entirely|all) to blame|(@you) [@deg] (make/made) (everything/it/this) about \
                          (you/yourself)"),
        r(BlameShifting, "(@you) know what (you are) like"),
        r(BlameShifting, "(@you) (should/must/gotta|have to|need to|got to) [also] (admit/accept|take [some/your] \
                          responsibility|take (some/your|some of the|part of the|half the|your share of the|your part of the) \
                          (blame/responsibility)|own your|look at (your/yourself|what you)|remember (that you|you \
                          were|what you)|see my side|understand my side|see (things/it) from my)"),
        r(BlameShifting, "(i|i also|i just) need (you) to (understand/know/see/remember/realize/admit|hear) \
                          [that] (i was [@deg] (alone/lonely/unhappy/miserable/neglected)|@you (were/never/\
                          always/had|did not|have not|were not)|it was not all|this was not all|it takes|i \
                          was not the only|we both|i had needs|i was not happy)"),
        r(BlameShifting, "(@you) (made/make) (it/this/things) [so/way|so much|a lot] (harder/hard/impossible/\
                          difficult) (to|for me|than)"),
        r(BlameShifting, "(would/could) drive anyone to|enough to drive anyone"),
        r(BlameShifting, "(@you) (were/are) being [@deg] (difficult/unreasonable/impossible/horrible/awful/nasty/\
                          cold/distant/mean/annoying/controlling|a nightmare|a pain)"),
        r(BlameShifting, "(@you) checked out (of/on) ~3"),
        r(BlameShifting, "i (would not|would never) [have] [@deg] _^blame/mind/ask/expect/push/judge/\
                          understand/be/hold/pressure/rush/hurt/leave/stop/want/ever/even/tell/told/confess/\
                          confessed/admit/admitted/know/known/come ~~8 if (@you)"),
        r(BlameShifting, "(i|i only) (lied/cheated|did it|kept it|hid it) because (@you)")
            .not_after("(deserved/deserve) ~3"),
        r(BlameShifting, "(@you) pushed me away|(@you) gave me every reason|(@you) give me every reason")
            .not_after("to (stay/trust/be/love/believe/keep|be honest)"),
        r(BlameShifting, "(i|i would|i will) (do/did|have done) (it/that) again (if/because) (@you)"),
        // ---- Making it smaller.
        r(Minimizing, "(was/is/were) [@deg] (just/only/merely/simply|nothing but|nothing \
                       more than) [@deg] (a/an/one/some/two/texting/talking/flirting/friends/words/\
                       harmless/innocent/sex/physical/messages/money/banter/fun/sexting/kissing/chatting/\
                       messaging/dms|a few|a bit of|a laugh|a phase|a \
                       crush|a fling|a game|a birthday|an anniversary|a dinner|a kiss|a text|a drink)")
            .not_after("~4 to (some/other/most) people|~4 to (others|anyone else|me at the time)|~4 (i \
                        know|and (i|that) know)|~1 (part/piece/start|the start|the beginning|the tip) ~3|\
                        ~1 (way|excuse) ~3|one ~2 of (many|the|my)|matter of time|~2 to blame|~1 (person/\
                        reason/thing) (i|who|that)")
            .not_before("i know|i get [that]|i realize|some people think|people think|it (was/is) not|\
                         not|i thought|(@you) (think/thought|might think)|(i|@you) [@adv]|(i know|i \
                         get|i realize|i understand) [that] (it/this/that/she/he/they)")
            .not_after("~4 but (a/it/that/this/even/one/lying/still/i|to you)"),
        r(Minimizing, "(just/only) (one|a single|one little|a little|a tiny|one stupid|a stupid|a couple of|a \
                       few|two|like two|like one|a couple) (night/time/kiss/text/drink/mistake/lie/slip/\
                       message/fling/date/drinks/texts/messages/times/nights/kisses/dates/beers/hug/photo/\
                       photos|white lie)")
            .not_before("not|it (was/is) not|(i/we) (did/do) not|more than")
            .not_after("~1 (of|out of) (many|the|them|several|a|so)"),
        r(Minimizing, "(was/is|it is|it was) [@deg] (one/a) [@deg] [stupid/little/silly/tiny/drunk/drunken/dumb/\
                       meaningless] (stupid/little/silly/tiny/drunk/dumb/meaningless|single|drunken) \
                       (night/kiss/text/mistake/slip/time/message/date|night stand)"),
        r(Minimizing, "(was/is|it is|it was) (one|a single) (night/kiss/text/slip/time/message/date/drink/hug/\
                       coffee/lunch/dance/photo/beer|night out)")
            .not_after("~2 (of many|out of many|of several)"),
        r(Minimizing, "{(only/just) (once/twice|one time|two times|a (few/couple) [of] times)}|(only/just) \
                       happened (once/twice|one time)|happened (only/just) once|(only/just) did \
                       (it/that/this) (once/twice|one time)")
            .not_before("not|more than|it (was/is) not|(i/we) (did/do) not")
            .not_after("~4 (but/and) (that/it/once) (is/was) (enough|too many|one time too many)|~2 a \
                        (week/day/month)"),
        r(Minimizing, "(not/no/nothing) [that/such/a/really/even/so/too] big [of a] deal|no (huge/massive/\
                       major) (deal/thing)|not a (huge/massive/major) (deal/thing)|no biggie")
            .not_after("~3 to (other/some/most) people|~3 to (others|anyone else|me at the time|some)|~4 \
                        but it (was/is) [a big deal] to you")
            .not_before("i (acted/treated/pretended/made/thought/told) ~4|(@you) (are/were) (right|not \
                         wrong)"),
        r(Minimizing, "(not/nothing) [@deg] (that/so/really/even) (bad/serious/big/important/terrible/awful/\
                       deep)|not the end of the world|not even that serious|not that deep")
            .not_before("i (acted/treated/pretended/made/thought/told) ~4"),
        r(Minimizing, "(it/that/this/she/he/they/her/him|the sex|the kiss|those messages|what happened|the \
                       texts|the affair) [@deg] (did not|does not|do not) [@deg] (mean/meant) (anything|a \
                       thing)|(it/that/this/she/he/they/her/him|the sex|the kiss|those messages|what \
                       happened|the texts|the affair) [@deg] (meant/means/mean) (nothing|nothing to me|less \
                       than nothing)")
            .not_before("i know [that]|probably|maybe")
            .not_after("~3 (to you|now|right now|coming from me|from me)"),
        r(Minimizing, "(nothing [really] happened|it was nothing|it is nothing|nothing else happened|nothing \
                       physical happened|not like anything [physical/really] happened|nothing serious|\
                       nothing (really/even) happened)")
            .not_before("nothing ~1|(it|that) (was/is) not")
            .not_after("~3 (that was your|because of you|you could|you did)"),
        r(Minimizing, "at least i (did not|never|told|was honest|came clean|admitted|told you|am being \
                       honest|am honest|was not|stopped|ended|said)"),
        r(Minimizing, "(a/one) [@deg] (little/tiny/small/stupid/silly/harmless) [little/tiny/small/stupid/\
                       silly] [white] lie|(a/one) white lie|\
                       harmless (flirting/fun/texting/chat/joke/banter)|no harm done|(a|just a) [harmless/little/silly] bit of fun|hardly \
                       (a crime|the end of the world|a big deal|anything|cheating)|not (a crime|like it is a \
                       crime)|\
                       innocent (flirting/fun/texting/chat|enough)")
            .not_before("i told you|(it/that) was not"),
        r(Minimizing, "(it/that/this/she/he/they) (was/is/were) [@deg] (harmless/innocent|nothing serious)")
            .not_after("~3 (i know|i thought)|~2 (at first|to begin with|until|then|in the beginning)"),
        r(Minimizing, "(i/we) (was/were) [@deg] (just/only/merely/simply) (texting/talking/flirting/chatting/\
                       messaging/sexting/kissing|having fun|being friendly|hanging out)"),
        r(Minimizing, "(i/we) (only/just/merely) (texted/talked/chatted/flirted/kissed/messaged/met/looked/\
                       borrowed/hugged/danced/liked/followed|hung out|had (a/one/lunch/coffee/drinks/two|a \
                       couple|a few|like two|a drink)|went (out/for/to/round/over))")
            .not_after("~1 (over/down) ~2|~1 about (myself|me)"),
        r(Minimizing, "(was/is/like|it is|it was) [@deg] [like] _ (quid/pounds/dollars/bucks/euros/grand)|\
                       (only/just) [like] _ (quid/pounds/dollars/bucks/euros/grand)"),
        r(Minimizing, "(such/so) [a] (small/little/tiny/minor/silly/stupid) thing|(small/little/tiny/minor) \
                       thing (compared to|in the grand scheme)|(was|it is|it was) (a|such a) (small/\
                       little/tiny/minor) thing")
            .not_after("~3 but")
            .not_before("i know|i get [that]|it (was/is) not|(asked/wanted/needed/ask/want/need) [for] \
                         [me] [to] ~2"),
        r(Minimizing, "(is/was) [all] [just/only/simply] [a/one] [@deg] [big/huge/little/stupid/total/complete/\
                       massive/silly] (misunderstanding/miscommunication)"),
        r(Minimizing, "{(it was|this is|that was|it is|this was|all|it was all|this is all|this was all) [just/\
                       only/simply/all|@deg] [a/one] [big/huge/little/stupid/total/complete/massive/silly] \
                       (misunderstanding/miscommunication)}|(big/huge/massive/total/complete/silly/stupid|\
                       just a|only a|all a) misunderstanding"),
        r(Minimizing, "(was/is|it is|it was) not [even] [@deg] [a] real (relationship/affair/thing/\
                       cheating)|(it/that|this) (was/is) not even (that/a/real/serious/cheating|that \
                       serious)"),
        r(Minimizing, "(it is|it was) not like (i/we) [@deg] _^meant/wanted/planned/intended/tried/am/was/did/\
                       do/could/knew|\
                       not like (anything/something) [physical/really/even] happened"),
        r(Minimizing, "< (one|a single|only one|just one) (kiss/hug/text/drink/date/night/message/time) \
                       .|(that is|and that is) all [it was] .|(it/that) was [just] (a/one) (kiss/hug/text/\
                       drink/message/date) ."),
        r(Minimizing, "so what (>|.)|(what is|whats) the big deal|< [oh/so/well] big deal .|(@you) act like (it is|it was) \
                       (the end of the world|a crime)|(i/we) never (actually/really/even) (did anything|slept \
                       together|had sex|met up|touched|kissed)|i (do not) (see|get) (the|what the) (issue/\
                       problem|big deal)"),
        r(Minimizing, "(it/that) (does not|did not) [really] count|(was not|is not|was never|was not \
                       ever) [really] (anything|something) [that/really] (serious/big/important|that \
                       serious)|not as (bad/serious/big) as (@you) (are making|make|think|say|are making \
                       out|make out)|(it is|it was) (a few|a couple of|some|two|like two) (messages/texts/\
                       drinks/kisses/photos/dms)")
            .not_after("~2 (at first|to start|then|that turned|that became)"),
        r(Minimizing, "i (was not|am not) even [that/so/really] (drunk/high|that drunk)")
            .not_near(OWNED_REASON),
        r(Minimizing, "(one|a single) (night/time/mistake/kiss/slip) (out of|in) [like] ~3 (years/year/months)")
            .not_after(AND_THEN_I_DID),
        r(Minimizing, "(why is (this/it) such|i do not get why|i do not understand why|i do not see why|i do \
                       not know why) \
                       (this/it/that) is (such a thing|a thing|such a big deal|a big deal|a big thing|such a \
                       big thing)"),
        r(Minimizing, "(i am|we are) allowed to (talk/have/text/see/be|go out)"),
        // ---- An excuse.
        r(Justifying, "{(sorry/apologize/apologies) ~~8 but [honestly|to be honest|tbh] (i (was [@deg] \
                       (@state|@intox|only/just/trying/drunk/tired|not thinking|not myself|not in)|had (a lot|so \
                       much|my reasons|reasons|been drinking|too much|a bad|a rough|a hard|a long|no choice)|felt \
                       (like/so/really/lonely/ignored/neglected/trapped/pressured|like i had)|thought (it was|it \
                       would|you knew|you would not|no one|nobody|i could|it did not|you did not)|just \
                       (wanted/needed/was/felt/thought|did not)|only (wanted/did/meant/said/went|did it)|needed \
                       (space/time/attention/someone/something|a break)|have been (so/really/under/going/stressed/\
                       tired/struggling/busy)|could not (help/stop/control/resist)|did not (mean/think/know/\
                       realize)|got (drunk/carried/caught)|did (it for|everything|my best|what i could)|do \
                       (everything|so much|my best)|(work/worked) (hard|so hard)|(give/gave) (everything|so much|you \
                       everything))|it (was/is) [@deg] (only/just/harmless/nothing|not (that/a/serious/like|even))|in \
                       my defense|to be fair|at least|technically|(everyone/everybody/people) (does/do/did/makes/\
                       would/has|else)|my (meds/job/boss/work/mental/depression/anxiety/head/mind/childhood/ex/\
                       friends/mum/mom/dad/family/brain)|(work/life/things) (was/were|has been|had been) [@deg] \
                       (crazy/hard/stressful/busy/difficult/mad/insane|a lot)|(she/he/they) (kept|started it|came \
                       on|made the first move|was all over|were all over))} ~3")
            .not_near(OWNED_REASON)
            .not_after("~4 (no|not an|never an) excuse|~3 (that/it) (is/was) (not/no) [an/my] excuse")
            .not_after(AND_THEN_I_DID)
            .weak(),
        r(Justifying, "(i had no|i did not have [a/any/much]|i never had) [other] choice|(@you|it/they/she/he/\
                       that/life/work|my boss) left me (no|with no) [other] choice")
            .not_near("~~8 [.] ~~4 i (did/do) (have|had) a choice"),
        r(Justifying, "what [else] (was i supposed to|could i have|did you want me to|would you have|was i \
                       meant to|else could i|was i going to|am i going to|should i have|else was i going to) do|what (was \
                       i|am i) supposed to do"),
        r(Justifying, "(anyone/anybody/everyone/everybody|any man|any woman|any guy|any girl|most people|most \
                       guys|most girls|half the people) [in my (position/shoes/place)] (would have|would|else \
                       would|would have done|does/did) (done/reacted/cheated/looked/gone/said/lied/snapped/strayed|done the \
                       same|been tempted|done it|done that|done what i did)")
            .not_after("~1 (been/felt/be/feel) [@deg] (hurt/upset/angry/devastated/furious/betrayed/sad|\
                        heartbroken)|~1 (be/feel|have felt) ~3|~2 (deserve/deserves|is right)|~1 \
                        (would have been|would be) (lucky/proud)"),
        r(Justifying, "(everyone/everybody/people|we all|nobody is perfect|no one is perfect) (makes/make/made|\
                       has made|have made) mistakes|(i am) only human|(everyone/everybody) does (it/that/\
                       this)|nobody is perfect|no one is perfect")
            .not_before("i know [that]")
            .not_after("~3 but (this|that|what i did|mine|it)"),
        r(Justifying, "i (only/just) did (it/that/this) (because/since/to/cause)|i did (it/that/this) (only/just) \
                       because|the only reason i|i (only/just) (lied/cheated/went/texted/spent/said/looked/drank|did it|kept it|\
                       hid it|did that|kept quiet) (because|to protect|so (you|that you))")
            .not_near(OWNED_REASON),
        r(Justifying, "i (was only|was just|only wanted to|just wanted to|was simply|was trying to|just was|was \
                       only ever) [trying] [to] (help/helping/protect/protecting/joking/kidding|have fun|being \
                       nice|being friendly|being honest|having fun|looking out|being polite|being a good \
                       friend|being supportive|letting off steam|blowing off steam|venting|be nice|be \
                       friendly|keep the peace)")
            .not_after("(myself/me)")
            .not_near(OWNED_REASON),
        r(Justifying, "i could not help (it/myself)|i had (every right|my reasons|good reason|a good reason|\
                       reasons)|in my defense|to be fair [,] (i/it/she/he/everyone|we both)|(it is|it was) not like i (meant/wanted/planned/\
                       intended)|i was [only/just] (joking/kidding)")
            .not_before("(not/no) ~2"),
        r(Justifying, "i was [@deg] [@deg] @intox [,] [and/so|which is why|that is why|and that is why] ~~6 \
                       ((she/he/they) (kissed/touched/grabbed|came onto|came on to|made a move|started it) \
                       me|it [@deg] happened|i (do not|did not|can not|could not) [even/really] (remember/know/\
                       think/realize/mean)|i was not (thinking/myself)|it was the|i would (never/not)|otherwise|not \
                       myself|did not know what)")
            .not_near(OWNED_REASON),
        r(Justifying, "i was [@deg] [@deg] @intox , it (was/is) [@deg] (one/only/just/a/nothing)"),
        r(Justifying, "it was the (alcohol/drink/drinks/booze/drugs/pills/weed/wine/beer/vodka/meds/\
                       medication) [talking|that did it|not me]|the (alcohol/drink/booze/drugs/pills/meds) \
                       (made me|was talking|took over|did (it/that))|blame [it on] the (alcohol/drink/booze/\
                       drugs)")
            .not_near(OWNED_REASON),
        r(Justifying, "i would (never/not) have (done/said|gone/kissed/cheated) (it/that/this|any of it|those \
                       things) [@deg] (if i had been|if i was|sober|if i were|if i had not been)|i would never \
                       (do/say) (that/this/it) sober|(if i had not been|if i was not|if i had not) [@deg] \
                       (drunk/drinking/high)")
            .not_near(OWNED_REASON),
        r(Justifying, "i was not (myself|in my right mind|thinking straight|thinking clearly|in a good place)|\
                       (you know|u know) how i (get/am) (when i (drink/drank|am drunk|have had)|after)|i (can \
                       not|could not) control (it|myself) (when|after|once)|i (can not|could not) control \
                       (it|myself) .")
            .not_near(OWNED_REASON),
        r(Justifying, "(only/just|i only|i just) ~4 because i was [@deg] @state|because i was [@deg] @state")
            .not_after(AND_THEN_I_DID)
            .not_near(OWNED_REASON),
        r(Justifying, "i was [@deg] @state [,] (so|that is why|which is why|and that is why|and so)|i was \
                       [@deg] @state ~4 (so/that) i (was not thinking|did not think|could not think|was not \
                       myself|lost it|just snapped)")
            .not_after(AND_THEN_I_DID)
            .not_near(OWNED_REASON),
        r(Justifying, "i was going through (a lot|so much|stuff|things|some stuff|a [@deg] (hard/rough/tough/\
                       difficult/bad/dark) (time/patch/period))|i [just] (was not|am not) in a good place|i \
                       was in a [@deg] (bad/dark/terrible/horrible/low/rough/shit) (place/headspace/space)")
            .not_after(AND_THEN_I_DID)
            .not_near(OWNED_REASON),
        r(Justifying, "i (had/have) had a [@deg] (long/bad/rough/hard/shit/crap/terrible/stressful/awful) (day/\
                       week|night)")
            .not_near(OWNED_REASON),
        r(Justifying, "(said/say) things i (did not|do not|never) mean|i (did not|do not) mean (it/that|any of \
                       it|those things|what i said|that stuff|it like that)|you know i (do not|did not) mean")
            .not_after("when i (said/told|say)")
            .not_near(OWNED_REASON),
        r(Justifying, "(@you) (have to|need to|must|should) understand [that] (i was|i had|i did not|it \
                       was|there was|i felt|i have been)|i was [@deg] @state (at the time|back then|that \
                       week|that month|that year|that night)|my head (was not|is not) in (the right|a good) \
                       place|(it happens|these things happen|shit happens|stuff happens|things happen) .")
            .not_after(AND_THEN_I_DID)
            .not_near(OWNED_REASON),
        r(Justifying, "(he/she/they) kept (flirting/messaging/texting/pushing/calling/asking/coming|coming on) \
                       ~~8 i (did not|could not) (know how|say no|stop)|(he/she/they) (was all over me|came \
                       on to me|came onto me|made a move|kissed me first|started it|initiated it|came on \
                       strong)|i (did not|could not) (know how to|) say no"),
        r(Justifying, "what (can|else can|more can) i say (>|.)|i was [@deg] @state [,] [and] (she/he/they) \
                       (was/were) (there/around/available/interested|right there)"),
        r(Justifying, "(i was [@deg] @state [,] and|because|only because|just because) i (needed/wanted) \
                       (someone/somebody|some attention|attention|excitement|someone to talk to)|i (needed/\
                       wanted) (some|a bit of|more|a little) (excitement/attention/fun/validation/freedom/\
                       affection) [in my life] (.|>)|i did (it/this/that|all of it) for (us|you|the family|\
                       the kids|our future)|(you know|u know) (i have had|i had|i have been through|i have been \
                       going through) (a lot|a [@deg] (hard/rough/tough/difficult/bad/shit/awful) (year/time/\
                       month/week))|i (have had|had) a [@deg] (hard/rough/tough/difficult/bad/shit/awful) \
                       (year/month|few months)")
            .not_near(OWNED_REASON),
        r(Justifying, "(dared/pressured/talked/peer) me (to/into)|(they/she/he|my friends|the guys|the girls|\
                       everyone|the lads) (made/dared/pressured/talked/forced) me")
            .not_after("(telling/confessing/admitting|coming clean|getting help|going to|being honest|writing this|saying sorry|therapy|counselling)"),
        r(Justifying, "(it is|it was|that is) because of my (childhood/past/parents/dad/mom/mum/upbringing/\
                       trauma/ex/depression/anxiety/adhd/job/work/meds/medication)|my (childhood/upbringing/\
                       past/trauma/depression/anxiety/meds/medication/adhd) (made/makes|is why|was why|is \
                       the reason|was the reason)|i (do not|never) know how to do relationships")
            .not_near(OWNED_REASON),
        r(Justifying, "because i (deserved/deserve/earned|was owed) (it/something/a/some/to/better|nice)"),
        r(Justifying, "i was [@deg] [just/only] (protecting|trying to protect) (you/us|your feelings)|(to|so as \
                       to) protect (you/us|your feelings)|because i (did not|do not) want to (upset/hurt/worry/\
                       stress/burden|scare) you")
            .not_near(OWNED_REASON),
        r(Justifying, "(you know|you know that) (that/this/it) (is/was) not who i [really] am|(you know|you \
                       know that) i am not like that|you know i am not (that kind of|that) (person/guy/girl/\
                       man/woman)"),
        r(Justifying, "i (work/worked) (hard|so hard|all week)|i never get anything|i (do/did) everything (for/\
                       around)"),
        r(Justifying, "i (would not|would never) have ~4 if i (had known|knew|had realized|realized|thought|had \
                       thought)")
            .not_after("(about/of) (you/us)|cared"),
        // ---- No one did it.
        r(PassiveVoice, "{(mistakes/errors/things/words/lines/promises/boundaries/feelings/trust/hearts/harm/\
                        damage/wrongs/texts/messages/money/lies/stuff|bad choices|poor choices|some things|a lot of \
                        things|hurtful things|the money|the texts|the messages|the lies) [@deg] (were/was/got/get|have \
                        been|has been|had been) [all/just|@deg] (made/said/done/crossed/broken/hurt/\
                        caused/exchanged/sent/spent/told/lost/taken/deleted|blurred)}")
            .not_after("~~3 (by (me|what i|my|how i)|because [of] (me|what i|i|my)|when i|and i (know|own|caused|\
                        did|broke|made|told/said/spent/sent/crossed/deleted)|and i am (responsible|to blame|the one)|that \
                        i|and it was me|and \
                        that was me)"),
        r(PassiveVoice, "(it/things/stuff/that/this/everything|the affair|the cheating|the lying|one thing) \
                        (just/somehow|kind of|sort of|just sort of|just kind of) (happened/escalated/\
                        spiralled/spiraled/snowballed|got out of hand|went too far|got complicated|went \
                        wrong|went south|got messy|led to another|took on a life)")
            .not_before("when/where/how/after/before/since/why/what/until|the (night/day/moment/time/way) \
                         [that]|i let|i made|i pretended|i acted like|i told you|i said|pretend|pretending"),
        r(PassiveVoice, "(things/stuff/it/that/which|the affair|the cheating) [@deg] [@deg] (got [@deg] (out of hand|out of \
                        control|complicated|messy|heated|carried away)|went too far|escalated|spiralled|\
                        spiraled|snowballed|went south|got away from (me/us)|spun out of control)")
            .not_before("when/where/how/after/before/since/why/what/until|the (night/day/moment/time/way) \
                         [that]|i let|i made|i pretended|i acted like|i told you|i said|let"),
        r(PassiveVoice, "(the money|money|the cash|the savings|our savings|it) [@deg] [kind of|sort of] \
                        (disappeared/vanished|got spent|slipped away|ran out|went missing)"),
        r(PassiveVoice, "one thing led to another|(a/an) (mistake/error|bad call|poor decision|error of \
                        judgement|error of judgment|lapse in judgement|lapse in judgment|bad decision) (was|has \
                        been) made"),
        r(PassiveVoice, "(sorry/regret) (about/for) (how|the way) (things/it/this/everything/stuff/that|we) \
                        (went/turned/ended/happened/worked/played/got/unfolded/developed/escalated|have gone|has gone|went \
                        down|panned out)"),
        r(PassiveVoice, "sorry [that] (things/it/this/everything|the night|the day|the evening|the weekend|the \
                        money situation|the situation|the money|the whole thing) [all] [@deg] (ended|turned out|got [so/\
                        that] (bad/messy/complicated|out of hand)|went [so/all] (wrong/badly/south)|\
                        happened|ended up) [the way it did|like that|like this|that way]"),
        r(PassiveVoice, "sorry [that] (it/this/that|any of this|all this|all of this) happened"),
        r(PassiveVoice, "< (stuff/things/shit|some stuff|some things) [just] happened")
            .not_before("when/where/how/after/before/since/why/what/until")
            .not_after("~~10 i (made/let/did/chose/allowed/caused)"),
        r(PassiveVoice, "sorry (about/for) what happened")
            .not_near("i [@adv] (lied/hid/said/did/made/broke/went/got/cheated/kissed/slept/drank|was (rude/\
                       drunk/horrible/cruel/wrong|out of))|i was the one"),
        r(PassiveVoice, "(regrettable/unfortunate) (things/events/incident/situation/choices/circumstances)"),
        r(PassiveVoice, "(hurt/pain/damage/harm) [that] (has been|was|got|have been) caused")
            .not_after("~3 (by (me|what i|my)|because [of] (me|what i|i))"),
        r(PassiveVoice, "(things/stuff|some things|a lot of things|a lot|mistakes) (happened|went on|took place) \
                        [that] (should not|should never) have")
            .not_after("~~8 i (made/let/did/chose/allowed)"),
        r(PassiveVoice, "(it/this/that) (was not|was never) planned")
            .not_after("~~6 (but/and) (i|it does not|that does not|that is worse)"),
        // ---- Brushing their feelings off.
        r(Dismissing, "(@you) (are/were|are being|were being|are acting|are getting|keep being|are just|are \
                       always) [so/too/way/really/such|being so|being too|way too|far too|so so|acting so] \
                       (so/too/being|way too|a bit|a little|overly|so very|such a) (insecure/jealous/\
                       sensitive/emotional/anxious|a baby|touchy)")
            .not_after("~4 (because (of me|i|of what i)|after (what i|i|everything i)|and i (made/gave/\
                        did|said)|for (a/good) reason|with good reason|rightly|about (your/my) (body/\
                        weight/looks))"),
        r(Dismissing, "(@you) (are/were/get/got|are getting|are acting|are being|keep being|were being|are just|\
                       seem|sound|are always|are still|are literally) [@deg] [@deg] [@deg] @dismiss_adj")
            .not_after("~4 (because (of me|i|of what i)|after (what i|i|everything i)|and (you had every|i \
                        gave you|it was my|that is on me)|for (a/good) reason|with good reason|rightly|to be \
                        (jealous/upset/angry/worried/suspicious/hurt/scared/paranoid)|about me)")
            .not_before("(i/it) (made/make/makes) ~2|why|whether|if|wonder|(@you) (thought/think/felt/\
                         feel/worried/wondered|were scared|were afraid)"),
        r(Dismissing, "(stop/quit|do not be|can you not be|you need to stop|you have to stop) [being/acting/so/\
                       getting|@deg] [@deg] (@dismiss_adj|insecure/jealous/sensitive/emotional/crying/nagging/whining/complaining/exaggerating/\
                       overreacting/obsessing/overthinking/stressing|going on|freaking out|making (this/it/\
                       such)|so (emotional/dramatic))")
            .not_before("i (need/have/want/will/should/must/promise|am going|have got|am trying) to ~1|i \
                         will|let me|i must|i am going to"),
        r(Dismissing, "calm down|chill out|lighten up|settle down|simmer down|cool it|take a chill \
                       pill|just relax|< relax >|< chill >|< breathe >")
            .not_before("i (need/needed/have/had/want/wanted/tried/try/should/must|am trying|was trying) to|let \
                         me|i will|i am going to|(to|help you|let you|you can|could|able to|until (we/i)|when \
                         (we/i)|so (you/we) can|(once/after/till/before) (we/i)|i [@adv])"),
        r(Dismissing, "(blowing/blown/blow/blew) (this/it/things/that/everything) [way/all/totally/completely/so] \
                       out of proportion|(making/make/made) a mountain out of (a molehill|nothing)"),
        r(Dismissing, "(why are you|you are|stop|you keep|why do you keep|you always) (making/make) (a big \
                       deal|such a big deal|a huge deal|such a deal|a fuss|a drama|such a thing|such a big \
                       thing|this into a thing|it into a thing|this a thing|it a thing|it massive|it bigger|\
                       something small massive|a thing) [out of|about|over]"),
        r(Dismissing, "(making/make/made) (this/it/that) [into] (a|such a) [much/way/lot|a lot|so much] \
                       (bigger/huger|more dramatic) (deal/thing) [than]|(@you) (are|keep) making (it/this) \
                       (bigger/worse) than it (is|really is)")
            .not_before("i ~2"),
        r(Dismissing, "(@you) can not [@deg] be [@deg] (upset/angry/mad/serious/bothered/hurt|this upset) \
                       (about/over/by/with) (this/that/it)|(@you) (are/were) acting like i (murdered/killed/\
                       committed|cheated|did something)|like i (murdered/killed) (someone/somebody)|((@you) [always/just]|<) \
                       blow (everything/things/it/this) up"),
        r(Dismissing, "get (some|a little|a bit of) perspective|grow up|get a grip")
            .not_before("i (need/have/want/will/should/must|am going|have got|am trying) to [@deg]|i [@adv]|\
                         help me|(we/i) both"),
        r(Dismissing, "take something small and (make/turn) it|make (something/everything/it) (massive/huge|\
                       bigger than it is|into a huge|into a big)"),
        r(Dismissing, "(@you) (are/were/keep) (imagining (things/it/stuff)|making (it/this/things/stuff) up|\
                       reading [way] too much into|taking (this/it/things/everything) [way] too (seriously/\
                       personally/hard)|reading into (it/this|things))|(@you) take (everything/things/it/\
                       this) (so/too|way too) (personally/seriously/hard)|taking (this/it) (way/far) too \
                       (hard/seriously/personally)")
            .not_before("(i/it) (made/make/makes) ~2|(@you) (thought/think/felt/worried|wondered)"),
        r(Dismissing, "(it was|it is|that was) [only/just] a (joke/comment|bit of fun|laugh|harmless joke)|(can \
                       you not|why can not you|you can not) take a joke|(it is|it was) (a joke|for fun|banter)")
            .not_before("i (told/said) ~2|(was/is) not"),
        r(Dismissing, "(it is|it was) not that (deep/serious|big)|not that deep"),
        r(Dismissing, "(@you) (are/were) letting [your] (imagination/anxiety/insecurity/insecurities/feelings/\
                       emotions/past/jealousy) ~2|(this/that|part of this|some of this) is [just] your \
                       (anxiety/insecurity/insecurities/trauma/jealousy/past/issues/paranoia/depression)|your \
                       (anxiety/insecurity/insecurities/jealousy/paranoia|trust issues) (is/are) (talking/making|\
                       the problem|the issue)|(@you) need to work on (that|your (anxiety/insecurity/\
                       insecurities/jealousy/trust/issues))|(it is|it was) [all] in your head"),
        r(Dismissing, "(@you) (are/were) (so/too|way too|just too) emotional|(@you) (are/were) being [@deg] \
                       (insecure/jealous|too much)"),
        r(Dismissing, "< (stop/quit) crying|why are you (crying/upset|so upset|being like this)"),
        // ---- Hurrying them to be done.
        r(DemandingClosure, "(let us|we (need/have/ought/got) to|we should|we must|time to|it is time (to/we)|\
                             can we [please]|can not we|why can not we|could we|cant we|we can) [just] [all] \
                             (move on|move past (this/it/that)|moved past|put (this/it/that) (behind us|in the \
                             past)|forget [about] (this/it/that)|forget about|drop (this/it/that)|stop talking \
                             about (this/it/that)|let (this/it/that) go|get past (this/it/that)|be done with \
                             (this/it)|start fresh|start over|go back to normal|go to bed|go now|go home|talk \
                             about something else|change the subject|not do this|not talk about (this/it)|\
                             not make this|please stop talking|stop talking|leave it|drop it|forget it|move forward|look \
                             forward|go forward)")
            .not_before("(hope/hoping/wish/pray/praying/maybe/someday/when/whenever/until/once|one day|some \
                         day|if) ~3")
            .not_after(WHEN_READY),
        r(DemandingClosure, "get over (it/this/that/her/him)|(when/why) (will/are) (@you) [going to] [just] (get \
                             over|let (it/this/that) go|move on|forgive|drop)")
            .not_before("help you|(hope/hoping|want to help|wish) ~3|(@you) (will|may|might|do not have to) [never] ~1"),
        r(DemandingClosure, "(@you) (need/have/ought/got/must/should|will have|are going to have) to [just] \
                             (forgive|get over|let (it/this/that) go|move on|trust me|stop bringing|drop (it/\
                             this)|accept (it/that|my apology)|decide to trust|start trusting|let me back|give \
                             me another chance|put this behind)"),
        r(DemandingClosure, "forgive and forget"),
        r(DemandingClosure, "{i [already] [have] (said|told you) [i am|i was] sorry}")
            .not_after("~4 (like it|as if|without|and [i] (did not|never|not) ~2|but [i] (did not|never|not) ~2|the first \
                        time|last time|before|then|too (fast/quickly/easily)|to get out|so many times and|\
                        before and)")
            .not_before("when|the (last/first) time|every time|each time|before|i know"),
        r(DemandingClosure, "i already (said|told you) [i am|i was] sorry")
            .not_before("i know [that]")
            .not_after("~4 but|~3 (and|but) (i|this time)"),
        r(DemandingClosure, "i [have] [already] apologized (already|a hundred times|a million times|a thousand \
                             times|so many times|enough|over and over|like ten times|ten times|again and \
                             again|twice|multiple times|many times|repeatedly|,)|i already apologized|i \
                             apologized already|(i have|i) said [i am] sorry (a million|a hundred|so many|like \
                             ten|ten|a thousand|enough|over and over) [times]")
            .not_after("~4 (without|and [i] (did not|never|not)|but [i] (did not|never|not))")
            .not_before("i know [that]")
            .not_after("~4 but|~3 (and|but) (i|this time|it)"),
        r(DemandingClosure, "how many [more] times (do/must/should/will/can) i [have to] (say/apologize/\
                             tell/repeat)|how long (are you going to|will \
                             you|do you plan to|must i|do i have to|is this going to) (punish/hold/keep/be/make/\
                             stay/take|go on)"),
        r(DemandingClosure, "(stop/quit) (bringing (it/this/that) up|dwelling|living in the past|going on about \
                             it|bringing up the past|holding it over|throwing it)|(@you) (keep/always) \
                             (bringing (it/this/that) up|bringing up the past|throwing it in my face)"),
        r(DemandingClosure, "(it is|that is|it was) [all] (in the past|behind us|ancient history|over and done|old \
                             news)")
            .not_after("~3 (for me|to me|but|and not)")
            .not_before("i know|(i/you|@you) (think/thought|feel/felt|might think)|might|may"),
        r(DemandingClosure, "[just] let (it/this/that) go")
            .not_before("i (need/have/want/will|am going|should|must|am trying|am learning) to [@deg]|can not|\
                         how|never|i [@adv]")
            .not_after("~2 (too/far/further/on|that far|this far|so far)"),
        r(DemandingClosure, "what (more/else) do you want [from me]|enough already|i (do not) know what (else/\
                             more) [you want me to say|you want|you want from me]|what (else/more) (do you want \
                             me to|am i supposed to) (do/say)")
            .not_after("~2 (except|but|other than|apart from|besides)"),
        r(DemandingClosure, "< drop it|(apologized|said sorry|said i am sorry) ~~6 ball is in your court"),
        r(DemandingClosure, "if (@you) (cannot|can not|will not) (forgive|trust|get past|move past|let (it/this) go|\
                             move on) ~~6 (what is the point|then why|we are done|this will not work|there is \
                             no point|i am leaving|we might as well|what are we doing)|if (@you) can not \
                             forgive me [,] then (what|why|we are|there is no point|this is over|i am done)"),
        r(DemandingClosure, "at some point (@you) (gotta/must|have to|need to|will have to|are going to have to|\
                             will need to)")
            .not_after("~3 (decide/choose) (what|whether|if) (@you|is|it)"),
        r(DemandingClosure, "(i/we) [just] [really] (want/need) [us] to (look forward|be normal|get back to normal|\
                             go back to normal|move on|put this behind us|forget (this/it|about it)|start \
                             fresh|get past (this/it)|move past (this/it)|be (normal/okay/ok/fine) again)")
            .not_before("(hope/hoping/wish/pray/praying/maybe/someday|one day|some day) ~3")
            .not_after("~2 from (who i was|that|being|my|the person|the way i)")
            .not_after(WHEN_READY),
        r(DemandingClosure, "when (are we going to|will we|can we) (be normal|get back to normal|go back to \
                             normal|move on|be okay|be ok|be happy|be us|put this behind)|(i am not|i will not|\
                             i refuse to) (apologizing/apologize|say sorry|saying sorry) (again|anymore|any more)|\
                             (stop|quit) dragging (this/it) out"),
        r(DemandingClosure, "(are you|you are|why are you) still (going on|banging on|on about|talking about|\
                             bringing (this/it|that) up)")
            .not_before("if|when|even if|whenever"),
        r(DemandingClosure, "(i thought|thought) we were (past|over|done with) (this/it/that)|we (are/were) \
                             (past this|over this)")
            .even_reported(),
        r(DemandingClosure, "(we have) talked about (this/it) enough|(enough|done) talking about (it/this)|(i am) \
                             done talking about (it/this)|(i am) tired of talking about (it/this)"),
        r(DemandingClosure, "(forgive me|trust me) already|just forgive me"),
        r(DemandingClosure, "< moving on >|sorry [,] moving on|(okay/ok/so|anyway|anyways) [,] moving on"),
        r(DemandingClosure, "(time|it is time) (we/to) [both] (moved/move) (on/past)")
            .not_before("(when/if/until/whenever) [it is|it will be]|it will be|is")
            .not_after(WHEN_READY),
        r(DemandingClosure, "(i need) (you) to (let (this/it/that) go|move on|forgive me|get over|stop \
                             bringing|drop (it/this))")
            .not_after("~3 (when (@you) (are/feel) ready|in your [own] time)"),
        r(DemandingClosure, "(can/could) (we/you) [please] [just] (stop (this/it/talking/now|.|>)|drop it)"),
        // ---- Said lightly or with an edge.
        r(Flippant, "my bad|my b|< oops|< whoops|< oopsie|soz|sorry not sorry|sorry lol|lol sorry|lol (okay/\
                     k) sorry|sorry (eyeroll/sass/shrug)|(eyeroll/sass/shrug) sorry|sorry (okay/k) (lol/\
                     eyeroll)|sorry ~1 lol ."),
        r(Flippant, "< (happy/satisfied) .|< (happy/satisfied) now|there [,] i said it|(is that|was that) (good enough|what you wanted)|\
                     (are you) (happy/satisfied) now"),
        r(Flippant, "sorry (for/about) (breathing/existing|being alive|having (friends/feelings/needs/fun|a \
                     life)|being me|not being perfect|being human|being born)|sorry (for/about) (caring/\
                     trying/living|loving you) [so much|too much] [i guess] [eyeroll/lol/sass/shrug] (.|>)"),
        r(Flippant, "sorry [that] i (exist|am not perfect|breathe|am alive|have a life|have friends|have \
                     feelings|am human|am not you|care (so much|too much) >|am not (a saint|an angel|perfect|as perfect as \
                     you|like you))"),
        r(Flippant, "excuse me for (having/being/wanting/caring/existing/breathing/living|not being)|(forgive/\
                     pardon) me for (existing/breathing/living/caring|having (a life|friends|feelings|needs|\
                     fun)|wanting (a life|some fun|to have fun))"),
        r(Flippant, "(i forgot|silly me|oh i forgot) ~4 (@you) (never (make/made|do/did) (mistakes|anything \
                     wrong)|are perfect|are always right|are a saint)"),
        r(Flippant, "i (did not|didnt) (realize/know) (i|that i) needed [your] permission"),
        r(Flippant, "< (whatever/k/fine|yeah yeah|okay fine|ok fine) [,] [i am] sorry|sorry [,] whatever|< \
                     sorry k|yeah yeah")
            .not_after("(@you) (decide/choose/want/need)"),
        r(Flippant, "(ugh/urgh/ffs/jeez/geez/god/k|oh my god) [fine/okay/whatever] [,] [i am] sorry|< (k/ok/\
                     okay) fine [,] [i am] sorry"),
        r(Flippant, "sorry [okay] (jeez/geez/ffs/god|for gods sake|for fucks sake|omg)|(jeez/geez/ffs) [i am] \
                     sorry"),
        r(Flippant, "(so|oh so|oh) now i am the (bad guy|villain|monster|problem|bad one|worst)|sorry [,] i \
                     guess >|i guess i am sorry >|sorry then >"),
        r(Flippant, "< oh [i am] [so] sorry (i/for) ~6 (@you) (never (make/made|do/did) (mistakes|anything \
                     wrong)|are perfect|are always right|are a saint)"),
        // ---- Turning to your own pain.
        r(SelfFocus, "(i need|i just need|i really need) [you] (to know|to hear) [that] (@you) [still] (love/\
                      forgive/want) me"),
        r(SelfFocus, "(tell me|please tell me|i need you to tell me|i need to hear) [that] (we are|we will be|\
                      well be|i am|we are going to be) [going to be] [still] (okay/fine|all right|not a bad \
                      person|a good person|forgiven|not a monster|ok)"),
        r(SelfFocus, "(tell me|say|please say) [that] (@you) (forgive|still love|do not hate|are not \
                      leaving|still want) me"),
        r(SelfFocus, "(do you have any idea|you have no idea|you do not know|can you imagine|you do not \
                      understand|do you know|do you even know|do you realize) how (hard/difficult/much/bad/awful/painful) (this/it) (is/was|has been) \
                      [@deg] [for me|on me]|(you have no idea|you do not know|do you have any idea) how \
                      (much/bad) (guilt/pain|i)"),
        r(SelfFocus, "(i am|i have been) [@deg] (hurting/suffering/struggling|in pain|a mess|falling apart|\
                      broken) (too|as well)|i am (the one|also the one) (hurting/suffering)")
            .not_after("~~6 but (this/it/that) (is not|does not) (about me|matter)|~~6 but (you/your) ~4 (first|matter|more)|~~6 (this/it) is not about me"),
        r(SelfFocus, "(killing/destroying/eating) me ~~10 [.] ~~4 (please|can you|could you|i need you|you need \
                      to|you have to|just) [just] (talk/answer/reply/look/forgive/hold/hug/text/speak/stop|come \
                      home)|i can not (handle|cope with|take) (this/it|much more) (anymore|any more|.)"),
        r(SelfFocus, "(can/could) (@you) [please] (at least|just|even) (talk to me|look at me|answer me|reply|\
                      text me|say something|hug me|forgive me|tell me|call me)|(@you) will not even (look at|\
                      talk to|answer|speak to|let me|reply)")
            .not_after("(when/if) (@you) (are/get) (home/safe/back/there)|(@you) (are) safe"),
        r(SelfFocus, "(maybe/perhaps) (@you) (would/will/are) be better off without me|better off without me|\
                      (so/then|i guess|i suppose) i am [just] (a/the) (monster/villain|terrible person|\
                      horrible person|bad person|worst person|worst|bad guy|piece of shit|awful person|\
                      failure|disappointment)|sorry [that] i am (such/so) [a] (terrible/horrible/bad/awful/\
                      useless/worthless|a failure)")
            .not_after("~~10 (respect/decide/deserve/choose|your choice|up to you)"),
        r(SelfFocus, "tired of (feeling like|being|being made out to be) the (bad guy|villain|monster|bad one|\
                      problem)|(i|i just) feel like the bad guy|how do you think (that/it/this) makes me feel"),
        r(SelfFocus, "please (do not) (leave me|hate me|give up on me|go|walk away from me)|everyone hates me|(nobody|no one) (is|has been) (checking on|looking after|there for|\
                      asking about|checking in on) me|i have nobody"),
        r(SelfFocus, "i need you (right now|now|so much right now)|i need you to (comfort/hold/hug/reassure|be \
                      there for me|look at me|talk to me|stop being|be (okay/ok/fine|alright) with me|not be \
                      (angry/mad/upset)|stop being (angry/mad/upset))|i can not (deal|cope) with (@you) being \
                      (angry/mad/upset|cold|like this)")
            .not_after("~~8 but i (know|do not get|can not ask|have no right)"),
        r(SelfFocus, "(@you) (are) making me feel [@deg] (bad/terrible/awful/guilty/worse|like a monster|like \
                      shit|this bad)"),
        r(SelfFocus, "(making/made/make) (it/this/things) [so|so much] worse for me|(this is|it is) [so] hard \
                      (for me|on me)|how hard this (is|has been) for me")
            .not_after("to (write/say/admit/face|talk about)")
            .not_after("~~10 (imagine|nothing compared|harder for you|for you)"),
        r(SelfFocus, "(i feel|feeling) [@deg] (awful/terrible/bad/guilty/sick) ~~8 (i need you|can you|you need \
                      to|you have to) ~2 (forgive|talk|tell|hug|comfort|look)")
            .not_after("~4 (what (would/might/could/will) help|what you need|how (i can|to))"),
        r(SelfFocus, "i need (you) to forgive me so (i|i can)"),
        r(SelfFocus, "i (can not|have not) (sleep/eat/function/think/breathe/work/slept/eaten|stop crying) \
                      ~~12 [.] ~~4 (please|can you|could you|i need you to|you need to) [just] (talk/answer/\
                      reply/look/forgive/hold/hug/text/speak|come home)|i (am) (a mess|a wreck|falling \
                      apart|broken) ~~12 [.] ~~4 (please|can you|could you|i need you to) [just] (talk/\
                      answer/reply/look/forgive/hold/hug/text/speak|come home)"),
        r(Dismissing, "((@you) (should/gotta/must|need to|have to|got to|ought to)|can you|could you) [just] \
                       [@deg] (relax/chill|\
                       calm down|chill out|lighten up|get a grip|breathe)"),
        r(Dismissing, "(@you) [@deg] (take/took/taking) (things/it/everything/this/that|what i say|what i \
                       said) (wrong|the wrong way|badly|personally|to heart)|(@you) (misunderstood/misread/\
                       misinterpreted|got the wrong idea|got it wrong|got the wrong end)")
            .not_after("~~4 (right|every reason|of course)"),
        r(SelfFocus, "i am the one (who|that) (has to|is|have to) (live/deal/living/dealing/carry/\
                      carrying/suffering/hurting/paying)|(everyone/everybody) (has turned|turned|is turning|is \
                      turned|is) against me|i [just] need someone on my side|(nobody|no one) is on my side|what (this/it) is \
                      doing to me"),
        r(DemandingClosure, "can we [please] [just] (go/leave) >|< (let us|can we) go >"),
        r(Justifying, "i was [@deg] [@deg] @intox [at the time|last night|that night] .")
            .not_near(OWNED_REASON),
        // A backstop for the commonest shape of a non-apology, "sorry … but you …", when no more
        // specific pattern has named it; it gives way to any rule that does.
        r(BlameShifting, "{sorry ~~10 but [honestly|to be honest|tbh|let us be honest] [,] (@you)} ~4")
            .not_after(OWNING_AFTER_YOU)
            .not_after("(are/were|have been) [@deg] (worth/good/amazing/wonderful/kind/patient/loyal/honest/\
                        faithful/generous/gentle|so good|the best|there for me|nothing but|perfect to \
                        me|right)|have been nothing but|did everything right|gave me (everything|so much)")
            .not_inside(META_SORRY)
            .not_before("if ~3")
            .weak(),
        // ---- Arguing about what to call it.
        r(Denying, "i (did not|never) (technically/actually/really/even) (lie/cheat/sleep/say/promise/hide/\
                    kiss/touch|do anything|have sex)|technically (i/it/we/that|this) (did not|was not|\
                    never|is not)|(it/that/this) (is/was) not (technically/really/actually) (cheating/\
                    lying|a lie|an affair)")
            .not_after("~~6 i (lied/hid/cheated/did|was lying)|~~6 (that is|it was|and that is) worse"),
        r(Denying, "(it/that/this) (was not|is not) (cheating|lying|a lie|an affair|a relationship|infidelity)|\
                    we were on a break"),
        r(Denying, "i (did not lie|never lied|did not cheat|never cheated) ~~3 (i|it was|we were|we) [just/\
                    only/simply/merely] ~2|(why/how) (are/is) (@you|that|it) (calling it|called) (lying/\
                    cheating|a lie|an affair)|i (just/only) forgot to (mention|tell you)|i (did not|never) (lie|hide \
                    anything|do anything wrong|cheat on you)(,|.)")
            .even_reported(),
        r(Denying, "(i do not think|i do not believe|i do not feel like) i did (anything/something) wrong"),
        r(Denying, "(not going to|will not|refuse to) apologize for (something/things/what|stuff) i (did not|\
                    never)"),
        r(Denying, "i never (actually/really/technically/once) (said/promised|told you) (i would|that i would|i \
                    will|i was going to|anything)|i never promised [you] (anything/that)"),
        r(Denying, "(it is) not (lying/cheating|a lie) if"),
        r(Denying, "< not (an affair|cheating|lying|a lie|sex|physical|a real affair) >|(it was|it is) (just|\
                    only) (emotional|an emotional thing|a friendship|friends)|emotional (thing/connection) \
                    [,] not (an affair|cheating)"),
        r(Denying, "i (would not|would never|do not) call it (lying/cheating|a lie|an affair|a relationship)|\
                    i never (said|told you) [that] i (was not|would not)|(@you) just assumed|(@you) \
                    jumped to conclusions"),
        r(Denying, "i (was not) (lying/cheating/hiding)")
            .not_after("~2 when i (said/told/say)|about (loving/how)"),
        r(Denying, "i (did not|never) hide anything|(@you) just never (looked/asked)|(@you) [just] (did not|never) \
                    (ask/asked) (the right|me directly|directly|me straight)|i (did not|never) lie about \
                    anything"),
        r(Justifying, "i (had|have) had [@deg] (too much|a lot|one too many|a few too many|too many|way too \
                       much) [to drink|drinks] ~~4 (and/so) (i (was not|did not|could not|can not)|it [@deg] \
                       happened|things)|i (had|have) had [@deg] (too much|way too much|a lot) to drink .")
            .not_near(OWNED_REASON)
            .not_after(AND_THEN_I_DID),
    ]
}

pub struct CompDef {
    pub component: Component,
    pub pattern: &'static str,
    pub not_before: &'static str,
    pub not_after: &'static str,
}

fn c(component: Component, pattern: &'static str) -> CompDef {
    CompDef {
        component,
        pattern,
        not_before: "",
        not_after: "",
    }
}

impl CompDef {
    fn not_before(mut self, p: &'static str) -> Self {
        self.not_before = p;
        self
    }
    fn not_after(mut self, p: &'static str) -> Self {
        self.not_after = p;
        self
    }
}

pub fn component_rules() -> Vec<CompDef> {
    use Component::*;
    vec![
        // ---- Responsibility: the writer as the one who did it.
        c(Responsibility, "i [@adv] [@adv] (lied/hid/hidden/broke/broken/went/said/told/kept/spent/made/took/\
                           left/let/put/gave/sent/forgot/drove/drank/ate/bought/lost/threw/slept/met/hit/\
                           stole/swore/wrote/hurt/read/shut/cut/chose/fought/caught/blew/bit/held/lent/\
                           paid/rang/spoke/stood/tore/ran/came/brought/fell/led/sat/saw/snuck/sneaked/\
                           dug/stuck/struck/shot/shook/sang/missed/called/cancelled/canceled/used/started/\
                           stopped/deleted/moved/decided/cheated/betrayed/ignored/blamed/yelled/\
                           screamed/snapped/mocked/laughed/embarrassed/humiliated/dismissed/brushed|\
                           *ed^felt/thought/knew/wanted/needed/hoped/loved/liked/meant/realized/\
                           understood/guessed/wished/believed/assumed/figured/noticed/tried/promised/\
                           asked/apologized/deserved/worried/wondered/learned/booked/blocked/signed/\
                           joined/enrolled/transferred/returned/handed/emailed/poured/uninstalled/\
                           reached/arranged/scheduled/registered/need/feed/agreed/appreciated/cared/\
                           feared/imagined/supposed/managed/offered/planned/hated/regretted/expected/\
                           valued/respected/trusted/owned/accepted/promised|\
                           got (drunk/defensive/jealous/angry/mad/carried/physical/nasty/aggressive/high/\
                           involved/too/so/really/wasted/caught/mean/cold|back)|\
                           had (an affair|sex|a thing|an emotional|feelings for|no right|a go|an \
                           argument|a fling|a one night|too many|too much|a few|her|him|my)|\
                           did (it/this/that/something/a/the/what/wrong/those/these/everything/horrible/\
                           terrible|all of)|have been (lying/hiding/cheating/drinking/gambling/seeing/\
                           talking/texting/smoking/sleeping/messaging/sending/using/spending/watching/\
                           meeting/flirting/sneaking/keeping|so))"),
        c(Responsibility, "if i could (go back|take it back|undo ~2|do it again) ~~6 i would (never|not) have \
                           _|(that/it) was [all] me|it was all me|all me .|i (could not|did not) [even] (do \
                           that|be honest|tell you|keep (it/my|that|one))"),
        c(Responsibility, "i (should not|should never|should) have [@adv] _|(and|then) [then] [i] [have] \
                           done it again|i (have/had) done (it/this/that) again|i did it again"),
        c(Responsibility, "i (have/had) [@adv] (lied/hurt/broken/betrayed/cheated/hidden/kept/spent/taken/\
                           made/let/put/gone/done/said/told/ignored/treated/lost|*ed^felt/thought/known/\
                           wanted/needed/hoped/loved/booked/blocked/signed/joined/enrolled/transferred/\
                           returned/handed/emailed/poured/uninstalled/reached/arranged/scheduled/started/\
                           stopped/ended/deleted/cancelled/moved/called/closed/asked/apologized/tried/\
                           promised/decided/learned/realized/noticed|been (lying/hiding/cheating/drinking/\
                           gambling/seeing/talking/texting/smoking/sleeping/messaging/sending/using/\
                           spending/watching/meeting/flirting/sneaking/keeping/so/selfish/cruel/unfair/\
                           dishonest|awful|horrible))"),
        c(Responsibility, "(i|and [i]) [@adv] (never|did not|was not) (change/tell/call/defend/listen/come/show/keep/think/check/\
                           stand/say/stop/answer/believe/respect/put/take/give/make/support/back/protect/\
                           text/reply/let/pick/look/notice/care/ask/turn/bother/speak/help/pay/treat/\
                           include/thank/mention/admit/own|remember/consider/hear/get/go/see/trust/\
                           act|there|honest|listening|paying|truthful|faithful|home|careful|kind|fair|\
                           open|loyal|present|available|straight|around|honest)")
            .not_after("(mean/meant/know/want/realize/expect/intend/plan|think it was|think you|do \
                        anything wrong|do anything)"),
        c(Responsibility, "i (was/am) [@adv] [@adv] [so/being/really/such] (wrong/selfish/cruel/unkind/rude/\
                           dishonest/unfaithful/disloyal/careless/thoughtless/harsh/mean/unfair/horrible/\
                           awful/nasty/cold/distant/defensive/dismissive/petty/jealous/controlling/\
                           manipulative/sneaky/deceitful/cowardly/hurtful/reckless/irresponsible/\
                           unreliable/absent/insensitive/condescending/patronizing/critical/vicious/\
                           spiteful/abusive|a coward|an ass|an asshole|a jerk|an idiot|a dick|out of \
                           line|out of order|in the wrong|the one|the reason|the problem|responsible|to \
                           blame|at fault|lying|hiding|cheating|drinking|gambling|flirting|texting|seeing|\
                           sleeping|talking to|messaging|scrolling|on my phone|short with you|checked out|\
                           not honest|not there|not listening|unfaithful|the cause|a bully|a bad)"),
        c(Responsibility, "(sorry/apologize/apologies/regret|ashamed) [@adv] [truly/really/deeply|so much] \
                           [that|for how|for what|for the way|about how|about what|about the way|for the \
                           things|for everything|for all the times|for all|for every time|for the times] i"),
        c(Responsibility, "(sorry/apologize/apologies/apologizing/regret/ashamed/guilty) (for/about/of) [all] \
                           [the] [@adv] (*ing^nothing/thing/something/everything/anything/morning/evening/\
                           wedding/meeting/feeling/during/ring/king/spring/string/bring/sing/wing/swing|not \
                           *ing|never *ing|my|the way i|how i|what i|the things i|everything i|all the|the \
                           (lies/lying/affair/cheating/hiding/betrayal/secrets/lie|way i|things i|hurt i|pain \
                           i|stuff i|comments|comment|joke|jokes|names|words|harm i|mess i|damage i))"),
        c(Responsibility, "regret (*ing|what i|my|that i|it|how i|the way i|lying|cheating)"),
        c(Responsibility, "my (fault/doing/responsibility/choice/decision/mistake/mistakes/lies/lie/lying/affair/\
                           cheating/betrayal/actions/behavior/selfishness/dishonesty|own fault)"),
        c(Responsibility, "(that/it/this/all|it is all) (is/was) on me|on me (completely/entirely/alone)|all on \
                           me|(there is) no excuse|not an excuse|no excuse|no reason good enough|(no one|\
                           nobody) (else|but me)|nothing you did|not your fault|(was/is) not on you|(wrong/\
                           cruel/unfair/selfish/mean/unkind/rude/thoughtless/careless/cowardly/low/stupid/\
                           shitty/awful/horrible/disgusting|out of line) of me|i (am/was) the one (who/that)|\
                           (the only one|the only person|the one) to blame (is/was|here is) me|i [only] have \
                           myself to blame|because of me|(i am|i was) (the reason|the cause|to blame|\
                           responsible|at fault)|i (own/take) (this/it/that/what/full/all/complete/my/the/\
                           responsibility/ownership)|i (caused/created/did) (this/it/that/all)|what i \
                           (did|have done|had done|put you through)|(that/it/this) was a lie|the (lie/lies) \
                           i told|i (need to|have to|want to) own|i did that|i chose|it was my choice|i \
                           made the choice|i made that choice|i am responsible|i have been (selfish/\
                           dishonest/cruel|unfair)|i messed up|i screwed up|i fucked up"),
        c(Responsibility, "(for/by) (lying/cheating/betraying/hiding/going/reading/snooping/ignoring/yelling/\
                           shouting/calling/saying|not telling|not being)"),
        // ---- Repair: what the writer will do, has done, or asks about.
        c(Repair, "(i will|i am going to|i shall|i promise to|i promise i will|i swear i will|i commit to|i \
                   am committed to|i plan to|i intend to|i vow to|i am gonna|i am ready to|i would like \
                   to|i want to|let me) [@adv] [@adv] (_^love/miss/regret/understand/hate/hope/pray/think/\
                   feel/know/carry/live/die/remember/forget/forgive/deserve/suffer/wonder/be/have/lie/say/\
                   want/need/try/mean/always/never/not/ever/also/still/just/really/only/even/probably/\
                   definitely/die/cry/lose/sleep/take|say sorry|say it to|be (honest/better/\
                   there/here/home/open/transparent/faithful/truthful/patient/kinder/gentle/kind/present/\
                   available/straight/careful/accountable/sober/more/different/the/someone/a/waiting/at/in/\
                   with/around/done/on|completely|fully)|take (this/you/the/a/my|care|space|it \
                   slow|it seriously|responsibility|all)|keep (my/going/doing/showing/working/being/every|it up|trying|\
                   you|the|checking|telling|my promises|answering)|go (to/back/through/with|and)|get \
                   (help/a/rid/it/the/treatment/sober|you|counselling|therapy)|try (to/harder|and)|do \
                   (better/the/whatever/anything/what/it|that)|never (do/say/lie/cheat/call/go/see/\
                   contact/text/drink/gamble/touch/read/look/hide/happen/yell/joke/comment|put|ask you to|\
                   make|hurt|again|treat|leave|blame|keep|let|tell you to|speak|raise|break|use|take|\
                   spend|mock|embarrass|ignore|dismiss|brush|laugh|snoop|go through|call you)|not (do/\
                   say/cheat/call/go/see/contact/text/drink/gamble/touch/read/look/hide/happen/yell/\
                   joke/comment/put/hurt/treat/answer|lie to you|make you|leave you|reply|keep|let|\
                   blame|tell you to|raise|break|use|take|spend|mock|embarrass|ignore|dismiss|brush|\
                   laugh|snoop|go through|ask you to|be around|see her|see him|push|pressure|rush))")
            .not_after("(this/it) short|[just] say (this/that/it)|(going/that) (way/far)"),
        c(Repair, "(i will not|i am not going to|i will never|i am never going to|i would never|i will not \
                   ever|i am not ever going to) [@adv] [again] (_^try/pretend/forgive/forget/lie/make/\
                   hide/be/ever/again/stop/give/let/know/understand/blame/leave/lose|lie to you|lie \
                   again|lie about|make you|make (that/this|the same) mistake|hide (anything/things/stuff/\
                   it/my)|be (alone/around|in touch|friends|that person|like that)|let (you/it/that/this/\
                   things) (down/happen/slide/go)|leave you (alone|wondering|waiting|hanging|out)|blame \
                   you)"),
        c(Repair, "(i am not|i am never) (drinking/gambling/smoking/seeing/texting/talking/going/meeting/\
                   betting/using|going out|going back|doing that) ~4 (for/again/anymore/any/until/\
                   while/ever|at all)"),
        c(Repair, "< no more [lies/secrets/hiding/lying/lie] .|i am done (lying/hiding|with (the|all the) \
                   (lies/secrets))"),
        c(Repair, "(from now on|going forward|from here on|from here|from today|from this day|next time|in \
                   [the] future|never again|no more (lies/secrets/hiding/lying/games|half truths)|(will not|\
                   is not going to) happen again|there (will not) be (any/another) [more]|starting (today/\
                   now/tonight/tomorrow/this/with|monday|next)|i am done [with] [the] (lies/lying/hiding/\
                   secrets)|(until/till) (you/then|you are ready|ur ready)|every (day/night/week/morning/\
                   evening/month) (from now|this|until|for))"),
        c(Repair, "what (would/could/might/will/can/does/do) (help|make it|make this|make things)|what (do/\
                   would/might/will) (@you) need|what can i do|(how/what) can i (make/help/fix/earn/show/\
                   do/start/rebuild/prove|make it up)|(tell me|let me know) (what/how|if there is) ~3|is \
                   there anything ~4|anything (i can do|you need|that would help)|ask me (anything/whatever/\
                   everything|any question|any questions)|ask me ~3 (anything/whatever)|(@you) can ask \
                   (me)|ask (me) ~3 (want/need)|i (want|would like|need) to (hear/listen/understand|know \
                   how|know what)|tell me (again/more/how/what/when)|(i am) here (whenever/when/if|for \
                   you|now)|(whenever/when) (@you) (are) ready|(if/whenever/when) (@you) (want/need|feel \
                   like) (to talk|to ask|space|time|anything|me to|to see|to know)|(@you) can (check/look/\
                   see/read/ask/call/have/bring|take)|feel free to|can we talk|let us talk|(will/would/\
                   could) (@you) (tell/let/talk)|take [all] [the] time (@you) need|take as long as (@you) \
                   need|in your own time|at your [own] pace|on your (timeline/terms)|you can check"),
        c(Repair, "(i [have/had]|and [then] [i] [have]|then) [@adv] [@adv] (deleted (the/that/her/his/my/it/them/all/everything/every/\
                   tinder|their)|blocked (her/him/them/his/the/it/my/that/their/everyone|all)|ended (it/\
                   things/the/that/all/contact/everything/my)|cut (off/contact/ties/her/him/them/all)|\
                   stopped (all/the/contact/*ing|paying her)|quit (drinking/gambling/smoking/the/\
                   my/it/that/her|him)|booked|signed up|started (therapy/counselling/counseling/seeing/going/\
                   a/an/the/treatment/meetings/rehab|therapy)|joined|enrolled|cancelled (the/it/that/my/our)|\
                   canceled (the/it/that/my/our)|transferred|paid (it/you/the/back/off/her|him)|returned|\
                   moved (teams|out|(the money|it|money) back)|poured (it/them/the/all)|threw (it/them/the/\
                   away/out)|thrown (it/them/the/away/out)|uninstalled|handed (you/over/in)|given you|gave \
                   you (my/the/access/control/all)|told (her/him/them/work|my boss) (that/i/it/to/he/she/they/we|it is|we are|we \
                   were|i am|not to|it was)|asked (to|_^you [_] to|my doctor|my therapist|for \
                   help|for a|them to|the bank|my gp)|set up|set (alarms/reminders/alerts/an/a/up)|put (a/an/the/\
                   every) (blocker/console/lock/limit/alarm/reminder/next/money/appointment)|emailed (him/\
                   her/them/my/your)|apologized to|called (my/the/a) [gambling] (sponsor/therapist/\
                   counsellor/counselor/doctor/gp/helpline/bank/council/clinic)|called (her/him/them|\
                   your (mum/mom/dad/sister/brother)) [today/yesterday/earlier|this morning|last night] \
                   (and|to)|closed (it/the/that/\
                   my)|sold (it/the)|turned (it/that/location/the) off|left (the group|the league|the \
                   chat|the team)|got (rid|help|a sponsor|a therapist|a counsellor)|found (a/an) \
                   (therapist/counsellor/counselor/sponsor/group/meeting)|reached out to|went to (a/my/the) \
                   (meeting/therapist/doctor/gp/counsellor/counselor/session/group/clinic)|made (an/the) \
                   appointment|contacted (a/my/the)|rang (the/my/a)|texted (her/him/them) (that|to say)|\
                   arranged|scheduled|already (emailed|told|called|apologized))")
            .not_after("~3 (so (@you|that)|before (@you))"),
        c(Repair, "(my phone|my passcode|my password|my laptop|my phone) is (on the table|yours|open|\
                   unlocked|available|there for you)|whenever (@you) want (it|to see|to look|to check)"),
        c(Repair, "< check (my/as/whenever/anything/it/all|any time)|what (else/more) can i do"),
        c(Repair, "here is my (passcode/password/phone/pin/login/code)|(my|the) (passcode/password/phone/\
                   pin/location) is yours|(@you) can (have|see) my (phone/passcode/password)"),
        c(Repair, "i (have|had) [@adv] (made/set/put/started/created/booked/written/wrote/drawn|set up) \
                   (a/an) [new] (rota/plan/schedule/list/budget/appointment/calendar/reminder/chart/\
                   spreadsheet|standing order|direct debit)"),
        c(Repair, "i am [@adv] (three/two/one/four/five/six/seven/ten/_) (days/weeks/months) sober|i have been \
                   sober|i am sober now"),
        c(Repair, "i am [@adv] (seeing/starting/putting/taking/selling/leaving/meeting|working on|moving|\
                   getting (help|a|rid)|giving|cancelling|stopping|booking|calling|going back|going to \
                   (meetings/therapy/a/the|counselling)|paying|handing|blocking|deleting|changing|learning|\
                   joining|attending|planning|setting|cutting|quitting)")
            .not_after("(you/her/him|someone else|other people|a lot|through)"),
        c(Repair, "i (want|would like|really want) us to (talk/sit/go/work/try/see/start/spend|get help)"),
        c(Repair, "i (want|would like|am trying|really want) to (make/earn/rebuild/fix/repair/change|do better|\
                   show/plan/spend/celebrate|be the|be someone|be better|be a better|hear/listen/understand|\
                   take care|give/start/work/help/learn/prove/keep/win|make it up|make things right)"),
        c(Repair, "(make/making) (it/this/things) (right|up to you)|make it up to you|let me make (it/this) \
                   (up/right)|(@you) (can/may) (check|have|see|read|look)|phone stays|check my phone|\
                   (will/would) you (tell/talk|let me)"),
        // ---- Regret: sorry, in the writer's words.
        c(Regret, "sorry/apologize/apologizing/apologies/apology/apologized/regret/regrets/regretting/\
                   regretted/ashamed/remorse/remorseful/soz/contrite/sorrry")
            .not_before("(not/never/nothing/refuse/without|no longer) [even] [really] [@adv]|(want/make/made/\
                         makes/expect/force/forced/wants) me to [say]|sorry")
            .not_after("not sorry"),
        c(Regret, "(feel/felt/feeling) [so/really/just/absolutely|@adv] (terrible/awful/sick/horrible/ashamed/\
                   guilty/dreadful/wretched/disgusted|so bad|really bad|bad|like shit|like crap|sick to my \
                   stomach)|i hate (that/what/how|myself for|the way) [i]|i hate myself|(i|i really|i \
                   just) wish i (could/never/had|had not|would have|did not|had never)|forgive me|i (can \
                   not) forgive myself|i will never forgive myself|heartbroken (that|by what|over what) i|\
                   (kills/killing/breaks) me (that|to know|to think)|i am [so/really/deeply/truly] \
                   (mortified|disgusted with myself)|i owe you an apology|wish i could (take/undo) ~2|i \
                   take it back"),
    ]
}
