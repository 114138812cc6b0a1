/**
 * Prints the demo organisation of the running local system: the portal
 * sign-in and the KKMs (ids, tokens, KGD numbers). `--json` prints them as
 * one JSON object.
 */
import { parseArgs } from "node:util";
import { describeDemo, fetchDemo } from "./lib/demo-data";

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

if (values.help) {
  console.log(
    "Usage: npm run demo -- [--json]\n" +
      "Prints the portal sign-in and demo KKMs of the system started with npm start.\n" +
      "  --json  print one JSON object instead of text\n" +
      "Environment: PORT (Worker port, default 8787), GATEWAY_PORT (default 7777).",
  );
  process.exit(0);
}

const port = Number(process.env.PORT ?? 8787);
const gatewayPort = Number(process.env.GATEWAY_PORT ?? 7777);
const workerUrl = `http://127.0.0.1:${port}`;

try {
  const demo = await fetchDemo(workerUrl);
  if (values.json) {
    console.log(
      JSON.stringify({
        portalUrl: `${workerUrl}/`,
        gateway: { host: "127.0.0.1", port: gatewayPort },
        ...demo,
      }),
    );
  } else {
    console.log(
      describeDemo(demo, {
        portal: `${workerUrl}/`,
        gateway: `127.0.0.1:${gatewayPort}`,
      }),
    );
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
