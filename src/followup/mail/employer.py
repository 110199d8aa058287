"""Who a message is about: the employer as a person would name it, and the role.

The employer comes from the strongest clue (an agency's named client, an organisation display
name, a name in the mail matching the sender's domain, "at X" wording, the domain itself);
applicant-tracking and job-board domains never name it.
"""

# Cue regexes are data; splitting them across lines would hide their shape.
# ruff: noqa: E501

from __future__ import annotations

import functools
import re
import unicodedata

from followup.mail.model import ParsedMail


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
    r"(?:graduate|early careers?|campus|cadet|trainee|apprentice(?:ship)?|internship|summer)"
    r"(?: [a-z]+){0,2} program(?:me)?|rrhh|personalservice|"
    r"personalabteilung|recursos humanos|"
    r"scheduling|interviews?|rh|recrutement|karriere|recursos humanos|reclutamiento|selezione|"
    r"werving|rekrutacja|talent community|people (?:&|and) culture|talent (?:&|and) culture|"
    r"people services|people ops|resourcing|talents|empleo|carreiras|hrm|lavora con noi|"
    # German and Italian personnel offices ("Stadtwerke Kaltenbach Personal")
    r"(?-i:Personal)|personal(?:gewinnung|amt|wesen|management)|(?:settore |ufficio )?personale|"
    r"(?:student|graduate|campus) (?:recruitment|recruiting|careers))$",
    re.I,
)
_LEGAL = re.compile(
    r"[ \t,]+(?:(?:gmbh|ag|se)(?:[ \t]*&[ \t]*co\.?(?:[ \t]+kgaa|[ \t]+kg)?)?|kg|ltd\.?|limited|llp|"
    r"pllc|llc|inc\.?|pty\.? ltd\.?|pvt\.? ltd\.?|pvt\.?|private limited|corp\.?|plc|s\.?a\.?s?|s\.?l\.?|s\.?r\.?l\.?|"
    r"s\.?p\.?a\.?|b\.?v\.?|n\.?v\.?|sp\.?(?: z o\.o\.?)?|lda\.?|ltda\.?|"
    # A country branch is the same employer to the candidate ("Stellwerk Mobility UK").
    r"(?-i:UK|US|USA|EMEA|PJSC|PSC|AS|ASA|AB|OY|Oy|Oyj|ABN|ACN|LP|DAC|Pte|PTE|AARPI)|co\.?)$",
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
    harbour street bay point
    bio marine precision rail devices design foundation grocers kitchen brewing architects
    airways sound lane"""
    ),
    key=len,
    reverse=True,
)
# Words that begin company names in the languages of the corpus ("Maison Bleue", "Studio
# Mirabeau", "Radio Ventaglio"), split off the front of a run-together domain label.
_HEAD_WORDS = sorted(
    _words(
        """maison atelier studio estudio radio banco banca banque grupo gruppo groupe
    hotel cafe casa bodegas cooperativa officine clinica farmacia agricola"""
    ),
    key=len,
    reverse=True,
)
_TRANSLIT = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "&": "and", "ł": "l", "ø": "oe", "æ": "ae"}
)


@functools.lru_cache(maxsize=16384)
def _squash(value: str) -> str:
    value = unicodedata.normalize("NFKD", value.lower().translate(_TRANSLIT))
    return "".join(ch for ch in value if ch.isalnum() and ord(ch) < 128)


@functools.lru_cache(maxsize=16384)
def _plain(value: str) -> str:
    value = unicodedata.normalize("NFKD", value.lower().replace("&", ""))
    return "".join(ch for ch in value if ch.isalnum() and ord(ch) < 128)


_SKIP_LABELS = _words(
    "mail email mx us eu uk jobs careers hire apply notifications co com www smtp ac edu gov k12 "
    "au nz in sg ae ca ie za br mx ar org net "
    "nhs gouv gob govt "
    # Australian states: "catholic.qld.edu.au" is named by "catholic", not "qld"
    "nsw vic qld tas act"
)


def _name_labels(domain: str) -> list[str]:
    """The labels of a domain that may name its owner: no TLD, no "mail"/"careers" hosts and
    no country code under another TLD ("pl" of smoczykod.pl.example), unless nothing else is
    left."""
    labels = [label for label in domain.lower().split(".") if label]
    if len(labels) >= 2:
        labels = labels[:-1]  # drop the TLD
    labels = [label for label in labels if label not in _SKIP_LABELS]
    longer = [label for label in labels if len(label) > 2]
    return longer or labels


def _domain_core(address: str) -> str:
    labels = _name_labels(address.rpartition("@")[2])
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


# Words that say what an organisation is; a trailing one belongs to its name.
_KIND_WORDS = (
    ORG_WORDS
    | _INSTITUTION_WORDS
    | _words(
        "assurance assicurazioni seguros versicherung stiftung trust society association hospitals "
        "authority service board department ministry lawyers avocats partners partnerzy"
    )
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


def _abbreviates(core: str, candidate: str) -> bool:
    """Whether ``core`` is ``candidate`` shortened as domains shorten names: a prefix of some of
    its words, in order ("northgatebs": Northgate Building Society, "ventosatlantico": Ventos do
    Atlântico Energia, "univlorvalle": Université de Lorvalle). At least two words must be used
    and enough of them whole, so that "fernhill" is not "F. Ernhill"."""
    words = [w for w in (_squash(part) for part in re.split(r"[\s'’-]+", candidate)) if w]
    if len(core) < 5 or not 2 <= len(words) <= 9:
        return False

    def walk(at: int, word: int, used: int, whole: int) -> bool:
        if at == len(core):
            return used >= 2 and whole >= 2
        if word == len(words):
            return False
        current = words[word]
        common = 0
        while (
            common < len(current)
            and at + common < len(core)
            and core[at + common] == current[common]
        ):
            common += 1
        for size in range(common, 0, -1):
            # a whole word of four letters counts twice: "red", "gum" and "aid" of "Red Gum
            # Community Aid" together say as much as "northgate" of "Northgate Building Society"
            weight = 0 if size < len(current) else (2 if size >= 4 else 1)
            if walk(at + size, word + 1, used + 1, whole + weight):
                return True
        return walk(at, word + 1, used, whole)  # a word the domain leaves out

    return walk(0, 0, 0, 0)


def _covers(candidate: str, core: str) -> bool:
    """The name spells the whole domain label, maybe in the other order: "Stadtwerke Lindau"
    for stadtwerke-lindau beats the inflected "Stadtwerken Lindau", which only abbreviates it,
    and "Ballinacourt" covers only part of ballinacourtcc."""
    forms = (_squash(candidate), _plain(candidate))
    return (
        any(form.startswith(core) for form in forms)
        or core in (_initials(candidate), _distinctive(candidate))
        or _reordered(core, candidate)
    )


def _without_place(candidate: str, core: str, named: dict[str, int]) -> str:
    """ "Brindle & Moss Madrid" at brindlemoss, with "Madrid" also named alone: the name
    without the office's town. Only words past the domain's whole name go, and only when the
    mail names them on their own and none says what kind of organisation it is
    ("Quillfeather Payments", "Pinewood Group" stay)."""
    words = candidate.split()
    for size in range(1, len(words)):
        if core in (_squash(" ".join(words[:size])), _plain(" ".join(words[:size]))):
            rest = words[size:]
            if " ".join(rest) in named and not any(w.lower() in _KIND_WORDS for w in rest):
                return " ".join(words[:size])
            break
    return candidate


def _stands_for(short: str, candidate: str) -> bool:
    """ "Kingsmere NHS FT", "Millbrook USD", "HUSLA", "Univ Lorvalle": a shortening of
    ``candidate``."""
    squashed = _squash(short)
    whole = {_squash(w) for w in candidate.split()}
    return _initials(candidate) == squashed or (
        any(_squash(w) not in whole and (len(w) <= 4 or w.isupper()) for w in short.split())
        and _abbreviates(squashed, candidate)
    )


def _reordered(core: str, candidate: str) -> bool:
    """ "Brauerei Lindenhof" at lindenhof-brauerei: two words the domain writes the other way."""
    words = candidate.split()
    return len(words) == 2 and _squash(words[1] + words[0]) == core


@functools.lru_cache(maxsize=8192)
def _matches_plainly(candidate: str, core: str) -> bool:
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


@functools.lru_cache(maxsize=8192)
def _matches_domain(candidate: str, core: str) -> bool:
    """Whether ``candidate`` names the organisation of the domain ``core``, plainly or as the
    domain shortens or reorders it."""
    return (
        _matches_plainly(candidate, core)
        or _reordered(core, candidate)
        or _wraps(core, candidate)
        or _abbreviates(core, candidate)
    )


def _wraps(core: str, candidate: str) -> bool:
    """A name built around the domain's one word: "Atelier Brisemer" at brisemer, "Grupo
    Hotelero Marisal" at marisal, "Mairie de Villebrune-sur-Loire" at villebrune."""
    if len(core) < 5:
        return False
    parts = re.split(r"[\s-]+", candidate)
    words = [w for w in parts if w.lower() not in _WRAP_JOINS]
    others = [w for w in words if _squash(w) != core]
    return (
        2 <= len(words) <= 5
        and len(others) < len(words)
        and all(w.isalpha() and w[0].isupper() and not _is_agency(w) for w in others)
        and not any(w.lower() in ("for", "of", "at", "the") for w in parts)
    )


_WRAP_JOINS = frozenset(["de", "del", "des", "du", "di", "da", "do", "la", "le", "sur", "van"])


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
    candidate = _LEADING_TEAM.sub("", candidate)
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
    r"segreteria(?: hr| del personale)?|"
    r"(?:direction|direzione|dirección|direção|departamento|département|dipartimento)"
    r"(?: (?:de|des|du|di|del|da|do|of))? (?:ressources humaines|risorse umane|recursos humanos|"
    r"personnel|personale|rh|rrhh|hr)",
    re.I,
)


