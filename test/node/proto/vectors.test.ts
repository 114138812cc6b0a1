import { fromBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { decodeRequest } from "../../../proto/codec";
import { splitFrame, readHeader, HEADER_SIZE } from "../../../proto/frame";
import * as v202 from "../../../proto/gen/kkm/v202/message_pb.js";
import {
  CommandTypeEnum,
  OperationTypeEnum,
  ReportTypeEnum,
  ResponseSchema,
  TicketAdTypeEnum,
} from "../../../proto/messages";
import { vector } from "./vectors";

describe("captured 202 INFO response", () => {
  const frame = vector("captured-202-info-response-kt-test");
  const { header, body } = splitFrame(frame);
  const response = fromBinary(v202.ResponseSchema, body);

  it("has the captured header", () => {
    expect(header).toEqual({
      appCode: 0x81a2,
      version: 202,
      size: 568,
      kkmId: 200773,
      token: 26264070,
      reqNum: 1,
    });
  });

  it("decodes command, result and report", () => {
    expect(response.command).toBe(CommandTypeEnum.COMMAND_INFO);
    expect(response.result?.resultCode).toBe(0);
    expect(response.report?.report).toBe(ReportTypeEnum.REPORT_Z);
    const zx = response.report?.zxReport;
    expect(zx?.dateTime?.date).toMatchObject({
      year: 2023,
      month: 11,
      day: 20,
    });
    expect(zx?.dateTime?.time).toMatchObject({
      hour: 14,
      minute: 7,
      second: 8,
    });
    expect(zx?.shiftNumber).toBe(1);
    expect(zx?.cashSum).toMatchObject({ bills: 0n, coins: 0 });
    expect(zx?.revenue?.sum).toMatchObject({ bills: 0n, coins: 0 });
    expect(zx?.revenue?.isNegative).toBe(false);
  });

  it("decodes the service block completely", () => {
    const service = response.service;
    expect(service?.ticketAds).toHaveLength(1);
    expect(service?.ticketAds[0]?.info?.type).toBe(
      TicketAdTypeEnum.TICKET_AD_OFD,
    );
    expect(service?.ticketAds[0]?.info?.version).toBe(588n);
    expect(service?.ticketAds[0]?.text).toContain("Необходимо перейти");

    const regInfo = service?.regInfo;
    expect(regInfo?.kkm?.fnsKkmId).toBe("281948271821");
    expect(regInfo?.kkm?.serialNumber).toBe("KTCD1117737127791");
    expect(regInfo?.kkm?.kkmId).toBe("200773");
    expect(regInfo?.pos?.title).toBe("TT serial");
    expect(regInfo?.org?.title).toBe("ИП МИЧКА ПАВЕЛ АНДРЕЕВИЧ");
    expect(regInfo?.org?.address).toBe("г. Астана, Ленина 33");
    expect(regInfo?.org?.inn).toBe("960624350642");
    expect(regInfo?.org?.tenantId).toBe(1);
    expect(service?.auxiliary).toEqual([
      expect.objectContaining({ key: "validation_policy", value: "65535" }),
    ]);
  });

  it("leaves no unknown fields", () => {
    expect(response.$unknown).toBeUndefined();
    expect(response.service?.$unknown).toBeUndefined();
    expect(response.service?.regInfo?.org?.$unknown).toBeUndefined();
  });
});

describe("damaged 203 ticket response", () => {
  it("reads the ticket block before the damage", () => {
    const frame = vector("captured-203-ticket-response-superkassa-first577");
    const header = readHeader(frame);
    expect(header.version).toBe(203);
    expect(header.size).toBe(577);
    expect(header.kkmId).toBe(203539);
    expect(header.token).toBe(671795700);
    expect(header.reqNum).toBe(84);

    // Field 11 is unknown to every schema and carries no valid message, so
    // the decoder keeps it as unknown bytes instead of failing.
    const response = fromBinary(ResponseSchema, frame.subarray(HEADER_SIZE));
    expect(response.command).toBe(CommandTypeEnum.COMMAND_TICKET);
    expect(response.result?.resultCode).toBe(0);
    expect(response.ticket?.ticketNumber).toBe("4228143549");
    expect(new TextDecoder().decode(response.ticket?.qrCode)).toBe(
      "http://consumer.test-oofd.kz?i=4228143549&f=640300014538&s=696.90&t=20280629T170916",
    );
    expect(response.$unknown?.map((field) => field.no)).toEqual([11]);
  });

  it("rejects the raw array without a crash", () => {
    const raw = vector("captured-203-ticket-response-superkassa-raw");
    expect(raw.length).toBe(3062);
    expect(() => splitFrame(raw)).toThrow(
      "frame SIZE 577 does not match its 3062 bytes",
    );
  });
});

describe("synthetic 203 requests", () => {
  it("decodes the INFO request", () => {
    const { header, body } = splitFrame(vector("synthetic-203-info-request"));
    expect(header.size).toBe(20);
    expect(header.reqNum).toBe(2);
    const decoded = decodeRequest(203, body);
    expect(decoded.ok && decoded.request.command).toBe(
      CommandTypeEnum.COMMAND_INFO,
    );
  });

  it("decodes the offline period", () => {
    const { body } = splitFrame(
      vector("synthetic-203-system-offline-period-request"),
    );
    const decoded = decodeRequest(203, body);
    if (!decoded.ok)
      throw new Error(`decode failed: ${decoded.failure.reason}`);
    const period = decoded.request.service?.offlinePeriod;
    expect(decoded.request.command).toBe(CommandTypeEnum.COMMAND_SYSTEM);
    expect(period?.beginTime?.date).toMatchObject({
      year: 2025,
      month: 1,
      day: 15,
    });
    expect(period?.beginTime?.time).toMatchObject({
      hour: 9,
      minute: 0,
      second: 0,
    });
    expect(period?.endTime?.time).toMatchObject({
      hour: 9,
      minute: 45,
      second: 10,
    });
  });

  it("decodes the sell request", () => {
    const { header, body } = splitFrame(
      vector("synthetic-203-ticket-sell-request"),
    );
    expect(header.size).toBe(302);
    const decoded = decodeRequest(203, body);
    if (!decoded.ok)
      throw new Error(`decode failed: ${decoded.failure.reason}`);
    const ticket = decoded.request.ticket;
    expect(ticket?.operation).toBe(OperationTypeEnum.OPERATION_SELL);
    expect(ticket?.operator).toMatchObject({ code: 1, name: "Кассир" });
    expect(ticket?.items[0]?.commodity).toMatchObject({
      name: "Товар",
      sectionCode: "1",
      quantity: 1000n,
      measureUnitCode: "796",
    });
    expect(ticket?.items[0]?.commodity?.sum).toMatchObject({
      bills: 1000n,
      coins: 0,
    });
    expect(ticket?.amounts?.change).toMatchObject({ bills: 0n, coins: 0 });
    expect(ticket?.frShiftNumber).toBe(1);
    const org = decoded.request.service?.regInfo?.org;
    expect(org?.inn).toBe("250140000013");
    expect(org?.addressKz).toBe("Астана қ.");
  });
});

describe("synthetic 203 responses", () => {
  it("decodes the sell response", () => {
    const { header, body } = splitFrame(
      vector("synthetic-203-ticket-sell-response"),
    );
    expect(header.token).toBe(4000000001);
    const response = fromBinary(ResponseSchema, body);
    expect(response.result).toMatchObject({ resultCode: 0, resultText: "OK" });
    expect(response.ticket?.ticketNumber).toBe("1234567890");
  });

  it("decodes the invalid token response", () => {
    const { header, body } = splitFrame(
      vector("synthetic-203-ticket-invalid-token-response"),
    );
    expect(header.token).toBe(26264070);
    const response = fromBinary(ResponseSchema, body);
    expect(response.result).toMatchObject({
      resultCode: 2,
      resultText: "Invalid token",
    });
  });
});
