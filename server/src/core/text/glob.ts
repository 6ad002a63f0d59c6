// Glob patterns for `ignore` and `cidrLens.scan.exclude`: `**` (any folders), `*` (any characters
// but `/`), `?`, `{a,b}` alternatives and `[...]` / `[!...]` classes. A pattern without `/` matches at
// any depth, as in .gitignore; a leading `/` anchors it at the root; a trailing `/` names a folder and
// everything below it. A pattern that matches a folder matches every path below that folder.
//
// Globs come from the workspace, so matching must not be a denial of service. A glob compiles to a
// nondeterministic automaton (Thompson's construction) whose states are all followed at once over
// the path's characters, so nothing ever backtracks: the automaton has at most three states per
// pattern character plus one, and one path character costs at most one visit of each state. The sets
// of states met are remembered as the states of a deterministic automaton, built lazily and capped
// at MAX_CACHED_STATES per list, so that the common case costs one map lookup per character; a glob whose
// literal text (`.json` of `*.json`) does not occur in the path is not run at all. Matching one path
// is O(glob length × path length) in the worst case, whatever the pattern — `*a*a*a*a*a*a*a*a*b`
// against sixty `a`s takes microseconds, where the regular expression it used to become never
// finished — and a list's state visits are capped at MAX_GLOB_STEPS over its life.

/** Longer globs are refused: no real path filter needs them, and the length bounds the cost. */
export const MAX_GLOB_LENGTH = 1000;
/** More alternatives in one `{…}` are refused. */
export const MAX_GLOB_ALTERNATIVES = 256;
/**
 * Automaton states (and transitions) the remembered sets of one list may hold, about 16 MB; beyond
 * it, sets are computed and not kept, which is slower but still linear.
 */
export const MAX_CACHED_STATES = 2_000_000;
/**
 * State visits one list may spend over its life (well under a second). Remembered sets cost none, so
 * only patterns built to defeat the cache get near it; once it is spent the list matches nothing more,
 * and `globBudgetExhausted` says so, so that the files it would have left out are checked instead.
 */
export const MAX_GLOB_STEPS = 10_000_000;

const SLASH = 0x2f;

/** What one automaton state does: consume a character that passes its test, split in two, or accept. */
const enum Op {
  Char,
  NotSlash,
  Any,
  Class,
  Split,
  Match,
}

/** A character class: inclusive ranges of UTF-16 code units as [low, high] pairs; never matches `/`. */
interface CharClass {
  readonly ranges: readonly number[];
  readonly negated: boolean;
}

type Atom =
  | { readonly kind: 'char'; readonly code: number }
  | { readonly kind: 'one' }
  | { readonly kind: 'star' }
  | { readonly kind: 'globstar' }
  | { readonly kind: 'globstarSlash' }
  | { readonly kind: 'class'; readonly charClass: CharClass }
  | { readonly kind: 'alternatives'; readonly options: readonly (readonly Atom[])[] };

/** A parsed glob; its automaton is built when it is first matched. */
export interface Glob {
  readonly pattern: string;
  readonly atoms: readonly Atom[];
  /** No `/` in the pattern: it may start after any `/` of the path, not only at its beginning. */
  readonly anyDepth: boolean;
  /** The longest run of plain characters outside `{…}`: every path the glob matches contains it. */
  readonly literal: string;
}

/** Why a pattern is not a glob, with the offset in the pattern where the problem starts. */
export interface GlobError {
  readonly error: string;
  readonly at: number;
}

export function isGlobError(value: Glob | GlobError): value is GlobError {
  return 'error' in value;
}

/** Compiles a glob, or says why it is not one: too long, an unclosed `[` or `{`, an empty or reversed class. */
export function compileGlob(pattern: string): Glob | GlobError {
  if (pattern.length === 0) return { error: 'an empty glob matches nothing', at: 0 };
  if (pattern.length > MAX_GLOB_LENGTH) return { error: `a glob is at most ${MAX_GLOB_LENGTH.toLocaleString('en-US')} characters long, this one has ${pattern.length.toLocaleString('en-US')}`, at: 0 };
  const leadingSlash = pattern.startsWith('/') ? 1 : 0;
  let body = pattern.slice(leadingSlash);
  if (body.endsWith('/')) body += '**';
  const atoms = parseSequence(body, 0, body.length, false, leadingSlash);
  if ('error' in atoms) return atoms;
  return { pattern, atoms, anyDepth: !pattern.includes('/'), literal: longestLiteral(atoms) };
}

