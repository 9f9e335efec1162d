"""The TAGS vocabulary: the subject codes and the two-letter geographic codes of the
State Department's Traffic Analysis by Geography and Subject (TAGS), as cables use them.

Used to tell a code from a name (``OVIP RICE CONDOLEEZZA PREL``: RICE is a name) and to
split codes glued by a lost space (``PHUMBA``: PHUM and BA). A code missing here is still
read as a tag; only those two decisions depend on the list.
"""

from __future__ import annotations

# Subject codes (four letters, a few longer): administration, business, consular,
# economic, K-series, military, operations, political, social, technology, and the
# organisations used as tags.
_SUBJECT_CODES_TEXT = """
AADP ABLD ABUD ACOA ADCO ADPM AEMR AFIN AFSI AFSN AGAO AINF AINR AINT ALOW AMED AMGT
AODE AORC AORG APCS APER ASCH ASEC ASIG ASUP BBSR BEXP BMGT BTIO CASC CFED CJAN CLOK
CMGT CPAS CPPT CVIS EAGR EAID EAIR ECIN ECON ECPS ECUN EFIN EFIS EIND EINT EINV ELAB
ELTN EMIN ENIV ENRG EPET ESTH ETRD ETTC EWWT KACT KAWC KAWK KBCT KBIO KCFE KCIP KCOR
KCRM KCRS KDEM KDRG KESS KFLO KFLU KFRD KGCC KGHG KGIC KGIT KHDP KHIV KHLS KHUM KIDE
KIPR KIRC KIRF KISL KJUS KLIG KMCA KMDR KMIG KMPI KMRS KNAR KNNP KNUC KOCI KOLY KPAL
KPAO KPKO KPLS KPOA KPRP KPRV KRAD KRFD KRVC KSAF KSCA KSCI KSEO KSEP KSPR KSTC KSTH
KSUM KTDB KTEX KTFN KTIA KTIP KTLA KUNR KVPR KWAC KWBG KWMM KWMN MARR MASS MCAP MNUC
MOPS MPOS MTCR MTCRE OCII OEXC OFDP OIIP OPDC OPRC OREP OSCI OTRA OVIP PARM PBTS PGOV
PHSA PHUM PINR PINS PINT PKAO PMIL PNAT PREF PREL PROP PTER SCUL SENV SHUM SMIG SNAR
SOCI SWCI TBIO TINT TNGD TPHY TRGY TSPA TSPL APEC ASEAN AU CTBT CWC EUN G8 IAEA ICAO
ICRC ICTY IMF IMO NAFTA NATO NPT OAS OECD OPCW OPEC OSCE SADC UN UNAMA UNDP UNEP UNESCO
UNGA UNHCR UNHRC UNICEF UNMIK UNSC WHO WTO
"""
SUBJECT_CODES: frozenset[str] = frozenset(_SUBJECT_CODES_TEXT.split())

# Geographic codes (FIPS 10-4 countries and the X- regions) used in TAGS lines.
_COUNTRY_CODES_TEXT = """
AA AC AE AF AG AJ AL AM AN AO AQ AR AS AU AV BA BB BC BD BE BF BG BH BK BL BM BN BO BP
BR BT BU BX BY CA CB CD CE CF CG CH CI CJ CM CN CO CS CT CU CV CW CY DA DJ DO DR EC EG
EI EK EN ER ES ET EU EZ FI FJ FM FR GA GB GG GH GJ GM GR GT GV GY GZ HA HK HO HR HU IC
ID IN IR IS IT IV IZ JA JM JO KE KG KN KR KS KU KV KZ LA LE LG LH LI LO LS LT LU LY MA
MC MD MG MI MJ MK ML MN MO MP MR MT MU MV MX MY MZ NG NH NI NL NO NP NR NS NU NZ PA PE
PK PL PM PO PP PS PU QA RI RM RO RP RS RU RW SA SC SE SF SG SI SL SM SN SO SP ST SU SW
SY SZ TD TH TI TO TP TS TT TU TW TX TZ UG UK UP US UV UY UZ VC VE VM VT WA WE WI WS WZ
XA XB XF XG XH XI XL XM XN XO XP XR XS XT XU XW XX XY XZ YI YM ZA ZI
"""
COUNTRY_CODES: frozenset[str] = frozenset(_COUNTRY_CODES_TEXT.split())

# Words that are not tags though they stand in TAGS lines (handling caveats).
NOT_TAGS: frozenset[str] = frozenset({"SIPDIS", "NOFORN", "NODIS", "EXDIS", "LIMDIS", "N/A"})


def is_code(word: str) -> bool:
    """Whether ``word`` (capitals) is a TAGS code rather than a name or an English word."""
    return word in SUBJECT_CODES or word in COUNTRY_CODES or (len(word) == 2 and word.isalpha())


def split_glued(word: str) -> list[str] | None:
    """The codes of a word made of codes glued together ("PHUMBA" -> PHUM, BA;
    "KFRDKIRFCVIS" -> KFRD, KIRF, CVIS), or None when it is not made of known codes only
    (or holds no four-letter code)."""
    if len(word) < 5 or not word.isalpha() or len(word) > 60:
        return None
    # best[i]: the codes of word[:i], preferring four-letter codes; None when impossible.
    best: list[list[str] | None] = [None] * (len(word) + 1)
    best[0] = []
    for end in range(2, len(word) + 1):
        for size in (4, 2):
            start = end - size
            if start < 0 or best[start] is None:
                continue
            piece = word[start:end]
            if (size == 4 and piece in SUBJECT_CODES) or (size == 2 and piece in COUNTRY_CODES):
                best[end] = [*best[start], piece]  # type: ignore[misc]
                break
    pieces = best[len(word)]
    if not pieces or len(pieces) < 2 or not any(len(p) == 4 for p in pieces):
        return None
    return pieces
