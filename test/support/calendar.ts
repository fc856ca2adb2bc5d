/**
 * Facts about the shipped calendar that tests derive instead of hard-coding,
 * so adding a year (or an earlier one) breaks no test; and hypothetical
 * years for tests that need a calendar beyond the shipped coverage.
 */
import { CN_MAINLAND_CALENDAR, type CalendarYear, type ServiceCaseInput } from '../../src/index.js';

export const COVERAGE = CN_MAINLAND_CALENDAR.coverage;
/** The first year the shipped calendar does not cover. */
export const FIRST_UNCOVERED_YEAR = Number(COVERAGE.to.slice(0, 4)) + 1;
/** The last year before the shipped calendar's coverage. */
export const LAST_YEAR_BEFORE = Number(COVERAGE.from.slice(0, 4)) - 1;

/** A regular expression source matching `text` literally. */
export const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A HYPOTHETICAL year for tests only — not a State Council notice: 1 January
 * is its only holiday. Never copy it into a calendar that judges real cases.
 */
export function hypotheticalYear(year: number): CalendarYear {
  return {
    year,
    textStatus: 'secondary',
    notices: [
      {
        id: `test-${year}`,
        title: `hypothetical test year ${year}`,
        number: null,
        numberVerified: false,
        issued: `${year - 1}-12-01`,
        url: 'https://example.invalid/hypothetical',
        evidence: ['test data, not a notice'],
      },
    ],
    holidays: [{ name: { zh: '元旦', en: "New Year's Day" }, from: `${year}-01-01`, to: `${year}-01-01`, makeupWorkdays: [], notices: [`test-${year}`] }],
  };
}

/**
 * A complaint received on 5 January of the first uncovered year, initially
 * reviewed the same afternoon: its working-day clocks need that year.
 * `COMPLAINT_AS_OF` judges it a fortnight later.
 */
export const complaintInFirstUncoveredYear: ServiceCaseInput = {
  id: `C-${FIRST_UNCOVERED_YEAR}`,
  kind: 'complaint',
  receivedAt: `${FIRST_UNCOVERED_YEAR}-01-05T10:00:00+08:00`,
  complexity: 'simple',
  events: [{ type: 'initial-review', at: `${FIRST_UNCOVERED_YEAR}-01-05T15:00:00+08:00` }],
};
export const COMPLAINT_AS_OF = `${FIRST_UNCOVERED_YEAR}-01-20T09:00:00+08:00`;
