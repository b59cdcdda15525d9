"""The dossier's official documents (PDF, Decree 30 format), registered with documents.registry when imported
(awards.apps): the unit's tờ trình and list, the unit council's minutes, the achievement reports (Mẫu 02/03),
and the ward's tờ trình to the province for a Bằng khen (with its editable .docx)."""

from awards.dossiers.papers import letter, minutes, province, reports  # noqa: F401
