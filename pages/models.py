"""Public content the Secretariat edits: programme text, FAQ, news, resources, events."""

import secrets

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import TimeStampedModel

from .validators import validate_document

LANGUAGE_SUFFIXES = ("en", "zh_hant", "zh_hans")


PLAIN_TEXT_HELP = _(
    "Plain text. Leave a blank line between paragraphs; start lines with "
    "“- ” for a bulleted list or “1. ” for a numbered list."
)


class Section(models.Model):
    """A block of text on one of the information pages, shown in order."""

    class Page(models.TextChoices):
        HOME = "home", _("Home page: the programme in brief")
        PROGRAMME = "programme", _("CP Partnership Programme")
        RECOGNITION = "recognition", _("Recognition Scheme")

    page = models.CharField(_("page"), max_length=20, choices=Page.choices)
    key = models.SlugField(
        _("short name"),
        max_length=60,
        help_text=_("Short name used as the section's anchor, e.g. eligibility."),
    )
    title = models.CharField(_("heading"), max_length=200)
    body = models.TextField(_("text"), help_text=PLAIN_TEXT_HELP)
    ordering = models.PositiveSmallIntegerField(_("order"), default=0)
    is_published = models.BooleanField(_("published"), default=True)

    class Meta:
        ordering = ["page", "ordering", "pk"]
        verbose_name = _("page section")
        verbose_name_plural = _("page sections")
        constraints = [
            models.UniqueConstraint(fields=["page", "key"], name="section_key_per_page")
        ]

    def __str__(self) -> str:
        return f"{self.get_page_display()} · {self.title}"


class FaqTopic(models.Model):
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    title = models.CharField(_("topic"), max_length=200)
    ordering = models.PositiveSmallIntegerField(_("order"), default=0)
    show_on_programme_page = models.BooleanField(
        _("also shown on the programme page"), default=False
    )

    class Meta:
        ordering = ["ordering", "pk"]
        verbose_name = _("FAQ topic")
        verbose_name_plural = _("FAQ topics")

    def __str__(self) -> str:
        return self.title


class FaqEntry(models.Model):
    topic = models.ForeignKey(
        FaqTopic,
        on_delete=models.CASCADE,
        related_name="entries",
        verbose_name=_("topic"),
    )
    key = models.SlugField(_("short name"), max_length=80, unique=True)
    question = models.CharField(_("question"), max_length=300)
    answer = models.TextField(_("answer"), help_text=PLAIN_TEXT_HELP)
    ordering = models.PositiveSmallIntegerField(_("order"), default=0)
    is_published = models.BooleanField(_("published"), default=True)

    class Meta:
        ordering = ["topic__ordering", "ordering", "pk"]
        verbose_name = _("FAQ entry")
        verbose_name_plural = _("FAQ entries")

    def __str__(self) -> str:
        return self.question


class RecognitionCategory(models.Model):
    """A category of the HK-GD Cleaner Production Partners Recognition Scheme."""

    code = models.SlugField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("Stable short name, e.g. excellent-manufacturing."),
    )
    name = models.CharField(_("name"), max_length=200)
    who_for = models.TextField(_("who it is for"))
    criteria = models.TextField(_("criteria"), help_text=PLAIN_TEXT_HELP)
    ordering = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["ordering", "pk"]
        verbose_name = _("recognition category")
        verbose_name_plural = _("recognition categories")

    def __str__(self) -> str:
        return self.name


class PublishedQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class NewsItem(TimeStampedModel):
    slug = models.SlugField(_("address name"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=250)
    summary = models.TextField(
        _("summary"),
        help_text=_("One or two sentences for the list and search engines."),
    )
    body = models.TextField(_("text"), help_text=PLAIN_TEXT_HELP)
    link_url = models.CharField(
        _("further link"),
        max_length=300,
        blank=True,
        help_text=_(
            "An address on this site without the language, e.g. /toolbox/, "
            "or a full https:// address."
        ),
    )
    link_label = models.CharField(_("further link text"), max_length=120, blank=True)
    resources = models.ManyToManyField(
        "Resource",
        blank=True,
        related_name="news_items",
        verbose_name=_("related resources"),
    )
    published_on = models.DateField(_("date"), default=timezone.localdate)
    is_published = models.BooleanField(_("published"), default=True, db_index=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-pk"]
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        indexes = [models.Index(fields=["is_published", "-published_on"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("pages:news_detail", kwargs={"slug": self.slug})


class ResourceKind(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    ordering = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["ordering", "pk"]
        verbose_name = _("resource kind")
        verbose_name_plural = _("resource kinds")

    def __str__(self) -> str:
        return self.name


def resource_upload_to(instance, filename: str) -> str:
    # Server-chosen names only: the visitor's file name never reaches the disk.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"resources/{timezone.now():%Y}/{secrets.token_hex(12)}.{extension}"


class Resource(TimeStampedModel):
    """A downloadable guide, form or publication; one file per language."""

    kind = models.ForeignKey(
        ResourceKind,
        on_delete=models.PROTECT,
        related_name="resources",
        verbose_name=_("kind"),
    )
    slug = models.SlugField(_("address name"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    file = models.FileField(
        _("file"),
        upload_to=resource_upload_to,
        blank=True,
        validators=[validate_document],
        help_text=_(
            "PDF, Word, Excel or PowerPoint. Leave empty for a text-only entry."
        ),
    )
    file_size = models.PositiveIntegerField(
        _("file size (bytes)"), default=0, editable=False
    )
    ordering = models.PositiveSmallIntegerField(_("order"), default=0)
    published_on = models.DateField(_("date"), default=timezone.localdate)
    is_published = models.BooleanField(
        _("published"),
        default=True,
        db_index=True,
        help_text=_("Unpublished files can be downloaded by the Secretariat only."),
    )

    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["kind__ordering", "ordering", "-published_on", "pk"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        # Each language has its own file; remember each size for the download list.
        for language in LANGUAGE_SUFFIXES:
            upload = getattr(self, f"file_{language}", None)
            try:
                size = upload.size if upload else 0
            except OSError:  # the stored file has gone missing
                size = 0
            setattr(self, f"file_size_{language}", size)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("pages:resource_download", kwargs={"slug": self.slug})

    @property
    def file_type(self) -> str:
        return self.file.name.rsplit(".", 1)[-1].upper() if self.file else ""


class Event(TimeStampedModel):
    """A seminar, visit or workshop, with online registration when it has a capacity."""

    class Kind(models.TextChoices):
        SEMINAR = "seminar", _("Seminar")
        VISIT = "visit", _("Technical visit")
        WORKSHOP = "workshop", _("Workshop")
        CEREMONY = "ceremony", _("Ceremony")
        EXHIBITION = "exhibition", _("Exhibition")

    class Language(models.TextChoices):
        # A context keeps "English" apart from the language switcher's own name.
        CANTONESE = "yue", pgettext_lazy("spoken language", "Cantonese")
        PUTONGHUA = "cmn", pgettext_lazy("spoken language", "Putonghua")
        ENGLISH = "en", pgettext_lazy("spoken language", "English")
        CANTONESE_PUTONGHUA = (
            "yue+cmn",
            pgettext_lazy("spoken language", "Cantonese and Putonghua"),
        )
        CANTONESE_ENGLISH = (
            "yue+en",
            pgettext_lazy("spoken language", "Cantonese, with English materials"),
        )

    slug = models.SlugField(_("address name"), max_length=120, unique=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.SEMINAR
    )
    title = models.CharField(_("title"), max_length=250)
    summary = models.TextField(_("summary"))
    description = models.TextField(
        _("description"), blank=True, help_text=PLAIN_TEXT_HELP
    )
    rundown = models.TextField(
        _("rundown"),
        blank=True,
        help_text=_("One line per item, e.g. “14:30 Registration”."),
    )
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    venue = models.CharField(_("venue"), max_length=300)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=Language.choices,
        default=Language.CANTONESE,
    )
    fee = models.CharField(_("fee"), max_length=120, blank=True)
    enquiries = models.CharField(_("enquiries"), max_length=200, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("Places for online registration. Leave empty for no registration."),
    )
    waiting_list = models.BooleanField(_("waiting list when full"), default=True)
    registration_closes_at = models.DateTimeField(
        _("registration closes at"),
        null=True,
        blank=True,
        help_text=_("Leave empty to close registration when the event starts."),
    )
    is_published = models.BooleanField(_("published"), default=True, db_index=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("pages:event_detail", kwargs={"slug": self.slug})

    @property
    def registration_deadline(self):
        return self.registration_closes_at or self.starts_at

    def registration_is_open(self, now=None) -> bool:
        return self.capacity is not None and (now or timezone.now()) < (
            self.registration_deadline
        )

    def rundown_items(self) -> list[tuple[str, str]]:
        """The rundown as (time, item) pairs; a line without a time has an empty one."""
        items = []
        for line in self.rundown.splitlines():
            line = line.strip()
            if not line:
                continue
            head, _sep, rest = line.partition(" ")
            if head[:1].isdigit() and ":" in head:
                items.append((head, rest.strip()))
            else:
                items.append(("", line))
        return items


def _registration_token() -> str:
    return secrets.token_urlsafe(24)


class EventRegistration(TimeStampedModel):
    """One person's place (or place in the queue) at an event."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(
        Event,
        on_delete=models.PROTECT,
        related_name="registrations",
        verbose_name=_("event"),
    )
    name = models.CharField(_("name"), max_length=120)
    company = models.CharField(_("company or organisation"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("telephone"), max_length=40)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, db_index=True
    )
    language = models.CharField(_("language"), max_length=10, default="en")
    token = models.CharField(
        _("access key"), max_length=64, unique=True, default=_registration_token
    )
    notified_status = models.CharField(
        _("last status e-mailed"), max_length=10, blank=True
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    class Meta:
        ordering = ["event", "created_at", "pk"]
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "event",
                condition=~Q(status="cancelled"),
                name="one_live_registration_per_email",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["confirmed", "waiting", "cancelled"]),
                name="registration_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.name} · {self.event}"

    def get_absolute_url(self) -> str:
        return reverse("pages:registration", kwargs={"token": self.token})
