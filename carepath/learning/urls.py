from django.urls import path

from carepath.learning import views

app_name = "learning"
urlpatterns = [
    path("focus-groups/", views.focus_group_list, name="focus_group_list"),
    path("focus-groups/new/", views.focus_group_new, name="focus_group_new"),
    path("focus-groups/<int:focus_group_id>/", views.focus_group_detail, name="focus_group_detail"),
    path("focus-groups/<int:focus_group_id>/edit/", views.focus_group_edit, name="focus_group_edit"),
    path("focus-groups/<int:focus_group_id>/materials/new/", views.material_new, name="material_new"),
    path("materials/<int:material_id>/", views.material_file, name="material_file"),
    path("reviews/", views.record_list, {"kind": "review"}, name="review_list"),
    path("reviews/new/", views.record_new, {"kind": "review"}, name="review_new"),
    path("reviews/<int:review_id>/", views.review_detail, name="review_detail"),
    path("inquiries/", views.record_list, {"kind": "inquiry"}, name="inquiry_list"),
    path("inquiries/new/", views.record_new, {"kind": "inquiry"}, name="inquiry_new"),
    path("inquiries/<int:inquiry_id>/", views.inquiry_detail, name="inquiry_detail"),
]
