"""The phrase tables the classifier scores, per kind, in eight languages.

Each entry is (weight, regex). Weights are hand-set on a 1-5 scale: 5 means the phrase alone
decides ("we have decided not to move forward"), 1 is a hint that only counts with others.
Kept as data so that a reason can quote the phrase that matched.
"""

# Phrase and date regexes are data; splitting them across lines would hide their shape.
# ruff: noqa: E501

from __future__ import annotations

import re

from followup.mail.literals import Needs, required_literals
from followup.mail.model import MailKind

Entry = tuple[float, str]

REMAINS_OPEN = (
    # a reserve or waiting list: "keep you on our reserve list", "graduatoria", "lista de reserva"
    r"(?<!not )(?:keep|kept|place|placed|put|add|added|include|included|remain|stay)(?: you| your name)? "
    r"(?:on|in) (?:our|the) (?:reserve|waiting|wait) list|reserve-list candidates|"
    r"(?:sur|dans) (?:la|notre) liste (?:de réserve|d'attente)|auf (?:die|der|unsere[rn]?) (?:nachrück|warte)liste|"
    r"en (?:la|nuestra) lista de (?:reserva|espera)|na (?:lista|nossa lista) de (?:reserva|espera)|"
    r"(?:idone[oa] (?:non vincitrice|non vincitore)|in graduatoria)|op (?:de|onze) (?:reserve|wacht)lijst|na liście rezerwowej|"
    # a decision still to come: "before we decide", "no decision has been made yet"
    r"before (?:we |they |the team )?(?:decide|deciding|make (?:a|the|our|their) (?:final )?decision)|"
    r"no decision (?:has been|was|is) (?:made|taken) yet|avant de (?:décider|prendre (?:une|la|leur|notre) décision)|"
    r"pas encore (?:pris (?:de|leur|notre) )?décision|bevor (?:wir|sie) (?:uns )?(?:entscheiden|eine entscheidung)|"
    r"noch keine entscheidung|antes de (?:decidir|tomar (?:una|uma|la|a) decisi)|aún no (?:hemos|han) decidido|"
    r"ainda não (?:decidimos|decidiram|tomamos|tomaram)|prima di decidere|non (?:abbiamo|hanno) ancora deciso|"
    r"voordat (?:we|ze|zij) (?:een )?beslis|nog geen (?:besluit|beslissing)|zanim podejmiemy decyzj|"
    r"przed podjęciem decyzji|nie podjęliśmy jeszcze decyzji|"
    r"(?:application|candidacy|candidature)\b[^.]{0,20}\b(?:remains?|is still|stays?) (?:active|open|live|in (?:process|the process|play)|under consideration)|"
    r"candidature (?:reste|est toujours|demeure) (?:active|ouverte|en cours|à l'étude)|bewerbung (?:bleibt|ist weiterhin|ist noch) (?:\w+ )?(?:aktiv|offen|im (?:verfahren|rennen|prozess))|"
    r"candidatura (?:sigue|continúa|permanece|segue|continua|rimane|resta) (?:abierta|activa|ativa|aberta|em análise|attiva|aperta|valida|en pie|en el proceso|no processo|in corsa|in valutazione)|"
    r"sollicitatie blijft (?:wel |gewoon )?(?:lopen|actief|open|in behandeling)|(?:aplikacja|kandydatura|zgłoszenie) (?:pozostaje|jest nadal|jest wciąż|nadal jest) (?:aktywn|otwart|w grze|rozpatrywan)"
)
"""Wording that keeps a candidacy open ("your application remains active"), in eight
languages: a status-update phrase, and in classify.py a brake on weak rejection phrases."""

# Personal mail about the search, from friends and family: "how did it go?", "fingers
# crossed", "love, Mum". classify.py lets these give way to stronger employer-reply phrases.
PERSONAL = (
    r"auf ein bier|for a (?:beer|pint)|(?:go|going) for beers|"
    r"best of luck (?:on|at|tomorrow|today|for (?:monday|tuesday|wednesday|thursday|friday|tomorrow))|"
    r"\bcocktails\b|(?:^|\s)x+ [^\W\d_]{1,12}\s*$|"
    r"\blol\b|\b(?:ha){2,}h?\b|wish me luck|did you (?:ever )?hear back|(?:mom|mum|dad|grandma) says hi|\bbrunch\b|dikke kus|\bliefs,|"
    r""
    r"how did (?:the|your|it)\b[^?.]{0,60}go|how(?:'s| is) (?:the|your) (?:job )?(?:hunt|search|job search)|(?:des nouvelles|comment s'est passée?) (?:de |pour )?(?:ton|ta) (?:entrevue|entretien)|qué tal (?:fue|te fue|ha ido)|cuéntame(?:lo)? todo|comment s'est passée? (?:ton|ta)|raconte-moi tout|"
    r"wie (?:war|lief) (?:dein|das|es)\b[^?.]{0,60}\?|(?:ich )?drück(?:e)? dir (?:alle |die )?daumen|erzähl mir alles|como (?:foi|correu) (?:a|o) (?:tua|teu|sua|seu)?|t[ôo] torcendo|estou torcendo|me conta quando|(?:me )?conta(?:-me)? tudo|"
    r"com'è andat[oa]|raccontami tutto|hoe ging (?:het|je)|vertel me alles|jak (?:poszło|poszła|ci poszło)|opowiadaj wszystko|tell (?:me|us) (?:everything|how it went)|fingers crossed|good luck (?:at|on|tomorrow|today|with (?:the|your|tomorrow)'?s? interview)|love you(?:[!,.\n]|$| (?:lots|so much|both|all))|\bhi love\b|\blove (?:mum|mom|dad)\b|\bxxx*\s*$|(?:^|\n|[.!?)] )(?:(?:love|hugs|besos|bisous|bises|küsse|kuss|beijos?|beijinhos|baci|bacioni|kusjes|buziaki|całuję|bussi|bussis)(?:,|!|\s*$|\s+[^\W\d_]{1,12}\s*$)|xxx*\b)|drinks (?:when|after|on|tonight|later|\w+day)|dinner (?:next|on|this)|\bomg\b|(?:to|let's|we (?:must|should)) celebrate|i'm buying"
)

# Shop and marketing wording ("20% off", "shop now", "free shipping"): with it and no job word
# a "we're pleased to offer you" is a discount, not a job (classify.py applies that rule).
SHOPPING = (
    r"\d ?% (?:off|de (?:réduction|descuento|desconto)|korting|rabatu?|sconto|rabatt)|shop now|promo code|discount code|coupon|free (?:shipping|delivery)|"
    r"jetzt (?:einkaufen|shoppen)|code promo|livraison gratuite|compra(?:r)? ahora|envío gratis|código (?:promocional|de desconto)|frete grátis|"
    r"acquista ora|spedizione gratuita|codice (?:promo|sconto)|gratis verzending|bestel nu|darmowa dostawa|kod rabatowy|kup teraz"
)

