import { describe, expect, it } from "vitest";
import { capturedLog } from "./testing/captured-log";

describe("createLogger", () => {
  it("never writes a token, a client secret, a PKCE verifier or a credential, at the top or one level down", () => {
    const { logger, lines } = capturedLog();
    const secrets = {
      token: "ory_at_pasted",
      access_token: "ory_at_a",
      refresh_token: "ory_rt_r",
      id_token: "eyJ.id.token",
      id_token_hint: "eyJ.hint",
      client_secret: "s3cret",
      code_verifier: "v3r1f13r",
      password: "pa55w0rd",
      csrf: "f0rm-t0k3n",
    };
    logger.info({ ...secrets, form: secrets, step: "admin_submit" }, "a line");
    const [line] = lines;
    for (const value of Object.values(secrets)) expect(line).not.toContain(value);
    expect(line).toContain('"step":"admin_submit"');
  });
});
