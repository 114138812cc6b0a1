import { isFieldSet, toJson } from "@bufbuild/protobuf";
import { env } from "cloudflare:test";
import { drizzle } from "drizzle-orm/d1";
import { describe, expect, it } from "vitest";
import {
  CommandTypeEnum,
  NomenclatureResponse_Element_ItemSchema as ItemSchema,
  NomenclatureResponseSchema,
  ResultTypeEnum,
  type Response,
} from "../../proto/messages";
import {
  addGoods,
  importNationalCatalogue,
  updateElement,
  type NewElement,
} from "../../worker/domain/nomenclature";
import { AppError } from "../../worker/errors";
import { readResponse, requestFrame } from "./frames";
import { postFrame, registeredKkm } from "./harness";

type Kkm = Awaited<ReturnType<typeof registeredKkm>>;

/** 12:08:09 on 10 March 2026 in Asia/Almaty (UTC+5). */
const LIST_TIME = new Date("2026-03-10T07:08:09.000Z");

const db = () => drizzle(env.DB);

/** Sends COMMAND_NOMENCLATURE with the given block, or none. */
async function askGoods(
  kkm: Kkm,
  nomenclature?: { currentVersion?: number; barcode?: string },
  version: 202 | 203 = 203,
) {
  const frame = requestFrame(
    { kkmId: kkm.kkmId, token: kkm.token, reqNum: 5, version },
    nomenclature
      ? { command: CommandTypeEnum.COMMAND_NOMENCLATURE, nomenclature }
      : { command: CommandTypeEnum.COMMAND_NOMENCLATURE },
  );
  const { header, response } = readResponse(await postFrame(frame));
  expect(header.token).toBe(kkm.token);
  expect(response.command).toBe(CommandTypeEnum.COMMAND_NOMENCLATURE);
  return { header, response };
}

function listJson(response: Response) {
  if (!response.nomenclature) throw new Error("answer has no nomenclature");
  return toJson(NomenclatureResponseSchema, response.nomenclature);
}

/**
 * Registers a KKM whose list has water in a drinks group and bread at the
 * root.
 */
async function kkmWithList() {
  const kkm = await registeredKkm();
  const [drinks] = (
    await addGoods(
      db(),
      kkm.organisationId,
      [{ type: "group", title: "Напитки", titleKk: "Сусындар" }],
      new Date("2026-03-01T00:00:00.000Z"),
    )
  ).ids;
  const items: NewElement[] = [
    {
      type: "item",
      parentGroupId: drinks,
      title: "Вода 0,5 л",
      titleKk: "Су 0,5 л",
      article: "W-05",
      barcode: "4870000000011",
      description: "Still water",
      sellPrice: 25_050,
      purchasePrice: 18_000,
      measureUnitCode: "796",
      measureTitle: "шт",
      ntin: "0200000000017",
      vatPercent: 16_000,
      taxationType: 101,
      isSocial: true,
    },
    {
      type: "item",
      title: "Хлеб весовой",
      sellPrice: 40_000,
      measureUnitCode: "166",
      measureTitle: "кг",
      measureFractional: true,
    },
  ];
  const added = await addGoods(db(), kkm.organisationId, items, LIST_TIME);
  const [water = 0, bread = 0] = added.ids;
  return { kkm, ids: { drinks: drinks ?? 0, water, bread }, added };
}

/** `LIST_TIME` as the register's wall-clock time. */
const LIST_LOCAL_TIME = {
  date: { year: 2026, month: 3, day: 10 },
  time: { hour: 12, minute: 8, second: 9 },
};

const BREAD_ITEM: object = {
  purchasePrice: { bills: "0", coins: 0 },
  sellPrice: { bills: "400", coins: 0 },
  measureTitle: "кг",
  measureFractional: true,
  measureUnitCode: "166",
};

/** Builds the expected list of `kkmWithList` as 2.0.3 JSON. */
function expectedList(
  ids: { drinks: number; water: number; bread: number },
  version = 2,
  createdTime = LIST_LOCAL_TIME,
  breadItem = BREAD_ITEM,
) {
  return {
    version,
    createdTime,
    elements: [
      {
        type: "ELEMENT_TYPE_GROUP",
        title: "Напитки",
        id: String(ids.drinks),
        titleKk: "Сусындар",
      },
      {
        type: "ELEMENT_TYPE_ITEM",
        title: "Вода 0,5 л",
        parentGroupId: String(ids.drinks),
        id: String(ids.water),
        item: {
          article: "W-05",
          barcode: "4870000000011",
          description: "Still water",
          purchasePrice: { bills: "180", coins: 0 },
          sellPrice: { bills: "250", coins: 50 },
          taxes: [{ taxationType: 101, taxType: 100, taxPercent: 16000 }],
          measureTitle: "шт",
          measureUnitCode: "796",
          ntin: "0200000000017",
          isSocial: true,
        },
        titleKk: "Су 0,5 л",
      },
      {
        type: "ELEMENT_TYPE_ITEM",
        title: "Хлеб весовой",
        id: String(ids.bread),
        item: breadItem,
      },
    ],
    result: "RESULT_TYPE_OK",
  };
}

