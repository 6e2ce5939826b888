"""The site's URLs as they are with eID login on (carepath/accounts/urls.py decides that at import)."""

from django.urls import include, path

from carepath.urls import urlpatterns as site

urlpatterns = [path("accounts/oidc/", include("mozilla_django_oidc.urls")), *site]
