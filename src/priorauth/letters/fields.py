"""The rules that read a payer letter's text: each returns :class:`Hit` s (a value and the span it was
read from), never a value without its span. The reader's one set of rules, named here; each lives in the
module for what it reads:

* :mod:`~priorauth.letters.markup`: a printed letter's marks that carry no words (forms' blanks, widgets, HTML,
  XML, RTF, JSON, Markdown, INI, YAML, telex, X12, stacked labels) and day-first dates said so;
* :mod:`~priorauth.letters.outcome`: the outcome;
* :mod:`~priorauth.letters.request_number`: the authorization or reference number;
* :mod:`~priorauth.letters.letter_dates`: the letter's date and the approved period (and Julian dates);
* :mod:`~priorauth.letters.appeal_deadline`: the appeal deadline;
* :mod:`~priorauth.letters.quantity`: the quantity and the drug;
* :mod:`~priorauth.letters.denial_reason`: the denial reason;
* :mod:`~priorauth.letters.requested_items`: what a pended letter asks for;
* :mod:`~priorauth.letters.patient_fields`: the patient's name, date of birth and member id."""

from __future__ import annotations

from priorauth.letters import tables as tables
from priorauth.letters.appeal_deadline import appeal_deadline as appeal_deadline
from priorauth.letters.denial_reason import POINTS_ELSEWHERE as POINTS_ELSEWHERE
from priorauth.letters.denial_reason import denial_reason as denial_reason
from priorauth.letters.denial_reason import first_sentence as first_sentence
from priorauth.letters.denial_reason import reason_after as reason_after
from priorauth.letters.denial_reason import unmet_criterion as unmet_criterion
from priorauth.letters.letter_dates import letter_date as letter_date
from priorauth.letters.letter_dates import period as period
from priorauth.letters.markup import day_first as day_first
from priorauth.letters.markup import unfenced as unfenced
from priorauth.letters.markup import unmarked as unmarked
from priorauth.letters.markup import untagged as untagged
from priorauth.letters.markup import unwidgeted as unwidgeted
from priorauth.letters.outcome import PARTIAL as PARTIAL
from priorauth.letters.outcome import outcome as outcome
from priorauth.letters.outcome import outcome_hits as outcome_hits
from priorauth.letters.outcome import scope as scope
from priorauth.letters.patient_fields import patient as patient
from priorauth.letters.quantity import drug as drug
from priorauth.letters.quantity import quantity as quantity
from priorauth.letters.request_number import OCR_SYMBOLS as OCR_SYMBOLS
from priorauth.letters.request_number import authorization_number as authorization_number
from priorauth.letters.request_number import item_number as item_number
from priorauth.letters.requested_items import requested as requested
from priorauth.letters.spans import _OURS as _OURS
from priorauth.letters.spans import Hit as Hit
