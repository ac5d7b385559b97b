"""The CP Toolbox's arithmetic: pure functions on Decimal, no database, no Django.

Every estimate is worked out twice. In the *conservative* scenario each uncertain input
sits at the end that is worse for the factory (the lower saving, the higher investment,
the larger added consumption); in the *optimistic* scenario at the other end. The two
results are the low–high range shown to the user, and a payback range is
``investment high / saving conservative`` to ``investment low / saving optimistic``.

Measures that act on the same end use (the same equipment) overlap. They are combined
sequentially, in the order given: each applies to what the measures before it left.
Measures on different end uses add up. Whole-site measures (voltage optimisation, solar
PV, water reuse) apply last, to what is left of the site's total after all the others.
Within one end use, measures that save a share come before those that save a fixed
amount per unit of capacity, which can never save more than is left.

Quantities saved are positive; quantities added (electricity used by equipment that
replaces fuel) are negative.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

ELECTRICITY = "electricity"
FUEL = "fuel"
WATER = "water"
MATERIALS = "materials"
VOC = "voc"
# Fuel first: electricity added by a fuel switch depends on the fuel it removes.
RESOURCES = (FUEL, ELECTRICITY, WATER, MATERIALS, VOC)

SHARE = "share"  # a share (0–1) of what is left of the end use
PER_UNIT = "per_unit"  # a quantity a year per unit of capacity (fuel: MJ)
REPLACES_FUEL = "replaces_fuel"  # kWh added per kWh of fuel energy this measure removes
SAVES = "saves"
ADDS = "adds"

CONSERVATIVE = "conservative"
OPTIMISTIC = "optimistic"
SCENARIOS = (CONSERVATIVE, OPTIMISTIC)

POLLUTANTS = ("co2", "nox", "so2", "pm", "voc")
MJ_PER_KWH = Decimal("3.6")
ZERO = Decimal(0)


@dataclass(frozen=True)
class Range:
    """A low–high pair of non-negative or signed figures; low never exceeds high."""

    low: Decimal
    high: Decimal

    def __post_init__(self) -> None:
        if self.low > self.high:
            raise ValueError(f"range low {self.low} exceeds high {self.high}")

    @classmethod
    def point(cls, value: Decimal | int | str) -> Range:
        value = Decimal(value)
        return cls(value, value)

    @classmethod
    def between(cls, a: Decimal, b: Decimal) -> Range:
        return cls(min(a, b), max(a, b))

    @property
    def is_point(self) -> bool:
        return self.low == self.high

    @property
    def mid(self) -> Decimal:
        return (self.low + self.high) / 2

    def pick(self, scenario: str, *, more_is_better: bool = True) -> Decimal:
        """The end of the range that belongs to the scenario."""
        if (scenario == OPTIMISTIC) == more_is_better:
            return self.high
        return self.low

    def scaled(self, factor: Decimal) -> Range:
        return Range.between(self.low * factor, self.high * factor)

    def __add__(self, other: Range) -> Range:
        return Range(self.low + other.low, self.high + other.high)


NOTHING = Range.point(0)


@dataclass(frozen=True)
class Factor:
    """Emission factors of one energy carrier, per unit of it (kWh, L, kg, m³, unit)."""

    code: str
    unit: str
    energy_mj: Decimal | None = None
    co2_kg: Decimal | None = None
    nox_kg: Decimal | None = None
    so2_kg: Decimal | None = None
    pm_kg: Decimal | None = None

    def per_unit(self, pollutant: str) -> Decimal | None:
        return getattr(self, f"{pollutant}_kg", None)


@dataclass(frozen=True)
class Emissions:
    """Kilograms of each pollutant, and the carriers whose factor is not known."""

    kg: Mapping[str, Decimal]
    unknown: Mapping[str, tuple[str, ...]]


def emissions_from_quantities(
    quantities: Iterable[tuple[Factor, Decimal]],
) -> Emissions:
    """CO2 and air pollutants (kg) of quantities of energy carriers, e.g. kWh, L of diesel.

    A factor that is not known (None) adds nothing and names its carrier in ``unknown``
    for that pollutant, so a caller can say the figure is incomplete.
    """
    kg = {p: ZERO for p in POLLUTANTS if p != "voc"}
    unknown: dict[str, list[str]] = {p: [] for p in kg}
    for factor, quantity in quantities:
        if not quantity:
            continue
        for pollutant in kg:
            per_unit = factor.per_unit(pollutant)
            if per_unit is None:
                if factor.code not in unknown[pollutant]:
                    unknown[pollutant].append(factor.code)
            else:
                kg[pollutant] += quantity * per_unit
    return Emissions(kg=kg, unknown={p: tuple(c) for p, c in unknown.items()})


@dataclass(frozen=True)
class Site:
    """A factory's annual use, prices (HK$) and emission factors."""

    grid: Factor
    electricity_kwh: Range
    electricity_price: Range
    fuel: Factor | None = None
    fuel_quantity: Range = NOTHING
    fuel_price: Range | None = None
    water_m3: Range = NOTHING
    water_price: Range | None = None
    materials_hkd: Range = NOTHING
    voc_kg: Range = NOTHING
    shares: Mapping[str, Range] = field(default_factory=dict)

    def use(self, resource: str) -> Range:
        return {
            ELECTRICITY: self.electricity_kwh,
            FUEL: self.fuel_quantity if self.fuel else NOTHING,
            WATER: self.water_m3,
            MATERIALS: self.materials_hkd,
            VOC: self.voc_kg,
        }[resource]

    def price(self, resource: str) -> Range | None:
        """HK$ per unit; materials are counted in HK$ already; VOC has no price."""
        return {
            ELECTRICITY: self.electricity_price,
            FUEL: self.fuel_price,
            WATER: self.water_price,
            MATERIALS: Range.point(1),
            VOC: None,
        }[resource]

    def factor(self, resource: str) -> Factor | None:
        return {ELECTRICITY: self.grid, FUEL: self.fuel}.get(resource)


