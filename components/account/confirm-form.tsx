/**
 * The confirmation of an account action: one POST with the account's form
 * token, and a way back that is a plain link. Needs no JavaScript.
 */
export function ConfirmForm({
  action,
  csrf,
  fields = {},
  confirm,
  cancel,
  danger = false,
}: {
  action: string;
  csrf: string;
  fields?: Record<string, string>;
  confirm: string;
  cancel: string;
  danger?: boolean;
}) {
  return (
    <form method="post" action={action}>
      <input type="hidden" name="csrf" value={csrf} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="actions">
        <button type="submit" className={danger ? "primary danger" : "primary"}>
          {confirm}
        </button>
        <a className="button" href="/account">
          {cancel}
        </a>
      </div>
    </form>
  );
}
