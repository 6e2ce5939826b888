from django.urls import path

from carepath.reminders import views

app_name = "reminders"

urlpatterns = [
    path("reminders/", views.reminder_list, name="list"),
    path("reminders/team/", views.team_due, name="team_due"),
    path("reminders/calendar/", views.calendar, name="calendar"),
    path("portal/<int:person_id>/calendar/", views.portal_calendar, name="portal_calendar"),
    # Under /api/: read by calendar apps, which cannot sign in; the secret in the address is the key.
    path("api/calendar/<str:feed_token>.ics", views.feed, name="feed"),
]
