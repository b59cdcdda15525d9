"""URL map. Every pattern here has its row in core/tests/test_permissions.py."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from core.security import reset

admin.site.site_header = f"{settings.PORTAL_NAME} — Quản trị"
admin.site.site_title = settings.PORTAL_NAME
admin.site.index_title = "Quản trị dữ liệu phong trào"

urlpatterns = [
    path("", include("core.urls")),
    path("", include("units.urls")),
    path("phong-trao/", include("emulation.urls")),
    path("khen-thuong/", include("awards.urls")),
    path("van-ban/", include("documents.urls")),
    path("xac-minh/", include("documents.verification.urls")),
    path("dang-nhap/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("doi-mat-khau/xong/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("quen-mat-khau/", reset.password_reset, name="password_reset"),
    path("quen-mat-khau/da-gui/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "dat-lai-mat-khau/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("dat-lai-mat-khau/xong/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("quan-tri/", admin.site.urls),
]
