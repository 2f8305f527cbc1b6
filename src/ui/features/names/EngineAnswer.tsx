/** One engine's reading of the name and what it finds among the open images. */
import type { EngineReading, ValidReport } from '../../../protocol/messages';

export function EngineAnswer({
  title,
  view,
  report,
  podman = false,
}: {
  title: string;
  view: EngineReading;
  report: ValidReport;
  podman?: boolean;
}) {
  // A search registry that is also the name's own registry yields the same candidate twice;
  // podman pulls each name once, so each is listed once, in first-seen order.
  const candidates = [...new Set(view.candidates)];
  return (
    <section className="panel" aria-label={`${title} resolution`}>
      <h2>{title}</h2>
      <p>
        {view.normalized ? (
          <>
            uses <code>{view.normalized}</code>
          </>
        ) : (
          <span className="muted">has no single answer for this short name</span>
        )}
      </p>
      {podman && candidates.length > 0 && (
        <>
          <h3>Tries, in order</h3>
          <ol className="candidates">
            {candidates.map((c) => (
              <li key={c} className={view.matches.includes(c) ? 'candidates__hit' : ''}>
                <code>{c}</code>
              </li>
            ))}
          </ol>
          <p className="muted">{report.podmanPull}</p>
        </>
      )}
      <h3>In the open archives</h3>
      {view.matches.length > 0 ? (
        <p className="ok-text">
          found:{' '}
          {view.matches.map((m) => (
            <code key={m}>{m} </code>
          ))}
        </p>
      ) : (
        <p className="warn-text">not found</p>
      )}
      <ul className="explanation">
        {view.explanation.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </section>
  );
}
