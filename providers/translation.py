from modeltranslation.translator import TranslationOptions, register

from .models import ServiceCategory, ServiceProvider


@register(ServiceCategory)
class ServiceCategoryTranslation(TranslationOptions):
    fields = ("name",)


@register(ServiceProvider)
class ServiceProviderTranslation(TranslationOptions):
    fields = ("name", "description", "technologies", "address")
