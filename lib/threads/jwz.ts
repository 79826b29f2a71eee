// Jamie Zawinski's message threading (https://www.jwz.org/doc/threading.html), which is also the
// REFERENCES algorithm of RFC 5256: link messages by Message-ID/References/In-Reply-To, drop the
// empty containers that only stood for missing messages, gather threads that share a base subject,
// and order siblings by date. Pure and iterative (no recursion), so a 10,000-message reply chain
// cannot overflow the stack.
import { baseSubject, subjectKey, type BaseSubject } from "./base-subject";

export type ThreadableMessage = {
  /** The caller's key for the message (Postern passes the UID); the last tie-breaker when ordering. */
  id: number;
  /** Message-ID without angle brackets, or null. */
  messageId: string | null;
  /** References, oldest first, without angle brackets. */
  references: readonly string[];
  /** The first Message-ID in In-Reply-To, used only when References is empty. */
  inReplyTo: string | null;
  subject: string;
  /** Sent date in ms since the epoch, or null when unknown (sorted after the dated ones). */
  date: number | null;
  /** baseSubject(subject), when the caller has it already (stored-thread-headers.ts keeps it,
   * keyed, instead of the subject); its `base` is then compared as is. */
  baseSubject?: BaseSubject;
};

/** A thread: `message` is null for a message that is referenced but not in the folder. */
export type ThreadNode<T> = { readonly message: T | null; readonly children: readonly ThreadNode<T>[] };

type Container<T> = { message: T | null; parent: Container<T> | null; children: Container<T>[]; date: number; order: number };

const newContainer = <T>(): Container<T> => ({ message: null, parent: null, children: [], date: Infinity, order: Infinity });

/** True when `a` is `b` or one of its ancestors: making `a` a child of `b` would close a loop. */
function isAncestorOrSelf<T>(a: Container<T>, b: Container<T>): boolean {
  if (a === b) return true;
  if (!a.children.length) return false; // a leaf is nobody's ancestor: spares the walk up a long chain
  for (let c: Container<T> | null = b; c; c = c.parent) if (c === a) return true;
  return false;
}

function attach<T>(parent: Container<T>, child: Container<T>): void {
  if (child.parent) child.parent.children.splice(child.parent.children.indexOf(child), 1);
  child.parent = parent;
  parent.children.push(child);
}

function detach<T>(child: Container<T>): void {
  if (child.parent) child.parent.children.splice(child.parent.children.indexOf(child), 1);
  child.parent = null;
}

/** Step 1: a container per Message-ID, linked into trees by each message's references. */
function linkMessages<T extends ThreadableMessage>(messages: readonly T[]): Container<T>[] {
  const byId = new Map<string, Container<T>>();
  const all: Container<T>[] = [];
  const containerFor = (id: string) => {
    let c = byId.get(id);
    if (!c) byId.set(id, (c = newContainer<T>())), all.push(c);
    return c;
  };
  for (const m of messages) {
    const known = m.messageId ? byId.get(m.messageId) : undefined;
    let own: Container<T>;
    if (known && !known.message) own = known;
    else if (m.messageId && !known) own = containerFor(m.messageId);
    // No Message-ID, or one another message already has: a container of its own, found by no one.
    else all.push((own = newContainer<T>()));
    own.message = m;
    const refs = m.references.length ? m.references : m.inReplyTo ? [m.inReplyTo] : [];
    let previous: Container<T> | null = null;
    for (const ref of refs) {
      if (ref === m.messageId) continue;
      const c = containerFor(ref);
      // Links guessed from References never override existing ones, and never close a loop.
      if (previous && !c.parent && !isAncestorOrSelf(c, previous)) attach(previous, c);
      previous = c;
    }
    // The message's own last reference is definitive: it replaces a parent guessed from others.
    if (previous === null) detach(own);
    else if (own.parent !== previous && !isAncestorOrSelf(own, previous)) attach(previous, own);
  }
  return all.filter((c) => !c.parent);
}

