/**
 * Hostile and broken inputs to every public check — a sale (eligibility and
 * disclosure), a service case (deadlines), an archive record (retention) and
 * the `asOf` option — are refused with an InputError whose issues name the
 * path: never executed, never a verdict, never a pass, never a stack
 * overflow, never a polluted prototype, never the hostile text echoed back.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  InputError,
  checkDeadlines,
  checkDisclosure,
  checkDisposal,
  checkSalesEligibility,
  computeDeadlines,
  computeRetention,
  type ArchiveRecordInput,
  type SaleInput,
  type ServiceCaseInput,
} from '../src/index.js';
import { compliantSale } from './support/sales.js';

/** One hostile input and the path its InputError must name (a RegExp for paths of unbounded length). */
interface Case {
  readonly name: string;
  readonly input: unknown;
  readonly path: string | RegExp;
  /** Replaces the `asOf` option. */
  readonly asOf?: unknown;
  /** What the issue at `path` must say. */
  readonly says?: RegExp;
}

type Run = (input: unknown, asOf: unknown) => unknown;

/** Sets `value` at a dotted path (`events[0].at`) of a JSON copy of `base`, as an own property — even `__proto__`. */
function put(base: unknown, path: string, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '');
  let cur: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) cur = cur[k] as Record<string, unknown>;
  Object.defineProperty(cur, keys[keys.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}
/** `base` without the property at a dotted path. */
function drop(base: unknown, path: string): unknown {
  const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  const keys = path.split('.');
  let cur: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) cur = cur[k] as Record<string, unknown>;
  delete cur[keys[keys.length - 1]!];
  return copy;
}

const MB = 'x'.repeat(1_000_000);
let DEEP: unknown = {};
for (let i = 0; i < 100_000; i++) DEEP = { a: DEEP };
const deepAt = (prefix: string) => new RegExp(`^${prefix.replace(/[.[\]]/g, '\\$&')}(\\.a)+$`);

/** Cases every input shares: the whole input is not an object. */
const NOT_AN_OBJECT: Case[] = [
  { name: 'null as the whole input', input: null, path: '(root)' },
  { name: 'an array as the whole input', input: [], path: '(root)' },
  { name: 'a string as the whole input', input: 'DROP TABLE cases', path: '(root)' },
  { name: 'a number as the whole input', input: 42, path: '(root)' },
  { name: 'undefined as the whole input', input: undefined, path: '(root)' },
];

/** A prototype-pollution attempt: an own `__proto__` key, as JSON.parse makes one from `{"__proto__": …}`. */
const protoKey = (base: unknown, at: string) => put(base, at ? `${at}.__proto__` : '__proto__', { polluted: true, isAdmin: true });

