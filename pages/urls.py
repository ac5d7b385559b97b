from django.urls import path

from . import views

app_name = "pages"
urlpatterns = [
    path("programme/", views.programme, name="programme"),
    path("recognition/", views.recognition, name="recognition"),
    path("resources/", views.resources, name="resources"),
    path(
        "resources/<slug:slug>/download/",
        views.resource_download,
        name="resource_download",
    ),
    path("news/", views.news, name="news"),
    path("news/<slug:slug>/", views.news_detail, name="news_detail"),
    path("events/", views.events, name="events"),
    path("events/registration/<str:token>/", views.registration, name="registration"),
    path(
        "events/registration/<str:token>/cancel/",
        views.registration_cancel,
        name="registration_cancel",
    ),
    path("events/<slug:slug>/", views.event_detail, name="event_detail"),
    path("events/<slug:slug>/register/", views.event_register, name="event_register"),
    path("faq/", views.faq, name="faq"),
]
