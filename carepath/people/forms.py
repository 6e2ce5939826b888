from carepath.core.forms import VersionedModelForm
from carepath.people.models import Person

DETAILS = ["given_name", "family_name", "birth_date", "address", "phone", "email", "preferred_language"]


class PersonDetailsForm(VersionedModelForm):
    """Correct a person's details (GDPR right to rectification); a stale save is detected."""

    class Meta:
        model = Person
        fields = DETAILS
