"""When the employer said it would answer (respond_by) and when an absent person is back.

Dates are resolved against the Date header in its own offset (no clock is read). Which is
looked for depends on the kind: a reply-by date only in employer replies and receipts (an
offer's dates are the candidate's deadlines), decisions only in invitations, a return date
only in automatic replies.
"""

# Cue regexes are data; splitting them across lines would hide their shape.
# ruff: noqa: E501

from __future__ import annotations

import functools
import re
from dataclasses import replace
from datetime import date, datetime, timedelta

from followup.mail.chat import expand_chat
from followup.mail.dates import (
    MONTHS,
    NUMBERS,
    WEEKDAYS,
    DateMention,
    find_dates,
    next_business_day,
)
from followup.mail.model import MailKind

_REPLY_CUE = re.compile(
    r"get back to (?:you|u|ya)\b|be in touch|back to (?:you|u)\b|hear (?:back )?from|(?:should|will|'ll|expect to) hear\b|an answer|answer (?:for|to) you|"
    r"\b(?:we|i)(?:'ll| will| expect to| aim to| hope to| plan to| should be able to)\b|final call|make a call|"
    r"\b(?:we|i)(?:'re| are|'m| am) (?:aiming|hoping|planning|looking|expecting) to|"
    r"expect to|\bconfirm\b|contact met (?:je|u) op|ne(?:e)?m(?:en)? [^.]{0,30}contact|let you know|update you|an update|"
    r"decision|decide|feedback|respond|reply to you|contact you|reach out|come back|follow up with|"
    r"(?<!personal )(?<!family )news|touch base|"
    # a public body's "se comunique ... en un plazo de diez días hábiles"
    r"seront communiqu|serez (?:informée?s?|avisée?s?)|vous informerons|"
    r"(?:will|'ll) be notified|notify you|(?:u|je) ontvangt[^.]{0,40}bericht|bericht van ons|contact[aá]-(?:l[oa]s?|te)-emos|(?:uma|com uma|a nossa) resposta|se comuni(?:que|cará)|será comunicad|sarà comunicat|sera communiqu|mitgeteilt|bekanntgegeben|"
    r"resolución|resolução|review (?:your|all)|reviewing|next steps|"
    r"reviendr|revenir vers|réponse|décision|retour|tenir informé|contacter|nouvelles|"
    r"melden|rückmeldung|entscheidung|entscheiden|informieren|bescheid|zurückkommen|"
    r"respuesta|decisión|pondremos en contacto|contactaremos|informaremos|novedades|comunicaremos|"
    r"retorno|resposta|decisão|entraremos em contato|daremos|novidades|"
    r"risposta|decisione|faremo sapere|contatteremo|ricontatteremo|aggiornamento|riscontro|"
    r"recontacter|contacterons|recontacterons|kontaktieren|"
    r"laten (?:we )?(?:je|u) weten|\blaten\b[^.]{0,40}\bweten\b|terugkoppeling|reactie|besluit|beslissing|contact opnemen|"
    r"odpowied|decyzj|skontaktujemy|odezwiemy|poinformujemy|informacj|damy znać|dam znać|odezw|"
    # "I'll call you Friday with an update"
    r"\bbel(?:len)? (?:je|u)\b|ik bel|call you|ring you|rufe (?:sie|dich) an|anrufen|t'appelle|vous appelle|"
    r"te llamo|le llamo|ligo-lhe|ligo-te|ti chiamo|la chiamo|zadzwoni|"
    # "you'll hear from us" in the other languages
    r"\bhoor(?:t|en)?\b[^.]{0,40}\bvan (?:ons|mij)\b|\bhorens?\b|hören[^!?\n]{0,40}von uns|von uns hören|"
    r"noticias|sabrás|sabrá de|te escrib|le escrib|en cuanto sepa|notícias|notizie|saprai|sentirai|dostaniesz|otrzymasz|otrzyma pan|"
    # "applicants will be notified of the outcome", "te digo algo", "je vous tiens au courant"
    r"update expected|expected update|\boutcome|\bnotified|be informed|be advised|te digo|le digo|te dir[ée]|le dir[ée]|te aviso|le aviso|avisaremos|"
    r"tiens au courant|tiendrons au courant|geben (?:ihnen|dir) bescheid|te aviso|ti dico|ti farò sapere|dam (?:ci|panu|pani) znać|"
    # "we'll talk again", "we'll answer", "(I) should know tomorrow"
    r"contestaremos|contestamos|responderemos|responderei|risponderemo|répondrons|antworten (?:ihnen|dir)|"
    r"voltaremos a falar|voltamos a falar|falaremos|volveremos a hablar|hablamos|ci risentiamo|risentirci|"
    r"nous reparlerons|on se reparle|sprechen uns|spreken (?:we )?(?:je|u|elkaar)|porozmawiamy|"
    r"(?:should|will|'ll|hope to|expect to) know\b|circle back|"
    r"(?:je|on|nous) vous rappel|communiquer(?:a|ons|ont) avec vous|odpowiemy|odpowie|te rappelle|(?:rufe|rufen) (?:sie|dich) [^.]{0,20}zurück|te vuelvo a llamar|"
    r"(?:te|le|os|les) (?:diremos|decimos|digo|avisamos|aviso|contamos|cuento)\b|(?:te|le|os) confirm(?:o|amos|aremos)|confirmaremos|pondrá en contacto|pondrán en contacto|esito|"
    r"duidelijkheid|uitsluitsel|uitkomst|revert|expect (?:a|my|our) call|aggiorner|"
    r"melde(?:n)? (?:mich|uns)|entraremos em contact?o|laat (?:het )?(?:je|u)\b[^.]{0,30}\bweten|da (?:nam|ci|pani|panu) znać|dadzą (?:nam |ci |pani |panu )?znać|"
    r"(?:a|an|our|the) (?:final |definitive |clear )?answer|(?:'d| would) hope to|something concrete|(?:te|le) diré|(?:ti|le|vi) diremo|nous vous dirons|"
    r"(?:sagen|geben) (?:ihnen|dir) (?:bescheid|rückmeldung)|(?:te|lhe) diremos|"
    r"revenons vers|reviens vers|revenir vers|kom(?:en)? (?:ik |we )?(?:er |erop |bij (?:je|u) )[^.]{0,30}terug|"
    r"(?:ti|le|vi) faccio sapere|(?:ti|le|vi) farò sapere|ti aggiorno|la aggiorno",
)
_CANDIDATE_DEADLINE = re.compile(
    r"please(?! (?:allow|bear|note|expect|be patient))|could you|can you|if you (?:can|could)|"
    r"(?:we|i) need (?:your|you to|a copy|copies)|send (?:us|me|it|them|your|the)|"
    r"\bmust\b|needs? to be|has to be|\bdebe\b|\bdeve\b|\bmuss\b|\bdoit\b|\bmoet\b|\bmusi\b|"
    r"\bfirmar|\bassinar|\bfirmare|unterschreiben|\bsigner|ondertek|podpisa|terugsturen|wil je|"
    r"(?:ti|le|vi|la) (?:chiediamo|preghiamo)|bien vouloir|nous (?:transmettre|faire parvenir)|dovr(?:à|anno) pervenire|deve(?:no)? pervenire|"
    # an appeal window is the candidate's: "podrá interponer recurso ... en el plazo de un mes"
    # (and money or a leaving day is no reply: "de uitbetaling volgt binnen vier weken",
    # "Friday 18 June is my last day")
    r"uitbetaling|reimburse|erstattung|remboursement|reembolso|rimborso|zwrot koszt|\bpaid\b|"
    r"\bpayments?\b|"
    r"my last day|mon dernier jour|mein letzter (?:arbeits)?tag|mi último día|meu último dia|"
    r"il mio ultimo giorno|mijn laatste (?:werk)?dag|mój ostatni dzień|"
    r"\bappeal|interponer|recurso|einspruch|widerspruch|recours|ricorso|odwołani|bezwaar|inviare|enviar(?:nos)?\b|envoyer|schicken|zusenden|"
    # "pedimos-lhe que nos envie, até quarta-feira, os documentos"
    r"\benvi(?:e|es|em)\b|\bmande(?:m)?\b|pedimos-lhe|pedimos que|solicitamos que|"
    # "agradecemos que nos faça chegar a documentação até ao dia 18 de maio"
    r"fa[çc]a chegar|fazer chegar|agradecemos que nos|solicitar o envio|"
    # "può inviarli entro venerdì", "le chiedo di inviarmi entro fine mese"
    r"\binviar(?:l[aeio]|mi|ci|vi)\b|\binviatemi\b|\bmandarmi\b|(?:le|ti|vi) chiedo|"
    r"upload|provide (?:us|your|the|a copy)|share your|bring|book (?:a|your)|"
    r"(?:choose|pick|select) (?:a|your|one)\b|\bsign(?:ed|ing)?\b(?![- ]off\b)|signature|deadline|expires?|complete the|submit|return the|"
    r"your (?:response|reply|answer)|let us know|bitte|merci de|veuillez|por favor|per favore|"
    r"graag|proszę|prosimy|closing date|closes on|applications close|posting|"
    r"office is closed|closed until",
)
# A sentence ends at . ! ? or a line break, but not at the period of a German or Polish
# ordinal date ("vom 6. bis 15. Mai") nor inside a numeric one ("bis 20.03.2026").
_SENTENCE = re.compile(
    r"(?:[^.!?;\n]|(?<=\d)(?<!\d{4})\.(?=[ \t]*[^\W\d_]|\d)"  # "31 March 2027." ends one
    # nor after a month's abbreviation before its day ("by Oct. 22")
    r"|(?<=[Jj]an|[Ff]eb|[Mm]ar|[Aa]pr|[Jj]un|[Jj]ul|[Aa]ug|[Ss]ep|[Oo]ct|[Nn]ov|[Dd]ec)\.(?=[ \t]*\d)"
    # nor after "max." or "approx." inside a phrase ("in max. two weeks")
    r"|(?<=\d\sr)\.(?=[ \t]+\w)|(?<=\b[Mm]ax)\.(?=[ \t]+\w)|(?<=\b[Aa]pprox)\.(?=[ \t]+\w)|(?<=\b[Cc]a)\.(?=[ \t]+\d))+"
    r"(?:[.!?;]|\n|$)"
)
_LINE_WRAP = re.compile(r"(?<=\S)[ \t]*\n(?=[ \t]*\S)")


