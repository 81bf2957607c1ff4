"""Reading report documents: files, directories, stdin, JSONL, front matter, and bad input."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.documents import (
    STDIN,
    STDIN_NAME,
    Document,
    document_id,
    normalise_text,
    read_documents,
    require_published,
    with_overrides,
)
from tracker.errors import InputFileError, UsageError

SEEDS = Path(__file__).parent.parent / "seeds"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _jsonl(path: Path, *records: object) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    return _write(path, "\n".join(lines) + "\n")


def test_text_file_is_one_document_keyed_by_its_path(tmp_path: Path) -> None:
    path = _write(tmp_path / "report.txt", "12 people left Izium.")

    [document] = read_documents([path])

    assert document.key == str(path)
    assert document.text == "12 people left Izium."
    assert document.published is None
    assert document.source_name == "report.txt"


def test_front_matter_gives_date_source_url_title_and_is_cut_from_the_text(tmp_path: Path) -> None:
    body = "Since May 10, 15 031 people left.\n"
    path = _write(
        tmp_path / "a.md",
        "---\n# a comment\npublished: 2024-08-19\nsource: Donetsk RMA\n"
        "url: https://example.org/x\ntitle: 'Pokrovsk'\n---\n" + body,
    )

    [document] = read_documents([path])

    assert document.text == body
    assert document.published == date(2024, 8, 19)
    assert (document.source, document.url, document.title) == (
        "Donetsk RMA",
        "https://example.org/x",
        "Pokrovsk",
    )


def test_source_falls_back_to_the_url_host(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "d.jsonl", {"id": "a", "text": "x", "url": "https://news.example.com/1"}
    )

    [document] = read_documents([path])

    assert document.source_name == "news.example.com"


def test_directory_reads_txt_and_md_recursively_in_sorted_order(tmp_path: Path) -> None:
    _write(tmp_path / "b.txt", "b")
    _write(tmp_path / "a" / "z.md", "z")
    _write(tmp_path / "a" / "c.txt", "c")
    _write(tmp_path / "notes.csv", "ignored")

    documents = read_documents([tmp_path])

    assert [d.text for d in documents] == ["c", "z", "b"]


def test_jsonl_lines_become_documents_keyed_by_id(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "d.jsonl",
        {"id": "d1", "text": "one", "published": "2025-10-14", "source": "RMA", "facts": []},
        "",
        {"id": 2, "text": "two", "published": None},
    )

    first, second = read_documents([path])

    assert (first.key, first.published, first.source) == ("d1", date(2025, 10, 14), "RMA")
    assert (second.key, second.published, second.origin) == ("2", None, f"{path}:3")


def test_stdin_is_read_when_the_path_is_a_dash() -> None:
    [document] = read_documents([STDIN], stdin=io.BytesIO(b"490 people left."))

    assert (document.key, document.text) == (STDIN_NAME, "490 people left.")


def test_the_shipped_seeds_all_carry_a_publication_date() -> None:
    documents = read_documents([SEEDS])

    assert len(documents) >= 6
    require_published(documents)


def test_the_original_seed_text_is_kept_exactly() -> None:
    original = Path(__file__).parent.parent.parent / "shared" / "seeds" / "000_a8b17e9084ea8947.txt"
    if not original.exists():
        pytest.skip("the shared seed folder is not beside this checkout")
    [document] = read_documents([SEEDS / original.name])

    assert document.text == original.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"ok \xff\xfe bad", "not UTF-8 text (byte 0xff at offset 3)"),
        (b"", "the text is empty"),
        (b"  \n\t ", "the text is empty"),
        (b"---\npublished: 2024-02-30\n---\ntext", "'2024-02-30' is not a date"),
        (b"---\npubished: 2024-02-03\n---\ntext", ":2: front matter line 'pubished: 2024-02-03'"),
        (b"---\npublished: 2024-02-03\n", "front matter opened with '---' on line 1"),
    ],
)
def test_bad_text_files_name_the_file_and_the_problem(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)

    with pytest.raises(InputFileError, match=r"bad\.txt") as caught:
        read_documents([path])

    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "a", "text": ', ":2: not valid JSON"),
        ('["a", "b"]', ":2: expected a JSON object"),
        ('{"text": "x"}', ":2: 'id' must be"),
        ('{"id": true, "text": "x"}', ":2: 'id' must be"),
        ('{"id": "a"}', ":2: 'text' must be a string"),
        ('{"id": "a", "text": " "}', ":2: the text is empty"),
        ('{"id": "a", "text": "x", "published": 20240101}', ":2: 'published' must be"),
        ('{"id": "a", "text": "x", "published": "yesterday"}', ":2: published: 'yesterday'"),
        ('{"id": "a", "text": "x", "url": 5}', ":2: 'url' must be a string"),
    ],
)
def test_bad_jsonl_lines_name_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = _jsonl(tmp_path / "d.jsonl", {"id": "ok", "text": "fine"}, line)

    with pytest.raises(InputFileError) as caught:
        read_documents([path])

    assert f"{path}{message}" in str(caught.value)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="no such file"):
        read_documents([tmp_path / "absent.txt"])


def test_directory_without_texts_is_an_input_error(tmp_path: Path) -> None:
    _write(tmp_path / "data.csv", "a,b")

    with pytest.raises(InputFileError, match=r"no \*\.txt or \*\.md files"):
        read_documents([tmp_path])


def test_empty_jsonl_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="the input is empty"):
        read_documents([_write(tmp_path / "empty.jsonl", "\n\n")])


def test_dash_without_stdin_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        read_documents([STDIN])


def test_overrides_replace_the_documents_own_date_and_source() -> None:
    document = Document("k", "t", "k", "k", published=date(2020, 1, 1), source="own")

    [changed] = with_overrides([document], published=date(2024, 5, 1), source="given")
    [kept] = with_overrides([document])

    assert (changed.published, changed.source) == (date(2024, 5, 1), "given")
    assert kept == document


def test_require_published_names_the_undated_document_and_how_to_date_it() -> None:
    undated = Document("d7", "t", "in.jsonl:7", "in.jsonl")

    with pytest.raises(InputFileError, match=r"in\.jsonl:7: no publication date; give --published"):
        require_published([undated])


def test_doc_id_ignores_whitespace_and_unicode_normal_form() -> None:
    composed, decomposed = "Kupiansk \u0439", "Kupiansk \u0438\u0306"

    assert document_id(f"  {composed}\n\n") == document_id(decomposed)
    assert document_id(composed) != document_id(composed + ".")
    assert len(document_id("x")) == 64


@given(st.text())
def test_normalised_text_is_stable_and_has_no_runs_of_whitespace(text: str) -> None:
    once = normalise_text(text)

    assert normalise_text(once) == once
    assert "  " not in once
    assert once == once.strip()


@given(st.binary(max_size=200))
def test_any_bytes_give_documents_or_an_input_error(data: bytes) -> None:
    try:
        documents = read_documents([STDIN], stdin=io.BytesIO(data))
    except InputFileError:
        return
    assert [d.key for d in documents] == [STDIN_NAME]


_META_VALUE = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=30
).filter(lambda v: v.strip() == v and v[0] not in "\"'" and v[-1] not in "\"'")


@given(source=_META_VALUE, title=_META_VALUE, body=st.text(min_size=1).filter(str.strip))
def test_front_matter_values_come_back_as_written_and_the_body_untouched(
    source: str, title: str, body: str
) -> None:
    raw = f"---\nsource: {source}\ntitle: {title}\npublished: 2024-01-31\n---\n{body}"

    [document] = read_documents([STDIN], stdin=io.BytesIO(raw.encode("utf-8")))

    assert (document.source, document.title, document.text) == (source, title, body)
    assert document.published == date(2024, 1, 31)
