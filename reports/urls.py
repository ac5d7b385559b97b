from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("export/csv/", views.export_csv, name="export_csv"),
    path("export/xlsx/", views.export_xlsx, name="export_xlsx"),
    path("pdf/", views.pdf_list, name="pdf_list"),
    path("pdf/<uuid:pk>/", views.pdf_detail, name="pdf_detail"),
    path("pdf/<uuid:pk>/download/", views.pdf_download, name="pdf_download"),
]
