import { describe, expect, it } from "vitest";
import { consentFormSchema, formFields, loginFormSchema } from "./flow-input";

const form = (pairs: [string, string][]) => {
  const data = new FormData();
  for (const [key, value] of pairs) data.append(key, value);
  return data;
};

describe("formFields", () => {
  it("keeps one value per field and every grant_scope checkbox", () => {
    expect(formFields(form([["challenge", "c"], ["grant_scope", "openid"], ["grant_scope", "email"]]))).toEqual({
      challenge: "c",
      grant_scope: ["openid", "email"],
    });
  });

  it("refuses a repeated field rather than guessing which value was meant", () => {
    const fields = formFields(form([["challenge", "a"], ["csrf", "t"], ["action", "accept"], ["challenge", "b"]]));
    expect(fields.challenge).toBeNull();
    expect(loginFormSchema.safeParse(fields).success).toBe(false);
    expect(consentFormSchema.safeParse(formFields(form([["challenge", "a"], ["action", "accept"], ["action", "reject"]]))).success).toBe(false);
  });

  it("ignores uploaded files", () => {
    const data = form([["challenge", "c"]]);
    data.append("file", new Blob(["x"]), "x.txt");
    expect(formFields(data)).toEqual({ challenge: "c" });
  });
});
