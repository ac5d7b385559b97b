"""Reads of letters, scoped to who asks."""

from uuid import UUID

from django.db.models import QuerySet
from django.http import Http404

from accounts.roles import is_secretariat
from applications.models import Application, Organisation

from .models import LetterRequest, LetterStatus


def letter_get_for_user(*, user, uuid: UUID) -> LetterRequest:
    """An issued letter the user may download: their organisation's, or any for the
    Secretariat. Anything else is a 404."""
    letters = LetterRequest.objects.select_related("application").filter(
        status=LetterStatus.DONE
    )
    if not is_secretariat(user):
        letters = letters.filter(application__organisation__memberships__user=user)
    try:
        return letters.get(uuid=uuid)
    except LetterRequest.DoesNotExist as exc:
        raise Http404 from exc


def letter_list_for_application(*, application: Application) -> QuerySet[LetterRequest]:
    return (
        LetterRequest.objects.filter(application=application)
        .select_related("application", "decision")
        .order_by("-version")
    )


def letter_list_for_organisation(
    *, organisation: Organisation
) -> QuerySet[LetterRequest]:
    return (
        LetterRequest.objects.filter(
            application__organisation=organisation, status=LetterStatus.DONE
        )
        .select_related("application", "decision")
        .order_by("-rendered_at", "-pk")
    )
