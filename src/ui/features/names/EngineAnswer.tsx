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
      {podman && view.candidates.length > 0 && (
        <>
          <h3>Tries, in order</h3>
          <ol className="candidates">
            {view.candidates.map((c, i) => (
              <li key={`${c}-${i}`} className={view.matches.includes(c) ? 'candidates__hit' : ''}>
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
