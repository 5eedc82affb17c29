"""The explicit registry of criteria: id -> rule. A pack may only name criteria listed here."""

from __future__ import annotations

from collections.abc import Callable

from priorauth.evaluate.context import Context
from priorauth.evaluate.criteria import colorectal, diagnosis, kras, order, renewal, therapy
from priorauth.evaluate.result import Answer

Rule = Callable[[Context], Answer]

# Criteria whose contract row has a `review` column: an answer that depends on which day of a partial
# date is meant is `review` for these and `insufficient` for the others.
REVIEWABLE = frozenset({"nsclc_diagnosis", "advanced_disease", "kras_g12c", "prior_systemic_therapy"})

REGISTRY: dict[str, Rule] = {
    "adult": diagnosis.adult,
    "nsclc_diagnosis": diagnosis.nsclc_diagnosis,
    "advanced_disease": diagnosis.advanced_disease,
    "kras_g12c": kras.kras_g12c,
    "prior_systemic_therapy": therapy.prior_systemic_therapy,
    "single_agent": therapy.single_agent,
    "prescription": order.prescription,
    "disease_progression": therapy.disease_progression,
    "oncologist_prescriber": order.oncologist_prescriber,
    "no_prior_kras_g12c_inhibitor": therapy.no_prior_kras_g12c_inhibitor,
    "no_progression_on_therapy": renewal.no_progression_on_therapy,
    "tolerating_therapy": renewal.tolerating_therapy,
    "mcrc_diagnosis": colorectal.mcrc_diagnosis,
    "prior_crc_chemotherapy": colorectal.prior_crc_chemotherapy,
    "with_panitumumab": colorectal.with_partner,  # the partner drug is the indication's `partner` in the pack
    "with_cetuximab": colorectal.with_partner,
}
