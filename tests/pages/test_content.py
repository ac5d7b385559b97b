import io
import zipfile
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from applications.models import FundingScheme, Phase, SchemeKind
from pages.models import Section
from pages.templatetags.content import prose
from pages.validators import validate_document

from .factories import (
    EventFactory,
    FaqEntryFactory,
    FaqTopicFactory,
    NewsItemFactory,
    ResourceFactory,
    SectionFactory,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def open_phase(**overrides) -> Phase:
    today = timezone.localdate()
    phase = Phase.objects.create(
        code="open",
        name_en="Current intake",
        name_zh_hant="本期申請",
        name_zh_hans="本期申请",
        opens_on=today - timedelta(days=10),
        closes_on=today + timedelta(days=100),
        budget_hkd=Decimal("150000000"),
        **overrides,
    )
    rows = [
        (SchemeKind.ASSESSMENT, "OA", "0.5", "28000", 3, True, False, False),
        (SchemeKind.DEMONSTRATION, "DP", "0.5", "330000", 12, True, True, False),
        (SchemeKind.ASSOCIATION, "OS", "0.9", None, 12, False, False, True),
    ]
    for order, (kind, code, share, ceiling, months, biz, shop, assoc) in enumerate(
        rows
    ):
        FundingScheme.objects.create(
            phase=phase,
            kind=kind,
            code=code,
            label_en=SchemeKind(kind).label,
            funding_share=Decimal(share),
            ceiling_hkd=Decimal(ceiling) if ceiling else None,
            max_duration_months=months,
            admits_business=biz,
            admits_workshop=shop,
            admits_association=assoc,
            ordering=order,
        )
    return phase


@pytest.mark.django_db
def test_the_funding_table_comes_from_the_open_phase(client):
    open_phase()

    body = client.get("/en/programme/").content.decode()

    assert "50% of the cost" in body
    assert "up to HK$28,000 per project" in body
    assert "up to HK$330,000 per project" in body
    assert "90% of the cost" in body
    assert "no ceiling" in body
    assert "Hong Kong workshops with polluting processes" in body
    assert "Trade and industry associations in Hong Kong" in body


@pytest.mark.django_db
def test_without_an_open_phase_the_site_says_so(client):
    body = client.get("/zh-hans/").content.decode()

    assert "目前没有接受申请的一期" in body


@pytest.mark.django_db
def test_home_page_shows_key_dates_industries_news_and_a_way_to_apply(client):
    phase = open_phase()
    NewsItemFactory(title_en="Fresh news", published_on=date.today())

    body = client.get("/en/").content.decode()

    assert phase.closes_on.strftime("%Y") in body
    assert "Applications close" in body
    assert "Non-metallic mineral products" in body
    assert "Fresh news" in body
    assert 'href="/en/apply/"' in body


@pytest.mark.django_db
def test_programme_sections_are_shown_in_order_in_each_language(client):
    SectionFactory(key="second", ordering=2, title_en="Second", title_zh_hant="第二節")
    SectionFactory(key="first", ordering=1, title_en="First", title_zh_hant="第一節")
    SectionFactory(key="hidden", title_en="Hidden draft", is_published=False)
    SectionFactory(page=Section.Page.RECOGNITION, key="elsewhere", title_en="Elsewhere")

    english = client.get("/en/programme/").content.decode()
    chinese = client.get("/zh-hant/programme/").content.decode()

    assert english.index("First") < english.index("Second")
    assert "Hidden draft" not in english and "Elsewhere" not in english
    assert chinese.index("第一節") < chinese.index("第二節")


@pytest.mark.django_db
def test_faq_is_grouped_by_topic_and_hides_unpublished_entries(client):
    funding = FaqTopicFactory(title_en="Funding matters", ordering=2)
    basics = FaqTopicFactory(title_en="Basics", ordering=1)
    FaqEntryFactory(topic=funding, question_en="How much?")
    FaqEntryFactory(topic=basics, question_en="What is CP?")
    FaqEntryFactory(topic=basics, question_en="Secret draft?", is_published=False)

    body = client.get("/en/faq/").content.decode()

    assert body.index(">Basics</h2>") < body.index("What is CP?")
    assert body.index("What is CP?") < body.index(">Funding matters</h2>")
    assert body.index(">Funding matters</h2>") < body.index("How much?")
    assert "Secret draft?" not in body


@pytest.mark.django_db
def test_news_is_newest_first_and_paginated(client):
    for days in range(12):
        NewsItemFactory(
            title_en=f"Item {days:02d}",
            published_on=date.today() - timedelta(days=days),
        )

    first = client.get("/en/news/").content.decode()
    second = client.get("/en/news/?page=2").content.decode()

    assert first.index("Item 00") < first.index("Item 01")
    assert "Item 10" not in first and "Item 10" in second


@pytest.mark.django_db
def test_unpublished_news_is_not_found(client):
    item = NewsItemFactory(is_published=False)

    assert client.get(item.get_absolute_url()).status_code == 404
    assert item.title_en not in client.get("/en/news/").content.decode()


@pytest.mark.django_db
def test_news_detail_links_its_resources_and_a_site_address_in_the_language(client):
    resource = ResourceFactory(title_en="Guide to funding")
    item = NewsItemFactory(link_url="/toolbox/", link_label_en="Open the toolbox")
    item.resources.add(resource)

    body = client.get(f"/zh-hant/news/{item.slug}/").content.decode()

    assert 'href="/zh-hant/toolbox/"' in body
    assert "資源" in body


def _resource_with_file(**kwargs):
    resource = ResourceFactory(**kwargs)
    resource.file_en.save("guide.pdf", ContentFile(PDF), save=False)
    resource.save()
    return resource


@pytest.mark.django_db
def test_anyone_downloads_a_published_resource_as_an_attachment(client):
    resource = _resource_with_file()

    response = client.get(f"/en/resources/{resource.slug}/download/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.django_db
def test_a_missing_language_falls_back_to_another_languages_file(client):
    resource = _resource_with_file()

    response = client.get(f"/zh-hant/resources/{resource.slug}/download/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", "applicant_user", "epd_user"])
def test_an_unpublished_resource_is_refused_to_the_public(client, request, who):
    resource = _resource_with_file(is_published=False)
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))

    response = client.get(f"/en/resources/{resource.slug}/download/")

    assert response.status_code == 404
    assert resource.title_en not in client.get("/en/resources/").content.decode()


