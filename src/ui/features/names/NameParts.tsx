/** The parts of a valid name, with the parts the engine implied marked as such. */
import type { ValidReport } from '../../../protocol/messages';

function Part({ label, value, implied }: { label: string; value: string | null; implied: boolean }) {
  return (
    <div className={implied ? 'name-part name-part--implied' : 'name-part'}>
      <span className="name-part__label">{label}</span>
      <code className="name-part__value">{value ?? '—'}</code>
      {implied && <span className="name-part__note">implied</span>}
    </div>
  );
}

export function NameParts({ report }: { report: ValidReport }) {
  if (report.kind === 'id') {
    return (
      <p>
        This is an image ID, not a name: <code>{report.digest}</code>.
      </p>
    );
  }
  const path = report.path ?? '';
  const slash = path.lastIndexOf('/');
  const namespace = slash >= 0 ? path.slice(0, slash) : null;
  const repository = slash >= 0 ? path.slice(slash + 1) : path;
  return (
    <div className="name-parts" aria-label="Name parts">
      <Part label="registry" value={report.registry} implied={report.implied.includes('registry')} />
      <Part label="namespace" value={namespace} implied={report.implied.includes('namespace')} />
      <Part label="repository" value={repository} implied={false} />
      <Part
        label={report.digest ? 'digest' : 'tag'}
        value={report.digest ?? report.tag}
        implied={report.implied.includes('tag')}
      />
      {report.notes.map((n) => (
        <p key={n} className="muted">
          {n}
        </p>
      ))}
    </div>
  );
}
