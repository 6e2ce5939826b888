"""OpenID Connect (national eID) settings, read from CAREPATH_OIDC_* environment variables.

Kept free of Django imports so base.py can call it while settings load. Without the variables
eID login stays off: no backend, no URLs, no button. See docs/decisions/0007-authentication-and-headers.md.
"""

from collections.abc import Mapping
from typing import Any

REQUIRED = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "CAREPATH_OIDC_AUTHORIZATION_ENDPOINT",
    "OIDC_OP_TOKEN_ENDPOINT": "CAREPATH_OIDC_TOKEN_ENDPOINT",
    "OIDC_OP_USER_ENDPOINT": "CAREPATH_OIDC_USER_ENDPOINT",
    "OIDC_RP_CLIENT_ID": "CAREPATH_OIDC_CLIENT_ID",
    "OIDC_RP_CLIENT_SECRET": "CAREPATH_OIDC_CLIENT_SECRET",
}

# eIDAS levels of assurance "substantial" and "high": only these count as a second factor.
EIDAS_SUBSTANTIAL_OR_HIGH = "http://eidas.europa.eu/LoA/substantial http://eidas.europa.eu/LoA/high"


def oidc_settings(environ: Mapping[str, str]) -> dict[str, Any]:
    """Django settings for mozilla-django-oidc, or {} when the required variables are not all set."""
    values = {setting: environ.get(variable, "") for setting, variable in REQUIRED.items()}
    if not all(values.values()):
        return {}
    acr_values = environ.get("CAREPATH_OIDC_ACR_VALUES", EIDAS_SUBSTANTIAL_OR_HIGH).split()
    return {
        **values,
        "OIDC_OP_JWKS_ENDPOINT": environ.get("CAREPATH_OIDC_JWKS_ENDPOINT") or None,
        "OIDC_RP_SIGN_ALGO": environ.get("CAREPATH_OIDC_SIGN_ALGO", "RS256"),
        "OIDC_RP_SCOPES": environ.get("CAREPATH_OIDC_SCOPES", "openid"),
        "OIDC_USE_PKCE": True,
        # Accounts are made by an administrator and linked by eid_subject; an eID never creates one.
        "OIDC_CREATE_USER": False,
        "OIDC_AUTH_REQUEST_EXTRA_PARAMS": {"acr_values": " ".join(acr_values)} if acr_values else {},
        "LOGIN_REDIRECT_URL_FAILURE": "login",
        "CAREPATH_OIDC": {
            "name": environ.get("CAREPATH_OIDC_NAME", "eID"),
            "subject_claim": environ.get("CAREPATH_OIDC_SUBJECT_CLAIM", "sub"),
            "acr_values": acr_values,
        },
    }
