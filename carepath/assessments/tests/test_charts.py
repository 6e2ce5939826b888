import datetime

import pytest

from carepath.assessments.charts import TOP, level_y, trajectory
from carepath.testing.factories import AssessmentFactory, CaseFactory

pytestmark = pytest.mark.django_db


def _assessments(levels):
    case = CaseFactory()
    start = datetime.date(2024, 1, 15)
    return [
        AssessmentFactory(
            case=case,
            assessed_on=start + datetime.timedelta(days=90 * i),
            physical_level=p,
            communication_level=c,
            social_level=s,
        )
        for i, (p, c, s) in enumerate(levels)
    ]


def test_one_assessment_draws_no_chart():
    assert trajectory(_assessments([(1, 2, 3)])) is None


def test_chart_has_a_line_per_dimension_with_a_point_per_assessment():
    chart = trajectory(_assessments([(3, 2, 4), (2, 2, 3), (1, 2, 2)]))
    assert [s.key for s in chart.series] == ["physical", "communication", "social"]
    assert all(len(s.points) == 3 for s in chart.series)
    assert [p.level for p in chart.series[0].points] == [3, 2, 1]
    assert chart.series[0].path.startswith("M")


def test_no_difficulty_is_drawn_at_the_top():
    assert level_y(0) == TOP
    assert level_y(4) > level_y(1)


def test_description_gives_the_same_figures_as_the_table():
    chart = trajectory(_assessments([(3, 2, 4), (1, 2, 2)]))
    assert "Physical and practical: 3, 1." in chart.description
    assert "Communication: 2, 2." in chart.description
    assert "Social behaviour: 4, 2." in chart.description


def test_date_labels_are_thinned_out_but_keep_the_last():
    chart = trajectory(_assessments([(2, 2, 2)] * 12))
    assert len(chart.dates) <= 8
    assert chart.dates[-1].at == f"{chart.right_edge:.1f}"
