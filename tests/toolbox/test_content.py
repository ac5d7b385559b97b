from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from core.choices import Industry
from toolbox import demo
from toolbox.models import (
    EmissionFactor,
    Measure,
    MeasureEffect,
    Process,
    Tariff,
    ToolboxIndustry,
)
from toolbox.selectors import (
    emission_factor_get,
    emissions_for_quantities,
    grid_factor_for,
)

from .factories import MeasureFactory, SuccessCaseFactory

CASE_SLUGS = [
    "oil-free-modular-centrifugal-chiller",
    "maglev-oil-free-centrifugal-chiller",
    "air-cooled-maglev-centrifugal-chiller",
    "grid-connected-pv-textile-factory",
    "hydrocarbon-refrigerant-air-conditioning",
    "electric-pressure-cookers",
    "high-frequency-electromagnetic-descaling",
    "led-replacing-t5-tubes",
    "indoor-tvoc-treatment",
    "power-saving-system",
    "tf-power-saver-supply-efficiency",
    "electrodeless-lamps-replacing-mercury-lamps",
]


@pytest.fixture
def seeded(db):
    demo.seed()


def snapshot() -> dict:
    return {
        "measures": list(
            Measure.objects.order_by("slug").values_list(
                "slug", "name_zh_hant", "investment_low_hkd", "investment_high_hkd"
            )
        ),
        "effects": MeasureEffect.objects.count(),
        "factors": list(
            EmissionFactor.objects.order_by("code").values_list(
                "code", "co2_kg_per_unit"
            )
        ),
        "tariffs": Tariff.objects.count(),
        "processes": Process.objects.count(),
    }


def test_every_targeted_industry_has_real_choices(seeded):
    utilities = Measure.objects.filter(processes__industry__code="utilities")
    choices = {}
    for industry in Industry.targeted():
        processes = Process.objects.filter(industry__code=industry)
        own = Measure.objects.filter(processes__in=processes, is_published=True)
        choices[industry] = (
            processes.count() >= 3,
            own.distinct().count() >= 5,
            all(p.measures.exists() for p in processes),
        )

    assert choices == {i.value: (True, True, True) for i in Industry.targeted()}
    assert utilities.distinct().count() >= 10


def test_every_measure_is_in_three_languages_with_sources_and_effects(seeded):
    for measure in Measure.objects.prefetch_related("effects"):
        for field in ("name", "summary", "applicability", "co_benefits"):
            for language in ("en", "zh_hant", "zh_hans"):
                assert getattr(measure, f"{field}_{language}"), (measure.slug, field)
        assert measure.sources
        assert measure.effects.exists()
        assert measure.investment_low_hkd <= measure.investment_high_hkd


def test_factors_follow_the_programme_and_leave_unknowns_empty(seeded):
    assert grid_factor_for(region="HK").co2_kg_per_unit == Decimal("0.7")
    assert grid_factor_for(region="HK", utility="clp").code == "hk-clp"
    assert grid_factor_for(region="GD").co2_kg_per_unit == Decimal("0.3869")
    towngas = emission_factor_get(code="towngas")
    assert towngas.co2_kg_per_unit is None
    assert towngas.status == "U"
    assert "[U]" in towngas.source
    assert "IPCC 2006" in emission_factor_get(code="diesel").source
    assert Tariff.objects.get(code="gd-water").price_low is None


def test_other_modules_compute_emissions_by_factor_code(seeded):
    # 144,000 kWh × 0.49 (CLP 2019) = 70,560 kg; 1,000 L diesel × 2.6765 = 2,676.5 kg.
    result = emissions_for_quantities(
        quantities={"hk-clp": Decimal("144000"), "diesel": Decimal("1000")}
    )

    assert result.kg["co2"] == Decimal("73236.5")
    assert result.unknown["nox"] == ("hk-clp", "diesel")
    with pytest.raises(EmissionFactor.DoesNotExist):
        emissions_for_quantities(quantities={"moon-grid": Decimal(1)})


def test_seed_is_idempotent(seeded):
    before = snapshot()

    demo.seed()

    assert snapshot() == before


def test_seed_links_the_success_cases_that_exist(db):
    SuccessCaseFactory(slug="led-replacing-t5-tubes")
    SuccessCaseFactory(slug="indoor-tvoc-treatment")

    demo.seed()

    assert list(
        Measure.objects.get(slug="led-tubes").success_cases.values_list(
            "slug", flat=True
        )
    ) == ["led-replacing-t5-tubes"]
    assert Measure.objects.get(slug="rotor-rto").success_cases.count() == 1
    assert Measure.objects.get(slug="maglev-chiller").success_cases.count() == 0


def test_every_named_success_case_has_a_measure(db):
    for slug in CASE_SLUGS:
        SuccessCaseFactory(slug=slug)

    demo.seed()

    linked = set(
        Measure.success_cases.through.objects.values_list(
            "successcase__slug", flat=True
        )
    )
    assert linked == set(CASE_SLUGS)


def test_content_command_adds_what_is_missing_and_keeps_edits(seeded):
    EmissionFactor.objects.filter(code="towngas").update(co2_kg_per_unit=Decimal("0.6"))
    Measure.objects.filter(slug="led-tubes").delete()

    call_command("toolbox_content", stdout=None)

    assert emission_factor_get(code="towngas").co2_kg_per_unit == Decimal("0.6")
    assert Measure.objects.get(slug="led-tubes").effects.count() == 1


def test_measure_ranges_are_kept_in_order_by_the_database(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        MeasureFactory(
            investment_low_hkd=Decimal("900000"), investment_high_hkd=Decimal("600000")
        )


def test_one_default_grid_per_region(seeded):
    with pytest.raises(IntegrityError), transaction.atomic():
        EmissionFactor.objects.filter(code="hk-clp").update(is_region_default=True)


def test_secretariat_edits_the_toolbox_in_the_admin(client, seeded, secretariat_user):
    client.force_login(secretariat_user)
    measure = Measure.objects.get(slug="maglev-chiller")

    for address in (
        "/en/admin/toolbox/measure/",
        f"/en/admin/toolbox/measure/{measure.pk}/change/",
        "/en/admin/toolbox/emissionfactor/",
        "/en/admin/toolbox/tariff/",
        "/en/admin/toolbox/toolboxindustry/",
        "/en/admin/toolbox/enduse/",
    ):
        assert client.get(address).status_code == 200, address


@pytest.mark.parametrize("user_fixture", ["applicant_user", "epd_user"])
def test_other_roles_cannot_edit_the_toolbox(client, seeded, request, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))

    response = client.post(
        "/en/admin/toolbox/emissionfactor/"
        f"{emission_factor_get(code='hk-default').pk}/change/",
        {"co2_kg_per_unit": "0.1"},
    )

    assert response.status_code == 302
    assert emission_factor_get(code="hk-default").co2_kg_per_unit == Decimal("0.7")
    assert ToolboxIndustry.objects.count() == 9
