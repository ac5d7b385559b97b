"""The scheme's rules as pure functions: numbering, validity, reminders, completeness."""

from datetime import date, timedelta

from django.utils.translation import gettext as _

# Funding applications that count as "earlier projects under the programme".
FUNDED_STATUSES = (
    "approved",
    "in_progress",
    "final_report_submitted",
    "completed",
    "closed",
)
REFERENCE_CODE = "REF"


def format_reference(*, year: int, number: int) -> str:
    """An application's reference: RS-2026-0007."""
    return f"RS-{year}-{number:04d}"


def format_serial(*, year: int, code: str, number: int) -> str:
    """A certificate's serial number: HKGDCP-2026-EM-0012."""
    return f"HKGDCP-{year}-{code}-{number:04d}"


def valid_until(*, awarded_on: date, years: int) -> date:
    """The last day the label may be used: the day before the anniversary."""
    try:
        anniversary = awarded_on.replace(year=awarded_on.year + years)
    except ValueError:  # 29 February
        anniversary = awarded_on.replace(year=awarded_on.year + years, day=28)
    return anniversary - timedelta(days=1)


def reminder_due(*, closes_on: date, reminder_days: int, today: date) -> bool:
    """Unfinished drafts are reminded within ``reminder_days`` before the window shuts."""
    return closes_on - timedelta(days=reminder_days) <= today <= closes_on


def missing_for_submission(
    *,
    summary: str,
    measure_count: int,
    evidence_count: int,
    declares_no_convictions: bool,
    declares_information_true: bool,
    window_open: bool,
) -> list[str]:
    """What stops a draft from being submitted, in the applicant's words."""
    missing = []
    if not window_open:
        missing.append(_("The application window of this cycle is closed."))
    if not summary.strip():
        missing.append(_("Describe cleaner production at your factory or company."))
    if measure_count < 1:
        missing.append(_("Add at least one cleaner production measure implemented."))
    if evidence_count < 1:
        missing.append(_("Upload at least one photo or document as evidence."))
    if not declares_no_convictions:
        missing.append(_("Confirm the declaration of no environmental convictions."))
    if not declares_information_true:
        missing.append(_("Confirm that the information is true and complete."))
    return missing
