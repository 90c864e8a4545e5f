"""Simulating a device: the values, the schedule, and sending through the outbox (nothing lost on any fault)."""

from __future__ import annotations

import argparse
import itertools
import random
import threading
from datetime import UTC, datetime, timedelta

import pytest

from gui.cli_simulate import add_simulate_command, run_simulate, send_tick
from gui.data.outbox import clients as outbox_clients
from gui.data.simulator import Simulation, parse_interval, parse_stream, run_schedule
from gui.data.store import State, Store
from gui.onenet.readings import Datapoint
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID, Sandbox

DEVICE, KEY = DEFAULT_DEVICE_ID, DEFAULT_API_KEY


def values_of(text: str, ticks: int, **kwargs: object) -> list[object]:
    spec = parse_stream(text, rng=random.Random(7), **kwargs)  # type: ignore[arg-type]
    return [spec.generator.value(n) for n in range(ticks)]


# -- values ----------------------------------------------------------------------------------


def test_fixed_and_list_values() -> None:
    assert values_of("t=21.5", 3) == [21.5, 21.5, 21.5]
    assert values_of("t=fixed:on", 2) == ["on", "on"]
    assert values_of("mode=list:eco,boost,3", 5) == ["eco", "boost", 3, "eco", "boost"]


def test_a_random_walk_stays_within_its_bounds_and_moves_by_at_most_its_step() -> None:
    walk = values_of("t=walk:20..25/0.5", 2000)
    assert walk[0] == 22.5
    assert all(20 <= v <= 25 for v in walk)  # type: ignore[operator]
    assert all(abs(b - a) <= 0.5 + 0.01 for a, b in itertools.pairwise(walk))  # type: ignore[operator]
    assert len(set(walk)) > 100


def test_sine_and_ramp() -> None:
    assert values_of("t=sine:20..30/4s", 5, every_s=1.0) == [25.0, 30.0, 25.0, 20.0, 25.0]
    assert values_of("n=ramp:0..10/5", 5) == [0.0, 5.0, 10.0, 0.0, 5.0]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("temp", "STREAM=VALUES"),
        ("=1", "STREAM=VALUES"),
        ("t=walk:25..20", "low bound must be below"),
        ("t=walk:x", "needs bounds"),
        ("t=walk:1..2/0", "above 0"),
        ("t=list:", "list needs values"),
        ("t=noise:1..2", "not one of fixed, list, file, walk, sine, ramp"),
    ],
)
def test_bad_stream_specs_are_refused_with_the_reason(text: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        parse_stream(text)


def test_intervals() -> None:
    assert [parse_interval(t) for t in ("1s", "500ms", "2m", "1h", "1.5")] == [1.0, 0.5, 120.0, 3600.0, 1.5]
    for bad in ("0s", "-1s", "soon", "1d"):
        with pytest.raises(ValueError):
            parse_interval(bad)


def test_each_tick_has_one_point_per_stream_and_a_later_at_than_the_last() -> None:
    simulation = Simulation([parse_stream("a=1"), parse_stream("b=list:x,y")])
    now = datetime(2026, 12, 7, 10, 0, 0, 400_000, tzinfo=UTC)
    first = simulation.tick(now)
    second = simulation.tick(now + timedelta(milliseconds=300))  # the same second: moved to the next
    assert first == [("a", Datapoint(1, now.replace(microsecond=0))), ("b", Datapoint("x", now.replace(microsecond=0)))]
    assert [p.at for _, p in second] == [now.replace(microsecond=0) + timedelta(seconds=1)] * 2
    assert Simulation([parse_stream("a=1")], with_at=False).tick(now) == [("a", Datapoint(1))]
    with pytest.raises(ValueError, match="once"):
        Simulation([parse_stream("a=1"), parse_stream("a=2")])


def test_the_schedule_runs_count_ticks_or_until_stopped() -> None:
    ran: list[int] = []
    assert run_schedule(ran.append, every_s=0.001, count=5) == 5
    assert ran == [0, 1, 2, 3, 4]

    stop = threading.Event()

    def stop_at_three(n: int) -> None:
        if n == 2:
            stop.set()

    assert run_schedule(stop_at_three, every_s=0.001, count=None, stop=stop) == 3


def test_values_from_a_file_in_turn_wrapping_around(tmp_path) -> None:
    numbers = tmp_path / "temps.txt"
    numbers.write_bytes(b"\xef\xbb\xbf21.5\r\n\n  22 \n22.75\n")  # BOM, CRLF, a blank line, spaces
    assert values_of(f"temp=file:{numbers}", 7) == [21.5, 22, 22.75, 21.5, 22, 22.75, 21.5]
    words = tmp_path / "modes.txt"
    words.write_text("eco\n42\nboost\n", encoding="utf-8")  # text first: every line is text, 42 too
    assert values_of(f"mode=file:{words}", 3) == ["eco", "42", "boost"]
    objects = tmp_path / "pos.txt"
    objects.write_text('{"x": 1}\n{"x": 2, "y": [3]}\n', encoding="utf-8")
    assert values_of(f"pos=file:{objects}", 2) == [{"x": 1}, {"x": 2, "y": [3]}]


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"21.5\n22\n22,1\n23\n", "line 3: '22,1' is not a number, as the file's first value (line 1) is"),
        (b"\n20\n1e999\n", "line 3: '1e999' is not a number"),
        (b'{"x": 1}\n{"x": 2\n', "line 2: '{\"x\": 2' is not a JSON object"),
        (b"20\n21\n\xff\xfe\n", "line 3: not UTF-8 text"),
        (b"\n \n", "has no values (one value a line)"),
    ],
)
def test_a_value_in_a_file_that_cannot_be_read_is_refused_naming_its_line(tmp_path, content, why) -> None:
    path = tmp_path / "values.txt"
    path.write_bytes(content)
    with pytest.raises(ValueError, match=r"values\.txt") as refused:
        parse_stream(f"temp=file:{path}")
    assert why in str(refused.value)


