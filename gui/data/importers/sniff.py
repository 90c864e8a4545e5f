"""What a file is before reading it: its format (magic bytes, then extension), text encoding and delimiter."""

from __future__ import annotations

import codecs
import csv
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from gui.data.importers.options import FileFormat
from gui.data.importers.result import ImportFailed
from gui.data.importers.result import message as _m
from gui.text import QT_TRANSLATE_NOOP, Message

#: Bytes read from the start of a file to decide its format and encoding.
HEAD_BYTES = 1 << 20
#: Bytes read from the middle and the end too, so a file that turns non-ASCII late is still seen.
PROBE_BYTES = 64 << 10

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32 (BOM)"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32 (BOM)"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 (BOM)"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 (BOM)"),
)

#: When charset-normalizer finds several encodings equally plausible, the first of these wins:
#: GB18030 (a superset of GBK and GB2312: Chinese-locale Excel) before the others, then
#: Windows-1252 (Western European Excel) over its look-alikes.
_PREFERRED = ("gb18030", "big5", "cp1252", "cp932", "cp949", "cp1250", "cp1251")
_FAMILY = {"gb2312": "gb18030", "gbk": "gb18030", "hz": "gb18030", "big5hkscs": "big5", "cp950": "big5"}
_LABELS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 with BOM",
    "gb18030": "GBK/GB18030",
    "big5": "Big5",
    "cp1252": "Windows-1252",
    "cp1250": "Windows-1250",
    "cp1251": "Windows-1251",
    "cp932": "Shift-JIS",
    "cp949": "EUC-KR",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16 LE",
    "utf-16-be": "UTF-16 BE",
    "ascii": "ASCII",
}


@dataclass(frozen=True)
class Encoding:
    """The codec to decode with, a label for people, and why it was chosen."""

    codec: str
    label: str
    reason: str


def encoding_label(codec: str) -> str:
    """`gb18030` -> `GBK/GB18030`; unknown codecs keep their name."""
    try:
        name = codecs.lookup(codec).name
    except LookupError:
        return codec
    return _LABELS.get(codec.lower(), _LABELS.get(name, name))


