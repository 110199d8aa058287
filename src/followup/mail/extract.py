"""Pull the facts a follow-up needs out of a classified message: who, what role, when.

Dates are resolved against the Date header in its own offset (no clock is read). Which fields
are looked for depends on the kind: an interview time only in invitations, a reply-by date
only in employer replies and receipts (an offer's dates are the candidate's deadlines), a
return date only in automatic replies.
"""

# Cue regexes are data; splitting them across lines would hide their shape.
# ruff: noqa: E501

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import UTC, date, datetime, timedelta

from followup.mail.dates import (
    MONTHS,
    NUMBERS,
    WEEKDAYS,
    DateMention,
    combine,
    find_dates,
    find_times,
    next_business_day,
    sender_zone,
    zone_for,
)
from followup.mail.model import MailKind, ParsedMail

# --- company ----------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_UPPER = "A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻ"
_WORD = rf"[{_UPPER}][\w'’-]*"
_JOIN = (
    r"[ \t]+(?:(?:&|and|und|et|y|e|de|du|des|der|von|van|del|of|for|für|per la|per il|per|"
    r"di|do|da|dos|das|della|delle|dei|de la|de las|de los|van der|van de|voor)[ \t]+)?"
)
# Up to six words: "Agenzia Regionale per la Tutela del Territorio", "Institut für Angewandte
# Polarforschung" are one name.
_CANDIDATE = re.compile(rf"(?<![\w@.-])(?:{_WORD}|\d+\w*)(?:{_JOIN}{_WORD}){{0,5}}")
_GENERIC = re.compile(
    r"^(?:the|our|your|hi|hello|dear|thanks|thank|best|regards|re|fwd?|we|i|you|it|this|that|"
    r"recruiting|recruitment|careers?|talent(?: acquisition)?|hr|human resources|hiring(?: team)?|"
    r"team|jobs?|people|notifications?|no-?reply|application|interview|offer|update|subject|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|"
    r"june|july|august|september|october|november|december|"
    r"mail delivery subsystem|mail delivery system|google calendar|microsoft outlook|calendar|"
    r"postmaster|mailer-daemon|unfortunately|congratulations|please|invitation|updated|canceled|"
    r"cancelled|automatic reply|out of office|hallo|bonjour|hola|olá|ciao|hoi|dzień dobry|"
    r"bewerbermanagement|personalabteilung|recrutement|reclutamiento|werken bij|karriere|"
    r"rrhh|rh|rekrutacja|recrutamento|selección|seleção|selezione|werving|kadry|"
    r"vielen|merci|gracias|grazie|bedankt|dziękujemy|sehr|liebe|lieber|beste|cher|chère|estimado|"
    r"estimada|caro|cara|gentile|witam)$",
    re.I,
)
_DEPARTMENT = re.compile(
    r"(?:[ \t]*[-|–,][ \t]*|[ \t]+)(?:careers?|recruiting|recruitment|talent(?: acquisition| team)?|"
    r"hr|human resources|hiring(?: team)?|jobs|people(?: team)?|team|notifications?|no-?reply|"
    r"talentos?|pessoas|personas|persone|mensen|early careers|early talent|emerging talent|"
    r"graduate (?:scheme|programme|program|recruitment|assessment|team|careers)|campus (?:recruiting|team)|"
    r"(?:graduate )?assessment cent(?:re|er)|graduates?|"
    r"(?:graduate|early careers?|campus)(?: [a-z]+){0,2} program(?:me)?|rrhh|personalservice|"
    r"personalabteilung|recursos humanos|"
    r"scheduling|interviews?|rh|recrutement|karriere|recursos humanos|reclutamiento|selezione|"
    r"werving|rekrutacja|talent community|people (?:&|and) culture|talent (?:&|and) culture|"
    r"people services)$",
    re.I,
)
_LEGAL = re.compile(
    r"[ \t,]+(?:(?:gmbh|ag|se)(?:[ \t]*&[ \t]*co\.?(?:[ \t]+kgaa|[ \t]+kg)?)?|kg|ltd\.?|limited|llp|"
    r"pllc|llc|inc\.?|pty\.? ltd\.?|pvt\.? ltd\.?|pvt\.?|private limited|corp\.?|plc|s\.?a\.?s?|s\.?l\.?|s\.?r\.?l\.?|"
    r"s\.?p\.?a\.?|b\.?v\.?|n\.?v\.?|sp\.?(?: z o\.o\.?)?|lda\.?|ltda\.?|"
    # A country branch is the same employer to the candidate ("Stellwerk Mobility UK").
    r"(?-i:UK|US|USA|EMEA|PJSC|PSC|AS|ASA|AB|OY|ABN|ACN)|co\.?)$",
    re.I,
)
_VIA = re.compile(r"^(.+?)\s+(?:via|through|on behalf of|at)\s+.+$", re.I)
_SUBJECT_EMPLOYER = re.compile(
    rf"(?:\bat|\bto|\bfrom|\bwith|\bby)[ \t]+({_WORD}(?:{_JOIN}{_WORD}){{0,3}})"
)
_CONTEXT = re.compile(
    rf"(?:\bat|\bwith|\bjoin(?:ing)?|\bto|\bfrom|\bbei|\bchez|\bna|\bpresso|\bbij|\bw)[ \t]+"
    rf"({_WORD}(?:{_JOIN}{_WORD}){{0,3}})"
)
_CLIENT = re.compile(
    rf"(?i:(?:our|my) client|on behalf of (?:our client,? )?|client,|notre client|unser(?:em)? kunden?|"
    rf"nuestro cliente|nosso cliente|nostro cliente|onze klant|nasz klient|klient,|"
    # a portal's field: "Client  Quillon Insurance", "Kunde: Elbtal Digital"
    rf"(?:^|\n)[ \t]*(?:client|cliente|kunde|klant|klient)[ \t]*:?)[ \t]+({_WORD}(?:{_JOIN}{_WORD}){{0,3}})",
)
# Agency mail names its client in the subject: "Pellingham Trust - where we are", "Senior Data
# Engineer (Quillon Insurance)", "Entretien Orvalis – jeudi", "Analyste Risques, Banque Vermeil".
_SUBJECT_PREFIX = re.compile(r"^\W*(?:(?:re|fwd?|aw|wg|tr|rv|sv|odp)\s*:\s*)*", re.I)
_SUBJECT_SPLIT = re.compile(
    r"\s+[-–|·]\s+|[:(),!¡?¿]|\s(?:at|with|bij|bei|chez|w|na|em|en|presso|de|di|da|for|für|"
    r"pour|para|per|voor|dla)\s",
    re.I,
)
_ROLE_WORDS = re.compile(
    r"engineer|developer|analyst|manager|lead\b|director|designer|consultant|specialist|scientist|"
    r"architect|officer|coordinator|assistant|intern|head of|ingenieur|ingénieur|entwickler|"
    r"analista|gerente|responsable|sviluppat|ontwikkelaar|kierownik|specjalist|programist|"
    r"update|interview|application|feedback|offer|role|position|vacature|stelle|poste|puesto|"
    r"candidat|bewerbung|sollicitatie|aplikacj|entretien|entrevista|colloquio|gesprek|gespräch|"
    r"rozmow|oferta|offre|angebot|proposta|propuesta|aanbod|esito|proceso|processo|rückmeldung|"
    r"news|stand|status|next steps|extended",
    re.I,
)
# Generic words companies are named with; used to tell "Tamarack Energy" from "Tamara Jones"
# and to split a domain such as "verdigrisbank" into "Verdigris Bank". Not a list of employers.
ORG_WORDS = _words(
    """bank capital finance financial insurance health healthcare clinic clinics hospital pharma
    bio biotech labs lab software systems technologies technology tech security data analytics
    robotics media retail foods food energy utilities logistics freight mobility transit travel
    telecom studios studio games group partners consulting solutions services industries networks
    cloud digital learning education schools school university union aerospace motors automotive
    airlines hotels outdoor nurseries apparel brands markets holdings ventures agency recruiting
    recruitment staffing search talent consultants ai works company corporation foundation
    institute council district engineering construction payments credit dynamics grid street
    insights research systems partners realty properties shipping marine air power solar wind
    water chemicals materials manufacturing devices medical dental care homes living press
    publishing books music films entertainment sports fitness coffee bakery farms wines energie
    logistik mobilität mobilitaet versicherung daten seguros datos dados dati dane conseil
    ateliers hoteles banque"""
)
# Words that end company names and so may be split off a run-together domain label.
_SPLIT_WORDS = sorted(
    _words(
        """bank capital finance insurance health clinics hospital pharma biotech labs software
    systems security data analytics robotics media retail foods energy utilities logistics
    freight mobility transit travel telecom studios games group partners consulting solutions
    services industries networks cloud digital learning schools aerospace motors airlines hotels
    outdoor nurseries markets holdings ventures recruiting staffing search ai works engineering
    payments dynamics insights research realty shipping medical dental publishing grid harbor tech
    soft
    harbour street bay point"""
    ),
    key=len,
    reverse=True,
)
_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "&": "and", "ł": "l"})


