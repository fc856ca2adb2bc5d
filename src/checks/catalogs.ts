import type { FactCatalog } from '../engine/facts.js';
import { ELIGIBILITY_FACTS } from './eligibility/facts.js';
import { RETENTION_FACTS } from './retention/facts.js';
import { DEADLINE_FACTS } from './deadline/facts.js';

/** The fact catalogue of each check whose rules can be written. */
export const FACT_CATALOGS: Readonly<Partial<Record<string, FactCatalog>>> & {
  readonly eligibility: typeof ELIGIBILITY_FACTS;
  readonly retention: typeof RETENTION_FACTS;
  readonly deadline: typeof DEADLINE_FACTS;
} = {
  eligibility: ELIGIBILITY_FACTS,
  retention: RETENTION_FACTS,
  deadline: DEADLINE_FACTS,
};
