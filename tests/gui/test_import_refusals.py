"""Issue 12, "What to build" 6, in the import dialog: a file an importer refuses shows the reason and the dialog
is not left "reading" (the crashers that showed only "Cannot read the file" or stayed busy)."""

from __future__ import annotations

import pytest

from gui.data.importers.jsonfile import TOO_DEEP
from gui.ui.import_dialog import ImportDialog


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("deep.json", b"[" * 100_000 + b"]" * 100_000, str(TOO_DEEP)),
        ("long.csv", b'at,t\n2024-01-01 00:00,"' + b"x" * 131_073 + b'"\n', "Row 2 cannot be read"),
        ("annotations.csv", b"#datatype,string,long\n#group,false,false\n", "only annotation lines"),
    ],
    ids=["deeply nested JSON", "a cell over 131072 characters", "annotation lines only"],
)
def test_a_refused_file_shows_the_reason_and_the_dialog_is_not_left_reading(qtbot, pool, tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    dialog = ImportDialog(path, lambda rows: None, pool, source_zone="UTC")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.finishedReading, timeout=20_000) as read:
        dialog.show()
    assert read.args == [False]
    assert reason in dialog.summary_label.text() and "Cannot read the file" not in dialog.summary_label.text()
    assert not dialog.progress.isVisible() and not dialog.stop_button.isVisible()  # not "reading"
    assert not dialog.import_button.isEnabled()
