"""Uploaded documents: evidence of an organisation or factory, and application files."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .applications import Application, ApplicationMessage
from .organisations import Factory, Organisation


class DocumentKind(models.TextChoices):
    # Evidence of the organisation
    BR_CERTIFICATE = "br_certificate", _("Business Registration Certificate (valid)")
    ASSOCIATION_REGISTRATION = (
        "association_registration",
        _(
            "Certificate of incorporation or registration of the association, and its "
            "constitution"
        ),
    )
    # Evidence of the connection test, per factory
    MAINLAND_LICENCE = (
        "mainland_licence",
        _("Mainland business licence of the factory (营业执照)"),
    )
    JV_CONTRACT = "jv_contract", _("Joint venture contract or approval documents")
    WFOE_APPROVAL = (
        "wfoe_approval",
        _(
            "Approval documents of the wholly foreign-owned enterprise, showing the "
            "business as investor"
        ),
    )
    PROCESSING_AGREEMENT = (
        "processing_agreement",
        _("Processing/assembly or compensatory trade agreement in force"),
    )
    SHAREHOLDING_PROOF = (
        "shareholding_proof",
        _("Shareholding records of the Mainland enterprise"),
    )
    COMPANY_EXTRACT = (
        "company_extract",
        _(
            "Companies Registry extract (NAR1 or Form 1(a)) showing the shareholders of "
            "the business"
        ),
    )
    RESIDENT_ID = (
        "resident_id",
        _("Hong Kong identity card of the Hong Kong resident shareholder"),
    )
    HK_PREMISES = (
        "hk_premises",
        _(
            "Proof that the business operates the premises in Hong Kong (tenancy, "
            "ownership or licence)"
        ),
    )
    # Application documents
    ETSP_QUOTATION = "etsp_quotation", _("Service provider's quotation and proposal")
    EQUIPMENT_QUOTATION = (
        "equipment_quotation",
        _("Quotations for the equipment and works"),
    )
    TECHNICAL_PROPOSAL = "technical_proposal", _("Technical proposal and specification")
    SAVINGS_CALCULATION = "savings_calculation", _("Calculation of expected savings")
    UTILITY_BILLS = (
        "utility_bills",
        _("Electricity, fuel and water bills for the last 12 months"),
    )
    ACTIVITY_PROPOSAL = (
        "activity_proposal",
        _("Proposal of the activities, with programme and budget"),
    )
    REPEAT_EVIDENCE = (
        "repeat_evidence",
        _("Earlier assessment report and proof of the measure implemented (invoices)"),
    )
    ANSWER = "answer", _("Document sent with an answer")
    # After approval (issue 4)
    REPORT_EVIDENCE = (
        "report_evidence",
        _("Evidence for a report (meter readings, bills, test results, photos)"),
    )
    RECEIPT = "receipt", _("Invoices, receipts and proof of payment")
    OTHER = "other", _("Other supporting documents")


def attachment_upload_to(instance: "Attachment", filename: str) -> str:
    """A server-made path: the organisation, the month, a random name; never the user's."""
    now = timezone.now()
    extension = PurePath(filename).suffix.lower()
    return (
        f"uploads/{instance.organisation_id}/{now:%Y/%m}/{instance.uuid.hex}{extension}"
    )


class Attachment(models.Model):
    """A file an applicant uploaded, scoped to its organisation for every access check."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="attachments"
    )
    factory = models.ForeignKey(
        Factory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attachments",
    )
    application = models.ForeignKey(
        Application,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attachments",
    )
    message = models.ForeignKey(
        ApplicationMessage,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attachments",
    )
    report = models.ForeignKey(
        "applications.ProjectReport",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attachments",
    )
    claim = models.ForeignKey(
        "applications.PaymentClaim",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attachments",
    )
    kind = models.CharField(_("document"), max_length=30, choices=DocumentKind.choices)
    file = models.FileField(upload_to=attachment_upload_to, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    # Set when a submission includes the file: from then on it is part of the record.
    locked_at = models.DateTimeField(null=True, blank=True)
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        indexes = [models.Index(fields=["organisation", "kind"])]

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None
