"""What the meeting form posts, as a browser sends it."""

from typing import Any


def meeting_post(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": "Network meeting about school",
        "day": "2031-03-04",
        "starts": "14:00",
        "ends": "15:30",
        "place": "Escola Básica",
        "agenda": "The mornings",
        "citizen_takes_part": "on",
        "family": "Ana Silva, mother\nJoão Silva, father",
        "decisions": "The school calls the mother first\nWe meet again in a month",
        "strategy": "One plan for the mornings",
        "minutes": "The parents told how the mornings go.",
        "status": "held",
        "restriction_reason": "",
        "seen_version": "0",
        "actions-TOTAL_FORMS": "2",
        "actions-INITIAL_FORMS": "0",
        "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "20",
    }
    data.update(overrides)
    return data


def action(n: int, *, what: str, goal: int, due_on: str = "2031-03-20", owner_name: str = "", owner: str = "") -> dict:
    return {
        f"actions-{n}-what": what,
        f"actions-{n}-goal": str(goal),
        f"actions-{n}-due_on": due_on,
        f"actions-{n}-owner_name": owner_name,
        f"actions-{n}-owner": owner,
    }
