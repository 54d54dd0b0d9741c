// A TCP proxy in the test process in front of a database, which a test can cut (the database went
// away), stall (it accepts and never answers) and restore.
import net from "node:net";
import type { AddressInfo } from "node:net";

export class TcpProxy {
  private server?: net.Server;
  private sockets = new Set<net.Socket>();
  private pairs = new Set<[net.Socket, net.Socket]>();
  private stalled = false;
  private waiting: net.Socket[] = [];
  port = 0;
  constructor(private target: { host: string; port: number }) {}
  private track(sock: net.Socket) {
    this.sockets.add(sock);
    sock.on("close", () => this.sockets.delete(sock));
    sock.on("error", () => {});
  }
  private forward(client: net.Socket) {
    const upstream = net.connect(this.target.port, this.target.host);
    this.track(upstream);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    this.pairs.add(pair);
    client.on("close", () => this.pairs.delete(pair));
    client.pipe(upstream).pipe(client);
  }
  async start() {
    this.server = net.createServer((client) => {
      this.track(client);
      if (this.stalled) this.waiting.push(client);
      else this.forward(client);
    });
    this.server.listen(this.port, "127.0.0.1");
    await new Promise((r) => this.server!.once("listening", r));
    this.port = (this.server.address() as AddressInfo).port;
  }
  /** Stops listening and drops every open connection, like a database that went away. */
  async cut() {
    for (const sock of this.sockets) sock.destroy();
    await new Promise((r) => this.server!.close(r));
  }
  /**
   * Keeps accepting connections and keeps them open, but passes nothing on either way: a database
   * host that stopped answering (a frozen disk, a half-open network path).
   */
  stall() {
    this.stalled = true;
    for (const [client, upstream] of this.pairs) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.pause();
      upstream.pause();
    }
  }
  /** Passes bytes again, what was held back first. */
  resume() {
    this.stalled = false;
    for (const [client, upstream] of this.pairs) client.pipe(upstream).pipe(client);
    for (const client of this.waiting.splice(0)) if (!client.destroyed) this.forward(client);
  }
}
