"""The public side: the partner list on the Recognition Scheme page (by year and
category, searchable, paginated, a fixed number of queries), certificates in Chinese,
and the demo."""

import subprocess
from datetime import timedelta

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from recognition import rules, services
from recognition.models import Application, Award, Status
from tests.applications.factories import FactoryFactory, OrganisationFactory

from .factories import CycleFactory

pytestmark = pytest.mark.django_db


def published_cycle(year: int):
    today = timezone.localdate()
    return CycleFactory(
        year=year,
        opens_on=today - timedelta(days=300),
        closes_on=today - timedelta(days=250),
        review_starts_on=today - timedelta(days=240),
        review_ends_on=today - timedelta(days=200),
        committee_meets_on=today - timedelta(days=150),
        notice_starts_on=today - timedelta(days=140),
        ceremony_on=today - timedelta(days=100),
        notice_published_at=timezone.now(),
        results_published_at=timezone.now(),
    )


def award(cycle, category, name: str, language="en", name_zh="廠東有限公司"):
    organisation = OrganisationFactory(name_en=name, name_zh=name_zh)
    application = Application.objects.create(
        cycle=cycle,
        category=category,
        organisation=organisation,
        factory=FactoryFactory(organisation=organisation, name=f"{name} plant"),
        status=Status.AWARDED,
        reference=f"RS-{cycle.year}-{Application.objects.count() + 1:04d}",
        submitted_at=timezone.now(),
        language=language,
        declares_no_convictions=True,
        declares_information_true=True,
    )
    n = Award.objects.count() + 1
    return Award.objects.create(
        application=application,
        serial=rules.format_serial(year=cycle.year, code=category.rule.code, number=n),
        awarded_on=cycle.ceremony_on,
        valid_until=rules.valid_until(awarded_on=cycle.ceremony_on, years=2),
    )


@pytest.fixture
def partners(categories):
    old, new = published_cycle(2024), published_cycle(2025)
    return [
        award(old, categories["manufacturing"], "Alpha Printing"),
        award(new, categories["excellent-manufacturing"], "Bravo Textiles"),
        award(new, categories["manufacturing"], "Charlie Metal"),
    ]


def test_the_public_list_filters_by_year_category_and_name(client, partners):
    page = client.get("/en/recognition/").content.decode()
    assert all(p.serial in page for p in partners)
    assert "3 recognised partners" in page

    by_year = client.get("/en/recognition/?year=2025").content.decode()
    assert "Alpha Printing" not in by_year and "Bravo Textiles" in by_year
    by_category = client.get(
        "/en/recognition/?category=excellent-manufacturing"
    ).content.decode()
    assert "Bravo Textiles" in by_category and "Charlie Metal" not in by_category
    by_name = client.get("/en/recognition/?q=charlie").content.decode()
    assert "Charlie Metal" in by_name and "Bravo Textiles" not in by_name
    nothing = client.get("/en/recognition/?q=zulu&year=abc").content.decode()
    assert "No recognised partner matches your search." in nothing


def test_chinese_pages_show_chinese_names(client, partners):
    page = client.get("/zh-hant/recognition/").content.decode()
    assert "廠東有限公司" in page
    assert "伙伴 manufacturing" in page


def test_unpublished_results_stay_private(client, categories):
    cycle = CycleFactory()
    hidden = award(cycle, categories["manufacturing"], "Delta Hidden")
    page = client.get("/en/recognition/").content.decode()
    assert "Delta Hidden" not in page
    check = client.get(f"/en/recognition/verify/?serial={hidden.serial}")
    assert "No certificate has this serial number." in check.content.decode()


def test_the_list_costs_the_same_queries_for_many_partners(
    client, categories, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cycle = published_cycle(2025)
    award(cycle, categories["manufacturing"], "First")
    with CaptureQueriesContext(connection) as few:
        client.get("/en/recognition/")
    for n in range(25):
        award(cycle, categories["manufacturing"], f"Company {n}")
    with CaptureQueriesContext(connection) as many:
        response = client.get("/en/recognition/")
    assert len(many) == len(few)
    assert "Page 1 of 2" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "title", "name"),
    [
        ("en", "Certificate of Recognition", "Echo"),
        ("zh-hant", "嘉許證書", "廠東有限公司"),
        ("zh-hans", "表彰证书", "廠東有限公司"),
    ],
)
def test_the_certificate_is_a_pdf_in_the_applicants_language(
    categories, language, title, name
):
    item = award(published_cycle(2025), categories["manufacturing"], "Echo", language)
    assert services.award_produce_certificate(award_id=item.pk) is True
    item.refresh_from_db()
    pdf = item.certificate.read()
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    fonts = subprocess.run(
        ["pdffonts", "-"], input=pdf, capture_output=True, check=False
    ).stdout.decode()
    assert pdf.startswith(b"%PDF")
    assert item.certificate_language == language
    assert title in text and name in text and item.serial in text
    assert "Noto-Sans-CJK" in fonts or language == "en"


def test_seed_demo_twice_changes_nothing_and_shows_every_stage():
    def counts():
        return {
            m.__name__: m.objects.count()
            for m in apps.get_app_config("recognition").get_models()
        }

    with open("/dev/null", "w") as quiet:
        call_command("seed_demo", stdout=quiet)
        first = counts()
        call_command("seed_demo", stdout=quiet)
    assert counts() == first
    statuses = set(Application.objects.values_list("status", flat=True))
    assert statuses == {Status.DRAFT, Status.ON_NOTICE, Status.AWARDED}
    assert Award.objects.filter(certificate_generated_at__isnull=False).count() == 3


def test_the_applicant_list_and_the_notice_cost_the_same_queries_for_many_rows(
    client, applicant_client, complete_draft, organisation, cycle, categories
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def counts():
        with CaptureQueriesContext(connection) as mine:
            assert applicant_client.get("/en/apply/recognition/").status_code == 200
        with CaptureQueriesContext(connection) as notice:
            assert client.get("/en/recognition/notice/").status_code == 200
        return len(mine), len(notice)

    def entry(n):
        application = complete_draft(
            factory=FactoryFactory(organisation=organisation, name=f"Plant {n}")
        )
        Application.objects.filter(pk=application.pk).update(
            status=Status.ON_NOTICE,
            reference=f"RS-2099-{n:04d}",
            submitted_at=timezone.now(),
        )

    today = timezone.localdate()
    type(cycle).objects.filter(pk=cycle.pk).update(
        committee_meets_on=today,
        notice_starts_on=today,
        notice_published_at=timezone.now(),
    )
    entry(1)
    counts()  # the first request also sets up the session
    few = counts()
    for n in range(2, 14):
        entry(n)
    assert counts() == few