describe("COMMAND_NOMENCLATURE list", () => {
  it("returns NO_VERSION without a list", async () => {
    const kkm = await registeredKkm();

    const { response } = await askGoods(kkm, { currentVersion: 0 });

    expect(response.result?.resultCode).toBe(ResultTypeEnum.RESULT_TYPE_OK);
    expect(listJson(response)).toEqual({
      version: 0,
      result: "RESULT_TYPE_NO_VERSION",
    });
  });

  it("sends the full list to an empty register", async () => {
    const { kkm, ids, added } = await kkmWithList();

    const { response } = await askGoods(kkm, { currentVersion: 0 });

    expect(added.version).toBe(2);
    expect(response.result?.resultCode).toBe(ResultTypeEnum.RESULT_TYPE_OK);
    expect(listJson(response)).toEqual(expectedList(ids));
  });

  it("sends the full list for a missing block", async () => {
    const { kkm, ids } = await kkmWithList();

    const { response } = await askGoods(kkm);

    expect(listJson(response)).toEqual(expectedList(ids));
  });

  it("reports an actual version", async () => {
    const { kkm } = await kkmWithList();

    const { response } = await askGoods(kkm, { currentVersion: 2 });

    expect(response.result?.resultCode).toBe(ResultTypeEnum.RESULT_TYPE_OK);
    expect(listJson(response)).toEqual({
      version: 2,
      result: "RESULT_TYPE_VERSION_IS_ACTUAL",
    });
  });

  it("sends the new list after an edit", async () => {
    const { kkm, ids } = await kkmWithList();
    const editTime = new Date("2026-03-11T19:30:00.000Z");

    const { version } = await updateElement(
      db(),
      kkm.organisationId,
      ids.bread,
      { sellPrice: 42_099, description: "Fresh" },
      editTime,
    );
    const { response } = await askGoods(kkm, { currentVersion: 2 });
    const actual = await askGoods(kkm, { currentVersion: 3 });

    expect(version).toBe(3);
    const editLocalTime = {
      date: { year: 2026, month: 3, day: 12 },
      time: { hour: 0, minute: 30, second: 0 },
    };
    const editedBread = {
      description: "Fresh",
      purchasePrice: { bills: "0", coins: 0 },
      sellPrice: { bills: "420", coins: 99 },
      measureTitle: "кг",
      measureFractional: true,
      measureUnitCode: "166",
    };
    expect(listJson(response)).toEqual(
      expectedList(ids, 3, editLocalTime, editedBread),
    );
    expect(listJson(actual.response)).toEqual({
      version: 3,
      result: "RESULT_TYPE_VERSION_IS_ACTUAL",
    });
  });

  it("lists groups before their members", async () => {
    const kkm = await registeredKkm();
    const { ids } = await addGoods(db(), kkm.organisationId, [
      { type: "group", title: "Inner" },
      { type: "item", title: "Tea", sellPrice: 100 },
      { type: "group", title: "Outer" },
    ]);
    const [inner = 0, tea = 0, outer = 0] = ids;
    await updateElement(db(), kkm.organisationId, inner, {
      parentGroupId: outer,
    });

    const { response } = await askGoods(kkm, { currentVersion: 0 });

    const order = response.nomenclature?.elements.map((e) => Number(e.id));
    expect(order).toEqual([outer, inner, tea]);
  });

  it("answers a 2.0.2 register in 2.0.2", async () => {
    const { kkm, ids } = await kkmWithList();

    const { header, response } = await askGoods(
      kkm,
      { currentVersion: 0 },
      202,
    );

    expect(header.version).toBe(202);
    const elements = response.nomenclature?.elements ?? [];
    expect(elements.map((e) => Number(e.id))).toEqual([
      ids.drinks,
      ids.water,
      ids.bread,
    ]);
    for (const element of elements.filter((e) => e.item)) {
      const item = element.item!;
      expect(isFieldSet(item, ItemSchema.field.purchasePrice)).toBe(true);
      expect(isFieldSet(item, ItemSchema.field.sellPrice)).toBe(true);
      // 2.0.2 has no barcode, NTIN or Kazakh title, so they are left out.
      expect(isFieldSet(item, ItemSchema.field.barcode)).toBe(false);
      expect(isFieldSet(item, ItemSchema.field.ntin)).toBe(false);
      expect(element.titleKk).toBe("");
    }
    expect(elements[2]?.item?.purchasePrice).toMatchObject({
      bills: 0n,
      coins: 0,
    });
  });
});

