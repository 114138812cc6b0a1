/**
 * The registration data that a KKM's object stores. D1 is the registry;
 * each change there is pushed into the object, so the receipt path never
 * reads D1.
 */
import { z } from "zod";

/** Registration statuses a KKM goes through. */
export const KKM_STATUSES = [
  "registered",
  "activated",
  "blocked",
  "deregistered",
] as const;

export type KkmStatus = (typeof KKM_STATUSES)[number];

export const kkmRegistrationSchema = z.object({
  /** System id issued by the OFD, the frame header ID. */
  kkmId: z.number().int().min(1).max(0xffffffff),
  /** KGD registration number, 12 digits. */
  kgdNumber: z.string().regex(/^\d{12}$/),
  serialNumber: z.string().min(1).max(64),
  model: z.string().max(200),
  /** IANA zone of the point of sale, used for local days and report times. */
  timeZone: z.string().min(1),
  status: z.enum(KKM_STATUSES),
  /** Reason the KKM is blocked or deregistered; the TICKET_AD_INFO text. */
  blockReason: z.string().nullable(),
  organisation: z.object({
    /** Registry id; empty for registrations pushed before it was sent. */
    id: z.string().default(""),
    title: z.string(),
    address: z.string(),
    addressKz: z.string().nullable(),
    iinBin: z.string().regex(/^\d{12}$/),
    okved: z.string().nullable(),
  }),
  pointOfSale: z.object({
    title: z.string(),
    address: z.string(),
    addressKz: z.string().nullable(),
  }),
  /** Taxation the register gets in `binded_taxation`. */
  taxation: z
    .object({
      /** 100 simplified declaration, 101 general, 102 farm, 103 patent. */
      taxationType: z.number().int().min(100).max(103),
      /** VAT rates in thousandths (16000 is 16 %); empty for non-payers. */
      vatPercents: z.array(z.number().int().min(0).max(100_000)),
    })
    .default({ taxationType: 101, vatPercents: [] }),
  /** Receipt texts by TicketAdTypeEnum value, each with its version. */
  ticketAds: z
    .array(
      z.object({
        type: z.number().int().min(0).max(4),
        version: z.number().int().min(1),
        text: z.string(),
      }),
    )
    .default([]),
});

export type KkmRegistration = z.infer<typeof kkmRegistrationSchema>;

/** A registration as pushed, before defaults are filled in. */
export type KkmRegistrationInput = z.input<typeof kkmRegistrationSchema>;
