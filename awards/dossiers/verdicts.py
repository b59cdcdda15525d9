"""The eligibility verdicts the dossier pages show. They are computed by awards.eligibility, a floor above
this wing (it reads the dossiers), which registers its function here when the app is ready."""

from collections.abc import Callable

_compute: Callable | None = None


def verdicts_register(compute: Callable) -> None:
    global _compute
    _compute = compute


def verdicts_for(nominees: list) -> dict:
    """Nominee id → verdict (awards.eligibility.rules.Verdict), for any list of nominees."""
    if _compute is None:
        raise RuntimeError("awards.eligibility has not registered its verdicts (AwardsConfig.ready)")
    return _compute(nominees)
