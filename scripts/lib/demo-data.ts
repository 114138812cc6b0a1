/** Reading and printing the demo organisation and its KKMs. */

export interface DemoKkm {
  kkmId: number;
  token: number;
  kgdNumber: string;
  serialNumber: string;
  internalName: string;
}

export interface DemoData {
  organisation: { id: string; iinBin: string; title: string };
  /** The demo owner's portal sign-in. */
  signIn: { iinBin: string; password: string };
  kkms: DemoKkm[];
}

/**
 * Seeds (or finds) the demo rows through the running Worker; `kkms` requests
 * more than the two named tills, as benchmarks do.
 */
export async function fetchDemo(
  workerUrl: string,
  kkms = 2,
): Promise<DemoData> {
  let response: Response;
  try {
    response = await fetch(`${workerUrl}/api/demo/seed?kkms=${kkms}`, {
      method: "POST",
    });
  } catch (error) {
    throw new Error(
      `could not reach ${workerUrl} (${(error as Error).message}); start the system with npm start, and set PORT and GATEWAY_PORT to the ports it uses`,
    );
  }
  if (!response.ok) {
    throw new Error(
      `POST ${workerUrl}/api/demo/seed failed with ${response.status}: ${await response.text()}; is the system started with npm start?`,
    );
  }
  return (await response.json()) as DemoData;
}

/** Returns the simulator's --port option when the gateway is not on 7777. */
function portOption(gateway: string): string {
  const port = gateway.split(":").at(-1);
  return port === "7777" ? "" : ` --port ${port}`;
}

/** Formats the demo data for people, with a first simulator command. */
export function describeDemo(
  data: DemoData,
  urls: { portal: string; gateway: string },
): string {
  const lines = [
    `Portal:   ${urls.portal}`,
    `Gateway:  ${urls.gateway} (KKM protocol 2.0.2 / 2.0.3 over TCP)`,
    `Demo organisation: ${data.organisation.title}, BIN ${data.organisation.iinBin}`,
    `Portal sign-in: IIN/BIN ${data.signIn.iinBin}, password ${data.signIn.password}`,
    "",
    "Demo KKMs:",
  ];
  for (const kkm of data.kkms) {
    lines.push(
      `  ${kkm.internalName}: system id ${kkm.kkmId}, token ${kkm.token}, KGD number ${kkm.kgdNumber}, serial ${kkm.serialNumber}`,
    );
  }
  const first = data.kkms[0];
  if (first) {
    lines.push(
      "",
      "Try a receipt:",
      `  npm run kkm -- sell --id ${first.kkmId} --token ${first.token} --item "Bread:250:2" --pay cash${portOption(urls.gateway)}`,
    );
  }
  return lines.join("\n");
}
