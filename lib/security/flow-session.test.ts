import { describe, expect, it } from "vitest";
import { formToken, formTokenIsValid, newFlowSession, sealExpiry, sealFlowSession, unsealFlowSession } from "./flow-session";

process.env.SESSION_SECRET ??= "flow-session-test-secret-".repeat(2);

describe("the flow session cookie", () => {
  it("unseals what it sealed, including the flash", async () => {
    const session = { ...newFlowSession(), flash: { challenge: "c", email: "a@b.c" } };
    const sealed = await sealFlowSession(session);
    expect(await unsealFlowSession(sealed)).toEqual(session);
    expect(await unsealFlowSession(sealed)).toEqual(session);
  });

  it("refuses a tampered or foreign seal, even when a genuine one is known", async () => {
    const sealed = await sealFlowSession(newFlowSession());
    await unsealFlowSession(sealed);
    const tampered = sealed.replace(/\*([^*])/, (_, c: string) => `*${c === "A" ? "B" : "A"}`);
    expect(await unsealFlowSession(tampered)).toBeUndefined();
    expect(await unsealFlowSession("Fe26.2*1*x*y*z*9999999999999*a*b~2")).toBeUndefined();
    expect(await unsealFlowSession("")).toBeUndefined();
  });

  it("reads the expiry iron writes into the seal, an hour ahead", async () => {
    const before = Date.now();
    const expiry = sealExpiry(await sealFlowSession(newFlowSession()));
    expect(expiry).toBeGreaterThanOrEqual(before + 3600_000 - 1000);
    expect(expiry).toBeLessThanOrEqual(Date.now() + 3600_000);
    expect(sealExpiry("not a seal")).toBeUndefined();
  });

  it("binds form tokens to the browser's session", () => {
    const session = newFlowSession();
    const token = formToken(session, "consent", "challenge");
    expect(formTokenIsValid(session, "consent", "challenge", token)).toBe(true);
    expect(formTokenIsValid(newFlowSession(), "consent", "challenge", token)).toBe(false);
    expect(formTokenIsValid(undefined, "consent", "challenge", token)).toBe(false);
  });
});
