/**
 * The rule sets shipped in `rules/`, one file per source, bundled so the
 * default rulebook loads synchronously with no file access. Each is validated
 * on load exactly like a user's rule file.
 */
import agencyOps from '../../rules/agency-ops.json';
import aml2024 from '../../rules/aml-2024.json';
import bizProcess2025 from '../../rules/biz-process-2025.json';
import complaints2020 from '../../rules/complaints-2020.json';
import health2019 from '../../rules/health-2019.json';
import insuranceLaw2015 from '../../rules/insurance-law-2015.json';
import lifeService2010 from '../../rules/life-service-2010.json';
import minorDeathCap2015 from '../../rules/minor-death-cap-2015.json';
import mktCsGuide from '../../rules/mkt-cs-guide.json';
import mktService2025 from '../../rules/mkt-service-2025.json';
import recording2017 from '../../rules/recording-2017.json';
import salesConduct2023 from '../../rules/sales-conduct-2023.json';
import suitability2025 from '../../rules/suitability-2025.json';
import { type RuleSet, loadRuleSet } from './ruleset.js';

const FILES: ReadonlyArray<readonly [string, unknown]> = [
  ['mkt-service-2025', mktService2025],
  ['agency-ops', agencyOps],
  ['mkt-cs-guide', mktCsGuide],
  ['biz-process-2025', bizProcess2025],
  ['insurance-law-2015', insuranceLaw2015],
  ['sales-conduct-2023', salesConduct2023],
  ['recording-2017', recording2017],
  ['minor-death-cap-2015', minorDeathCap2015],
  ['health-2019', health2019],
  ['life-service-2010', lifeService2010],
  ['complaints-2020', complaints2020],
  ['suitability-2025', suitability2025],
  ['aml-2024', aml2024],
];

/** Every shipped rule set, validated, in SPEC §2 order. */
export const SHIPPED_RULE_SETS: readonly RuleSet[] = FILES.map(([name, data]) =>
  loadRuleSet(data, { file: `rules/${name}.json` }),
);
