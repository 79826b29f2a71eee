import { describe, expect, it } from "vitest";
import { flattenThread, threadMessages, type ThreadableMessage, type ThreadNode } from "./jwz";

type Msg = ThreadableMessage;
let nextId = 1;
const DAY = 86_400_000;

/** A message; `refs` are References, oldest first. Dates follow the ids unless given. */
function msg(messageId: string | null, opts: { refs?: string[]; irt?: string; subject?: string; date?: number | null; id?: number } = {}): Msg {
  const id = opts.id ?? nextId++;
  return {
    id,
    messageId,
    references: opts.refs ?? [],
    inReplyTo: opts.irt ?? null,
    subject: opts.subject ?? `subject of ${messageId ?? id}`,
    date: opts.date === undefined ? id * DAY : opts.date,
  };
}

/** A thread as nested arrays of Message-IDs ("-" for a missing message), for readable asserts. */
function shape(node: ThreadNode<Msg>): unknown {
  const label = node.message ? (node.message.messageId ?? `#${node.message.id}`) : "-";
  return node.children.length ? [label, ...node.children.map(shape)] : label;
}
const shapes = (messages: Msg[]) => threadMessages(messages).map(shape);

describe("threadMessages: linking", () => {
  it("keeps unrelated messages apart, oldest thread first", () => {
    expect(shapes([msg("b", { date: 2 }), msg("a", { date: 1 })])).toEqual(["a", "b"]);
  });

  it("builds a reply chain from References", () => {
    const a = msg("a");
    const b = msg("b", { refs: ["a"] });
    const c = msg("c", { refs: ["a", "b"] });
    expect(shapes([c, a, b])).toEqual([["a", ["b", "c"]]]);
  });

  it("uses In-Reply-To when References is missing, and References when both disagree", () => {
    expect(shapes([msg("a"), msg("b", { irt: "a" })])).toEqual([["a", "b"]]);
    expect(shapes([msg("a"), msg("x"), msg("b", { refs: ["a"], irt: "x" })])).toEqual([["a", "b"], "x"]);
  });

  it("orders replies to the same message by date, whatever order they arrive in", () => {
    const out = shapes([msg("a", { date: 1 }), msg("late", { refs: ["a"], date: 30 }), msg("early", { refs: ["a"], date: 20 })]);
    expect(out).toEqual([["a", "early", "late"]]);
  });

  it("sorts undated messages after dated ones, then by id", () => {
    const out = shapes([msg("a", { date: 1 }), msg("n2", { refs: ["a"], date: null, id: 902 }), msg("n1", { refs: ["a"], date: null, id: 901 }), msg("d", { refs: ["a"], date: 5 })]);
    expect(out).toEqual([["a", "d", "n1", "n2"]]);
  });

  it("lets a message's own last reference override a parent guessed from another message", () => {
    // c guesses that b replies to x; b itself says it replies to a.
    const out = shapes([msg("a"), msg("x"), msg("c", { refs: ["x", "b"] }), msg("b", { refs: ["a"] })]);
    expect(out).toEqual([["a", ["b", "c"]], "x"]);
  });
});

describe("threadMessages: missing parents", () => {
  it("promotes a lone reply to a missing message to the root", () => {
    expect(shapes([msg("b", { refs: ["gone"] })])).toEqual(["b"]);
  });

  it("keeps siblings whose parent is missing together under an empty root", () => {
    expect(shapes([msg("b", { refs: ["gone"] }), msg("c", { refs: ["gone"] })])).toEqual([["-", "b", "c"]]);
  });

  it("removes empty containers in the middle of a chain", () => {
    // a <- (gone) <- c: c hangs directly under a.
    expect(shapes([msg("a"), msg("c", { refs: ["a", "gone"] })])).toEqual([["a", "c"]]);
  });

  it("promotes children of nested empty containers", () => {
    const out = shapes([msg("x", { refs: ["g1", "g2"] }), msg("y", { refs: ["g1", "g2"] }), msg("z", { refs: ["g1"] })]);
    expect(out).toEqual([["-", "x", "y", "z"]]);
  });
});

describe("threadMessages: hostile headers", () => {
  it("does not loop on References that point at each other", () => {
    const out = threadMessages([msg("a", { refs: ["b"] }), msg("b", { refs: ["a"] })]);
    expect(out).toHaveLength(1);
    expect(flattenThread(out[0]).map((m) => m.messageId).sort()).toEqual(["a", "b"]);
  });

  it("ignores a message that references itself", () => {
    expect(shapes([msg("a", { refs: ["a"] }), msg("b", { refs: ["a", "b"] })])).toEqual([["a", "b"]]);
  });

  it("survives a longer cycle spread over three messages' References", () => {
    const out = threadMessages([msg("a", { refs: ["c", "b"] }), msg("b", { refs: ["a", "c"] }), msg("c", { refs: ["b", "a"] })]);
    expect(out.flatMap(flattenThread).map((m) => m.messageId).sort()).toEqual(["a", "b", "c"]);
  });

  it("keeps both messages that share a Message-ID", () => {
    const first = msg("same", { subject: "one" });
    const second = msg("same", { subject: "two" });
    const reply = msg("r", { refs: ["same"], subject: "Re: one" });
    const out = threadMessages([first, second, reply]);
    const ids = out.flatMap(flattenThread).map((m) => m.id).sort((x, y) => x - y);
    expect(ids).toEqual([first.id, second.id, reply.id]);
    expect(shape(out.find((t) => t.message === first)!)).toEqual(["same", "r"]);
  });

  it("treats messages without a Message-ID as distinct", () => {
    const out = threadMessages([msg(null, { subject: "x1" }), msg(null, { subject: "x2" })]);
    expect(out).toHaveLength(2);
  });

  it("handles a 10,000-message reply chain without recursion", () => {
    const chain = Array.from({ length: 10_000 }, (_, i) => msg(`c${i}`, { refs: i ? [`c${i - 1}`] : [], subject: "Re: chain" }));
    const out = threadMessages(chain);
    expect(out).toHaveLength(1);
    expect(flattenThread(out[0])).toHaveLength(10_000);
  });
});

