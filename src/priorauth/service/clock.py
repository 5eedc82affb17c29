"""The practice's day. "Today" and every default ``as_of`` come from the practice's time zone (its
profile's ``timezone``, UTC when unset): at 22:00 in New York it is still today there, whatever the
server's UTC day says. ``now`` is the one clock (tests freeze it)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "UTC"


def now() -> datetime:
    return datetime.now(UTC)


def zone(profile: dict | None) -> ZoneInfo:
    name = (profile or {}).get("timezone") or DEFAULT_ZONE
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_ZONE)


def today(profile: dict | None) -> date:
    return day(now(), zone(profile))


def day(t: datetime, tz: ZoneInfo) -> date:
    """The practice's day of a moment (a stored time without a zone is UTC)."""
    return aware(t).astimezone(tz).date()


def aware(t: datetime) -> datetime:
    """Stored times are UTC; SQLite hands them back without a zone."""
    return t if t.tzinfo else t.replace(tzinfo=UTC)