@dataclass(frozen=True)
class Effect:
    """What a measure does to one end use: its basis, direction and low–high figure."""

    end_use: str
    resource: str
    value: Range
    basis: str = SHARE
    direction: str = SAVES
    whole_site: bool = False


@dataclass(frozen=True)
class MeasureSpec:
    key: str
    investment: Range
    effects: tuple[Effect, ...]
    capacity: Decimal | None = None


@dataclass(frozen=True)
class EndUseBase:
    """How much of the site's use one end use accounts for: total × share = base.

    ``scaled`` says the shares of the end uses of one resource added up to more than
    the whole in some scenario, so they were scaled down in proportion to fit.
    """

    end_use: str
    resource: str
    total: Range
    share: Range
    base: Range
    scaled: bool = False


@dataclass(frozen=True)
class Step:
    """One line of the arithmetic: base × value = result (saved, or added if negative)."""

    measure: str
    end_use: str
    resource: str
    basis: str
    direction: str
    whole_site: bool
    base: Range
    value: Range
    result: Range
    overlapped: bool
    capped: bool


@dataclass(frozen=True)
class Payback:
    """Simple payback in years; None where savings never repay the investment."""

    optimistic: Decimal | None
    conservative: Decimal | None

    @property
    def pays_back(self) -> bool:
        return self.optimistic is not None


@dataclass(frozen=True)
class Impact:
    """Annual changes: quantities saved per resource, HK$ saved, emissions avoided (kg)."""

    quantities: Mapping[str, Range]
    saving_hkd: Range
    emissions: Mapping[str, Range]
    unknown_emissions: Mapping[str, tuple[str, ...]]
    unpriced: tuple[str, ...]


@dataclass(frozen=True)
class MeasureOutcome:
    key: str
    investment: Range
    impact: Impact
    payback: Payback
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Outcome:
    measures: tuple[MeasureOutcome, ...]
    bases: tuple[EndUseBase, ...]
    investment: Range
    total: Impact
    payback: Payback

    @property
    def total_figures(self) -> MeasureOutcome:
        """The combination's figures in the shape of one measure's."""
        return MeasureOutcome("total", self.investment, self.total, self.payback, ())


# --- One scenario -----------------------------------------------------------------


@dataclass
class _RawStep:
    measure: str
    effect: Effect
    base: Decimal
    result: Decimal
    overlapped: bool = False
    capped: bool = False


@dataclass
class _Run:
    quantities: dict[str, dict[str, Decimal]]  # measure -> resource -> saved
    steps: list[_RawStep]
    bases: list[tuple[str, str, Decimal, Decimal, Decimal, bool]]


