from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from core.sitemaps import SITEMAPS
from core.views import healthz

admin.site.site_header = _("CP Portal administration")
admin.site.site_title = _("CP Portal")
admin.site.index_title = _("Secretariat workspace")

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("", include("core.urls")),
    path("", include("pages.urls")),
    path("recognition/", include("recognition.public_urls")),  # issue 10
    path("accounts/", include("allauth.urls")),
    path("accounts/", include("accounts.urls")),
    path("apply/recognition/", include("recognition.urls")),  # issue 10
    path("apply/", include("applications.urls")),
    path("cases/", include("cases.urls")),
    path("toolbox/", include("toolbox.urls")),
    path("providers/", include("providers.urls")),
    path("reports/", include("reports.urls")),
    path("letters/", include("letters.urls")),
    path("admin/", admin.site.urls),
)
