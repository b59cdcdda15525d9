"""Benchmark: the official documents (documents/), in one run, on the demo data (`seed_demo`).

1. Each kind of document against plain WeasyPrint (goal: within 1.5×): the same HTML with no styling at all (its
   style blocks and the Decree 30 stylesheet left out, WeasyPrint's default font), and unstyled text filling as
   many pages with as many words. Median of five renders each, after one warm-up.
2. A worker's memory over many renders of a certificate, as one worker process renders them without being
   recycled (goal: under 300 MB after 1,000 renders, no growth from the 500th to the 1,000th).
3. "In tất cả giấy khen": a decision of 200 awards, its certificates and the merged print through the real queue
   (Redis) with two worker processes of the `documents` queue (goal: under 60 s, merged PDF included). Needs
   PostgreSQL and Redis (the workers are other processes): skipped with a note otherwise.

Run (all three):
  DEBUG=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua_bench REDIS_URL=redis://127.0.0.1:6379/15 \\
    .venv/bin/python bench/documents.py [--renders 1000] [--certificates 200]
It builds Django's throwaway test database on the configured engine, so real data is never touched.
"""

import argparse
import io
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="bench-media-"))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_databases, setup_test_environment, teardown_databases  # noqa: E402
from pypdf import PdfReader  # noqa: E402
from weasyprint import HTML  # noqa: E402

from documents.build import document_pdf  # noqa: E402
from documents.models import Document  # noqa: E402
from documents.registry import document_kind, document_kinds  # noqa: E402
from documents.render import html_render, pdf_from_html  # noqa: E402
from documents.services import document_request  # noqa: E402

RUNS = 5
STYLE_BLOCK = re.compile(r"<style.*?</style>", re.S)


def rss_mb() -> float:
    """This process's resident memory now (Linux /proc)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def records_by_kind() -> dict:
    """One demo record for each kind of document: the first the kind's own finder accepts."""
    from awards.decisions.models import Decision
    from awards.history.models import Award
    from emulation.plan.models import Campaign

    candidates = {
        "emulation.plan": Campaign.objects.order_by("pk"),
        "awards.decision": Decision.objects.filter(kind="award").order_by("pk"),
        "awards.certificate": Award.objects.filter(decision__isnull=False).order_by("pk"),
        "awards.certificate_blank": Award.objects.filter(decision__isnull=False).order_by("pk"),
    }
    found = {}
    for kind in document_kinds():
        if kind.parts is not None or kind.key.startswith("tests."):
            continue
        rows = candidates.get(kind.key)
        if rows is None and kind.model is not None:
            rows = kind.model.objects.order_by("pk")
        for row in (rows or [])[:50]:
            record = kind.find(row.pk)
            if record is not None:
                found[kind.key] = record
                break
    return found


def plain_pdf(pages: int, words_per_page: int) -> bytes:
    """An unstyled document of `pages` pages holding about as many words: WeasyPrint's default page and font."""
    word = "Nội dung văn bản "
    body = "".join(f'<p style="break-after: page">{word * (words_per_page // 3)}</p>' for _ in range(pages))
    return HTML(string=f"<html><body>{body}</body></html>").write_pdf()


def timed(make) -> tuple[float, bytes]:
    make()  # warm-up: templates and fonts loaded once per process, as a worker has them
    times, data = [], b""
    for _ in range(RUNS):
        start = time.perf_counter()
        data = make()
        times.append(time.perf_counter() - start)
    return statistics.median(times), data


def unstyled_pdf(html: str) -> bytes:
    """The same document with no styling at all: its <style> blocks removed, no stylesheet, WeasyPrint's default
    page and font."""
    return HTML(string=STYLE_BLOCK.sub("", html)).write_pdf()


def bench_kinds() -> None:
    print(f"\n1. Each document against plain WeasyPrint (median of {RUNS}, after a warm-up): the same HTML unstyled,")
    print("   and unstyled text filling as many pages (pages in brackets)")
    print(f"{'kind':28} {'render':>12} {'same, unstyled':>16} {'ratio':>6} {'text only':>14} {'ratio':>6}")
    for key, record in sorted(records_by_kind().items()):
        kind = document_kind(key)
        html = html_render(kind.template, {**kind.context(record), "record": record, "document": None})
        seconds, pdf = timed(lambda html=html: pdf_from_html(html))
        reader = PdfReader(io.BytesIO(pdf))
        pages = len(reader.pages)
        words = sum(len((page.extract_text() or "").split()) for page in reader.pages) // pages
        same, same_pdf = timed(lambda html=html: unstyled_pdf(html))
        text, text_pdf = timed(lambda n=pages, w=words: plain_pdf(n, max(w, 30)))
        same_pages, text_pages = (len(PdfReader(io.BytesIO(data)).pages) for data in (same_pdf, text_pdf))
        print(
            f"{key:28} {seconds * 1000:6.0f}ms [{pages}] {same * 1000:8.0f}ms [{same_pages}] {seconds / same:6.2f}"
            f" {text * 1000:6.0f}ms [{text_pages}] {seconds / text:6.2f}"
        )


