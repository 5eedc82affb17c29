"""The practice profile: who sends the packet (name, address, phone, fax, NPI, tax id, contact).

A YAML file (``docs/packet.md`` shows one); unknown keys are errors naming the field. Without a file the
packet leaves every practice field as a visible blank for staff to fill in, never an invented value.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from priorauth.errors import Code, fail

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Contact(_Strict):
    name: str
    phone: str | None = None
    email: str | None = None


class PayerContact(_Strict):
    """The practice's own directory entry for a payer (its PA fax, phone or portal), keyed by the payer's
    name and matched against the chart's coverage like packs are: name, alias or identifier."""

    aliases: list[str] = []
    identifiers: list[str] = []  # ``system|value``, a bare value, or ``Organization/id``
    fax: str | None = None
    phone: str | None = None
    portal: str | None = None


class Practice(_Strict):
    name: str
    address: list[str] = Field(min_length=1)  # lines, as printed on a letterhead
    phone: str
    fax: str
    npi: str = Field(pattern=r"^\d{10}$")  # the group (type 2) NPI
    tax_id: str = Field(pattern=r"^\d{2}-?\d{7}$")
    contact: Contact
    payers: dict[str, PayerContact] = {}  # by the payer's name (as on the coverage), never by pack id
    fhir_base: str | None = None  # the practice's FHIR base URL, for fullUrls in pas-bundle.json

    @field_validator("payers")
    @classmethod
    def _payer_names(cls, value: dict[str, PayerContact]) -> dict[str, PayerContact]:
        if "default" in value:
            raise ValueError(
                "keys are payer names as on the coverage (e.g. 'Aetna'), not pack ids: a 'default' fax would "
                "send every other payer's request to one number"
            )
        return value

    def payer(self, names: list[str], refs: set[str]) -> tuple[str, PayerContact] | None:
        """The directory entry of the chart's payer (by name, alias or identifier), if the practice has one."""
        from priorauth.policy.registry import identifiers_match, normalize

        wanted = {normalize(n) for n in names if n}
        for name, entry in self.payers.items():
            if wanted & {normalize(n) for n in [name, *entry.aliases]} or identifiers_match(refs, entry.identifiers):
                return name, entry
        return None


def load_practice(path: str | os.PathLike[str] | None) -> Practice | None:
    """The profile at ``path`` (None: no profile)."""
    if path is None:
        return None
    p = Path(path)
    try:
        data = yaml.load(p.read_text("utf-8"), Loader=_LOADER)  # noqa: S506 - safe loaders only
    except FileNotFoundError:
        raise fail(Code.BAD_PRACTICE, f"practice profile {p.name!r} does not exist") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise fail(Code.BAD_PRACTICE, f"practice profile {p.name!r} cannot be read ({type(exc).__name__})") from None
    if not isinstance(data, dict):
        raise fail(Code.BAD_PRACTICE, f"practice profile {p.name!r} must be a mapping of fields")
    try:
        return Practice.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"]) or "(top)"
        raise fail(Code.BAD_PRACTICE, f"practice profile {p.name!r}: {where}: {first['msg']}") from None
