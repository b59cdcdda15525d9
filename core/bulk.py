"""Bulk writes of derived rows (stored scores) at a scale where the ORM's per-instance work dominates.

`rows_sync` brings a slice of a table in line with the rows wanted, writing only the differences:
unchanged rows are left alone (a nightly recompute of an unchanged campaign writes nothing),
changed or stale rows are deleted, new and changed rows inserted. `rows_insert` inserts plain
tuples: one COPY on PostgreSQL, `bulk_create` elsewhere (SQLite in development).
"""

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from django.db import connection
from django.db.models import CompositePrimaryKey, Model, QuerySet

DELETE_BATCH = 5000
COMPOSITE_DELETE_BATCH_SQLITE = 200
"""A composite key's `pk__in` is an OR of ANDs, one per row; SQLite refuses an expression over 1,000 deep."""


def _delete_batch(model: type[Model]) -> int:
    composite = isinstance(model._meta.pk, CompositePrimaryKey)
    return COMPOSITE_DELETE_BATCH_SQLITE if composite and connection.vendor == "sqlite" else DELETE_BATCH


@dataclass
class Stored:
    """A table slice as read by `rows_stored`: key → (primary key, values)."""

    key: Sequence[str]
    fields: Sequence[str]
    rows: dict[tuple, tuple[int, tuple]]


def rows_stored(scope: QuerySet, key: Sequence[str], fields: Sequence[str]) -> Stored:
    """Read `scope` as key → (pk, field values); one query."""
    width = len(key)
    rows = {}
    for pk, *rest in scope.order_by().values_list("pk", *key, *fields):
        rows[tuple(rest[:width])] = (pk, tuple(rest[width:]))
    return Stored(key=key, fields=fields, rows=rows)


def rows_sync(scope: QuerySet, stored: Stored, wanted: dict[tuple, tuple], constants: dict) -> int:
    """Make `scope` (read as `stored`) hold exactly `wanted`, key → values in `stored.fields` order.

    `constants` are the columns every inserted row shares (the campaign, the time of computing).
    Returns the number of rows inserted; the caller holds the transaction.
    """
    doomed = [pk for k, (pk, values) in stored.rows.items() if wanted.get(k) != values]
    if doomed and len(doomed) == len(stored.rows):
        scope.order_by().delete()
    else:
        batch = _delete_batch(scope.model)
        for start in range(0, len(doomed), batch):
            scope.model.objects.filter(pk__in=doomed[start : start + batch]).delete()
    kept = stored.rows
    fresh = [k + values for k, values in wanted.items() if k not in kept or kept[k][1] != values]
    rows_insert(scope.model, [*stored.key, *stored.fields], fresh, constants)
    return len(fresh)


def rows_insert(model: type[Model], columns: Sequence[str], rows: Sequence[tuple], constants: dict) -> None:
    """Insert `rows` (tuples in `columns` order; columns are attribute names such as `unit_id`),
    each with the `constants` columns; ids come from the table's sequence."""
    if not rows:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_create(
            [model(**constants, **dict(zip(columns, row, strict=True))) for row in rows], batch_size=500
        )
        return
    names = [*constants, *columns]
    quote = connection.ops.quote_name
    sql = "COPY {} ({}) FROM STDIN".format(
        quote(model._meta.db_table), ", ".join(quote(model._meta.get_field(name).column) for name in names)
    )
    prefix = _copy_line(constants.values()) + "\t" if constants else ""
    width = len(columns)
    buffer = io.StringIO()
    for row in rows:
        if len(row) != width:
            raise ValueError(f"Row of {len(row)} values for {width} columns: {row!r}")
        buffer.write(prefix + _copy_line(row) + "\n")
    buffer.seek(0)
    with connection.cursor() as cursor:
        cursor.copy_expert(sql, buffer)


@lru_cache(maxsize=4096)
def _escaped(text: str) -> str:
    """Text escaped for COPY; cached because derived rows repeat a few strings (periods, explanations)."""
    return text.translate(_ESCAPES)


_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_line(values) -> str:
    """Values in COPY's text format, tab-separated. One expression, no call per value: this runs
    once per stored score (half a million at province scale)."""
    return "\t".join(
        [
            "\\N"
            if value is None
            else _escaped(value)
            if type(value) is str
            else ("t" if value else "f")
            if type(value) is bool
            else str(value)
            for value in values
        ]
    )
