"""The award forms a plan sets out, as a section of the plan (emulation.plan.sections): loaded from the plan
file's `award_forms` and shown on the campaign's page (awards/plan_section.html) and in the plan's PDF
(awards/documents/plan_section.html, written as the plan's text is)."""

from decimal import Decimal

from awards.catalogue.models import AwardForm, AwardStandard, DossierPart
from emulation.plan.loader import plan_text
from emulation.plan.sections import PlanSection, plan_section_register


def _load_award_forms(campaign, forms: list[dict], checked) -> None:
    """The plan's award forms, each with its standards (and their check codes) and dossier parts."""
    for f_order, spec in enumerate(forms, start=1):
        form = AwardForm(
            campaign=campaign,
            code=spec["code"],
            name=plan_text(spec["name"]),
            level=spec["level"],
            decided_by=plan_text(spec["decided_by"]),
            proposed_by=plan_text(spec.get("proposed_by")),
            for_collective=spec.get("for_collective", True),
            for_individual=spec.get("for_individual", True),
            quota=spec.get("quota"),
            coefficient=Decimal(str(spec.get("coefficient", 0))),
            order=f_order,
        )
        checked(form, f"Hình thức {spec['code']}").save()
        for beneficiary, groups in (spec.get("standards") or {}).items():
            order = 0
            for requirement in ("required", "one_of"):
                for item in groups.get(requirement) or []:
                    order += 1
                    standard = AwardStandard(
                        award_form=form,
                        beneficiary=beneficiary,
                        requirement=requirement,
                        text=plan_text(item["text"]),
                        check_code=item.get("check", ""),
                        order=order,
                    )
                    checked(standard, f"Tiêu chuẩn {spec['code']}/{beneficiary} {order}").save()
        for p_order, item in enumerate(spec.get("dossier_parts") or [], start=1):
            part = DossierPart(
                award_form=form,
                code=item["code"],
                name=plan_text(item["name"]),
                confirmed_by=plan_text(item.get("confirmed_by")),
                per_nominee=item.get("per_nominee", False),
                is_required=item.get("required", True),
                order=p_order,
            )
            checked(part, f"Hồ sơ {spec['code']}/{item['code']}").save()


plan_section_register(
    PlanSection(
        key="award_forms",
        load=_load_award_forms,
        template="awards/plan_section.html",
        document_template="awards/documents/plan_section.html",
        prefetch=("award_forms__standards", "award_forms__dossier_parts"),
    )
)