def _squash(value: str) -> str:
    value = unicodedata.normalize("NFKD", value.lower().translate(_TRANSLIT))
    return "".join(ch for ch in value if ch.isalnum() and ord(ch) < 128)


def _plain(value: str) -> str:
    value = unicodedata.normalize("NFKD", value.lower().replace("&", ""))
    return "".join(ch for ch in value if ch.isalnum() and ord(ch) < 128)


_SKIP_LABELS = _words(
    "mail email mx us eu uk jobs careers hire apply notifications co com www smtp ac edu gov k12 "
    "au nz in sg ae ca ie za br mx ar org net "
    "nhs gouv gob govt"
)


def _domain_core(address: str) -> str:
    domain = address.rpartition("@")[2].lower()
    labels = [label for label in domain.split(".") if label]
    if len(labels) >= 2:
        labels = labels[:-1]  # drop the TLD
    labels = [label for label in labels if label not in _SKIP_LABELS]
    if not labels:
        return ""
    core = labels[-1]
    for suffix in ("-mail", "-hr", "-jobs", "-careers", "mail"):
        core = core.removesuffix(suffix) if len(core) > len(suffix) + 3 else core
    return _squash(core)


# Words an institution's name wraps around its own ("University of Wexcombe" at wexcombe.ac,
# "Gemeente Wierdum" at wierdum.nl, "Rede Farmácias Ipê" at farmaciasipe).
_INSTITUTION_WORDS = frozenset(
    [
        "university",
        "universidad",
        "universidade",
        "universita",
        "università",
        "universiteit",
        "universitat",
        "universität",
        "uniwersytet",
        "of",
        "the",
        "college",
        "school",
        "gemeente",
        "city",
        "council",
        "county",
        "borough",
        "hospital",
        "clinic",
        "clinique",
        "klinik",
        "clinica",
        "clínica",
        "des",
        "de",
        "du",
        "la",
        "le",
        "del",
        "della",
        "di",
        "van",
        "der",
        "stadt",
        "ville",
        "comune",
        "ayuntamiento",
        "prefeitura",
        "municipality",
        "trust",
        "nhs",
        "group",
        "grupo",
        "groupe",
        "gruppe",
        "gruppo",
        "rede",
        "holding",
        *[
            "consorcio",
            "consortium",
            "fundación",
            "fundação",
            "fondazione",
            "stichting",
            "fundacja",
            "instituto",
        ],
        *[
            "institut",
            "institute",
            "istituto",
            "instytut",
            "agency",
            "agence",
            "agenzia",
            "agencia",
            "agência",
        ],
        *["office", "conservatoire", "association", "associação", "asociación", "associazione"],
        *["vereniging", "stowarzyszenie"],
    ]
)


