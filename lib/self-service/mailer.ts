import nodemailer from "nodemailer";
import { config } from "@/lib/config";
import { log } from "@/lib/observability/log";
import type { MailMessage } from "./mail-message";

type Send = (to: string, message: MailMessage) => Promise<void>;

let sender: Send | undefined;

/** SMTP_URL's transport, made once; "log" writes each message's text to the log for local development. */
function configuredSender(): Send {
  if (sender) return sender;
  const mail = config().selfService.mail;
  if (!mail) throw new Error("no mail transport configured (SMTP_URL)");
  if (mail.url === "log") {
    sender = async (to, message) => log().warn({ to, subject: message.subject, text: message.text }, "e-mail not sent (SMTP_URL=log)");
  } else {
    const transport = nodemailer.createTransport(mail.url);
    sender = async (to, message) => {
      await transport.sendMail({ from: mail.from, to, subject: message.subject, text: message.text, html: message.html });
    };
  }
  return sender;
}

export async function sendMail(to: string, message: MailMessage): Promise<void> {
  await configuredSender()(to, message);
}
