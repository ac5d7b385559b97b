"""Walk every URL of the portal as each role and hold the answers to the table below.

The walk iterates Django's URL resolver, so a page added anywhere is probed without
editing this file, and a route that no rule names is expected to refuse everyone:
a new unprotected page fails here until it is listed. For each route and role:

* GET, classified as refused (403/404/405/429, or a redirect to log in or to set up
  two factors), allowed (2xx, or a redirect elsewhere) or error (5xx, always fails);
* for a role that must be refused, also POST (and DELETE, PUT, PATCH where a class-based
  view handles them), asserting the refusal, that no row in any table was inserted,
  updated or deleted, and that no e-mail went out.

Path parameters are filled, in order, from OBJECTS (objects of organisation A that a
test creates: add an entry when you add an object page), from the first row of an admin
page's model, or else from placeholder values that match nothing (then only refusals
are asserted). Run with ``-s`` or look at the end of the output for the summary.
"""

from __future__ import annotations

import fnmatch
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.converters import IntConverter, SlugConverter, UUIDConverter
from django.urls.exceptions import Resolver404
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from django.utils.regex_helper import normalize

from accounts.roles import APPLICANT, EPD_VIEWER, SECRETARIAT
from tests.factories import UserFactory
from tests.recognition.factories import recognition_objects

ROLES = ("anonymous", "applicant_a", "applicant_b", "secretariat", "epd")
ALLOW, DENY, EITHER = "allow", "deny", "either"


def access(default: str = DENY, **per_role: str) -> dict[str, str]:
    return {role: per_role.get(role, default) for role in ROLES}


PUBLIC = access(ALLOW)
# Login, sign-up, reset: for visitors; signed-in users may be sent on elsewhere.
ENTRANCE = access(EITHER, anonymous=ALLOW)
# allauth's token and login-stage pages: they answer or redirect, and hold no data.
ANY_ANSWER = access(EITHER)
SIGNED_IN = access(ALLOW, anonymous=DENY)
APPLICANTS = access(applicant_a=ALLOW, applicant_b=ALLOW)
REPORTS = access(secretariat=ALLOW, epd=ALLOW)
# Per-model permissions may refuse the Secretariat too; everyone else must be refused.
ADMIN = access(secretariat=EITHER)


@dataclass(frozen=True)
class Rule:
    glob: str  # matched against the route without its language prefix
    access: dict[str, str]
    # Pages of one object (the route has parameters filled from OBJECTS): only the
    # owner, applicant A, may see them.
    owned: bool = False


# First match wins. Anything no rule matches must refuse every role.
RULES = [
    Rule("healthz", PUBLIC),
    Rule("sitemap.xml", PUBLIC),
    Rule("i18n/setlang/", PUBLIC),
    Rule("", PUBLIC),
    *(
        Rule(f"{section}/*", PUBLIC)
        for section in (
            "programme",
            "recognition",
            "resources",
            "news",
            "events",
            "faq",
            "cases",
            "toolbox",
            "providers",
        )
    ),
    Rule("accounts/login/", ENTRANCE),
    Rule("accounts/signup/", ENTRANCE),
    Rule("accounts/password/reset/", ENTRANCE),
    Rule("accounts/password/reset/*", ANY_ANSWER),
    Rule("accounts/confirm-email/*", ANY_ANSWER),
    Rule("accounts/inactive/", ANY_ANSWER),
    Rule("accounts/login/code/*", ANY_ANSWER),
    Rule("accounts/logout/", ANY_ANSWER),
    Rule("accounts/2fa/authenticate/", ANY_ANSWER),
    # Managing one's authenticators: what exists to manage decides the answer (404).
    Rule("accounts/2fa/*", access(EITHER, anonymous=DENY)),
    Rule("accounts/*", SIGNED_IN),
    # The dashboard's answer to staff is for issue 3 to decide; everything below it
    # is for applicants, and an object's page for its own organisation only.
    Rule("apply/", {**APPLICANTS, "secretariat": EITHER, "epd": EITHER}),
    # Issue 10, Recognition Scheme: an organisation's applications and certificates
    # (public pages are under recognition/* above).
    Rule("apply/recognition/*", APPLICANTS, owned=True),
    Rule("apply/*", APPLICANTS, owned=True),
    Rule("reports/*", REPORTS),
    # A letter of decision: its organisation's members and the Secretariat (issue 5).
    Rule("letters/*", access(applicant_a=ALLOW, secretariat=ALLOW)),
    Rule("admin/", access(secretariat=ALLOW)),
    Rule("admin/login/", ANY_ANSWER),
    Rule("admin/logout/", ANY_ANSWER),
    Rule("admin/*", ADMIN),
]
NOBODY = Rule("(no rule)", access())


