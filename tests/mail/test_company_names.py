"""The employer's name as a person would write it (corpus README, field ``company``).

Each test is a family of mail seen in the labelled sets, written again with invented names:
a domain that glues, shortens, reorders or accent-strips the name the mail itself writes; a
department or mailbox word left on a display name; a person taken for the employer. Each
family has look-alikes that must keep their answer.
"""

from __future__ import annotations

import pytest

from followup.mail import MailKind, read_mail
from followup.mail.employer import company_from_domain

REJECTION = (
    "Hi Alex,\n\nThank you for the time you spent with us on the Data Analyst role. After"
    " careful consideration we have decided not to move forward with your application.\n\n"
    "Kind regards,\n{sign}\n"
)


def _company(
    sender: str, sign: str, subject: str = "Your application for Data Analyst", body: str = ""
) -> str | None:
    text = body or REJECTION.format(sign=sign)
    raw = (
        f"From: {sender}\nTo: Alex Moreau <alex@example.net>\nSubject: {subject}\n"
        "Date: Mon, 02 Mar 2026 16:00:00 +0000\nMessage-ID: <m1@example.net>\n"
        f"Content-Type: text/plain; charset=utf-8\n\n{text}"
    ).encode()
    reading = read_mail(raw)
    assert reading.kind is MailKind.REJECTION
    return reading.company


@pytest.mark.parametrize(
    ("sender", "sign", "expected"),
    [
        # a domain that shortens the name the signature writes in full
        (
            "Ines Varga <ines.varga@quennellrail.example>",
            "Ines Varga\nQuennell Rail Systems",
            "Quennell Rail Systems",
        ),
        (
            "Rui Matos <rui.matos@pedranorte.example>",
            "Rui Matos\nRecursos Humanos\nPedra do Norte Energia",
            "Pedra do Norte Energia",
        ),
        (
            "Owen Tait <owen.tait@dunmorebs.example>",
            "Owen Tait\nResourcing Manager | Dunmore Building Society",
            "Dunmore Building Society",
        ),
        (
            "Lena Brandt <lena.brandt@ashcroftcu.example>",
            "Lena Brandt\nAshcroft Credit Union",
            "Ashcroft Credit Union",
        ),
        # short words, each whole: "elm", "bay" and "aid" of Elm Bay Rescue Aid
        (
            "Kai Moana <kai.moana@elmbayaid.example>",
            "Kai Moana\nElm Bay Rescue Aid",
            "Elm Bay Rescue Aid",
        ),
        # a name built around the domain's one word
        (
            "Claire Morel <claire.morel@corbelin.example>",
            "Claire Morel\nAtelier Corbelin",
            "Atelier Corbelin",
        ),
        # the look-alike: nothing written, the domain's own reading stays
        ("Ines Varga <ines.varga@quennellrail.example>", "Ines", "Quennell Rail"),
    ],
)
def test_a_domain_that_shortens_the_name_gives_way_to_the_name_written(
    sender: str, sign: str, expected: str
) -> None:
    assert _company(sender, sign) == expected


@pytest.mark.parametrize(
    ("sender", "sign", "expected"),
    [
        (
            "Anke Roth <anke.roth@sommerau-kelterei.example>",
            "Anke Roth\nKelterei Sommerau",
            "Kelterei Sommerau",
        ),
        (
            "Jonas Falk <jonas.falk@wendler-hebetechnik.example>",
            "Jonas Falk\nHebetechnik Wendler",
            "Hebetechnik Wendler",
        ),
        # look-alike: the mail does not write it, so the domain's order stays
        ("Anke Roth <anke.roth@sommerau-kelterei.example>", "Anke", "Sommerau Kelterei"),
    ],
)
def test_words_the_domain_writes_the_other_way_round_keep_the_mails_order(
    sender: str, sign: str, expected: str
) -> None:
    assert _company(sender, sign) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Bonjour,\n\nMerci pour votre intérêt pour Fleur d'Éloi Labs. Nous ne donnerons pas"
            " suite à votre candidature.\n\nClaire",
            "Fleur d'Éloi Labs",
        ),
        (
            "Hi Alex,\n\nThanks for meeting the team at Corran & Vey. We have decided not to"
            " move forward with your application.\n\nSam",
            "Corran & Vey",
        ),
    ],
)
def test_a_name_read_off_the_domain_takes_the_spelling_the_mail_writes(
    body: str, expected: str
) -> None:
    domain = "fleurdeloilabs" if "Fleur" in body else "corranvey"
    assert _company(f"Sam Ortiz <sam.ortiz@{domain}.example>", "", body=body) == expected


