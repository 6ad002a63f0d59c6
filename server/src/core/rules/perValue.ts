// Helpers shared by the per-value rules (invalid-cidr, non-canonical-cidr, non-standard-notation,
// wrong-family, wrong-value-kind, service-range-too-large, range-too-small, reserved-range,
// docker-bridge-overlap): the elements of one dual-stack list, the span of a whole list value, text
// edits that replace a value, and how each owner is named in a message.

import type { Component, Fact, Fix, Span, TextEdit } from '../model';
import type { Family } from '../net/addr';
import type { RangeFact } from '../plan/plan';
import { isRangeFact } from '../plan/plan';
import { formatCount } from '../text/format';
import type { RuleContext } from './rule';

/** A fact that rules other than invalid-cidr may judge: its value parsed to an address or range. */
export function isJudgeable(fact: Fact): fact is RangeFact {
  return isRangeFact(fact);
}

/** The text of a file of the scope, for edits that must match what is written. */
export function fileTextOf(ctx: RuleContext, uri: string): string | undefined {
  return ctx.plan.scope.files.find((f) => f.uri === uri)?.text;
}

/**
 * An edit that replaces the value of a fact where it is written — in the ConfigMap or `substitute` map
 * for a value Flux substitutes — or undefined when the characters there are not the value as read (a
 * default on an anchor, an escaped scalar, a value pieced together from a variable and other text):
 * a fix must never rewrite something else.
 */
export function replaceValue(ctx: RuleContext, fact: Fact, newText: string): TextEdit | undefined {
  if (fact.isDefault) return undefined;
  const { uri, span } = fact.substitution?.definedAt ?? { uri: fact.doc.uri, span: fact.span };
  const text = fileTextOf(ctx, uri);
  if (text === undefined || text.slice(span.start, span.end) !== fact.text) return undefined;
  return { uri, span, newText };
}

/** A one-edit fix that rewrites the value, or nothing when the edit would be unsafe. */
export function rewriteFix(ctx: RuleContext, fact: Fact, title: string, newText: string, options: { canonical?: boolean; preferred?: boolean } = {}): Fix[] {
  const edit = replaceValue(ctx, fact, newText);
  if (!edit || newText === fact.text) return [];
  return [{ title, edits: [edit], ...(options.canonical ? { isCanonicalization: true } : {}), ...(options.preferred ? { isPreferred: true } : {}) }];
}

/** The elements of one list-valued field (`a,b` or a YAML sequence) as read, in order. */
export interface ValueList {
  readonly facts: readonly Fact[];
  /** How many elements the field holds, empty ones included. */
  readonly length: number;
  readonly uri: string;
}

/** Groups the facts that came from one list-valued field. Facts without `list` are not returned. */
export function valueLists(facts: readonly Fact[]): ValueList[] {
  const byKey = new Map<string, Fact[]>();
  for (const fact of facts) {
    if (!fact.list || fact.isDefault) continue;
    const key = `${fact.doc.uri}\u0000${fact.doc.index}\u0000${fact.group}\u0000${fact.role}\u0000${fact.source}\u0000${fact.list.length}`;
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(fact);
  }
  const out: ValueList[] = [];
  for (const list of byKey.values()) {
    list.sort((a, b) => a.span.start - b.span.start);
    // The same field written twice in one object (a flag repeated) makes two runs of rising indexes.
    let run: Fact[] = [];
    for (const fact of list) {
      if (run.length > 0 && fact.list!.index <= run[run.length - 1].list!.index) {
        out.push({ facts: run, length: run[0].list!.length, uri: run[0].doc.uri });
        run = [];
      }
      run.push(fact);
    }
    if (run.length > 0) out.push({ facts: run, length: run[0].list!.length, uri: run[0].doc.uri });
  }
  return out;
}

/**
 * Whether the list is one comma-separated scalar (`10.244.0.0/16,fd00::/56`) rather than a YAML
 * sequence: only a comma and blanks stand between its elements. A list of one element counts as one.
 */
export function isCommaString(ctx: RuleContext, list: ValueList): boolean {
  const text = fileTextOf(ctx, list.uri);
  if (text === undefined) return false;
  for (let i = 1; i < list.facts.length; i++) {
    const between = text.slice(list.facts[i - 1].span.end, list.facts[i].span.start);
    if (!/^[ \t]*(,[ \t]*)+$/.test(between)) return false;
  }
  return true;
}

