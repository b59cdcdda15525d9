"""Who may read and manage campaigns (django-rules predicates)."""

import rules

from core.permissions import is_admin, is_staff_role


@rules.predicate
def campaign_is_published(user, campaign) -> bool:
    return campaign is None or campaign.is_active


# Every signed-in person reads an active campaign; ward-wide roles also read inactive ones.
can_view_campaign = rules.is_authenticated & (campaign_is_published | is_staff_role)
rules.add_perm("emulation.view_campaign_page", can_view_campaign)
rules.add_perm("emulation.manage_campaign", is_admin)