def _unwrap(text: str) -> str:
    """Join hard-wrapped lines so "by\nThursday" reads as one phrase; blank lines stay."""
    return _LINE_WRAP.sub(" ", text)


_BY = re.compile(
    r"(?:\bby|before|no later than|within|d'ici|avant|bis|vor|antes d[eo]l?|hasta|até|"
    r"allow us (?:time )?(?:till|until)|give (?:me|us)(?: time)? (?:till|until)|"
    r"entro|voor|uiterlijk|do|przed|"
    # "at the latest": spätestens (am), au plus tard (le), como muy tarde (el)...
    r"latest|spätestens|plus tard|más tardar|(?:como|lo más) tarde|muy tarde|mais tardar|più tardi|najpóźniej)"
    r"\W*(?:the\s+|le\s+|la\s+|el\s+|den\s+|o\s+|a\s+|il\s+|zum\s+|am\s+|dem\s+|al\s+|"
    r"au\s+|dnia\s+)?"
    r"(?:(?:dia|día|giorno|jour|dag|dnia)\s+)?$",
    re.I,
)


# "by Friday 12 February": the weekday before an explicit date belongs to it.
_TRAILING_WEEKDAY = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, WEEKDAYS), key=len, reverse=True)) + r")\.?,?\s*$",
    re.I,
)
_BY_WORD = re.compile(
    r"\b(?:by|within|before|no later than|d'ici|avant|bis|innerhalb|antes|hasta|dentro|até|"
    r"spätestens|latest|najpóźniej|au plus tard|till|until|"
    r"entro|uiterlijk|binnen|voor|do|w ciągu|przed)\b",
)
# A cheap superset of what find_dates can read (digits, day and month names, number words,
# time units, "tomorrow"...), tested first: most sentences hold none of it.
_DATEISH = re.compile(
    r"\d|\b(?:"
    + "|".join(sorted(map(re.escape, [*WEEKDAYS, *MONTHS, *NUMBERS]), key=len, reverse=True))
    + r")\b|day|week|month|hour|fortnight|tomorrow|tmrw|tmw|2moro|tomoz|today|jour|semaine|mois|"
    r"heure|demain|aujourd|tag|woche|monat|stunde|morgen|heute|día|dia|semana|mes|hora|mañana|"
    r"manana|amanh|hoy|hoje|giorn|settiman|mese|ore\b|domani|oggi|dag|maand|uur|vandaag|dni|"
    r"dzie|tydzie|tygod|miesi|godzin|jutro|dziś|dzis|quinze|quince|huit|ende|fin\b|final|fine\b|"
    r"eind|końc|konc|mid|early|end\b|weekend"
)
_CLAUSE_BREAK = re.compile(
    r",\s|\s(?:and|but|then|et|und|y|e|en|i|ma|mais|aber|pero|mas|maar)\s|\s[-–]\s"
)
# Some date phrases carry their own "by": "do końca przyszłego tygodnia", "d'ici vendredi".
_BY_START = re.compile(r"(?:do|d'ici|bis|entro|até|hasta|uiterlijk|by)\s", re.I)


