from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

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


class ProcessInline(TranslationTabularInline):
    model = Process
    fields = ["slug", "name", "description", "ordering"]
    extra = 0


@admin.register(ToolboxIndustry)
class ToolboxIndustryAdmin(TranslationAdmin):
    list_display = [
        "name",
        "code",
        "typical_electricity_kwh",
        "typical_fuel",
        "ordering",
    ]
    list_editable = ["ordering"]
    inlines = [ProcessInline]


@admin.register(Process)
class ProcessAdmin(TranslationAdmin):
    list_display = ["name", "industry", "slug", "ordering"]
    list_filter = ["industry"]
    search_fields = ["name_en", "name_zh_hant", "name_zh_hans", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(EndUse)
class EndUseAdmin(TranslationAdmin):
    list_display = [
        "name",
        "code",
        "resource",
        "whole_site",
        "default_share_low",
        "default_share_high",
    ]
    list_filter = ["resource", "whole_site"]
    search_fields = ["name_en", "code"]


class MeasureEffectInline(admin.TabularInline):
    model = MeasureEffect
    fields = ["end_use", "basis", "direction", "value_low", "value_high", "ordering"]
    extra = 0
    autocomplete_fields = ["end_use"]


@admin.register(Measure)
class MeasureAdmin(TranslationAdmin):
    list_display = [
        "name",
        "investment_low_hkd",
        "investment_high_hkd",
        "investment_basis",
        "figures_are_indicative",
        "is_published",
    ]
    list_filter = ["is_published", "figures_are_indicative", "processes__industry"]
    search_fields = ["name_en", "name_zh_hant", "name_zh_hans", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    filter_horizontal = ["processes"]
    autocomplete_fields = ["success_cases"]
    inlines = [MeasureEffectInline]
    fieldsets = [
        (None, {"fields": ["slug", "name", "summary", "applicability", "co_benefits"]}),
        (
            _("Costs"),
            {
                "fields": [
                    "investment_basis",
                    "investment_low_hkd",
                    "investment_high_hkd",
                    "capacity_unit",
                    "typical_capacity",
                    "payback_low_years",
                    "payback_high_years",
                ]
            },
        ),
        (
            _("What it reduces"),
            {
                "fields": [
                    "reduces_co2",
                    "reduces_nox",
                    "reduces_so2",
                    "reduces_particulates",
                    "reduces_voc",
                    "reduces_effluent",
                    "reduces_refrigerant_impact",
                ]
            },
        ),
        (
            _("Where it applies and evidence"),
            {
                "fields": [
                    "processes",
                    "success_cases",
                    "sources",
                    "figures_are_indicative",
                    "is_published",
                    "ordering",
                ]
            },
        ),
    ]


@admin.register(EmissionFactor)
class EmissionFactorAdmin(TranslationAdmin):
    list_display = [
        "name",
        "code",
        "kind",
        "region",
        "co2_kg_per_unit",
        "unit",
        "year",
        "status",
        "is_region_default",
    ]
    list_filter = ["kind", "region", "status"]
    search_fields = ["name_en", "code"]


@admin.register(Tariff)
class TariffAdmin(TranslationAdmin):
    list_display = [
        "name",
        "region",
        "resource",
        "currency",
        "price_low",
        "price_high",
        "year",
        "status",
    ]
    list_filter = ["region", "resource", "status"]
    search_fields = ["name_en", "code"]


@admin.register(CurrencyRate)
class CurrencyRateAdmin(TranslationAdmin):
    list_display = ["currency", "per_hkd", "year", "status"]
