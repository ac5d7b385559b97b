"""Letters of decision: request (in the decision's transaction), render, e-mail, sweep.

letter_request_for_decision(decision_id=...)   call inside the decision's transaction
letter_render(request_id=...)                  the worker's job; safe to run twice
letters_sweep()                                beat, every minute: re-dispatch the pending
"""

import hashlib
import logging
import time
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from applications.models import Application, Decision, DecisionOutcome, MembershipRole
from core.pdf import html_to_pdf, render_pdf_html

from .models import LetterRequest, LetterStatus

logger = logging.getLogger(__name__)
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
# Rendering attempts, counting those cut short by a killed worker, before FAILED.
MAX_ATTEMPTS = 2 * settings.LETTERS_MAX_RETRIES + 2


def _addressee(application: Application):
    """Who the letter is to: the last person to submit it, else who started it."""
    version = (
        application.versions.exclude(submitted_by=None).order_by("-number").first()
    )
    if version is not None:
        return version.submitted_by
    if application.created_by_id:
        return application.created_by
    admin = application.organisation.memberships.filter(
        role=MembershipRole.ADMINISTRATOR
    ).first()
    return admin.user if admin else None


def letter_request_for_decision(*, decision_id: int) -> LetterRequest:
    """The letter of a decision, requested once; its rendering starts after commit.

    Call it inside the transaction that records the decision: the request is saved
    with the decision or not at all. Calling it again returns the same request.
    """
    with transaction.atomic():  # a savepoint inside the caller's transaction
        existing = LetterRequest.objects.filter(decision_id=decision_id).first()
        if existing is not None:
            return existing
        decision = Decision.objects.get(pk=decision_id)
        # Lock the application: its letters are numbered in turn.
        application = Application.objects.select_for_update().get(
            pk=decision.application_id
        )
        addressee = _addressee(application)
        language = getattr(addressee, "language", None)
        try:
            with transaction.atomic():
                letter = LetterRequest.objects.create(
                    decision=decision,
                    application=application,
                    version=application.letters.count() + 1,
                    language=language if language in LANGUAGE_CODES else "en",
                    addressee=addressee,
                )
        except IntegrityError:
            # Another transaction requested it first (one letter per decision).
            return LetterRequest.objects.get(decision_id=decision_id)
        transaction.on_commit(
            lambda: letter_dispatch(request_id=letter.pk), robust=True
        )
        return letter


def letter_dispatch(*, request_id: int) -> bool:
    """Hand a pending letter to the workers; False if the broker cannot be reached.

    Never raises: the decision is already saved, and the sweep sends it again later.
    """
    from .tasks import render_letter

    try:
        render_letter.apply_async(args=[request_id], retry=False)
    except Exception as exc:  # noqa: BLE001 - any broker failure; the sweep recovers
        logger.warning("letter %s not dispatched: %s", request_id, exc)
        return False
    LetterRequest.objects.filter(pk=request_id).update(dispatched_at=timezone.now())
    return True


def letter_email_dispatch(*, request_id: int) -> bool:
    from .tasks import email_letter

    try:
        email_letter.apply_async(args=[request_id], retry=False)
    except Exception as exc:  # noqa: BLE001
        logger.warning("letter %s e-mail not dispatched: %s", request_id, exc)
        return False
    return True


def _percent(share: Decimal | None) -> str:
    if share is None:
        return ""
    return f"{(share * 100).quantize(Decimal('0.01')).normalize():f}"


def letter_context(letter: LetterRequest) -> dict:
    decision = letter.decision
    application = letter.application
    previous = (
        application.letters.filter(version__lt=letter.version)
        .order_by("-version")
        .first()
    )
    return {
        "letter": letter,
        "decision": decision,
        "application": application,
        "organisation": application.organisation,
        "scheme": application.scheme,
        "addressee": letter.addressee,
        "approved": decision.outcome == DecisionOutcome.APPROVED,
        "share_percent": _percent(decision.funding_share),
        "previous": previous,
        "date": timezone.localdate(letter.requested_at),
        # "4 December 2026" in English; Chinese dates in their own DATE_FORMAT.
        "date_format": "j F Y" if letter.language == "en" else "DATE_FORMAT",
        "signatory_name": settings.LETTERS_SIGNATORY_NAME,
    }