# "the panel meets on Tuesday 9 March ... the outcome by the end of that week": that Friday
_THAT_WEEK = re.compile(
    r"(?:end of|later in|later) (?:that|the same) week|(?:that|the same) friday"
)
# "the board met on Friday and has decided": a day joined to a cue by a conjunction or an
# auxiliary is an event of its own, not the promised day
_JOINED = re.compile(
    r"\b(?:and|und|et|y|e|i|en|has|have|had|was|were|hat|hatte|ha|hanno|heeft|est|fue|foi)\b"
)
_AWAY_UNTIL = re.compile(
    r"(?:holiday|vacation|leave|away|off|out of (?:the )?office|férias|vacaciones|vacances|congé|"
    r"urlaub|ferie|vakantie|urlop\w*|abwesend|ausente|absente?|assente)\W+(?:\w+\W+)?"
    r"(?:until|till|through|até|hasta|jusqu'(?:au|à)|bis|fino a|fino al|tot|do)\W*$",
    re.I,
)
_AWAY_AFTER = re.compile(
    r"\W{0,3}(?:(?:im|in|auf|en|de|di|op|na|w|on)\s+)?(?:urlaub|elternzeit|vacances|congé|"
    r"vacaciones|férias|ferie|vakantie|verlof|urlopie|leave|holiday|vacation|abwesend|"
    r"unterwegs|away|out of (?:the )?office)\b",
    re.I,
)
# "I'm starting maternity leave from Monday": the writer's absence, not a promise
_AWAY_FROM = re.compile(
    r"(?:leave|holiday|vacation|away|off|out of (?:the )?office|urlaub|elternzeit|congé|"
    r"vacances|vacaciones|férias|ferie|vakantie|verlof|urlop)\W+(?:\w+\W+)?"
    r"(?:from|starting|as of|ab|à partir d[eu]|dès|desde|a partir de|dal|vanaf|per|od)\W*$",
    re.I,
)
# "Sarah and James enjoyed meeting you on Tuesday": a day gone by, whatever cue follows
_MET_ON = re.compile(
    r"(?:enjoyed|thanks? (?:you )?for|great|good|nice|lovely|pleasure)\s+(?:meeting|speaking|"
    r"talking|chatting|seeing|to meet|to speak|to talk|to see)\b[^.!?]{0,30}\bon\s+$|"
    r"\b(?:met|spoke|talked|interviewed|chatted)\b[^.!?]{0,20}\bon\s+$",
    re.I,
)
_EFFECTIVE = re.compile(
    r"(?:effective|with effect from|as of|ab dem|à compter du|a partir del?|com efeito a|"
    r"con effetto dal|met ingang van|z dniem)\W*(?:the\s+|on\s+)?$",
    re.I,
)
_GONE_BY = re.compile(r"(?:yesterday and|earlier|already)\s+$", re.I)
_AFTER_THAT = re.compile(
    r"\s*(?:after|following|of) (?:that|the|this) (?:meeting|date|session|committee|panel|"
    r"interview|day|deadline)"
)