@pytest.mark.django_db
def test_the_secretariat_can_check_an_unpublished_resource(client, secretariat_user):
    resource = _resource_with_file(is_published=False)
    client.force_login(secretariat_user)

    assert client.get(f"/en/resources/{resource.slug}/download/").status_code == 200


@pytest.mark.django_db
def test_resources_are_grouped_by_kind_with_their_file_type_and_size(client):
    _resource_with_file(title_en="Application guide")

    body = client.get("/en/resources/").content.decode()

    assert "Guides" in body and "Application guide" in body
    assert "PDF, " in body


def _docx(extra_entries: int = 0) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        for n in range(extra_entries):
            archive.writestr(f"word/media/{n}.xml", "")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("guide.pdf", PDF, None),
        ("guide.docx", _docx(), None),
        ("guide.pdf", b"MZ\x90\x00 not a pdf at all", "Upload a PDF"),
        ("guide.exe", PDF, "does not match"),
        ("guide.pdf", _docx(), "does not match"),
        ("guide.docx", _docx(extra_entries=2001), "too complex"),
    ],
)
def test_uploads_are_checked_by_their_content(name, content, error):
    upload = SimpleUploadedFile(name, content)

    if error is None:
        validate_document(upload)
    else:
        with pytest.raises(ValidationError, match=error):
            validate_document(upload)


def test_uploads_larger_than_the_limit_are_refused(settings):
    settings.UPLOAD_MAX_BYTES = 10

    with pytest.raises(ValidationError, match="larger than"):
        validate_document(SimpleUploadedFile("guide.pdf", PDF))


def test_secretariat_text_is_escaped_and_gets_paragraphs_and_lists():
    html = prose(
        "First <b>para</b>\n\n- one\n- two\n\n1. step\n2. next\n\nsee https://epd.gov.hk"
    )

    assert "&lt;b&gt;para&lt;/b&gt;" in html
    assert "<ul><li>one</li><li>two</li></ul>" in html
    assert "<ol><li>step</li><li>next</li></ol>" in html
    assert 'href="https://epd.gov.hk"' in html


@pytest.mark.django_db
def test_events_page_lists_coming_and_past_events(client):
    EventFactory(title_en="Coming seminar")
    EventFactory(
        title_en="Last year's visit",
        starts_at=timezone.now() - timedelta(days=300),
        ends_at=timezone.now() - timedelta(days=300) + timedelta(hours=2),
    )

    body = client.get("/en/events/").content.decode()

    assert body.index("Coming seminar") < body.index("Past events")
    assert body.index("Past events") < body.index("Last year&#x27;s visit")


@pytest.mark.django_db
def test_sitemap_lists_news_events_and_cases(client):
    from tests.cases.factories import SuccessCaseFactory

    news = NewsItemFactory()
    event = EventFactory()
    case = SuccessCaseFactory()

    body = client.get("/sitemap.xml").content.decode()

    for language in ("en", "zh-hant", "zh-hans"):
        assert f"/{language}/news/{news.slug}/" in body
        assert f"/{language}/events/{event.slug}/" in body
        assert f"/{language}/cases/{case.slug}/" in body
