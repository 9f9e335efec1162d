"""Table tests of the body-field readers, on shapes copied from the sample corpus.

Every expected value was written by hand from reading the cable text, not by running the
parser. The cable each case comes from is named in its id.
"""

from __future__ import annotations

import pytest

from cables.body.header_fields import find_classified_by, find_tags
from cables.body.lines import prepare_lines
from cables.body.references import parse_references
from cables.body.signer import find_signer
from cables.body.subject import find_subject
from cables.body.summary import find_summary
from cables.model import Paragraph

# (REF text as written, year of the citing cable, expected ids)
REFERENCES = [
    ("08ASTANA611", "REF: 07 Tashkent 877", "08", ["07TASHKENT877"]),
    (
        "72TEHRAN1164",
        "REF: TEHRAN 1091: TEHRAN 263: MOSCOW 1603",
        "72",
        ["72TEHRAN1091", "72TEHRAN263", "72MOSCOW1603"],
    ),
    (
        "66BUENOSAIRES2481",
        "REF: STATE 106206 CIRCULAR; STATE CA-3400 NOV 2, 1966",
        "66",
        ["66STATE106206"],
    ),
    ("72TEHRAN4789", "REF: TEHRAN'S A-077 OF MAY 15, 1972: TEHRAN 3312", "72", ["72TEHRAN3312"]),
    (
        "7575LIBREVILLE1895",
        "REF: STATE 272523; USUN 6028",
        "75",
        ["75STATE272523", "75USUNNEWYORK6028"],
    ),
    ("05CAIRO5924", "REF: CAIRO 5589 AND PREVIOUS", "05", ["05CAIRO5589"]),
    ("05LONDON4981", "Ref: london 4212", "05", ["05LONDON4212"]),
    ("05PARIS482", "REF: 04 PARIS 8760 AND PREVIOUS", "05", ["04PARIS8760"]),
    (
        "05PARIS5539",
        "REF: A. STATE 144222\nB. PARIS 5203\nC. PARIS 4644\nD. 04 PARIS 2981",
        "05",
        ["05STATE144222", "05PARIS5203", "05PARIS4644", "04PARIS2981"],
    ),
    (
        "06ABUDHABI1401",
        "REF: A. 05 ABU DHABI 3243\nB. 05 ABU DHABI 3565\nC. ABU DHABI 409",
        "06",
        ["05ABUDHABI3243", "05ABUDHABI3565", "06ABUDHABI409"],
    ),
    ("06BUENOSAIRES1594", "REF: A. 05 BUENOS AIRES 02728", "06", ["05BUENOSAIRES2728"]),
    (
        "06CARACAS219",
        "REF: A. A: HAVANA 00118\nB. B: HAVANA 00697\n"
        "C. C: TD-314/63777-05 LIMITED DISTRIBUTION\nD. D: IIR 6 902 9698 06",
        "06",
        ["06HAVANA118", "06HAVANA697"],
    ),
    (
        "06ISLAMABAD3705",
        "REF: A. A. MAIER - QUINN EMAIL MAIL 06 MARCH 06  B. B. LAMBERT - ENGLEKEN EMAIL 21 FEB 06",
        "06",
        [],
    ),
    ("06LAPAZ3400", "REF: LA PAZ 03178", "06", ["06LAPAZ3178"]),
    ("06MADRID1914", "REF: A. 2005 MADRID 3528\nB. TD-314/09169-05", "06", ["05MADRID3528"]),
    ("06MADRID2281", "REF: EUR/WE E-MAIL OF 09/08/2006", "06", []),
    (
        "07MADRID1805",
        "REF: A. SECSTATE 121837\nB. 2006 MADRID 1914",
        "07",
        ["07STATE121837", "06MADRID1914"],
    ),
    (
        "07MOSCOW5154",
        "REF: A. STATE 137954  B. MOSCOW 3207  C. MOSCOW 3139",
        "07",
        ["07STATE137954", "07MOSCOW3207", "07MOSCOW3139"],
    ),
    ("07PARIS3956", "REF: A. (A) PARIS POINTS 20 SEPTEMBER 2007", "07", []),
    (
        "07TRIPOLI943",
        "REF: A) STATE 135205; B) STATE 127608; C) JOHNSON-STEVENS/GODFREY "
        "E-MAIL 10/15/07; D) TRIPOLI 797; E) TRIPOLI 723 AND PREVIOUS",
        "07",
        ["07STATE135205", "07STATE127608", "07TRIPOLI797", "07TRIPOLI723"],
    ),
    (
        "08ALGIERS198",
        "REF: A. ALGIERS 111  B. ALGIERS 110 AND ALGIERS 140  C. 07 ALGIERS 1806  "
        "D. 07 ALGIERS 1807 AND 08 ALGIERS 0075  E. ALGIERS 141",
        "08",
        [
            "08ALGIERS111",
            "08ALGIERS110",
            "08ALGIERS140",
            "07ALGIERS1806",
            "07ALGIERS1807",
            "08ALGIERS75",
            "08ALGIERS141",
        ],
    ),
    ("08BAGHDAD293", "REF: 08 JAN 08 BAGHDAD O/I (SELF-PROCLAIMED SISTANI / EMISSARIES)", "08", []),
    (
        "08BERLIN1387",
        "REF: A. BERLIN 1045\nB. SECDEF MSG DTG 301601z SEP 08",
        "08",
        ["08BERLIN1045"],
    ),
    (
        "08BRASILIA823",
        "REF: A. BRASILIA 000043\nB. BRASILIA 001664",
        "08",
        ["08BRASILIA43", "08BRASILIA1664"],
    ),
    ("08NAIROBI2290", "REF: A. USDLO KHARTOUM IIR 6 890 0139 08 201536Z FEB 08", "08", []),
    (
        "08RIGA496",
        "REF: A) RIGA 478 B) RIGA 472 C) RIGA 492",
        "08",
        ["08RIGA478", "08RIGA472", "08RIGA492"],
    ),
    (
        "08STATE134490",
        "REFS: A. YEREVAN 657, B. State 97802",
        "08",
        ["08YEREVAN657", "08STATE97802"],
    ),
    (
        "09ABUDHABI754",
        "REF A SECRETARY'S LETTER TO MBZ ON PUMA HELICOPTERS\nREF B SECSTATE 76108",
        "09",
        ["09STATE76108"],
    ),
    ("09BAKU687", "REF: a) BAKU 575", "09", ["09BAKU575"]),
    (
        "09BERLIN1360",
        "Ref: Berlin 1337, Berlin 1340, Berlin 1167",
        "09",
        ["09BERLIN1337", "09BERLIN1340", "09BERLIN1167"],
    ),
    (
        "09BRASILIA1276",
        "REF: A. A. SECSTATE 103585\nB. B. 2008 BRASILIA 775",
        "09",
        ["09STATE103585", "08BRASILIA775"],
    ),
    (
        "09BRASILIA905",
        "REFS: SAO PAULO 273, SAO PAULO 90, BRASILIA 791, BRASILIA 799",
        "09",
        ["09SAOPAULO273", "09SAOPAULO90", "09BRASILIA791", "09BRASILIA799"],
    ),
    (
        "09BUENOSAIRES641",
        "REF: (A) BUENOS AIRES 0498 (B) BUENOS AIRES 0632 (C)  STATE 48493",
        "09",
        ["09BUENOSAIRES498", "09BUENOSAIRES632", "09STATE48493"],
    ),
    (
        "09ISLAMABAD10",
        "REF: A. NEW DELHI 10 B. FBI //1314/01907/366/0013//",
        "09",
        ["09NEWDELHI10"],
    ),
    ("09ISTANBUL83", "REF: IRPO DUBAI 95", "09", ["09RPODUBAI95"]),
    (
        "09MADRID347",
        "REF: A. OSC EUP20090329950015  B. OSC EUP20090330950017  C. 06 MADRID 1914",
        "09",
        ["06MADRID1914"],
    ),
    (
        "09SAOPAULO663",
        "REF: SAO PAULO 653; SAO PAULO 433; BRASILIA 709 (08) SAO PAULO 542",
        "09",
        ["09SAOPAULO653", "09SAOPAULO433", "08BRASILIA709", "09SAOPAULO542"],
    ),
    (
        "09STATE119085",
        "REF: (A) 08 STATE 061194\n(B) 7 FAM 180\n(C) 09 STATE 030541\n"
        "(H) 9 FAM 42.1 N4, PN2-5, and PN7",
        "09",
        ["08STATE61194", "09STATE30541"],
    ),
    (
        "10RIYADH184",
        "REF: A. 09DHAHRAN 201  B. 09RIYADH 1302  G. RIYADH 103  H. SECSTATE 3080",
        "10",
        ["09DHAHRAN201", "09RIYADH1302", "10RIYADH103", "10STATE3080"],
    ),
    (
        "10SHENYANG5",
        "REF: A. 10SHENYANG 003  B. 09SHENYANG 167",
        "10",
        ["10SHENYANG3", "09SHENYANG167"],
    ),
    ("10TELAVIV414", "REF: IIR 6-849-9075-10", "10", []),
    ("synthetic", "REF: BRASILIA 2799 AND 2764", "05", ["05BRASILIA2799", "05BRASILIA2764"]),
    (
        "design",
        "Refs: A) State 29549 B) Rio de Janeiro 128",
        "04",
        ["04STATE29549", "04RIODEJANEIRO128"],
    ),
    ("design", "REF: THE HAGUE 131", "06", ["06THEHAGUE131"]),
]


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [case[1:] for case in REFERENCES],
    ids=[case[0] for case in REFERENCES],
)
def test_references_read_from_real_ref_shapes(text: str, year: str, expected: list[str]) -> None:
    assert parse_references(text, year) == expected


