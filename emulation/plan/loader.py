"""Load a plan data file (data/plans/*.yaml) into a campaign, its criteria and the sections other apps own.

The file mirrors the plan section by section. Loading validates every object with the
models' own rules before anything is written, in one transaction; a campaign whose code
already exists is left untouched, so loading twice changes nothing and admin edits survive.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml
from django.db import transaction

from core.data_files import checked
from criteria.models import Criterion, Indicator
from criteria.services import indicator_version_record
from emulation.plan.models import Assignment, Campaign, CampaignContent, LegalBasis, Milestone
from emulation.plan.sections import plan_sections
from units.models import Unit

DEFAULT_MEASURE = {"ratio": "percent", "qualitative": "score"}
DEFAULT_RULE = {"ratio": "proportional", "rising": "rising", "qualitative": "appraised"}


class PlanFileError(Exception):
    """The plan file cannot be loaded; the message says where and why, in Vietnamese."""


@dataclass
class PlanLoadResult:
    campaign: Campaign
    created: bool


def read_plan_file(path: Path) -> dict:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PlanFileError(f"Không đọc được tệp kế hoạch {path}: {exc}") from exc


def _lines(items) -> str:
    return "\n".join(" ".join(str(item).split()) for item in items or [])


def plan_text(value) -> str:
    """A single-line text of the plan file, its spaces made single."""
    return " ".join(str(value or "").split())


def _checked(obj, where: str, exclude: list[str] | None = None):
    return checked(obj, where, PlanFileError, exclude)


def _units_by_code(codes: list[str], where: str) -> list[Unit]:
    units = {u.code: u for u in Unit.objects.filter(code__in=codes)}
    missing = [code for code in codes if code not in units]
    if missing:
        raise PlanFileError(f"{where}: không có đơn vị mã {', '.join(missing)}.")
    return [units[code] for code in codes]


@transaction.atomic
def load_plan(*, data: dict) -> PlanLoadResult:
    """Create the campaign described by `data`, unless one with its code exists."""
    try:
        spec = data["campaign"]
        code = spec["code"]
    except (KeyError, TypeError) as exc:
        raise PlanFileError("Tệp kế hoạch thiếu mục campaign.code.") from exc
    existing = Campaign.objects.filter(code=code).first()
    if existing is not None:
        return PlanLoadResult(existing, created=False)

    campaign = _load_campaign(spec)
    _load_criteria(campaign, data.get("criteria") or [])
    for section in plan_sections():  # the parts other apps own: the award forms…
        section.load(campaign, data.get(section.key) or [], _checked)
    return PlanLoadResult(campaign, created=True)


def _load_campaign(spec: dict) -> Campaign:
    issuer = _units_by_code([spec["issuing_unit"]], "campaign.issuing_unit")[0]
    campaign = Campaign(
        code=spec["code"],
        title=plan_text(spec["title"]),
        issuing_unit=issuer,
        document_number=spec.get("document_number"),
        document_symbol=spec.get("document_symbol", "KH-UBND"),
        document_date=spec.get("document_date"),
        signer_authority=spec.get("signer_authority", ""),
        signer_title=spec.get("signer_title", ""),
        signer_name=spec.get("signer_name", ""),
        year=spec["year"],
        start_date=spec["start_date"],
        end_date=spec["end_date"],
        report_deadline_day=spec.get("report_deadline_day", 5),
        purposes=_lines(spec.get("purposes")),
        requirements=_lines(spec.get("requirements")),
        target_groups=plan_text(spec.get("target_groups")),
        progress=_lines(spec.get("progress")),
        funding=plan_text(spec.get("funding")),
        recipients=_lines(spec.get("recipients")),
    )
    _checked(campaign, f"Phong trào {spec['code']}").save()
    campaign.participants.set(_units_by_code(spec.get("participants") or [], "campaign.participants"))

    for order, item in enumerate(spec.get("legal_bases") or [], start=1):
        basis = LegalBasis(
            campaign=campaign,
            order=order,
            doc_type=item.get("doc_type", "Kế hoạch"),
            number=item["number"],
            issued_on=item.get("issued_on"),
            issuer=item["issuer"],
            title=plan_text(item["title"]),
        )
        _checked(basis, f"Căn cứ {item['number']}").save()
    for order, item in enumerate(spec.get("contents") or [], start=1):
        content = CampaignContent(campaign=campaign, order=order, code=str(item["code"]), text=plan_text(item["text"]))
        _checked(content, f"Nội dung {item['code']}").save()
    for order, item in enumerate(spec.get("assignments") or [], start=1):
        assignment = Assignment(
            campaign=campaign, order=order, assignee=plan_text(item["assignee"]), duties=_lines(item.get("duties"))
        )
        _checked(assignment, f"Phân công {order}").save()
    for order, item in enumerate(spec.get("milestones") or [], start=1):
        milestone = Milestone(
            campaign=campaign,
            order=order,
            title=plan_text(item["title"]),
            due_date=item.get("due_date"),
            responsible=plan_text(item.get("responsible")),
            note=plan_text(item.get("note")),
        )
        _checked(milestone, f"Mốc {order}").save()
    return campaign


def _load_criteria(campaign: Campaign, criteria: list[dict]) -> None:
    for c_order, spec in enumerate(criteria, start=1):
        criterion = Criterion(
            campaign=campaign,
            code=str(spec["code"]),
            name=plan_text(spec["name"]),
            description=plan_text(spec.get("description")),
            order=c_order,
        )
        _checked(criterion, f"Tiêu chí {spec['code']}").save()
        for i_order, item in enumerate(spec.get("indicators") or [], start=1):
            kind = item["kind"]
            indicator = Indicator(
                criterion=criterion,
                campaign=campaign,
                code=str(item["code"]),
                name=plan_text(item["name"]),
                kind=kind,
                measure=item.get("measure", DEFAULT_MEASURE.get(kind, "")),
                numerator_label=plan_text(item.get("numerator_label")),
                denominator_label=plan_text(item.get("denominator_label")),
                figure_source=item.get("figure_source", Indicator.FigureSource.MANUAL),
                target=item.get("target"),
                comparison=item.get("comparison", Indicator.Comparison.AT_LEAST),
                points=item["points"],
                scoring_rule=item.get("scoring_rule", DEFAULT_RULE.get(kind, "")),
                floor=item.get("floor"),
                baseline=item.get("baseline"),
                order=i_order,
            )
            _checked(indicator, f"Chỉ tiêu {item['code']}").save()
            indicator_version_record(indicator=indicator, valid_from=campaign.start_date)
            if item.get("applies_to"):
                indicator.applies_to.set(_units_by_code(item["applies_to"], f"Chỉ tiêu {item['code']}"))
