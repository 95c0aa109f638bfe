//! Pressure and tone: hurrying the partner to be done, saying it lightly or with an edge, and
//! turning the apology to one's own pain.

use super::{Kind, RuleDef, WHEN_READY, r};

pub(super) fn rules() -> Vec<RuleDef> {
    use Kind::*;
    vec![
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
                        before and|but i (want/need|would like|wanted) to)")
            .not_before("when|the (last/first) time|every time|each time|before|i (know/kno)"),
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
            .not_after("~2 (too/far/further/on/from|that far|this far|so far)"),
        r(DemandingClosure, "what (more/else) do you want [from me]|enough already|i (do not) know what (else/\
                             more) [you want me to say|you want|you want from me]|what (else/more) (do you want \
                             me to|am i supposed to) (do/say)")
            .not_after("~2 (except|but|other than|apart from|besides)")
            .not_after("to (say/do)|i can (say/do)|(other than|except|but) (sorry|i am sorry)"),
        // ("I don't know what else to say" on its own is at a loss, not pushing.)
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
            .not_after("~2 from (who i was|that|being|my|the person|the way i)|with you|together")
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
        r(DemandingClosure, "can we [please] [just] (go/leave) >|< (let us|can we) go >"),
        // A deadline or a demand for an answer: "you have till sunday to decide", "are we good now?".
        r(DemandingClosure, "(you have|you have got|you got|i will give you|i am giving you|i give you) [@deg] \
                             (until/till/til|by) @deadline_day|(need/want/expect) (an answer|to know|your answer|\
                             a decision|your decision|you to (decide/forgive/answer/choose|let (it/this) go|get \
                             over (it/this)|move on|make up your mind)) ~4 (by/before|until/till) @deadline_day|\
                             (decide/answer|make up your mind|forgive me) ~3 (by/before) @deadline_day|i need \
                             (an answer|your answer|a decision) [@deg] (now|tonight|today|asap|soon|>|.)|i \
                             (can not|will not|am not going to|am not gonna) wait (forever|much longer|any \
                             longer)|i am not waiting (forever|much longer|any longer)|(clock is|time is) \
                             ticking|how long (do i|am i going to) have to wait"),
        r(DemandingClosure, "(are we|so are we|we are|so we are|so we) [all] (good/okay/cool/fine/alright/sorted|\
                             all good|good now|okay now|fine now|cool now|good again|okay again) [now] [right/then/\
                             yeah/yes|or what|or not] (.|>)|< we good (.|>)")
            .not_before("if|whether|when|until|hope|wonder|know|sure|say|pretend|want|one day|until|before|\
                         ask you|asking|asked"),
        r(DemandingClosure, "go back to (how|the way) (we were|it was|things were|we used to be)|go back to \
                             (being us|before)|(long enough|enough time|plenty of time) (to be (upset/angry/mad/\
                             sad/hurt)|to get over|to process|to forgive|for you to)|(@you) (have had|had) (enough|\
                             plenty of) time|(can not|will not|am not going to|not going to) keep (saying sorry|\
                             apologizing|saying i am sorry)|(say sorry|apologize|apologizing|saying sorry) forever|\
                             (punish/punishing|punished) (me) [@deg] (forever|for ever|for the rest)|being punished \
                             (forever|for ever|for one|for the rest)|(@you) (are|keep) punishing me"),
        r(DemandingClosure, "(decide/answer|make up your mind|choose|tell me) [@deg] (tonight/today/now|right now|by \
                             _|this (week/weekend)) [if/whether]|(now|so) (let us|lets) (enjoy/relax|forget|get on|have (fun|a nice))|\
                             (let us|lets) (just) (enjoy/relax) ~3|(i have|i) [already] said my (sorry/apology|\
                             sorries)")
            .not_before("when (@you) are ready|whenever|take your time|no rush|no hurry|(do not|never) have to"),
        r(DemandingClosure, "(over it|past it|done with it|finished with it) (by/before) @deadline_day")
            .even_negated(),
        r(DemandingClosure, "(i have|i) [@deg] done my (apologizing|apologising|bit|part|apologies)|(the rest|the \
                             ball) is (up to you|in your court)|if (@you) [really/truly] (loved/love|cared about|care \
                             about|trusted/trust) me [@deg] (you would|you will|you could) [@deg] (forgive/get/let/\
                             move/trust/stop|give me)|(can not|cannot|will not|do not) (get over|forgive|move past|\
                             let (it/this) go) ~~6 (maybe|then) (we are|we were|this is|it is) (done/over|finished)"),
        // Hurrying off: "sorry, gtg", "sorry about that, anyway…", "ok ok sorry".
        r(Flippant, "sorry [about/for] [that/it] [,] [babe/hun/love] (anyway/anyways/anyhow|moving on|so anyway) \
                     [,] (>|.|so|what|how|did|are|do|can|where|when|have|let us|whats|i am|we|you)|sorry [.] ~~6 \
                     (got to|have to|must|need to) (go/run/dash/jump|head off|head out|get going) (>|.)|sorry \
                     ~~6 (be right back|talk to you later|talk later|speak later|chat later|catch you later)|\
                     (ok ok|okay okay|alright alright|fine fine|yes yes|okay ok) [,] [i am] sorry|sorry ~~10 \
                     (i am|am) [@deg] busy (>|.|right now|at the moment)|(in a|such a) (rush/hurry)|(got|have) \
                     no time (right now|now|for this)|(can not) talk (now|right now) (>|.)|sorry [okay] [.] \
                     (jeez/geez/ffs|for gods sake|omg)")
            // "I know sorry isn't enough. I'm sorry anyway, from the bottom of my heart."
            .not_before("am [@deg]"),
        r(DemandingClosure, "can we [please] [just] (eat/sleep/order|go (out/home|to bed|to sleep)|get food|get \
                             some food|watch (the/something/tv|a film|a movie)) [now] (>|.)"),
        // ---- Said lightly or with an edge.
        r(Flippant, "my bad|my b|< oops|< whoops|< oopsie|soz|sorry not sorry|sorry lol|lol sorry|lol (okay/\
                     k) sorry|sorry (eyeroll/sass/shrug)|(eyeroll/sass/shrug) sorry|sorry (okay/k) (lol/\
                     eyeroll)|sorry ~1 lol ."),
        r(Flippant, "< (happy/satisfied) .|< (happy/satisfied) now|there [,] i said it|(is that|was that) (good enough|what you wanted)|\
                     (are you) (happy/satisfied) now")
            .edge(),
        r(Flippant, "sorry (for/about) (breathing/existing|being alive|having (friends/feelings/needs/fun|a \
                     life)|being me|not being perfect|being human|being born)|sorry (for/about) (caring/\
                     trying/living|loving you) [so much|too much] [i guess] [eyeroll/lol/sass/shrug] (.|>)")
            .edge(),
        r(Flippant, "sorry [that] i (exist|am not perfect|breathe|am alive|have a life|have friends|have \
                     feelings|am human|am not you|care (so much|too much) >|am not (a saint|an angel|perfect|as perfect as \
                     you|like you))")
            .edge(),
        r(Flippant, "excuse me for (having/being/wanting/caring/existing/breathing/living|not being)|(forgive/\
                     pardon) me for (existing/breathing/living/caring|having (a life|friends|feelings|needs|\
                     fun)|wanting (a life|some fun|to have fun))")
            .edge(),
        r(Flippant, "(i forgot|silly me|oh i forgot) ~4 (@you) (never (make/made|do/did) (mistakes|anything \
                     wrong)|are perfect|are always right|are a saint)")
            .edge(),
        r(Flippant, "i (did not|didnt) (realize/know) (i|that i) needed [your] permission")
            .edge(),
        r(Flippant, "< (whatever/k/fine|yeah yeah|okay fine|ok fine) [,] [i am] sorry|sorry [,] whatever|< \
                     sorry k|yeah yeah")
            .not_after("(@you) (decide/choose/want/need)"),
        r(Flippant, "(ugh/urgh/ffs/jeez/geez/god/k|oh my god) [fine/okay/whatever] [,] [i am] sorry|< (k/ok/\
                     okay) fine [,] [i am] sorry"),
        r(Flippant, "sorry [okay] (jeez/geez/ffs/god|for gods sake|for fucks sake|omg)|(jeez/geez/ffs) [i am] \
                     sorry"),
        r(Flippant, "(so|oh so|oh) now i am the (bad guy|villain|monster|problem|bad one|worst)|sorry [,] i \
                     guess >|i guess i am sorry >|sorry then >")
            .edge(),
        r(Flippant, "< oh [i am] [so] sorry (i/for) ~6 (@you) (never (make/made|do/did) (mistakes|anything \
                     wrong)|are perfect|are always right|are a saint)")
            .edge(),
        // Sarcasm: "sorry, your highness", "everything's my fault as usual", "…i guess".
        r(Flippant, "sorry [,] (your (highness/majesty|royal highness|lordship|ladyship)|princess|mister perfect|mr \
                     perfect|miss perfect|saint _)|(everything/it/this) is always my fault|my fault (as usual|\
                     again|apparently|obviously|of course|yet again)|(everything/it/all) is my fault (as usual|\
                     again|apparently|obviously|i guess|i suppose|then|right)|< (right/oh/sure/yeah|of course|\
                     so) [,] (everything|it|this|all of it) (is/was) [always] my fault|sorry ~~8 i (guess/\
                     suppose) [lol/eyeroll] (>|.)")
            .edge(),
        r(Flippant, "my (existence|presence|being here|breathing) (offends/bothers/annoys/upsets|is (a problem|\
                     offensive|too much)) [you]|sorry i (exist|breathe)")
            .edge(),
        r(Flippant, "sorry [that] i am (such/so) [a/an] (monster/villain/evil/disappointment/letdown/disaster|\
                     bad guy|terrible human|horrible human|awful human|terrible human being|horrible human \
                     being|piece of (shit/work)|the devil)|sorry [that] i am (the worst|the devil|a \
                     monster|the villain|the bad guy|not (good enough|enough|what you want))")
            .edge(),
        // ---- Turning to your own pain.
        r(SelfFocus, "(i need|i just need|i really need) [you] (to know|to hear) [that] (@you) [still] (love/\
                      forgive/want) me"),
        r(SelfFocus, "(tell me|please tell me|i need you to tell me|i need to hear) [that] (it is|everything is|\
                      things are|it will be|everything will be|things will be|it is all) (going to be|gonna be) \
                      (okay/ok/fine/alright|all right)"),
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
            .not_after("~~6 but (this/it/that) (is not|does not) (about me|matter)|~~6 but (you/your) ~4 (first|matter|more)|~~6 (this/it) is not about me")
            // "…and I'm not going to pretend I haven't. But I did this to us."
            .not_near("but i (did/caused/chose) (this/it|that)|i did this to (us/you)"),
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
        // Care asked for oneself: "can you at least be nice to me", "i need you to be there for me".
        // The writer's own suffering as the subject: "i can't handle you being cold to me",
        // "i'm the one sleeping on the sofa", "i've been punished enough".
        r(SelfFocus, "i (can not|cannot) (handle/take/stand/bear|cope with|deal with|live with) (you/your|it when \
                      you|the way you|how you) ~4|(i am|i have been) (the one|the only one) (who is|who has been|\
                      that is|that has been|who was) [@deg] (sleeping/suffering/paying/hurting/punished|being \
                      punished|on the (sofa/couch))|i (have been|am being|keep being) [@deg] (punished|made to \
                      pay|paying for it)|(sleeping/slept) on the (sofa/couch) for (weeks|a (week/month)|months|_ \
                      (days/weeks/months))")
            // Named only to be set down: "my pride wants to tell you all the ways I've been punished.
            // I won't."
            .not_before("(all the ways|the ways|how much|how often|how|tell you) ~2"),
        r(SelfFocus, "(the only one|the only person|only you) (who/that) (can/could) [@deg] @care_me"),
        r(SelfFocus, "(please/need/want|can you|could you|will you|would you|you could|you can|you should|\
                      try to|at least) ~4 @care_me|i [@deg] (need/want|could use|could do with) (a hug|a \
                      cuddle|some (love/kindness/support/comfort/sympathy/reassurance/compassion)|comfort|\
                      reassurance|to be held|you to (comfort/hold/hug/reassure) me|you (right now|now|here|so \
                      much|so bad|so badly|more than ever))")
            .not_after("accountable|to (account|my word|it|that|this|a)")
            .not_after("~~8 but i (know|do not get|can not ask|have no right|will not ask)|[,] i will ask")
            .not_before("if|when|whenever"),
        r(SelfFocus, "(do you|you do not|you have no|does anyone|nobody|no one|you will never) [even] (know/\
                      knows|realize|have any idea|has any idea|care/cares|understand/understands|see|get|\
                      know or care) how (much/hard/bad/awful/painful/lonely/horrible) (i (have been|am|have|\
                      was|feel) [@deg] [been] (suffering/hurting/struggling/crying|going through|been through|\
                      in pain|suffered)|(this|it) (has been|is|was) (for/on) me|(this|it) (has been|is|was) \
                      [@deg] [for me])")
            .not_after("~~6 (compared|next to|nothing (like|compared)|but (this|it) is not about me)"),
        r(SelfFocus, "i am the one (who|that) is (crying/suffering/hurting/struggling|not sleeping|falling apart|\
                      in pieces)|i am (in pieces|falling apart|a wreck|a mess|drowning|struggling|suffering|\
                      depressed|not coping|barely coping|crying every night) ~~12 [.] ~~6 (please|can you|\
                      could you|i need you|you need to|you have to|just) [just] [please] (talk/answer/reply/look/\
                      forgive/hold/hug/text/speak/comfort/call/help|come home|be (there/nice/kind/gentle))"),
        r(SelfFocus, "i am the one (who|that) (has to|is|have to) (live/deal/living/dealing/carry/\
                      carrying/suffering/hurting/paying)|(everyone/everybody) (has turned|turned|is turning|is \
                      turned|is) against me|i [just] need someone on my side|(nobody|no one) is on my side|what (this/it) is \
                      doing to me"),
    ]
}
