"""Property-based: random JSON shapes never escape as anything but PriorauthError (bounded run)."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import priorauth
from priorauth.errors import PriorauthError

TYPES = [
    "Patient",
    "Condition",
    "Observation",
    "MedicationRequest",
    "MedicationAdministration",
    "MedicationStatement",
    "Coverage",
    "Organization",
    "ClaimResponse",
    "Claim",
    "Procedure",
    "DiagnosticReport",
    "PractitionerRole",
    "Bundle",
    "DocumentReference",
]
KEYS = [
    "resourceType",
    "id",
    "code",
    "coding",
    "system",
    "display",
    "text",
    "valueString",
    "valueQuantity",
    "value",
    "valueCodeableConcept",
    "component",
    "subject",
    "reference",
    "status",
    "birthDate",
    "effectiveDateTime",
    "authoredOn",
    "dosageInstruction",
    "doseAndRate",
    "doseQuantity",
    "timing",
    "repeat",
    "stage",
    "summary",
    "entry",
    "resource",
    "fullUrl",
    "referenceRange",
    "high",
    "payor",
    "outcome",
    "preAuthRef",
    "request",
    "item",
    "productOrService",
    "specimen",
    "medicationCodeableConcept",
    "deceasedDateTime",
    "note",
    "specialty",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.sampled_from(TYPES),
    st.sampled_from(
        ["2025-01-01", "C34.11", "1742-6", "LA9633-4", "active", "Patient/p", "G12C", "320 mg", "urn:uuid:1"]
    ),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS), inner, max_size=6)),
    max_leaves=30,
)
resource = st.fixed_dictionaries(
    {"resourceType": st.sampled_from(TYPES)}, optional={k: json_values for k in KEYS[1:20]}
)
charts = st.one_of(
    json_values,
    st.lists(resource, max_size=8),
    st.builds(
        lambda rs: {"resourceType": "Bundle", "entry": [{"resource": r} for r in rs]}, st.lists(resource, max_size=8)
    ),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(charts)
def test_in_memory_input_only_raises_our_error(chart: object) -> None:
    try:
        doc = priorauth.check(chart, as_of="2026-11-20")  # type: ignore[arg-type]
    except PriorauthError as exc:
        assert exc.code and "\n" not in exc.message
    else:
        assert doc["schema_version"] == "1"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(charts.map(lambda v: json.dumps(v).encode()), st.binary(max_size=64)))
def test_files_only_raise_our_error(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "chart.json"
    path.write_bytes(raw)
    try:
        priorauth.check(str(path), as_of="2026-11-20")
    except PriorauthError as exc:
        assert exc.code and "\n" not in exc.message
