"""The words that tell what a name is: titles and roles, organisation words, speech verbs.

General English and cable usage, not names of any cable: a title before a name makes it a
person ("Ambassador", "Mr."), an organisation word inside it makes it a group ("Ministry",
"Party"), a place word after it a place ("Anbar province"), a speech verb after it a person
("Narymbetov said").
"""

from __future__ import annotations

import calendar


def _words(text: str) -> list[str]:
    """The whitespace-separated words of a word list written in this module."""
    return text.split()


# Titles written before a person's name (compared in lower case, without a final period).
TITLES = frozenset(
    _words(
        """
        mr mrs ms miss dr prof professor sir dame lord lady madame mme m president vice prime
        minister premier chancellor secretary undersecretary ambassador
        amb charge envoy consul dcm deputy assistant acting special general gen lt col colonel
        major maj ltg capt captain admiral adm commander cmdr sergeant sgt brigadier marshal
        field lieutenant senator sen congressman congresswoman rep representative speaker mp
        governor gov mayor akim judge justice chief chairman chairwoman chairperson director
        head leader spokesman spokeswoman spokesperson advisor adviser king queen prince
        princess emperor empress emir amir sheikh shaykh sultan crown shah pastor father
        reverend rev bishop archbishop patriarch imam mufti mullah ayatollah rabbi cardinal
        pope sayyid foreign defense defence interior finance justice economy trade energy fm
        pm dfm vp defmin econoff poloff polcouns econcouns secdef dcm cda syg sg emin amb
        ambassador member min counselor counsellor affairs relations engineer eng hrh das pdas
        cos srsg coas cjcs chod datt pao conoff fso comisaf saceur srap dni asd dasd secgen cg
        senators congressmen codel staffdel dg ltgen lgen majgen mgen brigen bgen rdml radm vadm
        vfm ltc cpt attache mincouns polmincouns econmincouns nuncio mg bg brig ch
        secretary-general director-general under-secretary vice-president vice-chairman
        """
    )
)

# Title words that describe an office rather than address a person ("Foreign" Minister,
# Ministry of "Justice"): they do not end an organisation's name.
OFFICE_WORDS = frozenset(
    _words(
        """
        foreign defense defence interior finance justice economy trade energy deputy assistant
        acting special vice prime chief head general crown field state affairs relations
        """
    )
)

# Office words that name a department: an organisation's name may begin with them ("the
# Foreign Ministry", "the Prime Ministry"), where other titles end the name before it.
DEPARTMENT_WORDS = frozenset(
    _words(
        """
        foreign defense defence interior finance justice economy trade energy state affairs
        relations prime general attache
        """
    )
)

# Words that make a run of capitalised words an organisation.
ORG_WORDS = frozenset(
    _words(
        """
        ministry ministries party parties association associations committee committees council
        bureau center centre church front union agency agencies department office commission
        institute university college academy court tribunal police army forces force navy corps
        corporation corp company co inc ltd llc group bank fund trust foundation movement
        organization organisation league alliance coalition federation confederation congress
        parliament assembly senate government administration authority authorities service
        services directorate secretariat brigade brigades militia network society club board
        division fleet
        guard guards command cabinet chamber embassy consulate congen mission school broadcasting
        television radio news newspaper journal airlines airways brotherhood forum museum
        library hospital laboratory times post herald tribune gazette telegraph gendarmerie
        courier chronicle inquirer pravda novosti izvestia izvestiya vedomosti zeitung
        nachrichten rundschau tageblatt kurier telegraaf noticias shimbun ilbo nippo akhbar
        """
    )
)
# Organisation words of languages that put them first ("Partido Socialista", "Accion
# Democratica", "Rassemblement National", "Jaish-e-Mohammed", "Tehrik-i-Taliban Pakistan"):
# the name goes on after them.
ORG_WORDS_FIRST = frozenset(
    _words(
        """
        partido movimiento frente accion acción fuerza fuerzas ejercito ejército consejo comite
        comité asociacion asociación fundacion fundación instituto universidad ministerio
        secretaria secretaría confederacion confederación federacion federación sindicato
        organizacion organización alianza coalicion coalición parti mouvement conseil
        ministère ministere rassemblement assemblée
        jaish lashkar tehrik tehreek hizb harakat jamaat jamiat sipah ansar jund ittehad
        tanzim polo bloque convergencia
        guardia policia policía polícia carabineros carabinieri gendarmeria
        banco banca banque caja empresa compañía companhia compagnie sociedad société
        corte cour congreso congresso senado senato asamblea
        assembleia assemblea junta diario comision comisión comissão comissao commissione
        consiglio conselho federação federacao federazione confederação confederazione
        fundação fundacao fondazione fondation institut istituto universidade università
        université agence agencia agência agenzia syndicat sindacato associação associacao
        associazione ministério ministero exército esercito armée armada força forza
        partito lega movimento fronte bloco
        folha jornal correio corriere gazzetta gazeta
        """
    )
)
ORG_WORDS = ORG_WORDS | ORG_WORDS_FIRST

