"""The yardstick: a bare Django view with one query and a small template."""

from django.shortcuts import render

from cases.models import SuccessCase


def bare(request):
    cases = list(SuccessCase.objects.values_list("slug", "title")[:20])
    return render(request, "bench/bare.html", {"cases": cases})