_SEPARATOR = re.compile(r"[ \t]+[-|–][ \t]+")
# A department or mail topic written before the employer: "Recursos Humanos Caja Valdemora",
# "Zespół Rekrutacji Wisła Soft", "Werken bij Dijkstra Bouw", "Entretien Sillage Data".
_LEADING_TEAM = re.compile(
    r"^(?:(?:recursos humanos|ressources humaines|risorse umane|direzione risorse umane|"
    r"direction des ressources humaines|talent acquisition|acquisition|zespół(?: rekrutacji)?|"
    r"dział (?:kadr|hr|personalny)|kariera|werken bij|empleo|entretien|entrevista|colloquio|"
    r"interviews?|service desk|time de talentos|equipo de selección|talento humano|gestión humana)(?:[ \t]+[-|–:])?[ \t]+)+"
    r"(?=\S)",
    re.I,
)


# "hr" and "rh" only as a whole token of the local part: "rhys.powell" is a person.
_ROLE_MAILBOX = re.compile(
    r"careers?|jobs?|talent|recruit|no-?reply|team|info|people|hiring|"
    r"(?:^|[._+-])(?:hr|rh)(?:$|[._+-])",
    re.I,
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
    labels = _name_labels(domain)
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
    the mail that matches the sender's domain; "at X"-style wording; the domain itself. A name
    read off the domain is then given the spelling the mail writes it with.
    """
    found = _find_company(mail, text)
    if found is None:
        return None
    return _as_written(_expanded(found, mail), (mail.from_name, mail.subject, mail.text))


def _expanded(found: str, mail: ParsedMail) -> str:
    """The full form of an abbreviated name when the mail writes it: "Kingsmere NHS FT via
    TracJobs" signed "Kingsmere Hospitals NHS Foundation Trust" (any domain, even a vendor's)."""
    if not any(len(word) <= 4 and word.lower() not in _NAME_JOINS for word in found.split()):
        return found
    fuller = [
        c
        for c in _candidates(f"{mail.subject}\n{mail.text}")
        if len(c) > len(found) and _stands_for(found, c)
    ]
    return max(fuller, key=len) if fuller else found


# Letters a domain writes plainly, by the accented letters they stand for.
_ACCENTED: dict[str, str] = {}
for _code in range(0xC0, 0x250):
    _base = _squash(chr(_code))
    if len(_base) == 1:
        _ACCENTED[_base] = _ACCENTED.get(_base, "") + chr(_code)
_FOLDED = {"ae": "äæ", "oe": "öø", "ue": "ü", "ss": "ß"}
# Between letters: spaces, apostrophes, dots, hyphens and "&" the domain leaves out.
_GAP = r"[ \t'’.&+-]*"


@functools.lru_cache(maxsize=4096)
def _spelling(squashed: str) -> re.Pattern[str]:
    """A pattern for any writing of ``squashed``: "krakowsoft" finds "Kraków Soft",
    "marlowreeve" "Marlow & Reeve", "paindepicelabs" "Pain d'Épice Labs"."""
    parts: list[str] = []
    at = 0
    while at < len(squashed):
        pair = squashed[at : at + 2]
        if pair in _FOLDED:
            first, second = (re.escape(c) + _ACCENTED.get(c, "") for c in pair)
            parts.append(f"(?:[{first}]{_GAP}[{second}]|[{_FOLDED[pair]}])")
            at += 2
            continue
        parts.append(f"[{re.escape(squashed[at])}{_ACCENTED.get(squashed[at], '')}]")
        at += 1
    return re.compile(rf"(?<!\w){_GAP.join(parts)}(?!\w)", re.I)


def _as_written(found: str, sources: tuple[str, ...]) -> str:
    """``found`` as the mail writes it, when it writes it with other spacing or accents than
    the domain it was read from ("Torun Bank" -> "Toruń Bank", "Datosdelsur" -> "Datos del
    Sur"); unchanged when the mail writes it as found or not at all."""
    squashed = _squash(found)
    if len(squashed) < 4 or any(found in source for source in sources):
        return found
    pattern = _spelling(squashed)
    for source in sources:
        match = pattern.search(source)
        if match and match.group(0)[:1].isupper():
            return " ".join(match.group(0).split())
    return found


def _find_company(mail: ParsedMail, text: str) -> str | None:
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
        if via.string[via.end(1) :].split(None, 1)[0].lower() == "at" and _clean(right):
            name = right  # "Megan Holt at Saltmarsh Bio": a person at the employer
        if _VENDOR_DOMAIN_WORD.match(_squash(right)) and not _is_org(left):
            name = ""  # "Sara Kim via LinkedIn": a person relayed by a platform, not an employer
    # "Katrin Holzapfel | Rheinfeld Energie": the part of the display name that is the domain's
    sides = _SEPARATOR.split(name, maxsplit=1)
    if len(sides) == 2 and not _matches_domain(sides[0], core) and _matches_domain(sides[1], core):
        name = sides[1]
    name = _clean(name)
    words = name.split()
    if (
        len(words) >= 2
        and _AGENCY.search(words[0])
        and not _AGENCY.search(core)
        and _matches_domain(" ".join(words[1:]), core)
    ):
        name = " ".join(words[1:])  # "Talento Almacenes Ribera": the employer's own team
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
            # "Pinewood" in the display name, "Pinewood Group" in the signature: the full name;
            # also the name an abbreviation stands for ("NHS FT", "USD", "HUSLA").
            written = _candidates(f"{mail.subject}\n{text}")
            longer = [
                c
                for c in written
                if len(c) > len(name)
                and _matches_domain(c, core)
                and (c.startswith(name) or _stands_for(name, c))
                and _without_place(c, core, written) == c
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
        # A name written as the domain writes it beats a longer one it only abbreviates
        # ("Stadtwerke Lindau" over the inflected "Stadtwerken Lindau").
        own = max(
            matching,
            key=lambda c: (_covers(c, core), len(c.split()), len(c), counts[c]),
        )
        own = _without_place(own, core, counts)
        if _is_agency(own) or _AGENCY.search(core) or _signed_as_agency(own, mail):
            employer = _named_employer(mail.subject, text, core)
            if employer:
                return employer
        if core.startswith(_plain(own)) and not _covers(own, core):
            # "Fleur" written alone, "Fleur d'Éloi Labs" in a sentence at fleurdeloilabs
            spelled = company_from_domain(mail.from_addr)
            if spelled:
                spelled_in_mail = _as_written(spelled, (mail.from_name, mail.subject, mail.text))
                if spelled_in_mail != spelled:
                    return spelled_in_mail
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


def _signed_as_agency(name: str, mail: ParsedMail) -> bool:
    """ "Castlegate Recruitment" under mail from castlegate-rec about "Orwell Hydrogen -
    feedback": an agency, though its domain and the name left after cleaning do not say so.
    An employer's own team ("Orbis Grid Talent Team") writes its own name in the subject."""
    if name.lower() in mail.subject.lower():
        return False
    return bool(
        re.search(
            rf"(?<!\w){re.escape(name)}[ \t]+(?:recruitment|recruiting|talent|staffing|search|"
            r"personnel|resourcing|consulting)\b(?![ \t]+team)",
            mail.text,
            re.I,
        )
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
    labels = _name_labels(address.rpartition("@")[2])
    if not labels:
        return None
    words: list[str] = []
    for part in labels[-1].split("-"):
        head = next((w for w in _HEAD_WORDS if part.startswith(w) and len(part) - len(w) >= 4), "")
        if head:
            words.append(head)  # "maisonbleue" -> "Maison Bleue"
            part = part[len(head) :]
        tail: list[str] = []
        while True:
            # a short word splits off a longer stem only: "Tarrant Rail", but "Fintrail"
            word = next(
                (
                    w
                    for w in (*_SPLIT_WORDS, *_SHORT_TAILS)
                    if part.endswith(w) and len(part) - len(w) >= (5 if len(w) <= 4 else 3)
                ),
                None,
            )
            if word is None:
                break
            tail.insert(0, word)
            part = part[: -len(word)]
        words += [part, *tail]
    words = words[:1] + [_SHORT_FORMS.get(w, w) for w in words[1:]]
    return " ".join("AI" if w == "ai" else w.capitalize() for w in words if w) or None


# How domains shorten the word that says what a company is ("pinecrest-ins", "ferncastle-mfg",
# "stonebridgecap"); a person names the company with the word in full.
_SHORT_FORMS = {
    "ins": "insurance",
    "insure": "insurance",
    "mfg": "manufacturing",
    "arch": "architects",
    "cap": "capital",
    "sec": "security",
    "aero": "aerospace",
    "mb": "maschinenbau",
}
_SHORT_TAILS = ("aero", "mfg", "cap", "sec")


def _is_org(name: str) -> bool:
    return any(word.lower().strip(".,") in ORG_WORDS for word in name.split()[1:] or name.split())


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
