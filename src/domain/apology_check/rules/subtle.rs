//! The moves that need no trigger word: the blame shared out ("we both made mistakes"), the
//! intent offered instead of the act ("you know I'd never mean to hurt you"), the comparison
//! that shrinks it ("it's not like I slept with her"), the partner's character as the
//! problem ("you overreact a lot"), tiredness with the conversation ("this is exhausting"),
//! the past apologies as a debt ("I've apologised a hundred times"), and the partner's own
//! faults brought in ("what about when you…"). Written by category from probes, not from any
//! one sentence; each rule names the genuine use it leaves alone.

use super::{Kind, OWNED_FEELINGS, OWNED_REASON, RuleDef, WHEN_READY, r};

pub(super) fn rules() -> Vec<RuleDef> {
    use Kind::*;
    vec![
        // ---- The blame shared out: "we both made mistakes", "it takes two".
        r(BlameShifting, "(we|we have|we had) both (made (mistakes|a mistake|errors|bad choices)|messed up|screwed \
                          up|fucked up|did (things/stuff/wrong|some things|some stuff)|said (things/stuff|some \
                          things|some stuff|stuff|hurtful things)|hurt each other|(are/were) (to blame|at fault|in \
                          the wrong|wrong)|have (our/some) (part/parts|faults|share)|played (a/our) part|have \
                          done (things/stuff|wrong))|(both of us|we both) (are/were) (to blame|at fault|in the \
                          wrong|guilty)|it takes two|(neither|none) of us (is/are/was/were) (perfect/innocent/\
                          blameless|saints|angels)|(there are|there is) two sides|(faults/blame|mistakes) on both \
                          sides|(it was|it is) (both of us|a two way street)|(it was|it is) not (just|all|only) \
                          (me|my fault|on me)")
            .not_near("i (was/am) (wrong|the one)|(this/it|the affair|the lying|what i did) (was/is) ~2 (mine|on \
                       me|my fault|my choice)|not (your/you) (fault|to blame)"),
        // ---- The partner's own faults brought in: "what about when you…", "you're no saint".
        r(BlameShifting, "what about (when (@you)|the time (@you)|that time (@you)|all the times (@you)|(@you) (and/\
                          with)|your)|(@you) (were/are) not (exactly|always|completely|totally) (innocent/perfect/\
                          blameless/easy|a saint|an angel|there|around|giving|helping|making it easy|the easiest)|\
                          (@you) (are/were) (no|not a) (saint/angel)|(@you) (are/were) not (innocent/perfect/\
                          blameless) (either|yourself|in this)|it is not like (@you) (have never|never|did not|do \
                          not|are (perfect|innocent|a saint|an angel|blameless)|have not)|(@you) (have|did) ~3 \
                          (too|as well) [,] (so|you know|remember)|(@you) (knew/know) (what i was like|who i was|what \
                          i am like|what you were getting)|(@you) (are/were) not (even) (meeting me halfway|trying|\
                          making (an/any) effort)|(@you) (are/were) not (meeting me halfway|making (an/any) \
                          effort)|(putting/put/filling/filled|planting/planted) (ideas|things|stuff|nonsense|\
                          rubbish|lies) (in/into) your head")
            .not_near("(@you) (did|have done) nothing wrong|not (your/you) (fault|to blame)"),
        // ---- The intent instead of the act: "you know I'd never mean to hurt you", "you know I
        // love you, that should count for something".
        r(Minimizing, "(you know|you knew|surely you know) [that] i (would never|would not|never|did not|do not|\
                       could never) [@adv] (mean/meant|want/wanted|intend/intended|try/tried|set out) [to]|(you \
                       know|you knew|surely you know) [that] i (love/loved|care about|adore) you ~~4 (should|\
                       that is what|is what|count|right|so|that has to|matters)|(that/this/it) (should|has to|\
                       must|ought to) (count for|mean) (something|anything|more)|(that/it) should be enough")
            .only_unowned(),
        // ---- The comparison that shrinks it: "it's not like I slept with her", "at least I told you".
        r(Minimizing, "(it is|it was|this is|this was) not like i (slept/cheated/had/did/left/hit/stole/spent/\
                       lied/kissed/went/married/killed/was|actually|even|really)")
            .not_after("not|never|no")
            .not_near(OWNED_REASON),
        r(Minimizing, "(it is|it was) not (as if|like) \
                       (anything|something|much|a lot) (happened|really happened)|< at least i (told/was/came/\
                       admitted/did/said/stopped|did not|was honest|came clean|owned up|am honest)|\
                       (could|might) have been (a lot|way|much|so much|far) worse|(could|might) have been worse|\
                       (there are|i know) (people/guys/men/women) (who|that) (do/did) (worse|much worse|a lot \
                       worse)|(worse/bigger) things (happen|have happened)|(it was|it is) hardly (an affair|\
                       cheating|a crime|the end of the world)")
            .not_after("(not/never) ~4 (excuse|matter|change|make)|~~10 but (that|it|this) (does not|did not|is \
                        not|was not) (matter|change|excuse|make)")
            .not_near(OWNED_REASON),
        // ---- Long ago: "it was two years ago", "that was ages ago".
        r(Minimizing, "< (it/that/this) (was/happened) [@deg] (ages|years|months|forever|so long|a long time|a \
                       lifetime) ago (>|.)|< (it/that/this) (was/happened) [@deg] (two/three/four/five/six/ten/\
                       _) (years/months) ago (>|.)")
            .only_unowned(),
        // ---- The partner's character as the problem: "you overreact a lot", "you always do this".
        r(Dismissing, "(@you) [@deg] (overreact/overthink/exaggerate/nag/whine/moan/obsess/catastrophize/\
                       catastrophise|blow (things/everything/stuff/it/this) out of proportion|make (everything/\
                       it/things) about (you|yourself)|take (everything/things/it) (so/too) personally|make a \
                       (big deal|drama|fuss|scene) (out of|about) (everything|nothing|every little thing)|read \
                       (too much|way too much|so much) into) ~3 (a lot|all the time|every time|always|>|.)|(@you) \
                       (always/constantly|every time) (do this|do that|do this to me|make (this/it/everything) \
                       about (you|yourself)|turn (this/it/everything) (into|around)|twist (everything/things/my)|\
                       blow (things/it/this/everything) up|bring up (old stuff|the past|stuff))|(@you) (get/are) like \
                       this (every time|always|whenever)|why do (@you) always (have to|need to|make|do|turn|\
                       twist|bring)|here we go again|not this again|(@you) (need|should get|should see|should \
                       go to) (help|therapy|professional help|your head (checked/examined)|a therapist) (>|.)")
            .not_near("i (said/told/called/made/kept|used to say)"),
        // ---- Tired of it: "this is exhausting", "I really don't get why you're still mad".
        r(Dismissing, "< (this/it) (is|has been|is getting) [@deg] (exhausting/tiring/draining|getting old|old) \
                       (>|.)|i am [@deg] (tired|sick|exhausted) of (this|this conversation|having this \
                       (conversation/argument/fight|same (conversation/argument/fight))|the same (conversation/\
                       argument/fight)|fighting|arguing|going round in circles|going over (this/it)|explaining \
                       myself) (>|.)|i [@deg] (do not) (get|understand|see|know) why (@you) (are/is) (still \
                       (mad/upset/angry/annoyed|going on|on about)|so (mad/upset/angry|worked up))|why (are) \
                       (@you) still (mad/upset/angry/annoyed|so upset|so angry|so mad|crying|sulking|being like \
                       this)|(stop|quit) (sulking/crying|giving me the silent treatment|with the silent \
                       treatment|the silent treatment)|and you know it|whatever makes you (feel better|happy)|\
                       (@you) [just] (refuse/refusing) to (see/admit/accept/acknowledge) (it/that|how|what|any)"),
        // ---- Past apologies as a debt; a closure asked for in other words.
        r(DemandingClosure, "i (have|have already) (apologized|said sorry|said i am sorry) (a hundred|a million|a \
                             thousand|so many|more times|countless|enough|a dozen|like a hundred|like a million|\
                             over and over)")
            .not_before("i know [that]")
            .not_after("~4 (without|and [i] (did not|never|not)|but [i] (did not|never|not))")
            .not_after("~4 but|~3 (and|but) (i|this time|it)"),
        r(DemandingClosure, "(can not|will not|cannot) (hold|keep holding) (this/it/that) (over|\
                             against) (me|my head)|(holding/hold/throwing/throw|rub/rubbing) (this/it/that) (over \
                             my head|against me|in my face) (forever|for ever|for the rest)|i need you to (get \
                             past|move past|put this behind|let me back in|trust me again|stop punishing)|either \
                             (@you) forgive me or|i do not want to (talk/hear) about (this/it) (anymore|any more|\
                             again)|i am not (talking/discussing) (about this|this) (anymore|any more|again)|can we \
                             (just) (go back to|get back to) normal|(just|you just) need to (trust me|believe me|get \
                             over)")
            .not_after(WHEN_READY),
        // ---- An excuse in other words: "mistakes happen", "I'm only human", "I thought we were on
        // a break", "work has been insane".
        r(Justifying, "< (mistakes/things/shit|stuff|these things|it) (happen/happens) (>|.)|(nobody|no one) is \
                       perfect|(i am|we are|i am just) (only|just) human|(everyone/everybody) (makes mistakes|\
                       messes up|slips up|screws up)|(we/i) (were/was) on a break|i thought we were (on a break|\
                       over|done|finished|broken up)|(work/life/things/everything|my job|the kids) (has/have) \
                       been [@deg] (insane/crazy/hectic/mad/intense/stressful/manic|a lot|so much|full on|a \
                       nightmare) ~~6 (and|so) i")
            .not_before("i know|(people/they) say|i get that|i used to (say/think|tell myself)|while")
            .not_after("~~3 and i (did not|never) (tell/say|told)")
            .not_after("~~3 but")
            .not_near(OWNED_REASON),
        r(Justifying, "i did not (know|realize|think) it would (upset/hurt/bother/affect) you (that/so) (much|badly)")
            .not_near(OWNED_REASON)
            .only_unowned(),
        // ---- Their own pain as the subject: "do you have any idea how hard this week has been
        // for me".
        r(SelfFocus, "(do you have any idea|you have no idea|do you know|do you even know|do you realize|can you \
                      imagine|you do not know|you will never know) how (hard/difficult/tough/awful/painful/bad/\
                      lonely/horrible/stressful) ~5 (for me|on me|i have (had/felt))")
            .not_after("~~6 (compared|next to|nothing (like|compared)|but (this|it) is not about me)"),
        // ---- Nothing to be sorry for.
        r(Denying, "i (do not) have (anything/much) to (be sorry|apologize|feel sorry|feel bad|feel guilty) \
                    (for/about)|i have nothing to (be sorry|apologize|feel sorry|feel bad|feel guilty) (for/\
                    about)|what (do i have|have i got|is there) to (be sorry|apologize) (for/about)")
            .even_negated(),
        // ---- Sorry about their feelings, with "regret that".
        r(TheirFeelings, "(regret|apologize|apologise) that (@you) (were/are/felt/feel/got|have been) [@deg] \
                          (@feel|hurt by|upset by|affected)"),
        // ---- From set C's categories (its first measurement is in docs/apology-check.md).
        // A hedge on how much: "to whatever extent…", "if I was a bit controlling, then I'm sorry".
        r(Conditional, "to (whatever/what/any|some) (extent/degree)|in so far as|insofar as|{if i (was/were|have \
                        been|came across|sounded|seemed|got|acted) ~6} [,] [then] [i am] [@deg] (sorry|apologize|\
                        apologies)")
            .even_negated(),
        // Passives with any noun: "money was moved without…", "the promise was not kept", "the
        // trust between us has been damaged", "harsh words got thrown around".
        r(PassiveVoice, "(was/were|got|has been|have been|had been|is being|are being) [not/never] [@adv] (moved/\
                         spent/broken/said/thrown/taken/crossed/damaged/lost/missed/forgotten/shared/withdrawn/\
                         used/kept/hidden/borrowed/deleted/ignored/dropped/exchanged/sent/posted|thrown \
                         around|swept under|not kept|not honored|not honoured|let slip)")
            .not_before("(i/you/we/he/she/they|i have|i had|she has|he has|you have|they have) [@adv] [@adv]|(@you) \
                         (were/are)|(it/this/that) (was/is) [@adv]|my (phone/car|bag|wallet|card) ~2")
            .not_after("~~8 by (me|my)|(that/which) i")
            .only_unowned(),
        // Sorry about how hard it has been on them: "sorry this whole thing has been so hard on you".
        r(TheirFeelings, "sorry [that] (this/it/that|this whole thing|all this|all of this|the whole thing) (has been|\
                          is|was) [@deg] (hard/difficult/tough/painful/rough/stressful/upsetting|a lot) (on/for) \
                          (@you)")
            .only_unowned(),
        // The partner as the cause of the act: "because you've been acting shady", "just because
        // you're insecure", "because you were screaming at me", "ask yourself why…".
        r(BlameShifting, "(because/cause|since|after) (@you) (have been|had been|were|are|kept|keep|started|would \
                          not|wouldnt|did not|never|refused to) [@deg] (acting/screaming/yelling/shouting/\
                          nagging/ignoring/pushing/accusing/provoking/hovering|so (distant/cold/shady/weird)|stop|\
                          listen|let (it/me) (go|breathe|be)|leave me alone|answer|give me)|because (@you) (are/\
                          were|get|feel|felt) [@deg] (insecure/jealous/possessive/controlling/paranoid/sensitive/\
                          clingy/needy)|ask yourself why|(reacting|responding) to (the way|how|what) (@you)|the way \
                          (@you) (neglected/treated/ignored/pushed|talked to|spoke to) me|(filled/filling/fill|\
                          poisoned/poisoning) (your/ur) (head/mind)|turned you against me|if (@you|your|ur) ~8 (we|this) (would not|\
                          wouldnt) [even] (be fighting|be arguing|be here|be having this|have fought)|(@you) \
                          would have (left me|freaked out|gone mad|gone crazy|lost it|killed me|overreacted|\
                          exploded|flipped out) if (@you) (knew|had known|found out|had found out|knew the)|(she/\
                          he|your (mother/mum/mom/dad/father/sister/brother/friend/friends)) (is/was|are/were) \
                          the (one/ones) (who/that)")
            .not_near("(@you) (did|have done) nothing wrong|not (your/you) (fault|to blame)")
            .not_near(OWNED_REASON)
            // "…because you're exhausted, not because you're nagging".
            .not_before("not|never"),
        // The need met elsewhere, or the act as care: "she just got me", "I did it out of love",
        // "anyone would have", "I'm allowed one night", "I had a horrible day".
        r(Justifying, "(she/he|they) [just] (got me|understood me|listened to me|was there for me|were there for \
                       me|made me feel|paid attention|actually listened)|(i had|i have had) (a|such a) [@deg] \
                       (horrible/bad/awful/terrible/shit/shitty/rough/long/hard/stressful) (day/week/night)|i \
                       needed to (decompress/unwind/vent/relax|blow off steam|let off steam|clear my head|get \
                       away|feel something)")
            .not_before("i (thought|told myself|felt like|convinced myself)|(thought/felt) [that]")
            .not_after("~~6 but (i|it|that) (did not|was not|is not|does not)")
            .not_near(OWNED_REASON)
            .only_unowned(),
        r(Justifying, "(i did it|i did that|it was|i only did it|i only \
                       did that) (out of|because of) (love|concern|worry|care)|because i (was worried about|was \
                       scared for|was looking out for) you|(anyone/anybody|any (one|man|woman|guy|\
                       girl|person)) would have [done the same|done it|done that] (.|>)|(@you) would (want|have \
                       wanted|do|have done) ~2 too|i am allowed (to|one|a|some)|i (have/had) every right to|i \
                       deserve (a|one|some) (night/break|life|fun|time)|< i was [just] defending myself|(it was|that was) self \
                       defen(ce/se)|i had to (lie/hide/see/meet/text/message/call/sneak|keep (it/this/that))|to \
                       get closure")
            .not_before("i (thought|told myself|felt like|convinced myself)|(thought/felt) [that]")
            .not_after("~~6 but (i|it|that) (did not|was not|is not|does not)")
            .not_near(OWNED_REASON),
        // A memory gap or a different self: "I don't remember any of it", "that wasn't really me".
        r(Justifying, "i (do not|can not) [even] remember (any of it|anything|a thing|much|most of it)|(that/it) \
                       (was not|was never) [really] (me|the real me) (talking|.|>)|the (alcohol/\
                       drink/booze/drugs/wine/beer) (was/were|is) talking|i was blackout")
            .not_after("~~4 but")
            .not_near(OWNED_REASON),
        // Not that bad, not that kind of thing: "never as bad as it looked", "it's not a dating
        // app", "must be a mistake from the bank", "it happens in every marriage".
        r(Minimizing, "(never|not) (as bad|that bad|so bad) as (it looked|it looks|it seems|it sounds|you think|you \
                       are making out)|(happens/happen) (in every|to every|to all|in all) (marriage/relationship/\
                       couple/family)|every (couple/marriage/relationship) (has|goes through|fights)|all couples")
            .not_before("i know [that]")
            .not_after("~~4 but")
            .not_near(OWNED_REASON),
        r(Denying, "(it is|it was|that is|that was) not (a|an) (dating app|affair|date|relationship|dating site|hookup \
                    app)|there (is/was) nothing (on there|in it|going on|to it|to see|between us)|i have no idea \
                    how (those/the/that/it/they|this) ~4 (got/ended|happened|came)|must (be|have been) a \
                    (mistake/glitch/error)")
            .not_near(OWNED_REASON),
        // Their own pain first: "you have no idea how guilty I feel", "you don't know what it's like
        // living inside my head", "I feel like such a failure".
        r(SelfFocus, "(you have no idea|you do not know|do you know|do you have any idea) how (guilty/bad/awful/\
                      terrible/sorry/sick/horrible|much pain) i (feel/felt)|(you do not|you will never|you can not) \
                      know what (it is|it has been) like (for me|to be me|being me|living|inside my|in my|to live)|\
                      i [just] feel like (such a|a complete|a total|a) (failure/disappointment/mess/screwup/\
                      fuckup/loser/wreck)|everything i touch|i do not [even] know why i am like this")
            .only_unowned(),
        // Closure asked for in other words: "new topic", "apology accepted?", "hit reset", "you
        // either trust me or you don't", "can you not do this tonight", "get past it soon".
        r(DemandingClosure, "< new topic|(change/changing) the subject|apology accepted|(let us|lets) (go|get|grab) \
                             (food|dinner|lunch|a drink|something to eat)|(hit/press) (reset|the reset button)|\
                             clean slate|wipe the slate|(@you) either (trust/forgive/believe/want/love) me or|either \
                             (@you) (trust/forgive/believe/want/love) me or|can (@you|we) [just] not (do this|do \
                             that|start|go there|have this conversation|talk about this) [now|tonight|today|right \
                             now]|(keep|be) (grovelling/groveling|begging|apologizing|saying sorry) (forever|for ever|\
                             all (day/night/week)|any more|anymore)|(dwelling|living) on (this/it|the past) (is not|is never|will not) \
                             ~2 (healthy/good|helping|help)|(this/it) is not healthy for (either of us|us|anyone)|i \
                             (do not) want this hanging over us|(can we|let us) [please] [just] (trust that|enjoy|have \
                             fun|have a nice)|when [exactly] (are we going to|will we|can we) (be done|be over|be \
                             past|stop talking)")
            .not_before("(hope/hoping/wish/pray/praying/maybe/someday|one day|some day) ~3|(do not|never) (want|ask) \
                         ~3|(deserve/deserves/expect|ask for|asking for|get) ~2")
            .not_after(WHEN_READY),
        r(DemandingClosure, "(get past|get over|move on|let it go|forgive me|move past) ~2 soon")
            .not_after(WHEN_READY),
        r(DemandingClosure, "(i/we) [just] [really] (want/need) [us] to move forward")
            .not_after(WHEN_READY)
            .not_after("~6 (earn|rebuild|work|prove|show|together|with you)"),
        // Mock self-blame: "sorry, guess I'm just the worst person alive then".
        r(Flippant, "(sorry|so|fine) [,] [i] [guess/suppose] i am [just] (the worst|a terrible|a horrible|an \
                     awful|a bad) ~3 (then|alive|i guess|apparently|right .)|< [i] (guess/suppose) i am [just] (the \
                     worst|a terrible|a horrible|an awful|a bad) ~3 (>|.)")
            .edge(),
        // Their feelings as too much: "I didn't realise you were so sensitive about it".
        r(Dismissing, "(@you) (are/were|can be|get) (so/too|that|such a|way too) (sensitive|touchy|emotional|fragile|\
                       thin skinned|easily (hurt/upset/offended))")
            .not_before("(made/make/making) (@you)|(@you) (are/were) not")
            // "I didn't realise you were so sensitive" still says it.
            .even_negated(),
        // Regret at being seen, owned as a slip of concealment: "sorry you saw the notification,
        // I should have turned them off".
        r(FoundOut, "sorry [that] (@you) (saw/found/read/heard/noticed|found out|had to see) ~6 (.|,) [but/and] i \
                     should (have|of) [@adv] ((turned/switched/put) ~3 (off|on silent)|hidden/deleted/locked/\
                     cleared|been more careful|been more discreet|kept (it/them/that) (private/hidden/quiet|to \
                     myself))")
            .even_owned(),
        // ---- A second round after set C (probes in fresh wording).
        // Resentment turned on the partner: "you don't have to keep rubbing it in", "you should
        // be thanking me", "you're lucky I even told you", "do you want me to get on my knees".
        r(Dismissing, "(keep/keeps|keep on) rubbing it in|rub it in")
            .even_negated(),
        r(Dismissing, "(never|will not|do not|can not) (let/letting) me forget|(should|ought to) (be thanking|thank) me|lucky i [even] (told/said/came/admitted/\
                       apologized)|(@you) (want|expect) me to (get on my knees|beg|grovel|crawl)|what do you want \
                       me to (do/say) about (it/that/this) [now|then]|what (am i|was i) supposed to do about (it/\
                       that) [now]|(you know|we know|everyone knows) how (my (family/mum/mom/dad/mother/father/\
                       job/boss/friends/brother/sister)|she/he/they|work|it) (is/are|gets/get|can be)")
            .not_near(OWNED_REASON),
        // Not my fault, no control: "it's not my fault she kept messaging me", "I can't control who
        // texts me", "it only happened because we were fighting", "after how you treated me".
        r(BlameShifting, "(it is|it was|that is|that was) not my fault (she/he/they/that/if|you|your|people)|i \
                          (can not|could not|do not) control (who/what/how|other people|people|her|him|them)|\
                          (happened/started) because (we/you) (were/was|kept|had been|never|did not|would not)|\
                          after (how|the way|what) (@you) (treated/spoke/talked/did|have treated|have been)")
            .not_near(OWNED_REASON),
        // Nothing owed: "I don't think I need to apologise", "I don't owe you an apology".
        r(Denying, "i (do not) think i (need to|have to|should|owe (you) [an]|owe anyone [an]) (apologize|apology|say \
                    sorry|be sorry)|i (do not) owe (you|anyone) (an apology|anything|a thing)|why should i \
                    (apologize|say sorry|be sorry|be the one)")
            .even_negated(),
        // An excuse that asks for a pass: "I'm a grown adult", "I never claimed to be perfect", "I
        // had to go", "I'm sorry you can't trust me".
        r(Justifying, "i am a grown (adult/man/woman|up)|i am an adult|i (am not|was never|never (claimed/said) (to be|\
                       i was)) perfect|< i had to go (>|.)")
            .not_after("~~4 but")
            .not_near(OWNED_REASON),
        r(Conditional, "(sorry/apologize/apologies) (for/about) whatever (it is|it was) [that] i")
            .even_negated(),
        r(TheirFeelings, "sorry (@you) (can not|do not|will not|could not) (trust/believe/forgive) me")
            .only_unowned(),
        // Said with an edge: "im sorry ok?? jesus", "is that what you want to hear", "apparently I
        // can't do anything right".
        r(Flippant, "sorry [okay/ok/alright] [.] (jesus/christ/jeez/geez/ffs/god/omg|jesus christ|for gods sake|oh my \
                     god) (>|.)|(is that|was that) what (@you) (want/wanted) to hear|(apparently|clearly|obviously|i \
                     guess) i (can not) do anything right|i can never do anything right|nothing i do is [ever] \
                     (good enough|right|enough)"),
        // Putting the talk off: "I'm tired, can we talk about this some other time".
        r(DemandingClosure, "(can/could) we (talk about|discuss|do|deal with) (this/it|all this) (some other time|\
                             another time|another day|later|tomorrow|some other day) (>|.)")
            .not_near("(hear/listen|how you feel|what you need|if you want|when you are ready|up to you)"),
        // ---- A third round (other voices).
        // Closing it off: "I consider the matter closed", "no point going on about it", "crying
        // about it won't change anything", "keep this between us and move on", "you'll get over it".
        r(DemandingClosure, "(consider|call) (the matter|this|it|that) [@deg] (closed/done/over/settled|dealt with)|(no \
                             point|what is the point) [in] [@deg] (going on|talking|crying|dwelling|bringing it \
                             up|being upset|getting upset) ~3|(crying/talking/arguing/shouting|going on|being \
                             (upset/angry)) about (it/this) (will not|does not|is not going to|can not) (change/fix/\
                             help|undo)|(it is|that is) done now|what is done is done|and (move on|move forward|forget \
                             (it|about it)|put (it/this) behind us) (>|.)|(@you) will get over it|you always do (>|.)")
            .not_before("(hope/hoping/wish/pray|want to|when|if|until|one day|(do not|never) (expect/think)) ~6")
            .not_after(WHEN_READY),
        // An excuse from one's nature: "a man needs some freedom", "I'm just not a words person",
        // "you know my memory is terrible", "it just came out wrong".
        r(Justifying, "(a man|men|a woman|women|guys|people|everyone) (need/needs) (some|a bit of|his|her|their) \
                       (freedom/space/fun|me time)|i am [just] not a (words/talker/feelings/texter/phone/emotional|\
                       words kind of) (person/guy/girl|kind of person)|(my memory|my temper|my mouth) (is/was|has \
                       always been) [@deg] (terrible/awful/bad/shocking|the worst|like that)|(it/that/this) [just] \
                       (came/come) out (wrong|the wrong way|badly|harsher|worse) [than i meant]")
            .not_after("~~4 but|[,] (so|and) (let me|i will|i want|i am going)")
            .not_near(OWNED_REASON),
        // Their pain as equal to the partner's: "I'm upset too. We're both hurting here."
        r(SelfFocus, "i am [also] [@deg] (upset/hurt/hurting/sad/angry/suffering|in pain) (too|as well) (>|.)|we are \
                      both (hurting/suffering/upset|in pain)|(feel/felt) (bad/awful/terrible/guilty) enough \
                      (already|without)|without you making (me|it) [feel] worse|(whatever/anything/everything) i \
                      (say/do) is (wrong|never (enough|right)|not (enough|good enough))|i am done trying (>|.)")
            .not_after("~~6 but")
            .only_unowned(),
        // Shrinking with a verdict on the partner: "one mistake ruin everything", "you always
        // assume the worst", "making this bigger than it is", "doesn't that count?", "your word
        // against mine", "a bit of flirting".
        r(Minimizing, "(one|a single|one stupid|one little|a) (mistake/night/slip/kiss/lie|drunken mistake) (ruin/ruins/\
                       destroy/destroys/end/ends/undo/undoes|wipe out)|does not (that|it|this) count|(that/it/this) \
                       (has to|should|must) count (>|.)|a (bit of|little) [harmless/innocent] (flirting/banter/fun/\
                       texting|flirt)")
            .even_negated()
            .only_unowned(),
        r(Minimizing, "i did not (think|realize|know) (it/that|_ ~3) would (bother/upset/hurt/affect/matter) [to] you")
            .even_negated()
            .not_after("~~6 (but|and) (it|i) (should|did|was)")
            .not_near(OWNED_REASON),
        r(Dismissing, "(@you) (always|constantly|just) (assume/think/expect) the worst|(making|make|made) (this/it|a \
                       mountain) [@deg] [much/way] (bigger|worse|a bigger deal|a bigger thing) than (it is|it was|it needs to \
                       be)|(your|her|his) word against mine|(@you) (can not|could not) prove"),
        r(TheirFeelings, "sorry (the way|how) (i said it|it came out|i put it|i worded it|i said that) (upset/hurt/\
                          bothered/offended) (@you)")
            .not_near(OWNED_FEELINGS),
        r(Flippant, "sorry [that] i am not (the perfect|perfect enough|the (partner/husband/wife/boyfriend/girlfriend/\
                     man/woman) (you want|you wanted|you deserve|you think))")
            .edge()
            .not_after("~~6 (but|and) i (will/want|am going)"),
        // ---- A fourth round (short everyday texts).
        // Anyone would have; ask them, not me: "anyone would panic", "maybe ask your friend why she
        // was texting me", "if you'd let me talk".
        r(Justifying, "(anyone/anybody|any (one|man|woman|guy|girl|person)) (would/could) [have] (panic/panicked/\
                       react/reacted|freak/freaked|lie/lied|snap/snapped|done the same|do the same|done that|do \
                       that|been tempted)|(anyone/anybody) in my (position/shoes)")
            .not_near(OWNED_REASON),
        r(Justifying, "(had|have) every intention of (telling/doing/paying/coming|telling you|paying it back)")
            .not_near(OWNED_REASON)
            .only_unowned(),
        r(BlameShifting, "ask (your _|her|him|them|your (friend/sister/brother/mum/mom)) (why/how) (she/he/they)|if \
                          (@you) (would|had) [just] (let me (talk/explain/speak/finish)|listen|listened|stop \
                          (talking/shouting/yelling))|(a|there is a) [perfectly] (good|reasonable|simple|logical|\
                          innocent) explanation"),
        // Brushing it off in a line: "so we're doing this again", "why are you bringing up stuff
        // from three years ago", "you're acting like I murdered someone", "it's so childish",
        // "we can talk when you've calmed down", "you're the only one who makes a problem of it".
        r(Dismissing, "[so] (we are|are we) [really] doing this (again|now)|why (are/do) (@you) [always/still] \
                       (bringing up|bring up|digging up|dig up|dredging up) ~4|(@you) are acting like (i|it|this|we) \
                       ~6|(it is|that is|this is) [@deg] (childish/immature/petty/pathetic|so childish|over the \
                       top|a bit much) (>|.)|(do/doing/give/giving) [me] the silent treatment|(when/once/until/\
                       after) (@you) [have] (calmed/calm) down|(@you) are the only one (who/that) (makes/has/sees/\
                       thinks/minds|makes a problem|has a problem)")
            .not_after("~~6 and i (understand/get|know) why|~~6 because (i|of me|of what i)|of me")
            // Said of the writer's own act: "I ignored it because I was mad. That's childish."
            .not_before("i ~10 (.|,) [and]"),
        // Stop reacting: "stop being cold, it's been a week".
        r(DemandingClosure, "(< | and) [please] [just] [@deg] stop being (cold/distant/mean/difficult/mad/angry/upset/moody|like \
                             this|so (cold/distant/mean/difficult|upset|angry))|(@you) (need to|should|have to|can) \
                             stop being (cold/distant/mean/difficult/mad/angry/upset/moody|like this)")
            .not_after(WHEN_READY),
        // Small in number or in kind: "it's only been a few times", "it was one conversation",
        // "everyone at work does it", "sorry it bothers you so much", "sorry mum".
        r(Minimizing, "(it is|it has|it was) (only|just) [been] (a few|a couple|twice|once|two|three) [times]|(only|\
                       just) (a few|a couple of|a handful of) times|< (it/that/this) was (one|a single) (conversation/\
                       chat/text/message/call/drink/coffee/lunch/dance/hug|phone call) (>|.)|(everyone/everybody|all my \
                       friends|all the guys|loads of people) ~3 (does/do) (it/this/that)")
            .not_before("i know [that]")
            .not_after("~~6 but")
            .not_near(OWNED_REASON),
        r(TheirFeelings, "sorry (it/this/that) (bothers/upsets/hurts/annoys/bothered/upset) (@you) (so much|that much|\
                          this much)"),
        r(Flippant, "sorry [,] (mum/mom/mommy/mummy/mother/dad/daddy/officer/sir/boss/teacher/miss) [eyeroll/lol] (>|.)|(yes/okay/ok/\
                     fine/sure/right) [,] your (majesty/highness|royal highness|lordship|ladyship)")
            .edge(),
        // ---- A fifth round (a sting in the middle or at the end).
        r(BlameShifting, "(that/it/this) (did not) come (from nowhere|out of nowhere)|we (need/have) to talk about (why \
                          i (felt/was|have been) [@deg] (alone/lonely/neglected/ignored/unhappy|pushed away)|your (part/\
                          side/role)|what you did)|(@you) (raised yours|yelled|shouted|started|did it|said it|started \
                          it) first"),
        r(Justifying, "there (was|is) nothing i (could|can) [have] (do|done) [about it] (>|.)|(it was|that was) out of \
                       my (hands/control)")
            .not_near(OWNED_REASON),
        r(SelfFocus, "i am going through (a lot|so much|stuff|things|hell|it) (too|as well)|i need you to understand \
                      (my side|that i am|i am|how i|what i am)|i (can not) do this alone|i (feel like|guess) i (can \
                      not) do anything right|(it is|this is) [@deg] getting to me")
            .only_unowned(),
        r(Denying, "(did not|never|was not|is not) technically|technically (i|it|we|that|this) (did not|was not|is \
                    not|were not|never)|(it is|this is|that is) a social app")
            .not_after("~~8 (outright|worse|still (a lie|lying|cheating)|but i (did|lied|hid))")
            .even_negated(),
        r(Dismissing, "(@you) are [@deg] projecting|projecting (your|onto me|on to me)|(@you) are (gaslighting/\
                       manipulating) me"),
    ]
}