def _distinctive(candidate: str) -> str:
    """The candidate without institution words, squashed; "" when nothing was removed."""
    words = candidate.replace("&", " ").split()
    kept = [w for w in words if _plain(w) not in _INSTITUTION_WORDS]
    if len(kept) == len(words) or not kept:
        return ""
    return _squash(" ".join(kept))


_NAME_JOINS = frozenset(
    [
        "&",
        "and",
        "und",
        "et",
        "y",
        "e",
        "de",
        "du",
        "des",
        "der",
        "von",
        "van",
        "del",
        "of",
        "for",
        "für",
        "per",
        "la",
        "il",
        "di",
        "do",
        "da",
        "dos",
        "das",
        "della",
        "delle",
        "dei",
        "las",
        "los",
        "voor",
        "the",
    ]
)


def _initials(candidate: str) -> str:
    """ "Agenzia Regionale per la Tutela del Territorio" -> "artt"; "" for short names."""
    words = [w for w in candidate.split() if w.lower() not in _NAME_JOINS]
    if len(words) < 3:
        return ""
    return "".join(_plain(w)[:1] for w in words)


@functools.lru_cache(maxsize=8192)
def _matches_domain(candidate: str, core: str) -> bool:
    if len(core) < 3:
        return False
    forms = {_squash(candidate), _squash(candidate.replace("&", " ")), _plain(candidate)}
    distinctive = _distinctive(candidate)
    if len(distinctive) >= 4:
        forms.add(distinctive)
    initials = _initials(candidate)
    if len(initials) >= 3 and (core.startswith(initials) or core.endswith(initials)):
        return True  # "Instituto de Oceanografia do Atlântico" at ioa, "IAP" at iap-polar
    if len(distinctive) >= 5 and core.endswith(distinctive):
        return True  # "University of Bergholm" at uni-bergholm
    for form in forms:
        if not form:
            continue
        if form == core or (len(core) >= 5 and form.startswith(core)):
            return True
        if len(form) >= 5 and core.startswith(form):
            return True
    return False


_POSSESSIVE = re.compile(r"['’]s$")
# A capitalised acronym ending a name is part of it ("Bergwerk IT"), unless it is a department.
_NAME_ACRONYM = re.compile(r"(?!(?:HR|RH|RE|FWD|FW|TA)$)[A-Z]{2,4}")
_AGENCY_TAIL = re.compile(r"(?:recruiting|recruitment)$", re.I)


# A country branch after a name of two words or more is the same employer to the candidate
# ("Zentrix Software Spain", "Quillstack Technologies Polska"); "Air France" keeps its word.
_COUNTRY_TAIL = re.compile(
    r"(?<=\w\w)(?<! of)(?<! de)\s+(?:spain|españa|italia|italy|polska|poland|deutschland|germany|"
    r"france|portugal|nederland|netherlands|benelux|india|singapore|australia|canada|ireland|"
    r"iberia|brasil|brazil|mexico|méxico|uae|mena|apac|emea|dach|nordics)$",
    re.I,
)


@functools.lru_cache(maxsize=4096)
def _clean(candidate: str, *, keep_agency_words: bool = False) -> str:
    """Trim greetings, legal forms and department words off a capitalised phrase (cached:
    the same signature lines come back in every message of a thread)."""
    candidate = candidate.strip(" .,:;'’\"-–—|")
    candidate = _POSSESSIVE.sub("", candidate)
    # "Segreteria HR - Studio Legale Ferraris", "Recruitment Services | Wexcombe": a department
    # before a separator names no employer; what follows it does.
    parts = _SEPARATOR.split(candidate, maxsplit=1)
    if len(parts) == 2 and (
        _TEAM_ONLY.fullmatch(parts[0].strip()) or _DEPARTMENT.fullmatch(f" {parts[0].strip()}")
    ):
        candidate = parts[1].strip()
    if _TEAM_ONLY.fullmatch(candidate):
        return ""  # "Time de Talentos": before department words are cut from its end
    for _ in range(3):
        candidate = _LEGAL.sub("", candidate).strip()
        if not keep_agency_words or not _AGENCY_TAIL.search(candidate):
            candidate = _DEPARTMENT.sub("", candidate).strip()
    if _TEAM_ONLY.fullmatch(candidate):
        return ""  # before word trimming, which would leave "Operations" of "People Operations"
    words = candidate.split()
    while words and (_GENERIC.match(words[0]) or words[0] in _NAME_JOINS):
        words.pop(0)
    while words and (
        (_GENERIC.match(words[-1]) and not _NAME_ACRONYM.fullmatch(words[-1]))
        or words[-1].lower() in ("&", "and", "und", "et", "y", "de")
    ):
        words.pop()
    while len(words) > 1 and len(words[-1]) == 1:
        words.pop()  # what is left of "S.A." or "S.L."
    if len(words) >= 3:
        words = _COUNTRY_TAIL.sub("", " ".join(words)).split()
    candidate = " ".join(words)
    return "" if _GENERIC.match(candidate) or _TEAM_ONLY.fullmatch(candidate) else candidate