def _lines(text: str, station: str | None = None) -> list[str]:
    return prepare_lines(text, station).lines


SUBJECTS = [
    (
        "04ANKARA7211",
        "SUBJECT: ERDOGAN AND AK PARTY AFTER TWO YEARS IN POWER: \n"
        "TRYING TO GET A GRIP ON THEMSELVES, ON TURKEY, ON EUROPE \n \n"
        "(U) Classified by Ambassador",
        "ERDOGAN AND AK PARTY AFTER TWO YEARS IN POWER: TRYING TO GET A GRIP ON THEMSELVES, ON "
        "TURKEY, ON EUROPE",
    ),
    (
        "7575LIBREVILLE1895",
        "SUBJ: KOREA AT 30TH UNGA: GABON \n \nREF: STATE 272523; USUN 6028",
        "KOREA AT 30TH UNGA: GABON",
    ),
    (
        "09ASMARA429",
        "SUBJECT: ERITREA’S SQUABBLING COLONELS, FLEEING \nFOOTBALLERS, FRIGHTENED "
        "LIBRARIANS\nClassified By: Ambassador Ronald K. McMullen for reason 1.4(d)",
        "ERITREA’S SQUABBLING COLONELS, FLEEING FOOTBALLERS, FRIGHTENED LIBRARIANS",
    ),
    (
        "08OTTAWA918",
        "SUBJECT: COUNSELOR, CSIS DIRECTOR DISCUSS CT THREATS,\n"
        "PAKISTAN, AFGHANISTAN, IRAN\n\nREF: A. OTTAWA 360",
        "COUNSELOR, CSIS DIRECTOR DISCUSS CT THREATS, PAKISTAN, AFGHANISTAN, IRAN",
    ),
    (
        "06CARACAS2367",
        "SUBJECT: CASTRO'S ILLNESS; IMPACT ON THE BRV, ON BRV-GOC \nRELATIONS \n\n"
        "CARACAS 00002367 001.2 OF 004 \n\n\nClassified By: Classified by CDA Kevin Whitaker",
        "CASTRO'S ILLNESS; IMPACT ON THE BRV, ON BRV-GOC RELATIONS",
    ),
    (
        "marking",
        "SUBJECT: (C) NETHERLANDS: POSSIBLE EFFORTS BY DUTCH FIRM\nREF: STATE 15228",
        "NETHERLANDS: POSSIBLE EFFORTS BY DUTCH FIRM",
    ),
    (
        "marking-sbu",
        "SUBJECT: (SBU) TAJIKISTAN'S NEW SYNAGOGUE\n\nREF: 09 DUSHANBE 406",
        "TAJIKISTAN'S NEW SYNAGOGUE",
    ),
    (
        "09SAOPAULO487",
        "SUBJECT: MEDIA REACTION - WESTERN HEMISPHERE: U.S.-BRAZIL RELATION,\n"
        "SAO PAULO\n\nAugust 10, 2009",
        "MEDIA REACTION - WESTERN HEMISPHERE: U.S.-BRAZIL RELATION, SAO PAULO",
    ),
    ("no-subject", "E.O. 12958: N/A \nREF: 07 Tashkent 877", None),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in SUBJECTS], ids=[c[0] for c in SUBJECTS]
)
def test_subject_joins_lines_and_stops_at_ref_marker_and_classified_by(
    text: str, expected: str | None
) -> None:
    assert find_subject(_lines(text)) == expected


