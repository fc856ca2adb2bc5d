import type { FactCatalog } from '../engine/facts.js';
import { ELIGIBILITY_FACTS } from './eligibility/facts.js';

/** The fact catalogue of each check whose rules can be written. */
export const FACT_CATALOGS: Readonly<Partial<Record<string, FactCatalog>>> & {
  readonly eligibility: typeof ELIGIBILITY_FACTS;
} = {
  eligibility: ELIGIBILITY_FACTS,
};
