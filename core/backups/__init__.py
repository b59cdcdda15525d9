"""Backups: one archive holds a pg_dump of the database, the media folder and a manifest to check both.

`archive.py` writes and verifies the archive (pure: files and hashes), `database.py` speaks to PostgreSQL
(connection from settings, pg_dump, pg_restore | psql, row counts), `services.py` puts them together for
the `backup` and `restore` commands.
"""