/** Every container below `roots`, each after all its descendants. */
function postOrder<T>(roots: readonly Container<T>[]): Container<T>[] {
  const order: Container<T>[] = [];
  const stack = [...roots];
  while (stack.length) {
    const c = stack.pop()!;
    order.push(c);
    for (const child of c.children) stack.push(child);
  }
  return order.reverse();
}

/** Step 4 for one level: empty containers go, their children move up, except that several
 * messages under a missing root stay together under it. */
function pruneLevel<T>(parent: Container<T> | null, list: Container<T>[]): Container<T>[] {
  const out: Container<T>[] = [];
  for (const c of list) {
    if (c.message) out.push(c);
    else if (c.children.length && (parent || c.children.length === 1)) {
      for (const k of c.children) (k.parent = parent), out.push(k);
    } else if (c.children.length) out.push(c);
  }
  return out;
}

function prune<T>(roots: Container<T>[]): Container<T>[] {
  for (const c of postOrder(roots)) c.children = pruneLevel(c, c.children);
  return pruneLevel(null, roots);
}

function compare<T>(a: Container<T>, b: Container<T>): number {
  return a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.order - b.order;
}

/** Step 6: siblings by date (a missing message sorts as its first child), roots too. */
function sortTree<T extends ThreadableMessage>(roots: Container<T>[]): void {
  for (const c of postOrder(roots)) {
    c.children.sort(compare);
    const first = c.children[0];
    c.date = c.message ? (c.message.date ?? Infinity) : (first?.date ?? Infinity);
    c.order = c.message ? c.message.id : (first?.order ?? Infinity);
  }
  roots.sort(compare);
}

/** Step 5: roots with the same base subject become one thread. */
function groupBySubject<T extends ThreadableMessage>(roots: Container<T>[]): Container<T>[] {
  const subjects = new Map<Container<T>, BaseSubject>();
  const subjectOf = (c: Container<T>) => {
    let s = subjects.get(c);
    if (!s) {
      const m = c.message ?? c.children[0]?.message;
      subjects.set(c, (s = m?.baseSubject ?? baseSubject(m?.subject ?? "")));
    }
    return s;
  };
  const table = new Map<string, Container<T>>();
  for (const r of roots) {
    const { base, isReply } = subjectOf(r);
    if (!base) continue;
    const old = table.get(subjectKey(base));
    // A missing message makes the better root, then an original rather than a reply.
    if (!old || (!r.message && old.message) || (r.message && old.message && subjectOf(old).isReply && !isReply)) {
      table.set(subjectKey(base), r);
    }
  }
  const wrapped = new Map<Container<T>, Container<T>>();
  for (const r of roots) {
    const { base, isReply } = subjectOf(r);
    const key = subjectKey(base);
    const that = base ? table.get(key) : undefined;
    // r.parent: already placed under another root by an earlier step of this loop.
    if (!that || that === r || r.parent) continue;
    if (!that.message && !r.message) {
      for (const k of [...r.children]) attach(that, k);
    } else if (!that.message || (!subjectOf(that).isReply && isReply)) {
      attach(that, r);
    } else if (subjectOf(that).isReply && !isReply) {
      attach(r, that);
      table.set(key, r);
    } else {
      const both = newContainer<T>();
      subjects.set(both, subjectOf(that));
      attach(both, that);
      attach(both, r);
      wrapped.set(that, both);
      table.set(key, both);
    }
  }
  // Whatever now has a parent was merged into another thread; a merged dummy root has no
  // children left and goes too.
  return roots.map((r) => wrapped.get(r) ?? r).filter((r) => !r.parent && (r.message || r.children.length));
}

/**
 * Threads `messages`: one tree per conversation, roots and siblings oldest first. Every message
 * appears exactly once; a message referenced but absent is a node with `message: null`.
 */
export function threadMessages<T extends ThreadableMessage>(messages: readonly T[]): ThreadNode<T>[] {
  const roots = prune(linkMessages(messages));
  sortTree(roots);
  const grouped = groupBySubject(roots);
  sortTree(grouped);
  return grouped;
}

/** The messages of a thread, parents before their replies. */
export function flattenThread<T>(root: ThreadNode<T>): T[] {
  const out: T[] = [];
  const stack: ThreadNode<T>[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.message) out.push(node.message);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return out;
}
