/**
 * Label and field selectors with the syntax and semantics of
 * k8s.io/apimachinery's `labels.Parse` and `fields.ParseSelector`.
 */

import { badRequest } from './status';

type LabelOperator =
  | 'exists'
  | 'doesNotExist'
  | 'equals'
  | 'notEquals'
  | 'in'
  | 'notIn'
  | 'greaterThan'
  | 'lessThan';

export interface LabelRequirement {
  key: string;
  operator: LabelOperator;
  values: string[];
}

/** A parsed label selector; empty matches everything. */
export type LabelSelector = readonly LabelRequirement[];

const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Why a label key is not a qualified name, or undefined when it is. */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined) {
    if (prefix.length === 0) {
      return 'prefix part must be non-empty';
    }
    if (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix)) {
      return "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    }
  }
  if (name.length === 0) {
    return 'name part must be non-empty';
  }
  if (name.length > 63) {
    return 'name part must be no more than 63 characters';
  }
  if (!QUALIFIED_NAME_PART.test(name)) {
    return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  }
  return undefined;
}

/** Why a label value is not valid, or undefined when it is. */
export function labelValueProblem(value: string): string | undefined {
  if (value.length > 63) {
    return 'must be no more than 63 characters';
  }
  if (!LABEL_VALUE.test(value)) {
    return "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
  }
  return undefined;
}

type Token =
  | { kind: 'identifier'; text: string }
  | { kind: 'symbol'; text: string }
  | { kind: 'end' };

const SPECIAL = new Set(['!', '=', ',', '(', ')', '<', '>']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '=' && text[i + 1] === '=') {
      tokens.push({ kind: 'symbol', text: '==' });
      i += 2;
    } else if (ch === '!' && text[i + 1] === '=') {
      tokens.push({ kind: 'symbol', text: '!=' });
      i += 2;
    } else if (SPECIAL.has(ch)) {
      tokens.push({ kind: 'symbol', text: ch });
      i++;
    } else {
      let end = i;
      while (
        end < text.length &&
        !SPECIAL.has(text[end]) &&
        !/\s/.test(text[end])
      ) {
        end++;
      }
      tokens.push({ kind: 'identifier', text: text.slice(i, end) });
      i = end;
    }
  }
  tokens.push({ kind: 'end' });
  return tokens;
}

function describe(token: Token): string {
  return token.kind === 'end' ? 'end of string' : `'${token.text}'`;
}

/** Parses a label selector; throws a 400 BadRequest on bad syntax. */
export function parseLabelSelector(text: string | undefined): LabelSelector {
  if (!text || !text.trim()) {
    return [];
  }
  const tokens = tokenize(text);
  let position = 0;
  const next = () => tokens[position++];
  const peek = () => tokens[position];
  const fail = (problem: string): never => {
    throw badRequest(`unable to parse requirement: ${problem}`);
  };
  const expectKey = (): string => {
    const token = next();
    if (token.kind !== 'identifier') {
      return fail(`found ${describe(token)}, expected: identifier`);
    }
    const problem = labelKeyProblem(token.text);
    if (problem) {
      fail(`Invalid value: ${JSON.stringify(token.text)}: ${problem}`);
    }
    return token.text;
  };
  const checkValue = (value: string) => {
    const problem = labelValueProblem(value);
    if (problem) {
      fail(`values[0]: Invalid value: ${JSON.stringify(value)}: ${problem}`);
    }
    return value;
  };

  const requirements: LabelRequirement[] = [];
  for (;;) {
    const first = peek();
    if (first.kind === 'symbol' && first.text === '!') {
      next();
      requirements.push({
        key: expectKey(),
        operator: 'doesNotExist',
        values: [],
      });
    } else {
      const key = expectKey();
      const op = peek();
      if (op.kind === 'end' || (op.kind === 'symbol' && op.text === ',')) {
        requirements.push({ key, operator: 'exists', values: [] });
      } else if (
        op.kind === 'identifier' &&
        (op.text === 'in' || op.text === 'notin')
      ) {
        next();
        const open = next();
        if (open.kind !== 'symbol' || open.text !== '(') {
          fail(`found ${describe(open)}, expected: '('`);
        }
        const values: string[] = [];
        for (;;) {
          const token = next();
          if (token.kind === 'identifier') {
            values.push(checkValue(token.text));
            const after = next();
            if (after.kind === 'symbol' && after.text === ')') {
              break;
            }
            if (after.kind !== 'symbol' || after.text !== ',') {
              fail(`found ${describe(after)}, expected: ',' or ')'`);
            }
          } else if (token.kind === 'symbol' && token.text === ')') {
            break;
          } else if (token.kind === 'symbol' && token.text === ',') {
            values.push('');
          } else {
            fail(`found ${describe(token)}, expected: ',', ')' or identifier`);
          }
        }
        if (values.length === 0) {
          fail("for 'in', 'notin' operators, values set can't be empty");
        }
        requirements.push({
          key,
          operator: op.text === 'in' ? 'in' : 'notIn',
          values,
        });
      } else if (
        op.kind === 'symbol' &&
        ['=', '==', '!=', '<', '>'].includes(op.text)
      ) {
        next();
        const valueToken = peek();
        let value = '';
        if (valueToken.kind === 'identifier') {
          next();
          value = checkValue(valueToken.text);
        } else if (
          !(
            valueToken.kind === 'end' ||
            (valueToken.kind === 'symbol' && valueToken.text === ',')
          )
        ) {
          fail(`found ${describe(valueToken)}, expected: identifier`);
        }
        if (op.text === '<' || op.text === '>') {
          if (!/^-?\d+$/.test(value)) {
            fail(`for 'Gt', 'Lt' operators, the value must be an integer`);
          }
          requirements.push({
            key,
            operator: op.text === '>' ? 'greaterThan' : 'lessThan',
            values: [value],
          });
        } else {
          requirements.push({
            key,
            operator: op.text === '!=' ? 'notEquals' : 'equals',
            values: [value],
          });
        }
      } else {
        fail(`found ${describe(op)}, expected: in, notin, =, ==, !=, gt, lt`);
      }
    }
    const separator = next();
    if (separator.kind === 'end') {
      return requirements;
    }
    if (separator.kind !== 'symbol' || separator.text !== ',') {
      fail(`found ${describe(separator)}, expected: ','`);
    }
  }
}

