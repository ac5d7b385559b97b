from django.urls import path

from . import views

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("<slug:slug>/", views.case_detail, name="detail"),
    path("<slug:slug>/photos/<int:photo_id>/", views.case_photo, name="photo"),
]
