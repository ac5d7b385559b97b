"""Public pages, under /<lang>/recognition/ (the page itself belongs to pages)."""

from django.urls import path

from . import public_views

app_name = "recognition_public"
urlpatterns = [
    path("notice/", public_views.notice, name="notice"),
    path("notice/<int:pk>/object/", public_views.objection, name="objection"),
    path(
        "notice/objection-received/",
        public_views.objection_received,
        name="objection_received",
    ),
    path("verify/", public_views.verify, name="verify"),
]
