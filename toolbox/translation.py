from modeltranslation.translator import TranslationOptions, register

from .models import (
    CurrencyRate,
    EmissionFactor,
    EndUse,
    Measure,
    Process,
    Tariff,
    ToolboxIndustry,
)


@register(ToolboxIndustry)
class ToolboxIndustryTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Process)
class ProcessTranslation(TranslationOptions):
    fields = ("name", "description")


@register(EndUse)
class EndUseTranslation(TranslationOptions):
    fields = ("name",)


@register(Measure)
class MeasureTranslation(TranslationOptions):
    fields = ("name", "summary", "applicability", "co_benefits", "capacity_unit")


@register(EmissionFactor)
class EmissionFactorTranslation(TranslationOptions):
    fields = ("name", "unit", "scope", "year")


@register(Tariff)
class TariffTranslation(TranslationOptions):
    fields = ("name", "year")


@register(CurrencyRate)
class CurrencyRateTranslation(TranslationOptions):
    fields = ("year",)
