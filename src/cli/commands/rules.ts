import { catalogueJson, catalogueMarkdown, catalogueText } from '../../rulebook/catalogue.js';
import { createRulebook, defaultRulebook } from '../../rulebook/rulebook.js';
import { UsageError } from '../io.js';

interface RulesArgs {
  values: { format?: string; check?: string; source?: string };
  positionals: string[];
}

/** `icr rules`: the rule catalogue with citations. */
export function runRules({ values, positionals }: RulesArgs): number {
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const format = values.format ?? 'text';
  let rulebook = defaultRulebook;
  if (values.check || values.source) {
    const exclude = rulebook.rules
      .filter((r) => (values.check && r.check !== values.check) || (values.source && r.citation.source !== values.source))
      .map((r) => r.id);
    if (exclude.length === rulebook.rules.length) throw new UsageError('no rule matches the filter');
    rulebook = createRulebook({ rulesets: rulebook.ruleSets, exclude, id: rulebook.id });
  }
  if (format === 'text') process.stdout.write(catalogueText(rulebook));
  else if (format === 'markdown') process.stdout.write(catalogueMarkdown(rulebook));
  else if (format === 'json') process.stdout.write(catalogueJson(rulebook));
  else throw new UsageError('--format must be text, markdown or json');
  return 0;
}
