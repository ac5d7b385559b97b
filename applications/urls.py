from django.urls import path

from .views import applications, dashboard, files, organisations, postaward

app_name = "applications"
urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("new/", applications.new, name="new"),
    # The organisation, its members and factories
    path("organisation/", organisations.organisation_detail, name="organisation"),
    path("organisation/new/", organisations.organisation_new, name="organisation_new"),
    path(
        "organisation/edit/", organisations.organisation_edit, name="organisation_edit"
    ),
    path("organisation/invite/", organisations.member_invite, name="member_invite"),
    path(
        "organisation/members/<int:pk>/remove/",
        organisations.member_remove,
        name="member_remove",
    ),
    path(
        "organisation/invitations/<int:pk>/revoke/",
        organisations.invitation_revoke,
        name="invitation_revoke",
    ),
    path(
        "invitations/<int:pk>/accept/",
        organisations.invitation_accept,
        name="invitation_accept",
    ),
    path("join/<str:token>/", organisations.join, name="join"),
    path("factories/new/", organisations.factory_new, name="factory_new"),
    path("factories/<int:pk>/", organisations.factory_edit, name="factory_edit"),
    # Applications
    path("applications/<int:pk>/", applications.detail, name="detail"),
    path("applications/<int:pk>/steps/<slug:step>/", applications.step, name="step"),
    path("applications/<int:pk>/check/", applications.check, name="check"),
    path(
        "applications/<int:pk>/submitted/",
        applications.acknowledgement,
        name="acknowledgement",
    ),
    path("applications/<int:pk>/withdraw/", applications.withdraw, name="withdraw"),
    path("applications/<int:pk>/answer/", applications.answer, name="answer"),
    path(
        "applications/<int:pk>/versions/<int:number>/",
        applications.version,
        name="version",
    ),
    # After approval
    path("applications/<int:pk>/reports/new/", postaward.report_new, name="report_new"),
    path("applications/<int:pk>/claims/new/", postaward.claim_new, name="claim_new"),
    # Private files
    path("files/<uuid:uuid>/", files.download, name="file"),
    path("files/<uuid:uuid>/remove/", files.remove, name="file_remove"),
]
