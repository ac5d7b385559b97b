"""The dashboard as EPD and the Secretariat use it: access, filters, exports, PDF,
cache and a query count that does not grow with the data."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from applications.models import Application
from applications.models import ApplicationStatus as S
from reports.models import ExportStatus, ReportExport
from reports.tables import TABLE_SLUGS
from tests.applications.factories import PhaseFactory, SchemeFactory

from .factories import application, decide, final_report, pay

pytestmark = pytest.mark.django_db
URL = "/en/reports/"


@pytest.fixture
def epd_client(client, epd_user):
    client.force_login(epd_user)
    return client


@pytest.mark.parametrize("who", ["anonymous", "applicant"])
def test_only_epd_and_the_secretariat_may_read_reports(client, applicant_user, who):
    if who == "applicant":
        client.force_login(applicant_user)
    for path in [URL, URL + "export/csv/", URL + "export/xlsx/", URL + "pdf/"]:
        response = client.get(path)
        assert response.status_code in (302, 403), path
        if who == "anonymous":
            assert "/accounts/login/" in response["Location"]
    response = client.post(URL + "pdf/", {})
    assert response.status_code in (302, 403)
    assert ReportExport.objects.count() == 0


@pytest.mark.parametrize("role", ["epd_user", "secretariat_user"])
def test_staff_see_the_figures(client, history, role, request):
    client.force_login(request.getfixturevalue(role))

    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "360,000.00" in html  # committed
    assert "165,000.00" in html  # paid
    assert html.count('role="img"') == 3  # three charts, each with its table
    assert 'aria-describedby="table-money-by-phase"' in html
    assert 'id="table-money-by-phase"' in html


def test_the_url_keeps_the_filter_and_the_links_carry_it(epd_client, history):
    response = epd_client.get(URL, {"scheme": "DP", "location": "hk-kwun-tong"})

    assert response.context["dashboard"].totals.received == 1
    html = response.content.decode()
    assert "table=summary&amp;scheme=DP&amp;location=hk-kwun-tong" in html
    assert '<option value="DP" selected>' in html


def test_a_wrong_period_is_explained_and_the_rest_of_the_filter_applies(
    epd_client, history
):
    response = epd_client.get(
        URL, {"date_from": "2025-06-01", "date_to": "2025-01-01", "scheme": "DP"}
    )

    assert response.status_code == 200
    assert "The end of the period must not be before its start." in (
        response.content.decode()
    )
    assert response.context["dashboard"].totals.received == 2  # DP, any date


def test_csv_export_has_the_exact_decimal_figures(epd_client, history):
    response = epd_client.get(URL + "export/csv/", {"table": "money-by-phase"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Phase"
    assert rows[1:] == [
        ["Phase Q", "500000.00", "90000.00", "0.00", "410000.00", "18.0"],
        ["Phase P", "1000000.00", "270000.00", "165000.00", "730000.00", "27.0"],
        ["Total", "1500000.00", "360000.00", "165000.00", "1140000.00", "24.0"],
    ] or rows[1:] == [
        ["Phase P", "1000000.00", "270000.00", "165000.00", "730000.00", "27.0"],
        ["Phase Q", "500000.00", "90000.00", "0.00", "410000.00", "18.0"],
        ["Total", "1500000.00", "360000.00", "165000.00", "1140000.00", "24.0"],
    ]


def test_xlsx_export_keeps_money_as_numbers_with_two_decimals(epd_client, history):
    response = epd_client.get(URL + "export/xlsx/", {"scheme": "DP"})

    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert len(book.sheetnames) == len(TABLE_SLUGS) == 12  # every table of the page
    sheet = book["Grants by scheme"]
    total = [c.value for c in sheet[sheet.max_row]]
    assert total[0] == "Total"
    assert Decimal(str(total[1])) == Decimal("250000")
    assert sheet.cell(row=sheet.max_row, column=2).number_format == "#,##0.00"


def test_an_unknown_table_is_not_found(epd_client, db):
    assert epd_client.get(URL + "export/csv/", {"table": "nope"}).status_code == 404
    assert epd_client.get(URL + "export/xlsx/", {"table": "nope"}).status_code == 404


def test_the_pdf_report_is_made_by_celery_and_downloaded(
    epd_client, history, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = epd_client.post(URL + "pdf/", {"scheme": "DP"})
    response = epd_client.get(response["Location"])

    export = ReportExport.objects.get()
    assert export.status == ExportStatus.READY
    assert export.filters == {"scheme": "DP"}
    assert "Your PDF report is ready." in response.content.decode()
    download = epd_client.get(URL + f"pdf/{export.pk}/download/")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    listing = epd_client.get(URL + "pdf/")
    assert f"pdf/{export.pk}/download/" in listing.content.decode()


def test_the_secretariat_may_open_a_pdf_report_epd_asked_for(
    epd_client, client, secretariat_user, history
):
    epd_client.post(URL + "pdf/", {})
    export = ReportExport.objects.get()
    client.force_login(secretariat_user)

    assert client.get(URL + f"pdf/{export.pk}/").status_code == 200


def test_old_pdf_reports_are_deleted_by_the_daily_job_and_the_list_says_when(
    epd_client, epd_user, settings
):
    from datetime import timedelta

    from django.utils import timezone

    from reports.tasks import purge_old_report_exports

    settings.REPORTS_PDF_KEEP_DAYS = 90
    old, recent = (
        ReportExport.objects.create(requested_by=epd_user, language="en")
        for _ in range(2)
    )
    ReportExport.objects.filter(pk=old.pk).update(
        requested_at=timezone.now() - timedelta(days=91)
    )
    ReportExport.objects.filter(pk=recent.pk).update(
        requested_at=timezone.now() - timedelta(days=89)
    )

    assert purge_old_report_exports.delay().get() == 1

    assert list(ReportExport.objects.values_list("pk", flat=True)) == [recent.pk]
    listing = epd_client.get(URL + "pdf/").content.decode()
    assert "kept here for 90 days" in listing
    assert "保存 90 日" in epd_client.get("/zh-hant/reports/pdf/").content.decode()


def test_figures_are_cached_only_when_configured(epd_client, history, settings):
    scheme = history["oa"]
    settings.REPORTS_CACHE_SECONDS = 0
    assert epd_client.get(URL).context["dashboard"].totals.received == 7
    application(scheme, submitted=date(2025, 5, 5))
    assert epd_client.get(URL).context["dashboard"].totals.received == 8

    cache.clear()
    settings.REPORTS_CACHE_SECONDS = 60
    assert epd_client.get(URL).context["dashboard"].totals.received == 8
    application(scheme, submitted=date(2025, 5, 6))
    assert epd_client.get(URL).context["dashboard"].totals.received == 8
    cache.clear()
    assert epd_client.get(URL).context["dashboard"].totals.received == 9


def _programme(size: int, user) -> None:
    """``size`` applications per kind of outcome, in every industry and region."""
    phase = PhaseFactory()
    oa = SchemeFactory(phase=phase)
    dp = SchemeFactory(phase=phase, demonstration=True)
    industries = ["metal", "food", "textiles", "printing"]
    for i in range(size):
        industry = industries[i % len(industries)]
        location = "gd-foshan" if i % 2 else "hk-tai-po"
        month = date(2024, 1 + i % 12, 3)
        done = application(
            dp,
            status=S.COMPLETED,
            submitted=month,
            industry=industry,
            location=location,
        )
        decide(done, user, grant=Decimal("1000"), on=date(2025, 1, 5))
        pay(
            done,
            user,
            Decimal("1000"),
            approved=Decimal("1000"),
            to_date=Decimal("1000"),
        )
        final_report(
            done,
            user,
            electricity_saved_kwh=Decimal("10"),
            co2_avoided_tonnes=Decimal("1"),
            diesel_saved=Decimal("5"),
        )
        no = application(oa, status=S.REJECTED, submitted=month, industry=industry)
        decide(no, user, on=date(2025, 1, 5), rejected=True)
        application(oa, status=S.SCREENING, submitted=month, location=location)


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_query_count_does_not_grow_with_the_data(epd_client, secretariat_user):
    _programme(2, secretariat_user)
    epd_client.get(URL)  # the session's first page records the sign-in time
    small = _queries(epd_client, URL)
    filtered_small = _queries(epd_client, URL + "?location=GD&date_from=2024-01-01")
    _programme(12, secretariat_user)
    assert Application.objects.count() == 42

    assert _queries(epd_client, URL) == small
    assert _queries(epd_client, URL + "?location=GD&date_from=2024-01-01") == (
        filtered_small
    )
    assert small <= 30


@pytest.mark.parametrize(
    ("language", "heading"),
    [("zh-hant", "計劃報告"), ("zh-hans", "计划报告")],
)
def test_the_dashboard_speaks_chinese(client, epd_user, history, language, heading):
    client.force_login(epd_user)

    html = client.get(f"/{language}/reports/").content.decode()

    assert f"<h1>{heading}</h1>" in html
