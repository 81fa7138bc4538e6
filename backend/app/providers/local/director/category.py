"""What kind of product this is, and what that means on screen.

A serum ad and an energy-drink ad share a structure but not a single shot: the serum falls as a
drop onto marble, the drink cracks open in a burst of spray. The brief has no "category" field, so
it is inferred from every word the brief holds (the product's name and description count most).
Templates use `{p}` (product name), `{thing}` (the name with what it is, "Kiln & Co handmade
ceramic mugs"), `{who}` (the persona, "a busy woman in her thirties") and `{their}`.

Nothing here states a fact about the product (no ratings, awards, results, offers, numbers or
ingredients): the brief's own key messages are the only claims an ad makes; see `claims`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from app.providers.local.offering import Offering, offering_of

_OBJECT = frozenset({Offering.PRODUCT})


@dataclass(frozen=True)
class Category:
    key: str
    keywords: tuple[str, ...]
    closeup: str
    """The product as an object in frame: 'the {p} bottle'."""
    setting: str
    """Where the product lives in the audience's day, with its preposition ('at a …')."""
    hook: str
    """A first image that stops the scroll."""
    ritual: str
    """What the persona does with the product (a verb phrase)."""
    texture: str
    """A macro detail for the texture shot."""
    benefit_visuals: tuple[str, ...]
    """Shots that can carry a key message on screen, used in order."""
    lifestyle: str
    """The social-proof moment: the product in real life, among people."""
    cta: str
    """The closing line; always names the product and asks for an action."""
    default_audience: str
    default_tones: tuple[str, ...]
    default_messages: tuple[str, ...]
    offerings: frozenset[Offering] = _OBJECT
    """What kinds of thing this category can advertise: a café is a place that serves coffee."""

    @property
    def is_object(self) -> bool:
        """Its close-up is a thing in frame (a can, a mug), not a place or a moment."""
        return Offering.PRODUCT in self.offerings


def _words(listed: str) -> tuple[str, ...]:
    return tuple(listed.split("|"))


