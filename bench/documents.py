"""Benchmark: the official documents (documents/), in one run, on the demo data (`seed_demo`).

1. Each kind of document against a plain WeasyPrint document of the same number of pages and about the same
   text, unstyled (goal: within 1.5×). Median of a few renders each, after one warm-up.
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
from documents.services import document_request  # noqa: E402

RUNS = 3


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


def bench_kinds() -> None:
    print(f"\n1. Each document against an unstyled one of as many pages (median of {RUNS}, after a warm-up)")
    print(f"{'kind':32} {'pages':>5} {'render':>9} {'plain':>9} {'ratio':>6}")
    for key, record in sorted(records_by_kind().items()):
        kind = document_kind(key)
        seconds, pdf = timed(lambda kind=kind, record=record: document_pdf(kind=kind, record=record))
        reader = PdfReader(io.BytesIO(pdf))
        words = sum(len((page.extract_text() or "").split()) for page in reader.pages) // len(reader.pages)
        pages = len(reader.pages)
        plain, plain_data = timed(lambda n=pages, w=words: plain_pdf(n, max(w, 30)))
        assert len(PdfReader(io.BytesIO(plain_data)).pages) == pages
        print(f"{key:32} {pages:>5} {seconds * 1000:>7.0f}ms {plain * 1000:>7.0f}ms {seconds / plain:>6.2f}")


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
    """A copy of the demo's decision with `count` awards (the demo's awardees repeated), as if just issued."""
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
        award.pk, award.nominee, award.decision = None, None, decision
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
    print(f"  {document.get_status_display()} {document.failure} — {pages} pages, {seconds:.1f} s in all")


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
