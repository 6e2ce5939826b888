"""The words the offline app's JavaScript shows, translated on the server.

app.html hands them to the page with json_script; app.js fills placeholders such as "{count}" with
String.replace, so a translation must keep every placeholder as it is.
"""

from django.utils.translation import gettext as _


def client_strings() -> dict[str, str]:
    """Every string app.js shows, in the language of the request. A count stands after a colon, so
    that no language needs plural forms the client cannot choose."""
    return {
        # The list of cases
        "cases_heading": _("Cases on this device"),
        "downloaded_on": _("Downloaded on {when}. You can use them without a network until {until}."),
        "no_cases": _(
            "There are no cases on this device. While you are online, choose the cases to take along, "
            "then press “Download the cases”."
        ),
        "choose_cases": _("Choose the cases to take along"),
        "case_untitled": _("Case without a title"),
        "waiting_count": _("Waiting to be sent: {count}"),
        "waiting_total": _("Waiting to be sent to the office: {count}"),
        "nothing_waiting": _("Nothing is waiting to be sent."),
        # Download, send, delete
        "downloading": _("Downloading the cases…"),
        "downloaded": _("Cases on this device: {count}. You can use them without a network until {until}."),
        "sent_some": _("{done} of {total} sent"),
        "all_sent": _("Everything was sent to the office ({total})."),
        "nothing_to_send": _("Nothing is waiting to be sent."),
        "saved_on_device": _(
            "Saved on this device. It waits to be sent: press “Send to the office” when you are online."
        ),
        "waiting": _("Waiting to be sent"),
        "waiting_in_case": _("Waiting to be sent in this case: {count}"),
        "wipe_confirm": _("Delete all cases from this device?"),
        "wipe_confirm_waiting": _(
            "Not yet sent to the office, and lost if you delete them: {count}. Delete all cases from this device?"
        ),
        # Why the data was deleted, or why nothing happened
        "wiped": _("The cases were deleted from this device."),
        "wiped_revoked": _(
            "The cases were deleted from this device, because the device was removed from your devices."
        ),
        "wiped_expired": _("The cases were deleted from this device, because the time to use them has ended."),
        "wiped_logged_out": _("The cases were deleted from this device, because you signed out."),
        "expired": _(
            "The cases were deleted from this device, because the time to use them has ended. "
            "Download them again when you are online."
        ),
        "unreachable": _("The office cannot be reached. Try again when you are online."),
        "signed_out": _("You are signed out. Sign in again, then try once more."),
        "no_device": _(
            "This device is not registered for home visits, or no cases are chosen to take along. "
            "Do this on the page “Choose the cases to take along”."
        ),
        "forbidden": _("The office refused this. Reload the page and try again."),
        "server_error": _("Something went wrong at the office. Nothing was lost: try again later."),
        "failed": _("Something went wrong on this device. Nothing that was waiting was lost."),
        "storage_unavailable": _("This browser cannot keep cases on the device (a private window does not allow it)."),
        # Outcomes of sending
        "outcome_what": _("{kind} in “{case}”"),
        "kind_note": _("Note"),
        "kind_step_status": _("Status of a step"),
        "kind_evaluation": _("Evaluation"),
        "kind_photo": _("Photo"),
        "conflict": _("someone changed this at the office in the meantime. Both versions are kept."),
        "conflict_link": _("Compare the two versions and choose"),
        "refused": _("not saved at the office: {message}"),
        "not_sent": _("could not be sent: {message}. It is still waiting on this device."),
        # A case
        "back": _("Back to the cases on this device"),
        "case_missing": _("This case is not on this device"),
        "contact": _("Name and contact"),
        "name": _("Name"),
        "birth_date": _("Date of birth"),
        "phone": _("Phone"),
        "email": _("Email"),
        "address": _("Address"),
        "goals": _("Goals"),
        "no_goals": _("No goals yet."),
        "own_words": _("In the person’s own words"),
        "formulation": _("As written in the plan"),
        "goal_untitled": _("Goal without words"),
        "status": _("Status"),
        "steps": _("Steps"),
        "no_steps": _("No steps yet."),
        "step_untitled": _("Step without a description"),
        "goal": _("Goal"),
        "who": _("Who"),
        "due": _("Due"),
        "pictures": _("Pictures"),
        "picture": _("Picture"),
        "attachment_online_only": _("{description} (only online: not taken along)"),
        "change_status": _("Change the status"),
        "save_status": _("Save the status"),
        "status_unchanged": _("Choose a different status"),
        "take_photo": _("Take a photo for this step"),
        "photo": _("Photo"),
        "photo_description": _("What the photo shows"),
        "photo_description_hint": _("A few words for someone who cannot see the photo."),
        "photo_missing": _("Take or choose a photo"),
        "photo_description_missing": _("Say what the photo shows"),
        "photo_unreadable": _("This photo cannot be read. Take it again."),
        "save_photo": _("Save the photo"),
        "photos_not_allowed": _("No photos: the person has not agreed to photos."),
        "agreement": _("Agreement"),
        "no_agreement": _("No agreement yet."),
        "agreed_on": _("Agreed on {date}"),
        "evaluation": _("Evaluation"),
        "evaluation_planned": _("Evaluation planned on {date}"),
        "goal_reached": _("How far was this goal reached: {goal}"),
        "comment_optional": _("Comment (optional)"),
        "citizen_words": _("What the person says, in their own words"),
        "citizen_words_hint": _("Write down what the person says, as they say it."),
        "evaluation_missing": _("Choose how far at least one goal was reached"),
        "save_evaluation": _("Save the evaluation"),
        "notes": _("Last notes"),
        "no_notes": _("No notes yet."),
        "write_note": _("Write a note"),
        "note": _("Note"),
        "note_goal": _("About which goal (optional)"),
        "note_step": _("About which step (optional)"),
        "no_goal": _("No goal"),
        "no_step": _("No step"),
        "note_missing": _("Write the note"),
        "save_note": _("Save the note"),
        "assessment": _("Latest assessment"),
        "no_assessment": _("No assessment yet."),
        "assessed_on": _("Assessed on {date}"),
        "score": _("Score: {score}"),
        "error": _("Error"),
    }
