// The studio's API types, from the backend's OpenAPI (`python -m app.contract openapi`):
// `node scripts/generate-contract.mjs openapi.json > types/api.generated.ts`. `make contract`
// runs it; `make test` fails when the committed file differs from what it writes.
import { readFileSync } from "node:fs";

import openapiTS, { astToString } from "openapi-typescript";

const CONFIG_KEY = "x-studio-config";

const [path] = process.argv.slice(2);
if (!path) {
  process.stderr.write("usage: node scripts/generate-contract.mjs openapi.json\n");
  process.exit(2);
}
const document = JSON.parse(readFileSync(path, "utf8"));
const config = document[CONFIG_KEY];
delete document[CONFIG_KEY];

const types = astToString(await openapiTS(document, { alphabetize: true, defaultNonNullable: false, enumValues: true }));
const header = `/**
 * Generated from the backend's OpenAPI by openapi-typescript; do not edit.
 * \`make contract\` regenerates it, and \`make test\` fails while it is out of date.
 */

`;
const rules = `
/** What \`GET /api/config\` answers: the storyboard and script rules, the brief's required fields and the
 * ad formats, as the backend defines them (\`app/storyboard_rules.py\`). */
export const studioConfig: components["schemas"]["StudioConfig"] = ${JSON.stringify(config, null, 2)};
`;
process.stdout.write(header + types + rules);