def _apply(
    effect: Effect,
    remaining: Decimal,
    capacity: Decimal | None,
    fuel: Factor | None,
    scenario: str,
) -> tuple[Decimal, Decimal, bool]:
    """(base, quantity saved, capped) of a share or per-unit effect on what is left."""
    saves = effect.direction == SAVES
    value = effect.value.pick(scenario, more_is_better=saves)
    if effect.basis == SHARE:
        quantity = remaining * value
        return remaining, quantity if saves else -quantity, False
    base = capacity or ZERO
    quantity = base * value
    if effect.resource == FUEL:  # per-unit fuel figures are MJ
        quantity = quantity / fuel.energy_mj if fuel and fuel.energy_mj else ZERO
    if not saves:
        return base, -quantity, False
    capped = quantity > remaining
    return base, min(quantity, remaining), capped


def _chain(
    run: _Run,
    site: Site,
    scenario: str,
    items: list[tuple[MeasureSpec, Effect]],
    remaining: Decimal,
) -> Decimal:
    """Apply effects one after another to what is left; return the total saved."""
    start, saved = remaining, ZERO
    for measure, effect in sorted(items, key=lambda item: item[1].basis != SHARE):
        base, quantity, capped = _apply(
            effect, remaining, measure.capacity, site.fuel, scenario
        )
        if quantity > 0:
            remaining -= quantity
        run.quantities[measure.key][effect.resource] += quantity
        saved += quantity
        overlapped = effect.basis == SHARE and base != start
        run.steps.append(
            _RawStep(measure.key, effect, base, quantity, overlapped, capped)
        )
    return saved


def _run(site: Site, measures: Sequence[MeasureSpec], scenario: str) -> _Run:
    run = _Run(
        quantities={m.key: dict.fromkeys(RESOURCES, ZERO) for m in measures},
        steps=[],
        bases=[],
    )
    fuel_removed_kwh = dict.fromkeys(run.quantities, ZERO)
    for resource in RESOURCES:
        total = site.use(resource).pick(scenario)
        groups: dict[str, list[tuple[MeasureSpec, Effect]]] = {}
        whole: list[tuple[MeasureSpec, Effect]] = []
        replacing: list[tuple[MeasureSpec, Effect]] = []
        for measure in measures:
            for effect in measure.effects:
                if effect.resource != resource:
                    continue
                if effect.basis == REPLACES_FUEL:
                    replacing.append((measure, effect))
                elif effect.whole_site:
                    whole.append((measure, effect))
                else:
                    groups.setdefault(effect.end_use, []).append((measure, effect))

        shares = {
            end_use: site.shares.get(end_use, Range.point(1)).pick(scenario)
            for end_use in groups
        }
        # Parts of one whole cannot exceed it: scale them down in proportion.
        whole_of_shares = sum(shares.values(), ZERO)
        scaled = whole_of_shares > 1
        saved = ZERO
        for end_use, items in groups.items():
            share = shares[end_use] / whole_of_shares if scaled else shares[end_use]
            base = total * share
            run.bases.append((end_use, resource, total, share, base, scaled))
            saved += _chain(run, site, scenario, items, base)
        if whole:
            _chain(run, site, scenario, whole, max(total - saved, ZERO))
        for measure, effect in replacing:
            ratio = effect.value.pick(scenario, more_is_better=False)
            base = fuel_removed_kwh[measure.key]
            quantity = -(base * ratio)
            run.quantities[measure.key][resource] += quantity
            run.steps.append(_RawStep(measure.key, effect, base, quantity))
        if resource == FUEL and site.fuel and site.fuel.energy_mj:
            for key, per_resource in run.quantities.items():
                removed = max(per_resource[FUEL], ZERO)
                fuel_removed_kwh[key] = removed * site.fuel.energy_mj / MJ_PER_KWH
    return run


# --- Money and emissions ----------------------------------------------------------


def _money(site: Site, quantities: Mapping[str, Decimal], scenario: str):
    total, unpriced = ZERO, []
    for resource, quantity in quantities.items():
        if not quantity or resource == VOC:
            continue
        price = site.price(resource)
        if price is None:
            unpriced.append(resource)
            continue
        total += quantity * price.pick(scenario, more_is_better=quantity > 0)
    return total, unpriced


def _emissions(site: Site, quantities: Mapping[str, Decimal]) -> Emissions:
    carriers = [
        (site.factor(resource), quantities[resource])
        for resource in (ELECTRICITY, FUEL)
        if site.factor(resource) is not None
    ]
    result = emissions_from_quantities(carriers)
    kg = dict(result.kg)
    kg["voc"] = quantities[VOC]
    return Emissions(kg=kg, unknown={**result.unknown, "voc": ()})


