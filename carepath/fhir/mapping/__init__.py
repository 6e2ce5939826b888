"""Carepath records as FHIR R4 resources (built with the fhir.resources R4B models), one module per
resource, each with its way back where `carepath fhir import` reads it. docs/fhir.md is the table."""
