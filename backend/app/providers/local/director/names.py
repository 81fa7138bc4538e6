"""Telling a product's name from words that describe it.

"Kiln & Co" is a name and "handmade ceramic mugs" says what it is; "Handmade" at the start of a
sentence is capitalised without being a name, and "fresh and bold" describes the ad rather than
the product. These helpers read one phrase at a time; `product` decides where to look.
"""

from __future__ import annotations

import re

from app.providers.local.director import lexicon
from app.providers.local.director.audience import mentions_people
from app.providers.local.director.category import category_word, infer_category
from app.providers.local.director.findings import content_words
from app.providers.local.director.text import capitalise, clip_words, tidy, title_if_lower

INTRO = re.compile(
    r"^\s*(?:(?:hi|hello|hey|hiya|so|ok|okay|well|right)(?:\s+there)?[,!.]*\s+)*"
    r"(?:(?:we're|we are|i'm|i am|this is|meet|introducing|it's|it is|we sell|we make|i sell|"
    r"i make|i run|we run)\s+)?(?:(?:for|about)\s+)?",
    re.IGNORECASE,
)
_VERB_LEAD = re.compile(
    r"^(?:makes|make|sells|sell|offers|brews|bakes|designs|creates|produces|crafts|is|are)\s+",
    re.IGNORECASE,
)
QUOTED = re.compile(r"[\"“‘']([^\"”’'\n]{1,60})[\"”’']")

NP_STOP = re.compile(
    r"\s+(?:called|named|for|that|which|who|to|with|and|but|aimed|targeting|because|so)\b.*$",
    re.IGNORECASE,
)
DETERMINERS = re.compile(
    r"^(?:(?:a|an|the|my|our|this|these|their|its|it's|it is|new|brand new|brand-new|some|"
    r"little)\s+)+",
    re.IGNORECASE,
)
_NOT_A_NOUN_PHRASE = re.compile(
    r"\b(?:i|you|we|it|they|he|she|should|would|could|will|must|want|wants|need|needs|feel|"
    r"feels|look|looks|think|like|please|not)\b",
    re.IGNORECASE,
)
_NAME_STOP_WORDS = (
    "for and that which who with to but because aimed targeting it is - — by from in at"
)
_NAME_STOP = frozenset(_NAME_STOP_WORDS.split())
_GENERIC_PRODUCT_WORDS = (
    "product products thing things brand business company stuff item items service services "
    "launch idea something app shop store new latest little small own ad ads advert video "
    "videos commercial"
)
_GENERIC_PRODUCT = frozenset(_GENERIC_PRODUCT_WORDS.split())
"""Words that say there is a product without saying what it is ('my new product')."""
_STOP_CAPS_WORDS = (
    "i i'm i'd i've it it's we we're our my the this that hi hey hello a an and but so also "
    "actually yes no ok okay thanks please its they their for with let's let think make oh "
    "well basically just sure great love monday tuesday wednesday thursday friday saturday "
    "sunday english american british instagram tiktok youtube facebook linkedin gen z saas "
    "b2b b2c dtc ai ceo us uk eu usa vitamin c d e christmas ad video product name brand "
    "audience tone look style messages message one two three four five six seven eight nine "
    "ten eleven twelve twenty hundred thousand"
)
_STOP_CAPS = frozenset(_STOP_CAPS_WORDS.split())
"""Capitalised words that are not product names (sentence starters, platforms, acronyms)."""
CONNECTORS = frozenset({"&", "and", "of", "+", "de", "la", "le", "du"})
EDGE_PUNCTUATION = ',.;:!?"“”‘’()'


def caps_run(words: list[str]) -> str:
    """The leading run of capitalised words (with '&', 'of' and digits inside), e.g. 'Ember &
    Oak Coffee' from ['Ember', '&', 'Oak', 'Coffee', 'for', ...]."""
    run: list[str] = []
    for index, word in enumerate(words):
        bare = word.strip(EDGE_PUNCTUATION)
        if not bare:
            break
        capital = bare[0].isupper() or bare[0].isdigit()
        following = words[index + 1] if index + 1 < len(words) else ""
        if capital or (run and bare.lower() in CONNECTORS and following[:1].isupper()):
            run.append(bare)
            if bare != word:  # punctuation ended the name
                break
        else:
            break
    return " ".join(run)


def is_plain_word(word: str) -> bool:
    return word.lower().strip("'’") in _STOP_CAPS or (len(word) == 1 and word.isalpha())


def is_name(run: str) -> bool:
    return bool(run) and not all(is_plain_word(w) for w in run.split())


_DESCRIBING_WORDS = (
    "cold hot iced new fresh organic natural vegan healthy local classic simple smart premium "
    "luxury budget personal mobile wireless electric digital online custom small big pure raw "
    "wild golden little mini eco sustainable reusable refillable plant plant-based gluten-free "
    "sugar-free low high daily everyday craft independent family award-winning"
)
_DESCRIBING = frozenset(_DESCRIBING_WORDS.split())
"""Words that start a description rather than a name ('Cold brew coffee', 'Vegan snacks')."""


