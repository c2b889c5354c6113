/** The <option>s of a stage select, each with the probability a deal takes from it. */
export function StageOptions({ stages }: { stages: { id: string; name: string; probability: number }[] }) {
  return stages.map((s) => (
    <option key={s.id} value={s.id}>
      {s.name} ({s.probability} %)
    </option>
  ));
}
