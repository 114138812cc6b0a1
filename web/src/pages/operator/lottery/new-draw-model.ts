/** The "new draw" form: client-side checks, then POST, then the draw. */
import { createForm } from "../../../models/form-model";
import { almatyDate } from "../../../../../worker/domain/lottery/period";
import type { Draw } from "../../lottery/lottery-api";
import { checkDrawForm, EMPTY_DRAW_FORM, toNewDraw } from "./draw-rules";
import { createOperatorDraw } from "./operator-lottery-api";

/** Creates the model of the "new draw" page; `onCreated` gets the draw. */
export function createNewDrawModel(onCreated: (draw: Draw) => void) {
  const form = createForm(EMPTY_DRAW_FORM, (values) =>
    checkDrawForm(values, almatyDate(new Date())),
  );

  /** Sends the form; API errors land under the fields they name. */
  async function create(): Promise<void> {
    await form.submit(async (values) => {
      onCreated(await createOperatorDraw(toNewDraw(values)));
    });
  }

  return { form, create };
}
