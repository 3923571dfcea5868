import { HiddenFields } from "./hidden-fields";

type Scope = { name: string; description?: string };

type Props = {
  challenge: string;
  csrf: string;
  scopes: Scope[];
  audience: string[];
  labels: { legend: string; audience: string; remember: string; accept: string; reject: string };
};

/** One checkbox per requested scope with the scope as its id (`#openid`, `#email`…), as Hydra's e2e tests expect. */
export function ConsentForm({ challenge, csrf, scopes, audience, labels }: Props) {
  return (
    <form method="post" action="/consent/submit" className="stack">
      <HiddenFields challenge={challenge} csrf={csrf} />
      {scopes.length > 0 && (
        <fieldset>
          <legend>{labels.legend}</legend>
          {scopes.map((scope) => (
            <div className="check" key={scope.name}>
              <input id={scope.name} name="grant_scope" type="checkbox" value={scope.name} defaultChecked />
              <label htmlFor={scope.name}>
                {scope.description ?? scope.name}
                {scope.description && <span className="scope-name"> ({scope.name})</span>}
              </label>
            </div>
          ))}
        </fieldset>
      )}
      {audience.length > 0 && <p>{labels.audience}</p>}
      <div className="check">
        <input id="remember" name="remember" type="checkbox" value="1" />
        <label htmlFor="remember">{labels.remember}</label>
      </div>
      <div className="actions">
        <button id="accept" name="action" value="accept" type="submit" className="primary">
          {labels.accept}
        </button>
        <button id="reject" name="action" value="reject" type="submit">
          {labels.reject}
        </button>
      </div>
    </form>
  );
}