def test_a_missing_file_is_refused(tmp_path) -> None:
    with pytest.raises(ValueError, match=r"cannot read .*absent.txt"):
        parse_stream(f"temp=file:{tmp_path / 'absent.txt'}")
    with pytest.raises(ValueError, match="file needs a path"):
        parse_stream("temp=file:")


# -- sending through the outbox ---------------------------------------------------------------


def simulate_args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_simulate_command(parser.add_subparsers())
    return parser.parse_args(["simulate", *argv])


def test_a_short_simulation_reaches_the_sandbox(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("ONENET_API_KEY", KEY)
    args = simulate_args(
        "--stream", "temp=walk:20..25", "--stream", "mode=list:eco,boost", "--every", "20ms", "--count", "6",
        "--no-at", "--seed", "1", "--endpoint", sandbox.url, "--device", DEVICE,
    )  # fmt: skip

    assert run_simulate(args) == 0

    temps = [p.value for p in sandbox.datapoints(DEVICE, "temp")]
    assert len(temps) == 6 and all(20 <= t <= 25 for t in temps)
    assert [p.value for p in sandbox.datapoints(DEVICE, "mode")] == ["eco", "boost"] * 3
    out, err = capsys.readouterr()
    assert "6 ticks" in out and "0 datapoints wait in the outbox" in out
    assert err.count("-> sent 2") == 6
    assert KEY not in out + err


def test_simulate_sends_a_files_values_in_turn(sandbox: Sandbox, tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("ONENET_API_KEY", KEY)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "values.txt").write_text("20.5\n21\n", encoding="utf-8")
    args = simulate_args(
        "--stream", "temp=file:values.txt", "--every", "20ms", "--count", "3", "--no-at",
        "--endpoint", sandbox.url, "--device", DEVICE,
    )  # fmt: skip
    assert run_simulate(args) == 0
    assert [p.value for p in sandbox.datapoints(DEVICE, "temp")] == [20.5, 21, 20.5]  # wraps around

    (tmp_path / "values.txt").write_text("20.5\nwarm\n", encoding="utf-8")
    assert run_simulate(args) == 2  # refused before the first tick: nothing sent
    assert "values.txt, line 2: 'warm' is not a number" in capsys.readouterr().err
    assert len(sandbox.datapoints(DEVICE, "temp")) == 3


def test_ticks_under_a_second_with_at_are_refused(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("ONENET_API_KEY", KEY)
    assert run_simulate(simulate_args("--stream", "t=1", "--every", "500ms", "--device", "1")) == 2
    assert "seconds precision" in capsys.readouterr().err
    monkeypatch.delenv("ONENET_API_KEY")
    assert run_simulate(simulate_args("--stream", "t=1", "--device", "1")) == 2
    assert "ONENET_API_KEY" in capsys.readouterr().err


@pytest.mark.parametrize("fault", ["fail_every", "throttle_every", "html_every", "drop_every", "offline"])
def test_every_fault_keeps_the_datapoints_in_the_outbox_until_they_are_sent(sandbox: Sandbox, fault: str) -> None:
    url, port = sandbox.url, sandbox.port
    if fault == "offline":
        sandbox.stop()
    else:
        setattr(sandbox, fault, 2)
    start = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)

    clients = outbox_clients(KEY, timeout=5)

    waiting = []
    for n in range(6):
        _, still, _ = send_tick([("t", Datapoint(n, start + timedelta(seconds=n)))], url, DEVICE, clients)
        waiting.append(still)
    assert max(waiting) > 0  # the fault held some back

    if fault == "offline":
        back = Sandbox({DEVICE: KEY}, port=port).start()  # the platform is reachable again
    else:
        back = sandbox
        setattr(sandbox, fault, 0)
    try:
        _, still, why = send_tick([("t", Datapoint(6, start + timedelta(seconds=6)))], url, DEVICE, clients)
    finally:
        back.stop()

    assert (still, why) == (0, "")
    assert [p.value for p in back.datapoints(DEVICE, "t")] == list(range(7))  # none lost, none twice
    with Store() as store:
        assert store.rows([State.UNSENT, State.UNKNOWN, State.IN_FLIGHT, State.FAILED]) == []


def test_ticks_that_wait_in_the_outbox_exit_1_not_the_outbox_databases_4(
    closed_port: int, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    # Exit status 4 means, for every command, that the outbox database cannot be used (README): a dead server is not.
    monkeypatch.setenv("ONENET_API_KEY", KEY)
    args = simulate_args(
        "--stream", "t=1", "--every", "20ms", "--count", "2", "--no-at",
        "--endpoint", f"http://127.0.0.1:{closed_port}", "--device", DEVICE,
    )  # fmt: skip
    assert run_simulate(args) == 1
    assert "2 datapoints wait in the outbox" in capsys.readouterr().out
