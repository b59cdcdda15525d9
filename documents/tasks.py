"""The documents' task, on its own `documents` queue (settings.CELERY_TASK_ROUTES): thin, takes the id.

Acknowledged late and given back if the worker dies mid-render (a PDF can exhaust a worker's memory), so the
render is tried again by another process; documents.build counts the attempts.
"""

from celery import shared_task


@shared_task(name="documents.tasks.document_render", acks_late=True, reject_on_worker_lost=True)
def document_render(document_id: int) -> str:
    """Render and store one document; safe to run twice. Returns its status (or "missing")."""
    from documents.build import document_build

    document = document_build(document_id=document_id)
    return document.status if document is not None else "missing"
