"""Reads of the toolbox's content and reference figures.

Other modules (EPD reports, final reports) read emission factors here:
``emission_factor_get(code=...)``, ``grid_factor_for(region=..., utility=...)`` and
``emissions_for_quantities(quantities={code: quantity})``.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from cases.models import SuccessCase

from . import calculations as calc
from .models import (
    UTILITIES,
    CurrencyRate,
    EmissionFactor,
    EndUse,
    Measure,
    MeasureEffect,
    Process,
    Tariff,
    ToolboxIndustry,
)

# --- Emission factors (the API other modules use) ----------------------------------


def emission_factor_get(*, code: str) -> EmissionFactor:
    """The factor with this code; raises EmissionFactor.DoesNotExist if there is none."""
    return EmissionFactor.objects.get(code=code)


def emission_factor_list(*, kind: str | None = None) -> QuerySet[EmissionFactor]:
    factors = EmissionFactor.objects.all()
    return factors.filter(kind=kind) if kind else factors


def grid_factor_for(*, region: str, utility: str = "") -> EmissionFactor:
    """The utility's grid factor when known, else the region's default.

    Hong Kong defaults to the government's 0.7 kg/kWh, Guangdong to the Southern
    grid's factor (the programme's decision); the Secretariat may change either.
    """
    grids = EmissionFactor.objects.filter(kind=EmissionFactor.Kind.GRID, region=region)
    if utility:
        factor = grids.filter(utility=utility).first()
        if factor is not None:
            return factor
    return grids.get(is_region_default=True)


def emissions_for_quantities(*, quantities: Mapping[str, Decimal]) -> calc.Emissions:
    """Kg of CO2, NOx, SO2 and PM of quantities keyed by factor code, e.g.
    ``{"hk-clp": Decimal("144000"), "diesel": Decimal("5000")}`` (kWh, litres).

    Raises EmissionFactor.DoesNotExist naming a code that has no factor.
    """
    factors = {f.code: f for f in EmissionFactor.objects.filter(code__in=quantities)}
    missing = set(quantities) - set(factors)
    if missing:
        raise EmissionFactor.DoesNotExist(f"no emission factor: {sorted(missing)}")
    return calc.emissions_from_quantities(
        (factors[code].as_factor(), Decimal(q)) for code, q in quantities.items()
    )


# --- Reference figures for one calculation ----------------------------------------


@dataclass(frozen=True)
class Reference:
    """Every factor, tariff, exchange rate and end use, read once per request."""

    factors: Mapping[str, EmissionFactor]
    tariffs: tuple[Tariff, ...]
    rates: Mapping[str, CurrencyRate]
    end_uses: Mapping[str, EndUse]

    def grid(self, *, region: str, utility: str = "") -> EmissionFactor:
        grids = [
            f
            for f in self.factors.values()
            if f.kind == EmissionFactor.Kind.GRID and f.region == region
        ]
        for factor in grids:
            if utility and factor.utility == utility:
                return factor
        return next(f for f in grids if f.is_region_default)

    def fuels(self) -> list[EmissionFactor]:
        return [f for f in self.factors.values() if f.kind == EmissionFactor.Kind.FUEL]

    def tariff(
        self, *, region: str, resource: str, fuel: str = "", utility: str = ""
    ) -> Tariff | None:
        candidates = [
            t
            for t in self.tariffs
            if t.region == region
            and t.resource == resource
            and (t.fuel.code if t.fuel_id else "") == fuel
        ]
        for wanted in (utility, ""):
            for tariff in candidates:
                if tariff.utility == wanted:
                    return tariff
        return candidates[0] if candidates else None


def reference_load() -> Reference:
    """Four queries, whatever the number of measures."""
    factors = {f.code: f for f in EmissionFactor.objects.all()}
    return Reference(
        factors=factors,
        tariffs=tuple(Tariff.objects.select_related("fuel")),
        rates={r.currency: r for r in CurrencyRate.objects.all()},
        end_uses={e.code: e for e in EndUse.objects.all()},
    )


# --- Content ----------------------------------------------------------------------


def industry_list_targeted() -> QuerySet[ToolboxIndustry]:
    return ToolboxIndustry.objects.exclude(code=UTILITIES)


def industry_get(*, code: str) -> ToolboxIndustry | None:
    return (
        ToolboxIndustry.objects.select_related("typical_fuel").filter(code=code).first()
    )


def process_list_for_industry(*, industry_code: str) -> QuerySet[Process]:
    """The industry's own processes, then the utilities every factory has."""
    return Process.objects.filter(
        industry__code__in=[industry_code, UTILITIES]
    ).select_related("industry")


def _with_details(measures: QuerySet[Measure]) -> QuerySet[Measure]:
    return measures.prefetch_related(
        Prefetch(
            "effects",
            queryset=MeasureEffect.objects.select_related("end_use").order_by(
                "ordering", "pk"
            ),
        ),
        Prefetch(
            "success_cases",
            queryset=SuccessCase.objects.filter(is_published=True).order_by("title"),
            to_attr="published_cases",
        ),
    )


def measure_list_published(
    *,
    industry_code: str | None = None,
    process_slugs: Iterable[str] | None = None,
) -> QuerySet[Measure]:
    """Published measures for the ticked processes, else for the industry (and the
    utilities), else all; effects and published success cases prefetched."""
    measures = Measure.objects.filter(is_published=True)
    process_slugs = list(process_slugs or [])
    if process_slugs:
        measures = measures.filter(processes__slug__in=process_slugs)
    elif industry_code:
        measures = measures.filter(
            processes__industry__code__in=[industry_code, UTILITIES]
        )
    ids = measures.values("pk")
    return _with_details(Measure.objects.filter(pk__in=ids))


def measure_slugs_for_processes(*, process_slugs: Iterable[str]) -> set[str]:
    """The published measures that apply to any of the processes (one query)."""
    return set(
        Measure.objects.filter(
            is_published=True, processes__slug__in=list(process_slugs)
        ).values_list("slug", flat=True)
    )


def measure_get_published(*, slug: str) -> Measure:
    measure = get_object_or_404(
        _with_details(Measure.objects.filter(is_published=True)), slug=slug
    )
    return measure


def measure_processes(*, measure: Measure) -> QuerySet[Process]:
    return measure.processes.select_related("industry")
