"""Factories for the Recognition Scheme's tests."""

from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from pages.models import RecognitionCategory
from recognition.models import CategoryRule, Cycle, Unit


def _days(n: int):
    return lambda: timezone.localdate() + timedelta(days=n)


class CycleFactory(factory.django.DjangoModelFactory):
    """A cycle whose application window is open today."""

    class Meta:
        model = Cycle

    year = factory.Sequence(lambda n: 2030 + n)
    opens_on = factory.LazyFunction(_days(-10))
    closes_on = factory.LazyFunction(_days(20))
    review_starts_on = factory.LazyFunction(_days(25))
    review_ends_on = factory.LazyFunction(_days(60))
    committee_meets_on = factory.LazyFunction(_days(70))
    notice_starts_on = factory.LazyFunction(_days(80))
    notice_days = 7
    ceremony_on = factory.LazyFunction(_days(120))


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RecognitionCategory
        django_get_or_create = ("code",)

    code = "manufacturing"
    name_en = "Hong Kong–Guangdong Cleaner Production Partner (Manufacturing)"
    name_zh_hant = "粵港清潔生產伙伴（製造業）"
    name_zh_hans = "粤港清洁生产伙伴（制造业）"
    who_for_en = "Hong Kong-owned factories with good cleaner production performance."
    criteria_en = "- At least one measure with results"


class RuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CategoryRule
        django_get_or_create = ("category",)

    category = factory.SubFactory(CategoryFactory)
    unit = Unit.FACTORY
    code = "PM"


MEASURE = {
    "title": "Counter-flow rinsing",
    "area": "water",
    "description": "Three-stage rinse",
    "implemented_on": "2025-03-01",
    "unit": "m³ a year",
    "before": Decimal("36000"),
    "after": Decimal("24500"),
    "investment_hkd": Decimal("180000"),
}
