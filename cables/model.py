"""The Cable model: plain frozen dataclasses, the shared vocabulary of every layer."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One numbered paragraph of a cable body.

    ``number`` 0 holds the text before paragraph 1 (subject block, references, preamble).
    ``marking`` is the portion marking as written without parentheses ("SBU", "C", "S/NF",
    "C - ENTIRE TEXT"), or None when the paragraph has none.
    """

    number: int
    marking: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Routing:
    """The transmission header of a cable: precedence, date-time group, sender, addressees."""

    precedence: str | None = None
    dtg: str | None = None
    from_: str | None = None
    to: tuple[str, ...] = ()
    info: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, place or group named in a cable: its fullest name, every surface form, and
    the paragraph numbers that mention it."""

    name: str
    forms: tuple[str, ...] = ()
    paragraphs: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Entities:
    """The entities of one cable, by kind."""

    people: tuple[Entity, ...] = ()
    places: tuple[Entity, ...] = ()
    groups: tuple[Entity, ...] = ()


@dataclass(frozen=True, slots=True)
class Citation:
    """A cable cited by another, and the numbers of the citing paragraphs (0 for the REF
    block before paragraph 1): what "cited by" shows, paragraph by paragraph."""

    id: str
    paragraphs: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Cable:
    """One diplomatic cable: header metadata and numbered paragraphs.

    Unknown fields are None or empty, never invented. Dates are "YYYY-MM-DD HH:MM" strings.
    ``id`` is canonical (two-digit year, station in capitals without spaces, number without
    leading zeros) unless ``id_malformed`` is True, in which case it is kept as given.
    ``references`` are the cables of the REF block (and of a source's reference column);
    ``citations`` every cable the text cites, REF block and body, with the citing paragraphs.
    """

    id: str
    created: str | None = None
    released: str | None = None
    classification: str | None = None
    origin: str | None = None
    subject: str | None = None
    tags: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    summary: str | None = None
    classified_by: str | None = None
    signer: str | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    entities: Entities = field(default_factory=Entities)
    id_malformed: bool = False
    routing: Routing | None = None
    section: tuple[int, int] | None = None
    eo: str | None = None
    declassify_on: str | None = None
    citations: tuple[Citation, ...] = ()

    def paragraph(self, number: int) -> Paragraph | None:
        """The paragraph with this number, or None."""
        for para in self.paragraphs:
            if para.number == number:
                return para
        return None
