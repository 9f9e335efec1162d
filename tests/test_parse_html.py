"""Real WikiLeaks pages (2010 site and 2011 layout), values read by a person from each page."""

from __future__ import annotations

from pathlib import Path

from cables.model import Cable
from cables.sources import iter_cables


def _parse(path: Path) -> Cable:
    items = list(iter_cables([str(path)]))
    assert len(items) == 1 and isinstance(items[0], Cable), items
    return items[0]


def test_ankara_page_2010_layout(corpus: Path) -> None:
    cable = _parse(corpus / "wikileaks-html" / "04ANKARA7211.html")
    assert (cable.id, cable.created, cable.released) == (
        "04ANKARA7211",
        "2004-12-30 05:05",
        "2010-11-28 18:06",
    )
    assert (cable.classification, cable.origin) == ("SECRET", "Embassy Ankara")
    assert cable.section == (1, 5)
    assert cable.eo == "12958: DECL: 12/14/2029"
    assert cable.declassify_on == "2029-12-14"
    assert cable.tags == ("PREL", "PGOV", "PINS", "ECON", "TU")
    assert cable.subject == (
        "ERDOGAN AND AK PARTY AFTER TWO YEARS IN POWER: TRYING TO GET A "
        "GRIP ON THEMSELVES, ON TURKEY, ON EUROPE"
    )
    assert cable.classified_by == "Eric Edelman"
    assert cable.signer == "EDELMAN"
    assert cable.routing is None  # a partial extract: the notice stands where the header was
    assert cable.summary is not None
    assert cable.summary.startswith("PM Erdogan and his ruling AK Party seem to have a firm grip")
    assert cable.summary.endswith("in harmony with core U.S. interests.")
    numbers = [p.number for p in cable.paragraphs]
    assert numbers == list(range(0, 30))
    six = cable.paragraph(6)
    assert six is not None and six.marking == "U"
    assert six.text.startswith("EU\nErdogan indexed his political survival")  # heading moved
    five = cable.paragraph(5)
    assert five is not None and five.text.endswith("rule of law).")


def test_cairo_partial_extract(corpus: Path) -> None:
    cable = _parse(corpus / "wikileaks-html" / "05CAIRO5924.html")
    assert cable.id == "05CAIRO5924"
    assert cable.subject == "EGYPTIAN GTMO DETAINEES - STATUS OF DISCUSSIONS"
    assert cable.references == ("05CAIRO5589",)
    assert cable.tags == ("PTER", "EG", "GTMO")
    assert cable.classified_by == "STUART E.JONES"
    assert cable.signer == "JONES"
    one = cable.paragraph(1)
    assert one is not None and one.marking == "S"
    two = cable.paragraph(2)
    assert two is not None and two.text.startswith("EGYPTIAN ASSURANCES\nAs stated in reftel")
    assert "-- Abdul Rahman Mohammed AL-MARZOUQ, ISN US9EG-00369DP;" in two.text.split("\n")


def test_london_page_with_routing_header_and_wrapped_tags(corpus: Path) -> None:
    cable = _parse(corpus / "wikileaks-html" / "08LONDON2651.html")
    assert cable.routing is not None
    assert cable.routing.precedence == "P"
    assert cable.routing.dtg == "211703Z OCT 08"
    assert cable.routing.from_ == "AMEMBASSY LONDON"
    assert cable.routing.to == ("CDR USCENTCOM MACDILL AFB FL", "SECDEF WASHDC")
    assert cable.routing.info[:3] == (
        "SECSTATE WASHDC",
        "EUROPEAN POLITICAL COLLECTIVE",
        "AMEMBASSY ISLAMABAD",
    )
    assert cable.tags == (
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
    )
    assert cable.subject == "USDP EDELMAN’S OCTOBER 15 MEETINGS IN LONDON"
    assert cable.classified_by == "Richard LeBaron"
    assert cable.declassify_on == "2018-10-20"
    one = cable.paragraph(1)
    assert one is not None and one.marking == "S/NF"


def test_asmara_page_headings_inside_paragraphs(corpus: Path) -> None:
    cable = _parse(corpus / "wikileaks-html" / "09ASMARA429.html")
    assert cable.tags == ("PGOV", "MOPS", "SOCI", "PREF", "ER")
    assert cable.subject == (
        "ERITREA’S SQUABBLING COLONELS, FLEEING FOOTBALLERS, FRIGHTENED LIBRARIANS"
    )
    assert cable.classified_by == "Ronald K. McMullen"
    assert cable.summary is not None
    assert cable.summary.startswith("Things are getting worse and worse in Eritrea.")
    two = cable.paragraph(2)
    assert two is not None and two.marking == "C"
    assert two.text.startswith("THE DEFENSE MINISTER AND THE COLONELS\nDefense Minister Sebhat")


