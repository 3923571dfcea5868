import { describe, expect, it } from "vitest";
import { decideLinkRemoval, type WaysIn } from "./ways-in";

const corp = { provider: "corp", subject: "sub-1", configured: true };
const target = { provider: "corp", subject: "sub-1" };
const only = (extra: Partial<WaysIn> = {}): WaysIn => ({ hasPassword: false, passkeys: 0, links: [corp], ...extra });

describe("decideLinkRemoval", () => {
  it("refuses to remove the only way in", () => {
    expect(decideLinkRemoval(only(), target)).toEqual({ kind: "last_way_in" });
  });

  it("allows it once a password, a passkey or another configured link signs in", () => {
    expect(decideLinkRemoval(only({ hasPassword: true }), target)).toEqual({ kind: "allowed" });
    expect(decideLinkRemoval(only({ passkeys: 1 }), target)).toEqual({ kind: "allowed" });
    expect(decideLinkRemoval(only({ links: [corp, { provider: "google", subject: "g-1", configured: true }] }), target)).toEqual({ kind: "allowed" });
    // Another subject at the same provider is another way in.
    expect(decideLinkRemoval(only({ links: [corp, { provider: "corp", subject: "sub-2", configured: true }] }), target)).toEqual({ kind: "allowed" });
  });

  it("does not count a link whose provider is no longer configured", () => {
    expect(decideLinkRemoval(only({ links: [corp, { provider: "gone", subject: "x", configured: false }] }), target)).toEqual({ kind: "last_way_in" });
  });

  it("lets a link to a provider that is gone be removed when something else signs in, and refuses it otherwise", () => {
    const gone = { provider: "gone", subject: "x", configured: false };
    expect(decideLinkRemoval({ hasPassword: true, passkeys: 0, links: [gone] }, gone)).toEqual({ kind: "allowed" });
    expect(decideLinkRemoval({ hasPassword: false, passkeys: 0, links: [gone] }, gone)).toEqual({ kind: "last_way_in" });
  });

  it("answers not_linked for a link the account does not have", () => {
    expect(decideLinkRemoval(only({ hasPassword: true }), { provider: "corp", subject: "someone-else" })).toEqual({ kind: "not_linked" });
  });
});
