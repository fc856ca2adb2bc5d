/** The streaming NDJSON and JSON readers of `icr check`: every record once, in order, with its line; broken input as error lines. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonReader, NdjsonReader } from '../src/cli/json-stream.js';
import type { ReaderItem, RecordReader } from '../src/cli/records.js';

/** Feeds text cut at the given points; returns every item. */
function read(reader: RecordReader, text: string, cuts: number[] = []): ReaderItem[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: ReaderItem[] = [];
  let last = 0;
  for (const p of [...points, text.length]) {
    out.push(...reader.push(text.slice(last, p)));
    last = p;
  }
  out.push(...reader.end());
  return out;
}
/** Items as `[line, value]` or `[line, 'error: …']`. */
const show = (items: ReaderItem[]) => items.map((i) => ('input' in i ? [i.line, i.input] : [i.line, `error: ${i.issues[0]!.message}`]));
const json = (text: string, cuts?: number[]) => show(read(new JsonReader(), text, cuts));
const ndjson = (text: string, cuts?: number[]) => show(read(new NdjsonReader(), text, cuts));

/** Records whose strings hold brackets, braces, commas, quotes, backslashes, line-break escapes and CJK text. */
const tricky = fc.record({
  id: fc.string({ unit: fc.constantFrom('a', '[', ']', '{', '}', ',', '"', '\\', '\n', ':', '保', ' '), maxLength: 8 }),
  n: fc.integer(),
  nested: fc.array(fc.record({ s: fc.string({ unit: fc.constantFrom('x', '"', '\\', '}', ']', '\t'), maxLength: 4 }), b: fc.boolean() }), { maxLength: 3 }),
});

