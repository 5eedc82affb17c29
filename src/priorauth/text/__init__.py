"""Evidence from clinical text: documents -> medspaCy findings (with negation and the like) -> facts.

``read(chart)`` returns the text facts and the warnings of documents that could not be read. spaCy is
imported only when the chart holds text.
"""

from __future__ import annotations

from priorauth.chart.chart import Chart
from priorauth.text.pipeline import worth_reading
from priorauth.text.sources import documents


def read(chart: Chart, warnings: list[str]):  # type: ignore[no-untyped-def]
    docs = [d for d in documents(chart, warnings) if worth_reading(d.text)]
    if not docs:
        return None
    from priorauth.text.facts import from_documents  # pulls in spaCy / medspaCy

    return from_documents(docs)
