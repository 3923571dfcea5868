import { HiddenFields } from "./hidden-fields";

type Props = { challenge: string; csrf: string; labels: { accept: string; reject: string } };

export function LogoutForm({ challenge, csrf, labels }: Props) {
  return (
    <form method="post" action="/logout/submit" className="stack">
      <HiddenFields challenge={challenge} csrf={csrf} />
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
