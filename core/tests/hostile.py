"""What a row of the hostile-input table is (core/tests/test_hostile_input.py), and ways to send one."""

import io
from collections.abc import Callable
from dataclasses import dataclass

from django.core.management import CommandError, call_command


@dataclass(frozen=True)
class Case:
    name: str
    persona: str | None
    """Who sends it (a persona of the root conftest), or None for an anonymous visitor or a command."""
    send: Callable
    """send(client, ctx) → the response (redirects followed) or a command's output."""
    status: int | tuple[int, ...] | None = None
    """The HTTP status expected (None for a command)."""
    says: str = ""
    """Words the answer must hold: the Vietnamese error a person reads."""
    leaves: tuple[str, ...] = ()
    """Tables a refusal may write its own record to (an import job that failed, listing the cells to fix);
    `send` checks that record is exactly that. Every other table must stay as it was."""


def post(url: Callable[[dict], str], data: dict | Callable[[dict], dict], **extra) -> Callable:
    """POST `data` (or data(ctx)) to url(ctx) and follow the redirect to the page that shows the message."""

    def send(client, ctx):
        body = data(ctx) if callable(data) else data
        return client.post(url(ctx), body, follow=True, **extra)

    return send


def get(url: Callable[[dict], str]) -> Callable:
    def send(client, ctx):
        return client.get(url(ctx), follow=True)

    return send


def command(name: str, *args: Callable | str) -> Callable:
    """Run a management command; its output, or its error, is the answer."""

    def send(client, ctx):
        out, err = io.StringIO(), io.StringIO()
        values = [arg(ctx) if callable(arg) else arg for arg in args]
        try:
            call_command(name, *values, stdout=out, stderr=err)
        except CommandError as exc:
            return f"{out.getvalue()} {err.getvalue()} CommandError: {exc}"
        return f"{out.getvalue()} {err.getvalue()}"

    return send
