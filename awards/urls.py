"""The awards' URLs, one namespace (`awards:`) gathered from its wings."""

from awards.council import urls as council
from awards.decisions import urls as decisions
from awards.dossiers import urls as dossiers
from awards.history import urls as history

app_name = "awards"
urlpatterns = history.urlpatterns + dossiers.urlpatterns + council.urlpatterns + decisions.urlpatterns
