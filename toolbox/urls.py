from django.urls import path

from . import views

app_name = "toolbox"
urlpatterns = [
    path("", views.index, name="index"),
    path("processes/", views.processes, name="processes"),
    path("measures/", views.measures, name="measures"),
    path("measures/<slug:slug>/", views.measure_detail, name="measure"),
    path("calculator/", views.calculator, name="calculator"),
    path("calculator/pdf/", views.calculator_pdf, name="calculator_pdf"),
    path("calculator/apply/", views.apply_for_funding, name="apply"),
    path("reference-figures/", views.reference_figures, name="reference"),
]