describe("threadMessages: subjects", () => {
  it("puts a reply without references under the original with the same subject", () => {
    const out = shapes([msg("a", { subject: "Lunch?" }), msg("b", { subject: "Re: Lunch?" })]);
    expect(out).toEqual([["a", "b"]]);
  });

  it("gathers originals with the same subject under an empty root", () => {
    expect(shapes([msg("a", { subject: "Status" }), msg("b", { subject: "status" })])).toEqual([["-", "a", "b"]]);
  });

  it("matches localized markers and list tags", () => {
    const out = shapes([
      msg("a", { subject: "[team] Treffen am Freitag" }),
      msg("b", { subject: "AW: Treffen am Freitag" }),
      msg("c", { subject: "SV: [team] Treffen am Freitag" }),
      msg("d", { subject: "RE[2]: Treffen am Freitag" }),
      msg("e", { subject: "VS: Treffen am Freitag" }),
    ]);
    expect(out).toEqual([["a", "b", "c", "d", "e"]]);
  });

  it("joins a thread whose root is missing to the original with its subject", () => {
    const out = shapes([msg("b", { refs: ["gone"], subject: "Re: Plan" }), msg("c", { refs: ["gone"], subject: "Re: Plan" }), msg("p", { subject: "Plan" })]);
    expect(out).toEqual([["-", "b", "c", "p"]]);
  });

  it("moves an original that arrived after its reply-marked namesake to the top (misordered)", () => {
    const out = shapes([msg("r", { subject: "Re: Report", date: 1 }), msg("o", { subject: "Report", date: 2 })]);
    expect(out).toEqual([["o", "r"]]);
  });

  it("never groups messages without a subject", () => {
    expect(shapes([msg("a", { subject: "" }), msg("b", { subject: "Re:" })])).toEqual(["a", "b"]);
  });

  it("does not group threads linked by references to a different subject", () => {
    const out = shapes([msg("a", { subject: "Plan" }), msg("b", { refs: ["a"], subject: "Re: Plan" }), msg("z", { subject: "Other" })]);
    expect(out).toEqual([["a", "b"], "z"]);
  });
});

describe("flattenThread", () => {
  it("lists parents before replies, skipping missing messages", () => {
    const [t] = threadMessages([msg("b", { refs: ["gone"] }), msg("c", { refs: ["gone"] }), msg("d", { refs: ["gone", "b"] })]);
    expect(flattenThread(t).map((m) => m.messageId)).toEqual(["b", "d", "c"]);
  });
});

describe("threadMessages at scale", () => {
  // Correctness at scale only: speed is the benchmark's to judge (a timed test fails on a busy machine).
  // the timeout bounds runaway work on a busy shared machine; it is not a speed target
  it("threads 100,000 messages, every one placed (time reported)", { timeout: 120_000 }, () => {
    // Threads of 1-30 messages with full References, shuffled; every 10th thread has lost its root
    // and every 7th reply has no References (subject grouping must find it).
    const messages: Msg[] = [];
    let seed = 7;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let t = 0; messages.length < 100_000; t++) {
      const size = 1 + Math.floor(rnd() * 30);
      const chain: string[] = [];
      for (let i = 0; i < size && messages.length < 100_000; i++) {
        const id = `t${t}.${i}@scale`;
        const keep = !(i === 0 && t % 10 === 0);
        const refs = i > 0 && i % 7 !== 0 ? chain.slice(-Math.ceil(rnd() * chain.length)) : [];
        if (keep) messages.push(msg(id, { refs, subject: `${i ? "Re: " : ""}topic ${t}`, date: t * DAY + i * 1000, id: messages.length + 1 }));
        chain.push(id);
      }
    }
    for (let i = messages.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [messages[i], messages[j]] = [messages[j], messages[i]];
    }
    const started = performance.now();
    const threads = threadMessages(messages);
    const ms = performance.now() - started;
    console.log(`jwz: threaded ${messages.length} messages into ${threads.length} threads in ${ms.toFixed(0)} ms`);
    expect(threads.flatMap(flattenThread)).toHaveLength(messages.length);
  });
});
