import { problemsOnly } from "@/components/html";
import { config as appConfig } from "@/lib/config";
import { updateProfile } from "@/lib/identity/users";
import { serveAccountForm } from "@/lib/server/account/serve";
import { profileFormSchema } from "@/lib/validations/account-input";

export const config = { api: { bodyParser: false } };

/** POST /account/profile/submit: the name fields and preferred language; the next ID token carries them. */
export default serveAccountForm({
  schema: profileFormSchema,
  act: async (form, { account }) => {
    await updateProfile(account.subject, { name: form.name, givenName: form.given_name, familyName: form.family_name, locale: form.locale });
    return { kind: "redirect", to: `${appConfig().appUrl}/account?done=profile_saved` };
  },
  html: problemsOnly,
});
