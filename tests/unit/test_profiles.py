"""Device profiles: named targets of both platforms in a file; their keys under the profile in the keyring."""

from __future__ import annotations

import json

import pytest
from keyring.backends import fail

from gui.data.profiles import Profile, ProfileBook, ProfileError
from gui.data.secrets import SecretStore
from gui.data.target import SANDBOX_ENDPOINT, Platform, Target
from gui.onenet.client import ConfigError
from gui.sandbox.profiles import BUILT_IN, SANDBOX_LEGACY, SANDBOX_THING
from gui.sandbox.things import DEFAULT_DEVICE_KEY

DEVICE_KEY = "ZGV2aWNlIGtleQ=="  # base64 of "device key"
ACCESS_KEY = "YWNjZXNzIGtleQ=="


@pytest.fixture
def book(tmp_path) -> ProfileBook:
    return ProfileBook(SecretStore(fail.Keyring()), tmp_path / "profiles.json", BUILT_IN)


def thing_profile(name: str = "lab") -> Profile:
    return Profile(name, Platform.THING, "https://open.iot.onenet.invalid", product_id="DuE2rcXUKn", device_name="dev1")


def test_a_thing_profile_is_saved_without_its_keys_which_are_kept_under_the_profile(book):
    book.save(thing_profile(), key=DEVICE_KEY, access_key=ACCESS_KEY)
    text = book.path.read_text(encoding="utf-8")
    assert DEVICE_KEY not in text and ACCESS_KEY not in text
    assert json.loads(text)["profiles"][0]["product_id"] == "DuE2rcXUKn"
    loaded = book.load().get("lab")
    assert loaded.target() == Target.thing("https://open.iot.onenet.invalid", "DuE2rcXUKn", "dev1")
    assert loaded.target().device_id == "DuE2rcXUKn/dev1" and loaded.target().platform is Platform.THING
    assert (loaded.key(book.secrets), loaded.access_key(book.secrets)) == (DEVICE_KEY, ACCESS_KEY)


def test_rename_duplicate_delete_and_the_last_one_remembered(book):
    book.save(Profile("office", Platform.DATAPOINTS, "https://api.onenet.invalid", device_id="42"), key="K1")
    book.set_current("office")
    book.rename("office", "office 2")
    profiles = book.load()
    assert profiles.current == "office 2" and profiles.get("office 2").key(book.secrets) == "K1"
    assert book.secrets.get("profile:office") is None
    copy = book.duplicate("office 2", "office 3")
    assert copy.target() == profiles.get("office 2").target() and copy.key(book.secrets) == "K1"
    book.delete("office 2")
    profiles = book.load()
    assert [p.name for p in profiles.saved] == ["office 3"] and profiles.current == ""
    assert book.secrets.get("profile:office 2") is None
    with pytest.raises(ProfileError, match="already"):
        book.save(Profile("office 3 ", Platform.DATAPOINTS, device_id="1"))
    with pytest.raises(ProfileError, match="name"):
        book.rename("office 3", "  ")


def test_the_sandbox_profiles_are_built_in_for_both_platforms(book):
    profiles = book.load()
    assert [p.name for p in profiles.all()] == [SANDBOX_LEGACY.name, SANDBOX_THING.name]
    assert SANDBOX_THING.target() == Target.sandbox("SbxProd001/dev1", Platform.THING)
    assert SANDBOX_LEGACY.target().endpoint == SANDBOX_ENDPOINT
    assert SANDBOX_THING.key(book.secrets) == DEFAULT_DEVICE_KEY
    with pytest.raises(ProfileError, match="built in"):
        book.delete(SANDBOX_THING.name)
    with pytest.raises(ProfileError, match="built in"):
        book.rename(SANDBOX_LEGACY.name, "mine")
    mine = book.duplicate(SANDBOX_THING.name, "my sandbox")  # a copy is the user's, its demo keys in the keyring
    assert not mine.builtin and mine.key(book.secrets) == DEFAULT_DEVICE_KEY
    assert SANDBOX_THING.name not in book.path.read_text(encoding="utf-8")
    assert [p.name for p in book.for_target(SANDBOX_THING.target())] == [SANDBOX_THING.name, "my sandbox"]


def test_an_incomplete_profile_has_no_target_and_says_why(book):
    with pytest.raises(ConfigError, match="product id"):
        Profile("x", Platform.THING).target()
    with pytest.raises(ConfigError, match="must not contain"):
        Profile("x", Platform.THING, product_id="a+b", device_name="d").target()
    assert "incomplete" in Profile("x", Platform.DATAPOINTS).describe()
    assert book.load().get(SANDBOX_THING.name).describe().startswith("Sandbox (thing): current thing model")


def test_a_file_that_is_not_profiles_is_refused_not_overwritten(book):
    book.path.write_text("not json", encoding="utf-8")
    with pytest.raises(ProfileError, match="cannot be read"):
        book.load()
    with pytest.raises(ProfileError):
        book.save(thing_profile())
    assert book.path.read_text(encoding="utf-8") == "not json"
