"""Letters on the applicant's pages: ``{% application_letters application %}`` and
``{% organisation_letters organisation %}`` (one query each)."""

from django import template

from .. import selectors

register = template.Library()


@register.inclusion_tag("letters/includes/application_letters.html")
def application_letters(application):
    return {
        "letters": list(selectors.letter_list_for_application(application=application))
    }


@register.inclusion_tag("letters/includes/organisation_letters.html")
def organisation_letters(organisation, limit: int = 5):
    letters = list(
        selectors.letter_list_for_organisation(organisation=organisation)[: limit + 1]
    )
    return {"letters": letters[:limit], "more": len(letters) > limit}
