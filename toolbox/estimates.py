"""From a factory's answers to a worked estimate: defaults filled in from the reference
tables (or the industry's typical profile), each assumption named with its source."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from core.choices import Region

from . import calculations as calc
from .models import (
    CurrencyRate,
    EmissionFactor,
    EndUse,
    Measure,
    Tariff,
    ToolboxIndustry,
)
from .selectors import Reference

SORT_PAYBACK = "payback"
SORT_CO2 = "co2"
INFINITY = Decimal("Infinity")
NO_FUEL = "none"


@dataclass(frozen=True)
class Answers:
    """What the factory told us; None means "use the default"."""

    industry: ToolboxIndustry
    region: str
    utility: str = ""
    electricity_kwh: calc.Range | None = None
    electricity_price: calc.Range | None = None  # in the region's currency
    fuel: str = ""
    fuel_quantity: calc.Range | None = None
    fuel_price: calc.Range | None = None
    water_m3: calc.Range | None = None
    water_price: calc.Range | None = None
    materials_hkd: calc.Range | None = None
    voc_kg: calc.Range | None = None
    rmb_per_hkd: Decimal | None = None
    shares: Mapping[str, calc.Range] = field(default_factory=dict)
    capacities: Mapping[str, Decimal] = field(default_factory=dict)

    @property
    def currency(self) -> str:
        return Tariff.Currency.RMB if self.region == Region.GUANGDONG else "HKD"

    @property
    def region_label(self) -> str:
        return Region(self.region).label


@dataclass(frozen=True)
class Use:
    resource: str
    quantity: calc.Range
    typical: bool


@dataclass(frozen=True)
class Price:
    resource: str
    local: calc.Range | None
    currency: str
    hkd: calc.Range | None
    tariff: Tariff | None
    entered: bool


@dataclass(frozen=True)
class Share:
    end_use: EndUse
    value: calc.Range
    entered: bool


@dataclass(frozen=True)
class Capacity:
    measure: Measure
    value: Decimal
    entered: bool


@dataclass(frozen=True)
class Rate:
    per_hkd: Decimal
    record: CurrencyRate | None
    entered: bool


@dataclass(frozen=True)
class Line:
    """One resource of a measure: quantity × price = HK$, quantity × factor = CO₂."""

    resource: str
    quantity: calc.Range
    price: calc.Range | None
    money: calc.Range | None
    co2_per_unit: Decimal | None
    co2_kg: calc.Range | None


@dataclass(frozen=True)
class Row:
    """A measure with its figures alone and, in a combination, its share of the total."""

    measure: Measure
    alone: calc.MeasureOutcome
    combined: calc.MeasureOutcome | None = None
    lines: tuple[Line, ...] = ()

    @property
    def figures(self) -> calc.MeasureOutcome:
        return self.combined or self.alone


@dataclass(frozen=True)
class Estimate:
    answers: Answers
    grid: EmissionFactor
    fuel: EmissionFactor | None
    rate: Rate | None
    uses: tuple[Use, ...]
    prices: tuple[Price, ...]
    shares: tuple[Share, ...]
    capacities: tuple[Capacity, ...]
    rows: tuple[Row, ...]
    outcome: calc.Outcome | None
    end_uses: Mapping[str, EndUse]

    @property
    def measures(self) -> list[Measure]:
        return [row.measure for row in self.rows]


def _use(answer: calc.Range | None, typical: Decimal | None) -> tuple[calc.Range, bool]:
    if answer is not None:
        return answer, False
    return calc.Range.point(typical or 0), True


def _rate(answers: Answers, reference: Reference) -> Rate | None:
    if answers.currency == "HKD":
        return None
    record = reference.rates.get(answers.currency)
    if answers.rmb_per_hkd:
        return Rate(answers.rmb_per_hkd, record, entered=True)
    return Rate(record.per_hkd if record else Decimal(1), record, entered=False)


def _price(
    resource: str,
    entered: calc.Range | None,
    tariff: Tariff | None,
    currency: str,
    rate: Rate | None,
) -> Price:
    local = entered if entered is not None else (tariff.price if tariff else None)
    if tariff is not None and entered is None and tariff.currency != currency:
        currency = tariff.currency
    hkd = local
    if local is not None and currency != "HKD":
        hkd = calc.price_in_hkd(local, currency_per_hkd=rate.per_hkd if rate else 1)
    return Price(resource, local, currency, hkd, tariff, entered is not None)


def end_uses_of(measures: Sequence[Measure]) -> list[EndUse]:
    """The end uses the measures act on, in order, each once (from prefetched effects)."""
    seen: dict[int, EndUse] = {}
    for measure in measures:
        for effect in measure.effects.all():
            seen.setdefault(effect.end_use_id, effect.end_use)
    return sorted(seen.values(), key=lambda e: (e.ordering, e.code))


def measure_spec(measure: Measure, capacity: Decimal | None) -> calc.MeasureSpec:
    investment = measure.investment_range
    if measure.is_per_unit:
        investment = investment.scaled(capacity or 0)
    return calc.MeasureSpec(
        key=measure.slug,
        investment=investment,
        effects=tuple(e.as_effect() for e in measure.effects.all()),
        capacity=capacity,
    )


def _lines(site: calc.Site, outcome: calc.MeasureOutcome) -> tuple[Line, ...]:
    """The money and CO₂ arithmetic of each resource a measure changes (display only;
    the low end is the conservative one, as in the calculation)."""
    lines = []
    for resource in calc.RESOURCES:
        q = outcome.impact.quantities[resource]
        if not q.low and not q.high:
            continue
        price = site.price(resource) if resource != calc.VOC else None
        money = None
        if price is not None:
            money = calc.Range.between(
                q.low * (price.low if q.low >= 0 else price.high),
                q.high * (price.high if q.high >= 0 else price.low),
            )
        factor = site.factor(resource)
        per_unit = factor.co2_kg if factor else None
        co2 = q.scaled(per_unit) if per_unit is not None else None
        lines.append(Line(resource, q, price, money, per_unit, co2))
    return tuple(lines)


def _payback_key(outcome: calc.MeasureOutcome) -> tuple:
    payback = outcome.payback
    return (
        payback.conservative if payback.conservative is not None else INFINITY,
        payback.optimistic if payback.optimistic is not None else INFINITY,
        -outcome.impact.emissions["co2"].high,
    )


def _co2_key(outcome: calc.MeasureOutcome) -> tuple:
    co2 = outcome.impact.emissions["co2"]
    return (-co2.low, -co2.high, *_payback_key(outcome)[:2])


def estimate_for(
    *,
    answers: Answers,
    measures: Sequence[Measure],
    reference: Reference,
    sort: str = SORT_PAYBACK,
    combine: bool = True,
) -> Estimate:
    """Each measure alone, ranked; and, if asked, all of them together.

    Measures are combined in the ranked order, so the quickest payback (or the most CO2)
    has first claim on an end use it shares with others.
    """
    industry = answers.industry
    grid = reference.grid(region=answers.region, utility=answers.utility)
    fuel = reference.factors.get(answers.fuel) if answers.fuel else None
    typical_fuel = fuel is None or fuel.pk == industry.typical_fuel_id
    if answers.fuel == NO_FUEL:
        typical_fuel = False
    elif fuel is None and industry.typical_fuel_id:
        fuel = reference.factors.get(industry.typical_fuel.code)

    electricity, e_typical = _use(
        answers.electricity_kwh, industry.typical_electricity_kwh
    )
    fuel_qty, f_typical = _use(
        answers.fuel_quantity,
        industry.typical_fuel_quantity if typical_fuel else None,
    )
    water, w_typical = _use(answers.water_m3, industry.typical_water_m3)
    materials, m_typical = _use(answers.materials_hkd, industry.typical_materials_hkd)
    voc, v_typical = _use(answers.voc_kg, industry.typical_voc_kg)
    uses = [
        Use(calc.ELECTRICITY, electricity, e_typical),
        Use(calc.FUEL, fuel_qty if fuel else calc.NOTHING, f_typical),
        Use(calc.WATER, water, w_typical),
        Use(calc.MATERIALS, materials, m_typical),
        Use(calc.VOC, voc, v_typical),
    ]

    rate = _rate(answers, reference)
    region, currency = answers.region, answers.currency

    def tariff(resource, fuel_code=""):
        return reference.tariff(
            region=region, resource=resource, fuel=fuel_code, utility=answers.utility
        )

    prices = [
        _price(
            calc.ELECTRICITY,
            answers.electricity_price,
            tariff(calc.ELECTRICITY),
            currency,
            rate,
        ),
        _price(
            calc.FUEL,
            answers.fuel_price,
            tariff(calc.FUEL, fuel.code) if fuel else None,
            currency,
            rate,
        ),
        _price(calc.WATER, answers.water_price, tariff(calc.WATER), currency, rate),
    ]
    by_resource = {p.resource: p for p in prices}

    shares = [
        Share(e, answers.shares.get(e.code, e.default_share), e.code in answers.shares)
        for e in end_uses_of(measures)
        if not e.whole_site
    ]
    capacities = [
        Capacity(
            m,
            answers.capacities.get(m.slug, m.typical_capacity or Decimal(0)),
            m.slug in answers.capacities,
        )
        for m in measures
        if m.is_per_unit or m.typical_capacity is not None
    ]
    capacity_of = {c.measure.slug: c.value for c in capacities}

    site = calc.Site(
        grid=grid.as_factor(),
        electricity_kwh=electricity,
        electricity_price=by_resource[calc.ELECTRICITY].hkd or calc.NOTHING,
        fuel=fuel.as_factor() if fuel else None,
        fuel_quantity=fuel_qty,
        fuel_price=by_resource[calc.FUEL].hkd,
        water_m3=water,
        water_price=by_resource[calc.WATER].hkd,
        materials_hkd=materials,
        voc_kg=voc,
        shares={s.end_use.code: s.value for s in shares},
    )
    specs = {m.slug: measure_spec(m, capacity_of.get(m.slug)) for m in measures}
    alone = {
        slug: calc.estimate(site, [spec]).measures[0] for slug, spec in specs.items()
    }
    key = _co2_key if sort == SORT_CO2 else _payback_key
    ranked = sorted(measures, key=lambda m: key(alone[m.slug]))

    outcome = None
    combined: dict[str, calc.MeasureOutcome] = {}
    if combine and ranked:
        outcome = calc.estimate(site, [specs[m.slug] for m in ranked])
        combined = {o.key: o for o in outcome.measures}

    return Estimate(
        answers=answers,
        grid=grid,
        fuel=fuel,
        rate=rate,
        uses=tuple(uses),
        prices=tuple(prices),
        shares=tuple(shares),
        capacities=tuple(capacities),
        rows=tuple(
            Row(
                m,
                alone[m.slug],
                combined.get(m.slug),
                _lines(site, combined.get(m.slug) or alone[m.slug]),
            )
            for m in ranked
        ),
        outcome=outcome,
        end_uses=reference.end_uses,
    )
