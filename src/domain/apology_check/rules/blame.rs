//! Blame handed back to the partner, or to someone else.

use super::{Kind, META_SORRY, OWNING_AFTER_YOU, OWNING_COUNTERFACTUAL, RuleDef, r};

pub(super) fn rules() -> Vec<RuleDef> {
    use Kind::*;
    vec![
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
        // The partner's absence as the reason: "you were never around", "you're always at work".
        r(BlameShifting, "(@you) (were/are|have been) ((never|hardly ever|barely) [@deg] (around/home/there/\
                          available/interested)|always [@deg] (at work|on your phone|working|busy|out|away))")
            .not_before("i (said/told/claimed/pretended/acted|used to say|kept saying)|like|that|i know|not because"),
        // Someone else put it in their head: "your mum has been filling your head with this".
        r(BlameShifting, "(filling/filled/fill/fills|poisoning/poisoned/poison|messing with) your (head/mind)|(put/\
                          putting/puts) (ideas|things|stuff|this|that|it) (in/into) your head|(turning/turned/turn) \
                          you against me"),
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
            .not_after("~4 (understand|get it|not blame|accept|respect|deserve)")
            // An offer, not a condition: "if you'd like to come to a session, I'd welcome it".
            .not_inside("(@you) (would|want) (like/love/prefer|rather|to come|want)")
            // A courtesy, not a condition: "…if you don't want to, I won't raise it".
            .not_after("[@deg] (raise/bring/mention/push/ask/pressure/force/press) ~3"),
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
                          [that] ~3 (i was [@deg] (alone/lonely/unhappy/miserable/neglected)|@you (were/never/\
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
        // "Your jealousy is what made me lie": the partner's trait as the cause.
        r(BlameShifting, "(your) [@deg] [own] [constant/endless/stupid|always] _^help/support/patience/love/\
                          kindness/honesty/courage/strength/forgiveness/faith/trust ~2 (made/makes/drove/\
                          drives/pushed/pushes/forced/forces|is what made|was what made|is what drove|was what \
                          drove|is why i|was why i|is the reason i|was the reason i) [me] [to/into] [@deg] \
                          (lie/lied/cheat/cheated/hide/hid/look/looked/go/went/drink/drank/stray/strayed/keep/\
                          kept/do/did/say/said/snap/snapped/leave/need/want/turn/turned|this way|like this|it|that)")
            .not_after("~2 (happy/happier/better/proud|a better)"),
        r(BlameShifting, "(@you) (never/barely/hardly|did not|stopped) [@deg] [ever] (had/have/make/made/gave/\
                          give/showed/show/paid/pay/spent/spend) [me] [any/the] (time/attention/affection/\
                          interest|a chance) (for/to) (me/us)|(@you) (never/barely/hardly|did not|stopped) [@deg] \
                          [ever] (had/made/gave/showed/paid/spent) [me] [any/the/much] (time/attention/affection|\
                          interest)"),
        // Blame put on someone else: "she should have stayed away", "talk to her about stirring".
        r(BlameShifting, "(she/he/they|your (friend/sister/brother/mum/mom/mother/dad/father/family/mate/\
                          cousin)|her/him) (should have|should not have|should never have) [@deg] (stayed/kept/\
                          known/said/told/been/left/come/gone|minded)|(it is|it was|that is|that was) (her/his/\
                          their) fault|(she/he/they|your (friend/sister/brother/mum/mom/dad)) (is/was/are/were) \
                          the one (who/that) (told/started/stirred/made/kept/came/pushed/chased/pursued/\
                          initiated/went)|(be angry|be mad|talk|have a go|take it up) (at/with/to) (her/him/\
                          them) ~3 (not me|instead|about (stirring/it))|(she/he/they) (came/threw) (herself/\
                          himself/themselves|on to me|onto me|at me)|(she/he/they) (kept|would not stop) \
                          (coming/messaging/texting/calling|pushing|chasing)")
            .unless_owned(),
        // The apology answered with the partner's share: "your part in all this", "a reaction to
        // yours", "if you trusted me more I wouldn't have to hide things".
        r(BlameShifting, "(your) [own] (part/role/share/side/contribution|half of the blame|share of the blame) \
                          (in/of) ~3|(a/my|just a|only a) (reaction/response) to (yours|your _|what (@you) \
                          (did/said)|you)|(which was|that was|it was) [only/just] (a/my) (reaction/response) to|\
                          if (@you) [@deg] (*ed|were|was|did|had|could|would|gave|paid|showed|spent) ~~10 (i/we) \
                          (would not|would never|would) [have] (have to|need to|had to|needed to|have needed to) \
                          ~2 (hide/lie/look/go/cheat/keep/sneak|go elsewhere|look elsewhere)")
            .not_after("~4 (was/is) [@deg] (cruel/wrong/unfair/unkind/awful/out)")
            .not_inside("side of (the|your|our) (family/closet/bed/wardrobe/house/room/drawer/garage/car/road/street)")
            .not_before("not|never"),
        // "Only because you'd have kicked off": hiding it, and the reason is the partner's reaction.
        r(BlameShifting, "(lied/lie/lying|hid/hide/hiding|kept (it/this/that/quiet)|did not tell|never told|did \
                          not say|deleted/deleting|kept quiet) ~8 {because [i (knew/thought/figured/assumed|was \
                          sure)|i was (scared/afraid/worried)] [that] (@you) (would|would have|were going to|\
                          was going to|will|would of|might|might have|always) _}")
            .not_before("not|never")
            .not_after("~3 (hurt|been hurt|upset|been upset|sad|been sad|left|leave) [,] (and/but|which) (i|that|means)")
            // The writer owning the choice next to the reason: "…that was me deciding what you
            // could handle", "…it was your money too", "…I had no right".
            .not_near("(that/it/this) was (me|on me|my (choice/fault/decision)) [*ing]|(that/it) was a lie|lie by \
                       omission|(it was|it is) (your/our) money (too|as well)|i had no right|you had (every|a) \
                       right|i (have been|was) [very/so/really] (stupid/wrong/selfish|a coward)|i (chose/decided) \
                       (to|for you)"),
        // The partner as the one at fault, in any tense: "for months you barely looked at me", "you
        // shouldn't have looked then", "now you know how it feels", "you know how you get".
        r(BlameShifting, "(@you) [@deg] (barely/hardly|never once|rarely) (look/looked/touch/touched/listen/\
                          listened/talk/talked/ask/asked/notice/noticed/care/cared/help/helped/kiss/kissed/want/\
                          wanted/spoke/speak|paid attention|pay attention|made time|make time|had time|have time)|\
                          (@you) (should not|should never|had no business|had no right to) [have] [@deg] (looked/\
                          checked/snooped/read|gone through|gone looking|been snooping|go through|look|check|read)|\
                          (now|so now) (@you) (know/see) how it (feels/feel)|(taste|dose) of your own medicine|\
                          two can play|(@you) know (how|what) (you) (get/are|are like)|that is why i (did not|never) \
                          (say/tell|said|told)|(@you) would have done the same|(anyone|anybody) (in my (shoes/\
                          position/place)) would|i am not the one (who/that) _^gets/should/has/needs/can/decides/\
                          deserves/gets/will/is/was/did/does/has|after (everything|all) i (do/did|have done) (for \
                          you|for this family|for us|for the family)|this is (what|the thanks) i get|(a person|\
                          anyone|someone|people|a man|a woman) can only (take/handle/stand) so much")
            .not_before("i (know|understand|realize|told you|said) [that]|not|never"),
        r(BlameShifting, "(@you) (are|r|keep) [@deg] making me (feel/look) like (a/an/the) _|(@you) (are|keep) \
                          [@deg] making (it/this/things/everything) (worse/harder)"),
        // Sarcastic self-blame: "sure, blame me for everything like always".
        r(BlameShifting, "(blame/blaming) me (for everything|again|as usual|like always|like you always do)|it is \
                          always me|i am always the (bad guy|villain|problem|one)"),
        // A counter-attack dressed as an apology: "…you can look at yours", "listing my crimes".
        r(BlameShifting, "look at (yours|yourself|your own)|what about (yours|your own)|your own (crimes/sins/\
                          mistakes/faults/failings/behaviour|lies)|(listing/list/listed|keeping a list of) my \
                          (crimes/sins/faults/failings/mistakes)|keeping score|(pot|kettle) (calling/calls)|\
                          glass houses|before you (judge/point|throw stones|start pointing)|(@you) are one to \
                          talk|look who is talking|(@you) (are/were) (no|not a|hardly a|hardly) saint|(@you) \
                          (are/were) (hardly|not exactly|not so|not that) (perfect/innocent/blameless|a saint)"),
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
    ]
}
