import { DecisionButtons } from "./decision-buttons";
import { HiddenFields } from "./hidden-fields";

type Props = { challenge: string; csrf: string; labels: { accept: string; reject: string } };

export function LogoutForm({ challenge, csrf, labels }: Props) {
  return (
    <form method="post" action="/logout/submit" className="stack">
      <HiddenFields challenge={challenge} csrf={csrf} />
      <DecisionButtons accept={labels.accept} reject={labels.reject} />
    </form>
  );
}
