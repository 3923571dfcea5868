import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { isoCBOR } from "@simplewebauthn/server/helpers";
import { beforeAll, describe, expect, it } from "vitest";
import type { PasskeyConfig } from "@/lib/config";
import { createUser } from "@/lib/identity/users";
import { issueChallenge } from "./passkey-challenge";
import { passkeyByCredentialId, passkeysOf } from "./passkey-store";
import { registrationOptions, signInOptions, userHandleOf, verifyRegistration, verifySignIn } from "./passkeys";

const rp: PasskeyConfig = { rpId: "login.example.com", origin: "https://login.example.com", challengeKey: "passkey-test-key-".repeat(3) };

beforeAll(() => {
  // The ceremonies use the app's database: one in memory for this file.
  process.env.SESSION_SECRET = "s".repeat(40);
  process.env.DATABASE_PATH = ":memory:";
});

const b64 = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest();

/** Authenticator data flags (WebAuthn §6.1): user present, user verified, backup eligible, backed up, attested credential data. */
const UP = 0x01;
const UV = 0x04;
const BE = 0x08;
const BS = 0x10;
const AT = 0x40;

/**
 * A software authenticator with one ES256 key, enough to make the answers a
 * browser would post: a "none" attestation, then signed assertions whose
 * clientDataJSON we choose, so a correctly signed answer for another origin
 * or another challenge can be tried.
 */
function authenticator(options: { synced?: boolean } = {}) {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" });
  const cose = isoCBOR.encode(
    new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, new Uint8Array(Buffer.from(jwk.x as string, "base64url"))],
      [-3, new Uint8Array(Buffer.from(jwk.y as string, "base64url"))],
    ]),
  );
  const credentialId = randomBytes(32);
  const backup = options.synced ? BE | BS : 0;
  let userHandle = "";
  const authData = (flags: number, counter: number, attested?: Buffer) => {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    return Buffer.concat([sha256(rp.rpId), Buffer.from([flags | backup]), count, attested ?? Buffer.alloc(0)]);
  };
  const clientData = (type: string, challenge: string, origin = rp.origin) => Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  return {
    id: b64(credentialId),
    register(challenge: string, userId: string, origin = rp.origin) {
      userHandle = userHandleOf(userId);
      const length = Buffer.alloc(2);
      length.writeUInt16BE(credentialId.length);
      const attested = Buffer.concat([Buffer.alloc(16), length, credentialId, Buffer.from(cose)]);
      const attestationObject = isoCBOR.encode(new Map<string, unknown>([["fmt", "none"], ["attStmt", new Map()], ["authData", new Uint8Array(authData(UP | UV | AT, 0, attested))]]) as never);
      return JSON.stringify({
        id: b64(credentialId),
        rawId: b64(credentialId),
        type: "public-key",
        response: { clientDataJSON: b64(clientData("webauthn.create", challenge, origin)), attestationObject: b64(attestationObject), transports: ["internal"] },
        clientExtensionResults: {},
      });
    },
    assert(challenge: string, options: { counter: number; origin?: string; flags?: number; userHandle?: string }) {
      const data = authData(options.flags ?? UP | UV, options.counter);
      const client = clientData("webauthn.get", challenge, options.origin);
      const signature = sign("sha256", Buffer.concat([data, sha256(client)]), privateKey);
      return JSON.stringify({
        id: b64(credentialId),
        rawId: b64(credentialId),
        type: "public-key",
        response: { clientDataJSON: b64(client), authenticatorData: b64(data), signature: b64(signature), userHandle: options.userHandle ?? userHandle },
        clientExtensionResults: {},
        authenticatorAttachment: "platform",
      });
    },
  };
}

let accounts = 0;
async function accountWithPasskey(options: { synced?: boolean } = {}) {
  accounts += 1;
  const user = await createUser({ email: `passkey-${accounts}@example.com`, password: "a long password" });
  const key = authenticator(options);
  const created = await registrationOptions({ ...rp, name: "Test" }, { userId: user.id, email: user.email, displayName: user.email, existing: [] }, Date.now());
  expect(await verifyRegistration(rp, user.id, "Laptop", key.register(created.challenge, user.id), new Date())).toEqual({ kind: "added", credentialId: key.id });
  return { user, key };
}

const signInChallenge = async (loginChallenge: string) => (await signInOptions(rp, loginChallenge, Date.now())).challenge;

