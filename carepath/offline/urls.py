from django.urls import path

from carepath.offline import views, views_app

app_name = "offline"

urlpatterns = [
    path("", views.take_along, name="take_along"),
    path("app/", views_app.app, name="app"),
    path("unavailable/", views_app.unavailable, name="unavailable"),
    path("devices/", views.device_list, name="devices"),
    path("devices/<int:device_id>/revoke/", views.device_revoke, name="device_revoke"),
    path("conflicts/<int:write_id>/", views.conflict, name="conflict"),
    path("held/", views.held, name="held"),
    path("held/<int:write_id>/apply/", views.held_apply, name="held_apply"),
    path("held/<int:write_id>/photo/", views.write_photo, name="write_photo"),
    path("api/key/", views.api_key, name="api_key"),
    path("api/bundle/", views.api_bundle, name="api_bundle"),
    path("api/sync/", views.api_sync, name="api_sync"),
]
