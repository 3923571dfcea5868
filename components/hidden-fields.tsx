export function HiddenFields({ challenge, csrf }: { challenge: string; csrf: string }) {
  return (
    <>
      <input type="hidden" name="challenge" value={challenge} />
      <input type="hidden" name="csrf" value={csrf} />
    </>
  );
}