def _after_that(
    mention: DateMention, chunk: str, mentions: list[DateMention], before: str, base: date
) -> DateMention:
    """ "The committee meets on Thursday 3 June. You will hear within two working days after
    that meeting": the span counts from the day named earlier, not from the Date header."""
    if mention.rule != "within" or not _AFTER_THAT.match(chunk, mention.end):
        return mention
    earlier = [m.day for m in mentions if m.end <= mention.start and m.explicit]
    earlier = earlier or [m.day for m in find_dates(before, base) if m.explicit and m.day >= base]
    if not earlier:
        return mention
    again = find_dates(mention.phrase, earlier[-1])
    return replace(mention, day=again[0].day) if again else mention


_DAY_AFTER = re.compile(
    r"(?:the|on the) (?:day after|following day)|le lendemain|am tag danach|al día siguiente|"
    r"no dia seguinte|il giorno dopo|de dag (?:erna|daarna)|następnego dnia"
)


@functools.lru_cache(maxsize=64)
def find_respond_by(
    text: str, sent: datetime, *, cues: re.Pattern[str] = _REPLY_CUE, uncue_ok: bool = True
) -> date | None:
    """The day the employer said it would get back or decide by, or None.

    Only sentences with a reply/decision cue and no candidate-deadline wording count. In such
    a sentence a date introduced by "by"/"before"/"d'ici"... wins, in the whole text before any
    other; otherwise the first date after a cue ("the panel meets Thursday and we'll be in touch
    by Friday" is Friday).
    """
    base = sent.date()
    text = expand_chat(text)  # "will get back to u in 2 wks max"
    fallback: date | None = None
    uncued: date | None = None
    previous = ""  # the previous sentence, for "we'll write on the day after that meeting"
    for sentence in _SENTENCE.finditer(_unwrap(text)):
        chunk = sentence.group(0)
        before, previous = previous, chunk
        # The cue tables are lower-case and compiled without IGNORECASE (three times faster).
        low = chunk.lower()
        if not _DATEISH.search(low):
            continue  # no digit, day, month or time word: find_dates would find nothing
        deadline = _CANDIDATE_DEADLINE.search(low)
        if deadline:
            # "If you can send them by Wednesday, ... I'll let you know by Friday": only a
            # later clause may hold the employer's promise
            clause = _CLAUSE_BREAK.search(low, deadline.end())
            if clause is None:
                continue
            # the promise's own clause: "send it back whenever you're done, ideally by next
            # Wednesday, and we'll go through it" starts at the last break before its cue
            promise = cues.search(low, clause.end())
            if promise is not None:
                breaks = list(_CLAUSE_BREAK.finditer(low, clause.end(), promise.start()))
                clause = breaks[-1] if breaks else clause
            chunk, low = chunk[clause.end() :], low[clause.end() :]
            if _CANDIDATE_DEADLINE.search(low) or not cues.search(low):
                continue  # the rest of such a sentence needs a cue of its own
        cue = cues.search(low)
        if not cue and not (uncue_ok and uncued is None and _BY_WORD.search(low)):
            continue
        mentions = [
            m
            for m in find_dates(chunk, base)
            if m.day >= base
            and not _CLOCK_AFTER.match(chunk, m.end)
            and not chunk.startswith(("'s", "’s"), m.end)  # "Monday's first round": an event
            # "I will be moving to another team effective June 11": a change, not a promise
            and not _EFFECTIVE.search(chunk, max(0, m.start - 24), m.start)
            and not _AWAY_FROM.search(chunk[max(0, m.start - 40) : m.start])
            # "I spoke with your references yesterday and today": a day gone by
            and not (m.rule == "today" and _GONE_BY.search(chunk, max(0, m.start - 16), m.start))
            and not _MET_ON.search(chunk[max(0, m.start - 50) : m.start])
        ]
        introduced = [
            m
            for m in mentions
            if m.rule in ("within", "fortnight")
            or (
                _BY.search(_TRAILING_WEEKDAY.sub("", chunk[max(0, m.start - 32) : m.start]))
                # "de férias até sexta" is an absence, not a promise by Friday, and so is
                # "bis Ende August im Urlaub"
                and not _AWAY_UNTIL.search(chunk[max(0, m.start - 40) : m.start])
                and not _AWAY_AFTER.match(chunk, m.end)
                and not _AWAY_FROM.search(chunk[max(0, m.start - 40) : m.start])
            )
            or _BY_START.match(m.phrase)
        ]
        introduced = [_after_that(m, chunk, mentions, before, base) for m in introduced]
        if not cue:
            # No known cue, but "by"/"within" a future day and no candidate deadline: the
            # last resort ("Sabrai qualcosa entro venerdì" with a cue nobody listed yet).
            uncued = introduced[0].day if introduced else None
            continue
        # explicit dates must follow the cue; "next week"-style phrases may precede it
        # ("we make a decision next week"), unless they bound an absence ("until the end of")
        after_cue = [
            m
            for m in mentions
            if m.start >= cue.start()
            or (not m.explicit and not _UNTIL_CUE.search(chunk[max(0, m.start - 12) : m.start]))
            # "Na próxima terça-feira te dou um retorno": the day right before the promise
            or (
                m.explicit
                and 0 <= cue.start() - m.end <= 12
                and not _JOINED.search(low, m.end, cue.start())
            )
        ]
        # A day introduced by "by"/"within" anywhere beats a day merely after a cue in an
        # earlier sentence ("before we decide ... next Tuesday. ... a decision by the end of
        # next week": the end of next week).
        if introduced:
            # "I've asked her for her answer by Thursday, so you'll hear from me by Friday":
            # a day introduced after the promise beats one before it
            later_ones = [m for m in introduced if m.start >= cue.start()]
            return (later_ones or introduced)[0].day
        # "the panel meets on Tuesday, and you'll hear from me the day after": the day named
        # before the promise, plus one
        that_week = _THAT_WEEK.search(low)
        if that_week and fallback is None:
            named = [m for m in mentions if m.end <= that_week.start()]
            if named:
                day = named[-1].day
                fallback = day + timedelta(days=max(0, 4 - day.weekday()))
        day_after = _DAY_AFTER.search(low, cue.start())
        if day_after:
            named_days = [m.day for m in mentions if m.end <= day_after.start()]
            if named_days and fallback is None:
                fallback = named_days[-1] + timedelta(days=1)
            elif not named_days:
                # "the board meets on Thursday 3 June. We'll write the day after that meeting"
                earlier = [m.day for m in find_dates(before, base) if m.day >= base]
                if earlier:
                    fallback = earlier[-1] + timedelta(days=1)
        if after_cue and fallback is None:
            # "I'll talk to HR tomorrow and come back to you Monday": a day after the promise
            # beats an errand named before it
            later = [m for m in after_cue if m.start >= cue.start()]
            fallback = (later or after_cue)[0].day
    return fallback if fallback is not None else uncued


