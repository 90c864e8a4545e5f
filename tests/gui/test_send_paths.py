"""The window's Send, `send FILE` and `outbox send` make the same requests of the same rows (one planner)."""

import json
from datetime import UTC, datetime, timedelta

from gui import cli_common
from gui.app import main
from gui.data.outbox import RequestOptions
from gui.data.store import NewRow, State, Store
from gui.onenet.decoding import decode
from gui.onenet.readings import PLATFORM_TZ, Datapoint, format_at
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID
from gui.ui.rows import Row

from .test_main_window import send_and_wait, use_sandbox

T0 = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)
MAX_POINTS = 4


def interleaved() -> list[tuple[str, Datapoint]]:
    """Three streams typed in turns; "door" has three datapoints without `at` (one a request, or two are lost)."""
    temp = [("temp", Datapoint(20.5 + i, T0 + timedelta(seconds=i))) for i in range(7)]
    door = [("door", Datapoint(text)) for text in ("open", "shut", "open")]
    hum = [("hum", Datapoint(40.25 + i, T0 + timedelta(seconds=i))) for i in range(4)]
    order = [temp, door, hum]
    rows = []
    while any(order):
        for stream in order:
            if stream:
                rows.append(stream.pop(0))
    return rows


def type1_file(tmp_path, rows):
    """The rows as a OneNET type 1 body, what `send` imports (streams in the order of their first datapoint)."""
    streams: dict[str, list[dict]] = {}
    for stream, point in rows:
        entry = {"value": point.value}
        if point.at is not None:
            entry["at"] = format_at(point.at.astimezone(PLATFORM_TZ))
        streams.setdefault(stream, []).append(entry)
    body = {"datastreams": [{"id": s, "datapoints": points} for s, points in streams.items()]}
    path = tmp_path / "readings.json"
    path.write_text(json.dumps(body), encoding="utf-8")
    return path


def sent_bodies(store):
    upload = store.last_upload()
    assert upload and all(r.outcome is not None and r.outcome.value == "sent" for r in upload)
    return [(r.datapoints, r.body) for r in upload]


def test_the_three_send_paths_make_the_same_requests(qtbot, window, sandbox, tmp_path, monkeypatch, capsys):
    rows = interleaved()

    use_sandbox(window)
    window.add_rows([Row(stream, point) for stream, point in rows])
    window.send_panel.options_bar.set_options(RequestOptions(max_points=MAX_POINTS))
    assert send_and_wait(qtbot, window, confirm=True)  # warned: several datapoints of "door" without `at`
    from_window = sent_bodies(window.store)

    monkeypatch.setenv(cli_common.API_KEY_ENV, DEFAULT_API_KEY)
    args = ["send", str(type1_file(tmp_path, rows)), "--device", DEFAULT_DEVICE_ID, "--endpoint", sandbox.url]
    assert main([*args, "--max-points", str(MAX_POINTS), "--send-anyway"]) == cli_common.EXIT_OK, capsys.readouterr()
    with Store() as store:  # the user's outbox, where `send` and `outbox send` keep theirs
        from_send = sent_bodies(store)
        store.add(
            [NewRow(stream, point) for stream, point in rows],
            state=State.UNSENT,
            endpoint=sandbox.url,
            device_id=DEFAULT_DEVICE_ID,
            in_editor=False,
        )
    assert main(["outbox", "send", "--batch", str(MAX_POINTS)]) == cli_common.EXIT_OK, capsys.readouterr()
    with Store() as store:
        from_outbox_send = sent_bodies(store)

    assert from_window == from_send == from_outbox_send
    # temp 4 | temp 3 + door 1 | door 1 | door 1 + hum 3 | hum 1: no `at`, one of a stream a request
    assert [count for count, _ in from_window] == [4, 4, 1, 4, 1]
    doors = [len(s.datapoints) for _, body in from_outbox_send for s in decode(body).datastreams if s.id == "door"]
    assert doors == [1, 1, 1]
