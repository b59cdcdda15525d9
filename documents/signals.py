"""A record saved makes its stale documents again: connected for each kind that names its model, at registration."""

from django.db import transaction
from django.db.models.signals import post_save


def _saved(sender, instance, created, raw=False, **kwargs):
    if created or raw:
        return
    from documents.services import documents_refresh

    # After the save's own transaction: the version read then is the one the save made.
    transaction.on_commit(lambda: documents_refresh(instance, model=sender))


def model_watch(model: type) -> None:
    post_save.connect(_saved, sender=model, dispatch_uid=f"documents-refresh-{model._meta.label_lower}")
