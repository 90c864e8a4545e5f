"""Refusals, not crashes (issue 12, "Why" 7 and "What to build" 6): every importer raises only ImportFailed,
whatever the bytes. A hypothesis fuzz test mutates the real files of tests/fixtures/ and tests/fixtures/realworld/
(byte flips, truncation, inserted quotes, NULs and very long cells, UTF-16 without a byte-order mark), bounded by
`max_examples` and derandomized so CI runs the same cases every time; then each crasher the issue names."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gui.data.importers import ImportFailed, ImportOptions, import_file
from gui.data.importers.jsonfile import TOO_DEEP

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
#: The files people really have (not the corpus' scripts, answers and notes).
SOURCES = sorted(
    p
    for p in [*FIXTURES.iterdir(), *(FIXTURES / "realworld").iterdir()]
    if p.is_file() and p.suffix in {".csv", ".txt", ".json", ".xlsx", ".http"} and p.name != "expected.json"
)
LONG_CELL = 131_073  # one character past the csv module's field limit
INSERTS = [b'"', b"\x00", b"\x00" * 64, b'"' + b"x" * LONG_CELL + b'"', b"[" * 5000, b"\r", b"9" * 400]
OPTIONS = ImportOptions(source_tz="UTC")


def utf16_without_bom(data: bytes) -> bytes:
    text = data.decode("utf-8", errors="replace")
    return text.encode("utf-16-le")


@st.composite
def mutated_files(draw):
    """(name, bytes): a fixture file with one to three mutations."""
    source = draw(st.sampled_from(SOURCES))
    data = bytearray(source.read_bytes())
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["flip", "truncate", "insert", "utf16"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "truncate":
            del data[at:]
        elif kind == "insert":
            piece = draw(
                st.sampled_from(
                    [b'"', b"\x00", b"\x00" * 64, b'"' + b"x" * LONG_CELL + b'"', b"[" * 5000, b"\r", b"9" * 400]
                )
            )
            data[at:at] = piece
        elif kind == "utf16" and source.suffix != ".xlsx":
            data = bytearray(utf16_without_bom(bytes(data)))
    return source.name, bytes(data)


@settings(
    max_examples=2000,  # about 17 s on an idle 2-core machine: "about 30 s" with the crashers below
    deadline=None,
    derandomize=True,  # the same cases on every run: a failure here is a real bug, never bad luck
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated_files())
def test_a_mutated_real_file_is_imported_or_refused_with_import_failed(tmp_path, case):
    name, data = case
    path = tmp_path / name
    path.write_bytes(data)
    try:
        import_file(path, OPTIONS)
    except ImportFailed as exc:
        assert str(exc)  # a reason for the user


# -- the crashers the issue names ----------------------------------------------------------------


def refusal(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ImportFailed) as failed:
        import_file(path, OPTIONS)
    return str(failed.value)


def test_a_cell_over_131072_characters_is_refused_with_the_row(tmp_path):
    data = ('at,temperature\n2024-01-01 00:00,"' + "x" * LONG_CELL + '"\n2024-01-01 00:01,2\n').encode()
    assert "Row 2 cannot be read" in refusal(tmp_path, "long.csv", data)  # was: _csv.Error


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(tmp_path, codec):
    path = tmp_path / "nobom.csv"
    path.write_bytes("at,temperature\n2024-01-01 00:00,1.5\n2024-01-01 00:01,2.5\n".encode(codec))
    result = import_file(path, OPTIONS)
    assert [point.value for _, point in result.pairs()] == [1.5, 2.5]


def test_a_damaged_sheet_inside_a_sound_xlsx_is_refused(tmp_path):
    source = (FIXTURES / "realworld" / "lo_de_DE_datum_zeit.xlsx").read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as book, zipfile.ZipFile(out, "w") as damaged:
        for item in book.infolist():
            content = book.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                content = content[: len(content) // 2]  # the XML cut off mid-tag
            damaged.writestr(item, content)
    why = refusal(tmp_path, "damaged.xlsx", out.getvalue())  # was: xml.etree ParseError
    assert "the workbook is damaged" in why


def test_a_cut_xlsx_is_refused(tmp_path):
    source = (FIXTURES / "realworld" / "lo_de_DE_datum_zeit.xlsx").read_bytes()
    assert "Excel workbook" in refusal(tmp_path, "cut.xlsx", source[: len(source) // 2])


@pytest.mark.parametrize("data", [b"[" * 100_000 + b"]" * 100_000, b'{"a":' * 50_000 + b"1" + b"}" * 50_000])
def test_deeply_nested_json_is_refused(tmp_path, data):
    assert refusal(tmp_path, "deep.json", data) == str(TOO_DEEP)  # was: RecursionError


def test_deeply_nested_json_lines_are_refused(tmp_path):
    data = b'{"stream":"t","at":"2024-01-01T00:00:00Z","value":1}\n' + b"[" * 100_000 + b"]" * 100_000 + b"\n"
    path = tmp_path / "deep.jsonl"
    path.write_bytes(data)
    try:
        result = import_file(path, OPTIONS)
    except ImportFailed:
        return
    assert any(str(TOO_DEEP) in problem.reason for problem in result.problems)


@pytest.mark.parametrize(
    "at", [b"1e400", b"9" * 400, b"-" + b"9" * 400], ids=["1e400", "400-digit integer", "negative 400 digits"]
)
def test_a_huge_number_as_at_in_json_records_is_refused_or_a_problem(tmp_path, at):
    data = b'[{"stream":"t","at":' + at + b',"value":1},{"stream":"t","at":1700000000,"value":2}]'
    path = tmp_path / "records.json"
    path.write_bytes(data)
    try:
        result = import_file(path, OPTIONS)  # was: OverflowError
    except ImportFailed as exc:
        assert str(exc)
        return
    assert all(point.at is None or point.at.year < 10_000 for _, point in result.pairs())


def test_a_huge_integer_value_in_json_is_refused(tmp_path):
    data = b'[{"stream":"t","at":"2024-01-01T00:00:00Z","value":' + b"9" * 5000 + b"}]"
    assert refusal(tmp_path, "big.json", data)