function longestLiteral(atoms: readonly Atom[]): string {
  let longest = '';
  let run = '';
  for (const atom of atoms) {
    run = atom.kind === 'char' ? run + String.fromCharCode(atom.code) : '';
    if (run.length > longest.length) longest = run;
  }
  return longest;
}

/** Whether `relativePath` (with `/` separators), or a folder on its way, matches the glob. */
export function matchesGlob(glob: Glob, relativePath: string): boolean {
  let matcher = singleMatchers.get(glob);
  if (!matcher) singleMatchers.set(glob, (matcher = new GlobMatcher(glob, newBudget())));
  return matcher.matches(relativePath);
}

/**
 * Whether `relativePath` matches any of `globs`. A list is compiled on its first use and kept with
 * it (a config's `ignore` list lives as long as the config), so its remembered sets serve every path.
 */
export function matchesAnyGlob(relativePath: string, globs: readonly Glob[]): boolean {
  if (globs.length === 0) return false;
  let matcher = listMatchers.get(globs);
  if (!matcher) listMatchers.set(globs, (matcher = new ListMatcher(globs)));
  return matcher.matches(relativePath);
}

/** Whether a list of globs ran out of MAX_GLOB_STEPS, so that some paths were not matched against it. */
export function globBudgetExhausted(globs: readonly Glob[]): boolean {
  return (listMatchers.get(globs)?.budget.stepsLeft ?? 1) <= 0;
}

const listMatchers = new WeakMap<readonly Glob[], ListMatcher>();
const singleMatchers = new WeakMap<Glob, GlobMatcher>();

/** What a list of globs may still spend, shared by the matchers of its globs. */
interface Budget {
  /** State visits left (MAX_GLOB_STEPS); none left, the list matches nothing. */
  stepsLeft: number;
  /** Room left for remembered sets (MAX_CACHED_STATES); none left, sets are no longer kept. */
  cacheLeft: number;
}

function newBudget(): Budget {
  return { stepsLeft: MAX_GLOB_STEPS, cacheLeft: MAX_CACHED_STATES };
}

/** The globs of one list, each with its own automaton, and the budget they share. */
class ListMatcher {
  readonly budget: Budget = newBudget();
  private readonly matchers: readonly GlobMatcher[];

  constructor(globs: readonly Glob[]) {
    this.matchers = globs.map((glob) => new GlobMatcher(glob, this.budget));
  }

  matches(path: string): boolean {
    return this.matchers.some((matcher) => (matcher.literal === '' || path.includes(matcher.literal)) && matcher.matches(path));
  }
}

// Parsing ----------------------------------------------------------------------------------------

/** The atoms of `body[start, end)`; `offset` maps positions back to the pattern the user wrote. */
function parseSequence(body: string, start: number, end: number, inAlternative: boolean, offset: number): Atom[] | GlobError {
  const atoms: Atom[] = [];
  let i = start;
  while (i < end) {
    const c = body[i];
    if (c === '*' && body[i + 1] === '*' && i + 1 < end) {
      const slashAfter = body[i + 2] === '/' && i + 2 < end;
      atoms.push({ kind: slashAfter ? 'globstarSlash' : 'globstar' });
      i += slashAfter ? 3 : 2;
    } else if (c === '*') {
      atoms.push({ kind: 'star' });
      i++;
    } else if (c === '?') {
      atoms.push({ kind: 'one' });
      i++;
    } else if (c === '[') {
      const parsed = parseClass(body, i, end, offset);
      if ('error' in parsed) return parsed;
      atoms.push({ kind: 'class', charClass: parsed.charClass });
      i = parsed.next;
    } else if (c === '{' && !inAlternative) {
      const parsed = parseAlternatives(body, i, end, offset);
      if ('error' in parsed) return parsed;
      atoms.push(parsed.atom);
      i = parsed.next;
    } else {
      // Outside a class every other character is itself, `{` inside alternatives and `\` included.
      atoms.push({ kind: 'char', code: body.charCodeAt(i) });
      i++;
    }
  }
  return atoms;
}

