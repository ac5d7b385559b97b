import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from pages import services
from pages.models import EventRegistration
from pages.tasks import registration_notify

from .factories import EventFactory, RegistrationFactory

Status = EventRegistration.Status
FORM = {
    "name": "Chan Tai Man",
    "company": "Tai Man Printing Ltd",
    "email": "tm.chan@example.com",
    "phone": "+852 2788 5588",
    "consent": "on",
}


def register(client, event, language="en", **overrides):
    return client.post(
        f"/{language}/events/{event.slug}/register/", {**FORM, **overrides}
    )


def registrant(email: str) -> services.Registrant:
    return services.Registrant(
        name="Lee", company="Lee Metal", email=email, phone="2788 5588"
    )


@pytest.mark.django_db
def test_a_visitor_gets_a_confirmed_place_and_an_email_in_their_language(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=2)

    with django_capture_on_commit_callbacks(execute=True):
        response = register(client, event, language="zh-hant")

    registration = EventRegistration.objects.get()
    assert registration.status == Status.CONFIRMED
    assert response.status_code == 302
    assert response["Location"] == f"/zh-hant/events/registration/{registration.token}/"
    page = client.get(response["Location"]).content.decode()
    assert "你的名額已確認" in page or "名額已確認" in page
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["tm.chan@example.com"]
    assert "/zh-hant/events/registration/" in mail.outbox[0].body


@pytest.mark.django_db
def test_when_full_the_visitor_joins_the_waiting_list_and_sees_their_position(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event, status=Status.CONFIRMED)
    RegistrationFactory(event=event, status=Status.WAITING)

    with django_capture_on_commit_callbacks(execute=True):
        response = register(client, event)

    registration = EventRegistration.objects.get(email=FORM["email"])
    assert registration.status == Status.WAITING
    page = client.get(response["Location"]).content.decode()
    assert "You are number 2 on the waiting list." in page
    assert "number 2 on the waiting list" in mail.outbox[0].body


@pytest.mark.django_db
def test_the_same_email_cannot_register_twice_and_nothing_changes(client):
    event = EventFactory(capacity=5)
    RegistrationFactory(event=event, email="TM.Chan@Example.com")

    response = register(client, event)

    assert response.status_code == 200
    assert "already registered for this event" in response.content.decode()
    assert EventRegistration.objects.count() == 1


@pytest.mark.django_db
def test_the_database_refuses_a_second_live_registration_for_one_email():
    event = EventFactory(capacity=5)
    RegistrationFactory(event=event, email="a@example.com")

    with pytest.raises(services.RegistrationRefused):
        services.registration_create(
            event_id=event.pk, registrant=registrant("A@EXAMPLE.COM"), language="en"
        )

    assert EventRegistration.objects.count() == 1


@pytest.mark.django_db
def test_registration_is_refused_after_it_closes(client):
    event = EventFactory(
        capacity=5, registration_closes_at=timezone.now() - timedelta(minutes=1)
    )

    response = register(client, event)

    assert "Registration for this event is closed." in response.content.decode()
    assert EventRegistration.objects.count() == 0


@pytest.mark.django_db
def test_a_full_event_without_waiting_list_refuses(client):
    event = EventFactory(capacity=1, waiting_list=False)
    RegistrationFactory(event=event)

    response = register(client, event)

    assert "This event is fully booked." in response.content.decode()
    assert EventRegistration.objects.count() == 1


@pytest.mark.django_db
def test_an_event_without_capacity_takes_no_registration(client):
    event = EventFactory(capacity=None)

    response = register(client, event)

    assert EventRegistration.objects.count() == 0
    assert "This event has no online registration." in response.content.decode()


@pytest.mark.django_db
def test_invalid_details_are_shown_with_an_error_summary(client):
    event = EventFactory()

    response = register(client, event, email="not-an-email", consent="")

    body = response.content.decode()
    assert "There is a problem" in body
    assert 'href="#id_email"' in body
    assert EventRegistration.objects.count() == 0


