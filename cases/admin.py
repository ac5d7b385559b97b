from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from .models import CasePhoto, SuccessCase


class CasePhotoInline(TranslationStackedInline):
    model = CasePhoto
    extra = 0
    fields = ["image", "alt_text", "caption", "is_illustration", "ordering"]


@admin.register(SuccessCase)
class SuccessCaseAdmin(TranslationAdmin):
    list_display = [
        "title",
        "industry",
        "technology_category",
        "is_published",
        "is_featured",
        "figures_are_illustrative",
        "published_on",
    ]
    list_filter = [
        "is_published",
        "is_featured",
        "figures_are_illustrative",
        "industry",
        "technology_category",
    ]
    search_fields = ["title_en", "title_zh_hant", "title_zh_hans", "slug"]
    prepopulated_fields = {"slug": ["title_en"]}
    inlines = [CasePhotoInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "slug",
                    "title",
                    "summary",
                    ("industry", "technology_category"),
                    ("location", "scheme", "project_year"),
                    "process",
                ]
            },
        ),
        (_("Story"), {"fields": ["problem", "technology", "other_benefits"]}),
        (
            _("Benefits (for the filters)"),
            {
                "fields": [
                    (
                        "benefit_energy",
                        "benefit_air",
                        "benefit_water",
                        "benefit_waste",
                    )
                ]
            },
        ),
        (
            _("Figures"),
            {
                "description": _(
                    "Keep “figures are illustrative” ticked until the project's "
                    "verified figures are entered; the page then says so."
                ),
                "fields": [
                    "figures_are_illustrative",
                    ("investment_hkd", "annual_cost_saving_hkd", "payback_years"),
                    ("annual_electricity_saving_kwh", "grid_factor_kg_per_kwh"),
                    "annual_fuel_saving",
                    "annual_water_saving_m3",
                    ("co2_reduction_tonnes", "nox_reduction_kg", "so2_reduction_kg"),
                    ("voc_reduction_kg", "particulates_reduction_kg"),
                    "figures_source",
                ],
            },
        ),
        (
            _("Publication"),
            {"fields": [("is_published", "is_featured", "published_on")]},
        ),
    ]
