"""URLs under the bench settings: the portal's, plus the bare yardstick view."""

from django.urls import path

from cpportal.urls import urlpatterns as portal

from .views import bare

urlpatterns = [path("bench/bare/", bare, name="bench_bare"), *portal]