_CLOCK_AFTER = re.compile(r"\W{0,3}(?:at\s+)?\d{1,2}[:h.]\d\d")

# An invitation is full of dates and of "we'll send", "no need to reply", "tomorrow morning":
# there only wording that promises the employer's answer or decision counts, never
# "we will", "respond", "confirm" or "contact", which an invitation uses for scheduling.
_DECISION_CUE = re.compile(
    r"get back to you|be in touch|come back to you|hear (?:back )?from (?:us|me|the team)|"
    r"(?:should|will|'ll|expect to) hear back|let you know|update you|an update|"
    r"decision|decide|\boutcome|feedback|final call|"
    r"reviendr|revenir vers|une réponse|notre réponse|décision|décider|tenir informé|"
    r"rückmeldung|entscheidung|entscheiden|bescheid|"
    r"respuesta|decisión|decidir|informaremos|novedades|"
    r"retorno|resposta|decisão|decidir|novidades|"
    r"risposta|decisione|decidere|faremo sapere|riscontro|"
    r"terugkoppeling|laten (?:we )?(?:je|u) weten|besluit|beslissing|"
    r"\bhoor(?:t|en)? (?:je|u) van (?:ons|mij)|uitsluitsel|"
    r"odpowied|decyzj|odezwiemy|poinformujemy|damy znać|"
    r"(?:you'll|you will) hear from us|von uns hören|hören sie von uns|hörst du von uns|"
    r"avrai nostre notizie|tendrás noticias|terá notícias|aurez de nos nouvelles",
)


