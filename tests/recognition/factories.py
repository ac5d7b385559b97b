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


def recognition_objects() -> dict:
    """Objects for the access matrix (tests/security): URL name -> function(world) ->
    path kwargs naming an object of applicant A's organisation (or a public entry)."""
    from django.core.files.base import ContentFile

    from recognition import rules
    from recognition.models import Application, Award, Evidence, Status
    from tests.applications.factories import FactoryFactory, MembershipFactory, pdf_file

    def application(world, **fields):
        user = world.users["applicant_a"]
        membership = getattr(user, "membership", None) or MembershipFactory(user=user)
        rule = RuleFactory()
        return Application.objects.create(
            cycle=CycleFactory(),
            category=rule.category,
            organisation=membership.organisation,
            factory=FactoryFactory(organisation=membership.organisation),
            **fields,
        )

    def submitted(world, **fields):
        return application(
            world,
            reference=f"RS-2099-{Application.objects.count() + 1:04d}",
            submitted_at=timezone.now(),
            declares_no_convictions=True,
            declares_information_true=True,
            **fields,
        )

    def evidence(world):
        upload = pdf_file("bills.pdf")
        item = Evidence(
            application=application(world),
            kind="data",
            original_name="bills.pdf",
            size=upload.size,
        )
        item.file.save("bills.pdf", upload, save=False)
        item.save()
        return {"uuid": item.uuid}

    def certificate(world):
        entry = submitted(world, status=Status.AWARDED)
        award = Award(
            application=entry,
            serial=rules.format_serial(year=2099, code="PM", number=entry.pk),
            awarded_on=timezone.localdate(),
            valid_until=timezone.localdate() + timedelta(days=700),
            certificate_generated_at=timezone.now(),
        )
        award.certificate.save("c.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
        award.save()
        return {"pk": entry.pk}

    def on_notice(world):
        today = timezone.localdate()
        entry = submitted(world, status=Status.ON_NOTICE)
        entry.cycle.__class__.objects.filter(pk=entry.cycle_id).update(
            committee_meets_on=today - timedelta(days=1),
            notice_starts_on=today - timedelta(days=1),
            review_starts_on=today - timedelta(days=10),
            review_ends_on=today - timedelta(days=5),
            notice_published_at=timezone.now(),
        )
        return {"pk": entry.pk}

    draft = lambda world: {"pk": application(world).pk}  # noqa: E731
    return {
        "recognition:detail": draft,
        "recognition:submit": draft,
        "recognition:withdraw": draft,
        "recognition:certificate": certificate,
        "recognition:evidence": evidence,
        "recognition:evidence_remove": evidence,
        "recognition_public:objection": on_notice,
    }
