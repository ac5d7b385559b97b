from datetime import timedelta

import factory
from django.utils import timezone

from pages.models import (
    Event,
    EventRegistration,
    FaqEntry,
    FaqTopic,
    NewsItem,
    Resource,
    ResourceKind,
    Section,
)


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    page = Section.Page.PROGRAMME
    key = factory.Sequence(lambda n: f"section-{n}")
    title_en = factory.Sequence(lambda n: f"Section {n}")
    title_zh_hant = factory.LazyAttribute(lambda o: f"{o.title_en} 繁")
    title_zh_hans = factory.LazyAttribute(lambda o: f"{o.title_en} 简")
    body_en = "Body text."
    body_zh_hant = "內文。"
    body_zh_hans = "内文。"


class FaqTopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FaqTopic

    slug = factory.Sequence(lambda n: f"topic-{n}")
    title_en = factory.Sequence(lambda n: f"Topic {n}")
    title_zh_hant = "主題"
    title_zh_hans = "主题"


class FaqEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FaqEntry

    topic = factory.SubFactory(FaqTopicFactory)
    key = factory.Sequence(lambda n: f"entry-{n}")
    question_en = factory.Sequence(lambda n: f"Question {n}?")
    question_zh_hant = "問題？"
    question_zh_hans = "问题？"
    answer_en = "Answer."
    answer_zh_hant = "答案。"
    answer_zh_hans = "答案。"


class NewsItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsItem

    slug = factory.Sequence(lambda n: f"news-{n}")
    title_en = factory.Sequence(lambda n: f"News {n}")
    title_zh_hant = factory.Sequence(lambda n: f"消息 {n}")
    title_zh_hans = factory.Sequence(lambda n: f"消息 {n}")
    summary_en = "Summary."
    summary_zh_hant = "摘要。"
    summary_zh_hans = "摘要。"
    body_en = "Body."
    body_zh_hant = "內文。"
    body_zh_hans = "内文。"


class ResourceKindFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResourceKind
        django_get_or_create = ["code"]

    code = "guides"
    name_en = "Guides"
    name_zh_hant = "指引"
    name_zh_hans = "指引"


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource

    kind = factory.SubFactory(ResourceKindFactory)
    slug = factory.Sequence(lambda n: f"resource-{n}")
    title_en = factory.Sequence(lambda n: f"Resource {n}")
    title_zh_hant = "資源"
    title_zh_hans = "资源"


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    slug = factory.Sequence(lambda n: f"event-{n}")
    title_en = factory.Sequence(lambda n: f"Seminar {n}")
    title_zh_hant = "研討會"
    title_zh_hans = "研讨会"
    summary_en = "A seminar."
    summary_zh_hant = "研討會。"
    summary_zh_hans = "研讨会。"
    venue_en = "HKPC Building"
    venue_zh_hant = "生產力大樓"
    venue_zh_hans = "生产力大楼"
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=3))
    capacity = 2


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventRegistration

    event = factory.SubFactory(EventFactory)
    name = factory.Faker("name")
    company = "Example Factory Ltd"
    email = factory.Sequence(lambda n: f"guest{n}@example.com")
    phone = "2788 5588"
    status = EventRegistration.Status.CONFIRMED
