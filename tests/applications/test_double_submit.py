"""Fault drill: a form sent twice at once (a double click, a browser retry) makes one
application, one submission and one acknowledgement. Run by `make faults` and `make test`."""

import threading

import pytest
from django.core import mail
from django.db import connection
from django.test import Client

from applications.models import (
    Application,
    ApplicationStatus,
    ApplicationVersion,
    StatusChange,
)

from .conftest import OA

TIMES = 8


def post_at_once(session_cookie: str, path: str, data: dict) -> list:
    """POST the same form from TIMES threads released together, as one browser would
    when the button is pressed repeatedly; returns each response (or exception)."""
    barrier = threading.Barrier(TIMES)
    results = []

    def send():
        client = Client()
        client.cookies["sessionid"] = session_cookie
        try:
            barrier.wait()
            results.append(client.post(path, data))
        except Exception as exc:  # noqa: BLE001 - reported by the test
            results.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(TIMES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def signed_in(client, user) -> str:
    client.force_login(user)
    return client.cookies["sessionid"].value


@pytest.mark.django_db(transaction=True)
def test_a_submit_sent_eight_times_at_once_submits_once(client, ready_draft, user):
    application = ready_draft(OA)
    cookie = signed_in(client, user)
    mail.outbox.clear()

    results = post_at_once(
        cookie, f"/en/apply/applications/{application.pk}/check/", {}
    )

    assert [r for r in results if isinstance(r, Exception)] == []
    assert all(r.status_code in (200, 302) for r in results)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.reference is not None
    assert ApplicationVersion.objects.filter(application=application).count() == 1
    assert (
        StatusChange.objects.filter(
            application=application, to_status=ApplicationStatus.SUBMITTED
        ).count()
        == 1
    )
    acknowledgements = [m for m in mail.outbox if application.reference in m.subject]
    assert len(acknowledgements) == 1
    # The later ones are told, in words, that it is already done.
    assert any(
        r.status_code == 302
        and r["Location"].endswith(f"/applications/{application.pk}/submitted/")
        for r in results
    )


@pytest.mark.django_db(transaction=True)
def test_starting_an_application_sent_eight_times_at_once_makes_one_draft(
    client, user, schemes
):
    cookie = signed_in(client, user)
    form = client.get("/en/apply/new/?kind=OA").content.decode()
    key = form.split('name="key" value="', 1)[1].split('"', 1)[0]
    before = Application.objects.count()

    results = post_at_once(
        cookie, "/en/apply/new/", {"kind": "OA", "scheme": schemes[OA].pk, "key": key}
    )

    assert [r for r in results if isinstance(r, Exception)] == []
    assert Application.objects.count() == before + 1
    draft = Application.objects.get(creation_key=key)
    assert {r.status_code for r in results} == {302}
    assert {r["Location"] for r in results} == {f"/en/apply/applications/{draft.pk}/"}
    assert StatusChange.objects.filter(application=draft).count() == 1


@pytest.mark.django_db
def test_the_form_sent_again_later_opens_the_same_draft_and_a_new_form_starts_another(
    client, user, schemes
):
    client.force_login(user)
    first_form = client.get("/en/apply/new/?kind=OA").content.decode()
    key = first_form.split('name="key" value="', 1)[1].split('"', 1)[0]
    data = {"kind": "OA", "scheme": schemes[OA].pk, "key": key}

    first = client.post("/en/apply/new/", data)
    again = client.post("/en/apply/new/", data)  # the back button, then send again
    second_form = client.get("/en/apply/new/?kind=OA").content.decode()
    other_key = second_form.split('name="key" value="', 1)[1].split('"', 1)[0]
    another = client.post("/en/apply/new/", data | {"key": other_key})

    assert first["Location"] == again["Location"]
    assert another["Location"] != first["Location"]
    assert other_key != key
    assert (
        Application.objects.filter(organisation=user.membership.organisation).count()
        == 2
    )


@pytest.mark.django_db
def test_another_organisations_key_does_not_open_its_draft_but_starts_one_of_its_own(
    client, user, other_member, schemes
):
    client.force_login(user)
    form = client.get("/en/apply/new/?kind=OA").content.decode()
    key = form.split('name="key" value="', 1)[1].split('"', 1)[0]
    data = {"kind": "OA", "scheme": schemes[OA].pk, "key": key}
    mine = client.post("/en/apply/new/", data)

    client.force_login(other_member.user)
    theirs = client.post("/en/apply/new/", data)

    assert theirs.status_code == 302
    assert theirs["Location"] != mine["Location"]
    assert (
        Application.objects.filter(organisation=other_member.organisation).count() == 1
    )
    assert (
        Application.objects.filter(organisation=user.membership.organisation).count()
        == 1
    )
