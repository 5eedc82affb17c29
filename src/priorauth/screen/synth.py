"""A deterministic synthetic population in the Bulk Data layout (``<Type>.<nnn>.ndjson[.gz]``), for
screening tests and scale runs. Entirely made up: no real person, no real record.

The mix (per 1,000 patients, roughly): 40 KRAS G12C NSCLC at various PA stages (ready, KRAS missing,
no order yet, stage I only, renewal), 20 other lung cancers (KRAS G12C not detected, small cell),
20 colorectal cancers, and 920 without cancer (hypertension, diabetes, visits, vitals). A fifth of the
cancer patients have one or two short notes (DocumentReference, base64 text/plain).
"""

from __future__ import annotations

import base64
import gzip
import random
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import IO, Any

import orjson

LINES_PER_FILE = 100_000
ANCHOR = date(2026, 11, 1)  # charts are dated up to about this day
KINDS = [  # (kind, weight per 1,000)
    ("nsclc_ready", 12),
    ("nsclc_missing_kras", 8),
    ("nsclc_no_order", 8),
    ("nsclc_early_stage", 6),
    ("nsclc_renewal", 6),
    ("lung_kras_negative", 12),
    ("lung_small_cell", 8),
    ("colorectal", 20),
    ("no_cancer", 920),
]
PAYERS = ["Aetna", "UnitedHealthcare", "Cigna", "Humana", "Kaiser Permanente"]
ICD, SCT, LOINC, RXN = (
    "http://hl7.org/fhir/sid/icd-10-cm",
    "http://snomed.info/sct",
    "http://loinc.org",
    "http://www.nlm.nih.gov/research/umls/rxnorm",
)
NOTE_SHARE = 0.2
OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
UCUM = "http://unitsofmeasure.org"
US_CORE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-"
VITALS = [
    ("8480-6", "Systolic blood pressure", "mm[Hg]", 100, 160),
    ("8462-4", "Diastolic blood pressure", "mm[Hg]", 60, 100),
    ("8867-4", "Heart rate", "/min", 55, 110),
    ("29463-7", "Body weight", "kg", 45, 130),
    ("39156-5", "Body mass index (BMI) [Ratio]", "kg/m2", 18, 40),
    ("2339-0", "Glucose [Mass/volume] in Blood", "mg/dL", 70, 180),
]


class _Files:
    """One writer per resource type, rolling over to a new numbered file every LINES_PER_FILE lines."""

    def __init__(self, folder: Path, gz: bool) -> None:
        self.folder, self.gz = folder, gz
        self.open: dict[str, tuple[IO[bytes], int, int]] = {}
        self.counts: Counter[str] = Counter()

    def write(self, res: dict[str, Any]) -> None:
        t = res["resourceType"]
        f, n, part = self.open.get(t) or (self._new(t, 0), 0, 0)
        if n >= LINES_PER_FILE:
            f.close()
            f, n, part = self._new(t, part + 1), 0, part + 1
        f.write(orjson.dumps(res) + b"\n")
        self.open[t] = (f, n + 1, part)
        self.counts[t] += 1

    def _new(self, t: str, part: int) -> IO[bytes]:
        name = self.folder / f"{t}.{part:03d}.ndjson{'.gz' if self.gz else ''}"
        return gzip.open(name, "wb", compresslevel=1) if self.gz else open(name, "wb", buffering=1 << 20)

    def close(self) -> None:
        for f, _, _ in self.open.values():
            f.close()


