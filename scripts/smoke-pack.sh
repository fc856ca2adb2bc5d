#!/usr/bin/env bash
# Packs the library, installs the tarball into an empty project and checks that
# `import` and `require` both expose the public API and that the CLI runs the
# shipped rules and fixtures from the installed package.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
tarball="$(npm pack --silent --pack-destination "$work" | tail -n 1)"
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "./$tarball"
names='checkSalesEligibility checkDisclosure computeDeadlines checkDeadlines computeRetention checkDisposal createRulebook defaultRulebook toJsonRulesEngineRules deriveFacts loadRuleSet validateRuleSet InputError CN_MAINLAND_CALENDAR extendCalendar loadCalendar'
for name in ${EXTRA_API_NAMES:-}; do names="$names $name"; done
cat > check.mjs <<JS
import * as lib from 'insurance-compliance-rules';
const missing = '$names'.split(' ').filter((n) => lib[n] === undefined);
if (missing.length) { console.error('ESM import lacks', missing); process.exit(1); }
const schema = await import('insurance-compliance-rules/schema/rule-set.schema.json', { with: { type: 'json' } });
if (!schema.default.properties) { console.error('JSON Schema not exported'); process.exit(1); }
const calendarSchema = await import('insurance-compliance-rules/schema/calendar.schema.json', { with: { type: 'json' } });
if (!calendarSchema.default.anyOf) { console.error('calendar JSON Schema not exported'); process.exit(1); }
console.log('ESM ok:', '$names');
JS
cat > check.cjs <<JS
const lib = require('insurance-compliance-rules');
const missing = '$names'.split(' ').filter((n) => lib[n] === undefined);
if (missing.length) { console.error('CJS require lacks', missing); process.exit(1); }
if (!(new lib.InputError([]) instanceof Error)) process.exit(1);
console.log('CJS ok');
JS
node check.mjs
node check.cjs
npx --no-install icr validate
npx --no-install insurance-compliance-rules test --reporter json --out report.json >/dev/null
node -e "const r=require('./report.json'); if(!r.ok){console.error('shipped fixtures failed from the installed package');process.exit(1)} console.log('installed CLI ok:', r.totals)"
npx --no-install icr calendar --today 2020-06-01 --min-days 1 >/dev/null
echo 'installed icr calendar ok'
