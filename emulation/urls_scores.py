"""Score pages: an indicator score explained, and the ward's overview of a period."""

from django.urls import path

from emulation import views_scores

urlpatterns = [
    path("diem/<int:pk>/", views_scores.score_explain, name="score-explain"),
    path("<slug:code>/diem/", views_scores.score_overview, name="score-overview"),
]