def _impact(
    site: Site, pairs: Mapping[str, Mapping[str, Decimal]]
) -> tuple[Impact, dict[str, Decimal]]:
    """The Impact of per-scenario quantities {scenario: {resource: saved}}, and the
    HK$ saved in each scenario (payback pairs them with the investment)."""
    money = {s: _money(site, pairs[s], s) for s in SCENARIOS}
    emissions = {s: _emissions(site, pairs[s]) for s in SCENARIOS}
    cons, opt = emissions[CONSERVATIVE], emissions[OPTIMISTIC]
    impact = Impact(
        quantities={
            r: Range.between(pairs[CONSERVATIVE][r], pairs[OPTIMISTIC][r])
            for r in RESOURCES
        },
        saving_hkd=Range.between(money[CONSERVATIVE][0], money[OPTIMISTIC][0]),
        emissions={p: Range.between(cons.kg[p], opt.kg[p]) for p in POLLUTANTS},
        unknown_emissions={
            p: tuple(dict.fromkeys(cons.unknown[p] + opt.unknown[p]))
            for p in POLLUTANTS
        },
        unpriced=tuple(dict.fromkeys(money[CONSERVATIVE][1] + money[OPTIMISTIC][1])),
    )
    return impact, {s: money[s][0] for s in SCENARIOS}


def simple_payback(
    investment: Range, saving: Mapping[str, Decimal], *, complete: bool = True
) -> Payback:
    """Years to repay: optimistic = low investment / optimistic saving, and so on.

    Not computed (None) when some saving has no price: a partial figure would mislead.
    """

    def years(cost: Decimal, per_year: Decimal) -> Decimal | None:
        return cost / per_year if complete and per_year > 0 else None

    return Payback(
        optimistic=years(investment.low, saving[OPTIMISTIC]),
        conservative=years(investment.high, saving[CONSERVATIVE]),
    )


# --- The estimate -----------------------------------------------------------------


def estimate(site: Site, measures: Sequence[MeasureSpec]) -> Outcome:
    """Annual savings, emissions avoided, investment and payback of measures together.

    The order of ``measures`` is the order of combination (see the module docstring).
    """
    keys = [m.key for m in measures]
    if len(set(keys)) != len(keys):
        raise ValueError("each measure may be chosen once")
    runs = {s: _run(site, measures, s) for s in SCENARIOS}
    cons, opt = runs[CONSERVATIVE], runs[OPTIMISTIC]

    outcomes = []
    for measure in measures:
        impact, saving = _impact(
            site, {s: runs[s].quantities[measure.key] for s in SCENARIOS}
        )
        steps = tuple(
            Step(
                measure=c.measure,
                end_use=c.effect.end_use,
                resource=c.effect.resource,
                basis=c.effect.basis,
                direction=c.effect.direction,
                whole_site=c.effect.whole_site,
                base=Range.between(c.base, o.base),
                value=c.effect.value,
                result=Range.between(c.result, o.result),
                overlapped=c.overlapped or o.overlapped,
                capped=c.capped or o.capped,
            )
            for c, o in zip(cons.steps, opt.steps, strict=True)
            if c.measure == measure.key
        )
        outcomes.append(
            MeasureOutcome(
                key=measure.key,
                investment=measure.investment,
                impact=impact,
                payback=simple_payback(
                    measure.investment, saving, complete=not impact.unpriced
                ),
                steps=steps,
            )
        )

    totals = {
        s: {r: sum((runs[s].quantities[k][r] for k in keys), ZERO) for r in RESOURCES}
        for s in SCENARIOS
    }
    total, saving = _impact(site, totals)
    investment = sum((m.investment for m in measures), NOTHING)
    bases = tuple(
        EndUseBase(
            end_use=c[0],
            resource=c[1],
            total=Range.between(c[2], o[2]),
            share=Range.between(c[3], o[3]),
            base=Range.between(c[4], o[4]),
            scaled=c[5] or o[5],
        )
        for c, o in zip(cons.bases, opt.bases, strict=True)
    )
    return Outcome(
        measures=tuple(outcomes),
        bases=bases,
        investment=investment,
        total=total,
        payback=simple_payback(investment, saving, complete=not total.unpriced),
    )


def price_in_hkd(price: Range, *, currency_per_hkd: Decimal) -> Range:
    """A price in another currency (e.g. RMB per kWh) in HK$, at units per HK$1."""
    if currency_per_hkd <= 0:
        raise ValueError("exchange rate must be positive")
    return Range(price.low / currency_per_hkd, price.high / currency_per_hkd)
