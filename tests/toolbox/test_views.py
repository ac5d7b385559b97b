from decimal import Decimal
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from toolbox import views
from toolbox.services import PREFILL_SESSION_KEY

from ..conftest import LANGUAGES
from .factories import MeasureFactory, SuccessCaseFactory

WORKED = {
    "industry": "textiles",
    "region": "HK",
    "measure": "maglev-chiller",
    "electricity_kwh": "1,200,000",
    "electricity_price": "1.40",
    "share_chillers": "40",
}


def url(name: str, language: str = "en", query=None, **kwargs) -> str:
    with translation.override(language):
        address = reverse(f"toolbox:{name}", kwargs=kwargs or None)
    return f"{address}?{urlencode(query, doseq=True)}" if query else address


def count_queries(client, address: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


@pytest.mark.parametrize("language", LANGUAGES)
def test_step_one_offers_the_targeted_industries_in_each_language(
    client, toolbox, language
):
    response = client.get(url("index", language))

    page = response.content.decode()
    assert response.status_code == 200
    assert {"en": "Textiles", "zh-hant": "紡織", "zh-hans": "纺织"}[language] in page
    assert "Utilities" not in page


def test_step_two_offers_the_industrys_and_the_utilities_processes_only(
    client, toolbox
):
    response = client.get(
        url("processes", query={"industry": "textiles", "region": "HK"})
    )

    page = response.content.decode()
    assert "Dyeing" in page
    assert "Chillers" in page
    assert "Cooking" not in page


def test_step_two_sends_an_unknown_industry_back_to_step_one(client, toolbox):
    response = client.get(
        url("processes", query={"industry": "nuclear", "region": "HK"})
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert 'action="/en/toolbox/processes/"' in page


def test_step_three_needs_a_process(client, toolbox):
    response = client.get(
        url("measures", query={"industry": "textiles", "region": "HK"})
    )

    assert "Tick at least one process." in response.content.decode()


def test_step_three_ranks_measures_by_payback_or_by_co2(client, toolbox):
    # Typical textiles factory: 1,000,000 kWh; chillers 25–50%: 250,000–500,000 kWh.
    # Chiller saves 30–45%: cautious 75,000 kWh × HK$1.43 = HK$107,250; payback up to
    #   900,000 ÷ 107,250 = 8.4 years. Descaling 5–10%: 12,500 kWh × 1.43 = 17,875;
    #   payback up to 100,000 ÷ 17,875 = 5.6 years: quicker, but far less CO2.
    query = {"industry": "textiles", "region": "HK", "process": ["u-chillers"]}

    by_payback = client.get(url("measures", query=query)).content.decode()
    by_co2 = client.get(
        url("measures", query={**query, "sort": "co2"})
    ).content.decode()

    assert by_payback.index("Electromagnetic descaling") < by_payback.index(
        "Maglev chiller"
    )
    assert by_co2.index("Maglev chiller") < by_co2.index("Electromagnetic descaling")
    assert "Electric cookers" not in by_payback
    assert "HK$600,000–900,000" in by_payback


def test_step_three_queries_do_not_grow_with_the_measures(
    client, toolbox, many_measures, django_assert_max_num_queries
):
    address = url(
        "measures",
        query={"industry": "textiles", "region": "HK", "process": ["u-chillers"]},
    )
    few = count_queries(client, address)
    many_measures(10)

    with django_assert_max_num_queries(few):
        response = client.get(address)
    assert response.content.decode().count("Add to my estimate") == 12


def test_calculator_shows_the_worked_example_with_its_arithmetic(client, toolbox):
    # As in test_calculations: HK$201,600–302,400 a year, 100.8–151.2 t CO2,
    # payback 1.98–4.46 years; shown to three significant figures.
    response = client.get(url("calculator", query=WORKED))

    page = response.content.decode()
    assert response.status_code == 200
    assert "HK$202,000–302,000" in page
    assert "101–151 t" in page
    assert "2.0–4.5 years" in page
    assert "1,200,000 kWh × 40% = 480,000 kWh" in page
    assert "480,000 kWh × 30–45% = 144,000–216,000 kWh" in page
    assert "0.7 kg CO₂/kWh" in page
    assert "climateready.gov.hk default" in page


def test_calculator_in_guangdong_converts_rmb_and_uses_the_southern_grid(
    client, toolbox
):
    # 144,000–216,000 kWh × RMB 0.80 ÷ 0.92 = HK$125,217–187,826;
    # CO2 144,000 × 0.3869 = 55,714 kg; 216,000 × 0.3869 = 83,570 kg.
    query = {
        **WORKED,
        "region": "GD",
        "electricity_price": "0.80",
        "rmb_per_hkd": "0.92",
    }

    page = client.get(url("calculator", query=query)).content.decode()

    assert "HK$125,000–188,000" in page
    assert "55.7–83.6 t" in page
    assert "0.3869 kg CO₂/kWh" in page
    assert "Electricity price (RMB per kWh)" in page


def test_calculator_combines_overlapping_measures_and_says_so(client, toolbox):
    # Chiller then descaling on the same 480,000 kWh: 160,800–242,400 kWh in all.
    query = {**WORKED, "measure": ["maglev-chiller", "descaling"]}

    page = client.get(url("calculator", query=query)).content.decode()

    assert "161,000–242,000" in page
    assert "applied to what the measures above left" in page
    assert "Compare the measures side by side" in page


def test_calculator_explains_a_figure_it_cannot_read(client, toolbox):
    response = client.get(
        url("calculator", query={**WORKED, "electricity_kwh": "lots"})
    )

    page = response.content.decode()
    assert "Enter a number, or a range such as 30–45." in page
    assert 'id="result-heading"' not in page


def test_calculator_needs_a_measure(client, toolbox):
    query = {k: v for k, v in WORKED.items() if k != "measure"}

    page = client.get(url("calculator", query=query)).content.decode()

    assert "Choose at least one measure." in page


def test_calculator_queries_do_not_grow_with_the_measures_chosen(
    client, toolbox, many_measures, django_assert_max_num_queries
):
    few = count_queries(client, url("calculator", query=WORKED))
    many_measures(10)
    slugs = list(toolbox.chillers.measures.values_list("slug", flat=True))
    assert len(slugs) == 12

    with django_assert_max_num_queries(few):
        response = client.get(url("calculator", query={**WORKED, "measure": slugs}))
    assert response.status_code == 200
    assert 'id="result-heading"' in response.content.decode()


def test_htmx_recalculation_answers_with_the_result(client, toolbox):
    response = client.get(url("calculator", query=WORKED), HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert 'id="calc"' in response.content.decode()


@pytest.mark.parametrize("language", ["en", "zh-hant"])
def test_the_result_downloads_as_a_pdf(client, toolbox, language):
    response = client.get(url("calculator_pdf", language, query=WORKED))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"]


def test_a_pdf_of_an_incomplete_result_goes_back_to_the_calculator(client, toolbox):
    query = {"industry": "textiles", "region": "HK"}

    response = client.get(url("calculator_pdf", query=query))

    assert response.status_code == 302
    assert response["Location"].startswith(url("calculator"))


def test_fresh_pdf_renders_are_limited(client, toolbox, monkeypatch):
    monkeypatch.setattr(views, "PDF_LIMIT_PER_10_MINUTES", 0)

    response = client.get(url("calculator_pdf", query=WORKED))

    assert response.status_code == 429


def application_addresses(kind: str) -> set[str]:
    return {f"{reverse('applications:new')}?kind={kind}"}


def test_apply_for_funding_hands_the_figures_to_a_new_application(client, toolbox):
    # 600,000–900,000 invested; HK$201,600–302,400 and 100.80–151.20 t a year.
    response = client.post(url("apply", query=WORKED), {"kind": "DP"})

    assert response.status_code == 302
    assert response["Location"] in application_addresses("DP")
    prefill = client.session[PREFILL_SESSION_KEY]
    assert prefill["kind"] == "DP"
    assert prefill["measures"] == [
        {
            "name": "Maglev chiller",
            "investment_hkd_low": "600000",
            "investment_hkd_high": "900000",
            "annual_saving_hkd_low": "201600",
            "annual_saving_hkd_high": "302400",
            "co2_tonnes_low": "100.80",
            "co2_tonnes_high": "151.20",
        }
    ]
    assert prefill["estimated_cost_hkd"] == "750000"
    assert prefill["title"] == "Cleaner production measures: Maglev chiller"
    assert prefill["summary"].startswith(
        "Maglev chiller: investment HK$600,000–900,000"
    )
    assert "CO₂ avoided: 101–151 tonnes a year" in prefill["expected_benefits"]
    assert Decimal(prefill["estimated_cost_hkd"])


def test_apply_for_an_on_site_assessment(client, toolbox):
    response = client.post(url("apply", query=WORKED), {"kind": "OA"})

    assert response["Location"] in application_addresses("OA")
    assert client.session[PREFILL_SESSION_KEY]["kind"] == "OA"


def test_apply_without_a_result_changes_nothing(client, toolbox):
    query = {"industry": "textiles", "region": "HK"}

    response = client.post(url("apply", query=query), {"kind": "DP"})

    assert response["Location"].startswith(url("calculator"))
    assert PREFILL_SESSION_KEY not in client.session


def test_apply_is_a_post(client, toolbox):
    response = client.get(url("apply", query=WORKED))

    assert response.status_code == 405
    assert PREFILL_SESSION_KEY not in client.session


def test_measure_page_shows_published_success_cases_only(client, toolbox):
    toolbox.chiller.success_cases.add(
        SuccessCaseFactory(title_en="Maglev chiller in a dyeing works"),
        SuccessCaseFactory(title_en="Draft case", is_published=False),
    )

    response = client.get(url("measure", slug="maglev-chiller"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Maglev chiller in a dyeing works" in page
    assert "Draft case" not in page
    assert toolbox.chiller.get_absolute_url() == "/en/toolbox/measures/maglev-chiller/"


def test_unpublished_measure_is_not_found(client, toolbox):
    MeasureFactory(slug="withdrawn", is_published=False)

    assert client.get(url("measure", slug="withdrawn")).status_code == 404


def test_reference_figures_name_their_sources(client, toolbox):
    page = client.get(url("reference")).content.decode()

    assert "climateready.gov.hk default" in page
    assert "0.3869" in page


def test_a_toolbox_result_becomes_a_demonstration_draft_after_login(client, toolbox):
    from applications.models import Application

    from ..applications.factories import MembershipFactory, SchemeFactory

    scheme = SchemeFactory(demonstration=True)
    member = MembershipFactory()

    response = client.post(url("apply", query=WORKED), {"kind": "DP"}, follow=True)
    # Not signed in: the login page, which brings the visitor back to the draft.
    assert response.redirect_chain[-1][0].startswith("/en/accounts/login/?next=")
    client.force_login(member.user)
    page = client.get("/en/apply/new/?kind=DP")
    # The only open demonstration scheme is chosen already; the applicant confirms it.
    assert page.context["form"].initial == {"scheme": scheme.pk}
    response = client.post("/en/apply/new/", {"kind": "DP", "scheme": scheme.pk})

    application = Application.objects.get(organisation=member.organisation)
    assert response["Location"] == f"/en/apply/applications/{application.pk}/"
    assert application.title == "Cleaner production measures: Maglev chiller"
    assert "Maglev chiller" in application.technology
    assert "CO₂ avoided: 101–151 tonnes a year" in application.expected_benefits
    assert [line.amount_hkd for line in application.cost_lines.all()] == [
        Decimal("750000")
    ]
    assert PREFILL_SESSION_KEY not in client.session
