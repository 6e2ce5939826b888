from django.urls import path

from carepath.cases import views

app_name = "cases"
urlpatterns = [
    path("signals/", views.signal_list, name="signal_list"),
    path("signals/new/", views.signal_new, name="signal_new"),
    path("signals/<int:signal_id>/", views.signal_detail, name="signal_detail"),
    path("cases/", views.case_list, name="case_list"),
    path("cases/<int:case_id>/", views.case_detail, name="case_detail"),
    path("cases/<int:case_id>/history/", views.case_history, name="case_history"),
    path("cases/<int:case_id>/close/", views.case_close, name="case_close"),
    path("cases/<int:case_id>/team/add/", views.team_add, name="team_add"),
    path("deadlines/", views.deadline_list, name="deadline_list"),
    path("deadlines/<int:deadline_id>/done/", views.deadline_done, name="deadline_done"),
]
