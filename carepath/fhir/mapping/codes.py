"""The code systems, identifiers and extensions of the FHIR mapping (docs/fhir.md lists each code).

Carepath's own vocabularies are named under CANONICAL, a placeholder domain (RFC 2606) to be
replaced by the project's own when it publishes its CodeSystem resources; standard vocabularies by
their HL7 URLs. A code is the value stored in the database, so it never changes with a translation.
"""

CANONICAL = "https://carepath.example/fhir"


def _system(name: str) -> str:
    return f"{CANONICAL}/CodeSystem/{name}"


# Carepath's own code systems: the codes are the choices of the models named beside them.
LIFE_DOMAIN = _system("life-domain")  # core.choices.LifeDomain
GOAL_PROPOSED_BY = _system("goal-proposed-by")  # goals.Goal.ProposedBy
FUNCTIONAL_DIMENSION = _system("functional-dimension")  # physical, communication, social
FUNCTIONAL_LEVEL = _system("functional-level")  # core.choices.FunctionalLevel, 0-4 (ICF qualifier)
CONSENT_SCOPE = _system("consent-scope")  # consents.Consent.Scope
CONSENT_METHOD = _system("consent-method")  # consents.Consent.Method
REFERRAL_STATUS = _system("referral-status")  # referrals.Referral.Status
SERVICE = _system("service")  # organisations.Service, by number
ATTAINMENT_LEVEL = _system("attainment-level")  # evaluations.GoalAttainment.Level
FACES_SCALE = _system("faces-scale")  # evaluations.EvaluationMoment.Scale, 1-5
CARE_TEAM_ROLE = _system("care-team-role")  # case-manager

# Identifiers: the record's number in Carepath.
PERSON_IDENTIFIER = f"{CANONICAL}/NamingSystem/person"
CASE_IDENTIFIER = f"{CANONICAL}/NamingSystem/case"

EVALUATION_QUESTIONNAIRE = f"{CANONICAL}/Questionnaire/evaluation-moment"

# Standard vocabularies.
GOAL_ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
CONSENT_SCOPE_HL7 = "http://terminology.hl7.org/CodeSystem/consentscope"
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
BCP47 = "urn:ietf:bcp:47"


def extension_url(name: str) -> str:
    """Where a Carepath extension is defined: what FHIR has no element for."""
    return f"{CANONICAL}/StructureDefinition/{name}"


GOAL_PROPOSED_BY_EXTENSION = extension_url("goal-proposed-by")  # valueCode
CONSENT_RELATION = extension_url("consent-relation")  # valueString
CONSENT_METHOD_EXTENSION = extension_url("consent-method")  # valueCode
CONSENT_SCOPE_DETAILS = extension_url("consent-scope-details")  # valueString
CONSENT_WITHDRAWAL_REASON = extension_url("consent-withdrawal-reason")  # valueString
REFERRAL_STATUS_EXTENSION = extension_url("referral-status")  # valueCode
