"""Every write of the Recognition Scheme: one function per operation, each in one
transaction that also records the status change; e-mails and certificates are queued
on commit, by id."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import user_role
from applications.models import Factory, OrganisationKind
from applications.selectors import organisation_for_user
from core.uploads import validate_upload
from pages.models import RecognitionCategory

from . import rules, workflow
from .models import (
    Application,
    Award,
    Cycle,
    Evidence,
    Objection,
    ObjectionOutcome,
    Recommendation,
    SerialCounter,
    SiteVisit,
    Status,
    StatusChange,
    Unit,
)
from .workflow import APPLICANT, SECRETARIAT

EVIDENCE_KINDS = ("pdf", "jpeg", "png", "docx", "xlsx")


class RecognitionRefused(Exception):
    """An operation the rules do not allow; the message is for the user."""


# --- The one door for status changes -------------------------------------------------


def application_transition(
    *,
    application: Application,
    to_status: str,
    by=None,
    role: str,
    reason: str = "",
) -> Application:
    """Move an application if workflow.TRANSITIONS allows it, recording who and why."""
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        from_status = locked.status
        if not workflow.allowed(from_status, to_status, role):
            raise RecognitionRefused(
                _("An application that is “%(from)s” cannot be moved to “%(to)s”.")
                % {"from": Status(from_status).label, "to": Status(to_status).label}
            )
        now = timezone.now()
        locked.status = to_status
        locked.status_changed_at = now
        locked.save(update_fields=["status", "status_changed_at", "updated_at"])
        StatusChange.objects.create(
            application=locked,
            from_status=from_status,
            to_status=to_status,
            by=by,
            reason=reason,
            at=now,
        )
    application.status = locked.status
    application.status_changed_at = locked.status_changed_at
    return application


def _next_number(*, year: int, code: str) -> int:
    counter, _created = SerialCounter.objects.select_for_update().get_or_create(
        year=year, code=code
    )
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


# --- The applicant's side ------------------------------------------------------------


def application_create_draft(
    *, user, cycle: Cycle, category: RecognitionCategory, factory: Factory | None
) -> Application:
    """Start a draft for the user's organisation, in an open window."""
    organisation = organisation_for_user(user=user)
    if organisation is None:
        raise RecognitionRefused(_("Set up your organisation first."))
    if organisation.kind != OrganisationKind.BUSINESS:
        raise RecognitionRefused(
            _("The Recognition Scheme is for Hong Kong businesses, not associations.")
        )
    if not cycle.is_open():
        raise RecognitionRefused(_("The application window of this cycle is closed."))
    rule = getattr(category, "rule", None)
    if rule is None or not rule.is_open:
        raise RecognitionRefused(_("This category is not open for applications."))
    if rule.unit == Unit.FACTORY:
        if factory is None or factory.organisation_id != organisation.pk:
            raise RecognitionRefused(_("Choose one of your factories."))
        taken = cycle.applications.filter(factory=factory).exclude(
            status=Status.WITHDRAWN
        )
        if taken.exists():
            raise RecognitionRefused(
                _("This factory already has an application in this cycle.")
            )
    else:
        factory = None
        taken = cycle.applications.filter(
            organisation=organisation, category=category, factory__isnull=True
        ).exclude(status=Status.WITHDRAWN)
        if taken.exists():
            raise RecognitionRefused(
                _("Your company already has an application in this category.")
            )
    return Application.objects.create(
        cycle=cycle,
        category=category,
        organisation=organisation,
        factory=factory,
        created_by=user,
        language=getattr(user, "language", "") or "en",
    )


def _check_editable(application: Application) -> None:
    if application.status not in workflow.EDITABLE:
        raise RecognitionRefused(
            _("This application has been submitted and can no longer be changed.")
        )


@dataclass
class MeasureData:
    title: str
    area: str
    description: str
    implemented_on: date
    unit: str
    before: object
    after: object
    investment_hkd: object = None


