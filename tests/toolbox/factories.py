from decimal import Decimal

import factory

from cases.models import SuccessCase
from toolbox.models import (
    CurrencyRate,
    EmissionFactor,
    EndUse,
    Measure,
    MeasureEffect,
    Process,
    Tariff,
    ToolboxIndustry,
)


class SuccessCaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SuccessCase

    slug = factory.Sequence(lambda n: f"case-{n}")
    title_en = factory.Sequence(lambda n: f"Case {n}")
    industry = "textiles"
    technology_category = "chillers"
    is_published = True


class GridFactorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmissionFactor
        django_get_or_create = ("code",)

    code = "hk-default"
    name_en = "Hong Kong grid (utility not known)"
    kind = EmissionFactor.Kind.GRID
    region = "HK"
    is_region_default = True
    unit_en = "kWh"
    energy_mj_per_unit = Decimal("3.6")
    co2_kg_per_unit = Decimal("0.7")
    source = "climateready.gov.hk default"
    year = "current default"
    status = "C"


class FuelFactorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmissionFactor
        django_get_or_create = ("code",)

    code = "lpg"
    name_en = "LPG"
    kind = EmissionFactor.Kind.FUEL
    unit_en = "kg"
    energy_mj_per_unit = Decimal("47.3")
    co2_kg_per_unit = Decimal("2.9846")
    nox_kg_per_unit = Decimal("0.000190146")
    source = "IPCC 2006"
    year = "2006"
    status = "I"


class TariffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tariff
        django_get_or_create = ("code",)

    code = "hk-electricity"
    name_en = "Hong Kong electricity"
    resource = "electricity"
    region = "HK"
    price_low = Decimal("1.43")
    price_high = Decimal("1.655")
    source = "CLP and HK Electric 2024"
    year = "2024"
    status = "C"


class CurrencyRateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CurrencyRate
        django_get_or_create = ("currency",)

    currency = "RMB"
    per_hkd = Decimal("0.92")
    source = "programme reference"


class IndustryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ToolboxIndustry
        django_get_or_create = ("code",)

    code = "textiles"
    name_en = "Textiles"
    name_zh_hant = "紡織"
    name_zh_hans = "纺织"
    typical_electricity_kwh = Decimal("1000000")


class ProcessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Process

    industry = factory.SubFactory(IndustryFactory)
    slug = factory.Sequence(lambda n: f"process-{n}")
    name_en = factory.Sequence(lambda n: f"Process {n}")


class EndUseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EndUse
        django_get_or_create = ("code",)

    code = "chillers"
    name_en = "Chillers"
    resource = "electricity"
    default_share_low = Decimal("0.25")
    default_share_high = Decimal("0.50")


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"measure-{n}")
    name_en = factory.Sequence(lambda n: f"Measure {n}")
    summary_en = "What it is."
    sources = "A source."
    investment_low_hkd = Decimal("600000")
    investment_high_hkd = Decimal("900000")

    @factory.post_generation
    def processes(self, create, extracted, **kwargs):
        if create and extracted:
            self.processes.set(extracted)


class MeasureEffectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeasureEffect

    measure = factory.SubFactory(MeasureFactory)
    end_use = factory.SubFactory(EndUseFactory)
    value_low = Decimal("0.30")
    value_high = Decimal("0.45")
