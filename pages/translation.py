from modeltranslation.translator import TranslationOptions, register

from .models import (
    Event,
    FaqEntry,
    FaqTopic,
    NewsItem,
    RecognitionCategory,
    Resource,
    ResourceKind,
    Section,
)

ALL_LANGUAGES = ("en", "zh-hant", "zh-hans")


@register(Section)
class SectionTranslation(TranslationOptions):
    fields = ("title", "body")
    required_languages = ALL_LANGUAGES


@register(FaqTopic)
class FaqTopicTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = ALL_LANGUAGES


@register(FaqEntry)
class FaqEntryTranslation(TranslationOptions):
    fields = ("question", "answer")
    required_languages = ALL_LANGUAGES


@register(RecognitionCategory)
class RecognitionCategoryTranslation(TranslationOptions):
    fields = ("name", "who_for", "criteria")
    required_languages = ALL_LANGUAGES


@register(NewsItem)
class NewsItemTranslation(TranslationOptions):
    fields = ("title", "summary", "body", "link_label")
    required_languages = {"default": ("title", "summary", "body")}


@register(ResourceKind)
class ResourceKindTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ALL_LANGUAGES


@register(Resource)
class ResourceTranslation(TranslationOptions):
    fields = ("title", "description", "file", "file_size")
    required_languages = {"default": ("title",)}


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "summary", "description", "rundown", "venue", "fee", "enquiries")
    required_languages = {"default": ("title", "summary", "venue")}
