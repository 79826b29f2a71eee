import net from "node:net";
import tls from "node:tls";
import fs from "node:fs";

// A bare NNTP reader for the bench's baseline: a socket, STARTTLS, and each answer read until its
// terminator, nothing parsed (the least any client must do). Postern's lib/nntp is not used, so
// the baseline does not share its costs.

export type RawNntp = {
  /** Sends `line`; resolves with the whole answer (status line, and the block when `block`). */
  command(line: string, block: boolean): Promise<Buffer>;
  close(): void;
};

function reader(socket: net.Socket | tls.TLSSocket) {
  let buffer: Buffer = Buffer.alloc(0);
  let waiting: { block: boolean; resolve: (b: Buffer) => void } | null = null;
  const check = () => {
    if (!waiting) return;
    const end = waiting.block ? buffer.indexOf("\r\n.\r\n") : buffer.indexOf("\r\n");
    // a block answer that is only an error status line has no terminator
    const statusEnd = buffer.indexOf("\r\n");
    const isError = waiting.block && statusEnd >= 0 && buffer[0] !== 0x32; // not 2xx
    const stop = isError ? statusEnd + 2 : end < 0 ? -1 : end + (waiting.block ? 5 : 2);
    if (stop < 0) return;
    const answer = buffer.subarray(0, stop);
    buffer = buffer.subarray(stop);
    const w = waiting;
    waiting = null;
    w.resolve(answer);
  };
  const onData = (d: Buffer) => {
    buffer = buffer.length ? Buffer.concat([buffer, d]) : d;
    check();
  };
  socket.on("data", onData);
  const next = (block: boolean) =>
    new Promise<Buffer>((resolve) => {
      waiting = { block, resolve };
      check();
    });
  return { next, detach: () => socket.off("data", onData) };
}

/** Connects, reads the greeting and upgrades with STARTTLS (as Postern talks to the lab). */
export async function rawNntp(opts: { port: number; caFile: string }): Promise<RawNntp> {
  const plain = net.connect(opts.port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => plain.once("connect", resolve).once("error", reject));
  const first = reader(plain);
  await first.next(false);
  plain.write("STARTTLS\r\n");
  const ok = (await first.next(false)).toString("latin1");
  if (!ok.startsWith("382")) throw new Error(`STARTTLS: ${ok}`);
  first.detach();
  const secure = tls.connect({ socket: plain, host: "127.0.0.1", ca: fs.readFileSync(opts.caFile) });
  await new Promise<void>((resolve, reject) => secure.once("secureConnect", resolve).once("error", reject));
  const r = reader(secure);
  return {
    command: (line, block) => {
      const answer = r.next(block);
      secure.write(`${line}\r\n`);
      return answer;
    },
    close: () => secure.destroy(),
  };
}