describe('JsonReader', () => {
  it('yields each element of a top-level array with the line it starts on', () => {
    const text = '[\n  {"id": "A", "note": "has ] and } and [ and { and , inside"},\n  {"id": "B \\"quoted\\" \\\\", "list": [1, [2, {"x": "]"}]]},\n\n  {\n    "id": "C"\n  }\n]\n';
    expect(json(text)).toEqual([
      [2, { id: 'A', note: 'has ] and } and [ and { and , inside' }],
      [3, { id: 'B "quoted" \\', list: [1, [2, { x: ']' }]] }],
      [5, { id: 'C' }],
    ]);
  });

  it('gives the same records and lines however the text is cut, for pretty-printed and compact arrays', () => {
    fc.assert(
      fc.property(fc.array(tricky, { maxLength: 6 }), fc.boolean(), fc.array(fc.nat(), { maxLength: 10 }), (records, pretty, cuts) => {
        const text = pretty ? JSON.stringify(records, null, 2) : JSON.stringify(records);
        const items = read(new JsonReader(), text, cuts);
        expect(items.map((i) => ('input' in i ? i.input : i))).toEqual(records);
        // Each element starts on the line of its first character.
        if (pretty) expect(items.map((i) => i.line)).toEqual(records.map((_, k) => 2 + records.slice(0, k).reduce((n, r) => n + JSON.stringify(r, null, 2).split('\n').length, 0)));
        else expect(items.every((i) => i.line === 1)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('turns a malformed element into an error line and keeps the ones around it', () => {
    expect(json('[{"id":"A"}, {"id": "B",, "x": 1}, {"id":"C"}]')).toEqual([
      [1, { id: 'A' }],
      [1, expect.stringMatching(/^error: is not valid JSON/)],
      [1, { id: 'C' }],
    ]);
    // A mismatched bracket closes the innermost one that matches.
    expect(json('[\n{"id":"A","steps":[1,2},\n{"id":"B"}\n]')).toEqual([
      [2, 'error: the element starting on this line has a "}" where "]" was expected'],
      [3, { id: 'B' }],
    ]);
  });

  it('recovers when an element is never closed', () => {
    // The next object starts where a key must be: it is the next record.
    expect(json('[\n{"id":"A","x":1,\n{"id":"B"},\n{"id":"C"}\n]')).toEqual([
      [2, 'error: the element starting on this line is not closed: the next record starts on line 3'],
      [3, { id: 'B' }],
      [4, { id: 'C' }],
    ]);
    // A `]` that matches nothing inside the element ends the array.
    expect(json('[{"id":"A"},\n{"id":"B"\n]')).toEqual([
      [1, { id: 'A' }],
      [2, 'error: the element starting on this line is not closed: the array ends on line 3'],
    ]);
    // A string still open at the end of its line is closed there.
    expect(json('[\n{"id":"A","note":"oops},\n{"id":"B"}\n]')).toEqual([
      [2, 'error: the element starting on this line has a string that is not closed before the end of its line'],
      [3, { id: 'B' }],
    ]);
  });

  it('reports empty elements, a trailing comma and an array cut short', () => {
    expect(json('[{"id":"A"},,{"id":"B"},]')).toEqual([
      [1, { id: 'A' }],
      [1, 'error: an empty element: a comma after "[" or after another comma'],
      [1, { id: 'B' }],
      [1, 'error: a comma before "]": an element is missing'],
    ]);
    expect(json('[\n{"id":"A"},\n{"id":"B","x":[1,')).toEqual([
      [2, { id: 'A' }],
      [3, 'error: the element starting on this line is not closed before the end of the input'],
    ]);
    expect(json('[\n{"id":"A"}\n')).toEqual([
      [2, { id: 'A' }],
      [3, 'error: the input ends before the array is closed with "]"'],
    ]);
    expect(json('[\n{"id":"A","s":"abc')).toEqual([[2, 'error: the element starting on this line is not closed: the input ends inside a string']]);
    expect(json('[]')).toEqual([]);
    expect(json('')).toEqual([]);
  });

  it('reads top-level objects one after another (a pretty-printed object, jq output) and text after the array', () => {
    expect(json('\uFEFF{\n  "id": "A",\n  "x": {"y": "}"}\n}\n{"id":"B"} {"id":"C"}\n')).toEqual([
      [1, { id: 'A', x: { y: '}' } }],
      [5, { id: 'B' }],
      [5, { id: 'C' }],
    ]);
    expect(json('[{"id":"A"}]\ngarbage here\n42\n')).toEqual([
      [1, { id: 'A' }],
      [2, expect.stringMatching(/^error: is not valid JSON/)],
      [3, 42],
    ]);
  });

  it('bounds the length and nesting of one record', () => {
    const items = show(read(new JsonReader({ maxRecordLength: 50 }), `[{"id":"${'x'.repeat(100)}"},{"id":"B"}]`, [10, 30, 70]));
    expect(items).toEqual([
      [1, 'error: the element starting on this line is longer than 50 characters'],
      [1, { id: 'B' }],
    ]);
    const deep = `[${'['.repeat(20)}${']'.repeat(20)},{"id":"B"}]`;
    expect(show(read(new JsonReader({ maxDepth: 10 }), deep))).toEqual([
      [1, 'error: the element starting on this line is nested more than 10 levels deep'],
      [1, { id: 'B' }],
    ]);
  });

  it('never throws on damaged text, and the records before the damage come out intact', () => {
    fc.assert(
      fc.property(fc.array(tricky, { minLength: 1, maxLength: 5 }), fc.nat(), fc.integer({ min: 1, max: 6 }), fc.array(fc.nat(), { maxLength: 6 }), (records, a, cut, chunks) => {
        const parts = records.map((r) => JSON.stringify(r));
        const inner = parts.join(',');
        const from = a % inner.length;
        const text = `[${inner.slice(0, from)}${inner.slice(from + cut)}]`;
        const items = read(new JsonReader(), text, chunks);
        // Element k is untouched when it and its comma end before the cut.
        let end = 0;
        parts.forEach((p, k) => {
          end += p.length + 1;
          if (end <= from) expect(items[k]).toEqual({ line: 1, input: records[k] });
        });
        expect(items.every((i) => i.line === 1)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('NdjsonReader', () => {
  it('yields one record per non-blank line with its line number, CRLF and BOM included', () => {
    expect(ndjson('\uFEFF{"id":"A"}\r\n\r\n  \n{"id":"B"}\n{ nope\n{"id":"C"}')).toEqual([
      [1, { id: 'A' }],
      [4, { id: 'B' }],
      [5, expect.stringMatching(/^error: is not valid JSON/)],
      [6, { id: 'C' }],
    ]);
  });

  it('gives the same items however the text is cut', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(tricky.map((r) => JSON.stringify(r)), fc.constantFrom('', '  ', '{bad', '[1,')), { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 8 }), (lines, cuts) => {
        const text = lines.join('\n');
        expect(ndjson(text, cuts)).toEqual(ndjson(text));
        expect(ndjson(text).map(([line]) => line)).toEqual(lines.flatMap((l, k) => (l.trim() === '' ? [] : [k + 1])));
      }),
      { numRuns: 300 },
    );
  });

  it('bounds the length of a line', () => {
    expect(show(read(new NdjsonReader({ maxRecordLength: 20 }), `{"id":"${'x'.repeat(40)}"}\n{"id":"B"}\n`, [5, 15, 30]))).toEqual([
      [1, 'error: the line is longer than 20 characters'],
      [2, { id: 'B' }],
    ]);
  });
});