# A display name that is only a department in another language ("Time de Talentos",
# "Equipa de Recrutamento", "Ufficio Personale"): it names no employer.
_TEAM_ONLY = re.compile(
    r"(?:time|equipa|equipe|equipo|équipe|l'équipe|team|zespół|dział|servicio|service|ufficio|"
    r"afdeling|abteilung)(?: (?:de|da|do|di|del|des|van|der|of))? (?:talentos?|recrutamento|"
    r"recrutement|rh|rrhh|hr|selección|seleção|selezione|personale|personas|pessoas|people|"
    r"rekrutacji|kadr|werving(?: (?:&|en) selectie)?|ressources humaines|recursos humanos|"
    r"risorse umane|personal|talent acquisition)|"
    # English department names as display names: "Personnel Office", "Medical Staffing"
    r"(?:medical |clinical )?(?:personnel|staffing|employment|recruitment|hr|human resources)"
    r"(?: office| department| services| team)?|global mobility|people (?:operations|ops)|"
    r"(?:the )?office of the registrar|registrar'?s office|(?:recruitment |hr |people )?services|"
    r"segreteria(?: hr| del personale)?",
    re.I,
)


_SEPARATOR = re.compile(r"[ \t]+[-|–][ \t]+")


_ROLE_MAILBOX = re.compile(
    r"careers?|jobs?|hr|talent|recruit|no-?reply|team|info|people|hiring|rh", re.I
)


# Applicant tracking systems send as "Employer <employer@myworkday.com>": on these domains the
# display name is the employer even when it repeats the mailbox name.
_ATS_DOMAIN = re.compile(
    r"(?:^|\.)(?:greenhouse(?:-mail)?\.io|lever\.co|myworkday(?:jobs)?\.com|ashbyhq\.com|"
    r"smartrecruiters\.com|icims\.com|teamtailor(?:-mail)?\.com|personio\.(?:de|com)|"
    r"recruitee\.com|bamboohr\.com|jazz\.co|jazzhr\.com|workable(?:mail)?\.com|hirevue\.com|"
    r"taleo\.net|jobvite\.com|breezy\.hr|successfactors\.(?:com|eu))$",
    re.I,
)


# Vendor words (and the look-alikes our fixtures use) in a sending domain: such a domain names
# the tracking system, never the employer, so its word must not become the company.
_VENDOR_DOMAIN_WORD = re.compile(
    r"^(?:greenhouse|greenhaus|lever|leverly|myworkday(?:jobs)?|workday|ashby(?:hq)?|ashline|"
    r"smartrecruit(?:ers)?|icims|teamtailor|personio|recruitee|bamboohr|jazzhr|jazz|workable|"
    r"jobvite|taleo|successfactors|hirevue|breezy|hirely|pinpointhq|rippling|jobdiva|bullhorn|"
    r"linkedin|indeed|xing|glassdoor|stepstone|welcometothejungle|wellfound|otta|infojobs|pracuj)"
    r"(?:-?mail)?$",
    re.I,
)


def _vendor_domain(address: str) -> bool:
    domain = address.rpartition("@")[2].lower()
    if _ATS_DOMAIN.search(domain):
        return True
    labels = [label for label in domain.split(".")[:-1] if label not in _SKIP_LABELS]
    return any(_VENDOR_DOMAIN_WORD.match(label) for label in labels)


_TEAM = r"(?:talent acquisition|recruiting|recruitment|hiring|people|hr|careers|talent)"
_NAME = rf"({_WORD}(?:{_JOIN}{_WORD}){{0,3}})"
# How ATS templates sign: "The Brightloom Talent Acquisition Team", "Brightloom Recruiting",
# "the Brightloom team", and the same in the other languages.
_SIGNED = (
    re.compile(rf"\b(?i:the)[ \t]+{_NAME}[ \t]+(?i:{_TEAM}[ \t]+)?(?i:team)\b"),
    re.compile(rf"(?m)^[ \t]*{_NAME}[ \t]+(?i:{_TEAM}(?:[ \t]+team)?)[ \t]*$"),
    re.compile(
        rf"(?i:l['’]équipe(?: (?:de )?(?:recrutement|rh|talents))?(?: de)?|das recruiting-team von|"
        rf"das team von|el equipo(?: de (?:selección|talento|rrhh|personas))? de|"
        rf"(?:o time|a equipa|a equipe)(?: de (?:recrutamento|talentos|rh))? d[aoe]|"
        rf"il team(?: (?:hr|selezione|recruiting))? di|het (?:recruitment)?team van|"
        rf"zespół(?: rekrutacji| hr)?)[ \t]+(?:d['’])?{_NAME}"
    ),
)
_AT_WITH_TO = re.compile(rf"(?:\bat|\bwith|\bto|\bjoin(?:ing)?)[ \t]+{_NAME}")


