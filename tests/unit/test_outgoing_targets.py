"""What Send leaves for other targets is counted and named (the preview says which when no Target column shows)."""

from datetime import UTC, datetime

from gui.data.outbox import RequestOptions
from gui.data.target import Target
from gui.onenet.readings import Datapoint
from gui.ui.outgoing import compute_outgoing
from gui.ui.rows import Row, RowStatus

HERE = Target.of("https://api.onenet.invalid", "1")
SANDBOX = Target.sandbox("4093215")
OTHER = Target.of("https://iot.example.invalid", "2")
AT = datetime(2024, 1, 1, tzinfo=UTC)


def rows(*targets: Target, status: RowStatus = RowStatus.UNSENT) -> list[Row]:
    return [Row("temperature", Datapoint(i, AT), status=status, target=t) for i, t in enumerate(targets)]


def test_the_targets_other_rows_wait_for_are_named_once_each_in_order():
    out = compute_outgoing(rows(SANDBOX, SANDBOX, OTHER, SANDBOX, HERE), RequestOptions(), target=HERE)
    assert (out.elsewhere, out.elsewhere_targets) == (4, (SANDBOX, OTHER))
    assert len(out.rows) == 1


def test_sent_rows_wait_for_nothing():
    out = compute_outgoing(rows(SANDBOX, OTHER, status=RowStatus.SENT), RequestOptions(), target=HERE)
    assert (out.elsewhere, out.elsewhere_targets) == (0, ())