@dataclass
class World:
    """One user per role; applicant A's organisation owns the objects in OBJECTS."""

    users: dict[str, object]
    objects: dict[str, object] = field(default_factory=dict)


# URL name -> function(world) -> path kwargs naming an object of applicant A's
# organisation. Example, once issue 3 has applications:
#   "applications:detail": lambda w: {"pk": ApplicationFactory(
#       organisation=organisation_of(w.users["applicant_a"])).pk},
def _published(factory_path: str, **fields) -> Callable[[World], dict[str, object]]:
    def make(world: World) -> dict[str, object]:
        module, name = factory_path.rsplit(".", 1)
        factory = getattr(__import__(module, fromlist=[name]), name)
        return {"slug": factory(**fields).slug}

    return make


def _report_pdf(world: World) -> dict[str, object]:
    """A finished PDF report EPD asked for (issue 8): any reader of reports may open it."""
    from reports.models import ExportStatus, ReportExport

    export = ReportExport.objects.create(
        requested_by=world.users["epd"],
        language="en",
        status=ExportStatus.READY,
        pdf=b"%PDF-1.4\n%%EOF\n",
    )
    return {"pk": export.pk}


def _application_of_a(world: World):
    """A draft of applicant A's organisation (issue 4's workflow pages)."""
    if "application" not in world.objects:
        from applications import services
        from tests.applications.factories import (
            MembershipFactory,
            PhaseFactory,
            SchemeFactory,
        )

        user = world.users["applicant_a"]
        # Other objects of applicant A (a letter, a recognition application) may
        # have made the membership already.
        from applications.models import Membership

        if not Membership.objects.filter(user=user).exists():
            MembershipFactory(user=user)
        scheme = SchemeFactory(phase=PhaseFactory(code="matrix", name="Matrix"))
        world.objects["application"] = services.application_create_draft(
            user=user, scheme=scheme
        )
    return world.objects["application"]


OBJECTS: dict[str, Callable[[World], dict[str, object]]] = {
    # Issue 4: the workflow's pages of one application.
    "applications:report_new": lambda w: {"pk": _application_of_a(w).pk},
    "applications:claim_new": lambda w: {"pk": _application_of_a(w).pk},
    "admin:applications_application_step": lambda w: {
        "pk": _application_of_a(w).pk,
        "slug": "withdraw",
    },
    "admin:applications_application_decide": lambda w: {"pk": _application_of_a(w).pk},
    # Public pages of one published object: everyone may see them.
    "cases:detail": _published("tests.cases.factories.SuccessCaseFactory"),
    "pages:news_detail": _published("tests.pages.factories.NewsItemFactory"),
    "pages:event_detail": _published("tests.pages.factories.EventFactory"),
    # Reports (issue 8): EPD viewers and the Secretariat only.
    "reports:pdf_detail": _report_pdf,
    "reports:pdf_download": _report_pdf,
    # Issue 10: the Recognition Scheme's objects (tests/recognition/factories.py).
    **recognition_objects(),
    # Issue 5: an issued letter of applicant A's organisation.
    "letters:download": lambda w: {
        "uuid": __import__("tests.letters.factories", fromlist=["issued_letter_for"])
        .issued_letter_for(w.users["applicant_a"])
        .uuid
    },
}

PLACEHOLDERS = {
    IntConverter: "987654321",
    SlugConverter: "no-such-object",
    UUIDConverter: "00000000-0000-4000-8000-000000000000",
}
REGEX_CANDIDATES = ("987654321", "no-such-object", "x")
REFUSING_TARGETS = (
    "accounts/login/",
    "admin/login/",
    "accounts/2fa/totp/activate/",
    "accounts/2fa/authenticate/",
)
IGNORED_TABLES = {"django_session"}  # the session records activity on every request


