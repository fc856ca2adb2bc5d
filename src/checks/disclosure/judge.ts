/**
 * How disclosure rules are judged. Semantics only; every list, deadline and
 * order comes from the rule files.
 *
 * Items (`disclose`): each required item needs a disclosure record at or
 * before the deadline (the moment the application is signed). Records of the
 * same item combine: one record may carry the conspicuous prompt and another
 * the explanation; one acknowledged record suffices.
 *
 * Order (`order`): the stages must be realised in order by the recorded steps
 * — see {@link judgeOrder}.
 */
import { FALSE, TRUE, UNKNOWN, type Predicate, type Truth, compileCondition, conditionFacts } from '../../engine/conditions.js';
import type { Judge } from '../../engine/evaluate.js';
import type { DisclosureRequirement, ProcessOrder } from '../../schemas/rule.js';
import type { Sale } from '../../schemas/sale.js';
import { parseInstant } from '../../time/civil.js';
import { DISCLOSURE_FACTS } from './facts.js';

/** An instant as the input wrote it, with its epoch milliseconds. */
interface Occurrence {
  readonly ms: number;
  readonly at: string;
}

type DisclosureRecord = NonNullable<Sale['disclosures']>[number];

interface IndexedDisclosure {
  readonly index: number;
  readonly ms: number;
  readonly record: DisclosureRecord;
}

/** What the judge reads from one sale, indexed once. */
export interface SaleIndex {
  /** The moment the application was signed: the earlier of `signedAt` and the first `signature` step. */
  readonly signature: Occurrence;
  /** Records per item; `undefined` when the sale has no `disclosures` at all. */
  readonly disclosures: ReadonlyMap<string, readonly IndexedDisclosure[]> | undefined;
  /** Occurrences per step, earliest first; `undefined` when the sale records no steps (absent or empty: no evidence). */
  readonly steps: ReadonlyMap<string, readonly Occurrence[]> | undefined;
  /**
   * Passes per verification check, earliest first, leaving out a pass that a
   * failure of the same check at or after it and at or before the signature
   * undoes; `undefined` when the sale has no `verification`.
   */
  readonly verifications: ReadonlyMap<string, readonly Occurrence[]> | undefined;
}

const byTime = (a: Occurrence, b: Occurrence) => a.ms - b.ms;

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Indexes a validated sale for judging. */
export function indexSale(sale: Sale): SaleIndex {
  let signature: Occurrence = { ms: parseInstant(sale.signedAt)!, at: sale.signedAt };
  let steps: Map<string, Occurrence[]> | undefined;
  if (sale.steps && sale.steps.length > 0) {
    steps = new Map();
    for (const s of sale.steps) push(steps, s.step, { ms: parseInstant(s.at)!, at: s.at });
    for (const list of steps.values()) list.sort(byTime);
    const first = steps.get('signature')?.[0];
    if (first && first.ms < signature.ms) signature = first;
  }
  let verifications: Map<string, Occurrence[]> | undefined;
  if (sale.verification) {
    // A check counts by its latest result before signing (as eligibility does): a failure undoes earlier passes.
    const failures = new Map<string, number[]>();
    for (const v of sale.verification) if (v.result === 'failed') push(failures, v.check, parseInstant(v.at)!);
    verifications = new Map();
    for (const v of sale.verification) {
      if (v.result !== 'passed') continue;
      const ms = parseInstant(v.at)!;
      const undone = (failures.get(v.check) ?? []).some((f) => f >= ms && f <= signature.ms);
      if (!undone) push(verifications, v.check, { ms, at: v.at });
    }
    for (const list of verifications.values()) list.sort(byTime);
  }
  let disclosures: Map<string, IndexedDisclosure[]> | undefined;
  if (sale.disclosures) {
    disclosures = new Map();
    sale.disclosures.forEach((record, index) => push(disclosures!, record.item, { index, ms: parseInstant(record.at)!, record }));
  }
  return { signature, disclosures, steps, verifications };
}

/** Why a required item is not in order. */
export type ItemProblemCode =
  | 'missing'
  | 'late'
  | 'not-conspicuous'
  | 'not-explained'
  | 'not-acknowledged'
  | 'acknowledged-late'
  | `confirmed-by-${string}`
  | `acknowledged-${string}`;

interface ItemVerdict {
  readonly problems: ItemProblemCode[];
  readonly unknown: string[];
}

const path = (i: number, field: string) => `disclosures[${i}].${field}`;

