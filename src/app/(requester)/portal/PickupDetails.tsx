import { pickupInstructions } from "@/domain/pickup";

/** Where and when to collect scheduled records, what to bring, and who may collect (issue 13). */
export function PickupDetails({ at, now = new Date() }: { at: Date; now?: Date }) {
  const p = pickupInstructions(at, now);
  return (
    <section aria-labelledby="pickup-heading" id="pickup" className="stack card">
      <h2 id="pickup-heading">{p.soon ? `Your pickup is ${p.soon}` : "Your pickup"}</h2>
      <dl className="summary-list">
        <div>
          <dt>Where</dt>
          <dd>{p.where}</dd>
        </div>
        <div>
          <dt>When</dt>
          <dd>
            {p.day}, {p.window}
          </dd>
        </div>
        <div>
          <dt>Who may collect</dt>
          <dd>{p.whoMayCollect}</dd>
        </div>
      </dl>
      <h3>What to bring</h3>
      <ul>
        {p.bring.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p>{p.cannotCome}</p>
    </section>
  );
}
