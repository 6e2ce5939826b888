import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "carepath.settings.production")
application = get_wsgi_application()

from carepath.core import gc_tuning  # noqa: E402  needs the settings loaded above

gc_tuning.install()
