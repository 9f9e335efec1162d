"""An in-memory store for the browser's tests: the store API over hand-made cables."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

from cables.model import Cable, Paragraph
from store.catalog import Catalog, CatalogRow, date_order_key

SEED_PARAGRAPH_5 = (
    "Narymbetov claimed that 10 political parties have their branch offices in the region, "
    "but only Nur Otan is active."
)


def seed_cable() -> Cable:
    """A stand-in for 08ASTANA611 with its real header and the opening of its paragraphs."""
    paragraphs = [
        Paragraph(0, None, "SUBJECT: SOUTH KAZAKHSTAN: POPULATION GROWTH\nREF: 07 Tashkent 877"),
        Paragraph(
            1,
            "SBU",
            "South Kazakhstan oblast and its capital, Shymkent, are experiencing "
            "rapid population growth due to high birth rates.",
        ),
        Paragraph(2, "SBU", "During March 4-7, poloff and pol FSN visited Shymkent. " * 6),
        Paragraph(3, "SBU", "Narymbetov said South Kazakhstan's population is growing. " * 8),
        Paragraph(4, "SBU", "Narymbetov also cited labor migration. " * 8),
        Paragraph(5, "SBU", SEED_PARAGRAPH_5),
        *(Paragraph(n, "SBU", f"Paragraph {n} text. " * 20) for n in range(6, 15)),
    ]
    return Cable(
        id="08ASTANA611",
        created="2008-03-21 05:37",
        released="2011-08-30 01:44",
        classification="UNCLASSIFIED//FOR OFFICIAL USE ONLY",
        origin="Embassy Astana",
        subject="SOUTH KAZAKHSTAN: POPULATION GROWTH, MEDIA, CIVIL SOCIETY, RELIGION",
        tags=("PGOV", "PHUM", "KDEM", "KIRF"),
        references=("07TASHKENT877",),
        paragraphs=tuple(paragraphs),
    )


def hostile_cable() -> Cable:
    """A cable whose text tries markup and terminal escapes."""
    return Cable(
        id="09EVIL1",
        created="2009-01-01 00:00",
        classification="SECRET",
        origin="Embassy [bold]Evil[/bold]",
        subject="[@click=app.quit]x[/] \x1b]0;pwned\x07 subject",
        paragraphs=(
            Paragraph(1, "C", "Click [@click=app.quit]x[/] and [bold]not bold[/bold]."),
            Paragraph(2, "C", "Escape \x1b[31mred\x1b[0m and OSC \x1b]52;c;aGk=\x07 here."),
        ),
    )


def sample_cables() -> list[Cable]:
    """The seed, the cable it cites, one citing it, and a hostile one."""
    cited = Cable(
        id="07TASHKENT877",
        created="2007-05-02 10:00",
        classification="CONFIDENTIAL",
        origin="Embassy Tashkent",
        subject="UZBEKISTAN: LABOR MIGRATION",
        paragraphs=(Paragraph(1, "C", "Labor migrants leave for Kazakhstan."),),
    )
    citing = Cable(
        id="08ASTANA900",
        created="2008-05-10 08:00",
        classification="UNCLASSIFIED",
        origin="Embassy Astana",
        subject="FOLLOW-UP ON SOUTH KAZAKHSTAN",
        references=("08ASTANA611",),
        paragraphs=(Paragraph(1, None, "See reftel 08ASTANA611."),),
    )
    return [seed_cable(), cited, citing, hostile_cable()]


def _date_order(row: CatalogRow) -> str:
    return date_order_key(row.created, row.id)


class FakeStore:
    """The store API (count, in, first_page, load_catalog, get_cable, references_to) over a
    list of cables.

    ``gate``, when given, holds ``load_catalog`` until it is set, so a test can look at the
    screen while the catalog is still loading. ``first_page`` rows (none unless given, as in
    a store written before first pages) are there at once, in date order.
    """

    def __init__(
        self, cables: Iterable[Cable], gate: threading.Event | None = None, first_page: int = 0
    ) -> None:
        self._cables = {cable.id: cable for cable in cables}
        self.gate = gate
        self.first_page_size = first_page

    @property
    def count(self) -> int:
        """How many cables the store holds."""
        return len(self._cables)

    def first_page(self) -> list[CatalogRow]:
        """The first rows by date (then id), ``first_page`` of them."""
        rows = sorted(map(CatalogRow.of_cable, self._cables.values()), key=_date_order)
        return rows[: self.first_page_size]

    def load_catalog(self, progress: Callable[[int, int], None] | None = None) -> Catalog:
        """The catalog, in id order, reporting progress per row."""
        if self.gate is not None:
            self.gate.wait(10)
        catalog = Catalog()
        total = len(self._cables)
        for done, cable in enumerate(sorted(self._cables.values(), key=lambda c: c.id), 1):
            catalog.append(CatalogRow.of_cable(cable))
            if progress is not None:
                progress(done, total)
        return catalog

    def __contains__(self, cable_id: object) -> bool:
        return cable_id in self._cables

    def get_cable(self, cable_id: str) -> Cable | None:
        """The cable, or None."""
        return self._cables.get(cable_id)

    def references_to(self, cable_id: str) -> list[str]:
        """The ids of the cables citing this one."""
        return sorted(c.id for c in self._cables.values() if cable_id in c.references)
