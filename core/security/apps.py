"""django-axes under a Vietnamese name (INSTALLED_APPS names this config instead of "axes")."""

from axes.apps import AppConfig


class AxesConfig(AppConfig):
    verbose_name = "Khóa đăng nhập"

    def ready(self) -> None:
        super().ready()
        from axes.models import AccessAttempt

        # Axes names an attempt in English ("Attempted Access: …"); the admin's headings and history show it.
        AccessAttempt.__str__ = _attempt_label


def _attempt_label(attempt) -> str:
    return f"{attempt.username or '(không tên)'} từ {attempt.ip_address or 'địa chỉ không rõ'}"
