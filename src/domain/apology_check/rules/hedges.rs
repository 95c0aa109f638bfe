//! Hedges: a conditional apology, sorry about their feelings, sorry it came out, and sentences
//! in which no one did anything.

use super::{APOLOGY_NEAR, Kind, OWNED_FEELINGS, RuleDef, r};

pub(super) fn rules() -> Vec<RuleDef> {
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
                        i woke you|i bother/bothered you|i am bothering|i interrupt|i am not (getting/saying|finding) \
                        (the words|this|it) ~2")
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
        // A hedge behind: "sorry for hurting your feelings if I did so".
        r(Conditional, "(sorry/apologize/apologies/regret) ~~12 {if (i|i have|i ever) (did/do) (so|that|it|\
                        anything|something)|if (that/this) is (the case|how you feel|how you see it)|if (@you) \
                        (felt/feel|see it) (that way|like that|so)|if (any/that) (offended/hurt/upset) (you)}")
            .even_negated(),
        // An outcome with no one in it, or a thing as the one who did it: "I regret that the
        // situation escalated", "sorry we ended up fighting", "sorry my phone made you worry".
        r(PassiveVoice, "(sorry/regret) [that] (the (situation/argument/fight/thing/evening/night/conversation|\
                        whole thing)|things|it all|we) (escalated/ended/happened/spiralled/spiraled/blew/got/\
                        turned|ended up|went (wrong/south/badly)|came to this|had to) ~4")
            .not_after("~~10 (because (of me|of what i|i)|i (caused/started|made it|was the one))")
            .not_near("because of me|i (started/caused) (it/this/that|the (fight/argument/row))|my fault"),
        r(TheirFeelings, "(sorry/regret) [that] (my|the) (phone/texts/messages/friendship/friend/friends/job/work/\
                          ex/schedule/plans/comments/joke/tone|time away|late nights) [@deg] (made/makes/got/\
                          gets|have made|has made) (@you) [feel] [@deg] (worry/worried/upset/anxious/jealous/\
                          insecure/uncomfortable/sad/angry|feel that way|that way)|sorry [that] (this/it/things|\
                          all (this|of this)) (has been|is|was|have been) [@deg] (hard/difficult/tough/rough/\
                          painful/awful/horrible/stressful) (on/for) (@you)")
            .not_after("~~8 (because (of me|of what i|i)|i (caused/did)|that is on me|my fault)")
            .not_near(OWNED_FEELINGS),
        // A hedge in front: "Whatever I did, I'm sorry".
        r(Conditional, "{< (whatever/anything) (i|it) [@deg] (did|have done|said|have said|did wrong|was)} ~~4 \
                        [i am] (sorry/apologize)|(sorry/apologize/apologies) ~2 (for|about) (whatever|anything) \
                        (i|it) [@deg] (did|have done|said|was)")
            .even_negated(),
        // The hedged passive with any noun: "any distress this has caused", "regret any upset".
        r(Conditional, "any [@deg] @hurt_noun ~6 (has/have/had|may have|might have|could have|would \
                        have|may|might) [been] (caused/created/resulted/come)|(regret/apologize/apologies) \
                        (any [@deg] [of the] @hurt_noun|anything (that/which) (was/may/might) ~3)")
            .even_negated(),
        r(Conditional, "(i/this/that/it|my _|what i said|what i did) \
                        (may/might) have (hurt/upset/offended/caused/crossed/overstepped|come across|\
                        came across|been (hurtful/insensitive/wrong/rude/harsh/unfair/inappropriate|out \
                        of line|a bit much|too much|a mistake))")
            .even_negated(),
        // ---- Sorry about their feelings.
        r(TheirFeelings, "{(sorry/apologize) [that|about how|about the way] @you (are/were/got/get/feel/felt/seem/seemed/\
                          sound/became/feeling|have been|are feeling|were feeling|have been feeling) [@deg] \
                          [@deg] @feel}")
            .not_after("~4 (by/about/over/from|because of) (me|what i|my|how i|the way i|the things \
                        i|the lies|the affair|everything i|this thing i)|~8 (and/because/but|,) \
                        [i know] (i am|it is|it was|that is|i was) (the reason|my fault|because of me|\
                        on me|the cause|why)|~6 because (of me|i|of what i)|~6 (i did that|i \
                        caused|that is on me|it is my fault)|~4 (and/but) (it is|that is) my fault")
            .not_near(OWNED_FEELINGS)
            .even_negated(),
        r(TheirFeelings, "{(sorry/apologize) [that] @you (feel/felt/think/thought/took/take/perceived/interpreted/reacted/\
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
        // Being found out, in any of the words for finding out ("sorry you stumbled across…",
        // "sorry it got back to you", "sorry you caught me").
        r(FoundOut, "{(sorry/regret/gutted/sad/hate/shame/pity|too bad) [that] @you [ever/even|@deg] \
                     [had to|ended up|happened to|got to|went and|have] @discover}")
            .not_after("(me/us)|what i (did/was|had done)|~2 (me|what i)")
            .not_before("not/never")
            .not_near("(instead of|rather than) (hearing/finding/me/learning)|from me|i should have (told/\
                       been/come/said)|i (did not|never) tell you|i should have been the one|(should/ought) \
                       [to] have been (me|the one)|before i (told|had the (courage/guts/decency))")
            .even_negated(),
        r(FoundOut, "{(sorry/regret) [that] (it/this/that/word/everything|the news|the truth|any of (this/\
                     it)|all of (this/it)|all this) (got back to you|reached you|got to you|leaked|got \
                     around|went around|came out|got out|blew up|went public)}")
            .not_before("not/never")
            .not_near("i should have (told/been/come/said)|i should have been the one|from me|i (did not|never) \
                       tell you|before i (told|had the (courage/guts/decency))"),
        r(FoundOut, "i was [@deg] (going|about|planning|meaning|gonna) to tell you|(@you) [just] found out \
                     (first|before i (could|told|got))")
            .only_unowned(),
        r(FoundOut, "sorry [that] (@you) caught me|sorry [that] i (got/was|have been) (busted/rumbled/exposed|\
                     found out)|sorry (about|for) (getting/being) (caught/busted|found out)")
            .not_before("not/never")
            .even_negated(),
        r(FoundOut, "(wish/wished) [that] (@you) (had not|never|did not|had never|would never|would not) \
                     [ever] @discover")
            .not_after("~3 (like that|that way|from (her/him/them/someone|anyone))")
            .even_negated(),
        // Wishing it had stayed hidden, or for better timing: "I never wanted you to know", "sorry
        // the timing was bad, I was going to tell you after the holidays".
        r(FoundOut, "i (never|did not) (want/wanted/mean/meant|plan/planned) (@you|for you) to (know/find|find \
                     out|see (it/that/them/those)|ever know|ever find out)|(sorry/regret) [about] [that] (the) \
                     timing|i was (going|planning|gonna) to (tell/show) you (eventually|after|at some point|when|\
                     soon|one day|later|myself|in my own time)")
            .unless_owned()
            .not_near("i should have (told/been/come/said)|i should have been the one|from me first|i kept \
                       putting it off"),
        r(FoundOut, "(@you) (were/was) not (meant/supposed) to (see/find/know/read/hear) [that/this/it/them/\
                     those] [yet]")
            .even_negated(),
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
        // A line crossed with no one crossing it: "sorry a line got crossed", "boundaries were crossed".
        r(PassiveVoice, "(a/the|some|any) (line/lines/boundary/boundaries) (got/was/were/get|have been|has been|\
                         may have been|might have been) [@deg] crossed|(lines/boundaries) (got/were|have been|may \
                         have been) [@deg] crossed")
            .not_near("i crossed|i (broke/ignored)"),
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
        r(PassiveVoice, "(sorry/regret) [about/for] (how|the way) (things/it/this/everything/stuff/that|we|it \
                        all) (played/worked/panned|turned) out"),
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
        // Sorry that a thing happened, with no one in it: "sorry the money thing happened".
        r(PassiveVoice, "sorry [that] (the/this/that/our|all (this/that)|the whole) ~4 (happened|went down|\
                        occurred|took place|unfolded|came up|came about|blew up)")
            .not_inside("i/me/my/we/us")
            .not_near("i [@adv] (lied/hid/said/did/made/broke/went/got/cheated/kissed/slept/drank|was (rude/\
                       drunk/horrible/cruel/wrong|out of))|i was the one|i (caused/started) (it/this/that)"),
        r(PassiveVoice, "(hurt/pain/damage/harm) [that] (has been|was|got|have been) caused")
            .not_after("~3 (by (me|what i|my)|because [of] (me|what i|i))"),
        r(PassiveVoice, "(things/stuff|some things|a lot of things|a lot|mistakes) (happened|went on|took place) \
                        [that] (should not|should never) have")
            .not_after("~~8 i (made/let/did/chose/allowed)"),
        r(PassiveVoice, "(it/this/that) (was not|was never) planned")
            .not_after("~~6 (but/and) (i|it does not|that does not|that is worse)"),
    ]
}
