import { DecisionButtons, RememberCheckbox } from "./decision-buttons";
import { HiddenFields } from "./hidden-fields";

type Props = {
  challenge: string;
  csrf: string;
  email: string;
  error?: string;
  labels: { email: string; password: string; remember: string; submit: string; cancel: string };
};

/** The DOM ids (#email, #password, #remember, #accept, #reject) are the contract Hydra's own e2e tests drive. */
export function LoginForm({ challenge, csrf, email, error, labels }: Props) {
  // Both fields point at the one message, so a screen reader announces it from either.
  const errorLink = error ? { "aria-invalid": true, "aria-describedby": "login-error" } : {};
  return (
    <form method="post" action="/login/submit" className="stack">
      <HiddenFields challenge={challenge} csrf={csrf} />
      {error && (
        <p className="alert" role="alert" id="login-error">
          {error}
        </p>
      )}
      <label htmlFor="email">{labels.email}</label>
      <input
        id="email"
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={email}
        {...errorLink}
        autoFocus={!email}
      />
      <label htmlFor="password">{labels.password}</label>
      <input
        id="password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        {...errorLink}
        autoFocus={Boolean(email)}
      />
      <RememberCheckbox label={labels.remember} />
      <DecisionButtons accept={labels.submit} reject={labels.cancel} />
    </form>
  );
}
