import type { ClientFormErrors, ClientFormField, ClientFormValues } from "@/lib/admin/client-form";
import { accessTokenStrategies, authMethods, grantTypes } from "@/lib/admin/client-fields";
import type { Translate } from "@/lib/i18n";
import { Checkbox, FormErrors, Select, TextArea, TextField } from "./fields";

type Props = {
  action: string;
  csrf: string;
  values: ClientFormValues;
  errors: ClientFormErrors;
  /** Hidden fields the post needs besides the form (the client id of an edit). */
  hidden?: Record<string, string>;
  submit: string;
  cancelHref: string;
  /** On create the secret may be typed (or left to Hydra); on edit a typed one replaces it. */
  secretHint: string;
  t: Translate;
};

/** The whole OAuth2 client as a form: every field Hydra takes, grouped, with the refusal of each next to it. */
export function ClientForm({ action, csrf, values, errors, hidden = {}, submit, cancelHref, secretHint, t }: Props) {
  const label = (field: ClientFormField) => t(`admin.client.fields.${field}`);
  const error = (field: ClientFormField) => (errors[field] ? t(errors[field]) : undefined);
  const text = (field: ClientFormField, type: "text" | "url" = "text", hint?: string) => (
    <TextField name={field} label={label(field)} value={values[field]} error={error(field)} type={type} hint={hint} />
  );
  const lines = (field: ClientFormField, hint: string, rows = 3, code = false) => (
    <TextArea name={field} label={label(field)} value={values[field]} error={error(field)} hint={hint} rows={rows} code={code} />
  );
  const check = (field: ClientFormField, hint?: string) => (
    <Checkbox name={field} label={label(field)} checked={values[field] === "on"} error={error(field)} hint={hint} />
  );
  const errorCount = Object.keys(errors).length;
  return (
    <form method="post" action={action} noValidate>
      <FormErrors count={errorCount} message={t("admin.client.errorCount", { count: errorCount })} />
      <input type="hidden" name="csrf" value={csrf} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset>
        <legend>{t("admin.client.groups.about")}</legend>
        {text("client_name")}
        {text("owner")}
        {text("client_uri", "url")}
        {text("logo_uri", "url")}
        {text("policy_uri", "url")}
        {text("tos_uri", "url")}
      </fieldset>
      <fieldset>
        <legend>{t("admin.client.groups.flows")}</legend>
        {lines("grant_types", t("admin.client.hints.grant_types", { types: grantTypes.join(", ") }))}
        {lines("response_types", t("admin.client.hints.response_types"), 2)}
        {text("scope", "text", t("admin.client.hints.scope"))}
        {lines("redirect_uris", t("admin.client.hints.redirect_uris"))}
        {lines("post_logout_redirect_uris", t("admin.client.hints.post_logout_redirect_uris"))}
        {lines("audience", t("admin.client.hints.list"), 2)}
        {lines("allowed_cors_origins", t("admin.client.hints.allowed_cors_origins"), 2)}
        {check("skip_consent", t("admin.client.hints.skip_consent"))}
      </fieldset>
      <fieldset>
        <legend>{t("admin.client.groups.authentication")}</legend>
        <Select
          name="token_endpoint_auth_method"
          label={label("token_endpoint_auth_method")}
          value={values.token_endpoint_auth_method}
          error={error("token_endpoint_auth_method")}
          options={authMethods.map((method) => ({ value: method, label: t(`admin.client.authMethods.${method}`) }))}
        />
        <TextField name="client_secret" label={label("client_secret")} value={values.client_secret} error={error("client_secret")} hint={secretHint} />
        {lines("jwks", t("admin.client.hints.jwks"), 4, true)}
        {text("jwks_uri", "url")}
        <Select
          name="access_token_strategy"
          label={label("access_token_strategy")}
          value={values.access_token_strategy}
          error={error("access_token_strategy")}
          options={[{ value: "", label: t("admin.client.strategyDefault") }, ...accessTokenStrategies.map((s) => ({ value: s, label: s }))]}
        />
      </fieldset>
      <fieldset>
        <legend>{t("admin.client.groups.logout")}</legend>
        {text("frontchannel_logout_uri", "url")}
        {check("frontchannel_logout_session_required")}
        {text("backchannel_logout_uri", "url")}
        {check("backchannel_logout_session_required")}
        {check("skip_logout_consent", t("admin.client.hints.skip_logout_consent"))}
      </fieldset>
      <fieldset>
        <legend>{t("admin.client.groups.metadata")}</legend>
        {lines("metadata", t("admin.client.hints.metadata"), 4, true)}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary">
          {submit}
        </button>
        <a className="button" href={cancelHref}>
          {t("admin.cancel")}
        </a>
      </div>
    </form>
  );
}
