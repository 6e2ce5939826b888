"""Pages under /accounts/. URL names stay global (no namespace): Django's auth views expect `login`."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, include, path

from carepath.accounts import forms, views

urlpatterns: list[URLPattern | URLResolver] = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("two-factor/", views.two_factor_code, name="two_factor"),
    # Also where a citizen turns two-step login on (linked from the portal).
    path("two-factor/setup/", views.two_factor_setup, name="two_factor_setup"),
]

if settings.CAREPATH_OIDC_ENABLED:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))

# Django's password pages, with forms in the design system's classes; the rest as Django ships them.
urlpatterns += [
    path(
        "password_change/",
        auth_views.PasswordChangeView.as_view(form_class=forms.PasswordChangeForm),
        name="password_change",
    ),
    path(
        "password_reset/",
        auth_views.PasswordResetView.as_view(form_class=forms.PasswordResetForm),
        name="password_reset",
    ),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(form_class=forms.SetPasswordForm),
        name="password_reset_confirm",
    ),
    path("", include("django.contrib.auth.urls")),
]
