"""Score pages: an indicator score explained, the ward's overview of a period, a unit's and an indicator's pages."""

from django.urls import path

from emulation import views_scores

urlpatterns = [
    path("diem/<int:unit_id>/<int:indicator_id>/<str:period>/", views_scores.score_explain, name="score-explain"),
    path("<slug:code>/diem/", views_scores.score_overview, name="score-overview"),
    path("<slug:code>/diem/don-vi/<str:unit_code>/", views_scores.score_unit, name="score-unit"),
    path("<slug:code>/diem/chi-tieu/<str:indicator_code>/", views_scores.score_indicator, name="score-indicator"),
]
