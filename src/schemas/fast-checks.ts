/**
 * Predicates that decide exactly what a schema's own refinement decides,
 * registered beside the schema so the fast validator can call them without
 * building zod's issue payloads. Each registration must be equivalent by
 * construction (the refinement reports a problem exactly when the predicate is
 * false); test/fast-validate.test.ts holds the compiled validator to zod.
 */
const predicates = new WeakMap<object, (value: unknown) => boolean>();

/** Registers the predicate equivalent to `schema`'s refinements and returns the schema. */
export function withFastCheck<S extends object>(schema: S, predicate: (value: unknown) => boolean): S {
  predicates.set(schema, predicate);
  return schema;
}

/** The predicate registered for a schema, if any. */
export function fastCheckOf(schema: object): ((value: unknown) => boolean) | undefined {
  return predicates.get(schema);
}
