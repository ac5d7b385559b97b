"""Lists cost a fixed number of queries, whatever their length."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from cases.models import CasePhoto
from providers.models import ServiceCategory, ServiceProvider
from tests.cases.factories import SuccessCaseFactory
from tests.cases.test_cases import png_bytes

from .factories import (
    EventFactory,
    FaqEntryFactory,
    NewsItemFactory,
    RegistrationFactory,
    ResourceFactory,
)
from .test_content import PDF, open_phase


def make_rows(start: int, stop: int) -> None:
    for n in range(start, stop):
        case = SuccessCaseFactory(is_featured=True)
        photo = CasePhoto(case=case, alt_text_en=f"Photo {n}")
        photo.image.save("p.png", ContentFile(png_bytes()))
        NewsItemFactory()
        FaqEntryFactory()
        resource = ResourceFactory()
        resource.file_en.save("guide.pdf", ContentFile(PDF))
        event = EventFactory(capacity=5)
        RegistrationFactory(event=event)
        past = EventFactory(
            starts_at=timezone.now() - timedelta(days=30 + n),
            ends_at=timezone.now() - timedelta(days=30 + n) + timedelta(hours=1),
        )
        RegistrationFactory(event=past)
        category = ServiceCategory.objects.create(code=f"service-{n}", name_en=f"S{n}")
        provider = ServiceProvider.objects.create(name_en=f"Provider {n}")
        provider.services.add(category)


PAGES = [
    ("/en/", 8),
    ("/en/programme/", 5),
    ("/en/cases/", 4),
    ("/en/cases/?q=case&benefit=energy", 4),
    ("/en/news/", 3),
    ("/en/events/", 4),
    ("/en/resources/", 3),
    ("/en/faq/", 3),
    ("/en/recognition/", 5),  # +2 from issue 10: the cycles, the partner list
    ("/en/providers/", 5),
]


def count_queries(client, assert_max) -> dict[str, int]:
    counts = {}
    for url, most in PAGES:
        with assert_max(most) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries)
    return counts


@pytest.mark.django_db
def test_list_pages_cost_the_same_queries_with_3_rows_and_with_25(
    client, django_assert_max_num_queries
):
    open_phase()
    make_rows(0, 3)
    few = count_queries(client, django_assert_max_num_queries)
    make_rows(3, 25)

    many = count_queries(client, django_assert_max_num_queries)

    assert many == few
