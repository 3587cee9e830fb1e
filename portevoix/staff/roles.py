"""Staff roles as groups, each with the least permissions its work needs.

- Admin: everything, including the audit log and people's accounts.
- Staff: runs campaigns (content, letters, representatives, endorsements), reads consents.
- Moderator: moderates endorsements and what people report, reads contact messages.
Superusers are kept for the few people who install and maintain the site.
"""

from django.contrib.auth.models import Group, Permission

ALL = ("view", "add", "change", "delete")
READ = ("view",)
MODERATE = ("view", "change")

ROLES = {
    "Admin": None,  # every permission
    "Staff": {
        "campaigns": ALL,
        "letters": ALL,
        "representatives": ("view", "add", "change"),
        "endorsements": MODERATE,
        "spread": ALL,
        "reports": MODERATE,
        # Staff set MPs' positions; the evidence, once recorded, is never edited.
        "reports.positionchange": ("view", "add"),
        "meetings": MODERATE,
        "privacy.consent": READ,
    },
    "Moderator": {
        "endorsements": MODERATE,
        "reports": MODERATE,
        "campaigns.contactmessage": MODERATE,
        # To see the meeting a report is about.
        "meetings.meetingrequest": READ,
    },
}


def permissions_for(grants):
    if grants is None:
        return Permission.objects.all()
    chosen = Permission.objects.none()
    for scope, actions in grants.items():
        app_label, _dot, model = scope.partition(".")
        codenames = [f"{action}_" for action in actions]
        matches = Permission.objects.filter(content_type__app_label=app_label)
        if model:
            matches = matches.filter(content_type__model=model)
        for prefix in codenames:
            chosen = chosen | matches.filter(codename__startswith=prefix)
    return chosen


def sync_roles():
    """Create the role groups and give each exactly its permissions. Safe to run again."""
    for name, grants in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions_for(grants))