describe("COMMAND_NOMENCLATURE barcode", () => {
  it("returns the National Catalogue item", async () => {
    const { kkm } = await kkmWithList();
    const imported = await importNationalCatalogue(db(), [
      {
        barcode: "4870200000019",
        ntin: "0200000000123",
        nameRu: "Молоко 2,5% 1 л",
        nameKk: "Сүт 2,5% 1 л",
        measureUnitCode: "868",
      },
      { barcode: "4870200000026", ntin: "0200000000130", nameRu: "Кефир" },
    ]);

    const { response } = await askGoods(kkm, { barcode: "4870200000019" });

    expect(imported).toBe(2);
    expect(response.result?.resultCode).toBe(ResultTypeEnum.RESULT_TYPE_OK);
    expect(listJson(response)).toEqual({
      version: 2,
      elements: [
        {
          type: "ELEMENT_TYPE_ITEM",
          title: "Молоко 2,5% 1 л",
          id: "0",
          item: {
            barcode: "4870200000019",
            measureUnitCode: "868",
            ntin: "0200000000123",
          },
          titleKk: "Сүт 2,5% 1 л",
        },
      ],
      result: "RESULT_TYPE_OK",
    });
  });

  it("returns 18 for an unknown barcode", async () => {
    const kkm = await registeredKkm();

    const { response } = await askGoods(kkm, { barcode: "4870200000999" });

    expect(response.result?.resultCode).toBe(
      ResultTypeEnum.RESULT_TYPE_ELEMENT_NOT_FOUND_BY_BARCODE,
    );
    expect(response.result?.resultText).toBe(
      "barcode 4870200000999 is not in the National Catalogue of Goods",
    );
    expect(listJson(response)).toEqual({
      version: 0,
      result: "RESULT_TYPE_ELEMENT_NOT_FOUND_BY_BARCODE",
    });
  });

  it("replaces a re-imported barcode", async () => {
    const kkm = await registeredKkm();
    const row = { barcode: "4870200000033", ntin: "1", nameRu: "Old" };
    await importNationalCatalogue(db(), [row]);
    await importNationalCatalogue(db(), [
      { ...row, nameRu: "Wrong" },
      { ...row, ntin: "2", nameRu: "New" },
    ]);

    const { response } = await askGoods(kkm, { barcode: row.barcode });

    const element = response.nomenclature?.elements[0];
    expect(element?.title).toBe("New");
    expect(element?.item?.ntin).toBe("2");
  });
});

describe("goods list changes", () => {
  async function rejection(promise: Promise<unknown>): Promise<AppError> {
    const error = await promise.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  it("rejects invalid elements", async () => {
    const kkm = await registeredKkm();
    const cases: [string, NewElement][] = [
      ["empty title", { type: "group", title: "" }],
      ["negative price", { type: "item", title: "Tea", sellPrice: -1 }],
      ["fractional tiyn", { type: "item", title: "Tea", sellPrice: 1.5 }],
      [
        "VAT without taxation type",
        { type: "item", title: "Tea", sellPrice: 1, vatPercent: 12_000 },
      ],
      [
        "item field on a group",
        { type: "group", title: "G", sellPrice: 1 } as NewElement,
      ],
      ["unknown parent", { type: "group", title: "G", parentGroupId: 999999 }],
    ];

    for (const [name, element] of cases) {
      const error = await rejection(
        addGoods(db(), kkm.organisationId, [element]),
      );
      expect(error.code, name).toBe("BAD_REQUEST");
    }
    const { response } = await askGoods(kkm, { currentVersion: 0 });
    expect(response.nomenclature?.version).toBe(0);
  });

  it("rejects a group moved into itself", async () => {
    const kkm = await registeredKkm();
    const [outer = 0] = (
      await addGoods(db(), kkm.organisationId, [{ type: "group", title: "A" }])
    ).ids;
    const [inner = 0] = (
      await addGoods(db(), kkm.organisationId, [
        { type: "group", title: "B", parentGroupId: outer },
      ])
    ).ids;

    const error = await rejection(
      updateElement(db(), kkm.organisationId, outer, { parentGroupId: inner }),
    );

    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe(
      `group ${outer} cannot move into its own subgroup ${inner}`,
    );
  });

  it("rejects another organisation's element", async () => {
    const { ids } = await kkmWithList();
    const other = await registeredKkm();

    const error = await rejection(
      updateElement(db(), other.organisationId, ids.water, { title: "X" }),
    );

    expect(error.code).toBe("NOT_FOUND");
  });
});