def find_decision_by(text: str, sent: datetime) -> date | None:
    """find_respond_by for invitations: only a promised answer or decision ("we will get back
    to you by Friday"), not a logistics date ("we'll send the link tomorrow morning")."""
    return find_respond_by(text, sent, cues=_DECISION_CUE, uncue_ok=False)


_BACK_CUE = re.compile(
    r"\b(?:back|return|returning|reopen|re-open|reopening|zurück|wieder|de retour|retour|"
    r"de vuelta|regreso|vuelvo|volveré|regresaré|me reincorporo|de volta|volto|retorno|regresso|"
    r"rientro|rientrerò|di ritorno|"
    r"terug|weer aanwezig|wracam|powrót|będę dostępn|ab dem|ab|à partir d|a partir d|dal|vanaf|od|"
    # Indian and Gulf English: "will resume office on 18th January", "rejoin on"
    r"resume|resuming|rejoin|rejoining|report back)\b",
    re.I,
)
_UNTIL_CUE = re.compile(
    r"\b(?:until|till|through|jusqu'a|jusqu'au|jusqu'à|bis|hasta|até|fino al|fino a|tot en met|"
    r"tot|do)\b",
    re.I,
)
# "until Friday inclusive" / "tot en met vrijdag": the person is back the next business day.
_INCLUSIVE = re.compile(
    r"inclusive|included|through|thru|einschließlich|inklusive|inclus|incluido|incluso|"
    r"inclusivamente|compreso|tot en met|t/m|włącznie",
    re.I,
)


