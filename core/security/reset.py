"""Password resets on an intranet: an admin issues a one-time link for a person (the user list's action), valid
PASSWORD_RESET_TIMEOUT; where e-mail is configured (PASSWORD_RESET_BY_EMAIL) "Quên mật khẩu" sends it by e-mail,
otherwise that page says to ask the admin. The link opens Django's PasswordResetConfirmView."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.tokens import default_token_generator
from django.shortcuts import render
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode


def reset_link(request, user) -> str:
    """The one-time link that lets `user` choose a new password (void once used or after the timeout)."""
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return request.build_absolute_uri(path)


def valid_days() -> int:
    return max(1, settings.PASSWORD_RESET_TIMEOUT // 86_400)


def password_reset(request):
    """ "Quên mật khẩu": Django's e-mail form where e-mail is configured, otherwise how to get a link from the admin."""
    if settings.PASSWORD_RESET_BY_EMAIL:
        view = auth_views.PasswordResetView.as_view(
            email_template_name="registration/password_reset_email.txt",
            subject_template_name="registration/password_reset_subject.txt",
            extra_email_context={"portal_name": settings.PORTAL_NAME, "valid_days": valid_days()},
        )
        return view(request)
    return render(request, "registration/password_reset_ask_admin.html", {"valid_days": valid_days()})


@admin.action(description="Cấp liên kết đặt lại mật khẩu", permissions=["change"])
def issued_links(model_admin, request, queryset):
    """The admin's action on the user list: a link per chosen active person, shown to hand over in person."""
    users = list(queryset.filter(is_active=True).order_by("username"))
    links = [(user, reset_link(request, user)) for user in users]
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "Liên kết đặt lại mật khẩu",
        "links": links,
        "skipped": queryset.filter(is_active=False).count(),
        "valid_days": valid_days(),
        "opts": model_admin.model._meta,
    }
    response = render(request, "admin/auth/user/reset_links.html", context)
    response["Cache-Control"] = "no-store"
    return response
