"""Every outbox row knows its target (issue 13 item 2): sent only there; a sandbox row never goes elsewhere."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from gui import cli_common, cli_outbox
from gui.app import build_parser
from gui.data.outbox import plan_outbox
from gui.data.secrets import SecretStore
from gui.data.store import MIGRATIONS, SCHEMA_VERSION, NewRow, State, Store, migrate
from gui.data.target import NO_TARGET, SANDBOX_ENDPOINT, Platform, Target
from gui.onenet.client import ConfigError
from gui.onenet.readings import Datapoint
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID, Sandbox

T0 = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)
OTHER_DEVICE = "5550001"
OTHER_KEY = "OTHER-KEY"


def rows(stream: str, count: int) -> list[NewRow]:
    return [NewRow(stream, Datapoint(i, T0 + timedelta(seconds=i))) for i in range(count)]


def test_target_is_checked_and_the_sandbox_is_a_target_of_its_own():
    assert Target.of("https://api.onenet.invalid/", " 42 ") == Target("https://api.onenet.invalid", "42")
    assert Target.of("https://api.onenet.invalid", "42").platform is Platform.DATAPOINTS
    assert Target.sandbox("42").is_sandbox and Target.sandbox("42").endpoint == SANDBOX_ENDPOINT
    assert Target.sandbox("42") != Target.of("http://127.0.0.1:8080", "42")
    assert not NO_TARGET.is_set
    with pytest.raises(ConfigError):
        Target.of("https://api.onenet.invalid", "")
    with pytest.raises(ConfigError):
        Target.of("api.onenet.invalid", "42")


def test_a_sandbox_row_is_never_planned_for_another_endpoint(tmp_path):
    with Store(tmp_path / "outbox.sqlite3") as store:
        store.add(rows("probe", 2), state=State.UNSENT, endpoint=SANDBOX_ENDPOINT, device_id=DEFAULT_DEVICE_ID)
        real = store.add(rows("temperature", 3), state=State.UNSENT, endpoint="http://127.0.0.1:9", device_id="42")
        plan = plan_outbox(store)
        assert plan.sandbox == 2
        assert [(r.endpoint, r.device_id, r.outbox_ids) for r in plan] == [("http://127.0.0.1:9", "42", tuple(real))]
        # Narrowed to the sandbox's device, still nothing of the sandbox's is planned.
        assert list(plan_outbox(store, device_id=DEFAULT_DEVICE_ID)) == []


def test_outbox_send_sends_each_row_to_its_own_target_and_leaves_the_sandbox_rows(
    dirs, capsys, sandbox, memory_keyring
):
    with Sandbox({OTHER_DEVICE: OTHER_KEY}) as other, Store(dirs / "data" / "outbox.sqlite3") as store:
        store.add(rows("probe", 2), state=State.UNSENT, endpoint=SANDBOX_ENDPOINT, device_id=DEFAULT_DEVICE_ID)
        store.add(rows("temperature", 3), state=State.UNSENT, endpoint=sandbox.url, device_id=DEFAULT_DEVICE_ID)
        store.add(rows("humidity", 4), state=State.UNSENT, endpoint=other.url, device_id=OTHER_DEVICE)
        secrets = SecretStore(memory_keyring)
        secrets.set(DEFAULT_DEVICE_ID, DEFAULT_API_KEY)
        secrets.set(OTHER_DEVICE, OTHER_KEY)  # each target's key from the keyring, as the window saved it
        args = build_parser().parse_args(["outbox", "send"])
        assert cli_outbox.run_outbox_send(args, SecretStore(memory_keyring)) == cli_common.EXIT_OK
        out = capsys.readouterr().out
        assert "2 datapoints made for the window's local sandbox were left alone" in out
        assert len(sandbox.datapoints(DEFAULT_DEVICE_ID, "temperature")) == 3
        assert len(other.datapoints(OTHER_DEVICE, "humidity")) == 4
        assert sandbox.datapoints(DEFAULT_DEVICE_ID, "humidity") == other.datapoints(OTHER_DEVICE, "temperature") == []
        for server in (sandbox, other):
            assert server.datapoints(DEFAULT_DEVICE_ID, "probe") == []
        assert {r.state for r in store.rows(endpoint=SANDBOX_ENDPOINT)} == {State.UNSENT}


def test_rows_are_moved_only_when_asked_and_sent_rows_keep_their_target(tmp_path):
    with Store(tmp_path / "outbox.sqlite3") as store:
        sandbox = Target.sandbox(DEFAULT_DEVICE_ID)
        ids = store.add(rows("probe", 3), endpoint=sandbox.endpoint, device_id=sandbox.device_id)
        assert {r.target for r in store.get(ids)} == {sandbox}
        store.set_state(ids[:1], State.SENT)
        real = Target.of("https://api.onenet.invalid", "42")
        assert store.retarget(ids, real) == 2
        assert [r.target for r in store.get(ids)] == [sandbox, real, real]
        with pytest.raises(ValueError):
            store.retarget(ids, NO_TARGET)


def test_v3_drafts_keep_no_target_until_given_the_connection_current_then(tmp_path):
    path = tmp_path / "outbox.sqlite3"
    v3 = sqlite3.connect(path, isolation_level=None)  # a database as schema v3 wrote it
    assert migrate(v3, MIGRATIONS[:3]) == 3
    for value, endpoint, device, state in (
        ("1", "", "", "draft"),  # typed in the window, never queued: no target recorded
        ("2", "https://api.onenet.invalid", "7", "unsent"),  # queued by `send`: its target is known
        ("3", "", "", "sent"),
    ):
        v3.execute(
            "INSERT INTO outbox (endpoint, device_id, stream_id, value, state, created_ms, updated_ms) "
            "VALUES (?, ?, 't', ?, ?, 0, 0)",
            (endpoint, device, value, state),
        )
    v3.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION == 5
        draft, queued, sent = store.get([1, 2, 3])
        assert draft.target == NO_TARGET and draft.platform is Platform.DATAPOINTS
        assert queued.target == Target("https://api.onenet.invalid", "7")
        current = Target.of("https://example.invalid", "8")
        assert store.adopt_untargeted(current) == [1]
        assert [r.target for r in store.get([1, 2, 3])] == [current, queued.target, sent.target]