/** `{a,b,c}`: split at every comma up to the first `}`; each alternative is a glob without braces. */
function parseAlternatives(body: string, open: number, end: number, offset: number): { atom: Atom; next: number } | GlobError {
  const close = body.indexOf('}', open + 1);
  if (close < 0 || close >= end) return { error: 'this { is never closed by }', at: open + offset };
  const options: Atom[][] = [];
  let from = open + 1;
  for (;;) {
    const comma = body.indexOf(',', from);
    const to = comma >= 0 && comma < close ? comma : close;
    const option = parseSequence(body, from, to, true, offset);
    if ('error' in option) return option;
    options.push(option);
    if (options.length > MAX_GLOB_ALTERNATIVES) return { error: `a {…} holds at most ${MAX_GLOB_ALTERNATIVES} alternatives`, at: open + offset };
    if (to === close) break;
    from = to + 1;
  }
  return { atom: { kind: 'alternatives', options }, next: close + 1 };
}

/** `[abc]`, `[a-z]`, `[!a-z]` (or `[^a-z]`); `\` takes the next character as itself. */
function parseClass(body: string, open: number, end: number, offset: number): { charClass: CharClass; next: number } | GlobError {
  const unclosed: GlobError = { error: 'this [ is never closed by ]', at: open + offset };
  let i = open + 1;
  const negated = body[i] === '!' || body[i] === '^';
  if (negated) i++;
  const ranges: number[] = [];
  const unit = (at: number): { code: number; next: number } | undefined => {
    const escaped = body[at] === '\\';
    const position = escaped ? at + 1 : at;
    return position < end ? { code: body.charCodeAt(position), next: position + 1 } : undefined;
  };
  for (;;) {
    if (i >= end) return unclosed;
    if (body[i] === ']') break;
    const low = unit(i);
    if (!low) return unclosed;
    i = low.next;
    if (body[i] === '-' && i + 1 < end && body[i + 1] !== ']') {
      const high = unit(i + 1);
      if (!high) return unclosed;
      if (high.code < low.code) {
        return { error: `the range ${String.fromCharCode(low.code)}-${String.fromCharCode(high.code)} in [...] runs backwards`, at: open + offset };
      }
      ranges.push(low.code, high.code);
      i = high.next;
    } else {
      ranges.push(low.code, low.code);
    }
  }
  if (ranges.length === 0) return { error: 'an empty [] matches nothing', at: open + offset };
  return { charClass: { ranges, negated }, next: i + 1 };
}

// The automaton ----------------------------------------------------------------------------------

/**
 * The states of a glob as parallel arrays. `next` is where a consuming state goes after its
 * character, or a split's first branch; `next2` is a split's second branch. Invariant: every index
 * is a state.
 */
interface Automaton {
  readonly op: readonly Op[];
  readonly code: readonly number[];
  readonly classes: readonly CharClass[];
  readonly next: readonly number[];
  readonly next2: readonly number[];
  /** Where the glob starts: at the beginning of the path, and after every `/` when it is `anyDepth`. */
  readonly start: number;
  readonly anyDepth: boolean;
}

function buildAutomaton(glob: Glob): Automaton {
  const op: Op[] = [];
  const code: number[] = [];
  const classes: CharClass[] = [];
  const next: number[] = [];
  const next2: number[] = [];
  const state = (kind: Op, to: number, to2 = -1, argument = 0): number => {
    op.push(kind);
    code.push(argument);
    next.push(to);
    next2.push(to2);
    return op.length - 1;
  };
  /** A loop of `consume` states, then `continuation`: `[^/]*` or `.*`. */
  const loop = (consume: Op.NotSlash | Op.Any, continuation: number): number => {
    const split = state(Op.Split, -1, continuation);
    next[split] = state(consume, split);
    return split;
  };
  // Built back to front: each atom's states lead to the states of what follows it.
  const sequence = (items: readonly Atom[], continuation: number): number => {
    let at = continuation;
    for (let i = items.length - 1; i >= 0; i--) at = atom(items[i], at);
    return at;
  };
  const atom = (item: Atom, continuation: number): number => {
    switch (item.kind) {
      case 'char':
        return state(Op.Char, continuation, -1, item.code);
      case 'one':
        return state(Op.NotSlash, continuation);
      case 'class':
        classes.push(item.charClass);
        return state(Op.Class, continuation, -1, classes.length - 1);
      case 'star':
        return loop(Op.NotSlash, continuation);
      case 'globstar':
        return loop(Op.Any, continuation);
      case 'globstarSlash':
        // `**/`: nothing, or any characters ending in `/`.
        return state(Op.Split, loop(Op.Any, state(Op.Char, continuation, -1, SLASH)), continuation);
      case 'alternatives': {
        let at = sequence(item.options[item.options.length - 1], continuation);
        for (let i = item.options.length - 2; i >= 0; i--) at = state(Op.Split, sequence(item.options[i], continuation), at);
        return at;
      }
    }
  };
  const start = sequence(glob.atoms, state(Op.Match, -1));
  return { op, code, classes, next, next2, start, anyDepth: glob.anyDepth };
}

