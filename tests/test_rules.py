from decimal import Decimal

import pytest

from applications.rules import grant_amount

D = Decimal


@pytest.mark.parametrize(
    ("cost", "share", "ceiling", "grant"),
    [
        (D("56000"), D("0.5"), D("28000"), D("28000")),  # exactly at the OA ceiling
        (D("56002"), D("0.5"), D("28000"), D("28000")),  # one dollar of grant above it
        (D("55998"), D("0.5"), D("28000"), D("27999")),  # one dollar below it
        (D("660000"), D("0.5"), D("330000"), D("330000")),  # exactly at the DP ceiling
        (D("660002"), D("0.5"), D("330000"), D("330000")),
        (D("100000"), D("0.9"), None, D("90000")),  # association support, no ceiling
        (D("1001.99"), D("0.5"), None, D("500")),  # rounded down to the dollar
        (D("0"), D("0.5"), D("28000"), D("0")),
    ],
)
def test_grant_is_share_of_cost_capped_by_ceiling(cost, share, ceiling, grant):
    assert grant_amount(eligible_cost=cost, share=share, ceiling=ceiling) == grant


def test_negative_cost_is_refused():
    with pytest.raises(ValueError):
        grant_amount(eligible_cost=D("-1"), share=D("0.5"), ceiling=None)