CATEGORIES: tuple[Category, ...] = (
    Category(
        key="skincare",
        keywords=_words(
            "serum|skincare|skin care|skin|moisturiser|moisturizer|face cream|night cream|"
            "eye cream|lotion|cleanser|toner|glow|glowing|beauty|cosmetics|makeup|lipstick|"
            "mascara|spf|sunscreen|retinol|vitamin c|hyaluronic|complexion|wrinkles|"
            "anti-aging|anti-ageing|balm|face oil|drops|radiant|dewy"
        ),
        closeup="the {p} bottle",
        setting="at a bright bathroom vanity",
        hook="A single drop of {p} falls in slow motion and blooms across the frame",
        ritual="smooths {p} onto {their} cheek",
        texture="a glossy serum droplet catching the light",
        benefit_visuals=(
            "Dewy, glowing skin in soft close-up as {who} touches {their} cheek",
            "Soft light drifts across the {p} bottle as a drop gathers at its tip",
            "A slow morning routine in graceful close-ups, drop by drop",
        ),
        lifestyle="{who} catches {their} reflection and smiles, skin glowing, ready for the day",
        cta="Shop {p} now",
        default_audience="Women 25-45 who want simple, effective skincare",
        default_tones=("calming", "elegant"),
        default_messages=("Your morning ritual", "A moment that's just for you"),
    ),
    Category(
        key="beverage",
        keywords=_words(
            "energy drink|drink|drinks|soda|can|beverage|juice|caffeine|sparkling|kombucha|"
            "smoothie|hydration|electrolytes|sugar|zero sugar|flavour|flavor|tastes|taste|"
            "sip|fizzy|refreshment|lemonade|seltzer"
        ),
        closeup="a frosted can of {p}",
        setting="on a late-night city rooftop",
        hook="A frosted can of {p} cracks open in an explosion of spray, frozen mid-air",
        ritual="takes a long, ice-cold sip of {p}",
        texture="ice-cold condensation beading on the can",
        benefit_visuals=(
            "Bubbles race up through the drink in extreme close-up",
            "Ice cubes collide mid-air around the {p} can",
            "{who} cracks open a {p} and grins",
        ),
        lifestyle="{who} and friends raise their cans in a late-night toast, laughing",
        cta="Grab a {p} today",
        default_audience="Young adults 18-30 who need a lift",
        default_tones=("energetic", "bold"),
        default_messages=("Made for your next break", "Your new go-to"),
    ),
    Category(
        key="footwear",
        keywords=_words(
            "shoe|shoes|sneaker|sneakers|trainers|running|runner|runners|marathon|run|runs|"
            "boots|footwear|jogging|cushioned|cushioning|sole|stride|pace|miles|km|laces"
        ),
        closeup="a {p} sneaker",
        setting="on a city running path at dawn",
        hook="A foot strikes wet tarmac in slow motion, the splash frozen mid-air",
        ritual="laces up {their} {p}",
        texture="the woven mesh and springy foam sole",
        benefit_visuals=(
            "The {p} sole compresses and springs back in slow motion",
            "{who} glides through the city in a long, low tracking shot",
            "A close-up of feet finding their rhythm, stride after stride",
        ),
        lifestyle="{who} crosses a finish line as a running crew cheers",
        cta="Find your stride — shop {p}",
        default_audience="Everyday runners chasing a new personal best",
        default_tones=("confident", "energetic"),
        default_messages=("Find your stride", "Made for the miles ahead"),
    ),
    Category(
        key="software",
        keywords=_words(
            "app|saas|software|platform|dashboard|tool|b2b|crm|ai|cloud|analytics|workflow|"
            "workflows|automation|startup|startups|teams|team|invoicing|accounting|finance|"
            "reports|productivity|api|integrations|spreadsheets|spreadsheet|data"
        ),
        closeup="{p} open on a laptop screen",
        setting="in a bright modern office",
        hook="A wall of spreadsheets and notifications glitches, then snaps to calm",
        ritual="opens {p} on {their} laptop",
        texture="a clean {p} dashboard in crisp detail",
        benefit_visuals=(
            "A task list in {p} ticks over, tick by satisfying tick",
            "A crisp {p} dashboard glides into view",
            "Teammates lean in around a glowing screen and nod",
        ),
        lifestyle="{who} closes the laptop and heads into a golden evening, smiling",
        cta="Try {p} today",
        default_audience="Small teams who want less busywork",
        default_tones=("confident", "innovative"),
        default_messages=("Made for the way your team works", "See your work clearly"),
        offerings=frozenset({Offering.APP}),
    ),
    Category(
        key="coffee",
        keywords=_words(
            "coffee|espresso|latte|cafe|café|roast|roasted|roaster|beans|brew|barista|"
            "cappuccino|pour-over|cold brew|small-batch|blend|coffee shop|coffee house"
        ),
        closeup="a steaming cup of {p}",
        setting="at a sunlit kitchen counter",
        hook="Steam curls up from a fresh pour of {p} in slow motion",
        ritual="cups a warm mug of {p} in both hands",
        texture="coffee beans tumbling in slow motion",
        benefit_visuals=(
            "Coffee beans tumble through a warm glow",
            "A slow pour-over blooms as hot water meets the grounds",
            "A cup of {p} waits on a sunlit windowsill",
        ),
        lifestyle="{who} shares a slow morning cup of {p} with a friend by the window",
        cta="Make {p} part of your morning",
        default_audience="Coffee lovers who savour a slow morning",
        default_tones=("warm", "calming"),
        default_messages=("Your slow morning, in a cup", "Made for slow mornings"),
        offerings=frozenset({Offering.PRODUCT, Offering.PLACE}),
    ),
    Category(
        key="food",
        keywords=_words(
            "snack|snacks|chocolate|cookie|cookies|bakery|bread|pizza|burger|restaurant|"
            "meal|meals|recipe|sauce|granola|protein bar|ice cream|delicious|tasty|crunchy|"
            "bite|flavours"
        ),
        closeup="{thing}",
        setting="at a sunny kitchen table",
        hook="A slow-motion first bite of {p}, crumbs flying through the light",
        ritual="takes a first, delighted bite of {p}",
        texture="a rich, crumbly texture in macro",
        benefit_visuals=(
            "Colourful food tumbles together in slow motion",
            "{p} is plated up, steam and colour filling the frame",
            "{who} goes back for seconds with a grin",
        ),
        lifestyle="friends pass {p} around a crowded, laughing table",
        cta="Order {p} today",
        default_audience="Food lovers who like to share",
        default_tones=("joyful", "warm"),
        default_messages=("Made for sharing", "Pull up a chair"),
        offerings=frozenset({Offering.PRODUCT, Offering.PLACE}),
    ),
    Category(
        key="fashion",
        keywords=_words(
            "dress|jacket|hoodie|t-shirt|tee|jeans|apparel|clothing|fashion|collection|"
            "jewellery|jewelry|necklace|ring|earrings|handbag|watch|sunglasses|streetwear|"
            "outfit|wardrobe|knit"
        ),
        closeup="{thing}",
        setting="on a sunlit city street",
        hook="Fabric ripples through the frame in slow motion, catching the light",
        ritual="steps out wearing {p}",
        texture="the weave, stitching and finish in close macro",
        benefit_visuals=(
            "{who} turns slowly, the {p} moving with {them}",
            "Details of the {p} in crisp close-up: seams, buttons, finish",
            "A quick-cut montage of {p} styled three ways",
        ),
        lifestyle="{who} turns heads walking through the city in {p}",
        cta="Shop {p}",
        default_audience="Style-conscious 20-35 year-olds",
        default_tones=("confident", "elegant"),
        default_messages=("Made to be worn every day", "Wear it your way"),
    ),
    Category(
        key="wellness",
        keywords=_words(
            "supplement|supplements|vitamins|vitamin|protein|yoga|meditation|wellness|gym|"
            "fitness|workout|sleep|mindfulness|gut health|collagen|immune|energy levels|"
            "recovery"
        ),
        closeup="{thing}",
        setting="in a bright studio at sunrise",
        hook="A deep breath in as the frame slowly sharpens on {p}",
        ritual="makes {p} part of {their} morning routine",
        texture="fine powder and capsules in crisp macro",
        benefit_visuals=(
            "{who} moves through a sunrise stretch, strong and unhurried",
            "{p} settles into place on a sunlit shelf in slow motion",
            "A calendar of ticked days fills up, streak unbroken",
        ),
        lifestyle="{who} laughs with a training partner after a sunrise session",
        cta="Start your routine with {p}",
        default_audience="Health-minded adults 25-45",
        default_tones=("inspiring", "calming"),
        default_messages=("Make time for you", "Your daily ritual"),
    ),
    Category(
        key="home",
        keywords=_words(
            "candle|candles|furniture|sofa|lamp|decor|home|bedding|pillow|mattress|"
            "diffuser|room spray|cleaning|kitchenware|cookware|interior|living room|"
            "bedroom|mug|mugs|ceramic|ceramics|pottery|tableware|homeware|homewares|vase|"
            "vases|bowls|plates|dinnerware|glassware|rug|rugs|blanket|throw"
        ),
        closeup="{thing}",
        setting="in a calm, sunlit living room",
        hook="Morning light sweeps across a quiet room and lands on {p}",
        ritual="settles in at home with {p}",
        texture="soft textures and fine finishes in macro",
        benefit_visuals=(
            "{p} brings warmth to a quiet corner of the room",
            "Close details of {p}: materials, craft and finish",
            "{who} exhales and sinks into the calm of the room",
        ),
        lifestyle="friends gather around {p} on a slow evening, glasses raised",
        cta="Shop {p} for your home",
        default_audience="Homeowners who love a calm, beautiful space",
        default_tones=("warm", "calming"),
        default_messages=("Made to make home feel like home", "Made for slow evenings"),
    ),
    Category(
        key="hospitality",
        keywords=_words(
            "hotel|hotels|boutique hotel|inn|b&b|bed and breakfast|guesthouse|guest house|"
            "resort|retreat|spa|lodge|cabin|cottage|villa|hostel|glamping|stay|stays|"
            "getaway|weekend away|holiday|holidays|vacation|rooms|suites|sea view|sea views|"
            "by the sea|check-in|booking|bookings|airbnb"
        ),
        closeup="the front door of {p} swinging open on arrival",
        setting="in a sunlit room with the window thrown open",
        hook="Curtains part on a sunlit window and the view rushes in",
        ritual="drops {their} bags and throws open the window",
        texture="crisp linen sheets and morning light across a freshly made bed",
        benefit_visuals=(
            "Morning light spills slowly across a quiet room at {p}",
            "{who} lingers over a slow breakfast by the window",
            "The view from a room at {p}, the window thrown open to the light",
        ),
        lifestyle="{who} shares a quiet evening with someone they love at {p}",
        cta="Book your stay at {p}",
        default_audience="Couples who need a quiet weekend away",
        default_tones=("calming", "romantic"),
        default_messages=("Your weekend starts here", "Time to slow down"),
        offerings=frozenset({Offering.PLACE}),
    ),
    Category(
        key="app",
        keywords=_words(
            "app|apps|mobile app|phone|iphone|android|budget|budgeting|budgets|money|"
            "savings|spending|banking|bank|wallet|fintech|habit|habits|tracker|download|"
            "play store|app store"
        ),
        closeup="{p} open on a phone screen",
        setting="on a sunny café terrace",
        hook="A phone lights up on a cluttered desk and everything else falls quiet",
        ritual="taps through {p} on {their} phone",
        texture="a bright, simple {p} screen responding to a tap",
        benefit_visuals=(
            "A thumb swipes through {p}, each screen clean and simple",
            "Colourful cards slide into place on the {p} screen",
            "{who} glances at {p} on {their} phone and smiles",
        ),
        lifestyle="{who} shows friends something on {p}, everyone leaning in",
        cta="Download {p} today",
        default_audience="Busy people who live on their phones",
        default_tones=("playful", "confident"),
        default_messages=("Made for your pocket", "Your day, your way"),
        offerings=frozenset({Offering.APP}),
    ),
    Category(
        key="venue",
        keywords=_words(
            "restaurant|bistro|bar|gym|fitness club|studio|salon|clinic|school|academy|venue|spa"
        ),
        closeup="the doors of {p} opening onto a warm, lit room",
        setting="inside {p} as the evening begins",
        hook="The doors of {p} swing open and warm light spills onto the street",
        ritual="steps into {p} and is greeted like a regular",
        texture="the room's materials, light and small details in close-up",
        benefit_visuals=(
            "The room at {p} in golden light, ready for the first guests",
            "{who} settles in as {p} comes to life around {them}",
            "Small details of {p}: the light, the textures, the welcome",
        ),
        lifestyle="{who} shares an evening with friends at {p}, the room buzzing",
        cta="Visit {p}",
        default_audience="Locals looking for a new favourite place",
        default_tones=("warm", "joyful"),
        default_messages=("Come as you are", "Your new favourite place"),
        offerings=frozenset({Offering.PLACE}),
    ),
    Category(
        key="service",
        keywords=_words(
            "service|services|plumbing|plumber|plumbers|electrician|repair|repairs|cleaners|"
            "removals|agency|consultancy|consulting|coaching|tutoring|lessons|insurance"
        ),
        closeup="a friendly {p} professional at the door, tools in hand",
        setting="at home on an ordinary weekday",
        hook="A problem that cannot wait, then a knock at the door",
        ritual="calls {p} and gets on with {their} day",
        texture="skilled hands and the right tools at work in close-up",
        benefit_visuals=(
            "A {p} professional explains the job face to face, calm and clear",
            "Skilled hands at work, neat and careful, in close-up",
            "{who} exhales as the home is back to normal",
        ),
        lifestyle="{who} waves the {p} team off, the day back on track",
        cta="Book {p} today",
        default_audience="Busy households who want it sorted",
        default_tones=("trustworthy", "warm"),
        default_messages=("Help when you need it", "Get on with your day"),
        offerings=frozenset({Offering.SERVICE}),
    ),
    Category(
        key="event",
        keywords=_words(
            "event|events|festival|festivals|music festival|concert|concerts|gig|gigs|"
            "conference|expo|fair|line-up|lineup|live music"
        ),
        closeup="the {p} stage as the lights come up",
        setting="in a field at golden hour as the gates open",
        hook="The lights drop, the first note hits and the whole crowd looks up at once",
        ritual="arrives at {p} with friends as the gates open",
        texture="wristbands, stage light and flying streamers in close-up",
        benefit_visuals=(
            "The venue fills, friends arriving arm in arm as the light turns golden",
            "The moment: the stage lights sweep the crowd and everyone sings along",
            "The crowd at {p}, hands in the air, faces lit by the stage",
        ),
        lifestyle="{who} and friends dance in the crowd as the night peaks at {p}",
        cta="Be there: {p}",
        default_audience="Friends who never miss a night out",
        default_tones=("energetic", "joyful"),
        default_messages=("Be there", "The night you'll talk about"),
        offerings=frozenset({Offering.EVENT}),
    ),
)

