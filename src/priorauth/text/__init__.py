"""Evidence from clinical text: documents -> medspaCy findings (with negation and the like) -> facts.

``read(chart)`` returns the text facts and the warnings of documents that could not be read. spaCy is
imported only when the chart holds text.
"""

from __future__ import annotations

from priorauth.chart.chart import Chart
from priorauth.text.pipeline import worth_reading
from priorauth.text.sources import TextDoc, documents


def read(chart: Chart, warnings: list[str]):  # type: ignore[no-untyped-def]
    return read_documents(documents(chart, warnings))


def read_documents(all_docs: list[TextDoc]):  # type: ignore[no-untyped-def]
    """The text facts of documents already extracted (``sources.documents``)."""
    docs = [d for d in all_docs if worth_reading(d.text)]
    if not docs:
        return None
    from priorauth.text.facts import from_documents  # pulls in spaCy / medspaCy

    return from_documents(docs)
