/**
 * Client-side rules of the KKM edit form and the OKED classifier page:
 * the checks mirror the API's, and the edit form sends only what changed.
 */
import { describe, expect, it } from "vitest";
import {
  checkEdit,
  type EditableKkm,
  editValues,
  kkmChanges,
  lacksProfile,
} from "../../../web/src/lib/kkm-edit-rules";
import { checkOkedCode, checkOkedName } from "../../../web/src/lib/oked-rules";

const KKM: EditableKkm = {
  internalName: "Till 3",
  pointOfSaleId: "pos_1",
  kgdNumber: "600400123456",
  timeZone: "Asia/Almaty",
  modelId: "model_1",
  connectionMethod: "wired",
  operatingSystem: "Android 12",
  filedBy: "organisation",
};

/** Problems of `checkEdit` that are set, by field. */
function problems(values: Record<string, string>, kkm: EditableKkm = KKM) {
  const initial = editValues(kkm);
  const found = checkEdit({ ...initial, ...values }, initial);
  return Object.fromEntries(
    Object.entries(found).filter(([, problem]) => problem !== null),
  );
}

describe("KKM edit checks", () => {
  it("accepts the unchanged KKM", () => {
    expect(problems({})).toEqual({});
  });

  it.each([
    ["60040012345", "kkmErrorKgdNumber"],
    ["6004001234567", "kkmErrorKgdNumber"],
    ["60040012345a", "kkmErrorKgdNumber"],
    ["", "kkmErrorKgdNumber"],
  ])("KGD number %j gives %s", (kgdNumber, key) => {
    expect(problems({ kgdNumber })).toEqual({ kgdNumber: key });
  });

  it("limits the internal name", () => {
    expect(problems({ internalName: " " })).toEqual({
      internalName: "errorRequired",
    });
    expect(problems({ internalName: "x".repeat(101) })).toEqual({
      internalName: "kkmErrorInternalNameLength",
    });
  });

  it("limits the operating system", () => {
    expect(problems({ operatingSystem: "x".repeat(101) })).toEqual({
      operatingSystem: "kkmErrorOperatingSystemLength",
    });
  });

  it("profile fields go together", () => {
    const bare: EditableKkm = {
      ...KKM,
      modelId: null,
      connectionMethod: null,
      operatingSystem: null,
      filedBy: null,
    };

    expect(lacksProfile(editValues(bare)), "lacks profile").toBe(true);
    expect(problems({}, bare), "untouched").toEqual({});
    expect(problems({ modelId: "model_1" }, bare), "one given").toEqual({
      connectionMethod: "errorRequired",
      operatingSystem: "errorRequired",
      filedBy: "errorRequired",
    });
  });
});

describe("KKM edit changes", () => {
  it("sends only changed fields", () => {
    const initial = editValues(KKM);

    const changes = kkmChanges(
      {
        ...initial,
        kgdNumber: " 600400654321 ",
        internalName: "Till 3 ",
        connectionMethod: "wireless",
      },
      initial,
    );

    expect(changes).toEqual({
      kgdNumber: "600400654321",
      connectionMethod: "wireless",
    });
  });

  it("sends nothing when unchanged", () => {
    const initial = editValues(KKM);

    expect(kkmChanges({ ...initial }, initial)).toEqual({});
  });
});

describe("OKED checks", () => {
  it.each([
    ["", "errorRequired"],
    ["4719", "okedErrorCode"],
    ["471900", "okedErrorCode"],
    ["4719a", "okedErrorCode"],
    ["47190", null],
  ])("code %j gives %s", (code, expected) => {
    expect(checkOkedCode(code)).toBe(expected);
  });

  it.each([
    ["  ", "errorRequired"],
    ["x".repeat(501), "okedErrorNameLength"],
    ["x".repeat(500), null],
  ])("name case %# gives %s", (name, expected) => {
    expect(checkOkedName(name)).toBe(expected);
  });
});
