"""`tracker places resolve|list|add` and user gazetteers, driven in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tracker.cli import app
from tracker.places import resolve

runner = CliRunner()

SUDAN_CSV = """ADM0_PCODE,ADM1_EN,ADM1_PCODE,ADM2_EN,ADM2_PCODE
SD,North Darfur,SD02,El Fasher,SD02001
SD,North Darfur,SD02,Kutum,SD02002
SD,South Kordofan,SD07,Kadugli,SD07001
"""

OWN_CSV = """code,pcode,level,name,parent,country,aliases
XK-1,XK01,admin1,Northbank,,XK,North Bank|Nordbank
XK-1-1,XK0101,admin2,Riverton,XK-1,XK,Rivertown
"""


@pytest.fixture
def places_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    folder = tmp_path / "places"
    monkeypatch.setenv("TRACKER_PLACES_DIR", str(folder))
    return folder


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_resolve_table_shows_codes_and_parents(places_dir: Path) -> None:
    result = runner.invoke(app, ["places", "resolve", "Kupyansk district", "Izyum"])
    assert result.exit_code == 0, result.stderr
    header, rule, *lines = result.stdout.splitlines()
    assert header.split()[:3] == ["query", "match", "score"]
    assert set(rule) == {"-"}
    assert "Kupianskyi" in lines[0]
    assert "UA6308" in lines[0]
    assert "Izium" in lines[1]
    assert "Kharkivska" in lines[1]


def test_resolve_json_matches_library(places_dir: Path) -> None:
    result = runner.invoke(app, ["places", "resolve", "Ugledar", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    [answer] = json.loads(result.stdout)
    unit = resolve("Ugledar").unit
    assert unit is not None
    assert answer["match"] == "alias"
    assert answer["unit"]["name"] == unit.name == "Vuhledar"
    assert answer["unit"]["admin1_pcode"] == "UA14"


def test_resolve_unknown_exits_1_with_suggestions(places_dir: Path) -> None:
    result = runner.invoke(app, ["places", "resolve", "Kupianskoe Qwerty"])
    assert result.exit_code == 1
    assert "unknown place 'Kupianskoe Qwerty'" in result.stderr
    assert "did you mean: " in result.stderr
    assert "Kupiansk" in result.stderr
    assert "Traceback" not in result.stderr


def test_resolve_fuzzy_warns_on_stderr(places_dir: Path) -> None:
    result = runner.invoke(app, ["places", "resolve", "Kupyansc"])
    assert result.exit_code == 0
    assert "fuzzy" in result.stdout
    assert "warning: 'Kupyansc' read as Kupiansk" in result.stderr


def test_resolve_bad_level_is_a_usage_error(places_dir: Path) -> None:
    result = runner.invoke(app, ["places", "resolve", "Kharkiv", "--level", "hamlet"])
    assert result.exit_code == 2


def test_list_raions_within_oblast(places_dir: Path) -> None:
    result = runner.invoke(
        app, ["places", "list", "--level", "raion", "--within", "Kharkiv", "--format", "json"]
    )
    assert result.exit_code == 0, result.stderr
    names = sorted(u["name"] for u in json.loads(result.stdout))
    assert names == [
        "Berestynskyi",
        "Bohodukhivskyi",
        "Chuhuivskyi",
        "Iziumskyi",
        "Kharkivskyi",
        "Kupianskyi",
        "Lozivskyi",
    ]


def test_list_within_unknown_place_fails_cleanly(places_dir: Path) -> None:
    result = runner.invoke(app, ["places", "list", "--within", "Qwzxv"])
    assert result.exit_code == 1
    assert "unknown place 'Qwzxv'" in result.stderr


def test_add_cod_gazetteer_then_resolve(places_dir: Path, tmp_path: Path) -> None:
    before = resolve("El Fasher")
    assert before.unit is None
    csv_path = _write(tmp_path, "sdn.csv", SUDAN_CSV)
    added = runner.invoke(app, ["places", "add", str(csv_path)])
    assert added.exit_code == 0, added.stderr
    assert "added 5 units" in added.stderr
    assert (places_dir / "sdn.csv").is_file()
    darfur = resolve("North Darfur").unit
    assert darfur is not None
    assert (darfur.pcode, darfur.country) == ("SD02", "SD")  # the COD unit before ISO's
    after = resolve("El Fasher")
    assert after.unit is not None
    assert (after.unit.level, after.unit.pcode, after.unit.admin1_name) == (
        "admin2",
        "SD02001",
        "North Darfur",
    )


def test_places_option_is_for_one_run(places_dir: Path, tmp_path: Path) -> None:
    csv_path = _write(tmp_path, "own.csv", OWN_CSV)
    result = runner.invoke(
        app, ["places", "resolve", "Rivertown", "--places", str(csv_path), "--format", "json"]
    )
    assert result.exit_code == 0, result.stderr
    [answer] = json.loads(result.stdout)
    assert answer["match"] == "alias"
    assert answer["unit"]["admin1_name"] == "Northbank"
    assert answer["unit"]["admin2_pcode"] == "XK0101"
    assert not places_dir.exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no rows"),
        ("name,level\nRiverton,hamlet\n", "level 'hamlet' is not one of"),
        ("name,level\n,admin1\n", "line 2: missing name"),
    ],
)
def test_add_rejects_bad_gazetteer(
    places_dir: Path, tmp_path: Path, text: str, message: str
) -> None:
    result = runner.invoke(app, ["places", "add", str(_write(tmp_path, "bad.csv", text))])
    assert result.exit_code == 1
    assert message in result.stderr
    assert not (places_dir / "bad.csv").exists()


def test_add_rejects_non_utf8(places_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("name,level\nCaf\xe9,admin1\n".encode("latin-1"))
    result = runner.invoke(app, ["places", "add", str(path)])
    assert result.exit_code == 1
    assert "not a UTF-8 CSV" in result.stderr


def test_add_missing_file(places_dir: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["places", "add", str(tmp_path / "nope.csv")])
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_places_added_to_a_store_resolve_alike_for_every_desk_on_it(
    monkeypatch: pytest.MonkeyPatch, db: Path | str, tmp_path: Path
) -> None:
    monkeypatch.setenv("TRACKER_PLACES_DIR", str(tmp_path / "desk-a"))
    added = runner.invoke(
        app, ["places", "add", str(_write(tmp_path, "sdn.csv", SUDAN_CSV)), "--db", str(db)]
    )
    assert added.exit_code == 0, added.stderr
    # Another desk: its own, empty places folder, the same store.
    monkeypatch.setenv("TRACKER_PLACES_DIR", str(tmp_path / "desk-b"))
    figures = _write(
        tmp_path,
        "kutum.csv",
        "metric,population_group,value,qualifier,location,as_of,source_name\n"
        "evacuated,people,120,exact,Kutum,2024-05-01,OCHA\n",
    )

    imported = runner.invoke(app, ["import", str(figures), "--db", str(db)])
    listed = runner.invoke(app, ["list", "--format", "json", "--db", str(db)])

    assert imported.exit_code == 0, imported.stderr
    [row] = json.loads(listed.stdout)
    assert (row["admin2_pcode"], row["admin1_name"]) == ("SD02002", "North Darfur")
    elsewhere = runner.invoke(app, ["import", str(figures), "--db", str(tmp_path / "other.db")])
    assert elsewhere.exit_code == 1, "a store without the gazetteer does not know Kutum"


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("ragged.csv", "name,level\nRiverton,admin1,extra,more\n", "line 2: 2 field(s) more"),
        ("notes.txt", "name,level\nRiverton,admin1\n", "a gazetteer is a .csv file"),
        ("long.csv", "name,level\n" + "R" * 200_000 + ",admin1\n", "cannot read as CSV"),
    ],
)
def test_add_refuses_what_it_could_not_load(
    places_dir: Path, tmp_path: Path, name: str, text: str, message: str
) -> None:
    result = runner.invoke(app, ["places", "add", str(_write(tmp_path, name, text))])

    assert result.exit_code == 1
    assert message in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not places_dir.exists() or not any(places_dir.iterdir())


def test_a_broken_file_in_the_places_folder_is_skipped_with_a_warning(places_dir: Path) -> None:
    places_dir.mkdir()
    _write(places_dir, "broken.csv", "name,level\nRiverton,admin1,extra\n")

    result = runner.invoke(app, ["places", "resolve", "Kupiansk"])

    assert result.exit_code == 0, result.output
    assert "Kupianskyi" in result.stdout or "Kupiansk" in result.stdout
    assert "warning:" in result.stderr
    assert "broken.csv" in result.stderr
    assert "skipped" in result.stderr


def test_a_child_file_loads_whatever_the_order_of_names(places_dir: Path) -> None:
    places_dir.mkdir()
    # "a-" sorts before "b-", but the parent XK-1 is in b-parents.csv.
    _write(
        places_dir,
        "a-children.csv",
        "code,level,name,parent,country\nXK-1-9,admin2,Hilltop,XK-1,XK\n",
    )
    _write(
        places_dir, "b-parents.csv", "code,level,name,parent,country\nXK-1,admin1,Northbank,,XK\n"
    )

    result = runner.invoke(app, ["places", "resolve", "Hilltop", "--format", "json"])

    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr
    assert json.loads(result.stdout)[0]["unit"]["name"] == "Hilltop"


def test_an_unreadable_places_folder_is_a_warning_not_a_crash(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "places"
    folder.mkdir()
    _write(folder, "x.csv", OWN_CSV)
    monkeypatch.setenv("TRACKER_PLACES_DIR", str(folder))

    def refuse(*_: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "glob", refuse)
    result = runner.invoke(app, ["places", "resolve", "Kupiansk"])

    assert result.exit_code == 0, result.output
    assert f"cannot read the places folder {folder}: Permission denied" in result.stderr
