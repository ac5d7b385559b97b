from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .forms import ProfileForm
from .roles import user_role

START_PAGES = {
    "secretariat": "admin:index",
    "epd": "reports:index",
    "applicant": "applications:dashboard",
}


@login_required
def start(request):
    """Send each role to its own start page after login."""
    return redirect(START_PAGES.get(user_role(request.user), "accounts:profile"))


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile")
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "role": user_role(request.user)},
    )
