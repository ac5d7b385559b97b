"""Demo content of the public site, in three languages. Idempotent: natural keys."""

from datetime import datetime, timedelta

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone, translation

from . import demo_content as content
from .models import (
    Event,
    FaqEntry,
    FaqTopic,
    NewsItem,
    RecognitionCategory,
    Resource,
    ResourceKind,
    Section,
)

SUFFIXES = ("en", "zh_hant", "zh_hans")
CODES = ("en", "zh-hant", "zh-hans")


def _tri(field: str, texts) -> dict:
    return {
        f"{field}_{suffix}": text for suffix, text in zip(SUFFIXES, texts, strict=True)
    }


def _sections(page: str, rows) -> None:
    for order, (key, title, body) in enumerate(rows):
        Section.objects.update_or_create(
            page=page,
            key=key,
            defaults={
                "ordering": order * 10,
                **_tri("title", title),
                **_tri("body", body),
            },
        )


def _faq() -> None:
    for order, (slug, title, on_programme, entries) in enumerate(content.FAQ):
        topic, _ = FaqTopic.objects.update_or_create(
            slug=slug,
            defaults={
                "ordering": order * 10,
                "show_on_programme_page": on_programme,
                **_tri("title", title),
            },
        )
        for entry_order, (key, question, answer) in enumerate(entries):
            FaqEntry.objects.update_or_create(
                key=key,
                defaults={
                    "topic": topic,
                    "ordering": entry_order * 10,
                    **_tri("question", question),
                    **_tri("answer", answer),
                },
            )


def _recognition() -> None:
    for order, (code, name, who_for, criteria) in enumerate(
        content.RECOGNITION_CATEGORIES
    ):
        RecognitionCategory.objects.update_or_create(
            code=code,
            defaults={
                "ordering": order * 10,
                **_tri("name", name),
                **_tri("who_for", who_for),
                **_tri("criteria", criteria),
            },
        )


def guide_pdf(*, title: str, summary: str, sections, language: str) -> bytes:
    """A short guide rendered by WeasyPrint from our own template."""
    from weasyprint import HTML

    with translation.override(language):
        html = render_to_string(
            "pages/demo_guide.html",
            {"title": title, "summary": summary, "sections": sections},
        )
    return HTML(string=html).write_pdf()


def _resources() -> None:
    kinds = {}
    for order, (code, name) in enumerate(content.RESOURCE_KINDS):
        kinds[code], _ = ResourceKind.objects.update_or_create(
            code=code, defaults={"ordering": order * 10, **_tri("name", name)}
        )
    for order, (slug, kind, title, description) in enumerate(content.RESOURCES):
        resource, _ = Resource.objects.update_or_create(
            slug=slug,
            defaults={
                "kind": kinds[kind],
                "ordering": order * 10,
                **_tri("title", title),
                **_tri("description", description),
            },
        )
        changed = False
        for index, (suffix, code) in enumerate(zip(SUFFIXES, CODES, strict=True)):
            if getattr(resource, f"file_{suffix}"):
                continue
            pdf = guide_pdf(
                title=title[index],
                summary=description[index],
                sections=content.RESOURCE_TEXT[slug][index],
                language=code,
            )
            getattr(resource, f"file_{suffix}").save(
                f"{slug}-{code}.pdf", ContentFile(pdf), save=False
            )
            changed = True
        if changed:
            resource.save()


def _news() -> None:
    today = timezone.localdate()
    for slug, days_ago, title, summary, body, link, label, resources in content.NEWS:
        item, created = NewsItem.objects.get_or_create(
            slug=slug, defaults={"published_on": today - timedelta(days=days_ago)}
        )
        for field, texts in (
            ("title", title),
            ("summary", summary),
            ("body", body),
            ("link_label", label),
        ):
            for suffix, text in zip(SUFFIXES, texts, strict=True):
                setattr(item, f"{field}_{suffix}", text)
        item.link_url = link
        item.save()
        item.resources.set(Resource.objects.filter(slug__in=resources))


def _events() -> None:
    today = timezone.localdate()
    zone = timezone.get_current_timezone()
    for spec in content.EVENTS:
        if Event.objects.filter(slug=spec["slug"]).exists():
            continue  # dates stay where the first seeding put them
        day = today + timedelta(days=spec["days"])
        starts = datetime(day.year, day.month, day.day, *spec["start"], tzinfo=zone)
        event = Event(
            slug=spec["slug"],
            kind=spec["kind"],
            starts_at=starts,
            ends_at=starts + timedelta(hours=spec["hours"]),
            capacity=spec["capacity"],
            language=spec["language"],
            enquiries="event@cleanerproduction.hk, (852) 2788 5588",
        )
        for field in ("title", "summary", "description", "rundown", "venue", "fee"):
            for suffix, text in zip(SUFFIXES, spec[field], strict=True):
                setattr(event, f"{field}_{suffix}", text)
        for suffix in SUFFIXES:
            setattr(event, f"enquiries_{suffix}", event.enquiries)
        event.save()


def seed(*, stdout=None) -> None:
    _sections(Section.Page.HOME, content.HOME_SECTIONS)
    _sections(Section.Page.PROGRAMME, content.PROGRAMME_SECTIONS)
    _sections(Section.Page.RECOGNITION, content.RECOGNITION_SECTIONS)
    _faq()
    _recognition()
    _resources()
    _news()
    _events()