def write_export(
    out: str | Path, patients: int, seed: int = 1, gz: bool = False, cancer_share: float | None = None
) -> dict[str, int]:
    """Write ``patients`` patients to ``out``; returns how many of each kind were written.
    ``cancer_share`` (0-1) scales the cancer kinds to that share of patients (default: the mix above, 8%)."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)  # noqa: S311 (a reproducible synthetic population, not a secret)
    files = _Files(folder, gz)
    doctors = _shared(files, rng, max(4, patients // 250))
    mix: Counter[str] = Counter()
    kinds, weights = zip(*_mix(cancer_share), strict=True)
    try:
        for _ in range(patients):
            kind = rng.choices(kinds, weights)[0]
            mix[kind] += 1
            _Patient(rng, files, kind, doctors).write()
    finally:
        files.close()
    return dict(sorted(mix.items()))


def _mix(cancer_share: float | None) -> list[tuple[str, float]]:
    if cancer_share is None:
        return list(KINDS)
    cancers = [(k, w) for k, w in KINDS if k != "no_cancer"]
    total = sum(w for _, w in cancers)
    return [(k, 1000 * cancer_share * w / total) for k, w in cancers] + [("no_cancer", 1000 * (1 - cancer_share))]


def _uuid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _shared(files: _Files, rng: random.Random, n: int) -> list[str]:
    for i, name in enumerate(PAYERS):
        files.write({"resourceType": "Organization", "id": f"payer-{i}", "name": name})
    doctors = []
    for i in range(n):
        pid, oncology = f"dr-{i}", i % 2 == 0
        files.write({"resourceType": "Practitioner", "id": pid, "name": [{"family": f"Doctor{i}", "given": ["Sam"]}]})
        code = ("207RX0202X", "Medical Oncology") if oncology else ("207Q00000X", "Family Medicine")
        files.write(
            {
                "resourceType": "PractitionerRole",
                "id": f"role-{i}",
                "practitioner": {"reference": f"Practitioner/{pid}"},
                "specialty": [
                    {"coding": [{"system": "http://nucc.org/provider-taxonomy", "code": code[0], "display": code[1]}]}
                ],
            }
        )
        doctors.append(pid)
    return doctors


class _Patient:
    def __init__(self, rng: random.Random, files: _Files, kind: str, doctors: list[str]) -> None:
        self.rng, self.files, self.kind, self.doctors = rng, files, kind, doctors
        self.id = _uuid(rng)
        self.subject = {"reference": f"Patient/{self.id}"}

    def day(self, lo: int, hi: int) -> str:
        """A date between ``hi`` and ``lo`` days before the anchor."""
        return (ANCHOR - timedelta(days=self.rng.randint(hi, lo))).isoformat()

    def add(self, rtype: str, **fields: Any) -> str:
        """Write one resource with what real exports carry besides the clinical content (profile, identifier)."""
        rid = _uuid(self.rng)
        meta = {"lastUpdated": "2026-11-01T04:00:00Z", "profile": [f"{US_CORE}{rtype.lower()}"]}
        ident = [{"system": "urn:oid:2.16.840.1.113883.3.9999.1", "value": rid.replace("-", "")[:20]}]
        self.files.write({"resourceType": rtype, "id": rid, "meta": meta, "identifier": ident, **fields})
        return rid

    def write(self) -> None:
        r = self.rng
        birth = (ANCHOR - timedelta(days=365 * r.randint(35, 88) + r.randint(0, 364))).isoformat()
        self.files.write(
            {
                "resourceType": "Patient",
                "id": self.id,
                "name": [{"family": f"Synth{r.randint(1, 9999)}", "given": [r.choice(["Alex", "Jo", "Kim", "Lee"])]}],
                "gender": r.choice(["female", "male"]),
                "birthDate": birth,
            }
        )
        payer = r.randrange(len(PAYERS))
        self.coverage = payer
        self.add(
            "Coverage",
            status="active",
            beneficiary=self.subject,
            payor=[{"reference": f"Organization/payer-{payer}"}],
            subscriberId=f"M{r.randint(100000, 999999)}",
        )
        self._background()
        if self.kind != "no_cancer":
            getattr(self, "_" + ("nsclc" if self.kind.startswith("nsclc") else self.kind))()
            if r.random() < NOTE_SHARE:
                self._notes()

    def _background(self) -> None:
        """A primary-care history: visits, each with a few vital signs and labs; conditions, vaccines."""
        r = self.rng
        for _ in range(r.randint(3, 25)):
            self._visit(self.day(2500, 5))
        conditions = [
            ("I10", "Essential hypertension"),
            ("E11.9", "Type 2 diabetes mellitus"),
            ("J45.909", "Asthma"),
            ("E78.5", "Hyperlipidemia"),
        ]
        for code, text in r.sample(conditions, r.randint(0, 2)):
            self.add(
                "Condition",
                subject=self.subject,
                code={"coding": [{"system": ICD, "code": code, "display": text}]},
                clinicalStatus={"coding": [{"code": "active"}]},
                onsetDateTime=self.day(3000, 100),
            )
        for _ in range(r.randint(0, 6)):
            self.add(
                "Immunization",
                status="completed",
                patient=self.subject,
                occurrenceDateTime=self.day(2500, 5),
                vaccineCode={
                    "coding": [{"system": "http://hl7.org/fhir/sid/cvx", "code": "140", "display": "Influenza"}]
                },
            )
        if r.random() < 0.4:
            self.add(
                "MedicationRequest",
                status="active",
                intent="order",
                subject=self.subject,
                medicationCodeableConcept={
                    "coding": [{"system": RXN, "code": "314076", "display": "lisinopril 10 MG Oral Tablet"}]
                },
                authoredOn=self.day(900, 30),
            )

    def _visit(self, when: str) -> None:
        r = self.rng
        enc = self.add(
            "Encounter",
            status="finished",
            subject=self.subject,
            period={"start": when, "end": when},
            **{"class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB"}},
            type=[{"coding": [{"system": SCT, "code": "185349003", "display": "Encounter for check up"}]}],
            participant=[{"individual": {"reference": f"Practitioner/{r.choice(self.doctors)}"}}],
            serviceProvider={"display": "Synthetic Community Clinic"},
        )
        category = [{"coding": [{"system": OBS_CATEGORY, "code": "vital-signs", "display": "Vital signs"}]}]
        for code, text, unit, lo, hi in r.sample(VITALS, r.randint(1, 5)):
            self.add(
                "Observation",
                status="final",
                subject=self.subject,
                encounter={"reference": f"Encounter/{enc}"},
                category=category,
                code={"coding": [{"system": LOINC, "code": code, "display": text}], "text": text},
                effectiveDateTime=when,
                issued=f"{when}T10:00:00Z",
                valueQuantity={"value": r.randint(lo, hi), "unit": unit, "system": UCUM, "code": unit},
            )

    def _cancer(self, icd: str, display: str, stage: str, onset: str) -> None:
        self.add(
            "Condition",
            subject=self.subject,
            onsetDateTime=onset,
            code={"coding": [{"system": ICD, "code": icd, "display": display}]},
            clinicalStatus={"coding": [{"code": "active"}]},
            stage=[{"summary": {"text": stage}}],
        )

    def _kras(self, when: str, detected: bool) -> None:
        value = {"text": "p.Gly12Cys"} if detected else {"text": "not detected"}
        self.add(
            "Observation",
            status="final",
            subject=self.subject,
            effectiveDateTime=when,
            code={"coding": [{"system": LOINC, "code": "69548-6", "display": "Genetic variant assessment"}]},
            valueCodeableConcept={"coding": [{"system": LOINC, "code": "LA9633-4" if detected else "LA9634-2"}]},
            component=[
                {
                    "code": {"coding": [{"system": LOINC, "code": "48018-6"}]},
                    "valueCodeableConcept": {
                        "coding": [{"system": "http://www.genenames.org/geneId", "code": "HGNC:6407"}]
                    },
                },
                {"code": {"coding": [{"system": LOINC, "code": "48005-3"}]}, "valueCodeableConcept": value},
            ],
            specimen={"display": "FFPE tumor tissue"},
        )

    def _chemo(self, when: str, drugs: list[str]) -> None:
        for text in drugs:
            self.add(
                "MedicationAdministration",
                status="completed",
                subject=self.subject,
                effectiveDateTime=when,
                medicationCodeableConcept={"text": text},
            )

    def _lfts(self, when: str) -> None:
        for code, value, high in (("1742-6", 22, 40), ("1920-8", 25, 40), ("6768-6", 90, 120), ("1975-2", 0.7, 1.2)):
            self.add(
                "Observation",
                status="final",
                subject=self.subject,
                effectiveDateTime=when,
                code={"coding": [{"system": LOINC, "code": code}]},
                valueQuantity={"value": value},
                referenceRange=[{"high": {"value": high}}],
            )

    def _order(self, when: str, status: str = "active") -> str:
        return self.add(
            "MedicationRequest",
            status=status,
            intent="order",
            subject=self.subject,
            authoredOn=when,
            medicationCodeableConcept={"text": "sotorasib 320 mg tablet"},
            requester={"reference": f"Practitioner/{self.rng.choice(self.doctors)}"},
            dosageInstruction=[
                {
                    "timing": {"repeat": {"frequency": 1, "period": 1, "periodUnit": "d"}},
                    "doseAndRate": [{"doseQuantity": {"value": 3, "unit": "tablet"}}],
                }
            ],
        )

    def _nsclc(self) -> None:
        k, onset = self.kind, self.day(900, 300)
        stage = "Stage IB" if k == "nsclc_early_stage" else "Stage IVA"
        self._cancer("C34.11", "Adenocarcinoma of upper lobe, right lung (non-small cell)", stage, onset)
        if k != "nsclc_missing_kras":
            self._kras(self.day(290, 250), True)
        self._chemo(self.day(240, 200), ["carboplatin AUC 5 IV", "pemetrexed 500 mg/m2 IV"])
        self.add(
            "Observation",
            status="final",
            subject=self.subject,
            effectiveDateTime=self.day(120, 60),
            code={"coding": [{"system": LOINC, "code": "97509-4"}]},
            valueCodeableConcept={
                "coding": [{"system": SCT, "code": "271299001", "display": "Patient's condition worsened"}]
            },
        )
        if k == "nsclc_no_order":
            return
        self._lfts(self.day(20, 1) if self.rng.random() < 0.7 else self.day(200, 100))
        if k == "nsclc_renewal":
            self._renewal()
        else:
            self._order(self.day(10, 1))

    def _renewal(self) -> None:
        start = ANCHOR - timedelta(days=self.rng.randint(150, 170))
        order = self._order(start.isoformat())
        claim = self.add(
            "Claim",
            status="active",
            use="preauthorization",
            patient=self.subject,
            insurer={"reference": f"Organization/payer-{self.coverage}"},
            item=[{"sequence": 1, "productOrService": {"text": "LUMAKRAS (sotorasib) 320 mg tablet"}}],
            prescription={"reference": f"MedicationRequest/{order}"},
            created=start.isoformat(),
        )
        self.add(
            "ClaimResponse",
            status="active",
            outcome="complete",
            patient=self.subject,
            request={"reference": f"Claim/{claim}"},
            created=start.isoformat(),
            insurer={"reference": f"Organization/payer-{self.coverage}"},
            preAuthRef=f"PA-{self.rng.randint(10000, 99999)}",
            preAuthPeriod={"start": start.isoformat(), "end": (start + timedelta(days=182)).isoformat()},
        )
        self.add(
            "Observation",
            status="final",
            subject=self.subject,
            effectiveDateTime=self.day(30, 5),
            code={"coding": [{"system": LOINC, "code": "97509-4"}]},
            valueCodeableConcept={
                "coding": [{"system": SCT, "code": "359746009", "display": "Patient's condition stable"}]
            },
        )

    def _lung_kras_negative(self) -> None:
        self._cancer("C34.31", "Squamous cell carcinoma of lower lobe, right lung", "Stage IIIB", self.day(900, 300))
        self._kras(self.day(290, 250), False)

    def _lung_small_cell(self) -> None:
        self._cancer("C34.91", "Small cell carcinoma of lung", "Stage IV", self.day(900, 300))

    def _colorectal(self) -> None:
        self._cancer("C18.7", "Malignant neoplasm of sigmoid colon", "Stage IV", self.day(900, 300))
        self.add(
            "Condition",
            subject=self.subject,
            onsetDateTime=self.day(290, 200),
            code={"coding": [{"system": ICD, "code": "C78.7", "display": "Secondary malignant neoplasm of liver"}]},
        )
        self._chemo(self.day(280, 150), ["FOLFOX: oxaliplatin", "fluorouracil 400 mg/m2"])

    def _notes(self) -> None:
        r = self.rng
        for _ in range(r.randint(1, 2)):
            text = r.choice(
                [
                    "Oncology follow-up. Patient tolerating treatment well. No new complaints. Plan: continue current therapy.",
                    "Restaging CT reviewed: no evidence of progression. ECOG 1. Discussed next steps with the patient.",
                    "Consult note. History of tobacco use. Family history of colon cancer in father. Labs reviewed.",
                ]
            )
            self.add(
                "DocumentReference",
                status="current",
                subject=self.subject,
                date=self.day(200, 1),
                type={"text": "Progress note"},
                content=[
                    {"attachment": {"contentType": "text/plain", "data": base64.b64encode(text.encode()).decode()}}
                ],
            )