function classAccepts(charClass: CharClass, c: number): boolean {
  if (c === SLASH) return false;
  let inside = false;
  for (let i = 0; i < charClass.ranges.length && !inside; i += 2) inside = c >= charClass.ranges[i] && c <= charClass.ranges[i + 1];
  return inside !== charClass.negated;
}

function consumes(a: Automaton, s: number, c: number): boolean {
  switch (a.op[s]) {
    case Op.Char:
      return a.code[s] === c;
    case Op.NotSlash:
      return c !== SLASH;
    case Op.Any:
      return true;
    case Op.Class:
      return classAccepts(a.classes[a.code[s]], c);
    default:
      return false;
  }
}

/** A set of live automaton states (consuming states and the match state, never splits), sorted. */
interface StateSet {
  readonly states: readonly number[];
  readonly accepting: boolean;
  /** Whether the set is kept in its matcher's table (and so may be the target of remembered steps). */
  readonly remembered: boolean;
  /** The set reached on each character, for remembered sets. */
  readonly after: Map<number, StateSet>;
}

/** The automaton of one glob, and the sets of its states met so far. */
class GlobMatcher {
  readonly literal: string;
  private readonly automaton: Automaton;
  private readonly initial: StateSet;
  private readonly known = new Map<string, StateSet>();
  private readonly seen: Uint8Array;
  private readonly stack: number[] = [];

  constructor(
    glob: Glob,
    private readonly budget: Budget,
  ) {
    this.literal = glob.literal;
    this.automaton = buildAutomaton(glob);
    this.seen = new Uint8Array(this.automaton.op.length);
    this.initial = this.setOf([this.automaton.start], false);
  }

  /** Accepts where a glob has matched a prefix that ends the path or ends just before a `/`: a matched folder covers what is below it. */
  matches(path: string): boolean {
    if (this.exhausted) return false;
    let current = this.initial;
    for (let i = 0; ; i++) {
      if (current.accepting && (i === path.length || path.charCodeAt(i) === SLASH)) return true;
      if (i === path.length) return false;
      if (current.states.length === 0) {
        // Nothing is alive: only a later folder can start a match, so skip to it.
        const slash = this.automaton.anyDepth ? path.indexOf('/', i) : -1;
        if (slash < 0) return false;
        i = slash;
      }
      current = this.step(current, path.charCodeAt(i));
      if (this.exhausted) return false;
    }
  }

  private get exhausted(): boolean {
    return this.budget.stepsLeft <= 0;
  }

  private step(current: StateSet, c: number): StateSet {
    const remembered = current.after.get(c);
    if (remembered) return remembered;
    const a = this.automaton;
    const targets: number[] = [];
    this.budget.stepsLeft -= current.states.length;
    for (const s of current.states) if (consumes(a, s, c)) targets.push(a.next[s]);
    const following = this.setOf(targets, c === SLASH && a.anyDepth);
    if (current.remembered && following.remembered && this.budget.cacheLeft > 0) {
      current.after.set(c, following);
      this.budget.cacheLeft--;
    }
    return following;
  }

  /** The set of states reachable through splits from `from` (and from the start, on `restart`), remembered while there is room. */
  private setOf(from: readonly number[], restart: boolean): StateSet {
    const a = this.automaton;
    const states: number[] = [];
    const marked: number[] = [];
    let accepting = false;
    if (restart) this.stack.push(a.start);
    for (const s of from) this.stack.push(s);
    while (this.stack.length > 0) {
      const at = this.stack.pop()!;
      if (this.seen[at]) continue;
      this.seen[at] = 1;
      marked.push(at);
      if (a.op[at] === Op.Split) {
        this.stack.push(a.next2[at], a.next[at]);
        continue;
      }
      if (a.op[at] === Op.Match) accepting = true;
      states.push(at);
    }
    for (const s of marked) this.seen[s] = 0;
    this.budget.stepsLeft -= marked.length;
    states.sort((x, y) => x - y);
    const key = states.join(',');
    const known = this.known.get(key);
    if (known) return known;
    const remembered = this.budget.cacheLeft >= states.length;
    const set: StateSet = { states, accepting, remembered, after: new Map() };
    if (remembered) {
      this.known.set(key, set);
      this.budget.cacheLeft -= states.length + 1;
    }
    return set;
  }
}