# Organisation words that name a group on their own ("Congress"); the others ("Ministry",
# "Embassy") need a name beside them.
STANDALONE_ORGS = (
    frozenset(
        _words(
            """
        congress parliament senate duma knesset majlis cabinet treasury customs kremlin
        pentagon chancellery sejm rada bundestag bundesrat storting riksdag folketing
        eduskunta seimas saeima riigikogu sabor skupstina mazhilis majles jirga shura diet
        """
        )
    )
    | frozenset(
        # The news agencies the cables quote by name alone ("according to Reuters", "Interfax
        # reported"), a closed class like the parliaments above. Agencies named by capitals
        # (AFP, AP, EFE, IRNA, KCNA) are acronyms, groups already.
        _words(
            """
        reuters xinhua interfax itar-tass kyodo jiji yonhap bernama antara anadolu notimex
        tanjug kazinform ukrinform unian belta akipress
        """
        )
    )
    | frozenset(
        # The national dailies that embassies' press summaries quote by name alone ("Yomiuri
        # and Asahi reported", "Hurriyet wrote", "Ha'aretz carried"), where the name is no
        # English word, place's or person's name: Japan's, Turkey's, Israel's, Korea's,
        # Russia's, Germany's. Titles with an article ("Le Monde", "El Pais") or a
        # newspaper's word ("Tokyo Shimbun", "Nezavisimaya Gazeta") are found without a list.
        _words(
            """
        yomiuri asahi mainichi nikkei sankei akahata hurriyet milliyet cumhuriyet radikal
        haaretz ha'aretz maariv ma'ariv yediot yedioth ahronot ahronoth hankyoreh joongang
        kyunghyang chosun kommersant bild
        """
        )
    )
)

# The Arab world's broadcasters and newspapers that the cables quote by name alone ("Al
# Jazeera aired", "according to al-Arabiya", "Asharq al-Awsat wrote"): the word after the
# Arabic article, a closed class like the news agencies above. Left out where the article
# and word also name a place, a person or a family (al-Quds, al-Riyadh, al-Sabah,
# al-Arabi, al-Furat, al-Thawra).
ARAB_MEDIA = frozenset(
    _words(
        """
        jazeera arabiya arabiyya hurra manar ahram hayat akhbar sharqiya sharqiyah baghdadiya
        iraqiya iraqiyya sumaria nahar safir mustaqbal dustour ghad rai qabas watan wasat
        khaleej bayan ittihad jarida anba siyassa seyassah masry shorouk wafd awsat mada
        jumhuriya
        """
    )
)

# Lower-case words after a name that make it a group ("Nur Otan party"), a newspaper's or
# an agency's people and pieces among them ("a Kommersant correspondent", "a Dawn editorial").
ORG_AFTER = frozenset(
    _words(
        """
        party movement group organization organisation church ministry newspaper daily weekly
        company bank militia faction bloc coalition alliance network foundation institute
        association union agency council committee channel tv ngo television radio
        correspondent correspondents reporter reporters journalist journalists editor editors
        columnist columnists editorial
        """
    )
)
# Their plurals, after the last name of a list ("the Labour and Conservative parties"); a
# word alone before one is most often an adjective ("Muslim groups", "Western companies").
ORG_AFTER_PLURAL = frozenset(
    _words(
        """
        parties movements groups organizations organisations churches ministries newspapers
        companies banks militias factions
        """
    )
)

# Endings of one-word company names ("Citigroup", "Sberbank", "Gazprom", "Alcatel").
ORG_SUFFIXES = ("bank", "group", "corp", "com", "tel", "soft", "prom", "neft", "tech")

# Lower-case words after a name that make it a person's ("the Obama administration").
PERSON_AFTER = frozenset(_words("administration government regime era presidency"))

