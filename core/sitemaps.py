from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from cases.models import SuccessCase
from pages.models import Event, NewsItem


class StaticViewSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"
    names = [
        "core:home",
        "pages:programme",
        "pages:recognition",
        "recognition_public:notice",
        "recognition_public:verify",
        "pages:resources",
        "pages:news",
        "pages:events",
        "pages:faq",
        "cases:list",
        "toolbox:index",
        "toolbox:measures",
        "providers:list",
    ]

    def items(self) -> list[str]:
        return self.names

    def location(self, item: str) -> str:
        return reverse(item)


class SuccessCaseSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "monthly"

    def items(self):
        return SuccessCase.objects.filter(is_published=True).order_by("pk")

    def lastmod(self, obj: SuccessCase):
        return obj.updated_at


class _ContentSitemap(Sitemap):
    """Published objects of one model, in the three languages, dated by their edit."""

    i18n = True
    alternates = True

    def lastmod(self, obj):
        return obj.updated_at


class NewsSitemap(_ContentSitemap):
    changefreq = "monthly"

    def items(self):
        return NewsItem.objects.published().order_by("-published_on", "pk")


class EventSitemap(_ContentSitemap):
    changefreq = "weekly"

    def items(self):
        return Event.objects.published().order_by("-starts_at", "pk")


class ToolboxMeasureSitemap(_ContentSitemap):
    changefreq = "monthly"

    def items(self):
        from toolbox.models import Measure

        return Measure.objects.filter(is_published=True).order_by("slug")


SITEMAPS = {
    "static": StaticViewSitemap,
    "cases": SuccessCaseSitemap,
    "news": NewsSitemap,
    "events": EventSitemap,
    "toolbox": ToolboxMeasureSitemap,
}
