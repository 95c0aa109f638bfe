//! Where the parts of an apology show: responsibility, repair and regret.

use super::Component;

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
                           overspent/overslept/misled/withheld/bet/quit/snuck/hid/\
                           paid/rang/spoke/stood/tore/ran/came/brought/fell/led/sat/saw/snuck/sneaked/\
                           dug/stuck/struck/shot/shook/sang/missed/called/cancelled/canceled/used/started/\
                           stopped/deleted/moved/decided/cheated/betrayed/ignored/blamed/yelled/\
                           screamed/snapped/mocked/laughed/embarrassed/humiliated/dismissed/brushed|\
                           *ed^felt/thought/knew/wanted/needed/hoped/loved/liked/meant/realized/\
                           understood/guessed/wished/believed/assumed/figured/noticed/tried/promised/\
                           asked/apologized/deserved/worried/wondered/learned/booked/blocked/signed/\
                           joined/enrolled/transferred/returned/handed/emailed/poured/uninstalled/\
                           reached/arranged/scheduled/cleared/fixed/removed/unfollowed/\
                           unmatched/deactivated/installed/printed/organized/organised/rescheduled/\
                           repaid/refunded/unlocked/replaced/reported/resigned/binned/smashed/emptied/\
                           surrendered/registered/need/feed/agreed/appreciated/cared/\
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
                           returned/handed/emailed/poured/uninstalled/reached/arranged/scheduled/cleared/fixed/removed/unfollowed/\
                           unmatched/deactivated/installed/printed/organized/organised/rescheduled/\
                           repaid/refunded/unlocked/replaced/reported/resigned/binned/smashed/emptied/\
                           surrendered/started/\
                           stopped/ended/deleted/cancelled/moved/called/closed/asked/apologized/tried/\
                           promised/decided/learned/realized/noticed|been (lying/hiding/cheating/drinking/\
                           gambling/seeing/talking/texting/smoking/sleeping/messaging/sending/using/\
                           spending/watching/meeting/flirting/sneaking/keeping/so/selfish/cruel/unfair/\
                           dishonest|awful|horrible))")
            // Not an act: "I've said what I needed to say", "I've said sorry".
            .not_after("(what/all/everything) i ~3|sorry|(it/that) (before|already)"),
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
        c(Responsibility, "(was/were|has been|have been|had been) ~3 by me"),
        c(Responsibility, "i have been [@adv] [so/really/such] (defensive/dismissive/cold/distant/short/rude/mean/\
                           harsh/cruel/selfish/unfair/dishonest/absent/secretive/controlling/jealous/unkind/\
                           thoughtless/careless|a coward|a jerk|an idiot|out of line)"),
        c(Responsibility, "(for/by) (lying/cheating/betraying/hiding/going/reading/snooping/ignoring/yelling/\
                           shouting/calling/saying|not telling|not being)"),
        c(Responsibility, "i (was/am|have been|was being) ~3 (late|not there|not home|nowhere to be found|out \
                           all night|gone all night|absent|missing|drunk|high|cruel|unfaithful)"),
        c(Responsibility, "i was (on) (your/her/his/their|dating|the|that|those|tinder|a|an) [dating/porn/\
                           betting/gambling] (phone/app/apps/site/sites/profile/account|dating)|i was (with|at) \
                           (her/him|her place|his place|the casino|the pub|the bar|the bookies|my ex)"),
        // The act admitted after the intent: "I never meant to hurt you, but I did", "I was going
        // to tell you and I didn't", "I did betray you".
        c(Responsibility, "(but/and/yet) [still] i [still] did (.|,|>|it|that|this|and)|(was/were) (going/\
                           meaning/planning|about) to ~6 (and/but/yet) [then] i (did not|never) (.|,|>|and|\
                           did)|i did (lie/cheat/betray/hide/break/hurt/deceive|go behind)"),
        // The act in other words: "without asking you", "because of my drinking", "I was paying
        // for a site", "I've been a terrible partner", "I was vile about your weight".
        c(Responsibility, "without (asking/telling) (you)|behind your back|because of my (drinking/gambling/lying/\
                           lies/temper/choices/actions/behaviour/behavior/affair/habit|*ing)|i (was|have been) \
                           [@adv] (paying/sending/using/visiting/watching/buying/chatting/sexting/gaming/playing/\
                           staying/leaving/going/sneaking/sulking/ignoring/shouting/yelling/screaming/mocking/\
                           laughing/checking/tracking/snooping|on (hinge/bumble/grindr/tinder/instagram/snapchat/\
                           onlyfans/reddit|the apps|dating apps))|i (was/am|have been) [@adv] [so/really/such] \
                           (vile/disgusting/nasty/foul|a (terrible/awful/horrible/bad/lousy/crap/shit|rubbish) \
                           (partner/husband/wife/father/mother/dad/mum/mom/boyfriend/girlfriend/friend/son/\
                           daughter))"),
        // The act admitted plainly, or the writer as the one who did it: "I did look at your
        // phone", "I had four pints, not one", "I never wanted to be the person who hurt you".
        c(Responsibility, "< i did (look/go/read/take/spend/see/text/call/meet/say/tell/use/check/send/lie/\
                           sleep/kiss|know)|< i had (_) (pints/drinks/beers/glasses/shots/bottles|drinks)|(be/\
                           being|am|was|become|became) the (person/one/man/woman/partner/husband/wife/\
                           boyfriend/girlfriend) (who/that) (hurt/broke/lied/cheated/betrayed/did/let|made you)"),
                // Written in the present by someone whose first language is not English ("I hide the
        // money I send to my brother", "I say you are useless").
        c(Responsibility, "< i (hide/cheat/betray/break/forget/ignore/insult/deceive/steal/waste/gamble|lie (to/\
                           about)|say (bad/cruel/mean/terrible/ugly/hurtful/horrible/nasty) (things/words)|say \
                           (you are|that you))"),
        c(Responsibility, "(it/that/this) (was/is) [@deg] (wrong/cruel/selfish/unfair/stupid/unkind/dishonest/\
                           disrespectful/cowardly/shameful/unforgivable|not (okay/ok/fair/right)|out of line) (to \
                           _|of me|that i|for me to|how i|the way i)|(lying/cheating|hiding (it/things/this/that|\
                           the _)|betraying you|deceiving you|snooping) ~6 (was/is) [@deg] (wrong/cruel/selfish/\
                           unforgivable/inexcusable/unfair/cowardly|the worst|a betrayal|my|on me)|i (was/am) \
                           [@adv] (a/the) [@deg] (liar/cheat/cheater/hypocrite/fraud)"),
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
                   hide/be/ever/again/stop/give/let/know/understand/blame/leave/lose|make plans|make (_) plans|lie to you|lie \
                   again|lie about|make you|make (that/this|the same) mistake|hide (anything/things/stuff/\
                   it/my)|be (alone/around|in touch|friends|that person|like that)|let (you/it/that/this/\
                   things) (down/happen/slide/go)|leave you (alone|wondering|waiting|hanging|out)|blame \
                   you)")
            .not_before("(told/promised/swore|said) [you/her/him] [that]")
            // "…I'm not going to keep going over it": done with the talk, not a change.
            .not_after("(going/talking/discussing/apologizing/explaining/having/bringing/repeating|saying \
                        sorry)"),
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
                   evening/month) (from now|this|until|for))")
            // A promise made before and broken is not repair: "we agreed no more secrets, and…".
            .not_before("(agreed/promised/swore|said) [that] [there would be|it would be]"),
        c(Repair, "what (would/could/might/will/can/does/do) (help|make it|make this|make things)|what (do/\
                   would/might/will) (@you) need|what can i do|(how/what) can i (make/help/fix/earn/show/\
                   do/start/rebuild/prove|make it up)|(tell me|let me know) (what/how|if there is) ~3|is \
                   there anything ~4|anything (i can do|you need|that would help)|ask me (anything/whatever/\
                   everything|any question|any questions)|ask me ~3 (anything/whatever)|(@you) can ask \
                   (me)|ask (me) ~3 (want/need)|i (want|would like|would love|really want|need) to (hear/listen/understand|know \
                   how|know what)|tell me (again/more/how/what/when)|(i am) here (whenever/when/if|for \
                   you|now)|(whenever/when) (@you) (are) ready|(if/whenever/when) (@you) (want/need|feel \
                   like) (to talk|to ask|space|time|anything|me to|to see|to know)|(@you) can (check/look/\
                   see/read/ask/call/have/bring|take)|feel free to|can we talk|let us talk|(will/would/\
                   could) (@you) (tell/let/talk)|take [all] [the|whatever|as much] time (@you) need|(@you) are welcome to (come/ask/check/look/see/join/read)|i am here to (listen/talk/answer|hear)|(my) \
                   (phone/phones|passcode|password|laptop) ~2 (unlocked|yours|open) [for you]|(can/could/shall) we (sit down|go through (it/\
                   this/everything)|look at (it/this) together|work (this/it) out|make a plan)|i am (giving/handing/\
                   showing) you (my/the|access|all|full)|i have (put/added/written/saved/set) ~4 (in/into/on) (my/\
                   the/our) (calendar/diary/phone/planner|shared calendar)|i want you to tell me (whatever/what|anything|\
                   everything)|take as long as (@you) \
                   need|in your own time|at your [own] pace|on your (timeline/terms)|you can check"),
        c(Repair, "(i [have/had]|and [then] [i] [have]|then) [@adv] [@adv] (deleted (the/that/her/his/my/it/them/all/everything/every/\
                   tinder|their)|blocked (her/him/them/his/the/it/my/that/their/everyone|all)|ended (it/\
                   things/the/that/all/contact/everything/my)|cut (off/contact/ties/her/him/them/all)|\
                   stopped (all/the/contact/*ing|paying her)|quit (drinking/gambling/smoking/the/\
                   my/it/that/her|him)|booked|signed up|started (therapy/counselling/counseling/seeing/going/\
                   a/an/the/treatment/meetings/rehab|therapy)|joined|enrolled|cancelled (the/it/that/my/our)|\
                   canceled (the/it/that/my/our)|transferred|paid (it/you/the/back/off/her|him)|returned|\
                   moved (teams|out|(the money|it|money) back)|poured (it/them/the/all)|threw (away/out)|threw (it/them|the _) \
                   (away/out)|thrown (away/out)|thrown (it/them|the _) (away/out)|uninstalled|handed (you/over/in)|given you|gave \
                   you (my/the/access/control/all)|told (her/him/them/work|my boss) (that/i/it/to/he/she/they/we|it is|we are|we \
                   were|i am|not to|it was)|asked (to|_^you [_] to|my doctor|my therapist|for \
                   help|for a|them to|the bank|my gp)|set up|set (alarms/reminders/alerts/an/a/up)|put (a/an/the/\
                   every) (blocker/console/lock/limit/alarm/reminder/next/money/appointment)|emailed (him/\
                   her/them/my/your)|apologized to|called (my/the/a) [gambling/alcohol/addiction/drug/drugs/debt/mental] (sponsor/team/service/line/centre/center/programme/program/therapist/\
                   counsellor/counselor/doctor/gp/helpline/bank/council/clinic)|called (her/him/them|\
                   your (mum/mom/dad/sister/brother)) [today/yesterday/earlier|this morning|last night] \
                   (and|to)|closed (it/the/that/\
                   my)|sold (it/the)|turned (it/that/location/the) off|left (the group|the league|the \
                   chat|the team)|got (rid|help|a sponsor|a therapist|a counsellor)|found (a/an) \
                   (therapist/counsellor/counselor/sponsor/group/meeting)|reached out to|went to (a/my/the) \
                   (meeting/therapist/doctor/gp/counsellor/counselor/session/group/clinic)|made (an/the) \
                   appointment|contacted (a/my/the)|rang (the/my/a)|texted (her/him/them) (that|to say)|\
                   arranged|scheduled|already (emailed|told|called|apologized))")
            .not_after("~3 (so (@you|that)|before (@you))|~6 and i (had not|have not|did not|never)")
            .not_before("(told/promised/swore|said) [you/her/him] [that]"),
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
        c(Repair, "i (start/begin) (on|next|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|this)|i (have|have got|got) (an/a) (appointment|session|meeting|place|spot) (at/with/on|for)|i will be (beside/by/next) (you|your side)"),
        c(Repair, "i am [@adv] (seeing/starting/putting/taking/selling/leaving/meeting/ending|working on|moving|\
                   getting (help|a|rid)|giving|cancelling|stopping|booking|calling|going back|going to \
                   (meetings/therapy/a/the|counselling)|paying|handing|blocking|deleting|changing|learning|\
                   joining|attending|planning|setting|cutting|quitting)")
            .not_after("(you/her/him|someone else|other people|a lot|through)"),
        c(Repair, "i (want|would like|really want) us to (talk/sit/go/work/try/see/start/spend|get help)"),
        c(Repair, "i (want|would like|am trying|really want) to (make/earn/rebuild/fix/repair/change|do better|\
                   show/plan/spend/celebrate|be the|be someone|be better|be a better|hear/listen/understand|\
                   take care|give/start/work/help/learn/prove/keep/win|make it up|make things right)"),
        c(Repair, "(whatever/anything) (you want|you need|you would like) (to know|to ask)|ask me (anything|\
                   whatever|any time|anytime|again)"),
        // Repair done, said of the thing rather than the writer: "the apps are gone", "it's
        // deleted", "her number is blocked now", "the account's in both names".
        c(Repair, "(it/they|(the/her/his/their) (app/apps/account/accounts/profile/card/cards/site/sites/number/\
                   contact|messages|photos|console)) (is/are|has been|have been) [all] (gone/deleted/closed/\
                   cancelled/canceled/blocked/sold|shut down|taken down)|(it/they) (is/are) (down/gone/off) now|\
                   taken (it/them|the _) down|in (both names|both our names|your name|joint names|our \
                   names)|(is/are) in my (calendar/phone/diary) (now)|(alarms/reminders) (in/on) my phone|\
                   (phones/phone|my phone) (go/goes|stay/stays) (in the drawer|away|off)|(is|it is) staying \
                   (there|away|off|in the)|(off limits|never happening again) (forever|from now on|for good|\
                   now)|(that/this|it) stops (now|today|here)"),
        // Amends already made by the writer: the calendar cleared, the money put back, help got,
        // the people told.
        c(Repair, "i (have) (blocked out|cleared) (every/my/the|all)|(my) (team/boss/manager) (knows)|put (it|the \
                   money|every penny|it all) back (by/before/in|within)|i (have|have got|got) (patches|a \
                   sponsor|a therapist|a counsellor|a counselor|an appointment)|i have put ~6 (in/into/on) my \
                   (calendar/phone/diary)|(i have|i) (told/asked) (my/the) (manager/boss/team/sponsor/therapist/\
                   doctor/gp/bank|group chat|_ chat)|asked (the/my) ~2 to (delete/remove/take)|(called/rang/\
                   emailed) (the/my) _ (about/to) ~4|(moved/put) (it|the money|the rest) (to/into|back into) \
                   (the/our) (joint/savings|account)|i have sold|i have set (alarms/reminders|an alarm|a \
                   reminder)|i [have] told (her/him/them|my (mum/mom/mother/dad/father/sister/brother/family)) \
                   (if|that)|i have given you (her/his|the|my) (number/details/password/passwords/login|contact)|\
                   i [already] asked for (_|the day|the week) off|(have/had) self (excluded)"),
        // What the writer is doing now or will: "I'm rebooking it for Saturday", "tonight I'm
        // doing the night feeds", "I'm staying", "no more jokes about your accent".
        c(Repair, "i am (rebooking/bringing/selling/returning/closing|booking|moving|handing) ~4|(tonight/\
                   tomorrow|from _|this (week/weekend)|next (week/month)) [,] i am (*ing)|i am back (with|in|\
                   at) ~2|i am making (a/the) (list/plan|budget)|(i am not|i will not) (taking/doing|take/do) \
                   (it|the job|weekends|overtime)|i am (staying|not leaving|not going anywhere)|i am (at|there \
                   for) every|< no more (_) ~3|i will say (i need|that i need|i am angry|i am upset|i am \
                   hurt)|i want us to (figure/sort/plan/decide)|let us (sit down|book|see (someone|a counsellor|\
                   the counsellor))|we can (look at|go through) (it/this|everything) together|i owe you (a/an) \
                   (proper|real) _|(the/a) chance to (show/prove|make (it/this|things) right)"),
        // Offers in a text's few words: "whatever you need", "can I call you", "want me to pick
        // up dinner?", "tell me if I start doing it again".
        c(Repair, "whatever (@you) (need/want) [from me] .|(@you) can (hold/keep) (the/my) (login/password/\
                   passwords/card/cards/keys/account)|(can/could|shall) i (take/make/cook/buy/drive|come (with/\
                   to)|pick) (@you) ~4|can i (call/come/see/hug|come over|call (you/now)|pick (you/up)|bring|sit \
                   with) ~3|want me to (pick/bring/cook/come/call/make|come over)|(lmk|let me know) what (@you) \
                   need|can we have (that/the|a) talk|talk to me (as much as|whenever|any time|anytime)|(tell/\
                   call) me (if/when|whenever) i (start/ever|do|say)|call me (on it|out)|if i (start/do|ever) ~4 \
                   [,] tell me|i want (@you) to (ask/tell|call) me|tell me (where/how) to (start/begin)"),
        // Repair already begun, or time given back: "i went to my first meeting yesterday",
        // "saturday is yours, phone off".
        c(Repair, "i (went/go/got|have been|started going|have started going) to (a/my/the/our/an) ~2 \
                   (meeting/meetings/session/sessions/appointment/\
                   counsellor/counselor/therapist/therapy/doctor/gp/group/course/clinic|support group)|(monday/\
                   tuesday/wednesday/thursday/friday/saturday/sunday/tonight/tomorrow|this weekend|the weekend|\
                   (every/each) (evening/night/weekend|_ night)) (is/are) (yours|all yours|for you|for us|ours)|\
                   (my) phone (off|away|stays (off/away|in the drawer))|phone off"),
        c(Repair, "earn (back|it back|your trust back|back your trust|your trust|it)|(on|up to) me to (earn/win/\
                   rebuild/prove|make (it/this) right)"),
        c(Repair, "(make/making) (it/this/things) (right|up to you)|make it up to you|let me make (it/this) \
                   (up/right)|(@you) (can/may) (check|have|see|read|look)|phone stays|check my phone|\
                   (will/would) you (tell/talk|let me)"),
        c(Repair, "next (one/week/weekend/month/year/appointment/birthday/anniversary/visit/session|one of \
                   these)|the next (one/time)|from (now/today/tonight/tomorrow|this (moment/point/week/month/\
                   day)|next (week/month)|here (on/out)|here on out)|starting (tonight/tomorrow/today/now)"),
        c(Repair, "(i [have/had]|and [then] [i] [have]|then) [@adv] [@adv] (cleared/fixed/removed/unfollowed/\
                   unmatched/deactivated/installed/printed/organized/organised/rescheduled/repaid/refunded/\
                   unlocked/replaced/reported/resigned/binned/smashed/emptied/surrendered/confessed/disclosed|\
                   logged (out/off)|opened (up/my/the/all)|taken (the/a/some|time) ~3 off|put (it/them/the/\
                   money/everything) back|given (it/them/the|her/him) back|given up|handed in|signed over|\
                   moved out|cut (up/off/out)|shut down|(spoken/talked) to (my/a/the) (sponsor/therapist/\
                   counsellor/counselor/doctor/gp/boss/manager/lawyer/bank/priest/hr))"),
        c(Repair, "(they/it|friday/fridays/weekends|the (evenings/weekends)|my (evenings/weekends)|that time) \
                   (are/is) (yours|all yours|for you|for us)|i (am|will be) there (early/first|on time|for you|\
                   every|before)|i am (leaving/staying/coming/picking/cooking|taking (the/a|you|it|time)) ~3 \
                   (early|home|on time|for you|off)"),
        // ---- Regret: sorry, in the writer's words.
        c(Regret, "sorry/apologize/apologizing/apologies/apology/apologized/regret/regrets/regretting/\
                   regretted/ashamed/remorse/remorseful/soz/contrite/sorrry")
            .not_before("(not/never/nothing/refuse/without|no longer) [even] [really] [@adv]|(want/make/made/\
                         makes/expect/force/forced/wants) me to [say]|sorry")
            .not_after("not sorry"),
        c(Regret, "i (am|feel) [@deg] (gutted/devastated/wretched/heartsick|sick about (it/this/what)|torn up|\
                   cut up) [about/by/over] ~4|i (kick|am kicking) myself|i (wish|only wish) (i could|it had not|\
                   i had|i did not|i never)|i (hate/loathe) (myself|what i did|that i)"),
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