# Lower-case words after a name that make it a group's ("Taliban elements", "Opel plants").
GROUP_AFTER = frozenset(
    _words(
        """
        elements members fighters militants supporters ties leadership cells operatives
        activists plants employees headquarters spokesman spokeswoman officials loyalists
        executives representatives reps rep shareholders subsidiary staffers
        """
    )
)
# Roles after a name that make it a group's when it is no people's, faith's or common word
# ("Likud leader Netanyahu", "Fidesz chairman Orban"; not "Libyan leader", "Supreme
# Leader").
GROUP_BEFORE_ROLES = frozenset(_words("leader leaders chairman chairwoman founder founders"))

# Last words of the name of a feature of the land ("Mackenzie River", "Golan Heights",
# "Friendship Bridge"): a name ending with one is a place's.
FEATURE_LAST_WORDS = frozenset(
    (
        *("river", "mountains", "mountain", "lake", "valley", "sea", "bay", "island"),
        *("islands", "desert", "strait", "straits", "canal", "peninsula", "basin", "delta"),
        *("plateau", "coast", "ocean", "gorge", "pass", "range", "highlands", "oasis"),
        *("bridge", "farms", "heights", "strip", "crossing", "dam", "area"),
        "states",  # not of the land, but a region's all the same: "the Baltic States"
    )
)

# Last words of a company's name that are no organisation word elsewhere in a name
# ("Pinya Manufacturing", "BAE Systems", "Iran Telecom"; but "the Petroleum Minister", "the
# National Petroleum Regulatory Agency").
COMPANY_LAST_WORDS = frozenset(
    _words(
        """
        industries holdings manufacturing enterprises technologies telecom telecommunications
        motors steel electronics petroleum shipping insurance investments trading mining
        pharmaceuticals cement refinery chemicals logistics systems
        """
    )
)

# Last words that make a name of common words capitalised inside a sentence a group's
# ("Metal Workers", "Provincial Reconstruction Team", "Financial Intelligence Unit",
# "Human Rights Watch", "Special Operations"): without one, such a name is most often a topic,
# a programme, a law or a section heading ("Illegal Logging", "Emissions Trading Scheme").
COMMON_GROUP_LAST_WORDS = frozenset(
    _words(
        """
        workers team teams unit units watch battalion battalions regiment regiments wing
        branch patrol body platform operations headquarters observer monitor chronicle
        express mirror globe
        """
    )
)
# First words of a group's name before a preposition: its members in the plural ("Sons of
# Iraq", "Doctors Without Borders", "Friends of Mauricio"), or a broadcaster's "Voice of".
GROUP_FIRST_WORDS = frozenset(
    _words(
        """
        sons daughters mothers fathers friends doctors reporters teachers lawyers journalists
        soldiers martyrs brothers sisters women students veterans physicians engineers
        partisans guardians defenders voice
        """
    )
)

# Names of political tendencies that name a party alone and capitalised ("the Labour
# government", "the Tories", "the Conservatives") or as a name's last word ("Liberal
# Democrats", "the Lib Dems", "his Lib Dem colleagues", "Sweden Democrats").
PARTY_WORDS = frozenset(
    _words(
        """
        labour tory tories conservatives liberals socialists communists republicans democrats
        dems dem greens
        """
    )
)

# Lower-case words after a name that make it a place ("Anbar province").
PLACE_AFTER = frozenset(
    _words(
        """
        province oblast region district valley governorate county prefecture oblys
        """
    )
)

# Speech and stance verbs after a person's name.
SPEECH_VERBS = frozenset(
    _words(
        """
        said says told tells stated noted added claimed explained asked argued commented
        contends contended maintained believes believed reported agreed replied emphasized
        emphasised stressed urged described criticized criticised acknowledged confirmed
        estimates estimated thinks thought insisted suggested warned indicated expressed opined
        complained lamented pointed underscored recalled concluded offered observed remarked
        admitted denied announced asserted averred called cautioned conceded declared echoed
        highlighted hoped intends predicted promised questioned recounted reiterated related
        responded revealed shared speculated worried wrote met praised accused blamed welcomed
        visited
        """
    )
)

# Adverbs allowed between a name and its verb ("Narymbetov also said").
ADVERBS = frozenset(
    _words(
        """
        also further then later separately privately repeatedly again
        """
    )
)

