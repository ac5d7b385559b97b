import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from PIL import Image

from cases import demo
from cases.models import CasePhoto, SuccessCase, TechnologyCategory
from cases.validators import validate_photo
from core.choices import Industry

from .factories import SuccessCaseFactory


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 18), (11, 107, 58)).save(buffer, format="PNG")
    return buffer.getvalue()


def titles(response) -> list[str]:
    return [case.title for case in response.context["page_obj"]]


@pytest.mark.django_db
def test_filters_narrow_the_list_by_industry_technology_and_benefit(client):
    SuccessCaseFactory(title_en="Textile LED", industry=Industry.TEXTILES)
    SuccessCaseFactory(
        title_en="Food chiller",
        industry=Industry.FOOD,
        technology_category=TechnologyCategory.CHILLERS,
    )
    SuccessCaseFactory(title_en="Dye water", benefit_energy=False, benefit_water=True)

    assert titles(client.get("/en/cases/?industry=food")) == ["Food chiller"]
    assert titles(client.get("/en/cases/?technology=chillers")) == ["Food chiller"]
    assert titles(client.get("/en/cases/?benefit=water")) == ["Dye water"]
    assert len(titles(client.get("/en/cases/?benefit=energy"))) == 2


@pytest.mark.django_db
def test_an_unknown_filter_value_is_ignored_with_a_message(client):
    SuccessCaseFactory()

    response = client.get("/en/cases/?industry=shipbuilding")

    assert response.status_code == 200
    assert len(titles(response)) == 1
    assert "is-invalid" in response.content.decode()


@pytest.mark.django_db
def test_english_search_matches_word_forms_and_ranks_titles_first(client):
    SuccessCaseFactory(title_en="Lighting upgrade", summary_en="New chillers too.")
    SuccessCaseFactory(title_en="Oil-free chiller", summary_en="Quiet plant.")
    SuccessCaseFactory(title_en="Solar roof", summary_en="Panels.")

    response = client.get("/en/cases/?q=chillers")

    assert titles(response) == ["Oil-free chiller", "Lighting upgrade"]


@pytest.mark.django_db
def test_chinese_search_finds_a_phrase_inside_unspaced_text(client):
    SuccessCaseFactory(title_zh_hant="無油離心式冷水機組", title_en="Chiller")
    SuccessCaseFactory(title_zh_hant="以LED燈取代T5光管", title_en="LED")

    response = client.get("/zh-hant/cases/?q=冷水機")

    assert titles(response) == ["無油離心式冷水機組"]


@pytest.mark.django_db
def test_search_uses_the_current_languages_text(client):
    SuccessCaseFactory(title_en="Chiller", title_zh_hans="冷水机")

    assert titles(client.get("/zh-hans/cases/?q=冷水机")) == ["冷水机"]
    assert titles(client.get("/en/cases/?q=冷水机")) == []


@pytest.mark.django_db
def test_the_plain_fallback_searches_by_substring(client, settings):
    settings.USING_POSTGRES = False
    SuccessCaseFactory(title_en="Oil-free chiller")
    SuccessCaseFactory(title_en="Solar roof")

    assert titles(client.get("/en/cases/?q=CHILL")) == ["Oil-free chiller"]


@pytest.mark.django_db
def test_full_text_search_can_use_the_gin_index():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    from django.utils import translation

    from cases.selectors import CaseFilters, case_search

    with translation.override("en"):
        queryset = case_search(filters=CaseFilters(text="chiller"))
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        # On a near-empty table the planner may prefer the is_published index at
        # random; drop it inside the test's transaction (rolled back afterwards).
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'cases_successcase'"
            " AND indexdef LIKE '%(is_published%'"
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f'DROP INDEX "{name}"')
        plan = queryset.explain()

    assert "case_search_en" in plan


@pytest.mark.django_db
def test_unpublished_cases_and_their_photos_are_not_found(client):
    case = SuccessCaseFactory(is_published=False)
    photo = CasePhoto(case=case, alt_text_en="Plant")
    photo.image.save("plant.png", ContentFile(png_bytes()))

    assert client.get(case.get_absolute_url()).status_code == 404
    assert client.get(photo.get_absolute_url()).status_code == 404
    assert case.title not in client.get("/en/cases/").content.decode()


@pytest.mark.django_db
def test_case_detail_shows_figures_illustrative_marking_and_photos(client):
    case = SuccessCaseFactory(
        investment_hkd=Decimal("2000000"),
        annual_cost_saving_hkd=Decimal("311600"),
        payback_years=Decimal("6.4"),
        annual_electricity_saving_kwh=Decimal("410000"),
        co2_reduction_tonnes=Decimal("158.63"),
        grid_factor_kg_per_kwh=Decimal("0.3869"),
        figures_source_en="Derived from indicative figures.",
    )
    photo = CasePhoto(case=case, alt_text_en="Three chiller modules")
    photo.image.save("plant.png", ContentFile(png_bytes()))

    body = client.get(case.get_absolute_url()).content.decode()

    assert "Illustrative figures" in body
    assert "HK$2,000,000" in body and "HK$311,600" in body
    assert "6.4 years" in body
    assert "410,000 kWh a year" in body
    assert "at 0.3869 kg CO₂ per kWh" in body
    assert 'alt="Three chiller modules"' in body
    assert "Matching CP Toolbox measures" not in body
    image = client.get(photo.get_absolute_url())
    assert image["Content-Type"] == "image/png"
    assert b"".join(image.streaming_content) == png_bytes()


@pytest.mark.django_db
def test_verified_cases_are_not_marked_illustrative(client):
    case = SuccessCaseFactory(figures_are_illustrative=False)

    assert (
        "Illustrative figures"
        not in client.get(case.get_absolute_url()).content.decode()
    )


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("plant.png", png_bytes(), None),
        ("plant.jpg", png_bytes(), "does not match"),
        ("plant.png", b"GIF89a not really", "Upload a JPEG"),
        ("plant.png", b"<svg onload=alert(1)>", "Upload a JPEG"),
    ],
)
def test_photos_are_checked_by_their_content(name, content, error):
    upload = SimpleUploadedFile(name, content)

    if error is None:
        validate_photo(upload)
    else:
        with pytest.raises(ValidationError, match=error):
            validate_photo(upload)


@pytest.mark.django_db
def test_the_twelve_seeded_cases_keep_their_slugs_languages_and_consistent_figures():
    demo.seed()

    cases = list(SuccessCase.objects.order_by("-published_on"))

    assert [c.slug for c in cases] == [case["slug"] for case in demo.CASES]
    for case in cases:
        assert case.figures_are_illustrative
        assert case.title_en and case.title_zh_hant and case.title_zh_hans
        assert case.figures_source_en and case.figures_source_zh_hans
        assert case.photos.count() == 1
        if case.annual_electricity_saving_kwh:
            factor = (
                Decimal("0.7") if case.location.startswith("hk-") else Decimal("0.3869")
            )
            expected = case.annual_electricity_saving_kwh * factor / 1000
            assert abs(case.co2_reduction_tonnes - expected) < Decimal("0.01")
        if case.payback_years:
            expected = case.investment_hkd / case.annual_cost_saving_hkd
            assert abs(case.payback_years - expected) <= Decimal("0.05")
    assert cases[0].title_zh_hant == "無油離心式冷水機組（模塊式）"
