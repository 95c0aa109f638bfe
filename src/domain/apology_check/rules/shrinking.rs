//! Making it smaller, arguing over what to call it, and brushing the partner's feelings off.

use super::{AND_THEN_I_DID, Kind, OWNED_REASON, RuleDef, r};

pub(super) fn rules() -> Vec<RuleDef> {
    use Kind::*;
    vec![
        // ---- Making it smaller.
        r(Minimizing, "(was/is/were) [@deg] (just/only/merely/simply|nothing but|nothing \
                       more than) [@deg] (a/an/one/some/two/texting/talking/flirting/friends/words/\
                       harmless/innocent/sex/physical/messages/money/banter/fun/sexting/kissing/chatting/\
                       messaging/dms|a few|a bit of|a laugh|a phase|a \
                       crush|a fling|a game|a birthday|an anniversary|a dinner|a kiss|a text|a drink)")
            .not_after("~4 to (some/other/most) people|~4 to (others|anyone else|me at the time)|~2 to (@you) \
                        [right now|now|anymore]|~4 (i \
                        know|and (i|that) know)|~1 (part/piece/start|the start|the beginning|the tip) ~3|\
                        ~1 (way|excuse) ~3|one ~2 of (many|the|my)|matter of time|~2 to blame|~1 (person/\
                        reason/thing) (i|who|that)")
            .not_before("i know|i get [that]|i realize|some people think|people think|it (was/is) not|\
                         not|i thought|(@you) (think/thought|might think)|(i|@you) [@adv]|(i know|i \
                         get|i realize|i understand) [that] (it/this/that/she/he/they)")
            .not_after("~4 but (a/it/that/this/even/one/lying/still/i|to you)")
            .not_near("not saying"),
        r(Minimizing, "(just/only) (one|a single|one little|a little|a tiny|one stupid|a stupid|a couple of|a \
                       few|two|like two|like one|a couple) (night/time/kiss/text/drink/mistake/lie/slip/\
                       message/fling/date/drinks/texts/messages/times/nights/kisses/dates/beers/hug/photo/\
                       photos|white lie)")
            .not_before("not|it (was/is) not|(i/we) (did/do) not|more than")
            .not_near("not saying ~3 to make it|(does not|did not) make it (small/smaller|better|okay)")
            .not_near("means nothing|(does not|did not) (matter|change anything)")
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
                       happened|the texts|the affair) [@deg] meant (nothing|nothing to me|less than nothing)|\
                       (she/he/they/her/him|the sex|the kiss|those messages|the texts|the affair) [@deg] \
                       (means/mean) (nothing|less than nothing)")
            .not_before("i know [that]|probably|maybe")
            .not_after("~3 (to you|now|right now|coming from me|from me)"),
        // "It means nothing", except as the consequence the writer draws about their own word:
        // "I keep promising and breaking it, so it means nothing".
        r(Minimizing, "(it/that/this) [@deg] (means/mean) (nothing|less than nothing)")
            .not_before("so|which is why|and so|(my/your) (word/promise/promises)")
            .not_after("~3 (to you|now|right now|coming from me|from me)"),
        r(Minimizing, "(nothing [really] happened|it was nothing|it is nothing|nothing else happened|nothing \
                       physical happened|not like anything [physical/really] happened|nothing serious|\
                       nothing (really/even) happened)")
            .not_before("nothing ~1|(it|that) (was/is) not")
            .not_inside("nothing just")
            .not_after("~3 (that was your|because of you|you could|you did)")
            // "Nothing physical happened, but I lied": what it was not, before owning what it was.
            .not_after("[,] but (i|it was|that|what) ~4"),
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
            .not_after("~5 but")
            .not_before("i know|i get [that]|it (was/is) not|(asked/wanted/needed/ask/want/need) [for] \
                         [me] [to] ~2"),
        // A breach recast as a mix-up: "sorry for the confusion", "we got our wires crossed".
        r(Minimizing, "(sorry/apologies/apologize/regret) (for/about) (the/that/this/our|all the|all this|the \
                       whole|a bit of|a little|some) [@deg] [big/huge/little/silly/stupid/whole] @mixup|(it/this/\
                       that/everything|the whole thing|all of (this/it)) (was/is|has been|was all|is all) [all] \
                       [just/only/simply|@deg] [a/one] [big/huge/little/stupid/total/complete/massive/silly/\
                       giant] @mixup|(it/this/that/everything) [is/has] [all] been [just/only|@deg] [a/one] [@deg] \
                       [big/huge/little/stupid/total/massive/silly] @mixup|(we|you and i|you and me) (got/had/have/get) (our/the/some|a few) (wires/\
                       signals/lines) crossed|(we) (were/are) not on the same page|lost in translation|(it \
                       was|this was|that was) (a/one) [@deg] (mix up|mixup)|(got/get) (things/it/everything|\
                       our stories) mixed up"),
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
        // A vague share: "my part in this", "the role I played", "I had a hand in it".
        r(Minimizing, "{(my|the|whatever|any) [own] [small/little] (part/role/share/hand/side/contribution/\
                       portion/bit) [that] (i (played/had/did)|(in/of) (this/it/that|what happened|all (this/\
                       that|of this|of it)|things|the situation|how (things/it/this) (went/happened|turned \
                       out)|the (mess/situation/breakdown)|our (problems/issues))|of the (blame/\
                       responsibility))|i (had/played/have|did have|probably had|might have had) (a/my/some|\
                       a small|an equal|a big|a part) (part/role/hand/share) in}")
            .not_after("[,] (is/was) [@deg] (all/everything|the whole|every bit|*ing|that i|how i|what i|me|huge|\
                        massive|the biggest)|~~10 , [because] (all of it|every bit|entirely|all mine|it was all \
                        mine|all of this)|~~12 (that was me|that is on me|which was me|those were mine|that was \
                        all me)")
            .not_before("(truth/story/version|the truth|honest) (about/of)|carry/own/take/do/face/bear")
            // …followed by what the writer did: "sorry for my part. I raised my voice first".
            .not_after("~~3 [.] i [@adv] (*ed|said/told/lied/hid/broke/went/made/kept/spent/took/left/let/put/\
                        gave/sent/forgot/drank|was (rude/cruel/wrong/unfair/selfish|the one))"),
        r(Minimizing, "(sorry/apologies/apologize|regret) (for/about) (the|all the|all this|this|that) [whole] \
                       (drama/fuss/scene/commotion/circus|big deal|song and dance|palaver)|(for/over|about) \
                       (one|a single) [little/stupid/silly/tiny] (mistake/slip/night/kiss/text|bad decision|bad \
                       night)|(is/was|it is|it was) not (that/so|even that|all that) (much/many|long|expensive|a \
                       lot|much money|big)|not like (i/we) (was/were) (sleeping/having|in love|seeing|dating|\
                       cheating|meeting|together)"),
        // A breach given a smaller name: "an oversight", "a blip", "it is what it is".
        r(Minimizing, "(an/a|just an|just a|only an|only a) [@deg] [small/little/minor/tiny/silly/stupid] \
                       (oversight/slip/blip/hiccup/glitch/lapse/slipup/misstep/wobble|slip up|moment of \
                       weakness|lapse in judgement|lapse in judgment|error of judgement|error of judgment)|(sorry/\
                       apologies/apologize) (for/about) the (inconvenience/disruption/hassle)|it is what it is|\
                       (all/most/every|lots of|loads of) (couples/relationships/marriages|couple) (go/goes) \
                       through (this|it|rough patches|a rough patch|ups and downs)|(it is|this is) (normal|just \
                       a phase|a phase) (for/in|>|.)|(compared/comparison) (to/with) ~6 (this|it|that) (is/was) \
                       (nothing|not that bad|minor|small|tiny)|(this|it|that) (is/was) nothing (compared/next) \
                       to (what|how|the) _^you/u/your|i (contributed/added) (to/in) (this/that|things|the (problem/situation/mess))|(can \
                       not|could not) be expected to (remember/know|keep track)|(every|each) little (thing/date/\
                       detail)")
            .not_before("not|never|i know|was not"),
        r(Minimizing, "(my|the) (part/role/share/contribution) [i (played/had)] (was/is) [@deg] (small/tiny/minor/\
                       little|nothing|not (big/much|that big|that much))|(what|whatever) i contributed|my \
                       contribution|(others|other people|plenty of people|lots of people|loads of people|people) \
                       (have done|do|did|would do|have done a lot) [@deg] [a lot|so much|way|much|far] worse"),
        // Comparisons that shrink it: "at least it wasn't someone you know", "could have been worse".
        r(Minimizing, "at least (it/she/he/they/we/that/this/you|nobody|no one) (was/were|is|are|did|do|\
                       never|had|has|have|know|knows|found|got|only|was not|were not|is not|are not|did not|\
                       do not|will not|would not|can|could|heard|learned|stopped|ended)|at least i _^can/\
                       could/owe/want/need/hope/will/would/deserve/understand/know/should/tried/try/let|(could|\
                       it could|things could|this could|that could) have been (worse|a lot worse|much worse|\
                       way worse|so much worse)|(could|it could) be worse|worse things happen|(other/some/\
                       most/plenty|lots of|loads of|a lot of) (guys/men/women/people/husbands/wives/partners/\
                       girls/blokes/lads/couples) [@deg] (do/did|would do|have done|are|would have done) [@deg] \
                       [a lot|so much|way|much|far] worse|(@you) (have|had) done [a lot|so much|way|much|far] \
                       worse|i have seen (worse|people do worse|people do a lot worse)|there are worse \
                       things|(i am|i was) not as bad as"),
        // Shrinking by the clock or the bill: "literally five minutes late", "only a few quid".
        r(Minimizing, "(only/just/literally/barely|not even) [like] [about] (a/one/two/three/four/five/ten/\
                       twenty/fifteen/thirty/forty/fifty/few/couple|_) [of] (minutes/mins/min/seconds/hours/hrs/\
                       quid/pounds/dollars/bucks/euros/grand/k/drinks/beers/messages/texts/dms/times|minute/\
                       hour/drink/beer/text/message/time) [late/over]")
            .not_before("not|it (was/is) not|(i/we) (did/do) not|more than")
            .not_after("ago|left|before|after|~2 of (many|the|them|several)|~4 (but/and) (you/it/that/i|\
                        that is|still)"),
        // "It's just porn": "just" with one word, then the clause ends.
        r(Minimizing, "(it/that/this) (is/was) (just/only/merely) [a/an/some] _^wrong/cruel/selfish/mean/unfair/\
                       stupid/thoughtless/careless/cowardly/awful/horrible/disgusting/inexcusable/unforgivable/\
                       me/my/because/the/what/how/fair/right/true/part/as/to/about/for/that/this/ever/lies/\
                       lying/cheating/betrayal/the/beginning/start/wrong/so/too/one/how/an/a/who/why/once/\
                       now/yours/you/yourself/mine/us/sorry/love/trust/not/an/excuse (>|.)")
            .not_before("i know [that]|i get [that]|(@you) (think/thought|might think)|i told you|i said")
            .not_near("not saying"),
        r(Minimizing, "(everyone/everybody|every (guy/man/bloke/woman/girl)|all (guys/men/women/blokes)|most \
                       (guys/men/people/women)|everyone else|loads of people|lots of people|half the world|\
                       all my mates|all my friends) [@deg] (does/do/did|watches/watch|looks at|look at|has/have|\
                       is on|are on|uses/use) [a bit of|some|a little] (it/that/this|porn|them|one|the same|that stuff)")
            .not_after("~3 (but (that/it/this) (does not|is no)|but i)"),
        // What everyone does, in any verb: "everybody flirts a bit at the christmas party".
        r(Minimizing, "(everyone/everybody|every (guy/man/bloke/woman/girl|couple)|all (guys/men/women/blokes/\
                       couples)|most (guys/men/people/women/couples)) [@deg] (flirts/flirt/texts/text/cheats/cheat/\
                       lies/lie/strays/stray/looks/look/chats/chat|has (exes/secrets|a past)|gets (carried \
                       away|drunk|flirty)) [a bit|a little|sometimes|now and then|at (work/parties)|these days|at \
                       the _ party|online]")
            .not_before("i know [that]|(@you) (think/thought|might think)|i told you|i said|not")
            .not_after("~3 (but (that/it/this) (does not|is no)|but i)"),
        // Once, and that is all: "we kissed once, that's literally it", "that's all it was".
        r(Minimizing, "(we|i) (only/just) (kissed/met|slept together|hooked up|met up) (once|one time|twice) [,|.|>]|\
                       (that is|that was) (literally|honestly|seriously|really) (it|all) [,] (.|>|sorry|i \
                       swear|nothing else|nothing more)|(that is|that was) all (it was|that happened|there is|there \
                       was) [to it]")
            .not_near("(lied/lie/lying) about|not (once|the first time)|more than (once|that)|it was not \
                       (once|just once)"),
        r(Minimizing, "none of (it/that/this) (counts/counted|meant anything|means anything|matters|mattered)|\
                       not as (bad/serious/big) as (it|that) (sounds/looks/seems|sounded/looked/seemed)|\
                       (is/was) not (as|that) bad as (it|you|people|everyone) [@deg] (sounds/looks/seems/think/\
                       thinks/say/says|make out|are making out)"),
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
        // ---- Arguing about what to call it.
        r(Denying, "i (did not|never) (technically/actually/really/even) (lie/cheat/sleep/say/promise/hide/\
                    kiss/touch|do anything|have sex)|technically (i/it/we/that|this) (did not|was not|\
                    never|is not)|(it/that/this) (is/was) not (technically/really/actually) (cheating/\
                    lying|a lie|an affair)")
            .not_after("~~6 i (lied/hid/cheated|did (it/that/this/something)|was lying)|~~6 (that is|it was|and that is) worse"),
        r(Denying, "(it/that/this) (was not|is not) (cheating|lying|a lie|an affair|a relationship|infidelity)|\
                    we were on a break")
            .not_before("while")
            .not_after("~~3 and i (did not|never) (tell/say|told)"),
        r(Denying, "i (did not lie|never lied|did not cheat|never cheated) ~~3 (i|it was|we were|we) [just/\
                    only/simply/merely] ~2|(why/how) (are/is) (@you|that|it) (calling it|called) (lying/\
                    cheating|a lie|an affair)|i (just/only) forgot to (mention|tell you)|i (did not|never) (lie|hide \
                    anything|do anything wrong|cheat on you)(,|.)")
            .even_reported(),
        r(Denying, "(i do not think|i do not believe|i do not feel like) i did (anything/something) wrong"),
        r(Denying, "(not going to|will not|refuse to) apologize for (something/things/what|stuff) i (did not|\
                    never)"),
        // Renaming it: "kissing is not cheating", "it wasn't a date, it was drinks", "it's not a secret
        // if you never asked", "I didn't hide it, it was on the statement".
        r(Denying, "(*ing|it/that/this/kissing/texting/flirting/sexting|a kiss|a text|drinks|lunch|coffee) (is \
                    not|was not|is never|does not count as|did not count as) [@deg] [really] (cheating/lying/\
                    hiding/infidelity/betrayal/sex|a date|an affair|a secret|a lie|a relationship)")
            .not_after("~~6 (it was|it is|that was) [@deg] (an affair|cheating|a betrayal|worse|more|lying|a lie)")
            .not_before("i know|i thought|i told myself|i pretended|i said|i told you"),
        r(Denying, "(it is|it was) not (a secret|hiding|secret|lying|cheating) if|i (did not|never) (hide/hid) \
                    (it/that/them|the money|anything) [,] (it was|they were|it is) ~3 (on/in/there)|i was [@deg] \
                    going to (pay/put/give/replace) ~3 back"),
        r(Denying, "i (did|have done) nothing wrong|i (never|did not) (break/broke) (my/the/that|a) promise|i \
                    [only/just] (said|told you|promised) (i would|i will|to) (try/see|think about it|do my best)|\
                    (she/he/they) (messaged/texted/called/kissed/contacted/approached/started|came on|came \
                    onto|made the first move) ~2 (me) (first)|i (just|only) (replied/responded/answered|texted \
                    back|wrote back)")
            .not_after("~~8 (but|and) (that|it) (does not|did not) (matter|make it)"),
        // "Technically" is the mark of a denial by technicality, whatever follows it.
        r(Denying, "technically|on a technicality|if you want to be technical")
            .not_after("~~8 (but|and) [that/it] (does not|did not) (matter|make it)|~~8 (that is|it is|it was) \
                        (no|not an) excuse|~~8 [and] (that is|it is|which is) worse|~2 (i did|it was|that was|it \
                        is) [@deg] (lie/lied/cheat/cheated/hide/hid|a lie|lying|cheating|a betrayal|wrong)|~~8 \
                        (there is) no way around it")
            .unless_owned(),
        // Refusing the apology: "I'm not going to apologise for having friends".
        r(Denying, "(not going to|am not|will not|refuse to|never going to|not gonna|i will never) \
                    (apologize/apologizing|say sorry|be sorry) (for/about)")
            .even_negated(),
        // Denial by technicality: "I never promised I'd be home", "I never said I would stop".
        r(Denying, "i (never|did not) [ever] (say/said/promise/promised/agree/agreed/swear/swore|told you|tell \
                    you) [you] [that] (i would|i will|i was going to|to (stop/quit/be/come/call/change/give|be \
                    home)|anything (like that|of the sort)|that (.|>)|(we/i) (were/was/would/are) [@deg] \
                    (exclusive/official/together/serious/monogamous|in a relationship|a couple))|we (were not|\
                    never said we were|never agreed to be|never agreed on being) (exclusive/official/\
                    monogamous|a couple)")
            .not_after("~~8 (and|but) (i|that) (should|did|was|still)|~~8 (that is|which is|and that is) \
                        (worse|no better|just as bad)"),
        r(Denying, "(it was|it is|it is all|it was all) (only/just/purely) (emotional|online|texting|words|talk|\
                    flirting|a friendship|friends|talking|chatting)|(it was|it is|it was never|it is not) not \
                    (physical|sexual)|nothing physical|we never (actually|even|really) (slept together|met up|\
                    touched|had sex|did anything|did it)")
            .not_after("[happened] [,] but (i|it was|that|what) ~4"),
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
        // Brushing it off in the words people text: "you're doing the most", "why are we still on
        // this", "let's not make this a whole thing", "don't make it bigger".
        r(Dismissing, "doing the most|(it is) giving (insecure/jealous/paranoid/crazy/psycho/controlling/drama|\
                       crazy girlfriend|crazy boyfriend)|(why are we|are we|we are) still (on/doing/talking|going \
                       on|on about) [about] (this/it/that)|(let us|lets) not (make|turn) (this/it) (into) [a] \
                       (whole/big) (thing/deal)|(let us|lets) not make (this/it) a (whole|big) (thing/deal)|\
                       (can we|could we) not (do this|do that|right now|now)|not this again|here we go again|\
                       (do not|stop|why) (make/making|blow/blowing) (it/this) (bigger|into a big|a bigger|worse \
                       than it is)|touch grass|(@you) (are|r) [@deg] (being|so) extra")
            .not_before("i (need/have/want/will|am going) to [@deg]|i [@adv]"),
        r(Dismissing, "(this/it) is getting [@deg] (ridiculous/silly/old/boring/tiring/exhausting/stupid|out of \
                       hand|a bit much|too much)|(not going to|\
                       will not|refuse to|am not going to|not gonna) (grovel/beg)|i (suppose/guess) i (should|\
                       have to|had better|better|ought to) (say sorry|apologize|say i am sorry)|(fine|ok|okay|\
                       alright) [,] i will say it|(are|r) (@you) happy [now] (.|>)")
            .not_before("i (need/have/want/will|am going) to [@deg]|i [@adv]"),
        // Cast as the one wronged, asked for or refused alike: "stop making me out to be the villain".
        r(Dismissing, "(making/make/made/makes) me out to be (the/a/some|an) _")
            .even_negated(),
        // Honesty as cover: "someone had to say it", "the truth hurts", "just being honest".
        r(Dismissing, "(someone|somebody) (had to|needed to|has to) (say/tell) (it/you/that)|(the) truth \
                       (hurts/hurt)|i (was|am) (only/just|@deg) being (honest/real|truthful)|i (just/only) \
                       (tell/told/say/said|call/called) it (like/how) it is|(just|only) (telling/saying) (it \
                       like it is|the truth|what everyone)"),
        r(Dismissing, "(@you) (are/were) letting [your] (imagination/anxiety/insecurity/insecurities/feelings/\
                       emotions/past/jealousy) ~2|(this/that|part of this|some of this) is [just] your \
                       (anxiety/insecurity/insecurities/trauma/jealousy/past/issues/paranoia/depression)|your \
                       (anxiety/insecurity/insecurities/jealousy/paranoia|trust issues) (is/are) (talking/making|\
                       the problem|the issue)|(@you) need to work on (that|your (anxiety/insecurity/\
                       insecurities/jealousy/trust/issues))|(it is|it was) [all] in your head"),
        r(Dismissing, "(@you) (are/were) (so/too|way too|just too) emotional|(@you) (are/were) being [@deg] \
                       (insecure/jealous|too much)"),
        r(Dismissing, "< (stop/quit) crying|why are you (crying/upset|so upset|being like this)"),
        r(Dismissing, "((@you) (should/gotta/must|need to|have to|got to|ought to)|can you|could you) [just] \
                       [@deg] (relax/chill|\
                       calm down|chill out|lighten up|get a grip|breathe)"),
        r(Dismissing, "(@you) [@deg] (take/took/taking) (things/it/everything/this/that|what i say|what i \
                       said) (wrong|the wrong way|badly|personally|to heart)|(@you) (misunderstood/misread/\
                       misinterpreted|got the wrong idea|got it wrong|got the wrong end)")
            .not_after("~~4 (right|every reason|of course)"),
    ]
}
