// Types of the double's annotation store and filter for the TypeScript tests that call them
// (test/integration/annotation-store.test.ts).
export interface TagPair {
  key: string;
  value: string;
}
export interface StoredAnnotation {
  id: number;
  alertId: number;
  alertName: string;
  dashboardId: number;
  dashboardUID: string;
  panelId: number;
  userId: number;
  newState: string;
  prevState: string;
  created: number;
  updated: number;
  time: number;
  timeEnd: number;
  text: string;
  tags: string[];
  login: string;
  email: string;
  avatarUrl: string;
  data: unknown;
}
export interface AnnotationUser {
  userId: number;
  login: string;
  email: string;
}
export interface AnnotationQuery {
  from: number;
  to: number;
  limit: number;
  tags: string[];
  matchAny: boolean;
  type: string;
  dashboardUID: string;
  dashboardId: number;
  panelId: number;
  userId: number;
  alertId: number;
}
export type QueryInput = URLSearchParams | string | Record<string, string | string[] | undefined>;
export interface NewAnnotation {
  dashboardUID?: string;
  panelId?: number;
  time?: number;
  timeEnd?: number;
  text: string;
  tags?: string[];
  data?: unknown;
  created?: number;
  updated?: number;
}
export interface AnnotationPatch {
  text?: string;
  tags?: string[];
  time?: number;
  timeEnd?: number;
  data?: unknown;
}
export interface AnnotationStore {
  add(item: NewAnnotation, user: AnnotationUser): StoredAnnotation | { error: 'tags-length' };
  get(id: number): StoredAnnotation | undefined;
  find(query: QueryInput): StoredAnnotation[];
  patch(id: number, patch: AnnotationPatch): StoredAnnotation | { error: 'tags-length' } | undefined;
  remove(id: number): boolean;
}
export const DEFAULT_LIMIT: number;
export const MAX_TAGS_LENGTH: number;
export function parseTagPairs(tags: unknown): TagPair[];
export function joinTagPairs(pairs: TagPair[]): string[];
export function tagsLength(tags: string[]): number;
export function goInt(text: unknown): number;
export function readQuery(input: QueryInput): AnnotationQuery;
export function newestFirst(a: { id: number | string; time: number; timeEnd: number }, b: typeof a): number;
export function filterAnnotations<T extends { time: number; timeEnd: number; tags?: string[] }>(
  list: T[],
  query: QueryInput
): T[];
export function avatarUrl(email: string): string;
export function createAnnotationStore(options?: { now?: () => number }): AnnotationStore;
