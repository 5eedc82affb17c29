"""Read one patient's chart from a FHIR R4 server into the same :class:`LoadedChart` a file gives.

The plan, in order:
1. ``metadata``: which types the server has, and whether it offers ``Patient/$everything``.
2. ``Patient/<id>`` (a 404 is "no such patient"; 401/403 is a refusal: both fail the command).
3. ``Patient/$everything`` (``_type`` limited to what the evaluator reads) when offered; else, or if it
   fails, one US Core search per type (``patient=<id>``) with ``_include`` of the referenced Medication,
   requester and payer; pages are followed by ``Bundle.link[next]`` up to a page cap.
4. What those name but did not bring, read by id in batches (``_id=a,b,...``): Medication, Practitioner,
   Organization, Claim (of a ClaimResponse); the prescriber's PractitionerRole (outside the patient
   compartment) searched by ``practitioner``; Binary attachments by url, size-capped.

Searches run a few at a time (``Limits.concurrency``). A type that cannot be read in full becomes a
warning naming it and an entry in ``LoadedChart.unread``: criteria resting on it say ``insufficient``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from priorauth.chart.load import LoadedChart, Resource
from priorauth.ehr.http import FhirHttp, ReadFailed
from priorauth.errors import Code, fail

# Patient-compartment types the evaluator reads, with the search parameter naming the patient
# (US Core: `patient` everywhere; Coverage: `beneficiary`) and what to _include on the way.
SEARCHES: dict[str, tuple[str, tuple[str, ...]]] = {
    "Condition": ("patient", ()),
    "Observation": ("patient", ()),
    "DiagnosticReport": ("patient", ()),
    "DocumentReference": ("patient", ()),
    "MedicationRequest": ("patient", ("MedicationRequest:medication", "MedicationRequest:requester")),
    "MedicationStatement": ("patient", ("MedicationStatement:medication",)),
    "MedicationAdministration": ("patient", ("MedicationAdministration:medication",)),
    "MedicationDispense": ("patient", ("MedicationDispense:medication",)),
    "ServiceRequest": ("patient", ()),
    "Procedure": ("patient", ()),
    "Specimen": ("patient", ()),
    "Coverage": ("beneficiary", ("Coverage:payor",)),
    "Claim": ("patient", ()),
    "ClaimResponse": ("patient", ("ClaimResponse:request",)),
    "ExplanationOfBenefit": ("patient", ()),
}
# Read by id when referenced and not already read.
REFERENCED = ("Medication", "Practitioner", "PractitionerRole", "Organization", "Claim")
EVERYTHING_TYPES = ("Patient", *SEARCHES, "Medication", "Practitioner", "PractitionerRole", "Organization")
ID_BATCH = 50


@dataclass
class ReadStats:
    requests: int = 0
    bytes: int = 0
    everything: bool = False
    pages: dict[str, int] = field(default_factory=dict)


class FhirSource:
    """One patient's read. ``read()`` returns the chart; ``stats`` says what it cost."""

    def __init__(self, http: FhirHttp, patient_id: str, use_everything: bool = True) -> None:
        self.http = http
        self.use_everything = use_everything  # False: US Core searches even where $everything is offered
        self.patient_id = patient_id.removeprefix("Patient/").strip()
        if not self.patient_id or "/" in self.patient_id or "?" in self.patient_id:
            raise fail(Code.BAD_ARGUMENT, f"--patient {patient_id!r} is not a FHIR id")
        self.stats = ReadStats()
        self._seen: dict[str, dict[str, Any]] = {}  # Type/id -> resource (first wins, like the file loader)
        self._warnings: list[str] = []
        self._unread: dict[str, str] = {}

    # -- the plan -------------------------------------------------------------------------------
    def read(self) -> LoadedChart:
        caps = self._capabilities()
        self._patient()
        types = [t for t in SEARCHES if caps.supports(t)]
        if caps.everything and self.use_everything and self._everything():
            self.stats.everything = True
        else:
            self._parallel(self._search, types)
        self._follow_references(caps)
        self._binaries()
        self.stats.requests, self.stats.bytes = self.http.requests, self.http.bytes
        loaded = LoadedChart([Resource(r) for r in self._seen.values()], self._warnings, self._unread)
        return loaded

    def _capabilities(self) -> _Capabilities:
        try:
            doc = self.http.get_json("metadata")
        except ReadFailed as exc:
            if exc.status in (401, 403):
                raise fail(Code.EHR_REFUSED, f"the FHIR server refused to give its metadata ({exc.reason})") from None
            raise fail(
                Code.EHR_ERROR, f"{self.http.base} did not answer as a FHIR server: metadata: {exc.reason}"
            ) from None
        if doc.get("resourceType") != "CapabilityStatement":
            raise fail(Code.EHR_ERROR, f"{self.http.base}metadata is not a CapabilityStatement")
        if not str(doc.get("fhirVersion") or "4.0").startswith("4."):
            raise fail(Code.EHR_ERROR, f"the FHIR server speaks FHIR {doc.get('fhirVersion')}, not R4")
        return _Capabilities(doc)

    def _patient(self) -> None:
        try:
            patient = self.http.get_json(f"Patient/{self.patient_id}")
        except ReadFailed as exc:
            if exc.status in (404, 410):
                raise fail(Code.UNKNOWN_PATIENT, f"no patient {self.patient_id!r} on {self.http.base}") from None
            if exc.status in (401, 403):
                raise fail(
                    Code.EHR_REFUSED, f"the FHIR server refused to read Patient/{self.patient_id} ({exc.reason})"
                ) from None
            raise fail(Code.EHR_ERROR, f"cannot read Patient/{self.patient_id} ({exc.reason})") from None
        if patient.get("resourceType") != "Patient":
            raise fail(Code.EHR_ERROR, f"Patient/{self.patient_id} answered with a {patient.get('resourceType')}")
        self._add(patient)

    def _everything(self) -> bool:
        params = {"_count": str(self.http.limits.page_size), "_type": ",".join(EVERYTHING_TYPES)}
        try:
            for bundle in self._pages(f"Patient/{self.patient_id}/$everything", params, "$everything"):
                self._add_bundle(bundle)
        except ReadFailed as exc:
            self._warnings.append(f"Patient/$everything failed ({exc.reason}); read type by type instead")
            return False
        except _PageCap as cap:
            self._warnings.append(f"Patient/$everything stopped after {cap.pages} pages; read type by type instead")
            return False
        return True

    def _search(self, rtype: str) -> None:
        param, includes = SEARCHES[rtype]
        params: dict[str, Any] = {param: self.patient_id, "_count": str(self.http.limits.page_size)}
        if includes:
            params["_include"] = list(includes)
        self._read_pages(rtype, params, "; the rest was not read")

    def _follow_references(self, caps: _Capabilities) -> None:
        # the prescriber's PractitionerRole: outside the patient compartment, found by the requester
        practitioners = sorted(
            {ref for r in self._of("MedicationRequest") for ref in _refs(r.get("requester"), "Practitioner")}
        )
        if practitioners and caps.supports("PractitionerRole"):
            self._batched("PractitionerRole", "practitioner", practitioners)
        for _ in range(2):  # a ClaimResponse names its Claim, which names its insurer: two rounds suffice
            wanted: dict[str, set[str]] = {t: set() for t in REFERENCED}
            for res in list(self._seen.values()):
                for ref in _references(res):
                    rtype, _, rid = ref.partition("/")
                    if rtype in wanted and rid and ref not in self._seen:
                        wanted[rtype].add(rid)
            todo = [(t, sorted(ids)) for t, ids in wanted.items() if ids and caps.supports(t)]
            if not todo:
                return
            self._parallel(lambda job: self._batched(job[0], "_id", job[1]), todo)

    def _batched(self, rtype: str, param: str, values: list[str]) -> None:
        for i in range(0, len(values), ID_BATCH):
            params = {param: ",".join(values[i : i + ID_BATCH]), "_count": str(self.http.limits.page_size)}
            self._read_pages(rtype, params)

    def _read_pages(self, rtype: str, params: dict[str, Any], after_cap: str = "") -> None:
        """Every page of one search of ``rtype`` into the chart; a failure or the page cap marks the type
        unread (criteria resting on it become insufficient)."""
        try:
            for bundle in self._pages(rtype, params, rtype):
                self._add_bundle(bundle)
        except ReadFailed as exc:
            self._mark_unread(rtype, exc.reason)
        except _PageCap as cap:
            self._mark_unread(rtype, f"stopped after {cap.pages} pages, the page cap{after_cap}")

    def _binaries(self) -> None:
        urls: list[tuple[str, str]] = []  # (Binary/id, the resource citing it)
        for rtype in ("DocumentReference", "DiagnosticReport"):
            for res in self._of(rtype):
                atts = [c.get("attachment") for c in _dicts(res.get("content"))] + list(
                    _dicts(res.get("presentedForm"))
                )
                for att in _dicts(atts):
                    url = att.get("url")
                    if isinstance(url, str) and url and not isinstance(att.get("data"), str):
                        ref = self._local_binary(url)
                        if ref and ref not in self._seen:
                            urls.append((ref, f"{rtype}/{res.get('id')}"))
        self._parallel(self._binary, sorted(set(urls)))

    def _binary(self, job: tuple[str, str]) -> None:
        ref, owner = job
        try:  # as JSON (a Binary resource, base64 data): a cap on the JSON covers the base64 overhead
            doc = self.http.get_json(ref, cap=self.http.limits.max_binary_bytes * 4 // 3 + 4096)
        except ReadFailed as exc:
            self._warnings.append(f"{owner}: attachment {ref} not read ({exc.reason})")
            self._unread.setdefault("Binary", exc.reason)
            return
        if doc.get("resourceType") == "Binary":
            self._add(doc)
        else:
            self._warnings.append(f"{owner}: attachment {ref} is not a FHIR Binary, skipped")

    # -- plumbing -------------------------------------------------------------------------------
    def _pages(self, path: str, params: dict[str, Any], label: str) -> Iterator[dict[str, Any]]:
        url: str | None = path
        pages = 0
        while url:
            if pages >= self.http.limits.max_pages:
                raise _PageCap(pages)
            bundle = self.http.get_json(url, params if pages == 0 else None)
            pages += 1
            if bundle.get("resourceType") != "Bundle":
                raise ReadFailed(f"a search answered with a {bundle.get('resourceType')}, not a Bundle")
            yield bundle
            url = _next_link(bundle)
            if url and not self.http.same_server(self.http.url(url)):
                raise ReadFailed("the next page is on another server, not followed")
        self.stats.pages[label] = self.stats.pages.get(label, 0) + pages

    def _add_bundle(self, bundle: dict[str, Any]) -> None:
        for entry in _dicts(bundle.get("entry")):
            res = entry.get("resource")
            if isinstance(res, dict) and res.get("resourceType") not in (None, "OperationOutcome"):
                self._add(res)

    def _add(self, res: dict[str, Any]) -> None:
        rtype, rid = res.get("resourceType"), res.get("id")
        if isinstance(rtype, str) and isinstance(rid, str) and rid:
            self._seen.setdefault(f"{rtype}/{rid}", res)

    def _of(self, rtype: str) -> list[dict[str, Any]]:
        return [r for r in list(self._seen.values()) if r.get("resourceType") == rtype]

    def _mark_unread(self, rtype: str, reason: str) -> None:
        if rtype not in self._unread:
            self._unread[rtype] = reason
            self._warnings.append(
                f"{rtype} could not be read from the EHR ({reason}): criteria that need it are insufficient"
            )

    def _parallel(self, fn: Any, jobs: Iterable[Any]) -> None:
        jobs = list(jobs)
        if len(jobs) <= 1 or self.http.limits.concurrency <= 1:
            for job in jobs:
                fn(job)
            return
        with ThreadPoolExecutor(max_workers=self.http.limits.concurrency) as pool:
            for fut in [pool.submit(fn, job) for job in jobs]:
                fut.result()  # a PriorauthError (e.g. unreachable) surfaces here

    def _local_binary(self, url: str) -> str | None:
        """``Binary/<id>`` for an attachment url on this server (relative, or absolute on its base)."""
        full = self.http.url(url)
        if not self.http.same_server(full) or not full.startswith(self.http.base):
            return None
        rest = full[len(self.http.base) :].split("?")[0].split("/_history/")[0]
        parts = rest.split("/")
        return f"Binary/{parts[1]}" if len(parts) == 2 and parts[0] == "Binary" and parts[1] else None


class _PageCap(Exception):
    def __init__(self, pages: int) -> None:
        super().__init__(pages)
        self.pages = pages


class _Capabilities:
    def __init__(self, doc: dict[str, Any]) -> None:
        self.types: set[str] = set()
        self.everything = False
        declared = False
        for rest in _dicts(doc.get("rest")):
            if rest.get("mode") not in (None, "server"):
                continue
            for res in _dicts(rest.get("resource")):
                declared = True
                if isinstance(res.get("type"), str):
                    self.types.add(res["type"])
                if res.get("type") == "Patient":
                    ops = {str(o.get("name", "")).lstrip("$") for o in _dicts(res.get("operation"))}
                    self.everything = "everything" in ops
        self._all = not declared  # a CapabilityStatement listing no types: try them all

    def supports(self, rtype: str) -> bool:
        return self._all or rtype in self.types


def _next_link(bundle: dict[str, Any]) -> str | None:
    for link in _dicts(bundle.get("link")):
        if link.get("relation") == "next" and isinstance(link.get("url"), str) and link["url"]:
            return link["url"]
    return None


def _dicts(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        yield from (v for v in value if isinstance(v, dict))


def _refs(value: Any, rtype: str) -> Iterator[str]:
    for ref in _references({"x": value}):
        if ref.startswith(f"{rtype}/"):
            yield ref.split("/", 1)[1]


def _references(node: Any) -> Iterator[str]:
    """Every literal ``Type/id`` reference inside a resource (absolute ones reduced to their last two parts)."""
    if isinstance(node, dict):
        ref = node.get("reference")
        if isinstance(ref, str) and ref and not ref.startswith(("#", "urn:")) and "?" not in ref:
            parts = ref.split("/_history/")[0].rstrip("/").split("/")
            if len(parts) >= 2:
                yield f"{parts[-2]}/{parts[-1]}"
        for value in node.values():
            if isinstance(value, dict | list):
                yield from _references(value)
    elif isinstance(node, list):
        for item in node:
            yield from _references(item)