def read_probe(path: Path) -> tuple[bytes, bytes, int]:
    """The first HEAD_BYTES, plus samples of the middle and end (cut at line breaks), and the size."""
    size = path.stat().st_size
    with path.open("rb") as f:
        head = f.read(HEAD_BYTES)
        tail = b""
        if size > HEAD_BYTES + PROBE_BYTES:
            for where in (size // 2, max(size - PROBE_BYTES, HEAD_BYTES)):
                f.seek(where)
                chunk = f.read(PROBE_BYTES)
                start, end = chunk.find(b"\n"), chunk.rfind(b"\n")
                if 0 <= start < end:
                    tail += chunk[start + 1 : end + 1]
    return head, tail, size


def detect_format(path: Path, head: bytes) -> FileFormat:
    """The file's format from its first bytes, then its extension.

    Raises ImportFailed for formats that are recognised but not readable
    (`.xls`, OpenDocument, PDF, images) and for binary data.
    """
    suffix = path.suffix.lower()
    if head.startswith(b"PK\x03\x04"):
        if suffix == ".ods" or b"opendocument" in head[:200]:
            raise ImportFailed(
                _m(
                    "opendocument-spreadsheets-cannot",
                    QT_TRANSLATE_NOOP(
                        "importers", "OpenDocument spreadsheets cannot be read: save it as .xlsx or CSV."
                    ),
                )
            )
        return FileFormat.XLSX
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise ImportFailed(
            _m(
                "excel-workbooks-xls-cannot-be-re",
                QT_TRANSLATE_NOOP(
                    "importers", "Excel 97-2003 workbooks (.xls) cannot be read: save it as .xlsx or CSV."
                ),
            )
        )
    kinds = (
        (b"%PDF", QT_TRANSLATE_NOOP("importers", "a PDF document")),
        (b"\x89PNG", QT_TRANSLATE_NOOP("importers", "a PNG image")),
        (b"\xff\xd8\xff", QT_TRANSLATE_NOOP("importers", "a JPEG image")),
    )
    for magic, name in kinds:
        if head.startswith(magic):
            raise ImportFailed(
                _m(
                    "this-is-not-a-table-of-readings-",
                    QT_TRANSLATE_NOOP(
                        "importers", "This is {name}, not a table of readings: open a CSV, TSV, TXT, XLSX or JSON file."
                    ),
                    name=_m("kind", name),
                )
            )
    if suffix in (".xlsx", ".xlsm"):
        raise ImportFailed(
            _m(
                "is-not-a-valid-excel-workbook-it",
                QT_TRANSLATE_NOOP("importers", "{name} is not a valid Excel workbook (it is not a ZIP file inside)."),
                name=str(path.name),
            )
        )
    return FileFormat.DELIMITED  # text: JSON and type 5 are told apart from the decoded text


def _looks_binary(data: bytes) -> bool:
    if not data:
        return False
    controls = sum(1 for b in data[:65536] if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(data[:65536]) * 0.01


def detect_encoding(head: bytes, tail: bytes, override: str | None) -> Encoding:
    """The text encoding: the user's override, a BOM, UTF-8, else charset-normalizer among its best guesses.

    Raises ImportFailed for an unknown override name, binary data, or bytes
    no encoding explains.
    """
    if override:
        try:
            codec = codecs.lookup(override).name
        except LookupError:
            raise ImportFailed(
                _m(
                    "unknown-encoding-use-a-name-like",
                    QT_TRANSLATE_NOOP(
                        "importers", "Unknown encoding {override}: use a name like utf-8, gb18030 or cp1252."
                    ),
                    override=repr(override),
                )
            ) from None
        return Encoding(override, encoding_label(override), "chosen")
    for bom, codec, label in _BOMS:
        if head.startswith(bom):
            return Encoding(codec, label, "byte order mark")
    sample = head + tail
    if b"\x00" in head[:4096]:
        even, odd = head[0:4096:2], head[1:4096:2]
        if odd.count(0) > len(odd) * 0.3 and even.count(0) < len(even) * 0.05:
            return Encoding("utf-16-le", "UTF-16 LE", "zero bytes in every other place")
        if even.count(0) > len(even) * 0.3 and odd.count(0) < len(odd) * 0.05:
            return Encoding("utf-16-be", "UTF-16 BE", "zero bytes in every other place")
        raise ImportFailed(
            _m(
                "this-looks-like-a-binary-file-no",
                QT_TRANSLATE_NOOP(
                    "importers", "This looks like a binary file, not text: open a CSV, TSV, TXT, XLSX or JSON file."
                ),
            )
        )
    if _looks_binary(head):
        raise ImportFailed(
            _m(
                "this-looks-like-a-binary-file-no",
                QT_TRANSLATE_NOOP(
                    "importers", "This looks like a binary file, not text: open a CSV, TSV, TXT, XLSX or JSON file."
                ),
            )
        )
    if _decodes_utf8(head, final=len(head) < HEAD_BYTES) and _decodes_utf8(tail, final=False, partial_start=True):
        ascii_only = sample.isascii()
        return Encoding("utf-8", "UTF-8", "plain ASCII" if ascii_only else "valid UTF-8")
    matches = from_bytes(sample[: 2 * HEAD_BYTES])
    best = matches.best()
    if best is None:
        raise ImportFailed(
            _m(
                "cannot-tell-the-file-s-text-enco",
                QT_TRANSLATE_NOOP(
                    "importers",
                    "Cannot tell the file's text encoding (it may not be a text file). Choose the "
                    "encoding, e.g. gb18030 for files from Chinese-locale Excel.",
                ),
            )
        )
    tied = [m for m in matches if m.chaos <= best.chaos + 1e-9]
    names = [_FAMILY.get(name, name) for match in tied for name in match.could_be_from_charset]
    codec = next((p for p in _PREFERRED if p in names), _FAMILY.get(best.encoding, best.encoding))
    if codec not in ("gb18030", "big5") and _reads_as_chinese(sample, codec):
        return Encoding("gb18030", encoding_label("gb18030"), "reads as Chinese text")
    if western_over(codec, sample):
        return Encoding("cp1252", encoding_label("cp1252"), "Western European text (preferred over " + codec + ")")
    return Encoding(codec, encoding_label(codec), "detected")


#: Single-byte Latin encodings charset-normalizer may name for Western European text that Windows-1252
#: (what Excel and most Western software write) reads as well: `®` is `ź` in ISO-8859-16.
_LATIN_LOOKALIKES = frozenset(
    {"latin_1", "iso8859_1", "iso8859_3", "iso8859_9", "iso8859_14", "iso8859_15", "iso8859_16", "mac_roman",
     "cp1254", "cp1258", "cp850", "cp858", "cp437"}
)  # fmt: skip


def western_over(codec: str, data: bytes) -> bool:
    """True when `codec` is a Latin look-alike of Windows-1252 and the bytes are valid Windows-1252 text.

    Valid: every byte defined in cp1252 and no C1 control characters; then
    cp1252 is the likelier writer (Western European Excel, LibreOffice,
    loggers' Windows software).
    """
    if codec not in _LATIN_LOOKALIKES:
        return False
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return not any("\x80" <= ch <= "\x9f" for ch in text)


#: Non-letters that Western technical files do contain (so they do not make a Latin reading implausible).
_LATIN_SYMBOLS = set("°µ²³±§€£×·")


def _is_cjk(ch: str) -> bool:
    name = unicodedata.name(ch, "")
    return "CJK" in name or "FULLWIDTH" in name or "IDEOGRAPHIC" in name or ch in "℃°±×÷·“”‘’…—–"


def _reads_as_chinese(data: bytes, other: str) -> bool:
    """GB18030 over `other` when charset-normalizer cannot tell (a few Chinese characters in a small file).

    True when the bytes decode strictly as GB18030 into Chinese characters
    only, and `other` makes of them something no text holds: a run of three
    or more non-ASCII characters (a Chinese character is two bytes; Western
    words rarely have two accented letters in a row), a symbol outside the
    few technical ones (`°`, `µ`, `²`…), half-width katakana, or Hangul
    mixed with Han characters (what EUC-KR makes of GBK; Korean data files
    rarely hold Hanja). Big5 is not second-guessed: its bytes are valid GBK.
    """
    cut = data[: data.rfind(b"\n") + 1] or data
    try:
        chinese = cut.decode("gb18030")
    except UnicodeDecodeError:
        return False
    wide = [ch for ch in chinese if ord(ch) > 127]
    if not wide or not all(_is_cjk(ch) for ch in wide):
        return False
    read = cut.decode(other, errors="replace")
    hangul = any("\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f" for ch in read)
    if hangul and any("\u4e00" <= ch <= "\u9fff" for ch in read):
        return True
    if any("\uff61" <= ch <= "\uff9f" for ch in read):
        return True
    if len(read) != len(cut):  # a multi-byte reading (Japanese, Korean): runs of letters are normal there
        return False
    run = 0
    for ch in read:
        if ord(ch) <= 127:
            run = 0
            continue
        run += 1
        odd = not unicodedata.category(ch).startswith("L") and ch not in _LATIN_SYMBOLS
        if run >= 3 or odd:
            return True
    return False


def _decodes_utf8(data: bytes, final: bool, partial_start: bool = False) -> bool:
    if partial_start:  # a middle sample may start inside a character
        data = data.lstrip(bytes(range(0x80, 0xC0)))
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=final)
    except UnicodeDecodeError:
        return False
    return True


# --- delimiter -------------------------------------------------------------------------------


DELIMITERS = ",;\t|"


#: Delimiter detection reads at most this many lines, each cut to this many characters: bounded work
#: (the csv module's C reader, linear in its input) whatever the file holds.
SNIFF_LINES, SNIFF_LINE_CHARS = 200, 16384


def mode_of(counts: Sequence[int]) -> tuple[int, int]:
    """The most common count and how often it occurs; ties go to the larger count (tables are wider than preambles)."""
    width, hits = max(Counter(counts).items(), key=lambda item: (item[1], item[0]))
    return width, hits


def sniff_delimiter(lines: Sequence[str]) -> tuple[str, Message]:
    """The delimiter among `, ; tab |` and why: the one that splits the data rows most evenly.

    The data rows are the lower three quarters of the records read (headers,
    titles and notes are at the top, so a header with trailing junk cannot
    outvote them). Score: rows splitting into more than one cell, the share
    of rows with the most common cell count, few cells that hold another
    candidate delimiter (a `;` file with decimal commas splits on `,` into
    cells that hold `;`), then the width. Bounded work: at most
    `SNIFF_LINES` lines of `SNIFF_LINE_CHARS` characters, read by the csv
    module's C reader (no regular expression that could backtrack).
    """
    sample = [line[:SNIFF_LINE_CHARS] for line in lines[:SNIFF_LINES] if line.strip()]
    if not sample:
        return ",", _m("delimiter-empty", QT_TRANSLATE_NOOP("importers", "no data to tell: comma"))
    scores: dict[str, tuple[bool, float, float, int]] = {}
    for delimiter in DELIMITERS:
        try:
            records = [r for r in csv.reader(sample, delimiter=delimiter) if r]
        except csv.Error:  # a quoted field longer than the csv module allows: not this delimiter's layout
            continue
        # Records, not lines: a quoted cell may hold line breaks, and cutting the sample
        # inside one would read the rest of the file as a single cell.
        rows = records[len(records) // 4 :] if len(records) >= 8 else records
        if not rows:
            continue
        width, hits = mode_of([len(r) for r in rows])
        others = DELIMITERS.replace(delimiter, "")
        cells = [cell for r in rows for cell in r]
        junk = sum(1 for cell in cells if any(o in cell for o in others)) / max(1, len(cells))
        scores[delimiter] = (width > 1, round(hits / len(rows), 2), -round(junk, 1), width)
    best = max(scores, key=lambda d: scores[d]) if scores else ","
    width = scores[best][3] if best in scores else 1
    share = scores[best][1] if best in scores else 0.0
    return best, _m(
        "delimiter-split",
        QT_TRANSLATE_NOOP("importers", "{share}% of the data rows split into {width} cells"),
        share=round(share * 100),
        width=width,
    )