def application_save(
    *,
    application: Application,
    summary: str,
    earlier_project_ids: list[int],
    declares_no_convictions: bool,
    declares_information_true: bool,
    measures: list[MeasureData] | None = None,
) -> Application:
    """Save a draft's answers; earlier projects must be the organisation's own."""
    from .selectors import funded_project_list

    _check_editable(application)
    allowed = set(
        funded_project_list(organisation=application.organisation).values_list(
            "pk", flat=True
        )
    )
    if not set(earlier_project_ids) <= allowed:
        raise RecognitionRefused(_("Choose projects of your own organisation."))
    with transaction.atomic():
        application.summary = summary
        application.declares_no_convictions = declares_no_convictions
        application.declares_information_true = declares_information_true
        application.save()
        application.earlier_projects.set(earlier_project_ids)
        if measures is not None:
            application.measures.all().delete()
            application.measures.bulk_create(
                [
                    application.measures.model(application=application, **vars(m))
                    for m in measures
                ]
            )
    return application


def evidence_add(
    *, application: Application, user, upload, kind: str, description: str = ""
) -> Evidence:
    _check_editable(application)
    validate_upload(upload, kinds=EVIDENCE_KINDS)
    evidence = Evidence(
        application=application,
        kind=kind,
        description=description,
        original_name=upload.name[:200],
        size=upload.size,
        uploaded_by=user,
    )
    evidence.file.save(upload.name, upload, save=False)
    evidence.save()
    return evidence


def evidence_remove(*, evidence: Evidence) -> None:
    _check_editable(evidence.application)
    name, storage = evidence.file.name, evidence.file.storage
    evidence.delete()
    transaction.on_commit(lambda: storage.delete(name))


def application_missing(application: Application) -> list[str]:
    return rules.missing_for_submission(
        summary=application.summary,
        measure_count=application.measures.count(),
        evidence_count=application.evidence.count(),
        declares_no_convictions=application.declares_no_convictions,
        declares_information_true=application.declares_information_true,
        window_open=application.cycle.is_open(),
    )


def application_submit(*, application: Application, user, language: str) -> Application:
    """Send a complete draft in the open window; it gets its reference number."""
    from . import tasks

    missing = application_missing(application)
    if missing:
        raise RecognitionRefused(" ".join(missing))
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if locked.status != Status.DRAFT:
            raise RecognitionRefused(_("This application has already been submitted."))
        number = _next_number(year=locked.cycle.year, code=rules.REFERENCE_CODE)
        locked.reference = rules.format_reference(year=locked.cycle.year, number=number)
        locked.submitted_at = timezone.now()
        locked.language = language
        locked.save(update_fields=["reference", "submitted_at", "language"])
        application_transition(
            application=locked, to_status=Status.SUBMITTED, by=user, role=APPLICANT
        )
        transaction.on_commit(lambda: tasks.send_submitted.delay(locked.pk))
    application.refresh_from_db()
    return application


def application_withdraw(*, application: Application, user) -> Application:
    return application_transition(
        application=application, to_status=Status.WITHDRAWN, by=user, role=APPLICANT
    )


# --- The Secretariat's review (admin) ------------------------------------------------


def _secretariat(user) -> None:
    if user is not None and user_role(user) != "secretariat":
        raise RecognitionRefused(_("Only the Secretariat can do this."))


def documents_check(
    *, application: Application, by, on: date | None = None, notes: str = ""
) -> Application:
    """The Secretariat found the documents complete: on to the site visit."""
    _secretariat(by)
    with transaction.atomic():
        application_transition(
            application=application,
            to_status=Status.DOCUMENTS_CHECKED,
            by=by,
            role=SECRETARIAT,
            reason=notes,
        )
        Application.objects.filter(pk=application.pk).update(
            documents_checked_on=on or timezone.localdate(),
            document_check_notes=notes,
        )
    application.refresh_from_db()
    return application