def bench_memory(renders: int) -> None:
    key = "awards.certificate"
    record = records_by_kind().get(key)
    if record is None:
        print(f"\n2. Memory: skipped (no {key} in the demo)")
        return
    kind = document_kind(key)
    print(f"\n2. One process rendering {renders} certificates, not recycled (resident memory, MB)")
    marks = {0: rss_mb()}
    start = time.perf_counter()
    for n in range(1, renders + 1):
        document_pdf(kind=kind, record=record)
        if n in (1, 100, renders // 2, renders):
            marks[n] = rss_mb()
    seconds = time.perf_counter() - start
    print("  " + ", ".join(f"after {n}: {mb:.0f}" for n, mb in marks.items()))
    half = marks[renders // 2]
    growth = marks[renders] - half
    print(f"  growth {renders // 2}→{renders}: {growth:+.1f} MB; {seconds / renders * 1000:.0f} ms a render")


def _decision_of(count: int):
    """A copy of the demo's decision with `count` individual awards (the demo's awardees' names, numbered), as if
    just issued."""
    from awards.decisions.models import Decision
    from awards.history.models import Award

    model = Decision.objects.filter(kind="award").order_by("pk").first()
    awards = list(Award.objects.filter(decision=model).order_by("pk"))
    number = Decision.objects.order_by("-number").values_list("number", flat=True).first() + 1
    decision = Decision.objects.get(pk=model.pk)
    decision.pk, decision.number = None, number
    decision.save()
    copies = []
    for n in range(count):
        award = Award.objects.get(pk=awards[n % len(awards)].pk)
        # Each a person of its own (no official's record, so no award repeats another for the same person).
        award.pk, award.nominee, award.decision = None, None, decision
        award.beneficiary, award.official, award.unit = Award.Beneficiary.INDIVIDUAL, None, None
        award.name = f"{award.name} {n + 1:03d}"
        award.certificate_number = 10_000 + n
        award.decision_number = decision.reference
        copies.append(award)
    Award.objects.bulk_create(copies)
    return decision


def bench_queue(count: int) -> None:
    print(f"\n3. In tất cả giấy khen: {count} certificates and the merged print, 2 worker processes")
    if connection.vendor != "postgresql" or not settings.CELERY_BROKER_URL.startswith("redis"):
        print("  skipped: needs DATABASE_URL (PostgreSQL) and REDIS_URL (the workers are other processes)")
        return
    try:
        merged_kind = next(kind for kind in document_kinds() if kind.parts_kind == "awards.certificate")
    except StopIteration:
        print("  skipped: no merged certificates kind registered")
        return
    decision = _decision_of(count)
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    command = [
        str(ROOT / ".venv/bin/celery"), "-A", "config", "worker", "-Q", "documents", "--concurrency=2",
        "--prefetch-multiplier=1", "--max-tasks-per-child=100", "--loglevel=WARNING", "--hostname=bench@%h",
    ]  # fmt: skip
    purge = [command[0], "-A", "config", "purge", "-f", "-Q", "documents"]
    subprocess.run(purge, env=env, capture_output=True, check=False)  # noqa: S603 (our own venv's celery)
    worker = subprocess.Popen(command, env=env, cwd=ROOT)  # noqa: S603
    try:
        time.sleep(8)  # the worker's processes start
        start = time.perf_counter()
        document = document_request(kind=merged_kind.key, record=decision)
        while document.in_progress and time.perf_counter() - start < 600:
            time.sleep(0.5)
            document.refresh_from_db()
        seconds = time.perf_counter() - start
    finally:
        worker.terminate()
        worker.wait(30)
    pages = len(PdfReader(document.file.open("rb")).pages) if document.status == Document.Status.READY else 0
    reason = f" ({document.failure})" if document.failure else ""
    print(f"  {document.get_status_display()}{reason}: {pages} pages, {seconds:.1f} s in all")


def _database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=1000)
    parser.add_argument("--certificates", type=int, default=200)
    args = parser.parse_args()
    setup_test_environment()
    databases = setup_databases(verbosity=0, interactive=False, keepdb=False)
    try:
        call_command("seed_demo", stdout=io.StringIO())
        bench_kinds()
        bench_memory(args.renders)
        bench_queue(args.certificates)
    finally:
        teardown_databases(databases, verbosity=0)


if __name__ == "__main__":
    main()
