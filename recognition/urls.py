"""The organisation's pages, under /<lang>/apply/recognition/."""

from django.urls import path

from . import views

app_name = "recognition"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/certificate/", views.certificate, name="certificate"),
    path("evidence/<uuid:uuid>/", views.evidence_download, name="evidence"),
    path("evidence/<uuid:uuid>/remove/", views.evidence_remove, name="evidence_remove"),
]
