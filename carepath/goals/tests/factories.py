"""Test data for goals: more cases of the same worker, to share group goals with."""

from carepath.testing.factories import CaseFactory


def case_of(worker, **kwargs):
    """Another open case managed by `worker`."""
    return CaseFactory(signal__received_by=worker, **kwargs)
