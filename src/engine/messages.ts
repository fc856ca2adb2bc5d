/**
 * Rule messages with `{fact}` placeholders, compiled once per rule into a
 * renderer. Screening runs the same rules over many similar cases, so each
 * renderer remembers its last facts and reuses the rendered text when they
 * are the same values again. Rendered messages are frozen: results may share them.
 */
import type { Bilingual } from '../schemas/common.js';

/** A message split into literal text and `{fact}` placeholders. */
export type MessageTemplate = ReadonlyArray<string | { fact: string }>;

/** Splits `text` into literal parts and placeholders. */
export function compileMessage(text: string): MessageTemplate {
  const parts: Array<string | { fact: string }> = [];
  let last = 0;
  for (const m of text.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push({ fact: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** How a fact value reads in a message. */
export function formatValue(v: unknown): string {
  if (v === undefined) return '?';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return String(v);
    return Number.isFinite(v) ? String(Math.round(v * 100) / 100) : '∞';
  }
  if (Array.isArray(v)) return v.length ? v.join(', ') : '—';
  return String(v);
}

/** Renders a bilingual message from a case's facts and a judge's explanation facts (which take precedence). */
export type MessageRenderer = (
  facts: Readonly<Record<string, unknown>>,
  extra?: Readonly<Record<string, unknown>>,
) => Bilingual;

/** Compiles a rule's `{ zh, en }` message into a renderer. */
export function messageRenderer(message: Bilingual): MessageRenderer {
  const zh = compileMessage(message.zh);
  const en = compileMessage(message.en);
  const names: string[] = [];
  for (const part of [...zh, ...en]) if (typeof part !== 'string' && !names.includes(part.fact)) names.push(part.fact);
  const slot = (t: MessageTemplate) => t.map((p) => (typeof p === 'string' ? p : names.indexOf(p.fact)));
  const zhParts = slot(zh);
  const enParts = slot(en);
  if (names.length === 0) {
    const fixed = Object.freeze({ zh: message.zh, en: message.en });
    return () => fixed;
  }
  const build = (parts: ReadonlyArray<string | number>, texts: readonly string[]) => {
    let out = '';
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      out += typeof p === 'string' ? p : texts[p]!;
    }
    return out;
  };
  let lastValues: unknown[] = [];
  let last: Bilingual | undefined;
  const read = (facts: Readonly<Record<string, unknown>>, extra: Readonly<Record<string, unknown>> | undefined, name: string) =>
    extra !== undefined && extra[name] !== undefined ? extra[name] : facts[name];
  return (facts, extra) => {
    if (last !== undefined) {
      let same = true;
      for (let i = 0; i < names.length; i++) {
        if (read(facts, extra, names[i]!) !== lastValues[i]) {
          same = false;
          break;
        }
      }
      if (same) return last;
    }
    const values = new Array<unknown>(names.length);
    const texts = new Array<string>(names.length);
    for (let i = 0; i < names.length; i++) {
      const v = read(facts, extra, names[i]!);
      values[i] = v;
      texts[i] = formatValue(v);
    }
    last = Object.freeze({ zh: build(zhParts, texts), en: build(enParts, texts) });
    lastValues = values;
    return last;
  };
}