def describing_word(word: str) -> bool:
    """True for a word that says what kind of thing, not which one: a tone or style word, a
    product-category word, or a common product adjective."""
    lowered = word.strip(EDGE_PUNCTUATION).lower()
    if (
        lowered in _DESCRIBING
        or lexicon.canonical_tone(lowered)
        or lexicon.canonical_style(lowered)
    ):
        return True
    return category_word(lowered)


def pure_name(phrase: str) -> str:
    """The phrase itself when it is nothing but a name ('Kiln & Co'), else ''."""
    words = phrase.split()
    run = caps_run(words)
    return run if is_name(run) and len(run.split()) == len(words) else ""


def name_from(phrase: str, plain_words_allowed: bool) -> str:
    """A product name from the words after a cue: quoted, a capitalised run, or (for the
    strongest cues only) a few plain words, e.g. 'called glow drops' → 'Glow Drops'."""
    phrase = phrase.strip().split("\n", 1)[0]  # a name never runs on to the next line
    quoted = QUOTED.match(phrase)
    if quoted:
        return tidy(quoted.group(1))
    words = phrase.split()
    if not words:
        return ""
    run = caps_run(words)
    if is_name(run):
        return clip_words(run, 6, 60)
    if not plain_words_allowed:
        return ""
    kept: list[str] = []
    for word in words[:5]:
        bare = word.strip(EDGE_PUNCTUATION)
        if not bare or bare.lower() in _NAME_STOP:
            break
        kept.append(bare)
        if bare != word:
            break
    return title_if_lower(" ".join(kept))


def name_inside(phrase: str) -> tuple[str, int]:
    """A proper name inside a noun phrase and the word it starts at: 'my energy drink Volt
    Rush' → ('Volt Rush', 3)."""
    words = phrase.split()
    for index, word in enumerate(words):
        bare = word.strip(EDGE_PUNCTUATION)
        if bare[:1].isupper() and not is_plain_word(bare):
            return name_from(" ".join(words[index:]), plain_words_allowed=False), index
    return "", -1


def only_look_words(phrase: str) -> bool:
    """'fresh and bold' or 'bright citrus colours' describe the ad, not a product."""
    rest = phrase
    for match in sorted(lexicon.find_terms(phrase), key=lambda m: m.start, reverse=True):
        rest = rest[: match.start] + rest[match.end :]
    return not content_words(rest)


def says_what_it_is(description: str) -> bool:
    """'vitamin C serum' describes a product; 'product', 'new thing' or 'busy mums' do not."""
    words = description.lower().split()
    if not words or len(words) > 6 or mentions_people(description):
        return False
    if _NOT_A_NOUN_PHRASE.search(description):
        return False  # "it should feel calm" is a sentence, not a thing
    if only_look_words(description) and infer_category(description).key == "generic":
        return False  # "fresh and bold" is a feeling; "handmade candles" is still a product
    return not all(word.strip(",.!?") in _GENERIC_PRODUCT for word in words)


def describe(phrase: str) -> str:
    """'a boutique hotel by the sea' → 'Boutique hotel by the sea'; '' when it says nothing."""
    phrase = tidy(DETERMINERS.sub("", tidy(NP_STOP.sub("", phrase))))
    return capitalise(clip_words(phrase, 8, 80)) if says_what_it_is(phrase) else ""


def name_and_description(clause: str, unprompted: bool) -> tuple[str, str] | None:
    """'Kiln & Co handmade ceramic mugs', 'Kiln & Co: mugs', 'handmade mugs by Kiln & Co'.

    Unprompted (no question asked about the product), a one-word name must sit beside words that
    plainly name a kind of product, so 'Visible results in two weeks' is not a product 'Visible'.
    """
    words = INTRO.sub("", clause).split()
    while words and is_plain_word(words[0].strip(EDGE_PUNCTUATION)):
        words = words[1:]  # "So Kiln & Co mugs": the name starts after the sentence starter
    run = caps_run(words)
    after_run = " ".join(words[len(run.split()) :])
    separated = bool(re.match(r"[—–:,-]|\s*$", after_run)) or words[0].endswith((",", ":"))
    # "Handmade ceramic mugs", "Gym membership at FitHub": a capital, not a name.
    capitalised_only = " " not in run and describing_word(run) and not separated
    if is_name(run) and not capitalised_only:
        rest = _VERB_LEAD.sub("", after_run.lstrip("—–-:, "))
        name, description = run, describe(rest)
        if rest[:1].isupper():
            return None  # 'Glow Drops Serum' is all name: the caps run already took it
    else:
        skip = 1 if capitalised_only else 0
        name, at = name_inside(" ".join(words[skip:]))
        at += skip
        if not name or at == 0:
            return None
        before = re.sub(r"\s+(?:by|from|at|called|named)$|,$", "", " ".join(words[:at]).strip())
        last = at + len(name.split())
        after = " ".join(words[last:]).strip(EDGE_PUNCTUATION + " ")
        if after and not words[last - 1].endswith(","):
            return None  # the name closes the phrase: 'mugs by Kiln & Co', 'My bakery, Crumb & Co,'
        description = describe(before)
    if not description:
        return None
    simple_name = len(name.split()) == 1 and not any(ch in name for ch in "&+0123456789")
    if unprompted and simple_name and infer_category(description).key == "generic":
        return None
    return name, description
