import { html } from "@/components/html";
import { type RemoveLinkView, removeLinkScreen } from "@/components/screens/account-providers";
import { config as appConfig } from "@/lib/config";
import { recentSignInArea, serveAccountForm, serveAccountPage, pageWithForm } from "@/lib/server/account/serve";
import { linkToRemove, removeProviderLink } from "@/lib/server/account/upstream-links";
import { linkQuerySchema, removeLinkFormSchema } from "@/lib/validations/account-input";

export const config = { api: { bodyParser: false } };

const listUrl = () => `${appConfig().appUrl}/account/providers`;
const confirmationPath = (link: { provider: string; subject: string }) =>
  `/account/providers/remove?provider=${encodeURIComponent(link.provider)}&subject=${encodeURIComponent(link.subject)}`;

/**
 * GET /account/providers/remove?provider=…&subject=…: asks first, after a
 * recent sign-in, or says why the link cannot go; a link that is not the
 * account's goes back to the list.
 */
const confirmation = serveAccountPage<RemoveLinkView>(
  async ({ account, formToken, page }) => {
    const target = linkQuerySchema.safeParse(page.query);
    const found = target.success ? await linkToRemove(account, target.data) : undefined;
    if (!found) return { kind: "redirect", to: listUrl() };
    return { kind: "show", view: { csrf: formToken, link: found.link, refused: found.removal.kind === "last_way_in" } };
  },
  html(removeLinkScreen),
  { area: recentSignInArea, use: "change" },
);

/** POST /account/providers/remove: the provider stops signing in to the account at once, unless it is the last way in (422). */
const removal = serveAccountForm<{ csrf: string; provider: string; subject: string }, RemoveLinkView>({
  area: recentSignInArea,
  schema: removeLinkFormSchema,
  act: async (form, { account, formToken }) => {
    const result = await removeProviderLink(account, form);
    if (result.kind === "last_way_in") return { kind: "page", status: 422, view: { csrf: formToken, link: result.link, refused: true } };
    return { kind: "redirect", to: `${listUrl()}${result.kind === "removed" ? "?done=removed" : ""}` };
  },
  html: html(removeLinkScreen),
  returnTo: (form) => (form ? confirmationPath(form) : "/account/providers"),
});

export default pageWithForm(confirmation, removal);
