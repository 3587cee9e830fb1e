from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class WorkerHeartbeat(models.Model):
    """One row per worker process, touched every few seconds while it runs."""

    worker_id = models.CharField(_("worker"), max_length=64, unique=True)
    hostname = models.CharField(_("host"), max_length=255, blank=True)
    pid = models.PositiveIntegerField(_("process"), null=True)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    last_seen_at = models.DateTimeField(_("last seen"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self):
        return self.worker_id

    @classmethod
    def beat(cls, worker_id, hostname="", pid=None):
        cls.objects.update_or_create(
            worker_id=worker_id,
            defaults={"hostname": hostname, "pid": pid, "last_seen_at": timezone.now()},
        )

    @classmethod
    def freshest_age_seconds(cls):
        latest = cls.objects.order_by("-last_seen_at").values_list("last_seen_at", flat=True)
        latest = latest.first()
        if latest is None:
            return None
        return (timezone.now() - latest).total_seconds()


class PeriodicJob(models.Model):
    """When a scheduled job last ran and is next due; the row is what workers claim."""

    name = models.CharField(_("job"), max_length=100, unique=True)
    last_run_at = models.DateTimeField(_("last run"), null=True, blank=True)
    next_run_at = models.DateTimeField(_("next run"), default=timezone.now)

    class Meta:
        verbose_name = _("periodic job")
        verbose_name_plural = _("periodic jobs")

    def __str__(self):
        return self.name
