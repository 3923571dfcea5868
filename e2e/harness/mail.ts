import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { freePorts } from "./ports";

export type CapturedMail = { to: string; from: string; subject: string; text: string; html: string; at: number };

export interface MailCatcher {
  /** smtp://… for the app's SMTP_URL. */
  url: string;
  messages: CapturedMail[];
  /** The next message to `to` that arrived after `since` (epoch ms; default: any), waiting up to `timeoutMs`. */
  waitFor(to: string, options?: { since?: number; timeoutMs?: number }): Promise<CapturedMail>;
  /** Every message to `to` so far. */
  to(address: string): CapturedMail[];
  stop(): Promise<void>;
}

/** A real SMTP server (smtp-server) that keeps every message it is given, parsed by mailparser. */
export async function startMailCatcher(): Promise<MailCatcher> {
  const [port] = await freePorts(1);
  const messages: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const recipients = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          for (const to of recipients) {
            messages.push({
              to,
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              html: typeof parsed.html === "string" ? parsed.html : "",
              at: Date.now(),
            });
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const to = (address: string) => messages.filter((m) => m.to === address.toLowerCase());
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to,
    async waitFor(address, { since = 0, timeoutMs = 15_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = to(address).find((m) => m.at >= since);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no e-mail to ${address} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
