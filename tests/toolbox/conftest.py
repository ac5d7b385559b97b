from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.cache import cache

from .factories import (
    CurrencyRateFactory,
    EndUseFactory,
    FuelFactorFactory,
    GridFactorFactory,
    IndustryFactory,
    MeasureEffectFactory,
    MeasureFactory,
    ProcessFactory,
    TariffFactory,
)


@pytest.fixture(autouse=True)
def _empty_cache():
    """PDF renders are cached and throttled in Redis (this worktree's own database)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def toolbox(db):
    """Textiles and utilities with two chiller measures; food with one of its own."""
    GridFactorFactory()
    GridFactorFactory(
        code="gd-southern-grid",
        name_en="Southern China regional grid",
        region="GD",
        co2_kg_per_unit=Decimal("0.3869"),
    )
    FuelFactorFactory()
    TariffFactory()
    TariffFactory(
        code="gd-electricity",
        name_en="Guangdong electricity",
        region="GD",
        currency="RMB",
        price_low=Decimal("0.6"),
        price_high=Decimal("0.9"),
    )
    CurrencyRateFactory()
    textiles = IndustryFactory()
    utilities = IndustryFactory(
        code="utilities", name_en="Utilities", typical_electricity_kwh=None
    )
    food = IndustryFactory(code="food", name_en="Food")
    dyeing = ProcessFactory(industry=textiles, slug="tex-dyeing", name_en="Dyeing")
    chillers = ProcessFactory(industry=utilities, slug="u-chillers", name_en="Chillers")
    cooking = ProcessFactory(industry=food, slug="food-cooking", name_en="Cooking")
    chiller_use = EndUseFactory()
    chiller = MeasureFactory(
        slug="maglev-chiller", name_en="Maglev chiller", processes=[chillers]
    )
    MeasureEffectFactory(measure=chiller, end_use=chiller_use)
    descaling = MeasureFactory(
        slug="descaling",
        name_en="Electromagnetic descaling",
        investment_low_hkd=Decimal("50000"),
        investment_high_hkd=Decimal("100000"),
        processes=[chillers],
    )
    MeasureEffectFactory(
        measure=descaling,
        end_use=chiller_use,
        value_low=Decimal("0.05"),
        value_high=Decimal("0.10"),
    )
    cooker = MeasureFactory(
        slug="cookers", name_en="Electric cookers", processes=[cooking]
    )
    return SimpleNamespace(
        textiles=textiles,
        dyeing=dyeing,
        chillers=chillers,
        chiller_use=chiller_use,
        chiller=chiller,
        descaling=descaling,
        cooker=cooker,
    )


@pytest.fixture
def many_measures(toolbox):
    """Ten more chiller measures, to show query counts do not grow with rows."""

    def add(count: int):
        for _ in range(count):
            measure = MeasureFactory(processes=[toolbox.chillers])
            MeasureEffectFactory(measure=measure, end_use=toolbox.chiller_use)

    return add