@pytest.mark.django_db
def test_cancelling_promotes_the_first_on_the_waiting_list_and_tells_them(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    confirmed = RegistrationFactory(event=event, notified_status=Status.CONFIRMED)
    first = RegistrationFactory(
        event=event, status=Status.WAITING, notified_status="waiting"
    )
    second = RegistrationFactory(
        event=event, status=Status.WAITING, notified_status="waiting"
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/events/registration/{confirmed.token}/cancel/")

    assert response.status_code == 302
    statuses = dict(EventRegistration.objects.values_list("pk", "status"))
    assert statuses == {
        confirmed.pk: Status.CONFIRMED.CANCELLED,
        first.pk: Status.CONFIRMED,
        second.pk: Status.WAITING,
    }
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted([confirmed.email, first.email])
    page = client.get(f"/en/events/registration/{second.token}/").content.decode()
    assert "You are number 1 on the waiting list." in page


@pytest.mark.django_db
def test_cancelling_twice_changes_nothing_more(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    confirmed = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=Status.WAITING)
    url = f"/en/events/registration/{confirmed.token}/cancel/"

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
        client.post(url)

    assert EventRegistration.objects.get(pk=waiting.pk).status == Status.CONFIRMED
    assert EventRegistration.objects.filter(status=Status.CONFIRMED).count() == 1


@pytest.mark.django_db
def test_cancelling_needs_a_post_and_the_right_key(client):
    registration = RegistrationFactory()

    assert (
        client.get(f"/en/events/registration/{registration.token}/cancel/").status_code
        == 405
    )
    assert client.post("/en/events/registration/not-the-key/cancel/").status_code == 404
    assert client.get("/en/events/registration/not-the-key/").status_code == 404
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


@pytest.mark.django_db
def test_the_registration_page_is_private(client):
    registration = RegistrationFactory()

    response = client.get(registration.get_absolute_url())

    assert response["Cache-Control"] == "no-store"
    assert 'name="robots" content="noindex"' in response.content.decode()


@pytest.mark.django_db
def test_each_status_is_emailed_once_even_if_the_task_runs_twice():
    registration = RegistrationFactory()

    assert registration_notify(registration.pk) is True
    assert registration_notify(registration.pk) is False

    assert len(mail.outbox) == 1
    assert "Your place is confirmed" in mail.outbox[0].subject


@pytest.mark.django_db
def test_growing_the_capacity_fills_places_from_the_waiting_list_in_order():
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    first = RegistrationFactory(event=event, status=Status.WAITING)
    second = RegistrationFactory(event=event, status=Status.WAITING)
    third = RegistrationFactory(event=event, status=Status.WAITING)
    event.capacity = 3
    event.save()

    promoted = services.event_fill_from_waiting_list(event_id=event.pk)

    assert [r.pk for r in promoted] == [first.pk, second.pk]
    third.refresh_from_db()
    assert third.status == Status.WAITING


@pytest.mark.django_db(transaction=True)
def test_capacity_holds_when_many_register_at_once():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    event = EventFactory(capacity=3)
    barrier = threading.Barrier(8)
    errors = []

    def attempt(number: int) -> None:
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            services.registration_create(
                event_id=event.pk,
                registrant=registrant(f"racer{number}@example.com"),
                language="en",
            )
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    counts = {
        status: EventRegistration.objects.filter(event=event, status=status).count()
        for status in (Status.CONFIRMED, Status.WAITING)
    }
    assert counts == {Status.CONFIRMED: 3, Status.WAITING: 5}


@pytest.mark.django_db
def test_scripted_sign_ups_from_one_address_are_slowed_down(client, monkeypatch):
    from pages import views

    monkeypatch.setattr(views, "REGISTRATIONS_PER_HOUR", 2)
    event = EventFactory(capacity=10)

    for n in range(3):
        response = register(client, event, email=f"bot{n}@example.com")

    assert "Too many registrations from here." in response.content.decode()
    assert EventRegistration.objects.count() == 2