@pytest.mark.parametrize(
    ("sender", "expected"),
    [
        ("Kelterei Amsel Personal <bewerbung@amsel.example>", "Kelterei Amsel"),
        ("Ondarra Seguros - Empleo <empleo@ondarra.example>", "Ondarra Seguros"),
        ("Maison Lierre Talents <talents@maisonlierre.example>", "Maison Lierre"),
        ("Klinikum Sandau - Personalgewinnung <jobs@klinikum-sandau.example>", "Klinikum Sandau"),
        ("Comune di Verlate - Settore Personale <personale@verlate.example>", "Comune di Verlate"),
        ("Gemeente Dijkveld - HRM <hrm@dijkveld.example>", "Gemeente Dijkveld"),
        ("Recursos Humanos Caja Lebrija <rrhh@cajalebrija.example>", "Caja Lebrija"),
        ("Werken bij Noordhaven <werkenbij@noordhaven.example>", "Noordhaven"),
        # an in-house team named like an agency, before the employer its domain names
        ("Talento Bodegas Ulla <no-responder@bodegasulla.example>", "Bodegas Ulla"),
        ("Talento Humano Aerovia Quetzal <empleo@aeroviaquetzal.example>", "Aerovia Quetzal"),
        ("Tunturi Works Oy <careers@tunturiworks.example>", "Tunturi Works"),
        ("Carrow Partners LP <recruiting@carrowpartners.example>", "Carrow Partners"),
        ("Sembawang Data Pte <hr@sembawangdata.example>", "Sembawang Data"),
        ("Kestral Air Cadet Pilot Programme <cadets@kestralair.example>", "Kestral Air"),
        # look-alikes: the same words inside a name are part of it
        ("Ironvale Personal Care <careers@ironvale.example>", "Ironvale Personal Care"),
        ("Oysterbay Foods <careers@oysterbay.example>", "Oysterbay Foods"),
    ],
)
def test_department_words_and_legal_forms_leave_the_display_name(
    sender: str, expected: str
) -> None:
    assert _company(sender, "HR") == expected


@pytest.mark.parametrize(
    ("sender", "sign", "expected"),
    [
        # a department as the whole display name: the signature names the employer
        (
            "Direction des Ressources Humaines <recrutement@sarlieu.example>",
            "Direction des Ressources Humaines\nMairie de Sarlieu-sur-Cher",
            "Mairie de Sarlieu-sur-Cher",
        ),
        # "rh" inside a first name is no HR mailbox
        (
            "Rhona Hart <rhona.hart@kestwick.example>",
            "Rhona\n-- \nRhona Hart | Talent Partner\nKestwick Foods",
            "Kestwick Foods",
        ),
        ("Jonas Berg at Fennick Bio <no-reply@hiretrail.example>", "Jonas", "Fennick Bio"),
        # look-alike: a department before "at" still leaves the employer
        ("Careers at Fennick <no-reply@hiretrail.example>", "HR", "Fennick"),
    ],
)
def test_a_department_or_a_person_is_not_taken_for_the_employer(
    sender: str, sign: str, expected: str
) -> None:
    assert _company(sender, sign) == expected


