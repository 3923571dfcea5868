import type { Branding } from "@/lib/branding/config";
import { type Locale, type MessageKey, translator } from "@/lib/i18n";
import { textDirection } from "@/lib/i18n/locales";

export type MailKind = { kind: "verify"; link: string; code: string } | { kind: "exists" } | { kind: "reset"; link: string };

export type MailMessage = { subject: string; text: string; html: string };

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

/**
 * One e-mail, in the language of the page it was asked from and with the
 * deployment's branding, as plain text and as HTML. The HTML has no remote
 * content but the logo, given as a link rather than an embedded image.
 */
export function mailMessage(mail: MailKind, options: { locale: Locale; branding: Branding; appUrl: string }): MailMessage {
  const t = translator(options.locale);
  const product = options.branding.productName ?? t("app.name");
  const lines: { key: MessageKey; link?: string; code?: string }[] =
    mail.kind === "verify"
      ? [{ key: "selfService.mail.verifyBody", link: mail.link }, { key: "selfService.mail.verifyCode", code: mail.code }, { key: "selfService.mail.limits" }]
      : mail.kind === "reset"
        ? [{ key: "selfService.mail.resetBody", link: mail.link }, { key: "selfService.mail.limits" }]
        : [{ key: "selfService.mail.existsBody" }];
  const subjectKey: MessageKey =
    mail.kind === "verify" ? "selfService.mail.verifySubject" : mail.kind === "reset" ? "selfService.mail.resetSubject" : "selfService.mail.existsSubject";
  const subject = t(subjectKey, { product });
  const ignore = t("selfService.mail.ignore");

  const text = [product, "", ...lines.flatMap((line) => [t(line.key), ...(line.link ? [line.link] : []), ...(line.code ? [line.code] : []), ""]), ignore, ""].join("\n");

  const light = options.branding.colors.light;
  const accent = light.accent ?? "#1f5fd1";
  const accentText = light.accentText ?? "#ffffff";
  const textColour = light.text ?? "#1a1a1a";
  const logo = options.branding.logo
    ? new URL(options.branding.logo.light, `${options.appUrl}/`).href
    : undefined;
  const header = logo
    ? `<p><a href="${escapeHtml(logo)}">${escapeHtml(t("app.logoAlt", { product }))}</a></p>`
    : "";
  const body = lines
    .map((line) => {
      const words = `<p>${escapeHtml(t(line.key))}</p>`;
      if (line.link) {
        return `${words}<p><a href="${escapeHtml(line.link)}" style="display:inline-block;padding:10px 16px;background:${accent};color:${accentText};text-decoration:none;border-radius:6px">${escapeHtml(t("selfService.mail.button"))}</a></p><p style="font-size:12px;word-break:break-all">${escapeHtml(line.link)}</p>`;
      }
      if (line.code) return `${words}<p style="font-size:24px;font-family:monospace;letter-spacing:4px"><strong>${escapeHtml(line.code)}</strong></p>`;
      return words;
    })
    .join("");
  const html = `<!DOCTYPE html><html lang="${options.locale}" dir="${textDirection(options.locale)}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif;color:${textColour}">${header}<h1 style="font-size:20px;color:${accent}">${escapeHtml(product)}</h1>${body}<p style="color:#666">${escapeHtml(ignore)}</p></body></html>`;
  return { subject, text, html };
}
