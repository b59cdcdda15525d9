"""Sign-in locks in the admin (Quản trị → Khóa đăng nhập): who failed to sign in, from where, how often; an admin
lifts a lock by choosing its rows and "Mở khóa". Rows are written only by django-axes, never edited here."""

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin, messages


@admin.register(AccessAttempt)
class AccessAttemptAdmin(admin.ModelAdmin):
    list_display = ("login_name", "address", "failures", "state", "last_attempt")
    fields = ("login_name", "address", "failures", "state", "last_attempt", "page", "browser")
    readonly_fields = fields
    search_fields = ("username", "ip_address")
    ordering = ("-attempt_time",)
    actions = ("unlock",)

    @admin.display(description="Tên đăng nhập", ordering="username")
    def login_name(self, attempt) -> str:
        return attempt.username or "—"

    @admin.display(description="Địa chỉ máy", ordering="ip_address")
    def address(self, attempt) -> str:
        return attempt.ip_address or "—"

    @admin.display(description="Số lần sai", ordering="failures_since_start")
    def failures(self, attempt) -> int:
        return attempt.failures_since_start

    @admin.display(description="Trạng thái")
    def state(self, attempt) -> str:
        if attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT:
            return "Đang bị khóa (hoặc chờ hết thời gian khóa)"
        return f"Còn {settings.AXES_FAILURE_LIMIT - attempt.failures_since_start} lần thử"

    @admin.display(description="Lần sai gần nhất", ordering="attempt_time")
    def last_attempt(self, attempt):
        return attempt.attempt_time

    @admin.display(description="Trang đăng nhập")
    def page(self, attempt) -> str:
        return attempt.path_info

    @admin.display(description="Trình duyệt")
    def browser(self, attempt) -> str:
        return attempt.user_agent

    # Shown, never added, edited or deleted one by one (core.admin.ReadOnlyMixin, which imports this module).
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_unlock_permission(self, request) -> bool:
        return request.user.has_perm("axes.delete_accessattempt")

    @admin.action(description="Mở khóa: xóa các lần đăng nhập sai đã chọn", permissions=["unlock"])
    def unlock(self, request, queryset) -> None:
        locks = sorted({f"{a.username} ({a.ip_address})" for a in queryset.only("username", "ip_address")})
        queryset.delete()
        self.message_user(request, f"Đã mở khóa: {', '.join(locks)}.", messages.SUCCESS)
