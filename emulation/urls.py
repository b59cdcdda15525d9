"""The campaign's URLs, one namespace (`emulation:`) gathered from its wings; the plan's catch-all comes last."""

from emulation.initiatives import urls as initiatives
from emulation.plan import urls as plan
from emulation.reports import urls as reports
from emulation.scores import urls as scores

app_name = "emulation"
urlpatterns = reports.urlpatterns + scores.urlpatterns + initiatives.urlpatterns + plan.urlpatterns
