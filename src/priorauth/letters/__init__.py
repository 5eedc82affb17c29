"""Payer letters read into a proposal (issue 18): the payer's answer to a PA request (an approval, a
denial, a pended request or a request for more information), as a PDF (with or without a text layer)
or a faxed/scanned image, becomes a :class:`~priorauth.letters.proposal.Proposal`: the outcome, the
authorization number, the approved period and quantity, the denial reason in the payer's words, the
appeal deadline and what was requested, each field with the span of the letter's text it was read from
(``#char=s,e``), its page and a confidence. Nothing is guessed: a field read with low confidence is left
empty with a warning, and a letter about another patient proposes nothing.

The path of the data: ``source`` (bytes -> text, pages, word confidences) -> ``fields`` (the rules) ->
``patient`` (matched against the case) -> ``proposal`` (what a coordinator confirms). No web, database
or CLI code here."""

from __future__ import annotations

from priorauth.letters.proposal import Proposal, read_letter

__all__ = ["Proposal", "read_letter"]
