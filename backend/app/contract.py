"""The contract the studio is generated from, written deterministically (no server needed).

    python -m app.contract openapi   the app's OpenAPI, sorted keys, with the rules of
                                     `GET /api/config` under `x-studio-config`
    python -m app.contract golden    the rebalancing algorithm's golden vectors
    python -m app.contract golden-script   the voiceover fit rule's golden vectors

`make contract` turns these into `frontend/types/api.generated.ts`,
`frontend/tests/unit/golden/storyboard_rules.json` and `.../script_rules.json`; `make test`
fails when they would change.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from app.storyboard_rules import golden_vectors
from app.words import script

CONFIG_KEY = "x-studio-config"


def openapi() -> dict[str, Any]:
    from app.main import create_app
    from app.routers.config import CONFIG

    document = create_app().openapi()
    document[CONFIG_KEY] = CONFIG.model_dump(mode="json")
    return document


def dump(document: object) -> str:
    return json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    what = argv[1] if len(argv) == 2 else ""
    if what == "openapi":
        sys.stdout.write(dump(openapi()))
    elif what == "golden":
        sys.stdout.write(dump(golden_vectors()))
    elif what == "golden-script":
        sys.stdout.write(dump(script.golden_vectors()))
    else:
        sys.stderr.write("usage: python -m app.contract openapi|golden|golden-script\n")
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
