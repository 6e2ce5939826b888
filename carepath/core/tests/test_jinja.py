"""The Jinja2 partials (decision 0019) translate, link, date and escape as Django templates do."""

import datetime

from django.template import Context, Template, engines
from django.urls import reverse
from django.utils import translation

from carepath.core.jinja import date


def _render(source: str, **context: object) -> str:
    return engines["jinja2"].from_string(source).render(context)


def test_text_is_translated_by_djangos_catalogue_in_the_active_language():
    with translation.override("de"):
        german = _render('{{ _("Steps") }}|{{ _("%(saved)s of %(target)s %(currency)s saved (%(percent)s%%)")'
                         '|format(saved="1", target="2", currency="EUR", percent=50) }}|{{ deposit_count(3) }}')
    steps, saved, deposits = german.split("|")
    assert (steps, saved, deposits) == ("Schritte", "1 von 2 EUR gespart (50 %)", "3 Einzahlungen")
    assert _render('{{ _("Steps") }}|{{ deposit_count(1) }}') == "Steps|1 deposit"


def test_url_is_djangos_reverse():
    assert _render("{{ url('cases:case_detail', 7) }}|{{ url('dashboard:home') }}") == "|".join(
        [reverse("cases:case_detail", args=[7]), reverse("dashboard:home")]
    )


def test_user_text_is_escaped_and_line_breaks_are_kept():
    html = _render("{{ words }}|{{ words|linebreaksbr }}", words="<script>x</script>\nTom & Jerry")
    assert html == "&lt;script&gt;x&lt;/script&gt;\nTom &amp; Jerry|&lt;script&gt;x&lt;/script&gt;<br>Tom &amp; Jerry"


def test_dates_are_shown_in_the_local_time_zone_as_django_templates_show_them():
    late_evening_utc = datetime.datetime(2026, 11, 30, 23, 30, tzinfo=datetime.UTC)  # 1 December in Brussels
    django = Template('{{ at|date:"SHORT_DATE_FORMAT" }}|{{ day|date:"DATE_FORMAT" }}').render(
        Context({"at": late_evening_utc, "day": datetime.date(2026, 12, 1)})
    )
    assert _render('{{ at|date("SHORT_DATE_FORMAT") }}|{{ day|date("DATE_FORMAT") }}', at=late_evening_utc,
                   day=datetime.date(2026, 12, 1)) == django
    assert date(late_evening_utc, "j") == "1" and date(None) == ""

