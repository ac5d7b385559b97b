"""Load the CP Toolbox's content: reference figures, industries, processes, end uses and
measures, in three languages. Idempotent (natural keys).

``seed()`` (run by ``seed_demo``) brings seeded rows back to the published content;
``seed(overwrite=False)`` (the ``toolbox_content`` command) only adds what is missing,
keeping the Secretariat's edits.
"""

from decimal import Decimal

from django.db import transaction

from cases.models import SuccessCase

from .content.catalogue import (
    END_USES,
    INDUSTRIES,
    PROCESSES,
    PROFILE_SOURCE,
    SHARE_SOURCE,
)
from .content.measures import MEASURES
from .content.reference import FACTORS, RATES, TARIFFS, YEARS
from .models import (
    CurrencyRate,
    EmissionFactor,
    EndUse,
    Measure,
    MeasureEffect,
    Process,
    Tariff,
    ToolboxIndustry,
)

LANGS = ("en", "zh_hant", "zh_hans")
REGION_NAMES = {
    "HK": ("Hong Kong", "香港", "香港"),
    "GD": ("Guangdong", "廣東", "广东"),
}


def _tr(field: str, values) -> dict:
    """{"name_en": ..., "name_zh_hant": ..., "name_zh_hans": ...} from a 3-tuple."""
    return {f"{field}_{lang}": value for lang, value in zip(LANGS, values, strict=True)}


def _years(year: str) -> dict:
    return _tr("year", YEARS.get(year, (year, year, year)))


def _dec(value) -> Decimal | None:
    return None if value is None else Decimal(value)


def _save(model, overwrite: bool, defaults: dict, **lookup):
    if overwrite:
        return model.objects.update_or_create(defaults=defaults, **lookup)[0]
    return model.objects.get_or_create(defaults=defaults, **lookup)[0]


def _seed_reference(overwrite: bool) -> dict[str, EmissionFactor]:
    factors = {}
    for order, row in enumerate(FACTORS):
        factors[row["code"]] = _save(
            EmissionFactor,
            overwrite,
            {
                "kind": row["kind"],
                "region": row.get("region", ""),
                "utility": row.get("utility", ""),
                "is_region_default": row.get("is_region_default", False),
                **_tr("name", row["name"]),
                **_tr("unit", row["unit"]),
                **_tr("scope", row["scope"]),
                "energy_mj_per_unit": _dec(row.get("energy_mj_per_unit")),
                "co2_kg_per_unit": _dec(row.get("co2_kg_per_unit")),
                "nox_kg_per_unit": _dec(row.get("nox_kg_per_unit")),
                "so2_kg_per_unit": _dec(row.get("so2_kg_per_unit")),
                "pm_kg_per_unit": _dec(row.get("pm_kg_per_unit")),
                "source": row["source"],
                **_years(row["year"]),
                "status": row["status"],
                "ordering": order,
            },
            code=row["code"],
        )
    for order, row in enumerate(TARIFFS):
        fuel = factors[row["fuel"]] if row.get("fuel") else None
        names = row["name"]
        if names is None:
            region = REGION_NAMES[row["region"]]
            names = (
                f"{fuel.name_en} price, {region[0]}",
                f"{region[1]}{fuel.name_zh_hant}價格",
                f"{region[2]}{fuel.name_zh_hans}价格",
            )
        _save(
            Tariff,
            overwrite,
            {
                "resource": row["resource"],
                "fuel": fuel,
                "region": row["region"],
                "utility": row.get("utility", ""),
                "currency": row.get("currency", "HKD"),
                **_tr("name", names),
                "price_low": _dec(row.get("price_low")),
                "price_high": _dec(row.get("price_high")),
                "source": row["source"],
                **_years(row.get("year", "")),
                "status": row["status"],
                "ordering": order,
            },
            code=row["code"],
        )
    for row in RATES:
        _save(
            CurrencyRate,
            overwrite,
            {
                "per_hkd": Decimal(row["per_hkd"]),
                "source": row["source"],
                **_years(row["year"]),
                "status": row["status"],
            },
            currency=row["currency"],
        )
    return factors


