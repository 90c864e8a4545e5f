"""The import dialog driven through its widgets: every fixture file with the README's answers, overrides,
problems and rejected rows, the window's menu, shortcut, toolbar and drops, and import -> send to the sandbox."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog

from gui.data.importers import CellStatus, DateOrder, Role
from gui.onenet.readings import ValueKind, format_at
from gui.sandbox import DEFAULT_DEVICE_ID
from gui.ui.colours import css
from gui.ui.import_dialog import PreviewModel

from .import_dialogs import import_points, reread

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CASE_FILES = sorted(p.name for p in FIXTURES.iterdir() if p.suffix in (".csv", ".json", ".txt"))


def preview_texts(dialog) -> list[list[str]]:
    model = dialog.preview_model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def column_names(dialog) -> list[str]:
    table = dialog.columns_table
    return [table.item(r, dialog.COL_NAME).text() for r in range(table.rowCount())]


# --- every fixture file ---------------------------------------------------------------------


def test_all_case_files_are_covered():
    assert CASE_FILES == [
        "cut_inside_quote.csv",
        "decimal_de_thousands.csv",
        "decimal_en_thousands.csv",
        "decimal_mixed_locale_de.csv",
        "decimal_unsure_quoted_comma.csv",
        "decimal_unsure_semicolon_comma.csv",
        "decimal_unsure_semicolon_dot.csv",
        "distro_info_debian.csv",
        "distro_info_ubuntu.csv",
        "doc_example_type3.json",
        "doc_example_type4.json",
        "doc_example_type5.txt",
        "fresh7_values.csv",
        "fresh8_number_like.csv",
        "fresh8_tiny_huge.csv",
        "header_zone_beijing.csv",
        "header_zone_etc_gmt_minus8.csv",
        "header_zone_etc_gmt_plus5.csv",
        "json_repeated_key.csv",
        "kind_numbers_then_text.csv",
        "kind_text_then_numbers.csv",
        "lab_readings_gbk.csv",
        "lab_readings_long.csv",
        "lab_readings_wide.csv",
        "long_numbers_na_err.csv",
        "numbers_full_width.csv",
        "numbers_with_logger_over.csv",
        "numbers_with_nan_inf.csv",
        "numbers_with_units.csv",
        "r_export_samples.csv",
        "r_ggplot2_presidential.csv",
        "seed_example_type1.json",
        "uci_air_quality_head_junk_column.csv",
    ]


def test_wide_case(qtbot, open_import_dialog):
    dialog, rows = open_import_dialog(FIXTURES / "lab_readings_wide.csv")
    assert dialog.import_button.text() == "&Import 18 datapoints" and dialog.import_button.isEnabled()
    assert "temperature (5), humidity (5), ph (4), note (4)" in dialog.summary_label.text()
    assert preview_texts(dialog)[0] == ["2026-11-02T08:30:00", "21.4", "45.1", "7.02", "start of shift"]
    assert preview_texts(dialog)[3][3] == "—"  # the empty ph cell: missing, skipped
    got = import_points(qtbot, dialog, rows)
    assert {k: len(v) for k, v in got.items()} == {"temperature": 5, "humidity": 5, "ph": 4, "note": 4}
    assert [v for _, v in got["ph"]] == [7.02, 7.05, 7.01, 6.98]
    assert got["temperature"][0] == ("2026-11-02T08:30:00", 21.4)
    assert all(isinstance(v, str) and v for _, v in got["note"])


def test_wide_case_in_berlin_by_changing_the_zone(qtbot, open_import_dialog):
    dialog, rows = open_import_dialog(FIXTURES / "lab_readings_wide.csv")
    reread(qtbot, dialog, lambda: dialog.zone_combo.setCurrentText("Europe/Berlin"))
    assert preview_texts(dialog)[0][0] == "2026-11-02T15:30:00"
    assert import_points(qtbot, dialog, rows)["temperature"][0][0] == "2026-11-02T15:30:00"


def test_times_without_a_zone_are_read_in_the_computers_zone_and_said_beside_the_zone_choice(qtbot, open_import_dialog):
    dialog, rows = open_import_dialog(FIXTURES / "lab_readings_wide.csv", zone="Asia/Shanghai")
    note = dialog.zone_note
    assert note.isVisibleTo(dialog) and note.parentWidget().isAncestorOf(dialog.zone_combo)  # in its group
    assert "does not say which time zone" in note.text() and "Asia/Shanghai" in note.text()
    assert "(not stated in the file" in dialog.detected_label.text()
    assert dialog.import_button.isEnabled()  # a confirmation, not a question: importing confirms the zone
    reread(qtbot, dialog, lambda: dialog.zone_combo.setCurrentText("Europe/Berlin"))
    assert not note.isVisibleTo(dialog)  # chosen: nothing left to confirm
    assert "(chosen)" in dialog.detected_label.text()
    assert import_points(qtbot, dialog, rows)["temperature"][0][0] == "2026-11-02T15:30:00"


def test_times_that_give_their_zone_need_no_confirmation(qtbot, open_import_dialog, tmp_path):
    path = tmp_path / "offsets.csv"
    path.write_text("time,temp\n2026-11-02T08:30:00+01:00,21.4\n2026-11-02T09:30:00+01:00,21.5\n")
    dialog, rows = open_import_dialog(path)
    assert not dialog.zone_note.isVisibleTo(dialog)
    assert "the zone each time gives" in dialog.detected_label.text()
    assert import_points(qtbot, dialog, rows)["temp"][0][0] == "2026-11-02T15:30:00"


def test_wide_case_without_the_note_column(qtbot, open_import_dialog):
    dialog, rows = open_import_dialog(FIXTURES / "lab_readings_wide.csv")
    reread(qtbot, dialog, lambda: dialog.include_checkbox(4).setChecked(False))
    assert dialog.import_button.text() == "&Import 14 datapoints"
    assert dialog.preview_model.index(0, 4).data(Qt.ItemDataRole.ForegroundRole).color().name() == css("muted")
    assert set(import_points(qtbot, dialog, rows)) == {"temperature", "humidity", "ph"}


def test_long_case(qtbot, open_import_dialog):
    dialog, rows = open_import_dialog(FIXTURES / "lab_readings_long.csv")
    assert dialog.layout_combo.itemText(0) == "Automatic: long (stream, time, value)"
    got = import_points(qtbot, dialog, rows)
    assert sum(len(v) for v in got.values()) == 5
    assert got["temperature"] == [("2026-11-03T09:00:00", 20.9), ("2026-11-03T09:15:00", 21.3)]
    assert got["pressure"] == [("2026-11-03T09:00:00", 1013.2)]
    assert got["status"] == [("2026-11-03T09:00:00", "OK")]
    assert got["vector"] == [("2026-11-03T09:00:00", {"x": 1.5, "y": -0.25})]


def test_gbk_case(qtbot, open_import_dialog):
    dialog, rows = open_import_dialog(FIXTURES / "lab_readings_gbk.csv")
    assert dialog.encoding_combo.itemText(0) == "Automatic: GBK/GB18030"
    assert column_names(dialog) == ["时间", "温度(℃)", "湿度(%)", "备注"]
    ids = [dialog.columns_table.item(r, dialog.COL_ID).text() for r in range(4)]
    assert ids == ["", "温度", "湿度", "备注"]
    note = dialog.columns_table.item(1, dialog.COL_NOTE).text()
    assert "id shortened" in note and "(℃)" in note
    assert dialog.preview_model.rowCount() == 3
    assert preview_texts(dialog)[1][:2] == ["2026-11-04T13:00:00", "20.25"]
    got = import_points(qtbot, dialog, rows)
    assert got["温度"] == [("2026-11-04T09:00:00", 18.5), ("2026-11-04T13:00:00", 20.25), ("2026-11-04T17:00:00", 19.0)]


def test_gbk_case_stream_id_is_editable_and_unsafe_ids_are_flagged(qtbot, open_import_dialog):
    dialog, rows = open_import_dialog(FIXTURES / "lab_readings_gbk.csv")
    reread(qtbot, dialog, lambda: dialog.set_stream_id(1, "温度(℃)"))
    item = dialog.columns_table.item(1, dialog.COL_ID)
    assert item.text() == "温度(℃)" and "suggested: 温度" in item.toolTip()
    assert "may reject" in dialog.columns_table.item(1, dialog.COL_NOTE).text()
    reread(qtbot, dialog, lambda: dialog.set_stream_id(1, "temperature"))
    assert "temperature" in import_points(qtbot, dialog, rows)


def test_type3_body(qtbot, open_import_dialog):
    dialog, rows = open_import_dialog(FIXTURES / "doc_example_type3.json")
    assert "type 3 body" in dialog.detected_label.text()
    assert import_points(qtbot, dialog, rows) == {"temperature": [(None, 22.5)], "humidity": [(None, "95.2%")]}


def test_type4_body(qtbot, open_import_dialog):
    dialog, rows = open_import_dialog(FIXTURES / "doc_example_type4.json")
    assert import_points(qtbot, dialog, rows) == {"temperature": [("2015-03-22T22:31:12", 22.5)]}


def test_type5_text(qtbot, open_import_dialog):
    dialog, rows = open_import_dialog(FIXTURES / "doc_example_type5.txt")
    assert import_points(qtbot, dialog, rows) == {
        "temperature": [("2015-03-22T22:31:12", 22.5)],
        "1": [(None, 102)],
        "pm2.5": [(None, 89)],
        "3": [(None, 10)],
    }


def test_seed_body(qtbot, open_import_dialog):
    dialog, rows = open_import_dialog(FIXTURES / "seed_example_type1.json")
    got = import_points(qtbot, dialog, rows)
    assert got == {
        "temperature": [("2013-04-22T00:35:43", "bacd"), ("2013-04-22T00:55:43", 84)],
        "key": [("2013-04-22T00:35:43", {"x": 123, "y": 123.994}), ("2013-04-22T00:35:43", 23.001)],
    }
    assert type(got["temperature"][1][1]) is int


# --- the preview model ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["lab_readings_wide.csv", "lab_readings_gbk.csv", "lab_readings_long.csv"])
def test_preview_model_passes_the_model_tester(qtmodeltester, open_import_dialog, name):
    dialog, _ = open_import_dialog(FIXTURES / name)
    qtmodeltester.check(dialog.preview_model)


def test_empty_preview_model_passes_the_model_tester(qtmodeltester):
    qtmodeltester.check(PreviewModel())


# --- problems, questions, failures -------------------------------------------------------------


@pytest.fixture
def bad_rows(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "time,co,note\n2026-11-02 08:30,1.5,a\n2026-11-02 09:30,offline,b\nyesterday,2,c\n2026-11-02 11:30,3,d\n"
    )
    return path


def test_problems_are_listed_by_row_and_column(qtbot, open_import_dialog, bad_rows):
    dialog, rows = open_import_dialog(bad_rows)
    texts = [dialog.problems_list.item(i).text() for i in range(dialog.problems_list.count())]
    assert texts[0].startswith("Row 3, co “offline”: 'offline' is not a number") and texts[0].endswith(
        "(the whole row is not imported)"
    )
    assert texts[1].startswith("Row 4, time “yesterday”")
    assert dialog.problems_box.title() == "Problems: 2 rows not imported, 0 warnings"
    model = dialog.preview_model
    assert model.index(1, 1).data(Qt.ItemDataRole.ForegroundRole).color().name() == css("error")
    assert "is not a number" in model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert dialog.import_result.preview[1].cells[1].status is CellStatus.ERROR
    assert dialog.save_rejected_button.isEnabled()
    assert import_points(qtbot, dialog, rows) == {
        "co": [("2026-11-02T08:30:00", 1.5), ("2026-11-02T11:30:00", 3)],
        "note": [("2026-11-02T08:30:00", "a"), ("2026-11-02T11:30:00", "d")],
    }


def test_missing_markers_turn_problems_into_skipped_cells(qtbot, open_import_dialog, bad_rows):
    dialog, _ = open_import_dialog(bad_rows)
    dialog.markers_edit.setText("offline, -200")
    reread(qtbot, dialog, dialog.markers_edit.editingFinished.emit)
    assert dialog.import_result.rows_rejected == 1 and dialog.problems_list.count() == 1


def test_rejected_rows_are_saved(qtbot, open_import_dialog, bad_rows, tmp_path):
    dialog, _ = open_import_dialog(bad_rows)
    out = tmp_path / "rejected.csv"
    with qtbot.waitSignal(dialog.rejectedSaved, timeout=10_000) as blocker:
        dialog.save_rejected(str(out))
    assert blocker.args == [2, str(out)]
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert [r[0] for r in rows] == ["row", "3", "4"]
    assert "2 rejected rows written" in dialog.summary_label.text()


def test_the_day_month_question_is_asked_and_answered(qtbot, open_import_dialog, tmp_path):
    path = tmp_path / "dates.csv"
    path.write_text("date,v\n04/11/2026 09:00,1\n05/11/2026 09:00,2\n")
    dialog, rows = open_import_dialog(path)
    assert dialog.order_note.isVisible() and "04/11/2026 09:00" in dialog.order_note.text()
    assert not dialog.import_button.isEnabled()
    reread(qtbot, dialog, lambda: dialog.order_combo.setCurrentIndex(dialog.order_combo.findData(DateOrder.DMY)))
    assert not dialog.order_note.isVisible() and dialog.import_button.isEnabled()
    assert import_points(qtbot, dialog, rows)["v"][0][0] == "2026-11-04T09:00:00"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty"),
        (b"time,temperature\n", "header row but no data rows"),
        (b"\0\1\2\3binary" * 100, "binary file"),
        (b"a,b,c," * 200_000, "first line is longer than 1 MiB"),
    ],
)
def test_a_bad_file_shows_a_message_not_a_crash(qtbot, open_import_dialog, tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    dialog, _ = open_import_dialog(path)
    assert message in dialog.summary_label.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.preview_model.rowCount() == 0


def test_the_role_of_a_column_can_be_changed(qtbot, open_import_dialog):
    dialog, _ = open_import_dialog(FIXTURES / "lab_readings_wide.csv")
    combo = dialog.columns_table.cellWidget(4, dialog.COL_ROLE)
    assert isinstance(combo, QComboBox)
    reread(qtbot, dialog, lambda: combo.setCurrentIndex(combo.findData(Role.SKIP)))
    assert dialog.import_result.detected.columns[4].role is Role.SKIP


def test_stop_drops_the_read_in_progress(qtbot, open_import_dialog, pool):
    dialog, _ = open_import_dialog(FIXTURES / "lab_readings_wide.csv")
    before = dialog.import_result
    dialog.zone_combo.setCurrentText("Europe/Berlin")
    dialog.read()
    dialog.stop()
    assert "Stopped" in dialog.summary_label.text()
    pool.waitForDone(10_000)
    QApplication.processEvents()
    assert dialog.import_result is before  # the cancelled read's result never arrives


# --- the window -----------------------------------------------------------------------------


def test_file_menu_shortcut_and_toolbar_open_the_dialog(qtbot, window, monkeypatch):
    action = window.importer.import_action
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions() and file_menu.actions().index(action) < file_menu.actions().index(
        window.quit_action
    )
    assert action.shortcut().toString() == "Ctrl+O"
    assert action in window.importer.toolbar.actions()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(FIXTURES / "lab_readings_wide.csv"), ""))
    with qtbot.waitSignal(window.importer.dialogOpened, timeout=5000) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    dialog = blocker.args[0]
    qtbot.waitSignal(dialog.finishedReading, timeout=10_000).wait()
    assert dialog.path.name == "lab_readings_wide.csv"
    assert window.settings.import_dir == str(FIXTURES)
    dialog.close()


def test_dropping_a_file_on_the_window_opens_the_dialog(qtbot, window):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(FIXTURES / "lab_readings_gbk.csv"))])
    point = QPointF(window.width() / 2, window.height() / 2)
    # QDragEnterEvent takes a QPoint, QDropEvent a QPointF.
    enter = QDragEnterEvent(
        point.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.importer.dialogOpened, timeout=5000) as blocker:
        QApplication.sendEvent(window, drop)
    dialog = blocker.args[0]
    qtbot.waitSignal(dialog.finishedReading, timeout=10_000).wait()
    assert dialog.path.name == "lab_readings_gbk.csv"
    dialog.close()


def test_import_then_send_to_the_sandbox(qtbot, window, sandbox):
    window.connection.sandbox_check.setChecked(True)
    dialog = window.importer.open(str(FIXTURES / "lab_readings_wide.csv"))
    qtbot.waitSignal(dialog.finishedReading, timeout=10_000).wait()
    reread(qtbot, dialog, lambda: dialog.zone_combo.setCurrentText("Asia/Shanghai"))
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.model.rowCount() == 18
    # Stored in the outbox on the dialog's worker, before the table showed them: a crash loses nothing.
    assert [r.id for r in window.model.rows()] == [r.id for r in window.model.store.editor_rows()]
    assert all(r.id is not None for r in window.model.rows())
    window.send_controller.refresh_preview()
    body = json.loads(window.send_panel.preview.request_text.toPlainText().split("\n\n", 1)[1])
    ph = next(s for s in body["datastreams"] if s["id"] == "ph")
    assert [p["value"] for p in ph["datapoints"]] == [7.02, 7.05, 7.01, 6.98]
    with qtbot.waitSignal(window.sendFinished, timeout=10_000) as blocker:
        qtbot.mouseClick(window.send_panel.send_button, Qt.MouseButton.LeftButton)
        if window.send_panel.confirm_bar.isVisible():
            qtbot.mouseClick(window.send_panel.send_anyway_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [True]
    stored = sandbox.datapoints(DEFAULT_DEVICE_ID, "ph")
    assert [p.value for p in stored] == [7.02, 7.05, 7.01, 6.98]
    assert format_at(stored[0].at) == "2026-11-02T08:30:00"
    assert len(sandbox.datapoints(DEFAULT_DEVICE_ID, "note")) == 4


def test_xlsx_sheets_can_be_chosen(qtbot, open_import_dialog, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "Morning"
    book.active.append(["time", "temperature"])
    book.active.append([datetime(2026, 11, 2, 8, 30), 21.4])
    evening = book.create_sheet("Evening")
    evening.append(["time", "humidity"])
    evening.append([datetime(2026, 11, 2, 20, 30), 44])
    path = tmp_path / "shift.xlsx"
    book.save(path)
    dialog, rows = open_import_dialog(path)
    assert dialog.sheet_combo.isVisibleTo(dialog) and not dialog.delimiter_combo.isEnabled()
    assert [dialog.sheet_combo.itemText(i) for i in range(dialog.sheet_combo.count())][1:] == ["Morning", "Evening"]
    assert preview_texts(dialog) == [["2026-11-02T08:30:00", "21.4"]]
    reread(qtbot, dialog, lambda: dialog.sheet_combo.setCurrentText("Evening"))
    assert import_points(qtbot, dialog, rows) == {"humidity": [("2026-11-02T20:30:00", 44)]}


def test_an_unknown_zone_is_said_and_blocks_the_import(qtbot, open_import_dialog):
    dialog, _ = open_import_dialog(FIXTURES / "lab_readings_wide.csv")
    dialog.zone_combo.setCurrentText("Mars/Olympus")
    assert "is not a time zone" in dialog.summary_label.text()
    assert not dialog.import_button.isEnabled()
    reread(qtbot, dialog, lambda: dialog.zone_combo.setCurrentText("UTC+1"))
    assert preview_texts(dialog)[0][0] == "2026-11-02T15:30:00" and dialog.import_button.isEnabled()


# --- issue 10: decisions said and changeable, refusals with their way out -------------------------


def test_no_time_column_is_refused_and_stamping_now_is_an_explicit_choice(qtbot, open_import_dialog, tmp_path):
    path = tmp_path / "no_time.csv"
    path.write_text("Date,temp\nJan 1st of 2000,21.5\nJan 2nd of 2000,21.7\n")
    dialog, rows = open_import_dialog(path)
    assert dialog.import_result.needs_time and not dialog.import_button.isEnabled()
    assert dialog.time_box.isVisible() and "No column was understood as a time" in dialog.time_note.text()
    reread(qtbot, dialog, lambda: qtbot.mouseClick(dialog.stamp_now_button, Qt.MouseButton.LeftButton))
    assert not dialog.time_box.isVisible() and dialog.import_button.isEnabled()
    assert [v for _, v in import_points(qtbot, dialog, rows)["temp"]] == [21.5, 21.7]


def test_a_typed_time_format_reads_the_column_and_lists_cells_that_do_not_match(qtbot, open_import_dialog, tmp_path):
    path = tmp_path / "pattern.csv"
    path.write_text("when,v\n2024/14/05-0830,1\n2024-15-05,2\n2024/16/05-1030,3\n")
    dialog, rows = open_import_dialog(path)
    assert dialog.import_result.needs_time

    def type_format() -> None:
        dialog.time_format_edit.setText("%Y/%d/%m-%H%M")
        dialog.time_format_edit.editingFinished.emit()

    reread(qtbot, dialog, type_format)
    texts = [dialog.problems_list.item(i).text() for i in range(dialog.problems_list.count())]
    assert texts[0].startswith("Row 3, when “2024-15-05”: '2024-15-05' does not match the time format %Y/%d/%m-%H%M")
    assert import_points(qtbot, dialog, rows) == {"v": [("2024-05-14T08:30:00", 1), ("2024-05-16T10:30:00", 3)]}


def test_the_zone_a_header_states_is_used_and_said_and_the_zone_box_does_not_apply(qtbot, open_import_dialog, tmp_path):
    path = tmp_path / "hobo.csv"
    path.write_text('"#","Date Time, GMT+00:00","Temp, °C"\n1,2019-05-30 12:00:00,11.2\n2,2019-05-30 12:10:00,11.3\n')
    dialog, _ = open_import_dialog(path, zone="Asia/Shanghai")
    assert "(from the header 'Date Time, GMT+00:00')" in dialog.detected_label.text()
    assert dialog.import_result.detected.columns[0].role is Role.SKIP  # "#": a row index, with the reason
    note = dialog.columns_table.item(0, dialog.COL_NOTE).text()
    assert "not imported: a row index" in note
    assert preview_texts(dialog)[0][1] == "2019-05-30T20:00:00"
    # the box does not offer itself for the column (it shows the computer's zone), and its note says why
    assert not dialog.zone_combo.isEnabled()
    note = dialog.zone_note
    assert note.isVisibleTo(dialog) and "“Date Time, GMT+00:00” states the zone, GMT+00:00" in note.text()
    assert "applies only to times without a zone" in note.text()
    # a zone in the box (remembered, or set before the read) changes no time and is not called "chosen"
    reread(qtbot, dialog, lambda: dialog.zone_combo.setCurrentText("Europe/Berlin"))
    assert preview_texts(dialog)[0][1] == "2019-05-30T20:00:00"  # 12:00 UTC, never 12:00 in Berlin
    assert "(chosen)" not in dialog.detected_label.text()
    assert "(from the header 'Date Time, GMT+00:00')" in dialog.detected_label.text()


@pytest.mark.parametrize(
    ("name", "says", "at"),
    [
        ("header_zone_etc_gmt_plus5.csv", "UTC-05:00", "2026-07-16T02:00:00"),  # IANA Etc/GMT+5 is UTC-5
        ("header_zone_etc_gmt_minus8.csv", "UTC+08:00", "2026-07-15T13:00:00"),
        ("header_zone_beijing.csv", "Asia/Shanghai", "2026-07-15T13:00:00"),  # 时间(北京时间)
    ],
)
def test_a_header_zone_is_read_with_its_true_offset_and_the_zone_box_gives_way(
    qtbot, open_import_dialog, name, says, at
):
    dialog, rows = open_import_dialog(FIXTURES / name, zone="Europe/Berlin")
    assert f"zone {says} (from the header" in dialog.detected_label.text()
    assert not dialog.zone_combo.isEnabled()  # the file states the zone: the box does not apply
    assert import_points(qtbot, dialog, rows) == {"v": [(at, 1)]}


@pytest.mark.parametrize(
    ("name", "numbers", "rejected"),
    [
        ("numbers_with_logger_over.csv", [25.5, 26.5, 27.5, 28.5, 29.5], 5),
        ("numbers_with_units.csv", [24.5], 2),
        ("numbers_with_nan_inf.csv", [23.5], 1),
    ],
)
def test_texts_among_numbers_are_rejected_until_the_column_is_read_as_text(
    qtbot, open_import_dialog, name, numbers, rejected
):
    dialog, rows = open_import_dialog(FIXTURES / name)
    combo = dialog.columns_table.cellWidget(1, dialog.COL_KIND)
    assert isinstance(combo, QComboBox) and combo.currentText() == "Automatic: number"
    assert dialog.import_result.rows_rejected == dialog.problems_list.count() == rejected
    assert "numbers, with texts among them" in dialog.detected_label.text()
    if name == "numbers_with_logger_over.csv":  # the user says the column is text: every cell is sent as text
        reread(qtbot, dialog, lambda: combo.setCurrentIndex(combo.findData(ValueKind.TEXT)))
        assert dialog.import_result.rows_rejected == 0
        assert [v for _, v in import_points(qtbot, dialog, rows)["temp"]] == ["OVER"] * 5 + [str(n) for n in numbers]
    else:
        assert [v for _, v in import_points(qtbot, dialog, rows)["temp"]] == numbers


def test_the_header_row_can_be_chosen(qtbot, open_import_dialog, tmp_path):
    path = tmp_path / "ids.csv"
    path.write_text("p1;p2;p3\nDatum;Wert;Menge\n2024-05-14 08:00;1;2\n")
    dialog, _ = open_import_dialog(path)
    reread(qtbot, dialog, lambda: dialog.header_row_spin.setValue(2))
    assert column_names(dialog) == ["Datum", "Wert", "Menge"]
    assert dialog.import_result.detected.header_line == 2
