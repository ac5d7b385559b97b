"""GIN indexes for the case search, one per language, on PostgreSQL only.

Each index is built from the same expression cases.selectors.search_vector() queries
with (a frozen copy here), so the planner can use it; SQLite searches by substring.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

LANGUAGES = ("en", "zh_hant", "zh_hans")


FIELDS = (("title", "A"), ("summary", "B"), ("problem", "C"), ("technology", "C"))


def _index(language):
    config = "english" if language == "en" else "simple"
    vector = None
    for field, weight in FIELDS:
        part = SearchVector(f"{field}_{language}", config=config, weight=weight)
        vector = part if vector is None else vector + part
    return GinIndex(vector, name=f"case_search_{language}")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    model = apps.get_model("cases", "SuccessCase")
    for language in LANGUAGES:
        schema_editor.add_index(model, _index(language))


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    model = apps.get_model("cases", "SuccessCase")
    for language in LANGUAGES:
        schema_editor.remove_index(model, _index(language))


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_case_photos_and_figures")]

    operations = [migrations.RunPython(create, drop)]
