from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import ServiceCategory, ServiceProvider


@admin.register(ServiceCategory)
class ServiceCategoryAdmin(TranslationAdmin):
    list_display = ["name", "code", "ordering"]
    list_editable = ["ordering"]


@admin.register(ServiceProvider)
class ServiceProviderAdmin(TranslationAdmin):
    list_display = ["name", "region_served", "status", "phone", "email"]
    list_filter = ["status", "region_served", "services"]
    search_fields = ["name_en", "name_zh_hant", "name_zh_hans", "technologies_en"]
    filter_horizontal = ["services"]