def test_libreville_2011_layout_keeps_the_malformed_id(corpus: Path) -> None:
    cable = _parse(corpus / "old-format" / "7575LIBREVILLE1895.html")
    assert cable.id == "7575LIBREVILLE1895"
    assert cable.id_malformed is True
    assert cable.created == "1975-11-18 12:05"
    assert cable.classification == "CONFIDENTIAL"
    assert cable.subject == "KOREA AT 30TH UNGA: GABON"
    assert cable.references == ("75STATE272523", "75USUNNEWYORK6028")
    assert cable.eo == "11652: NGDS"
    assert cable.tags == ("PFOR", "UNGA", "GB", "KS", "KN")
    assert cable.routing is not None and cable.routing.from_ == "AMEMBASSY LIBREVILLE"


def test_tehran_2011_layout_all_capitals(corpus: Path) -> None:
    cable = _parse(corpus / "old-format" / "72TEHRAN4789.html")
    assert cable.references == ("72TEHRAN3312",)
    assert cable.subject == "CONTINUING TERRORIST ACTIVITIES IN IRAN"
    assert cable.signer == "FARLAND"
    assert cable.summary is not None
    assert cable.summary.startswith("TERRORIST ACTIVITIES IN IRAN SEEM TO BE INCREASING")
    assert cable.summary.endswith("POLITICAL, SOCIAL AND ADMINISTRATIVE REFORMS.")
    assert cable.routing is not None and cable.routing.dtg == "100400Z AUG 72"


def test_a_date_wrapped_to_a_line_start_does_not_swallow_the_paragraphs_after_it(
    corpus: Path,
) -> None:
    # "on October\n¶16. President Aznar ..." inside ¶1: the site anchored the date.
    cable = _parse(corpus / "wikileaks-html" / "06MADRID2632.html")
    assert [p.number for p in cable.paragraphs if p.number] == [1, 2, 3, 4, 5]
    one = cable.paragraph(1)
    assert one is not None and "on October 16. President Aznar offered" in one.text
    two = cable.paragraph(2)
    assert two is not None and two.marking == "C"
    assert two.text.startswith("During their October 16 luncheon, former President Aznar")
    # "in Lyon on November\n¶16. His aim was ..." inside ¶10.
    paris = _parse(corpus / "wikileaks-html" / "05PARIS7835.html")
    assert [p.number for p in paris.paragraphs if p.number] == list(range(1, 17))
    ten = paris.paragraph(10)
    assert ten is not None and "in Lyon on November 16. His aim was" in ten.text
    # "began on October\n¶5. FDP strategist ..." inside ¶2 (a real ¶5 comes later).
    berlin = _parse(corpus / "wikileaks-html" / "09BERLIN1271.html")
    assert [p.number for p in berlin.paragraphs if p.number] == list(range(1, 11))
    # "told PolOff on January\n¶11. (Comment: ..." inside ¶3.
    sanaa = _parse(corpus / "wikileaks-html" / "10SANAA45.html")
    assert [p.number for p in sanaa.paragraphs if p.number] == [1, 2, 3, 4, 5]


def test_the_site_query_line_after_the_signer_is_chrome(corpus: Path) -> None:
    cable = _parse(corpus / "wikileaks-html" / "06LAPAZ3400.html")
    last = cable.paragraphs[-1]
    assert last.text.endswith("when his economic luck runs out. End Comment. GOLDBERG")
    assert cable.signer == "GOLDBERG"


def test_lower_cased_copy_keeps_its_eo_line_and_declassification_date(corpus: Path) -> None:
    cable = _parse(corpus / "wikileaks-html" / "09STATE68250.html")
    assert cable.eo == "12958: decl: 07/01/2034"
    assert cable.declassify_on == "2034-07-01"
    beijing = _parse(corpus / "wikileaks-html" / "09BEIJING2963.html")
    assert beijing.eo == "12958: decl: after korean unification"
    assert beijing.declassify_on is None
    # "Tags: ovip (steinberg, james b.), prel, ..." : the person stays with its OVIP tag.
    assert beijing.tags[:4] == ("OVIP", "STEINBERG, JAMES B.", "PREL", "PARM")


def test_declassification_date_written_year_first(corpus: Path) -> None:
    cable = _parse(corpus / "wikileaks-html" / "10BRASILIA49.html")
    assert cable.eo == "12958: DECL: 2020/02/13"
    assert cable.declassify_on == "2020-02-13"


def test_ref_on_the_subject_line_is_read(corpus: Path) -> None:
    # "SUBJECT: ... COMES UP FAST BEHIND JOSE SERRA REF: RIO DE JANEIRO 32"
    cable = _parse(corpus / "wikileaks-html" / "10BRASILIA49.html")
    assert cable.subject == (
        "BRAZIL'S PRESIDENTIAL ELECTIONS: DILMA ROUSSEFF COMES UP FAST BEHIND JOSE SERRA"
    )
    assert cable.references == ("10RIODEJANEIRO32",)
