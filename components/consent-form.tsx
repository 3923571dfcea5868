import { DecisionButtons, RememberCheckbox } from "./decision-buttons";
import { HiddenFields } from "./hidden-fields";

export type ScopeItem = { name: string; title?: string; description?: string; required: boolean; sensitive: boolean };
export type ScopeGroup = { legend: string; scopes: ScopeItem[] };

type Props = {
  challenge: string;
  csrf: string;
  groups: ScopeGroup[];
  audience: string[];
  labels: { required: string; requiredHint: string; sensitive: string; audience: string; remember: string; accept: string; reject: string };
};

/**
 * One checkbox per shown scope with the scope as its id (`#openid`, `#email`…),
 * as Hydra's e2e tests expect. A required scope is ticked and disabled; the
 * submit route grants it whatever the form says.
 */
export function ConsentForm({ challenge, csrf, groups, audience, labels }: Props) {
  return (
    <form method="post" action="/consent/submit" className="stack">
      <HiddenFields challenge={challenge} csrf={csrf} />
      {groups
        .filter((group) => group.scopes.length > 0)
        .map((group) => (
          <fieldset key={group.legend}>
            <legend>{group.legend}</legend>
            {group.scopes.map((scope) => (
              <ScopeCheckbox key={scope.name} scope={scope} labels={labels} />
            ))}
          </fieldset>
        ))}
      {audience.length > 0 && (
        <div>
          <p className="audience-intro">{labels.audience}</p>
          <ul className="audience">
            {audience.map((entry) => (
              <li key={entry}>
                <code>{entry}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      <RememberCheckbox label={labels.remember} />
      <DecisionButtons accept={labels.accept} reject={labels.reject} />
    </form>
  );
}

function ScopeCheckbox({ scope, labels }: { scope: ScopeItem; labels: Props["labels"] }) {
  const detailsId = `scope-details-${scope.name}`;
  const hasDetails = Boolean(scope.description || scope.required);
  return (
    <div className={scope.sensitive ? "check scope sensitive" : "check scope"}>
      <input
        id={scope.name}
        name="grant_scope"
        type="checkbox"
        value={scope.name}
        defaultChecked
        disabled={scope.required}
        aria-describedby={hasDetails ? detailsId : undefined}
      />
      <div>
        <label htmlFor={scope.name}>
          {scope.title ?? scope.name}
          {scope.title && <span className="scope-name"> ({scope.name})</span>}
          {scope.sensitive && <span className="badge badge-sensitive">{labels.sensitive}</span>}
          {scope.required && <span className="badge">{labels.required}</span>}
        </label>
        {hasDetails && (
          <p className="scope-details" id={detailsId}>
            {[scope.description, scope.required ? labels.requiredHint : undefined].filter(Boolean).join(" ")}
          </p>
        )}
      </div>
    </div>
  );
}
