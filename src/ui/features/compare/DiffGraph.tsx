/** The linkage change drawn (added green, removed red, unchanged grey), with SVG and PNG export. */
import type { CompareReport } from '../../../protocol/compare';
import { downloadBlob } from '../download';
import { diffSvg, svgToPng } from './diff-svg';

export function DiffGraph({ graph, title }: { graph: CompareReport['graph']; title: string }) {
  if (graph.nodes.length === 0) return <p className="muted">No library link was added or removed.</p>;
  const svg = diffSvg(graph, title);
  return (
    <div className="compare-graph">
      <div className="compare-graph__tools">
        <button
          type="button"
          onClick={() => downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), 'strata-compare.svg')}
        >
          Export SVG
        </button>
        <button
          type="button"
          onClick={() => void svgToPng(svg).then((png) => downloadBlob(png, 'strata-compare.png'))}
        >
          Export PNG
        </button>
        {graph.omittedNodes > 0 && (
          <span className="muted">
            {graph.omittedNodes} more objects are left out of the picture; the tables list them all.
          </span>
        )}
      </div>
      {/* The markup is built from escaped text by diffSvg: the same document the exports save. */}
      <div
        className="compare-graph__picture"
        data-testid="compare-graph"
        dangerouslySetInnerHTML={{ __html: svg }}
      />
    </div>
  );
}
