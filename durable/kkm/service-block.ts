/**
 * The service block of a response: what the register requested (reg_info,
 * binded_taxation), ticket texts newer than the versions it reported, and
 * the last document it sent. There is no server push in the protocol, so
 * these ride on responses.
 */
import { create, isFieldSet, type MessageInitShape } from "@bufbuild/protobuf";
import {
  CommandTypeEnum,
  ServiceResponseSchema,
  type Request,
  type ServiceResponse,
} from "../../proto/messages";
import { regInfoOf } from "./reg-info";
import type { KkmRegistration } from "./registration";
import type { KkmStore } from "./store";

/** Builds the service block of an OK response; null when it is empty. */
export function serviceBlockFor(
  request: Request,
  registration: KkmRegistration,
  store: KkmStore,
): ServiceResponse | null {
  const asked = request.service;
  const isInfo = request.command === CommandTypeEnum.COMMAND_INFO;
  const init: MessageInitShape<typeof ServiceResponseSchema> = {};

  if (isInfo || asked?.getRegInfo) init.regInfo = regInfoOf(registration);
  if (asked?.getBindedTaxation) {
    init.bindedTaxation = {
      taxationType: registration.taxation.taxationType,
      taxes: registration.taxation.vatPercents.map((percent) => ({
        taxType: 100,
        percent,
      })),
    };
  }

  // Texts go out on INFO, and on any request that reports the versions
  // the register has, when ours are newer.
  if (isInfo || (asked && asked.ticketAdInfos.length > 0)) {
    const known = new Map<number, bigint>();
    for (const info of asked?.ticketAdInfos ?? []) {
      known.set(info.type, info.version);
    }
    const newer = registration.ticketAds.filter(
      (ad) => BigInt(ad.version) > (known.get(ad.type) ?? 0n),
    );
    if (newer.length > 0) {
      init.ticketAds = newer.map((ad) => ({
        info: { type: ad.type, version: BigInt(ad.version) },
        text: ad.text,
      }));
    }
  }

  if (isInfo) {
    const latest = store.getLatestShift();
    if (latest) init.lastDocumentInfo = { frShiftNumber: latest.number };
  }

  const block = create(ServiceResponseSchema, init);
  const hasAny = ServiceResponseSchema.fields.some((field) =>
    isFieldSet(block, field),
  );
  return hasAny ? block : null;
}