function judgeItem(records: readonly IndexedDisclosure[], req: DisclosureRequirement, deadlineMs: number): ItemVerdict {
  const problems: ItemProblemCode[] = [];
  const unknown: string[] = [];
  if (records.length === 0) return { problems: ['missing'], unknown };
  const onTime = records.filter((r) => r.ms <= deadlineMs);
  if (onTime.length === 0) return { problems: ['late'], unknown };

  for (const flag of ['conspicuous', 'explained'] as const) {
    if (req[flag] !== true) continue;
    if (onTime.some((r) => r.record[flag] === true)) continue;
    const unstated = onTime.filter((r) => r.record[flag] === undefined);
    if (unstated.length) unknown.push(...unstated.map((r) => path(r.index, flag)));
    else problems.push(flag === 'conspicuous' ? 'not-conspicuous' : 'not-explained');
  }

  const ack = req.acknowledgement;
  if (ack) {
    const reasons: ItemProblemCode[] = [];
    const ackUnknown: string[] = [];
    let acknowledged = false;
    for (const { index, record } of records) {
      const by = record.confirmedBy;
      if (by !== undefined && !ack.by.includes(by)) {
        reasons.push(`confirmed-by-${by}`);
        continue;
      }
      if (record.acknowledgedAt === undefined) {
        if (by === undefined) reasons.push('not-acknowledged');
        else ackUnknown.push(path(index, 'acknowledgedAt'));
        continue;
      }
      if (parseInstant(record.acknowledgedAt)! > deadlineMs) {
        reasons.push('acknowledged-late');
        continue;
      }
      if (by === undefined) {
        ackUnknown.push(path(index, 'confirmedBy'));
        continue;
      }
      if (ack.forms) {
        const form = record.acknowledgementForm;
        if (form === undefined) {
          ackUnknown.push(path(index, 'acknowledgementForm'));
          continue;
        }
        if (!ack.forms.includes(form)) {
          reasons.push(`acknowledged-${form}`);
          continue;
        }
      }
      acknowledged = true;
      break;
    }
    if (!acknowledged) {
      if (ackUnknown.length) unknown.push(...ackUnknown);
      else for (const r of reasons) if (!problems.includes(r)) problems.push(r);
    }
  }
  return { problems, unknown };
}

const IMPROPER: ReadonlySet<string> = new Set(['not-conspicuous', 'not-explained']);

/** The outcome of a rule's judgement, as evaluateRules takes it. */
type Judgement = ReturnType<Judge>;

/** Judges a `disclose` requirement on one sale. */
export function judgeItems(
  req: DisclosureRequirement,
  index: SaleIndex,
  facts: Readonly<Record<string, unknown>>,
  simplify: Predicate | undefined,
): Judgement {
  const base: Record<string, unknown> = { deadlineAt: index.signature.at, requiredItems: [...req.items] };
  const s = simplify ? simplify(facts) : FALSE;
  if (simplify) base.simplified = s === TRUE;
  if (s === TRUE) return { truth: TRUE, facts: base };

  if (index.disclosures === undefined) {
    return { truth: UNKNOWN, facts: { ...base, unresolvedItems: [...req.items] }, missing: ['disclosures'] };
  }
  const missingItems: string[] = [];
  const lateItems: string[] = [];
  const improperItems: string[] = [];
  const unacknowledgedItems: string[] = [];
  const unresolvedItems: string[] = [];
  const itemProblems: Array<Record<string, unknown>> = [];
  const missing: string[] = [];
  for (const item of req.items) {
    const records = index.disclosures.get(item) ?? [];
    const v = judgeItem(records, req, index.signature.ms);
    for (const p of v.problems) {
      const list = p === 'missing' ? missingItems : p === 'late' ? lateItems : IMPROPER.has(p) ? improperItems : unacknowledgedItems;
      if (!list.includes(item)) list.push(item);
    }
    if (v.unknown.length) {
      unresolvedItems.push(item);
      for (const p of v.unknown) if (!missing.includes(p)) missing.push(p);
    }
    if (v.problems.length || v.unknown.length) {
      itemProblems.push({
        item,
        problems: [...v.problems, ...(v.unknown.length ? ['unknown'] : [])],
        records: records.map((r) => ({
          index: r.index,
          at: r.record.at,
          ...(r.record.acknowledgedAt !== undefined ? { acknowledgedAt: r.record.acknowledgedAt } : {}),
          ...(r.record.confirmedBy !== undefined ? { confirmedBy: r.record.confirmedBy } : {}),
        })),
      });
    }
  }
  const failed = missingItems.length + lateItems.length + improperItems.length + unacknowledgedItems.length > 0;
  let truth: Truth = failed ? FALSE : missing.length ? UNKNOWN : TRUE;
  if (truth === FALSE && s === UNKNOWN) {
    // The items fall short, but the sale may qualify for the simplification: it does not show whether.
    truth = UNKNOWN;
    for (const name of conditionFactsOf(simplify!)) {
      if (facts[name] !== undefined) continue;
      for (const p of DISCLOSURE_FACTS[name as keyof typeof DISCLOSURE_FACTS]?.inputs ?? [name]) if (!missing.includes(p)) missing.push(p);
    }
  }
  return {
    truth,
    facts: { ...base, missingItems, lateItems, improperItems, unacknowledgedItems, unresolvedItems, itemProblems },
    ...(missing.length ? { missing } : {}),
  };
}