def site_visit_record(
    *,
    application: Application,
    by,
    visited_on: date,
    assessors: str,
    findings: str,
    recommendation: str,
) -> SiteVisit:
    """Record the on-site assessment; the application moves on to the committee."""
    _secretariat(by)
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if locked.status not in (Status.DOCUMENTS_CHECKED, Status.SITE_VISITED):
            raise RecognitionRefused(
                _("A site visit is recorded after the document check.")
            )
        visit = SiteVisit.objects.create(
            application=application,
            visited_on=visited_on,
            assessors=assessors,
            findings=findings,
            recommendation=recommendation,
            recorded_by=by,
        )
        if locked.status == Status.DOCUMENTS_CHECKED:
            application_transition(
                application=locked,
                to_status=Status.SITE_VISITED,
                by=by,
                role=SECRETARIAT,
                reason=Recommendation(recommendation).label,
            )
    return visit


def committee_decide(
    *,
    application: Application,
    by,
    recommend: bool,
    notes: str = "",
    on: date | None = None,
) -> Application:
    """The joint review committee's decision: recommended for the list, or not."""
    _secretariat(by)
    with transaction.atomic():
        application_transition(
            application=application,
            to_status=Status.RECOMMENDED if recommend else Status.NOT_AWARDED,
            by=by,
            role=SECRETARIAT,
            reason=notes,
        )
        Application.objects.filter(pk=application.pk).update(
            committee_decided_on=on or timezone.localdate(), committee_notes=notes
        )
    application.refresh_from_db()
    return application


def cycle_publish_notice(*, cycle: Cycle, by) -> int:
    """Put every recommended application on the public notice; returns how many."""
    _secretariat(by)
    with transaction.atomic():
        locked = Cycle.objects.select_for_update().get(pk=cycle.pk)
        if locked.notice_published_at is not None:
            raise RecognitionRefused(
                _("The notice of this cycle is already published.")
            )
        entries = list(locked.applications.filter(status=Status.RECOMMENDED))
        if not entries:
            raise RecognitionRefused(_("No application has been recommended yet."))
        for entry in entries:
            application_transition(
                application=entry, to_status=Status.ON_NOTICE, by=by, role=SECRETARIAT
            )
        locked.notice_published_at = timezone.now()
        locked.save(update_fields=["notice_published_at", "updated_at"])
    cycle.refresh_from_db()
    return len(entries)


def objection_lodge(
    *,
    application_id: int,
    name: str,
    organisation: str,
    email: str,
    phone: str,
    grounds: str,
    language: str,
) -> Objection:
    """Anyone may object to an entry on the proposed list while the notice runs."""
    from . import tasks

    with transaction.atomic():
        application = (
            Application.objects.select_related("cycle")
            .select_for_update(of=("self",))
            .get(pk=application_id)
        )
        if application.status != Status.ON_NOTICE or not (
            application.cycle.notice_is_running()
        ):
            raise RecognitionRefused(_("The public notice period has ended."))
        objection = Objection.objects.create(
            application=application,
            name=name,
            organisation=organisation,
            email=email,
            phone=phone,
            grounds=grounds,
            language=language,
        )
        transaction.on_commit(lambda: tasks.send_objection_received.delay(objection.pk))
    return objection


def objection_decide(*, objection: Objection, by, outcome: str, notes: str) -> None:
    _secretariat(by)
    if outcome == ObjectionOutcome.PENDING:
        raise RecognitionRefused(_("Choose upheld or dismissed."))
    if objection.application.status != Status.ON_NOTICE:
        raise RecognitionRefused(_("The results of this cycle are already decided."))
    Objection.objects.filter(pk=objection.pk).update(
        outcome=outcome, outcome_notes=notes, decided_at=timezone.now(), decided_by=by
    )
    objection.refresh_from_db()


