/** The empty page: what strata is, the sample one click away, and how to bring an image. */
import { useState } from 'react';
import { FileInput } from './DropTarget';
import { openSample } from './open-file';
import './open.css';

export function StartScreen() {
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="start">
      <h1>See inside a container image</h1>
      <p className="start__lead">
        Drop a saved image here — <code>docker save</code>, <code>podman save</code>, an OCI archive, gzipped
        or not. Nothing is uploaded: the file is read in this tab.
      </p>
      <div className="start__actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            openSample().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
          }}
        >
          Open the sample
        </button>
        <FileInput label="Choose an archive…" />
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <dl className="start__how">
        <dt>Docker</dt>
        <dd>
          <code>docker save -o image.tar nginx:latest</code>
        </dd>
        <dt>Podman</dt>
        <dd>
          <code>podman save -o image.tar localhost/app:1</code> or <code>--format oci-archive</code>
        </dd>
        <dt>skopeo</dt>
        <dd>
          <code>skopeo copy docker://alpine oci-archive:alpine.tar</code>
        </dd>
      </dl>
    </section>
  );
}