@dataclass
class Route:
    pieces: list  # the patterns from the root to the endpoint
    pattern: URLPattern
    name: str | None
    i18n: bool

    @property
    def template(self) -> str:
        parts = []
        for piece in self.pieces:
            if isinstance(piece, RegexPattern):
                text, params = normalize(piece.regex.pattern)[0]
                parts.append(text % {p: f"<{p}>" for p in params})
            elif isinstance(piece, RoutePattern):
                parts.append(str(piece))
        return "".join(parts)

    @property
    def params(self) -> list[str]:
        return re.findall(r"<(?:[^>:]+:)?([^>]+)>", self.template)


def walk(patterns=None, pieces=(), namespace=None, i18n=False) -> Iterator[Route]:
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from walk(
                entry.url_patterns,
                (*pieces, entry.pattern),
                ns,
                i18n or isinstance(entry.pattern, LocalePrefixPattern),
            )
        else:
            name = entry.name and (
                f"{namespace}:{entry.name}" if namespace else entry.name
            )
            yield Route([*pieces, entry.pattern], entry, name, i18n)


def rule_for(template: str) -> Rule:
    for rule in RULES:
        if fnmatch.fnmatchcase(template, rule.glob):
            return rule
    return NOBODY


def _regex_group(pattern: str, name: str) -> str:
    start = pattern.index(f"(?P<{name}>") + len(f"(?P<{name}>")
    depth, index = 1, start
    while depth:
        char = pattern[index]
        if char == "\\":
            index += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        index += 1
    return pattern[start : index - 1]


def placeholder_candidates(route: Route, param: str) -> list[str]:
    for piece in route.pieces:
        if isinstance(piece, RoutePattern) and param in piece.converters:
            converter = type(piece.converters[param])
            return [PLACEHOLDERS.get(converter, "987654321")]
        if isinstance(piece, RegexPattern) and f"(?P<{param}>" in piece.regex.pattern:
            group = _regex_group(piece.regex.pattern, param)
            choices = list(REGEX_CANDIDATES)
            if re.fullmatch(r"[\w|]+", group):
                choices += group.split("|")
            return [c for c in choices if re.fullmatch(group, c)]
    return []


def build_path(route: Route, kwargs: dict[str, object]) -> str:
    text = route.template
    for name, value in kwargs.items():
        text = re.sub(rf"<(?:[^>:]+:)?{name}>", str(value), text)
    return ("/en/" if route.i18n else "/") + text


def resolves_to(route: Route, path: str) -> bool:
    try:
        return resolve(path).func is route.pattern.callback
    except Resolver404:
        return False


def fill(route: Route, world: World) -> tuple[str | None, str]:
    """The path to probe, and where its parameters came from."""
    params = route.params
    if not params:
        return build_path(route, {}), "none"
    if route.name in OBJECTS:
        return build_path(route, OBJECTS[route.name](world)), "object"
    model_admin = getattr(route.pattern.callback, "model_admin", None)
    if model_admin is not None and params in (["object_id"], ["id"]):
        first = model_admin.model._default_manager.order_by("pk").first()
        if first is not None:
            return build_path(route, {params[0]: first.pk}), "admin-object"
    candidates = {param: placeholder_candidates(route, param) for param in params}
    if all(candidates.values()):
        path = build_path(route, {p: c[0] for p, c in candidates.items()})
        if resolves_to(route, path):
            return path, "placeholder"
    return None, f"no value for {params} resolves"


def expected(rule: Rule, role: str, source: str) -> str:
    wanted = rule.access[role]
    if rule.owned and source == "object" and role != "applicant_a":
        return DENY
    if source == "placeholder" and wanted == ALLOW:
        return EITHER  # nothing there to see: a 404 is a fine answer
    return wanted


def outcome(response) -> str:
    status = response.status_code
    if status >= 500:
        return "error"
    if status in (401, 403, 404, 405, 410, 429):
        return "refused"
    if 300 <= status < 400:
        target = urlsplit(response["Location"]).path.lstrip("/")
        target = re.sub(r"^(en|zh-hant|zh-hans)/", "", target)
        return "refused" if target in REFUSING_TARGETS else "redirected"
    return "allowed"


def unsafe_methods(route: Route) -> list[str]:
    """POST always; the others only where a class-based view has a handler for them
    (a function view treats them as it treats GET)."""
    view_class = getattr(route.pattern.callback, "view_class", None)
    extra = [m for m in ("delete", "put", "patch") if hasattr(view_class, m)]
    return ["POST"] + [m.upper() for m in extra]


