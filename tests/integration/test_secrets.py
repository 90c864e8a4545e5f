"""A full headless session with a recognisable api-key: afterwards the key is in no file and no output.

The session writes where a real one would (platformdirs under a fresh HOME: data,
config, state/logs, cache), with debug logging on (bodies logged too), retries,
an answer cut off, an auth failure and the `outbox send` command in a child process.
Then every file under HOME and every captured output is searched for the key.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from gui.data import paths
from gui.data.logs import close_logging, setup_logging
from gui.data.pipeline import RetryPolicy, send_outbox
from gui.data.secrets import SecretStore
from gui.data.store import NewRow, State, Store
from gui.onenet.client import OneNetClient
from gui.onenet.readings import Datapoint
from gui.onenet.request_text import describe_request
from gui.sandbox import Sandbox

CANARY = "CANARY-APIKEY-3f9d2c7b1e8a4d60"
DEVICE = "4093215"
T0 = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)


def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, dict[str, str]]:
    """A fresh HOME with the XDG (and Windows) directories inside it; the env for child processes."""
    home = tmp_path / "home"
    variables = {
        "HOME": home,
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_STATE_HOME": home / ".local" / "state",
        "XDG_CACHE_HOME": home / ".cache",
        "APPDATA": home / "AppData" / "Roaming",
        "LOCALAPPDATA": home / "AppData" / "Local",
    }
    for name, value in variables.items():
        value.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(value))
    for name in (paths.DATA_DIR_ENV, paths.LOG_DIR_ENV, "ONENET_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    return home, dict(os.environ)


def readings(count: int, start: datetime) -> list[NewRow]:
    return [NewRow("temperature", Datapoint(20 + i, start + timedelta(seconds=i))) for i in range(count)]


def test_a_full_session_leaves_the_api_key_nowhere(tmp_path, monkeypatch, memory_keyring, capfd, caplog):
    home, env = isolated_home(tmp_path, monkeypatch)
    caplog.set_level(logging.DEBUG)
    sandbox_lines: list[str] = []
    outputs: list[str] = []
    with Sandbox({DEVICE: CANARY}, log=sandbox_lines.append) as sandbox:
        # The window's part: the key typed once, saved to the keyring, rows entered, Send.
        secrets = SecretStore(memory_keyring)
        secrets.set(DEVICE, CANARY)
        log_file = setup_logging(debug=True)
        with Store() as store:
            ids = store.add(readings(30, T0))
            store.queue(ids, sandbox.url, DEVICE)
            sandbox.fail_every = 3
            sandbox.drop_every = 4

            def client(endpoint: str, device_id: str) -> OneNetClient:
                key = secrets.get(device_id)
                assert key is not None
                return OneNetClient(endpoint, device_id, key)

            _, result = send_outbox(store, client, max_points=10, policy=RetryPolicy(backoff_s=0.01))
            assert result.ok
            preview = client(sandbox.url, DEVICE)
            outputs.append(describe_request(preview.prepare_upload(result.results[0].planned.body)))
            preview.session.close()
            # An auth failure too (the key sent for a device it does not belong to), and a stray
            # log line quoting the key.
            wrong = store.add(
                readings(5, T0 + timedelta(hours=1)), state=State.UNSENT, endpoint=sandbox.url, device_id="other"
            )
            sandbox.add_device("other", "ANOTHER-KEY-0000000")
            send_outbox(store, lambda e, d: OneNetClient(e, d, CANARY), device_id="other")
            assert store.get(wrong)[0].last_error.startswith("errno 3")
            logging.getLogger("gui.test").error("a careless line: api-key=%s", CANARY)
            # The command line's part, in a child process: key from the environment, debug log.
            store.add(readings(10, T0 + timedelta(hours=2)), state=State.UNSENT, endpoint=sandbox.url, device_id=DEVICE)
        close_logging()
        child = subprocess.run(
            [sys.executable, "-m", "gui", "outbox", "send", "--debug", "--batch", "4", "--device", DEVICE],
            env={**env, "ONENET_API_KEY": CANARY},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert child.returncode == 0, child.stdout + child.stderr
        listing = subprocess.run(
            [sys.executable, "-m", "gui", "outbox", "--state", "sent", "--limit", "0"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        outputs += [child.stdout, child.stderr, listing.stdout, listing.stderr]
    captured = capfd.readouterr()
    outputs += [captured.out, captured.err, caplog.text, *sandbox_lines]

    # The search looked where the session wrote: the database and the log are there, with content.
    data_dir = paths.data_dir()
    assert home in data_dir.parents and (data_dir / "outbox.sqlite3").exists()
    assert home in log_file.parents
    log_text = log_file.read_text(encoding="utf-8")
    assert '"datastreams"' in log_text and "a careless line: api-key=***" in log_text
    files = [p for p in home.rglob("*") if p.is_file()]
    assert len(files) >= 2
    needles = [CANARY.encode(), CANARY.encode("utf-16-le")]
    leaks = [str(p) for p in files for needle in needles if needle in p.read_bytes()]
    leaks += [f"output #{i}" for i, text in enumerate(outputs) if CANARY in text]
    assert leaks == []
