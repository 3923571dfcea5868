/**
 * The two submit buttons of every flow form. #accept comes first so Enter
 * accepts; #reject skips browser validation so an empty form can still be refused.
 */
export function DecisionButtons({ accept, reject }: { accept: string; reject: string }) {
  return (
    <div className="actions">
      <button id="accept" name="action" value="accept" type="submit" className="primary">
        {accept}
      </button>
      <button id="reject" name="action" value="reject" type="submit" formNoValidate>
        {reject}
      </button>
    </div>
  );
}

export function RememberCheckbox({ label }: { label: string }) {
  return (
    <div className="check">
      <input id="remember" name="remember" type="checkbox" value="1" />
      <label htmlFor="remember">{label}</label>
    </div>
  );
}
