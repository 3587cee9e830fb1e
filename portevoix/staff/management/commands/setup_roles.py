from django.core.management.base import BaseCommand

from portevoix.staff.roles import ROLES, sync_roles


class Command(BaseCommand):
    help = "Create or refresh the Admin, Staff and Moderator groups and their permissions."

    def handle(self, *args, **options):
        sync_roles()
        self.stdout.write(f"Roles ready: {', '.join(ROLES)}.")
