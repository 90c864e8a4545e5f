"""Integration fixtures: the CLI's folders in the test's own."""

import pytest

from gui import cli_common
from gui.data.logs import close_logging
from gui.data.paths import DATA_DIR_ENV, LOG_DIR_ENV


@pytest.fixture
def dirs(tmp_path, monkeypatch):
    """The data and log folders under tmp_path (data/, logs/) and no api-key in the environment, as a command run
    now would see them; logging closed after. Yields tmp_path (a module may ask for it and set a key)."""
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    monkeypatch.setenv(LOG_DIR_ENV, str(tmp_path / "logs"))
    monkeypatch.delenv(cli_common.API_KEY_ENV, raising=False)
    yield tmp_path
    close_logging()
