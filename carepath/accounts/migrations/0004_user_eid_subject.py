from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_user_person_alter_user_role"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="eid_subject",
            field=models.CharField(
                blank=True,
                help_text="The identifier the national eID gives this person. Leave empty if they do not log in with eID.",
                max_length=255,
                null=True,
                unique=True,
                verbose_name="eID subject",
            ),
        ),
    ]
