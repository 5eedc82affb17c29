"""The chart of one patient: resources indexed by reference, with patient selection."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from priorauth.chart.load import LoadedChart, Resource
from priorauth.errors import Code, fail

# Elements that tie a resource to a patient, by resource type (first match wins).
PATIENT_LINKS = ("subject", "patient", "beneficiary")
# Conditions with these verification statuses are ignored everywhere, like entered-in-error resources.
VOID_VERIFICATION = frozenset({"refuted", "entered-in-error"})


def ignored(data: dict[str, Any]) -> bool:
    """Ignored everywhere (the contract): a resource whose ``status`` (or a DocumentReference's
    ``docStatus``) is ``entered-in-error``, and a Condition whose verificationStatus is ``refuted`` or
    ``entered-in-error``."""
    for key in ("status", "docStatus"):
        value = data.get(key)
        if isinstance(value, str) and value.strip().lower() == "entered-in-error":
            return True
    if data.get("resourceType") == "Condition":
        ver = data.get("verificationStatus")
        codings = ver.get("coding") if isinstance(ver, dict) else None
        for c in codings if isinstance(codings, list) else []:
            if isinstance(c, dict) and str(c.get("code", "")).strip().lower() in VOID_VERIFICATION:
                return True
    return False


class Chart:
    """Resources of one patient plus the shared ones (practitioners, organizations, medications).
    Resources the contract says to ignore (:func:`ignored`) are left out of every view: ``resources``,
    ``of_type`` and ``resolve``; ``voided`` keeps their references (for a count, never for evidence)."""

    def __init__(self, loaded: LoadedChart, patient: Resource) -> None:
        self.patient = patient
        self.warnings = list(loaded.warnings)
        self.voided: list[str] = []
        self.unread = dict(loaded.unread)  # resource types the source could not read in full
        self._index: dict[str, Resource] = {}
        kept = []
        for r in loaded.resources:
            if r is not patient and ignored(r.data):
                self.voided.append(r.ref)
                continue
            kept.append(r)
            for key in _keys(r):
                self._index.setdefault(key, r)
        aliases = set(_keys(patient))
        self.resources: list[Resource] = []
        self._by_type: dict[str, list[Resource]] = defaultdict(list)
        for r in kept:
            owner = _patient_ref(r.data)
            if owner is not None and _norm_ref(owner) not in aliases:
                continue  # another patient's record
            self.resources.append(r)
            self._by_type[r.type].append(r)

    def of_type(self, *types: str) -> Iterator[Resource]:
        for t in types:
            yield from self._by_type.get(t, ())

    def resolve(self, reference: Any) -> Resource | None:
        """A Reference (object or string) to the resource it names, or None."""
        ref = reference.get("reference") if isinstance(reference, dict) else reference
        if not isinstance(ref, str) or not ref:
            return None
        return self._index.get(_norm_ref(ref))

    def __contains__(self, ref: str) -> bool:
        return ref in self._index


def select_patient(loaded: LoadedChart, patient_id: str | None) -> Chart:
    """Pick the one Patient to evaluate, per the contract's rules."""
    patients = [r for r in loaded.resources if r.type == "Patient"]
    if not patients:
        raise fail(Code.NO_PATIENT, "the chart has no Patient resource")
    if patient_id is None:
        if len({p.ref for p in patients}) > 1:
            ids = ", ".join(sorted({p.id or p.ref for p in patients})[:20])
            raise fail(
                Code.SEVERAL_PATIENTS, f"the chart has {len(patients)} patients ({ids}): choose one with --patient"
            )
        return Chart(loaded, patients[0])
    wanted = patient_id.removeprefix("Patient/")
    for p in patients:
        if wanted in (p.id, p.full_url) or wanted in _identifier_values(p.data):
            return Chart(loaded, p)
    raise fail(Code.UNKNOWN_PATIENT, f"no patient {patient_id!r} in the chart")


def normalize_reference(ref: str) -> str:
    """The key a reference resolves by (``Type/id``, or a ``urn:``), as :meth:`Chart.resolve` uses it."""
    return _norm_ref(ref)


def patient_reference(data: dict[str, Any]) -> str | None:
    """The Patient reference that ties a resource to a patient (``subject``, ``patient``, ``beneficiary``)."""
    return _patient_ref(data)


def _keys(r: Resource) -> list[str]:
    keys = []
    if r.id:
        keys.append(f"{r.type}/{r.id}")
    if r.full_url:
        keys.append(_norm_ref(r.full_url))
    return keys


def _norm_ref(ref: str) -> str:
    """``http://x/fhir/Patient/1/_history/2`` and ``Patient/1`` name the same thing; urn:uuid stays."""
    if ref.startswith("urn:"):
        return ref
    ref = ref.split("/_history/")[0]
    parts = ref.rstrip("/").split("/")
    return "/".join(parts[-2:]) if len(parts) >= 2 else ref


def _patient_ref(data: dict[str, Any]) -> str | None:
    for key in PATIENT_LINKS:
        link = data.get(key)
        if isinstance(link, dict) and isinstance(link.get("reference"), str):
            ref = link["reference"]
            if ref.startswith(("Patient/", "urn:")) or "/Patient/" in ref:
                return ref
    return None


def _identifier_values(data: dict[str, Any]) -> set[str]:
    ids = data.get("identifier")
    return (
        {i["value"] for i in ids if isinstance(i, dict) and isinstance(i.get("value"), str)}
        if isinstance(ids, list)
        else set()
    )
