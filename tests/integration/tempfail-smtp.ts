import net from "node:net";

/**
 * A tiny SMTP server that answers AUTH with a temporary failure, as Postfix does (454 4.7.0)
 * while the authentication backend it asks is down. Only what nodemailer needs to get that far.
 */
export async function startTempfailSmtp(reply = "454 4.7.0 Temporary authentication failure"): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    socket.write("220 tempfail.test ESMTP\r\n");
    let buffered = "";
    socket.on("data", (chunk) => {
      buffered += chunk.toString("latin1");
      for (let i = buffered.indexOf("\r\n"); i >= 0; i = buffered.indexOf("\r\n")) {
        const verb = buffered.slice(0, i).split(" ")[0]?.toUpperCase();
        buffered = buffered.slice(i + 2);
        if (verb === "EHLO") socket.write("250-tempfail.test\r\n250 AUTH PLAIN LOGIN\r\n");
        else if (verb === "AUTH") socket.write(`${reply}\r\n`);
        else if (verb === "QUIT") socket.end("221 2.0.0 Bye\r\n");
        else socket.write("503 5.5.1 Error: send AUTH first\r\n");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
