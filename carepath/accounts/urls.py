"""Pages under /accounts/. URL names stay global (no namespace): Django's auth views expect `login`."""

from django.conf import settings
from django.urls import URLPattern, URLResolver, include, path

from carepath.accounts import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("two-factor/", views.two_factor_code, name="two_factor"),
    # Also where a citizen turns two-step login on (linked from the portal).
    path("two-factor/setup/", views.two_factor_setup, name="two_factor_setup"),
]

if settings.CAREPATH_OIDC_ENABLED:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))

urlpatterns.append(path("", include("django.contrib.auth.urls")))
