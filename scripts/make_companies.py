#!/usr/bin/env python3
"""Build the names of listed companies shipped inside the package: ``cables/data/companies.txt.gz``.

Cables name companies bare, in lists and without a cue ("Boeing", "Repsol and Gas Natural",
"Barclays"): nothing in the cable says what they are, and a name without a cue is dropped.
This script takes the companies of the stock indices that pytickersymbols (a maintained
package, MIT licence, used here only, never at run time) lists: the S&P 500 and 600, the
Nasdaq 100, the Dow Jones, the FTSE 100, the DAX family, the CAC 40, the IBEX 35, the AEX,
the Euro Stoxx 50, the SMI, the Nikkei 225 and the Nordic indices. Each name is written as
the press writes it: without "The" and without its legal form ("Shell plc" -> "Shell",
"Chevron Corporation" -> "Chevron", "Siemens AG" -> "Siemens").

A name that would make a false group is left out: one the extractor's list of group names
would not keep either (``scripts/make_groups.py``: an acronym, a place, a cue word, a name of
everyday English or common words, a people's name: "Dell", "Ford", "Chevron", "Visa"), one
with a digit, brackets or an apostrophe, and one whose last word is a surname the cables
know. The extractor then takes such a name, alone and without a cue, for a group's
(``cables/entities/known_groups.py``), unless the cable names a person of that surname in
full ("Robert Ford", then "Ford").

usage: python scripts/make_companies.py
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from make_groups import kept
from pytickersymbols import PyTickerSymbols
from word_list import write_list

from cables.entities.surnames import is_known_surname

PROJECT = Path(__file__).resolve().parents[1]
OUT = PROJECT / "cables" / "data" / "companies.txt.gz"
# Legal forms at the end of a listed name, as the press leaves them out.
LEGAL_FORM = re.compile(
    r"(?:,?\s+(?:plc|PLC|Inc\.?|Corp\.?|Corporation|Co\.|Ltd\.?|Limited|AG|SE|SA|S\.A\.|N\.V\.|NV"
    r"|ASA|AB|Oyj|KGaA|GmbH|A/S|S\.p\.A\.|SpA|& Co\.?))+$"
)


def press_name(listed: str) -> str:
    """A company's name as the press writes it: no "The", no legal form."""
    name = listed.strip().removeprefix("The ")
    return LEGAL_FORM.sub("", name).strip(" ,")


def main() -> int:
    """Read the indices' companies, keep the names that name nothing else, write the file."""
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    names = {press_name(stock["name"]) for stock in PyTickerSymbols().get_all_stocks()}
    companies = sorted(
        name
        for name in names
        if len(name) > 2
        and not any(char.isdigit() or char in "()'’" for char in name)
        and kept(name)
        and not is_known_surname(name.rsplit(" ", 1)[-1])
    )
    write_list(OUT, companies, "company names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
