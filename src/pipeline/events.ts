// The pipeline's announcements (articles stored, stories changed, watches matched), so the
// server can push them to browsers as server-sent events. In-process only: a worker on
// another machine reaches browsers through the database, not through this bus.
import { EventEmitter } from 'node:events';

export type PipelineEvent =
  | { type: 'articles'; ids: number[] }
  | { type: 'stories'; ids: number[] }
  | { type: 'watches'; ids: number[] };

/** A typed, in-process publish/subscribe channel for pipeline events. */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Every open browser tab is one listener; the default cap of 10 would warn.
    this.emitter.setMaxListeners(0);
  }

  emit(event: PipelineEvent): void {
    if (event.ids.length > 0) this.emitter.emit('event', event);
  }

  /** Calls `listener` for each event until the returned function is called. */
  subscribe(listener: (event: PipelineEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
