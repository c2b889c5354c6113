/** The <option>s of a loss-reason select, with the empty "choose" prompt first (a reason is required). */
export function LossReasonOptions({ reasons }: { reasons: { id: string; label: string }[] }) {
  return (
    <>
      <option value="" disabled>
        Choose a reason…
      </option>
      {reasons.map((r) => (
        <option key={r.id} value={r.id}>
          {r.label}
        </option>
      ))}
    </>
  );
}
