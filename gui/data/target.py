"""Where a datapoint is meant to go: its target (platform kind, endpoint, device), stored with every outbox row.

A row is sent only to its own target; nothing re-addresses it but the user
(`Store.retarget`, the window's "move them" answer). The window's local sandbox is a
target of its own, `SANDBOX_ENDPOINT`: its port changes every time it starts, and a
row made for it must never reach a real endpoint by a later change of the connection
fields. No Qt here.

Room for more platforms: `Platform` names the API a target speaks. Today there is one,
the api-key datapoints API (`POST /devices/{device_id}/datapoints`, shared
onenet-api.md); issue #15's thing-model platform (product id, device name, token)
becomes a second member with its own fields, and device profiles name targets.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from gui.onenet.client import ConfigError, validate_endpoint

__all__ = ["NO_TARGET", "SANDBOX_ENDPOINT", "Platform", "Target", "normalise_endpoint"]

#: The endpoint stored for rows made for the window's embedded sandbox (resolved to its URL when sent).
SANDBOX_ENDPOINT = "sandbox:"


class Platform(enum.StrEnum):
    """The API a target speaks (stored in the outbox's `platform` column)."""

    DATAPOINTS = "datapoints"  #: the api-key HTTP API: endpoint and device id (shared onenet-api.md)


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
        """A checked target: ConfigError for an invalid endpoint or an empty device id."""
        device_id = device_id.strip()
        if not device_id:
            raise ConfigError("no device id")
        return cls(normalise_endpoint(endpoint), device_id, platform)

    @classmethod
    def sandbox(cls, device_id: str) -> Target:
        """The target of `device_id` on the window's embedded sandbox."""
        return cls(SANDBOX_ENDPOINT, device_id)

    @property
    def is_sandbox(self) -> bool:
        """True for a target on the window's embedded sandbox."""
        return self.endpoint == SANDBOX_ENDPOINT

    @property
    def is_set(self) -> bool:
        """False for the empty target of a row stored before targets were recorded."""
        return bool(self.endpoint and self.device_id)

    def label(self) -> str:
        """A short text naming it: `device 4093215 at https://api.heclouds.com`, `device 4093215 (sandbox)`."""
        if not self.is_set:
            return "no target"
        where = "(sandbox)" if self.is_sandbox else f"at {self.endpoint}"
        return f"device {self.device_id} {where}"


#: The target of a row stored before targets were recorded (schema v3), until it is given one.
NO_TARGET = Target("", "")
