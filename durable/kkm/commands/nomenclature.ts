/**
 * COMMAND_NOMENCLATURE: the organisation's goods list from D1, or in 2.0.3
 * one item looked up by barcode in the National Catalogue of Goods. The
 * token never changes.
 */
import type { MessageInitShape } from "@bufbuild/protobuf";
import { makeResponse } from "../../../proto/codec";
import {
  CommandTypeEnum,
  type NomenclatureResponseSchema,
  NomenclatureResponse_NomenclatureResultTypeEnum as ListResult,
  ResultTypeEnum,
} from "../../../proto/messages";
import { fromLocalText } from "../../fiscal/date-time";
import { catalogueElement, toElements } from "../catalog/elements";
import {
  currentVersion,
  findInNationalCatalogue,
  loadGoodsList,
  organisationOfKkm,
} from "../catalog/goods";
import { localTimeText } from "../clock";
import type { CommandOutcome, ExchangeContext } from "../context";

const command = CommandTypeEnum.COMMAND_NOMENCLATURE;

/** Sends the goods list, or reports that the register's copy is current. */
export async function handleNomenclature(
  context: ExchangeContext,
): Promise<CommandOutcome> {
  const { db, registration, request } = context;
  const organisationId = await organisationOfKkm(db, registration.kkmId);

  // Only 2.0.3 has the barcode field, so 2.0.2 requests never get here.
  const barcode = request.nomenclature?.barcode ?? "";
  if (barcode !== "") {
    return lookUpBarcode(db, organisationId, barcode);
  }

  const list = organisationId ? await loadGoodsList(db, organisationId) : null;
  if (!list) {
    return answer(ResultTypeEnum.RESULT_TYPE_OK, undefined, {
      version: 0,
      result: ListResult.RESULT_TYPE_NO_VERSION,
    });
  }

  // A request without the nomenclature block is taken as "nothing loaded".
  const registerVersion = request.nomenclature?.currentVersion ?? 0;
  if (registerVersion === list.version) {
    return answer(ResultTypeEnum.RESULT_TYPE_OK, undefined, {
      version: list.version,
      result: ListResult.RESULT_TYPE_VERSION_IS_ACTUAL,
    });
  }

  const createdAt = localTimeText(
    new Date(list.createdAt),
    registration.timeZone,
  );
  return answer(ResultTypeEnum.RESULT_TYPE_OK, undefined, {
    version: list.version,
    createdTime: fromLocalText(createdAt),
    elements: toElements(list.elements),
    result: ListResult.RESULT_TYPE_OK,
  });
}

async function lookUpBarcode(
  db: D1Database,
  organisationId: string | null,
  barcode: string,
): Promise<CommandOutcome> {
  const [entry, version] = await Promise.all([
    findInNationalCatalogue(db, barcode),
    organisationId ? currentVersion(db, organisationId) : 0,
  ]);

  if (!entry) {
    return answer(
      ResultTypeEnum.RESULT_TYPE_ELEMENT_NOT_FOUND_BY_BARCODE,
      `barcode ${barcode} is not in the National Catalogue of Goods`,
      { version, result: ListResult.RESULT_TYPE_ELEMENT_NOT_FOUND_BY_BARCODE },
    );
  }
  return answer(ResultTypeEnum.RESULT_TYPE_OK, undefined, {
    version,
    elements: [catalogueElement(entry)],
    result: ListResult.RESULT_TYPE_OK,
  });
}

function answer(
  resultCode: ResultTypeEnum,
  resultText: string | undefined,
  nomenclature: MessageInitShape<typeof NomenclatureResponseSchema>,
): CommandOutcome {
  return {
    kind: "service",
    response: makeResponse({
      command,
      result:
        resultText === undefined ? { resultCode } : { resultCode, resultText },
      nomenclature,
    }),
  };
}