export function matchesLabels(
  selector: LabelSelector,
  labels: Record<string, string> | undefined,
): boolean {
  for (const requirement of selector) {
    const value = labels?.[requirement.key];
    const has = value !== undefined;
    switch (requirement.operator) {
      case 'exists':
        if (!has) return false;
        break;
      case 'doesNotExist':
        if (has) return false;
        break;
      case 'equals':
      case 'in':
        if (!has || !requirement.values.includes(value)) return false;
        break;
      case 'notEquals':
      case 'notIn':
        if (has && requirement.values.includes(value)) return false;
        break;
      case 'greaterThan':
      case 'lessThan': {
        if (!has || !/^-?\d+$/.test(value)) return false;
        const actual = Number(value);
        const bound = Number(requirement.values[0]);
        if (
          requirement.operator === 'greaterThan'
            ? !(actual > bound)
            : !(actual < bound)
        ) {
          return false;
        }
        break;
      }
      default:
        return false;
    }
  }
  return true;
}

export interface FieldRequirement {
  field: string;
  operator: 'equals' | 'notEquals';
  value: string;
}

/** A parsed field selector; empty matches everything. */
export type FieldSelector = readonly FieldRequirement[];

/** Splits on unescaped commas, as fields.ParseSelector does. */
function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
    } else if (text[i] === ',') {
      terms.push(text.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(text.slice(start));
  return terms;
}

function unescapeFieldValue(value: string): string {
  let result = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '\\') {
      const escaped = value[i + 1];
      if (escaped !== '\\' && escaped !== ',' && escaped !== '=') {
        throw badRequest(
          `invalid field selector: invalid escape sequence: ${JSON.stringify(
            `\\${escaped ?? ''}`,
          )}`,
        );
      }
      result += escaped;
      i++;
    } else if (ch === ',' || ch === '=') {
      throw badRequest(
        `invalid field selector: unescaped ${JSON.stringify(ch)} in value`,
      );
    } else {
      result += ch;
    }
  }
  return result;
}

/**
 * Parses a field selector and checks each field label against the ones the
 * resource supports; an unsupported label is a 400, as on a real server.
 */
export function parseFieldSelector(
  text: string | undefined,
  supported: ReadonlySet<string>,
): FieldSelector {
  if (!text || !text.trim()) {
    return [];
  }
  const requirements: FieldRequirement[] = [];
  for (const term of splitTerms(text)) {
    if (term === '') {
      continue;
    }
    let found: FieldRequirement | undefined;
    for (let i = 0; i < term.length && !found; i++) {
      if (term[i] === '\\') {
        i++;
        continue;
      }
      for (const op of ['!=', '==', '='] as const) {
        if (term.startsWith(op, i)) {
          found = {
            field: term.slice(0, i),
            operator: op === '!=' ? 'notEquals' : 'equals',
            value: unescapeFieldValue(term.slice(i + op.length)),
          };
          break;
        }
      }
    }
    if (!found) {
      throw badRequest(
        `invalid selector: '${text}'; can't understand '${term}'`,
      );
    }
    if (!supported.has(found.field)) {
      throw badRequest(`field label not supported: ${found.field}`);
    }
    requirements.push(found);
  }
  return requirements;
}

export function matchesFields(
  selector: FieldSelector,
  fieldValue: (field: string) => string,
): boolean {
  for (const requirement of selector) {
    const equal = fieldValue(requirement.field) === requirement.value;
    if (equal !== (requirement.operator === 'equals')) {
      return false;
    }
  }
  return true;
}