def cycle_award(*, cycle: Cycle, by, on: date | None = None) -> list[Award]:
    """The final award once the notice has ended and every objection is decided:
    entries with an upheld objection are not awarded, the others get a serial number
    and a certificate (produced once, by a Celery task)."""
    from . import tasks

    _secretariat(by)
    today = on or timezone.localdate()
    awards = []
    with transaction.atomic():
        locked = Cycle.objects.select_for_update().get(pk=cycle.pk)
        if locked.notice_published_at is None:
            raise RecognitionRefused(_("Publish the public notice first."))
        if locked.results_published_at is not None:
            raise RecognitionRefused(_("The results of this cycle are already out."))
        if today <= locked.notice_ends_on:
            raise RecognitionRefused(
                _("The public notice runs until %(date)s; award after it.")
                % {"date": locked.notice_ends_on.isoformat()}
            )
        entries = list(
            locked.applications.filter(status=Status.ON_NOTICE)
            .select_related("category__rule")
            .prefetch_related("objections")
            .order_by("category__ordering", "organisation__name_en", "pk")
        )
        outcomes = [o.outcome for e in entries for o in e.objections.all()]
        if ObjectionOutcome.PENDING in outcomes:
            raise RecognitionRefused(_("Decide every objection before the award."))
        for entry in entries:
            if any(
                o.outcome == ObjectionOutcome.UPHELD for o in entry.objections.all()
            ):
                application_transition(
                    application=entry,
                    to_status=Status.NOT_AWARDED,
                    by=by,
                    role=SECRETARIAT,
                    reason=_("Objection upheld"),
                )
                continue
            code = entry.category.rule.code
            number = _next_number(year=locked.year, code=code)
            awards.append(
                Award.objects.create(
                    application=entry,
                    serial=rules.format_serial(
                        year=locked.year, code=code, number=number
                    ),
                    awarded_on=today,
                    valid_until=rules.valid_until(
                        awarded_on=today, years=locked.label_valid_years
                    ),
                )
            )
            application_transition(
                application=entry, to_status=Status.AWARDED, by=by, role=SECRETARIAT
            )
        locked.results_published_at = timezone.now()
        locked.save(update_fields=["results_published_at", "updated_at"])
        ids = [award.pk for award in awards]
        transaction.on_commit(
            lambda: [tasks.produce_certificate.delay(pk) for pk in ids]
        )
    cycle.refresh_from_db()
    return awards


# --- Certificates --------------------------------------------------------------------


def certificate_context(award: Award) -> dict:
    application = award.application
    return {
        "award": award,
        "application": application,
        "cycle": application.cycle,
        "category": application.category,
        "organisation": application.organisation,
        "factory": application.factory,
    }


def award_produce_certificate(*, award_id: int) -> bool:
    """Render and store the certificate PDF once; later calls change nothing."""
    from django.core.files.base import ContentFile

    from core.pdf import render_pdf

    with transaction.atomic():
        award = (
            Award.objects.select_for_update(of=("self",))
            .select_related(
                "application__cycle",
                "application__category",
                "application__organisation",
                "application__factory",
            )
            .get(pk=award_id)
        )
        if award.certificate_generated_at is not None:
            return False
        language = award.application.language
        pdf = render_pdf(
            template_name="recognition/pdf/certificate.html",
            context=certificate_context(award),
            language=language,
        )
        award.certificate.save(f"{award.serial}.pdf", ContentFile(pdf), save=False)
        award.certificate_language = language
        award.certificate_generated_at = timezone.now()
        award.save(
            update_fields=[
                "certificate",
                "certificate_language",
                "certificate_generated_at",
            ]
        )
    return True


# --- Reminders -----------------------------------------------------------------------


def drafts_due_for_reminder(*, today: date | None = None) -> list[int]:
    """Drafts in a window that closes within its reminder days, not reminded yet."""
    today = today or timezone.localdate()
    ids = []
    for cycle in Cycle.objects.filter(opens_on__lte=today, closes_on__gte=today):
        if rules.reminder_due(
            closes_on=cycle.closes_on, reminder_days=cycle.reminder_days, today=today
        ):
            ids += list(
                cycle.applications.filter(
                    status=Status.DRAFT, reminder_sent_at__isnull=True
                ).values_list("pk", flat=True)
            )
    return ids
