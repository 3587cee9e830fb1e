from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from portevoix.health.models import WorkerHeartbeat


def uses_database_worker():
    return settings.TASKS["default"]["BACKEND"].startswith("django_tasks_db")


def waiting_task_count():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.ready().count()


def database_is_up():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DatabaseError:
        return False


@never_cache
@require_safe
def healthz(request):
    report = {"database": "ok" if database_is_up() else "unreachable"}
    healthy = report["database"] == "ok"
    if healthy and uses_database_worker():
        age = WorkerHeartbeat.freshest_age_seconds()
        report["worker_heartbeat_age_seconds"] = None if age is None else round(age, 1)
        report["waiting_tasks"] = waiting_task_count()
        healthy = age is not None and age <= settings.WORKER_HEARTBEAT_MAX_AGE
    elif healthy:
        report["worker"] = "tasks run in the web process"
    report["status"] = "ok" if healthy else "unhealthy"
    return JsonResponse(report, status=200 if healthy else 503)


def bare(request):
    """The yardstick of `make bench`: the least a Django view can do."""
    return HttpResponse("ok", content_type="text/plain")


@require_POST
def bare_post(request):
    """The yardstick of the form posts in `make bench`: a POST through every middleware,
    its CSRF token checked, that stores nothing and redirects, as a form does."""
    return HttpResponseRedirect("/bench/bare")
