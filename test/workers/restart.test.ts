// The KKM's Durable Object is rebuilt between documents, as after an
// eviction or a deploy. Counters, token and retry record live in its
// storage, so nothing may be lost or counted twice.
import type { MessageInitShape } from "@bufbuild/protobuf";
import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { toHex } from "../../proto/frame";
import {
  CommandTypeEnum,
  OperationTypeEnum,
  ReportTypeEnum,
  ResultTypeEnum,
  type RequestSchema,
  type Response,
} from "../../proto/messages";
import type { KkmSession } from "../../durable/kkm-session";
import { kkmSession } from "../../worker/domain/kkm-session-stub";
import { DayModel, expectReport } from "./day-model";
import {
  closeShiftRequest,
  placementRequest,
  reportRequest,
  ScenarioGenerator,
  ticketRequest,
  type DayStep,
} from "./day-scenario";
import { readResponse, requestFrame } from "./frames";
import { postFrame, registeredKkm } from "./harness";

const SELL = OperationTypeEnum.OPERATION_SELL;

/** Instances that existed before a restart. A fresh one is not among them. */
const oldInstances = new WeakSet<object>();

/** A request frame, its response frame and the decoded response. */
interface Exchange {
  requestBytes: Uint8Array;
  responseBytes: Uint8Array;
  response: Response;
}

/** A register that keeps token and REQNUM and the bytes of each exchange. */
class FrameRegister {
  reqNum = 0;

  constructor(
    readonly kkmId: number,
    public token: number,
  ) {}

  async send(init: MessageInitShape<typeof RequestSchema>): Promise<Exchange> {
    this.reqNum += 1;
    const requestBytes = requestFrame(
      { kkmId: this.kkmId, token: this.token, reqNum: this.reqNum },
      init,
    );
    const responseBytes = await postFrame(requestBytes);
    const { header, response } = readResponse(responseBytes);
    this.token = header.token;
    return { requestBytes, responseBytes, response };
  }
}

/**
 * Aborts the KKM's Durable Object and checks that the next call reaches a
 * new instance, which has to read everything back from storage.
 */
async function restart(kkmId: number): Promise<void> {
  await runInDurableObject(kkmSession(env, kkmId), (instance: KkmSession) => {
    oldInstances.add(instance);
  });

  const aborted = runInDurableObject(
    kkmSession(env, kkmId),
    (_instance: KkmSession, state) => state.abort("restart for test"),
  );

  await expect(aborted, "abort of the instance").rejects.toThrow(
    "restart for test",
  );
  const isOld = await runInDurableObject(
    kkmSession(env, kkmId),
    (instance: KkmSession) => oldInstances.has(instance),
  );
  expect(isOld, "instance after restart is the old one").toBe(false);
}

async function receiptCount(kkmId: number): Promise<number> {
  return (await kkmSession(env, kkmId).getStatus()).receiptCount;
}

async function newRegister() {
  const kkm = await registeredKkm();
  return { kkm, register: new FrameRegister(kkm.kkmId, kkm.token) };
}

