"""After PostgreSQL drops the web's kept connection (a restart), the next request succeeds: CONN_HEALTH_CHECKS."""

import pytest
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection, connections
from django.test import RequestFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs a PostgreSQL server to drop the connection"),
    pytest.mark.django_db(transaction=True),
]


def _kept_connection_dropped() -> None:
    """What a restart does to a connection kept across requests (CONN_MAX_AGE): the server ends it."""
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s, 5000)", [pid])  # returns once the backend has ended
            assert cursor.fetchone()[0] is True
    finally:
        other.close()


def _request_status() -> int:
    """One request through the WSGI handler gunicorn calls (its request_started signal included), reading the DB."""
    environ = RequestFactory().get("/xac-minh/", {"code": "ABCD-EFGH-JKLM"}, REMOTE_ADDR="10.9.9.9").environ
    statuses = []
    response = WSGIHandler()(environ, lambda status, headers, exc_info=None: statuses.append(status))
    response.close()  # request_finished, as gunicorn does
    return int(statuses[0].split()[0])


def test_the_first_request_after_the_server_dropped_the_connection_succeeds():
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] > 0, "connections are kept: the case health checks are for"
    _kept_connection_dropped()
    assert _request_status() == 200


def test_without_health_checks_that_request_would_fail(monkeypatch):
    """The same fault with the checks off answers 500: the test above depends on the setting, not on luck."""
    connection.close()
    monkeypatch.setitem(connection.settings_dict, "CONN_HEALTH_CHECKS", False)
    monkeypatch.setattr(settings, "DEBUG_PROPAGATE_EXCEPTIONS", False)
    _kept_connection_dropped()
    assert _request_status() == 500
    connection.close()
