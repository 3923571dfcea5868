import { describe, expect, it } from "vitest";
import { goDuration, lifespanFields, lifespanForm, lifespanFormValues, parseGoDuration } from "./lifespans";

const access = "authorization_code_grant_access_token_lifespan";
const refresh = "refresh_token_grant_refresh_token_lifespan";
const idToken = "implicit_grant_id_token_lifespan";

describe("lifespanForm", () => {
  it("sends every lifespan, null where the form is empty, because Hydra replaces them all", () => {
    const result = lifespanForm({ [access]: "15", [`${access}_unit`]: "m", [refresh]: "90", [`${refresh}_unit`]: "d" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.body).sort()).toEqual([...lifespanFields].sort());
    expect(result.body[access]).toBe("15m0s");
    expect(result.body[refresh]).toBe("2160h0m0s");
    expect(result.body[idToken]).toBeNull();
  });

  it("writes durations Hydra's pattern accepts", () => {
    const result = lifespanForm({ [access]: "3600", [`${access}_unit`]: "s", [idToken]: "1", [`${idToken}_unit`]: "d" });
    expect(result.ok && Object.values(result.body).filter(Boolean)).toEqual(["1h0m0s", "24h0m0s"]);
    for (const value of Object.values(result.ok ? result.body : {})) {
      if (value) expect(value).toMatch(/^([0-9]+(ns|us|ms|s|m|h))*$/);
    }
  });

  it.each([
    ["0", "h", "admin.lifespans.errors.number"],
    ["-5", "h", "admin.lifespans.errors.number"],
    ["1.5", "h", "admin.lifespans.errors.number"],
    ["1e3", "s", "admin.lifespans.errors.number"],
    ["10", "w", "admin.lifespans.errors.unit"],
    ["31", "d", "admin.lifespans.errors.tooLong"],
    ["720", "h", undefined],
    ["721", "h", "admin.lifespans.errors.tooLong"],
  ])("access token %s %s → %s", (amount, unit, error) => {
    const result = lifespanForm({ [access]: amount, [`${access}_unit`]: unit });
    expect(result.ok ? undefined : result.errors[access]).toBe(error);
  });

  it("allows refresh tokens up to 720 days, not a day more", () => {
    expect(lifespanForm({ [refresh]: "720", [`${refresh}_unit`]: "d" }).ok).toBe(true);
    expect(lifespanForm({ [refresh]: "721", [`${refresh}_unit`]: "d" })).toMatchObject({
      ok: false,
      errors: { [refresh]: "admin.lifespans.errors.tooLong" },
    });
  });

  it("gives back what was typed when it passes too, for a page Hydra refuses", () => {
    expect(lifespanForm({ [access]: "15", [`${access}_unit`]: "m" })).toMatchObject({ ok: true, values: { [access]: "15", [`${access}_unit`]: "m", [refresh]: "" } });
  });

  it("gives back what was typed with the errors", () => {
    const result = lifespanForm({ [access]: " 0 ", [`${access}_unit`]: "m", [refresh]: "7" });
    expect(result).toMatchObject({ ok: false, values: { [access]: "0", [`${access}_unit`]: "m", [refresh]: "7", [`${refresh}_unit`]: "d" } });
  });
});

describe("lifespanFormValues", () => {
  it("reads Hydra's durations back into the largest whole unit", () => {
    const values = lifespanFormValues({
      [access]: "1h0m0s",
      [refresh]: "720h0m0s",
      [idToken]: "1m30s",
      client_credentials_grant_access_token_lifespan: null,
    });
    expect(values[access]).toBe("1");
    expect(values[`${access}_unit`]).toBe("h");
    expect(values[refresh]).toBe("30");
    expect(values[`${refresh}_unit`]).toBe("d");
    expect(values[idToken]).toBe("90");
    expect(values[`${idToken}_unit`]).toBe("s");
    expect(values.client_credentials_grant_access_token_lifespan).toBe("");
  });

  it("round-trips through the form", () => {
    const typed = { [access]: "45", [`${access}_unit`]: "m", [refresh]: "14", [`${refresh}_unit`]: "d" };
    const result = lifespanForm(typed);
    if (!result.ok) throw new Error("expected ok");
    const again = lifespanForm(lifespanFormValues(result.body));
    expect(again).toEqual(result);
  });
});

describe("Go durations", () => {
  it.each([
    [1, "1s"],
    [59, "59s"],
    [60, "1m0s"],
    [90, "1m30s"],
    [3600, "1h0m0s"],
    [3661, "1h1m1s"],
    [2_592_000, "720h0m0s"],
  ])("%i s is %s", (seconds, text) => {
    expect(goDuration(seconds)).toBe(text);
    expect(parseGoDuration(text)).toBe(seconds);
  });

  it.each([
    ["1.5h", 5400],
    ["3600s", 3600],
    ["1500ms", 2],
    ["10us", 1],
    ["", undefined],
    ["0s", undefined],
    ["-1h", undefined],
    ["1d", undefined],
    ["h", undefined],
    ["5", undefined],
  ])("parses %j as %s seconds", (text, seconds) => {
    expect(parseGoDuration(text)).toBe(seconds);
  });
});