describe("restart between documents", () => {
  it("keeps every document counted once", async () => {
    const { kkm, register } = await newRegister();
    const generator = new ScenarioGenerator(7, "2026-12-03T09:00:00");
    const model = new DayModel();
    const signs: string[] = [];
    const steps: DayStep[] = [
      { kind: "placement", placement: generator.deposit(1_000_000) },
    ];
    // Every fourth document from the third on is a placement, so the last
    // one is a receipt.
    for (let i = 0; i < 12; i++) {
      generator.advance(60, 240);
      steps.push(
        i % 4 === 2
          ? { kind: "placement", placement: generator.placement() }
          : { kind: "receipt", receipt: generator.receipt() },
      );
    }
    let receipts = 0;

    for (const step of steps) {
      const request: MessageInitShape<typeof RequestSchema> =
        step.kind === "placement"
          ? placementRequest(step.placement)
          : {
              command: CommandTypeEnum.COMMAND_TICKET,
              ticket: ticketRequest(
                step.receipt,
                step.receipt.parent
                  ? (signs[step.receipt.parent.receiptIndex] ?? null)
                  : null,
                kkm.kgdNumber,
              ),
            };
      const sent = await register.send(request);
      const label =
        step.kind === "placement"
          ? `placement at ${step.placement.time}`
          : `receipt ${step.receipt.index}`;
      expect(sent.response.result?.resultCode, `${label} result`).toBe(0);
      if (step.kind === "placement") {
        model.addPlacement(step.placement);
      } else {
        signs[step.receipt.index] = sent.response.ticket?.ticketNumber ?? "";
        model.addReceipt(step.receipt);
        receipts += 1;
      }

      // The register lost the response and sends the same frame again.
      await restart(kkm.kkmId);
      const replay = await postFrame(sent.requestBytes);

      expect(toHex(replay), `retransmitted ${label}`).toBe(
        toHex(sent.responseBytes),
      );
      expect(await receiptCount(kkm.kkmId), `receipts after ${label}`).toBe(
        receipts,
      );
    }

    generator.advance(60, 120);
    const next = generator.receipt();
    const nextSign = next.parent
      ? (signs[next.parent.receiptIndex] ?? null)
      : null;
    const accepted = await register.send({
      command: CommandTypeEnum.COMMAND_TICKET,
      ticket: ticketRequest(next, nextSign, kkm.kgdNumber),
    });
    model.addReceipt(next);
    await restart(kkm.kkmId);
    const closeAt = generator.advance(60, 120);
    const closed = await register.send(closeShiftRequest(closeAt));

    expect(accepted.response.result?.resultCode, "next receipt result").toBe(0);
    expect(await receiptCount(kkm.kkmId), "receipts at close").toBe(
      receipts + 1,
    );
    expect(closed.response.result?.resultCode, "close shift result").toBe(0);
    expectReport(
      closed.response.report?.zxReport,
      model.closeShift(closeAt),
      "Z",
    );
  });

  it("replays close shift after restart", async () => {
    const { kkm, register } = await newRegister();
    const generator = new ScenarioGenerator(11, "2026-12-03T10:00:00");
    const model = new DayModel();
    const receipt = generator.receipt({ operation: SELL });
    await register.send({
      command: CommandTypeEnum.COMMAND_TICKET,
      ticket: ticketRequest(receipt, null, kkm.kgdNumber),
    });
    model.addReceipt(receipt);
    const closeAt = generator.advance(600, 900);
    const closed = await register.send(closeShiftRequest(closeAt));
    const expectedZ = model.closeShift(closeAt);

    await restart(kkm.kkmId);
    const replay = await postFrame(closed.requestBytes);
    const lastZ = await register.send(reportRequest(closeAt, "Z"));
    const status = await kkmSession(env, kkm.kkmId).getStatus();

    expect(toHex(replay), "retransmitted Z response").toBe(
      toHex(closed.responseBytes),
    );
    expect(status.openShiftNumber, "open shift after replay").toBeNull();
    expect(lastZ.response.report?.report, "report type").toBe(
      ReportTypeEnum.REPORT_Z,
    );
    expectReport(lastZ.response.report?.zxReport, expectedZ, "last Z");
  });

  it("keeps the rotated token", async () => {
    const { kkm, register } = await newRegister();
    const generator = new ScenarioGenerator(13, "2026-12-03T11:00:00");
    const first = generator.receipt({ operation: SELL });
    const issued = kkm.token;
    await register.send({
      command: CommandTypeEnum.COMMAND_TICKET,
      ticket: ticketRequest(first, null, kkm.kgdNumber),
    });

    await restart(kkm.kkmId);
    generator.advance(60, 120);
    const second = generator.receipt({ operation: SELL });
    const stale = readResponse(
      await postFrame(
        requestFrame(
          { kkmId: kkm.kkmId, token: issued, reqNum: 50 },
          {
            command: CommandTypeEnum.COMMAND_TICKET,
            ticket: ticketRequest(second, null, kkm.kgdNumber),
          },
        ),
      ),
    );
    const current = await register.send({
      command: CommandTypeEnum.COMMAND_TICKET,
      ticket: ticketRequest(second, null, kkm.kgdNumber),
    });

    expect(register.token, "rotated token").not.toBe(issued);
    expect(stale.response.result?.resultCode, "old token result").toBe(
      ResultTypeEnum.RESULT_TYPE_INVALID_TOKEN,
    );
    expect(current.response.result?.resultCode, "rotated token result").toBe(0);
    expect(await receiptCount(kkm.kkmId), "receipts").toBe(2);
  });
});
