"""The editor's table model, checked by pytest-qt's model tester."""

import gc
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from gui.onenet.readings import Datapoint, ValueKind
from gui.ui.colours import css
from gui.ui.datapoints_model import DatapointsModel
from gui.ui.rows import Row, RowStatus


def test_model_passes_qtmodeltester(qtmodeltester):
    model = DatapointsModel()
    model.append("temperature", Datapoint(21.5, datetime(2026, 1, 1, tzinfo=UTC)))
    model.append("key", Datapoint({"x": 1}), ValueKind.JSON)
    qtmodeltester.check(model, force_py=True)


def test_kind_change_rereads_the_value():
    model = DatapointsModel()
    model.append("t", Datapoint(84))
    assert model.setData(model.index(0, model.KIND), "text")
    assert model.rows()[0].point.value == "84"
    assert model.setData(model.index(0, model.KIND), "number")
    assert model.rows()[0].point.value == 84


def test_readings_group_rows_and_map_back():
    model = DatapointsModel()
    model.append("a", Datapoint(1))
    model.append("b", Datapoint(2))
    model.append("a", Datapoint(3))
    readings, rows = model.readings()
    assert [s.id for s in readings.datastreams] == ["a", "b"]
    assert list(rows) == [0, 2, 1]
    model.set_status([0], RowStatus.SENT)
    assert model.unsent_rows() == [1, 2]


def test_edit_marks_a_sent_row_unsent():
    model = DatapointsModel()
    model.append("a", Datapoint(1))
    model.set_status([0], RowStatus.SENT)
    assert model.setData(model.index(0, model.VALUE), "2")
    assert model.rows()[0].status is RowStatus.UNSENT


def test_a_value_that_looks_like_a_mistyped_number_is_flagged_in_the_table():
    model = DatapointsModel()
    model.append("t", Datapoint(21.5))
    model.append("t", Datapoint("left the door open"))
    assert model.setData(model.index(1, model.VALUE), "150,2")  # edited in the table, kind Auto
    tip = model.index(1, model.VALUE).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Read as text — did you mean 150.2?")
    assert model.index(1, model.KIND).data(Qt.ItemDataRole.ForegroundRole).color().name() == css("warning")
    assert model.rows()[1].point.value == "150,2"  # never changed silently
    assert model.index(0, model.VALUE).data(Qt.ItemDataRole.ToolTipRole) is None  # a number: nothing to say
    assert model.setData(model.index(1, model.KIND), "text")  # the user says it is text: no more hint
    assert model.index(1, model.VALUE).data(Qt.ItemDataRole.ToolTipRole) is None


def test_rows_and_status_changes_leave_nothing_for_full_collections_but_the_datapoints():
    """A million rows must not be millions of objects the cyclic collector traverses (issue 11).

    `gc` is used here to check exactly that: what the collector tracks.
    """
    base = datetime(2026, 1, 1, tzinfo=UTC)
    points = [Datapoint(float(i), base + timedelta(seconds=i)) for i in range(2000)]
    model = DatapointsModel()
    model.extend([Row(f"s{i % 3}", point) for i, point in enumerate(points)])
    model.set_status(list(range(0, 2000, 2)), RowStatus.SENT)  # what a send does to every row
    model.show_status([], RowStatus.IN_FLIGHT)
    gc.collect()
    tracked = [row for row in model._rows if gc.is_tracked(row)]
    assert tracked == []
    snapshot = model.rows()  # the planner's snapshot reads the same datapoints, making none
    readings, _ = snapshot.readings(range(len(snapshot)))
    assert {id(p) for s in readings.datastreams for p in s.datapoints} == {id(p) for p in points}
    assert [snapshot[i].status for i in (0, 1)] == [RowStatus.SENT, RowStatus.UNSENT]
    assert snapshot[5] == Row("s2", points[5])
    assert snapshot[2:4] == [model.data(model.index(k, 0), DatapointsModel.RowRole) for k in (2, 3)]


def test_a_snapshot_stays_as_it_was_through_every_change_of_the_model():
    """`rows()` shares the model's lists until the model changes (no million-row copy per plan); then it copies."""
    model = DatapointsModel()
    model.extend([Row("a", Datapoint(1)), Row("b", Datapoint(2)), Row("a", Datapoint(3))])
    changes = [
        lambda: model.setData(model.index(0, model.VALUE), "9"),
        lambda: model.append("c", Datapoint(4)),
        lambda: model.set_status([1], RowStatus.SENT),
        lambda: model.remove_rows([0]),
        model.clear,
    ]
    for change in changes:
        before = model.rows()
        kept = list(before)
        assert before._packed is model._rows  # shared, not copied, until the model changes
        change()
        assert list(before) == kept
        assert model.rows() == list(model.rows()) and model.rowCount() == len(model.rows())
    assert model.rowCount() == 0
    model.append("d", Datapoint(5))
    snapshot = model.rows()
    model.set_status([0], RowStatus.SENT)  # what "sending…" does: only the status column is copied
    assert snapshot._points is model._points and snapshot._packed is model._rows
    assert snapshot._statuses is not model._statuses and snapshot._revisions is model._revisions
    assert snapshot[0].status is RowStatus.UNSENT and model.rows()[0].status is RowStatus.SENT


