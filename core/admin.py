"""What every admin page shares, and the accounts (Django's user and group pages) in Vietnamese.

Django stores a permission's name in English ("Can add chỉ tiêu") and the group and user pages
list those names; here each permission is named from its app, model and action instead.
"""

from django.apps import apps
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm, SetUnusablePasswordMixin
from django.contrib.auth.models import Group, Permission, User
from django.utils.text import capfirst, format_lazy

from core.security.reset import issued_links


class ReadOnlyMixin:
    """Listed and shown, never added, edited or deleted in the admin: records that change only through their own
    services (a report or a dossier through its workflow, a document through its render) or are derived."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class DeletionSummaryMixin:
    """A deletion's confirmation page lists what goes with the record, including the rows of Django's
    own many-to-many tables, named in English ("Campaign-unit relationship: Campaign_participants
    object (3)"). They are links, not records anyone knows: the page leaves them out (they still go)."""

    def get_deleted_objects(self, objs, request):
        to_delete, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        links = [model._meta for model in apps.get_models(include_auto_created=True) if model._meta.auto_created]
        prefixes = tuple(f"{capfirst(opts.verbose_name)}: " for opts in links)
        plurals = {str(opts.verbose_name_plural) for opts in links}
        counts = {name: count for name, count in counts.items() if str(name) not in plurals}
        return _without_links(to_delete, prefixes), counts, perms_needed, protected


def _without_links(items: list, prefixes: tuple[str, ...]) -> list:
    """The nested list without the items naming a link row, and without what is listed under them."""
    kept: list = []
    dropped = False
    for item in items:
        if isinstance(item, list):
            if not dropped:
                kept.append(_without_links(item, prefixes))
            continue
        dropped = str(item).startswith(prefixes)
        if not dropped:
            kept.append(item)
    return kept


ACTIONS = {"add": "thêm", "change": "sửa", "delete": "xóa", "view": "xem"}


def permission_label(permission: Permission) -> str:
    """ "Tiêu chí thi đua | chỉ tiêu | sửa"; a permission other than the four model actions keeps its name."""
    model = permission.content_type.model_class()
    action = permission.codename.partition("_")[0]
    if model is None or action not in ACTIONS or permission.codename != f"{action}_{model._meta.model_name}":
        return str(permission)
    original = getattr(model, "instance_type", None)  # set on simple-history's record of `original`
    name = f"lịch sử {_model_name(original)}" if original is not None else _model_name(model)
    return f"{capfirst(model._meta.app_config.verbose_name)} | {name} | {ACTIONS[action]}"


def _model_name(model) -> str:
    """A model's Vietnamese name; a many-to-many table's is its field's ("đơn vị tham gia của phong trào thi đua")."""
    owner = model._meta.auto_created
    if owner:
        field = next(f for f in owner._meta.many_to_many if f.remote_field.through is model)
        return f"{field.verbose_name} của {owner._meta.verbose_name}"
    return str(model._meta.verbose_name)


class VietnamesePermissionsMixin:
    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        if db_field.name in ("permissions", "user_permissions"):
            kwargs["queryset"] = Permission.objects.select_related("content_type")
        field = super().formfield_for_manytomany(db_field, request=request, **kwargs)
        if db_field.name in ("permissions", "user_permissions"):
            field.label_from_instance = permission_label
        return field


class PasswordChangeForm(AdminPasswordChangeForm):
    # Django appends this warning in English, outside its catalogue (5.2); the element keeps its id for the script.
    usable_password_help_text = format_lazy(
        '{}<ul id="id_unusable_warning" class="messagelist"><li class="warning">{}</li></ul>',
        SetUnusablePasswordMixin.usable_password_help_text,
        "Nếu tắt, mật khẩu hiện tại của người dùng này sẽ bị xóa bỏ.",
    )


admin.site.unregister(Group)
admin.site.unregister(User)


@admin.register(Group)
class PortalGroupAdmin(DeletionSummaryMixin, VietnamesePermissionsMixin, GroupAdmin):
    pass


@admin.register(User)
class PortalUserAdmin(DeletionSummaryMixin, VietnamesePermissionsMixin, UserAdmin):
    change_password_form = PasswordChangeForm
    actions = [issued_links]  # one-time links to hand over: the intranet's password reset (core.security.reset)


from core.security import admin as security_admin  # noqa: E402, F401 - registers the sign-in locks' page
