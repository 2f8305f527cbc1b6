/**
 * How Docker and Podman read an image name: its parts with what was implied, each engine's answer,
 * Podman's candidates under an editable registries.conf, and whether (and why not) it matches an
 * image in the open archives. An invalid name says what is wrong and where.
 */
import { useDeferredValue, useState } from 'react';
import { DEFAULT_REGISTRIES_CONF_TEXT } from '../../../protocol/names';
import { useResolve } from '../../queries/use-names';
import { NameParts } from './NameParts';
import { EngineAnswer } from './EngineAnswer';
import './names.css';

export function ResolverPanel({ initialName }: { initialName: string }) {
  const [name, setName] = useState(initialName);
  const [conf, setConf] = useState(DEFAULT_REGISTRIES_CONF_TEXT);
  const deferredName = useDeferredValue(name);
  const deferredConf = useDeferredValue(conf);
  const result = useResolve(deferredName, 'podman', deferredConf);
  const data = result.data;
  const report = data?.report;
  return (
    <div className="resolver">
      <section className="panel" aria-label="Resolver">
        <h2>Resolve a name</h2>
        <input
          className="resolver__input"
          aria-label="Image name"
          list="open-image-names"
          value={name}
          spellCheck={false}
          placeholder="e.g. ubi7/ubi, nginx:1.27, localhost/app"
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <datalist id="open-image-names">
          {data?.openNames.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        {result.error && <p className="error-text">{result.error.message}</p>}
        {report && !report.valid && (
          <div role="alert" className="error-panel resolver__invalid">
            <strong>Not a valid image name.</strong> {report.error}
          </div>
        )}
        {report?.valid && <NameParts report={report} />}
      </section>
      {report?.valid && (
        <div className="resolver__engines">
          <EngineAnswer title="Docker" view={report.engines.docker} report={report} />
          <EngineAnswer title="Podman" view={report.engines.podman} report={report} podman />
        </div>
      )}
      <section className="panel" aria-label="registries.conf">
        <h2>Podman's registries.conf</h2>
        <textarea
          aria-label="registries.conf"
          className="resolver__conf"
          spellCheck={false}
          value={conf}
          onChange={(e) => setConf(e.currentTarget.value)}
          rows={8}
        />
        {data?.confError && (
          <p className="error-text">{data.confError} (Fedora's defaults are used until it parses.)</p>
        )}
        <p className="muted">
          unqualified-search-registries, [aliases] and short-name-mode decide how Podman expands a short name.
          Docker ignores this file.
        </p>
      </section>
    </div>
  );
}