describe("passkey registration", () => {
  it("asks for a discoverable credential with user verification, bound to the account, and keeps it", async () => {
    const user = await createUser({ email: "register@example.com", password: "a long password" });
    const options = await registrationOptions({ ...rp, name: "Test" }, { userId: user.id, email: user.email, displayName: "Reg", existing: ["old-id"] }, Date.now());
    expect(options).toMatchObject({
      rp: { id: "login.example.com", name: "Test" },
      user: { id: userHandleOf(user.id), name: user.email },
      attestation: "none",
      authenticatorSelection: { residentKey: "required", userVerification: "required" },
      excludeCredentials: [{ id: "old-id", type: "public-key" }],
    });
    const key = authenticator();
    expect(await verifyRegistration(rp, user.id, "Laptop", key.register(options.challenge, user.id), new Date())).toEqual({ kind: "added", credentialId: key.id });
    expect(await passkeysOf(user.id)).toEqual([expect.objectContaining({ credentialId: key.id, name: "Laptop", deviceType: "singleDevice", backedUp: false })]);
    expect((await passkeyByCredentialId(key.id))?.transports).toEqual(["internal"]);
  });

  it("refuses an attestation for another account, another origin, or one used before", async () => {
    const user = await createUser({ email: "register-2@example.com", password: "a long password" });
    const other = await createUser({ email: "register-3@example.com", password: "a long password" });
    const forOther = await registrationOptions({ ...rp, name: "Test" }, { userId: other.id, email: other.email, displayName: "", existing: [] }, Date.now());
    expect(await verifyRegistration(rp, user.id, "Laptop", authenticator().register(forOther.challenge, user.id), new Date())).toEqual({ kind: "refused", reason: "not_verified" });
    const mine = await registrationOptions({ ...rp, name: "Test" }, { userId: user.id, email: user.email, displayName: "", existing: [] }, Date.now());
    expect(await verifyRegistration(rp, user.id, "Laptop", authenticator().register(mine.challenge, user.id, "https://evil.example"), new Date())).toEqual({
      kind: "refused",
      reason: "not_verified",
    });
    const answer = authenticator().register(mine.challenge, user.id);
    expect((await verifyRegistration(rp, user.id, "Laptop", answer, new Date())).kind).toBe("added");
    expect(await verifyRegistration(rp, user.id, "Laptop", answer, new Date())).toEqual({ kind: "refused", reason: "replayed" });
    expect(await verifyRegistration(rp, user.id, "Laptop", "{not json", new Date())).toEqual({ kind: "refused", reason: "malformed" });
  });
});

