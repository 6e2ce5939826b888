"""The person a case is about."""

import datetime

from ninja import Schema


class HouseholdRef(Schema):
    id: int
    name: str


class Person(Schema):
    id: int
    version: int
    given_name: str
    family_name: str
    birth_date: datetime.date | None
    address: str
    phone: str
    email: str
    preferred_language: str
    household: HouseholdRef | None
    household_role: str