// ——— a sale: eligibility and disclosure ———
const sale: SaleInput = compliantSale({
  disclosures: [
    {
      item: 'exclusions',
      at: '2026-02-25T10:00:00+08:00',
      conspicuous: true,
      explained: true,
      acknowledgedAt: '2026-02-25T10:05:00+08:00',
      confirmedBy: 'applicant',
      acknowledgementForm: 'signature',
    },
  ],
});
const SALE_CASES: Case[] = [
  { name: 'a naive signing time', input: put(sale, 'signedAt', '2026-03-02T10:00:00'), path: 'signedAt', says: /naive date-time \(no offset\)/ },
  { name: 'a naive step time', input: put(sale, 'steps[0].at', '2026-03-02 10:00'), path: 'steps[0].at' },
  { name: 'a naive disclosure time', input: put(sale, 'disclosures[0].at', '2026-02-25T10:00'), path: 'disclosures[0].at' },
  { name: 'a date-only instant', input: put(sale, 'signedAt', '2026-03-02'), path: 'signedAt' },
  { name: '30 February', input: put(sale, 'applicant.birthDate', '2025-02-30'), path: 'applicant.birthDate', says: /is not a date in the calendar/ },
  { name: 'month 13', input: put(sale, 'applicant.birthDate', '2025-13-01'), path: 'applicant.birthDate', says: /is not a date in the calendar/ },
  { name: '29 February of a common year in an instant', input: put(sale, 'signedAt', '2026-02-29T10:00:00+08:00'), path: 'signedAt' },
  { name: 'month 13 in an instant', input: put(sale, 'signedAt', '2025-13-01T10:00:00+08:00'), path: 'signedAt' },
  { name: 'hour 24', input: put(sale, 'signedAt', '2026-03-02T24:00:00+08:00'), path: 'signedAt' },
  { name: 'an offset of +25:00', input: put(sale, 'signedAt', '2026-03-02T10:00:00+25:00'), path: 'signedAt' },
  { name: 'a negative sum insured', input: put(sale, 'sumInsured', -5), path: 'sumInsured' },
  { name: 'a negative premium', input: put(sale, 'premium.amount', -1), path: 'premium.amount' },
  { name: 'NaN money', input: put(sale, 'sumInsured', Number.NaN), path: 'sumInsured' },
  { name: 'Infinity money', input: put(sale, 'premium.amount', Number.POSITIVE_INFINITY), path: 'premium.amount' },
  { name: '-Infinity money', input: put(sale, 'existingMinorDeathCover', Number.NEGATIVE_INFINITY), path: 'existingMinorDeathCover' },
  { name: 'money as text', input: put(sale, 'sumInsured', '500000'), path: 'sumInsured' },
  { name: 'a risk level as text', input: put(sale, 'product.riskLevel', '2'), path: 'product.riskLevel' },
  { name: 'a risk level off the scale', input: put(sale, 'product.riskLevel', 6), path: 'product.riskLevel' },
  { name: 'a fractional risk level', input: put(sale, 'product.riskLevel', 2.5), path: 'product.riskLevel', says: /^must be a whole number$/ },
  { name: 'a policy term as text', input: put(sale, 'product.termMonths', '240'), path: 'product.termMonths', says: /whole number of months \(1–2400\) or "whole-life"/ },
  { name: 'a fractional policy term', input: put(sale, 'product.termMonths', 12.5), path: 'product.termMonths', says: /whole number of months \(1–2400\) or "whole-life"/ },
  { name: 'a 1 MB id', input: put(sale, 'id', MB), path: 'id' },
  { name: 'a 1 MB product code', input: put(sale, 'product.code', MB), path: 'product.code' },
  { name: '100,000-deep nesting', input: put(sale, 'recording', DEEP), path: deepAt('recording'), says: /nested deeper than 16 levels/ },
  { name: 'an unknown channel', input: put(sale, 'channel', 'wechat-group'), path: 'channel', says: /^must be one of \"/ },
  { name: 'an unknown product kind', input: put(sale, 'product.kind', 'lottery'), path: 'product.kind' },
  { name: 'an unknown civil capacity', input: put(sale, 'applicant.civilCapacity', 'partial'), path: 'applicant.civilCapacity' },
  { name: 'an unknown step', input: put(sale, 'steps[0].step', 'teleport'), path: 'steps[0].step' },
  { name: 'an unknown disclosure item', input: put(sale, 'disclosures[0].item', 'horoscope'), path: 'disclosures[0].item' },
  { name: 'an unknown confirmer', input: put(sale, 'disclosures[0].confirmedBy', 'robot'), path: 'disclosures[0].confirmedBy' },
  { name: 'an unknown key on a party', input: put(sale, 'applicant.age', 40), path: 'applicant' },
  { name: 'an unknown top-level key', input: put(sale, 'isCompliant', true), path: '(root)' },
  { name: 'a boolean as text', input: put(sale, 'channelLicensed', 'yes'), path: 'channelLicensed' },
  { name: 'an object for a list', input: put(sale, 'steps', { step: 'signature' }), path: 'steps', says: /^must be an array$/ },
  { name: 'a string for an object', input: put(sale, 'applicant', 'Alice'), path: 'applicant' },
  { name: 'a number for an id', input: put(sale, 'id', 42), path: 'id' },
  { name: 'a function', input: put(sale, 'id', () => 'x'), path: 'id' },
  { name: 'a Date object for an instant', input: put(sale, 'signedAt', new Date()), path: 'signedAt' },
  { name: 'a required field missing', input: drop(sale, 'product.line'), path: 'product.line', says: /^is required/ },
  { name: '20,000 steps', input: put(sale, 'steps', Array.from({ length: 20_000 }, () => ({ step: 'signature', at: sale.signedAt }))), path: 'steps' },
  { name: 'a birth after the signing', input: put(sale, 'insured.birthDate', '2026-03-03'), path: 'insured.birthDate' },
  { name: 'a __proto__ key at the top', input: protoKey(sale, ''), path: '__proto__', says: /the key \"__proto__\" is not allowed/ },
  { name: 'a __proto__ key in a party', input: protoKey(sale, 'applicant'), path: 'applicant.__proto__' },
  { name: 'a constructor key', input: put(sale, 'product.constructor', { prototype: { polluted: true } }), path: 'product.constructor' },
  { name: 'a prototype key', input: put(sale, 'recording.prototype', { polluted: true }), path: 'recording.prototype' },
  ...NOT_AN_OBJECT,
];
const DISCLOSURE_ONLY: Case[] = [
  { name: 'an acknowledgement before the disclosure', input: put(sale, 'disclosures[0].acknowledgedAt', '2026-02-25T09:00:00+08:00'), path: 'disclosures[0].acknowledgedAt' },
];

// ——— a service case: deadlines ———
const serviceCase: ServiceCaseInput = {
  id: 'C-1',
  kind: 'complaint',
  receivedAt: '2025-09-30T10:00:00+08:00',
  complexity: 'simple',
  events: [{ type: 'acknowledged', at: '2025-09-30T15:00:00+08:00', note: 'called back' }],
  pauses: [{ from: '2025-10-01T00:00:00+08:00', to: '2025-10-02T00:00:00+08:00', reason: 'mediation' }],
};
const CASE_AS_OF = '2025-10-12T09:00:00+08:00';
const CASE_CASES: Case[] = [
  { name: 'a naive receipt time', input: put(serviceCase, 'receivedAt', '2025-09-30T10:00:00'), path: 'receivedAt', says: /naive date-time \(no offset\)/ },
  { name: 'a naive event time', input: put(serviceCase, 'events[0].at', '2025-09-30 15:00'), path: 'events[0].at' },
  { name: 'a naive pause start', input: put(serviceCase, 'pauses[0].from', '2025-10-01T00:00:00'), path: 'pauses[0].from' },
  { name: '30 February', input: put(serviceCase, 'receivedAt', '2025-02-30T10:00:00+08:00'), path: 'receivedAt', says: /is not a date in the calendar/ },
  { name: 'month 13', input: put(serviceCase, 'receivedAt', '2025-13-01T10:00:00+08:00'), path: 'receivedAt' },
  { name: '31 September in an event', input: put(serviceCase, 'events[0].at', '2025-09-31T15:00:00+08:00'), path: 'events[0].at' },
  { name: 'minute 60', input: put(serviceCase, 'pauses[0].to', '2025-10-01T10:60:00+08:00'), path: 'pauses[0].to' },
  { name: 'a negative policy term', input: put(serviceCase, 'policyTermMonths', -12), path: 'policyTermMonths' },
  { name: 'a zero policy term', input: put(serviceCase, 'policyTermMonths', 0), path: 'policyTermMonths' },
  { name: 'a NaN policy term', input: put(serviceCase, 'policyTermMonths', Number.NaN), path: 'policyTermMonths' },
  { name: 'an infinite policy term', input: put(serviceCase, 'policyTermMonths', Number.POSITIVE_INFINITY), path: 'policyTermMonths' },
  { name: 'a policy term as text', input: put(serviceCase, 'policyTermMonths', '12'), path: 'policyTermMonths', says: /whole number of months \(1–2400\) or \"whole-life\"/ },
  { name: 'a 1 MB id', input: put(serviceCase, 'id', MB), path: 'id' },
  { name: 'a 1 MB event note', input: put(serviceCase, 'events[0].note', MB), path: 'events[0].note' },
  { name: '100,000-deep nesting', input: put(serviceCase, 'events[0].note', DEEP), path: deepAt('events[0].note') },
  { name: 'an unknown kind', input: put(serviceCase, 'kind', 'gossip'), path: 'kind' },
  { name: 'an unknown complexity', input: put(serviceCase, 'complexity', 'trivial'), path: 'complexity' },
  { name: 'an unknown product line', input: put(serviceCase, 'productLine', 'pet'), path: 'productLine' },
  { name: 'an unknown event type', input: put(serviceCase, 'events[0].type', 'answered'), path: 'events[0].type', says: /^must be one of \"/ },
  { name: 'an unknown decision outcome', input: put(serviceCase, 'events[0]', { type: 'decision', at: '2025-09-30T15:00:00+08:00', outcome: 'maybe' }), path: 'events[0].outcome' },
  { name: 'an unknown pause reason', input: put(serviceCase, 'pauses[0].reason', 'holiday'), path: 'pauses[0].reason' },
  { name: 'an unknown top-level key', input: put(serviceCase, 'priority', 1), path: '(root)' },
  { name: 'an unknown key on an event', input: put(serviceCase, 'events[0].by', 'agent'), path: 'events[0]' },
  { name: 'a boolean as text', input: put(serviceCase, 'major', 'yes'), path: 'major' },
  { name: 'a boolean as a number', input: put(serviceCase, 'group', 1), path: 'group' },
  { name: 'an object for a list', input: put(serviceCase, 'events', { type: 'acknowledged' }), path: 'events' },
  { name: 'a string for a list', input: put(serviceCase, 'pauses', 'none'), path: 'pauses' },
  { name: 'a number for an instant', input: put(serviceCase, 'receivedAt', 20250930), path: 'receivedAt' },
  { name: 'a required field missing', input: drop(serviceCase, 'receivedAt'), path: 'receivedAt', says: /^is required/ },
  { name: '1,001 events', input: put(serviceCase, 'events', Array.from({ length: 1001 }, () => ({ type: 'acknowledged', at: '2025-09-30T15:00:00+08:00' }))), path: 'events' },
  { name: 'an event before receipt', input: put(serviceCase, 'events[0].at', '2025-09-30T09:00:00+08:00'), path: 'events[0].at' },
  { name: 'a pause ending before it starts', input: put(serviceCase, 'pauses[0].to', '2025-09-30T23:00:00+08:00'), path: 'pauses[0].to' },
  { name: 'a __proto__ key at the top', input: protoKey(serviceCase, ''), path: '__proto__' },
  { name: 'a __proto__ key in an event', input: protoKey(serviceCase, 'events[0]'), path: 'events[0].__proto__' },
  { name: 'a constructor key', input: put(serviceCase, 'pauses[0].constructor', { prototype: { polluted: true } }), path: 'pauses[0].constructor' },
  { name: 'a naive asOf', input: serviceCase, asOf: '2025-10-12T09:00:00', path: 'asOf' },
  { name: 'an impossible asOf', input: serviceCase, asOf: '2025-02-30T09:00:00+08:00', path: 'asOf' },
  { name: 'asOf as a number', input: serviceCase, asOf: Date.UTC(2025, 9, 12), path: 'asOf' },
  { name: 'no asOf', input: serviceCase, asOf: undefined, path: 'asOf' },
  { name: 'an asOf before receipt', input: serviceCase, asOf: '2025-09-30T09:59:59+08:00', path: 'asOf' },
  ...NOT_AN_OBJECT,
];

// ——— an archive record: retention ———
const record: ArchiveRecordInput = {
  id: 'R-1',
  kind: 'sales-recording',
  policyTermMonths: 12,
  contractTerminatedAt: '2020-10-31',
  disputes: [{ openedAt: '2021-01-10', resolvedAt: '2021-03-31' }],
  legalHold: false,
  appraisal: { approvedAt: '2025-06-01' },
};
const RECORD_AS_OF = '2026-01-01T10:00:00+08:00';
const RECORD_CASES: Case[] = [
  { name: 'a naive termination time', input: put(record, 'contractTerminatedAt', '2020-10-31T08:00:00'), path: 'contractTerminatedAt', says: /naive date-time \(no offset\)/ },
  { name: 'a naive dispute time', input: put(record, 'disputes[0].openedAt', '2021-01-10 09:00'), path: 'disputes[0].openedAt' },
  { name: '30 February', input: put(record, 'contractTerminatedAt', '2025-02-30'), path: 'contractTerminatedAt', says: /is not a date in the calendar/ },
  { name: 'month 13', input: put(record, 'relationshipEndedAt', '2025-13-01'), path: 'relationshipEndedAt' },
  { name: '29 February of a common year', input: put(record, 'appraisal.approvedAt', '2023-02-29'), path: 'appraisal.approvedAt' },
  { name: 'an impossible instant', input: put(record, 'transactionAt', '2025-02-30T10:00:00+08:00'), path: 'transactionAt' },
  { name: 'a negative policy term', input: put(record, 'policyTermMonths', -1), path: 'policyTermMonths' },
  { name: 'a fractional policy term', input: put(record, 'policyTermMonths', 12.5), path: 'policyTermMonths' },
  { name: 'a NaN policy term', input: put(record, 'policyTermMonths', Number.NaN), path: 'policyTermMonths' },
  { name: 'an infinite policy term', input: put(record, 'policyTermMonths', Number.POSITIVE_INFINITY), path: 'policyTermMonths' },
  { name: 'an absurd policy term', input: put(record, 'policyTermMonths', 1e9), path: 'policyTermMonths' },
  { name: 'a policy term as text', input: put(record, 'policyTermMonths', '12'), path: 'policyTermMonths', says: /whole number of months \(1–2400\) or \"whole-life\"/ },
  { name: 'an unknown term word', input: put(record, 'policyTermMonths', 'forever'), path: 'policyTermMonths' },
  { name: 'a 1 MB id', input: put(record, 'id', MB), path: 'id', says: /longer than 10000 characters/ },
  { name: '100,000-deep nesting', input: put(record, 'appraisal', DEEP), path: deepAt('appraisal') },
  { name: 'an unknown kind', input: put(record, 'kind', 'email'), path: 'kind' },
  { name: 'an unknown top-level key', input: put(record, 'owner', 'legal'), path: '(root)' },
  { name: 'an unknown key on a dispute', input: put(record, 'disputes[0].court', 'Shanghai'), path: 'disputes[0]', says: /unknown key \"court\"/ },
  { name: 'a boolean as text', input: put(record, 'legalHold', 'yes'), path: 'legalHold' },
  { name: 'an object for a list', input: put(record, 'disputes', { openedAt: '2021-01-10' }), path: 'disputes' },
  { name: 'a number for a date', input: put(record, 'transactionAt', 20200101), path: 'transactionAt' },
  { name: 'a required field missing', input: drop(record, 'kind'), path: 'kind', says: /^is required/ },
  { name: '1,001 disputes', input: put(record, 'disputes', Array.from({ length: 1001 }, () => ({ openedAt: '2021-01-10' }))), path: 'disputes' },
  { name: 'a dispute resolved before it opened', input: put(record, 'disputes[0].resolvedAt', '2021-01-09'), path: 'disputes[0].resolvedAt' },
  { name: 'a __proto__ key at the top', input: protoKey(record, ''), path: '__proto__' },
  { name: 'a __proto__ key in the appraisal', input: protoKey(record, 'appraisal'), path: 'appraisal.__proto__' },
  { name: 'a constructor key', input: put(record, 'disputes[0].constructor', { prototype: { polluted: true } }), path: 'disputes[0].constructor' },
  { name: 'a naive asOf', input: record, asOf: '2026-01-01T10:00:00', path: 'asOf' },
  { name: 'an impossible asOf', input: record, asOf: '2026-13-01T10:00:00+08:00', path: 'asOf' },
  { name: 'no asOf', input: record, asOf: undefined, path: 'asOf' },
  ...NOT_AN_OBJECT,
];

const sign = Symbol('no asOf given');
// Hostile `asOf` values are what the cases are about: cast past the type that forbids them.
const withAsOf = (asOf: unknown, fallback: string | undefined) => (asOf === sign ? (fallback === undefined ? {} : { asOf: fallback }) : { asOf: asOf as string });

interface Target {
  readonly name: string;
  readonly run: Run;
  readonly valid: unknown;
  readonly cases: readonly Case[];
}
const TARGETS: Target[] = [
  { name: 'checkSalesEligibility', run: (i, a) => checkSalesEligibility(i as SaleInput, withAsOf(a, undefined)), valid: sale, cases: SALE_CASES },
  { name: 'checkDisclosure', run: (i, a) => checkDisclosure(i as SaleInput, withAsOf(a, undefined)), valid: sale, cases: [...SALE_CASES, ...DISCLOSURE_ONLY] },
  { name: 'checkDeadlines', run: (i, a) => checkDeadlines(i as ServiceCaseInput, withAsOf(a, CASE_AS_OF)), valid: serviceCase, cases: CASE_CASES },
  { name: 'computeDeadlines', run: (i, a) => computeDeadlines(i as ServiceCaseInput, withAsOf(a, CASE_AS_OF)), valid: serviceCase, cases: CASE_CASES },
  { name: 'computeRetention', run: (i, a) => computeRetention(i as ArchiveRecordInput, withAsOf(a, RECORD_AS_OF)), valid: record, cases: RECORD_CASES },
  { name: 'checkDisposal', run: (i, a) => checkDisposal(i as ArchiveRecordInput, withAsOf(a, RECORD_AS_OF)), valid: record, cases: RECORD_CASES },
];

/** Runs a check expecting an InputError; returns it. */
function refusal(run: () => unknown): InputError {
  let thrown: unknown;
  try {
    run();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, 'expected an InputError, got a result').toBeDefined();
  expect(thrown).toBeInstanceOf(InputError);
  return thrown as InputError;
}

afterAll(() => {
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted).toBeUndefined();
  expect(probe.isAdmin).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

it('builds the __proto__ cases as JSON.parse would: an own key, the prototype untouched', () => {
  const viaJson = JSON.parse('{"__proto__": {"isAdmin": true}}');
  const ours = protoKey({}, '') as object;
  expect(Object.keys(ours)).toEqual(Object.keys(viaJson));
  expect(Object.getPrototypeOf(ours)).toBe(Object.prototype);
});

for (const target of TARGETS) {
  describe(`${target.name} refuses hostile input`, () => {
    it('accepts the valid input every case below corrupts in one place', () => {
      expect(() => target.run(target.valid, sign)).not.toThrow();
    });
    for (const c of target.cases) {
      it(`${c.name} → ${String(c.path)}`, () => {
        const e = refusal(() => target.run(c.input, 'asOf' in c ? c.asOf : sign));
        const at = e.issues.find((i) => (typeof c.path === 'string' ? i.path === c.path : c.path.test(i.path)));
        expect(at, `no issue at ${String(c.path)}: ${JSON.stringify(e.issues)}`).toBeDefined();
        if (c.says) expect(at!.message).toMatch(c.says);
        // Plain sentences, never zod's bare defaults.
        for (const i of e.issues) expect(i.message, i.path).toMatch(/^(?!Invalid input$)(?!.*\ba (int|array|object)\b).{4,}/);
        // The hostile text is never echoed back in full.
        expect(e.message.length).toBeLessThan(5_000);
        for (const i of e.issues) expect(i.message.length + i.path.length).toBeLessThan(5_000);
        // Nothing reached a prototype.
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      });
    }
  });
}
