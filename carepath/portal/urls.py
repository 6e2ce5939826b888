from django.urls import path

from carepath.portal import views, views_evaluation, views_meeting, views_pdf
from carepath.privacy import views as privacy_views

app_name = "portal"

urlpatterns = [
    path("", views.start, name="start"),
    path("my-data/", privacy_views.own_data, name="own_data"),
    path("my-data.json", privacy_views.own_data_json, name="own_data_json"),
    path("<int:person_id>/", views.home, name="home"),
    path("<int:person_id>/goals/", views.goals, name="goals"),
    path("<int:person_id>/plan/", views.plan, name="plan"),
    path("<int:person_id>/plan.pdf", views_pdf.plan_pdf, name="plan_pdf"),
    path("<int:person_id>/notes/", views.notes, name="notes"),
    path("<int:person_id>/meetings/", views_meeting.meetings, name="meetings"),
    path("<int:person_id>/meetings/<int:meeting_id>/", views_meeting.meeting, name="meeting"),
    path("<int:person_id>/wish/", views.wish, name="wish"),
    path("<int:person_id>/my-view/", views_evaluation.my_view, name="my_view"),
    path("<int:person_id>/who-looked/", views.who_looked, name="who_looked"),
    path("<int:person_id>/followers/", views.proxies, name="proxies"),
    path("<int:person_id>/followers/new/", views.proxy_new, name="proxy_new"),
    path("<int:person_id>/followers/<int:proxy_id>/", views.proxy_limit, name="proxy_limit"),
    path("<int:person_id>/followers/<int:proxy_id>/stop/", views.proxy_revoke, name="proxy_revoke"),
    path("<int:person_id>/supports/<int:attachment_id>/", views.support, name="support"),
]
