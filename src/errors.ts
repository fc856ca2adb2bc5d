/** One problem with a check's input: where it is and what is wrong. */
export interface InputIssue {
  /** Where in the input, e.g. `applicant.birthDate` or `steps[2].at`; `(root)` for the whole input. */
  readonly path: string;
  /** A plain sentence saying what is wrong. */
  readonly message: string;
}

/**
 * Thrown by every check when its input is malformed: never a verdict, never a
 * pass. `issues` lists each problem with its path.
 *
 * @example
 * try { checkSalesEligibility(sale) } catch (e) {
 *   if (e instanceof InputError) for (const i of e.issues) console.log(i.path, i.message)
 * }
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly issues: readonly InputIssue[];
  constructor(issues: readonly InputIssue[], what = 'input') {
    super(
      `Invalid ${what}: ${issues
        .slice(0, 5)
        .map((i) => `${i.path} ${i.message}`)
        .join('; ')}${issues.length > 5 ? `; and ${issues.length - 5} more` : ''}`,
    );
    this.issues = issues;
  }
}

/** One problem with a rule file: the file, a JSON pointer into it and a plain sentence. */
export interface RuleSetIssue {
  readonly file: string;
  /** RFC 6901 pointer, e.g. `/rules/3/when/all/0/operator`; empty for the whole file. */
  readonly pointer: string;
  readonly message: string;
}

/** Thrown by {@link loadRuleSet} and {@link createRulebook} for a rule file that does not validate. */
export class RuleSetError extends Error {
  override readonly name = 'RuleSetError';
  readonly issues: readonly RuleSetIssue[];
  constructor(issues: readonly RuleSetIssue[]) {
    super(
      `Invalid rule set: ${issues
        .slice(0, 5)
        .map((i) => `${i.file}${i.pointer ? `#${i.pointer}` : ''}: ${i.message}`)
        .join('; ')}${issues.length > 5 ? `; and ${issues.length - 5} more` : ''}`,
    );
    this.issues = issues;
  }
}