def _ats_employer(mail: ParsedMail, text: str) -> str | None:
    """For mail from a tracking system's domain with no usable display name: the employer the
    subject names ("... at Brightloom"), else the one the template signs with, else the one
    the body names with "at/with/to X" (not the greeted candidate)."""
    greeting = set(re.findall(r"\w+", text.lstrip().split("\n", 1)[0]))

    def usable(raw: str) -> str | None:
        name = _clean(raw)
        if len(name) <= 2 or set(name.split()) & greeting or _VENDOR_DOMAIN_WORD.match(name):
            return None
        return name

    for match in _AT_WITH_TO.finditer(mail.subject):
        if found := usable(match.group(1)):
            return found
    for pattern in _SIGNED:
        for match in pattern.finditer(text):
            if found := usable(match.group(1)):
                return found
    for match in _AT_WITH_TO.finditer(text):
        if found := usable(match.group(1)):
            return found
    return None


def _person_name(name: str, address: str) -> bool:
    local, _, domain = address.partition("@")
    if _is_org(name) or _ROLE_MAILBOX.search(local) or _ATS_DOMAIN.search(domain):
        return False
    local = _plain(address.partition("@")[0])
    words = [_plain(w) for w in name.split() if _plain(w)]
    if any(len(w) >= 3 and w in local for w in words):
        return True
    # "Priya R." / "J. Smith": initials with a first name
    return (
        len(words) in (2, 3)
        and bool(local)
        and local[0] == words[0][0]
        and "." in address.split("@")[0]
    )