GENERIC = Category(
    key="generic",
    keywords=(),
    closeup="{thing}",
    setting="in a bright, modern space",
    hook="A spotlight snaps on in a dark room and finds {thing}",
    ritual="reaches for {p} with a smile",
    texture="the finish and fine details of {p} in macro",
    benefit_visuals=(
        "A bold, graphic frame built around {p}",
        "{who} reaches for {p} in an everyday moment",
        "Close details of {p}, every edge catching the light",
    ),
    lifestyle="{who} shares {p} with friends, everyone leaning in",
    cta="Discover {p}",
    default_audience="Curious early adopters 25-40",
    default_tones=("confident", "warm"),
    default_messages=("Made with care", "Try it for yourself"),
)

_NAME_WEIGHT = 3
"""A word in the product name says more than the same word in a key message."""


@cache
def _pattern(keyword: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(keyword)}(?![\w-])", re.IGNORECASE)


def _hits(category: Category, text: str) -> int:
    return sum(1 for keyword in category.keywords if _pattern(keyword).search(text))


_FALLBACK: dict[Offering, str] = {
    Offering.PLACE: "venue",
    Offering.SERVICE: "service",
    Offering.EVENT: "event",
    Offering.APP: "app",
}
"""The category a place, service, event or app falls back on when no closer one matches."""


def by_key(key: str) -> Category:
    return next((c for c in CATEGORIES if c.key == key), GENERIC)


def infer_category(product_name: str, *context: str) -> Category:
    """The category whose words best match the brief; generic when nothing matches.

    When the product's own words (`product_name`: its name and description) say what kind of
    thing it is, only categories of that kind compete: a hotel is never planned as a bottle,
    however much its key messages talk about the sea and drinks."""
    other = " \n ".join(context)
    offering = offering_of(product_name)
    candidates = [c for c in CATEGORIES if offering is None or offering in c.offerings]
    best = GENERIC if offering in (None, Offering.PRODUCT) else by_key(_FALLBACK[offering])
    best_score = 0
    for category in candidates:
        score = _NAME_WEIGHT * _hits(category, product_name) + _hits(category, other)
        if score > best_score:
            best, best_score = category, score
    return best


@cache
def _all_keywords() -> frozenset[str]:
    return frozenset(keyword for category in CATEGORIES for keyword in category.keywords)


def category_word(word: str) -> bool:
    """True when `word` names a kind of product in some category ('mugs', 'serum', 'app')."""
    return word.lower() in _all_keywords()
