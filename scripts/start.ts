/**
 * Starts the whole local system: builds, applies the D1 migrations, starts
 * wrangler dev with demo data on, seeds the demo organisation, starts the
 * TCP gateway and prints where everything is. Ctrl-C stops it all.
 *
 * Ports: PORT (Worker and portal, default 8787), GATEWAY_PORT (default
 * 7777), INSPECTOR_PORT (default 9230).
 */
import {
  migrateLocal,
  runChecked,
  startGatewayProcess,
  startWrangler,
  waitForOk,
  waitForPort,
  type Started,
} from "./lib/processes";
import { describeDemo, fetchDemo } from "./lib/demo-data";

const port = Number(process.env.PORT ?? 8787);
const gatewayPort = Number(process.env.GATEWAY_PORT ?? 7777);
const inspectorPort = Number(process.env.INSPECTOR_PORT ?? 9230);
const workerUrl = `http://127.0.0.1:${port}`;

const running: Started[] = [];
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    // Ctrl-C signals the whole process group, so children are usually
    // stopping already; SIGTERM only those still running after a moment.
    await Promise.race([
      Promise.all(running.map((child) => child.exited)),
      new Promise((resolve) => setTimeout(resolve, 3000)),
    ]);
    await Promise.all(running.map((child) => child.stop()));
  }
  process.exit(code);
}

process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));

try {
  console.log("Building protocol code, types and the portal…");
  runChecked("npm", ["run", "--silent", "build"]);

  console.log("Applying D1 migrations to the local database…");
  migrateLocal();

  console.log(`Starting the Worker on ${workerUrl}…`);
  const wrangler = startWrangler({
    port,
    inspectorPort,
    vars: { DEMO_MODE: "on", RECEIPT_CHECK_URL: `${workerUrl}/check` },
    stdio: "ignore",
  });
  running.push(wrangler);
  wrangler.process.once("exit", (code) => {
    if (!stopping) {
      console.error(`wrangler dev exited with code ${code}; stopping`);
      void stopAll(1);
    }
  });
  await waitForOk(`${workerUrl}/api/health`, 60_000);

  const demo = await fetchDemo(workerUrl);

  console.log(`Starting the TCP gateway on 127.0.0.1:${gatewayPort}…`);
  const gateway = startGatewayProcess({ port: gatewayPort, workerUrl });
  running.push(gateway);
  gateway.process.once("exit", (code) => {
    if (!stopping) {
      console.error(`gateway exited with code ${code}; stopping`);
      void stopAll(1);
    }
  });
  await waitForPort(gatewayPort, 15_000);

  console.log("");
  console.log(
    describeDemo(demo, {
      portal: `${workerUrl}/`,
      gateway: `127.0.0.1:${gatewayPort}`,
    }),
  );
  console.log("");
  console.log("Press Ctrl-C to stop.");
} catch (error) {
  console.error(`start failed: ${(error as Error).message}`);
  await stopAll(1);
}
