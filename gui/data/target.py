"""Where a datapoint is meant to go: its target (platform kind, endpoint, device), stored with every outbox row.

A row is sent only to its own target; nothing re-addresses it but the user
(`Store.retarget`, the window's "move them" answer). The window's local sandbox is a
target of its own, `SANDBOX_ENDPOINT`: its port changes every time it starts, and a
row made for it must never reach a real endpoint by a later change of the connection
fields. No Qt here.

Two platforms (`Platform`, shared onenet-api.md): the legacy api-key datapoints API
(`POST /devices/{device_id}/datapoints`: an endpoint and a device id) and the current
thing-model platform (`thing/property/post`, `thing/history/post`: a device endpoint and
a product id + device name, signed by a token). A current-platform target keeps its
product id and device name in `device_id` as `<product id>/<device name>` (`Target.thing`):
neither can contain `/` (a token's `res` carries them so), and no legacy device id does,
so the two never collide in the outbox's columns.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from gui.onenet.client import ConfigError, read_device_id, validate_endpoint
from gui.onenet.thing_client import topic_part
from gui.text import QT_TRANSLATE_NOOP, Message

__all__ = ["NO_TARGET", "SANDBOX_ENDPOINT", "Platform", "Target", "normalise_endpoint"]

#: The endpoint stored for rows made for the window's embedded sandbox (resolved to its URL when sent).
SANDBOX_ENDPOINT = "sandbox:"


class Platform(enum.StrEnum):
    """The API a target speaks (stored in the outbox's `platform` column)."""

    DATAPOINTS = "datapoints"  #: the api-key HTTP API: endpoint and device id (shared onenet-api.md)
    THING = "thing"  #: the current platform: device endpoint, product id + device name, token ("The current platform")

    def label(self) -> str:
        """Its name for people: `legacy api-key` or `current thing model` (untranslated: `text` for a person)."""
        return str(self.text())

    def text(self) -> Message:
        """Its name for people, translated where shown (code `platform-<value>`)."""
        if self is Platform.DATAPOINTS:
            return _m(f"platform-{self.value}", QT_TRANSLATE_NOOP("target", "legacy api-key"))
        return _m(f"platform-{self.value}", QT_TRANSLATE_NOOP("target", "current thing model"))


def _m(code: str, source: str, **args: object) -> Message:
    """A text of the targets (the catalogues' context "target")."""
    return Message(code, "target", source, args)


def normalise_endpoint(endpoint: str) -> str:
    """The endpoint as stored: `SANDBOX_ENDPOINT` as is, else `validate_endpoint`'s form (ConfigError if invalid)."""
    return endpoint if endpoint == SANDBOX_ENDPOINT else validate_endpoint(endpoint)


@dataclass(frozen=True, slots=True)
class Target:
    """Where a row goes: `platform`, `endpoint` (normalised, or `SANDBOX_ENDPOINT`) and `device_id`.

    Make one with `Target.of` (checks and normalises) or `Target.sandbox`. Equal targets
    are the same destination; the empty target (`NO_TARGET`, both fields "") is that of
    a row stored before targets were recorded (schema v3), which has none yet.
    """

    endpoint: str
    device_id: str
    platform: Platform = Platform.DATAPOINTS

    @classmethod
    def of(cls, endpoint: str, device_id: str, platform: Platform = Platform.DATAPOINTS) -> Target:
        """A checked target: ConfigError for an invalid endpoint, an empty device id or one not ASCII once its
        full-width digits are read as ASCII (`gui.onenet.client.read_device_id`: `４０９３２１５` is 4093215)."""
        device_id = read_device_id(device_id).strip()
        if not device_id:
            raise ConfigError("no device id")
        return cls(normalise_endpoint(endpoint), device_id, platform)

    @classmethod
    def thing(cls, endpoint: str, product_id: str, device_name: str) -> Target:
        """A checked current-platform target: the device endpoint and `<product id>/<device name>`.

        ConfigError for an invalid endpoint, an empty product id or device name, or one
        that cannot be in a token's `res` or a topic (`gui.onenet.thing_client`'s rule).
        """
        product_id, device_name = product_id.strip(), device_name.strip()
        if not product_id or not device_name:
            raise ConfigError("a product id and a device name are needed")
        device = f"{topic_part('product id', product_id)}/{topic_part('device name', device_name)}"
        return cls(normalise_endpoint(endpoint), device, Platform.THING)

    @classmethod
    def sandbox(cls, device_id: str, platform: Platform = Platform.DATAPOINTS) -> Target:
        """The target of `device_id` (`<product id>/<device name>` for THING) on the window's embedded sandbox."""
        return cls(SANDBOX_ENDPOINT, device_id, platform)

    @property
    def product_id(self) -> str:
        """The product id of a current-platform target ("" for a legacy one)."""
        return self.device_id.partition("/")[0] if self.platform is Platform.THING else ""

    @property
    def device_name(self) -> str:
        """The device name of a current-platform target ("" for a legacy one)."""
        return self.device_id.partition("/")[2] if self.platform is Platform.THING else ""

    @property
    def is_sandbox(self) -> bool:
        """True for a target on the window's embedded sandbox."""
        return self.endpoint == SANDBOX_ENDPOINT

    @property
    def is_set(self) -> bool:
        """False for the empty target of a row stored before targets were recorded."""
        return bool(self.endpoint and self.device_id)

    def label(self) -> str:
        """A short text naming it: `device 4093215 at https://api.heclouds.com`, `device 4093215 (sandbox)`.

        A current-platform target: `device dev1 of product SbxProd001 at https://open.iot.10086.cn`.
        """
        return str(self.text())

    def text(self, where: bool = True) -> Message:
        """`label` for a person, translated where shown (code `target`); without `where`: the device alone."""
        if not self.is_set:
            return _m("no-target", QT_TRANSLATE_NOOP("target", "no target"))
        if self.platform is Platform.THING:
            device = _m(
                "target-device",
                QT_TRANSLATE_NOOP("target", "device {device} of product {product}"),
                device=self.device_name,
                product=self.product_id,
            )
        else:
            device = _m("target-device", QT_TRANSLATE_NOOP("target", "device {device}"), device=self.device_id)
        if not where:
            return device
        if self.is_sandbox:
            return _m("target", QT_TRANSLATE_NOOP("target", "{device} (sandbox)"), device=device)
        return _m(
            "target", QT_TRANSLATE_NOOP("target", "{device} at {endpoint}"), device=device, endpoint=self.endpoint
        )


#: The target of a row stored before targets were recorded (schema v3), until it is given one.
NO_TARGET = Target("", "")
