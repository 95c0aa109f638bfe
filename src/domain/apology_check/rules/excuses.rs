//! Excuses: a reason given in the middle of an apology.

use super::{AND_THEN_I_DID, Kind, OWNED_REASON, RuleDef, r};

pub(super) fn rules() -> Vec<RuleDef> {
    use Kind::*;
    vec![
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
        // Nature as the reason: "men are just wired that way", "it's only natural".
        r(Justifying, "(men/guys/blokes/women/girls/people|we all|all (men/guys/women/people)) (are/is) [just|all|\
                       only|simply] (wired/built/made/programmed) (that/this|like that|like this)|(men/guys/blokes|\
                       women/girls) (are/will) [just] (like that|be (men/guys/boys/women))|boys will be boys|(it is|\
                       that is) [just|only] (human nature|natural|biology|instinct)|(that is|it is) (just|only) what \
                       (men/guys/blokes/people|women) do")
            .not_before("i know [that]|(do not|never) (say/tell) (me|you)|i used to (say/think)"),
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
        // "I didn't mean it" excuses; "I don't mean it and I never did" says the words were untrue.
        r(Justifying, "(said/say) things i (did not|do not|never) mean|i (did not|do not) mean (it/that|any of \
                       it|those things|what i said|that stuff|it like that)|you know i (do not|did not) mean")
            .not_after("[,] [and] [i] (never did|never have|never will|never meant it|did not then|do not now)|\
                        ~~3 (it/that) (is/was) (not true|a lie|untrue|never true)")
            .not_after("when i (said/told|say)")
            // Words taken back, right after owning that they were said: "I'm sorry I said I wanted
            // a divorce. I didn't mean it, and I know you've been scared since."
            .not_before("(said|called you|told you) ~10 (.|,)")
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
        r(Justifying, "i was [@deg] [@deg] @intox [at the time|last night|that night|at the party|on saturday] \
                       (.|>)")
            // "…the messages I sent when I was drunk": the time of an act owned, not its reason.
            .not_before("(sent/said/wrote/texted/did/called|told you) ~4 (when/while)")
            .not_after(AND_THEN_I_DID)
            .not_near(OWNED_REASON),
        // Circumstances as the reason: "Sorry I was late. Traffic was insane.", "the beers got to me",
        // "sorry I missed it, but I did send flowers".
        r(Justifying, "{@external (was/were|has been|have been|had been|is|are|is being|got) [@deg] [@deg] (crazy/\
                       insane/mad/hectic/busy/awful/terrible/nuts/chaos/chaotic/stressful/ridiculous/intense/\
                       manic/brutal|a nightmare|a lot|so much|so bad|too much|out of control|against me)|@external \
                       (got to me|got the better of me|did (it|the talking|that)|made me|took over|was talking)}")
            .not_before("not|never|i know|i blamed|i said|i told you|blaming|blame")
            .not_after(AND_THEN_I_DID)
            .not_after("~~6 (but (that|it) is no excuse|and (that|it) is no excuse|but i (chose/could|should))")
            .not_near(OWNED_REASON),
        r(Justifying, "sorry ~~10 but i (did|still) (send/sent/get/got/buy/bought/call/called/come/came/text/texted/\
                       try/tried/make/made/pay/paid|show up|showed up|bring/brought)")
            .not_near(OWNED_REASON),
        // Intent instead of the act, when nothing is owned: "it was never my intention to hurt
        // anyone", "any hurt was unintentional", "I never meant for any of this to happen".
        r(Justifying, "(never|not|did not|was not|was never|is not) [@deg] [ever] (my|ever my|the) (intention/\
                       intent/aim/plan/goal)|i (never|did not|would never) [@deg] (meant/mean/intended/intend/\
                       wanted/want|set out|plan/planned) (to/for)|(unintentional/unintended/inadvertent/\
                       accidental/unintentionally/accidentally|not on purpose|by accident)")
            .even_negated()
            // A promise, not an intent: "I never want to see you hurting like this again".
            .not_after("~6 again")
            .only_unowned(),
        r(Justifying, "(my|the) (phone/battery) (died|was dead|ran out|broke|was off)|i (had|have) (no|zero) \
                       (signal/battery|reception)|i (have been|had been|am|was) [@deg] [@deg] (under|with) [so \
                       much|a lot of|a ton of|loads of|too much|huge|massive] (pressure/stress)|(that is|this is|it \
                       is) [just|simply] (who/how) i am|(that is|it is) (just|simply) the way i am")
            .not_after(AND_THEN_I_DID)
            .not_near(OWNED_REASON),
        // A state as the whole reason: "I was out of my mind with stress. Sorry."; "I needed someone".
        r(Justifying, "i was [@deg] [@deg] @state [at the time|back then|then|that week|lately|recently|after _ \
                       _ _|after _ _] (.|>)|i [@deg] (needed/wanted) (someone/somebody|attention|some attention|\
                       comfort|affection|someone to talk to|to feel (wanted/loved/desired/alive/something)) (.|>)|\
                       (i am|i am just|i am only) human|(everyone/everybody|we all|people) (messes/mess|screws/\
                       screw|fucks/fuck|slips/slip) up|(it|this|that) happens to (everyone/everybody|the best of \
                       us)")
            .not_after(AND_THEN_I_DID)
            .not_after("~~3 but (this|that|what i did|mine|it)")
            .not_near(OWNED_REASON),
        // Drink as the reason, however it is said: "I'd had a few, you know how it is", "blame the
        // wine", "it was the tequila".
        r(Justifying, "i (had|have) had [@deg] (a few|a couple|a couple of drinks|a few drinks|too many|one too \
                       many|a few too many|a lot|too much|a skinful|a drink or two|some drinks|way too many|\
                       a bit to drink|a lot to drink|too much to drink) (.|>|,)|i (had|have) been \
                       (drinking/using) (.|>)|(you know|u know) (how it is|what it is like|what i am like|how \
                       i am|what happens)|blame [it on] the @drink|(it was|that was|it is) [@deg] the @drink \
                       [talking]|the @drink (made me|was talking|took over|did (it/that)|talking)")
            .not_after(AND_THEN_I_DID)
            .not_near(OWNED_REASON),
        r(Justifying, "i (had|have) had [@deg] (too much|a lot|one too many|a few too many|too many|way too \
                       much) [to drink|drinks] ~~4 (and/so) (i (was not|did not|could not|can not)|it [@deg] \
                       happened|things)|i (had|have) had [@deg] (too much|way too much|a lot) to drink .")
            .not_near(OWNED_REASON)
            .not_after(AND_THEN_I_DID),
    ]
}
