from django.test import RequestFactory

from carepath.core.reporting import NoPersonalDataFilter


def test_error_reports_hide_every_posted_value():
    request = RequestFactory().post("/signals/new/", {"given_name": "Jonas", "problems": "anxiety"})
    params = NoPersonalDataFilter().get_post_parameters(request)
    assert set(params) == {"given_name", "problems"}
    assert "Jonas" not in str(params.values()) and "anxiety" not in str(params.values())