/** The facts each compiled `simplifyWhen` reads. */
const SIMPLIFY_FACTS = new WeakMap<Predicate, readonly string[]>();
const conditionFactsOf = (p: Predicate): readonly string[] => SIMPLIFY_FACTS.get(p) ?? [];

/** Occurrences of an order event, earliest first; `undefined` when the sale does not show them. */
function occurrences(event: string, index: SaleIndex): readonly Occurrence[] | undefined {
  if (event === 'signature') return [index.signature];
  if (event.startsWith('verification:')) return index.verifications ? (index.verifications.get(event.slice(13)) ?? []) : undefined;
  return index.steps ? (index.steps.get(event) ?? []) : undefined;
}

/**
 * Judges an `order` requirement. The stages are in order when one occurrence
 * of each listed step can be chosen so that every step of a stage comes at or
 * after every chosen step of the earlier stages (ties are in order; steps of
 * one stage may come in any order among themselves). The earliest fitting
 * occurrence is chosen, which finds such a chain whenever one exists; a step
 * repeated earlier or later does no harm. The signature is one event: the
 * earlier of `signedAt` and the first `signature` step. A verification
 * occurs when it passed and no later failure of the same check, by the
 * signature, undid it. A step with no occurrence at all is handled by its
 * stage's `ifMissing`; with no steps recorded, steps are unknown.
 */
export function judgeOrder(order: ProcessOrder, index: SaleIndex): Judgement {
  const stepTimeline: string[] = [];
  const outOfOrder: string[] = [];
  const missingSteps: string[] = [];
  const orderProblems: Array<Record<string, string>> = [];
  const missing: string[] = [];
  let failed = false;
  let unknown = false;
  let cursor: (Occurrence & { step: string }) | undefined;
  for (const stage of order.stages) {
    let stageEnd = cursor;
    for (const step of stage.steps) {
      const occ = occurrences(step, index);
      if (occ === undefined) {
        unknown = true;
        const p = step.startsWith('verification:') ? 'verification' : 'steps';
        if (!missing.includes(p)) missing.push(p);
        stepTimeline.push(`${step}@?`);
        continue;
      }
      if (occ.length === 0) {
        stepTimeline.push(`${step}@—`);
        if (stage.ifMissing === 'skip') continue;
        missingSteps.push(step);
        if (stage.ifMissing === 'fail') failed = true;
        else {
          unknown = true;
          const p = step.startsWith('verification:') ? 'verification' : 'steps';
          if (!missing.includes(p)) missing.push(p);
        }
        continue;
      }
      const from = cursor;
      const found = from === undefined ? occ[0]! : occ.find((o) => o.ms >= from.ms);
      if (found === undefined) {
        const latest = occ[occ.length - 1]!;
        stepTimeline.push(`${step}@${latest.at}`);
        outOfOrder.push(step);
        orderProblems.push({ step, at: latest.at, mustFollow: from!.step, mustFollowAt: from!.at });
        failed = true;
        continue;
      }
      stepTimeline.push(`${step}@${found.at}`);
      if (stageEnd === undefined || found.ms > stageEnd.ms) stageEnd = { ...found, step };
    }
    cursor = stageEnd;
  }
  const truth: Truth = failed ? FALSE : unknown ? UNKNOWN : TRUE;
  return {
    truth,
    facts: { stepTimeline, outOfOrder, missingSteps, orderProblems },
    ...(truth === UNKNOWN && missing.length ? { missing } : {}),
  };
}

const COMPILED = new WeakMap<object, Predicate>();

function simplifyPredicate(req: DisclosureRequirement): Predicate | undefined {
  if (!req.simplifyWhen) return undefined;
  let p = COMPILED.get(req);
  if (!p) {
    p = compileCondition(req.simplifyWhen);
    COMPILED.set(req, p);
    SIMPLIFY_FACTS.set(p, conditionFacts(req.simplifyWhen));
  }
  return p;
}

/** The judge of one sale's disclosure rules. */
export function disclosureJudge(sale: Sale): Judge {
  const index = indexSale(sale);
  return (compiled, facts) => {
    const rule = compiled.rule;
    if ('disclose' in rule && rule.disclose) return judgeItems(rule.disclose, index, facts, simplifyPredicate(rule.disclose));
    if ('order' in rule && rule.order) return judgeOrder(rule.order, index);
    return { truth: UNKNOWN };
  };
}
