"""Writes of the public site: event registration, cancellation and the waiting list."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Event, EventRegistration

Status = EventRegistration.Status


class RegistrationRefused(Exception):
    """The registration cannot be taken; the message is for the visitor."""


@dataclass(frozen=True)
class Registrant:
    name: str
    company: str
    email: str
    phone: str


def _notify_on_commit(registration_id: int) -> None:
    from .tasks import registration_notify

    transaction.on_commit(lambda: registration_notify.delay(registration_id))


def registration_create(
    *, event_id: int, registrant: Registrant, language: str
) -> EventRegistration:
    """A confirmed place while there is room, else a place on the waiting list."""
    with transaction.atomic():
        # The event row is the lock: one registration decides at a time.
        event = Event.objects.select_for_update().get(pk=event_id)
        if not event.is_published or not event.registration_is_open():
            raise RegistrationRefused(_("Registration for this event is closed."))
        live = event.registrations.exclude(status=Status.CANCELLED)
        if live.filter(email__iexact=registrant.email).exists():
            raise RegistrationRefused(
                _("This e-mail address is already registered for this event.")
            )
        confirmed = live.filter(status=Status.CONFIRMED).count()
        if confirmed < event.capacity:
            status = Status.CONFIRMED
        elif event.waiting_list:
            status = Status.WAITING
        else:
            raise RegistrationRefused(_("This event is fully booked."))
        try:
            with transaction.atomic():
                registration = EventRegistration.objects.create(
                    event=event,
                    name=registrant.name.strip(),
                    company=registrant.company.strip(),
                    email=registrant.email.strip(),
                    phone=registrant.phone.strip(),
                    status=status,
                    language=language,
                )
        except IntegrityError as exc:  # the database's own guard on duplicates
            raise RegistrationRefused(
                _("This e-mail address is already registered for this event.")
            ) from exc
        _notify_on_commit(registration.pk)
    return registration


def registration_cancel(*, registration_id: int) -> EventRegistration | None:
    """Cancel a place; a freed confirmed place goes to the first on the waiting list.

    Returns the promoted registration, if any. Cancelling twice changes nothing.
    """
    with transaction.atomic():
        event_id = (
            EventRegistration.objects.filter(pk=registration_id)
            .values_list("event_id", flat=True)
            .get()
        )
        Event.objects.select_for_update().get(pk=event_id)
        registration = EventRegistration.objects.select_for_update().get(
            pk=registration_id
        )
        if registration.status == Status.CANCELLED:
            return None
        was_confirmed = registration.status == Status.CONFIRMED
        registration.status = Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at", "updated_at"])
        _notify_on_commit(registration.pk)
        if not was_confirmed:
            return None
        promoted = _fill_places(event_id=event_id)
        return promoted[0] if promoted else None


def event_fill_from_waiting_list(*, event_id: int) -> list[EventRegistration]:
    """After the capacity grows: give free places to the waiting list, in order."""
    with transaction.atomic():
        Event.objects.select_for_update().get(pk=event_id)
        return _fill_places(event_id=event_id)


def _fill_places(*, event_id: int) -> list[EventRegistration]:
    # The caller holds the event's lock.
    event = Event.objects.get(pk=event_id)
    if event.capacity is None:
        return []
    confirmed = event.registrations.filter(status=Status.CONFIRMED).count()
    free = max(event.capacity - confirmed, 0)
    promoted = list(
        event.registrations.filter(status=Status.WAITING).order_by("created_at", "pk")[
            :free
        ]
    )
    for registration in promoted:
        registration.status = Status.CONFIRMED
        registration.save(update_fields=["status", "updated_at"])
        _notify_on_commit(registration.pk)
    return promoted
