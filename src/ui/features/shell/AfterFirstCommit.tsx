/**
 * Renders its children one commit after its own first: the workspace's first paint (the Layers table, the
 * tabs, the Image panel) was one long main-thread task, and the Image panel can come a moment later, in a
 * task of its own, without anyone waiting for it.
 */
import { startTransition, useEffect, useState, type ReactNode } from 'react';

export function AfterFirstCommit({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => startTransition(() => setShown(true)), []);
  return shown ? children : null;
}
