"""What tests across the project share: a cast of people, a base test case, a way to run
the same work in several threads at once, SQLite's plan for a query, and a way to move the
database to a migration and back.

The cast:
- sophie, campaign staff (is_staff, can use the admin);
- omar, an organizer at a member organization (signed in, not staff);
- xavier, an outsider (signed in, no role).
"""

import threading

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import TestCase

from portevoix.campaigns.factories import CampaignFactory


def sign_in_staff(client, user):
    """Sign a staff member in as if they had also given their two-step code."""
    from portevoix.staff.two_factor import SESSION_KEY

    client.force_login(user)
    session = client.session
    session[SESSION_KEY] = True
    session.save()
    return client


def make_cast():
    User = get_user_model()
    return {
        "sophie": User.objects.create_user(
            "sophie", "sophie@council.example", "password", is_staff=True, is_superuser=True
        ),
        "omar": User.objects.create_user("omar", "omar@settlement.example", "password"),
        "xavier": User.objects.create_user("xavier", "xavier@elsewhere.example", "password"),
    }


class BaseTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cast = make_cast()
        cls.sophie, cls.omar, cls.xavier = cast["sophie"], cast["omar"], cast["xavier"]
        cls.campaign = CampaignFactory()


def run_in_threads(work, threads=4):
    """Run `work()` in several threads at once and return the errors they raised.

    Each thread has its own database connection, as each web process does; it is closed
    when the thread is done.
    """
    errors = []

    def run():
        try:
            work()
        except Exception as error:  # noqa: BLE001 - returned to the test
            errors.append(error)
        finally:
            connection.close()

    started = [threading.Thread(target=run) for _ in range(threads)]
    for thread in started:
        thread.start()
    for thread in started:
        thread.join()
    return errors


def query_plan(queryset):
    """SQLite's plan for `queryset` (EXPLAIN QUERY PLAN), its steps joined in one line."""
    sql, values = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", values)
        return " ".join(str(row[-1]) for row in cursor.fetchall())


def migrate(targets):
    """Move the test database to `targets` ((app, migration) pairs); returns the apps as they
    were then. For tests of data migrations, which need a transactional database."""
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def migrate_to_latest():
    from django.db.migrations.executor import MigrationExecutor

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
