"""The pages `make bench` measures: add a line here when a key page appears (the
reports dashboard is measured whatever it shows). A path may be a function, called
after seeding, for pages about one object. ``role`` signs the request in."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    name: str
    path: str | Callable[[], str]
    role: str | None = None  # None, "applicant", "secretariat" or "epd"

    def address(self) -> str:
        return self.path() if callable(self.path) else self.path


def _first_case() -> str:
    from cases.models import SuccessCase

    slug = (
        SuccessCase.objects.filter(is_published=True)
        .order_by("-published_on", "title")
        .values_list("slug", flat=True)
        .first()
    )
    return f"/en/cases/{slug}/"


TOOLBOX_RESULT = (
    "/en/toolbox/calculator/?industry=textiles&region=HK&measure=maglev-chiller"
    "&electricity_kwh=1200000&electricity_price=1.40&share_chillers=40"
)

BARE = Page("bare view (1 query, 1 template)", "/bench/bare/")
PAGES = [
    Page("home", "/en/"),
    Page("success case list", "/en/cases/"),
    Page("success case detail", _first_case),
    Page("toolbox result (calculator)", TOOLBOX_RESULT),
    Page("applicant dashboard", "/en/apply/", "applicant"),
    Page("admin change list", "/en/admin/applications/application/", "secretariat"),
    Page("reports dashboard", "/en/reports/", "epd"),
]


def role_user(role: str):
    from accounts.models import User

    from .seed import bench_user

    if role == "applicant":
        return bench_user()
    return User.objects.get(email=f"{role}@example.com")  # the demo accounts
