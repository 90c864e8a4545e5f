"""Example readings: the user's own API description, used by `--sandbox` and `--smoke-test`."""

from __future__ import annotations

from gui.onenet.decoding import decode
from gui.onenet.readings import Readings

#: The request body of the seed's API description ("Examples of request
#: parameters"), compacted: two streams, four datapoints, `key` overwritten.
SEED_EXAMPLE_TYPE1 = (
    b'{"datastreams":[{"id":"temperature","datapoints":['
    b'{"at":"2013-04-22T00:35:43","value":"bacd"},{"at":"2013-04-22T00:55:43","value":84}]},'
    b'{"id":"key","datapoints":[{"at":"2013-04-22T00:35:43","value":{"x":123,"y":123.994}},'
    b'{"at":"2013-04-22T00:35:43","value":23.001}]}]}'
)


def seed_example() -> Readings:
    """The seed example as readings (`at` in UTC+8)."""
    return decode(SEED_EXAMPLE_TYPE1)