def letter_html(letter: LetterRequest) -> str:
    return render_pdf_html(
        template_name="letters/letter.html",
        context=letter_context(letter),
        language=letter.language,
    )


def _letters_with_relations():
    return LetterRequest.objects.select_related(
        "decision",
        "addressee",
        "application__organisation",
        "application__scheme__phase",
        "application__factory",
    )


def letter_render(*, request_id: int) -> bool:
    """Render and store the PDF of a pending letter; False if there is nothing to do.

    The row stays locked while rendering: a second run at the same time skips it, and
    a worker killed half-way leaves it PENDING (PostgreSQL rolls back the dead
    connection's transaction), for the redelivered message or the sweep to finish.
    The file's name is fixed by the letter, so a rerun overwrites, never adds, a file.
    """
    pending = LetterRequest.objects.filter(pk=request_id, status=LetterStatus.PENDING)
    pending.update(attempts=F("attempts") + 1)
    # A letter whose worker keeps dying (time limit, memory) must not loop for ever.
    if pending.filter(attempts__gt=MAX_ATTEMPTS).update(
        status=LetterStatus.FAILED, last_error="Too many attempts: the worker stopped."
    ):
        return False
    with transaction.atomic():
        letter = (
            _letters_with_relations()
            .select_for_update(skip_locked=True, of=("self",))
            .filter(pk=request_id, status=LetterStatus.PENDING)
            .first()
        )
        if letter is None:
            return False
        started = time.perf_counter()
        pdf = html_to_pdf(letter_html(letter))
        name = f"letters/{letter.application_id}/{letter.uuid}.pdf"
        if default_storage.exists(name):
            default_storage.delete(name)
        letter.file.name = default_storage.save(name, ContentFile(pdf))
        letter.size = len(pdf)
        letter.sha256 = hashlib.sha256(pdf).hexdigest()
        letter.render_ms = round((time.perf_counter() - started) * 1000)
        letter.rendered_at = timezone.now()
        letter.status = LetterStatus.DONE
        letter.last_error = ""
        letter.save(
            update_fields=[
                "file",
                "size",
                "sha256",
                "render_ms",
                "rendered_at",
                "status",
                "last_error",
            ]
        )
        transaction.on_commit(
            lambda: letter_email_dispatch(request_id=request_id), robust=True
        )
    return True


def letter_record_failure(*, request_id: int, error: Exception, final: bool) -> None:
    """Note why rendering failed; after the last retry the letter is marked FAILED."""
    values = {"last_error": f"{type(error).__name__}: {error}"[:2000]}
    if final:
        values["status"] = LetterStatus.FAILED
    LetterRequest.objects.filter(pk=request_id, status=LetterStatus.PENDING).update(
        **values
    )


def letter_retry(*, letter: LetterRequest) -> None:
    """The Secretariat tries a failed letter again."""
    LetterRequest.objects.filter(pk=letter.pk, status=LetterStatus.FAILED).update(
        status=LetterStatus.PENDING, attempts=0, dispatched_at=None
    )
    transaction.on_commit(lambda: letter_dispatch(request_id=letter.pk), robust=True)


def letters_sweep(*, now=None) -> dict[str, int]:
    """Beat's safety net: letters for decisions without one, and pending letters and
    unsent e-mails whose message may have been lost, sent to the workers again."""
    now = now or timezone.now()
    stale = now - timedelta(seconds=settings.LETTERS_REDISPATCH_AFTER_SECONDS)
    created = 0
    for decision_id in Decision.objects.filter(letter_request=None).values_list(
        "pk", flat=True
    )[:100]:
        with transaction.atomic():
            letter_request_for_decision(decision_id=decision_id)
        created += 1
    pending = LetterRequest.objects.filter(status=LetterStatus.PENDING).filter(
        Q(dispatched_at=None) | Q(dispatched_at__lt=stale)
    )
    dispatched = sum(
        letter_dispatch(request_id=pk)
        for pk in pending.values_list("pk", flat=True)[:500]
    )
    unsent = LetterRequest.objects.filter(
        status=LetterStatus.DONE, emailed_at=None, rendered_at__lt=stale
    )
    emailed = sum(
        letter_email_dispatch(request_id=pk)
        for pk in unsent.values_list("pk", flat=True)[:500]
    )
    return {"requested": created, "dispatched": dispatched, "emails": emailed}