_RAW: dict[MailKind, list[Entry]] = {
    MailKind.REJECTION: [
        # "we will not be progressing your application further on this occasion"
        (
            5,
            r"(?:will|won'?t|would|are|shall) not (?:be )?(?:moving|proceeding|progressing|advancing|taking) (?:with )?(?:your|the) (?:application|candidacy|candidature)(?: any)?(?: forward| further)?",
        ),
        # rankings and reserve lists that leave the candidate out
        (
            5,
            r"(?:not|n't) (?:be )?(?:included|placed|entered|put) on the reserve list|no reserve list will be|"
            r"ranking (?:was|is) not high enough|(?:does|did) not place you among|not (?:high|good) enough to (?:receive|be offered|progress|proceed)",
        ),
        # public competitions: "queda usted excluida del proceso selectivo", "not admitted"
        (
            5,
            r"exclu[íi]d[oa] del proceso|exclu[íi]d[oa] do (?:processo|concurso)|esclus[oa] dal(?:la)? (?:procedura|selezione|concorso)|"
            r"exclue? (?:du|de la) (?:procédure|sélection|concours)|vom (?:auswahl)?verfahren ausgeschlossen|uitgesloten van de (?:procedure|selectie)|"
            r"wykluczon[ya] z (?:procesu|postępowania|naboru)|no ha superado (?:el|la) (?:ejercicio|prueba|fase)|não (?:foi aprovad[oa]|obteve aprovação)|"
            r"non (?:ha|hai) superato (?:la|il) (?:prova|esame|colloquio)|n'(?:avez|as) pas été admise?|nicht bestanden|niet geslaagd voor|nie zdał(?:a|eś|aś)?|"
            r"(?:were|was|have been) (?:not|un)successful (?:in|at) (?:the|this) (?:assessment|exam|test|selection)",
        ),
        # an offer taken back: "we are withdrawing the conditional offer"
        (
            6,
            r"withdraw(?:ing|n)? (?:the|your|our|this) (?:conditional |job |formal )?offer|offer (?:has been|is being|is) (?:withdrawn|rescinded)|rescind(?:ing|ed)? (?:the|your) offer|"
            r"retir(?:er|ons) (?:l'|votre |notre )?offre|(?:angebot|zusage) zurück(?:ziehen|gezogen|zunehmen)|retira(?:r|mos) (?:la|a|nuestra|nossa) (?:oferta|proposta)|"
            r"ritira(?:re|mo) (?:l'|la )?(?:offerta|proposta)|aanbod (?:in(?:trekken|getrokken)|terug(?:trekken|getrokken))|wycofuj(?:emy|ę)? ofert|wycofani[ea] oferty",
        ),
        # Structural: a regret word, then a negation, then the candidacy not going on. The
        # verbs must take the candidate or the application as object, so "unfortunately I'm
        # not free Tuesday, could we move it?" stays a scheduling message.
        (
            4,
            r"(?:unfortunately|regret|sadly|afraid|sorry)[^.]{0,100}\b(?:not|unable to|no longer|cannot|won't|can't|will not)\b[^.]{0,30}(?:(?:move|moving|take|taking) (?:you|your \w+|it|this) (?:forward|further)|(?:proceed|continue|progress|advance|go ahead)(?:ing)? with (?:you|your)|(?:progress|advance|consider|select|shortlist|invite|pursue)(?:ing)? (?:you|your)|be (?:selected|shortlisted|progressing|advancing|offering)|offer(?:ing)? you)",
        ),
        (
            4,
            r"malheureusement[^.]{0,100}\b(?:ne|n')[^.]{0,60}\b(?:pas|plus)\b[^.]{0,40}(?:donner suite|retenu|poursuivre (?:avec vous|votre)|votre candidature)",
        ),
        (
            4,
            r"leider[^.]{0,150}\b(?:nicht|kein\w*)\b[^.]{0,60}(?:berücksichtig|weiter(?:hin)? (?:im|in) (?:auswahl|prozess|verfahren)|einladen|anbieten|zusage)",
        ),
        (
            4,
            r"(?:lamentablemente|desafortunadamente|lamentamos)[^.]{0,120}\bno\b[^.]{0,60}(?:seleccionad|(?:continuar|avanzar|seguir)[^.]{0,20}(?:candidatura|proceso|solicitud|contigo|con usted))",
        ),
        (
            4,
            r"(?:infelizmente|lamentamos)[^.]{0,120}\bnão\b[^.]{0,60}(?:selecionad|aprovad|(?:continuar|avançar|seguir|prosseguir)[^.]{0,20}(?:candidatura|processo|consigo|com você))",
        ),
        (
            4,
            r"(?:purtroppo|spiacenti|dispiace)[^.]{0,120}\bnon\b[^.]{0,60}(?:selezionat|(?:proseguire|procedere|continuare)[^.]{0,20}(?:candidatura|selezione|processo|con te|con lei))",
        ),
        (
            4,
            r"helaas[^.]{0,120}\b(?:niet|geen)\b[^.]{0,60}(?:geselecteerd|uitnodig|verder (?:gaan |gaan met )?(?:met )?(?:je|jouw|uw) (?:sollicitatie|kandidatuur))",
        ),
        (
            4,
            r"niestety[^.]{0,120}\bnie\b[^.]{0,60}(?:zakwalifik|zaprosi|zaproponow|(?:kontynu|przejd)[^.]{0,20}(?:rekrutac|proces|kandydatur))",
        ),
        (
            5,
            r"(?:decided|chosen|elected|opted) (?:not to|to not) (?:move|proceed|progress|continue|advance|pursue)(?: forward| further| ahead)?",
        ),
        (
            5,
            r"(?:will|won'?t|wo n't|would|are) not (?:be )?(?:moving|proceeding|progressing|advancing|taking) (?:forward|further|ahead)",
        ),
        (
            5,
            r"won'?t be (?:moving|proceeding|progressing|advancing|taking your application) (?:forward|further)?",
        ),
        (
            5,
            r"(?:not|won'?t) be (?:moving|taking) (?:you|your (?:application|candidacy)) (?:forward|further)",
        ),
        (
            5,
            r"(?:decided|chose|chosen|decision) to (?:move|go|proceed) (?:forward )?with (?:other|another|a different|an?other) (?:candidates?|applicants?|direction)",
        ),
        (
            5,
            r"(?:pursue|pursuing|move forward with|proceed with|progress with|moving ahead with|selected|went with|go(?:ing)? with) (?:other|another|a different|an?other|more suitable) (?:candidates?|applicants?|candidate)",
        ),
        (4, r"move forward with (?:candidates|applicants) (?:whose|who)"),
        (5, r"go(?:ing)? (?:in )?a different direction"),
        (
            5,
            r"(?:unable|not able) to (?:move|take|progress|advance) (?:you|your (?:application|candidacy|profile))",
        ),
        (
            5,
            r"(?:go|gone|going|went|move forward|moving forward|proceed|proceeding|hire|hired|hiring|decided on) (?:with )?someone else",
        ),
        (
            5,
            r"(?:not going to|aren'?t going to|are not going to) (?:move|proceed|progress|continue|take)",
        ),
        (
            5,
            r"moving forward with (?:other|another|a different|an?other) (?:candidates?|applicants?)",
        ),
        (
            5,
            r"offered the (?:role|position|job|post|vacancy|place|contract|opportunity) to (?:another|a different|someone|somebody|an?other|the other|an internal|(?:an? |one )(?:\w+ )?(?:candidate|applicant|person|colleague))",
        ),
        (
            5,
            r"(?:position|role|vacancy|job|opening|requisition)\b[^.]{0,60}(?:has been|was|is being) (?:withdrawn|eliminated|cancell?ed|closed)",
        ),
        (
            4,
            r"(?:doesn'?t|does not|don'?t|do not|didn'?t) (?:quite )?(?:match|fit|align with) (?:what we|our (?:needs|requirements|current needs))",
        ),
        # "the position has been filled" in our other languages
        (
            5,
            r"anderweitig (?:besetzt|vergeben)|(?:poste|position) (?:a été|est(?: déjà)?) pourvu|(?:puesto|vacante|posición) (?:ya )?(?:ha sido|fue) (?:cubiert|ocupad)|vaga (?:já )?foi preenchida|posizione (?:è stata|e' stata) (?:coperta|chiusa|assegnata)|vacature is (?:inmiddels |al )?(?:vervuld|ingevuld)|stanowisko (?:zostało )?(?:już )?obsadzon",
        ),
        (
            5,
            r"(?:not to (?:extend|make|offer) (?:you )?(?:an|the) offer|(?:won'?t|will not|cannot|can'?t) (?:be )?(?:extend|make|extending|making) (?:you )?(?:an|the) offer)"
            r"(?![^.]{0,40}\b(?:until|before|unless|straight away|right away|immediately|for now|till|yet)\b)",
        ),
        (
            4,
            r"(?:unfortunately|regret|sadly)[^.]{0,120}(?:don'?t|do not|no longer) have (?:a|an|any) (?:suitable )?(?:role|position|opening|vacancy)",
        ),
        (
            5,
            r"opt(?:á|a)mos por (?:outr[oa]|seguir com outr)|outr[oa]s? candidat[oa]s? (?:cujo|que|com)|(?:selecionamos|escolhemos) outr[oa]",
        ),
        (
            5,
            r"(?:scelto|selezionato|individuato) (?:un altro|un'altra|altri|altre) (?:candidat|profil)",
        ),
        (
            5,
            r"wybraliśmy (?:inną osobę|innego kandydata|inną kandydatkę|inne)|zdecydowaliśmy się na (?:inną osobę|innego)",
        ),
        (
            5,
            r"(?:decided|chosen|chose|elected|opted|decision) to (?:move|go|proceed|continue|moving|going)(?: forward| ahead| on)? with (?:other|another|a different|an?other|more|stronger|the other) (?:candidates?|applicants?|profiles?|finalists?)",
        ),
        (
            5,
            r"(?:position|role|vacancy|job|opening|requisition)\b[^.]{0,80}(?:is|has been|was) no longer (?:available|open)",
        ),
        (
            5,
            r"(?:decidido|optado por|decidimos) no (?:seguir|continuar|avanzar|prosseguir|avançar)|no (?:seguir|continuar) adelante con",
        ),
        (
            5,
            r"(?:won'?t|will not|not) be (?:inviting|progressing|advancing|moving|taking) you (?:to|forward|further|through)",
        ),
        (
            5,
            r"(?:extend|extended|extending|make|made|making) (?:an|the|a verbal) offer to (?:another|a different|an?other|the other|someone)",
        ),
        (
            5,
            r"(?:go|gone|going|went|proceed|move forward) with an? (?:internal|external|other|another) (?:candidate|applicant|hire)",
        ),
        (
            5,
            r"(?:unable|not able|won'?t be able) to take (?:it|this|your application|your candidacy|things|you) (?:any )?further",
        ),
        (
            5,
            r"(?:selected|chosen|hired|identified) (?:a|another|an?other|the) (?:candidate|applicant|finalist|person)(?! for the interview)",
        ),
        (
            4,
            r"(?:candidates?|applicants?|profiles?|someone) (?:whose|with) (?:qualifications|experience|background|skills|profile|skill set)[^.]{0,60}(?:more closely|better|closer|more direct|more relevant)",
        ),
        (
            5,
            r"(?:decided|decision) to (?:close|cancel|withdraw) the [^.]{0,50}(?:position|role|opening|requisition|vacancy)",
        ),
        (5, r"clos(?:e|ing)(?: out)? (?:all )?(?:candidacies|applications|the search)"),
        (4, r"(?:the )?other (?:finalist|candidate) (?:had|has|was)"),
        (
            5,
            r"(?:position|role|vacancy|job|opening)(?: \([^)]{1,40}\))? (?:has|have) (?:now )?been (?:filled|closed|cancelled|canceled)",
        ),
        (5, r"(?:we'?ve|we have) (?:now )?filled (?:the|this) (?:role|position|vacancy|post)"),
        (4, r"(?:hiring|recruitment) freeze"),
        (
            5,
            r"(?:not|no longer) (?:be )?(?:able to )?(?:offer you|extend(?:ing)? an offer|extend you an offer)",
        ),
        (5, r"won'?t be extending an offer"),
        (5, r"(?:extended|made|accepted) (?:an|the) offer to (?:another|a different|an?other)"),
        (5, r"offer (?:went|has gone) to (?:another|a different|someone)"),
        (
            4,
            r"(?:unfortunately|regret(?:fully)?|sadly)[^.]{0,120}(?:not (?:been )?(?:selected|successful|shortlisted|progress)|unsuccessful)",
        ),
        (4, r"(?:you )?(?:were|have) not been (?:selected|shortlisted|successful)"),
        (4, r"not (?:been )?selected (?:for|to)"),
        (
            5,
            r"(?:status|application)[^.]{0,40}(?:not selected|unsuccessful|no longer under consideration)",
        ),
        (4, r"no longer (?:under|being) consider"),
        (
            4,
            # (not "can't offer fully remote work / relocation": an offer of something else)
            r"(?:will not|won'?t|cannot|can'?t|unable to) (?:be )?(?:proceed|progress|move forward|advance|offer(?! (?:\w+ )?(?:remote|relocation|hybrid|visa|sponsorship|a (?:higher|bigger)|more than|flexib|part-time|full-time|a signing)))(?![^.]{0,60}\b(?:until|unless|before|till|pending|once|bis|jusqu|hasta|até|finché|totdat|dopóki)\b)",
        ),
        (3, r"(?:we )?regret to (?:inform|let you know|tell)"),
        # "they've decided not to bring you on for the pick/pack role"
        (5, r"(?:decided|chosen|opted|decide|choose) not to (?:bring|take) you on\b"),
        # filled from inside: "a posição acabou sendo preenchida internamente"
        (
            5,
            r"filled (?:internally|from within)|(?:preenchida|preenchido) internamente|(?:cubierta|cubierto|ocupada) internamente|"
            r"pourvue? en interne|intern (?:besetzt|nachbesetzt)|coperta internamente|intern (?:ingevuld|vervuld)|obsadzon[aey] wewnętrznie|"
            r"(?:vamos|iremos) encerrar o processo|encerramos o processo",
        ),
        # public competitions: "usted no ha obtenido puntuación suficiente"
        (
            5,
            r"no (?:ha|has) obtenido (?:la )?puntuación (?:suficiente|mínima)|não obteve (?:a )?pontuação (?:suficiente|mínima)|"
            r"n'a(?:vez)? pas obtenu (?:la |une )?note suffisante|non ha (?:ottenuto|raggiunto) (?:il )?punteggio (?:sufficiente|minimo)|"
            r"nicht die erforderliche punktzahl|did not (?:achieve|reach|obtain) the (?:required|minimum|qualifying) (?:score|mark)",
        ),
        # Irish and UK public service: "you have not been placed on the panel for this post"
        (
            5,
            r"(?:not|n't) (?:been )?(?:placed|included|put) on (?:the|a|our) (?:panel|shortlist|short-list|merit list|reserve list|order of merit)",
        ),
        (3, r"(?:not|isn'?t) the right (?:fit|match)"),
        (3, r"(?:keep|retain|hold) your (?:resume|cv|details|application|profile) on file"),
        (4, r"(?:decided|decision) (?:not to|against) (?:pursue|proceed|continue|move)"),
        (4, r"close (?:your|the) (?:application|candidacy)"),
        (3, r"close second"),
        (
            4,
            r"(?:applications?|the (?:role|position|search)) (?:is|are|has been|have been) (?:now )?(?:closed|paused indefinitely|cancelled|canceled)",
        ),
        (3, r"unsuccessful"),
        # French
        (
            5,
            r"(?:ne (?:pas )?(?:pouvons|pourrons) (?:pas )?(?:donner (?:une )?suite|retenir)|pas (?:pu )?(?:donner (?:une )?suite|retenir))",
        ),
        (
            5,
            r"(?:poursuivre|continuer|avancer)[^.]{0,40}avec (?:un autre|une autre|d'autres) (?:profil|candidat)",
        ),
        (
            5,
            r"(?:pas été retenue?|n'a pas été retenue?|ne correspond pas|avons retenu (?:une? )?autre)",
        ),
        # other candidates merely mentioned ("les entretiens avec les deux autres candidats")
        (3, r"autres? candidat"),
        (4, r"(?:ne sera pas|n'est pas) retenue?"),
        (4, r"nous (?:avons le )?regret(?:ons|tons)? de vous (?:informer|annoncer)"),
        (
            4,
            r"(?:réponse défavorable|suite défavorable|malheureusement)[^.]{0,120}(?:candidature|profil|poste)",
        ),
        # German
        (
            5,
            r"(?:leider )?(?:nicht|keine) (?:weiter )?(?:berücksichtig|in betracht|weiterverfolg|für (?:die|eine) weitere)",
        ),
        (
            5,
            r"(?:für einen? anderen? (?:bewerber|kandidat)|anderen? (?:bewerber|kandidat)\w* entschieden)",
        ),
        # the noun, never "das Gespräch absagen" (cancelling a meeting)
        (5, r"(?:absage\b|(?:ihnen|dir) (?:leider )?(?:keine zusage|absagen))"),
        (
            4,
            # whole words: "leider noch nichts Neues ... mit weiteren Kandidaten" is no refusal
            r"leider[^.]{0,150}\b(?:nicht|kein\w*)\b[^.]{0,60}(?:berücksichtigen|anbieten|fortsetzen|weiter\b|entschieden)",
        ),
        (4, r"stelle (?:ist |wurde )?(?:bereits )?(?:besetzt|vergeben)"),
        # Spanish
        (
            5,
            r"(?:no (?:hemos podido|podemos|vamos a) (?:continuar|avanzar|seguir)|(?:hemos|han) decidido (?:continuar|seguir|avanzar) con otr)",
        ),
        (
            5,
            r"(?:no ha(?:s|) sido (?:seleccionad|elegid)|otros? candidat[oa]s? (?:cuyo|que)|no (?:continuar|seguir)[eé]mos con tu candidatura)",
        ),
        (4, r"lamentamos (?:informar|comunicar)"),
        (
            4,
            r"(?:lamentablemente|desafortunadamente)[^.]{0,150}(?:candidatura|proceso|perfil|puesto)",
        ),
        # Portuguese
        (
            5,
            r"(?:não (?:foi|foste) (?:selecionad|aprovad)|optamos por (?:seguir|avançar|prosseguir) com outr|não (?:iremos|vamos) (?:seguir|avançar|prosseguir))",
        ),
        (4, r"(?:infelizmente|lamentamos)[^.]{0,150}(?:candidatura|processo|perfil|vaga)"),
        # Italian
        (
            5,
            r"(?:non (?:è stat[oa]|sei stat[oa]) selezionat|abbiamo deciso di (?:procedere|proseguire) con altr|non (?:potremo|possiamo) (?:procedere|proseguire))",
        ),
        (
            4,
            r"(?:purtroppo|siamo spiacenti|ci dispiace)[^.]{0,150}(?:candidatura|profilo|posizione|selezione)",
        ),
        # Dutch
        (
            5,
            r"(?:niet (?:verder )?(?:door )?(?:gaan|meenemen|uitnodigen)|(?:andere|een andere) kandida(?:at|ten) (?:gekozen|te kiezen)|(?<!die )(?<!over )afwijzing)",
        ),
        (4, r"(?:helaas|jammer genoeg)[^.]{0,150}(?:sollicitatie|kandidatuur|procedure|functie)"),
        # Polish
        (
            5,
            r"(?:nie (?:zakwalifikował|przeszedł|przeszła|będziemy kontynuować)|zdecydowaliśmy się na (?:innego|inną) kandydat|wybraliśmy (?:innego|inną) kandydat)",
        ),
        (4, r"(?:niestety|z przykrością)[^.]{0,150}(?:kandydatur|rekrutac|aplikac|stanowisk)"),
        # Wording families (second pass, issue 4): the decision, not a template sentence.
        # "We won't be continuing with your candidacy", "will not be moving it forward".
        (
            4,
            r"(?:won't|will not|are not|aren't|not) be (?:continuing|proceeding|progressing|advancing|moving (?:it |this |you |your \w+ )?(?:forward|ahead|further)|going (?:forward|ahead)|taking (?:it|this|things|you|your \w+) (?:further|forward))(?: with)? (?:you|your|yours|it\b|this\b)",
        ),
        # "went with the other finalist", "going with someone who has more payments experience"
        (
            4,
            r"(?:went|gone|going|go|moving|move|moved|proceed(?:ing|ed)?|continu(?:e|ing|ed)|ahead|forward) with (?:another|the other|a different|an? other|other|someone|somebody)(?: \w+)? ?(?:candidates?|applicants?|finalists?|persons?|people|profiles?|individuals?|else|who|whose)",
        ),
        # "landed on a different candidate", "selected someone whose experience..."
        (
            4,
            r"(?:selected|chosen|chose|picked|landed on|settled on|decided on|hired|appointed|gone for|went for|offered (?:it|the (?:role|position|job)) to) (?:a different|another|an? other|other|someone|somebody|an internal)",
        ),
        (
            4,
            r"no longer (?:be )?(?:considering|considered|under consideration|being considered|reviewing|moving forward with) (?:you|your|for)",
        ),
        (
            4,
            r"(?:is not|isn't|not|aren't|are not) (?:quite )?(?:a|an|the)? ?(?:right |good |strong |close |suitable )?(?:match|fit) for (?:our|the|this|what)",
        ),
        (
            4,
            r"(?:clos(?:e|ing|ed)|withdraw(?:ing|n)?|cancel(?:l?ing|l?ed)?) (?:all|your|the remaining) (?:open |active |remaining )?(?:applications?|candidac(?:y|ies))",
        ),
        (
            4,
            r"(?:role|position|vacancy|job|opening|requisition) (?:has been|was|is now|is being|have been) (?:withdrawn|cancel(?:l)?ed|filled)|(?:not|no longer) (?:to )?(?:fill|hire for|recruit for) (?:the|this) (?:role|position)(?! (?:until|before|for now|this (?:quarter|month|year)|in q\d))",
        ),
        (
            4,
            r"pass on (?:this occasion|your|you\b|the candidate)|(?:said|saying) no (?:this time|to you|on this)|(?<!if )it's a no\b|(?:application|candidacy) (?:has been |was |is )?unsuccessful",
        ),
        (
            4,
            r"nicht (?:weiter |länger )?(?:zu )?berücksichtig|für (?:eine?n?|die|den) andere[nr]? (?:bewerber|kandidat)|d'autres (?:profils|candidat)|(?:un|une) autre (?:candidat|profil)|(?:pas|plus) été retenue?",
        ),
        (
            4,
            r"(?:continuar|seguir|avanzar|optado|decidido|elegido|quedarnos|prosseguir|avançar|optámos|optamos|decidimos|escolhemos|proseguire|procedere|continuare|scelto|deciso)[^.]{0,30}\b(?:con|por|a|com|per) (?:otr[oa]s?|outr[oa]s?|altri|altre|un altro|un'altra) (?:candidat|perfil|profil)|não (?:iremos|vamos) (?:avançar|prosseguir|continuar)|(?:deciso|scelto) di non (?:procedere|proseguire|continuare)",
        ),
        (
            4,
            r"(?:gekozen|kiezen|verder|gaan|doorgaan) (?:voor|met) (?:een )?andere (?:kandidaat|kandidaten|sollicitant)|(?:kontynu|zdecydow|wybral|wybrał|postanowi)[^.]{0,40}\b(?:z|na) inn(?:ym|ymi|ego|ą) kandydat",
        ),
        # "offering the position to another applicant", "have appointed a candidate"
        (
            4,
            r"offer(?:ed|ing)? (?:it|the (?:role|position|job)) to (?:another|a different|someone|an? other|other|an internal)|(?:appointed|hired|selected|chosen|found) (?:a|another|the successful|our) (?:candidate|applicant|person|hire)\b",
        ),
        # "other candidates' experience is better aligned", "a profile closer to our needs"
        (
            4,
            r"(?:other|another) (?:candidates?|applicants?|profiles?)(?:'s|')? (?:experience|profiles?|backgrounds?|skills?|qualifications?)?[^.]{0,30}(?:better|more closely|closer|stronger)",
        ),
        (3, r"concluded (?:our|the) (?:search|process|recruitment|selection)"),
        # blind11: "we don't see a match", "won't be scheduling an interview", "die Stelle mit
        # jemand anderem besetzen", "een andere keuze gemaakt"
        (
            4,
            r"(?:don't|do not|didn't|did not) see (?:a|the|an?y) (?:match|fit)|(?:won't|will not) be (?:scheduling|arranging|setting up|offering you) (?:an? |any )?(?:interview|call)|fill (?:the|this) (?:role|position|vacancy) with someone else|mit jemand(?:em)? anderem|(?:made|making) (?:a |another )?different (?:choice|decision)|andere keuze (?:gemaakt|maken)|autre choix|otra elección|outra escolha|altra scelta|inny wybór",
        ),
        # blind10: "found a candidate who fits a little better", "für eine andere Besetzung"
        (
            4,
            r"(?:found|gevonden|trouvé|encontrado|encontramos|encontrámos|trovato|gefunden|znaleźliśmy) (?:a |an |een |un |une |einen |eine |una |uma )?(?:other |another |andere |autre |otro |outro |altro |anderen |innego |inną )?(?:candidat|kandida|persoon|person|perfil|profil|someone|iemand|osob)[^.]{0,40}(?:better|beter|besser|mieux|mejor|melhor|meglio|lepiej|more closely|closer)|für eine andere (?:besetzung|person|lösung)|anderweitig (?:besetzt|vergeben|entschieden)|(?:kandidaat|kandidat\w*|bewerber\w*|persoon|iemand) (?:gevonden|gefunden)[^.]{0,40}(?:beter|besser)",
        ),
        # blind9: "the team preferred a profile with more Java experience", in 8 languages
        (
            4,
            r"prefer(?:red|s)? (?:a|another|an? other|someone|somebody|the other) (?:\w+ )?(?:candidate|profile|applicant|person)|(?:preferiu|preferimos|preferido|preferito|préféré|privilégié) (?:a |um |uma |un |una |une |un altro |un'altra |outro |outra |otro |otra )?(?:autre |outro |otro |altro )?(?:perfil|profil|profilo|candidat|pessoa|persona|personne)|(?:den vorzug|bevorzugt)[^.]{0,40}(?:kandidat|bewerber|profil)|(?:de )?voorkeur (?:gegeven aan|voor) (?:een )?(?:andere|iemand)",
        ),
        # blind8: "decided not to take it forward", "chose the other person", "mit einer anderen
        # Kandidatin weiter", "decantado por otra", "iemand anders aangenomen"
        (
            4,
            r"not to take (?:it|this|your \w+|you|things) (?:forward|further)|(?:chose|chosen|picked|selected|went with|gone with|going with) the other (?:person|candidate|applicant|finalist)|mit (?:einer|einem) anderen (?:kandidat|bewerber)|decantado por otr|iemand anders (?:aangenomen|gekozen|geselecteerd)",
        ),
        # blind7: "focus on other candidates", "für Kandidaten entschieden, deren Profil besser
        # passt", "niet door naar de volgende ronde", "zatrudniliśmy inną osobę"
        (
            4,
            r"(?:focus|focusing|concentrate|concentrating) on (?:other|another|different|more \w+) (?:candidates?|applicants?|profiles?)|für (?:andere |einen anderen |eine andere |eine |einen )?(?:kandidat\w*|bewerber\w*)[^.]{0,40}entschieden|niet door naar de volgende|(?:zatrudniliśmy|wybraliśmy|zdecydowaliśmy się na) inn\w+ (?:osob|kandydat)",
        ),
        # blind6: "move on with candidates who more closely fit", "a different direction"
        (
            4,
            r"(?:move|moving|moved|go|going|went) on with (?:other |another |different )?(?:candidates?|applicants?|profiles?)|(?:candidates?|applicants?|someone|somebody|profiles?) (?:who|whose|that) (?:(?:more|most) closely|better|more directly)|deren profil[^.]{0,40}besser|dont le profil (?:correspond|répond) (?:mieux|davantage)|cuyo perfil (?:se ajusta|encaja|responde) mejor|cujo perfil (?:se adequa|corresponde|se ajusta) melhor|il cui profilo (?:è|risulta|corrisponde) (?:più|meglio)|wiens profiel beter|(?:którego|której) profil lepiej",
        ),
        (
            4,
            r"(?:in|into) (?:a |another |an other )?different direction|in another direction|(?:noutra|outra|otra|une autre|un'altra|altra|andere|innym) (?:direção|direcção|dirección|direction|direzione|richtung|kierunku)",
        ),
        (
            4,
            r"no (?:seguiremos|continuaremos|avanzaremos|vamos a seguir|vamos a continuar|vamos a avanzar|podemos seguir|podemos continuar)[^.]{0,20}(?:candidatura|perfil|proceso)",
        ),
        # blind5: "has been declined", "n'a pas abouti", "it didn't work out" in 8 languages
        (
            4,
            r"(?:application|candidacy|candidature)(?: (?:for|to) [^.]{1,60}?)? (?:has been |was |is |have been )?(?:declined|rejected|turned down)|(?:didn't|did not|won't|will not) work out|(?:n'a|n'ont) pas abouti|nicht geklappt|no (?:ha|han) prosperado|não (?:avançou|resultou)|non è andata|niet (?:gelukt|geworden)|nie udało",
        ),
        # blind4: "has not progressed to the next stage", "decided not to invite you",
        # "no ha resultado seleccionada", "besloten u niet uit te nodigen"
        (
            4,
            r"(?:has|have|had|did) not (?:been )?(?:progress(?:ed)?|successful|taken forward|moved forward|advanced?|shortlisted|selected)\b",
        ),
        (
            5,
            r"decided not to (?:invite|interview|shortlist|offer|hire|select|take|progress|consider) (?:you|your)|(?:entschieden|beschlossen),? (?:sie|dich|ihre bewerbung) nicht|décidé de ne pas (?:vous|donner suite|poursuivre|retenir)|besloten (?:je|u|jou|om je|om u) (?:niet|geen)",
        ),
        (
            4,
            r"no (?:ha|has) (?:resultado|sido) seleccionad|não (?:foi|foram) (?:selecionad|aprovad)|non (?:è|sei) stat[oa] selezionat|n'a pas été (?:retenue?|sélectionnée?)|niet (?:geselecteerd|gekozen)|nie (?:została|został) (?:wybran|zakwalifikowan)",
        ),
        (
            4,
            r"(?:individuato|scelto|selezionato) (?:un |una |un altro |un'altra |altri |altre )?(?:profil|candidat)|profilo più (?:vicino|in linea|adatto|aderente)|geen (?:match|klik)\b|(?:kiezen|gekozen|gaan) voor iemand",
        ),
        # blind13 families. "Pass" as a decision, never "pass your CV on to the team".
        (
            5,
            r"\b(?:going to|decided to|have to|had to|need to|will|'ll|we're|we are|we've|we have) (?:have to )?pass(?: for now| on (?:this|moving|the (?:role|opportunity|position))| this time| at this (?:time|stage|point))?(?:[.,;!]|$| for now)",
        ),
        (
            5,
            r"(?:opted|opting|gone|went|go|going|settled|decided to go) (?:for|with|on) (?:a|another|an?other|the other|a different|a stronger|a more \w+) (?:candidate|applicant|person|profile)",
        ),
        # "we decided to continue with other candidates", in the other languages
        (
            5,
            r"(?:decidimos|vamos|resolvemos|optamos por|decidido|decidiu) (?:seguir|continuar|avançar|avanzar|prosseguir) (?:o processo |el proceso )?com? outr[oa]s?|"
            r"(?:proseguire|procedere|continuare) (?:il processo |la selezione )?con (?:un altro|un'altra|altri|altre) (?:candidat|profil)|"
            r"(?:poursuivre|continuer) (?:le processus )?avec (?:un autre|une autre|d'autres) (?:candidat|profil)|"
            r"verder (?:gaan )?met (?:een andere|andere) (?:kandidaat|kandidaten|sollicitant)|"
            # (not "Gespräche mit anderen Kandidat:innen": interviews with others go on)
            r"(?<!gespräche )(?<!gespräch )mit (?:einer anderen|einem anderen|anderen) (?:kandidat|bewerber)|"
            r"(?:kontynuować|kontynuujemy|kontynuować będziemy)[^.]{0,40}z (?:innymi|inną|innym) (?:kandydat|osob)",
        ),
        # "will not go on to the next stage", in the eight languages
        (
            5,
            r"(?:will not|won'?t|did not|didn'?t|has not|hasn'?t|not be) (?:advance|advancing|progress|progressing|proceed|proceeding|move on|moving on|go through|going through) to the next (?:stage|round|step|phase)|"
            r"não (?:avançará|vai avançar|irá avançar|seguirá|vai seguir|prosseguirá|passará|passa) (?:para|à|a)|"
            r"no (?:avanzará|pasará|continuará|seguirá) (?:a|en) (?:la )?(?:siguiente|próxima)|"
            r"non (?:proseguirà|passerà|avanzerà|accederà) (?:alla|al)|ne (?:passera|passerez|sera) pas (?:à|au|retenue?) (?:l'étape|la prochaine|la suite|l'entretien)|"
            r"niet (?:door|verder) (?:naar|gaat naar) de (?:volgende|tweede)|gaat niet door naar|"
            r"nicht (?:in die nächste|für die nächste) (?:runde|phase|stufe)|nie (?:przejdzie|przechodzi) (?:do|dalej)",
        ),
        # blind15-17 families. Any negation before "taking/moving it forward" ("they're not
        # taking it forward", "we aren't moving you further"), the object being the candidacy.
        (
            4,
            r"(?:not|n't|no longer) (?:be )?(?:taking|take|moving|move|bringing|bring|carrying|carry|putting|put) (?:it|this|you|things|your (?:application|candidacy|candidature|profile|cv)) (?:any )?(?:forward|further)",
        ),
        # "we're not going to make an offer", "not in a position to extend an offer", in the
        # eight languages; never "can't make an offer until the references are back".
        (
            4,
            r"(?:(?:not|n't)(?: going to| gonna| be| in a position to| able to)? (?:extend|make|extending|making) (?:you )?(?:an|the|a formal|a) offer|"
            r"(?<!wenn die )(?<!wenn sie )(?<!falls die )(?<!falls sie )(?:ihnen|dir) kein (?:angebot|vertragsangebot) (?:machen|unterbreiten)|(?:pas|ne pouvons pas) (?:en mesure de )?vous (?:faire|proposer) (?:d'|une )offre|"
            r"no (?:te|le)s? (?:haremos|vamos a hacer|podemos hacer) (?:una )?oferta|não (?:vamos|iremos|podemos) (?:fazer|apresentar)(?: (?:te|lhe))? (?:uma )?(?:proposta|oferta)|"
            r"non (?:ti|le|vi) (?:faremo|possiamo fare) (?:un'|una )?(?:offerta|proposta)|(?:geen|niet) (?:een )?aanbod (?:doen|maken)|nie (?:złożymy|możemy złożyć|przedstawimy) (?:ci |panu |pani )?oferty)"
            r"(?![^.]{0,40}\b(?:until|before|unless|till|yet|straight away|right away|immediately|for now|bis|avant|hasta|até|finché|totdat|dopóki)\b)",
        ),
        # "our choice fell on another applicant": "unsere Wahl ist auf eine andere Bewerberin
        # gefallen", "notre choix s'est porté sur un autre candidat", in the eight languages
        (
            4,
            r"\bchoice (?:has )?(?:fell|fallen|landed|went|gone) (?:on|to) (?:another|a different|an other|someone else)|\bwahl (?:ist |fiel )?(?:auf|für) (?:eine?n?|einen) andere|choix s'est (?:porté|arrêté) sur (?:un|une) autre|"
            r"elección (?:ha recaído|recayó) (?:en|sobre) otr|escolha recaiu (?:sobre |em |n)(?:um |uma |o |a )?outr|scelta è (?:ri)?caduta su (?:un altr|un'altr|altr)|keuze is (?:gevallen|uitgekomen) op (?:een )?(?:andere|iemand anders)|wybór padł na inn",
        ),
        # Portal status fields: "status: not progressing", "statut : non retenu"
        (
            5,
            r"(?:status|statut|estado|stato|stan) ?: ?(?:not (?:progressing|proceeding|moving forward|shortlisted|selected)|unsuccessful|declined|rejected|closed - not selected|"
            r"abgelehnt|absage|nicht berücksichtigt|non retenue?|refusée?|no seleccionad[oa]|descartad[oa]|rechazad[oa]|não selecionad[oa]|reprovad[oa]|"
            r"non selezionat[oa]|scartat[oa]|respint[oa]|afgewezen|niet geselecteerd|odrzucon[aey]|niezakwalifikowan)",
        ),
    ],
    MailKind.OFFER: [
        # French and Swiss offer letters: "nous avons le plaisir de vous proposer le poste"
        (
            5,
            r"(?:avons le plaisir|sommes heureux|sommes ravis) de vous proposer le poste|proposition d'engagement|"
            r"promesse d'embauche|lettre d'offre|vous proposer (?:le|un) contrat",
        ),
        # "we'd love to have you as our junior designer", "te ofrecemos el puesto", in the
        # eight languages
        (
            5,
            r"(?:i|we) can offer you (?:\d+ (?:hours|hrs)|a (?:job|position|role|place|contract|start))|"
            r"(?:love|like|happy|thrilled|excited|delighted) to have you (?:on the (?:\w+ )?(?:desk|floor|crew|team)|as (?:our |a |the )?[\w -]{0,30}?(?:designer|engineer|manager|analyst|developer|assistant|lead|chef|barista|\w+er|\w+ist)\b|join (?:us|the team)|on board|aboard|on the team)|"
            r"(?:te|le|os) ofrecemos (?:el|un|la) (?:puesto|trabajo|contrato|posición|plaza)|"
            r"(?:nous vous|on te|je te|je vous) (?:offrons|propose|proposons) (?:le|un) (?:poste|contrat)|"
            r"(?:bieten|biete) (?:ihnen|dir) (?:die|eine) (?:stelle|position) an|"
            r"(?:oferecemos|ofereço)(?:-lhe|-te)? (?:a|uma|o) (?:vaga|posição|lugar|contrato)|"
            r"(?:ti|le|vi) offriamo (?:il|la|un|una) (?:posto|posizione|contratto|ruolo)|"
            r"(?:bieden|bied)(?: we| wij| ik)? (?:je|u) (?:graag )?(?:de|een) (?:functie|baan|plek|positie|vaste aanstelling)\b|^(?:arbeids)?aanbod\b|"
            r"oferujemy (?:ci|panu|pani) (?:stanowisko|pracę|umowę)",
        ),
        # second-language English: "we are very happy to propose you the position of Sous Chef"
        (
            5,
            r"(?:happy|pleased|glad|delighted) to (?:propose|offer|give) you (?:the|a|this) (?:position|role|job|post|contract)\b",
        ),
        # "the job's yours if you want it", in the eight languages
        (
            5,
            r"(?:the )?job'?s yours|the (?:job|role|position) is yours|le poste est (?:à vous|à toi|pour vous|pour toi)|"
            r"die stelle (?:gehört|ist) (?:dir|ihnen|deine|ihre)|el puesto es (?:tuyo|suyo)|a vaga é (?:sua|tua)|"
            r"il posto è (?:tuo|suo)|de (?:baan|functie) is van (?:jou|u)|(?:praca|posada) jest (?:twoja|pana|pani)",
        ),
        # "it's a yes from us": the decision in one idiom, in the eight languages
        (
            5,
            r"it's a (?:big |resounding |definite )?yes from (?:us|the team|the panel|everyone)|c'est un oui|es un sí|é um sim|è un sì|"
            r"het is een ja|to jest (?:zdecydowane )?tak|(?:ist|war) ein (?:klares )?ja",
        ),
        (
            5,
            r"(?<!anyone )(?<!anybody )(?<!someone )(?<!somebody )(?:sent|extended|made|(?<!could )(?<!might )(?<!would )(?<!may )(?<!to )have|has) (?:you )?an offer(?! to)(?! yet)|your offer (?:from|is ready|letter|details)|(?:review|sign|accept) (?:and sign )?your offer",
        ),
        (
            5,
            r"(?<!n't )(?<!not )(?:want|wants|would like|'d like|like|love|pleased|happy|delighted|excited|thrilled) to (?:formally )?offer you (?:the|a|this)(?! (?:new )?(?:slot|time|date|call|chat))",
        ),
        (
            5,
            r"(?:pleased|happy|delighted|thrilled|excited) to (?:formally |officially )?(?:offer you|extend (?:you )?(?:an|a formal|this|the) offer|make you an offer)",
        ),
        (
            5,
            r"(?:we'?d|we would|i'?d|i would) (?:like|love) to (?:formally )?(?:offer you|extend (?:you )?(?:an|a) offer|make you an offer)",
        ),
        (
            5,
            r"(?:your|the|a|our) (?:formal |written |official |revised |updated |conditional |verbal )?offer (?:letter|of employment|package)",
        ),
        (
            5,
            r"(?<!fraudulent )(?<!fake )(?<!bogus )(?<!got a )(?<!got an )(?:job|employment|conditional|formal|verbal|written|revised|updated) offer(?!s)(?! to another)",
        ),
        (
            4,
            r"offer (?:is )?(?:attached|enclosed)|attached (?:is )?(?:your|the) offer|(?:view|review|accept) (?:your|the) offer",
        ),
        (
            4,
            r"(?:congratulations|congrats)[^.]{0,80}(?:offer|join(?:ing)? (?:the|our) team|welcome (?:you )?(?:aboard|to the team))",
        ),
        (3, r"\boffer\b"),
        (3, r"(?:start(?:ing)? date|base salary|signing bonus|equity grant|compensation package)"),
        # French
        (
            5,
            r"(?:proposition (?:d'embauche|de contrat|d'emploi)|promesse d'embauche|(?:heureux|ravis?) de vous (?:proposer|offrir) le poste)",
        ),
        # German
        (
            5,
            r"(?:vertragsangebot|arbeitsvertrag|(?:freuen uns|freue mich),? (?:ihnen|dir) (?:die stelle|ein angebot|eine zusage)|zusage für die (?:stelle|position)|angebot (?:für|zur) (?:die|eine) (?:stelle|position|festanstellung))",
        ),
        (4, r"\bangebot\b"),
        # Spanish
        (
            5,
            r"(?:oferta (?:de trabajo|de empleo|formal|laboral)|(?:nos complace|encantados de) (?:ofrecerte|ofrecerle|hacerte una oferta)|carta oferta)",
        ),
        # Portuguese
        (
            5,
            r"(?:proposta (?:de trabalho|de emprego|formal)|temos o prazer de (?:lhe |te )?oferecer|carta[- ]proposta)",
        ),
        # Italian
        (
            5,
            r"(?:offerta (?:di lavoro|formale|di assunzione)|lieti di (?:offrirti|offrirle|proporti))",
        ),
        # Dutch
        (
            5,
            r"(?:arbeidsaanbod|(?:ons|het|dit) (?:formele? |officiële? |schriftelijke? )?aanbod\b|een (?:formeel|officieel|schriftelijk) aanbod|een aanbod (?:doen|te doen|voor de functie)|jobaanbieding|blij (?:je|u) (?:de functie|een aanbod) aan te bieden)",
        ),
        # Polish
        (
            5,
            r"(?:ofert[aęy] zatrudnienia|z przyjemnością (?:oferujemy|przedstawiamy ofertę))",
        ),
        # "oferta pracy" is a job advert as often as an offer: a mention, not a verdict
        (3, r"(?<!podobne )(?<!nowe )(?<!polecane )(?<!zobacz )ofert[aęy] pracy"),
        # Wording families (second pass): "we want you on the team as", "came back with an offer"
        (
            4,
            r"(?:want|would like|'d like|'d love|would love|thrilled|delighted|excited) (?:to have |to welcome )?you (?:on (?:the|our) team|(?:to )?join (?:us|the team|our team) as|on board as|aboard as)",
        ),
        (
            5,
            r"(?:come|came|coming) back with an offer|(?<!they )(?<!anyone )(?<!someone )(?<!anybody )(?<!somebody )(?<!if we )(?<!n't )(?<!not )(?<!cannot )(?<!were to )(?<!we to )(?<!decide to )(?<!should we )(?:make|made|making) you an offer(?! you can'?t refuse)|(?:apresentar|fazer)(?:-lhe)? uma proposta|prazer de lhe (?:apresentar|oferecer|fazer)",
        ),
        (3, r"offer details|compensation (?:package|details)|before you accept"),
        (
            5,
            r"(?:sie|dich) (?:sehr )?(?:gerne? )?(?:als \w+ )?einstellen|(?:role|job|position|offer|place) is yours|(?:want|would like|'d like|keen|wish) to (?:hire|employ|appoint|take you on)(?: you)?\b",
        ),
        (3, r"(?:[$€£]\s?\d[\d,.]*k?|\d+k) (?:base|salary|plus|\+)"),
        (
            4,
            r"(?:contar contigo|contar con usted|que te incorpor(?:es|aras)|que te un(?:as|ieras)|incorporarte) (?:como|a|al)\b",
        ),
        (
            3,
            r"propuesta (?:económica|salarial|de contrato)|proposta (?:económica|salarial|contratual|de contrato|economica)|proposition salariale|(?:gehalts|vertrags)angebot",
        ),
    ],
    MailKind.INTERVIEW_INVITE: [
        # Moving on to the next stage is news; with a slot or a booking cue it is an invitation.
        (
            3,
            r"(?:move|moving|advance|advancing|progress|progressing) you (?:forward )?to the (?:next|final|second|third|onsite) (?:round|stage|step|interview)",
        ),
        (
            4,
            r"invite you (?:forward )?to the (?:next|final|second|third|onsite) (?:round|stage|step|interview)",
        ),
        (
            4,
            r"(?:grab|pick|choose|select|book|find) (?:any |a |an |one |your )?(?:\d+[- ]min(?:ute)?s? )?(?:[\w-]+ ){0,2}?(?:slot|time|window|block|session)s?\b(?! (?:off|of year|zone))",
        ),
        (
            4,
            r"which (?:of these|one|option|slot|time)s? (?:works?|suits?)|let me know which (?:of these |one |option |slot |time |day |date )?(?:works?|suits?|you(?:'d)? prefer)|(?:a couple of|some|your) (?:windows|time slots)",
        ),
        (
            4,
            r"you'?re (?:all )?(?:confirmed|booked|scheduled) for|(?:i'?ve|we'?ve|i have|we have) (?:locked in|booked|scheduled|put you down|sent (?:a|an) (?:hold|invite|invitation|calendar))",
        ),
        (
            4,
            r"(?:love|like) to (?:have you back|bring you back|invite you back|meet you|get to know you|chat|speak with you|talk with you)",
        ),
        (
            3,
            r"(?:would like|wants?|'d like|like) (?:to do |to have |to set up )?(?:a |an )?(?:\w+[- ]){0,3}(?:conversation|call|chat|interview|meeting)",
        ),
        (3, r"(?:can|could|would) (?:you|u|ya) do (?:a |an )?"),
        (
            4,
            r"(?:invite|inviting) you (?:to|for) (?:an? |the |our )?(?:[\w-]+ ){0,5}(?:interview|conversation|call|chat|meeting|onsite|on-site|screen|superday|assessment)",
        ),
        (
            4,
            r"(?:schedule|book|arrange|set up|line up|find a time for|pick a time for|choose a time for) (?:an? |the |your |our )?(?:\w+[- ]?){0,3}(?:interview|call|screen|chat|conversation|meeting|onsite|on-site)",
        ),
        (
            2,
            r"(?:phone|video|technical|initial|first|second|final|panel|onsite|on-site|virtual|hiring manager|screening|follow-up|next) (?:round |stage )?(?:interview|screen|call)",
        ),
        (
            4,
            r"(?:your|the|an?) interview (?:is|has been|was) (?:confirmed|scheduled|booked|rescheduled|moved|set)",
        ),
        (
            4,
            r"(?:confirm(?:ing|s)?(?! (?:the |our |your |an? )?(?:final )?(?:outcome|decision|result|feedback|next steps))(?! (?:a few|a couple of|some|two|three) (?:things|details|points|questions))|confirmation (?:of|for)|rescheduled?|moved|updated invitation)[^.]{0,60}(?:interview|(?<!final )(?<!the )call|screen|onsite|chat|superday)",
        ),
        (3, r"(?:this|i) (?:confirms|confirm) (?:your|our)"),
        (
            3,
            r"(?:what|which) (?:times?|days?|slots?) (?:work|suit|would work)|your availability|when (?:are|would) you (?:be )?(?:free|available)",
        ),
        (
            3,
            r"(?:self[- ]schedul|scheduling link|booking link|calendly|pick a (?:slot|time)|choose a (?:slot|time)|select a (?:slot|time)|book (?:a|your) (?:slot|time))",
        ),
        (4, r"(?:one-way|recorded|asynchronous|on-demand) (?:video )?interview|video interview"),
        # frontline jobs: "come in for a trial shift on Saturday at 9", in the eight languages
        (
            4,
            r"trial (?:shift|day|session)|work trial|come in for a (?:chat|trial)|probe(?:schicht|tag|arbeiten)|journée d'essai|"
            r"(?:día|jornada) de prueba|dia de (?:experiência|teste)|giornata di prova|proef(?:dag|draaien|dienst)|dzień próbny",
        ),
        # "te convocamos a una entrevista", "zapraszamy na rozmowę"
        (
            4,
            r"(?:te|le|os|les) (?:convocamos|invitamos|citamos) a (?:una )?(?:entrevista|reunión)|nos gustaría conocerte|"
            r"(?:convidamos|convocamos)(?:-[oa])? para (?:uma )?entrevista|ti invitiamo a (?:un )?colloquio|"
            r"nodigen (?:je|u) (?:graag )?uit voor een (?:gesprek|sollicitatiegesprek)|graag (?:eens )?kennismaken|"
            r"zapraszamy do (?:kolejnego|następnego|drugiego) etapu|nagrani[ea] wideo|"
            r"uitnodigen voor (?:een |het )?(?:eerste |tweede )?(?:\w*gesprek|interview)|(?:een )?moment kiezen dat (?:je|u) (?:schikt|past)|kies (?:zelf )?een (?:moment|tijdstip|datum)|via (?:onze|de) (?:planner|agenda-?link)",
        ),
        # a (recorded) video interview and "the next step is an interview" in the other languages
        (
            4,
            r"entrevista (?:en |por |em )?v[íi]deo|entretien (?:en )?vidéo|video-?(?:interview|gespräch)|video ?colloquio|colloquio (?:in )?video|"
            r"rozmow[aęy] (?:wideo|video)|(?:siguiente|próximo) paso (?:es|será) una entrevista|(?:próxima|próximo) (?:etapa|passo) (?:é|será) uma entrevista|"
            r"has superado la (?:primera |segunda )?fase|passou (?:para|à) (?:a )?(?:próxima|segunda) (?:fase|etapa)",
        ),
        (3, r"(?:meet|speak|chat|talk) with (?:you|our|the)[^.]{0,60}(?:on|at) (?:\w+day|\d)"),
        (
            2,
            r"(?:meeting request|calendar invit(?:e|ation)|invitation attached|join (?:the )?(?:zoom|teams|google meet|meeting))",
        ),
        (2, r"interview"),
        (3, r"(?:superday|onsite|on-site) (?:day|visit|interview)?"),
        (3, r"(?:next|final) (?:round|stage|step)[^.]{0,60}(?:schedul|interview|meet)"),
        # French
        (
            2,
            r"(?:entretien|rencontre)(?: t[ée]l[ée]phonique| en visio| vid[ée]o| sur site)?[^.]{0,40}(?:le |à |lundi|mardi|mercredi|jeudi|vendredi)",
        ),
        (
            4,
            r"(?:(?:aimerions|souhaiterions|voudrions) vous rencontrer|(?:réserver|choisir) (?:directement )?(?:le|un|votre) créneau|vous (?:inviter|convier) à|convocation|vous confirme (?:un|le|votre) (?:premier |second |deuxième )?entretien|planifier un entretien|fixer un entretien)",
        ),
        (2, r"entretien"),
        # German
        (
            4,
            r"(?:einladung|laden sie|lade dich|einladen)[^.]{0,60}(?:gespräch|interview|kennenlernen|vorstellung)|"
            r"(?:möchten|würden|wollen|dürfen) (?:wir )?(?:sie|dich)[^.]{0,80}einladen|(?:wählen|buchen) sie[^.]{0,60}termin|"
            r"(?:würden|möchten) (?:dich|sie) gern(?:e)? [^.]{0,60}kennenlernen|such dir [^.]{0,30}(?:slot|termin) aus|wähle (?:einen|deinen) (?:slot|termin)",
        ),
        # the interview nouns are mentions ("alle Erstgespräche geführt"), like "phone interview"
        (
            3,
            r"(?:vorstellungsgespräch|zweitgespräch|erstgespräch|kennenlerngespräch|bewerbungsgespräch|telefoninterview)",
        ),
        (2, r"(?:\btermin\b|gespräch)"),
        # Spanish
        (
            4,
            r"(?:invitarte|invitarle|convocarte|convocarle) a (?:una )?(?:entrevista|reunión|llamada)",
        ),
        (
            2,
            r"(?:entrevista|videollamada)[^.]{0,40}(?:el |a las |lunes|martes|miércoles|jueves|viernes)",
        ),
        (2, r"entrevista"),
        # Portuguese
        (
            4,
            r"(?:convidar|convidá-l[oa]|convidamos)[^.]{0,40}(?:entrevista|conversa)|agendar (?:uma )?entrevista",
        ),
        # Italian
        (
            4,
            r"(?:invitarti|invitarla|convocarti) (?:a|per) (?:un |una )?(?:colloquio|intervista)",
        ),
        (2, r"colloquio[^.]{0,40}(?:il |alle |lunedì|martedì|mercoledì|giovedì|venerdì)"),
        (2, r"colloquio"),
        # Dutch
        (
            4,
            r"(?:uitnodigen|uitnodiging) (?:voor|tot) (?:een )?(?:gesprek|sollicitatiegesprek|kennismaking|interview)|sollicitatiegesprek",
        ),
        (2, r"gesprek"),
        # Polish
        (
            4,
            r"(?:zaprosić|zapraszamy|zaproszenie) na (?:rozmowę|spotkanie|wywiad)|rozmow[aęy] (?:kwalifikacyjn|rekrutacyjn)",
        ),
    ],
    MailKind.APPLICATION_ACK: [
        (
            5,
            r"potwierdzamy (?:jej |jego )?otrzymanie|potwierdzenie otrzymania (?:aplikacji|zgłoszenia|cv)|"
            r"dziękujemy za przesłanie (?:aplikacji|cv|zgłoszenia)",
        ),
        (
            5,
            r"(?:this is to |we )?acknowledge (?:the )?receipt of your (?:application|cv|form|submission)",
        ),
        # a portal status field at the receipt stage: "Status: Application received"
        (
            5,
            r"(?:status|statut|estado|stato|stan) ?: ?(?:application |candidature |candidatura |bewerbung |sollicitatie |aplikacja )?(?:received|submitted|reçue|eingegangen|recibida|recebida|ricevuta|ontvangen|otrzymana|przesłana)",
        ),
        (
            5,
            r"your (?:job )?application\b[^.]{0,100}(?:has been|was|is|have been) (?:successfully |now )?(?:received|submitted|sent)",
        ),
        (5, r"(?:we(?:'ve| have)? )?(?:got|received) your (?:[\w-]+ ){0,3}application"),
        (
            5,
            r"in goede orde (?:hebben |is |zijn )?ontvangen|(?:ist|sind) (?:gut )?bei uns eingegangen|bien été reçue|ha sido recibida|foi recebida|è stata ricevuta|została przyjęta",
        ),
        (
            5,
            r"(?:we(?:'ve| have)?|we) (?:successfully |now )?received your (?:[\w-]+ ){0,3}(?:application|cv|resume|résumé|candidacy|submission)",
        ),
        (
            5,
            r"(?:we(?:'ve| have)|we) (?:successfully )?received your (?:job )?(?:application|cv|resume|candidacy|submission)",
        ),
        (
            5,
            r"your (?:job )?application (?:has been|was|is) (?:successfully )?(?:received|submitted)",
        ),
        (
            5,
            r"(?:this (?:email|message|note) )?(?:is to )?confirm(?:s|ing)? (?:that )?(?:we(?:'ve| have)? )?(?:receipt of|received) your",
        ),
        (
            4,
            r"thank(?:s| you) for (?:your )?(?:applying|application|submitting your application|your interest in)",
        ),
        (
            3,
            r"(?:application|candidacy) (?:confirmation|received|submitted)|(?:applications?|candidacy) (?:is|are) (?:being|now) (?:under )?review",
        ),
        (3, r"(?:review|reviewing) (?:your|all) (?:application|applications|cv|resume)"),
        (
            3,
            r"(?:if|should) (?:your|the) (?:background|skills|qualifications|experience|profile)[^.]{0,40}(?:match|fit|align)",
        ),
        (
            2,
            r"(?:due to|because of) the (?:high |large )?(?:volume|number) of (?:applications|applicants)",
        ),
        # French
        (
            5,
            r"(?:(?:nous )?avons bien reçu (?:votre|ta) (?:courriel et (?:votre|ton) )?(?:candidature|cv)|accusé de réception|accusons (?:bonne )?réception|votre candidature a (?:bien )?été (?:reçue|enregistrée|transmise))",
        ),
        (4, r"(?:merci|nous vous remercions) (?:pour|de) (?:votre|ta) candidature"),
        # a CV received, in short: "¡Recibido tu CV!", "CV bien reçu", "CV erhalten"
        (
            5,
            r"(?:^|[¡!.]\s*)recibid[oa] (?:tu|su) (?:cv|currículum|curriculum|candidatura|solicitud)|"
            r"\bcv (?:bien )?reçu|(?:bien )?reçu (?:votre|ton) cv|\b(?:ihren|deinen) lebenslauf (?:erhalten|bekommen)|"
            r"\bcv (?:erhalten|eingegangen|ricevuto|recebido|ontvangen)\b|ricevuto (?:il tuo|il suo) cv|"
            r"recebemos (?:o (?:teu|seu) )?cv|(?:je|uw) cv (?:goed )?ontvangen|otrzymaliśmy (?:twoje|pana|pani) cv",
        ),
        # German
        (
            5,
            r"(?:eingang (?:ihrer|deiner) bewerbung|(?:ihre|deine) bewerbung (?:ist|wurde)[^.]{0,30}(?:eingegangen|erhalten)|bewerbung erhalten|eingangsbestätigung)",
        ),
        (4, r"(?:vielen )?danke? für (?:ihre|deine) bewerbung"),
        # Spanish
        (
            5,
            r"(?:hemos recibido (?:correctamente |con éxito |bien )?(?:tu|su) (?:candidatura|solicitud|cv|currículum|curriculum|postulación|inscripción|documentación)|(?:tu|su) (?:candidatura|solicitud|postulación) (?:ha sido|fue) recibida)",
        ),
        (
            4,
            r"gracias por (?:tu|su) (?:candidatura|solicitud|postulación|interés)",
        ),
        # Portuguese
        (
            5,
            r"(?:recebemos (?:corretamente |com sucesso )?(?:a |o )?(?:sua|tua|seu|teu) (?:candidatura|inscrição|cv|currículo)|(?:sua|tua) (?:candidatura|inscrição) foi (?:recebida|confirmada))",
        ),
        (4, r"obrigad[oa] (?:pela|por) (?:sua|tua)? ?candidatura"),
        # Italian
        (
            5,
            r"(?:abbiamo (?:correttamente )?ricevuto (?:la tua|la sua|il tuo|il suo) (?:candidatura|cv|curriculum)|(?:la tua|la sua) candidatura è stata ricevuta)",
        ),
        (4, r"grazie per (?:la tua|la sua|aver inviato la) candidatura"),
        # Dutch
        (
            5,
            r"(?:(?:we hebben|wij hebben) (?:je|jouw|uw) sollicitatie (?:goed )?ontvangen|ontvangstbevestiging)",
        ),
        (4, r"bedankt voor (?:je|jouw|uw) sollicitatie"),
        # Polish
        (
            5,
            r"(?:otrzymaliśmy (?:twoją|pana|pani) (?:aplikację|kandydaturę|zgłoszenie)|potwierdzamy otrzymanie)",
        ),
        (4, r"dziękujemy za (?:przesłanie |złożenie )?(?:aplikacji|zgłoszenia|kandydatury)"),
        # an automatic receipt for an emailed CV ("thank you for sending your CV")
        (
            5,
            r"thank(?:s| you) for (?:sending|submitting|forwarding|emailing) (?:us |in )?your (?:cv|resume|résumé|application|documents)|"
            r"(?:automatic|automated) (?:confirmation|acknowledge?ment) that (?:your (?:e-?mail|application|cv|message)|we have received)|"
            r"(?:postulación|candidatura|solicitud|candidature|bewerbung|application)\b[^.]{0,80}\b(?:fue recibida|ha sido recibida|foi recebida|a été reçue|ist eingegangen|was received|has been received)\b|"
            r"merci (?:de nous avoir|d'avoir) (?:envoyé|transmis|adressé) (?:votre|ton) (?:cv|candidature)|"
            r"(?:danke|dank) für (?:die|ihre) zusendung (?:ihrer|deiner) (?:bewerbung|unterlagen)|"
            r"gracias por (?:enviarnos|enviar|mandarnos|mandar) (?:tu|su) (?:cv|currículum|candidatura)|"
            r"obrigad[oa] por (?:nos )?(?:enviar|ter enviado) (?:o )?(?:seu|teu) (?:cv|currículo)|"
            r"grazie per (?:averci inviato|aver inviato|l'invio del) (?:il )?(?:tuo |suo )?(?:cv|curriculum)|"
            r"bedankt voor het (?:toesturen|insturen|sturen|opsturen) van (?:je|jouw|uw) (?:cv|sollicitatie)|"
            r"dziękujemy za przesłanie (?:cv|życiorysu|dokumentów)",
        ),
        # "your application has been registered", "confermiamo di aver ricevuto"
        (
            5,
            r"(?:zgłoszenie|aplikacja|kandydatura) (?:zostało|została) zarejestrowan|(?:application|candidacy) has been registered|"
            r"(?:candidature|demande) a (?:bien )?été enregistrée|bewerbung wurde (?:erfolgreich )?(?:registriert|erfasst)|"
            r"(?:candidatura|solicitud) (?:ha sido|fue) registrada|candidatura foi registada|candidatura è stata registrata|"
            r"sollicitatie is geregistreerd|confermiamo di aver ricevuto|confirmamos que (?:hemos|recebemos) recibido",
        ),
        # "we confirm receipt of your application", in the other languages (pt-PT "receção")
        (
            5,
            r"conf[ie]rm(?:amos|iamo|ons|o) (?:a |la |il )?(?:rece(?:p)?(?:ç|c)(?:ão|ao|ión|ion)|réception|ricezione|ricevimento) d[aeo]l?l?[a ]|"
            r"bestätigen (?:ihnen )?(?:hiermit )?(?:den )?eingang|bevestigen (?:hierbij )?(?:de )?ontvangst|potwierdzamy (?:otrzymanie|wpłynięcie)",
        ),
        (4, r"obrigad[oa] pelo (?:seu|teu) interesse|grazie per (?:il tuo|il suo) interesse"),
    ],
    MailKind.AUTO_REPLY: [
        # "encontro-me ausente do escritório", "je suis absente", "ich bin abwesend"
        (
            5,
            r"(?:encontro-me|estou|me encuentro|estoy|sono|je suis|ik ben|jestem) (?:actualmente |atualmente |attualmente |actuellement |momenteel |obecnie )?"
            r"(?:ausente|assente|absente?|afwezig|nieobecn|fuera de la oficina|fora do escritório|fuori ufficio|hors du bureau|niet op kantoor)|"
            r"ich bin (?:derzeit |zurzeit )?(?:abwesend|nicht im büro|außer haus)",
        ),
        # "I'm on summer holiday until Friday 6 August", "I am on annual leave"
        (
            5,
            r"(?:i am|i'm|i will be|i'll be) (?:currently )?(?:on|taking) (?:my )?(?:(?:summer|annual|winter|christmas|parental|maternity|paternity|sick|study) )?(?:holiday|holidays|vacation|leave)\b",
        ),
        (
            5,
            r"(?:i am|i'm) (?:currently |now )?(?:away|off)(?: from| until| till| and|,|\.| on| this| for)",
        ),
        (
            4,
            r"\bim urlaub\b|\ben vacances\b|\bde vacaciones\b|\bde férias\b|\bin ferie\b|\b(?:met|op) vakantie\b|\bna urlopie\b",
        ),
        (
            5,
            r"(?:i am|i'm|i will be|i'll be|currently) (?:currently )?(?:out of (?:the )?office|away from (?:the|my) (?:office|desk)|on (?:annual |parental |maternity |paternity |sick |medical )?(?:leave|vacation|holiday)|travell?ing|out sick|ooo)",
        ),
        (
            5,
            r"out of (?:the )?office (?:until|through|from|and|with)|(?:with )?(?:limited|no) access to (?:my )?e-?mail",
        ),
        (
            5,
            r"(?:ne fais plus partie|ne travaille plus (?:chez|pour|au sein)|arbeite nicht mehr (?:bei|für)|bin nicht mehr (?:bei|für|in)|"
            r"ya no (?:trabajo|formo parte)|já não (?:trabalho|faço parte)|não trabalho mais|não faço mais parte|deixei a empresa|non lavoro più|non faccio più parte|"
            r"(?:ben|werk) niet meer (?:werkzaam|in dienst|bij|voor)|nie pracuję już|już nie pracuję|"
            r"no longer (?:associated with|with|work(?:s|ing)? (?:at|for)|employed (?:at|by)) (?:the company|\w+)|"
            r"ist nicht mehr (?:für|bei|in) [^.]{0,60}(?:tätig|beschäftigt)|ist nicht mehr (?:im unternehmen|bei uns)|"
            r"n'est plus (?:en poste|au sein|chez|en fonction|employée? )|ya no (?:trabaja|forma parte)|"
            r"já não (?:trabalha|faz parte)|não trabalha mais|non (?:lavora|fa) più|werkt niet meer|"
            r"(?:nie pracuje już|już nie pracuje)|"
            r"(?:mailbox|inbox|account) will be (?:deactivated|closed|disabled)|has left (?:the company|the organi[sz]ation)|is no longer with)",
        ),
        (
            5,
            r"(?:this )?(?:mailbox|inbox|email address|address) (?:is|isn't|is not) (?:not |no longer )?(?:monitored|checked|read|in use|active)|may not be read",
        ),
        # "this mailbox is not monitored" in the other languages
        (
            5,
            r"n'est (?:pas|plus) (?:surveillée|consultée|relevée|lue|active)|wird nicht (?:überwacht|gelesen|bearbeitet|abgerufen)|"
            r"no (?:se )?(?:supervisa|monitoriza|revisa|atiende)|no está (?:monitorizad|supervisad|atendid)|"
            r"não é (?:mais )?(?:monitorad|monitorizad|lid|verificad|acompanhad)|"
            r"non (?:è|viene) (?:monitorat|presidiat|controllat|lett)|wordt niet (?:gelezen|gecontroleerd|gemonitord|bewaakt)|"
            r"nie jest (?:monitorowan|sprawdzan|czytan|obsługiwan)",
        ),
        (
            4,
            r"(?:i will|i'll) (?:respond|reply|get back to you|answer) (?:to your (?:email|message) )?(?:when|upon|on my|as soon as) (?:i|my)",
        ),
        (4, r"(?:office|offices) (?:is|are|will be) closed"),
        (
            3,
            r"(?:for (?:urgent|immediate) (?:matters|requests|inquiries|enquiries)|if (?:this|your (?:matter|request)) is urgent)",
        ),
        (3, r"(?:thank you for your (?:e-?mail|message)|thanks for your (?:e-?mail|message))[.!,]"),
        (3, r"(?:automatic|automated) (?:reply|response)"),
        (2, r"\b(?:returning|back in the office|back on|i return|i will return|back at work)"),
        # French
        (
            5,
            r"(?:(?:je suis|je serai) (?:actuellement )?absente?|absente? du bureau|(?<!est )(?<!sont )en congés?|ne fait plus partie|a quitté (?:la société|l'entreprise))",
        ),
        # German
        (
            5,
            r"(?:(?:ich bin|bin ich) (?:bis|vom|ab|derzeit|momentan|aktuell|leider)[^!?\n]{0,60}(?:nicht im büro|abwesend|im urlaub|nicht erreichbar)|nicht im büro|abwesenheit|nicht mehr (?:im unternehmen|für \w+ tätig|bei))",
        ),
        # Spanish
        (
            5,
            r"(?:(?:estoy|estaré) (?:fuera de la oficina|de vacaciones|ausente)|fuera de la oficina|ya no (?:trabaja|forma parte))",
        ),
        # Portuguese
        (5, r"(?:(?:estou|estarei) (?:fora do escritório|de férias|ausente)|fora do escritório)"),
        # Italian
        (5, r"(?:(?:sono|sarò) (?:fuori (?:ufficio|sede)|in ferie|assente)|fuori ufficio)"),
        # Dutch
        (
            5,
            r"(?:(?:ik ben|ben ik) (?:afwezig|met vakantie|niet op kantoor)|afwezig tot|niet aanwezig)",
        ),
        (
            5,
            r"zakończył(?:am|em) (?:współpracę|pracę)|skrzynka nie jest (?:już )?monitorowana",
        ),
        (5, r"(?:ik ben|ben ik)\b[^.]{0,40}\b(?:afwezig|(?:met|op) vakantie|met verlof)"),
        # Polish
        (5, r"(?:(?:jestem|będę) (?:nieobecn|na urlopie|poza biurem)|poza biurem)"),
    ],
    MailKind.BOUNCE: [
        (
            5,
            r"(?:wasn'?t|was not|could not be|couldn'?t be|cannot be|has not been|hasn't been) delivered",
        ),
        (
            5,
            r"(?:delivery (?:to the following recipients? )?(?:has )?failed|delivery status notification|undeliverable|permanent (?:fatal )?error)",
        ),
        (
            4,
            r"(?:address not found|user unknown|no such user|mailbox (?:unavailable|full|not found)|recipient address rejected|domain not found|does not exist)",
        ),
        (4, r"\b[45]\.\d\.\d{1,3}\b"),
        (
            3,
            r"(?:the following (?:message|address(?:es)?) (?:could not|failed)|returned to sender|mail delivery (?:system|subsystem))",
        ),
    ],
    MailKind.EMPLOYER_REPLY: [
        # a process still running: "they still have two candidates to see this week", "I'll call
        # you as soon as I hear anything", "he's promised me feedback by Thursday"
        (
            3,
            r"(?:still )?(?:have|has|got) (?:\w+ )?(?:more |other |further )?(?:candidates|people|applicants) to "
            r"(?:see|interview|meet|speak)|as soon as (?:i|we) (?:hear|know) (?:anything|back|more)|"
            r"promised (?:me|us) (?:feedback|an answer|a decision)|(?:will|'ll) (?:call|ring) you (?:as soon|when|once)",
        ),
        # after an interview: "w nawiązaniu do rozmowy kwalifikacyjnej z dnia 8 listopada"
        (
            4,
            r"w nawiązaniu do (?:naszej |odbytej )?(?:rozmowy|spotkania)|following (?:up on )?(?:your|our|the) (?:interview|conversation|call|meeting)\b(?! (?:on|at|next|tomorrow))|"
            r"suite à (?:notre|votre) (?:entretien|échange|rencontre)|im anschluss an (?:unser|ihr|das) (?:gespräch|vorstellungsgespräch)|"
            r"tras (?:la|nuestra) (?:entrevista|conversación|reunión)|na sequência da (?:entrevista|nossa conversa|reunião)|"
            r"a seguito del (?:colloquio|nostro incontro)|naar aanleiding van (?:ons|het|uw|je) (?:gesprek|sollicitatiegesprek)|"
            r"(?:prosimy|proszę) o (?:dostarczenie|przesłanie|złożenie) (?:\w+ ){0,3}dokument",
        ),
        # an answer to the candidate's question: "in riscontro alla Sua richiesta di informazioni"
        (
            3,
            r"in (?:riscontro|risposta) alla (?:sua|tua) (?:richiesta|mail|e-?mail|domanda)|en respuesta a (?:su|tu) (?:consulta|correo|pregunta)|"
            r"en réponse à (?:votre|ta) (?:demande|question|message|courriel)|(?:in )?antwort auf (?:ihre|deine) (?:anfrage|nachricht|frage)|"
            r"em resposta (?:ao seu|à sua) (?:e-?mail|pedido|pergunta|mensagem)|in antwoord op (?:uw|je) (?:vraag|e-?mail|bericht)|"
            r"w odpowiedzi na (?:pani|pana|twoje|twoją) (?:pytanie|wiadomość|zapytanie)|in (?:reply|response) to your (?:question|query|email|message)",
        ),
        # "eres nuestra primera opción", "you're our top choice": news that keeps it going
        (
            3,
            r"(?:eres|es usted|you are|you're|sei|é|jesteś|bent u|ben je|vous êtes|du bist|sie sind) "
            r"(?:still )?(?:nuestra|our|la nostra|a nossa|naszym|onze|notre|unser\w*) "
            r"(?:primera|first|top|prima|primeira|pierwszym|eerste|premier|premi[eè]re|erste\w*) "
            r"(?:opción|choice|candidate|scelta|opção|wyborem|keuze|choix|wahl)",
        ),
        # forms and papers asked for: "Personalbogen ... ausgefüllt zurückzusenden",
        # "diligenciar el formulario", "fill in the attached form"
        (
            3,
            r"zurück(?:zu)?(?:senden|schicken)|ausgefüllt|personal(?:frage)?bogen|führungszeugnis|strafregister|"
            r"diligenciar|formulario de datos|autorización de tratamiento|formulaire (?:ci-joint|à compléter|joint)|"
            r"compilare il modulo|modulo (?:allegato|da compilare)|formulier (?:invullen|in te vullen)|"
            r"(?:wypełni|uzupełni)\w* (?:\w+ )?(?:formularz|kwestionariusz)|fill (?:in|out) (?:the|our) (?:attached )?form|"
            r"complete the (?:attached |enclosed )?(?:form|questionnaire)|pre-employment (?:checks|screening)",
        ),
        # an update after an interview opens like a receipt: "vielen Dank für Ihre Bewerbung
        # und das Vorstellungsgespräch am 24. Februar", "Zwischenbescheid", "status update"
        (
            4,
            r"(?:thank(?:s| you)|dank\w*|merci|gracias|obrigad[oa]|grazie|bedankt|dziękuj\w*) (?:for|für|pour|por|per|voor|za) [^.]{0,90}"
            r"\b(?:and|und|et|y|e|i) (?:for )?(?:the |your |das |dem |l'|el |la |o |a |il |het |je |uw )?(?:\w+ )?"
            r"(?:interview|vorstellungsgespräch|gespräch|entretien|entrevista|colloquio|gesprek|rozmow\w*)|"
            r"zwischenbescheid|zwischennachricht|sachstandsmitteilung|status update on your application|"
            r"update on your application|point d'étape sur votre candidature|actualización (?:de|sobre) (?:tu|su) candidatura|"
            r"aggiornamento sulla (?:tua|sua) candidatura|stand van zaken(?: (?:rond|van) (?:je|uw))? sollicitatie|"
            r"(?:informeren|berichten) (?:wij |we )?(?:u|je) (?:graag )?over de voortgang|voortgang van de (?:procedure|sollicitatie)",
        ),
        # a portal task after the receipt: "Action needed: background check consent"
        # (weight 5: a status from a no-reply address, like the status fields)
        (
            5,
            r"background (?:check|screening)(?: consent)? form|pre-employment (?:checks?|screening) (?:form|consent|tasks?)|"
            r"action (?:needed|required):? [^.\n]{0,40}(?:consent|form|documents?|check)",
        ),
        # expenses after an interview: "reiskostendeclaratie voor het sollicitatiegesprek"
        (
            4,
            r"reiskosten|travel expenses|expense claim|(?:fahrt|reise)kosten|frais de (?:déplacement|transport)|"
            r"gastos de (?:viaje|desplazamiento)|despesas de (?:viagem|deslocação|deslocamento)|rimborso (?:spese|delle spese)|"
            r"zwrot kosztów",
        ),
        # a hand-over to a colleague: "I'm handing your process over to my colleague Ruth"
        (
            4,
            r"hand(?:ing|ed)? (?:your|the) (?:process|application|candidacy|file)\b[^.]{0,80}?\bover(?: to)?\b|"
            r"hand(?:ing|ed)? (?:you|it) over to (?:my|our)|(?:my|our) colleague \w+(?: \w+)? (?:will|'ll) (?:contact|be in touch|reach out|get in touch|take over)|"
            r"(?:reprendra|prendra le relais|suivra) (?:votre|ton) (?:dossier|candidature)|übernimmt (?:ihre|deine) bewerbung|"
            r"(?:se hará|se encargará) (?:cargo )?de (?:tu|su) (?:candidatura|proceso)|vai (?:acompanhar|assumir) (?:a sua|o seu|a tua|o teu)|"
            r"(?:seguirà|prenderà in carico) (?:la tua|la sua) candidatura|neemt (?:je|uw) sollicitatie over|przejmie (?:twoją|pana|pani) (?:kandydaturę|rekrutację)",
        ),
        # A portal status field past the receipt stage: "Status: Hiring manager review". Weight 5
        # is the signal classify.py lets through from a no-reply address (a status update).
        (
            5,
            r"(?:status|statut|estado|stato|stan) ?: ?(?:(?:hiring manager |under |in )review|interviewing|interview stage|assessment|shortlisted|on hold|"
            r"in prüfung|im auswahlverfahren|en cours d'(?:examen|évaluation)|en revisión|en evaluación|em análise|em avaliação|in valutazione|in beoordeling|w (?:ocenie|weryfikacji))",
        ),
        (
            3,
            r"(?:proof of (?:address|identity|id)|national insurance|(?:we|i) need (?:a copy|proof|your)|referenze|références|referências|copia (?:del|della|di)|ci serve|abbiamo bisogno|necesitamos|copia de|precisamos|cópia|nous aurions besoin|copie de|benötigen|kopie van|hebben (?:we )?nodig|potrzebujemy|kopi[aię]|"
            r"references?|referees?|background check|reference check|right to work|work permit|id documents?|copies of|certificates|transcripts?)",
        ),
        (
            3,
            r"(?:still (?:reviewing|deciding|evaluating|interviewing|waiting|finali[sz]ing)|(?:no|not yet a) (?:decision|update) yet|wrapping up|(?:an? )?(?:quick )?(?:status )?update (?:on|for|about) (?:your|the))",
        ),
        (
            3,
            r"(?:on hold|paused|delayed|pushed back|taking (?:a bit )?longer|(?:has|have) taken longer)",
        ),
        (
            3,
            r"on ice|(?:our |the )?(?:preferred|top|leading) candidate|still (?:very much )?in the running|bear with us|haven't forgotten (?:about )?you",
        ),
        # delay and decision words in the other languages ("eine kleine Verzögerung")
        (
            2,
            r"verzögerung|verzögert|entscheidung|retard|décision|retraso|decisión|atraso|decisão|ritardo|decisione|vertraging|beslissing|opóźnieni|decyzj",
        ),
        (
            3,
            r"(?:salary expectations|notice period|availability to start|take-home|work sample|case study|assignment|exercise|portfolio)",
        ),
        (
            3,
            r"(?:get back to you|be in touch|keep you (?:posted|updated|informed)|let you know|come back to you|update you)",
        ),
        (
            2,
            r"(?:thanks|thank you) for (?:checking in|following up|your (?:note|follow-up|patience|questions?|email|message|time))",
        ),
        (
            2,
            r"(?:next steps?|hiring manager|the team|your (?:application|candidacy)|the (?:role|position))",
        ),
        (3, r"(?:cancel(?:led|ed)?|cancellation)[^.]{0,40}(?:interview|meeting|call)"),
        # other languages: status updates, document requests
        (
            3,
            r"(?:nous reviendrons vers vous|vous tenir informé|unterlagen|zeugnisse|referenzen|melden uns|rückmeldung|te mantendremos|documentos|referencias|daremos retorno|faremo sapere|documenti|referenties|laten we (?:je|u) weten|laat (?:het )?(?:je|u) (?:zo snel mogelijk )?weten|dokumenty|referencje|damy znać)",
        ),
        # "we'll give you an answer" and "the process has stretched", in the other languages
        (
            3,
            r"(?:ti|le|vi) daremo (?:una )?rispost|(?:te|le|les) daremos (?:una )?respuesta|(?:te |lhe )?daremos (?:uma )?resposta|(?:te|lhe) damos (?:uma )?resposta|"
            r"si è (?:un po' )?(?:allungat|prolungat)|è slittat|se ha (?:alargado|retrasado)|(?:atrasou|se estendeu)|a pris (?:un peu )?de retard|heeft vertraging",
        ),
        # "the process is still ongoing" and "we'll be in touch", in the other languages
        (
            3,
            r"still (?:ongoing|underway|in progress)|toujours en cours|(?:sigue|todavía está|aún está) (?:en curso|abierto)|ainda (?:está )?(?:em andamento|em curso|a decorrer)|ancora in corso|loopt nog|(?:wciąż|nadal|jeszcze) trwa|läuft (?:noch|derzeit)|noch nicht abgeschlossen",
        ),
        (
            3,
            r"odezwiemy|skontaktujemy|poinformujemy|nos pondremos en contacto|te contactaremos|le contactaremos|entraremos em contato|entraremos em contacto|la ricontatteremo|ti ricontatteremo|wir kommen (?:auf sie|auf dich)|nemen (?:we )?(?:binnenkort )?contact",
        ),
        # past the closing date: "the closing date has now passed", "shortlisting will be"
        (
            3,
            r"closing date has (?:now )?passed|applications (?:have )?(?:now )?closed|shortlisting (?:is|will be|has|decisions)|"
            r"date (?:limite|de clôture) (?:est|étant) (?:passée|dépassée)|bewerbungsfrist ist (?:abgelaufen|vorbei)|plazo de (?:presentación|inscripción) ha (?:finalizado|terminado)|"
            r"prazo de candidaturas? (?:terminou|encerrou)|scadenza (?:è|e) (?:passata|scaduta)|sluitingsdatum is (?:verstreken|voorbij)|termin składania (?:aplikacji|zgłoszeń|ofert) (?:minął|upłynął)",
        ),
        # "your application remains active" keeps the candidacy open, in the eight languages
        (3, REMAINS_OPEN),
    ],
    MailKind.OTHER: [
        # a friend's practice round is no invitation: "want to do a mock interview on Saturday?"
        (
            5,
            r"mock interview|practice interview|entretien blanc|probe-?interview|simulacro de entrevista|"
            r"simulação de entrevista|simulazione di colloquio|oefengesprek|próbna rozmowa",
        ),
        # a recruiter's cold approach: no application behind it (corpus README: other)
        (
            4,
            r"urgent requirement|please ignore if not interested|if interested,? (?:kindly |please )?(?:share|send|revert)|immediate joiners|"
            r"(?:came|come) across your (?:profile|cv|résumé|resume|linkedin)|(?:saw|found|noticed) your profile (?:on|via)|"
            r"(?:would|are) you (?:be )?open to (?:a (?:quick |brief )?(?:chat|call)|new opportunities|exploring|hearing)|"
            r"thought you (?:might|may|could) be (?:interested|a (?:great|good|strong) fit)|"
            r"(?:j'ai|je suis tombée?) (?:découvert|vu|sur) votre profil|bin (?:auf|über) (?:ihr|dein) profil gestoßen|"
            r"(?:vi|encontré|me encontré con) (?:tu|su) perfil|(?:vi|encontrei) (?:o )?(?:seu|teu) perfil|"
            r"ho (?:visto|trovato) il (?:tuo|suo) profilo|kwam (?:je|jouw|uw) profiel tegen|natrafił(?:em|am) na (?:twój|pana|pani) profil|znalazł(?:em|am) (?:twój|pana|pani) profil|"
            r"i'm reaching out directly|worth a (?:quick )?chat\?",
        ),
        # personal mail about the search, from friends and family
        (
            4,
            PERSONAL,
        ),
        (
            4,
            r"(?:unsubscribe|désinscri|abmelden|darse de baja|cancelar (?:a )?inscrição|annulla l'iscrizione|uitschrijven|wypisz|to opt out|reply stop\b)",
        ),
        (
            4,
            r"(?:job alert|jobs? (?:for you|matching|recommended)|new jobs|recommended (?:jobs|for you)|jobs you may|similar jobs|stellenangebote für sie|neue jobs|offres d'emploi|ofertas de empleo)",
        ),
        (
            3,
            r"(?:newsletter|webinar|digest|view (?:this email )?in (?:your )?browser|manage (?:your )?(?:preferences|alerts|subscriptions)|upgrade to premium|free trial)",
        ),
        (
            3,
            r"(?:was viewed|viewed your (?:application|profile)|appeared in \d+ searches|searches this week)",
        ),
        (
            4,
            r"\bviewed your application|nieuwe vacatures|vacatures voor jou|vacaturemelding|neue stellenangebote|"
            r"nouvelles offres|nuevas ofertas|novas vagas|nuove offerte|nowe oferty|afmelden|abbestellen|se désabonner|"
            r"disiscriviti|wypisz się|darse de baja",
        ),
        # "an employer viewed your application" and job-board listings, in the other languages
        (
            4,
            r"(?:a consulté|a vu) (?:votre|ta) candidature|hat (?:ihre|deine) bewerbung [^.]{0,60}(?:angesehen|angeschaut|geöffnet)|"
            r"ha (?:visto|visualizado|revisado|leído) (?:tu|su) (?:cv|candidatura|perfil)|(?:visualizou|viu) (?:a )?(?:sua|tua) candidatura|"
            r"ha visualizzato (?:la tua|la sua) candidatura|heeft (?:je|jouw|uw) sollicitatie [^.]{0,60}(?:bekeken|geopend)|"
            r"wyświetlił (?:twoją|pana|pani) (?:aplikację|kandydaturę|zgłoszenie)",
        ),
        (
            3,
            r"(?:podobne|nowe|polecane) oferty|offres similaires|ähnliche (?:jobs|stellen)|ofertas similares|vagas semelhantes|offerte simili|vergelijkbare vacatures|similar (?:jobs|roles|openings)",
        ),
        (
            3,
            r"(?:dentist|appointment reminder|statement is ready|your order|receipt for your payment|password reset)",
        ),
        (2, r"(?:tips|how to ace|career advice|top \d+|ways to)"),
        (4, SHOPPING),
    ],
}

# Patterns are matched against lower-cased text without re.IGNORECASE: case-folding in the
# engine made scoring three times slower, and the 300 messages/s target is per core. Each
# carries the literals it cannot match without (see literals.py), tested before the regex runs.
TABLE: dict[MailKind, list[tuple[float, re.Pattern[str], Needs]]] = {
    kind: [
        (weight, re.compile(pattern), required_literals(pattern))
        for weight, pattern in sorted(entries, key=lambda e: -e[0])
    ]
    for kind, entries in _RAW.items()
}
