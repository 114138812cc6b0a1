/** Response schemas of the KKM routes, for the OpenAPI document and types. */
import { z } from "@hono/zod-openapi";

export const KkmModelSchema = z
  .object({ id: z.string(), name: z.string(), manufacturer: z.string() })
  .openapi("KkmModel");

export const PointOfSaleSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    city: z.string(),
    address: z.string(),
    addressKz: z.string().nullable(),
  })
  .openapi("PointOfSale");

export const KkmSchema = z
  .object({
    id: z.number().openapi({ description: "System id issued by the OFD" }),
    kgdNumber: z.string(),
    previousKgdNumber: z.string().nullable(),
    serialNumber: z.string(),
    modelId: z.string().nullable(),
    model: z.string(),
    internalName: z.string(),
    pointOfSaleId: z.string(),
    timeZone: z.string(),
    deviceType: z.enum(["pos-system", "fiscal-registrar", "cloud", "mobile"]),
    connectionMethod: z.enum(["wired", "wireless"]).nullable(),
    operatingSystem: z.string().nullable(),
    filedBy: z.enum(["organisation", "cto"]).nullable(),
    status: z.enum(["registered", "activated", "blocked", "deregistered"]),
    blockReason: z.string().nullable(),
    registeredAt: z.string(),
    activatedAt: z.string().nullable(),
    deregisteredAt: z.string().nullable(),
  })
  .openapi("Kkm");

export const ShiftSummarySchema = z
  .object({
    shiftNumber: z.number().nullable(),
    openedLocal: z.string().nullable(),
    salesTotal: z.number(),
    lastClosedShiftNumber: z.number().nullable(),
  })
  .openapi("ShiftSummary");

export const KkmDetailsSchema = KkmSchema.extend({
  pointOfSale: PointOfSaleSchema,
  live: z
    .object({
      online: z.boolean(),
      lastContactAt: z.string().nullable(),
      offlineSince: z.string().nullable(),
      autonomousLimitPassedAt: z.string().nullable(),
      openShiftNumber: z.number().nullable(),
      offlineEpisodes: z.array(
        z.object({
          beginLocal: z.string(),
          endLocal: z.string(),
          recordedAt: z.string(),
        }),
      ),
      receiptCount: z.number(),
    })
    .nullable(),
  shift: ShiftSummarySchema.nullable(),
}).openapi("KkmDetails");

export const TransactionSchema = z
  .object({
    id: z.number(),
    fiscalSign: z.string(),
    autonomousNumber: z.number().nullable(),
    localTime: z.string(),
    receivedAt: z.string(),
    shiftNumber: z.number(),
    operation: z.enum(["sell", "buy", "sell_return", "buy_return"]),
    paymentTypes: z.array(z.enum(["cash", "card", "mobile", "other"])),
    total: z.number(),
  })
  .openapi("Transaction");

const CountSumSchema = z.object({ count: z.number(), sum: z.number() });
const OperationTotalsSchema = z.object({
  sell: CountSumSchema,
  buy: CountSumSchema,
  sellReturn: CountSumSchema,
  buyReturn: CountSumSchema,
});
const OperationSumsSchema = z.object({
  sell: z.number(),
  buy: z.number(),
  sellReturn: z.number(),
  buyReturn: z.number(),
});

export const ReportSummarySchema = z
  .object({
    sections: z.array(OperationTotalsSchema.extend({ section: z.string() })),
    totals: OperationTotalsSchema,
    totalResult: OperationTotalsSchema,
    revenue: z.number(),
    cash: z.number(),
    nonNullable: OperationSumsSchema,
    startNonNullable: OperationSumsSchema,
  })
  .openapi("ReportSummary");

export const ReportRowSchema = z
  .object({
    id: z.number(),
    kkmId: z.number(),
    kind: z.enum(["Z", "X"]),
    shiftNumber: z.number(),
    sequence: z.number(),
    localTime: z.string(),
    revenue: z.number(),
    cash: z.number(),
    nonNullableSell: z.number(),
    hasDiscrepancies: z.boolean(),
  })
  .openapi("ReportRow");

export const ReportDetailSchema = z
  .object({
    id: z.number(),
    kind: z.enum(["Z", "X"]),
    header: z.object({
      organisationName: z.string(),
      iinBin: z.string(),
      kkmId: z.number(),
      kgdNumber: z.string(),
      previousKgdNumber: z.string().nullable(),
      internalName: z.string(),
      pointOfSaleName: z.string(),
      pointOfSaleAddress: z.string(),
      localTime: z.string(),
      shiftNumber: z.number(),
    }),
    summary: ReportSummarySchema,
    registerSummary: ReportSummarySchema.nullable(),
    discrepancies: z.array(z.string()),
  })
  .openapi("ReportDetail");

export const ReceiptIndexItemSchema = z
  .object({
    id: z.number(),
    kkmId: z.number(),
    fiscalSign: z.string(),
    autonomousNumber: z.number().nullable(),
    shiftNumber: z.number(),
    operation: z.enum(["sell", "buy", "sell_return", "buy_return"]),
    localTime: z.string(),
    receivedAt: z.string(),
    total: z.number(),
  })
  .openapi("ReceiptIndexItem");
