"""Load the demo campaign and a demo staff account. Running it again changes nothing."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction

from portevoix.campaigns import demo_content
from portevoix.campaigns.models import Campaign, Resource, SuggestedAction
from portevoix.lib.documents import paragraphs_to_docx

DEMO_STAFF_USERNAME = "staff"
# Which Porte-voix tool performs each demo action (see campaigns/tools.py).
ACTION_TOOLS = {
    "contact": "contact",
    "org-write-minister": "letter:org-write-minister",
    "org-province": "province",
    "org-meet-mp": "meeting",
    "ind-talk-to-mp": "letter",
    "ind-call-mp": "call",
    "ind-visit-mp": "meeting",
    "report-back": "report-back",
    "results": "results",
    "ind-write-minister": "letter:ind-write-minister",
    "org-endorse": "endorse",
    "org-networks": "invite-organizations",
    "org-allies": "invite-organizations",
    "org-spread": "spread-kit",
    "ind-social-media": "spread-kit",
    "ind-contact-organizations": "invite-organizations",
}


def sync(model, lookup, values):
    """Create or update one row; say which, or 'unchanged' when nothing differs."""
    row = model.objects.filter(**lookup).first()
    if row is None:
        return model.objects.create(**lookup, **values), "created"
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    if not changed:
        return row, "unchanged"
    for name in changed:
        setattr(row, name, values[name])
    row.save(update_fields=changed)
    return row, "updated"


def sync_resource(campaign, spec):
    fields = {"title": spec["title"], "description": spec["description"]}
    lookup = {"campaign": campaign, "language": spec["language"], "position": spec["position"]}
    resource, outcome = sync(Resource, lookup, fields)
    if not resource.file:
        document = paragraphs_to_docx(spec["title"], spec["paragraphs"])
        resource.file.save(spec["filename"], ContentFile(document), save=True)
        outcome = "created" if outcome == "created" else "updated"
    return resource, outcome


def demo_staff_password_path():
    return Path(settings.VAR_DIR) / "demo_staff_password"


def ensure_demo_staff():
    """A staff account whose password is generated on first run, never a fixed default."""
    User = get_user_model()
    path = demo_staff_password_path()
    user = User.objects.filter(username=DEMO_STAFF_USERNAME).first()
    if user is not None and path.exists():
        return path.read_text().strip(), "unchanged"
    password = secrets.token_urlsafe(12)
    if user is None:
        user = User(username=DEMO_STAFF_USERNAME, email="staff@localhost")
    user.is_staff = user.is_superuser = True
    user.set_password(password)
    user.save()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(password)
    path.chmod(0o600)
    return password, "created"


class Command(BaseCommand):
    help = "Load the demo campaign (idempotent) and make sure a demo staff account exists."

    def add_arguments(self, parser):
        parser.add_argument("--no-staff", action="store_true", help="Skip the demo staff account.")

    @transaction.atomic
    def handle(self, *args, no_staff=False, **options):
        counts = {"created": 0, "updated": 0, "unchanged": 0}
        campaign, outcome = sync(
            Campaign, {"slug": demo_content.CAMPAIGN["slug"]}, demo_content.campaign_fields()
        )
        counts[outcome] += 1
        for action in demo_content.ACTIONS:
            fields = {k: v for k, v in action.items() if k != "key"}
            fields["tool"] = ACTION_TOOLS.get(action["key"], "")
            _, outcome = sync(SuggestedAction, {"campaign": campaign, "key": action["key"]}, fields)
            counts[outcome] += 1
        for spec in demo_content.RESOURCES:
            _, outcome = sync_resource(campaign, spec)
            counts[outcome] += 1
        self.stdout.write(
            f"Demo campaign “{campaign.slug}”: {counts['created']} created, "
            f"{counts['updated']} updated, {counts['unchanged']} unchanged."
        )
        if not no_staff:
            password, outcome = ensure_demo_staff()
            self.stdout.write(f"Demo staff account “{DEMO_STAFF_USERNAME}”: {outcome}.")
