"""The FHIR R4 server at /fhir/r4/ and `carepath fhir export|import` (docs/fhir.md)."""
