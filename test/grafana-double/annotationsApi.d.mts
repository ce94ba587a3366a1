// Types of the double's annotations API for the TypeScript tests that call it (test/integration/annotation-store.test.ts).
import type { AnnotationStore, AnnotationUser } from './annotations.mjs';

export const USERS: Record<'session' | 'editor' | 'viewer', AnnotationUser & { role: 'Editor' | 'Viewer' }>;
export interface AnnotationReply {
  status: number;
  json: any;
}
export function identify(
  headers: Record<string, string | undefined>,
  tokens?: { viewer?: string; editor?: string }
): { user: AnnotationUser } | { denied: AnnotationReply };
export function handleAnnotationRequest(
  store: AnnotationStore,
  config: { tokens?: { viewer?: string; editor?: string } },
  request: { method: string; pathname: string; search?: string; headers?: Record<string, string>; body?: string }
): AnnotationReply | undefined;
export function storeFromConfig(
  config: { annotations?: { seedFile?: string } } | undefined,
  readFile: (file: string) => string
): AnnotationStore;
