//! The fourth round: the defence in fresh, everyday words, as two more writers who never saw the
//! check wrote it (sets D and F). Written by category, never for one sentence, each with the
//! genuine use it leaves alone: questions that press instead of offering, credit claimed for
//! everything else, bargains and conditions, the partner's reading as the problem, closure in
//! the words of faith, therapy or the calendar, a reason told after the sorry, sorrow about
//! events with no one in them, sizes and comparisons, arguing the facts, one's own pain, and
//! sarcasm.

use super::{Kind, OWNED_FEELINGS, OWNED_REASON, RuleDef, WHEN_READY, r};

pub(super) fn rules() -> Vec<RuleDef> {
    use Kind::*;
    vec![
        // ---- Questions that press instead of offering: "what more do you need from me?",
        // "how many more times before…", "is that what you want?", "what was I meant to say?".
        r(DemandingClosure, "what (more/else) (do/does|can) (@you) [possibly] (want/need/expect) [from me|me to]|\
                             how many (more) (times|apologies|days|weeks|months)|(what/how) (more|much more|\
                             longer) (do/does|can|will) (@you) (want/need|expect)|what else is there \
                             [to (say/tell|talk about)]|(i am not|i am not going to be|i will not be) \
                             (having/doing) this (conversation|again)|(we have|we have already) (been|gone) \
                             (over/through) (this/it|all this)|i [have] (gave/given) you (my|an|your) \
                             (apology|sorry)|what [exactly] (do/does) (@you) (want/expect) (from me)")
            .not_before("(i know|i realize|i understand|i will not ask|never ask) ~3"),
        r(Dismissing, "is (that/this) what (@you) (want/wanted)|what do (@you) want me to (say/do)|what (was/am) i \
                       (meant/supposed) to (say/do)|(did/do) i (mean/want) to (hurt/upset) (you) [,] (of course \
                       not|no)|do (@you) (really) think i (wanted/meant|would) (to) ~3")
            .not_after("~3 (i should|i will|and i|. i (should|will|am going))"),
        r(SelfFocus, "do (@you) have (any|the slightest|no) idea how (hard/humiliating/embarrassing/painful/\
                      difficult/bad|much) ~6 (me|i)"),
        // ---- Credit claimed for everything else: "who picks the kids up every day?", "I'd like a
        // little credit", "one mistake doesn't erase eleven years".
        r(Justifying, "(a little|some|any|a bit of|no) credit (for|here)|(i would like|i deserve|i should get) \
                       (some|a little) credit|keep (the lights on|a roof over)|(so|so that) (this/the/our) \
                       (family/household/house) can (have/eat|keep)|< (who|who is it that) (picks/pays/fixed/\
                       cooks/cleans/works/takes/puts/drives|keeps) ~6 (every|all)|after (everything|all) \
                       i (do/did|have done) (for you|for this family|for us|around here)|(somebody/someone) in \
                       this (house/family) has to")
            .not_before("(i know|you have done|you do|thank you for) ~3"),
        r(Minimizing, "(one/a) (mistake/slip|bad night|bad decision) (does not|should not|can not|will not) \
                       (erase/undo/cancel/wipe|outweigh|define) ~4|(does not|should not) (erase/cancel|wipe \
                       out|outweigh) (eleven/ten/twenty/_) (years)"),
        // ---- Bargains and conditions: "I'll stop going to the bar if you stop checking my
        // location", "all I ask is that you stop…", "it would help if you let me…".
        r(BlameShifting, "i will ~8 if (@you) (stop/quit/promise|stopped|do the same|give me (another|a \
                          second) chance|\
                          agree)|(all i ask|the only thing i ask|all i want|all i need) is [that] (@you) \
                          [also] (stop/quit/start/let/give|do not|are|be|try)|(it would|it might|it will) \
                          help if (@you) (let/stopped/would/did|were|gave|tried)|(i will|i would) ~4 when (@you) (stop/start/quit/learn)|(that/this) (seems/sounds|\
                          is) fair (to me|enough)|let us (be fair|keep it fair)|be fair about (this/it)")
            .not_before("(i know|i will not ask|i am not asking) ~3"),
        // ---- The partner's reading of it as the problem: "you're reading a lot into a handful
        // of messages", "you'd feel better if you stopped googling", "the real problem is your
        // trust issues".
        r(Dismissing, "(@you) (are/were) reading (too much|a lot|an awful lot|so much|way too much|more) into|\
                       benefit of the doubt|(@you) (would/will|might) feel (a lot|so much|much|way) better if \
                       (@you)|(@you) (are|have been|keep) (keeping/holding) me (in|stuck)|(that|it) is not \
                       (healthy) for (either|both) of us|the real (problem/issue) [here] is|(mountain|mountains) \
                       out of|(i feel like|it feels like) (@you) (are) (using) (this/it) (to|against)|(@you) \
                       (remember/see/saw/took/take/heard) it (that way|wrong|the wrong way|differently)|(that \
                       is|it is|that was|it was) [honestly|just|really] not how it (happened|went)|(should \
                       not|do not|need to not) take (it/this/that) (to heart|personally|so personally|so \
                       seriously)|you know (how i get|i say (stuff/things)|what i am like) (when)|(@you) (have|\
                       has) always been ~3 (touchy/sensitive/jealous/insecure/paranoid|a bit (touchy/\
                       sensitive))|(@you) (are|have been) seeing (problems/things/enemies|ghosts) (everywhere|\
                       that are not there)|(trust/jealousy|control) issues")
            .not_before("(i know|not because|i was wrong to say|i used to say|i said|i told you|i claimed|i \
                         blamed ~2) ~3|my"),
        // ---- Closure in the words of faith, therapy or the calendar.
        r(DemandingClosure, "draw a line (under/beneath|through)|(look/looking/move/moving) forward (instead of|\
                             not|rather than) (back/backward/backwards)|(time|high time) (we|to) (stop/stopped) \
                             (talking/going/dwelling|bringing)|(ruin/spoil|wreck) (the holidays|christmas|\
                             tonight|the weekend|everything|this weekend) (for everyone|for us|for the kids)|\
                             (get/go|getting) back to normal|let (it/this) go (too|as well|now) ,|(god/he|the lord) \
                             (has forgiven|forgave|has already forgiven) me|(between me and|between) (god|him|\
                             my maker)|seventy times seven|(let us|we should|can we) not dwell|(do not|not) dwell \
                             on (the past|it)|agree to disagree|done my time|served my time|(do not|never) bring \
                             (it/this) up again|(giving/give) (this/it|you) (until/till) @deadline_day|(can not|\
                             can not keep|will not) (live/stay|be) in the doghouse|at some point (@you) (have/need|\
                             are going) to (decide/choose|forgive|let)|(you said|you promised) (@you) (would|had|\
                             will) (forgive/forgiven) me|so forgive me|(@you) forgave me (last time|before|then)|(treat/\
                             consider) the (matter/issue|subject) (as) (closed/settled)|(between|after) (this \
                             weekend|tonight|today) (we) (do not|will not|never) (bring/talk|mention)|not \
                             (make/making) (tonight/today|this weekend|the weekend|dinner|christmas) about \
                             (this/it)|one normal (evening/night|day|weekend)")
            .not_before("(i know|i will not ask|i am not asking|i will never ask|i do not expect) ~4|not")
            .not_after(WHEN_READY),
        // ---- A reason told after the sorry, in fresh words: "I had been up since four and she
        // picked the worst moment", "I couldn't just ignore her", "you can see why".
        r(Justifying, "(i|we) [literally|just|simply] (could not|can not|had no way to|was not able to) \
                       (leave|get away|say no|ignore (her/him|them|it)|help it|refuse|walk away)|(i|i just) \
                       (had/have) to be there for (her/him|them)|(i|we) (needed/need) (it|the (money/car/truck/\
                       van)|the (_) money) (for) (work|my job)|(it|that) (was/is) the only thing (that) \
                       (helped/works/worked|helps)|(my) (back/head|knee|anxiety) (has been|was|is) killing me|\
                       (i|we) (grew/grow) up (in/with|around)|how i was (raised|brought up)|(you|u) can see \
                       why|you know what (that/this|the) (account/job/deal/client|contract|promotion) (means/\
                       meant)|(there is|there was) nothing (i) could (do|have done)|the (enemy/devil) ~6 (me|\
                       in me)|(has to|had to|must|needs to) come first|i had (been) up since|(she/he|your \
                       (mother/mum/mom/dad/sister|brother)) (picked/chose) the (worst/wrong)|(was/were) (going \
                       through|having) a hard (time|stretch)|when (she/he) (cries/cried|asks/asked) i can not")
            .not_before("not because|(is/was) not (why|because)")
            .not_near(OWNED_REASON),
        // ---- Sorrow about events with no one in them: "sorry for how the evening unfolded",
        // "sorry my texts were misinterpreted", "sorry the kids had to see that".
        r(PassiveVoice, "(sorry/regret|apologize) [for/about] [that] (how|the way) ~4 (unfolded/went/happened|turned out|\
                         played out|ended|went down)|(sorry/regret|apologize) [that] (the/my/our) ~3 \
                         (was/were|got) (misinterpreted/misunderstood/misread/discovered/found/seen|taken the \
                         wrong way|put (in/into))|(sorry/regret) [that] (the (kids/children|girls|boys)|@you) \
                         had to (see/hear/witness|watch)|(sorry/regret) [that] (my|the) (phone/screen|laptop|\
                         message) (lit up|went off|buzzed|pinged)|(sorry/regret) [that] (@you) (were/was) \
                         (put/placed|made) (in/into|to feel|unhappy)|(sorry/regret) [that] (that/it|this) (has|\
                         is|was) (turned/turning|become|became|caused|causing) ~3 (thing/issue|problem|all \
                         this|this|big deal)|(sorry/regret) [that] (the weekend|the evening|the night|tonight|\
                         things|it) (did not) (go|turn out) ~3 (wanted|planned|hoped)")
            .only_unowned(),
        r(TheirFeelings, "(sorry/regret|apologize) (for/about) (your) (pain/hurt/feelings|sadness|upset|tears)|\
                          (sorry/regret) (@you) (are/were) (dealing/struggling) with (all) ~3 (feelings/\
                          emotions)|(sorry/regret) [that] (@you) (remember/see/saw|took|read) (it) (that way|\
                          like that|wrong)|(sorry/regret) [that] (it/this|the thing ~3) (bothers/bothered|\
                          upsets|feels like) (@you|some)|(sorry/regret) [that] (it/that) (hurt/upset) your \
                          feelings|(sorry/regret) [that] (@you) (are) (choosing|deciding) to (see/take|read)")
            .even_owned()
            .not_near(OWNED_FEELINGS),
        r(FoundOut, "(feel/felt) (terrible/bad|awful|sick) that (@you) (saw/found/read|had to see|heard)|sorry \
                     (@you) (had to hear|heard) (it/this|about it) (from)"),
        // ---- Sizes and comparisons in fresh words.
        r(Minimizing, "(in the) grand scheme|(it is|it was) (a|an|only|just|one) [_] (minute/second) \
                       (conversation/chat|thing|call)|(become|turned into|is|like it is) the end of the \
                       world|all i did was|not the (mortgage/rent|house|end of the world)|(it is|just|only) a \
                       date on (a/the) calendar|(we) celebrate (us) every day|(is/was|it is) old news|nothing \
                       (we|that we) (can not|could not) (handle/fix)|(nobody|no one) is perfect|(it is|its|it \
                       was) a (follow/like|comment|text) not a|(barely/hardly) (over|any) (the limit)|(is/was) \
                       (harmless|totally harmless)|(did|does|has done|have done) (way/far|much|a lot) worse|\
                       (only|just) (read|looked at|saw) (like|about) (two/one/three|a couple|a few)|i stopped \
                       myself|one time thing ~4 (a few|couple)|(it goes|goes) up and down|(not|is not) \
                       (actually|really) lost")
            .not_after("(not/never) ~4 (excuse|matter|change|make)")
            .not_before("(i know|i am not saying|i will not say|i used to say|i said|i told you) ~3")
            .not_near(OWNED_REASON),
        // ---- Arguing the facts: "those are old messages", "I don't believe anything improper
        // took place", "I hadn't got round to telling you".
        r(Denying, "(those/these|they) (are/were) (old) (messages/texts|photos|pictures|emails)|(i|we) (have \
                    not|had not|have not even) (spoken/talked|seen|texted) ~3 (in (ages/months/years|a long \
                    time))|(i do not|i did not|i do not honestly) (believe/think) (anything|that anything) \
                    (improper/inappropriate/wrong|untoward) (has|had|happened|took)|(i) (had not|have not) \
                    (gotten/got) (around/round) to|(quiet) (is not|was not) (rude)|(she/he) \
                    (was|is) (a|just a) friend i (leaned/relied|lean)|was for (networking/work)|(it/this) (was \
                    not|is not) (hiding/lying)|(not|never) (actually|technically) (lost/hiding|a lie|lying)")
            .not_after("~3 (but|and) (i|it) (still|was)")
            .not_before("i (told/said|claimed|insisted) ~3|(i know|i used to think|i pretended) ~3"),
        // The promise read narrowly: "I said I'd come to therapy, I never said every week".
        r(Denying, "i never said (every/all/always|each)")
            .even_reported(),
        // ---- One's own pain in fresh words: "what this has cost me", "don't make me go through
        // this alone", "the worst month of my life".
        r(SelfFocus, "(what|how much) (this/it) (has|is) (cost/costing) me|(do not|please do not|never) (make/\
                      leave) me (go through|to go through|face|deal with) (this/it) alone|the (worst/hardest) \
                      (month/week/year|time|day|months|weeks) of my life|(crashing/falling) (down) (on/around) \
                      me|hate myself more than|(so/really|been so) hard on myself|(made|makes) me feel like \
                      (the worst|a monster|a terrible|the villain)|(hard/hell|hard on me|painful) for me (too|as \
                      well)|(what|how much) (that/this|it) (did|has done|is doing|does) to me|(has|have) \
                      (broken/destroyed|crushed) me|the pain (i am in|i am going through)|i (need|also need|\
                      want) (@you) to understand (what/how) ~4 (me|i)|(i can not) (focus|sleep|eat|work) ~6 \
                      (i can not|my)|sitting in the car for")
            .not_before("(i know|i will not|i am not going to|this is not about|not asking you to) ~4"),
        // ---- Sarcasm: "congratulations, you win", "write it on my tombstone", "thank you for
        // reminding me, for the fifth time", "yes dear", "I'll turn myself in".
        r(Flippant, "(congratulations/congrats|ok|fine|okay) [,] (@you) win|on my (tombstone/gravestone)|thank \
                     (you|u) for reminding me|yes dear|cross my heart|sowwy|sowy|turn myself in|guilty as \
                     charged|i am the (villain|bad guy|monster|devil) [.] [,] (right|then|apparently|again|i \
                     get it)|i get it [.] [,] i am the|ok boomer|(happen again) [,] (probably|maybe|lol)|\
                     eyeroll|(hands up|hold my hands up) ~6 (on yours|yours too|you too)|what i deserve \
                     (right|is not it|isnt it)|the crime of")
            .edge()
            .not_after("~3 (i (mean/meant) it|seriously|for real)"),
        // ---- The partner's faults in fresh words: "you know how I get when you walk out",
        // "you'd have reacted exactly like this", "you never ask me for help though".
        r(BlameShifting, "(@you) (would have|would) (reacted/react|responded/respond) (exactly|just) (like this|\
                          the way you are)")
            .even_negated(),
        r(BlameShifting, "(@you) never (ask/tell) me (for|anything) ~4 (though|either)|(@you) \
                          (get/got) (quietly|so|really) (mad/angry) and (then)|every time i try (@you)|your \
                          (friends/family|mum/mom/mother|sister|brother|dad) (always|never) (make/made|treat|\
                          let)|remember when (@you)|(she/he) came on to me|(you) knew what ~4 (when you|before \
                          you)|(everybody/everyone) (was|else was) doing it|(think about|consider) what (this) is \
                          doing to|(stop/quit) telling your (sister/mum/mom|mother|friends|family)|(because) \
                          (@you) (would/will) (have) (got/gotten|get) (jealous/angry|mad|upset)|(@you) (walk/\
                          walked) out (of the room|mid)")
            .not_before("(i know|not because|i used to say|i said|i told you|i blamed|i claimed) ~4")
            .not_near("(that/this) was (me|on me|my)|not (your) (fault)|i (was|am) (wrong|the one)"),
        // ---- Found out, in other words: "I should have logged out", "it would have been easier
        // for everyone".
        r(FoundOut, "should have (logged out|deleted (it/them/the|everything)|hidden (it/them)|been more careful|\
                     cleared (it/the|my)|locked (it/my))|(would have|would of|would) been easier (for everyone|for \
                     all of us|for everybody|for both of us)")
            .even_owned()
            .not_before("not|never"),
        r(FoundOut, "(@you) [just] (found out|heard|saw|caught (it/me|on)) (first|before i (could|did|got))")
            .even_owned(),
        // ---- A hedge in front of the sorry: "if me being on that site bothered you then yeah,
        // sorry".
        r(Conditional, "< if ~6 (bothered/upset/hurt/offended/annoyed|hurt) (@you) [then] [yeah/yes/ok|well] [,] \
                        [i am] (sorry|i apologize)"),
        // ---- More closure, time and tiredness: "I'm tired of this being the only thing we talk
        // about", "end of story", "I've already told you everything".
        r(DemandingClosure, "(i am) (tired/sick|sick and tired) of (this/it) (being|coming up)|< (it is|it has been) \
                             (two/three/four/five/six/a/_) (months/weeks/years|month|week|year) .|end of (story/\
                             discussion)|and that is (that|the end of it)|(i have|i) already (told/said|given) \
                             (you) (everything/all)|(talk about|change to) [literally] (anything/something) \
                             else")
            .not_after("~6 (but|and) (i will|ask|if)")
            .not_before("(i know|i will not|i am not going to) ~3"),
        r(DemandingClosure, "(ruin/spoil|wreck) (the holidays|christmas|tonight|the weekend|everything|this \
                             weekend|dinner|the trip) (for everyone|for us|for the kids|for everybody)")
            .even_negated(),
        // ---- Excuses in other words: "traffic was insane, not my fault", "so you wouldn't have to
        // stress", "in my country it is normal", "you must understand the culture".
        r(Justifying, "(it was|that was|it is|that is|was) not my fault|< not my fault|@external (was/is) \
                       (insane/crazy/mental/terrible/awful/hell|a nightmare|murder)|(so|so that) (@you) (would \
                       not|would never|did not) (have to|need to) (stress/worry|know|be upset)|\
                       (trying|tried) to (win/get|make) (it|the money) back|in my (country/culture/family/\
                       religion) (it is|is|we)|because i (did not|do not) want to (ruin/spoil/upset/worry/stress/\
                       hurt|worry you|upset you) (you/your)")
            .not_before("(not|never) ~2|(i know|i used to say|i said|i told you|i claimed) ~3"),
        r(Justifying, "(so|so that) (@you) can see why|(@you) (must|have to|need to) understand (that .|the/my|why i)|(hard/rough/difficult/bad/\
                       messed|traumatic) childhood|i was (raised/brought|taught) (not to|to|that)|how my family \
                       (was/is|did things)")
            .even_owned(),
        // ---- Sizes in other words: "only once", "anything she didn't already suspect", "from
        // before we were exclusive".
        r(Minimizing, "(anything|nothing) (she/he|they|you) (did not|had not|do not) already (know/suspect|\
                       knew|suspected)")
            .even_negated(),
        r(Minimizing, "from before we were (exclusive|together|official|serious|married)|(looked/\
                       read/checked|went through|did it) ~4 (once|one time) .|(kind of|sort of|just|all) old \
                       news|as (clearly/well|carefully) as (they/it|i) (might/could) have been")
            .not_before("not|never"),
        r(Dismissing, "(@you) (act/acting|are acting|make it sound|are making it sound|talk) (like|as if) i \
                       (hacked/murdered/killed/committed/robbed|slept|cheated|did something)"),
        r(PassiveVoice, "(decisions/mistakes/things/errors|choices) ~4 (were/was) (not) ~1 (communicated/made/\
                         handled/shared/explained/discussed)"),
        r(SelfFocus, "(going through|dealing with) (a lot|so much|stuff|things) (too|as well)|(can not) do this \
                      alone")
            .not_before("(i know|you are|you have been) ~3"),
        // ---- Set G's categories: sorry about what the events did to their feelings, the
        // ultimatum, the partner's choice as the cause, pleading, reasons of health or work
        // given as the reason, protective lies.
        r(TheirFeelings, "(sorry/regret) [that|about|for] (how|the way) (the/that/this|it|my _|what _|the whole _) \
                          ~5 (made/makes|has made) (@you) feel|(sorry/regret) [that] (the/this/that|my _) ~4 \
                          (has made|made|makes|is making) (@you) [@deg] (this|so|feel|anxious/upset/sad/worried/\
                          angry)|(sorry/regret) [that] (it/that/this) (felt/feels|came across|seemed|sounded) \
                          (like|that way|like that)")
            .even_owned()
            .not_inside("i (made/make|have made|was|did)")
            .not_near(OWNED_FEELINGS),
        r(DemandingClosure, "i need to know (tonight/today/now|by _) (if/whether) (@you) (are) (staying/leaving|\
                             in)|(living|live) in limbo|(i have|i) done everything (@you) (asked/wanted|told me)|now \
                             (it is) (up to you|on you)")
            .not_before("(i know|i will not) ~3"),
        r(BlameShifting, "(because|if) (@you) (chose/choose|decided/decide) not to (forgive/trust|try)|(@you) \
                          (do not|never|can not) see how (hard/much) i (try/work|do)"),
        r(SelfFocus, "(unblock me)|(can not) breathe without you|i am begging you"),
        r(Justifying, "(could have|would have|might have) lost (the/my|a) (account/job/client/contract|deal)|\
                       i (knew/thought) if i (told/said) ~6 (@you) would (panic/worry/freak|be upset|get upset|\
                       overreact|worry)|(did not|do not) want to (put (that/this|it) on you|burden you)|(i \
                       have|it is) (adhd|a disability)")
            .not_near(OWNED_REASON),
        r(FoundOut, "(wrong way|way) for (it/this) to come out").even_owned(),
        r(Denying, "(asking/looking/checking/texting/talking) (is not|was not|is never) (pressure/cheating/\
                    lying/snooping|controlling)"),
        // ---- Set H: a warm apology undone by one clause. The clause on its own is the
        // finding: the blame shared out in other words, a deadline, sarcasm after the sorry,
        // arguing the size of their hurt, being sorry for how they found out, a request turned
        // back on them, a fact that shrinks it, a condition in other words.
        r(BlameShifting, "(i think|maybe|perhaps) we both (stopped/let/neglected/drifted/stopped|stopped showing \
                          up|let things slide)|(comes/came|stems/stemmed) from your (anxiety/insecurity/past|trust \
                          issues)|i did (it/this/that) because i (knew/thought) (@you) (would) (say no|not let me|\
                          refuse|stop me)|(i would ask|i ask|i am asking) (that you|you to) (also|think|not to|to \
                          stop|pray|consider)|(that/which) was part of what (left/made|drove) me|(we can|we \
                          should|can we) both look at|i [do] wish (@you) (had been|would be|were|would have been) \
                          (a (little/bit)|more|less|softer|kinder|nicer|calmer)|(think about|ask yourself) \
                          (whether|if) (it was|that was|it is) fair|to be fair [,] (@you) (have had|had|have|did|do|went|were) ~6 (too|as well)|i still think (@you)|\
                          because (@you) (shut/shuts) down|in a house where (@you)|(you know how) ~6 (winds/wound|\
                          gets|sets) me (up|off|to me)|if we (had been|had) ~8 i (doubt|would not|would never)")
            .not_before("(i know|i used to say|i said|i told you|i blamed) ~3"),
        r(DemandingClosure, "(need/want) us to be (through|past|over|done with) ~6 (by)|(be|is|as) the end of it|\
                             (have it|it) be finished|keep (this/it) [one] out of (counselling/therapy|counseling)|\
                             (perhaps/maybe) we (agree|should agree|could agree) not to (raise/mention|bring)|that \
                             is for another day|(time) (@you) (stopped/stop) (checking/asking|looking)|i have earned \
                             (that|it|some|the right)|the last time i am (apologizing|saying sorry)|(stop|quit) \
                             looking at me like")
            .not_before("(i know|i will not ask|i am not asking) ~4|not"),
        r(Flippant, "(since|because) apparently|clearly i should|gold star|a medal for|a pat on the back|(stop|quit) \
                     reminding me|coming home to a lecture|(list of) forbidden|count the ceiling|whatever the \
                     (book/therapist|internet) calls it")
            .edge(),
        r(Dismissing, "(not sure|do not think) (it was|that was) (quite|really|that|as) ~3 (@you) (have described|\
                       described|say|said|are making)|(what|how) (@you) (are) making (it/this) (mean|out to be|\
                       sound)|(did not|never) (think/expect|realize) (@you) (would|would be) (be) (this/so|that) \
                       (upset/hurt|bothered)|(@you) (are) sensitive about|(would be|was) obvious to (@you)|(@you) \
                       need to (see/talk) (to) (someone/somebody|a therapist|a professional)|(see) (someone/\
                       somebody) about it")
            .not_before("(i know|i used to say|i said|i told you) ~3"),
        r(FoundOut, "(kills/killing|breaks|hurts) me that (@you) (found out|heard|saw|learned|had to)|i hate that \
                     (@you) (found/opened/saw/heard/read|found out) ~4 first|(got/was) there first|(told/showed) \
                     you before i (could|did|got)|(it took) (a/the|your) _ for (@you) to (know/find|find out)|(it \
                     had to|had to) come out (at|in|like)")
            .even_owned(),
        r(Minimizing, "(keep/put) (this/it) in (proportion/perspective)|(one) (bad) (night/day|mistake) out of|\
                       hold (onto|on to) that|(and) that is all|that is all it was|nothing like before|not the big \
                       one|never (became/got|went) physical|it is tiny|at least (nobody|no one)|(it was|it is) \
                       (a game|just a game|only a game)|(i hope|which i hope) (it/that) counts for something|\
                       (which|that) i hope counts")
            .not_after("(not/never) ~4 (excuse|matter|change|make)")
            .not_before("(i know|i am not saying|i used to say|i said|i told you) ~3"),
        r(Justifying, "i only (kept/hid/lied/did|kept it|hid it) ~6 because|(the only thing|only thing) keeping me \
                       (sane/going)|(did not|never) (feel/felt) (i|like i) had (a|any) choice|(work|my boss|the \
                       job) had me|(i was|i was only|i was just) trying to protect you|i hope (@you) [can] \
                       understand (that) i was|(the worst day|a bad day|a long day|a rough day) ~8 (so|and) (it \
                       all|everything) came out|(was going to|meant to|planned to) tell you ~6 (once/when/after|as \
                       soon as)|(only a matter of time|bound to happen) (before)|(agreed|decided) to (take|go \
                       on) a break")
            .even_owned()
            .not_before("(not|never) ~2|(i know|i used to say|i said|i told you|i told myself|i claimed) ~3"),
        r(SelfFocus, "(so i am not) alone|i do not know who i am (anymore|any more)|(i am not a) (monster|bad \
                      person|terrible person) (though|but)|(it would help me|i need) ~4 to hear (@you) say|so am \
                      i [,] (more|too)|i am suffering (here|too)|(paying/paid) for it too|all i have left|(a/the) \
                      victim (in this|here) too|i am a victim|i need to know (@you) (are) (still) on my side|(@you) \
                      have no idea how (lonely/hard/scared/difficult|alone)")
            .not_before("(i know|i will not|i am not going to|this is not about|not asking you to) ~4"),
        r(PassiveVoice, "(bills/letters/payments) (were not|was not|got|were) (paid/tucked/missed/hidden|put \
                         away)|before anything could be done|it all happened so fast|(the way things|things) (were \
                         left|got left|ended up)|(were/was) shared (in/with|without)|(became|become|has become) a \
                         pressure cooker")
            .only_unowned(),
        r(Conditional, "< if (the/it/that/this|my|what) ~10 (felt/seemed|came across|was) ~8 [,] then (i am|i \
                        apologize|sorry)|< should (anything/something) ~8 (have given|have caused|have made|have \
                        left)|assuming (what|that) ~4 (is/was) (accurate/true|right)|(sorry/apologize) (for) \
                        (anything|whatever) (about|that|i did that)|if that is what it takes (for (@you)|to make \
                        (@you))"),
        r(Denying, "the screenshot (is/was) (old|an old one|fake)|i am going to keep saying so|whatever (she/he|they) \
                    told you|i (still) (do not) [really] think it was|(was|is) a character")
            .even_reported(),
        r(TheirFeelings, "(sorry/regret) [that] ~4 (left/made) (@you) (feeling/feel)|that (@you) see (it/this|the _ \
                          ~3) (this/that) way")
            .not_inside("i (made/make|have made|left)")
            .even_owned()
            .not_near(OWNED_FEELINGS),
        // ---- Sets I and J: the defence in therapy words and in a text's few words.
        r(Justifying, "(it/this|that) came from (love|a good place|a place of love|fear)|(is not|was not|is \
                       never) something i (chose|choose|can help)|(sets|set|triggers) off my \
                       (anxiety/ptsd/depression|trauma)|(they/she/he) asked me (straight up|directly|outright)|i \
                       was right to (check/look/snoop|ask|worry)|(could have|would have|might have) lost \
                       (their/his/her) (bonus/bonuses/jobs/job)|(honour/honor|protect/respect) my (own) \
                       (capacity/boundaries|peace|limits)")
            .even_owned()
            .not_before("(not|never) ~2|(i know|i used to say|i said|i told you|i told myself|i claimed) ~3"),
        r(DemandingClosure, "(can not|could not) keep (processing/discussing/rehashing|talking about|going over|going \
                             through) (this/it)|(have/get|spend) a normal (evening/night/weekend|day|dinner)|(do \
                             not|never) [ever] want to hear about (it/this|her|him) again")
            .not_before("(i know|i will not ask|i am not asking) ~4"),
        r(PassiveVoice, "(funds/money|the money|savings) (were/was) (redirected/moved/used/spent|taken)|decisions had \
                         to be made|my actions (have had|had|may have had) (an/some) (impact|effect)")
            .only_unowned(),
        r(Dismissing, "(@you) (are|were) being (a bit|a little|too|quite) (harsh/hard|dramatic)|(work/working) through \
                       your (reactions/triggers|stuff|trauma|response)|(your) brain (is) stuck|(really|completely) \
                       normal response|(@you) sounded fine|(which|that) is the main thing|funny how (@you)")
            .not_before("(i know|i used to say|i said|i told you) ~3"),
        r(SelfFocus, "if (@you) still want me|who (@you) married|if that makes (@you) feel (any) better|i (will not|\
                      refuse to) be (humiliated/embarrassed|made a fool)")
            .edge(),
        r(BlameShifting, "provided (@you)|(work on|own|do) your part too|(if|when) the last (few|couple of) times \
                          (had not|did not|hadnt) (ended/end)"),
        r(TheirFeelings, "sorry [that] (@you) (were/are|got|felt) (hurt/upset/offended|bothered) by|(how much|how) \
                          (it/this) (has|is) (upset/upsetting|hurt) (@you)|came across the way it did")
            .not_inside("i (made/make|have made|left)")
            .even_owned()
            .not_near(OWNED_FEELINGS),
        r(FoundOut, "before i could (sit you down|tell you|explain|talk to you)").even_owned(),
        r(Conditional, "if (@you) need me to say it"),
        r(Minimizing, "(it is|its|it was) not like it was (surgery|a big|the big|anything)")
            .not_before("(i know|i am not saying) ~3"),
        // ---- Sets K, L and M: found out, closure, sarcasm, self-reproach that asks for care,
        // the excuse of complication, in the words these writers used.
        r(FoundOut, "(regret/sorry) (how|the way) (@you) (learned/found|found out|heard|discovered)|before (@you) \
                     (found/saw) (it|out)|before (@you) [ever] (had to|needed to) know")
            .only_unowned(),
        r(PassiveVoice, "(an) apology is owed|that the (letters/messages/texts/emails|photos) were (read/seen/found|\
                         shared)")
            .only_unowned(),
        r(Flippant, "(a|an) [perfect] (saint/angel) like (@you)|(get/have) it tattooed|need a refill|< deal \
                     (>|.)|(it is|its) (chill|no biggie|all good) [bro/babe|lol]")
            .edge(),
        r(SelfFocus, "i (ruin/wreck/destroy/ruined) everything|i will never be good enough|(i am|i know i am) [such] \
                      a (disaster/failure|mess) ~6 (letting|let) (everyone/everybody|you) down|(nobody/no one) \
                      (notices/sees|cares|appreciates)|i am trying (really|so) hard (here)")
            .not_near("but (this/it) is (not about me|about you)")
            .edge(),
        r(Denying, "(@you) (are|were) (remembering/misremembering) (it/this/that|things) [all] (wrong|differently)|\
                    (confess/admit) to something i (did not|never) (do/did)"),
        r(Justifying, "(it) slipped out|(it is|its) complicated|i had every reason to|given how (@you)|i was \
                       (@state) and ~4 and (it) (slipped/came)")
            .even_owned()
            .not_before("(not|never) ~2|(i know|i used to say|i said|i told you|i told myself) ~3"),
        r(DemandingClosure, "(this/the) matter is (closed|finished|settled)|we will not speak of it|i (said|have \
                             said) it (three/two/four/five/_) times|< enough (.|>)|< if ~6 then (sorry|i am sorry)")
            .not_before("(i know|i will not ask|i am not asking) ~4"),
        // ---- From the fourth round's new-user trial: a bargain with "only if", an excuse of
        // effort, keeping the peace, the subject changed, cheating argued by what most people
        // think, the blame shared in other words, putting it behind.
        r(BlameShifting, "only if (@you) (promise/agree/stop|swear)|(@you) (have not|have never) [exactly] been \
                          (easy/perfect|a saint|innocent)|(plenty of|enough|lots of) blame to go (around/round)")
            .not_before("(i know|i used to say|i said|i told you) ~3"),
        r(Justifying, "(doing/did) my (best|very best) (under|in|with)")
            .even_owned()
            .not_before("(not|never) ~2|(i know|i told myself|i used to say) ~3"),
        r(Flippant, "(what it takes|i suppose|i will ~6) [just] to keep the peace|< anyway [,] \
                     (what/how|so|did|are|do|can|where|when)")
            .edge(),
        r(Denying, "(most people|nobody|no one|most (guys/men/women)) (would not|would never|do not) [even] \
                    (consider/call/count) (that/it|this) (cheating/lying|a lie|an affair)"),
        r(DemandingClosure, "(can|could|should|will) put (this/it) behind us|(promise|agree) not to bring (it/this) \
                             up")
            .not_before("(i hope|hope|one day|someday|i hope we|i know) ~3")
            .not_after(WHEN_READY),
    ]
}