def _seed_catalogue(overwrite: bool, factors) -> None:
    for order, row in enumerate(INDUSTRIES):
        code, names, descriptions, kwh, fuel, fuel_qty, water, materials, voc = row
        _save(
            ToolboxIndustry,
            overwrite,
            {
                **_tr("name", names),
                **_tr("description", descriptions),
                "ordering": order,
                "typical_electricity_kwh": _dec(kwh),
                "typical_fuel": factors.get(fuel),
                "typical_fuel_quantity": _dec(fuel_qty),
                "typical_water_m3": _dec(water),
                "typical_materials_hkd": _dec(materials),
                "typical_voc_kg": _dec(voc),
                "profile_source": PROFILE_SOURCE if kwh is not None else "",
            },
            code=code,
        )
    industries = {i.code: i for i in ToolboxIndustry.objects.all()}
    for order, (slug, industry, names, descriptions) in enumerate(PROCESSES):
        _save(
            Process,
            overwrite,
            {
                "industry": industries[industry],
                **_tr("name", names),
                **_tr("description", descriptions),
                "ordering": order,
            },
            slug=slug,
        )
    for order, (code, resource, whole, low, high, names) in enumerate(END_USES):
        _save(
            EndUse,
            overwrite,
            {
                "resource": resource,
                "whole_site": whole,
                "default_share_low": Decimal(low),
                "default_share_high": Decimal(high),
                "share_source": "" if whole else SHARE_SOURCE,
                **_tr("name", names),
                "ordering": order,
            },
            code=code,
        )


def _seed_measures(overwrite: bool) -> None:
    processes = {p.slug: p for p in Process.objects.all()}
    end_uses = {e.code: e for e in EndUse.objects.all()}
    for order, row in enumerate(MEASURES):
        basis, low, high = row["investment"]
        payback = row["payback"] or (None, None)
        exists = Measure.objects.filter(slug=row["slug"]).exists()
        measure = _save(
            Measure,
            overwrite,
            {
                **_tr("name", row["name"]),
                **_tr("summary", row["summary"]),
                **_tr("applicability", row["applicability"]),
                **_tr("co_benefits", row["co_benefits"]),
                **_tr("capacity_unit", row["unit"] or ("", "", "")),
                "sources": row["sources"],
                "investment_basis": basis,
                "investment_low_hkd": Decimal(low),
                "investment_high_hkd": Decimal(high),
                "typical_capacity": _dec(row["capacity"]),
                "payback_low_years": _dec(payback[0]),
                "payback_high_years": _dec(payback[1]),
                **{
                    f"reduces_{flag}": flag in row["reduces"]
                    for flag in ("co2", "nox", "so2", "particulates", "voc", "effluent")
                },
                "reduces_refrigerant_impact": "refrigerant" in row["reduces"],
                "ordering": order,
            },
            slug=row["slug"],
        )
        if exists and not overwrite:
            continue
        measure.processes.set([processes[slug] for slug in row["processes"]])
        # Link only the success cases that exist (another app seeds them first).
        measure.success_cases.set(SuccessCase.objects.filter(slug__in=row["cases"]))
        wanted = []
        for position, (end_use, basis, direction, low, high) in enumerate(
            row["effects"]
        ):
            effect, _ = MeasureEffect.objects.update_or_create(
                measure=measure,
                end_use=end_uses[end_use],
                basis=basis,
                defaults={
                    "direction": direction,
                    "value_low": Decimal(low),
                    "value_high": Decimal(high),
                    "ordering": position,
                },
            )
            wanted.append(effect.pk)
        measure.effects.exclude(pk__in=wanted).delete()


def seed(*, stdout=None, overwrite: bool = True) -> None:
    with transaction.atomic():
        factors = _seed_reference(overwrite)
        _seed_catalogue(overwrite, factors)
        _seed_measures(overwrite)
    if stdout is not None:
        stdout.write(
            f"  toolbox: {Measure.objects.count()} measures, "
            f"{EmissionFactor.objects.count()} emission factors"
        )