def _candidates(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for match in _CANDIDATE.finditer(text):
        candidate = _clean(match.group(0), keep_agency_words=True)
        if len(candidate) > 2:
            counts[candidate] = counts.get(candidate, 0) + 1
    return counts


def find_company(mail: ParsedMail, text: str) -> str | None:
    """The employer as a person would name it (corpus README), from the strongest clue.

    In order: a client an agency names; an organisation in the display name (ATS mail is sent
    under the employer's name), unless a job board names the employer in the subject; a name in
    the mail that matches the sender's domain; "at X"-style wording; the domain itself.
    """
    core = _domain_core(mail.from_addr)
    client = _CLIENT.search(text)
    if client and _clean(client.group(1)):
        return _clean(client.group(1))
    name = mail.from_name.strip()
    via = _VIA.match(name)
    if via:
        # "Brightloom Health via Greenhouse" names the employer first; "Careers at Pinewood"
        # names it last.
        left, right = via.group(1), name[via.end(1) :].split(None, 1)[-1]
        name = right if not _clean(left) else left
        if _VENDOR_DOMAIN_WORD.match(_squash(right)) and not _is_org(left):
            name = ""  # "Sara Kim via LinkedIn": a person relayed by a platform, not an employer
    # "Katrin Holzapfel | Rheinfeld Energie": the part of the display name that is the domain's
    sides = _SEPARATOR.split(name, maxsplit=1)
    if len(sides) == 2 and not _matches_domain(sides[0], core) and _matches_domain(sides[1], core):
        name = sides[1]
    name = _clean(name)
    agency = _AGENCY.search(core) or (name and _is_agency(name))
    if agency and not _vendor_domain(mail.from_addr):
        client_name = _named_employer(mail.subject, text, core)
        if client_name:
            return client_name  # an agency writing about its client (corpus README)
    vendor = _vendor_domain(mail.from_addr)
    if vendor:
        core = ""  # the domain names the tracking system, not the employer
        if _VENDOR_DOMAIN_WORD.match(_squash(name)):
            name = ""
    org_name = bool(name) and not _person_name(name, mail.from_addr) and "@" not in name
    if vendor and not org_name:
        return _ats_employer(mail, text)
    if org_name:
        own_brand = _matches_domain(name, core)
        subject_employer = _SUBJECT_EMPLOYER.search(mail.subject)
        if own_brand and subject_employer:
            named = _clean(subject_employer.group(1))
            person = subject_employer.group(0).lower().startswith("with") and not _is_org(named)
            if named and not person and not _matches_domain(named, core):
                return named  # a job board reporting about an employer
        if own_brand:
            # "Pinewood" in the display name, "Pinewood Group" in the signature: the full name
            longer = [
                c
                for c in _candidates(f"{mail.subject}\n{text}")
                if c.startswith(name) and len(c) > len(name) and _matches_domain(c, core)
            ]
            return max(longer, key=len) if longer else name
        if not core or not _matches_domain_anywhere(core, mail, text):
            return name
    everything = "\n".join(
        (mail.subject, mail.text if text in mail.text else f"{text}\n{mail.text}")
    )
    counts = _candidates(everything)
    matching = [c for c in counts if _matches_domain(c, core)]
    if matching:
        own = max(matching, key=lambda c: (len(c.split()), len(c), counts[c]))
        if _is_agency(own) or _AGENCY.search(core):
            employer = _named_employer(mail.subject, text, core)
            if employer:
                return employer
        return own
    if org_name:
        return name
    contextual: dict[str, int] = {}
    for source in (mail.subject, text):
        for match in _CONTEXT.finditer(source):
            candidate = _clean(match.group(1))
            if len(candidate) > 2 and not _person_name(candidate, mail.from_addr):
                contextual[candidate] = contextual.get(candidate, 0) + 1
    multiword = {c: n for c, n in contextual.items() if len(c.split()) > 1 and _is_org(c)}
    if multiword:
        return max(multiword, key=lambda c: multiword[c])
    return company_from_domain(mail.from_addr)


_AGENCY = re.compile(
    r"talent|recruit|staffing|search|personnel|headhunt|executive|partners|werving|rekrutacj|"
    r"personalberatung|personaldienst|selezione|selecci[oó]n|recrutement|"
    r"recrutamento|uitzend|interim",
    re.I,
)


def _is_agency(name: str) -> bool:
    return bool(_AGENCY.search(name))


def _named_as_org(candidate: str, lowered: str) -> bool:
    """The text names ``candidate`` as an organisation: a name with an organisation word, or
    one written after "at/with/from/bij/bei/chez/d'/client..." or with a possessive; a role
    title ("Supply Chain Planner") or a word ("Data") is not one."""
    name = re.escape(candidate.lower())
    if not re.search(rf"(?<!\w){name}(?!\w)", lowered):
        return False
    if _is_org(candidate):
        return True
    return bool(re.search(rf"{_ORG_CONTEXT}{name}(?!\w)|(?<!\w){name}['’]s\b", lowered))


_ORG_CONTEXT = (
    r"(?:\bd['’]|(?:\bat|\bwith|\bfrom|\bchasing|\bbij|\bbei(?: der| dem)?|\bchez|\bde|\bdi|\bda|"
    r"\bdo|\bw|\bna|\bclient[e]?,?|\bklant|\bkunde|\bklient,?|\bcon|\bcom|\bpresso|\bvan|\bfor|"
    r"\bfür|\bpour|\bpara|\bper)\s+(?:the\s+|la\s+|le\s+|el\s+|il\s+|de\s+|der\s+)?)"
)


def _named_employer(subject: str, text: str, core: str) -> str | None:
    """For agency mail: the organisation it names that is not the agency itself."""
    lowered = text.lower()
    role = find_role(subject, text)
    topic = _SUBJECT_PREFIX.sub("", subject)
    for segment in _SUBJECT_SPLIT.split(topic):
        words = segment.split()
        for first in range(len(words)):  # "Vertragsangebot Elbtal Digital": drop topic words
            candidate = _clean(" ".join(words[first:]))
            if (
                len(candidate) < 3
                or not candidate[0].isupper()
                or _ROLE_WORDS.search(candidate)
                or _is_agency(candidate)
                or _matches_domain(candidate, core)
                or (role is not None and (candidate in role or role in candidate))
                or not _named_as_org(candidate, lowered)
            ):
                continue
            # "Aldergate" in the subject, "Aldergate Asset Management" in the text
            longer = [
                c
                for c in _candidates(text)
                if c.startswith(candidate) and len(c) > len(candidate) and not _is_agency(c)
            ]
            return max(longer, key=len) if longer else candidate
    subject_words = {w.lower() for w in re.findall(r"\w+", subject)}
    for candidate in _candidates(f"{subject}\n{text}"):
        if _matches_domain(candidate, core) or _is_agency(candidate):
            continue
        words = candidate.split()
        if (
            len(words) > 1
            and _is_org(candidate)
            and words[0].lower() in subject_words
            and not _ROLE_WORDS.search(candidate)
        ):
            return candidate
    return None


def _matches_domain_anywhere(core: str, mail: ParsedMail, text: str) -> bool:
    """Whether the mail names the organisation its domain belongs to (false for ATS domains)."""
    counts = _candidates("\n".join((mail.subject, text)))
    return any(_matches_domain(c, core) and len(c.split()) > 1 for c in counts)


def company_from_domain(address: str) -> str | None:
    """A readable name from the domain alone: "orchardstreetbank" -> "Orchard Street Bank"."""
    domain = address.rpartition("@")[2].lower()
    labels = [label for label in domain.split(".")[:-1] if label not in _SKIP_LABELS]
    if not labels:
        return None
    words: list[str] = []
    for part in labels[-1].split("-"):
        tail: list[str] = []
        while True:
            word = next(
                (w for w in _SPLIT_WORDS if part.endswith(w) and len(part) - len(w) >= 3), None
            )
            if word is None:
                break
            tail.insert(0, word)
            part = part[: -len(word)]
        words += [part, *tail]
    return " ".join("AI" if w == "ai" else w.capitalize() for w in words if w) or None


def _is_org(name: str) -> bool:
    return any(word.lower().strip(".,") in ORG_WORDS for word in name.split()[1:] or name.split())


# --- role ---------------------------------------------------------------------------------------

_ROLE = re.compile(
    rf"(?:for the|for our|as|the|as a|as an|for a|for an|for)\s+((?:{_WORD}\s+){{0,5}}{_WORD})\s+"
    r"(?:role|position|opening|job|vacancy|opportunity)",
)
_ROLE_ALT = re.compile(
    rf"(?:position|role|poste|stelle|puesto|vaga|posizione|functie|stanowisko)(?:\s+(?:of|as|d'|de|als|di|van|na))?\s*[:\-–]?\s+"
    rf"((?:{_WORD}\s+){{0,5}}{_WORD})"
)


def find_role(subject: str, text: str) -> str | None:
    """The job title, from "the X role" / "position: X" wording in the text or subject."""
    for source in (text, subject):
        match = _ROLE.search(source) or _ROLE_ALT.search(source)
        if match:
            role = match.group(1).strip(" .,:;-–")
            if len(role) > 2:
                return role
    return None


# --- interview time -----------------------------------------------------------------------------

_PAIR_WINDOW = 60
MAX_TEXT_CHARS = 12_000  # dates far down a long message are not about this message
# "3pm BST (9am your time)": the conversion has no zone of its own, so it must not count.
_YOUR_TIME = re.compile(
    r"[^.\n]{0,4}(?:your time|your local time|for you|votre heure|heure locale|ihrer zeit|tu hora)",
    re.I,
)
_PAST = re.compile(r"(?:last|earlier|previous|yesterday|thanks for|thank you for)\W*\w*\W*$", re.I)
# "complete the video interview by 26 April, 11:59 PM": a deadline, not a start time.
_DEADLINE_BEFORE = re.compile(
    r"(?:\bby|before|until|no later than|deadline|due|d'ici|avant|bis|antes d[eo]l?|até|entro|"
    # not Polish "do": English "can you do Wednesday at 4pm?" is a proposed slot
    r"uiterlijk|najpóźniej)\W*(?:the\s+)?$",
    re.I,
)
# A recorded one-way interview has no start time (corpus README), whatever dates it names.
_ONE_WAY = re.compile(
    r"one-way|recorded (?:video )?interview|record (?:your|the) (?:answers|responses)|asynchronous|"
    r"hirevue|no interviewer|nagrani[ea] wideo|w formie nagrania|entretien (?:vidéo )?différé|(?:entrevista|v[íi]deo) (?:en )?diferid|"
    r"grabándote|gravando-te|gravar (?:as )?(?:suas|tuas) respostas|enregistrer vos réponses|"
    r"videointerview (?:ohne|aufzeichnen)|intervista (?:video )?registrata|opgenomen video",
    re.I,
)


# "10am or 2pm", "14 Uhr oder 16 Uhr": two options on one day, not a start and an end.
_ALTERNATIVE_TIMES = re.compile(
    r"\d(?:[:.h]\d\d)?\s*(?:[ap]\.?m\.?|h|uhr|uur)?\s*,?\s*\b(?:or|oder|ou|o|of|lub)\b\s*"
    r"(?:at\s+|um\s+|à\s+|a las\s+|às\s+|alle\s+|om\s+|o\s+)?\d",
    re.I,
)


def find_interview_at(text: str, sent: datetime) -> datetime | None:
    """The one start time the text fixes, or None when it proposes several options."""
    return find_interview_window(text, sent)[0]


def find_interview_window(text: str, sent: datetime) -> tuple[datetime | None, datetime | None]:
    """Start and (when a range is written) end of the one slot the text fixes.

    A time pairs with the nearest date within a short window (either order); ranges count by
    their start, and the same instant written in two zones counts once. Several different
    slots are options, not an appointment: (None, None).
    """
    pairs = _slot_pairs(text, sent)
    distinct = {start.astimezone(UTC) for start, _ in pairs}
    if len(distinct) == 1:
        return pairs[0]
    starts = [start for start, _ in pairs]
    same_day = len({i.astimezone(UTC).date() for i in starts}) == 1
    if len(distinct) == 2 and same_day and not _ALTERNATIVE_TIMES.search(text):
        # a start and an end written apart ("2pm ... until 4pm"): the earlier is the start
        first = min(starts)
        return first, max(starts)
    return None, None


def find_slots(text: str, sent: datetime) -> list[datetime]:
    """Every future date-and-time the text names, in order (a proposal may hold several)."""
    return [start for start, _ in _slot_pairs(text, sent)]


def _slot_pairs(text: str, sent: datetime) -> list[tuple[datetime, datetime | None]]:
    base = sent.date()
    dates = [d for d in find_dates(text, base) if d.explicit or d.phrase.lower() in _DAY_WORDS]
    if not dates:
        return []
    fallback = sender_zone(sent)
    instants: list[tuple[datetime, datetime | None]] = []
    for mention in find_times(text):
        best: DateMention | None = None
        best_gap = _PAIR_WINDOW + 1
        for day in dates:
            gap = mention.start - day.end if day.end <= mention.start else day.start - mention.end
            if not 0 <= gap < best_gap:
                continue
            if gap < 15 or "\n\n" not in _between(text, day, mention.start, mention.end):
                best, best_gap = day, gap
        if best is None or _YOUR_TIME.match(text, mention.end):
            continue
        if _PAST.search(text[max(0, best.start - 30) : best.start]):
            continue
        if _DEADLINE_BEFORE.search(text[max(0, best.start - 25) : best.start]):
            continue
        zone = zone_for(mention.zone, fallback)
        instant = combine(best.day, mention.at, zone)
        if instant < sent - timedelta(hours=1):
            continue
        end = combine(best.day, mention.until, zone) if mention.until else None
        instants.append((instant, end if end is not None and end > instant else None))
    return instants


_DAY_WORDS = frozenset(
    [
        "tomorrow",
        "tmrw",
        "tmw",
        "demain",
        "morgen",
        "mañana",
        "manana",
        "amanhã",
        "amanha",
        "domani",
        "jutro",
        "today",
        "aujourd'hui",
        "heute",
        "hoy",
        "hoje",
        "oggi",
        "vandaag",
    ]
)


def _between(text: str, day: DateMention, start: int, end: int) -> str:
    return text[day.end : start] if day.end <= start else text[end : day.start]


# --- respond by ---------------------------------------------------------------------------------

_REPLY_CUE = re.compile(
    r"get back to you|be in touch|back to you|hear (?:back )?from|(?:should|will|'ll|expect to) hear\b|an answer|answer (?:for|to) you|"
    r"\b(?:we|i)(?:'ll| will| expect to| aim to| hope to| plan to| should be able to)\b|final call|make a call|"
    r"\b(?:we|i)(?:'re| are|'m| am) (?:aiming|hoping|planning|looking|expecting) to|"
    r"expect to|\bconfirm\b|contact met (?:je|u) op|ne(?:e)?m(?:en)? [^.]{0,30}contact|let you know|update you|an update|"
    r"decision|decide|feedback|respond|reply to you|contact you|reach out|come back|follow up with|"
    r"news|touch base|review (?:your|all)|reviewing|next steps|"
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
    r"(?:je|on|nous) vous rappel|odpowiemy|odpowie|te rappelle|(?:rufe|rufen) (?:sie|dich) [^.]{0,20}zurück|te vuelvo a llamar|"
    r"(?:te|le|os|les) diremos|(?:te|le|os) confirm(?:o|amos|aremos)|confirmaremos|pondrá en contacto|pondrán en contacto|esito|"
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
    r"firmar|assinar|firmare|unterschreiben|signer|ondertek|podpisa|terugsturen|wil je|"
    r"(?:ti|le|vi) (?:chiediamo|preghiamo)|inviare|enviar(?:nos)?\b|envoyer|schicken|zusenden|"
    r"upload|provide (?:us|your|the|a copy)|share your|bring|book (?:a|your)|"
    r"(?:choose|pick|select) (?:a|your|one)\b|\bsign(?:ed|ing)?\b(?![- ]off\b)|signature|deadline|expires?|complete the|submit|return the|"
    r"your (?:response|reply|answer)|let us know|bitte|merci de|veuillez|por favor|per favore|"
    r"graag|proszę|prosimy|closing date|closes on|applications close|posting|"
    r"office is closed|closed until",
)
# A sentence ends at . ! ? or a line break, but not at the period of a German or Polish
# ordinal date ("vom 6. bis 15. Mai") nor inside a numeric one ("bis 20.03.2026").
_SENTENCE = re.compile(
    r"(?:[^.!?;\n]|(?<=\d)\.(?=[ \t]*[^\W\d_]|\d)"
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
    r"allow us (?:time )?(?:till|until)|"
    r"entro|voor|uiterlijk|do|przed|"
    # "at the latest": spätestens (am), au plus tard (le), como muy tarde (el)...
    r"latest|spätestens|plus tard|más tardar|muy tarde|mais tardar|più tardi|najpóźniej)"
    r"\W*(?:the\s+|le\s+|el\s+|den\s+|o\s+|il\s+|zum\s+|am\s+|dem\s+|al\s+|au\s+|dnia\s+)?"
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
    fallback: date | None = None
    uncued: date | None = None
    for sentence in _SENTENCE.finditer(_unwrap(text)):
        chunk = sentence.group(0)
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
            chunk, low = chunk[clause.end() :], low[clause.end() :]
            if _CANDIDATE_DEADLINE.search(low) or not cues.search(low):
                continue  # the rest of such a sentence needs a cue of its own
        cue = cues.search(low)
        if not cue and not (uncue_ok and uncued is None and _BY_WORD.search(low)):
            continue
        mentions = [
            m
            for m in find_dates(chunk, base)
            if m.day >= base and not _CLOCK_AFTER.match(chunk, m.end)
        ]
        introduced = [
            m
            for m in mentions
            if m.rule in ("within", "fortnight")
            or _BY.search(_TRAILING_WEEKDAY.sub("", chunk[max(0, m.start - 32) : m.start]))
            or _BY_START.match(m.phrase)
        ]
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
        ]
        # A day introduced by "by"/"within" anywhere beats a day merely after a cue in an
        # earlier sentence ("before we decide ... next Tuesday. ... a decision by the end of
        # next week": the end of next week).
        if introduced:
            return introduced[0].day
        if after_cue and fallback is None:
            fallback = after_cue[0].day
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
    r"odpowied|decyzj|odezwiemy|poinformujemy|damy znać",
)


