/**
 * The TCP side of the gateway: accepts register connections and relays their
 * frames to the Worker. It keeps no state between connections, so several
 * gateways can serve the same registers.
 */
import { createServer, type Socket } from "node:net";
import { Connection } from "./connection";
import { createHttpUpstream } from "./http-upstream";
import { createLogger, type Logger } from "./log";
import { parseWorkerUrl, type Transport, type Upstream } from "./upstream";
import { createWsUpstream } from "./ws-upstream";

/** Settings of {@link startGateway}; every one has a default. */
export interface GatewayOptions {
  /** Address to listen on. */
  host?: string;
  /** TCP port to listen on; 0 picks a free port. */
  port?: number;
  /** Base URL of the Worker. */
  workerUrl?: string;
  transport?: Transport;
  /** Time a client has to send each complete frame, in ms. */
  readTimeoutMs?: number;
  /** Time the Worker has to respond before the gateway sends result 254, in ms. */
  upstreamTimeoutMs?: number;
  /** ws transport: time an unused socket to the Worker stays open, in ms. */
  idleTimeoutMs?: number;
  /** Open register connections above which new ones are dropped. */
  maxConnections?: number;
  logger?: Logger;
}

/** Defaults of {@link GatewayOptions}. */
export const GATEWAY_DEFAULTS = {
  host: "127.0.0.1",
  port: 7777,
  workerUrl: "http://127.0.0.1:8787",
  transport: "ws",
  readTimeoutMs: 5000,
  // Registers give up after about 5 s, so the 254 response must come sooner.
  upstreamTimeoutMs: 4000,
  idleTimeoutMs: 60_000,
  // Each connection buffers at most one frame (1 MiB), so this also bounds
  // buffered request bytes to about 1 GiB.
  maxConnections: 1000,
} as const satisfies Required<Omit<GatewayOptions, "logger">>;

/** A running gateway. */
export interface Gateway {
  host: string;
  /** The bound port, useful when the options asked for port 0. */
  port: number;
  /** Stops accepting, responds to frames already received, then closes. */
  close(): Promise<void>;
}

/** How often dropped connections are reported while the limit is hit, in ms. */
const DROP_LOG_INTERVAL_MS = 10_000;

/** Starts listening and resolves once the port is bound. */
export async function startGateway(
  options: GatewayOptions = {},
): Promise<Gateway> {
  const settings = { ...GATEWAY_DEFAULTS, ...definedOnly(options) };
  const logger = options.logger ?? createLogger();
  parseWorkerUrl(settings.workerUrl);

  const upstream = createUpstream(settings.transport, {
    workerUrl: settings.workerUrl,
    timeoutMs: settings.upstreamTimeoutMs,
    idleTimeoutMs: settings.idleTimeoutMs,
    logger,
  });

  const connections = new Set<Connection>();
  const server = createServer({ allowHalfOpen: true }, (socket: Socket) => {
    const connection = new Connection(socket, {
      upstream,
      transport: settings.transport,
      readTimeoutMs: settings.readTimeoutMs,
      logger,
    });
    connections.add(connection);
    socket.on("close", () => connections.delete(connection));
  });
  server.maxConnections = settings.maxConnections;
  server.on("drop", createDropReporter(logger, settings.maxConnections));

  try {
    await listen(server, settings.port, settings.host);
  } catch (error) {
    await upstream.close();
    throw error;
  }
  server.on("error", (error) => {
    logger.error("server error", { error: error.message });
  });

  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  logger.info("gateway listening", {
    host: settings.host,
    port,
    transport: settings.transport,
    workerUrl: settings.workerUrl,
  });

  let closing: Promise<void> | null = null;
  const close = async () => {
    const closed = new Promise<void>((resolve) =>
      server.close(() => resolve()),
    );
    for (const connection of connections) connection.shutdown();

    // Responses still being fetched need the upstream until their sockets
    // close.
    await closed;
    await upstream.close();
    logger.info("gateway stopped", { host: settings.host, port });
  };

  return {
    host: settings.host,
    port,
    close: () => (closing ??= close()),
  };
}

function createUpstream(
  transport: Transport,
  options: Parameters<typeof createWsUpstream>[0],
): Upstream {
  return transport === "ws"
    ? createWsUpstream(options)
    : createHttpUpstream(options);
}

function listen(
  server: ReturnType<typeof createServer>,
  port: number,
  host: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/**
 * Logs dropped connections at most once per interval, with a count.
 * NOTE: drops after the last report are only reported with the next drop.
 */
function createDropReporter(logger: Logger, maxConnections: number) {
  let dropped = 0;
  let lastLogAt = -Infinity;

  return () => {
    dropped++;
    const now = Date.now();
    if (now - lastLogAt < DROP_LOG_INTERVAL_MS) return;

    logger.warn("connection limit reached, connections dropped", {
      maxConnections,
      dropped,
    });
    dropped = 0;
    lastLogAt = now;
  };
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