describe("passkey sign-in", () => {
  it("verifies a device-bound passkey with the user verified, and moves its counter and last use", async () => {
    const { user, key } = await accountWithPasskey();
    const options = await signInOptions(rp, "login-1", Date.now());
    expect(options).toMatchObject({ rpId: "login.example.com", userVerification: "required" });
    expect(options.allowCredentials ?? []).toEqual([]);
    expect(await verifySignIn(rp, "login-1", key.assert(options.challenge, { counter: 5 }), new Date())).toEqual({
      kind: "verified",
      userId: user.id,
      hardware: true,
      userVerified: true,
    });
    expect((await passkeyByCredentialId(key.id))?.signCount).toBe(5);
    expect((await passkeysOf(user.id))[0]?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("reports a synced passkey as software, and records that it is backed up", async () => {
    const { user, key } = await accountWithPasskey({ synced: true });
    const challenge = await signInChallenge("login-2");
    expect(await verifySignIn(rp, "login-2", key.assert(challenge, { counter: 0 }), new Date())).toMatchObject({ kind: "verified", hardware: false });
    expect((await passkeysOf(user.id))[0]).toMatchObject({ deviceType: "multiDevice", backedUp: true });
  });

  it("refuses a correctly signed assertion made on another origin", async () => {
    const { key } = await accountWithPasskey();
    const challenge = await signInChallenge("login-3");
    expect(await verifySignIn(rp, "login-3", key.assert(challenge, { counter: 1, origin: "https://login.example.com.evil.example" }), new Date())).toEqual({
      kind: "refused",
      reason: "not_verified",
    });
    // The refusal spent nothing: the real answer still signs in.
    expect((await verifySignIn(rp, "login-3", key.assert(challenge, { counter: 1 }), new Date())).kind).toBe("verified");
  });

  it("refuses the same assertion twice, even from an authenticator without a counter", async () => {
    const { key } = await accountWithPasskey({ synced: true });
    const challenge = await signInChallenge("login-4");
    const answer = key.assert(challenge, { counter: 0 });
    expect((await verifySignIn(rp, "login-4", answer, new Date())).kind).toBe("verified");
    expect(await verifySignIn(rp, "login-4", answer, new Date())).toEqual({ kind: "refused", reason: "replayed" });
  });

  it("refuses an assertion for another login, an expired challenge, or a counter that went back", async () => {
    const { key } = await accountWithPasskey();
    const challenge = await signInChallenge("login-5");
    expect(await verifySignIn(rp, "login-6", key.assert(challenge, { counter: 1 }), new Date())).toEqual({ kind: "refused", reason: "not_verified" });
    const old = issueChallenge({ key: rp.challengeKey, purpose: "sign_in", binding: "login-5", now: Date.now() - 10 * 60 * 1000 });
    expect(await verifySignIn(rp, "login-5", key.assert(old, { counter: 2 }), new Date())).toEqual({ kind: "refused", reason: "expired" });
    expect((await verifySignIn(rp, "login-5", key.assert(challenge, { counter: 7 }), new Date())).kind).toBe("verified");
    const next = await signInChallenge("login-5");
    expect(await verifySignIn(rp, "login-5", key.assert(next, { counter: 7 }), new Date())).toEqual({ kind: "refused", reason: "not_verified" });
  });

  it("refuses a passkey without user verification, an unknown one, or one naming another account", async () => {
    const { key } = await accountWithPasskey();
    const challenge = await signInChallenge("login-7");
    expect(await verifySignIn(rp, "login-7", key.assert(challenge, { counter: 1, flags: UP }), new Date())).toEqual({ kind: "refused", reason: "not_verified" });
    expect(await verifySignIn(rp, "login-7", authenticator().assert(challenge, { counter: 1 }), new Date())).toEqual({ kind: "refused", reason: "unknown_credential" });
    expect(await verifySignIn(rp, "login-7", key.assert(challenge, { counter: 1, userHandle: userHandleOf("someone-else") }), new Date())).toEqual({
      kind: "refused",
      reason: "wrong_user",
    });
    for (const text of ["", "null", "[]", '{"id":"x"}', JSON.stringify({ ...JSON.parse(key.assert(challenge, { counter: 1 })), type: "password" })]) {
      expect(await verifySignIn(rp, "login-7", text, new Date()), text).toEqual({ kind: "refused", reason: "malformed" });
    }
  });
});

describe("proving one account with a passkey", () => {
  it("offers only the account's passkeys and accepts one of them, for this login and this account only", async () => {
    const { user, key } = await accountWithPasskey();
    const account = { userId: user.id, credentialIds: [key.id] };
    const options = await signInOptions(rp, "login-8", Date.now(), account);
    expect(options.allowCredentials).toEqual([expect.objectContaining({ id: key.id, type: "public-key" })]);
    // The challenge is bound to the account: neither the login page's ceremony nor another account's takes it.
    expect(await verifySignIn(rp, "login-8", key.assert(options.challenge, { counter: 1 }), new Date())).toEqual({ kind: "refused", reason: "not_verified" });
    expect(await verifySignIn(rp, "login-8", key.assert(options.challenge, { counter: 1 }), new Date(), { userId: "another" })).toEqual({
      kind: "refused",
      reason: "wrong_user",
    });
    expect(await verifySignIn(rp, "login-8", key.assert(options.challenge, { counter: 1 }), new Date(), account)).toMatchObject({ kind: "verified", userId: user.id });
    const onLoginPage = await signInChallenge("login-9");
    expect(await verifySignIn(rp, "login-9", key.assert(onLoginPage, { counter: 2 }), new Date(), account)).toEqual({ kind: "refused", reason: "not_verified" });
  });

  it("refuses another account's passkey", async () => {
    const { user } = await accountWithPasskey();
    const other = await accountWithPasskey();
    const account = { userId: user.id, credentialIds: [] };
    const options = await signInOptions(rp, "login-10", Date.now(), account);
    expect(await verifySignIn(rp, "login-10", other.key.assert(options.challenge, { counter: 1 }), new Date(), account)).toEqual({ kind: "refused", reason: "wrong_user" });
  });
});
