/** "Forgot password?" and "Create an account" under the sign-in form; each keeps the login challenge. */
export function SelfServiceLinks({ challenge, reset, register, labels }: { challenge: string; reset: boolean; register: boolean; labels: { nav: string; forgot: string; register: string } }) {
  if (!reset && !register) return null;
  const query = `?login_challenge=${encodeURIComponent(challenge)}`;
  return (
    <nav aria-label={labels.nav}>
      <ul className="self-service-links">
        {reset && (
          <li>
            <a href={`/forgot-password${query}`}>{labels.forgot}</a>
          </li>
        )}
        {register && (
          <li>
            <a href={`/register${query}`}>{labels.register}</a>
          </li>
        )}
      </ul>
    </nav>
  );
}
