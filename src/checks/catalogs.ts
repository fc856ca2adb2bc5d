import type { FactCatalog } from '../engine/facts.js';
import { DISCLOSURE_EXPLANATION_FACTS, DISCLOSURE_FACTS } from './disclosure/facts.js';
import { ELIGIBILITY_FACTS } from './eligibility/facts.js';
import { RETENTION_FACTS } from './retention/facts.js';
import { DEADLINE_FACTS } from './deadline/facts.js';

/** The fact catalogue of each check whose rules can be written. */
export const FACT_CATALOGS: Readonly<Partial<Record<string, FactCatalog>>> & {
  readonly eligibility: typeof ELIGIBILITY_FACTS;
  readonly retention: typeof RETENTION_FACTS;
  readonly deadline: typeof DEADLINE_FACTS;
  readonly disclosure: typeof DISCLOSURE_FACTS;
} = {
  eligibility: ELIGIBILITY_FACTS,
  retention: RETENTION_FACTS,
  deadline: DEADLINE_FACTS,
  disclosure: DISCLOSURE_FACTS,
};

/**
 * Facts a check's judge adds to a finding to explain it (name → description).
 * Rule messages may interpolate them; conditions may not test them, since they
 * are computed per rule after the rule applies.
 */
export const EXPLANATION_FACTS: Readonly<Partial<Record<string, Readonly<Record<string, string>>>>> = {
  disclosure: DISCLOSURE_EXPLANATION_FACTS,
};