/** Where a comma-separated list has empty elements (`10.0.0.0/8,`), and how to remove them. */
export interface EmptyElements {
  /** The whole value, empty elements included. */
  readonly span: Span;
  /** Edits that drop the surplus commas. */
  readonly edits: readonly TextEdit[];
  readonly count: number;
}

/**
 * The empty elements of a comma-separated scalar, found from the gaps in the element indexes and
 * confirmed against the text (only commas and blanks where the missing elements stand); undefined
 * when there are none or when the list is a YAML sequence whose missing items are not empty strings.
 */
export function emptyElements(ctx: RuleContext, list: ValueList): EmptyElements | undefined {
  const present = list.facts.length;
  if (present === 0 || present >= list.length) return undefined;
  const text = fileTextOf(ctx, list.uri);
  if (text === undefined) return undefined;
  const facts = list.facts;
  const edits: TextEdit[] = [];
  const commas = (s: string) => s.split(',').length - 1;
  // Leading empties: `,10.0.0.0/8`.
  const firstIndex = facts[0].list!.index;
  let start = facts[0].span.start;
  if (firstIndex > 0) {
    let s = start;
    while (s > 0 && /[ \t,]/.test(text[s - 1])) s--;
    while (s < start && /[ \t]/.test(text[s])) s++;
    if (commas(text.slice(s, start)) !== firstIndex) return undefined;
    edits.push({ uri: list.uri, span: { start: s, end: start }, newText: '' });
    start = s;
  }
  // Empties between elements: `a,,b`.
  for (let i = 1; i < facts.length; i++) {
    const gap = facts[i].list!.index - facts[i - 1].list!.index;
    const between = text.slice(facts[i - 1].span.end, facts[i].span.start);
    if (!/^[ \t,]*$/.test(between) || commas(between) !== gap) return undefined;
    if (gap > 1) edits.push({ uri: list.uri, span: { start: facts[i - 1].span.end, end: facts[i].span.start }, newText: ',' });
  }
  // Trailing empties: `10.0.0.0/8,`.
  const lastIndex = facts[facts.length - 1].list!.index;
  let end = facts[facts.length - 1].span.end;
  if (lastIndex < list.length - 1) {
    let e = end;
    while (e < text.length && /[ \t,]/.test(text[e])) e++;
    while (e > end && /[ \t]/.test(text[e - 1])) e--;
    if (commas(text.slice(end, e)) !== list.length - 1 - lastIndex) return undefined;
    // Blanks left before a closing quote go too; before a comment they must stay.
    let editEnd = e;
    while (editEnd < text.length && /[ \t]/.test(text[editEnd])) editEnd++;
    if (text[editEnd] !== '"' && text[editEnd] !== "'") editEnd = e;
    edits.push({ uri: list.uri, span: { start: end, end: editEnd }, newText: '' });
    end = e;
  }
  return { span: { start, end }, edits, count: list.length - present };
}

/** The span from the first element of a list to its last. */
export function listSpan(list: ValueList): Span {
  return { start: list.facts[0].span.start, end: list.facts[list.facts.length - 1].span.end };
}

export function familyName(family: Family): string {
  return family === 4 ? 'IPv4' : 'IPv6';
}

/** How an owner is named in a message: the program that reads the value. */
export function ownerName(component: Component): string {
  switch (component) {
    case 'kubernetes':
      return 'the Kubernetes API server';
    case 'calico':
      return 'Calico';
    case 'calico-operator':
      return 'the Tigera operator';
    case 'cilium':
      return 'Cilium';
    case 'metallb':
      return 'MetalLB';
    case 'weave':
      return 'Weave Net';
    case 'whereabouts':
      return 'Whereabouts';
    case 'host-local':
      return 'the host-local IPAM plugin';
    case 'cluster-api':
      return 'Cluster API (through kubeadm)';
    case 'talos':
      return 'Talos';
    default:
      return component;
  }
}

/** `1 address` / `8 addresses`. */
export function addressCount(n: bigint): string {
  return `${formatCount(n)} address${n === 1n ? '' : 'es'}`;
}