# Roles in an apposition after a person's name ("Laura Kalmenova, chairperson of ...").
ROLES = frozenset(
    _words(
        """
        director chairperson chairman chairwoman head leader deputy advisor adviser spokesman
        spokeswoman spokesperson pastor imam member president secretary editor founder governor
        mayor minister ambassador official representative commander chief coordinator manager
        professor journalist lawyer activist owner ceo mp candidate analyst expert researcher
        officer brother sister son daughter wife husband father mother uncle cousin widow
        businessman businesswoman priest bishop cleric mufti judge prosecutor attorney general
        colonel senator deputies politician economist correspondent reporter emir sheikh king
        prince leaders contact counselor counsellor consul envoy president-elect premier akim
        """
    )
)

# Connecting words allowed inside a name ("Association of Lawyers", "Hizb ut-Tahrir").
CONNECTORS = frozenset(
    _words(
        """
        of for the and de del da di du la le al el bin ibn bint von van der den zu ut ul y
        """
    )
)

# Particles inside a person's or group's name ("Mohammed bin Zayed", "Al Qaeda"): they
# join the words around them; the other connectors separate names.
NAME_PARTICLES = frozenset(
    _words("al el bin ibn bint de del da di du la le von van der den zu ut ul y")
)
SEPARATORS = CONNECTORS - NAME_PARTICLES

# Capitalised words that are cable furniture, never names.
JARGON = frozenset(
    _words(
        """
        ref refs reftel reftels tags subject subj summary comment end note begin text para paras
        sipdis noforn nodis exdis limdis sbu fouo classified declassified decl eo e.o unclas
        unclassified confidential secret section page rpt fyi cc bt info action septel memcon
        nnnn poc sensitive ii iii iv vi vii viii ix xii dept usg's ngo ngos polad i am gmt
        cob ps pls a b
        c d e f g h i j k l m n o p q r s t u v w x y z ok tv gdp gnp ceo cfo usd eur cfa fy cy
        ipr coin unscr fsn lcs rso e.g i.e etc aka hq id vip mou loi wmd ied ieds uav uavs nw ne
        sw se km mw bpd bcm pct nb ps nnn ct siprnet iir idp idps dtg msg gwot oplan conops
        awacs erw cn circ qte unqte
        nf nfi rel orcon propin removed contd misc tbd tba
        amembassy amconsul amcongen usmission secstate secdef washdc niact
        potus vpotus flotus fsos lno nco
        tdy niv nivs iv ivs crba acs amcit amcits lpr visa visas dvd pdf isbn phd rpm
        sofa fta npt ctbt fmct cfe unclos fctc korus vwp esta mepp pko ddr
        oef oif cerp fmf fms imet esf incle vat ghg heu leu lng co2 icbm manpads vbied
        vbieds salw apc apcs hvt hvts isr qrf opcon aor mrap mraps suv suvs vsat rfid hiv aids
        dna rmb gbp pkr ftse kospi wwii scr cft aml cp cve thaad xxx
        """
    )
)

CALENDAR_WORDS = frozenset(
    w.lower()
    for w in [*calendar.month_name, *calendar.day_name, *calendar.month_abbr, *calendar.day_abbr]
    if w
) | frozenset({"sept"})

# Nouns in an apposition that make the name before it a group's ("Ipres, a pension
# institution"); ROLES make it a person's.
ORG_NOUNS = frozenset(
    _words(
        """
        institution company firm organization organisation party group agency bank newspaper
        daily weekly magazine ngo movement association network channel station broadcaster
        militia union federation coalition alliance foundation institute university ministry
        corporation manufacturer producer operator airline carrier fund council committee
        """
    )
)

# Words before a name that make it the object of a preposition (no speech verb cue then).
PREPOSITIONS = frozenset(_words("on of for at in from with about by into over under against to"))

# Articles of other languages that begin the names of newspapers and channels more than of
# people ("Le Monde", "La Prensa", "Der Spiegel"). Not "Al" or "El", which begin Arabic
# surnames as often as papers ("Jaled El Masri", then "Masri").
ARTICLES_OF_TITLES = frozenset(_words("le la der il los las les"))
# The Arabic article, joined to a name by a hyphen ("al-Qaida", "el-Khabar").
ARABIC_ARTICLES = frozenset(_words("al el"))

# Nouns just before a name that make it a group's ("the terrorist organization
# Lashkar-i-Tayyiba", "the newspaper Kommersant", "the group Hamas").
# Not "party" or "group": "the party Aznar led", "the CSU Bundestag group Peter Ramsauer".
ORG_BEFORE = frozenset(
    _words(
        """
        organization organisation newspaper daily weekly magazine company firm militia
        broadcaster airline paper tabloid newspapers dailies
        """
    )
)