TAGS = [
    ("04ANKARA7211", "TAGS: PREL PGOV PINS ECON TU", ("PREL", "PGOV", "PINS", "ECON", "TU")),
    ("66BUENOSAIRES2481", "TAGS: EFIS, PBTS, AR", ("EFIS", "PBTS", "AR")),
    (
        "08LONDON2651",
        "TAGS PGOV, PREL, PINR, UK, ECON, KNNP, MOPS, PTER, AF, FR, \n"
        "GG, PK, RS, UP \n\nSUBJECT: USDP EDELMAN’S OCTOBER 15 MEETINGS IN LONDON",
        (
            "PGOV",
            "PREL",
            "PINR",
            "UK",
            "ECON",
            "KNNP",
            "MOPS",
            "PTER",
            "AF",
            "FR",
            "GG",
            "PK",
            "RS",
            "UP",
        ),
    ),
    ("lower-case", "Tags: prel, pgov kdem", ("PREL", "PGOV", "KDEM")),
    (
        "09BEIJING2963",
        "Tags: ovip (steinberg, james b.), prel, parm, pgov, econ,",
        ("OVIP", "STEINBERG, JAMES B.", "PREL", "PARM", "PGOV", "ECON"),
    ),
    (
        "09ISLAMABAD454",
        "TAGS PREL, PTER, PGOV, PK \nSUBJECT: SCENESETTER FOR FBI DIRECTOR MUELLER",
        ("PREL", "PTER", "PGOV", "PK"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in TAGS], ids=[c[0] for c in TAGS])
def test_tags_split_on_spaces_and_commas_upper_cased(text: str, expected: tuple[str, ...]) -> None:
    assert find_tags(_lines(text)) == expected


CLASSIFIED_BY = [
    (
        "04ANKARA7211",
        "(U) Classified by Ambassador Eric Edelman; reasons: E.O. \n12958 1.4 (a,b,c,d).",
        "Eric Edelman",
    ),
    ("05CAIRO5924", "Classified By: CHARGE STUART E.JONES, REASONS 1.5 B AND D", "STUART E.JONES"),
    (
        "08LONDON2651",
        "Classified By: Deputy Chief of Mission Richard LeBaron for reasons 1.4 b and d",
        "Richard LeBaron",
    ),
    (
        "09ISLAMABAD454",
        "Classified By: Anne W. Patterson for reasons 1.4 (b), (d).",
        "Anne W. Patterson",
    ),
    (
        "09ABUDHABI862",
        "Classified by Ambassador Richard Olson, reasons 1.4 (b) and (d). ",
        "Richard Olson",
    ),
    ("73TEHRAN8233", "Classified By: CDA Andrew Schofer, reasons 1.4 (b,d)", "Andrew Schofer"),
    (
        "73TEHRAN2077",
        "Classified By: Charge D'Affaires Chat Blakeman,  reasons 1.4 (b,d)",
        "Chat Blakeman",
    ),
    (
        "05BRASILIA2767",
        "Classified By: Political Officer Bisola Ojikutu for Reasons 1.4 (b) and (d)",
        "Bisola Ojikutu",
    ),
    ("07SANTIAGO983", "Classified By: AMBASSADOR CRAIG KELLY; Reasons 1.4(b), (d)", "CRAIG KELLY"),
    (
        "08BEIJING125",
        "Classified By: Political Minister Counselor Aubrey Carlson. Reasons 1.4  (b/d).",
        "Aubrey Carlson",
    ),
    (
        "08BISHKEK1095",
        "Classified By: Amb. Tatiana Gfoeller, Reason 1.4 (b) and (d).",
        "Tatiana Gfoeller",
    ),
    (
        "08RIYADH1134",
        "Classified By: Charge' d'Affaires Michael Gfoeller for \nreasons 1.4 (b) and (d)",
        "Michael Gfoeller",
    ),
    (
        "09LONDON860",
        "Classified By: Charge d’Affaires, a.i. Richard LeBaron, reasons 1.4  (b, d).",
        "Richard LeBaron",
    ),
    (
        "09SANSALVADOR928",
        "Classified By: Charge d'Affaires, for reasons 1.4 (b), (c), and (d).",
        None,
    ),
    (
        "10HARARE93",
        "CLASSIFIED BY: Charles A. Ray, Ambassador, STATE, EXEC; REASON: 1.4(B), (D)",
        "Charles A. Ray",
    ),
    (
        "10SHENYANG5",
        "Classified By: Consul General Stephen B. Wickman for Reasons 1.4 (b) an d (d)",
        "Stephen B. Wickman",
    ),
    (
        "09MADRID347",
        "Classified By: ADCM William H. Duncan for reasons 1.4 (b), and (d)",
        "William H. Duncan",
    ),
    (
        "06CARACAS2367",
        "Classified By: Classified by CDA Kevin Whitaker for reason 1.4(d.) ",
        "Kevin Whitaker",
    ),
    (
        "08STATE107438",
        "Classified By: IO PDAS James Warlick. Reasons 1.4 (b) and (d).",
        "James Warlick",
    ),
    (
        "09BERLIN1395",
        "Classified By: ECONMIN Robert A. Pollard for reasons 1.4 (b,d). ",
        "Robert A. Pollard",
    ),
    (
        "09STATE68250",
        "Classified By: ISN/MTR DIRECTOR PAM DURHAM FOR REASONS\n1.4 (b), (c), and (d).",
        "PAM DURHAM",
    ),
    (
        "09BERLIN1162",
        "Classified By: MINISTER-COUNSELOR FOR POLITICAL AFFAIRS GEORGE GLASS FO \n"
        "R REASONS 1.4 (B) and (D) ",
        "GEORGE GLASS",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in CLASSIFIED_BY], ids=[c[0] for c in CLASSIFIED_BY]
)
def test_classified_by_keeps_the_person_without_title_or_reasons(
    text: str, expected: str | None
) -> None:
    assert find_classified_by(_lines(text)) == expected


SIGNERS = [
    ("04ANKARA7211", "¶29. (U) Baghdad minimize considered. \nEDELMAN", "EDELMAN"),
    (
        "66BUENOSAIRES2481",
        "WHICH WOULD APPEAR MOST LIKELY TO SUCCEED. \n \nGP-3 \nSACCIO \n",
        "SACCIO",
    ),
    (
        "73TEHRAN7005",
        "HELMS\nDeclassified/Released US Department of State EO Systematic Review 30 JUN 2005\nNNN",
        "HELMS",
    ),
    ("10KYIV278", "benefits.\nEnd xxxxxxxxxxxx.\nTefft", "Tefft"),
    (
        "05PARIS7835",
        "Please visit Paris' Classified Website at:\n"
        "http://www.state.sgov.gov/p/eur/paris/index.c fm\n\nStapleton",
        "Stapleton",
    ),
    (
        "09RIODEJANEIRO285",
        "prevented 37.6 million tons of carbon dioxide emissions. "
        "RIO DE JAN 00000285 002 OF 002 HEARNE",
        "HEARNE",
    ),
    ("09SEOUL1171", "¶12. (U) A/S Campbell has cleared this message. STEPHENS", "STEPHENS"),
    (
        "08BERLIN122",
        "change-related forums, including the UNFCCC and the G-8.\nTIMKEN JR",
        "TIMKEN JR",
    ),
    (
        "08BRASILIA43",
        "regional partners in advancing CT cooperation. End Comment.\nSOBEL 2008-01-08",
        "SOBEL",
    ),
    (
        "05MADRID541",
        "Spanish overtures and turn a deaf ear to USG requests for\ncooperation.\nMANZANARES .",
        "MANZANARES",
    ),
    ("07MADRID1722", "(Complimentary closing)\nEnd Text. AGUIRRE", "AGUIRRE"),
    (
        "08ASTANA611",
        "and in response beyond their default desire for tighter government control.\nEnd Comment.",
        None,
    ),
    ("09STATE63860", "NNNN\nEnd Cable Text\nXXXXXXXXXXXX", None),
    (
        "10BAGHDAD112",
        "their bilateral dealings are driven less by a shared Shi'a\nheritage and more "
        "by real-world priorities and diverging\ninterests.",
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in SIGNERS], ids=[c[0] for c in SIGNERS]
)
def test_signer_is_the_closing_surname_or_none(text: str, expected: str | None) -> None:
    assert find_signer(_lines(text, station="RIODEJANEIRO")) == expected


SUMMARIES = [
    (
        "04ANKARA7211",
        [
            Paragraph(
                1,
                "C",
                "Summary: PM Erdogan and his ruling AK Party seem to have "
                "a firm grip on power. End summary.",
            )
        ],
        "PM Erdogan and his ruling AK Party seem to have a firm grip on power.",
    ),
    (
        "72TEHRAN1164",
        [
            Paragraph(
                0,
                None,
                "REF: TEHRAN 1091\nBEGIN SUMMARY\nGENERAL AZIMI ASKS "
                "THAT WE TAKE ANOTHER HARD LOOK. END SUMMARY\nACTION REQUESTED",
            )
        ],
        "GENERAL AZIMI ASKS THAT WE TAKE ANOTHER HARD LOOK.",
    ),
    (
        "09ASMARA429",
        [
            Paragraph(
                1, "SBU", "SUMMARY: Things are getting worse and worse in Eritrea. END SUMMARY."
            )
        ],
        "Things are getting worse and worse in Eritrea.",
    ),
    (
        "across-paragraphs",
        [
            Paragraph(1, "C", "Summary. The UK is pessimistic."),
            Paragraph(2, "C", "HMG supports MAPs. End Summary."),
        ],
        "The UK is pessimistic.\nHMG supports MAPs.",
    ),
    (
        "09BUENOSAIRES641",
        [
            Paragraph(
                1,
                "C",
                "Summary and introduction: Argentine FM Jorge Taiana "
                "told the Ambassador. End summary and introduction.",
            )
        ],
        "Argentine FM Jorge Taiana told the Ambassador.",
    ),
    (
        "no-end-mark",
        [
            Paragraph(1, "C", "SUMMARY: Mission Pakistan warmly welcomes your arrival."),
            Paragraph(2, "C", "You will be meeting key interlocutors."),
        ],
        "Mission Pakistan warmly welcomes your arrival.",
    ),
    (
        "08ASTANA611",
        [
            Paragraph(
                1,
                "SBU",
                "South Kazakhstan oblast and its capital, Shymkent, are "
                "experiencing rapid population growth. End",
            )
        ],
        None,
    ),
    (
        "09RIYADH181",
        [
            Paragraph(
                1,
                "C",
                "SUMMARY & COMMENT: Netherlands Ambassador Ron Strikker met on January 25.",
            ),
            Paragraph(
                2,
                "C",
                "Dr. Prince Turki is not a decision-maker. A grand bargain is a concern we "
                "have heard often in recent weeks. End summary & comment.",
            ),
        ],
        "Netherlands Ambassador Ron Strikker met on January 25.\nDr. Prince Turki is not a "
        "decision-maker. A grand bargain is a concern we have heard often in recent weeks.",
    ),
    (
        "08BRASILIA880",
        [
            Paragraph(
                1,
                "C",
                "The Ambassador met with Brazilian presidential Foreign Policy Advisor "
                "Marco Aurelio Garcia on June 25. End Summary.",
            ),
            Paragraph(2, "C", "The Ambassador, accompanied by PolCouns (notetaker) met."),
        ],
        "The Ambassador met with Brazilian presidential Foreign Policy Advisor "
        "Marco Aurelio Garcia on June 25.",
    ),
]


@pytest.mark.parametrize(
    ("paragraphs", "expected"), [c[1:] for c in SUMMARIES], ids=[c[0] for c in SUMMARIES]
)
def test_summary_between_its_marks(paragraphs: list[Paragraph], expected: str | None) -> None:
    assert find_summary(paragraphs) == expected


def test_the_tables_hold_at_least_sixty_cases() -> None:
    total = len(REFERENCES) + len(SUBJECTS) + len(TAGS) + len(CLASSIFIED_BY) + len(SIGNERS)
    assert total + len(SUMMARIES) >= 60
