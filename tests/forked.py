"""`python -m gui ARGS` in a process of its own, forked from one that has imported the product already.

Starting Python and importing the command line takes about 0.3 s of CPU, most of a `send --dry-run` of a small
file; a test module that runs the command dozens of times pays it once here. Each run is still a process of
its own, started from the same imports as `python -m gui` (`runpy`, as `-m` does), with its own environment,
its standard input empty and its output in files, ended by SIGALRM when it outlives its time limit (so a hang
fails only its own test). Where `os.fork` is missing (Windows) each run is a plain `python -m gui`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

#: The forking server: reads one job a line (JSON), forks a child that runs it, answers its exit status.
_SERVER = """
import json, os, runpy, signal, sys, time
import gui.app, gui.cli  # what `python -m gui` imports first,
import gui.data.logs, gui.data.outbox, gui.data.store, openpyxl, requests  # and what `send` imports as it runs
for line in sys.stdin:
    job = json.loads(line)
    pid = os.fork()
    if pid == 0:
        os.environ.clear()
        os.environ.update(job["env"])
        time.tzset()
        signal.alarm(job["timeout"])
        for fd, path, flags in ((0, os.devnull, os.O_RDONLY), (1, job["out"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
                                (2, job["err"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC)):
            os.dup2(os.open(path, flags), fd)
        sys.argv = ["-m", *job["args"]]
        runpy.run_module("gui", run_name="__main__", alter_sys=True)
        sys.exit(0)
    print(json.dumps(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])), flush=True)
"""


class GuiCommand:
    """Runs `python -m gui ARGS`; `close()` ends the forking server."""

    def __init__(self, env: dict[str, str]) -> None:
        self._server: subprocess.Popen[str] | None = None
        if hasattr(os, "fork"):
            self._server = subprocess.Popen(
                [sys.executable, "-c", _SERVER], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
            )

    def run(
        self, args: list[str], env: dict[str, str], folder: Path, timeout: int
    ) -> subprocess.CompletedProcess[bytes]:
        """`python -m gui *args` with `env`; its output kept in `folder`. Raises subprocess.TimeoutExpired when it
        ran longer than `timeout` seconds (it was ended)."""
        command = [sys.executable, "-m", "gui", *args]
        if self._server is None:
            return subprocess.run(command, env=env, capture_output=True, timeout=timeout, check=False)
        out, err = folder / "stdout", folder / "stderr"
        job = {"args": args, "env": env, "out": str(out), "err": str(err), "timeout": timeout}
        assert self._server.stdin is not None and self._server.stdout is not None
        self._server.stdin.write(json.dumps(job) + "\n")
        self._server.stdin.flush()
        answer = self._server.stdout.readline()
        assert answer, f"the forking server ended (exit {self._server.poll()})"
        code = json.loads(answer)
        if code == -14:  # SIGALRM: its time limit
            raise subprocess.TimeoutExpired(command, timeout)
        return subprocess.CompletedProcess(command, code, out.read_bytes(), err.read_bytes())

    def close(self) -> None:
        if self._server is not None:
            assert self._server.stdin is not None and self._server.stdout is not None
            self._server.stdin.close()
            self._server.wait(60)
            self._server.stdout.close()
