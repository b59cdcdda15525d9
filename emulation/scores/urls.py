"""Score pages: an indicator score explained, the ward's overview of a period, a unit's and an indicator's pages."""

from django.urls import path

from emulation.scores import views

urlpatterns = [
    path("diem/<id:unit_id>/<id:indicator_id>/<str:period>/", views.score_explain, name="score-explain"),
    path("<slug:code>/diem/", views.score_overview, name="score-overview"),
    path("<slug:code>/diem/don-vi/<str:unit_code>/", views.score_unit, name="score-unit"),
    path("<slug:code>/diem/chi-tieu/<str:indicator_code>/", views.score_indicator, name="score-indicator"),
]
