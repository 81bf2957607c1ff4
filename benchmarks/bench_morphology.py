"""Compare the ways of reading Ukrainian place names in their cases: load time, speed, and
how often each recovers the gazetteer's nominative from an inflected form.

Usage: python benchmarks/bench_morphology.py [--names N]

Forms: the genitive, dative, locative and instrumental that pymorphy3 makes of N
gazetteer names (a seeded sample of cities, towns, villages, hromadas and raions), so the
test favours pymorphy3, which made them. Compared: pymorphy3 (+ pymorphy3-dicts-uk; its
normal form, and any of its parses), simplemma (its lemma; skipped when not installed),
and the extractor's generated declension rules (tracker/extract/uk/declension.py: any
candidate nominative equal to the name, as the extractor checks candidates against the
gazetteer).
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import time
from collections.abc import Callable

from tracker.extract.uk.declension import nominatives
from tracker.places import places

_CASES = ("gent", "datv", "loct", "ablt")


def main() -> None:
    """Print load time, µs per word and recovery rate for each method."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--names", type=int, default=500)
    args = parser.parse_args()
    started = time.perf_counter()
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer(lang="uk")
    pymorphy_load = time.perf_counter() - started
    forms = _forms(morph, args.names)
    print(f"{len(forms)} inflected forms of {args.names} gazetteer names")

    def by_pymorphy(word: str, name: str) -> bool:
        return any(p.normal_form == name.lower() for p in morph.parse(word)[:1])

    def by_any_parse(word: str, name: str) -> bool:
        # Like the rules, every reading counts: the gazetteer would pick the right one.
        return any(p.normal_form == name.lower() for p in morph.parse(word))

    _report("pymorphy3", pymorphy_load, forms, by_pymorphy)
    _report("pym. any", 0.0, forms, by_any_parse)
    if importlib.util.find_spec("simplemma") is not None:
        started = time.perf_counter()
        import simplemma

        simplemma.lemmatize("Харкова", lang="uk")  # loads the Ukrainian dictionary
        simplemma_load = time.perf_counter() - started

        def by_simplemma(word: str, name: str) -> bool:
            return str(simplemma.lemmatize(word, lang="uk")).lower() == name.lower()

        _report("simplemma", simplemma_load, forms, by_simplemma)
    else:
        print("simplemma: not installed (pip install simplemma)")
    nominatives.cache_clear()
    _report("rules", 0.0, forms, lambda word, name: name in nominatives(word))


def _forms(morph: object, count: int) -> list[tuple[str, str]]:
    gazetteer = places().gazetteer
    names = gazetteer.native_names(("city", "town", "village", "hromada", "raion"))
    forms: list[tuple[str, str]] = []
    for name in random.Random(12).sample(names, count):
        parses = [p for p in morph.parse(name) if p.normal_form == name.lower()]  # type: ignore[attr-defined]
        for case in _CASES if parses else ():
            form = parses[0].inflect({case})
            if form is not None:
                forms.append((name[0] + form.word[1:], name))
    return forms


def _report(
    label: str, load: float, forms: list[tuple[str, str]], recovers: Callable[[str, str], bool]
) -> None:
    started = time.perf_counter()
    recovered = sum(recovers(word, name) for word, name in forms)
    per_word = (time.perf_counter() - started) / max(len(forms), 1) * 1e6
    print(
        f"{label:10} load {load:5.2f} s, {per_word:6.1f} us/word (cold), "
        f"nominative recovered {recovered / max(len(forms), 1):.1%}"
    )


if __name__ == "__main__":
    main()
