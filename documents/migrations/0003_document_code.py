"""The short verification code (Document.code): added empty, filled for the existing rows, then made unique."""

from django.db import migrations, models

import documents.models


def codes_fill(apps, schema_editor):
    Document = apps.get_model("documents", "Document")
    taken = set()
    for document in Document.objects.filter(code__isnull=True).only("pk").iterator():
        code = documents.models.code_new()
        while code in taken:
            code = documents.models.code_new()
        taken.add(code)
        Document.objects.filter(pk=document.pk).update(code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_merged_parts"),
    ]

    operations = [
        migrations.AddField(
            model_name="document",
            name="code",
            field=models.CharField(editable=False, max_length=12, null=True, verbose_name="mã tra cứu"),
        ),
        migrations.RunPython(codes_fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="document",
            name="code",
            field=models.CharField(
                default=documents.models.code_new,
                editable=False,
                help_text="Mã ngắn in trên văn bản, nhập ở trang /xac-minh/.",
                max_length=12,
                unique=True,
                verbose_name="mã tra cứu",
            ),
        ),
    ]
