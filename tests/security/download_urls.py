"""A stand-in download view, so the tests see private_file_response's headers after
every middleware has run."""

from django.core.files.base import ContentFile
from django.urls import path

from core.uploads import private_file_response

POLYGLOT = b"%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF"


def download(request, name):
    return private_file_response(ContentFile(POLYGLOT, name="x.pdf"), filename=name)


urlpatterns = [path("download/<str:name>", download)]
