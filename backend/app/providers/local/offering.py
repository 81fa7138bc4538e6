"""What a brief advertises: an object, a place, a service, an app or an event.

One table for the director and the painter alike. The director plans a hotel as arrival, room,
view and table, and the painter draws no product model for it; if the two read "hotel"
differently, the storyboard would ask for one thing and the image show another. Only the brief's
own words about the product (its name and description) decide: "a booking app for hotels" is an
app, whatever the shots later say.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache


class Offering(StrEnum):
    PRODUCT = "product"
    PLACE = "place"
    SERVICE = "service"
    APP = "app"
    EVENT = "event"


# fmt: off
# Words that say the product is not an object on a plinth. A physical product has no words of
# its own here: it is what remains.
OFFERING_WORDS: dict[Offering, tuple[str, ...]] = {
    Offering.APP: ("app", "apps", "mobile app", "platform", "software", "saas", "website",
                   "marketplace"),
    Offering.EVENT: ("event", "events", "festival", "festivals", "music festival", "conference",
                     "concert", "concerts", "gig", "gigs", "expo", "fair", "live show"),
    Offering.SERVICE: ("service", "services", "agency", "consultancy", "consulting", "course",
                       "courses", "class", "classes", "workshop", "coaching", "therapy",
                       "membership", "delivery", "insurance", "bank", "banking", "travel", "trip",
                       "tour", "tours", "airline", "flights", "plumbing", "plumber", "plumbers",
                       "electrician", "electricians", "repair", "repairs", "cleaners",
                       "removals", "tutoring", "lessons"),
    Offering.PLACE: ("hotel", "hotels", "boutique hotel", "resort", "inn", "hostel", "guesthouse",
                     "guest house", "b&b", "bed and breakfast", "villa", "retreat", "stay",
                     "stays", "lodge", "restaurant", "bistro", "bar", "cafe", "café",
                     "coffee shop", "bakery", "studio", "gym", "fitness club", "spa", "salon",
                     "clinic", "school", "academy", "venue"),
}
# fmt: on

_FIRST_OF_ALL = Offering.APP
"""An app about anything (hotels, banking, gigs) is still a screen in a hand."""


@cache
def _pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE)


def _first_hit(offering: Offering, text: str) -> int | None:
    starts = [m.start() for w in OFFERING_WORDS[offering] if (m := _pattern(w).search(text))]
    return min(starts) if starts else None


def offering_of(identity: str) -> Offering | None:
    """What the product's own words say it is, or None when they do not say.

    An app word wins outright; otherwise the kind named first ("a festival in a hotel garden" is
    an event). Words that name no kind leave the answer open: a bare name is not proof of an
    object."""
    if not identity:
        return None
    if _first_hit(_FIRST_OF_ALL, identity) is not None:
        return _FIRST_OF_ALL
    hits = [(at, o) for o in OFFERING_WORDS if (at := _first_hit(o, identity)) is not None]
    return min(hits)[1] if hits else None


def not_an_object(identity: str) -> bool:
    """The product's own words say it is something no product model can stand for."""
    return offering_of(identity) not in (None, Offering.PRODUCT)


NOT_AN_OBJECT: tuple[str, ...] = tuple(
    word
    for offering in (Offering.PLACE, Offering.SERVICE, Offering.EVENT, Offering.APP)
    for word in OFFERING_WORDS[offering]
)
"""Every word that says so, for readers that want the list."""