def find_decision_by(text: str, sent: datetime) -> date | None:
    """find_respond_by for invitations: only a promised answer or decision ("we will get back
    to you by Friday"), not a logistics date ("we'll send the link tomorrow morning")."""
    return find_respond_by(text, sent, cues=_DECISION_CUE, uncue_ok=False)


# --- back on ------------------------------------------------------------------------------------

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


def interview_fields(mail: ParsedMail) -> tuple[datetime | None, datetime | None]:
    """Interview start and end: the calendar part first, else the text (end only from calendar)."""
    calendar = mail.calendar
    if calendar is not None and calendar.start is not None and calendar.method != "CANCEL":
        return calendar.start, calendar.end
    if mail.date is None:
        return None, None
    text = f"{mail.subject}\n{mail.new_text[:MAX_TEXT_CHARS]}"
    if _ONE_WAY.search(text):
        return None, None
    return find_interview_window(text, mail.date)


def kind_wants_respond_by(kind: MailKind) -> bool:
    """Kinds whose text may name the day the employer gets back (an offer's dates are the
    candidate's deadlines). Invitations count, but only through ``find_decision_by``."""
    return kind in (MailKind.EMPLOYER_REPLY, MailKind.APPLICATION_ACK, MailKind.INTERVIEW_INVITE)
