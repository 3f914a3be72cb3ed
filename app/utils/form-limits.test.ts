import { describe, expect, it } from "vitest";
import { z } from "zod";
import { listOf } from "./form-schemas";
import { ENCODED_BYTES_PER_CHAR, formBodyLimit, MARGIN_BYTES, schemaMaxima } from "./form-limits.server";

const schema = z.object({
  message: z.preprocess((v) => v ?? "", z.string().trim().max(5000)),
  kind: z.enum(["a", "longer"]),
  ids: listOf(z.coerce.number().int()),
});

describe("form body limits", () => {
  it("reads each field's maximum from the schema, through preprocessing", () => {
    const maxima = schemaMaxima(schema);
    expect(maxima.message).toBe(5000);
    expect(maxima.kind).toBe(6);
    expect(maxima.ids).toMatchObject({ repeat: expect.any(Number) });
  });

  it("never refuses a form at its maxima, written in the worst characters", () => {
    const limit = formBodyLimit(z.object({ text: z.string().max(2000), name: z.string().max(200) }));
    const body = new URLSearchParams({ text: "–".repeat(2000), name: "ä".repeat(200), intent: "save" }).toString();
    expect(Buffer.byteLength(body)).toBeLessThan(limit);
    expect(limit).toBeLessThan((2000 + 200 + 20) * ENCODED_BYTES_PER_CHAR * 1.1 + MARGIN_BYTES);
  });

  it("takes the largest of a route's forms", () => {
    expect(formBodyLimit({ a: 10 }, { b: 1000 })).toBe(formBodyLimit({ b: 1000 }));
  });
});
