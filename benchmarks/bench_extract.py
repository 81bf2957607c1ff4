"""Print how many ~1 KB passages per second the extractor reads on one core, in English
and in Ukrainian.

Usage: python benchmarks/bench_extract.py [--passages N] [--lang en|uk|both]

The passages are the dev corpus texts (../shared/eval/dev.jsonl for English,
../shared/eval/uk_dev.jsonl for Ukrainian) when present, else a built-in sample, cut or
padded to about 1 KB, repeated up to N. Each passage gets a unique suffix so that no cache
can help. Both wall-clock and CPU time are printed: on a shared machine the wall figure
includes waiting for the core. The place gazetteer (and the Ukrainian regional names) is
loaded before timing starts. The language is detected per passage, as `tracker extract`
does by default. Goals: English at least 500 passages/s, Ukrainian at least 300.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import date
from pathlib import Path

from tracker.extract import extract

_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
_DEV = {"en": _EVAL / "dev.jsonl", "uk": _EVAL / "uk_dev.jsonl"}
_SAMPLE_UK = (
    "За минулу добу з прифронтових громад Донеччини евакуювали 412 людей, серед них 57 "
    "дітей, повідомив начальник обласної військової адміністрації. Упродовж доби росіяни "
    "23 рази обстріляли населені пункти області. У Костянтинівці досі залишається близько "
    "5 тисяч мешканців, а в громаді трохи більше – десь 5200 осіб. "
)
_SAMPLE = (
    "Over the last day, 900 people, including 217 children, were brought out of frontline "
    "areas of Donetsk region, regional military administration head Vadym Filashkin reported. "
    "In just one day the Russians fired 23 times at settlements of the region, he wrote. "
    "About 40 people are still in Toretsk, and the Toretsk community about 140. "
)


def _passages(count: int, lang: str) -> list[str]:
    texts = [(_SAMPLE_UK if lang == "uk" else _SAMPLE) * 3]
    if _DEV[lang].exists():
        lines = _DEV[lang].read_text(encoding="utf-8").splitlines()
        texts = [json.loads(line)["text"] for line in lines if line.strip()]
    sized = [(t * (1 + 1000 // max(len(t), 1)))[:1000] for t in texts]
    suffix = "Звіт" if lang == "uk" else "Report"
    return [f"{sized[i % len(sized)]} {suffix} {i}." for i in range(count)]


def main() -> None:
    """Time the extractor over the passages of each language; print passages/s and KB/s."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--passages", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3, help="runs; the fastest is reported")
    parser.add_argument("--lang", choices=["en", "uk", "both"], default="both")
    args = parser.parse_args()
    for lang in ("en", "uk") if args.lang == "both" else (args.lang,):
        _bench(lang, _passages(args.passages, lang), args.repeat)


def _bench(lang: str, passages: list[str], repeat: int) -> None:
    extract(passages[0], published=date(2024, 6, 1))  # loads the gazetteer
    runs = [_run(passages) for _ in range(max(1, repeat))]
    wall = min(r[0] for r in runs)
    cpu = min(r[1] for r in runs)
    kilobytes = sum(len(p) for p in passages) / 1000
    print(
        f"[{lang}] {len(passages)} passages ({kilobytes:.0f} KB), {runs[0][2]} figures, "
        f"best of {len(runs)}"
    )
    print(f"[{lang}] wall {wall:.2f} s: {len(passages) / wall:.0f} passages/s")
    # CPU time is what one core spends; it does not count waiting for a busy machine.
    print(
        f"[{lang}] cpu  {cpu:.2f} s: {len(passages) / cpu:.0f} passages/s, "
        f"{kilobytes / cpu:.0f} KB/s"
    )


def _run(passages: list[str]) -> tuple[float, float, int]:
    """Return (wall seconds, CPU seconds, figures) for one pass over the passages."""
    started, cpu_started = time.perf_counter(), time.process_time()
    figures = sum(len(extract(p, published=date(2024, 6, 1)).figures) for p in passages)
    return time.perf_counter() - started, time.process_time() - cpu_started, figures


if __name__ == "__main__":
    main()