def test_a_sends_progress_recolours_exactly_its_rows_however_they_lie_in_the_table():
    """`show_states` finds each id (next row, a stride on, or by bisection), skips ids not in the table."""
    from gui.data.store import State

    model = DatapointsModel()
    model.extend([Row(f"s{i % 3}", Datapoint(i), id=10 + i) for i in range(30)])
    snapshot = model.rows()
    ids = [10 + i for i in (0, 3, 6, 9, 1, 2, 27, 28, 29)] + [999]  # a stream's rows, a run, the end, a stranger
    model.show_states(ids, [State.SENT] * 9 + [State.SENT], [1] * 10)
    rows = model.rows()
    changed = {i for i in range(30) if rows[i].status is RowStatus.SENT}
    assert changed == {0, 3, 6, 9, 1, 2, 27, 28, 29}
    assert {i for i in range(30) if rows[i].revision == 1} == changed
    assert all(row.status is RowStatus.UNSENT for row in snapshot)  # the snapshot the send planned from stays
    model.show_states([11, 14], [State.FAILED, State.UNKNOWN], [2, 3])
    assert [model.rows()[i].status for i in (1, 4)] == [RowStatus.FAILED, RowStatus.UNKNOWN]
    model.show_status([12, 15, 18, 500], RowStatus.IN_FLIGHT)
    assert [i for i in range(30) if model.rows()[i].status is RowStatus.IN_FLIGHT] == [2, 5, 8]


def test_a_snapshots_outbox_ids_skip_rows_without_one_in_every_step(monkeypatch):
    """`RowsView.ids` reads the ids a step of rows at a time: the same ids, in the order asked, as one pass would."""
    import gui.ui.rows as rows

    monkeypatch.setattr(rows, "_IDS_STEP", 2)
    model = DatapointsModel()
    model.extend([Row("a", Datapoint(i), id=None if i % 3 == 0 else 100 + i) for i in range(10)])
    snapshot = model.rows()
    assert list(snapshot.ids([8, 9, 0, 1, 2, 3, 4])) == [108, 101, 102, 104]
    assert list(snapshot.ids(range(10))) == [100 + i for i in range(10) if i % 3]


def test_rows_stored_and_packed_on_a_worker_show_as_rows_added_on_the_gui_thread(tmp_path):
    """The import dialog's worker stores and packs rows (`preparer`); `extend` then joins the columns: the same
    rows, statuses, ids, targets and lookups as rows the model stores itself."""
    from gui.data.store import Store
    from gui.data.target import Target
    from gui.ui.rows import RowsView

    base = datetime(2026, 1, 1, tzinfo=UTC)
    made = [Row(f"s{i % 3}", Datapoint(i, base + timedelta(seconds=i)), source=("h", i)) for i in range(50)]
    with Store(str(tmp_path / "a.sqlite3")) as store_a, Store(str(tmp_path / "b.sqlite3")) as store_b:
        target = Target("http://127.0.0.1:9", "4093215")
        by_gui, by_worker = DatapointsModel(store=store_a), DatapointsModel(store=store_b)
        by_gui.target = by_worker.target = target
        by_gui.extend(made)
        prepared = by_worker.preparer()(made)
        assert isinstance(prepared, RowsView) and len(prepared) == 50
        assert by_worker.extend(prepared) == 0
        assert list(by_worker.rows()) == list(by_gui.rows())
        assert all(r.status is RowStatus.UNSENT and r.id is not None and r.target == target for r in by_worker.rows())
        assert by_worker._position_map() == by_gui._position_map()  # outbox id -> row: both fresh stores give 1..50
        assert len(by_worker._position_map()) == 50
        by_worker.extend(by_worker.preparer()([Row("s0", Datapoint(99))]))
        assert by_worker.rowCount() == 51 and by_worker._position_map()[by_worker.rows()[50].id] == 50


def test_rows_packed_on_a_worker_bring_their_target_counted_there(tmp_path):
    """An import for a second target shows the Target column; the worker counted its rows' targets (one target,
    so one count), not the GUI thread row by row. Removing them takes the column away again."""
    from gui.data.store import Store
    from gui.data.target import Target
    from gui.ui.rows import _target_index

    with Store(str(tmp_path / "a.sqlite3")) as store:
        model = DatapointsModel(store=store)
        first, second = Target("http://127.0.0.1:9", "4093215"), Target("http://127.0.0.1:9", "777")
        model.target = first
        model.extend([Row("s", Datapoint(1)), Row("s", Datapoint(2))])
        assert model.columnCount() == 5
        model.target = second
        prepared = model.preparer()([Row("t", Datapoint(i)) for i in range(3)])
        assert prepared.target_counts() == {_target_index(second): 3}
        model.extend(prepared)
        assert model.columnCount() == 6 and model.several_targets()
        model.remove_rows([2, 3, 4])
        assert model.columnCount() == 5 and [r.target for r in model.rows()] == [first, first]


def test_an_at_edited_in_the_table_is_read_as_the_at_field_reads_it():
    """The table's at cell takes the forms the editor's at field takes (`gui.data.typed_at`), and refuses the same."""
    from gui.onenet.readings import PLATFORM_TZ

    model = DatapointsModel()
    model.append("t", Datapoint(1.0))
    assert model.setData(model.index(0, model.AT), "2026/12/7 8:30")
    assert model.rows()[0].point.at == datetime(2026, 12, 7, 8, 30, tzinfo=PLATFORM_TZ)
    assert model.setData(model.index(0, model.AT), "２０２６年１２月７日　９：３０")  # an input method's full width
    assert model.rows()[0].point.at == datetime(2026, 12, 7, 9, 30, tzinfo=PLATFORM_TZ)
    assert not model.setData(model.index(0, model.AT), "07/12/2026 8:30")  # 7 December or 12 July: refused
    assert model.rows()[0].point.at == datetime(2026, 12, 7, 9, 30, tzinfo=PLATFORM_TZ)