@pytest.mark.parametrize(
    ("sender", "sign", "expected"),
    [
        (
            "Cedar Falls USD <jobs@cedarfallsusd.example>",
            "Human Resources\nCedar Falls Unified School District",
            "Cedar Falls Unified School District",
        ),
        (
            "Univ Marveil <rh@univ-marveil.example>",
            "Service RH\nUniversité de Marveil",
            "Université de Marveil",
        ),
        (
            "HSCO <empleo@hsco.example>",
            "Recursos Humanos\nHospital San Cristóbal de Orense",
            "Hospital San Cristóbal de Orense",
        ),
        # the same under a job board's address
        (
            "Dunholm Vale NHS FT via TrustJobs <noreply@trustjobs.example>",
            "Recruitment Team\nDunholm Vale Hospitals NHS Foundation Trust",
            "Dunholm Vale Hospitals NHS Foundation Trust",
        ),
        # look-alike: no full form written, the abbreviation stays
        ("Cedar Falls USD <jobs@cedarfallsusd.example>", "Human Resources", "Cedar Falls USD"),
    ],
)
def test_an_abbreviated_display_name_gives_way_to_the_full_form_the_mail_writes(
    sender: str, sign: str, expected: str
) -> None:
    assert _company(sender, sign) == expected


@pytest.mark.parametrize(
    ("sender", "sign", "expected"),
    [
        ("Ewa Lis <ewa.lis@modrzewsoft.pl.example>", "Ewa Lis\nModrzew Soft", "Modrzew Soft"),
        ("Kim Tran <kim.tran@wattleridge.qld.example>", "Kim", "Wattleridge"),
    ],
)
def test_a_country_or_state_label_in_the_domain_names_no_employer(
    sender: str, sign: str, expected: str
) -> None:
    assert _company(sender, sign) == expected


def test_an_office_town_after_the_name_is_dropped_when_the_mail_names_the_town_alone() -> None:
    sender = "Lucía Prado <lucia.prado@corranvey.example>"
    sign = "Lucía Prado\nTalent Acquisition, Corran & Vey Lisboa"
    assert _company(sender, sign, subject="Analista - Lisboa") == "Corran & Vey"
    # look-alike: a word that says what the organisation is stays on the name
    sign = "Lucía Prado\nCorran & Vey Analytics"
    assert _company(sender, sign, subject="Analista - Analytics") == "Corran & Vey Analytics"


def test_an_agency_that_signs_as_one_names_its_client_from_the_subject() -> None:
    body = (
        "Hi Alex,\n\nI've just had feedback from Pellmont Hydraulics on the Data Analyst role."
        " They have decided not to move forward with your application.\n\nBest,\nTom\n"
        "Harrowgate Recruitment\n"
    )
    sender = "Tom Reece <tom.reece@harrowgate-rec.example>"
    subject = "Pellmont Hydraulics - feedback"
    assert _company(sender, "", subject=subject, body=body) == "Pellmont Hydraulics"
    # look-alike: an employer's own recruiting team, named in its own subject
    body = REJECTION.format(sign="Pellmont Hydraulics Recruiting")
    sender = "Recruiting <recruiting@pellmonthydraulics.example>"
    subject = "Next steps at Pellmont Hydraulics"
    assert _company(sender, "", subject=subject, body=body) == "Pellmont Hydraulics"


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("hr@kelsomarine.example", "Kelso Marine"),
        ("talent@brambleprecision.example", "Bramble Precision"),
        ("jobs@wrenhollowgrocers.example", "Wrenhollow Grocers"),
        # the kind of company shortened: a person writes it in full
        ("jobs@wrenfield-ins.example", "Wrenfield Insurance"),
        ("hr@oakvalemfg.example", "Oakvale Manufacturing"),
        ("careers@tamsincap.example", "Tamsin Capital"),
        # a word that begins names in French, Italian, Spanish...
        ("rh@maisonlavande.example", "Maison Lavande"),
        ("jobs@studiocorvino.example", "Studio Corvino"),
        # look-alikes: a short word stays on a short stem, one brand word ("Zantrail")
        ("jobs@zantrail.example", "Zantrail"),
        ("jobs@orbtech.example", "Orbtech"),
        ("jobs@radiola.example", "Radiola"),
        ("jobs@redrobins.example", "Redrobins"),
        ("jobs@parsec.example", "Parsec"),
    ],
)
def test_a_glued_domain_splits_off_the_industry_word_it_ends_with(
    address: str, expected: str
) -> None:
    assert company_from_domain(address) == expected
