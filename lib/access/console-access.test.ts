import { describe, expect, it } from "vitest";
import { admitChange, admitToConsole, consoleReachable } from "./console-access";

const admin = { origin: "https://login.example.com", reauthMaxAge: 900 };
const now = Date.parse("2026-11-28T12:00:00Z");

describe("consoleReachable", () => {
  it("is 404 when the console is off, or on a host other than its own", () => {
    expect(consoleReachable(null, "login.example.com")).toBe(false);
    expect(consoleReachable(admin, "login.example.com")).toBe(true);
    const bound = { ...admin, host: "admin.example.com" };
    expect(consoleReachable(bound, "Admin.Example.com")).toBe(true);
    expect(consoleReachable(bound, "login.example.com")).toBe(false);
    expect(consoleReachable(bound, undefined)).toBe(false);
  });
});

describe("admitToConsole", () => {
  const base = { roles: ["admin"], authenticatedAt: now - 60_000, now, use: "read" as const, reauthMaxAge: 900 };

  it("forbids accounts without the admin role, whatever they ask", () => {
    expect(admitToConsole({ ...base, roles: [] })).toEqual({ kind: "forbidden" });
    expect(admitToConsole({ ...base, roles: ["administrator"], use: "change" })).toEqual({ kind: "forbidden" });
  });

  it("lets an admin read with any sign-in, and change with one younger than the age", () => {
    expect(admitToConsole({ ...base, authenticatedAt: now - 86_400_000 })).toEqual({ kind: "admitted" });
    expect(admitToConsole({ ...base, use: "change" })).toEqual({ kind: "admitted" });
    expect(admitToConsole({ ...base, use: "change", authenticatedAt: now - 900_000 })).toEqual({ kind: "admitted" });
  });

  it("asks an admin whose sign-in is older than the age to sign in again before a change", () => {
    expect(admitToConsole({ ...base, use: "change", authenticatedAt: now - 900_001 })).toEqual({ kind: "reauthenticate", maxAge: 900 });
  });
});

describe("admitChange", () => {
  const base = { now, reauthMaxAge: 300 };

  it("lets anyone signed in read, and change only with a sign-in no older than the age", () => {
    expect(admitChange({ ...base, use: "read", authenticatedAt: now - 86_400_000 })).toEqual({ kind: "admitted" });
    expect(admitChange({ ...base, use: "change", authenticatedAt: now - 300_000 })).toEqual({ kind: "admitted" });
    expect(admitChange({ ...base, use: "change", authenticatedAt: now - 300_001 })).toEqual({ kind: "reauthenticate", maxAge: 300 });
  });
});
