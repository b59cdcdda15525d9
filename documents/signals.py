"""A record saved makes its stale documents again, for each kind that names its model (documents.registry)."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from documents.registry import watched_models
from documents.services import documents_refresh


@receiver(post_save, dispatch_uid="documents-refresh")
def record_saved(sender, instance, created, raw=False, **kwargs):
    if created or raw or sender not in watched_models():
        return
    # After the save's own transaction: the version read then is the one the save made.
    transaction.on_commit(lambda: documents_refresh(instance, model=sender))
