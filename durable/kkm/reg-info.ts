/** The registration as the service block's `reg_info` carries it. */
import { create } from "@bufbuild/protobuf";
import {
  ServiceResponse_RegInfoSchema,
  type ServiceResponse_RegInfo,
} from "../../proto/messages";
import type { KkmRegistration } from "./registration";

/** Builds `reg_info` (KKM, point of sale, organisation) of a registration. */
export function regInfoOf(
  registration: KkmRegistration,
): ServiceResponse_RegInfo {
  const { organisation, pointOfSale } = registration;
  return create(ServiceResponse_RegInfoSchema, {
    kkm: {
      fnsKkmId: registration.kgdNumber,
      serialNumber: registration.serialNumber,
      kkmId: String(registration.kkmId),
    },
    pos: {
      title: pointOfSale.title,
      address: pointOfSale.address,
      ...(pointOfSale.addressKz ? { addressKz: pointOfSale.addressKz } : {}),
    },
    org: {
      title: organisation.title,
      address: organisation.address,
      inn: organisation.iinBin,
      ...(organisation.okved ? { okved: organisation.okved } : {}),
      ...(organisation.addressKz ? { addressKz: organisation.addressKz } : {}),
    },
  });
}
