"""Demo: every decision of the demo data has its letter, rendered at once; the demo
applicant's assessment of the Kwun Tong workshop is approved, so that a newcomer
signing in as applicant@example.com sees an approval letter without a worker running.

The approval goes through the Secretariat's own service (``application_decide``),
which requests the letter in its transaction, as in real use. Demo data sends no
e-mail: the demo letters are marked as e-mailed.
"""

from datetime import timedelta

from django.utils import timezone

from accounts.models import User
from applications.demo import _to_approved
from applications.models import Application, ApplicationStatus, Decision

from . import services
from .models import LetterRequest, LetterStatus

# The demo applicant's assessment that applications/demo.py leaves under technical
# assessment; here the committee approves it.
TITLE = "Solvent and energy assessment of the printing workshop"


def seed(*, stdout=None) -> None:
    secretariat = User.objects.filter(email="secretariat@example.com").first()
    application = Application.objects.filter(
        title=TITLE, organisation__memberships__user__email="applicant@example.com"
    ).first()
    if secretariat and application:
        if application.status == ApplicationStatus.TECHNICAL_ASSESSMENT:
            _approve(application, secretariat)
    for letter in LetterRequest.objects.filter(status=LetterStatus.PENDING):
        services.letter_render(request_id=letter.pk)
    LetterRequest.objects.filter(emailed_at=None).update(emailed_at=timezone.now())
    Decision.objects.filter(notified_at=None).update(notified_at=timezone.now())


def _approve(application, secretariat) -> None:
    start = timezone.localdate() + timedelta(days=14)
    _to_approved(
        application,
        secretariat,
        conditions="The assessment report must give the measured solvent use and the "
        "payback of each recommended measure.",
        project_start=start,
        project_end=start + timedelta(days=80),
        final_report_due_on=start + timedelta(days=80 + 60),
        claim_due_on=start + timedelta(days=80 + 90),
        meeting_reference="PMC 2026/12",
    )