_WEEKDAY_RANGE = re.compile(
    r"\b(?:from|dal|du|von|de|del|desde|van|od|mon|lun)?\s*(?:"
    + "|".join(sorted(map(re.escape, WEEKDAYS), key=len, reverse=True))
    + r")\s*(?:to|al|au|bis|a|tot|do|-|–|till|through)\s*(?:"
    + "|".join(sorted(map(re.escape, WEEKDAYS), key=len, reverse=True))
    + r")\b",
    re.I,
)


def find_back_on(text: str, sent: datetime) -> date | None:
    """The first day an absent person is back: a stated return day beats an "until" day."""
    base = sent.date()
    until: date | None = None
    for sentence in _SENTENCE.finditer(_unwrap(text)):
        # office hours ("dal lunedì al venerdì, 9-13") name no return day
        chunk = _WEEKDAY_RANGE.sub(" ", sentence.group(0))
        for mention in find_dates(chunk, base):
            if mention.day < base:
                continue
            before = chunk[max(0, mention.start - 45) : mention.start]
            if _BACK_CUE.search(before) and not _UNTIL_CUE.search(before[-12:]):
                return mention.day
            if until is None and (_UNTIL_CUE.search(before) or _INCLUSIVE.search(before)):
                inclusive = _INCLUSIVE.search(chunk[max(0, mention.start - 30) : mention.end + 15])
                until = next_business_day(mention.day) if inclusive else mention.day
    return until


def kind_wants_respond_by(kind: MailKind) -> bool:
    """Kinds whose text may name the day the employer gets back (an offer's dates are the
    candidate's deadlines). Invitations count, but only through ``find_decision_by``."""
    return kind in (MailKind.EMPLOYER_REPLY, MailKind.APPLICATION_ACK, MailKind.INTERVIEW_INVITE)
