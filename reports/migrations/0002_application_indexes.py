"""Indexes for EPD's aggregates on the applications app's tables.

They live here, not in applications' models, so that the reports' needs stay with the
reports (the applications app is changed by other work at the same time). Plain SQL
that the model state does not know about, so makemigrations never reverses it.
"""

from django.db import migrations

INDEXES = [
    (
        "reports_application_submitted_idx",
        "applications_application (submitted_at) WHERE submitted_at IS NOT NULL",
    ),
    (
        "reports_application_scheme_submitted_idx",
        "applications_application (scheme_id, submitted_at) "
        "WHERE submitted_at IS NOT NULL",
    ),
    ("reports_factory_industry_idx", "applications_factory (industry)"),
    ("reports_factory_location_idx", "applications_factory (location)"),
    (
        "reports_report_final_verified_idx",
        "applications_projectreport (application_id, number) "
        "WHERE kind = 'final' AND status = 'verified'",
    ),
]


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("applications", "0004_postaward"),
    ]

    operations = [
        migrations.RunSQL(
            sql=f"CREATE INDEX IF NOT EXISTS {name} ON {target}",
            reverse_sql=f"DROP INDEX IF EXISTS {name}",
        )
        for name, target in INDEXES
    ]