def table_writes() -> Counter:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del "
            "FROM pg_stat_xact_user_tables"
        )
        return Counter(
            {table: n for table, n in cursor.fetchall() if table not in IGNORED_TABLES}
        )


@pytest.fixture
def world(db) -> World:
    users = {
        "anonymous": None,
        "applicant_a": UserFactory(role=APPLICANT),
        "applicant_b": UserFactory(role=APPLICANT),
        "secretariat": UserFactory(role=SECRETARIAT, is_staff=True),
        "epd": UserFactory(role=EPD_VIEWER),
    }
    return World(users)


def clients_for(world: World) -> dict[str, Client]:
    clients = {}
    for role, user in world.users.items():
        client = Client(raise_request_exception=False, HTTP_ACCEPT="text/html")
        if user is not None:
            client.force_login(user)
        clients[role] = client
    return clients


@pytest.mark.django_db
def test_every_url_answers_each_role_as_the_table_says(world, capsys):
    assert settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    clients = clients_for(world)
    failures: list[str] = []
    tally: Counter = Counter()
    placeholder_routes, skipped = [], []
    routes = list(walk())

    for route in routes:
        rule = rule_for(route.template)
        path, source = fill(route, world)
        if path is None:
            skipped.append(f"{route.template} ({source})")
            continue
        if source == "placeholder":
            placeholder_routes.append(route.template)
        for role in ROLES:
            want = expected(rule, role, source)
            methods = ["GET"] + (unsafe_methods(route) if want == DENY else [])
            before = (table_writes(), len(mail.outbox)) if want == DENY else None
            problems = []
            for method in methods:
                response = clients[role].generic(method, path)
                got = outcome(response)
                tally["probes"] += 1
                problem = None
                if got == "error":
                    problem = f"answered {response.status_code}"
                elif want == DENY and got != "refused":
                    where = response.get("Location", "")
                    problem = f"not refused ({response.status_code} {where})".strip()
                elif want == ALLOW and got == "refused" and response.status_code != 405:
                    # 405 to a GET of a POST-only view refuses the method, not the user.
                    problem = f"refused ({response.status_code}) though allowed"
                if problem:
                    problems.append(
                        f"{method} {path} as {role} [{rule.glob}]: {problem}"
                    )
                else:
                    tally[
                        {DENY: "refused", ALLOW: "allowed"}.get(want, "not asserted")
                    ] += 1
            if before is not None:
                changed = +(table_writes() - before[0])
                if changed or len(mail.outbox) != before[1]:
                    problems.append(
                        f"{'/'.join(methods)} {path} as {role}: refused but changed "
                        f"{dict(changed)} or sent {len(mail.outbox) - before[1]} e-mails"
                    )
            failures += problems

    with capsys.disabled():
        print(
            f"\nAccess matrix: {len(routes)} routes x {len(ROLES)} roles, "
            f"{tally['probes']} probes: {tally['refused']} refused as expected, "
            f"{tally['allowed']} allowed as expected, {tally['not asserted']} not "
            f"asserted, {len(failures)} wrong. {len(placeholder_routes)} routes had "
            f"no test object (placeholder values); {len(skipped)} skipped"
            + (": " + "; ".join(skipped) if skipped else ".")
        )
    assert not failures, "\n".join(failures)
    assert tally["refused"] > 0 and tally["allowed"] > 0


def test_an_unlisted_page_must_refuse_everyone():
    assert rule_for("brand-new-page/").access == access()
    assert rule_for("brand-new-page/").access["anonymous"] == DENY


@pytest.mark.parametrize(
    ("template", "role", "source", "want"),
    [
        ("apply/<int:pk>/", "applicant_a", "object", ALLOW),
        ("apply/<int:pk>/", "applicant_b", "object", DENY),
        ("apply/<int:pk>/", "secretariat", "object", DENY),
        ("apply/<int:pk>/", "applicant_b", "placeholder", EITHER),
        ("apply/new/", "applicant_b", "none", ALLOW),
        ("apply/new/", "epd", "none", DENY),
        ("reports/exports/", "epd", "none", ALLOW),
        ("reports/exports/", "applicant_a", "none", DENY),
        ("admin/cases/successcase/", "epd", "none", DENY),
        ("cases/<slug:slug>/", "anonymous", "placeholder", EITHER),
    ],
)
def test_the_table_reads_as_intended(template, role, source, want):
    assert expected(rule_for(template), role, source) == want
